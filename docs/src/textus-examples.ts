/**
 * The example exchanges of the TextUs API reference, produced by the REAL reference server: its
 * handler runs in process over a freshly seeded in-memory store, each route is requested with
 * the demo token, and each answer is checked to decode (strictly) with `textusRegistry` and to
 * re-encode to the very same text. Nothing here is written by hand, so the reference cannot drift
 * from the serializer.
 *
 * @module
 */
import type { Registry } from '@hyperld/core';
import { listActions } from '@hyperld/hydra';
import { expandIriTemplate } from '@hyperld/hydra/search';
import { CONVERSATION_ACTIONS, TEXTUS_MEDIA_TYPE, textusRegistry, textusRoutes, type Route } from '@hyperld/textus';
import {
  assignmentId,
  createTextusHandler,
  DEMO_TOKEN,
  DEMO_USER_ID,
  SEED_ACCOUNT_ID,
  SEED_CONTACT_ID,
  SEED_CONVERSATION_ID,
  SEED_MESSAGE_ID,
  SEED_PHONE_ID,
  seedStore,
  TextusStore,
} from '@hyperld/textus-server';

/** What {@link checkExample} needs of a registry (tests pass another one). */
type Codec = Pick<Registry, 'decode' | 'encodeText'>;

/**
 * One example exchange of a route, as the reference server answered it.
 *
 * @example
 * ```ts
 * import type { EndpointExample } from './textus-examples.js';
 * declare const example: EndpointExample;
 * example.request.path; // '/contacts/DQeeO69/conversations'
 * ```
 */
export interface EndpointExample {
  /** The route. */
  readonly route: Route;
  /** The request that was sent (the path relative to the API root, as the reference shows it). */
  readonly request: { readonly method: Route['method']; readonly path: string };
  /** Why this resource was picked (which conversation, in which state), for the page's prose. */
  readonly note: string;
  /** The answer's status. */
  readonly status: number;
  /** The answer's `Content-Type`, or `null` without a body. */
  readonly contentType: string | null;
  /** The body exactly as the server sent it, or `undefined` when there was none. */
  readonly raw: string | undefined;
  /** The body as the page shows it: the same node, re-encoded with an indent of two. */
  readonly body: string | undefined;
  /** The body's `@type`, or `undefined` when there was none. */
  readonly type: string | undefined;
}

/**
 * The error a docs build fails with when an example does not hold.
 *
 * @example
 * ```ts
 * import { ExampleError } from './textus-examples.js';
 * new ExampleError('textus/endpoints/contact.html', 'status 404, expected 200').message;
 * ```
 */
export class ExampleError extends Error {
  override name = 'ExampleError';
  /**
   * @param page - the page whose example failed (its path from the site root).
   * @param reason - what went wrong.
   * @param options - the underlying error.
   */
  constructor(
    readonly page: string,
    reason: string,
    options?: { readonly cause?: unknown },
  ) {
    super(`${page}: ${reason}`, options);
  }
}

/**
 * The page of a route, from the site root.
 *
 * @param route - the route.
 * @returns `textus/endpoints/<route name>.html`.
 * @example
 * ```ts
 * import { textusRoutes } from '@hyperld/textus';
 * import { endpointPagePath } from './textus-examples.js';
 * endpointPagePath(textusRoutes[0]!); // 'textus/endpoints/contactConversations.html'
 * ```
 */
export function endpointPagePath(route: Route): string {
  return `textus/endpoints/${safeName(route.name)}.html`;
}

/**
 * A file name for a type term or route name: `hydra:Collection` becomes `hydra-Collection` (a
 * colon would make a relative link read as a URL scheme).
 *
 * @param name - the term.
 * @returns letters, digits, `_` and `-` only.
 * @example
 * ```ts
 * import { safeName } from './textus-examples.js';
 * safeName('hydra:PartialCollectionView'); // 'hydra-PartialCollectionView'
 * ```
 */
export function safeName(name: string): string {
  return name.replace(/[^A-Za-z0-9_-]/g, '-');
}

/**
 * Checks one example body: it must decode strictly with the registry, re-encode to the very same
 * text (with `space` when the text is indented), and be of the expected `@type`.
 *
 * @param page - the page the example belongs to, named in the error.
 * @param text - the body.
 * @param options - the expected `@type`, the indent the text uses, and the registry (default `textusRegistry`).
 * @returns the decoded node's `@type`.
 * @throws {@link ExampleError} naming the page when the body does not decode, does not round-trip
 * or has another type.
 * @example
 * ```ts
 * import { checkExample } from './textus-examples.js';
 * checkExample('textus/endpoints/account.html', '{"@type":"Account","@context":"/contexts/Account.jsonld","id":"/accounts/a","name":"A"}'); // 'Account'
 * ```
 */
export function checkExample(
  page: string,
  text: string,
  options: { readonly expectedType?: string; readonly space?: number; readonly registry?: Codec } = {},
): string {
  const registry = options.registry ?? textusRegistry;
  let node: object;
  try {
    node = registry.decode(text, { strict: true });
  } catch (error) {
    throw new ExampleError(page, `the example body does not decode with textusRegistry (strict): ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  const again = options.space === undefined ? registry.encodeText(node) : registry.encodeText(node, { space: options.space });
  if (again !== text) {
    const at = firstDifference(again, text);
    throw new ExampleError(
      page,
      `the example body does not round-trip: encodeText(decode(text)) differs from the text at offset ${at} (${JSON.stringify(text.slice(at, at + 40))} became ${JSON.stringify(again.slice(at, at + 40))})`,
    );
  }
  const type = (node as Record<string, unknown>)['@type'];
  if (typeof type !== 'string') throw new ExampleError(page, 'the example body has no @type');
  if (options.expectedType !== undefined && type !== options.expectedType) {
    throw new ExampleError(page, `the example body is a ${type}, but the route says it returns ${options.expectedType}`);
  }
  return type;
}

function firstDifference(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/**
 * The seed id each path variable of the routes takes in the examples: the seed's own, and for
 * what has no named id (its notes, memberships) the first of the seed contact's or demo user's.
 */
function seedParams(store: TextusStore): Readonly<Record<string, string>> {
  const params: Record<string, string> = {
    contact: SEED_CONTACT_ID,
    conversation: SEED_CONVERSATION_ID,
    message: SEED_MESSAGE_ID,
    account: SEED_ACCOUNT_ID,
    user: DEMO_USER_ID,
    phone: SEED_PHONE_ID,
    assignment: assignmentId(SEED_CONVERSATION_ID, DEMO_USER_ID),
  };
  const note = store.notesOf(SEED_CONTACT_ID)[0];
  if (note) params['note'] = note.id;
  const membership = store.membershipsOf(DEMO_USER_ID).find((m) => m.account_id === SEED_ACCOUNT_ID);
  if (membership) params['membership'] = membership.id;
  return params;
}

function variablesOf(template: string): string[] {
  return [...template.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1] as string);
}

/** Where an API request goes: the handler only looks at the path, the host is a placeholder. */
const ORIGIN = 'http://textus.example';

type Handler = (request: Request) => Promise<Response>;

interface Exchange {
  readonly status: number;
  readonly contentType: string | null;
  readonly text: string;
}

async function send(handler: Handler, method: string, path: string): Promise<Exchange> {
  const response = await handler(new Request(`${ORIGIN}${path}`, { method, headers: { accept: TEXTUS_MEDIA_TYPE, authorization: `Bearer ${DEMO_TOKEN}` } }));
  return { status: response.status, contentType: response.headers.get('content-type'), text: await response.text() };
}

function toExample(route: Route, path: string, note: string, exchange: Exchange): EndpointExample {
  const page = endpointPagePath(route);
  if (exchange.status !== route.status) {
    throw new ExampleError(page, `${route.method} ${path} answered ${exchange.status}, but the route documents ${route.status}: ${exchange.text.slice(0, 300)}`);
  }
  if (exchange.text === '') {
    if (route.returns !== undefined) throw new ExampleError(page, `${route.method} ${path} answered no body, but the route returns a ${route.returns}`);
    return { route, request: { method: route.method, path }, note, status: exchange.status, contentType: null, raw: undefined, body: undefined, type: undefined };
  }
  const expected = route.returns !== undefined ? { expectedType: route.returns } : {};
  const type = checkExample(page, exchange.text, expected);
  const body = textusRegistry.encodeText(textusRegistry.decode(exchange.text, { strict: true }), { space: 2 });
  checkExample(page, body, { ...expected, space: 2 });
  return { route, request: { method: route.method, path }, note, status: exchange.status, contentType: exchange.contentType, raw: exchange.text, body, type };
}

interface Listed {
  readonly node: Record<string, unknown>;
  readonly id: string;
}

/** Every conversation of the seed contact the demo user sees, across pages, by following `next`. */
async function seedConversations(handler: Handler): Promise<Listed[]> {
  const out: Listed[] = [];
  let next: string | null = `/contacts/${SEED_CONTACT_ID}/conversations`;
  for (let pages = 0; next !== null && pages < 100; pages++) {
    const exchange = await send(handler, 'GET', next);
    const page = textusRegistry.decode(exchange.text, { strict: true }) as unknown as { members: Record<string, unknown>[]; view?: { next?: string | null } };
    for (const node of page.members) out.push({ node, id: String(node['id']) });
    next = page.view?.next ?? null;
  }
  return out;
}

function stateOf(node: Record<string, unknown>): string {
  const facts = [`${String(node['currentState'])}`];
  if (node['unsubscribed'] === true) facts.push('unsubscribed');
  return facts.join(', ');
}

/**
 * Runs every route of `textusRoutes` against the reference server, in process, over a freshly
 * seeded in-memory store: each GET on the seed's ids; each conversation action on a conversation
 * of the seed contact where it is available (a different one per action, following the action's
 * own link); the retry on a failed message whose `retry` link is offered. Every answer is checked
 * with {@link checkExample}.
 *
 * @returns the examples by route name, in `textusRoutes` order.
 * @throws {@link ExampleError} naming the page whose example failed.
 * @example
 * ```ts
 * import { collectTextusExamples } from './textus-examples.js';
 * const examples = await collectTextusExamples();
 * examples.get('contactConversations')?.status; // 200
 * ```
 */
export async function collectTextusExamples(): Promise<Map<string, EndpointExample>> {
  const store = TextusStore.open(':memory:');
  try {
    seedStore(store);
    const handler = createTextusHandler({ store }).fetch;
    const examples = new Map<string, EndpointExample>();
    const seedIds = seedParams(store);

    // GETs first: they show the seed as it was seeded, before any action changes it.
    for (const route of textusRoutes.filter((r) => r.method === 'GET')) {
      const values: Record<string, string> = {};
      for (const name of variablesOf(route.template)) {
        const value = seedIds[name];
        if (value === undefined) throw new ExampleError(endpointPagePath(route), `no seed id for the path variable {${name}} of ${route.template}`);
        values[name] = value;
      }
      const path = expandIriTemplate(route.template, values);
      examples.set(route.name, toExample(route, path, 'The seed data, as the reference server serves it.', await send(handler, 'GET', path)));
    }

    const conversations = await seedConversations(handler);
    const used = new Set<string>([`/conversations/${SEED_CONVERSATION_ID}`]);
    for (const route of textusRoutes.filter((r) => r.method !== 'GET')) {
      const action = route.action;
      const page = endpointPagePath(route);
      if (action !== undefined && Object.hasOwn(CONVERSATION_ACTIONS, action)) {
        const pick = conversations.find((c) => !used.has(c.id) && typeof c.node[action] === 'string');
        if (!pick) throw new ExampleError(page, `no conversation of ${SEED_CONTACT_ID} offers ${action}`);
        used.add(pick.id);
        const link = pick.node[action] as string;
        const note = `Run on conversation ${pick.id} (${stateOf(pick.node)}), whose ${action} link was offered.`;
        examples.set(route.name, toExample(route, link, note, await send(handler, route.method, link)));
      } else if (action === 'retry') {
        const found = await failedMessage(handler, conversations);
        if (!found) throw new ExampleError(page, 'no failed message with a retry link in the seed');
        const note = `Run on message ${found.id} (${found.state}), whose retry link was offered.`;
        examples.set(route.name, toExample(route, found.link, note, await send(handler, route.method, found.link)));
      } else {
        throw new ExampleError(page, `no way to produce an example of ${route.method} ${route.template}`);
      }
    }
    return new Map(textusRoutes.map((r) => [r.name, examples.get(r.name) as EndpointExample]));
  } finally {
    store.close();
  }
}

/** A failed message that offers `retry`, found by walking the conversations' timelines. */
async function failedMessage(handler: Handler, conversations: readonly Listed[]): Promise<{ id: string; link: string; state: string } | undefined> {
  for (const conversation of conversations) {
    const timeline = conversation.node['timeline'];
    if (typeof timeline !== 'string') continue;
    const exchange = await send(handler, 'GET', timeline);
    const page = textusRegistry.decode(exchange.text, { strict: true }) as unknown as { members: object[] };
    for (const message of page.members) {
      const retry = listActions(message, { registry: textusRegistry }).find((a) => a.name === 'retry');
      const record = message as Record<string, unknown>;
      if (retry?.state === 'available') return { id: String(record['id']), link: retry.href, state: String(record['deliveryState']) };
    }
  }
  return undefined;
}
