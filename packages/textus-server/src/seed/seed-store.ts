/**
 * The reference server's seed data: the facts of the one full TextUs response we hold
 * (`test/fixtures/000_bd34847030ad49a7.txt`: account `my_account`, contact `DQeeO69` "Jamel Hirthe",
 * conversation `Pvwqm5G` and its latest message `06oyogE`) surrounded by generated, realistic data
 * (accounts, users, memberships, contacts with phones and notes, conversations, thousands of
 * messages) so that paging, access control and every action have something to work on.
 *
 * Three parts: the facts (`facts.ts`), the generation of every table's rows from them and a seed
 * (`generate.ts`: pure, no database), and the write here, through the store's own methods.
 * Generation is deterministic: a mulberry32 PRNG seeded by `options.seed`, fixed base dates, no
 * clock. The same seed and scale always give byte-identical tables.
 *
 * @module
 */
import type { TextusEngine } from '../store/engine.js';
import type { TextusStore } from '../store/textus-store.js';
import { DEMO_USER_ID, SEED_CONTACT_ID } from './facts.js';
import { generateSeed, seedParameters, type SeedOptions } from './generate.js';

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

/**
 * Fills an empty store with the seed: the fixture's facts plus generated accounts, users,
 * contacts, conversations and messages (the rows of `generateSeed` in `seed/generate.ts`), written through
 * `store.insertRows` in one transaction.
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
  const parameters = seedParameters(options, 'seedStore');
  const [table] = store.nonEmptyTables();
  if (table !== undefined) throw new Error(`seedStore: the store is not empty (${table} has rows)`);
  const rows = generateSeed(parameters);
  store.insertRows(rows);
  // The rows are what one transaction wrote into an empty store: their counts are the tables'.
  const failed = new Set(['failed', 'failed_transient']);
  return {
    accounts: rows.accounts.length,
    users: rows.users.length,
    memberships: rows.memberships.length,
    contacts: rows.contacts.length,
    phones: rows.phones.length,
    notes: rows.notes.length,
    conversations: rows.conversations.length,
    userInfos: rows.userInfos.length,
    messages: rows.messages.length,
    scheduledMessages: rows.messages.filter((m) => m.delivery_state === 'scheduled').length,
    failedMessages: rows.messages.filter((m) => failed.has(m.delivery_state)).length,
    seedContactConversationsVisible: store.conversationsOfContact(DEMO_USER_ID, SEED_CONTACT_ID, undefined, 1).total,
  };
}

/**
 * {@link seedStore} on any engine: the same rows, written through `engine.insertRows` in one
 * transaction. On PostgreSQL several processes may start at once on an empty database: the
 * engine's insert is all or nothing, so one of them seeds and the others find the rows taken
 * (they may check {@link TextusEngine.isEmpty} again and go on).
 *
 * @param engine - an empty, migrated engine.
 * @param options - `scale` (default 1) and `seed` (default 1).
 * @returns the row counts written.
 * @example
 * ```ts
 * import { seedEngine, SqliteEngine } from '@hyperld/textus-server';
 * const engine = SqliteEngine.open(':memory:');
 * (await seedEngine(engine)).accounts; // the seed's accounts
 * ```
 */
export async function seedEngine(engine: TextusEngine, options: SeedOptions = {}): Promise<SeedSummary> {
  const parameters = seedParameters(options, 'seedEngine');
  const [table] = await engine.nonEmptyTables();
  if (table !== undefined) throw new Error(`seedEngine: the store is not empty (${table} has rows)`);
  const rows = generateSeed(parameters);
  await engine.insertRows(rows);
  const failed = new Set(['failed', 'failed_transient']);
  return {
    accounts: rows.accounts.length,
    users: rows.users.length,
    memberships: rows.memberships.length,
    contacts: rows.contacts.length,
    phones: rows.phones.length,
    notes: rows.notes.length,
    conversations: rows.conversations.length,
    userInfos: rows.userInfos.length,
    messages: rows.messages.length,
    scheduledMessages: rows.messages.filter((m) => m.delivery_state === 'scheduled').length,
    failedMessages: rows.messages.filter((m) => failed.has(m.delivery_state)).length,
    seedContactConversationsVisible: (await engine.conversationsOfContact(DEMO_USER_ID, SEED_CONTACT_ID, undefined, 1)).total,
  };
}
