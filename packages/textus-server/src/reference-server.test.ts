/**
 * The reference server's response cache never answers from data that changed (through the store,
 * through `store.db`, or through another connection to the same file), and the token check
 * forgets a changed token at once though its user was cached.
 *
 * @module
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readApiDocumentation } from '@hyperld/hydra/discovery';
import type { HydraHandler } from '@hyperld/hydra/server';
import { TEXTUS_MEDIA_TYPE } from '@hyperld/textus';
import { createTextusHandler } from './reference-server.js';
import { DEMO_TOKEN, DEMO_USER_ID, OTHER_TOKEN, SEED_CONTACT_ID, SEED_CONVERSATION_ID } from './seed/facts.js';
import { seedStore } from './seed/seed-store.js';
import { TextusStore } from './store/textus-store.js';
import { hashToken } from './store/token.js';

let dir: string;
let file: string;
let store: TextusStore;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'textus-version-'));
  file = join(dir, 'textus.db');
  store = TextusStore.open(file);
  seedStore(store, { scale: 0.1 });
});

afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the reference server’s response cache', () => {
  const page = `http://localhost/contacts/${SEED_CONTACT_ID}/conversations`;
  const get = async (handler: HydraHandler, token = DEMO_TOKEN, headers: Record<string, string> = {}) =>
    handler.fetch(new Request(page, { headers: { authorization: `Bearer ${token}`, accept: TEXTUS_MEDIA_TYPE, ...headers } }));
  const seedState = async (handler: HydraHandler): Promise<unknown> => {
    const body = (await (await get(handler)).json()) as { members: { id: string; currentState: string; unanswered: boolean }[] };
    const seed = body.members.find((m) => m.id === `/conversations/${SEED_CONVERSATION_ID}`);
    return [seed?.currentState, seed?.unanswered];
  };

  it('answers as a handler without it does after writes through the store, store.db and another connection', async () => {
    const cached = createTextusHandler({ store });
    const plain = createTextusHandler({ store, responseCache: false });
    const same = async (): Promise<unknown> => {
      const [a, b] = [await get(cached), await get(plain)];
      expect([a.status, a.headers.get('etag'), await a.text()]).toEqual([b.status, b.headers.get('etag'), await b.text()]);
      return seedState(cached);
    };
    const states = [await same()];
    await cached.fetch(new Request(`http://localhost/conversations/${SEED_CONVERSATION_ID}/close`, { method: 'PUT', headers: { authorization: `Bearer ${DEMO_TOKEN}` } }));
    states.push(await same());
    store.db.prepare('UPDATE conversations SET unanswered = 1 - unanswered WHERE id = ?').run(SEED_CONVERSATION_ID);
    states.push(await same());
    const other = new Database(file);
    try {
      other.prepare("UPDATE conversations SET current_state = 'open' WHERE id = ?").run(SEED_CONVERSATION_ID);
    } finally {
      other.close();
    }
    states.push(await same());
    const unanswered = (states[0] as [string, boolean])[1];
    expect(states).toEqual([
      ['open', unanswered],
      ['closed', unanswered],
      ['closed', !unanswered],
      ['open', !unanswered],
    ]);
  });

  it('answers a matching If-None-Match with 304 until the data changes, and keeps pages of users apart', async () => {
    const handler = createTextusHandler({ store });
    const etag = (await get(handler)).headers.get('etag') ?? '';
    expect((await get(handler, DEMO_TOKEN, { 'if-none-match': etag })).status).toBe(304);
    const other = await get(handler, OTHER_TOKEN);
    expect(other.headers.get('etag')).not.toBe(etag);
    store.applyAction(DEMO_USER_ID, SEED_CONVERSATION_ID, 'starConversation');
    expect((await get(handler, DEMO_TOKEN, { 'if-none-match': etag })).status).toBe(200);
  });

  it('reads the data anew for a Request object handled a second time after a write', async () => {
    const handler = createTextusHandler({ store });
    const request = new Request(page, { headers: { authorization: `Bearer ${DEMO_TOKEN}`, accept: TEXTUS_MEDIA_TYPE } });
    const before = (await handler.fetch(request)).headers.get('etag');
    store.db.prepare('UPDATE conversations SET unanswered = 1 - unanswered WHERE id = ?').run(SEED_CONVERSATION_ID);
    const after = await handler.fetch(request);
    expect(after.headers.get('etag')).not.toBe(before);
    expect(after.headers.get('etag')).toBe((await get(createTextusHandler({ store, responseCache: false }))).headers.get('etag'));
  });

  it('refuses a token changed by another connection at once, though its user was cached', async () => {
    const handler = createTextusHandler({ store });
    expect((await get(handler)).status).toBe(200);
    const other = new Database(file);
    try {
      other.prepare('UPDATE users SET token_hash = ? WHERE id = ?').run(hashToken('rotated'), DEMO_USER_ID);
    } finally {
      other.close();
    }
    expect((await get(handler)).status).toBe(401);
  });
});

describe('the reference server’s API documentation', () => {
  it('documents a 409 on exactly the actions whose rule can refuse them: the state actions and a message’s retry', async () => {
    const handler = createTextusHandler({ store });
    const url = 'http://localhost/docs.jsonld';
    const doc = (await (await handler.fetch(new Request(url, { headers: { accept: 'application/ld+json' } }))).json()) as unknown;
    const model = readApiDocumentation(doc, { base: url });
    const refusable = new Set<string>();
    for (const cls of model.classes.values()) {
      for (const operation of [...cls.operations, ...cls.properties.flatMap((p) => p.operations)]) {
        if (operation.possibleStatus.includes(409)) refusable.add(String(operation.id).replace(/^.*\//, ''));
      }
    }
    expect([...refusable].sort()).toEqual(
      ['blockConversation', 'closeConversation', 'reopenConversation', 'retry', 'subscribeConversation', 'unblockConversation', 'unsubscribeConversation'].sort(),
    );
  });
});
