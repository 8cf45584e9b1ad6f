/**
 * The store's data version and what hangs on it: the reference server's response cache never
 * answers from data that changed (through the store, through `store.db`, or through another
 * connection to the same file), and the token check's user cache still compares digests in
 * constant time and forgets a changed token.
 *
 * @module
 */
import * as crypto from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTextusHandler } from './reference-server.js';
import { DEMO_TOKEN, DEMO_USER_ID, OTHER_TOKEN, SEED_CONTACT_ID, SEED_CONVERSATION_ID, seedStore } from './seed-data.js';
import { hashToken, TextusStore } from './store.js';
import type { HydraHandler } from '@hyperld/hydra/server';
import { TEXTUS_MEDIA_TYPE } from '@hyperld/textus';

vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) };
});

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

describe('TextusStore.dataVersion', () => {
  it('stays the same over reads and changes with every write: the store’s, store.db’s and another connection’s', () => {
    const v0 = store.dataVersion();
    store.conversationsOfContact(DEMO_USER_ID, SEED_CONTACT_ID, undefined, 25);
    store.userByToken(DEMO_TOKEN);
    expect(store.dataVersion()).toBe(v0);

    store.applyAction(DEMO_USER_ID, SEED_CONVERSATION_ID, 'starConversation');
    const v1 = store.dataVersion();
    expect(v1).not.toBe(v0);

    store.db.prepare('UPDATE conversations SET unanswered = 1 - unanswered WHERE id = ?').run(SEED_CONVERSATION_ID);
    const v2 = store.dataVersion();
    expect([v0, v1]).not.toContain(v2);

    const other = new Database(file);
    try {
      other.prepare('UPDATE conversations SET unanswered = 1 - unanswered WHERE id = ?').run(SEED_CONVERSATION_ID);
    } finally {
      other.close();
    }
    expect([v0, v1, v2]).not.toContain(store.dataVersion());
  });
});

describe('TextusStore.read', () => {
  it('reads one snapshot: a commit by another connection meanwhile shows only after it', () => {
    const other = new Database(file);
    try {
      const flip = other.prepare('UPDATE contacts SET name = ? WHERE id = ?');
      const seen = store.read(() => {
        const before = store.conversationsOfContact(DEMO_USER_ID, SEED_CONTACT_ID, undefined, 5).total;
        flip.run('Renamed', SEED_CONTACT_ID);
        other
          .prepare('UPDATE conversations SET contact_id = ? WHERE id = (SELECT id FROM conversations WHERE contact_id <> ? AND account_id IN (SELECT account_id FROM memberships WHERE user_id = ?) LIMIT 1)')
          .run(SEED_CONTACT_ID, SEED_CONTACT_ID, DEMO_USER_ID);
        return [before, store.conversationsOfContact(DEMO_USER_ID, SEED_CONTACT_ID, undefined, 5).total, store.contact(SEED_CONTACT_ID)?.name];
      });
      expect(seen[1]).toBe(seen[0]);
      expect(seen[2]).not.toBe('Renamed');
      expect(store.conversationsOfContact(DEMO_USER_ID, SEED_CONTACT_ID, undefined, 5).total).toBe((seen[0] as number) + 1);
      expect(store.contact(SEED_CONTACT_ID)?.name).toBe('Renamed');
    } finally {
      other.close();
    }
  });

  it('looks a contact, its phones and an account up once, hands out its own list of phones, and forgets them after a write', () => {
    const conversation = store.conversation(SEED_CONVERSATION_ID);
    const [contacts, phones, accounts, after] = store.read(() => {
      const a = [store.contact(SEED_CONTACT_ID), store.contact(SEED_CONTACT_ID)];
      const p = [store.phonesOf(SEED_CONTACT_ID), store.phonesOf(SEED_CONTACT_ID)];
      const ac = [store.account(conversation?.account_id ?? ''), store.account(conversation?.account_id ?? '')];
      store.applyAction(DEMO_USER_ID, SEED_CONVERSATION_ID, 'starConversation');
      return [a, p, ac, store.contact(SEED_CONTACT_ID)];
    });
    expect(contacts[0]).toBe(contacts[1]);
    expect(accounts[0]).toBe(accounts[1]);
    expect(accounts[0]).toBeDefined();
    expect(phones[0]).toEqual(phones[1]);
    expect(phones[0]).not.toBe(phones[1]);
    expect(after).not.toBe(contacts[0]);
    expect(after).toEqual(contacts[0]);
  });
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

describe('TextusStore.userByToken with a version', () => {
  it('compares the 32-byte digests with timingSafeEqual once per call, cached user or not, and refuses a wrong secret', () => {
    const spy = vi.mocked(crypto.timingSafeEqual);
    const version = store.dataVersion();
    const wrong = `${DEMO_TOKEN.slice(0, -1)}#`;
    for (const [token, expected] of [
      [DEMO_TOKEN, DEMO_USER_ID],
      [DEMO_TOKEN, DEMO_USER_ID],
      [wrong, undefined],
      [`u_nobody.${'x'.repeat(10)}`, undefined],
      [`u_nobody.${'x'.repeat(10)}`, undefined],
      [OTHER_TOKEN, 'u_other'],
    ] as const) {
      spy.mockClear();
      expect(store.userByToken(token, version)?.id, token).toBe(expected);
      expect(spy, token).toHaveBeenCalledTimes(1);
      const [a, b] = spy.mock.calls[0] as unknown as [Buffer, Buffer];
      expect([a.length, b.length]).toEqual([32, 32]);
    }
  });

  it('hands out a copy of the user, never the cached row', () => {
    const version = store.dataVersion();
    const first = store.userByToken(DEMO_TOKEN, version) as { name: string };
    first.name = 'changed';
    expect(store.userByToken(DEMO_TOKEN, version)?.name).not.toBe('changed');
  });
});
