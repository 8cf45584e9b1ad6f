/**
 * The store's versioned migrations (`packages/textus-server/src/store/schema.ts`) on a throwaway
 * PostgreSQL cluster (`test/helpers/postgres.ts`): the same SQL that makes the SQLite schema makes
 * the PostgreSQL one, each version in its own transaction with the version recorded beside it, and
 * the keyset-paging indexes are there; the same seed rows go in, and the store's keyset page query
 * answers on them as it does on SQLite. Skipped, with one printed line, where PostgreSQL is missing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USER_ID, SEED_CONTACT_ID, seedStore, TextusStore } from '@hyperld/textus-server';
import { generateSeed } from '../packages/textus-server/src/seed/generate.js';
import { MIGRATIONS, TABLES } from '../packages/textus-server/src/store/schema.js';
import { startPostgres, type PostgresCluster } from './helpers/postgres.js';

/** The seed's row lists by table, in the order foreign keys allow them to be filled. */
const SEED_TABLES = {
  accounts: 'accounts',
  users: 'users',
  memberships: 'memberships',
  contacts: 'contacts',
  phones: 'contact_phones',
  notes: 'contact_notes',
  conversations: 'conversations',
  userInfos: 'user_infos',
  messages: 'messages',
} as const;

/** An SQL literal of a seed value (text, integer or null). */
const literal = (value: unknown): string => (value === null ? 'NULL' : typeof value === 'number' ? String(value) : `'${String(value).replaceAll("'", "''")}'`);

/** The seed as one script of multi-row INSERTs, columns named by the rows' keys. */
function seedScript(): string {
  const rows = generateSeed();
  return Object.entries(SEED_TABLES)
    .map(([key, table]) => {
      const list = rows[key as keyof typeof SEED_TABLES] as readonly object[] as readonly Record<string, unknown>[];
      const columns = Object.keys(list[0] ?? {});
      const values = list.map((row) => `(${columns.map((c) => literal(row[c])).join(', ')})`);
      return `INSERT INTO ${table} (${columns.join(', ')}) VALUES\n${values.join(',\n')};`;
    })
    .join('\n');
}

const started = await startPostgres();
if ('skip' in started) console.log(`postgres-schema: ${started.skip}`);
const pg: PostgresCluster | undefined = 'skip' in started ? undefined : started;

describe.skipIf(pg === undefined)('the store schema on PostgreSQL', () => {
  const cluster = pg as PostgresCluster;
  beforeAll(async () => {
    await cluster.psql('CREATE TABLE schema_version (version INTEGER NOT NULL)');
    await cluster.psql('INSERT INTO schema_version VALUES (0)');
    for (const m of MIGRATIONS) await cluster.psql(`${m.sql}\nUPDATE schema_version SET version = ${m.version};`);
  });
  afterAll(async () => {
    await cluster.stop();
  });

  it('applies every migration, recording the newest version', async () => {
    expect(Number(await cluster.psql('SELECT version FROM schema_version'))).toBe(MIGRATIONS.at(-1)?.version);
  });

  it('makes every table the seed fills', async () => {
    const tables = (await cluster.psql(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)).split('\n');
    expect(tables).toEqual([...TABLES, 'schema_version'].sort());
  });

  it('makes the keyset-paging indexes', async () => {
    const indexes = (await cluster.psql(`SELECT indexname FROM pg_indexes WHERE schemaname = 'public'`)).split('\n');
    expect(indexes).toEqual(expect.arrayContaining(['conversations_account_state', 'conversations_account', 'messages_conversation', 'conversations_contact', 'contact_notes_contact']));
  });

  it('rolls a failing migration back whole', async () => {
    await expect(cluster.psql('CREATE TABLE half_made (id TEXT); UPDATE schema_version SET version = 99; SELECT * FROM no_such_table;')).rejects.toThrow(/no_such_table/);
    expect(await cluster.psql(`SELECT count(*) FROM pg_tables WHERE tablename = 'half_made'`)).toBe('0');
    expect(Number(await cluster.psql('SELECT version FROM schema_version'))).toBe(MIGRATIONS.at(-1)?.version);
  });

  it('takes the whole seed, in one transaction', async () => {
    await cluster.psql(seedScript());
    const rows = generateSeed();
    for (const [key, table] of Object.entries(SEED_TABLES)) {
      expect(Number(await cluster.psql(`SELECT count(*) FROM ${table}`)), table).toBe(rows[key as keyof typeof SEED_TABLES].length);
    }
  });

  it("answers the store's keyset page query on the seed as SQLite does", async () => {
    const store = TextusStore.open(':memory:');
    seedStore(store);
    const where = `contact_id = '${SEED_CONTACT_ID}' AND account_id IN (SELECT account_id FROM memberships WHERE user_id = '${DEMO_USER_ID}')`;
    const first = store.conversationsOfContact(DEMO_USER_ID, SEED_CONTACT_ID, undefined, 3);
    const last = first.rows.at(-1);
    expect(last).toBeDefined();
    const second = store.conversationsOfContact(DEMO_USER_ID, SEED_CONTACT_ID, { after: last?.seq ?? 0 }, 3);
    store.close();
    const ids = async (sql: string) => (await cluster.psql(sql)).split('\n').filter((id) => id !== '');
    expect(await ids(`SELECT id FROM conversations WHERE ${where} AND seq < ${Number.MAX_SAFE_INTEGER} ORDER BY seq DESC LIMIT 3`)).toEqual(first.rows.map((r) => r.id));
    expect(await ids(`SELECT id FROM conversations WHERE ${where} AND seq < ${last?.seq ?? 0} ORDER BY seq DESC LIMIT 3`)).toEqual(second.rows.map((r) => r.id));
    expect(Number(await cluster.psql(`SELECT count(*) FROM conversations WHERE ${where}`))).toBe(first.total);
  });

  it('lets exactly one of two racing read-check-write actions through, with SELECT … FOR UPDATE', async () => {
    // The design for the PostgreSQL engine: each action locks the conversation row, checks the
    // state it read, writes, and bumps the one version row (read per request by every process's
    // response cache) in the same transaction. The second action waits for the lock, then reads
    // the first one's write and is refused: no serialization failures to retry, unlike SERIALIZABLE.
    await cluster.psql('CREATE TABLE store_version (id INTEGER PRIMARY KEY CHECK (id = 1), n BIGINT NOT NULL); INSERT INTO store_version VALUES (1, 0);');
    const id = await cluster.psql(`SELECT id FROM conversations WHERE current_state = 'open' ORDER BY seq LIMIT 1`);
    expect(id).not.toBe('');
    const close = `DO $$ DECLARE s TEXT; BEGIN
      SELECT current_state INTO s FROM conversations WHERE id = '${id}' FOR UPDATE;
      PERFORM pg_sleep(0.2);
      IF s <> 'open' THEN RAISE EXCEPTION 'refused: %', s; END IF;
      UPDATE conversations SET current_state = 'closed', version = version + 1 WHERE id = '${id}';
      UPDATE store_version SET n = n + 1 WHERE id = 1;
    END $$;`;
    const outcomes = await Promise.allSettled([cluster.psql(close), cluster.psql(close)]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === 'rejected');
    expect(String(refused?.status === 'rejected' ? refused.reason : '')).toMatch(/refused: closed/);
    expect(await cluster.psql(`SELECT current_state || ' ' || version FROM conversations WHERE id = '${id}'`)).toBe('closed 1');
    expect(await cluster.psql('SELECT n FROM store_version')).toBe('1');
  });

  it('enforces the foreign keys the seed order relies on', async () => {
    await expect(cluster.psql(`INSERT INTO memberships VALUES ('m', 'no-user', 'no-account', 'admin')`)).rejects.toThrow(/foreign key/);
  });
});
