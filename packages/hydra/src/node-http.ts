/**
 * The `node:http` adapter: mounts a Fetch-style handler on a Node HTTP server.
 *
 * @module
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { responseBytes, wireHandlerOf } from './server-handler.js';

/**
 * Converts a Fetch-style handler into a `node:http` request listener.
 *
 * The `signal` of a request with a body aborts once the response closes (sent, or the connection
 * dropped); that of a bodiless request (`GET`, `HEAD`) never aborts. The answers of a handler made by
 * `createHydraHandler` are written from its bytes, without a `Response` in between.
 *
 * @param handler - the `(request) => Promise<Response>` function.
 * @param options - `onError` for failures of the adapter itself.
 * @returns a listener for `http.createServer`.
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * import { toNodeListener } from '@hyperld/hydra/server';
 * const server = createServer(toNodeListener(async () => new Response('ok')));
 * ```
 */
export function toNodeListener(
  handler: (request: Request) => Promise<Response>,
  options: { readonly onError?: (error: unknown) => void } = {},
): (req: IncomingMessage, res: ServerResponse) => void {
  // A Hydra handler's own answers come as header fields and bytes: no Response to build and read.
  const wire = wireHandlerOf(handler);
  return (req, res) => {
    void (async () => {
      const url = requestUrl(req);
      const headers = new Headers();
      for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i] as string, req.rawHeaders[i + 1] as string);
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
      const answer = wire === undefined ? await handler(request) : await wire(request);
      if (!(answer instanceof Response)) {
        res.writeHead(answer.status, answer.headers as Record<string, string | string[]>);
        if (answer.body === null || method === 'HEAD') res.end();
        else res.end(answer.body);
        return;
      }
      const response = answer;
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
      // A body the Hydra handler made from bytes goes to the socket as it is, unread.
      const bytes = responseBytes(response);
      if (bytes !== undefined) {
        res.end(bytes);
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
      options.onError?.(error);
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

// A Host header is only trusted when it looks like one: it ends up in the URL every handler sees.
const HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

function requestUrl(req: IncomingMessage): string {
  const host = req.headers.host !== undefined && HOST.test(req.headers.host) ? req.headers.host : 'localhost';
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
 * Serves a handler on `node:http` and resolves once it listens.
 *
 * @param handler - the `(request) => Promise<Response>` function.
 * @param options - port (0 for an ephemeral one) and host (default `127.0.0.1`).
 * @returns the server, its base URL and `close()`.
 * @example
 * ```ts
 * import { serveNode } from '@hyperld/hydra/server';
 * const { url, close } = await serveNode(async () => new Response('ok'), { port: 0 });
 * await close();
 * ```
 */
export async function serveNode(
  handler: (request: Request) => Promise<Response>,
  options: { readonly port?: number; readonly hostname?: string; readonly onError?: (error: unknown) => void } = {},
): Promise<{ readonly server: Server; readonly url: string; close(): Promise<void> }> {
  const server = createServer(toNodeListener(handler, options.onError ? { onError: options.onError } : {}));
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
