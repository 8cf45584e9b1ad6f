/**
 * The typed TextUs client against the real reference server over HTTP on ephemeral loopback
 * ports. A small counting proxy in front of the server records what the server was asked and
 * what it answered, so that "no request was sent" and "the server answered 304" are seen from
 * the server's side; a second server on another port records the headers it receives, to show
 * that the token never leaves the API's origin.
 *
 * @module
 */
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hydraRegistry, isHydraError } from '@hyperld/hydra';
import { createClient, isHttpError, type Operation } from '@hyperld/hydra/client';
import { reply } from '@hyperld/hydra/server';
import { Conversation, ConversationCollection, TEXTUS_MEDIA_TYPE, Timeline } from '@hyperld/textus';
import { textus } from '@hyperld/textus/client';
import { DEMO_TOKEN, DEMO_USER_ID, SEED_CONTACT_ID, SEED_CONVERSATION_ID, startTextusServer, type PagePosition } from '@hyperld/textus-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

/** A request as a server saw it, with the status it answered. */
interface Seen {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  status: number;
}

interface Recorder {
  readonly url: string;
  readonly seen: Seen[];
  close(): Promise<void>;
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  });
}

function closer(server: Server): () => Promise<void> {
  return () =>
    new Promise((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections();
    });
}

/** A proxy to `target` that records every request and the status of its answer. */
async function countingProxy(target: string): Promise<Recorder> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const entry: Seen = { method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, status: 0 };
    seen.push(entry);
    const url = new URL(entry.path, target);
    const upstream = request(url, { method: entry.method, headers: { ...req.headers, host: url.host } }, (answer) => {
      entry.status = answer.statusCode ?? 502;
      res.writeHead(entry.status, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => {
      entry.status = 502;
      res.writeHead(502).end();
    });
    req.pipe(upstream);
  });
  return { url: await listen(server), seen, close: closer(server) };
}

/** A server on another port that records what it receives and answers `body()`. */
async function elsewhereServer(body: () => string): Promise<Recorder> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    seen.push({ method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, status: 200 });
    res.writeHead(200, { 'content-type': 'application/ld+json' }).end(body());
  });
  return { url: await listen(server), seen, close: closer(server) };
}

/** Every conversation of the contact the demo user may see, paged through the store to the end. */
function storeConversationIds(store: Awaited<ReturnType<typeof startTextusServer>>['store']): string[] {
  const ids: string[] = [];
  let position: PagePosition;
  for (;;) {
    const page = store.conversationsOfContact(DEMO_USER_ID, SEED_CONTACT_ID, position, 25);
    ids.push(...page.rows.map((row) => `/conversations/${row.id}`));
    const last = page.rows[page.rows.length - 1];
    if (!page.hasNext || last === undefined) return ids;
    position = { after: last.seq };
  }
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('the TextUs client against the reference server', () => {
  let api: Awaited<ReturnType<typeof startTextusServer>>;
  let proxy: Recorder;
  let elsewhere: Recorder;
  /** What the second server serves: a real timeline, copied from the API. */
  let timelineText = '';

  beforeAll(async () => {
    elsewhere = await elsewhereServer(() => timelineText);
    api = await startTextusServer({
      file: ':memory:',
      port: 0,
      announce: false,
      extraRoutes: [{ method: 'GET', template: '/elsewhere', handle: () => reply(null, { status: 302, headers: { location: `${elsewhere.url}/timeline` } }) }],
    });
    proxy = await countingProxy(api.url);
    const answer = await fetch(`${api.url}/conversations/${SEED_CONVERSATION_ID}/timeline`, {
      headers: { authorization: `Bearer ${DEMO_TOKEN}`, accept: TEXTUS_MEDIA_TYPE },
    });
    timelineText = await answer.text();
  });

  afterAll(async () => {
    await proxy?.close();
    await api?.close();
    await elsewhere?.close();
  });

  beforeEach(() => {
    proxy.seen.length = 0;
    elsewhere.seen.length = 0;
  });

  const client = () => textus({ baseUrl: proxy.url, token: DEMO_TOKEN });

  it('pages through every conversation of the contact: exactly the rows in the database, in order', async () => {
    const c = client();
    const ids: string[] = [];
    // Typed members come from a typed first page; an IRI alone would give `unknown` members.
    const first = await c.getAs(ConversationCollection, `/contacts/${SEED_CONTACT_ID}/conversations?per_page=25`);
    for await (const conversation of c.members(first)) {
      expect(conversation['@type']).toBe('ConversationWithAccount');
      ids.push(conversation.id as string);
    }
    const expected = storeConversationIds(api.store);
    expect(expected.length).toBeGreaterThan(50);
    expect(ids).toEqual(expected);
    const pageRequests = proxy.seen.filter((s) => s.path.startsWith(`/contacts/${SEED_CONTACT_ID}/conversations`));
    expect(pageRequests.length).toBe(Math.ceil(expected.length / 25));
    expect(pageRequests.length).toBeGreaterThanOrEqual(3);
    expect(pageRequests.every((s) => s.status === 200 && s.path.includes('per_page=25'))).toBe(true);
    // The vendor media type comes first in every request's Accept, with the token.
    expect(pageRequests.every((s) => s.headers.accept?.startsWith(TEXTUS_MEDIA_TYPE) && s.headers.authorization === `Bearer ${DEMO_TOKEN}`)).toBe(true);
  });

  it('reads a typed page and its members’ typed links', async () => {
    const c = client();
    const page = await c.getAs(ConversationCollection, `/contacts/${SEED_CONTACT_ID}/conversations?per_page=5`);
    expect(page.members).toHaveLength(5);
    const first = page.members[0];
    if (first === undefined) throw new Error('no member');
    const timeline = await c.follow(first, 'timeline');
    expect(timeline['@type']).toBe('Timeline');
    expect(timeline.id).toBe(`${first.id as string}/timeline`);
    // The embedded account comes without a request.
    const before = proxy.seen.length;
    expect(await c.follow(first, 'account')).toBe(first.account);
    expect(proxy.seen.length).toBe(before);
  });

  it('closes then reopens a conversation, and the links flip; an unavailable action sends nothing', async () => {
    const c = client();
    const iri = `/conversations/${SEED_CONVERSATION_ID}`;
    const open = await c.getAs(Conversation, iri);
    expect(open.currentState).toBe('open');
    expect(open.closeConversation).toBe(`${iri}/close`);
    expect(open.reopenConversation).toBeNull();

    const closed = await c.invoke(open, 'closeConversation');
    if (closed === undefined) throw new Error('close answered no body');
    expect(closed.currentState).toBe('closed');
    expect(closed.closeConversation).toBeNull();
    expect(closed.reopenConversation).toBe(`${iri}/reopen`);
    expect((await c.getAs(Conversation, iri)).currentState).toBe('closed');

    // Closed: close is unavailable, and the client does not ask.
    const asked = proxy.seen.length;
    const unavailable = await rejection(c.invoke(closed, 'closeConversation'));
    expect(isHydraError(unavailable) && unavailable.code).toBe('action_unavailable');
    expect(proxy.seen.length).toBe(asked);

    const reopened = await c.invoke(closed, 'reopenConversation');
    if (reopened === undefined) throw new Error('reopen answered no body');
    expect(reopened.currentState).toBe('open');
    expect(reopened.closeConversation).toBe(`${iri}/close`);
    expect(reopened.reopenConversation).toBeNull();
    expect(proxy.seen.map((s) => `${s.method} ${s.path} ${s.status}`)).toEqual([
      `GET ${iri} 200`,
      `PUT ${iri}/close 200`,
      `GET ${iri} 200`,
      `PUT ${iri}/reopen 200`,
    ]);

    const afterReopen = proxy.seen.length;
    const again = await rejection(c.invoke(reopened, 'reopenConversation'));
    expect(isHydraError(again) && again.code).toBe('action_unavailable');
    expect(proxy.seen.length).toBe(afterReopen);
  });

  it('reuses the cached node on a 304 that the server answered', async () => {
    const c = client();
    const first = await c.get(`/contacts/${SEED_CONTACT_ID}`);
    const second = await c.get(`/contacts/${SEED_CONTACT_ID}`);
    expect(second).toBe(first);
    expect(proxy.seen.map((s) => s.status)).toEqual([200, 304]);
    expect(proxy.seen[1]?.headers['if-none-match']).toBeTruthy();
  });

  it('never sends the token to another origin reached by a redirect', async () => {
    const c = client();
    const node = await c.get('/elsewhere');
    expect(node['@type']).toBe('Timeline');
    expect(proxy.seen.map((s) => [s.path, s.status, s.headers.authorization])).toEqual([['/elsewhere', 302, `Bearer ${DEMO_TOKEN}`]]);
    expect(elsewhere.seen).toHaveLength(1);
    expect(elsewhere.seen[0]?.headers.authorization).toBeUndefined();
  });

  it('never sends the token to another origin reached by a link, and refuses it when told to', async () => {
    const c = client();
    const conversation = await c.getAs(Conversation, `/conversations/${SEED_CONVERSATION_ID}`);
    const crafted: typeof conversation = { ...conversation, timeline: `${elsewhere.url}/timeline` as NonNullable<typeof conversation.timeline> };
    const timeline = await c.follow(crafted, 'timeline');
    expect(timeline.id).toBe(`/conversations/${SEED_CONVERSATION_ID}/timeline`);
    expect(Timeline.type).toBe(timeline['@type']);
    expect(elsewhere.seen.map((s) => s.headers.authorization)).toEqual([undefined]);

    const strict = textus({ baseUrl: proxy.url, token: DEMO_TOKEN, crossOrigin: 'refuse' });
    const refused = await rejection(strict.follow(crafted, 'timeline'));
    expect(isHydraError(refused) && refused.code).toBe('unsafe_link');
    const redirected = await rejection(strict.get('/elsewhere'));
    expect(isHydraError(redirected) && redirected.code).toBe('unsafe_link');
    expect(elsewhere.seen).toHaveLength(1);
  });

  it('discovers the operations of a conversation from the API documentation its answer links to, as a generic client, and invokes one by name', async () => {
    // The server's Link names its own origin (the proxy passes the upstream host): count at the client.
    const asked: string[] = [];
    const counting: typeof fetch = (input, init) => {
      asked.push(`${init?.method ?? 'GET'} ${new URL(input instanceof Request ? input.url : input).pathname}`);
      return fetch(input, init);
    };
    const generic = createClient({ baseUrl: proxy.url, registry: hydraRegistry, token: DEMO_TOKEN, unknownContext: 'ignore', fetch: counting });
    const iri = `/conversations/${SEED_CONVERSATION_ID}`;
    const conversation = await generic.get(iri);
    const discovered = await generic.operations(conversation);
    const [again] = await Promise.all([generic.operations(conversation), generic.operations(await generic.get(iri))]);
    expect(again).toEqual(discovered);
    expect(asked.filter((request) => request === 'GET /docs.jsonld')).toHaveLength(1);

    // What the server documents is what the typed client declares: the same names, methods, targets and states.
    const typed = await client().operations(await client().getAs(Conversation, iri));
    const shape = (op: Operation) => [op.name, op.method, op.state, op.target];
    expect(discovered.filter((op) => op.source === 'link').map(shape)).toEqual(typed.filter((op) => op.source === 'property').map(shape));
    expect(discovered.find((op) => op.source === 'class')).toMatchObject({ name: 'get', method: 'GET', target: `${proxy.url}${iri}` });

    expect(discovered.find((op) => op.name === 'closeConversation')?.state).toBe('available');
    const closed = (await generic.invoke(conversation, 'closeConversation')) as Record<string, unknown> | undefined;
    expect(closed).toMatchObject({ currentState: 'closed', closeConversation: null });
    expect(asked.at(-1)).toBe(`PUT ${iri}/close`);
    // Closed, the operation is unavailable and sends nothing.
    const before = asked.length;
    const unavailable = await rejection(generic.invoke(closed as object, 'closeConversation'));
    expect(isHydraError(unavailable) && unavailable.code).toBe('action_unavailable');
    expect(asked.length).toBe(before);
    await generic.invoke(closed as object, 'reopenConversation');
    expect(asked.at(-1)).toBe(`PUT ${iri}/reopen`);
  });

  it('surfaces 401 and 404 as typed errors', async () => {
    const stranger = textus({ baseUrl: proxy.url, token: 'u_demo.wrong-token' });
    const unauthorized = await rejection(stranger.get(`/conversations/${SEED_CONVERSATION_ID}`));
    expect(isHttpError(unauthorized)).toBe(true);
    if (!isHttpError(unauthorized)) return;
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.code).toBe('unauthorized');
    expect(unauthorized.challenge).toMatch(/^Bearer realm="textus"/);

    const missing = await rejection(client().get('/conversations/no-such-conversation'));
    expect(isHttpError(missing)).toBe(true);
    if (!isHttpError(missing)) return;
    expect(missing.status).toBe(404);
    expect(missing.code).toBe('http_error');
    expect(missing.problem?.status).toBe(404);
    expect(missing.problem?.detail).toBe('No such conversation.');
    expect(proxy.seen.map((s) => s.status)).toEqual([401, 404]);
  });
});
