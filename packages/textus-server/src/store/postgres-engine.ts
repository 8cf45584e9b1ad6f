/**
 * The PostgreSQL engine, on `pg` (node-postgres): a connection pool, the versioned migrations of
 * `schema.ts` applied at start (recorded in `schema_migrations`, under an advisory lock so that
 * processes starting together apply each once), named prepared statements with `$n` parameters,
 * keyset paging, tokens stored as SHA-256 digests and compared in constant time.
 *
 * Transactions: a request's reads run in one `REPEATABLE READ, READ ONLY` transaction (one
 * snapshot, as on SQLite); a write runs in one `READ COMMITTED` transaction that locks the
 * conversation it acts on with `SELECT … FOR UPDATE` before it reads, checks and writes it. Row
 * locks were chosen over `SERIALIZABLE`: actions on one conversation queue on its row and each
 * sees the state the previous one committed, so none fails with a serialization error that the
 * server would have to retry, and actions on other conversations do not wait for it.
 *
 * The data version: every write transaction bumps the one row of `store_version` just before it
 * commits, and each request reads it once (one primary-key read). Chosen over `LISTEN/NOTIFY`:
 * the version is read in the database, so the first request after any process's commit sees the
 * new value; a notification arrives some time after the commit, on a connection that may be
 * down, and until it arrives a process would serve answers from before the write.
 *
 * @module
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import pg from 'pg';
import type { ConversationActionName, ConversationStateFacts } from '@hyperld/textus';
import { applyConversationAction } from '@hyperld/textus';
import type { StoreReads, StoreWrites, TextusEngine } from './engine.js';
import { detailsByConversation, type AccountRow, type ContactRow, type ConversationRow, type MembershipRow, type MessageRow, type NoteRow, type PagePosition, type PhoneRow, type RowPage, type TableRows, type UserInfoRow, type UserRow } from './rows.js';
import { MIGRATIONS, TABLES } from './schema.js';

/** Anything that runs a query: the pool, or one transaction's client. */
type Queryable = Pick<pg.PoolClient, 'query'>;

/** A user id's row without its token digest (`undefined`: no such user), and the digest's bytes. */
interface KnownUser {
  readonly user: UserRow | undefined;
  readonly tokenHash: Buffer;
}

/** How many user ids {@link PostgresEngine.userByToken} keeps. */
const KNOWN_USERS = 256;
/** The advisory lock key that processes migrating one database take turns on ("textus" in ASCII). */
const MIGRATION_LOCK = 0x746578747573;

/**
 * Whether a URL names a PostgreSQL database (`postgres://` or `postgresql://`), as `DATABASE_URL`
 * must for the server to run on PostgreSQL.
 *
 * @param url - the URL, or `undefined`.
 * @returns whether it is one.
 * @example
 * ```ts
 * import { isPostgresUrl } from '@hyperld/textus-server';
 * isPostgresUrl('postgres://textus@127.0.0.1:5432/textus'); // true
 * isPostgresUrl('data/textus.db'); // false
 * ```
 */
export function isPostgresUrl(url: string | undefined): url is string {
  return url !== undefined && /^postgres(ql)?:\/\//i.test(url);
}

/**
 * Options of {@link PostgresEngine.open}.
 *
 * @example
 * ```ts
 * import type { PostgresEngineOptions } from '@hyperld/textus-server';
 * const options: PostgresEngineOptions = { maxConnections: 20 };
 * ```
 */
export interface PostgresEngineOptions {
  /** The most connections the pool opens (default 10). */
  readonly maxConnections?: number;
}

/**
 * The PostgreSQL engine.
 *
 * @example
 * ```ts
 * import { PostgresEngine, seedEngine } from '@hyperld/textus-server';
 * const engine = await PostgresEngine.open('postgres://textus@127.0.0.1:5432/textus');
 * if (await engine.isEmpty()) await seedEngine(engine);
 * await engine.close();
 * ```
 */
export class PostgresEngine implements TextusEngine {
  readonly kind = 'postgres' as const;
  private readonly pool: pg.Pool;
  /** Statement names by SQL text (the texts are this file's, a finite set). */
  private readonly names = new Map<string, string>();
  /** Users by id as read at {@link PostgresEngine.knownVersion}, oldest first. */
  private readonly knownUsers = new Map<string, KnownUser>();
  private knownVersion: string | undefined;

  private constructor(pool: pg.Pool) {
    this.pool = pool;
  }

  /**
   * Connects to a database and applies the migrations it lacks.
   *
   * @param url - `postgres://user@host:port/database` (as `DATABASE_URL`).
   * @param options - the pool size.
   * @returns the engine.
   * @throws the connection or migration error (the pool is closed again first).
   */
  static async open(url: string, options: PostgresEngineOptions = {}): Promise<PostgresEngine> {
    const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 10 });
    // An idle client's error (the server restarted) must not crash the process: the pool drops it.
    pool.on('error', () => undefined);
    const engine = new PostgresEngine(pool);
    try {
      await engine.migrate();
    } catch (error) {
      await pool.end();
      throw error;
    }
    return engine;
  }

  private async migrate(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
      const current = Number((await client.query<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations')).rows[0]?.v ?? 0);
      for (const m of MIGRATIONS) {
        if (m.version <= current) continue;
        await client.query(`${m.sql}\n${m.postgres ?? ''}`);
        await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [m.version]);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** Runs `sql` (with `?` placeholders, numbered here) as a named prepared statement. */
  private async run<R extends pg.QueryResultRow>(on: Queryable, sql: string, values: readonly unknown[] = []): Promise<R[]> {
    let name = this.names.get(sql);
    let text = sql;
    if (name === undefined) {
      name = `t${this.names.size}`;
      this.names.set(sql, name);
    }
    let n = 0;
    text = sql.replace(/\?/g, () => `$${++n}`);
    return (await on.query<R>({ name, text, values: values as unknown[] })).rows;
  }

  private async one<R extends pg.QueryResultRow>(on: Queryable, sql: string, values: readonly unknown[] = []): Promise<R | undefined> {
    return (await this.run<R>(on, sql, values))[0];
  }

  /** `fn` on one client in a transaction begun with `begin`; `bump` adds the data version's bump. */
  private async transaction<T>(begin: string, bump: boolean, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken = false;
    try {
      await client.query(begin);
      try {
        const value = await fn(client);
        // Last, so that the one row every writer updates stays locked only for the commit.
        if (bump) await this.run(client, 'UPDATE store_version SET version = version + 1 WHERE id = 1');
        await client.query('COMMIT');
        return value;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {
          broken = true;
        });
        throw error;
      }
    } finally {
      client.release(broken);
    }
  }

  read<T>(fn: (tx: StoreReads) => Promise<T>): Promise<T> {
    return this.transaction('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', false, (client) => fn(this.readsOn(client, true)));
  }

  write<T>(fn: (tx: StoreWrites) => Promise<T>): Promise<T> {
    return this.transaction('BEGIN', true, (client) => fn(this.writesOn(client)));
  }

  /** The reads on `on`; with `memo`, contacts, phones and accounts are read once each (one snapshot). */
  private readsOn(on: Queryable, memo: boolean): StoreReads {
    const memos = memo ? { contacts: new Map<string, Promise<ContactRow | undefined>>(), phones: new Map<string, Promise<PhoneRow[]>>(), accounts: new Map<string, Promise<AccountRow | undefined>>() } : undefined;
    const once = <V>(map: Map<string, Promise<V>> | undefined, key: string, load: () => Promise<V>): Promise<V> => {
      if (map === undefined) return load();
      let value = map.get(key);
      if (value === undefined) {
        value = load();
        map.set(key, value);
      }
      return value;
    };
    const run = <R extends pg.QueryResultRow>(sql: string, ...values: unknown[]) => this.run<R>(on, sql, values);
    const one = <R extends pg.QueryResultRow>(sql: string, ...values: unknown[]) => this.one<R>(on, sql, values);
    const page = <R extends { seq: number }>(table: string, where: string, args: readonly unknown[], position: PagePosition, size: number) =>
      this.page<R>(on, table, where, args, position, size);
    return {
      isMember: async (userId, accountId) => (await one('SELECT 1 FROM memberships WHERE user_id = ? AND account_id = ?', userId, accountId)) !== undefined,
      accountIdsOf: async (userId) => (await run<{ account_id: string }>('SELECT account_id FROM memberships WHERE user_id = ?', userId)).map((r) => r.account_id),
      account: (id) => once(memos?.accounts, id, () => one<AccountRow>('SELECT id, name, type, phone_number FROM accounts WHERE id = ?', id)),
      user: (id) => one<UserRow>('SELECT id, name, first_name, last_name, email FROM users WHERE id = ?', id),
      membershipsOf: (userId) => run<{ id: string; role: string; account_id: string }>('SELECT id, role, account_id FROM memberships WHERE user_id = ? ORDER BY id', userId),
      contact: (id) => once(memos?.contacts, id, () => one<ContactRow>('SELECT id, account_id, name, first_name, last_name, data, created_at FROM contacts WHERE id = ?', id)),
      phonesOf: async (contactId) => [...(await once(memos?.phones, contactId, () => run<PhoneRow>('SELECT * FROM contact_phones WHERE contact_id = ? ORDER BY id', contactId)))],
      phone: (id) => one<PhoneRow>('SELECT * FROM contact_phones WHERE id = ?', id),
      note: (id) => one<NoteRow>('SELECT * FROM contact_notes WHERE id = ?', id),
      membership: (id) => one<MembershipRow>('SELECT id, user_id, account_id, role FROM memberships WHERE id = ?', id),
      usersOf: (accountId) =>
        run<UserRow>('SELECT u.id, u.name, u.first_name, u.last_name, u.email FROM users u JOIN memberships m ON m.user_id = u.id WHERE m.account_id = ? ORDER BY u.id', accountId),
      participantsOf: (conversationId) =>
        run<UserRow>(
          `SELECT id, name, first_name, last_name, email FROM users WHERE id IN (
             SELECT sender_id FROM messages WHERE conversation_id = ? AND sender_id IS NOT NULL
             UNION SELECT user_id FROM user_infos WHERE conversation_id = ? AND assigned = 1
           ) ORDER BY id`,
          conversationId,
          conversationId,
        ),
      assigneesOf: async (conversationId) =>
        (await run<{ user_id: string }>('SELECT user_id FROM user_infos WHERE conversation_id = ? AND assigned = 1 ORDER BY user_id', conversationId)).map((r) => r.user_id),
      notesOf: (contactId) => run<NoteRow>('SELECT * FROM contact_notes WHERE contact_id = ? ORDER BY seq DESC', contactId),
      conversation: (id) => one<ConversationRow>('SELECT * FROM conversations WHERE id = ?', id),
      userInfo: async (conversationId, userId) =>
        (await one<UserInfoRow>('SELECT * FROM user_infos WHERE conversation_id = ? AND user_id = ?', conversationId, userId)) ?? {
          conversation_id: conversationId,
          user_id: userId,
          read: 0,
          read_to: null,
          starred: 0,
          assigned: 0,
        },
      message: (id) => one<MessageRow>('SELECT * FROM messages WHERE id = ?', id),
      latestMessage: (conversationId) => one<MessageRow>("SELECT * FROM messages WHERE conversation_id = ? AND delivery_state <> 'scheduled' ORDER BY seq DESC LIMIT 1", conversationId),
      nextScheduled: (conversationId) => one<MessageRow>("SELECT * FROM messages WHERE conversation_id = ? AND delivery_state = 'scheduled' ORDER BY ts ASC, seq ASC LIMIT 1", conversationId),
      // LATERAL: each id's one message by the (conversation_id, seq) index, as SQLite's correlated subquery.
      conversationDetails: async (conversationIds, userId) => {
        const ids = [...conversationIds];
        const [latest, scheduled, infos] = await Promise.all([
          run<MessageRow>(
            "SELECT m.* FROM unnest(?::text[]) AS j(id) CROSS JOIN LATERAL (SELECT * FROM messages WHERE conversation_id = j.id AND delivery_state <> 'scheduled' ORDER BY seq DESC LIMIT 1) m",
            ids,
          ),
          run<MessageRow>(
            "SELECT m.* FROM unnest(?::text[]) AS j(id) CROSS JOIN LATERAL (SELECT * FROM messages WHERE conversation_id = j.id AND delivery_state = 'scheduled' ORDER BY ts ASC, seq ASC LIMIT 1) m",
            ids,
          ),
          run<UserInfoRow>('SELECT * FROM user_infos WHERE user_id = ? AND conversation_id = ANY(?::text[])', userId, ids),
        ]);
        return detailsByConversation(conversationIds, userId, latest, scheduled, infos);
      },
      messageStats: async (conversationId) =>
        (await one<{ first: string | null; outboundDelivered: number; inbound: number; outbound: number }>(
          `SELECT MIN(ts) AS first,
                  CAST(SUM(CASE WHEN direction = 'out' AND delivery_state = 'delivered' THEN 1 ELSE 0 END) AS INTEGER) AS "outboundDelivered",
                  CAST(SUM(CASE WHEN direction = 'in' THEN 1 ELSE 0 END) AS INTEGER) AS inbound,
                  CAST(SUM(CASE WHEN direction = 'out' THEN 1 ELSE 0 END) AS INTEGER) AS outbound
             FROM messages WHERE conversation_id = ?`,
          conversationId,
        )) as { first: string | null; outboundDelivered: number; inbound: number; outbound: number },
      conversationsOfContact: (userId, contactId, position, size) =>
        page<ConversationRow>('conversations', 'contact_id = ? AND account_id IN (SELECT account_id FROM memberships WHERE user_id = ?)', [contactId, userId], position, size),
      conversationsOfAccount: (accountId, filter, position, size) =>
        filter.state !== undefined
          ? page<ConversationRow>('conversations', 'account_id = ? AND current_state = ?', [accountId, filter.state], position, size)
          : page<ConversationRow>('conversations', 'account_id = ?', [accountId], position, size),
      accountsOf: (userId, position, size) =>
        page<AccountRow & { seq: number }>(
          '(SELECT CAST(rowid AS INTEGER) AS seq, id, name, type, phone_number FROM accounts) AS a',
          'id IN (SELECT account_id FROM memberships WHERE user_id = ?)',
          [userId],
          position,
          size,
        ),
      contactsOf: (accountId, position, size) =>
        page<ContactRow & { seq: number }>(
          '(SELECT CAST(rowid AS INTEGER) AS seq, id, account_id, name, first_name, last_name, data, created_at FROM contacts) AS c',
          'account_id = ?',
          [accountId],
          position,
          size,
        ),
      messagesOf: (conversationId, position, size) => page<MessageRow>('messages', 'conversation_id = ?', [conversationId], position, size),
    };
  }

  /** The reads and writes of one write transaction on `client`. */
  private writesOn(client: pg.PoolClient): StoreWrites {
    const reads = this.readsOn(client, false);
    return {
      ...reads,
      conversationForUpdate: (id) => this.one<ConversationRow>(client, 'SELECT * FROM conversations WHERE id = ? FOR UPDATE', [id]),
      applyAction: async (userId, conversationId, action) => {
        const row = await this.one<ConversationRow>(client, 'SELECT * FROM conversations WHERE id = ? FOR UPDATE', [conversationId]);
        if (!row) throw new Error(`No conversation ${conversationId}`);
        const info = await reads.userInfo(conversationId, userId);
        const upsertInfo = (read: number, starred: number, assigned: number, readTo: string | null) =>
          this.run(
            client,
            `INSERT INTO user_infos (conversation_id, user_id, read, read_to, starred, assigned) VALUES (?, ?, ?, ?, ?, ?)
             ON CONFLICT (conversation_id, user_id) DO UPDATE SET read = excluded.read, read_to = excluded.read_to, starred = excluded.starred, assigned = excluded.assigned`,
            [conversationId, userId, read, readTo, starred, assigned],
          );
        switch (action) {
          case 'readConversation':
            await upsertInfo(1, info.starred, info.assigned, (await reads.latestMessage(conversationId))?.ts ?? info.read_to);
            break;
          case 'unreadConversation':
            await upsertInfo(0, info.starred, info.assigned, info.read_to);
            break;
          case 'starConversation':
            await upsertInfo(info.read, 1, info.assigned, info.read_to);
            break;
          case 'unstarConversation':
            await upsertInfo(info.read, 0, info.assigned, info.read_to);
            break;
          case 'assignContact':
            await upsertInfo(info.read, info.starred, 1, info.read_to);
            break;
          default: {
            const before: ConversationStateFacts = { currentState: row.current_state, blocked: row.blocked === 1, unsubscribed: row.unsubscribed === 1 };
            const after = applyConversationAction(action, before);
            await this.run(client, 'UPDATE conversations SET current_state = ?, blocked = ?, unsubscribed = ?, version = version + 1 WHERE id = ?', [
              after.currentState,
              after.blocked ? 1 : 0,
              after.unsubscribed ? 1 : 0,
              conversationId,
            ]);
          }
        }
        return (await reads.conversation(conversationId)) as ConversationRow;
      },
      retryMessage: async (messageId) => {
        await this.run(client, "UPDATE messages SET delivery_state = 'queued' WHERE id = ? AND delivery_state IN ('failed', 'failed_transient')", [messageId]);
      },
    };
  }

  /** A keyset page of `table` filtered by `where`, newest first by `seq` (as `TextusStore`'s). */
  private async page<R extends { seq: number }>(on: Queryable, table: string, where: string, args: readonly unknown[], position: PagePosition, size: number): Promise<RowPage<R>> {
    const total = Number((await this.one<{ n: number }>(on, `SELECT CAST(COUNT(*) AS INTEGER) AS n FROM ${table} WHERE ${where}`, args))?.n ?? 0);
    let rows: R[];
    if (position && 'before' in position) {
      rows = (await this.run<R>(on, `SELECT * FROM ${table} WHERE ${where} AND seq > CAST(? AS BIGINT) ORDER BY seq ASC LIMIT ?`, [...args, position.before, size + 1])).reverse();
      const hasPrevious = rows.length > size;
      if (hasPrevious) rows = rows.slice(1);
      const last = rows[rows.length - 1];
      const hasNext = last !== undefined && (await this.one(on, `SELECT 1 FROM ${table} WHERE ${where} AND seq < CAST(? AS BIGINT) LIMIT 1`, [...args, last.seq])) !== undefined;
      return { rows, hasNext, hasPrevious, total };
    }
    const after = position && 'after' in position ? position.after : Number.MAX_SAFE_INTEGER;
    rows = await this.run<R>(on, `SELECT * FROM ${table} WHERE ${where} AND seq < CAST(? AS BIGINT) ORDER BY seq DESC LIMIT ?`, [...args, after, size + 1]);
    const hasNext = rows.length > size;
    if (hasNext) rows = rows.slice(0, size);
    const first = rows[0];
    const hasPrevious =
      position !== undefined && first !== undefined && (await this.one(on, `SELECT 1 FROM ${table} WHERE ${where} AND seq > CAST(? AS BIGINT) LIMIT 1`, [...args, first.seq])) !== undefined;
    return { rows, hasNext, hasPrevious, total };
  }

  // Outside a transaction: each read on its own, through the pool.
  private readonly direct: StoreReads = this.readsOn(this.poolQueryable(), false);
  private poolQueryable(): Queryable {
    return { query: ((config: pg.QueryConfig) => this.pool.query(config)) as unknown as Queryable['query'] };
  }
  isMember = (userId: string, accountId: string) => this.direct.isMember(userId, accountId);
  accountIdsOf = (userId: string) => this.direct.accountIdsOf(userId);
  account = (id: string) => this.direct.account(id);
  user = (id: string) => this.direct.user(id);
  membershipsOf = (userId: string) => this.direct.membershipsOf(userId);
  contact = (id: string) => this.direct.contact(id);
  phonesOf = (contactId: string) => this.direct.phonesOf(contactId);
  phone = (id: string) => this.direct.phone(id);
  note = (id: string) => this.direct.note(id);
  membership = (id: string) => this.direct.membership(id);
  usersOf = (accountId: string) => this.direct.usersOf(accountId);
  participantsOf = (conversationId: string) => this.direct.participantsOf(conversationId);
  assigneesOf = (conversationId: string) => this.direct.assigneesOf(conversationId);
  notesOf = (contactId: string) => this.direct.notesOf(contactId);
  conversation = (id: string) => this.direct.conversation(id);
  userInfo = (conversationId: string, userId: string) => this.direct.userInfo(conversationId, userId);
  message = (id: string) => this.direct.message(id);
  latestMessage = (conversationId: string) => this.direct.latestMessage(conversationId);
  nextScheduled = (conversationId: string) => this.direct.nextScheduled(conversationId);
  conversationDetails = (conversationIds: readonly string[], userId: string) => this.direct.conversationDetails(conversationIds, userId);
  messageStats = (conversationId: string) => this.direct.messageStats(conversationId);
  conversationsOfContact = (userId: string, contactId: string, position: PagePosition, size: number) => this.direct.conversationsOfContact(userId, contactId, position, size);
  conversationsOfAccount = (accountId: string, filter: { readonly state?: string }, position: PagePosition, size: number) =>
    this.direct.conversationsOfAccount(accountId, filter, position, size);
  accountsOf = (userId: string, position: PagePosition, size: number) => this.direct.accountsOf(userId, position, size);
  contactsOf = (accountId: string, position: PagePosition, size: number) => this.direct.contactsOf(accountId, position, size);
  messagesOf = (conversationId: string, position: PagePosition, size: number) => this.direct.messagesOf(conversationId, position, size);

  applyAction(userId: string, conversationId: string, action: ConversationActionName): Promise<ConversationRow> {
    return this.write((tx) => tx.applyAction(userId, conversationId, action));
  }

  retryMessage(messageId: string): Promise<void> {
    return this.write((tx) => tx.retryMessage(messageId));
  }

  /** The `store_version` row, which every write transaction of every process bumps. */
  async dataVersion(): Promise<string> {
    const row = await this.one<{ version: string }>(this.poolQueryable(), 'SELECT version FROM store_version WHERE id = 1');
    return `pg.${row?.version ?? '0'}`;
  }

  async userByToken(token: string, version?: string): Promise<UserRow | undefined> {
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
      const row = await this.one<UserRow & { token_hash: string }>(this.poolQueryable(), 'SELECT id, name, first_name, last_name, email, token_hash FROM users WHERE id = ?', [id]);
      let user: UserRow | undefined;
      if (row !== undefined) {
        const { token_hash: _hidden, ...rest } = row;
        user = rest;
      }
      known = { user, tokenHash: Buffer.from(row?.token_hash ?? '0'.repeat(64), 'hex') };
      if (version !== undefined && version === this.knownVersion) {
        if (this.knownUsers.size >= KNOWN_USERS) this.knownUsers.delete(this.knownUsers.keys().next().value as string);
        this.knownUsers.set(id, known);
      }
    }
    const given = createHash('sha256').update(token).digest();
    const same = known.tokenHash.length === given.length && timingSafeEqual(known.tokenHash, given);
    if (known.user === undefined || !same) return undefined;
    return { ...known.user };
  }

  /** Inserts rows into any tables in one transaction (all or none), in the order foreign keys allow. */
  insertRows(rows: TableRows): Promise<void> {
    return this.transaction('BEGIN', true, async (client) => {
      const insert = async <R>(table: string, columns: readonly (keyof R & string)[], list: readonly R[] | undefined): Promise<void> => {
        const sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
        for (const row of list ?? []) await this.run(client, sql, columns.map((c) => row[c]));
      };
      await insert<AccountRow>('accounts', ['id', 'name', 'type', 'phone_number'], rows.accounts);
      await insert('users', ['id', 'name', 'first_name', 'last_name', 'email', 'token_hash'], rows.users);
      await insert<MembershipRow>('memberships', ['id', 'user_id', 'account_id', 'role'], rows.memberships);
      await insert<ContactRow>('contacts', ['id', 'account_id', 'name', 'first_name', 'last_name', 'data', 'created_at'], rows.contacts);
      await insert<PhoneRow>('contact_phones', ['id', 'contact_id', 'phone_number', 'type'], rows.phones);
      await insert<NoteRow>('contact_notes', ['id', 'seq', 'contact_id', 'user_id', 'content', 'created_at', 'updated_at'], rows.notes);
      await insert<ConversationRow>(
        'conversations',
        ['id', 'seq', 'account_id', 'contact_id', 'current_state', 'unanswered', 'unsubscribed', 'blocked', 'version'],
        rows.conversations,
      );
      await insert<UserInfoRow>('user_infos', ['conversation_id', 'user_id', 'read', 'read_to', 'starred', 'assigned'], rows.userInfos);
      await insert<MessageRow>('messages', ['id', 'seq', 'conversation_id', 'direction', 'body', 'delivery_state', 'ts', 'sender_id', 'source', 'flags'], rows.messages);
    });
  }

  async isEmpty(): Promise<boolean> {
    return (await this.one(this.poolQueryable(), 'SELECT 1 FROM accounts LIMIT 1')) === undefined;
  }

  async nonEmptyTables(): Promise<string[]> {
    const out: string[] = [];
    for (const table of TABLES) if ((await this.one(this.poolQueryable(), `SELECT 1 FROM ${table} LIMIT 1`)) !== undefined) out.push(table);
    return out;
  }

  async schemaVersion(): Promise<number> {
    return Number((await this.one<{ v: number | null }>(this.poolQueryable(), 'SELECT MAX(version) AS v FROM schema_migrations'))?.v ?? 0);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
