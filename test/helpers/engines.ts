/**
 * The store engines the engine-parametrized suites run on: SQLite (always) and PostgreSQL (a
 * throwaway cluster from `postgres.ts`, when it can be started). Each target hands out fresh empty
 * databases (a file in a temporary directory, or a new database in the cluster), opens engines on
 * them, and runs raw SQL on them for the checks that look past the server.
 *
 * @example
 * ```ts
 * import { engineTargets } from './engines.js';
 * const { targets, stop } = await engineTargets('my-suite');
 * for (const t of targets) if (t.available) console.log(t.name, await t.database());
 * await stop();
 * ```
 *
 * @module
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { PostgresEngine, SqliteEngine, TextusStore, type TextusEngine } from '@hyperld/textus-server';
import { startPostgres } from './postgres.js';

/**
 * One engine the suites run on.
 *
 * @example
 * ```ts
 * import type { EngineTarget } from './engines.js';
 * const label = (t: EngineTarget): string => (t.available ? t.name : `${t.name} (skipped)`);
 * ```
 */
export interface EngineTarget {
  /** The engine's name, as `--engine` and `TextusEngine.kind` spell it. */
  readonly name: 'sqlite' | 'postgres';
  /** Whether it can run here (PostgreSQL: a cluster started). */
  readonly available: boolean;
  /** A fresh, empty database: a file path or a `postgres://` URL (what `startTextusServer` and the child servers take). */
  database(): Promise<string>;
  /** Opens (and migrates) an engine on a database. */
  open(database: string): Promise<TextusEngine>;
  /** Runs SQL with `?` placeholders on a database, past any server, and returns the rows. */
  query<R = Record<string, unknown>>(database: string, sql: string, params?: readonly unknown[]): Promise<R[]>;
  /** The names of a database's tables (the engine's own bookkeeping included), sorted. */
  tables(database: string): Promise<string[]>;
}

/**
 * The targets, and `stop()` that removes every database they made (and the cluster). Where
 * PostgreSQL cannot be started, prints one line saying why (prefixed with `suite`) and marks it
 * unavailable.
 *
 * @param suite - the suite's name, for the printed line.
 * @returns the targets (SQLite first) and `stop`.
 */
export async function engineTargets(suite: string): Promise<{ readonly targets: readonly EngineTarget[]; stop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'textus-engines-'));
  let files = 0;
  const sqliteQuery = async <R>(file: string, sql: string, params: readonly unknown[] = []): Promise<R[]> => {
    const store = TextusStore.open(file);
    try {
      const statement = store.db.prepare(sql);
      return (statement.reader ? statement.all(...params) : (statement.run(...params), [])) as R[];
    } finally {
      store.close();
    }
  };
  const sqlite: EngineTarget = {
    name: 'sqlite',
    available: true,
    database: async () => join(dir, `db-${files++}.sqlite`),
    open: async (file) => SqliteEngine.open(file),
    query: sqliteQuery,
    tables: async (file) => (await sqliteQuery<{ name: string }>(file, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")).map((r) => r.name),
  };
  const cluster = await startPostgres();
  if ('skip' in cluster) console.log(`${suite}: ${cluster.skip}`);
  const pools = new Map<string, pg.Pool>();
  const poolOf = (url: string): pg.Pool => {
    let pool = pools.get(url);
    if (pool === undefined) {
      pool = new pg.Pool({ connectionString: url, max: 2 });
      pool.on('error', () => undefined);
      pools.set(url, pool);
    }
    return pool;
  };
  let databases = 0;
  const postgres: EngineTarget = {
    name: 'postgres',
    available: !('skip' in cluster),
    database: async () => {
      if ('skip' in cluster) throw new Error(cluster.skip);
      const name = `t${databases++}`;
      await poolOf(cluster.url).query(`CREATE DATABASE ${name}`);
      return cluster.url.replace(/\/[^/]*$/, `/${name}`);
    },
    open: (url) => PostgresEngine.open(url),
    query: async <R>(url: string, sql: string, params: readonly unknown[] = []) => {
      let n = 0;
      return (await poolOf(url).query(sql.replace(/\?/g, () => `$${++n}`), [...params])).rows as R[];
    },
    tables: async (url) =>
      (await poolOf(url).query<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name")).rows.map((r) => r.name),
  };
  return {
    targets: [sqlite, postgres],
    async stop() {
      for (const pool of pools.values()) await pool.end().catch(() => undefined);
      if (!('skip' in cluster)) await cluster.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
