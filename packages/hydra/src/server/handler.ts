/**
 * A Hydra API as a Web-standard `Request` → `Response` function: routes on IRI templates,
 * handlers returning typed nodes, content negotiation, context documents and the API
 * documentation served from the registry, request validation with a size limit, strong ETags and
 * `304`s, and every error as a Hydra error / problem body without stack traces.
 *
 * @module
 */
import { isDecodeError, type DecodeOptions, type Registry } from '@hyperld/core';
import { errorBody, type ListedViolation } from '../errors.js';
import { INVALID_UTF8, takeBody } from './body.js';
import { decide, encoder, strongEtag, type Decided, type Encoded } from './encode.js';
import { isAcceptedContentType, JSON_LD, JSON_MEDIA_TYPE, negotiate } from './negotiation.js';
import { HttpProblem, isReply, type Reply } from './reply.js';
import { ResponseCache } from './response-cache.js';
import { compileTemplate, decodePathSegment, IMPLEMENTED_METHODS, type CompiledRoute, type ServerRoute } from './routes.js';
import { toResponse, toWire, wireHandlers } from './wire.js';

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

/** The default `onError`: stderr, with what was being answered (not the query, which may carry cursors or tokens). */
function logError(error: unknown, request: Request, route: ServerRoute<unknown> | undefined): void {
  console.error(`hydra handler: ${request.method} ${new URL(request.url).pathname}${route ? ` (route ${route.template})` : ''} failed:`, error);
}

/** What `await` would wait for (any thenable, as `await` does, not only native promises). */
function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as { then?: unknown }).then === 'function';
}
