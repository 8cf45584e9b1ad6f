/**
 * The `node:http` adapter: mounts a Fetch-style handler on a Node HTTP server.
 *
 * @module
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Readable } from 'node:stream';

/**
 * Converts a Fetch-style handler into a `node:http` request listener.
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
  return (req, res) => {
    void (async () => {
      const host = req.headers.host ?? 'localhost';
      const url = new URL(req.url ?? '/', `http://${host}`);
      const headers = new Headers();
      for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i] as string, req.rawHeaders[i + 1] as string);
      const method = req.method ?? 'GET';
      const hasBody = method !== 'GET' && method !== 'HEAD';
      const controller = new AbortController();
      res.on('close', () => controller.abort());
      const request = new Request(url, {
        method,
        headers,
        signal: controller.signal,
        ...(hasBody ? { body: Readable.toWeb(req) as unknown as ReadableStream<Uint8Array>, duplex: 'half' } : {}),
      } as RequestInit);
      const response = await handler(request);
      const out: Record<string, string | string[]> = {};
      response.headers.forEach((value, key) => {
        out[key] = value;
      });
      res.writeHead(response.status, out);
      if (!response.body || method === 'HEAD') {
        res.end();
        return;
      }
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (!res.write(value)) await new Promise<void>((resolve) => res.once('drain', resolve));
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
    url: `http://${hostname}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
