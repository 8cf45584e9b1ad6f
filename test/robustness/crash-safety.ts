/**
 * Crash safety of the reference server: no acknowledged action is lost when the server process
 * dies, and the database file stays sound.
 *
 * Starts the server as a child process on a database file in a temporary directory, sends a
 * stream of actions (close/reopen/block/unblock/subscribe/unsubscribe/star/unstar/read/unread) on
 * the seed contact's conversations with several requests in flight, kills the child with SIGKILL
 * in the middle of the stream, restarts it on the same file, and compares every conversation with
 * what its answers said. Repeated `--kills` times on the same file; then `PRAGMA integrity_check`
 * and a direct read of the tables.
 *
 * The check is exact because each conversation has at most one request in flight, and every
 * action changes the state it is sent from: after a restart a conversation must be in the state of
 * its last acknowledged (200) answer, or — only if a request on it was in flight at the kill — in
 * the state that request would give. Anything else is a lost action.
 *
 * The kill is of the process, not of the machine: what the OS had accepted is still written. It
 * shows that the server answers only after its transaction committed, not that the disk keeps it
 * through a power cut (that rests on SQLite's WAL with `synchronous = FULL`).
 *
 * `--engine postgres` runs the same on a throwaway PostgreSQL cluster (`test/helpers/postgres.ts`)
 * instead of the file: the integrity check is then that the engine reopens the database (PostgreSQL
 * recovers its WAL on its own) and reads every table.
 *
 *   pnpm crash-safety [--engine sqlite|postgres] [--kills N] [--inflight N] [--min-ms MS] [--max-ms MS] [--seed N] [--json]
 *
 * Exits with 1 when an action was lost, an answer was wrong, or the integrity check failed.
 *
 * @module
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { applyConversationAction, CONVERSATION_ACTIONS, conversationRules, TEXTUS_MEDIA_TYPE, type ConversationActionName } from '@hyperld/textus';
import { DEMO_TOKEN, DEMO_USER_ID, isPostgresUrl, PostgresEngine, SEED_CONTACT_ID, SqliteEngine, TextusStore } from '@hyperld/textus-server';
import { TABLES } from '../../packages/textus-server/src/store/schema.js';
import { startPostgres, type PostgresCluster } from '../helpers/postgres.js';
import { random } from '../helpers/random.js';
import { spawnServer, type ChildServer } from '../helpers/textus-child.js';
import { STATE_ACTIONS } from './soak.js';

/** Settings; each has a flag. */
interface CrashOptions {
  /** Kill/restart cycles on the same file (`--kills`, default 3). */
  readonly kills: number;
  /** Requests in flight, each on its own conversation (`--inflight`, default 16). */
  readonly inflight: number;
  /** The kill comes between these many milliseconds after the stream starts (`--min-ms` 1000, `--max-ms` 3000). */
  readonly minMs: number;
  readonly maxMs: number;
  /** Seed of the choices of actions and kill times (`--seed`, default: from the clock, printed). */
  readonly seed: number;
  /** Print JSON on stdout (`--json`). */
  readonly json: boolean;
  /** The store engine (`--engine`, default `sqlite`). */
  readonly engine: 'sqlite' | 'postgres';
}

function parseOptions(argv: readonly string[]): CrashOptions {
  const options: { -readonly [K in keyof CrashOptions]: CrashOptions[K] } = { kills: 3, inflight: 16, minMs: 1000, maxMs: 3000, seed: Date.now() % 1_000_000, json: false, engine: 'sqlite' };
  const numbers = { '--kills': 'kills', '--inflight': 'inflight', '--min-ms': 'minMs', '--max-ms': 'maxMs', '--seed': 'seed' } as const;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') continue;
    if (arg === '--json') options.json = true;
    else if (arg === '--engine') {
      const engine = argv[++i];
      if (engine !== 'sqlite' && engine !== 'postgres') throw new Error('--engine needs sqlite or postgres');
      options.engine = engine;
    }
    else if (Object.hasOwn(numbers, arg)) {
      const value = Number(argv[++i]);
      if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${arg} needs a non-negative integer`);
      options[numbers[arg as keyof typeof numbers]] = value;
    } else {
      throw new Error(`unknown option ${arg} (options: --kills N, --inflight N, --min-ms MS, --max-ms MS, --seed N, --json)`);
    }
  }
  // Bounded, so that the run stops by itself well within the watchdog's time.
  if (options.kills < 1 || options.kills > 20) throw new Error('--kills must be in [1, 20]');
  if (options.inflight < 1 || options.inflight > 64) throw new Error('--inflight must be in [1, 64]');
  if (options.maxMs < options.minMs || options.maxMs > 30_000) throw new Error('--max-ms must be in [--min-ms, 30000]');
  return options;
}

/** What the check compares: the conversation's state and the demo user's flags on it. */
interface State {
  readonly currentState: string;
  readonly blocked: boolean;
  readonly unsubscribed: boolean;
  readonly starred: boolean;
  readonly read: boolean;
}

/** What the client knows about one conversation. */
interface Tracked {
  readonly id: string;
  /** The state its last acknowledged answer gave (or, after a restart, the state read back). */
  acked: State;
  /** The request in flight on it, and the state it gives if it is applied. */
  pending: { readonly action: ConversationActionName; readonly expected: State } | undefined;
}

const same = (a: State, b: State): boolean =>
  a.currentState === b.currentState && a.blocked === b.blocked && a.unsubscribed === b.unsubscribed && a.starred === b.starred && a.read === b.read;
const show = (s: State): string =>
  `${s.currentState}${s.blocked ? ' blocked' : ''}${s.unsubscribed ? ' unsubscribed' : ''}${s.starred ? ' starred' : ''}${s.read ? ' read' : ''}`;

/** The state after `action` (read and star change the user's flags, the others the conversation). */
function effect(action: ConversationActionName, s: State): State {
  switch (action) {
    case 'readConversation':
      return { ...s, read: true };
    case 'unreadConversation':
      return { ...s, read: false };
    case 'starConversation':
      return { ...s, starred: true };
    case 'unstarConversation':
      return { ...s, starred: false };
    default: {
      const after = applyConversationAction(action, s);
      return { ...s, currentState: after.currentState, blocked: after.blocked, unsubscribed: after.unsubscribed };
    }
  }
}

/** The actions available in `s` (as its links would offer them) that change it: a lost one shows. */
function choices(s: State): ConversationActionName[] {
  const out: ConversationActionName[] = [s.starred ? 'unstarConversation' : 'starConversation', s.read ? 'unreadConversation' : 'readConversation'];
  for (const name of STATE_ACTIONS) if (conversationRules[name](s) && !same(effect(name, s), s)) out.push(name);
  return out;
}


const HEADERS = { authorization: `Bearer ${DEMO_TOKEN}`, accept: TEXTUS_MEDIA_TYPE };
const REQUEST_TIMEOUT_MS = 10_000;

/** Reads every conversation of the seed contact, with the demo user's flags, by following `next`. */
async function readStates(url: string): Promise<Map<string, State>> {
  const states = new Map<string, State>();
  let next: string | null = `/contacts/${SEED_CONTACT_ID}/conversations`;
  for (let pages = 0; next !== null && pages < 1000; pages++) {
    const response = await fetch(`${url}${next}`, { headers: HEADERS, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    const text = await response.text();
    if (response.status !== 200) throw new Error(`GET ${next} answered ${response.status}: ${text.slice(0, 200)}`);
    const page = JSON.parse(text) as { members?: Record<string, unknown>[]; view?: { next?: string | null } };
    for (const m of page.members ?? []) {
      const info = m['requestingUserInfo'] as Record<string, unknown> | undefined;
      states.set(String(m['id']), {
        currentState: String(m['currentState']),
        blocked: m['blocked'] === true,
        unsubscribed: m['unsubscribed'] === true,
        starred: info?.['starred'] === true,
        read: info?.['read'] === true,
      });
    }
    next = page.view?.next ?? null;
  }
  return states;
}

/** Counts of one kill cycle. */
interface Cycle {
  readonly acknowledged: number;
  /** Requests in flight at the kill that got no answer (at most one per conversation). */
  readonly unanswered: number;
  /** Of those, the ones the restarted server shows applied (committed before the kill). */
  readonly unansweredApplied: number;
  readonly lost: number;
  readonly wrongAnswers: number;
  readonly refused: number;
  readonly streamMs: number;
}

/**
 * Sends actions until the kill time, then kills the server with SIGKILL; resolves when every
 * worker has stopped (requests cut by the kill fail at once, so this is quick).
 */
async function streamAndKill(
  server: ChildServer,
  tracked: ReadonlyMap<string, Tracked>,
  options: CrashOptions,
  rnd: () => number,
  problems: string[],
): Promise<{ acknowledged: number; unanswered: number; wrongAnswers: number; refused: number; streamMs: number }> {
  const free = [...tracked.keys()].sort(() => rnd() - 0.5);
  let stopping = false;
  let acknowledged = 0;
  let wrongAnswers = 0;
  let refused = 0;

  const worker = async (): Promise<void> => {
    while (!stopping) {
      const id = free.shift();
      if (id === undefined) {
        await sleep(1);
        continue;
      }
      const t = tracked.get(id) as Tracked;
      const offered = choices(t.acked);
      const action = offered[Math.floor(rnd() * offered.length)] as ConversationActionName;
      const expected = effect(action, t.acked);
      t.pending = { action, expected };
      try {
        const { method, segment } = CONVERSATION_ACTIONS[action];
        const response = await fetch(`${server.url}${id}/${segment}`, { method, headers: HEADERS, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
        const text = await response.text();
        if (response.status === 200) {
          const doc = JSON.parse(text) as Record<string, unknown>;
          if (doc['currentState'] !== expected.currentState || doc['blocked'] !== expected.blocked || doc['unsubscribed'] !== expected.unsubscribed) {
            wrongAnswers++;
            problems.push(`${action} on ${id} answered ${String(doc['currentState'])}, expected ${show(expected)}`);
          }
          t.acked = expected;
          acknowledged++;
        } else {
          // The action was chosen from the last answer, so a refusal is a bug, not a race.
          refused++;
          problems.push(`${action} on ${id} (from ${show(t.acked)}) answered ${response.status}: ${text.slice(0, 200)}`);
        }
        t.pending = undefined;
        free.push(id);
      } catch {
        // No (complete) answer: cut by the kill. The conversation keeps its pending action and is
        // not used again before the check, so that it has at most one in flight.
      }
    }
  };

  const start = performance.now();
  const workers = Array.from({ length: options.inflight }, () => worker());
  await sleep(options.minMs + Math.floor(rnd() * (options.maxMs - options.minMs + 1)));
  stopping = true;
  await server.kill('SIGKILL');
  const streamMs = performance.now() - start;
  await Promise.all(workers);
  // Requests that were in flight at the kill and got no answer.
  const unanswered = [...tracked.values()].filter((t) => t.pending !== undefined).length;
  return { acknowledged, unanswered, wrongAnswers, refused, streamMs };
}

/** Opens the database in this process (recovering the WAL as any opener would) and checks it. */
async function integrity(file: string): Promise<string> {
  if (isPostgresUrl(file)) {
    const engine = await PostgresEngine.open(file);
    try {
      // PostgreSQL replays its WAL at start; what is left to check is that every table reads.
      const tables = await engine.nonEmptyTables();
      return tables.length === TABLES.length ? 'ok' : `tables without rows: ${TABLES.filter((t) => !tables.includes(t)).join(', ')}`;
    } finally {
      await engine.close();
    }
  }
  const store = TextusStore.open(file);
  try {
    const rows = store.db.pragma('integrity_check') as { integrity_check: string }[];
    return rows.map((r) => r.integrity_check).join('; ');
  } finally {
    store.close();
  }
}

/** The states as the tables hold them, read directly (not through the server). */
async function statesInDatabase(file: string, ids: readonly string[]): Promise<Map<string, State>> {
  const store = isPostgresUrl(file) ? await PostgresEngine.open(file) : SqliteEngine.open(file);
  try {
    const out = new Map<string, State>();
    for (const iri of ids) {
      const id = iri.slice(iri.lastIndexOf('/') + 1);
      const c = await store.conversation(id);
      if (!c) continue;
      const info = await store.userInfo(id, DEMO_USER_ID);
      out.set(iri, { currentState: c.current_state, blocked: c.blocked === 1, unsubscribed: c.unsubscribed === 1, starred: info.starred === 1, read: info.read === 1 });
    }
    return out;
  } finally {
    await store.close();
  }
}

async function main(options: CrashOptions): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'hyperld-crash-'));
  let cluster: PostgresCluster | undefined;
  if (options.engine === 'postgres') {
    const started = await startPostgres();
    if ('skip' in started) throw new Error(`crash-safety: ${started.skip}`);
    cluster = started;
  }
  const file = cluster?.url ?? join(dir, 'textus.db');
  const rnd = random(options.seed);
  const problems: string[] = [];
  const cycles: Cycle[] = [];
  let server: ChildServer | undefined;
  let checks: { integrity: string[]; databaseMismatches: number } = { integrity: [], databaseMismatches: 0 };
  const log = (line: string): void => {
    process.stderr.write(`${line}\n`);
  };

  // Everything stops by itself: past this, the child is killed and the run fails.
  const limitMs = 90_000 + options.kills * (options.maxMs + 30_000);
  const watchdog = setTimeout(() => {
    log(`crash-safety: no result after ${limitMs} ms; giving up`);
    server?.child.kill('SIGKILL');
    process.exit(2);
  }, limitMs);
  watchdog.unref();

  try {
    log(`crash-safety: seed ${options.seed}; database ${file}`);
    server = await spawnServer({ kind: 'textus', file });
    const tracked = new Map<string, Tracked>();
    for (const [id, state] of await readStates(server.url)) tracked.set(id, { id, acked: state, pending: undefined });
    log(`${tracked.size} conversations, ${options.inflight} actions in flight, ${options.kills} kills`);

    for (let k = 1; k <= options.kills; k++) {
      const run = await streamAndKill(server, tracked, options, rnd, problems);
      checks.integrity.push(await integrity(file));
      server = await spawnServer({ kind: 'textus', file });
      const after = await readStates(server.url);
      let lost = 0;
      let applied = 0;
      for (const t of tracked.values()) {
        const actual = after.get(t.id);
        if (actual === undefined) {
          lost++;
          problems.push(`${t.id} is gone after restart ${k}`);
          continue;
        }
        if (!same(actual, t.acked)) {
          if (t.pending !== undefined && same(actual, t.pending.expected)) applied++;
          else {
            lost++;
            problems.push(
              `${t.id} after restart ${k}: ${show(actual)}; last acknowledged ${show(t.acked)}${t.pending ? `, in flight ${t.pending.action} → ${show(t.pending.expected)}` : ''}`,
            );
          }
        }
        // The next cycle starts from what the server has now.
        t.acked = actual;
        t.pending = undefined;
      }
      const cycle = { ...run, unansweredApplied: applied, lost };
      cycles.push(cycle);
      log(
        `kill ${k} after ${(run.streamMs / 1000).toFixed(1)} s: ${run.acknowledged} acknowledged, ${run.unanswered} unanswered (${applied} of them applied), ${lost} lost, integrity ${checks.integrity.at(-1)}`,
      );
    }

    await server.stop();
    checks.integrity.push(await integrity(file));
    const inDatabase = await statesInDatabase(file, [...tracked.keys()]);
    for (const t of tracked.values()) {
      const row = inDatabase.get(t.id);
      if (row === undefined || !same(row, t.acked)) {
        checks = { ...checks, databaseMismatches: checks.databaseMismatches + 1 };
        problems.push(`${t.id}: the tables hold ${row ? show(row) : 'nothing'}, the server answered ${show(t.acked)}`);
      }
    }
  } finally {
    clearTimeout(watchdog);
    await server?.kill().catch(() => undefined);
    await cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  }

  const sum = (key: keyof Cycle): number => cycles.reduce((n, c) => n + c[key], 0);
  const summary = {
    seed: options.seed,
    kills: cycles.length,
    acknowledged: sum('acknowledged'),
    lost: sum('lost'),
    unanswered: sum('unanswered'),
    unansweredApplied: sum('unansweredApplied'),
    wrongAnswers: sum('wrongAnswers'),
    refused: sum('refused'),
    integrity: checks.integrity,
    databaseMismatches: checks.databaseMismatches,
    cycles,
  };
  const ok =
    summary.lost === 0 &&
    summary.wrongAnswers === 0 &&
    summary.refused === 0 &&
    summary.databaseMismatches === 0 &&
    checks.integrity.length === cycles.length + 1 &&
    checks.integrity.every((r) => r === 'ok');
  for (const p of problems.slice(0, 20)) log(`  ${p}`);
  if (problems.length > 20) log(`  … and ${problems.length - 20} more`);
  if (options.json) process.stdout.write(`${JSON.stringify({ ...summary, pass: ok })}\n`);
  else {
    process.stdout.write(
      [
        '',
        `acknowledged actions: ${summary.acknowledged}`,
        `lost acknowledged actions: ${summary.lost}`,
        `in flight and unanswered at the kills: ${summary.unanswered} (applied: ${summary.unansweredApplied}, not applied: ${summary.unanswered - summary.unansweredApplied})`,
        `wrong answers: ${summary.wrongAnswers}; refused actions: ${summary.refused}; rows differing from the answers: ${summary.databaseMismatches}`,
        `integrity_check after each kill and at the end: ${checks.integrity.join(', ')}`,
        ok ? 'PASS' : 'FAIL',
        '',
      ].join('\n'),
    );
  }
  return ok ? 0 : 1;
}

process.exitCode = await main(parseOptions(process.argv.slice(2)));
