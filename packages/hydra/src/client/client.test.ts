/**
 * The hypermedia client against a fake `fetch` that records every request: typed `get`/`follow`,
 * embedded nodes without requests, paging, actions, credentials kept to the API's origin, unsafe
 * links refused before any request, no context ever fetched, conditional GETs and invalidation,
 * timeouts and retries, and typed HTTP errors.
 *
 * @module
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { baseOf, isDecodeError, t, vocabulary, type NodeOf } from '@hyperld/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conversationRegistry, ConversationCollection, SEED_BASE, seedText, VOCAB } from '../__fixtures__/conversations.js';
import { isHydraError } from '../errors.js';
import { createClient, isHttpError, type ClientOptions } from './index.js';
import { Collection, PartialCollectionView } from '../vocabulary.js';

const ORIGIN = new URL(SEED_BASE).origin;
const TOKEN = 'secret-token';
const OTHER = 'https://elsewhere.example';

/** A request as the fake server saw it. */
interface Call {
  readonly url: string;
  readonly method: string;
  /** Header names lower-cased. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | undefined;
  readonly signal: AbortSignal | undefined;
  readonly redirect: RequestRedirect | undefined;
}

type Answer = Response | Promise<Response>;

/** A fake `fetch` answering by a handler, recording each call. */
function fakeFetch(handler: (call: Call, index: number) => Answer): { fetch: typeof fetch; calls: Call[] } {
  const calls: Call[] = [];
  const fetchFn = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, key) => {
      headers[key] = value;
    });
    const call: Call = {
      url: typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
      method: init?.method ?? 'GET',
      headers,
      body: typeof init?.body === 'string' ? init.body : undefined,
      signal: init?.signal ?? undefined,
      redirect: init?.redirect,
    };
    calls.push(call);
    return handler(call, calls.length - 1);
  };
  return { fetch: fetchFn as typeof fetch, calls };
}

/** A JSON-LD answer. */
function json(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status: init.status ?? 200,
    headers: { 'content-type': 'application/ld+json', ...init.headers },
  });
}

/** A real HTTP server on an ephemeral loopback port, for what a fake `fetch` cannot show. */
async function loopback(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function redirect(status: number, location: string): Response {
  return new Response(null, { status, headers: { location } });
}

const notFound = (call: Call): Response =>
  json({ '@type': 'hydra:Error', title: 'Not Found', status: 404, detail: `No ${new URL(call.url).pathname}.` }, { status: 404 });

// A timeline and stats type the fixture's links point to, so that `follow` has targets to type by.
const v = vocabulary({ vocab: VOCAB });
const Timeline = v.type('Timeline', {
  extends: Collection,
  properties: {
    members: t.list(t.anyNode()).mapTo('hydra:member'),
    totalItems: t.integer().mapTo('hydra:totalItems'),
    view: t.node(PartialCollectionView).optional().mapTo('hydra:view'),
  },
});
const registry = conversationRegistry.with([Timeline]);

const seedPage = (): Record<string, unknown> => JSON.parse(seedText()) as Record<string, unknown>;
/** The seed's conversation as its own document (what GET /conversations/Pvwqm5G would answer). */
const seedConversation = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  ...((seedPage()['members'] as Record<string, unknown>[])[0] as Record<string, unknown>),
  ...overrides,
});
const CONVERSATION = `${ORIGIN}/conversations/Pvwqm5G`;

const timelineDoc = (id = '/conversations/Pvwqm5G/timeline'): Record<string, unknown> => ({
  '@type': 'Timeline',
  '@context': '/contexts/Timeline.jsonld',
  id,
  members: [],
  totalItems: 0,
});

function client(fetchFn: typeof fetch, options: Partial<ClientOptions<never>> = {}) {
  return createClient({ baseUrl: `${ORIGIN}/`, registry, token: TOKEN, fetch: fetchFn, retryDelay: 1, ...options });
}

/** Awaits a rejection and returns the error. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

/** A page of a three-page collection of single conversations. */
function pageDoc(n: number, total: number): Record<string, unknown> {
  const page = seedPage();
  const member = seedConversation({ id: `/conversations/c${n}`, slug: `c${n}` });
  const self = n === 1 ? '/contacts/DQeeO69/conversations' : `/contacts/DQeeO69/conversations?page=${n}`;
  return {
    ...page,
    members: [member, seedConversation({ id: `/conversations/c${n}b`, slug: `c${n}b` })],
    totalItems: total * 2,
    view: {
      '@type': 'hydra:PartialCollectionView',
      '@context': '/contexts/hydra:PartialCollectionView.jsonld',
      id: self,
      first: '/contacts/DQeeO69/conversations',
      next: n < total ? `/contacts/DQeeO69/conversations?page=${n + 1}` : null,
      previous: n > 1 ? (n === 2 ? '/contacts/DQeeO69/conversations' : `/contacts/DQeeO69/conversations?page=${n - 1}`) : null,
    },
  };
}

function pagedServer(total: number) {
  return fakeFetch((call) => {
    const url = new URL(call.url);
    if (url.pathname !== '/contacts/DQeeO69/conversations') return notFound(call);
    return json(pageDoc(Number(url.searchParams.get('page') ?? '1'), total));
  });
}

describe('createClient: get and follow', () => {
  it('asks for the vendor media type first, with the token, and decodes the typed node', async () => {
    const server = fakeFetch(() => json(seedText()));
    const c = createClient({ baseUrl: `${ORIGIN}/`, registry, token: TOKEN, fetch: server.fetch, mediaType: 'application/vnd.textus+jsonld' });
    const page = await c.get('/contacts/DQeeO69/conversations');
    expect(page['@type']).toBe('ConversationCollection');
    expect(server.calls).toHaveLength(1);
    const [call] = server.calls;
    expect(call?.url).toBe(SEED_BASE);
    expect(call?.method).toBe('GET');
    expect(call?.headers['accept']?.split(',')[0]).toBe('application/vnd.textus+jsonld');
    expect(call?.headers['authorization']).toBe(`Bearer ${TOKEN}`);
  });

  it('defaults to application/ld+json and takes the token from a function, per request', async () => {
    let issued = 0;
    const server = fakeFetch(() => json(seedText()));
    const c = createClient({ baseUrl: `${ORIGIN}/`, registry, token: () => `t${++issued}`, fetch: server.fetch });
    await c.get('/contacts/DQeeO69/conversations');
    await c.get('/contacts/DQeeO69/conversations');
    expect(server.calls.map((call) => call.headers['authorization'])).toEqual(['Bearer t1', 'Bearer t2']);
    expect(server.calls[0]?.headers['accept']?.startsWith('application/ld+json')).toBe(true);
  });

  it('adds the headers function’s headers for the API origin (and is given the URL)', async () => {
    const seen: string[] = [];
    const server = fakeFetch(() => json(seedText()));
    const c = createClient({
      baseUrl: `${ORIGIN}/`,
      registry,
      fetch: server.fetch,
      headers: (url) => {
        seen.push(url.href);
        return { 'x-api-key': 'k' };
      },
    });
    await c.get('/contacts/DQeeO69/conversations');
    expect(seen).toEqual([SEED_BASE]);
    expect(server.calls[0]?.headers['x-api-key']).toBe('k');
    expect(server.calls[0]?.headers['authorization']).toBeUndefined();
  });

  it('getAs decodes as the expected type, and fails with decode_failed on another one', async () => {
    const server = fakeFetch((call) => (call.url.endsWith('/timeline') ? json(timelineDoc()) : json(seedText())));
    const c = client(server.fetch);
    const page = await c.getAs(ConversationCollection, '/contacts/DQeeO69/conversations');
    expect(page.members[0]?.slug).toBe('Pvwqm5G');
    const error = await rejection(c.getAs(ConversationCollection, '/conversations/Pvwqm5G/timeline'));
    expect(isHydraError(error) && error.code).toBe('decode_failed');
    expect(isDecodeError((error as Error).cause)).toBe(true);
  });

  it('follows a link, resolved against the node’s base, typed by the link’s declared target', async () => {
    const server = fakeFetch((call) => (call.url === `${CONVERSATION}/timeline` ? json(timelineDoc()) : notFound(call)));
    const c = client(server.fetch);
    const conversation = registry.decodeAs(ConversationCollection, seedText(), { base: SEED_BASE }).members[0] as NodeOf<typeof ConversationCollection>['members'][number];
    const timeline = await c.follow(conversation, 'timeline');
    expect(timeline['@type']).toBe('Timeline');
    expect(server.calls.map((call) => call.url)).toEqual([`${CONVERSATION}/timeline`]);
    expect(server.calls[0]?.headers['authorization']).toBe(`Bearer ${TOKEN}`);
  });

  it('decodes a followed link by its target type: a Conversation where a Timeline is due fails', async () => {
    const server = fakeFetch(() => json(seedConversation()));
    const c = client(server.fetch);
    const conversation = registry.decode(JSON.stringify(seedConversation()), { base: CONVERSATION });
    const error = await rejection(c.follow(conversation as never, 'timeline' as never));
    expect(isHydraError(error) && error.code).toBe('decode_failed');
    expect(server.calls).toHaveLength(1);
  });

  it('returns an embedded node as it is, without a request', async () => {
    const server = fakeFetch(notFound);
    const c = client(server.fetch);
    const page = registry.decodeAs(ConversationCollection, seedText(), { base: SEED_BASE });
    const conversation = page.members[0] as (typeof page.members)[number];
    const latest = await c.follow(conversation, 'latestPreviewableItem');
    expect(latest).toBe(conversation.latestPreviewableItem);
    const userInfo = await c.follow(conversation, 'requestingUserInfo');
    expect(userInfo).toBe(conversation.requestingUserInfo);
    expect(server.calls).toHaveLength(0);
  });

  it('refuses to follow an absent or null property, without a request', async () => {
    const server = fakeFetch(notFound);
    const c = client(server.fetch);
    const conversation = registry.decode(JSON.stringify(seedConversation({ nextScheduledMessage: null })), { base: CONVERSATION });
    const error = await rejection(c.follow(conversation as never, 'nextScheduledMessage' as never));
    expect(isHydraError(error) && error.code).toBe('action_not_offered');
    const absent = await rejection(c.follow(conversation as never, 'nothingHere' as never));
    expect(isHydraError(absent) && absent.code).toBe('action_not_offered');
    expect(server.calls).toHaveLength(0);
  });
});

describe('members and pages', () => {
  it('yields every member across pages, fetching each page only when its members are due', async () => {
    const server = pagedServer(3);
    const c = client(server.fetch);
    const slugs: string[] = [];
    const fetchedWhenYielded: number[] = [];
    for await (const member of c.members('/contacts/DQeeO69/conversations')) {
      slugs.push((member as { slug: string }).slug);
      fetchedWhenYielded.push(server.calls.length);
    }
    expect(slugs).toEqual(['c1', 'c1b', 'c2', 'c2b', 'c3', 'c3b']);
    // One page at a time: page n+1 is not asked for while page n's members are being read.
    expect(fetchedWhenYielded).toEqual([1, 1, 2, 2, 3, 3]);
    expect(server.calls.map((call) => new URL(call.url).search)).toEqual(['', '?page=2', '?page=3']);
  });

  it('starts from a page in hand without fetching it again', async () => {
    const server = pagedServer(2);
    const c = client(server.fetch);
    const first = registry.decode(JSON.stringify(pageDoc(1, 2)), { base: SEED_BASE });
    const slugs: string[] = [];
    for await (const member of c.members(first)) slugs.push((member as { slug: string }).slug);
    expect(slugs).toEqual(['c1', 'c1b', 'c2', 'c2b']);
    expect(server.calls.map((call) => call.url)).toEqual([`${SEED_BASE}?page=2`]);
  });

  it('stops at `limit` members without fetching further pages', async () => {
    const server = pagedServer(3);
    const c = client(server.fetch);
    const slugs: string[] = [];
    for await (const member of c.members('/contacts/DQeeO69/conversations', { limit: 3 })) slugs.push((member as { slug: string }).slug);
    expect(slugs).toEqual(['c1', 'c1b', 'c2']);
    expect(server.calls).toHaveLength(2);
  });

  it('stops with `aborted` when the signal aborts, and asks for no further page', async () => {
    const server = pagedServer(3);
    const c = client(server.fetch);
    const controller = new AbortController();
    const seen: string[] = [];
    const error = await rejection(
      (async () => {
        for await (const member of c.members('/contacts/DQeeO69/conversations', { signal: controller.signal })) {
          seen.push((member as { slug: string }).slug);
          controller.abort();
        }
      })(),
    );
    expect(isHydraError(error) && error.code).toBe('aborted');
    expect(seen).toEqual(['c1']);
    expect(server.calls).toHaveLength(1);
  });

  it('passes the signal to fetch, so aborting stops a page in flight', async () => {
    const controller = new AbortController();
    const server = fakeFetch(
      (call) =>
        new Promise<Response>((_, reject) => {
          call.signal?.addEventListener('abort', () => reject(call.signal?.reason), { once: true });
          controller.abort();
        }),
    );
    const c = client(server.fetch);
    const error = await rejection(c.members('/contacts/DQeeO69/conversations', { signal: controller.signal }).next());
    expect(isHydraError(error) && error.code).toBe('aborted');
    expect(server.calls).toHaveLength(1);
  });

  it('iterates pages, at most `limit`', async () => {
    const server = pagedServer(3);
    const c = client(server.fetch);
    const ids: unknown[] = [];
    for await (const page of c.pages('/contacts/DQeeO69/conversations', { limit: 2 })) ids.push((page as { view: { id: string } }).view.id);
    expect(ids).toEqual(['/contacts/DQeeO69/conversations', '/contacts/DQeeO69/conversations?page=2']);
    expect(server.calls).toHaveLength(2);
  });
});

describe('invoke', () => {
  const closed = () =>
    seedConversation({ '@type': 'Conversation', '@context': '/contexts/Conversation.jsonld', currentState: 'closed', closeConversation: null, reopenConversation: `/conversations/Pvwqm5G/reopen` });

  it('uses the declared method and decodes the answer as the declared type', async () => {
    const server = fakeFetch(() => json(closed()));
    const c = client(server.fetch);
    const conversation = registry.decode(JSON.stringify(seedConversation()), { base: CONVERSATION }) as never as NodeOf<typeof ConversationCollection>['members'][number];
    const after = await c.invoke(conversation, 'closeConversation');
    expect(server.calls.map((call) => `${call.method} ${call.url}`)).toEqual([`PUT ${CONVERSATION}/close`]);
    expect(server.calls[0]?.headers['authorization']).toBe(`Bearer ${TOKEN}`);
    expect(after?.['@type']).toBe('Conversation');
    expect(after?.closeConversation).toBeNull();

    await c.invoke(conversation, 'unreadConversation');
    expect(server.calls[1]?.method).toBe('DELETE');
  });

  it('sends a body with the media type as Content-Type', async () => {
    const server = fakeFetch(() => json(closed()));
    const c = createClient({ baseUrl: `${ORIGIN}/`, registry, fetch: server.fetch, mediaType: 'application/vnd.textus+jsonld' });
    const conversation = registry.decode(JSON.stringify(seedConversation()), { base: CONVERSATION }) as never as NodeOf<typeof ConversationCollection>['members'][number];
    const contact = conversation.assignedContact as object;
    await c.invoke(conversation, 'assignContact', contact);
    expect(server.calls[0]?.method).toBe('PUT');
    expect(server.calls[0]?.headers['content-type']).toBe('application/vnd.textus+jsonld');
    expect(JSON.parse(server.calls[0]?.body ?? 'null')).toEqual(contact);
  });

  it('returns undefined for an answer without a body (202)', async () => {
    const server = fakeFetch(() => new Response(null, { status: 202 }));
    const c = client(server.fetch);
    const message = registry.decode(
      JSON.stringify({ ...(seedConversation()['latestPreviewableItem'] as object), retry: '/messages/06oyogE/retry' }),
      { base: CONVERSATION },
    );
    await expect(c.invoke(message as never, 'retry' as never)).resolves.toBeUndefined();
    expect(server.calls.map((call) => call.method)).toEqual(['POST']);
  });

  it('throws action_unavailable for a null action, action_not_offered for an absent one, without a request', async () => {
    const server = fakeFetch(() => json(closed()));
    const c = client(server.fetch);
    const { reopenConversation: _dropped, ...withoutReopen } = seedConversation();
    const conversation = registry.decode(JSON.stringify(withoutReopen), { base: CONVERSATION }) as never as NodeOf<typeof ConversationCollection>['members'][number];
    const unavailable = await rejection(c.invoke(conversation, 'unblockConversation'));
    expect(isHydraError(unavailable) && unavailable.code).toBe('action_unavailable');
    const absent = await rejection(c.invoke(conversation, 'reopenConversation'));
    expect(isHydraError(absent) && absent.code).toBe('action_not_offered');
    const undeclared = await rejection(c.invoke(conversation, 'timeline' as never));
    expect(isHydraError(undeclared) && undeclared.code).toBe('unknown_action');
    expect(server.calls).toHaveLength(0);
  });
});

describe('credentials stay with the API origin', () => {
  const foreignTimeline = () => seedConversation({ timeline: `${OTHER}/timeline` });

  it('follows a link to another origin without Authorization nor the headers function', async () => {
    let headerCalls = 0;
    const server = fakeFetch(() => json(timelineDoc(`${OTHER}/timeline`)));
    const c = createClient({
      baseUrl: `${ORIGIN}/`,
      registry,
      token: TOKEN,
      fetch: server.fetch,
      headers: () => {
        headerCalls++;
        return { 'x-api-key': 'k' };
      },
    });
    const conversation = registry.decode(JSON.stringify(foreignTimeline()), { base: CONVERSATION });
    await c.follow(conversation as never, 'timeline' as never);
    expect(server.calls.map((call) => call.url)).toEqual([`${OTHER}/timeline`]);
    expect(server.calls[0]?.headers['authorization']).toBeUndefined();
    expect(server.calls[0]?.headers['x-api-key']).toBeUndefined();
    expect(headerCalls).toBe(0);
  });

  it('refuses such a link with crossOrigin: refuse (unsafe_link), without a request', async () => {
    const server = fakeFetch(() => json(timelineDoc()));
    const c = client(server.fetch, { crossOrigin: 'refuse' });
    const conversation = registry.decode(JSON.stringify(foreignTimeline()), { base: CONVERSATION });
    const error = await rejection(c.follow(conversation as never, 'timeline' as never));
    expect(isHydraError(error) && error.code).toBe('unsafe_link');
    expect(server.calls).toHaveLength(0);
  });

  for (const status of [301, 302, 303, 307, 308]) {
    it(`follows a ${status} redirect to another origin without Authorization`, async () => {
      const server = fakeFetch((call) => (call.url.startsWith(ORIGIN) ? redirect(status, `${OTHER}/timeline`) : json(timelineDoc(`${OTHER}/timeline`))));
      const c = client(server.fetch);
      const node = await c.get('/conversations/Pvwqm5G/timeline');
      expect(node['@type']).toBe('Timeline');
      expect(server.calls.map((call) => [call.url, call.headers['authorization']])).toEqual([
        [`${CONVERSATION}/timeline`, `Bearer ${TOKEN}`],
        [`${OTHER}/timeline`, undefined],
      ]);
    });

    it(`refuses a ${status} redirect to another origin with crossOrigin: refuse`, async () => {
      const server = fakeFetch(() => redirect(status, `${OTHER}/timeline`));
      const c = client(server.fetch, { crossOrigin: 'refuse' });
      const error = await rejection(c.get('/conversations/Pvwqm5G/timeline'));
      expect(isHydraError(error) && error.code).toBe('unsafe_link');
      expect(server.calls).toHaveLength(1);
    });
  }

  describe('in a browser, where redirects are opaque', () => {
    /** A browser's `redirect: 'manual'` answer: type `opaqueredirect`, no Location (its status 0 is one `new Response` cannot make). */
    const opaque = (): Response => Object.defineProperty(new Response(null, { status: 200 }), 'type', { value: 'opaqueredirect' });
    /** What the browser's own `redirect: 'follow'` gives after landing on `url`. */
    const landed = (url: string): Response => Object.defineProperty(json(timelineDoc(url)), 'url', { value: url });
    const browser = () => fakeFetch((_, i) => (i === 0 ? opaque() : landed(`${OTHER}/timeline`)));

    it('lets the browser follow, and decodes against the URL it landed on', async () => {
      const server = browser();
      const node = await client(server.fetch).get('/conversations/Pvwqm5G/timeline');
      expect(node['@type']).toBe('Timeline');
      expect(baseOf(node)).toBe(`${OTHER}/timeline`);
      expect(server.calls.map((call) => [call.url, call.redirect])).toEqual([
        [`${CONVERSATION}/timeline`, 'manual'],
        [`${CONVERSATION}/timeline`, 'follow'],
      ]);
    });

    it('refuses the answer from another origin with crossOrigin: refuse', async () => {
      const error = await rejection(client(browser().fetch, { crossOrigin: 'refuse' }).get('/conversations/Pvwqm5G/timeline'));
      expect(isHydraError(error) && error.code).toBe('unsafe_link');
      expect(isHydraError(error) && error.url).toBe(`${OTHER}/timeline`);
    });
  });

  it('treats another scheme or port of the same host as another origin', async () => {
    const server = fakeFetch((call) => json(timelineDoc(call.url)));
    const c = client(server.fetch);
    for (const url of [`http://${new URL(ORIGIN).host}/t`, `${ORIGIN}:8443/t`, `${ORIGIN}/t`]) await c.get(url);
    expect(server.calls.map((call) => call.headers['authorization'])).toEqual([undefined, undefined, `Bearer ${TOKEN}`]);
  });

  it('sends the token to exactly the URLs of the base URL’s origin (property)', async () => {
    // URLs near the API's origin: its host in another case, with a prefix or suffix, behind
    // userinfo, on default and other ports, over http or https.
    const apiHost = new URL(ORIGIN).hostname;
    // Not `xn--…` or any `??--` label: those are (malformed) IDNA labels that URL parsing
    // rejects outright, and the client then refuses the IRI before any request.
    const label = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/).filter((l) => !/^..--/.test(l));
    const host = fc.oneof(
      fc.constant(apiHost),
      fc.constant(apiHost.toUpperCase()),
      label.map((l) => `${l}.${apiHost}`),
      label.map((l) => `${apiHost}.${l}`),
      label.map((l) => `${l}.example`),
    );
    const port = fc.oneof(fc.constant(''), fc.constantFrom(':443', ':80', ':8443'), fc.integer({ min: 1, max: 65535 }).map((n) => `:${n}`));
    const userinfo = fc.oneof(fc.constant(''), fc.constant(`${apiHost}@`), label.map((l) => `${l}:pw@`));
    const url = fc
      .tuple(fc.constantFrom('https', 'http', 'HTTPS'), userinfo, host, port, fc.webPath())
      .map(([scheme, user, h, p, path]) => `${scheme}://${user}${h}${p}/${path}`);
    const server = fakeFetch((call) => json(timelineDoc(call.url)));
    const c = client(server.fetch, { cache: false });
    await fc.assert(
      fc.asyncProperty(url, async (target) => {
        const before = server.calls.length;
        const parsed = new URL(target);
        if (parsed.username !== '' || parsed.password !== '') {
          // A URL with userinfo is refused before any request, wherever it would have gone.
          const error = await rejection(c.get(target));
          expect(isHydraError(error) && error.code).toBe('credentials_in_url');
          expect(server.calls).toHaveLength(before);
          return;
        }
        await c.get(target);
        const call = server.calls[before];
        expect(call?.headers['authorization'] === `Bearer ${TOKEN}`).toBe(parsed.origin === ORIGIN);
      }),
      { numRuns: 1000 },
    );
  });

  for (const link of ['javascript:alert(1)', 'data:text/html,hi', 'file:///etc/passwd']) {
    it(`refuses a ${link.split(':')[0]}: link, action URL, redirect and IRI without a request`, async () => {
      const server = fakeFetch(() => redirect(302, link));
      const c = client(server.fetch);
      const conversation = registry.decode(JSON.stringify(seedConversation({ timeline: link, closeConversation: link })), { base: CONVERSATION });
      for (const attempt of [c.follow(conversation as never, 'timeline' as never), c.invoke(conversation as never, 'closeConversation' as never), c.get(link)]) {
        const error = await rejection(attempt);
        expect(isHydraError(error) && error.code).toBe('unsafe_link');
      }
      expect(server.calls).toHaveLength(0);
      // A redirect there is refused too, after the one request that answered it.
      const error = await rejection(c.get('/conversations/Pvwqm5G'));
      expect(isHydraError(error) && error.code).toBe('unsafe_link');
      expect(server.calls).toHaveLength(1);
    });
  }
});

describe('URLs with credentials', () => {
  // fetch refuses `user:pw@` URLs with a TypeError, which used to be retried as a network error;
  // and a password in a URL ends up in logs and error messages.
  const credentialed = ['https://user:pw@api.textus.example/', 'https://user@api.textus.example/', 'https://:pw@api.textus.example/'];

  for (const baseUrl of credentialed) {
    it(`refuses the base URL ${baseUrl} when the client is created, without echoing the password`, () => {
      let error: unknown;
      try {
        createClient({ baseUrl, registry, fetch: fakeFetch(() => json({})).fetch });
      } catch (caught) {
        error = caught;
      }
      expect(isHydraError(error) && error.code).toBe('credentials_in_url');
      expect(isHydraError(error) && error.url).toBe('https://api.textus.example/');
      expect(String((error as Error).message)).not.toContain('pw');
    });
  }

  it('refuses a link, action URL, redirect and IRI with credentials, without a request', async () => {
    const link = 'https://user:pw@api.textus.example/conversations/Pvwqm5G/timeline';
    const server = fakeFetch(() => redirect(302, link));
    const c = client(server.fetch);
    const conversation = registry.decode(JSON.stringify(seedConversation({ timeline: link, closeConversation: link })), { base: CONVERSATION });
    for (const attempt of [c.follow(conversation as never, 'timeline' as never), c.invoke(conversation as never, 'closeConversation' as never), c.get(link), c.request('GET', link)]) {
      const error = await rejection(attempt);
      expect(isHydraError(error) && error.code).toBe('credentials_in_url');
      expect(isHydraError(error) && error.url).toBe(`${ORIGIN}/conversations/Pvwqm5G/timeline`);
      expect((error as Error).message).not.toContain('pw');
    }
    expect(server.calls).toHaveLength(0);
    // A redirect there is refused too, after the one request that answered it, and not retried.
    const error = await rejection(c.get('/conversations/Pvwqm5G'));
    expect(isHydraError(error) && error.code).toBe('credentials_in_url');
    expect(server.calls).toHaveLength(1);
  });

  it('refuses such a URL with the real fetch too: a typed error at once, not a TypeError retried', async () => {
    let hits = 0;
    const server = await loopback((_, res) => {
      hits++;
      res.writeHead(200, { 'content-type': 'application/ld+json' }).end(JSON.stringify(timelineDoc()));
    });
    try {
      const c = createClient({ baseUrl: `${server.url}/`, registry, retryDelay: 1 });
      const error = await rejection(c.get(`http://user:pw@${new URL(server.url).host}/conversations/Pvwqm5G/timeline`));
      expect(isHydraError(error) && error.code).toBe('credentials_in_url');
      expect(hits).toBe(0);
    } finally {
      await server.close();
    }
  });
});

describe('contexts are never fetched', () => {
  const foreignContext = { ...seedConversation(), '@context': 'https://contexts.example/conversation.jsonld' };

  it('fails an unknown context URL with decode_failed wrapping unknown_context, after one request', async () => {
    const server = fakeFetch(() => json(foreignContext));
    const c = client(server.fetch);
    const error = await rejection(c.get('/conversations/Pvwqm5G'));
    expect(isHydraError(error) && error.code).toBe('decode_failed');
    const cause = (error as Error).cause;
    expect(isDecodeError(cause) && cause.violations.map((violation) => violation.code)).toContain('unknown_context');
    expect(server.calls).toHaveLength(1);
  });

  it('decodes by @type with unknownContext: ignore, still with one request', async () => {
    const server = fakeFetch(() => json(foreignContext));
    const c = client(server.fetch, { unknownContext: 'ignore' });
    const node = await c.get('/conversations/Pvwqm5G');
    expect(node['@type']).toBe('ConversationWithAccount');
    expect((node as { slug?: unknown }).slug).toBe('Pvwqm5G');
    expect(server.calls.map((call) => call.url)).toEqual([CONVERSATION]);
  });

  it('asks for nothing but the page when a page names relative contexts', async () => {
    const server = fakeFetch(() => json(seedText()));
    const c = client(server.fetch);
    await c.get(SEED_BASE);
    expect(server.calls.map((call) => call.url)).toEqual([SEED_BASE]);
  });
});

describe('cache: conditional GETs and invalidation', () => {
  /** A server with an ETag per resource version; bumping a resource changes its ETag. */
  function etagServer() {
    const versions = new Map<string, number>();
    let notModified = 0;
    const server = fakeFetch((call) => {
      const path = new URL(call.url).pathname;
      if (call.method === 'PUT' && path.endsWith('/close')) {
        const target = path.slice(0, -'/close'.length);
        versions.set(target, (versions.get(target) ?? 1) + 1);
        return new Response(null, { status: 204 });
      }
      const etag = `"v${versions.get(path) ?? 1}"`;
      if (call.headers['if-none-match'] === etag) {
        notModified++;
        return new Response(null, { status: 304, headers: { etag } });
      }
      return json(seedConversation(), { headers: { etag } });
    });
    return { ...server, notModified: () => notModified, bump: (path: string) => versions.set(path, (versions.get(path) ?? 1) + 1) };
  }

  it('revalidates with If-None-Match and reuses the cached node (the same object) on 304', async () => {
    const server = etagServer();
    const c = client(server.fetch);
    const first = await c.get('/conversations/Pvwqm5G');
    const second = await c.get('/conversations/Pvwqm5G');
    expect(second).toBe(first);
    expect(server.calls.map((call) => call.headers['if-none-match'])).toEqual([undefined, '"v1"']);
    expect(server.notModified()).toBe(1);
    // A new version is decoded afresh.
    server.bump('/conversations/Pvwqm5G');
    const third = await c.get('/conversations/Pvwqm5G');
    expect(third).not.toBe(first);
    expect(server.calls[2]?.headers['if-none-match']).toBe('"v1"');
  });

  it('sends no If-None-Match with cache: false', async () => {
    const server = etagServer();
    const c = client(server.fetch, { cache: false });
    const first = await c.get('/conversations/Pvwqm5G');
    const second = await c.get('/conversations/Pvwqm5G');
    expect(second).not.toBe(first);
    expect(server.calls.map((call) => call.headers['if-none-match'])).toEqual([undefined, undefined]);
  });

  it('drops a resource after an unsafe method on a URL beneath it (PUT …/close invalidates the conversation)', async () => {
    const server = etagServer();
    const c = client(server.fetch);
    const conversation = await c.get('/conversations/Pvwqm5G');
    await c.get('/contacts/DQeeO69/conversations');
    await c.invoke(conversation as never, 'closeConversation' as never);
    await c.get('/conversations/Pvwqm5G');
    await c.get('/contacts/DQeeO69/conversations');
    const gets = server.calls.filter((call) => call.method === 'GET').map((call) => [new URL(call.url).pathname, call.headers['if-none-match']]);
    expect(gets).toEqual([
      ['/conversations/Pvwqm5G', undefined],
      ['/contacts/DQeeO69/conversations', undefined],
      // Invalidated: fetched unconditionally.
      ['/conversations/Pvwqm5G', undefined],
      // Unrelated: still revalidated.
      ['/contacts/DQeeO69/conversations', '"v1"'],
    ]);
  });

  it('drops a resource after an unsafe request on it through request()', async () => {
    const server = etagServer();
    const c = client(server.fetch);
    await c.get('/conversations/Pvwqm5G');
    await c.request('DELETE', '/conversations/Pvwqm5G');
    await c.get('/conversations/Pvwqm5G');
    expect(server.calls.map((call) => `${call.method} ${call.headers['if-none-match'] ?? '-'}`)).toEqual(['GET -', 'DELETE -', 'GET -']);
  });
});

describe('resilience: timeouts and retries', () => {
  /** An answer that never comes, unless the request is aborted. */
  const hang = (call: Call): Promise<Response> =>
    new Promise((_, reject) => call.signal?.addEventListener('abort', () => reject(call.signal?.reason), { once: true }));

  it('times out with network_error', async () => {
    const server = fakeFetch(hang);
    const c = client(server.fetch, { timeout: 20, retries: 0 });
    const error = await rejection(c.get('/conversations/Pvwqm5G'));
    expect(isHydraError(error) && error.code).toBe('network_error');
    expect(server.calls).toHaveLength(1);
  });

  it('times out with network_error when the body stalls', async () => {
    const server = fakeFetch((call) => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"@type":'));
          call.signal?.addEventListener('abort', () => controller.error(call.signal?.reason), { once: true });
        },
      });
      return new Response(body, { status: 200, headers: { 'content-type': 'application/ld+json' } });
    });
    const c = client(server.fetch, { timeout: 30, retries: 0 });
    const error = await rejection(c.get('/conversations/Pvwqm5G'));
    expect(isHydraError(error) && error.code).toBe('network_error');
  });

  it('retries a GET after network errors, 429 and 503, then succeeds', async () => {
    const server = fakeFetch((_, i) => {
      if (i === 0) throw new TypeError('fetch failed');
      if (i === 1) return json({}, { status: 429, headers: { 'retry-after': '0' } });
      if (i === 2) return json({}, { status: 503 });
      return json(seedConversation());
    });
    const c = client(server.fetch, { retries: 3 });
    const node = await c.get('/conversations/Pvwqm5G');
    expect(node['@type']).toBe('ConversationWithAccount');
    expect(server.calls).toHaveLength(4);
  });

  it('gives up after `retries` retries with the last answer', async () => {
    const server = fakeFetch(() => json({ '@type': 'hydra:Error', title: 'Service Unavailable', status: 503 }, { status: 503 }));
    const c = client(server.fetch, { retries: 2 });
    const error = await rejection(c.get('/conversations/Pvwqm5G'));
    expect(isHttpError(error) && error.status).toBe(503);
    expect(server.calls).toHaveLength(3);
  });

  it('gives up after `retries` network errors with network_error', async () => {
    const server = fakeFetch(() => {
      throw new TypeError('fetch failed');
    });
    const c = client(server.fetch, { retries: 1 });
    const error = await rejection(c.get('/conversations/Pvwqm5G'));
    expect(isHydraError(error) && error.code).toBe('network_error');
    expect((error as Error).cause).toBeInstanceOf(TypeError);
    expect(server.calls).toHaveLength(2);
  });

  it('honours Retry-After over its own backoff', async () => {
    // A backoff of a minute would time the test out: Retry-After: 0 must win.
    const server = fakeFetch((_, i) => (i === 0 ? json({}, { status: 503, headers: { 'retry-after': '0' } }) : json(seedConversation())));
    const c = client(server.fetch, { retryDelay: 60_000 });
    const started = performance.now();
    await c.get('/conversations/Pvwqm5G');
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(server.calls).toHaveLength(2);

    // …and waits as long as it says, even when the backoff is shorter.
    const slow = fakeFetch((_, i) => (i === 0 ? json({}, { status: 429, headers: { 'retry-after': '1' } }) : json(seedConversation())));
    const c2 = client(slow.fetch, { retryDelay: 1 });
    const t0 = performance.now();
    await c2.get('/conversations/Pvwqm5G');
    expect(performance.now() - t0).toBeGreaterThanOrEqual(900);
    expect(slow.calls).toHaveLength(2);
  });

  it('retries an idempotent action (PUT) but never a POST', async () => {
    const put = fakeFetch((_, i) => (i === 0 ? json({}, { status: 503, headers: { 'retry-after': '0' } }) : new Response(null, { status: 204 })));
    const conversation = registry.decode(JSON.stringify(seedConversation()), { base: CONVERSATION });
    await client(put.fetch).invoke(conversation as never, 'closeConversation' as never);
    expect(put.calls.map((call) => call.method)).toEqual(['PUT', 'PUT']);

    const message = registry.decode(JSON.stringify({ ...(seedConversation()['latestPreviewableItem'] as object), retry: '/messages/06oyogE/retry' }), {
      base: CONVERSATION,
    });
    const busy = fakeFetch(() => json({}, { status: 503, headers: { 'retry-after': '0' } }));
    const error = await rejection(client(busy.fetch, { retries: 5 }).invoke(message as never, 'retry' as never));
    expect(isHttpError(error) && error.status).toBe(503);
    expect(busy.calls).toHaveLength(1);

    const broken = fakeFetch(() => {
      throw new TypeError('socket hang up');
    });
    const failed = await rejection(client(broken.fetch, { retries: 5 }).invoke(message as never, 'retry' as never));
    expect(isHydraError(failed) && failed.code).toBe('network_error');
    expect(broken.calls).toHaveLength(1);
  });

  describe('one deadline per call', () => {
    it('does not wait for a Retry-After past the deadline: the 503 fails at once', async () => {
      // Measured before: timeout 1000 and Retry-After: 20 took 40 s (two waits of 20 s).
      const server = fakeFetch(() => json({ '@type': 'hydra:Error', title: 'Service Unavailable', status: 503 }, { status: 503, headers: { 'retry-after': '20' } }));
      const c = client(server.fetch, { timeout: 1000 });
      const started = performance.now();
      const error = await rejection(c.get('/conversations/Pvwqm5G'));
      expect(performance.now() - started).toBeLessThan(1500);
      expect(isHttpError(error) && error.status).toBe(503);
      expect(isHttpError(error) && error.code).toBe('http_error');
      expect(isHttpError(error) && error.problem?.title).toBe('Service Unavailable');
      expect(server.calls).toHaveLength(1);
    });

    it('does not start a backoff that would end past the deadline', async () => {
      const server = fakeFetch(() => json({}, { status: 503 }));
      const c = client(server.fetch, { timeout: 1000, retryDelay: 5000 });
      const started = performance.now();
      const error = await rejection(c.get('/conversations/Pvwqm5G'));
      expect(performance.now() - started).toBeLessThan(1500);
      expect(isHttpError(error) && error.status).toBe(503);
      expect(server.calls).toHaveLength(1);
    });

    it('counts every attempt against one deadline: a hanging server is not given `timeout` three times', async () => {
      const server = fakeFetch(hang);
      const c = client(server.fetch, { timeout: 300, retries: 2 });
      const started = performance.now();
      const error = await rejection(c.get('/conversations/Pvwqm5G'));
      const elapsed = performance.now() - started;
      expect(elapsed).toBeGreaterThanOrEqual(290);
      expect(elapsed).toBeLessThan(800);
      expect(isHydraError(error) && error.code).toBe('network_error');
      expect((error as Error).message).toContain('timed out after 300 ms');
      expect(server.calls).toHaveLength(1);
    });

    it('counts the wait and the body read against the same deadline', async () => {
      // A 503 asks for 0.6 s; the retry's headers come at once but its body stalls. The call
      // must end at its 1 s deadline, not 1 s after the retry began.
      const server = fakeFetch((call, i) => {
        if (i === 0) return json({}, { status: 503, headers: { 'retry-after': '0.6' } });
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"@type":'));
            call.signal?.addEventListener('abort', () => controller.error(call.signal?.reason), { once: true });
          },
        });
        return new Response(body, { status: 200, headers: { 'content-type': 'application/ld+json' } });
      });
      const c = client(server.fetch, { timeout: 1000 });
      const started = performance.now();
      const error = await rejection(c.get('/conversations/Pvwqm5G'));
      const elapsed = performance.now() - started;
      expect(elapsed).toBeGreaterThanOrEqual(990);
      expect(elapsed).toBeLessThan(1400);
      expect(isHydraError(error) && error.code).toBe('network_error');
      expect(server.calls).toHaveLength(2);
    });

    it('still waits for a Retry-After that ends before the deadline, and succeeds', async () => {
      const server = fakeFetch((_, i) => (i === 0 ? json({}, { status: 429, headers: { 'retry-after': '0.3' } }) : json(seedConversation())));
      const c = client(server.fetch, { timeout: 2000 });
      const started = performance.now();
      const node = await c.get('/conversations/Pvwqm5G');
      expect(performance.now() - started).toBeGreaterThanOrEqual(290);
      expect(node['@type']).toBe('ConversationWithAccount');
      expect(server.calls).toHaveLength(2);
    });

    it('gives each page of a collection its own deadline', async () => {
      // Three pages, each answered after 150 ms: 450 ms in all, over a 300 ms timeout.
      const paged = pagedServer(3);
      const slow = fakeFetch(async (call) => {
        await new Promise((resolve) => setTimeout(resolve, 150));
        return paged.fetch(call.url, { method: call.method, headers: call.headers });
      });
      const c = client(slow.fetch, { timeout: 300 });
      const seen: unknown[] = [];
      for await (const member of c.members('/contacts/DQeeO69/conversations')) seen.push(member);
      expect(seen).toHaveLength(6);
    });

    it('fails a Retry-After past the deadline at once over real HTTP too (the measured case: Retry-After 20, timeout 1000)', async () => {
      let hits = 0;
      const server = await loopback((_, res) => {
        hits++;
        res.writeHead(503, { 'content-type': 'application/ld+json', 'retry-after': '20' }).end(JSON.stringify({ '@type': 'hydra:Error', title: 'Service Unavailable', status: 503 }));
      });
      try {
        const c = createClient({ baseUrl: `${server.url}/`, registry, timeout: 1000 });
        const started = performance.now();
        const error = await rejection(c.get('/conversations/Pvwqm5G'));
        const elapsed = performance.now() - started;
        expect(elapsed).toBeLessThan(1500);
        expect(isHttpError(error) && error.status).toBe(503);
        expect(hits).toBe(1);
      } finally {
        await server.close();
      }
    });

    it('aborts at once on the user’s signal, in flight and while reading the body, whatever the timeout', async () => {
      const stalled = fakeFetch((call) => {
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"@type":'));
            call.signal?.addEventListener('abort', () => controller.error(call.signal?.reason), { once: true });
          },
        });
        return new Response(body, { status: 200, headers: { 'content-type': 'application/ld+json' } });
      });
      for (const server of [fakeFetch(hang), stalled]) {
        const c = client(server.fetch, { timeout: 30_000 });
        const controller = new AbortController();
        setTimeout(() => controller.abort(), 20);
        const started = performance.now();
        const error = await rejection(c.get('/conversations/Pvwqm5G', { signal: controller.signal }));
        expect(performance.now() - started).toBeLessThan(500);
        expect(isHydraError(error) && error.code).toBe('aborted');
        expect(server.calls).toHaveLength(1);
      }
    });
  });

  it('stops waiting for a retry when the signal aborts, with `aborted`', async () => {
    // 10 s: a wait that ends within the default 30 s deadline, so it is begun.
    const server = fakeFetch(() => json({}, { status: 503, headers: { 'retry-after': '10' } }));
    const c = client(server.fetch);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const error = await rejection(c.get('/conversations/Pvwqm5G', { signal: controller.signal }));
    expect(isHydraError(error) && error.code).toBe('aborted');
    expect(server.calls).toHaveLength(1);
  });
});

describe('limits hold while reading', () => {
  const MiB = 1024 * 1024;

  /**
   * A full garbage collection, and a moment for V8 to hand freed pages back, so that RSS shows
   * what is still held rather than what is not yet collected.
   */
  const collect = (() => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    return async () => {
      gc();
      gc();
      await new Promise((resolve) => setTimeout(resolve, 100));
    };
  })();

  /**
   * A loopback server whose `/endless` answers `status` with a body that never ends (spaces,
   * inside a JSON string), written as fast as the client reads; any other path answers `body`.
   * `hungUp` settles when the client closes the connection of the endless answer.
   */
  async function endlessServer(status: number, body = JSON.stringify(seedConversation())) {
    const state = { written: 0 };
    let hangUp!: () => void;
    const hungUp = new Promise<void>((resolve) => (hangUp = resolve));
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const server = await loopback((req, res) => {
      if (req.url !== '/endless') {
        // In pieces: one large Buffer would raise malloc's trim threshold and blur RSS.
        res.writeHead(200, { 'content-type': 'application/ld+json' });
        for (let offset = 0; offset < body.length; offset += 64 * 1024) res.write(body.slice(offset, offset + 64 * 1024));
        res.end();
        return;
      }
      res.writeHead(status, { 'content-type': 'application/ld+json' });
      res.on('close', hangUp);
      const pump = (): void => {
        while (!res.destroyed) {
          state.written += chunk.length;
          if (!res.write(chunk)) {
            res.once('drain', pump);
            return;
          }
        }
      };
      res.write('{"@type":"Conversation","slug":"');
      pump();
    });
    return { ...server, state, hungUp };
  }

  it('stops an endless body at maxSize, promptly, holding less than twice the limit, and hangs up', async () => {
    // Before, the whole body was read first (text(), then the size check): an endless one was
    // cut only by the timeout (here 3 s: network_error, RSS up by about 200 MiB). 16 MiB makes
    // the bound stand well clear of what RSS does by itself (±10 MiB here).
    const limit = 16 * MiB;
    // A document of exactly `limit` characters, which must still decode.
    const empty = JSON.stringify(seedConversation({ slug: '' }));
    const atLimit = JSON.stringify(seedConversation({ slug: 'x'.repeat(limit - empty.length) }));
    expect(atLimit).toHaveLength(limit);
    const server = await endlessServer(200, atLimit);
    try {
      const c = createClient({ baseUrl: `${server.url}/`, registry, limits: { maxSize: limit }, retries: 0, timeout: 3000 });
      // The baseline is taken after one body at the limit was read: V8 keeps the heap pages and
      // malloc the buffers that the first large read needed, which raises RSS once by about twice
      // its size whatever the client does. From there an endless body must cost no more than
      // twice the limit.
      const node = await c.get('/at-limit');
      expect(((node as Record<string, unknown>)['slug'] as string).length).toBe(limit - empty.length);
      await collect();
      const before = process.memoryUsage().rss;
      const started = performance.now();
      const error = await rejection(c.get('/endless'));
      const elapsed = performance.now() - started;
      await collect();
      const growth = process.memoryUsage().rss - before;
      expect(isHydraError(error) && error.code).toBe('decode_failed');
      const cause = (error as Error).cause;
      expect(isDecodeError(cause) && cause.code).toBe('max_size');
      expect(elapsed).toBeLessThan(2000);
      expect(growth).toBeLessThan(2 * limit);
      await server.hungUp; // the body was cancelled: the client closed the connection
      const written = server.state.written;
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(server.state.written).toBe(written);
      // What the server got onto the wire: the limit, plus what socket buffers took.
      expect(written).toBeLessThan(4 * limit);
    } finally {
      await server.close();
    }
  });

  it('reads an error body within its own small bound: an endless 500 is an HttpError at once, and hangs up', async () => {
    const server = await endlessServer(500);
    try {
      const c = createClient({ baseUrl: `${server.url}/`, registry, retries: 0, timeout: 3000 });
      const started = performance.now();
      const error = await rejection(c.get('/endless'));
      const elapsed = performance.now() - started;
      expect(isHttpError(error) && error.status).toBe(500);
      expect(isHttpError(error) && error.problem).toBeUndefined();
      expect(elapsed).toBeLessThan(2000);
      await server.hungUp;
    } finally {
      await server.close();
    }
  });

  it('counts maxSize in UTF-16 code units as decode does, across chunks that split characters', async () => {
    // 'é' is two bytes and one code unit, '😀' four bytes and two: a byte count would differ.
    const text = JSON.stringify(seedConversation({ slug: `${'é'.repeat(300)}${'😀'.repeat(300)}` }));
    const bytes = new TextEncoder().encode(text);
    const chunked = (): Response => {
      let offset = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (offset >= bytes.length) return controller.close();
          controller.enqueue(bytes.slice(offset, offset + 7));
          offset += 7;
        },
      });
      return new Response(body, { status: 200, headers: { 'content-type': 'application/ld+json' } });
    };
    const node = await client(fakeFetch(chunked).fetch, { limits: { maxSize: text.length } }).get('/conversations/Pvwqm5G');
    expect((node as Record<string, unknown>)['slug']).toBe(`${'é'.repeat(300)}${'😀'.repeat(300)}`);
    const error = await rejection(client(fakeFetch(chunked).fetch, { limits: { maxSize: text.length - 1 } }).get('/conversations/Pvwqm5G'));
    expect(isHydraError(error) && error.code).toBe('decode_failed');
    const cause = (error as Error).cause;
    expect(isDecodeError(cause) && cause.code).toBe('max_size');
  });

  it('pulls no more of a body than the limit needs, and cancels the rest', async () => {
    // 32 MiB on offer, not an endless stream: pulls that never wait for I/O would starve the
    // timers, so an endless one read whole would hang rather than fail.
    const limit = 1 * MiB;
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    let pulled = 0;
    let cancelled = false;
    const server = fakeFetch(() => {
      const body = new ReadableStream<Uint8Array>(
        {
          pull(controller) {
            if (pulled >= 32 * MiB) return controller.close();
            pulled += chunk.length;
            controller.enqueue(chunk.slice());
          },
          cancel() {
            cancelled = true;
          },
        },
        { highWaterMark: 0 },
      );
      return new Response(body, { status: 200, headers: { 'content-type': 'application/ld+json' } });
    });
    const error = await rejection(client(server.fetch, { limits: { maxSize: limit } }).get('/conversations/Pvwqm5G'));
    expect(isHydraError(error) && error.code).toBe('decode_failed');
    expect(cancelled).toBe(true);
    expect(pulled).toBeLessThanOrEqual(limit + 2 * chunk.length);
  });
});

describe('errors', () => {
  it('raises HttpError with the status, the response and the parsed Hydra error', async () => {
    const server = fakeFetch(notFound);
    const error = await rejection(client(server.fetch).get('/conversations/nope'));
    expect(isHttpError(error)).toBe(true);
    if (!isHttpError(error)) return;
    expect(error.status).toBe(404);
    expect(error.code).toBe('http_error');
    expect(error.response.status).toBe(404);
    expect(error.problem?.title).toBe('Not Found');
    expect(error.problem?.detail).toBe('No /conversations/nope.');
    expect(error.url).toBe(`${ORIGIN}/conversations/nope`);
    expect(error.message).toMatchInlineSnapshot(`"404 Not Found for https://api.textus.example/conversations/nope: No /conversations/nope."`);
  });

  it('reads an RFC 7807 problem with its violations', async () => {
    const problem = {
      type: 'https://api.example/problems/invalid',
      title: 'Bad Request',
      status: 400,
      detail: 'The body is not a Contact.',
      violations: [{ code: 'wrong_kind', path: '$.name', expected: 'string', found: 'number 1' }],
    };
    const server = fakeFetch(() => new Response(JSON.stringify(problem), { status: 400, headers: { 'content-type': 'application/problem+json' } }));
    const conversation = registry.decode(JSON.stringify(seedConversation()), { base: CONVERSATION }) as never as NodeOf<typeof ConversationCollection>['members'][number];
    const error = await rejection(client(server.fetch).invoke(conversation, 'assignContact', {}));
    expect(isHttpError(error) && error.status).toBe(400);
    expect(isHttpError(error) && error.problem).toEqual({ ...problem, violations: problem.violations });
  });

  it('gives 401 the code unauthorized and the WWW-Authenticate challenge', async () => {
    const server = fakeFetch(
      () =>
        new Response(JSON.stringify({ '@type': 'hydra:Error', title: 'Unauthorized', status: 401 }), {
          status: 401,
          headers: { 'content-type': 'application/ld+json', 'www-authenticate': 'Bearer realm="textus", error="invalid_token"' },
        }),
    );
    const error = await rejection(client(server.fetch).get('/conversations/Pvwqm5G'));
    expect(isHttpError(error) && error.code).toBe('unauthorized');
    expect(isHttpError(error) && error.challenge).toBe('Bearer realm="textus", error="invalid_token"');
    expect(isHttpError(error) && error.status).toBe(401);
  });

  it('keeps an error whose body is not JSON, without a problem', async () => {
    const server = fakeFetch(() => new Response('<html>oops</html>', { status: 500, statusText: 'Internal Server Error' }));
    const error = await rejection(client(server.fetch, { retries: 0 }).get('/conversations/Pvwqm5G'));
    expect(isHttpError(error) && error.status).toBe(500);
    expect(isHttpError(error) && error.problem).toBeUndefined();
    expect((error as Error).message).toContain('500 Internal Server Error');
  });

  it('fails an answer that is not JSON with decode_failed', async () => {
    const server = fakeFetch(() => new Response('not json', { status: 200 }));
    const error = await rejection(client(server.fetch).get('/conversations/Pvwqm5G'));
    expect(isHydraError(error) && error.code).toBe('decode_failed');
  });

  it('tells HttpError apart by name and status, across installs', () => {
    expect(isHttpError({ name: 'HttpError', status: 404 })).toBe(true);
    expect(isHttpError(new Error('x'))).toBe(false);
    expect(isHttpError({ name: 'HttpError' })).toBe(false);
  });
});
