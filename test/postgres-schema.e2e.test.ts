/**
 * The store's versioned migrations (`packages/textus-server/src/store/schema.ts`) on a throwaway
 * PostgreSQL cluster (`test/helpers/postgres.ts`): the same SQL that makes the SQLite schema makes
 * the PostgreSQL one, each version in its own transaction with the version recorded beside it, and
 * the keyset-paging indexes are there. Skipped, with one printed line, where PostgreSQL is missing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, TABLES } from '../packages/textus-server/src/store/schema.js';
import { startPostgres, type PostgresCluster } from './helpers/postgres.js';

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

  it('enforces the foreign keys the seed order relies on', async () => {
    await expect(cluster.psql(`INSERT INTO memberships VALUES ('m', 'no-user', 'no-account', 'admin')`)).rejects.toThrow(/foreign key/);
  });
});
