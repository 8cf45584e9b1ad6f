/**
 * The reference server's seed data: the facts of the one full TextUs response we hold
 * (`test/fixtures/000_bd34847030ad49a7.txt`: account `my_account`, contact `DQeeO69` "Jamel Hirthe",
 * conversation `Pvwqm5G` and its latest message `06oyogE`) surrounded by generated, realistic data
 * (accounts, users, memberships, contacts with phones and notes, conversations, thousands of
 * messages) so that paging, access control and every action have something to work on.
 *
 * Generation is deterministic: a mulberry32 PRNG seeded by `options.seed`, fixed base dates, no
 * clock. The same seed and scale always give byte-identical tables.
 *
 * @module
 */
import type { TextusStore } from '../store/textus-store.js';
import { hashToken } from '../store/token.js';
import { DAYS, FIRST_NAMES, INBOUND, LAST_NAMES, NOTES, OUTBOUND, PHONE_TYPES, TIMES } from './corpus.js';
import {
  ACCOUNTS,
  DEMO_TOKEN,
  DEMO_USER_ID,
  OTHER_TOKEN,
  OTHER_USER_ID,
  SEED_ACCOUNT_ID,
  SEED_CONTACT_CONVERSATIONS,
  SEED_CONTACT_ID,
  SEED_CONVERSATION_ID,
  SEED_CONVERSATION_PHONE,
  SEED_CONVERSATION_PHONE_ID,
  SEED_MESSAGE_ID,
  SEED_NOW,
  SEED_PHONE_ID,
  STAFF,
} from './facts.js';
import { random } from './random.js';

/**
 * How much to generate, and from which seed.
 *
 * @example
 * ```ts
 * import type { SeedOptions } from '@hyperld/textus-server';
 * const small: SeedOptions = { scale: 0.1, seed: 42 };
 * ```
 */
export interface SeedOptions {
  /** Multiplies the generated contacts and conversations (default 1: ~300 contacts, ~900 conversations); 0 < scale ≤ 10. */
  readonly scale?: number;
  /** The PRNG seed, an integer of which the low 32 bits count (default 1). The fixture's facts do not depend on it. */
  readonly seed?: number;
}

/**
 * What {@link seedStore} wrote: row counts per table, and the paging figure tests rely on.
 *
 * @example
 * ```ts
 * import { seedStore, TextusStore, type SeedSummary } from '@hyperld/textus-server';
 * const summary: SeedSummary = seedStore(TextusStore.open(':memory:'));
 * summary.seedContactConversationsVisible >= 80; // true: at least four pages of 25
 * ```
 */
export interface SeedSummary {
  /** Rows of `accounts`. */
  readonly accounts: number;
  /** Rows of `users`. */
  readonly users: number;
  /** Rows of `memberships`. */
  readonly memberships: number;
  /** Rows of `contacts`. */
  readonly contacts: number;
  /** Rows of `contact_phones`. */
  readonly phones: number;
  /** Rows of `contact_notes`. */
  readonly notes: number;
  /** Rows of `conversations`. */
  readonly conversations: number;
  /** Rows of `user_infos` (users without a row read as unread, unstarred, unassigned). */
  readonly userInfos: number;
  /** Rows of `messages`, scheduled ones included. */
  readonly messages: number;
  /** Messages waiting in the future (`delivery_state` `scheduled`). */
  readonly scheduledMessages: number;
  /** Messages whose delivery failed (`failed` or `failed_transient`), which offer `retry`. */
  readonly failedMessages: number;
  /** `DQeeO69`'s conversations visible to the demo user (in the demo user's accounts). */
  readonly seedContactConversationsVisible: number;
}

const SEED_NOW_MS = Date.parse(SEED_NOW);
/** Generated conversations start after this instant; generated contacts were created before it. */
const HISTORY_START_MS = Date.UTC(2016, 0, 4, 15, 0, 0);
const CONTACTS_FROM_MS = Date.UTC(2015, 2, 1);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const MAX_SCALE = 10;

const iso = (ms: number): string => new Date(ms).toISOString();

interface ContactGen {
  readonly id: string;
  readonly accountId: string;
  readonly first: string | null;
  readonly last: string | null;
  readonly data: string;
  readonly createdMs: number;
  readonly createdAt: string;
}

interface MessageGen {
  readonly id: string;
  readonly conversationId: string;
  readonly direction: 'in' | 'out';
  readonly body: string;
  readonly state: string;
  readonly ms: number;
  readonly ts: string;
  readonly senderId: string | null;
  readonly source: string;
  readonly flags: string;
}

interface ConversationGen {
  readonly id: string;
  readonly accountId: string;
  readonly contactId: string;
  readonly startMs: number;
  readonly state: 'open' | 'closed' | 'blocked';
  readonly unanswered: number;
  readonly unsubscribed: number;
  readonly messages: MessageGen[];
}

interface UserInfoGen {
  readonly conversationId: string;
  readonly userId: string;
  readonly read: number;
  readonly readTo: string | null;
  readonly starred: number;
  readonly assigned: number;
}

/**
 * Fills an empty store with the seed: the fixture's facts plus generated accounts, users,
 * contacts, conversations and messages, all in one transaction.
 *
 * A conversation's `phoneNumber` is not a column of the schema: it is the LAST of its contact's
 * phones in `store.phonesOf` order (see `conversationPhoneNumber`); for `DQeeO69` that is
 * `+13035555678`, while its first phone is `mxvbRw` (`+13035551234`, Mobile), as in the fixture.
 *
 * @param store - an empty, migrated store.
 * @param options - `scale` (default 1) and `seed` (default 1).
 * @returns the row counts written.
 * @example
 * ```ts
 * import { DEMO_USER_ID, seedStore, TextusStore } from '@hyperld/textus-server';
 * const store = TextusStore.open(':memory:');
 * const summary = seedStore(store);
 * store.conversationsOfContact(DEMO_USER_ID, 'DQeeO69', undefined, 25).rows[0]?.id; // 'Pvwqm5G'
 * summary.messages; // several thousand
 * ```
 */
export function seedStore(store: TextusStore, options: SeedOptions = {}): SeedSummary {
  const scale = options.scale ?? 1;
  const seed = options.seed ?? 1;
  if (!Number.isFinite(scale) || scale <= 0 || scale > MAX_SCALE) throw new RangeError(`seedStore: scale must be in (0, ${MAX_SCALE}], got ${scale}`);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seedStore: seed must be an integer, got ${seed}`);
  const tables = ['accounts', 'users', 'memberships', 'contacts', 'contact_phones', 'contact_notes', 'conversations', 'user_infos', 'messages'];
  for (const table of tables) {
    if (store.db.prepare(`SELECT 1 FROM ${table} LIMIT 1`).get() !== undefined) throw new Error(`seedStore: the store is not empty (${table} has rows)`);
  }

  const rnd = random(seed);
  const taken = new Set<string>([SEED_CONTACT_ID, SEED_CONVERSATION_ID, SEED_MESSAGE_ID, SEED_PHONE_ID, SEED_CONVERSATION_PHONE_ID]);
  const newId = (): string => {
    for (;;) {
      const length = rnd.chance(0.5) ? 6 : 7;
      let id = '';
      for (let i = 0; i < length; i++) id += BASE62[Math.floor(rnd.next() * 62)];
      if (!taken.has(id)) {
        taken.add(id);
        return id;
      }
    }
  };

  // Users: the two with known tokens, then staff with random ids and unguessable secrets.
  const userIdOf = new Map<string, string>([
    ['demo', DEMO_USER_ID],
    ['other', OTHER_USER_ID],
  ]);
  const users: { id: string; name: string; first: string; last: string; email: string; tokenHash: string }[] = [
    { id: DEMO_USER_ID, name: 'Demo User', first: 'Demo', last: 'User', email: 'demo@example.com', tokenHash: hashToken(DEMO_TOKEN) },
    { id: OTHER_USER_ID, name: 'Other User', first: 'Other', last: 'User', email: 'other@example.org', tokenHash: hashToken(OTHER_TOKEN) },
  ];
  for (const staff of STAFF) {
    const id = newId();
    userIdOf.set(staff.key, id);
    let secret = '';
    for (let i = 0; i < 24; i++) secret += BASE62[Math.floor(rnd.next() * 62)];
    users.push({ id, name: `${staff.first} ${staff.last}`, first: staff.first, last: staff.last, email: staff.email, tokenHash: hashToken(`${id}.${secret}`) });
  }
  const userById = new Map(users.map((u) => [u.id, u]));
  const userKey = (key: string): string => {
    const id = userIdOf.get(key);
    if (id === undefined) throw new Error(`seed: no user ${key}`);
    return id;
  };

  const memberships: { id: string; userId: string; accountId: string; role: string }[] = [];
  const membersOf = new Map<string, string[]>();
  for (const account of ACCOUNTS) {
    const ids: string[] = [];
    for (const [key, role] of account.members) {
      const userId = userKey(key);
      ids.push(userId);
      memberships.push({ id: newId(), userId, accountId: account.id, role });
    }
    membersOf.set(account.id, ids);
  }
  const members = (accountId: string): readonly string[] => membersOf.get(accountId) ?? [];
  const accountName = new Map(ACCOUNTS.map((a) => [a.id, a.name]));

  // Contact phone numbers: +1303555xxxx drawn without replacement; 00xx belongs to accounts and
  // 1234/5678 to the seed contact.
  const numberPool: number[] = [];
  for (let n = 100; n <= 9999; n++) if (n !== 1234 && n !== 5678) numberPool.push(n);
  for (let i = numberPool.length - 1; i > 0; i--) {
    const j = Math.floor(rnd.next() * (i + 1));
    const a = numberPool[i] as number;
    numberPool[i] = numberPool[j] as number;
    numberPool[j] = a;
  }
  let nextNumber = 0;
  const newNumber = (): string => {
    const n = numberPool[nextNumber++];
    if (n === undefined) throw new RangeError('seedStore: out of phone numbers; lower the scale');
    return `+1303555${String(n).padStart(4, '0')}`;
  };

  // Contacts and their phones.
  const contacts: ContactGen[] = [
    { id: SEED_CONTACT_ID, accountId: SEED_ACCOUNT_ID, first: 'Jamel', last: 'Hirthe', data: '{}', createdMs: Date.parse('2020-01-06T21:49:58.312Z'), createdAt: '2020-01-06T21:49:58.312Z' },
  ];
  const phones: { id: string; contactId: string; number: string; type: string }[] = [
    { id: SEED_PHONE_ID, contactId: SEED_CONTACT_ID, number: '+13035551234', type: 'Mobile' },
    { id: SEED_CONVERSATION_PHONE_ID, contactId: SEED_CONTACT_ID, number: SEED_CONVERSATION_PHONE, type: 'Mobile' },
  ];
  const otherContacts = Math.max(1, Math.round(299 * scale));
  const weightTotal = ACCOUNTS.reduce((sum, a) => sum + a.weight, 0);
  const pickAccount = (): string => {
    let r = rnd.next() * weightTotal;
    for (const a of ACCOUNTS) {
      r -= a.weight;
      if (r < 0) return a.id;
    }
    return SEED_ACCOUNT_ID;
  };
  for (let i = 0; i < otherContacts; i++) {
    const id = newId();
    const named = rnd.chance(0.95);
    const createdMs = CONTACTS_FROM_MS + Math.floor(rnd.next() * (HISTORY_START_MS - CONTACTS_FROM_MS));
    const data = rnd.chance(0.2) ? JSON.stringify({ customerId: `C-${rnd.int(1000, 9999)}`, tier: rnd.pick(['bronze', 'silver', 'gold'] as const) }) : '{}';
    contacts.push({
      id,
      accountId: pickAccount(),
      first: named ? rnd.pick(FIRST_NAMES) : null,
      last: named ? rnd.pick(LAST_NAMES) : null,
      data,
      createdMs,
      createdAt: iso(createdMs),
    });
    const phoneCount = rnd.chance(0.3) ? 2 : 1;
    for (let p = 0; p < phoneCount; p++) phones.push({ id: newId(), contactId: id, number: newNumber(), type: p === 0 ? 'Mobile' : rnd.pick(PHONE_TYPES) });
  }
  const contactById = new Map(contacts.map((c) => [c.id, c]));

  // Conversations. Pvwqm5G is built last and starts after every other conversation, so sorting by
  // start time gives it the highest seq of all.
  const conversations: ConversationGen[] = [];
  const pvStartMs = Date.parse('2018-07-24T20:41:07.482Z');
  const outboundBody = (contact: ContactGen, senderId: string, accountId: string): string =>
    rnd
      .pick(OUTBOUND)
      .replace('{first}', contact.first ?? 'there')
      .replace('{user}', userById.get(senderId)?.first ?? 'the team')
      .replace('{account}', accountName.get(accountId) ?? 'us')
      .replace('{day}', rnd.pick(DAYS))
      .replace('{time}', rnd.pick(TIMES))
      .replace('{code}', newId());
  const outboundState = (): string => {
    const r = rnd.next();
    if (r < 0.03) return 'failed';
    if (r < 0.045) return 'failed_transient';
    if (r < 0.06) return 'unknown';
    return 'delivered';
  };
  const gap = (): number => {
    const r = rnd.next();
    if (r < 0.6) return rnd.int(20_000, 20 * MINUTE);
    if (r < 0.9) return rnd.int(20 * MINUTE, 8 * HOUR);
    return rnd.int(8 * HOUR, 4 * DAY);
  };

  const buildConversation = (contact: ContactGen, accountId: string): void => {
    const id = newId();
    const accountMembers = members(accountId);
    const r = rnd.next();
    const state: ConversationGen['state'] = r < 0.5 ? 'open' : r < 0.9 ? 'closed' : 'blocked';
    const unsubscribed = rnd.chance(0.08);
    const count = rnd.int(2, 10);
    const gaps: number[] = [];
    for (let i = 1; i < count + (unsubscribed ? 1 : 0); i++) gaps.push(gap());
    const span = gaps.reduce((s, g) => s + g, 0);
    const latestStart = Math.min(pvStartMs - 1000, SEED_NOW_MS - 1000 - span);
    const startMs = HISTORY_START_MS + Math.floor(rnd.next() * (latestStart - HISTORY_START_MS));
    const messages: MessageGen[] = [];
    let ms = startMs;
    let direction: 'in' | 'out' = rnd.chance(0.7) ? 'out' : 'in';
    for (let i = 0; i < count; i++) {
      if (i > 0) {
        ms += gaps[i - 1] ?? 0;
        if (rnd.chance(0.7)) direction = direction === 'in' ? 'out' : 'in';
      }
      const senderId = direction === 'out' ? rnd.pick(accountMembers) : null;
      messages.push({
        id: newId(),
        conversationId: id,
        direction,
        body: senderId === null ? rnd.pick(INBOUND) : outboundBody(contact, senderId, accountId),
        state: senderId === null ? 'received' : outboundState(),
        ms,
        ts: iso(ms),
        senderId,
        source: senderId !== null && rnd.chance(0.1) ? 'api' : 'textus',
        flags: '[]',
      });
    }
    if (unsubscribed) {
      ms += gaps[count - 1] ?? MINUTE;
      messages.push({ id: newId(), conversationId: id, direction: 'in', body: 'STOP', state: 'received', ms, ts: iso(ms), senderId: null, source: 'textus', flags: '[]' });
    }
    const last = messages[messages.length - 1];
    const unanswered = state === 'open' && last?.direction === 'in' ? 1 : 0;
    if (state === 'open' && !unsubscribed && rnd.chance(0.08)) {
      const at = SEED_NOW_MS + rnd.int(HOUR, 21 * DAY);
      const senderId = rnd.pick(accountMembers);
      messages.push({
        id: newId(),
        conversationId: id,
        direction: 'out',
        body: outboundBody(contact, senderId, accountId),
        state: 'scheduled',
        ms: at,
        ts: iso(at),
        senderId,
        source: 'textus',
        flags: '["scheduled"]',
      });
    }
    conversations.push({ id, accountId, contactId: contact.id, startMs, state, unanswered, unsubscribed: unsubscribed ? 1 : 0, messages });
  };

  const seedContact = contactById.get(SEED_CONTACT_ID) as ContactGen;
  for (const [accountId, count] of SEED_CONTACT_CONVERSATIONS) for (let i = 0; i < count; i++) buildConversation(seedContact, accountId);
  const generated = Math.round(800 * scale);
  for (let i = 0; i < generated; i++) {
    const contact = contacts[1 + Math.floor(rnd.next() * otherContacts)] as ContactGen;
    buildConversation(contact, rnd.chance(0.9) ? contact.accountId : rnd.pick(ACCOUNTS).id);
  }

  // The fixture's conversation: open, answered, with the demo user assigned and unread.
  const pvMessage = (id: string, direction: 'in' | 'out', body: string, ts: string): MessageGen => ({
    id,
    conversationId: SEED_CONVERSATION_ID,
    direction,
    body,
    state: direction === 'in' ? 'received' : 'delivered',
    ms: Date.parse(ts),
    ts,
    senderId: direction === 'out' ? DEMO_USER_ID : null,
    source: 'textus',
    flags: '[]',
  });
  conversations.push({
    id: SEED_CONVERSATION_ID,
    accountId: SEED_ACCOUNT_ID,
    contactId: SEED_CONTACT_ID,
    startMs: pvStartMs,
    state: 'open',
    unanswered: 0,
    unsubscribed: 0,
    messages: [
      pvMessage(newId(), 'out', 'Hi Jamel, this is Demo from Example Account. Did you get a chance to meet the new gardener?', iso(pvStartMs)),
      pvMessage(newId(), 'in', 'I did! Quiet guy, but the trees love him.', '2018-07-24T20:47:55.019Z'),
      pvMessage(newId(), 'out', 'Ha, that is what everyone says. Anything else we should know?', '2018-07-24T20:52:10.730Z'),
      pvMessage(SEED_MESSAGE_ID, 'in', 'He once made a weeping willow laugh', SEED_NOW),
    ],
  });

  // Per-user state: a row for most members, at most one assignee per conversation.
  const userInfos: UserInfoGen[] = [];
  for (const c of conversations) {
    const visible = c.messages.filter((m) => m.state !== 'scheduled');
    const latest = visible[visible.length - 1];
    const assignee = c.id === SEED_CONVERSATION_ID ? DEMO_USER_ID : rnd.chance(0.45) ? rnd.pick(members(c.accountId)) : undefined;
    for (const userId of members(c.accountId)) {
      if (c.id === SEED_CONVERSATION_ID && userId === DEMO_USER_ID) {
        userInfos.push({ conversationId: c.id, userId, read: 0, readTo: null, starred: 0, assigned: 1 });
        continue;
      }
      const assigned = userId === assignee ? 1 : 0;
      if (assigned === 0 && !rnd.chance(0.75)) continue;
      const read = rnd.chance(c.unanswered === 1 ? 0.3 : 0.8) ? 1 : 0;
      const earlier = visible.length > 1 ? visible[rnd.int(0, visible.length - 2)] : undefined;
      const readTo = read === 1 ? (latest?.ts ?? null) : rnd.chance(0.5) ? (earlier?.ts ?? null) : null;
      userInfos.push({ conversationId: c.id, userId, read, readTo, starred: rnd.chance(0.12) ? 1 : 0, assigned });
    }
  }

  // Notes on about a third of the contacts, written by members of the contact's account.
  const notes: { id: string; contactId: string; userId: string; content: string; ms: number; createdAt: string; updatedAt: string }[] = [];
  for (const contact of contacts) {
    const count = contact.id === SEED_CONTACT_ID ? 3 : rnd.chance(0.3) ? rnd.int(1, 4) : 0;
    for (let i = 0; i < count; i++) {
      const from = Math.min(contact.createdMs, SEED_NOW_MS - DAY);
      const ms = from + Math.floor(rnd.next() * (SEED_NOW_MS - from));
      const updatedMs = rnd.chance(0.7) ? ms : ms + Math.floor(rnd.next() * (SEED_NOW_MS - ms));
      const content = rnd.pick(NOTES).replace('{n}', String(rnd.int(10_000, 99_999)));
      notes.push({ id: newId(), contactId: contact.id, userId: rnd.pick(members(contact.accountId)), content, ms, createdAt: iso(ms), updatedAt: iso(updatedMs) });
    }
  }

  // Sequence numbers follow time (stable sorts keep generation order on ties).
  conversations.sort((a, b) => a.startMs - b.startMs);
  const messages = conversations.flatMap((c) => c.messages).sort((a, b) => a.ms - b.ms);
  notes.sort((a, b) => a.ms - b.ms);

  const db = store.db;
  db.transaction(() => {
    const insertAccount = db.prepare('INSERT INTO accounts (id, name, type, phone_number) VALUES (?, ?, ?, ?)');
    for (const a of ACCOUNTS) insertAccount.run(a.id, a.name, 'standard', a.phone);
    const insertUser = db.prepare('INSERT INTO users (id, name, first_name, last_name, email, token_hash) VALUES (?, ?, ?, ?, ?, ?)');
    for (const u of users) insertUser.run(u.id, u.name, u.first, u.last, u.email, u.tokenHash);
    const insertMembership = db.prepare('INSERT INTO memberships (id, user_id, account_id, role) VALUES (?, ?, ?, ?)');
    for (const m of memberships) insertMembership.run(m.id, m.userId, m.accountId, m.role);
    const insertContact = db.prepare('INSERT INTO contacts (id, account_id, name, first_name, last_name, data, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const c of contacts) insertContact.run(c.id, c.accountId, c.first === null ? null : `${c.first} ${c.last ?? ''}`.trim(), c.first, c.last, c.data, c.createdAt);
    const insertPhone = db.prepare('INSERT INTO contact_phones (id, contact_id, phone_number, type) VALUES (?, ?, ?, ?)');
    for (const p of phones) insertPhone.run(p.id, p.contactId, p.number, p.type);
    const insertNote = db.prepare('INSERT INTO contact_notes (id, seq, contact_id, user_id, content, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    notes.forEach((n, i) => insertNote.run(n.id, i + 1, n.contactId, n.userId, n.content, n.createdAt, n.updatedAt));
    const insertConversation = db.prepare(
      'INSERT INTO conversations (id, seq, account_id, contact_id, current_state, unanswered, unsubscribed, blocked) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    conversations.forEach((c, i) =>
      insertConversation.run(c.id, i + 1, c.accountId, c.contactId, c.state, c.unanswered, c.unsubscribed, c.state === 'blocked' ? 1 : 0),
    );
    const insertInfo = db.prepare('INSERT INTO user_infos (conversation_id, user_id, read, read_to, starred, assigned) VALUES (?, ?, ?, ?, ?, ?)');
    for (const u of userInfos) insertInfo.run(u.conversationId, u.userId, u.read, u.readTo, u.starred, u.assigned);
    const insertMessage = db.prepare(
      'INSERT INTO messages (id, seq, conversation_id, direction, body, delivery_state, ts, sender_id, source, flags) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    messages.forEach((m, i) => insertMessage.run(m.id, i + 1, m.conversationId, m.direction, m.body, m.state, m.ts, m.senderId, m.source, m.flags));
  })();

  const count = (sql: string): number => (db.prepare(sql).get() as { n: number }).n;
  return {
    accounts: count('SELECT COUNT(*) AS n FROM accounts'),
    users: count('SELECT COUNT(*) AS n FROM users'),
    memberships: count('SELECT COUNT(*) AS n FROM memberships'),
    contacts: count('SELECT COUNT(*) AS n FROM contacts'),
    phones: count('SELECT COUNT(*) AS n FROM contact_phones'),
    notes: count('SELECT COUNT(*) AS n FROM contact_notes'),
    conversations: count('SELECT COUNT(*) AS n FROM conversations'),
    userInfos: count('SELECT COUNT(*) AS n FROM user_infos'),
    messages: count('SELECT COUNT(*) AS n FROM messages'),
    scheduledMessages: count("SELECT COUNT(*) AS n FROM messages WHERE delivery_state = 'scheduled'"),
    failedMessages: count("SELECT COUNT(*) AS n FROM messages WHERE delivery_state IN ('failed', 'failed_transient')"),
    seedContactConversationsVisible: store.conversationsOfContact(DEMO_USER_ID, SEED_CONTACT_ID, undefined, 1).total,
  };
}
