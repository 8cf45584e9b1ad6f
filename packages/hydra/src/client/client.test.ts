/**
 * The hypermedia client against a fake `fetch` that records every request: typed `get`/`follow`,
 * embedded nodes without requests, paging, actions, and no context ever fetched.
 *
 * @module
 */
import { isDecodeError, type NodeOf } from '@hyperld/core';
import { describe, expect, it } from 'vitest';
import { apiPlatform3, SCHEMA } from '../__fixtures__/api-documentations.js';
import { CONVERSATION_ACTIONS, ConversationCollection, SEED_BASE, seedText, VOCAB } from '../__fixtures__/conversations.js';
import { apiDocumentation } from '../api-documentation.js';
import { isHydraError } from '../errors.js';
import { HYDRA_CONTEXT, hydraRegistry } from '../vocabulary.js';
import { type Call, client, CONVERSATION, fakeFetch, json, notFound, ORIGIN, pageDoc, pagedServer, registry, rejection, seedConversation, timelineDoc, TOKEN } from './__fixtures__/fake-api.js';
import { type ClientOptions, createClient, type Operation } from './index.js';

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

describe('a node whose @type is the full class IRI', () => {
  // Decoding finds such a node's definition by its class IRI; so must follow, invoke and actions.
  const byIri = (): Record<string, unknown> => seedConversation({ '@type': `${VOCAB}ConversationWithAccount` });

  it('follows its links typed by their declared targets', async () => {
    const server = fakeFetch((call) => (call.url === `${CONVERSATION}/timeline` ? json(timelineDoc()) : json(seedConversation())));
    const c = client(server.fetch);
    const conversation = registry.decode(JSON.stringify(byIri()), { base: CONVERSATION, strict: true });
    const timeline = await c.follow(conversation as never, 'timeline' as never);
    expect((timeline as Record<string, unknown>)['@type']).toBe('Timeline');
    // Typed by the target: a Conversation where a Timeline is due does not decode.
    const stats = { ...byIri(), timeline: '/conversations/Pvwqm5G/not-a-timeline' };
    const error = await rejection(c.follow(registry.decode(JSON.stringify(stats), { base: CONVERSATION }) as never, 'timeline' as never));
    expect(isHydraError(error) && error.code).toBe('decode_failed');
  });

  it('invokes its declared actions, and lists them, decoded or not', async () => {
    const server = fakeFetch(() => json(seedConversation({ '@type': 'Conversation', '@context': '/contexts/Conversation.jsonld', closeConversation: null })));
    const c = client(server.fetch);
    const decoded = registry.decode(JSON.stringify(byIri()), { base: CONVERSATION, strict: true });
    const after = await c.invoke(decoded as never, 'closeConversation' as never);
    expect((after as Record<string, unknown> | undefined)?.['@type']).toBe('Conversation');
    await c.invoke(byIri() as never, 'unreadConversation' as never);
    expect(server.calls.map((call) => `${call.method} ${call.url}`)).toEqual([`PUT ${CONVERSATION}/close`, `DELETE ${CONVERSATION}/read`]);
    expect(c.actions(byIri()).find((a) => a.name === 'closeConversation')).toMatchObject({ state: 'available', url: `${CONVERSATION}/close` });
  });
});

describe('actions', () => {
  it('lists the actions of an embedded node, which carries no registry, with the client’s', () => {
    const c = client(fakeFetch(notFound).fetch);
    const page = registry.decodeAs(ConversationCollection, seedText(), { base: SEED_BASE });
    const message = (page.members[0] as (typeof page.members)[number]).latestPreviewableItem as object;
    expect(c.actions(message)).toEqual([{ name: 'retry', method: 'POST', source: 'property', returns: 'Message', state: 'unavailable' }]);
    expect(c.actions(page.members[0] as object).map((a) => a.name)).toContain('closeConversation');
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

describe('operations discovered at run time', () => {
  const BOOKS = 'https://books.example';
  const OTHER_BOOKS = 'https://other-books.example';
  const DOC_LINK = '</docs.jsonld>; rel="http://www.w3.org/ns/hydra/core#apiDocumentation"';
  /** The context API Platform serves for its resources, inline here (remote contexts are not this test's matter). */
  const contextAt = (origin: string) => ({ '@vocab': `${origin}/docs.jsonld#`, schema: SCHEMA, Book: 'schema:Book', book: { '@id': 'Entrypoint/book', '@type': '@id' } });
  const context = contextAt(BOOKS);
  const entrypoint = (book: unknown, origin = BOOKS) => ({ '@context': contextAt(origin), '@id': '/', '@type': 'Entrypoint', ...(book !== undefined ? { book } : {}) });
  const book = { '@context': context, '@id': '/books/1', '@type': 'Book', isbn: '978' };
  const docsAt = (origin: string) => JSON.parse(JSON.stringify(apiPlatform3()).replaceAll(BOOKS, origin)) as unknown;

  /** A bookshop in API Platform 3.x's shape on two origins, each answer linking to its origin's documentation. */
  function bookshop(options: { docs?: (call: Call) => Response } = {}) {
    return fakeFetch((call) => {
      const url = new URL(call.url);
      const linked = (body: unknown, status = 200) => json(body, { status, headers: { link: DOC_LINK } });
      if (url.pathname === '/docs.jsonld') return options.docs?.(call) ?? json(docsAt(url.origin));
      if (url.pathname === '/') return linked(entrypoint('/books', url.origin));
      if (url.pathname === '/books' && call.method === 'POST') return linked(book, 201);
      if (url.pathname === '/books') return linked({ '@context': HYDRA_CONTEXT, '@id': '/books', '@type': 'Collection', member: [] });
      if (url.pathname === '/books/1') return linked(book);
      return notFound(call);
    });
  }
  const generic = (fetchFn: typeof fetch, options: Partial<ClientOptions<never>> = {}) =>
    createClient({ baseUrl: `${BOOKS}/`, registry: hydraRegistry, fetch: fetchFn, retryDelay: 1, ...options });
  const docLoads = (calls: readonly Call[]) => calls.filter((call) => new URL(call.url).pathname === '/docs.jsonld').map((call) => call.url);

  it('lists the class and link operations of the documentation an answer links to, loaded once per origin', async () => {
    const server = bookshop();
    const c = generic(server.fetch);
    const home = await c.get('/');
    const [first, again] = await Promise.all([c.operations(home), c.operations(home)]);
    expect(first?.map((op) => [op.name, op.source, op.method, op.state, op.target])).toEqual([
      ['GET self', 'class', 'GET', 'available', `${BOOKS}/`],
      ['GET book', 'link', 'GET', 'available', `${BOOKS}/books`],
      ['POST book', 'link', 'POST', 'available', `${BOOKS}/books`],
    ]);
    expect(again).toEqual(first);
    await c.operations(await c.get('/books/1'));
    expect(docLoads(server.calls)).toEqual([`${BOOKS}/docs.jsonld`]);
    // Another origin links to its own documentation: loaded once more, for it.
    const elsewhere = await c.get(`${OTHER_BOOKS}/`);
    expect((await c.operations(elsewhere)).map((op) => op.target)).toEqual([`${OTHER_BOOKS}/`, `${OTHER_BOOKS}/books`, `${OTHER_BOOKS}/books`]);
    await c.operations(elsewhere);
    expect(docLoads(server.calls)).toEqual([`${BOOKS}/docs.jsonld`, `${OTHER_BOOKS}/docs.jsonld`]);
  });

  it('lists only the inline and declared ones while no answer of the origin linked to a documentation, and loads nothing', async () => {
    const server = bookshop();
    const c = generic(server.fetch);
    expect(await c.operations(entrypoint('/books'))).toEqual([]);
    expect(server.calls).toHaveLength(0);
  });

  it('invokes an operation by name or as listed, with its method and target, and decodes the answer', async () => {
    const server = bookshop();
    const c = generic(server.fetch);
    const home = await c.get('/');
    const created = await c.invoke(home, 'POST book', { '@context': context, '@type': 'Book', isbn: '978' });
    expect(created?.['@id']).toBe('/books/1');
    const post = server.calls.find((call) => call.method === 'POST');
    expect(post?.url).toBe(`${BOOKS}/books`);
    expect(JSON.parse(post?.body ?? 'null')).toMatchObject({ isbn: '978' });
    const [, list] = await c.operations(home);
    await c.invoke(home, list as Operation);
    expect(server.calls.at(-1)).toMatchObject({ method: 'GET', url: `${BOOKS}/books` });
  });

  it('refuses an unavailable or not-offered operation, and an unknown name, without a request to the API', async () => {
    for (const [value, code] of [
      [null, 'action_unavailable'],
      ['absent', 'action_not_offered'],
    ] as const) {
      const server = bookshop();
      const c = generic(server.fetch);
      const home = { ...(await c.get('/')) };
      if (value === null) home['book'] = null;
      else delete home['book'];
      const before = server.calls.length;
      const error = await rejection(c.invoke(home, 'POST book'));
      expect(isHydraError(error) && error.code).toBe(code);
      const listed = (await c.operations(home)).find((op) => op.name === 'POST book') as Operation;
      expect(isHydraError(await rejection(c.invoke(home, listed))) && code).toBe(code);
      // The only request after the answer is the documentation's load.
      expect(server.calls.slice(before).map((call) => new URL(call.url).pathname)).toEqual(['/docs.jsonld']);
    }
    const c = generic(bookshop().fetch);
    const unknown = await rejection(c.invoke(await c.get('/'), 'archive'));
    expect(isHydraError(unknown) && unknown.code).toBe('unknown_action');
  });

  it('fails a documentation that does not read with decode_failed, and loads it again on the next call', async () => {
    let broken = true;
    const server = bookshop({ docs: () => (broken ? json('{"hydra:supportedClass": [') : json(apiPlatform3())) });
    const c = generic(server.fetch);
    const home = await c.get('/');
    const error = await rejection(c.operations(home));
    expect(isHydraError(error) && error.code).toBe('decode_failed');
    broken = false;
    expect((await c.operations(home)).map((op) => op.name)).toEqual(['GET self', 'GET book', 'POST book']);
    expect(docLoads(server.calls)).toHaveLength(2);
  });

  it('remembers the documentation of 64 origins at most, loading a forgotten one again when needed', async () => {
    const server = bookshop();
    const c = generic(server.fetch);
    const origins = Array.from({ length: 65 }, (_, i) => `https://shop${i}.example`);
    const homes: object[] = [];
    for (const origin of origins) {
      const home = await c.get(`${origin}/`);
      homes.push(home);
      await c.operations(home);
    }
    await c.operations(homes[64] as object);
    expect(docLoads(server.calls)).toHaveLength(65);
    // The first origin was forgotten (its Link too): answers of it link again, and it loads again.
    expect(await c.operations(homes[0] as object)).toEqual([]);
    await c.operations(await c.get(`${origins[0]}/`));
    expect(docLoads(server.calls)).toHaveLength(66);
  });

  it('reads the documentation within the client’s maxSize', async () => {
    const server = bookshop();
    const c = generic(server.fetch, { limits: { maxSize: 2000 } });
    const error = await rejection(c.operations(await c.get('/')));
    expect(isHydraError(error) && error.code).toBe('decode_failed');
    expect(isDecodeError((error as Error).cause) && (error as { cause: { violations: { code: string }[] } }).cause.violations[0]?.code).toBe('max_size');
  });

  it('on hyperld’s own API: the declared actions keep their typed path, and the class GET decodes as the type it returns', async () => {
    const docs = apiDocumentation(registry, { id: '/docs.jsonld' });
    const server = fakeFetch((call) => {
      const url = new URL(call.url);
      if (url.pathname === '/docs.jsonld') return json(docs);
      return json(seedConversation(), { headers: { link: DOC_LINK } });
    });
    const c = client(server.fetch);
    const conversation = await c.get(CONVERSATION);
    const ops = await c.operations(conversation);
    expect(ops.map((op) => op.name)).toEqual([...CONVERSATION_ACTIONS, 'get']);
    await c.invoke(conversation as never, 'closeConversation' as never);
    expect(server.calls.at(-1)).toMatchObject({ method: 'PUT', url: `${CONVERSATION}/close` });
    const get = ops.at(-1) as Operation;
    expect(get).toMatchObject({ source: 'class', returns: `${VOCAB}ConversationWithAccount` });
    const again = await c.invoke(conversation as never, get);
    expect((again as Record<string, unknown>)['@type']).toBe('ConversationWithAccount');
    // Typed by `returns`: an answer of another type does not decode.
    const error = await rejection(c.invoke(conversation as never, { ...get, returns: `${VOCAB}Account` }));
    expect(isHydraError(error) && error.code).toBe('decode_failed');
  });
});
