/**
 * Every IRI the reference server emits can be dereferenced by the user it was emitted to, over
 * HTTP on an ephemeral loopback port. A link-driven client follows ids, so: walk what the demo
 * user reaches by links from two roots (the seed's collection and the user itself, from which
 * its memberships lead to its accounts), bounded, and dereference every `id` and link in each
 * answer walked. Each must answer 200, every embedded node must say what it says at its own URL
 * (`copyDifferences`), and every answer walked must decode strictly with the vocabulary.
 *
 * The walk is a deterministic breadth-first search that takes, at each step, the oldest pending
 * URL of the route walked least so far: every kind of answer early, then deeper, the same on
 * every run. Action links (`closeConversation`, `retry`, …) are URLs to PUT, DELETE or POST, not
 * resources: they are not followed, and a GET on each answers 405 with an `Allow` naming the
 * action's method (the URL is there, the method is not that one).
 *
 * @module
 */
import { listActions } from '@hyperld/hydra';
import { textusRegistry, textusRoutes } from '@hyperld/textus';
import { DEMO_TOKEN, DEMO_USER_ID, SEED_CONTACT_ID, startTextusServer } from '@hyperld/textus-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyDifferences, embeddedNodes, emittedIris, isNode } from './helpers/nodes.js';
import { call, type CallResult } from './helpers/textus-server.js';

type Json = Record<string, unknown>;

/** How many answers the walk reads (each of their ids and links is dereferenced besides). */
const WALK = 400;
const ROOTS = ['/', `/contacts/${SEED_CONTACT_ID}/conversations`, `/users/${DEMO_USER_ID}`];

let server: Awaited<ReturnType<typeof startTextusServer>>;

beforeAll(async () => {
  server = await startTextusServer({ file: ':memory:', port: 0, announce: false });
});

afterAll(async () => {
  await server.close();
});

const answers = new Map<string, Promise<CallResult>>();
/** GET as the demo user, each URL once. */
function get(url: string): Promise<CallResult> {
  let answer = answers.get(url);
  if (answer === undefined) {
    answer = call(server.url, 'GET', url, { token: DEMO_TOKEN });
    answers.set(url, answer);
  }
  return answer;
}

/** An IRI without its fragment: what a GET of it asks for. */
const resource = (iri: string): string => iri.replace(/#.*$/, '');

/** The GET routes, to tell which kind of answer a URL names. */
const getRoutes = textusRoutes
  .filter((r) => r.method === 'GET')
  .map((r) => ({ name: r.name, pattern: new RegExp(`^${r.template.replace(/\{\w+\}/g, '[^/?#]+')}(?:\\?.*)?$`) }));
const routeOf = (url: string): string => getRoutes.find((r) => r.pattern.test(url))?.name ?? '(no route)';

/** The walk's frontier: pending URLs by route, and how many of each route were walked. */
class Frontier {
  private readonly pending = new Map<string, string[]>();
  private readonly enqueued = new Set<string>();
  readonly walked = new Map<string, number>();

  add(url: string): void {
    if (this.enqueued.has(url)) return;
    this.enqueued.add(url);
    const route = routeOf(url);
    const list = this.pending.get(route) ?? [];
    list.push(url);
    this.pending.set(route, list);
  }

  /** The oldest pending URL of the route walked least so far (ties: the route first queued). */
  take(): string | undefined {
    let best: [string, string[]] | undefined;
    for (const entry of this.pending) {
      if (entry[1].length === 0) continue;
      if (best === undefined || (this.walked.get(entry[0]) ?? 0) < (this.walked.get(best[0]) ?? 0)) best = entry;
    }
    if (best === undefined) return undefined;
    this.walked.set(best[0], (this.walked.get(best[0]) ?? 0) + 1);
    return best[1].shift();
  }
}

describe('every IRI the server emits', () => {
  it(`dereferences with 200 for the user it was emitted to, consistent with every embedded copy (a walk of ${WALK} answers)`, async () => {
    // Arrange: walk.
    const frontier = new Frontier();
    for (const root of ROOTS) frontier.add(root);
    const walked: { url: string; body: Json }[] = [];
    for (let url = frontier.take(); url !== undefined && walked.length < WALK; url = frontier.take()) {
      const answer = await get(url);
      expect(answer.status, `GET ${url}`).toBe(200);
      expect(() => textusRegistry.decode(answer.text, { base: new URL(url, server.url).href, strict: true }), url).not.toThrow();
      walked.push({ url, body: answer.json });
      for (const { iri } of emittedIris(answer.json)) frontier.add(resource(iri));
    }

    // Act and assert: every id and link of every answer walked answers 200.
    const dereferenced = new Set<string>();
    const contexts = new Set<string>();
    let emitted = 0;
    for (const { url, body } of walked) {
      for (const { path, iri } of emittedIris(body)) {
        const answer = await get(resource(iri));
        expect(answer.status, `${url} ${path}: GET ${iri}`).toBe(200);
        dereferenced.add(resource(iri));
        emitted++;
      }
      for (const { node } of [{ node: body }, ...embeddedNodes(body)]) if (typeof node['@context'] === 'string') contexts.add(node['@context']);
    }
    // … each embedded copy says what the node says at its own URL …
    let copies = 0;
    for (const { url, body } of walked) {
      for (const { path, node } of embeddedNodes(body)) {
        const id = node['id'] as string;
        const own = (await get(resource(id))).json;
        const target = resource(id) === id ? own : embeddedNodes(own).find((n) => n.node['id'] === id)?.node;
        expect(isNode(target), `${url} ${path}: ${id} is not in its own answer`).toBe(true);
        expect(copyDifferences(node, target as Json), `${url} ${path} (${String(node['@type'])} ${id})`).toEqual([]);
        copies++;
      }
    }
    // … every context they name is served …
    for (const context of contexts) expect((await call(server.url, 'GET', context)).status, context).toBe(200);
    // … and every action link is an action URL: a GET is refused with 405, the action's method allowed.
    const actions = new Map<string, string>();
    for (const { body } of walked) {
      for (const { node } of [{ node: body }, ...embeddedNodes(body)]) {
        for (const a of listActions(node, { registry: textusRegistry })) if (a.state === 'available' && a.href !== undefined) actions.set(`${a.href} ${a.method}`, a.href);
      }
    }
    for (const [key, href] of actions) {
      const answer = await get(href);
      expect(answer.status, `GET ${href}`).toBe(405);
      expect(answer.headers.get('allow')?.split(/,\s*/), key).toContain(key.slice(href.length + 1));
    }
    // … and every search template, filled with each value its variables accept, answers 200.
    const searches = new Set<string>();
    for (const { body } of walked) {
      const search = body['search'] as Json | undefined;
      if (search?.['@type'] !== 'hydra:IriTemplate') continue;
      const template = search['template'] as string;
      if (searches.has(template)) continue;
      searches.add(template);
      const path = template.replace(/\{\?.*\}$/, '');
      for (const url of [`${path}?per_page=1`, ...(template.includes('state') ? ['open', 'closed', 'blocked'].map((state) => `${path}?state=${state}&per_page=2`) : [])]) {
        expect((await get(url)).status, `GET ${url}`).toBe(200);
      }
    }
    expect(searches.size).toBeGreaterThan(1);

    // The walk's reach: as far as asked, through every GET route, and thousands of ids and links.
    expect(walked.length).toBe(WALK);
    const reached = new Set(walked.map((w) => routeOf(w.url)));
    expect([...getRoutes.map((r) => r.name)].filter((name) => !reached.has(name))).toEqual([]);
    expect(emitted).toBeGreaterThan(WALK * 10);
    expect(dereferenced.size).toBeGreaterThan(WALK * 2);
    expect(copies).toBeGreaterThan(WALK * 5);
    expect(actions.size).toBeGreaterThan(100);
  }, 120_000);
});
