/**
 * The SQLite engine: a thin asynchronous adapter over {@link TextusStore} (`better-sqlite3`, one
 * connection). Its callers take turns: a transaction opened for one caller's reads or writes is
 * that caller's alone until it ends, since other requests' code runs between its `await`s.
 *
 * @module
 */
import type { ConversationActionName } from '@hyperld/textus';
import type { StoreReads, StoreWrites, TextusEngine } from './engine.js';
import type { PagePosition, TableRows } from './rows.js';
import { TextusStore } from './textus-store.js';

/**
 * The SQLite engine.
 *
 * @example
 * ```ts
 * import { SqliteEngine, seedEngine, SEED_CONTACT_ID } from '@hyperld/textus-server';
 * const engine = SqliteEngine.open(':memory:');
 * await seedEngine(engine);
 * (await engine.contact(SEED_CONTACT_ID))?.name; // 'Jamel Hirthe'
 * await engine.close();
 * ```
 */
export class SqliteEngine implements TextusEngine {
  readonly kind = 'sqlite' as const;
  /** The synchronous store underneath. */
  readonly store: TextusStore;
  /** The end of the queue of callers waiting for the connection. */
  private queue: Promise<void> = Promise.resolve();

  /** @param store - the store to adapt (the engine takes it over: {@link SqliteEngine.close} closes it). */
  constructor(store: TextusStore) {
    this.store = store;
  }

  /**
   * Opens (and migrates) a store on a file, or `:memory:`.
   *
   * @param file - the database file.
   * @returns the engine.
   */
  static open(file: string): SqliteEngine {
    return new SqliteEngine(TextusStore.open(file));
  }

  /** Runs `fn` once every earlier caller's turn has ended. */
  private async turn<T>(fn: () => Promise<T>): Promise<T> {
    const before = this.queue;
    let release = (): void => undefined;
    this.queue = new Promise<void>((resolve) => {
      release = resolve;
    });
    await before;
    try {
      return await fn();
    } finally {
      release();
    }
  }

  /** `fn` in a transaction of its own turn. */
  private transaction<T>(mode: 'read' | 'write', fn: () => Promise<T>): Promise<T> {
    return this.turn(async () => {
      this.store.begin(mode);
      let commit = false;
      try {
        const value = await fn();
        commit = true;
        return value;
      } finally {
        this.store.end(commit);
      }
    });
  }

  read<T>(fn: (tx: StoreReads) => Promise<T>): Promise<T> {
    return this.transaction('read', () => fn(this.reads));
  }

  write<T>(fn: (tx: StoreWrites) => Promise<T>): Promise<T> {
    return this.transaction('write', () => fn(this.writes));
  }

  /** The reads, straight on the connection (inside a transaction, or alone: one statement each). */
  private readonly reads: StoreReads = this.readsOf();
  /** The reads and writes of a write transaction (the IMMEDIATE transaction holds the write lock). */
  private readonly writes: StoreWrites = {
    ...this.readsOf(),
    conversationForUpdate: async (id) => this.store.conversation(id),
    applyAction: async (userId, conversationId, action) => this.store.applyAction(userId, conversationId, action),
    retryMessage: async (messageId) => this.store.retryMessage(messageId),
  };

  private readsOf(): StoreReads {
    const s = (): TextusStore => this.store;
    return {
      isMember: async (userId, accountId) => s().isMember(userId, accountId),
      accountIdsOf: async (userId) => s().accountIdsOf(userId),
      account: async (id) => s().account(id),
      user: async (id) => s().user(id),
      membershipsOf: async (userId) => s().membershipsOf(userId),
      contact: async (id) => s().contact(id),
      phonesOf: async (contactId) => s().phonesOf(contactId),
      phone: async (id) => s().phone(id),
      note: async (id) => s().note(id),
      membership: async (id) => s().membership(id),
      usersOf: async (accountId) => s().usersOf(accountId),
      participantsOf: async (conversationId) => s().participantsOf(conversationId),
      assigneesOf: async (conversationId) => s().assigneesOf(conversationId),
      notesOf: async (contactId) => s().notesOf(contactId),
      conversation: async (id) => s().conversation(id),
      userInfo: async (conversationId, userId) => s().userInfo(conversationId, userId),
      message: async (id) => s().message(id),
      latestMessage: async (conversationId) => s().latestMessage(conversationId),
      nextScheduled: async (conversationId) => s().nextScheduled(conversationId),
      conversationDetails: async (conversationIds, userId) => s().conversationDetails(conversationIds, userId),
      messageStats: async (conversationId) => s().messageStats(conversationId),
      conversationsOfContact: async (userId, contactId, position, size) => s().conversationsOfContact(userId, contactId, position, size),
      conversationsOfAccount: async (accountId, filter, position, size) => s().conversationsOfAccount(accountId, filter, position, size),
      accountsOf: async (userId, position, size) => s().accountsOf(userId, position, size),
      contactsOf: async (accountId, position, size) => s().contactsOf(accountId, position, size),
      messagesOf: async (conversationId, position, size) => s().messagesOf(conversationId, position, size),
    };
  }

  // Outside a transaction: each a single statement, in a turn of its own (not inside another caller's transaction).
  isMember = (userId: string, accountId: string) => this.turn(() => this.reads.isMember(userId, accountId));
  accountIdsOf = (userId: string) => this.turn(() => this.reads.accountIdsOf(userId));
  account = (id: string) => this.turn(() => this.reads.account(id));
  user = (id: string) => this.turn(() => this.reads.user(id));
  membershipsOf = (userId: string) => this.turn(() => this.reads.membershipsOf(userId));
  contact = (id: string) => this.turn(() => this.reads.contact(id));
  phonesOf = (contactId: string) => this.turn(() => this.reads.phonesOf(contactId));
  phone = (id: string) => this.turn(() => this.reads.phone(id));
  note = (id: string) => this.turn(() => this.reads.note(id));
  membership = (id: string) => this.turn(() => this.reads.membership(id));
  usersOf = (accountId: string) => this.turn(() => this.reads.usersOf(accountId));
  participantsOf = (conversationId: string) => this.turn(() => this.reads.participantsOf(conversationId));
  assigneesOf = (conversationId: string) => this.turn(() => this.reads.assigneesOf(conversationId));
  notesOf = (contactId: string) => this.turn(() => this.reads.notesOf(contactId));
  conversation = (id: string) => this.turn(() => this.reads.conversation(id));
  userInfo = (conversationId: string, userId: string) => this.turn(() => this.reads.userInfo(conversationId, userId));
  message = (id: string) => this.turn(() => this.reads.message(id));
  latestMessage = (conversationId: string) => this.turn(() => this.reads.latestMessage(conversationId));
  nextScheduled = (conversationId: string) => this.turn(() => this.reads.nextScheduled(conversationId));
  conversationDetails = (conversationIds: readonly string[], userId: string) => this.turn(() => this.reads.conversationDetails(conversationIds, userId));
  messageStats = (conversationId: string) => this.turn(() => this.reads.messageStats(conversationId));
  conversationsOfContact = (userId: string, contactId: string, position: PagePosition, size: number) => this.turn(() => this.reads.conversationsOfContact(userId, contactId, position, size));
  conversationsOfAccount = (accountId: string, filter: { readonly state?: string }, position: PagePosition, size: number) =>
    this.reads.conversationsOfAccount(accountId, filter, position, size);
  accountsOf = (userId: string, position: PagePosition, size: number) => this.turn(() => this.reads.accountsOf(userId, position, size));
  contactsOf = (accountId: string, position: PagePosition, size: number) => this.turn(() => this.reads.contactsOf(accountId, position, size));
  messagesOf = (conversationId: string, position: PagePosition, size: number) => this.turn(() => this.reads.messagesOf(conversationId, position, size));

  applyAction(userId: string, conversationId: string, action: ConversationActionName) {
    return this.turn(async () => this.store.applyAction(userId, conversationId, action));
  }

  retryMessage(messageId: string): Promise<void> {
    return this.turn(async () => this.store.retryMessage(messageId));
  }

  /** See {@link TextusStore.dataVersion}: `PRAGMA data_version` and this connection's writes. */
  async dataVersion(): Promise<string> {
    return this.store.dataVersion();
  }

  async userByToken(token: string, version?: string) {
    return this.store.userByToken(token, version);
  }

  insertRows(rows: TableRows): Promise<void> {
    return this.turn(async () => this.store.insertRows(rows));
  }

  async isEmpty(): Promise<boolean> {
    return this.store.isEmpty();
  }

  async nonEmptyTables(): Promise<string[]> {
    return this.store.nonEmptyTables();
  }

  async schemaVersion(): Promise<number> {
    return this.store.version;
  }

  close(): Promise<void> {
    return this.turn(async () => this.store.close());
  }
}
