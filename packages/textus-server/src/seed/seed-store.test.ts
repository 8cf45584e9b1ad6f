/**
 * The seed data: deterministic, faithful to the fixture's facts, big enough to page through, and
 * consistent (foreign keys, memberships, time order, unique ids, access control).
 *
 * @module
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { ConversationRow } from '../store/rows.js';
import { TextusStore } from '../store/textus-store.js';
import { conversationPhoneNumber } from './conversation-phone-number.js';
import {
  DEMO_SECOND_ACCOUNT_ID,
  DEMO_TOKEN,
  DEMO_USER_ID,
  OTHER_ACCOUNT_ID,
  OTHER_TOKEN,
  OTHER_USER_ID,
  SEED_ACCOUNT_ID,
  SEED_CONTACT_ID,
  SEED_CONVERSATION_ID,
  SEED_MESSAGE_ID,
  SEED_NOW,
  SEED_PHONE_ID,
} from './facts.js';
import { seedStore, type SeedSummary } from './seed-store.js';

const TABLES: readonly (readonly [string, string])[] = [
  ['accounts', 'id'],
  ['users', 'id'],
  ['memberships', 'id'],
  ['contacts', 'id'],
  ['contact_phones', 'id'],
  ['contact_notes', 'id'],
  ['conversations', 'id'],
  ['user_infos', 'conversation_id, user_id'],
  ['messages', 'id'],
];

/** One hash per table of every row, in key order: equal hashes mean equal contents. */
function tableHashes(store: TextusStore): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [table, order] of TABLES) {
    const hash = createHash('sha256');
    for (const row of store.db.prepare(`SELECT * FROM ${table} ORDER BY ${order}`).all()) hash.update(`${JSON.stringify(row)}\n`);
    out[table] = hash.digest('hex');
  }
  return out;
}

const seeded = (options?: { scale?: number; seed?: number }): { store: TextusStore; summary: SeedSummary; ms: number } => {
  const store = TextusStore.open(':memory:');
  const t0 = performance.now();
  const summary = seedStore(store, options);
  return { store, summary, ms: performance.now() - t0 };
};

/** Every conversation of `contactId` visible to `userId`, by following `after` cursors. */
function pageThrough(store: TextusStore, userId: string, contactId: string, size: number): ConversationRow[] {
  const rows: ConversationRow[] = [];
  let position: { after: number } | undefined;
  for (let guard = 0; guard < 10_000; guard++) {
    const page = store.conversationsOfContact(userId, contactId, position, size);
    rows.push(...page.rows);
    const last = page.rows[page.rows.length - 1];
    if (!page.hasNext || last === undefined) return rows;
    position = { after: last.seq };
  }
  throw new Error('paging did not end');
}

/** The contact's conversations visible to a user, straight from SQL (the paging oracle). */
function visibleIds(store: TextusStore, userId: string, contactId: string): string[] {
  return (
    store.db
      .prepare('SELECT c.id FROM conversations c WHERE c.contact_id = ? AND c.account_id IN (SELECT account_id FROM memberships WHERE user_id = ?) ORDER BY c.seq DESC')
      .all(contactId, userId) as { id: string }[]
  ).map((r) => r.id);
}

/** Invariants that hold for every seed and scale. */
function checkInvariants(store: TextusStore): void {
  const db = store.db;
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(db.pragma('foreign_key_check')).toEqual([]);

  // Ids: generated ones are base62 of 6–7 chars; none repeats across tables.
  const ids: string[] = [];
  for (const table of ['users', 'memberships', 'contacts', 'contact_phones', 'contact_notes', 'conversations', 'messages']) {
    ids.push(...(db.prepare(`SELECT id FROM ${table}`).pluck().all() as string[]));
  }
  expect(new Set(ids).size).toBe(ids.length);
  const fixedUsers = new Set([DEMO_USER_ID, OTHER_USER_ID]);
  expect(ids.filter((id) => !fixedUsers.has(id) && !/^[0-9A-Za-z]{6,7}$/.test(id))).toEqual([]);

  // Phone numbers are E.164, unique, and nobody shares a number with an account.
  const numbers = db.prepare('SELECT phone_number FROM contact_phones').pluck().all() as string[];
  expect(numbers.filter((n) => !/^\+1303555\d{4}$/.test(n))).toEqual([]);
  expect(new Set(numbers).size).toBe(numbers.length);
  const accountNumbers = db.prepare('SELECT phone_number FROM accounts').pluck().all() as string[];
  expect(numbers.filter((n) => accountNumbers.includes(n))).toEqual([]);
  expect(db.prepare('SELECT COUNT(*) FROM contacts c WHERE NOT EXISTS (SELECT 1 FROM contact_phones p WHERE p.contact_id = c.id)').pluck().get()).toBe(0);
  expect(db.prepare('SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM contact_phones GROUP BY contact_id)').pluck().get()).toBeLessThanOrEqual(2);

  // Messages: time grows with seq, globally and so within each conversation.
  const disorder = db.prepare('SELECT COUNT(*) FROM messages a JOIN messages b ON b.seq = a.seq + 1 WHERE b.ts < a.ts').pluck().get();
  expect(disorder).toBe(0);
  // Outbound messages have a sender who belongs to the conversation's account; inbound ones none.
  expect(db.prepare("SELECT COUNT(*) FROM messages WHERE direction = 'in' AND (sender_id IS NOT NULL OR delivery_state <> 'received')").pluck().get()).toBe(0);
  expect(
    db
      .prepare(
        `SELECT COUNT(*) FROM messages m JOIN conversations c ON c.id = m.conversation_id
          WHERE m.direction = 'out' AND NOT EXISTS (SELECT 1 FROM memberships s WHERE s.user_id = m.sender_id AND s.account_id = c.account_id)`,
      )
      .pluck()
      .get(),
  ).toBe(0);
  // Scheduled messages are the only ones after the seed's now, and carry the flag.
  expect(db.prepare("SELECT COUNT(*) FROM messages WHERE (delivery_state = 'scheduled') <> (ts > ?)").pluck().get(SEED_NOW)).toBe(0);
  expect(db.prepare("SELECT COUNT(*) FROM messages WHERE (delivery_state = 'scheduled') <> (flags = '[\"scheduled\"]')").pluck().get()).toBe(0);
  expect(db.prepare("SELECT COUNT(*) FROM messages WHERE delivery_state <> 'scheduled' AND flags <> '[]'").pluck().get()).toBe(0);
  // Every conversation has a previewable message; states agree with the blocked flag.
  expect(db.prepare("SELECT COUNT(*) FROM conversations c WHERE NOT EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND m.delivery_state <> 'scheduled')").pluck().get()).toBe(0);
  expect(db.prepare("SELECT COUNT(*) FROM conversations WHERE current_state NOT IN ('open', 'closed', 'blocked') OR (current_state = 'blocked') <> (blocked = 1)").pluck().get()).toBe(0);
  // Per-user state only for members, at most one assignee per conversation.
  expect(
    db
      .prepare('SELECT COUNT(*) FROM user_infos u JOIN conversations c ON c.id = u.conversation_id WHERE NOT EXISTS (SELECT 1 FROM memberships s WHERE s.user_id = u.user_id AND s.account_id = c.account_id)')
      .pluck()
      .get(),
  ).toBe(0);
  expect(db.prepare('SELECT MAX(n) FROM (SELECT SUM(assigned) AS n FROM user_infos GROUP BY conversation_id)').pluck().get()).toBe(1);
  // Notes are written by members of the contact's account.
  expect(
    db
      .prepare('SELECT COUNT(*) FROM contact_notes n JOIN contacts c ON c.id = n.contact_id WHERE NOT EXISTS (SELECT 1 FROM memberships s WHERE s.user_id = n.user_id AND s.account_id = c.account_id)')
      .pluck()
      .get(),
  ).toBe(0);

  // The fixture's conversation is first on page one, and paging visits every visible row once.
  expect(store.conversationsOfContact(DEMO_USER_ID, SEED_CONTACT_ID, undefined, 25).rows[0]?.id).toBe(SEED_CONVERSATION_ID);
  const paged = pageThrough(store, DEMO_USER_ID, SEED_CONTACT_ID, 25).map((r) => r.id);
  expect(paged).toEqual(visibleIds(store, DEMO_USER_ID, SEED_CONTACT_ID));
  expect(new Set(paged).size).toBe(paged.length);
}

describe('seedStore', () => {
  // Seeding time is printed, not asserted: speed belongs to benchmarks, not tests.
  const { store, summary, ms } = seeded();
  console.info(`seedStore: ${ms.toFixed(0)} ms`);
  afterAll(() => store.close());

  it('writes thousands of messages and enough of DQeeO69 conversations for four pages of 25', () => {
    expect(summary.accounts).toBe(5);
    expect(summary.users).toBe(10);
    expect(summary.contacts).toBeGreaterThanOrEqual(250);
    expect(summary.conversations).toBeGreaterThanOrEqual(800);
    expect(summary.messages).toBeGreaterThanOrEqual(4000);
    expect(summary.scheduledMessages).toBeGreaterThan(0);
    expect(summary.failedMessages).toBeGreaterThan(0);
    expect(summary.notes).toBeGreaterThan(0);
    expect(summary.seedContactConversationsVisible).toBeGreaterThanOrEqual(80);
    expect(store.conversationsOfContact(DEMO_USER_ID, SEED_CONTACT_ID, undefined, 1).total).toBe(summary.seedContactConversationsVisible);
    // The summary counts what is in the tables.
    expect(store.db.prepare('SELECT COUNT(*) FROM messages').pluck().get()).toBe(summary.messages);
    expect(store.db.prepare('SELECT COUNT(*) FROM conversations').pluck().get()).toBe(summary.conversations);
  });

  it('holds the account, contact, phone, conversation, user info and message of the fixture', () => {
    expect(store.account(SEED_ACCOUNT_ID)).toMatchObject({ name: 'Example Account', phone_number: '+13035550000' });
    expect(store.contact(SEED_CONTACT_ID)).toEqual({
      id: SEED_CONTACT_ID,
      account_id: SEED_ACCOUNT_ID,
      name: 'Jamel Hirthe',
      first_name: 'Jamel',
      last_name: 'Hirthe',
      data: '{}',
      created_at: '2020-01-06T21:49:58.312Z',
    });
    const phones = store.phonesOf(SEED_CONTACT_ID);
    expect(phones[0]).toEqual({ id: SEED_PHONE_ID, contact_id: SEED_CONTACT_ID, phone_number: '+13035551234', type: 'Mobile' });
    expect(conversationPhoneNumber(store, { contact_id: SEED_CONTACT_ID })).toBe('+13035555678');
    expect(store.conversation(SEED_CONVERSATION_ID)).toMatchObject({
      account_id: SEED_ACCOUNT_ID,
      contact_id: SEED_CONTACT_ID,
      current_state: 'open',
      unanswered: 0,
      unsubscribed: 0,
      blocked: 0,
    });
    expect(store.userInfo(SEED_CONVERSATION_ID, DEMO_USER_ID)).toEqual({
      conversation_id: SEED_CONVERSATION_ID,
      user_id: DEMO_USER_ID,
      read: 0,
      read_to: null,
      starred: 0,
      assigned: 1,
    });
    const latest = store.latestMessage(SEED_CONVERSATION_ID);
    expect(latest).toMatchObject({
      id: SEED_MESSAGE_ID,
      conversation_id: SEED_CONVERSATION_ID,
      direction: 'in',
      body: 'He once made a weeping willow laugh',
      delivery_state: 'received',
      ts: '2018-07-24T20:59:32.156Z',
      sender_id: null,
      source: 'textus',
      flags: '[]',
    });
    expect(store.nextScheduled(SEED_CONVERSATION_ID)).toBeUndefined();
    // SEED_NOW is the latest non-scheduled message of all.
    expect(store.db.prepare("SELECT MAX(ts) FROM messages WHERE delivery_state <> 'scheduled'").pluck().get()).toBe(SEED_NOW);
  });

  it('spreads DQeeO69 over two of the demo user’s accounts and two that are not theirs', () => {
    const byAccount = new Map(
      (store.db.prepare('SELECT account_id, COUNT(*) AS n FROM conversations WHERE contact_id = ? GROUP BY account_id').all(SEED_CONTACT_ID) as { account_id: string; n: number }[]).map(
        (r) => [r.account_id, r.n],
      ),
    );
    expect(byAccount.get(SEED_ACCOUNT_ID)).toBeGreaterThan(25);
    expect(byAccount.get(DEMO_SECOND_ACCOUNT_ID)).toBeGreaterThan(0);
    const demoAccounts = new Set(store.accountIdsOf(DEMO_USER_ID));
    const hidden = [...byAccount].filter(([account]) => !demoAccounts.has(account));
    expect(hidden.length).toBeGreaterThanOrEqual(1);
    const visible = pageThrough(store, DEMO_USER_ID, SEED_CONTACT_ID, 25);
    expect(visible.every((r) => demoAccounts.has(r.account_id))).toBe(true);
    expect(visible.length + hidden.reduce((s, [, n]) => s + n, 0)).toBe(store.db.prepare('SELECT COUNT(*) FROM conversations WHERE contact_id = ?').pluck().get(SEED_CONTACT_ID));
  });

  it('pages through DQeeO69 conversations newest first, each exactly once, forward and back', () => {
    const forward = pageThrough(store, DEMO_USER_ID, SEED_CONTACT_ID, 25);
    expect(forward.length).toBe(summary.seedContactConversationsVisible);
    expect(Math.ceil(forward.length / 25)).toBeGreaterThanOrEqual(4);
    expect(forward.map((r) => r.seq)).toEqual([...forward.map((r) => r.seq)].sort((a, b) => b - a));
    // Walking back with `before` from the last page retraces the same rows.
    const back: ConversationRow[] = [];
    const lastSeq = forward[forward.length - 1]?.seq ?? 0;
    let position: { before: number } = { before: lastSeq - 1 };
    for (;;) {
      const page = store.conversationsOfContact(DEMO_USER_ID, SEED_CONTACT_ID, position, 25);
      back.unshift(...page.rows);
      const first = page.rows[0];
      if (!page.hasPrevious || first === undefined) break;
      position = { before: first.seq };
    }
    expect(back.map((r) => r.id)).toEqual(forward.map((r) => r.id));
  });

  it('keeps the other user out of the demo user’s accounts', () => {
    expect(store.accountIdsOf(OTHER_USER_ID)).toEqual([OTHER_ACCOUNT_ID]);
    expect(store.accountIdsOf(DEMO_USER_ID)).not.toContain(OTHER_ACCOUNT_ID);
    expect(store.sharesAccount(DEMO_USER_ID, OTHER_USER_ID)).toBe(false);
    const theirs = pageThrough(store, OTHER_USER_ID, SEED_CONTACT_ID, 25);
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs.every((r) => r.account_id === OTHER_ACCOUNT_ID)).toBe(true);
    const demoIds = new Set(visibleIds(store, DEMO_USER_ID, SEED_CONTACT_ID));
    expect(theirs.filter((r) => demoIds.has(r.id))).toEqual([]);
    expect(theirs.map((r) => r.id)).not.toContain(SEED_CONVERSATION_ID);
  });

  it('finds users by their tokens and nobody by a wrong one', () => {
    expect(store.userByToken(DEMO_TOKEN)?.id).toBe(DEMO_USER_ID);
    expect(store.userByToken(OTHER_TOKEN)?.id).toBe(OTHER_USER_ID);
    expect(store.userByToken(`${DEMO_TOKEN}x`)).toBeUndefined();
    expect(store.userByToken(`${DEMO_USER_ID}.${OTHER_TOKEN.slice(OTHER_TOKEN.indexOf('.') + 1)}`)).toBeUndefined();
    expect(store.userByToken('nobody.textus-demo-token-2f9a')).toBeUndefined();
    // Only hashes are stored.
    const stored = store.db.prepare('SELECT token_hash FROM users').pluck().all() as string[];
    expect(stored.filter((h) => h.includes('textus-'))).toEqual([]);
  });

  it('has mixed states, unsubscribed and unanswered conversations, and failed and scheduled messages', () => {
    const states = store.db.prepare('SELECT DISTINCT current_state FROM conversations ORDER BY 1').pluck().all();
    expect(states).toEqual(['blocked', 'closed', 'open']);
    expect(store.db.prepare('SELECT COUNT(*) FROM conversations WHERE unsubscribed = 1').pluck().get()).toBeGreaterThan(0);
    expect(store.db.prepare('SELECT COUNT(*) FROM conversations WHERE unanswered = 1').pluck().get()).toBeGreaterThan(0);
    const delivery = store.db.prepare('SELECT DISTINCT delivery_state FROM messages ORDER BY 1').pluck().all();
    expect(delivery).toEqual(expect.arrayContaining(['delivered', 'failed', 'received', 'scheduled']));
    expect(store.db.prepare("SELECT COUNT(DISTINCT direction) FROM messages").pluck().get()).toBe(2);
  });

  it('keeps its tables consistent', () => {
    checkInvariants(store);
  });

  it('is deterministic: the same seed gives identical tables, another seed different ones', () => {
    const again = seeded();
    const other = seeded({ seed: 2 });
    try {
      const hashes = tableHashes(store);
      expect(tableHashes(again.store)).toEqual(hashes);
      expect(again.summary).toEqual(summary);
      const otherHashes = tableHashes(other.store);
      expect(otherHashes['accounts']).toBe(hashes['accounts']);
      expect(otherHashes['messages']).not.toBe(hashes['messages']);
      expect(otherHashes['contacts']).not.toBe(hashes['contacts']);
    } finally {
      again.store.close();
      other.store.close();
    }
  });

  it('refuses a store that is not empty, and bad options', () => {
    expect(() => seedStore(store)).toThrow(/not empty/);
    const empty = TextusStore.open(':memory:');
    try {
      expect(() => seedStore(empty, { scale: 0 })).toThrow(RangeError);
      expect(() => seedStore(empty, { scale: Number.NaN })).toThrow(RangeError);
      expect(() => seedStore(empty, { seed: 1.5 })).toThrow(RangeError);
      expect(empty.isEmpty()).toBe(true);
    } finally {
      empty.close();
    }
  });

  it('keeps the seed facts and invariants for any seed (small scale)', () => {
    // Each run builds and seeds a database, so fewer runs than the house default of 1000.
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), fc.constantFrom(0.02, 0.1, 0.3), (seed, scale) => {
        const run = seeded({ seed, scale });
        try {
          checkInvariants(run.store);
          expect(run.summary.seedContactConversationsVisible).toBeGreaterThanOrEqual(80);
          expect(run.store.latestMessage(SEED_CONVERSATION_ID)?.id).toBe(SEED_MESSAGE_ID);
          expect(run.store.userInfo(SEED_CONVERSATION_ID, DEMO_USER_ID).assigned).toBe(1);
        } finally {
          run.store.close();
        }
      }),
      { numRuns: 40 },
    );
  });
});
