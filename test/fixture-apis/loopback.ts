/**
 * The one `node:http` server the fixture APIs run on: an ephemeral loopback port, a handler that
 * maps a request to an answer (a pure function of the request and the fixture's state), a log of
 * every request by method and URL (so a test can prove what was and was not asked for), and
 * conditional GETs for answers that carry an `ETag`.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Library } from './library.js';

/** A request as a fixture handler sees it: method, absolute URL, header fields and body text. */
export interface FixtureRequest {
  /** The method, upper case. */
  readonly method: string;
  /** The absolute URL (the server's origin, the path and query asked for). */
  readonly url: URL;
  /** The header fields, names in lower case. */
  readonly headers: IncomingHttpHeaders;
  /** The body as UTF-8 text ('' when there is none). */
  readonly body: string;
}

/** What a handler answers: the status, header fields and a body (JSON-serialised unless a string). */
export interface FixtureAnswer {
  /** The status. */
  readonly status: number;
  /** Header fields to send. */
  readonly headers?: Readonly<Record<string, string>>;
  /** The body: a string as it is, anything else as JSON; none for `undefined`. */
  readonly body?: unknown;
  /** Give the answer a strong `ETag` of its bytes and answer a matching `If-None-Match` with 304. */
  readonly etag?: boolean;
}

/** A request as the log keeps it. */
export interface LoggedRequest {
  /** The method. */
  readonly method: string;
  /** The absolute URL. */
  readonly url: string;
  /** The `If-None-Match` it carried, if any. */
  readonly ifNoneMatch: string | undefined;
  /** The status answered. */
  status: number;
}

/** A running fixture server. */
export interface FixtureServer {
  /** The origin, e.g. `http://127.0.0.1:41234` (no trailing slash). */
  readonly url: string;
  /** Every request served, in order. */
  readonly requests: LoggedRequest[];
  /** Stops the server. */
  close(): Promise<void>;
}

/** The handler of a fixture API: the answer to one request, given the server's origin. */
export type FixtureHandler = (request: FixtureRequest, origin: string) => FixtureAnswer;

/** JSON-LD as API Platform and hydra-box send it. */
export const JSON_LD = 'application/ld+json; charset=utf-8';

/**
 * Starts a fixture server on an ephemeral loopback port.
 *
 * @param handler - the answer to each request.
 * @returns the running server.
 * @example
 * ```ts
 * import { serveFixture } from './loopback.js';
 * const server = await serveFixture(() => ({ status: 200, body: { ok: true } }));
 * await fetch(server.url);
 * await server.close();
 * ```
 */
export async function serveFixture(handler: FixtureHandler): Promise<FixtureServer> {
  const requests: LoggedRequest[] = [];
  let origin = '';
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', origin);
      const method = (req.method ?? 'GET').toUpperCase();
      const ifNoneMatch = req.headers['if-none-match'];
      const entry: LoggedRequest = { method, url: url.href, ifNoneMatch, status: 0 };
      requests.push(entry);
      let answer: FixtureAnswer;
      try {
        answer = handler({ method, url, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') }, origin);
      } catch (error) {
        answer = { status: 500, headers: { 'content-type': 'text/plain' }, body: `fixture failed: ${String(error)}` };
      }
      const text = answer.body === undefined ? '' : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
      const headers: Record<string, string> = { ...answer.headers };
      if (answer.etag) {
        const etag = `"${createHash('sha1').update(text).digest('base64url')}"`;
        headers['etag'] = etag;
        if (method === 'GET' && ifNoneMatch === etag) {
          delete headers['content-type'];
          entry.status = 304;
          res.writeHead(304, headers).end();
          return;
        }
      }
      entry.status = answer.status;
      if (text.length > 0) headers['content-length'] = String(Buffer.byteLength(text));
      res.writeHead(answer.status, headers).end(method === 'HEAD' ? undefined : text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/**
 * The `Link` field value naming the API documentation, as Hydra servers send it on every answer.
 *
 * @param url - the absolute URL of the API documentation.
 * @returns the field value.
 * @example
 * ```ts
 * import { apiDocumentationLink } from './loopback.js';
 * apiDocumentationLink('http://127.0.0.1:1/docs.jsonld'); // '<http://127.0.0.1:1/docs.jsonld>; rel="http://www.w3.org/ns/hydra/core#apiDocumentation"'
 * ```
 */
export function apiDocumentationLink(url: string): string {
  return `<${url}>; rel="http://www.w3.org/ns/hydra/core#apiDocumentation"`;
}

/**
 * Reads a request body as a JSON object, or `undefined` when it is not one.
 *
 * @param text - the body text.
 * @returns the object, or `undefined`.
 * @example
 * ```ts
 * import { jsonObject } from './loopback.js';
 * jsonObject('{"title":"Dune"}'); // { title: 'Dune' }
 * jsonObject('[1]'); // undefined
 * ```
 */
export function jsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The page number of a `?page=N` query: 1 when absent, `undefined` when not a positive integer.
 *
 * @param url - the request URL.
 * @returns the page number, or `undefined`.
 * @example
 * ```ts
 * import { pageNumber } from './loopback.js';
 * pageNumber(new URL('http://x/books?page=2')); // 2
 * pageNumber(new URL('http://x/books?page=0')); // undefined
 * ```
 */
export function pageNumber(url: URL): number | undefined {
  const raw = url.searchParams.get('page');
  if (raw === null) return 1;
  return /^[1-9][0-9]{0,5}$/.test(raw) ? Number(raw) : undefined;
}

/**
 * A fixture API as the tests use it: its server, its data, and where its documents are.
 */
export interface FixtureApi extends FixtureServer {
  /** The producer whose public documentation the shape follows, e.g. `API Platform 3.x`. */
  readonly name: string;
  /** The books and authors it serves (a test may read or change them directly). */
  readonly library: Library;
  /** The absolute URL of the entrypoint. */
  readonly entrypoint: string;
  /** The absolute URL of the book collection. */
  readonly books: string;
  /** The absolute URL of the API documentation. */
  readonly apiDocumentation: string;
  /** The absolute URLs of the context documents it serves (none when its contexts are inline). */
  readonly contexts: readonly string[];
  /** Whether its collections carry a template with a `hydra:pageIndex` mapping. */
  readonly pageIndexTemplate: boolean;
  /** The absolute IRI of a book, as the API identifies it. */
  bookIri(id: number): string;
}
