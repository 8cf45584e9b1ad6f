/**
 * The reference server's store: SQLite through `better-sqlite3`, a file by default (`:memory:`
 * for tests), its schema made by versioned migrations, WAL mode, and every action in a
 * transaction. Tokens are stored hashed (SHA-256) and compared in constant time.
 *
 * @module
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import Database from 'better-sqlite3';
import { applyConversationAction, type ConversationActionName, type ConversationStateFacts } from '@hyperld/textus';
import { detailsByConversation, type AccountRow, type ContactRow, type ConversationDetails, type ConversationRow, type MembershipRow, type MessageRow, type NoteRow, type PagePosition, type PhoneRow, type RowPage, type TableRows, type UserInfoRow, type UserRow } from './rows.js';
import { MIGRATIONS, TABLES } from './schema.js';

/** A user id's row without its token hash (`undefined`: no such user), and the stored hash's bytes. */
interface KnownUser {
  readonly user: UserRow | undefined;
  readonly tokenHash: Buffer;
}

/** Rows looked up once per {@link TextusStore.read}: by contact id, contact id and account id. */
interface Snapshot {
  readonly contacts: Map<string, ContactRow | undefined>;
  readonly phones: Map<string, PhoneRow[]>;
  readonly accounts: Map<string, AccountRow | undefined>;
}

/** How many user ids {@link TextusStore.userByToken} keeps. */
const KNOWN_USERS = 256;

/**
 * The reference server's store.
 *
 * @example
 * ```ts
 * import { TextusStore } from '@hyperld/textus-server';
 * const store = TextusStore.open(':memory:');
 * store.close();
 * ```
 */
export class TextusStore {
  /** The database handle. */
  readonly db: Database.Database;
  /** Prepared statements by SQL text: preparing costs more than running, and a page runs ~150. */
  private readonly statements = new Map<string, Database.Statement>();
  /** The statements {@link TextusStore.rows} runs, in raw mode, with their column names. */
  private readonly rawStatements = new Map<string, { readonly statement: Database.Statement; readonly names: readonly string[] }>();
  /** Write transactions run through this store's methods (part of {@link TextusStore.dataVersion}). */
  private writes = 0;
  /** Lookups made inside {@link TextusStore.read}, valid for its snapshot only. */
  private snapshot: Snapshot | undefined;
  /** Users by id (and ids without a user) as read at {@link TextusStore.knownVersion}, oldest first. */
  private readonly knownUsers = new Map<string, KnownUser>();
  private knownVersion: string | undefined;

  private constructor(db: Database.Database) {
    this.db = db;
  }

  /** The prepared statement of `sql`, prepared on first use (the texts are this file's, a finite set). */
  private sql(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /**
   * The rows of a query that returns many, as objects: read as arrays (`raw`) and made into
   * objects here. better-sqlite3 builds a row object through V8's API one property at a time,
   * which cost 30-40% of the seed page's queries (25 rows of 9 or 10 columns each).
   */
  private rows<R>(sql: string, ...args: readonly unknown[]): R[] {
    let query = this.rawStatements.get(sql);
    if (query === undefined) {
      const statement = this.db.prepare(sql).raw(true);
      query = { statement, names: statement.columns().map((c) => c.name) };
      this.rawStatements.set(sql, query);
    }
    const { statement, names } = query;
    const raw = statement.all(...args) as unknown[][];
    const out = new Array<R>(raw.length);
    for (let r = 0; r < raw.length; r++) {
      const values = raw[r] as unknown[];
      const row: Record<string, unknown> = {};
      for (let c = 0; c < names.length; c++) row[names[c] as string] = values[c];
      out[r] = row as R;
    }
    return out;
  }

  /**
   * Opens (and migrates) a store.
   *
   * @param file - a file path, or `:memory:`.
   * @returns the store.
   */
  static open(file: string): TextusStore {
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const store = new TextusStore(db);
    store.migrate();
    return store;
  }

  /** The schema version. */
  get version(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  private migrate(): void {
    const current = this.version;
    for (const m of MIGRATIONS) {
      if (m.version <= current) continue;
      this.db.transaction(() => {
        this.db.exec(m.sql);
        this.db.pragma(`user_version = ${m.version}`);
      })();
    }
  }

  /**
   * A value that changes whenever the data may have changed, for caches of answers rendered from
   * it: the count of this store's write transactions, the connection's `total_changes()` (rows
   * changed through this connection, `store.db` included) and `PRAGMA data_version` (which
   * changes when another connection, in this process or another, commits). It may change without
   * a visible change (a rolled-back write), never the other way round.
   *
   * @returns the version, e.g. `"3.2.1207"`; compare with `===` only.
   * @example
   * ```ts
   * import { TextusStore } from '@hyperld/textus-server';
   * const store = TextusStore.open(':memory:');
   * const before = store.dataVersion();
   * store.db.exec("INSERT INTO accounts VALUES ('a', 'A', 'business', '+13035550100')");
   * store.dataVersion() !== before; // true
   * ```
   */
  dataVersion(): string {
    // Two statements: only the pragma takes the WAL read lock, and `pragma_data_version` as a
    // table-valued function would prepare a PRAGMA statement on every call.
    const others = (this.sql('PRAGMA data_version').get() as { data_version: number }).data_version;
    const changes = (this.sql('SELECT total_changes() AS changes').get() as { changes: number }).changes;
    return `${this.writes}.${others}.${changes}`;
  }

  /**
   * Runs `fn` in one read transaction: every statement in it reads the same snapshot, under one
   * WAL read lock instead of one per statement, and the contacts, phones and accounts it looks up
   * are read once each (a page of 25 conversations of one contact asked for them 25 times).
   * Readers do not block each other or the writer in WAL mode. Nested calls join the outer one.
   * Write inside it through the store's methods only (they drop the lookups), not `store.db`.
   *
   * @param fn - the reads.
   * @returns what `fn` returns (a throw rolls the transaction back and is rethrown).
   * @example
   * ```ts
   * import { TextusStore, seedStore, SEED_CONTACT_ID, DEMO_USER_ID } from '@hyperld/textus-server';
   * const store = TextusStore.open(':memory:');
   * seedStore(store);
   * const page = store.read(() => store.conversationsOfContact(DEMO_USER_ID, SEED_CONTACT_ID, undefined, 25));
   * ```
   */
  read<T>(fn: () => T): T {
    if (this.snapshot !== undefined) return fn();
    return this.db.transaction((): T => {
      this.snapshot = { contacts: new Map(), phones: new Map(), accounts: new Map() };
      try {
        return fn();
      } finally {
        this.snapshot = undefined;
      }
    })();
  }

  /**
   * Opens a transaction by hand, for an asynchronous caller that has the connection to itself
   * until {@link TextusStore.end} (`SqliteEngine` queues its callers for that): `read` is a
   * deferred transaction with the lookups of {@link TextusStore.read}, `write` an IMMEDIATE one.
   *
   * @param mode - `read` or `write`.
   */
  begin(mode: 'read' | 'write'): void {
    this.sql(mode === 'read' ? 'BEGIN' : 'BEGIN IMMEDIATE').run();
    if (mode === 'read') this.snapshot = { contacts: new Map(), phones: new Map(), accounts: new Map() };
    else this.writes++;
  }

  /**
   * Ends the transaction {@link TextusStore.begin} opened.
   *
   * @param commit - commit (`true`) or roll back.
   */
  end(commit: boolean): void {
    this.snapshot = undefined;
    if (this.db.inTransaction) this.sql(commit ? 'COMMIT' : 'ROLLBACK').run();
  }

  /** The value of `key` in a snapshot's `map`, read by `load` on first use; no snapshot: `load`. */
  private once<V>(map: Map<string, V> | undefined, key: string, load: () => V): V {
    if (map === undefined) return load();
    if (map.has(key)) return map.get(key) as V;
    const value = load();
    map.set(key, value);
    return value;
  }

  /** Whether the store holds no data yet. */
  isEmpty(): boolean {
    return (this.sql('SELECT COUNT(*) AS n FROM accounts').get() as { n: number }).n === 0;
  }

  /**
   * The tables that hold at least one row, in the order they are filled in.
   *
   * @returns their names; `[]` for a new store.
   * @example
   * ```ts
   * import { seedStore, TextusStore } from '@hyperld/textus-server';
   * const store = TextusStore.open(':memory:');
   * store.nonEmptyTables(); // []
   * seedStore(store);
   * store.nonEmptyTables()[0]; // 'accounts'
   * ```
   */
  nonEmptyTables(): string[] {
    return TABLES.filter((table) => this.sql(`SELECT 1 FROM ${table} LIMIT 1`).get() !== undefined);
  }

  /** Closes the database. */
  close(): void {
    this.statements.clear();
    this.db.close();
  }

  /**
   * The user a bearer token belongs to. Tokens have the form `<user id>.<secret>`; the token's
   * SHA-256 is compared with the stored one in constant time, always once (unknown ids included).
   *
   * @param token - the bearer token.
   * @param version - the current {@link TextusStore.dataVersion}, read by the caller for this
   * request: users looked up before at the same version are taken from a small cache (no SQL);
   * the digest comparison happens all the same. Without it, every call reads the database.
   */
  userByToken(token: string, version?: string): UserRow | undefined {
    const dot = token.indexOf('.');
    if (dot <= 0 || token.length > 512) return undefined;
    const id = token.slice(0, dot);
    let known: KnownUser | undefined;
    if (version !== undefined) {
      if (version !== this.knownVersion) {
        this.knownUsers.clear();
        this.knownVersion = version;
      }
      known = this.knownUsers.get(id);
    }
    if (known === undefined) {
      const row = this.sql('SELECT id, name, first_name, last_name, email, token_hash FROM users WHERE id = ?').get(id) as (UserRow & { token_hash: string }) | undefined;
      let user: UserRow | undefined;
      if (row !== undefined) {
        const { token_hash: _hidden, ...rest } = row;
        user = rest;
      }
      known = { user, tokenHash: Buffer.from(row?.token_hash ?? '0'.repeat(64), 'hex') };
      // Unknown ids are kept too, so that a known and an unknown id take the same path.
      if (version !== undefined && version === this.knownVersion) {
        if (this.knownUsers.size >= KNOWN_USERS) this.knownUsers.delete(this.knownUsers.keys().next().value as string);
        this.knownUsers.set(id, known);
      }
    }
    const given = createHash('sha256').update(token).digest();
    const same = timingSafeEqual(known.tokenHash, given);
    if (known.user === undefined || !same) return undefined;
    return { ...known.user };
  }

  /** Whether a user is a member of an account. */
  isMember(userId: string, accountId: string): boolean {
    return this.sql('SELECT 1 FROM memberships WHERE user_id = ? AND account_id = ?').get(userId, accountId) !== undefined;
  }

  /** The accounts a user is a member of. */
  accountIdsOf(userId: string): string[] {
    return (this.sql('SELECT account_id FROM memberships WHERE user_id = ?').all(userId) as { account_id: string }[]).map((r) => r.account_id);
  }

  account(id: string): AccountRow | undefined {
    return this.once(this.snapshot?.accounts, id, () => this.sql('SELECT * FROM accounts WHERE id = ?').get(id) as AccountRow | undefined);
  }

  user(id: string): UserRow | undefined {
    return this.sql('SELECT id, name, first_name, last_name, email FROM users WHERE id = ?').get(id) as UserRow | undefined;
  }

  /** Users who share an account with `userId` (a user sees only those). */
  sharesAccount(userId: string, otherId: string): boolean {
    return (
      this.sql('SELECT 1 FROM memberships a JOIN memberships b ON a.account_id = b.account_id WHERE a.user_id = ? AND b.user_id = ?').get(userId, otherId) !==
      undefined
    );
  }

  membershipsOf(userId: string): Array<{ id: string; role: string; account_id: string }> {
    return this.sql('SELECT id, role, account_id FROM memberships WHERE user_id = ? ORDER BY id').all(userId) as Array<{ id: string; role: string; account_id: string }>;
  }

  contact(id: string): ContactRow | undefined {
    return this.once(this.snapshot?.contacts, id, () => this.sql('SELECT * FROM contacts WHERE id = ?').get(id) as ContactRow | undefined);
  }

  phonesOf(contactId: string): PhoneRow[] {
    // A copy each time: the list is the caller's to change.
    return [...this.once(this.snapshot?.phones, contactId, () => this.sql('SELECT * FROM contact_phones WHERE contact_id = ? ORDER BY id').all(contactId) as PhoneRow[])];
  }

  /** A contact phone by id. */
  phone(id: string): PhoneRow | undefined {
    return this.sql('SELECT * FROM contact_phones WHERE id = ?').get(id) as PhoneRow | undefined;
  }

  /** A note by id. */
  note(id: string): NoteRow | undefined {
    return this.sql('SELECT * FROM contact_notes WHERE id = ?').get(id) as NoteRow | undefined;
  }

  /** A membership by id. */
  membership(id: string): MembershipRow | undefined {
    return this.sql('SELECT id, user_id, account_id, role FROM memberships WHERE id = ?').get(id) as MembershipRow | undefined;
  }

  /** The users of an account, by id. */
  usersOf(accountId: string): UserRow[] {
    return this.sql(
      'SELECT u.id, u.name, u.first_name, u.last_name, u.email FROM users u JOIN memberships m ON m.user_id = u.id WHERE m.account_id = ? ORDER BY u.id',
    ).all(accountId) as UserRow[];
  }

  /** The users who took part in a conversation: who sent a message in it, or has it assigned; by id. */
  participantsOf(conversationId: string): UserRow[] {
    return this.sql(
      `SELECT id, name, first_name, last_name, email FROM users WHERE id IN (
         SELECT sender_id FROM messages WHERE conversation_id = ? AND sender_id IS NOT NULL
         UNION SELECT user_id FROM user_infos WHERE conversation_id = ? AND assigned = 1
       ) ORDER BY id`,
    ).all(conversationId, conversationId) as UserRow[];
  }

  /** The ids of the users a conversation is assigned to, in order. */
  assigneesOf(conversationId: string): string[] {
    return (this.sql('SELECT user_id FROM user_infos WHERE conversation_id = ? AND assigned = 1 ORDER BY user_id').all(conversationId) as { user_id: string }[]).map((r) => r.user_id);
  }

  notesOf(contactId: string): NoteRow[] {
    return this.sql('SELECT * FROM contact_notes WHERE contact_id = ? ORDER BY seq DESC').all(contactId) as NoteRow[];
  }

  conversation(id: string): ConversationRow | undefined {
    return this.sql('SELECT * FROM conversations WHERE id = ?').get(id) as ConversationRow | undefined;
  }

  userInfo(conversationId: string, userId: string): UserInfoRow {
    const row = this.sql('SELECT * FROM user_infos WHERE conversation_id = ? AND user_id = ?').get(conversationId, userId) as UserInfoRow | undefined;
    return row ?? { conversation_id: conversationId, user_id: userId, read: 0, read_to: null, starred: 0, assigned: 0 };
  }

  message(id: string): MessageRow | undefined {
    return this.sql('SELECT * FROM messages WHERE id = ?').get(id) as MessageRow | undefined;
  }

  latestMessage(conversationId: string): MessageRow | undefined {
    return this.sql("SELECT * FROM messages WHERE conversation_id = ? AND delivery_state <> 'scheduled' ORDER BY seq DESC LIMIT 1").get(conversationId) as
      | MessageRow
      | undefined;
  }

  nextScheduled(conversationId: string): MessageRow | undefined {
    return this.sql("SELECT * FROM messages WHERE conversation_id = ? AND delivery_state = 'scheduled' ORDER BY ts ASC, seq ASC LIMIT 1").get(conversationId) as
      | MessageRow
      | undefined;
  }

  /**
   * {@link latestMessage}, {@link nextScheduled} and {@link userInfo} of several conversations in
   * three statements (the ids passed as one JSON array, so that each is prepared once whatever
   * the page size), instead of three per conversation.
   */
  conversationDetails(conversationIds: readonly string[], userId: string): Map<string, ConversationDetails> {
    const ids = JSON.stringify(conversationIds);
    const latest = this.rows<MessageRow>(
      "SELECT m.* FROM json_each(?) j JOIN messages m ON m.seq = (SELECT seq FROM messages WHERE conversation_id = j.value AND delivery_state <> 'scheduled' ORDER BY seq DESC LIMIT 1)",
      ids,
    );
    const scheduled = this.rows<MessageRow>(
      "SELECT m.* FROM json_each(?) j JOIN messages m ON m.seq = (SELECT seq FROM messages WHERE conversation_id = j.value AND delivery_state = 'scheduled' ORDER BY ts ASC, seq ASC LIMIT 1)",
      ids,
    );
    const infos = this.rows<UserInfoRow>('SELECT * FROM user_infos WHERE user_id = ? AND conversation_id IN (SELECT value FROM json_each(?))', userId, ids);
    return detailsByConversation(conversationIds, userId, latest, scheduled, infos);
  }

  messageStats(conversationId: string): { first: string | null; outboundDelivered: number; inbound: number; outbound: number } {
    return this.sql(
      `SELECT MIN(ts) AS first,
              SUM(CASE WHEN direction = 'out' AND delivery_state = 'delivered' THEN 1 ELSE 0 END) AS outboundDelivered,
              SUM(CASE WHEN direction = 'in' THEN 1 ELSE 0 END) AS inbound,
              SUM(CASE WHEN direction = 'out' THEN 1 ELSE 0 END) AS outbound
         FROM messages WHERE conversation_id = ?`,
    ).get(conversationId) as { first: string | null; outboundDelivered: number; inbound: number; outbound: number };
  }

  /**
   * A page of rows of `table` filtered by `where`, newest first (by `seq`), keyset-paged: stable
   * when rows are inserted or deleted between requests.
   */
  private page<R extends { seq: number }>(table: string, where: string, args: readonly unknown[], position: PagePosition, size: number): RowPage<R> {
    const total = (this.sql(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`).get(...args) as { n: number }).n;
    let rows: R[];
    if (position && 'before' in position) {
      rows = this.rows<R>(`SELECT * FROM ${table} WHERE ${where} AND seq > ? ORDER BY seq ASC LIMIT ?`, ...args, position.before, size + 1).reverse();
      const hasPrevious = rows.length > size;
      if (hasPrevious) rows = rows.slice(1);
      const last = rows[rows.length - 1];
      const hasNext = last !== undefined && this.sql(`SELECT 1 FROM ${table} WHERE ${where} AND seq < ? LIMIT 1`).get(...args, last.seq) !== undefined;
      return { rows, hasNext, hasPrevious, total };
    }
    const after = position && 'after' in position ? position.after : Number.MAX_SAFE_INTEGER;
    rows = this.rows<R>(`SELECT * FROM ${table} WHERE ${where} AND seq < ? ORDER BY seq DESC LIMIT ?`, ...args, after, size + 1);
    const hasNext = rows.length > size;
    if (hasNext) rows = rows.slice(0, size);
    const first = rows[0];
    const hasPrevious =
      position !== undefined && first !== undefined && this.sql(`SELECT 1 FROM ${table} WHERE ${where} AND seq > ? LIMIT 1`).get(...args, first.seq) !== undefined;
    return { rows, hasNext, hasPrevious, total };
  }

  /** A page of a contact's conversations visible to a user (in the user's accounts). */
  conversationsOfContact(userId: string, contactId: string, position: PagePosition, size: number): RowPage<ConversationRow> {
    return this.page<ConversationRow>(
      'conversations',
      'contact_id = ? AND account_id IN (SELECT account_id FROM memberships WHERE user_id = ?)',
      [contactId, userId],
      position,
      size,
    );
  }

  /**
   * A page of an account's conversations, newest first, filtered in SQL by state when asked
   * (`open`, `closed`, `blocked`): the count, the page and its neighbours are all of the filtered
   * rows.
   */
  conversationsOfAccount(accountId: string, filter: { readonly state?: string }, position: PagePosition, size: number): RowPage<ConversationRow> {
    if (filter.state !== undefined) return this.page<ConversationRow>('conversations', 'account_id = ? AND current_state = ?', [accountId, filter.state], position, size);
    return this.page<ConversationRow>('conversations', 'account_id = ?', [accountId], position, size);
  }

  /**
   * A page of the accounts a user is a member of, newest first. Accounts have no sequence column:
   * their `rowid` serves as one, as for contacts.
   */
  accountsOf(userId: string, position: PagePosition, size: number): RowPage<AccountRow & { readonly seq: number }> {
    return this.page<AccountRow & { seq: number }>(
      '(SELECT rowid AS seq, * FROM accounts)',
      'id IN (SELECT account_id FROM memberships WHERE user_id = ?)',
      [userId],
      position,
      size,
    );
  }

  /**
   * A page of an account's contacts, newest first. Contacts have no sequence column of their own:
   * their `rowid` (the order they were created in; the server never runs `VACUUM`) serves as one.
   */
  contactsOf(accountId: string, position: PagePosition, size: number): RowPage<ContactRow & { readonly seq: number }> {
    return this.page<ContactRow & { seq: number }>('(SELECT rowid AS seq, * FROM contacts)', 'account_id = ?', [accountId], position, size);
  }

  /** A page of a conversation's messages, newest first. */
  messagesOf(conversationId: string, position: PagePosition, size: number): RowPage<MessageRow> {
    return this.page<MessageRow>('messages', 'conversation_id = ?', [conversationId], position, size);
  }

  /**
   * Performs a conversation action in one transaction and returns the conversation after it.
   * Read, star and assign change the acting user's info; the others the conversation's state.
   *
   * @param userId - the acting user.
   * @param conversationId - the conversation.
   * @param action - the action.
   */
  applyAction(userId: string, conversationId: string, action: ConversationActionName): ConversationRow {
    this.writes++;
    this.snapshot = undefined;
    return this.db.transaction((): ConversationRow => {
      const row = this.conversation(conversationId);
      if (!row) throw new Error(`No conversation ${conversationId}`);
      const info = this.userInfo(conversationId, userId);
      const upsertInfo = (read: number, starred: number, assigned: number, readTo: string | null): void => {
        this.sql(
          `INSERT INTO user_infos (conversation_id, user_id, read, read_to, starred, assigned) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (conversation_id, user_id) DO UPDATE SET read = excluded.read, read_to = excluded.read_to, starred = excluded.starred, assigned = excluded.assigned`,
        ).run(conversationId, userId, read, readTo, starred, assigned);
      };
      switch (action) {
        case 'readConversation':
          upsertInfo(1, info.starred, info.assigned, this.latestMessage(conversationId)?.ts ?? info.read_to);
          break;
        case 'unreadConversation':
          upsertInfo(0, info.starred, info.assigned, info.read_to);
          break;
        case 'starConversation':
          upsertInfo(info.read, 1, info.assigned, info.read_to);
          break;
        case 'unstarConversation':
          upsertInfo(info.read, 0, info.assigned, info.read_to);
          break;
        case 'assignContact':
          upsertInfo(info.read, info.starred, 1, info.read_to);
          break;
        default: {
          const before: ConversationStateFacts = { currentState: row.current_state, blocked: row.blocked === 1, unsubscribed: row.unsubscribed === 1 };
          const after = applyConversationAction(action, before);
          this.sql('UPDATE conversations SET current_state = ?, blocked = ?, unsubscribed = ?, version = version + 1 WHERE id = ?').run(after.currentState, after.blocked ? 1 : 0, after.unsubscribed ? 1 : 0, conversationId);
        }
      }
      return this.conversation(conversationId) as ConversationRow;
    }).immediate();
  }

  /**
   * Inserts rows into any of the tables in one IMMEDIATE transaction: all of them or, when one
   * breaks a constraint (a taken id, a missing account), none, and the error is thrown. The tables
   * are written in the order foreign keys allow, each list in its order, through one prepared
   * statement per table: seeding writes several thousand rows this way in a few milliseconds.
   *
   * @param rows - the rows, by table.
   * @example
   * ```ts
   * import { TextusStore } from '@hyperld/textus-server';
   * const store = TextusStore.open(':memory:');
   * store.insertRows({ accounts: [{ id: 'acme', name: 'Acme', type: 'standard', phone_number: '+13035550100' }] });
   * store.account('acme')?.name; // 'Acme'
   * ```
   */
  insertRows(rows: TableRows): void {
    this.writes++;
    this.snapshot = undefined;
    this.db.transaction(() => {
      const account = this.sql('INSERT INTO accounts (id, name, type, phone_number) VALUES (?, ?, ?, ?)');
      for (const a of rows.accounts ?? []) account.run(a.id, a.name, a.type, a.phone_number);
      const user = this.sql('INSERT INTO users (id, name, first_name, last_name, email, token_hash) VALUES (?, ?, ?, ?, ?, ?)');
      for (const u of rows.users ?? []) user.run(u.id, u.name, u.first_name, u.last_name, u.email, u.token_hash);
      const membership = this.sql('INSERT INTO memberships (id, user_id, account_id, role) VALUES (?, ?, ?, ?)');
      for (const m of rows.memberships ?? []) membership.run(m.id, m.user_id, m.account_id, m.role);
      const contact = this.sql('INSERT INTO contacts (id, account_id, name, first_name, last_name, data, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
      for (const c of rows.contacts ?? []) contact.run(c.id, c.account_id, c.name, c.first_name, c.last_name, c.data, c.created_at);
      const phone = this.sql('INSERT INTO contact_phones (id, contact_id, phone_number, type) VALUES (?, ?, ?, ?)');
      for (const p of rows.phones ?? []) phone.run(p.id, p.contact_id, p.phone_number, p.type);
      const note = this.sql('INSERT INTO contact_notes (id, seq, contact_id, user_id, content, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
      for (const n of rows.notes ?? []) note.run(n.id, n.seq, n.contact_id, n.user_id, n.content, n.created_at, n.updated_at);
      const conversation = this.sql(
        'INSERT INTO conversations (id, seq, account_id, contact_id, current_state, unanswered, unsubscribed, blocked, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      );
      for (const c of rows.conversations ?? []) conversation.run(c.id, c.seq, c.account_id, c.contact_id, c.current_state, c.unanswered, c.unsubscribed, c.blocked, c.version);
      const info = this.sql('INSERT INTO user_infos (conversation_id, user_id, read, read_to, starred, assigned) VALUES (?, ?, ?, ?, ?, ?)');
      for (const i of rows.userInfos ?? []) info.run(i.conversation_id, i.user_id, i.read, i.read_to, i.starred, i.assigned);
      const message = this.sql(
        'INSERT INTO messages (id, seq, conversation_id, direction, body, delivery_state, ts, sender_id, source, flags) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      );
      for (const m of rows.messages ?? []) message.run(m.id, m.seq, m.conversation_id, m.direction, m.body, m.delivery_state, m.ts, m.sender_id, m.source, m.flags);
    }).immediate();
  }

  /** Queues a failed message for another attempt (one transaction). */
  retryMessage(messageId: string): void {
    this.writes++;
    this.snapshot = undefined;
    this.db.transaction(() => {
      this.sql("UPDATE messages SET delivery_state = 'queued' WHERE id = ? AND delivery_state IN ('failed', 'failed_transient')").run(messageId);
    }).immediate();
  }
}
