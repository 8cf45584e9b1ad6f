/**
 * The store as the server uses it: one asynchronous interface that both engines implement, SQLite
 * (`SqliteEngine`, the default, `better-sqlite3` underneath) and PostgreSQL (`PostgresEngine`,
 * `pg`). Every method returns a promise, so that an engine may talk to a database server.
 *
 * @module
 */
import type { ConversationActionName } from '@hyperld/textus';
import type { AccountRow, ContactRow, ConversationDetails, ConversationRow, MembershipRow, MessageRow, NoteRow, PagePosition, PhoneRow, RowPage, TableRows, UserInfoRow, UserRow } from './rows.js';

/**
 * The reads of a store, as one request makes them (inside {@link TextusEngine.read} they all see
 * one snapshot).
 *
 * @example
 * ```ts
 * import { SEED_CONTACT_ID, type StoreReads } from '@hyperld/textus-server';
 * const name = async (reads: StoreReads) => (await reads.contact(SEED_CONTACT_ID))?.name;
 * ```
 */
export interface StoreReads {
  /** Whether a user is a member of an account. */
  isMember(userId: string, accountId: string): Promise<boolean>;
  /** The accounts a user is a member of. */
  accountIdsOf(userId: string): Promise<string[]>;
  /** An account by id. */
  account(id: string): Promise<AccountRow | undefined>;
  /** A user by id (without the token digest). */
  user(id: string): Promise<UserRow | undefined>;
  /** A user's memberships, by id. */
  membershipsOf(userId: string): Promise<Array<{ id: string; role: string; account_id: string }>>;
  /** A contact by id. */
  contact(id: string): Promise<ContactRow | undefined>;
  /** A contact's phones, by id. */
  phonesOf(contactId: string): Promise<PhoneRow[]>;
  /** A contact phone by id. */
  phone(id: string): Promise<PhoneRow | undefined>;
  /** A note by id. */
  note(id: string): Promise<NoteRow | undefined>;
  /** A membership by id. */
  membership(id: string): Promise<MembershipRow | undefined>;
  /** The users of an account, by id. */
  usersOf(accountId: string): Promise<UserRow[]>;
  /** Who sent a message in a conversation or has it assigned, by id. */
  participantsOf(conversationId: string): Promise<UserRow[]>;
  /** The ids of a conversation's assignees, in order. */
  assigneesOf(conversationId: string): Promise<string[]>;
  /** A contact's notes, newest first. */
  notesOf(contactId: string): Promise<NoteRow[]>;
  /** A conversation by id. */
  conversation(id: string): Promise<ConversationRow | undefined>;
  /** A user's info on a conversation (all zero when they have none). */
  userInfo(conversationId: string, userId: string): Promise<UserInfoRow>;
  /** A message by id. */
  message(id: string): Promise<MessageRow | undefined>;
  /** A conversation's newest message that is not scheduled. */
  latestMessage(conversationId: string): Promise<MessageRow | undefined>;
  /** A conversation's next scheduled message. */
  nextScheduled(conversationId: string): Promise<MessageRow | undefined>;
  /**
   * {@link latestMessage}, {@link nextScheduled} and {@link userInfo} of several conversations, by
   * id, in one statement each instead of three per conversation: what a page of conversations
   * renders. Every id asked gets an entry (one with no messages: `undefined` twice and an
   * all-zero info).
   */
  conversationDetails(conversationIds: readonly string[], userId: string): Promise<Map<string, ConversationDetails>>;
  /** Counts over a conversation's messages. */
  messageStats(conversationId: string): Promise<{ first: string | null; outboundDelivered: number; inbound: number; outbound: number }>;
  /** A keyset page of a contact's conversations visible to a user. */
  conversationsOfContact(userId: string, contactId: string, position: PagePosition, size: number): Promise<RowPage<ConversationRow>>;
  /** A keyset page of an account's conversations, optionally of one state. */
  conversationsOfAccount(accountId: string, filter: { readonly state?: string }, position: PagePosition, size: number): Promise<RowPage<ConversationRow>>;
  /** A keyset page of a user's accounts, newest first. */
  accountsOf(userId: string, position: PagePosition, size: number): Promise<RowPage<AccountRow & { readonly seq: number }>>;
  /** A keyset page of an account's contacts, newest first. */
  contactsOf(accountId: string, position: PagePosition, size: number): Promise<RowPage<ContactRow & { readonly seq: number }>>;
  /** A keyset page of a conversation's messages, newest first. */
  messagesOf(conversationId: string, position: PagePosition, size: number): Promise<RowPage<MessageRow>>;
}

/**
 * The reads and writes of one write transaction ({@link TextusEngine.write}).
 *
 * @example
 * ```ts
 * import type { StoreWrites } from '@hyperld/textus-server';
 * const close = async (tx: StoreWrites, id: string) => {
 *   const row = await tx.conversationForUpdate(id); // locked until the transaction ends
 *   return row && tx.applyAction('u_demo', row.id, 'closeConversation');
 * };
 * ```
 */
export interface StoreWrites extends StoreReads {
  /**
   * A conversation, locked against other writers until the transaction ends (PostgreSQL:
   * `SELECT … FOR UPDATE`; SQLite: the transaction already holds the database's write lock).
   */
  conversationForUpdate(id: string): Promise<ConversationRow | undefined>;
  /** Performs a conversation action and returns the conversation after it. */
  applyAction(userId: string, conversationId: string, action: ConversationActionName): Promise<ConversationRow>;
  /** Queues a failed message for another attempt. */
  retryMessage(messageId: string): Promise<void>;
}

/**
 * A store engine: the reads, transactions, the data version for caches, token checks and bulk
 * inserts. Outside {@link TextusEngine.read} and {@link TextusEngine.write}, each read runs on its
 * own and each write in its own transaction.
 *
 * @example
 * ```ts
 * import { SEED_CONVERSATION_ID, SqliteEngine, seedEngine } from '@hyperld/textus-server';
 * const engine = SqliteEngine.open(':memory:');
 * await seedEngine(engine);
 * const state = await engine.read(async (tx) => (await tx.conversation(SEED_CONVERSATION_ID))?.current_state); // 'open'
 * await engine.close();
 * ```
 */
export interface TextusEngine extends StoreReads {
  /** Which engine this is. */
  readonly kind: 'sqlite' | 'postgres';
  /** Runs `fn` in one read-only transaction: every read in it sees one snapshot. */
  read<T>(fn: (tx: StoreReads) => Promise<T>): Promise<T>;
  /** Runs `fn` in one write transaction (all of it or, when it throws, none: the error is rethrown). */
  write<T>(fn: (tx: StoreWrites) => Promise<T>): Promise<T>;
  /** Performs a conversation action in its own transaction. */
  applyAction(userId: string, conversationId: string, action: ConversationActionName): Promise<ConversationRow>;
  /** Queues a failed message for another attempt, in its own transaction. */
  retryMessage(messageId: string): Promise<void>;
  /**
   * A value that changes whenever any process may have changed the data (compare with `===`
   * only): the key of the response cache. One cheap read.
   */
  dataVersion(): Promise<string>;
  /** The user a bearer token (`<user id>.<secret>`) belongs to; digests compared in constant time. */
  userByToken(token: string, version?: string): Promise<UserRow | undefined>;
  /** Inserts rows into any tables in one transaction: all of them or none. */
  insertRows(rows: TableRows): Promise<void>;
  /** Whether the store holds no data yet. */
  isEmpty(): Promise<boolean>;
  /** The tables that hold at least one row, in fill order. */
  nonEmptyTables(): Promise<string[]>;
  /** The schema version (the newest migration applied). */
  schemaVersion(): Promise<number>;
  /** Closes the connections. */
  close(): Promise<void>;
}
