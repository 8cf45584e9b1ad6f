/**
 * A Hydra API as a Web-standard `Request` → `Response` function: routes on IRI templates,
 * handlers returning typed nodes, content negotiation, context documents and the API
 * documentation served from the registry, request validation with a size limit, strong ETags and
 * `304`s, and every error as a Hydra error / problem body without stack traces.
 *
 * @module
 */
import { isDecodeError, type AnyTypeDef, type DecodeOptions, type Registry, type Violation } from '@hyperld/core';
import { errorBody, type ListedViolation } from '../errors.js';
import { isAcceptedContentType, JSON_LD, JSON_MEDIA_TYPE, negotiate } from './negotiation.js';

/**
 * An HTTP method a route may answer.
 *
 * @example
 * ```ts
 * import type { Method, ServerRoute } from '@hyperld/hydra/server';
 * const method: Method = 'PUT';
 * const close: ServerRoute<unknown> = { method, template: '/things/{thing}/close', handle: () => undefined };
 * ```
 */
export type Method = 'GET' | 'PUT' | 'DELETE' | 'POST' | 'PATCH';

/**
 * What a handler receives.
 *
 * @typeParam A - what `authenticate` returns (the user).
 * @example
 * ```ts
 * import type { RouteContext } from '@hyperld/hydra/server';
 * const read = (ctx: RouteContext<{ id: string }>) => ctx.params['conversation'];
 * ```
 */
export interface RouteContext<A> {
  /** The request. */
  readonly request: Request;
  /** The request URL, parsed. */
  readonly url: URL;
  /** The template variables matched in the path (percent-decoded). */
  readonly params: Readonly<Record<string, string>>;
  /** The authenticated principal (`undefined` on public routes). */
  readonly auth: A;
  /** The request body, decoded and validated against the route's `expects` type (or parsed JSON without one). */
  readonly body: unknown;
}

declare const replyBrand: unique symbol;

/**
 * A handler's answer with a status and headers other than `200` and the defaults.
 *
 * @example
 * ```ts
 * import { reply } from '@hyperld/hydra/server';
 * const accepted = reply(null, { status: 202 });
 * ```
 */
export interface Reply {
  /** @internal */
  readonly [replyBrand]: true;
  /** The node to encode, or `null` for no body. */
  readonly body: object | null;
  /** The status. */
  readonly status: number;
  /** Extra headers. */
  readonly headers: Readonly<Record<string, string>>;
}

const REPLY = Symbol.for('@hyperld/hydra/reply');

/**
 * Makes a {@link Reply}.
 *
 * @param body - the node to send, or `null`.
 * @param options - status and extra headers.
 * @returns the reply.
 * @example
 * ```ts
 * import { reply } from '@hyperld/hydra/server';
 * reply({ '@type': 'Thing', id: '/things/1' }, { status: 201, headers: { location: '/things/1' } });
 * ```
 */
export function reply(body: object | null, options: { readonly status?: number; readonly headers?: Readonly<Record<string, string>> } = {}): Reply {
  return { [REPLY]: true, body, status: options.status ?? 200, headers: options.headers ?? {} } as unknown as Reply;
}

function isReply(value: unknown): value is Reply {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[REPLY] === true;
}

/**
 * An error a handler throws to answer with a status and a problem body.
 *
 * @example
 * ```ts
 * import { HttpProblem } from '@hyperld/hydra/server';
 * throw new HttpProblem(404, 'Not Found', 'No conversation /conversations/x.');
 * ```
 */
export class HttpProblem extends Error {
  override name = 'HttpProblem';
  /**
   * @param status - the HTTP status.
   * @param title - a short summary.
   * @param detail - what happened (never internal details).
   * @param options - violations and extra headers.
   */
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly options: { readonly violations?: readonly Violation[]; readonly headers?: Readonly<Record<string, string>> } = {},
  ) {
    super(detail ?? title);
  }
}

/**
 * What a handler may return: a node (200), a {@link Reply}, a `Response`, or `undefined` (404).
 *
 * @example
 * ```ts
 * import { reply, type HandlerResult } from '@hyperld/hydra/server';
 * const created = (id: string): HandlerResult => reply({ '@type': 'Thing', id }, { status: 201, headers: { location: id } });
 * const missing: HandlerResult = undefined; // answers 404
 * ```
 */
export type HandlerResult = object | Reply | Response | undefined;

/**
 * A route: a method, an RFC 6570 path template with `{var}` segments, the body type it expects
 * and the handler.
 *
 * @example
 * ```ts
 * import type { ServerRoute } from '@hyperld/hydra/server';
 * const route: ServerRoute<unknown> = { method: 'GET', template: '/things/{thing}', handle: ({ params }) => ({ '@type': 'Thing', id: `/things/${params['thing']}` }) };
 * ```
 */
export interface ServerRoute<A> {
  /** The method. */
  readonly method: Method;
  /** The path template, e.g. `/contacts/{contact}/conversations` (a trailing `{?…}` is ignored for matching). */
  readonly template: string;
  /** The type the request body must decode to. */
  readonly expects?: AnyTypeDef;
  /** Whether the route is public (no authentication). Default `false` when `authenticate` is set. */
  readonly public?: boolean;
  /** Produces the answer. */
  handle(ctx: RouteContext<A>): HandlerResult | Promise<HandlerResult>;
}

/**
 * Options of {@link createHydraHandler}.
 *
 * @example
 * ```ts
 * import type { HydraHandlerOptions } from '@hyperld/hydra/server';
 * import { hydraRegistry } from '@hyperld/hydra';
 * const options: HydraHandlerOptions<unknown> = { registry: hydraRegistry, routes: [] };
 * ```
 */
export interface HydraHandlerOptions<A> {
  /** The registry: its context documents are served, request bodies are decoded with it. */
  readonly registry: Registry;
  /** The routes. */
  readonly routes: readonly ServerRoute<A>[];
  /** Vendor media types to offer first (e.g. `application/vnd.textus+jsonld`). */
  readonly mediaTypes?: readonly string[];
  /**
   * Where the API documentation is served (default `/docs.jsonld`), and the node to serve. Only a
   * handler given one links to it (`Link: <…>; rel="http://www.w3.org/ns/hydra/core#apiDocumentation"`):
   * without it, the link would point at a 404.
   */
  readonly apiDocumentation?: { readonly path?: string; readonly node: () => object };
  /** Serve the registry's relative context URLs (default `true`). */
  readonly serveContexts?: boolean;
  /** Finds the principal of a request; `undefined` answers 401 on non-public routes. */
  readonly authenticate?: (request: Request) => A | undefined | Promise<A | undefined>;
  /** The realm in `WWW-Authenticate`. */
  readonly realm?: string;
  /** The largest request body accepted, in bytes (default 1 MiB); larger ones get 413. */
  readonly maxBodySize?: number;
  /** Limits applied when decoding request bodies. */
  readonly limits?: Omit<DecodeOptions, 'base'>;
  /** `Cache-Control` of context documents and the API documentation (default one week). */
  readonly staticCacheControl?: string;
  /**
   * Called once with each unexpected error: anything a route, `authenticate` or the encoding
   * throws other than an {@link HttpProblem}. The client sees a bare 500 without details
   * whatever this does (and also when it throws). By default the error is logged to stderr
   * (`console.error`) with the method, the path and the route template; pass your own to send it
   * to your logger instead, or `() => {}` to drop it.
   *
   * @param error - what was thrown.
   * @param request - the request being answered.
   * @param route - the route matched, `undefined` when the error came before one was.
   * @example
   * ```ts
   * import { hydraRegistry } from '@hyperld/hydra';
   * import { createHydraHandler } from '@hyperld/hydra/server';
   * const handler = createHydraHandler({
   *   registry: hydraRegistry,
   *   routes: [],
   *   onError: (error, request, route) => console.warn(JSON.stringify({ at: route?.template ?? new URL(request.url).pathname, error: String(error) })),
   * });
   * ```
   */
  readonly onError?: (error: unknown, request: Request, route: ServerRoute<A> | undefined) => void;
  /**
   * Keeps the encoded answers of `GET`/`HEAD` routes (bytes, `ETag`, header fields), so that a
   * repeated request is answered without running its handler, encoding or hashing again; a
   * matching `If-None-Match` gets its 304 from the kept `ETag`. Off unless given.
   *
   * An answer is kept under its route, full URL (path and query), negotiated media type and the
   * principal key, and only while the data version stays the same: the whole cache is dropped when
   * `version()` returns another value. Authentication still runs for every request, before the
   * cache is consulted. Only `200` answers of nodes and {@link Reply | replies} are kept, never a
   * `Response` a handler returns nor an error.
   *
   * @remarks Opt in only for routes whose answer depends on nothing but the URL, the media type,
   * the principal and the data the version covers (not on the time, other header fields, or
   * state outside the versioned data); return `undefined` from `principal` for any other request.
   *
   * @example
   * ```ts
   * import { hydraRegistry } from '@hyperld/hydra';
   * import { createHydraHandler } from '@hyperld/hydra/server';
   * let writes = 0; // bumped by every write of the application's data
   * const handler = createHydraHandler<{ id: string }>({
   *   registry: hydraRegistry,
   *   routes: [],
   *   authenticate: () => ({ id: 'u1' }),
   *   responseCache: { version: () => writes, principal: (user) => user?.id, maxEntries: 500 },
   * });
   * ```
   */
  readonly responseCache?: {
    /**
     * The data version: a string or a finite number that changes whenever data an answer may show
     * changes (including writes by other processes). Called once per cacheable request, after
     * `authenticate` and before the handler runs, so it must be cheap; it gets the request, so
     * that one read per request can serve authentication too.
     */
    readonly version: (request: Request) => number | string;
    /**
     * The key of whom an answer is for (e.g. the user id), from the principal `authenticate`
     * returned (`undefined` on public routes); `undefined` leaves this request uncached. Two
     * requests with the same key may be given the same bytes.
     */
    readonly principal: (auth: A | undefined, request: Request) => string | undefined;
    /** The most answers kept (default 256); the least recently used go first. */
    readonly maxEntries?: number;
    /** The most body bytes kept, all answers together (default 32 MiB); larger answers are not kept. */
    readonly maxBytes?: number;
  };
}

interface CompiledRoute<A> {
  readonly route: ServerRoute<A>;
  readonly pattern: RegExp;
  readonly names: readonly string[];
}

function compileTemplate(template: string): { pattern: RegExp; names: string[] } {
  const path = template.replace(/\{[?&][^}]*\}$/, '');
  const names: string[] = [];
  let source = '^';
  let last = 0;
  for (const m of path.matchAll(/\{([A-Za-z0-9_]+)\}/g)) {
    source += path.slice(last, m.index).replace(/[.*+?^$()|[\]\\]/g, '\\$&');
    source += '([^/]+)';
    names.push(m[1] as string);
    last = (m.index ?? 0) + m[0].length;
  }
  source += `${path.slice(last).replace(/[.*+?^$()|[\]\\]/g, '\\$&')}$`;
  return { pattern: new RegExp(source), names };
}

const encoder = new TextEncoder();

/** The bytes of the bodies of the responses this module made from bytes (see {@link responseBytes}). */
const bodyBytes = new WeakMap<Response, Uint8Array>();

/**
 * The body bytes of a response made by a Hydra handler, for adapters that can write them directly
 * instead of reading the response's stream (the `node:http` adapter does).
 *
 * @internal
 * @param response - a response.
 * @returns its body bytes (not to be modified), or `undefined` for a response the handler did not
 * make from bytes or whose body was already read.
 * @example
 * ```ts
 * import { responseBytes } from './handler.js';
 * declare const response: Response;
 * const bytes = responseBytes(response); // undefined: stream response.body instead
 * ```
 */
export function responseBytes(response: Response): Uint8Array | undefined {
  return response.bodyUsed ? undefined : bodyBytes.get(response);
}

/**
 * A response whose body is `bytes`. The stream copies them only when someone reads it: an
 * adapter that writes {@link responseBytes} copies nothing (`new Response(bytes)` copies the
 * bytes at once and costs several times more), and a reader never gets a cached buffer.
 */
function bytesResponse(bytes: Uint8Array, status: number, headers: Readonly<Record<string, string>>): Response {
  // highWaterMark 0: a stream pulls once at construction otherwise, copying the bytes unread.
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        controller.enqueue(bytes.slice());
        controller.close();
      },
    },
    { highWaterMark: 0 },
  );
  const response = new Response(body, { status, headers });
  bodyBytes.set(response, bytes);
  return response;
}

/** An answer encoded but not yet a `Response`: what a response is made from, and what the cache keeps. */
interface Encoded {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** The body, `null` for none. */
  readonly bytes: Uint8Array | null;
  /** The strong ETag (`200` answers to `GET`/`HEAD` only). */
  readonly etag?: string;
}

/** An encoded answer as one request gets it: in full, or without its body (HEAD, 304). */
interface Decided {
  readonly encoded: Encoded;
  readonly status: number;
  readonly body: Uint8Array | null;
}

function decide(request: Request, encoded: Encoded): Decided {
  const { status, bytes, etag } = encoded;
  if (bytes === null) return { encoded, status, body: null };
  if (etag !== undefined && etagMatches(request.headers.get('if-none-match'), etag)) return { encoded, status: 304, body: null };
  return { encoded, status, body: request.method === 'HEAD' ? null : bytes };
}

function toResponse({ encoded, status, body }: Decided): Response {
  return body === null ? new Response(null, { status, headers: encoded.headers }) : bytesResponse(body, status, encoded.headers);
}

/**
 * An answer as an adapter writes it, without a `Response` in between.
 *
 * @internal
 */
export interface WireAnswer {
  /** The status. */
  readonly status: number;
  /** The header fields as the answer's `Response` would list them (`Set-Cookie` as a list). */
  readonly headers: Readonly<Record<string, string | readonly string[]>>;
  /** The body (not to be modified), `null` for none. */
  readonly body: Uint8Array | null;
}

/** Header fields in wire form, once per encoded answer (a cached one is written many times). */
const wireHeadersOf = new WeakMap<Encoded, Readonly<Record<string, string | readonly string[]>>>();

function toWire({ encoded, status, body }: Decided): WireAnswer {
  let headers = wireHeadersOf.get(encoded);
  if (headers === undefined) {
    // Through a Response's own Headers, so that names, values and their order are exactly what
    // an adapter reading a Response would write.
    const fields = new Response(null, { headers: encoded.headers }).headers;
    const out: Record<string, string | readonly string[]> = {};
    fields.forEach((value, key) => {
      out[key] = value;
    });
    const cookies = fields.getSetCookie();
    if (cookies.length > 0) out['set-cookie'] = cookies;
    headers = out;
    wireHeadersOf.set(encoded, headers);
  }
  return { status, headers, body };
}

type WireHandler = (request: Request) => Promise<Response | WireAnswer>;

/** The wire form of each handler {@link createHydraHandler} made. */
const wireHandlers = new WeakMap<(request: Request) => Promise<Response>, WireHandler>();

/**
 * The wire form of a Hydra handler: the same answers, but those the handler encodes itself come
 * as status, header fields and bytes instead of a `Response` (whose body stream costs more than
 * the rest of a cached answer). Others (errors, `Response`s of routes) stay `Response`s.
 *
 * @internal
 * @param handler - a handler.
 * @returns its wire form, or `undefined` when `handler` was not made by {@link createHydraHandler}
 * (a wrapper, say).
 * @example
 * ```ts
 * import { wireHandlerOf } from './handler.js';
 * declare const handler: (request: Request) => Promise<Response>;
 * const wire = wireHandlerOf(handler); // undefined: call handler itself
 * ```
 */
export function wireHandlerOf(handler: (request: Request) => Promise<Response>): WireHandler | undefined {
  return wireHandlers.get(handler);
}

/**
 * The response cache of a handler: least recently used first out, bounded in entries and bytes,
 * emptied whenever the data version changes.
 */
class ResponseCache {
  private readonly entries = new Map<string, Encoded & { readonly bytes: Uint8Array }>();
  private size = 0;
  private version: number | string | undefined;

  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes: number,
  ) {}

  /** The answer kept under `key` at `version`; a new version empties the cache first. */
  get(key: string, version: number | string): Encoded | undefined {
    if (version !== this.version) {
      this.entries.clear();
      this.size = 0;
      this.version = version;
      return undefined;
    }
    const entry = this.entries.get(key);
    if (entry !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  /**
   * Keeps an answer rendered at `version`, unless the cache has moved to another version since
   * (the answer may then be stale).
   */
  set(key: string, version: number | string, encoded: Encoded): void {
    const { bytes } = encoded;
    if (version !== this.version || bytes === null || bytes.byteLength > this.maxBytes) return;
    const old = this.entries.get(key);
    if (old !== undefined) {
      this.entries.delete(key);
      this.size -= old.bytes.byteLength;
    }
    this.entries.set(key, { ...encoded, bytes });
    this.size += bytes.byteLength;
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.size <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.size -= entry.bytes.byteLength;
    }
  }
}

async function strongEtag(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  let hex = '';
  for (let i = 0; i < 16; i++) hex += (digest[i] as number).toString(16).padStart(2, '0');
  return `"${hex}"`;
}

function etagMatches(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

/** What became of a request body: none, its text, or why it was refused (before or while reading it). */
type BodyOutcome =
  | { readonly kind: 'none' }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'too-large' | 'unsupported-type' | 'invalid-utf8' };

const NONE: BodyOutcome = { kind: 'none' };

/** The `Content-Length` as a number, `undefined` when absent or not a plain decimal. */
function declaredLength(header: string | null): number | undefined {
  return header !== null && /^\d{1,15}$/.test(header.trim()) ? Number(header) : undefined;
}

/**
 * Takes what a route gets of a request body. Everything that can be refused without the bytes
 * is refused first: a type the server will not decode is a 415 whatever the size (reading it
 * would be for nothing), and only a body of an accepted type can be too large (413, from
 * `Content-Length` unread, or as soon as a stream passes `max`).
 */
async function takeBody(request: Request, expects: boolean, acceptedType: boolean, max: number): Promise<BodyOutcome> {
  const length = declaredLength(request.headers.get('content-length'));
  const body = request.body;
  if ((body === null || length === 0) && !expects) return NONE;
  if (!acceptedType) {
    // Without a required body, only an empty one passes; when its length is unknown, the first
    // chunk tells.
    if (expects || length !== undefined || body === null || !(await isEmptyStream(body))) return refuse(body, 'unsupported-type');
    return NONE;
  }
  if (length !== undefined && length > max) return refuse(body, 'too-large');
  // A required body that is missing decodes (and fails) as empty text.
  if (body === null) return { kind: 'text', text: '' };
  return readLimited(body, max);
}

/**
 * Refuses a body unread. Cancelling it tells the source it will not be read (the `node:http`
 * adapter then drains it, so that the answer reaches the client on a connection it can reuse).
 */
function refuse(body: ReadableStream<Uint8Array> | null, kind: 'too-large' | 'unsupported-type'): BodyOutcome {
  if (body !== null && !body.locked) void body.cancel().catch(() => undefined);
  return { kind };
}

/** Whether a stream ends before giving a byte; stops (and cancels it) at the first one. */
async function isEmptyStream(body: ReadableStream<Uint8Array>): Promise<boolean> {
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return true;
    if (value.byteLength > 0) {
      await reader.cancel().catch(() => undefined);
      return false;
    }
  }
}

/**
 * The stream's bytes as UTF-8 text; `too-large` (and the stream cancelled) once they pass `max`,
 * `invalid-utf8` for bytes that are not UTF-8 (replacing them with U+FFFD would hand the route
 * text the client never sent).
 */
async function readLimited(body: ReadableStream<Uint8Array>, max: number): Promise<BodyOutcome> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      return { kind: 'too-large' };
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    all.set(c, offset);
    offset += c.byteLength;
  }
  try {
    return { kind: 'text', text: utf8.decode(all) };
  } catch {
    return { kind: 'invalid-utf8' };
  }
}

/** Strict: throws on bytes that are not UTF-8 instead of replacing them. Keeps stripping a BOM, as before. */
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The violation an `invalid_utf8` answer lists: the bytes never became text, so the path is the whole body. */
const INVALID_UTF8: ListedViolation = { code: 'invalid_utf8', path: '$', expected: 'UTF-8 text', found: 'a byte sequence that is not UTF-8' };

/**
 * Creates the request handler of a Hydra API. Every response carries
 * `X-Content-Type-Options: nosniff`, and, when the handler serves API documentation,
 * `Link: <…>; rel="http://www.w3.org/ns/hydra/core#apiDocumentation"`; nodes are encoded with
 * the registry and get a strong `ETag` (`If-None-Match` answers 304). A method other than
 * `GET`, `HEAD`, `POST`, `PUT`, `DELETE`, `PATCH` and `OPTIONS` answers 501; one a resource does
 * not take, 405 with `Allow`. Unexpected errors answer a bare 500 and go to `onError` (stderr by
 * default).
 *
 * @param options - registry, routes, media types, authentication and limits.
 * @returns a `(request) => Promise<Response>` function, to mount anywhere that speaks Fetch.
 * @example
 * ```ts
 * import { hydraRegistry } from '@hyperld/hydra';
 * import { createHydraHandler } from '@hyperld/hydra/server';
 * const handler = createHydraHandler({
 *   registry: hydraRegistry,
 *   routes: [{ method: 'GET', template: '/', handle: () => ({ '@type': 'hydra:Collection', id: '/', member: [], totalItems: 0 }) }],
 * });
 * const response = await handler(new Request('http://localhost/'));
 * ```
 */
export function createHydraHandler<A>(options: HydraHandlerOptions<A>): (request: Request) => Promise<Response> {
  const offered = [...(options.mediaTypes ?? []), JSON_LD, JSON_MEDIA_TYPE];
  const docPath = options.apiDocumentation?.path ?? '/docs.jsonld';
  const maxBodySize = options.maxBodySize ?? 1024 * 1024;
  const staticCache = options.staticCacheControl ?? 'public, max-age=604800';
  const routes: CompiledRoute<A>[] = options.routes.map((route) => ({ route, ...compileTemplate(route.template) }));
  const contexts = new Map<string, string>();
  if (options.serveContexts ?? true) {
    for (const [url, doc] of options.registry.contexts) if (url.startsWith('/')) contexts.set(url, JSON.stringify(doc));
  }
  let docText: string | undefined;

  // No API documentation, no link to it: a client following the link would find a 404.
  const baseHeaders = options.apiDocumentation
    ? (origin: string): Record<string, string> => ({
        link: `<${new URL(docPath, origin).href}>; rel="http://www.w3.org/ns/hydra/core#apiDocumentation"`,
        'x-content-type-options': 'nosniff',
        vary: 'Accept',
      })
    : (): Record<string, string> => ({ 'x-content-type-options': 'nosniff', vary: 'Accept' });
  const reportError = options.onError ?? logError;

  const problem = (
    origin: string,
    type: string,
    status: number,
    title: string,
    detail?: string,
    extra: Readonly<Record<string, string>> = {},
    violations?: readonly ListedViolation[],
  ): Response => {
    const body = errorBody({ status, title, ...(detail !== undefined ? { detail } : {}), ...(violations !== undefined ? { violations } : {}) });
    const contentType = type === JSON_MEDIA_TYPE ? 'application/problem+json' : type;
    return new Response(JSON.stringify(body), { status, headers: { ...baseHeaders(origin), 'content-type': contentType, ...extra } });
  };

  // Clients send few distinct Accept headers: negotiate each once (bounded, as they are the client's).
  const negotiations = new Map<string | null, string | undefined>();
  const negotiated = (accept: string | null): string | undefined => {
    if (negotiations.has(accept)) return negotiations.get(accept);
    const type = negotiate(accept, offered);
    if (negotiations.size >= 64) negotiations.clear();
    if (accept === null || accept.length <= 256) negotiations.set(accept, type);
    return type;
  };

  const cacheOptions = options.responseCache;
  const cache = cacheOptions ? new ResponseCache(cacheOptions.maxEntries ?? 256, cacheOptions.maxBytes ?? 32 * 1024 * 1024) : undefined;
  /** Bytes and ETags of the contexts and the API documentation, whose texts never change. */
  const staticBytes = new Map<string, { readonly bytes: Uint8Array; readonly etag: string }>();

  const encode = async (
    request: Request,
    origin: string,
    type: string,
    text: string | null,
    status: number,
    extra: Readonly<Record<string, string>>,
    cacheControl?: string,
    staticKey?: string,
  ): Promise<Encoded> => {
    const headers: Record<string, string> = { ...baseHeaders(origin), ...extra };
    if (text === null) return { status, headers, bytes: null };
    headers['content-type'] = type;
    if (cacheControl) headers['cache-control'] = cacheControl;
    if (status !== 200 || (request.method !== 'GET' && request.method !== 'HEAD')) return { status, headers, bytes: encoder.encode(text) };
    let kept = staticKey === undefined ? undefined : staticBytes.get(staticKey);
    if (kept === undefined) {
      const bytes = encoder.encode(text);
      kept = { bytes, etag: await strongEtag(bytes) };
      if (staticKey !== undefined) staticBytes.set(staticKey, kept);
    }
    headers['etag'] = kept.etag;
    return { status, headers, bytes: kept.bytes, etag: kept.etag };
  };

  // A HEAD response carries the headers GET would, never a body — errors included.
  const withoutBodyForHead = (request: Request, response: Response): Response =>
    request.method.toUpperCase() === 'HEAD' && response.body !== null
      ? new Response(null, { status: response.status, statusText: response.statusText, headers: response.headers })
      : response;

  const handler = async (request: Request): Promise<Response> => {
    const result = await answer(request);
    return result instanceof Response ? withoutBodyForHead(request, result) : toResponse(result);
  };
  wireHandlers.set(handler, async (request) => {
    const result = await answer(request);
    return result instanceof Response ? withoutBodyForHead(request, result) : toWire(result);
  });
  return handler;

  async function answer(request: Request): Promise<Response | Decided> {
    const url = new URL(request.url);
    const origin = url.origin;
    const type = negotiated(request.headers.get('accept'));
    const errorType = type ?? JSON_LD;
    // The route an unexpected error is reported with, once one is matched.
    let current: ServerRoute<A> | undefined;
    try {
      const method = request.method.toUpperCase();
      // RFC 9110 §9.1: a method the server implements nowhere is a 501 on every path; a known one
      // that a resource does not take stays a 405 with Allow (below).
      if (!IMPLEMENTED_METHODS.has(method)) {
        return problem(origin, errorType, 501, 'Not Implemented', `${method} is not implemented by this server.`);
      }
      if (type === undefined) {
        return problem(origin, JSON_LD, 406, 'Not Acceptable', `Acceptable media types: ${offered.join(', ')}.`);
      }
      const path = url.pathname;
      if ((method === 'GET' || method === 'HEAD') && contexts.has(path)) {
        return decide(request, await encode(request, origin, type === JSON_MEDIA_TYPE ? JSON_MEDIA_TYPE : JSON_LD, contexts.get(path) as string, 200, {}, staticCache, path));
      }
      if ((method === 'GET' || method === 'HEAD') && path === docPath && options.apiDocumentation) {
        docText ??= options.registry.encodeText(options.apiDocumentation.node());
        return decide(request, await encode(request, origin, type, docText, 200, {}, staticCache, path));
      }
      let matched: { route: CompiledRoute<A>; params: Record<string, string> } | undefined;
      const allowed = new Set<string>();
      for (const r of routes) {
        const m = r.pattern.exec(path);
        if (!m) continue;
        const routeMethod = r.route.method;
        allowed.add(routeMethod);
        if (routeMethod === 'GET') allowed.add('HEAD');
        if (routeMethod === method || (method === 'HEAD' && routeMethod === 'GET')) {
          const params: Record<string, string> = Object.create(null) as Record<string, string>;
          for (const [i, name] of r.names.entries()) {
            const decoded = decodePathSegment(m[i + 1] as string);
            // Malformed percent-encoding (`%E0%A4%A`) is the client's mistake, not a server fault.
            if (decoded === undefined) return problem(origin, errorType, 400, 'Bad Request', 'The path is not valid percent-encoded UTF-8.');
            params[name] = decoded;
          }
          matched = { route: r, params };
          break;
        }
      }
      if (!matched) {
        if (allowed.size > 0) {
          return problem(origin, errorType, 405, 'Method Not Allowed', `${method} is not allowed here.`, { allow: [...allowed].join(', ') });
        }
        return problem(origin, errorType, 404, 'Not Found', `Nothing at ${path}.`);
      }
      const route = matched.route.route;
      current = route;
      let auth: A | undefined;
      if (options.authenticate && !route.public) {
        const found = options.authenticate(request);
        // A synchronous answer is used as it is: awaiting it would cost a turn of the microtask queue.
        auth = isThenable(found) ? await found : found;
        if (auth === undefined) {
          return problem(origin, errorType, 401, 'Unauthorized', 'A valid bearer token is required.', {
            'www-authenticate': `Bearer realm="${options.realm ?? 'api'}"`,
          });
        }
      }
      // Consulted only once the request is authenticated; the principal is part of the key.
      let cached: { readonly key: string; readonly version: number | string } | undefined;
      if (cacheOptions !== undefined && cache !== undefined && (method === 'GET' || method === 'HEAD')) {
        const principal = cacheOptions.principal(auth, request);
        if (principal !== undefined) {
          // Read before the handler runs: what it renders is at least as new as this version,
          // and a write meanwhile changes the version, so that the next request renders again.
          const version = cacheOptions.version(request);
          const key = JSON.stringify([route.template, type, url.href, principal]);
          const hit = cache.get(key, version);
          if (hit !== undefined) return decide(request, hit);
          cached = { key, version };
        }
      }
      let body: unknown;
      if (method === 'PUT' || method === 'POST' || method === 'PATCH') {
        const taken = await takeBody(request, route.expects !== undefined, isAcceptedContentType(request.headers.get('content-type'), offered), maxBodySize);
        if (taken.kind === 'too-large') return problem(origin, errorType, 413, 'Payload Too Large', `Request bodies are limited to ${maxBodySize} bytes.`);
        if (taken.kind === 'unsupported-type') return problem(origin, errorType, 415, 'Unsupported Media Type', `Send one of: ${offered.join(', ')}.`);
        if (taken.kind === 'invalid-utf8') return problem(origin, errorType, 400, 'Bad Request', 'The request body is not valid UTF-8.', {}, [INVALID_UTF8]);
        if (taken.kind === 'text' && (taken.text.length > 0 || route.expects)) {
          try {
            body = route.expects
              ? options.registry.decodeAs(route.expects, taken.text, { ...options.limits, base: url.href })
              : options.registry.decode(taken.text, { ...options.limits, base: url.href });
          } catch (error) {
            if (isDecodeError(error)) return problem(origin, errorType, 400, 'Bad Request', 'The request body is invalid.', {}, error.violations);
            throw error;
          }
        }
      }
      const result = await route.handle({ request, url, params: matched.params, auth: auth as A, body });
      if (result instanceof Response) return result;
      if (result === undefined) return problem(origin, errorType, 404, 'Not Found', `Nothing at ${path}.`);
      const encoded = isReply(result)
        ? await encode(request, origin, type, result.body === null ? null : options.registry.encodeText(result.body), result.status, result.headers)
        : await encode(request, origin, type, options.registry.encodeText(result), 200, {});
      if (cached !== undefined && encoded.status === 200 && encoded.etag !== undefined) cache?.set(cached.key, cached.version, encoded);
      return decide(request, encoded);
    } catch (error) {
      if (error instanceof HttpProblem) {
        return problem(origin, errorType, error.status, error.title, error.detail, error.options.headers, error.options.violations);
      }
      try {
        reportError(error, request, current);
      } catch {
        // A failing error reporter must not turn the 500 into a rejected promise.
      }
      return problem(origin, errorType, 500, 'Internal Server Error', 'The server could not answer this request.');
    }
  }
}

/**
 * The methods a Hydra handler knows: those of {@link Method}, `HEAD` (answered from `GET`
 * routes) and `OPTIONS`, which gets the 405 whose `Allow` lists what the resource takes.
 */
const IMPLEMENTED_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']);

/** The default `onError`: stderr, with what was being answered (not the query, which may carry cursors or tokens). */
function logError(error: unknown, request: Request, route: ServerRoute<unknown> | undefined): void {
  console.error(`hydra handler: ${request.method} ${new URL(request.url).pathname}${route ? ` (route ${route.template})` : ''} failed:`, error);
}

/** What `await` would wait for (any thenable, as `await` does, not only native promises). */
function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

function decodePathSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
