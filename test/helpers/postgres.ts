/**
 * A throwaway PostgreSQL cluster for the tests that run the server's store on PostgreSQL: `initdb`
 * in a temporary directory, `pg_ctl start` on a free loopback port (its socket in that directory,
 * too), trust authentication for one superuser, and `stop()` stops the server and removes the
 * directory. Nothing is left behind and no system cluster is touched.
 *
 * PostgreSQL refuses to run as root, so under root the cluster belongs to the `postgres` system
 * user (which the Debian package creates) and every command runs through `su postgres`.
 *
 * Where no PostgreSQL binaries are found ({@link findPostgresBin}), {@link startPostgres} returns a
 * reason instead of a cluster; the tests print it on one line and skip. `scripts/setup.sh` installs
 * PostgreSQL where it can (`ensure_postgres` in `scripts/lib.sh`).
 *
 * @example
 * ```ts
 * import { startPostgres } from './postgres.js';
 * const pg = await startPostgres();
 * if ('skip' in pg) console.log(pg.skip);
 * else {
 *   console.log(pg.url); // postgres://textus@127.0.0.1:<port>/textus
 *   await pg.stop();
 * }
 * ```
 *
 * @module
 */
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The superuser and database a cluster is made with. */
const ROLE = 'textus';

/**
 * A running throwaway cluster.
 *
 * @example
 * ```ts
 * import type { PostgresCluster } from './postgres.js';
 * const describe = (pg: PostgresCluster): string => `${pg.url} in ${pg.dir}`;
 * ```
 */
export interface PostgresCluster {
  /** A connection URL for the cluster's `textus` database, as `DATABASE_URL` takes it. */
  readonly url: string;
  /** The loopback port it listens on. */
  readonly port: number;
  /** The temporary directory holding the data directory and the socket. */
  readonly dir: string;
  /** Runs SQL through `psql` (one transaction, stopping at the first error) and returns its unaligned output. */
  psql(sql: string): Promise<string>;
  /** Stops the server and removes the directory. */
  stop(): Promise<void>;
}

/**
 * The directory holding `initdb`, `pg_ctl` and `postgres`: the newest `/usr/lib/postgresql/<n>/bin`
 * (Debian's layout, where they are not on `PATH`), else `undefined`.
 *
 * @example
 * ```ts
 * import { findPostgresBin } from './postgres.js';
 * console.log(findPostgresBin() ?? 'no PostgreSQL here');
 * ```
 */
export function findPostgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => /^\d+$/.test(v) && existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(root, versions[0], 'bin');
}

/** A port free on the loopback interface right now. */
async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Whether this process runs as root (so the cluster must belong to `postgres`). */
function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** The uid and gid of the `postgres` user, from `id`. */
async function postgresIds(): Promise<{ uid: number; gid: number } | undefined> {
  try {
    const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
    const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
    return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : undefined;
  } catch {
    return undefined;
  }
}

/** Quotes one argument for `sh -c`. */
const quote = (arg: string): string => `'${arg.replaceAll("'", `'\\''`)}'`;

/**
 * Starts a throwaway cluster, or says why it cannot (no binaries, root without a `postgres` user).
 * A failure after the binaries were found (initdb or start failing) throws: that is a broken
 * installation, not a missing one.
 *
 * @returns the running cluster, or `{ skip }` with a one-line reason.
 *
 * @example
 * ```ts
 * import { startPostgres } from './postgres.js';
 * const pg = await startPostgres();
 * if (!('skip' in pg)) {
 *   console.log(await pg.psql('SELECT 1')); // '1'
 *   await pg.stop();
 * }
 * ```
 */
export async function startPostgres(): Promise<PostgresCluster | { readonly skip: string }> {
  const bin = findPostgresBin();
  if (bin === undefined) return { skip: 'PostgreSQL is not installed (no /usr/lib/postgresql/<n>/bin; scripts/setup.sh installs it): skipping the PostgreSQL runs' };
  const root = isRoot();
  const ids = root ? await postgresIds() : undefined;
  if (root && ids === undefined) return { skip: 'running as root and there is no postgres user to own a cluster: skipping the PostgreSQL runs' };
  const dir = mkdtempSync(join(tmpdir(), 'textus-pg-'));
  if (ids !== undefined) chownSync(dir, ids.uid, ids.gid);
  const data = join(dir, 'data');
  const port = await freePort();
  const as = async (file: string, args: readonly string[]): Promise<string> => {
    const { stdout } = root
      ? await run('su', ['postgres', '-s', '/bin/sh', '-c', [file, ...args].map(quote).join(' ')])
      : await run(file, [...args]);
    return stdout;
  };
  const pgCtl = (args: readonly string[]) => as(join(bin, 'pg_ctl'), ['-D', data, ...args]);
  try {
    await as(join(bin, 'initdb'), ['-D', data, '-U', ROLE, '--auth=trust', '--encoding=UTF8', '--no-locale', '--no-sync']);
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
    await pgCtl(['-w', '-t', '60', '-l', join(dir, 'log'), '-o', options, 'start']);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  let scripts = 0;
  // The SQL goes through a file: a seed's inserts are far longer than one argument may be.
  const psqlAt = async (database: string, sql: string, transaction = true): Promise<string> => {
    const file = join(dir, `script-${scripts++}.sql`);
    writeFileSync(file, sql);
    try {
      const flags = ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', ...(transaction ? ['-1'] : [])];
      const { stdout } = await run('psql', [...flags, '-h', '127.0.0.1', '-p', String(port), '-U', ROLE, '-d', database, '-f', file], { maxBuffer: 64 * 1024 * 1024 });
      return stdout.trim();
    } finally {
      rmSync(file, { force: true });
    }
  };
  await psqlAt('postgres', `CREATE DATABASE ${ROLE}`, false).catch(async (error: unknown) => {
    await pgCtl(['-m', 'immediate', 'stop']).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
    throw error;
  });
  let stopped = false;
  return {
    url: `postgres://${ROLE}@127.0.0.1:${port}/${ROLE}`,
    port,
    dir,
    psql: (sql) => psqlAt(ROLE, sql),
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        await pgCtl(['-w', '-m', 'fast', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
