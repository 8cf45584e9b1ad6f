/**
 * The reference TextUs server over real HTTP on an ephemeral loopback port: the seed-shaped page,
 * keyset paging to the end (stable under inserts), every conversation action and its persistence,
 * authentication and per-account authorization, and the error statuses.
 *
 * Tests that change data get a server of their own, so the read-only ones always see the seed.
 * All of it runs on both store engines (`describe.each` over `helpers/engines.ts`: SQLite files,
 * and PostgreSQL databases where a throwaway cluster starts; otherwise one printed line says why
 * those are skipped), but the start-up checks, which are the engine's no more than the port's.
 *
 * @module
 */
import { seedBodyText } from '@hyperld/fixtures';
import { encodeCursor } from '@hyperld/hydra/server';
import { Conversation, ConversationCollection, TEXTUS_MEDIA_TYPE, textusRegistry } from '@hyperld/textus';
import {
  DEMO_TOKEN,
  DEMO_USER_ID,
  OTHER_TOKEN,
  SEED_ACCOUNT_ID,
  SEED_CONTACT_ID,
  SEED_CONVERSATION_ID,
  SEED_MESSAGE_ID,
  startTextusServer,
} from '@hyperld/textus-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shapeDifferences } from './helpers/shape.js';
import { engineTargets, type EngineTarget } from './helpers/engines.js';
import { call, startMemoryServer, type CallResult } from './helpers/textus-server.js';

const { targets, stop } = await engineTargets('server');
afterAll(() => stop());

/** A server started on an engine, and the database it runs on. */
type TestServer = Awaited<ReturnType<typeof startTextusServer>> & { readonly target: EngineTarget; readonly database: string };

/** Starts a server on a database of `target` (a fresh one unless named: a restart). */
async function startOn(target: EngineTarget, database?: string): Promise<TestServer> {
  const db = database ?? (await target.database());
  const server = await startTextusServer({ ...(target.name === 'postgres' ? { databaseUrl: db } : { file: db }), port: 0, announce: false });
  return Object.assign(server, { target, database: db });
}

const SEED_PAGE = `/contacts/${SEED_CONTACT_ID}/conversations`;
const SEED_CONVERSATION = `/conversations/${SEED_CONVERSATION_ID}`;
const DOC_REL = 'rel="http://www.w3.org/ns/hydra/core#apiDocumentation"';

type Json = Record<string, unknown>;

/** The ids (`/conversations/…`) of a collection page's members. */
const memberIds = (page: Json): string[] => (page['members'] as Json[]).map((m) => m['id'] as string);
const viewOf = (page: Json): Json => page['view'] as Json;

/** The demo user's conversations with the seed contact, newest first, straight from SQL. */
async function visibleConversationIds(server: TestServer): Promise<string[]> {
  const rows = await server.target.query<{ id: string }>(
    server.database,
    `SELECT id FROM conversations
      WHERE contact_id = ? AND account_id IN (SELECT account_id FROM memberships WHERE user_id = ?)
      ORDER BY seq DESC`,
    [SEED_CONTACT_ID, DEMO_USER_ID],
  );
  return rows.map((r) => `/conversations/${r.id}`);
}

/** Follows `view.next` from `start` to the end; returns every page. */
async function walk(server: TestServer, start: string, between?: (pageIndex: number) => Promise<void>): Promise<Json[]> {
  const pages: Json[] = [];
  let next: string | null = start;
  while (next !== null) {
    const { status, json } = await call(server.url, 'GET', next, { token: DEMO_TOKEN });
    expect(status, next).toBe(200);
    pages.push(json);
    expect(pages.length, 'a next link loops').toBeLessThan(100);
    await between?.(pages.length - 1);
    next = viewOf(json)['next'] as string | null;
  }
  return pages;
}

/** Asserts a Hydra error body over HTTP. */
function expectProblem(result: CallResult, status: number): void {
  expect(result.status).toBe(status);
  expect(result.json['@type']).toBe('hydra:Error');
  expect(result.json['status']).toBe(status);
  expect(result.text).not.toMatch(/\n\s+at /);
}

describe('shapeDifferences', () => {
  it('finds reordered, missing and extra keys, and kind changes, at any depth', () => {
    expect(shapeDifferences({ a: 1, b: { c: [{ d: 1, e: 2 }] } }, { a: 9, b: { c: [{ d: 0, e: 0 }, {}] } })).toEqual([]);
    expect(shapeDifferences({ b: 1, a: 1 }, { a: 1, b: 1 })).toHaveLength(1);
    expect(shapeDifferences({ a: { x: 1 } }, { a: { x: 1, y: 2 } })).toEqual(['$.a: keys ["x"], expected ["x","y"]']);
    expect(shapeDifferences({ a: [{ y: 1, x: 1 }] }, { a: [{ x: 1, y: 1 }] })).toEqual(['$.a[0]: keys ["y","x"], expected ["x","y"]']);
    expect(shapeDifferences({ a: 'x' }, { a: 1 })).toEqual(['$.a: string, expected number']);
    expect(shapeDifferences({ a: [] }, { a: {} })).toEqual(['$.a: array, expected object']);
    expect(shapeDifferences({ a: null }, { a: { x: 1 } })).toEqual([]);
  });
});

describe.each(targets)('on $name', (target) => {
  describe.skipIf(!target.available)('the seed-shaped page (read-only server on a database)', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startOn(target);
    });
    afterAll(async () => {
      await server.close();
    });

    it('answers GET /contacts/DQeeO69/conversations in the vendor type, decoding strictly, in the seed shape', async () => {
      const result = await call(server.url, 'GET', SEED_PAGE, { token: DEMO_TOKEN });
      expect(result.status).toBe(200);
      expect(result.headers.get('content-type')).toBe(TEXTUS_MEDIA_TYPE);
      const page = textusRegistry.decodeAs(ConversationCollection, result.text, { base: new URL(SEED_PAGE, server.url).href, strict: true });
      expect(page.members[0]?.id).toBe(SEED_CONVERSATION);
      expect(shapeDifferences(JSON.parse(result.text), JSON.parse(seedBodyText()))).toEqual([]);
    });

    it('matches the seed values of the seed conversation', async () => {
      const { json } = await call(server.url, 'GET', SEED_PAGE, { token: DEMO_TOKEN });
      const seed = JSON.parse(seedBodyText()) as Json;
      const ours = (json['members'] as Json[])[0] as Json;
      const theirs = (seed['members'] as Json[])[0] as Json;
      // The fixture's own inconsistencies (its message names another conversation, its contact is
      // `Vled2N` with phones of `DQeeO69`) are not reproduced; the facts are.
      for (const key of ['@type', '@context', 'id', 'phoneNumber', 'formattedPhoneNumber', 'slug', 'currentState', 'unanswered', 'unsubscribed', 'blocked', 'account', 'nextScheduledMessage', 'requestingUserInfo', 'participants', 'associatedContacts', 'readConversation', 'unreadConversation', 'starConversation', 'unstarConversation', 'reopenConversation', 'closeConversation', 'blockConversation', 'unblockConversation', 'subscribeConversation', 'unsubscribeConversation', 'timeline', 'stats', 'assignContact']) {
        expect(ours[key], key).toEqual(theirs[key]);
      }
      const message = ours['latestPreviewableItem'] as Json;
      expect(message['id']).toBe(`/messages/${SEED_MESSAGE_ID}`);
      expect(message['body']).toBe((theirs['latestPreviewableItem'] as Json)['body']);
      expect(json['view']).toMatchObject({ '@type': 'hydra:PartialCollectionView', id: SEED_PAGE, first: SEED_PAGE, previous: null });
    });

    it('gives the page a strong ETag and answers If-None-Match with 304', async () => {
      const first = await call(server.url, 'GET', SEED_PAGE, { token: DEMO_TOKEN });
      const etag = first.headers.get('etag');
      expect(etag).toMatch(/^"[0-9a-f]+"$/);
      const cached = await call(server.url, 'GET', SEED_PAGE, { token: DEMO_TOKEN, headers: { 'if-none-match': etag ?? '' } });
      expect(cached.status).toBe(304);
      expect(cached.text).toBe('');
      expect(cached.headers.get('etag')).toBe(etag);
      expect(cached.headers.get('link')).toContain(DOC_REL);
      expect(cached.headers.get('x-content-type-options')).toBe('nosniff');
    });

    it('answers HEAD with the GET headers and no body', async () => {
      const got = await call(server.url, 'GET', SEED_PAGE, { token: DEMO_TOKEN });
      const head = await call(server.url, 'HEAD', SEED_PAGE, { token: DEMO_TOKEN });
      expect(head.status).toBe(200);
      expect(head.text).toBe('');
      expect(head.headers.get('etag')).toBe(got.headers.get('etag'));
    });

    it('serves the API documentation and the contexts', async () => {
      const docs = await call(server.url, 'GET', '/docs.jsonld');
      expect(docs.status).toBe(200);
      // In the published Hydra context (issue 15), not a node of hyperld's registry: read as JSON-LD.
      const doc = docs.json as Record<string, unknown>;
      expect(doc['@type']).toBe('ApiDocumentation');
      expect(doc['@context']).toEqual(['http://www.w3.org/ns/hydra/context.jsonld', expect.any(Object)]);
      const context = await call(server.url, 'GET', '/contexts/ConversationWithAccount.jsonld');
      expect(context.status).toBe(200);
      expect(context.headers.get('content-type')).toBe('application/ld+json');
      expect(context.headers.get('cache-control')).toMatch(/max-age=\d{5,}/);
      expect(context.headers.get('etag')).toMatch(/^"[0-9a-f]+"$/);
      expect(context.json).toEqual(textusRegistry.context('/contexts/ConversationWithAccount.jsonld'));
    });

    it('carries the API documentation Link and nosniff on every response over HTTP', async () => {
      const results = [
        await call(server.url, 'GET', SEED_PAGE, { token: DEMO_TOKEN }),
        await call(server.url, 'GET', SEED_PAGE),
        await call(server.url, 'GET', '/nowhere', { token: DEMO_TOKEN }),
        await call(server.url, 'GET', SEED_PAGE, { token: DEMO_TOKEN, accept: 'text/html' }),
        await call(server.url, 'GET', '/contexts/Message.jsonld'),
        await call(server.url, 'POST', SEED_CONVERSATION, { token: DEMO_TOKEN }),
      ];
      for (const result of results) {
        expect(result.headers.get('link')).toBe(`<${server.url}/docs.jsonld>; ${DOC_REL}`);
        expect(result.headers.get('x-content-type-options')).toBe('nosniff');
      }
    });

    it('reads a request target starting with // as a path, not as another host', async () => {
      const result = await call(server.url, 'GET', `${server.url}//evil.example${SEED_PAGE}`, { token: DEMO_TOKEN });
      expect(result.status).toBe(404);
      expect(result.headers.get('link')).toBe(`<${server.url}/docs.jsonld>; ${DOC_REL}`);
    });
  });

  describe.skipIf(!target.available)('paging (read-only)', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startOn(target);
    });
    afterAll(async () => server.close());

    it('follows view.next to the end: every visible conversation once, in order, with null ends', async () => {
      const pages = await walk(server, `${SEED_PAGE}?per_page=25`);
      const expected = await visibleConversationIds(server);
      expect(pages.length).toBeGreaterThanOrEqual(4);
      expect(pages.length).toBe(Math.ceil(expected.length / 25));
      const ids = pages.flatMap(memberIds);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toEqual(expected);
      expect(viewOf(pages[0] as Json)['previous']).toBeNull();
      expect(viewOf(pages.at(-1) as Json)['next']).toBeNull();
      pages.forEach((page, i) => {
        expect(page['totalItems']).toBe(expected.length);
        expect(viewOf(page)['first']).toBe(`${SEED_PAGE}?per_page=25`);
        if (i > 0) expect(viewOf(page)['previous'], `page ${i}`).not.toBeNull();
        if (i < pages.length - 1) expect(viewOf(page)['next'], `page ${i}`).not.toBeNull();
        expect(() => textusRegistry.decodeAs(ConversationCollection, page, { base: new URL(SEED_PAGE, server.url).href, strict: true })).not.toThrow();
      });
    });

    it('goes back from page 2 to page 1 through view.previous', async () => {
      const [first, second] = await walk(server, `${SEED_PAGE}?per_page=25`);
      const back = await call(server.url, 'GET', viewOf(second as Json)['previous'] as string, { token: DEMO_TOKEN });
      expect(back.status).toBe(200);
      expect(memberIds(back.json)).toEqual(memberIds(first as Json));
      expect(viewOf(back.json)['previous']).toBeNull();
      expect(viewOf(back.json)['next']).toBe(viewOf(first as Json)['next']);
    });

    it('pages at the default size of 25 without per_page, and caps per_page at 100', async () => {
      const plain = await call(server.url, 'GET', SEED_PAGE, { token: DEMO_TOKEN });
      expect(memberIds(plain.json)).toHaveLength(25);
      expect(viewOf(plain.json)['next']).not.toMatch(/per_page/);
      const huge = await call(server.url, 'GET', `${SEED_PAGE}?per_page=100000`, { token: DEMO_TOKEN });
      expect(memberIds(huge.json)).toHaveLength(Math.min(100, (await visibleConversationIds(server)).length));
    });
  });

  describe.skipIf(!target.available)('paging while conversations are inserted', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startOn(target);
    });
    afterAll(async () => server.close());

    it('neither repeats nor skips an old conversation', async () => {
      const before = await visibleConversationIds(server);
      const inserted: string[] = [];
      const insert = async (id: string): Promise<void> => {
        await server.target.query(
          server.database,
          `INSERT INTO conversations (id, seq, account_id, contact_id, current_state, unanswered, unsubscribed, blocked)
           VALUES (?, (SELECT MAX(seq) + 1 FROM conversations), ?, ?, 'open', 0, 0, 0)`,
          [id, SEED_ACCOUNT_ID, SEED_CONTACT_ID],
        );
        // A write past the server: on PostgreSQL it must bump the data version itself, as the
        // store's own writes do (SQLite's PRAGMA data_version sees any connection's commit).
        if (server.target.name === 'postgres') await server.target.query(server.database, 'UPDATE store_version SET version = version + 1 WHERE id = 1');
        inserted.push(`/conversations/${id}`);
      };
      // A new conversation lands on page 1 after each of the first pages is read.
      const pages = await walk(server, `${SEED_PAGE}?per_page=25`, async (i) => {
        if (i < 3) await insert(`zzNew${i}`);
      });
      const ids = pages.flatMap(memberIds);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toEqual(before);
      // The server sees them: a fresh walk starts with them, newest first.
      expect((await visibleConversationIds(server)).slice(0, 3)).toEqual([...inserted].reverse());
      const fresh = await call(server.url, 'GET', `${SEED_PAGE}?per_page=25`, { token: DEMO_TOKEN });
      expect(memberIds(fresh.json).slice(0, 3)).toEqual([...inserted].reverse());
      expect(fresh.json['totalItems']).toBe(before.length + 3);
    });
  });

  describe.skipIf(!target.available)('conversation actions', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startOn(target);
    });
    afterAll(async () => server.close());

    const act = async (method: 'PUT' | 'DELETE', segment: string, conversation = SEED_CONVERSATION): Promise<Json> => {
      const result = await call(server.url, method, `${conversation}/${segment}`, { token: DEMO_TOKEN });
      expect(result.status, `${method} ${segment}: ${result.text.slice(0, 200)}`).toBe(200);
      const node = textusRegistry.decodeAs(Conversation, result.text, { base: new URL(conversation, server.url).href, strict: true });
      expect(node.id).toBe(conversation);
      return result.json;
    };
    const current = async (conversation = SEED_CONVERSATION): Promise<Json> => (await call(server.url, 'GET', conversation, { token: DEMO_TOKEN })).json;
    const inList = async (conversation = SEED_CONVERSATION): Promise<Json> => {
      const pages = await walk(server, `${SEED_PAGE}?per_page=100`);
      const found = pages.flatMap((p) => p['members'] as Json[]).find((m) => m['id'] === conversation);
      if (!found) throw new Error(`${conversation} is not in the list`);
      return found;
    };
    const link = (segment: string): string => `${SEED_CONVERSATION}/${segment}`;
    const stateOf = (node: Json) => ({
      currentState: node['currentState'],
      blocked: node['blocked'],
      unsubscribed: node['unsubscribed'],
      reopenConversation: node['reopenConversation'],
      closeConversation: node['closeConversation'],
      blockConversation: node['blockConversation'],
      unblockConversation: node['unblockConversation'],
      subscribeConversation: node['subscribeConversation'],
      unsubscribeConversation: node['unsubscribeConversation'],
    });

    it('close withdraws close and offers reopen; repeating it changes nothing', async () => {
      const closed = await act('PUT', 'close');
      expect(stateOf(closed)).toMatchObject({ currentState: 'closed', closeConversation: null, reopenConversation: link('reopen') });
      expect(stateOf(await current())).toEqual(stateOf(closed));
      const again = await act('PUT', 'close');
      expect(again).toEqual(closed);
    });

    it('reopen does the reverse', async () => {
      const reopened = await act('PUT', 'reopen');
      expect(stateOf(reopened)).toMatchObject({ currentState: 'open', closeConversation: link('close'), reopenConversation: null });
      expect(stateOf(await current())).toEqual(stateOf(reopened));
    });

    it('block offers unblock and reopen and withdraws block and close; closing it then is a 409', async () => {
      const blocked = await act('PUT', 'block');
      expect(stateOf(blocked)).toMatchObject({
        blocked: true,
        unblockConversation: link('block'),
        blockConversation: null,
        closeConversation: null,
        reopenConversation: link('reopen'),
      });
      const refused = await call(server.url, 'PUT', link('close'), { token: DEMO_TOKEN });
      expectProblem(refused, 409);
      expect(stateOf(await current())).toEqual(stateOf(blocked));
      expect(await act('PUT', 'block')).toEqual(blocked);
    });

    it('unblock withdraws unblock and offers block again', async () => {
      const unblocked = await act('DELETE', 'block');
      expect(stateOf(unblocked)).toMatchObject({ blocked: false, unblockConversation: null, blockConversation: link('block') });
      expect(unblocked['currentState']).not.toBe('blocked');
      expect(stateOf(await current())).toEqual(stateOf(unblocked));
    });

    it('unsubscribe offers subscribe, subscribe offers unsubscribe', async () => {
      const unsubscribed = await act('DELETE', 'subscribe');
      expect(stateOf(unsubscribed)).toMatchObject({ unsubscribed: true, subscribeConversation: link('subscribe'), unsubscribeConversation: null });
      expect(stateOf(await current())).toEqual(stateOf(unsubscribed));
      expect(await act('DELETE', 'subscribe')).toEqual(unsubscribed);
      const subscribed = await act('PUT', 'subscribe');
      expect(stateOf(subscribed)).toMatchObject({ unsubscribed: false, subscribeConversation: null, unsubscribeConversation: link('subscribe') });
    });

    it('read/unread change requestingUserInfo in the list and stay offered', async () => {
      const read = await act('PUT', 'read');
      expect(read).toMatchObject({ readConversation: link('read'), unreadConversation: link('read') });
      const listedRead = await inList();
      expect(listedRead['requestingUserInfo']).toMatchObject({ read: true, readToTimelinePosition: '2018-07-24T20:59:32.156Z' });
      expect(listedRead).toMatchObject({ readConversation: link('read'), unreadConversation: link('read') });
      expect(await act('PUT', 'read')).toEqual(read);
      const unread = await act('DELETE', 'read');
      expect(unread).toMatchObject({ readConversation: link('read'), unreadConversation: link('read') });
      expect((await inList())['requestingUserInfo']).toMatchObject({ read: false });
    });

    it('star/unstar change requestingUserInfo in the list and stay offered', async () => {
      const starred = await act('PUT', 'star');
      expect(starred).toMatchObject({ starConversation: link('star'), unstarConversation: link('star') });
      expect((await inList())['requestingUserInfo']).toMatchObject({ starred: true });
      expect(await act('PUT', 'star')).toEqual(starred);
      expect((await inList())['requestingUserInfo']).toMatchObject({ starred: true });
      await act('DELETE', 'star');
      expect((await inList())['requestingUserInfo']).toMatchObject({ starred: false });
    });
  });

  describe.skipIf(!target.available)('persistence', () => {
    it('keeps an action across a restart on the same database file', async () => {
      const first = await startOn(target);
      {
        try {
          const closed = await call(first.url, 'PUT', `${SEED_CONVERSATION}/close`, { token: DEMO_TOKEN });
          expect(closed.status).toBe(200);
          expect(closed.json['currentState']).toBe('closed');
        } finally {
          await first.close();
        }
        const second = await startOn(target, first.database);
        try {
          const after = await call(second.url, 'GET', SEED_CONVERSATION, { token: DEMO_TOKEN });
          expect(after.status).toBe(200);
          expect(after.json).toMatchObject({ currentState: 'closed', closeConversation: null, reopenConversation: `${SEED_CONVERSATION}/reopen` });
          // The restart did not seed again over the data.
          const [count] = await target.query<{ n: number | string }>(second.database, 'SELECT COUNT(*) AS n FROM conversations WHERE id = ?', [SEED_CONVERSATION_ID]);
          expect(Number(count?.n)).toBe(1);
        } finally {
          await second.close();
        }
      }
    });
  });

  describe.skipIf(!target.available)('authentication, authorization and errors', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startOn(target);
    });
    afterAll(async () => server.close());

    it('answers 401 with WWW-Authenticate: Bearer without a token or with a wrong one', async () => {
      const wrongSecret = `${DEMO_TOKEN.split('.')[0]}.not-the-secret`;
      for (const token of [undefined, 'nope', wrongSecret, `${DEMO_TOKEN}x`]) {
        const result = await call(server.url, 'GET', SEED_PAGE, token === undefined ? {} : { token });
        expectProblem(result, 401);
        expect(result.headers.get('www-authenticate')).toMatch(/^Bearer realm="textus"$/);
        expect(result.text).not.toContain('Jamel');
      }
    });

    it('answers 404 to another account, exactly as to something that does not exist, and changes nothing', async () => {
      const rowBefore = await server.engine.conversation(SEED_CONVERSATION_ID);
      const cases: Array<[string, string, string]> = [
        ['GET', SEED_CONVERSATION, '/conversations/doesNotExist'],
        ['GET', SEED_PAGE, '/contacts/doesNotExist/conversations'],
        ['GET', `/messages/${SEED_MESSAGE_ID}`, '/messages/doesNotExist'],
        ['GET', `/accounts/${SEED_ACCOUNT_ID}`, '/accounts/doesNotExist'],
        ['GET', `${SEED_CONVERSATION}/timeline`, '/conversations/doesNotExist/timeline'],
        ['PUT', `${SEED_CONVERSATION}/close`, '/conversations/doesNotExist/close'],
        ['PUT', `${SEED_CONVERSATION}/block`, '/conversations/doesNotExist/block'],
        ['PUT', `${SEED_CONVERSATION}/read`, '/conversations/doesNotExist/read'],
      ];
      for (const [method, path, missing] of cases) {
        const foreign = await call(server.url, method, path, { token: OTHER_TOKEN });
        expectProblem(foreign, 404);
        const absent = await call(server.url, method, missing, { token: OTHER_TOKEN });
        expect(foreign.json['title'], path).toBe(absent.json['title']);
        expect(foreign.json['detail'], path).toBe(absent.json['detail']);
      }
      expect(await server.engine.conversation(SEED_CONVERSATION_ID)).toEqual(rowBefore);
      const other = await server.engine.userByToken(OTHER_TOKEN);
      expect(other).toBeDefined();
      const [infos] = await target.query<{ n: number | string }>(server.database, 'SELECT COUNT(*) AS n FROM user_infos WHERE user_id = ? AND conversation_id = ?', [other?.id, SEED_CONVERSATION_ID]);
      expect(Number(infos?.n)).toBe(0);
      const seen = await call(server.url, 'GET', SEED_CONVERSATION, { token: DEMO_TOKEN });
      expect(seen.json).toMatchObject({ currentState: 'open', blocked: false });
    });

    it('answers 406 to Accept: text/html', async () => {
      const result = await call(server.url, 'GET', SEED_PAGE, { token: DEMO_TOKEN, accept: 'text/html' });
      expectProblem(result, 406);
      expect(result.json['detail']).toContain(TEXTUS_MEDIA_TYPE);
    });

    it('answers 415 to a PUT with a text/plain body', async () => {
      const result = await call(server.url, 'PUT', `${SEED_CONVERSATION}/close`, { token: DEMO_TOKEN, headers: { 'content-type': 'text/plain' }, body: 'close it' });
      expectProblem(result, 415);
      expect((await call(server.url, 'GET', SEED_CONVERSATION, { token: DEMO_TOKEN })).json['currentState']).toBe('open');
    });

    it('answers 413 to a body above the limit, with Content-Length and streamed', async () => {
      const big = JSON.stringify({ pad: 'x'.repeat(100 * 1024) });
      const sized = await call(server.url, 'PUT', `${SEED_CONVERSATION}/read`, { token: DEMO_TOKEN, headers: { 'content-type': TEXTUS_MEDIA_TYPE }, body: big });
      expectProblem(sized, 413);
      // Chunked bodies far above the limit, one after the other on the kept-alive connection: each
      // 413 must reach the client. (Destroying the request stream to stop reading reset every third
      // connection before the answer got out.)
      for (let attempt = 0; attempt < 4; attempt++) {
        let sent = 0;
        const stream = new ReadableStream<Uint8Array>({
          pull(controller) {
            if (sent >= 2_000_000) return controller.close();
            sent += 1000;
            controller.enqueue(new Uint8Array(1000).fill(0x20));
          },
        });
        const streamed = await call(server.url, 'PUT', `${SEED_CONVERSATION}/read`, { token: DEMO_TOKEN, headers: { 'content-type': TEXTUS_MEDIA_TYPE }, body: stream });
        expectProblem(streamed, 413);
      }
      // The server is still fine afterwards.
      expect((await call(server.url, 'GET', SEED_CONVERSATION, { token: DEMO_TOKEN })).status).toBe(200);
    });

    it('answers 400 to a malformed cursor or per_page', async () => {
      for (const query of ['cursor=!!!', 'cursor=e30', `cursor=${encodeCursor({ after: 'x' })}`, `cursor=${encodeCursor({ after: 1.5 })}`, 'per_page=0', 'per_page=abc', 'per_page=-3']) {
        const result = await call(server.url, 'GET', `${SEED_PAGE}?${query}`, { token: DEMO_TOKEN });
        expectProblem(result, 400);
        const timeline = await call(server.url, 'GET', `${SEED_CONVERSATION}/timeline?${query}`, { token: DEMO_TOKEN });
        expectProblem(timeline, 400);
      }
    });

    it('answers 405 with Allow to a method a route does not take', async () => {
      const result = await call(server.url, 'DELETE', `${SEED_CONVERSATION}/close`, { token: DEMO_TOKEN });
      expectProblem(result, 405);
      expect(result.headers.get('allow')).toBe('PUT');
    });
  });
});

describe('starting', () => {
  it('rejects a port that is taken or out of range', async () => {
    const running = await startMemoryServer();
    try {
      const port = Number(new URL(running.url).port);
      await expect(startTextusServer({ file: ':memory:', port, announce: false })).rejects.toThrow(/EADDRINUSE/);
      await expect(startTextusServer({ file: ':memory:', port: 70_000, announce: false })).rejects.toThrow(RangeError);
    } finally {
      await running.close();
    }
  });
});
