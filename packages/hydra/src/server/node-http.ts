/**
 * The `node:http` adapter: mounts a Fetch-style handler on a Node HTTP server.
 *
 * @module
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { errorBody } from '../problem.js';
import type { HydraHandler } from './handler.js';
import { JSON_LD, JSON_MEDIA_TYPE, negotiate } from './negotiation.js';

/**
 * Options of {@link toNodeListener} and {@link serveNode}.
 *
 * @example
 * ```ts
 * import type { NodeAdapterOptions } from '@hyperld/hydra/server';
 * const options: NodeAdapterOptions = { onError: (error) => console.warn('adapter failed:', error) };
 * ```
 */
export interface NodeAdapterOptions {
  /**
   * Called with each failure of the adapter itself: a handler that rejects instead of answering,
   * a response body that fails while it is written. The client gets a bare 500 (or, once the
   * answer has begun, a dropped connection). By default the failure is logged to stderr
   * (`console.error`) with the method and path; pass your own to send it to your logger instead.
   *
   * @param error - what was thrown.
   * @example
   * ```ts
   * import { serveNode } from '@hyperld/hydra/server';
   * const failures: unknown[] = [];
   * const served = await serveNode(async () => new Response('ok'), { port: 0, onError: (error) => failures.push(error) });
   * await served.close();
   * ```
   */
  readonly onError?: (error: unknown) => void;
}

/**
 * Converts a Fetch-style handler into a `node:http` request listener.
 *
 * The `signal` of a request with a body aborts once the response closes (sent, or the connection
 * dropped); that of a bodiless request (`GET`, `HEAD`) never aborts. Given a {@link HydraHandler}
 * (what `createHydraHandler` returns), the adapter asks its `wire` and writes the answers it
 * encodes itself from their bytes, without a `Response` in between; a plain
 * `(request) => Promise<Response>` function (any other Fetch handler, or a wrapper of a Hydra
 * handler's `fetch`) has its responses streamed.
 *
 * Requests no `Request` can be made of are answered here, with a Hydra error body, and never reach
 * the handler: a `Host` that is not a valid host and port (`a:99999`, `300.300.300.300`), or more
 * than one `Host` field, is a 400 (RFC 9112 §3.2); `TRACE` and `TRACK`, which Fetch forbids, are a
 * 501. (`CONNECT` never reaches a request listener: {@link serveNode} answers it 501.) An HTTP/1.0
 * request without a `Host` is for `localhost`.
 *
 * @param handler - a {@link HydraHandler}, or a `(request) => Promise<Response>` function.
 * @param options - `onError` for failures of the adapter itself (stderr by default).
 * @returns a listener for `http.createServer`.
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * import { toNodeListener } from '@hyperld/hydra/server';
 * const server = createServer(toNodeListener(async () => new Response('ok')));
 * ```
 */
export function toNodeListener(
  handler: HydraHandler | ((request: Request) => Promise<Response>),
  options: NodeAdapterOptions = {},
): (req: IncomingMessage, res: ServerResponse) => void {
  // A Hydra handler's own answers come as header fields and bytes: no Response to build and read.
  const answer = typeof handler === 'function' ? handler : handler.wire;
  const onError = options.onError;
  return (req, res) => {
    void (async () => {
      const headers = new Headers();
      const raw = req.rawHeaders;
      // node:http keeps the first of several Host fields in `req.headers`; the raw list has them all.
      let hosts = 0;
      for (let i = 0; i < raw.length; i += 2) {
        const name = raw[i] as string;
        if (name.length === 4 && name.toLowerCase() === 'host') hosts++;
        headers.append(name, raw[i + 1] as string);
      }
      const refusal = refusalOf(req, hosts);
      if (refusal !== undefined) {
        writeRefusal(req, res, refusal);
        return;
      }
      const url = requestUrl(req);
      const method = req.method ?? 'GET';
      const hasBody = method !== 'GET' && method !== 'HEAD';
      let request: Request;
      if (hasBody) {
        const controller = new AbortController();
        res.on('close', () => controller.abort());
        request = new Request(url, { method, headers, signal: controller.signal, body: requestBody(req), duplex: 'half' } as RequestInit);
      } else {
        // No signal for a request without a body: a Request following a signal costs several
        // times what the rest of it does, and nothing is streamed from the client to abort.
        request = new Request(url, { method, headers });
      }
      const answered = await answer(request);
      if (!(answered instanceof Response)) {
        res.writeHead(answered.status, answered.headers as Record<string, string | string[]>);
        if (answered.body === null || method === 'HEAD') res.end();
        else res.end(answered.body);
        return;
      }
      const response = answered;
      const out: Record<string, string | string[]> = {};
      response.headers.forEach((value, key) => {
        out[key] = value;
      });
      // `forEach` yields each Set-Cookie separately; keeping only the last would drop cookies.
      const cookies = response.headers.getSetCookie();
      if (cookies.length > 0) out['set-cookie'] = cookies;
      res.writeHead(response.status, out);
      if (!response.body || method === 'HEAD') {
        res.end();
        return;
      }
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (!res.write(value)) {
          // A client that goes away never drains: stop waiting when the socket closes.
          await new Promise<void>((resolve) => {
            const settle = (): void => {
              res.off('drain', settle);
              res.off('close', settle);
              resolve();
            };
            res.once('drain', settle);
            res.once('close', settle);
          });
          if (res.destroyed) {
            await reader.cancel().catch(() => undefined);
            return;
          }
        }
      }
      res.end();
    })().catch((error: unknown) => {
      try {
        if (onError !== undefined) onError(error);
        else console.error(`hydra node:http adapter: ${req.method ?? 'GET'} ${(req.url ?? '/').split('?')[0]} failed:`, error);
      } catch {
        // A failing error reporter must not leave the request unanswered.
      }
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/problem+json', 'x-content-type-options': 'nosniff' });
        res.end('{"title":"Internal Server Error","status":500}');
      } else res.destroy();
    });
  };
}

/** How much of a refused request body is read and thrown away so that the answer reaches the client. */
const DISCARD_LIMIT = 16 * 1024 * 1024;

/**
 * The request body as a pull-based Web stream. Unlike `Readable.toWeb`, cancelling it (a handler
 * refusing a body that is too large) does not destroy the socket before the answer is written —
 * the client would see a reset instead of the 413: the rest of the body is read and discarded,
 * and only a sender that goes on past {@link DISCARD_LIMIT} has its connection dropped.
 */
function requestBody(req: IncomingMessage): ReadableStream<Uint8Array> {
  let settled = false;
  const onData = (chunk: Buffer, controller: ReadableStreamDefaultController<Uint8Array>): void => {
    controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    if ((controller.desiredSize ?? 0) <= 0) req.pause();
  };
  let listener: ((chunk: Buffer) => void) | undefined;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        listener = (chunk) => onData(chunk, controller);
        req.on('data', listener);
        req.pause();
        req.once('end', () => {
          if (settled) return;
          settled = true;
          controller.close();
        });
        req.once('error', (error) => {
          if (settled) return;
          settled = true;
          controller.error(error);
        });
      },
      pull() {
        req.resume();
      },
      cancel() {
        settled = true;
        if (listener) req.off('data', listener);
        let discarded = 0;
        req.on('data', (chunk: Buffer) => {
          discarded += chunk.byteLength;
          if (discarded > DISCARD_LIMIT) req.destroy();
        });
        req.resume();
      },
    },
    { highWaterMark: 1 },
  );
}

/** A request the adapter answers itself, because no `Request` can be made of it. */
interface Refusal {
  readonly status: 400 | 501;
  readonly title: string;
  readonly detail: string;
}

/** Methods the Fetch standard forbids in a `Request`: no Fetch handler can be asked them. */
const FORBIDDEN_METHODS: ReadonlySet<string> = new Set(['CONNECT', 'TRACE', 'TRACK']);

const notImplemented = (method: string): Refusal => ({ status: 501, title: 'Not Implemented', detail: `${method} is not implemented by this server.` });

/** Why the adapter answers `req` itself, given how many Host fields it has; `undefined` to hand it on. */
function refusalOf(req: IncomingMessage, hosts: number): Refusal | undefined {
  if (hosts > 1) return { status: 400, title: 'Bad Request', detail: 'A request carries one Host header field, not several.' };
  if (hosts === 1 && !isValidHost(req.headers.host ?? '')) return { status: 400, title: 'Bad Request', detail: 'The Host header field is not a valid host and port.' };
  const method = req.method ?? 'GET';
  if (FORBIDDEN_METHODS.has(method.toUpperCase())) return notImplemented(method);
  return undefined;
}

/** The header fields and body of a refusal, as a Hydra error (`application/problem+json` to a plain JSON client). */
function refusalAnswer(accept: string | undefined, refusal: Refusal): { readonly headers: Record<string, string>; readonly body: string } {
  const type = negotiate(accept, [JSON_LD, JSON_MEDIA_TYPE]) === JSON_MEDIA_TYPE ? 'application/problem+json' : JSON_LD;
  return {
    // Closed after: the body of such a request is not read, and its sender is not worth keeping.
    headers: { 'content-type': type, 'x-content-type-options': 'nosniff', vary: 'Accept', connection: 'close' },
    body: JSON.stringify(errorBody(refusal)),
  };
}

function writeRefusal(req: IncomingMessage, res: ServerResponse, refusal: Refusal): void {
  const { headers, body } = refusalAnswer(req.headers.accept, refusal);
  res.writeHead(refusal.status, headers);
  if (req.method === 'HEAD') res.end();
  else res.end(body);
}

/**
 * Answers a `CONNECT` (which node:http emits as `connect`, apart from requests, and otherwise
 * answers by dropping the connection) with a 501 written on the socket.
 */
function refuseConnect(req: IncomingMessage, socket: Duplex): void {
  socket.on('error', () => undefined);
  const { headers, body } = refusalAnswer(req.headers.accept, notImplemented('CONNECT'));
  const fields = Object.entries({ ...headers, 'content-length': String(Buffer.byteLength(body)) }).map(([name, value]) => `${name}: ${value}\r\n`);
  socket.end(`HTTP/1.1 501 Not Implemented\r\n${fields.join('')}\r\n${body}`);
}

// A Host header is only trusted when it looks like one: it ends up in the URL every handler sees.
// A reg-name (unreserved characters only) or an IP literal, and a port.
const HOST = /^(?:[A-Za-z0-9._~-]+|\[[0-9A-Fa-f:.]+\])(?::\d{0,5})?$/;

/** The last Host found valid: clients send the same one request after request. */
let lastValidHost: string | undefined;

/**
 * Whether a Host field value makes a URL: host-and-port syntax, and values the URL parser takes
 * (a port up to 65535, IPv4 numbers up to 255, valid punycode), as `new Request()` would throw
 * otherwise.
 */
function isValidHost(host: string): boolean {
  if (host === lastValidHost) return true;
  if (!HOST.test(host) || !URL.canParse(`http://${host}/`)) return false;
  lastValidHost = host;
  return true;
}

function requestUrl(req: IncomingMessage): string {
  // Checked by refusalOf: absent (HTTP/1.0) or valid.
  const host = req.headers.host ?? 'localhost';
  const target = req.url ?? '/';
  // An origin-form target is a path, even one starting with `//`: resolving it as a URL
  // reference would read `//evil.example/x` as another host. (`Request` parses the URL itself.)
  if (target.startsWith('/')) return `http://${host}${target}`;
  // An absolute-form target (sent to proxies) keeps only its path and query.
  try {
    const absolute = new URL(target);
    return `http://${host}${absolute.pathname}${absolute.search}`;
  } catch {
    return `http://${host}/`;
  }
}

/**
 * Serves a handler on `node:http` and resolves once it listens. Requests are handed on as
 * {@link toNodeListener} does (a bad Host is a 400, TRACE a 501), and CONNECT is a 501.
 *
 * @param handler - a {@link HydraHandler}, or a `(request) => Promise<Response>` function.
 * @param options - port (0 for an ephemeral one), host (default `127.0.0.1`) and `onError` for
 * failures of the adapter (stderr by default, see {@link NodeAdapterOptions.onError}).
 * @returns the server, its base URL and `close()`.
 * @example
 * ```ts
 * import { serveNode } from '@hyperld/hydra/server';
 * const { url, close } = await serveNode(async () => new Response('ok'), { port: 0 });
 * await close();
 * ```
 */
export async function serveNode(
  handler: HydraHandler | ((request: Request) => Promise<Response>),
  options: NodeAdapterOptions & { readonly port?: number; readonly hostname?: string } = {},
): Promise<{ readonly server: Server; readonly url: string; close(): Promise<void> }> {
  const server = createServer(toNodeListener(handler, options.onError ? { onError: options.onError } : {}));
  server.on('connect', refuseConnect);
  const hostname = options.hostname ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, hostname, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port ?? 0;
  return {
    server,
    url: `http://${hostname.includes(':') ? `[${hostname}]` : hostname}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
