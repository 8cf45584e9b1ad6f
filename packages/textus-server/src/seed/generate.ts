/**
 * The seed's generation: the rows of every table, built from the facts (`facts.ts`) and a seeded
 * PRNG (`random.ts`), with no database, no clock and no other input. {@link generateSeed} is a
 * pure function: the same options always give the same rows (the same ids, texts, instants and
 * order), and writing them is `seedStore`'s business.
 *
 * Every stage below draws from the one PRNG, in a fixed order (users, memberships, phone numbers,
 * contacts, conversations, per-user state, notes): the order of the stages and of the draws in
 * each is part of the data, so a change to either changes every row after it.
 *
 * @module
 */
import type { ContactRow, ConversationRow, MembershipRow, MessageRow, NoteRow, PhoneRow, StoredUserRow, TableRows, UserInfoRow } from '../store/rows.js';
import { hashToken } from '../store/token.js';
import { DAYS, FIRST_NAMES, INBOUND, LAST_NAMES, NOTES, OUTBOUND, PHONE_TYPES, TIMES } from './corpus.js';
import {
  ACCOUNTS,
  KNOWN_USERS,
  SEED_ACCOUNT_ID,
  SEED_CONTACT,
  SEED_CONTACT_CONVERSATIONS,
  SEED_CONTACT_ID,
  SEED_CONVERSATION,
  SEED_CONVERSATION_ID,
  SEED_CONVERSATION_PHONE_ID,
  SEED_MESSAGE_ID,
  SEED_NOW,
  SEED_PHONE_ID,
  SEED_PHONES,
  STAFF,
} from './facts.js';
import { random, type Random } from './random.js';

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
 * The seed's rows, every table's, in the order they are written (see `TextusStore.insertRows`).
 *
 * @example
 * ```ts
 * import { generateSeed, type SeedRows } from './generate.js';
 * const rows: SeedRows = generateSeed({ scale: 0.1 });
 * rows.accounts.length; // 5
 * ```
 */
export type SeedRows = Required<TableRows>;

/** The largest scale: the pool of phone numbers would run out far beyond it. */
const MAX_SCALE = 10;
const SEED_NOW_MS = Date.parse(SEED_NOW);
/** Generated conversations start after this instant; generated contacts were created before it. */
const HISTORY_START_MS = Date.UTC(2016, 0, 4, 15, 0, 0);
const CONTACTS_FROM_MS = Date.UTC(2015, 2, 1);
/** Every other conversation starts before the seed's, which so gets the highest `seq`. */
const SEED_CONVERSATION_START_MS = Date.parse(SEED_CONVERSATION.messages[0].ts);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * The options with their defaults, checked.
 *
 * @param options - the options.
 * @param caller - who asks, for the error message.
 * @returns the scale and the seed.
 * @throws RangeError for a scale outside (0, 10] or a seed that is not an integer.
 * @example
 * ```ts
 * import { seedParameters } from './generate.js';
 * seedParameters({}); // { scale: 1, seed: 1 }
 * ```
 */
export function seedParameters(options: SeedOptions, caller = 'generateSeed'): { readonly scale: number; readonly seed: number } {
  const scale = options.scale ?? 1;
  const seed = options.seed ?? 1;
  if (!Number.isFinite(scale) || scale <= 0 || scale > MAX_SCALE) throw new RangeError(`${caller}: scale must be in (0, ${MAX_SCALE}], got ${scale}`);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`${caller}: seed must be an integer, got ${seed}`);
  return { scale, seed };
}

/** The draws every stage makes: the PRNG and the ids it gives, none twice nor one of the facts'. */
interface Draws {
  readonly rnd: Random;
  /** A new base62 id of 6 or 7 characters. */
  readonly newId: () => string;
}

function draws(seed: number): Draws {
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
  return { rnd, newId };
}

/** The users and who is a member of which account. */
interface Cast {
  readonly users: readonly StoredUserRow[];
  readonly memberships: readonly MembershipRow[];
  /** The first name of a user, by id. */
  readonly firstName: (userId: string) => string | undefined;
  /** The members of an account, by id, in the order of its facts. */
  readonly members: (accountId: string) => readonly string[];
}

/** Users (the two with known tokens, then staff with random ids and unguessable secrets) and memberships. */
function generateCast({ rnd, newId }: Draws): Cast {
  const userIdOf = new Map<string, string>(KNOWN_USERS.map((u) => [u.key, u.id]));
  const users: StoredUserRow[] = KNOWN_USERS.map((u) => ({
    id: u.id,
    name: `${u.first} ${u.last}`,
    first_name: u.first,
    last_name: u.last,
    email: u.email,
    token_hash: hashToken(u.token),
  }));
  for (const staff of STAFF) {
    const id = newId();
    userIdOf.set(staff.key, id);
    let secret = '';
    for (let i = 0; i < 24; i++) secret += BASE62[Math.floor(rnd.next() * 62)];
    users.push({ id, name: `${staff.first} ${staff.last}`, first_name: staff.first, last_name: staff.last, email: staff.email, token_hash: hashToken(`${id}.${secret}`) });
  }
  const userById = new Map(users.map((u) => [u.id, u]));
  const userKey = (key: string): string => {
    const id = userIdOf.get(key);
    if (id === undefined) throw new Error(`seed: no user ${key}`);
    return id;
  };

  const memberships: MembershipRow[] = [];
  const membersOf = new Map<string, string[]>();
  for (const account of ACCOUNTS) {
    const ids: string[] = [];
    for (const [key, role] of account.members) {
      const userId = userKey(key);
      ids.push(userId);
      memberships.push({ id: newId(), user_id: userId, account_id: account.id, role });
    }
    membersOf.set(account.id, ids);
  }
  return {
    users,
    memberships,
    firstName: (userId) => userById.get(userId)?.first_name ?? undefined,
    members: (accountId) => membersOf.get(accountId) ?? [],
  };
}

/**
 * Contact phone numbers: +1303555xxxx drawn without replacement (the pool is shuffled once, up
 * front); 00xx belongs to accounts and 1234/5678 to the seed contact.
 */
function phoneNumbers({ rnd }: Draws): () => string {
  const numberPool: number[] = [];
  for (let n = 100; n <= 9999; n++) if (n !== 1234 && n !== 5678) numberPool.push(n);
  for (let i = numberPool.length - 1; i > 0; i--) {
    const j = Math.floor(rnd.next() * (i + 1));
    const a = numberPool[i] as number;
    numberPool[i] = numberPool[j] as number;
    numberPool[j] = a;
  }
  let nextNumber = 0;
  return () => {
    const n = numberPool[nextNumber++];
    if (n === undefined) throw new RangeError('generateSeed: out of phone numbers; lower the scale');
    return `+1303555${String(n).padStart(4, '0')}`;
  };
}

/** A contact as generation needs it: its names apart and its creation as a number. */
interface ContactGen {
  readonly id: string;
  readonly accountId: string;
  readonly first: string | null;
  readonly last: string | null;
  readonly data: string;
  readonly createdMs: number;
  readonly createdAt: string;
}

/** The seed contact first, then `round(299 × scale)` (at least one) generated ones, with one or two phones each. */
function generateContacts({ rnd, newId }: Draws, newNumber: () => string, count: number): { readonly contacts: readonly ContactGen[]; readonly phones: readonly PhoneRow[] } {
  const contacts: ContactGen[] = [{ ...SEED_CONTACT, createdMs: Date.parse(SEED_CONTACT.createdAt) }];
  const phones: PhoneRow[] = SEED_PHONES.map((p) => ({ ...p }));
  const weightTotal = ACCOUNTS.reduce((sum, a) => sum + a.weight, 0);
  const pickAccount = (): string => {
    let r = rnd.next() * weightTotal;
    for (const a of ACCOUNTS) {
      r -= a.weight;
      if (r < 0) return a.id;
    }
    return SEED_ACCOUNT_ID;
  };
  for (let i = 0; i < count; i++) {
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
    for (let p = 0; p < phoneCount; p++) phones.push({ id: newId(), contact_id: id, phone_number: newNumber(), type: p === 0 ? 'Mobile' : rnd.pick(PHONE_TYPES) });
  }
  return { contacts, phones };
}

/** A message before it has a `seq`, with its instant as a number. */
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

/** A conversation before it has a `seq`, with its start and its messages. */
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

/**
 * The conversations, in the order they are built: the seed contact's (as many in each account as
 * the facts say), `round(800 × scale)` of generated contacts, and last the fixture's own.
 */
function generateConversations({ rnd, newId }: Draws, cast: Cast, contacts: readonly ContactGen[], scale: number): readonly ConversationGen[] {
  const conversations: ConversationGen[] = [];
  const accountName = new Map(ACCOUNTS.map((a) => [a.id, a.name]));
  const outboundBody = (contact: ContactGen, senderId: string, accountId: string): string =>
    rnd
      .pick(OUTBOUND)
      .replace('{first}', contact.first ?? 'there')
      .replace('{user}', cast.firstName(senderId) ?? 'the team')
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
    const accountMembers = cast.members(accountId);
    const r = rnd.next();
    const state: ConversationGen['state'] = r < 0.5 ? 'open' : r < 0.9 ? 'closed' : 'blocked';
    const unsubscribed = rnd.chance(0.08);
    const count = rnd.int(2, 10);
    const gaps: number[] = [];
    for (let i = 1; i < count + (unsubscribed ? 1 : 0); i++) gaps.push(gap());
    const span = gaps.reduce((s, g) => s + g, 0);
    const latestStart = Math.min(SEED_CONVERSATION_START_MS - 1000, SEED_NOW_MS - 1000 - span);
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

  const seedContact = contacts[0] as ContactGen;
  for (const [accountId, count] of SEED_CONTACT_CONVERSATIONS) for (let i = 0; i < count; i++) buildConversation(seedContact, accountId);
  const others = contacts.length - 1;
  const generated = Math.round(800 * scale);
  for (let i = 0; i < generated; i++) {
    const contact = contacts[1 + Math.floor(rnd.next() * others)] as ContactGen;
    buildConversation(contact, rnd.chance(0.9) ? contact.accountId : rnd.pick(ACCOUNTS).id);
  }

  // The fixture's conversation, its messages' ids drawn (where the fixture names none) in their order.
  conversations.push({
    id: SEED_CONVERSATION.id,
    accountId: SEED_CONVERSATION.accountId,
    contactId: SEED_CONVERSATION.contactId,
    startMs: SEED_CONVERSATION_START_MS,
    state: SEED_CONVERSATION.state,
    unanswered: SEED_CONVERSATION.unanswered,
    unsubscribed: SEED_CONVERSATION.unsubscribed,
    messages: SEED_CONVERSATION.messages.map(
      (m): MessageGen => ({
        id: 'id' in m ? m.id : newId(),
        conversationId: SEED_CONVERSATION.id,
        direction: m.direction,
        body: m.body,
        state: m.direction === 'in' ? 'received' : 'delivered',
        ms: Date.parse(m.ts),
        ts: m.ts,
        senderId: m.direction === 'out' ? SEED_CONVERSATION.sender : null,
        source: 'textus',
        flags: '[]',
      }),
    ),
  });
  return conversations;
}

/** Per-user state: a row for most members, at most one assignee per conversation (the fixture's: the demo user, unread). */
function generateUserInfos({ rnd }: Draws, cast: Cast, conversations: readonly ConversationGen[]): readonly UserInfoRow[] {
  const userInfos: UserInfoRow[] = [];
  for (const c of conversations) {
    const visible = c.messages.filter((m) => m.state !== 'scheduled');
    const latest = visible[visible.length - 1];
    const members = cast.members(c.accountId);
    const assignee = c.id === SEED_CONVERSATION.id ? SEED_CONVERSATION.assignee : rnd.chance(0.45) ? rnd.pick(members) : undefined;
    for (const userId of members) {
      if (c.id === SEED_CONVERSATION.id && userId === SEED_CONVERSATION.assignee) {
        userInfos.push({ conversation_id: c.id, user_id: userId, read: 0, read_to: null, starred: 0, assigned: 1 });
        continue;
      }
      const assigned = userId === assignee ? 1 : 0;
      if (assigned === 0 && !rnd.chance(0.75)) continue;
      const read = rnd.chance(c.unanswered === 1 ? 0.3 : 0.8) ? 1 : 0;
      const earlier = visible.length > 1 ? visible[rnd.int(0, visible.length - 2)] : undefined;
      const readTo = read === 1 ? (latest?.ts ?? null) : rnd.chance(0.5) ? (earlier?.ts ?? null) : null;
      userInfos.push({ conversation_id: c.id, user_id: userId, read, read_to: readTo, starred: rnd.chance(0.12) ? 1 : 0, assigned });
    }
  }
  return userInfos;
}

/** A note before it has a `seq`, with its creation as a number. */
type NoteGen = Omit<NoteRow, 'seq'> & { readonly ms: number };

/** Notes on about a third of the contacts (three on the seed contact), written by members of the contact's account. */
function generateNotes({ rnd, newId }: Draws, cast: Cast, contacts: readonly ContactGen[]): readonly NoteGen[] {
  const notes: NoteGen[] = [];
  for (const contact of contacts) {
    const count = contact.id === SEED_CONTACT_ID ? 3 : rnd.chance(0.3) ? rnd.int(1, 4) : 0;
    for (let i = 0; i < count; i++) {
      const from = Math.min(contact.createdMs, SEED_NOW_MS - DAY);
      const ms = from + Math.floor(rnd.next() * (SEED_NOW_MS - from));
      const updatedMs = rnd.chance(0.7) ? ms : ms + Math.floor(rnd.next() * (SEED_NOW_MS - ms));
      const content = rnd.pick(NOTES).replace('{n}', String(rnd.int(10_000, 99_999)));
      notes.push({ id: newId(), contact_id: contact.id, user_id: rnd.pick(cast.members(contact.accountId)), content, created_at: iso(ms), updated_at: iso(updatedMs), ms });
    }
  }
  return notes;
}

/** In time order, for sequence numbers (a stable sort: ties keep the order of generation). */
const byTime = <T,>(items: readonly T[], ms: (item: T) => number): T[] => [...items].sort((a, b) => ms(a) - ms(b));

/**
 * Generates the seed: the fixture's facts plus generated accounts' users and memberships,
 * contacts with phones and notes, conversations with thousands of messages, and who read,
 * starred and was assigned what. No database: the rows are returned, each table's in the order to
 * write it, with the `seq` numbers they will have.
 *
 * @param options - `scale` (default 1) and `seed` (default 1).
 * @returns the rows of every table.
 * @throws RangeError for a scale outside (0, 10] or a seed that is not an integer.
 * @example
 * ```ts
 * import { generateSeed } from './generate.js';
 * const rows = generateSeed();
 * rows.conversations.at(-1)?.id; // 'Pvwqm5G': the latest conversation of all
 * JSON.stringify(generateSeed()) === JSON.stringify(rows); // true: the same rows every time
 * ```
 */
export function generateSeed(options: SeedOptions = {}): SeedRows {
  const { scale, seed } = seedParameters(options);
  const d = draws(seed);
  const cast = generateCast(d);
  const newNumber = phoneNumbers(d);
  const { contacts, phones } = generateContacts(d, newNumber, Math.max(1, Math.round(299 * scale)));
  const conversations = generateConversations(d, cast, contacts, scale);
  const userInfos = generateUserInfos(d, cast, conversations);
  const notes = generateNotes(d, cast, contacts);

  // Sequence numbers follow time: conversations by start, messages (across conversations, taken
  // in that order) and notes by instant.
  const byStart = byTime(conversations, (c) => c.startMs);
  const conversationRows = byStart.map(
    (c, i): ConversationRow => ({
      id: c.id,
      seq: i + 1,
      account_id: c.accountId,
      contact_id: c.contactId,
      current_state: c.state,
      unanswered: c.unanswered,
      unsubscribed: c.unsubscribed,
      blocked: c.state === 'blocked' ? 1 : 0,
      version: 0,
    }),
  );
  const messageRows = byTime(
    byStart.flatMap((c) => c.messages),
    (m) => m.ms,
  ).map(
    (m, i): MessageRow => ({
      id: m.id,
      seq: i + 1,
      conversation_id: m.conversationId,
      direction: m.direction,
      body: m.body,
      delivery_state: m.state,
      ts: m.ts,
      sender_id: m.senderId,
      source: m.source,
      flags: m.flags,
    }),
  );
  const noteRows = byTime(notes, (n) => n.ms).map(
    (n, i): NoteRow => ({ id: n.id, seq: i + 1, contact_id: n.contact_id, user_id: n.user_id, content: n.content, created_at: n.created_at, updated_at: n.updated_at }),
  );
  return {
    accounts: ACCOUNTS.map((a) => ({ id: a.id, name: a.name, type: 'standard', phone_number: a.phone })),
    users: cast.users,
    memberships: cast.memberships,
    contacts: contacts.map(
      (c): ContactRow => ({
        id: c.id,
        account_id: c.accountId,
        name: c.first === null ? null : `${c.first} ${c.last ?? ''}`.trim(),
        first_name: c.first,
        last_name: c.last,
        data: c.data,
        created_at: c.createdAt,
      }),
    ),
    phones,
    notes: noteRows,
    conversations: conversationRows,
    userInfos,
    messages: messageRows,
  };
}
