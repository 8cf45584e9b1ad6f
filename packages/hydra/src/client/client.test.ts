/**
 * The hypermedia client against a fake `fetch` that records every request: typed `get`/`follow`,
 * embedded nodes without requests, paging, actions, and no context ever fetched.
 *
 * @module
 */
import { isDecodeError, type NodeOf } from '@hyperld/core';
import { describe, expect, it } from 'vitest';
import { ConversationCollection, SEED_BASE, seedText, VOCAB } from '../__fixtures__/conversations.js';
import { isHydraError } from '../errors.js';
import { client, CONVERSATION, fakeFetch, json, notFound, ORIGIN, pageDoc, pagedServer, registry, rejection, seedConversation, timelineDoc, TOKEN } from './__fixtures__/fake-api.js';
import { createClient } from './index.js';

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
