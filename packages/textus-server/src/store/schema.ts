/**
 * The store's schema: the versioned migrations that make it, in order. `TextusStore.open` applies
 * the ones newer than the database's `user_version`, each in its own transaction.
 *
 * @module
 */

/**
 * The migrations, oldest first: each one's version and the SQL that brings the schema to it, on
 * both engines; `postgres`, where given, is what PostgreSQL runs after `sql` for what SQLite has
 * built in (a `rowid` in insertion order, and a data version: `PRAGMA data_version`).
 *
 * @example
 * ```ts
 * import { MIGRATIONS } from './schema.js';
 * MIGRATIONS.at(-1)?.version; // 4: the schema version of a new store
 * ```
 */
export const MIGRATIONS: readonly { readonly version: number; readonly sql: string; readonly postgres?: string }[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE accounts (id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, phone_number TEXT NOT NULL);
      CREATE TABLE users (id TEXT PRIMARY KEY, name TEXT NOT NULL, first_name TEXT, last_name TEXT, email TEXT NOT NULL, token_hash TEXT NOT NULL);
      CREATE TABLE memberships (id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id), account_id TEXT NOT NULL REFERENCES accounts(id), role TEXT NOT NULL);
      CREATE INDEX memberships_user ON memberships(user_id);
      CREATE TABLE contacts (id TEXT PRIMARY KEY, account_id TEXT NOT NULL REFERENCES accounts(id), name TEXT, first_name TEXT, last_name TEXT, data TEXT NOT NULL, created_at TEXT NOT NULL);
      CREATE TABLE contact_phones (id TEXT PRIMARY KEY, contact_id TEXT NOT NULL REFERENCES contacts(id), phone_number TEXT NOT NULL, type TEXT NOT NULL);
      CREATE INDEX contact_phones_contact ON contact_phones(contact_id);
      CREATE TABLE contact_notes (id TEXT PRIMARY KEY, seq INTEGER NOT NULL UNIQUE, contact_id TEXT NOT NULL REFERENCES contacts(id), user_id TEXT NOT NULL REFERENCES users(id), content TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
      CREATE INDEX contact_notes_contact ON contact_notes(contact_id, seq);
      CREATE TABLE conversations (
        id TEXT PRIMARY KEY, seq INTEGER NOT NULL UNIQUE, account_id TEXT NOT NULL REFERENCES accounts(id), contact_id TEXT NOT NULL REFERENCES contacts(id),
        current_state TEXT NOT NULL, unanswered INTEGER NOT NULL, unsubscribed INTEGER NOT NULL, blocked INTEGER NOT NULL, version INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX conversations_contact ON conversations(contact_id, seq);
      CREATE TABLE user_infos (conversation_id TEXT NOT NULL REFERENCES conversations(id), user_id TEXT NOT NULL REFERENCES users(id), read INTEGER NOT NULL, read_to TEXT, starred INTEGER NOT NULL, assigned INTEGER NOT NULL, PRIMARY KEY (conversation_id, user_id));
      CREATE TABLE messages (
        id TEXT PRIMARY KEY, seq INTEGER NOT NULL UNIQUE, conversation_id TEXT NOT NULL REFERENCES conversations(id), direction TEXT NOT NULL, body TEXT NOT NULL,
        delivery_state TEXT NOT NULL, ts TEXT NOT NULL, sender_id TEXT REFERENCES users(id), source TEXT NOT NULL, flags TEXT NOT NULL
      );
      CREATE INDEX messages_conversation ON messages(conversation_id, seq);
    `,
  },
  {
    // An account's conversations, filtered by state and keyset-paged (GET /accounts/{a}/conversations).
    version: 2,
    sql: `
      CREATE INDEX conversations_account_state ON conversations(account_id, current_state, seq);
      CREATE INDEX conversations_account ON conversations(account_id, seq);
    `,
  },
  {
    // PostgreSQL only (SQLite has both built in): accounts and contacts page by insertion order,
    // SQLite's rowid; and the data version that every write transaction bumps, read by every
    // process once per request as its response cache's key.
    version: 3,
    sql: '',
    postgres: `
      ALTER TABLE accounts ADD COLUMN rowid BIGSERIAL UNIQUE;
      ALTER TABLE contacts ADD COLUMN rowid BIGSERIAL UNIQUE;
      CREATE INDEX contacts_account_rowid ON contacts(account_id, rowid);
      CREATE TABLE store_version (id INTEGER PRIMARY KEY CHECK (id = 1), version BIGINT NOT NULL);
      INSERT INTO store_version VALUES (1, 0);
    `,
  },
  {
    // A contact's conversations visible to a user, counted from the index alone (no row read for
    // its account); the newest message of a conversation that is not scheduled, found without
    // reading the rows it skips; and its next scheduled one, from an index of those alone (most
    // conversations have none).
    version: 4,
    sql: `
      CREATE INDEX conversations_contact_account ON conversations(contact_id, account_id);
      CREATE INDEX messages_conversation_state ON messages(conversation_id, seq, delivery_state);
      CREATE INDEX messages_scheduled ON messages(conversation_id, ts, seq) WHERE delivery_state = 'scheduled';
    `,
  },
];

/**
 * The tables, in the order foreign keys allow them to be filled (each refers only to earlier ones).
 *
 * @example
 * ```ts
 * import { TABLES } from './schema.js';
 * TABLES[0]; // 'accounts'
 * ```
 */
export const TABLES = ['accounts', 'users', 'memberships', 'contacts', 'contact_phones', 'contact_notes', 'conversations', 'user_infos', 'messages'] as const;
