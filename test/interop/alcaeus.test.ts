/**
 * Interop (issue 15): Alcaeus 3, a generic Hydra client that knows nothing of hyperld, against the
 * reference server over HTTP on an ephemeral loopback port. It reads the answers with the
 * published Hydra context (served offline from the project's own copy) and the API
 * documentation the server links to, and must see what hyperld's own reading sees: the seed
 * collection's members and total, its pages to the end, and on the seed conversation exactly the
 * actions `listActions` finds available, on the links that carry them, by method and URL.
 *
 * @module
 */
import { HYDRA_CONTEXT, listActions, propertyIri } from '@hyperld/hydra';
import { Conversation, textusRegistry } from '@hyperld/textus';
import { DEMO_TOKEN, DEMO_USER_ID, SEED_CONTACT_ID, SEED_CONVERSATION_ID, type PagePosition } from '@hyperld/textus-server';
import rdf, { Environment } from '@zazuko/env-node';
import create, { type RuntimeOperation } from 'alcaeus';
import { afterAll, describe, expect, it } from 'vitest';
import { useOfflineTextusServer } from '../helpers/offline-textus-server.js';
import { call } from '../helpers/textus-server.js';

const HYDRA = 'http://www.w3.org/ns/hydra/core#';

const suite = useOfflineTextusServer();

afterAll(() => {
  // Nothing reached the network: the Hydra context came from the project's copy.
  expect(suite.network.refused).toEqual([]);
  expect(suite.network.served).toContain(HYDRA_CONTEXT);
});

/** A fresh Alcaeus (its own resource store and API documentation cache) as the demo user. */
function alcaeus() {
  const env = new Environment(create({ fetch: suite.network.fetch }), { parent: rdf });
  env.hydra.defaultHeaders = { authorization: `Bearer ${DEMO_TOKEN}` };
  return env;
}

type Env = ReturnType<typeof alcaeus>;

/** Loads a resource and answers its root, failing on anything but a 200 with a root. */
async function load(env: Env, url: string) {
  const { response, representation } = await env.hydra.loadResource(url);
  expect(response?.xhr.status, `GET ${url}`).toBe(200);
  const root = representation?.root;
  if (!root) throw new Error(`Alcaeus found no root resource in ${url}`);
  return root;
}

/** Every conversation of the seed contact the demo user may see, as absolute URLs, from the store. */
function storeConversationUrls(): string[] {
  const urls: string[] = [];
  let position: PagePosition;
  for (;;) {
    const page = suite.server.store.conversationsOfContact(DEMO_USER_ID, SEED_CONTACT_ID, position, 25);
    urls.push(...page.rows.map((row) => new URL(`/conversations/${row.id}`, suite.server.url).href));
    const last = page.rows[page.rows.length - 1];
    if (!page.hasNext || last === undefined) return urls;
    position = { after: last.seq };
  }
}

/** `METHOD URL` of each operation, sorted and without repeats. */
function summary(operations: readonly RuntimeOperation[]): string[] {
  return [...new Set(operations.map((op) => `${op.method?.toUpperCase()} ${op.target.id.value}`))].sort();
}

/** The operations Alcaeus finds on a resource's links: `getLinks()` → each link's resources → `operations`. */
async function linkOperations(env: Env, url: string) {
  const conversation = await load(env, url);
  const links = conversation.getLinks();
  const byLink = links.map(({ supportedProperty, resources }) => ({
    property: supportedProperty.property?.id.value,
    operations: resources.flatMap((resource) => (resource as unknown as { operations: RuntimeOperation[] }).operations),
  }));
  return { conversation, byLink, operations: byLink.flatMap((link) => link.operations) };
}

/** The IRI of a Conversation property, as hyperld's API documentation names it. */
function actionIri(name: string): string {
  const kind = (Conversation.properties as Record<string, Parameters<typeof propertyIri>[2]>)[name];
  if (kind === undefined) throw new Error(`Conversation has no property ${name}`);
  return propertyIri(Conversation, name, kind);
}

/** The available actions of hyperld's own reading of a conversation, as `METHOD URL`. */
async function hyperldActions(url: string) {
  const answer = await call(suite.server.url, 'GET', url, { token: DEMO_TOKEN });
  expect(answer.status).toBe(200);
  const node = textusRegistry.decodeAs(Conversation, answer.text, { base: new URL(url, suite.server.url).href });
  return listActions(node, { registry: textusRegistry });
}

describe('Alcaeus 3 against the reference server', () => {
  it('loads the seed collection: 25 hydra:members, totalItems 87, and pages to the end through view.next', async () => {
    const env = alcaeus();
    const first = await load(env, `${suite.server.url}/contacts/${SEED_CONTACT_ID}/conversations`);
    expect(first.getArray(`${HYDRA}member`)).toHaveLength(25);
    expect(first.getNumber(`${HYDRA}totalItems`)).toBe(87);

    const ids: string[] = [];
    let page = first;
    for (let pages = 0; ; pages++) {
      expect(pages, 'more pages than 87 conversations can fill').toBeLessThan(10);
      ids.push(...page.getArray(`${HYDRA}member`).map((member) => member.id.value));
      const next = page.get(`${HYDRA}view`)?.get(`${HYDRA}next`);
      if (!next) break;
      page = await load(env, next.id.value);
    }
    expect(new Set(ids).size).toBe(87);
    expect(ids).toEqual(storeConversationUrls());
    // Alcaeus asks for the API documentation again with every page: slow on a busy machine.
  }, 90_000);

  it('finds on the seed conversation’s links exactly the available actions of listActions, by method and absolute URL', async () => {
    const url = `${suite.server.url}/conversations/${SEED_CONVERSATION_ID}`;
    const { byLink, operations } = await linkOperations(alcaeus(), url);
    const actions = await hyperldActions(url);
    const available = actions.flatMap((a) => (a.state === 'available' ? [`${a.method} ${a.url}`] : []));
    console.log(
      `Alcaeus finds on ${SEED_CONVERSATION_ID}'s links:\n${byLink
        .filter((link) => link.operations.length > 0)
        .map((link) => `  ${link.property}: ${summary(link.operations).join(', ')}`)
        .join('\n')}`,
    );
    expect(available.length).toBeGreaterThan(0);
    expect(summary(operations)).toEqual([...new Set(available)].sort());
    // Each available action is on the link named after it, not merely somewhere on the conversation.
    for (const a of actions) {
      if (a.state !== 'available') continue;
      const link = byLink.find((l) => l.property === actionIri(a.name));
      expect(link, `no link for ${a.name}`).toBeDefined();
      expect(summary(link?.operations ?? []), a.name).toContain(`${a.method} ${a.url}`);
    }
  });

  it('finds nothing for a null link, and offers nothing but GET on the conversation itself', async () => {
    const url = `${suite.server.url}/conversations/${SEED_CONVERSATION_ID}`;
    const { conversation, byLink } = await linkOperations(alcaeus(), url);
    const actions = await hyperldActions(url);
    const unavailable = actions.filter((a) => a.state === 'unavailable').map((a) => a.name);
    expect(unavailable).toEqual(expect.arrayContaining(['reopenConversation', 'unblockConversation', 'subscribeConversation']));
    // The documentation declares each of them a link (Alcaeus lists it with `includeMissing`), and
    // the document's null gives it no resource, so no operation.
    const declared = conversation.getLinks(true);
    for (const name of unavailable) {
      const link = declared.find((l) => l.supportedProperty.property?.id.value === actionIri(name));
      expect(link, `${name} is not a hydra:Link of the API documentation`).toBeDefined();
      expect(link?.resources, name).toEqual([]);
      expect(byLink.find((l) => l.property === actionIri(name))?.operations ?? [], name).toEqual([]);
    }
    // The actions are on the links; the conversation itself is only read.
    const own = (conversation as unknown as { operations: RuntimeOperation[] }).operations;
    console.log(`Alcaeus finds on ${SEED_CONVERSATION_ID} itself: ${summary(own).join(', ') || 'nothing'}`);
    expect(own.filter((op) => op.method?.toUpperCase() !== 'GET').map((op) => op.method)).toEqual([]);
  });

  it('invokes its close operation: the store says closed, and a reload offers reopen and no close', async () => {
    const env = alcaeus();
    const url = `${suite.server.url}/conversations/${SEED_CONVERSATION_ID}`;
    const closeUrl = `${url}/close`;
    const reopenUrl = `${url}/reopen`;
    const before = await linkOperations(env, url);
    const close = before.operations.find((op) => op.method?.toUpperCase() === 'PUT' && op.target.id.value === closeUrl);
    if (!close) throw new Error(`Alcaeus offers no PUT ${closeUrl}`);
    expect(suite.server.store.conversation(SEED_CONVERSATION_ID)?.current_state).toBe('open');

    const { response } = await close.invoke();
    expect(response?.xhr.status).toBeLessThan(300);
    expect(suite.server.store.conversation(SEED_CONVERSATION_ID)?.current_state).toBe('closed');

    const after = await linkOperations(env, url);
    const offered = summary(after.operations);
    expect(offered).toContain(`PUT ${reopenUrl}`);
    expect(offered).not.toContain(`PUT ${closeUrl}`);
  });
});
