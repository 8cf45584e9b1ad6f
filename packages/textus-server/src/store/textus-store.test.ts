/**
 * The store's data version, its read snapshots and its token check: the version changes with every
 * write (through the store, through `store.db`, or through another connection to the same file),
 * a read sees one snapshot, and the token check's user cache still compares digests in constant
 * time. What hangs on the version, the reference server's response cache, is tested in
 * `reference-server.test.ts`.
 *
 * @module
 */
import * as crypto from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEMO_TOKEN, DEMO_USER_ID, OTHER_TOKEN, SEED_CONTACT_ID, SEED_CONVERSATION_ID } from '../seed/facts.js';
import { seedStore } from '../seed/seed-store.js';
import { TextusStore } from './textus-store.js';

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

describe('TextusStore.insertRows', () => {
  const account = { id: 'acme', name: 'Acme', type: 'standard', phone_number: '+13035550100' };
  const contact = { id: 'c1', account_id: 'acme', name: null, first_name: null, last_name: null, data: '{}', created_at: '2018-01-01T00:00:00.000Z' };

  it('writes every table it is given, in one transaction that changes the data version', () => {
    const empty = TextusStore.open(':memory:');
    try {
      expect(empty.nonEmptyTables()).toEqual([]);
      const before = empty.dataVersion();
      empty.insertRows({ accounts: [account], contacts: [contact], phones: [{ id: 'p1', contact_id: 'c1', phone_number: '+13035550101', type: 'Mobile' }] });
      expect(empty.dataVersion()).not.toBe(before);
      expect(empty.nonEmptyTables()).toEqual(['accounts', 'contacts', 'contact_phones']);
      expect(empty.contact('c1')).toEqual(contact);
      expect(empty.phonesOf('c1').map((p) => p.id)).toEqual(['p1']);
    } finally {
      empty.close();
    }
  });

  it('writes nothing when a row breaks a constraint, and throws', () => {
    const empty = TextusStore.open(':memory:');
    try {
      expect(() => empty.insertRows({ accounts: [account], contacts: [contact, { ...contact, id: 'c2', account_id: 'nowhere' }] })).toThrow(/FOREIGN KEY/);
      expect(() => empty.insertRows({ accounts: [account, account] })).toThrow(/UNIQUE/);
      expect(empty.nonEmptyTables()).toEqual([]);
    } finally {
      empty.close();
    }
  });

  it('finds the seeded store not empty, in every table', () => {
    expect(store.nonEmptyTables()).toEqual(['accounts', 'users', 'memberships', 'contacts', 'contact_phones', 'contact_notes', 'conversations', 'user_infos', 'messages']);
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

describe('TextusStore.conversationsOfAccount and accountsOf', () => {
  const count = (sql: string, ...args: unknown[]) => (store.db.prepare(sql).get(...args) as { n: number }).n;
  /** Every row of a keyset-paged query, page by page forwards, and the totals each page gave. */
  const walk = <R extends { readonly id: string; readonly seq: number }>(page: (after: number | undefined) => { readonly rows: readonly R[]; readonly hasNext: boolean; readonly total: number }) => {
    const ids: string[] = [];
    const totals = new Set<number>();
    for (let after: number | undefined, more = true; more; ) {
      const p = page(after);
      ids.push(...p.rows.map((r) => r.id));
      totals.add(p.total);
      more = p.hasNext;
      after = p.rows.at(-1)?.seq;
    }
    return { ids, totals };
  };

  it('filters by state in SQL: the count and the pages are those of the filtered rows only, newest first', () => {
    const account = (store.db.prepare('SELECT account_id AS id FROM conversations GROUP BY account_id ORDER BY COUNT(*) DESC LIMIT 1').get() as { id: string }).id;
    for (const state of [undefined, 'open', 'closed', 'blocked']) {
      const expected = (
        store.db.prepare(`SELECT id FROM conversations WHERE account_id = ?${state ? ' AND current_state = ?' : ''} ORDER BY seq DESC`).all(account, ...(state ? [state] : [])) as {
          id: string;
        }[]
      ).map((r) => r.id);
      const { ids, totals } = walk((after) => store.conversationsOfAccount(account, state ? { state } : {}, after === undefined ? undefined : { after }, 3));
      expect(ids, String(state)).toEqual(expected);
      expect([...totals], String(state)).toEqual([expected.length]);
    }
  });

  it('lists the accounts a user is a member of, and no other', () => {
    const { ids, totals } = walk((after) => store.accountsOf(DEMO_USER_ID, after === undefined ? undefined : { after }, 1));
    expect(ids.sort()).toEqual(store.accountIdsOf(DEMO_USER_ID).sort());
    expect([...totals]).toEqual([count('SELECT COUNT(*) AS n FROM memberships WHERE user_id = ?', DEMO_USER_ID)]);
  });
});
