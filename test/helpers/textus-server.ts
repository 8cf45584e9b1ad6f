/**
 * Reference TextUs servers for end-to-end tests: each listens on an ephemeral loopback port, on a
 * fresh seeded store (in memory, or a file in a temporary directory), and is stopped by the test.
 *
 * @module
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEXTUS_MEDIA_TYPE } from '@hyperld/textus';
import { startTextusServer, type TextusStore } from '@hyperld/textus-server';

/** A running server: its base URL, its store and how to stop it. */
export interface TestServer {
  /** The base URL, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  /** The store the server answers from (tests may read or write it directly). */
  readonly store: TextusStore;
  /** Stops the server and closes the store. */
  close(): Promise<void>;
}

/**
 * Starts a server on a fresh in-memory store, seeded.
 *
 * @returns the running server.
 * @example
 * ```ts
 * import { startMemoryServer } from './textus-server.js';
 * const server = await startMemoryServer();
 * await server.close();
 * ```
 */
export async function startMemoryServer(): Promise<TestServer> {
  return startTextusServer({ file: ':memory:', port: 0, announce: false });
}

/**
 * A temporary directory for database files, removed by `remove()`.
 *
 * @returns the directory's path, a path for a database file in it, and `remove()`.
 * @example
 * ```ts
 * import { temporaryDatabase } from './textus-server.js';
 * const db = temporaryDatabase();
 * db.remove();
 * ```
 */
export function temporaryDatabase(): { readonly dir: string; readonly file: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'hyperld-textus-'));
  return { dir, file: join(dir, 'textus.db'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Starts the server the way `start.sh` does, on a database file (seeded on first start).
 *
 * @param file - the database file.
 * @returns the running server.
 * @example
 * ```ts
 * import { startFileServer, temporaryDatabase } from './textus-server.js';
 * const db = temporaryDatabase();
 * const server = await startFileServer(db.file);
 * await server.close();
 * db.remove();
 * ```
 */
export async function startFileServer(file: string): Promise<TestServer> {
  return startTextusServer({ file, port: 0, announce: false });
}

/** What {@link call} answers: the response, its text and its parsed JSON (if any). */
export interface CallResult {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly json: Record<string, unknown>;
}

/**
 * Makes one request over HTTP.
 *
 * @param base - the server's base URL.
 * @param method - the method.
 * @param path - the path (and query) or an absolute URL.
 * @param options - the bearer token, `Accept` (default the TextUs type), headers and body.
 * @returns the status, headers, text and parsed JSON.
 * @example
 * ```ts
 * import { call } from './textus-server.js';
 * declare const base: string;
 * const { status, json } = await call(base, 'GET', '/conversations/Pvwqm5G', { token: 'u_demo.x' });
 * ```
 */
export async function call(
  base: string,
  method: string,
  path: string,
  options: { readonly token?: string; readonly accept?: string; readonly headers?: Record<string, string>; readonly body?: BodyInit } = {},
): Promise<CallResult> {
  const headers: Record<string, string> = { accept: options.accept ?? TEXTUS_MEDIA_TYPE, ...options.headers };
  if (options.token !== undefined) headers['authorization'] = `Bearer ${options.token}`;
  const init: RequestInit & { duplex?: 'half' } = { method, headers };
  if (options.body !== undefined) {
    init.body = options.body;
    if (options.body instanceof ReadableStream) init.duplex = 'half';
  }
  const response = await fetch(new URL(path, base), init);
  const text = await response.text();
  let json: Record<string, unknown> = {};
  if (text.length > 0) {
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      // Not JSON: tests read `text`.
    }
  }
  return { status: response.status, headers: response.headers, text, json };
}
