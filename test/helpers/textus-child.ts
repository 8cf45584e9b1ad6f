/**
 * A server in a child process, for the crash-safety check (`test/robustness/crash-safety.ts`) and
 * the server benchmark (`bench/server.bench.ts`): either the reference TextUs server on a database
 * file, or a bare `node:http` server that answers every request with one precomputed answer. Run
 * as a script it is the child; imported, it spawns one.
 *
 * The child runs TypeScript sources through `node --import tsx --conditions=@hyperld/source`, so
 * no build is needed. It reports its URL over the IPC channel, stops on a `stop` message (closing
 * the server and the database, then exiting, which also writes a `--cpu-prof` profile) and exits
 * by itself when the parent goes away, so that no child outlives the script that started it.
 *
 * @example
 * ```ts
 * import { spawnServer } from './textus-child.js';
 * const server = await spawnServer({ kind: 'textus', file: '/tmp/x/textus.db' });
 * console.log(server.url);
 * await server.stop();
 * ```
 *
 * @module
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** How long a child may take to start (seeding a new database file included). */
const START_TIMEOUT_MS = 60_000;
/** How long a graceful stop may take before the child is killed. */
const STOP_TIMEOUT_MS = 10_000;

/**
 * A bare answer: what the bare server sends to every request.
 *
 * @example
 * ```ts
 * import type { BareAnswer } from './textus-child.js';
 * const answer: BareAnswer = { status: 200, headers: { 'content-type': 'text/plain' }, body: Buffer.from('ok').toString('base64') };
 * ```
 */
export interface BareAnswer {
  /** The status. */
  readonly status: number;
  /** The header fields, sent as they are. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body, base64 (it travels over the IPC channel as JSON). */
  readonly body: string;
}

/**
 * What to start.
 *
 * @example
 * ```ts
 * import type { ServerSpec } from './textus-child.js';
 * const spec: ServerSpec = { kind: 'textus', file: ':memory:' };
 * ```
 */
export type ServerSpec =
  | {
      readonly kind: 'textus';
      /** A database file, `:memory:`, or a `postgres://` URL. */
      readonly file: string;
      /** `false` turns the response cache off (default on). */
      readonly responseCache?: boolean;
      readonly execArgv?: readonly string[];
    }
  | {
      readonly kind: 'bare';
      readonly answer: BareAnswer;
      /**
       * Serialise the answer again for every request, as an uncached server must at the least:
       * `JSON.stringify` of the parsed body into bytes, member by member, and its strong ETag, as
       * hyperld's handler makes them (`jsonBytes`, `encodeBytes`), then the write. The floor of any uncached answer of that body.
       */
      readonly rerender?: boolean;
      readonly execArgv?: readonly string[];
    };

/**
 * A running child server.
 *
 * @example
 * ```ts
 * import { spawnServer, type ChildServer } from './textus-child.js';
 * const server: ChildServer = await spawnServer({ kind: 'textus', file: ':memory:' });
 * server.kill();
 * ```
 */
export interface ChildServer {
  /** The base URL, e.g. `http://127.0.0.1:40123`. */
  readonly url: string;
  /** The child process. */
  readonly child: ChildProcess;
  /** Resolves when the child has exited (with its exit code, or the signal that ended it). */
  readonly exited: Promise<{ readonly code: number | null; readonly signal: NodeJS.Signals | null }>;
  /** Asks the child to close the server and the database and exit; kills it if it does not in time. */
  stop(): Promise<void>;
  /** Kills the child at once (default `SIGKILL`) and resolves when it is gone. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Messages from parent to child. */
type ToChild = { readonly type: 'bare'; readonly answer: BareAnswer } | { readonly type: 'stop' };
/** Messages from child to parent. */
type ToParent = { readonly type: 'ready' } | { readonly type: 'listening'; readonly url: string } | { readonly type: 'failed'; readonly message: string };

const SELF = fileURLToPath(import.meta.url);

/**
 * Starts a server in a child process and resolves once it listens on an ephemeral loopback port.
 *
 * @param spec - which server, and extra `node` flags for the child (e.g. `--cpu-prof`).
 * @returns the running server.
 * @throws Error when the child exits or does not listen within a minute.
 * @example
 * ```ts
 * import { spawnServer } from './textus-child.js';
 * const bare = await spawnServer({ kind: 'bare', answer: { status: 200, headers: {}, body: '' } });
 * await bare.stop();
 * ```
 */
export async function spawnServer(spec: ServerSpec): Promise<ChildServer> {
  const args = spec.kind === 'textus' ? ['--serve', 'textus', spec.file, ...(spec.responseCache === false ? ['--no-cache'] : [])] : ['--serve', 'bare', ...(spec.rerender === true ? ['--rerender'] : [])];
  const child = fork(SELF, args, {
    execArgv: ['--import', 'tsx', '--conditions=@hyperld/source', ...(spec.execArgv ?? [])],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  const kill = async (signal: NodeJS.Signals = 'SIGKILL'): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the ${spec.kind} server did not start within ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS);
      child.on('message', (message: ToParent) => {
        // Sent only once the child listens for messages: one sent earlier could be lost.
        if (message.type === 'ready' && spec.kind === 'bare') child.send({ type: 'bare', answer: spec.answer } satisfies ToChild);
        else if (message.type === 'listening') {
          clearTimeout(timer);
          resolve(message.url);
        } else if (message.type === 'failed') {
          clearTimeout(timer);
          reject(new Error(`the ${spec.kind} server failed to start: ${message.message}`));
        }
      });
      void exited.then(({ code, signal }) => {
        clearTimeout(timer);
        reject(new Error(`the ${spec.kind} server exited before listening (code ${code}, signal ${signal})`));
      });
    });
    const stop = async (): Promise<void> => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      if (child.connected) child.send({ type: 'stop' } satisfies ToChild);
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    };
    return { url, child, exited, stop, kill };
  } catch (error) {
    await kill();
    throw error;
  }
}

/** A server that serialises `value` for every request: stringify, bytes and ETag as the hydra handler makes them. */
async function rerenderingServer(answer: BareAnswer, value: unknown): Promise<ReturnType<typeof createServer>> {
  // The handler's own encoder (not public API): the floor is meant to be what our server pays.
  const { encodeBytes, jsonBytes } = await import('../../packages/hydra/src/server/encode.js');
  return createServer((_req, res) => {
    void encodeBytes('GET', 200, { ...answer.headers }, jsonBytes(value as object, JSON.stringify)).then(({ encoded }) => {
      res.writeHead(answer.status, encoded.headers);
      res.end(encoded.bytes);
    });
  });
}

/** The child's side: start the server named on the command line and report its URL. */
async function serve(argv: readonly string[]): Promise<void> {
  const send = (message: ToParent): void => {
    process.send?.(message);
  };
  // The parent is gone (it crashed or was killed): nobody will ever stop this child.
  process.on('disconnect', () => process.exit(0));
  try {
    if (argv[0] === 'textus') {
      const { isPostgresUrl, startTextusServer } = await import('@hyperld/textus-server');
      // A postgres:// URL instead of a file runs the server on that PostgreSQL database.
      const target = argv[1] ?? ':memory:';
      const server = await startTextusServer({
        ...(isPostgresUrl(target) ? { databaseUrl: target } : { file: target }),
        ...(argv[2] === '--no-cache' ? { responseCache: false } : {}),
        port: 0,
        announce: false,
      });
      process.on('message', (message: ToChild) => {
        if (message.type === 'stop') void server.close().finally(() => process.exit(0));
      });
      send({ type: 'listening', url: server.url });
      return;
    }
    const answer = await new Promise<BareAnswer>((resolve) => {
      process.once('message', (message: ToChild) => {
        if (message.type === 'bare') resolve(message.answer);
      });
      send({ type: 'ready' });
    });
    const body = Buffer.from(answer.body, 'base64');
    // The way node-http.ts answers (headers first, then the body, no Content-Length), minus
    // everything between the socket and the bytes.
    const server =
      argv[1] === '--rerender'
        ? await rerenderingServer(answer, JSON.parse(body.toString('utf8')) as unknown)
        : createServer((_req, res) => {
            res.writeHead(answer.status, answer.headers);
            res.end(body);
          });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    process.on('message', (message: ToChild) => {
      if (message.type === 'stop') {
        server.close(() => process.exit(0));
        server.closeAllConnections();
      }
    });
    send({ type: 'listening', url: `http://127.0.0.1:${port}` });
  } catch (error) {
    send({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    process.exit(1);
  }
}

const main = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (main) {
  const at = process.argv.indexOf('--serve');
  if (at < 0 || process.send === undefined) {
    console.error('textus-child: run by spawnServer() only (node --import tsx --conditions=@hyperld/source test/helpers/textus-child.ts --serve textus FILE | bare)');
    process.exit(2);
  }
  await serve(process.argv.slice(at + 1));
}
