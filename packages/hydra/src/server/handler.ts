/**
 * A Hydra API as a Web-standard `Request` → `Response` handler: routes on IRI templates,
 * handlers returning typed nodes, content negotiation, context documents and the API
 * documentation served from the registry, request validation with a size limit, strong ETags and
 * `304`s, and every error as a Hydra error / problem body without stack traces.
 *
 * A request goes through named steps, each of which answers it or hands it on: `preflight` (a
 * CORS preflight's 204), `negotiate` (501, 406), `serveStatic` (contexts, API documentation),
 * `match` (400, 404, 405), `authenticate` (401), `fromCache`, `readBody` (413, 415, 400), `run`
 * (the route) and `encode`; CORS fields are added to the answer last.
 *
 * @module
 */
import { isDecodeError, type DecodeOptions, type Registry } from '@hyperld/core';
import { errorBody, type ListedViolation } from '../problem.js';
import { isAuthenticated, type Authenticated } from './authentication.js';
import { INVALID_UTF8, takeBody } from './body.js';
import { decide, Encoded, encodeBytes, encodeText, jsonBytes, type Decided, type KeptBytes } from './encode.js';
import { isAcceptedContentType, JSON_LD, JSON_MEDIA_TYPE, negotiate } from './negotiation.js';
import { HttpProblem, isReply, type HandlerResult, type Reply } from './reply.js';
import { ResponseCache } from './response-cache.js';
import { IMPLEMENTED_METHODS, RouteTable, type ServerRoute } from './routes.js';
import { toResponse, toWire, type WireAnswer } from './wire.js';

/**
 * Cross-origin access for browser clients (the `cors` option of {@link createHydraHandler}).
 *
 * @example
 * ```ts
 * import type { CorsOptions } from '@hyperld/hydra/server';
 * const cors: CorsOptions = { origins: ['https://app.example'], maxAge: 600 };
 * ```
 */
export interface CorsOptions {
  /** The origins allowed (`https://app.example`, exact match), or a test of the `Origin` header. */
  readonly origins: readonly string[] | ((origin: string) => boolean);
  /** How long a browser may keep a preflight's answer, in seconds (default 600). */
  readonly maxAge?: number;
  /** Request header fields allowed besides `Authorization`, `Content-Type`, `Accept` and `If-None-Match`. */
  readonly allowHeaders?: readonly string[];
}

/** The request fields a Hydra client sends: its token, its body's type, what it accepts, its ETag. */
const CORS_ALLOW_HEADERS = ['Authorization', 'Content-Type', 'Accept', 'If-None-Match'];
/** What a browser client must read: the API documentation's Link, the ETag to revalidate, where a POST created. */
const CORS_EXPOSE_HEADERS = 'Link, ETag, Location';

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
  /**
   * Lets browser clients of other origins use the API: a preflight `OPTIONS` from an allowed
   * origin answers 204 with the methods the resource takes, the request fields a client sends
   * and `Access-Control-Max-Age`; every answer to an allowed origin carries
   * `Access-Control-Allow-Origin` (that origin) and `Access-Control-Expose-Headers: Link, ETag,
   * Location` (without which a browser client cannot read the `Link` to the API documentation).
   * Answers to other origins carry no CORS field. Off unless given: same origin only.
   */
  readonly cors?: CorsOptions;
  /** Serve the registry's relative context URLs (default `true`). */
  readonly serveContexts?: boolean;
  /**
   * Finds the principal of a request; `undefined` answers 401 on non-public routes. It may give
   * the data version it read while doing so with the principal, as {@link authenticated}, for the
   * response cache to use.
   */
  readonly authenticate?: (request: Request) => A | Authenticated<A> | undefined | Promise<A | Authenticated<A> | undefined>;
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
   * the version is another. Authentication still runs for every request, before the
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
     * `authenticate` and before the handler runs, so it must be cheap, and only when
     * `authenticate` did not give the version with the principal ({@link authenticated}: one read
     * of the version then serves authentication and the cache). A request with a version from
     * neither is not kept.
     *
     * @param request - the request.
     * @param auth - the principal `authenticate` found (`undefined` on public routes).
     */
    readonly version?: (request: Request, auth: A | undefined) => number | string;
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
 * The request handler of a Hydra API, as {@link createHydraHandler} makes it: one answer to a
 * request, in two forms. Both functions are bound, so they may be passed on alone.
 *
 * @example
 * ```ts
 * import { hydraRegistry } from '@hyperld/hydra';
 * import { createHydraHandler, serveNode, type HydraHandler } from '@hyperld/hydra/server';
 * const handler: HydraHandler = createHydraHandler({ registry: hydraRegistry, routes: [] });
 * const response = await handler.fetch(new Request('http://localhost/nowhere')); // 404
 * const served = await serveNode(handler, { port: 0 }); // writes what handler.wire gives to the socket
 * await served.close();
 * ```
 */
export interface HydraHandler {
  /**
   * Answers a request with a `Response`: mount it anywhere that speaks Fetch (Hono:
   * `app.all('*', (c) => handler.fetch(c.req.raw))`, Deno, Bun, edge runtimes).
   *
   * @param request - the request.
   * @returns the response.
   */
  readonly fetch: (request: Request) => Promise<Response>;
  /**
   * Answers a request as {@link HydraHandler.fetch} does, but gives the answers the handler
   * encodes itself (nodes, replies, contexts, the API documentation, their 304s and HEADs) in
   * {@link WireAnswer} form, for adapters that write bytes (`serveNode`, `toNodeListener`);
   * errors and the `Response`s of routes stay `Response`s.
   *
   * @param request - the request.
   * @returns the answer.
   */
  readonly wire: (request: Request) => Promise<Response | WireAnswer>;
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
 * @returns the handler: `fetch` to mount anywhere that speaks Fetch, `wire` for byte-writing
 * adapters; {@link serveNode} and {@link toNodeListener} take it whole.
 * @example
 * ```ts
 * import { hydraRegistry } from '@hyperld/hydra';
 * import { createHydraHandler } from '@hyperld/hydra/server';
 * const handler = createHydraHandler({
 *   registry: hydraRegistry,
 *   routes: [{ method: 'GET', template: '/', handle: () => ({ '@type': 'hydra:Collection', id: '/', member: [], totalItems: 0 }) }],
 * });
 * const response = await handler.fetch(new Request('http://localhost/'));
 * ```
 */
export function createHydraHandler<A>(options: HydraHandlerOptions<A>): HydraHandler {
  return new Handler(options);
}

/** One request on its way through the steps: what every step reads. */
interface Exchange {
  readonly request: Request;
  readonly url: URL;
  /** The method, upper-case. */
  readonly method: string;
  /** The media type negotiated for the answer; `undefined` when none is acceptable (406). */
  readonly type: string | undefined;
  /** The media type of error answers: the negotiated one, else JSON-LD. */
  readonly errorType: string;
}

/** Who a request is from, as the `authenticate` step found it. */
interface Principal<A> {
  /** The principal (`undefined` on public routes and without `authenticate`). */
  readonly auth: A | undefined;
  /** The data version `authenticate` read, if it gave one. */
  readonly version: number | string | undefined;
}

/** Where the `fromCache` step looked: the key and version the answer is kept under, and what was kept. */
interface CacheSlot {
  readonly key: string;
  readonly version: number | string;
  readonly hit: Encoded | undefined;
}

const ANONYMOUS: Principal<never> = { auth: undefined, version: undefined };

/** The handler: the options compiled once, and one method per step of a request. */
class Handler<A> implements HydraHandler {
  private readonly options: HydraHandlerOptions<A>;
  /** The media types offered, most preferred first. */
  private readonly offered: readonly string[];
  private readonly routes: RouteTable<A>;
  private readonly docPath: string;
  private readonly maxBodySize: number;
  private readonly staticCacheControl: string;
  private readonly reportError: (error: unknown, request: Request, route: ServerRoute<A> | undefined) => void;
  /** The texts of the relative contexts the registry holds, by path. */
  private readonly contexts = new Map<string, string>();
  /** The API documentation's text, encoded on first request. */
  private docText: string | undefined;
  /** Bytes and ETags of the contexts and the API documentation, whose texts never change. */
  private readonly staticBytes = new Map<string, KeptBytes>();
  /** Media types negotiated per `Accept`: clients send few distinct ones (bounded, as they are the client's). */
  private readonly negotiations = new Map<string | null, string | undefined>();
  private readonly cache: ResponseCache | undefined;

  constructor(options: HydraHandlerOptions<A>) {
    this.options = options;
    this.offered = [...(options.mediaTypes ?? []), JSON_LD, JSON_MEDIA_TYPE];
    this.routes = new RouteTable(options.routes);
    this.docPath = options.apiDocumentation?.path ?? '/docs.jsonld';
    this.maxBodySize = options.maxBodySize ?? 1024 * 1024;
    this.staticCacheControl = options.staticCacheControl ?? 'public, max-age=604800';
    this.reportError = options.onError ?? logError;
    if (options.serveContexts ?? true) {
      for (const [url, doc] of options.registry.contexts) if (url.startsWith('/')) this.contexts.set(url, JSON.stringify(doc));
    }
    const cache = options.responseCache;
    this.cache = cache ? new ResponseCache(cache.maxEntries ?? 256, cache.maxBytes ?? 32 * 1024 * 1024) : undefined;
  }

  readonly fetch = async (request: Request): Promise<Response> => {
    const answer = await this.answer(request);
    const cors = this.corsFields(request);
    if (answer instanceof Response) return withFields(withoutBodyForHead(request, answer), cors);
    const response = toResponse(answer);
    if (cors !== undefined) for (const [name, value] of Object.entries(cors)) response.headers.set(name, value);
    return response;
  };

  readonly wire = async (request: Request): Promise<Response | WireAnswer> => {
    const answer = await this.answer(request);
    const cors = this.corsFields(request);
    if (answer instanceof Response) return withFields(withoutBodyForHead(request, answer), cors);
    const wire = toWire(answer);
    return cors === undefined ? wire : { ...wire, headers: { ...wire.headers, ...cors } };
  };

  /** Whether `cors` allows an origin. */
  private allowsOrigin(origin: string | null): origin is string {
    const cors = this.options.cors;
    if (cors === undefined || origin === null) return false;
    return typeof cors.origins === 'function' ? cors.origins(origin) : cors.origins.includes(origin);
  }

  /**
   * The CORS fields of an answer to an allowed origin (`undefined` for any other request). Added
   * once the answer is made, never kept with it: the response cache does not key on `Origin`.
   */
  private corsFields(request: Request): Record<string, string> | undefined {
    const origin = request.headers.get('origin');
    if (!this.allowsOrigin(origin)) return undefined;
    return { 'access-control-allow-origin': origin, 'access-control-expose-headers': CORS_EXPOSE_HEADERS };
  }

  /**
   * Step `preflight`: a CORS preflight (`OPTIONS` with `Origin` and
   * `Access-Control-Request-Method`) from an allowed origin, answered 204 before anything else (a
   * preflight carries no credentials). Any other `OPTIONS` goes on to get its 405 with `Allow`.
   */
  private preflight(exchange: Exchange): Response | undefined {
    const { request, method, url } = exchange;
    if (method !== 'OPTIONS' || request.headers.get('access-control-request-method') === null) return undefined;
    const origin = request.headers.get('origin');
    if (!this.allowsOrigin(origin)) return undefined;
    const found = this.routes.match(method, url.pathname);
    const isStatic = this.contexts.has(url.pathname) || (this.options.apiDocumentation !== undefined && url.pathname === this.docPath);
    const allow = found.kind === 'not-allowed' ? found.allow : isStatic ? 'GET, HEAD' : undefined;
    if (allow === undefined) return undefined;
    const cors = this.options.cors as CorsOptions;
    return new Response(null, {
      status: 204,
      headers: {
        ...this.baseHeaders(url.origin),
        'access-control-allow-methods': allow,
        'access-control-allow-headers': [...CORS_ALLOW_HEADERS, ...(cors.allowHeaders ?? [])].join(', '),
        'access-control-max-age': String(cors.maxAge ?? 600),
      },
    });
  }

  /** The steps of a request, in order: each answers it or hands it on. */
  private async answer(request: Request): Promise<Response | Decided> {
    const exchange = this.exchange(request);
    // The route an unexpected error is reported with, once one is matched.
    let route: ServerRoute<A> | undefined;
    try {
      const preflight = this.preflight(exchange);
      if (preflight !== undefined) return preflight;
      const refused = this.negotiate(exchange);
      if (refused !== undefined) return refused;
      const served = this.serveStatic(exchange);
      if (served !== undefined) return await served;
      const matched = this.match(exchange);
      if (matched instanceof Response) return matched;
      route = matched.route;
      const found = this.authenticate(exchange, route);
      // A synchronous answer is used as it is: awaiting it would cost a turn of the microtask queue.
      const principal = isThenable(found) ? await found : found;
      if (principal instanceof Response) return principal;
      const slot = this.fromCache(exchange, route, principal);
      if (slot?.hit !== undefined) return decide(request, slot.hit);
      const read = this.readBody(exchange, route);
      const body = read === undefined ? undefined : await read;
      if (body instanceof Response) return body;
      const result = await this.run(exchange, route, matched.params, principal, body?.value);
      if (result instanceof Response) return result;
      if (result === undefined) return this.notFound(exchange);
      const encoded = await this.encode(exchange, result);
      if (slot !== undefined) this.keep(slot, encoded);
      return decide(request, encoded);
    } catch (error) {
      return this.fail(exchange, error, route);
    }
  }

  /** The request as the steps read it, its media type negotiated. */
  private exchange(request: Request): Exchange {
    const type = this.negotiated(request.headers.get('accept'));
    return { request, url: new URL(request.url), method: request.method.toUpperCase(), type, errorType: type ?? JSON_LD };
  }

  /** The media type for an `Accept`, negotiated once per distinct header. */
  private negotiated(accept: string | null): string | undefined {
    const negotiations = this.negotiations;
    if (negotiations.has(accept)) return negotiations.get(accept);
    const type = negotiate(accept, this.offered);
    if (negotiations.size >= 64) negotiations.clear();
    if (accept === null || accept.length <= 256) negotiations.set(accept, type);
    return type;
  }

  /** Step `negotiate`: a 501 for a method implemented nowhere, a 406 when no offered type is acceptable. */
  private negotiate(exchange: Exchange): Response | undefined {
    const { method } = exchange;
    // RFC 9110 §9.1: a method the server implements nowhere is a 501 on every path; a known one
    // that a resource does not take stays a 405 with Allow (`match`).
    if (!IMPLEMENTED_METHODS.has(method)) return this.problem(exchange, 501, 'Not Implemented', `${method} is not implemented by this server.`);
    if (exchange.type === undefined) return this.problem(exchange, 406, 'Not Acceptable', `Acceptable media types: ${this.offered.join(', ')}.`, {}, undefined, JSON_LD);
    return undefined;
  }

  /** Step `serveStatic`: the registry's relative contexts and the API documentation, for `GET` and `HEAD`. */
  private serveStatic(exchange: Exchange): Promise<Decided> | undefined {
    const { method, url, request } = exchange;
    if (method !== 'GET' && method !== 'HEAD') return undefined;
    const type = exchange.type as string;
    const path = url.pathname;
    const context = this.contexts.get(path);
    if (context !== undefined) {
      return this.encodeStatic(exchange, type === JSON_MEDIA_TYPE ? JSON_MEDIA_TYPE : JSON_LD, path, context).then((encoded) => decide(request, encoded));
    }
    const documentation = this.options.apiDocumentation;
    if (path === this.docPath && documentation) {
      this.docText ??= this.options.registry.encodeText(documentation.node());
      return this.encodeStatic(exchange, type, path, this.docText).then((encoded) => decide(request, encoded));
    }
    return undefined;
  }

  /** Step `match`: the route and its variables, or the 400, 405 or 404 when there is none. */
  private match(exchange: Exchange): { readonly route: ServerRoute<A>; readonly params: Readonly<Record<string, string>> } | Response {
    const { method, url } = exchange;
    const found = this.routes.match(method, url.pathname);
    switch (found.kind) {
      case 'matched':
        return found;
      case 'bad-path':
        return this.problem(exchange, 400, 'Bad Request', 'The path is not valid percent-encoded UTF-8.');
      case 'not-allowed':
        return this.problem(exchange, 405, 'Method Not Allowed', `${method} is not allowed here.`, { allow: found.allow });
      case 'not-found':
        return this.notFound(exchange);
    }
  }

  /** Step `authenticate`: the principal (and the data version, when `authenticate` read it), or a 401. */
  private authenticate(exchange: Exchange, route: ServerRoute<A>): Principal<A> | Response | Promise<Principal<A> | Response> {
    const authenticate = this.options.authenticate;
    if (!authenticate || route.public) return ANONYMOUS;
    const found = authenticate(exchange.request);
    return isThenable(found) ? Promise.resolve(found).then((value) => this.principalOf(exchange, value)) : this.principalOf(exchange, found);
  }

  /** What `authenticate` found as a {@link Principal}; no principal (`undefined`, alone or in an {@link Authenticated}) is a 401. */
  private principalOf(exchange: Exchange, found: A | Authenticated<A> | undefined): Principal<A> | Response {
    const principal: Principal<A> = isAuthenticated(found) ? { auth: found.principal as A, version: found.version } : { auth: found, version: undefined };
    if (principal.auth === undefined) {
      return this.problem(exchange, 401, 'Unauthorized', 'A valid bearer token is required.', {
        'www-authenticate': `Bearer realm="${this.options.realm ?? 'api'}"`,
      });
    }
    return principal;
  }

  /**
   * Step `fromCache`: where a `GET`/`HEAD` answer is kept, and the kept one if any. Consulted only
   * once the request is authenticated; the principal is part of the key.
   */
  private fromCache(exchange: Exchange, route: ServerRoute<A>, principal: Principal<A>): CacheSlot | undefined {
    const { cache } = this;
    const options = this.options.responseCache;
    const { method, request } = exchange;
    if (cache === undefined || options === undefined || (method !== 'GET' && method !== 'HEAD')) return undefined;
    const whom = options.principal(principal.auth, request);
    if (whom === undefined) return undefined;
    // Read before the handler runs: what it renders is at least as new as this version, and a
    // write meanwhile changes the version, so that the next request renders again.
    const version = principal.version ?? options.version?.(request, principal.auth);
    if (version === undefined) return undefined;
    const key = JSON.stringify([route.template, exchange.type, exchange.url.href, whom]);
    return { key, version, hit: cache.get(key, version) };
  }

  /**
   * Step `readBody`: the body of a `PUT`, `POST` or `PATCH`, decoded with the registry (to the
   * route's `expects` type when it has one), or the 413, 415 or 400 that refuses it; `undefined`
   * for other methods, which are not read.
   */
  private readBody(exchange: Exchange, route: ServerRoute<A>): Promise<{ readonly value: unknown } | Response> | undefined {
    const { method } = exchange;
    if (method !== 'PUT' && method !== 'POST' && method !== 'PATCH') return undefined;
    return this.decodeBody(exchange, route);
  }

  private async decodeBody(exchange: Exchange, route: ServerRoute<A>): Promise<{ readonly value: unknown } | Response> {
    const { request, url } = exchange;
    const { maxBodySize, offered } = this;
    const taken = await takeBody(request, route.expects !== undefined, isAcceptedContentType(request.headers.get('content-type'), offered), maxBodySize);
    if (taken.kind === 'too-large') return this.problem(exchange, 413, 'Payload Too Large', `Request bodies are limited to ${maxBodySize} bytes.`);
    if (taken.kind === 'unsupported-type') return this.problem(exchange, 415, 'Unsupported Media Type', `Send one of: ${offered.join(', ')}.`);
    if (taken.kind === 'invalid-utf8') return this.problem(exchange, 400, 'Bad Request', 'The request body is not valid UTF-8.', {}, [INVALID_UTF8]);
    if (taken.kind !== 'text' || (taken.text.length === 0 && !route.expects)) return { value: undefined };
    const { registry, limits } = this.options;
    try {
      return {
        value: route.expects ? registry.decodeAs(route.expects, taken.text, { ...limits, base: url.href }) : registry.decode(taken.text, { ...limits, base: url.href }),
      };
    } catch (error) {
      if (isDecodeError(error)) return this.problem(exchange, 400, 'Bad Request', 'The request body is invalid.', {}, error.violations);
      throw error;
    }
  }

  /** Step `run`: the route's handler (a `Response` it returns is passed on as it is, `undefined` is a 404). */
  private run(
    exchange: Exchange,
    route: ServerRoute<A>,
    params: Readonly<Record<string, string>>,
    principal: Principal<A>,
    body: unknown,
  ): HandlerResult | Promise<HandlerResult> {
    const { request, url } = exchange;
    return route.handle({ request, url, params, auth: principal.auth as A, body });
  }

  /** Step `encode`: a node (200) or a reply encoded with the registry, with a strong ETag for a `200` to `GET`/`HEAD`. */
  private encode(exchange: Exchange, result: object | Reply): Promise<Encoded> {
    const { registry } = this.options;
    const type = exchange.type as string;
    const stringify = (node: object): string => registry.encodeText(node);
    if (!isReply(result)) return this.encodeAnswer(exchange, type, jsonBytes(result, stringify), 200, {});
    return this.encodeAnswer(exchange, type, result.body === null ? null : jsonBytes(result.body, stringify), result.status, result.headers);
  }

  /** Keeps a `200` with an ETag in the slot `fromCache` gave. */
  private keep(slot: CacheSlot, encoded: Encoded): void {
    if (encoded.status === 200 && encoded.etag !== undefined) this.cache?.set(slot.key, slot.version, encoded);
  }

  /** An answer with the header fields every answer carries; `null` bytes for no body. */
  private async encodeAnswer(
    exchange: Exchange,
    type: string,
    bytes: Uint8Array | null,
    status: number,
    extra: Readonly<Record<string, string>>,
  ): Promise<Encoded> {
    const headers: Record<string, string> = { ...this.baseHeaders(exchange.url.origin), ...extra };
    if (bytes === null) return new Encoded(status, headers, null);
    headers['content-type'] = type;
    return (await encodeBytes(exchange.request.method, status, headers, bytes)).encoded;
  }

  /** A context or the API documentation: its bytes and ETag made once, long-lived `Cache-Control`. */
  private async encodeStatic(exchange: Exchange, type: string, path: string, text: string): Promise<Encoded> {
    const headers: Record<string, string> = { ...this.baseHeaders(exchange.url.origin), 'content-type': type, 'cache-control': this.staticCacheControl };
    const { encoded, kept } = await encodeText(exchange.request.method, 200, headers, text, this.staticBytes.get(path));
    if (kept !== undefined) this.staticBytes.set(path, kept);
    return encoded;
  }

  /** A thrown {@link HttpProblem} as its answer; anything else reported (`onError`) and a bare 500. */
  private fail(exchange: Exchange, error: unknown, route: ServerRoute<A> | undefined): Response {
    if (HttpProblem.is(error)) {
      return this.problem(exchange, error.status, error.title, error.detail, error.options.headers, error.options.violations);
    }
    try {
      this.reportError(error, exchange.request, route);
    } catch {
      // A failing error reporter must not turn the 500 into a rejected promise.
    }
    return this.problem(exchange, 500, 'Internal Server Error', 'The server could not answer this request.');
  }

  private notFound(exchange: Exchange): Response {
    return this.problem(exchange, 404, 'Not Found', `Nothing at ${exchange.url.pathname}.`);
  }

  /** An error answer: a Hydra error that is also a problem (`application/problem+json` to a plain JSON client). */
  private problem(
    exchange: Exchange,
    status: number,
    title: string,
    detail?: string,
    extra: Readonly<Record<string, string>> = {},
    violations?: readonly ListedViolation[],
    type: string = exchange.errorType,
  ): Response {
    const body = errorBody({ status, title, ...(detail !== undefined ? { detail } : {}), ...(violations !== undefined ? { violations } : {}) });
    const contentType = type === JSON_MEDIA_TYPE ? 'application/problem+json' : type;
    return new Response(JSON.stringify(body), { status, headers: { ...this.baseHeaders(exchange.url.origin), 'content-type': contentType, ...extra } });
  }

  /** The header fields of every answer. No API documentation, no link to it: a client following the link would find a 404. */
  private baseHeaders(origin: string): Record<string, string> {
    // With CORS, an answer depends on the request's Origin too: say so on every answer, so that a
    // shared cache never gives one origin's answer to another.
    const vary = this.options.cors ? 'Accept, Origin' : 'Accept';
    if (!this.options.apiDocumentation) return { 'x-content-type-options': 'nosniff', vary };
    return {
      link: `<${new URL(this.docPath, origin).href}>; rel="http://www.w3.org/ns/hydra/core#apiDocumentation"`,
      'x-content-type-options': 'nosniff',
      vary,
    };
  }
}

/** A response with some fields set (a copy: a route's `Response` may have immutable headers). */
function withFields(response: Response, fields: Readonly<Record<string, string>> | undefined): Response {
  if (fields === undefined) return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(fields)) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/** A HEAD response carries the headers GET would, never a body — errors included. */
function withoutBodyForHead(request: Request, response: Response): Response {
  return request.method.toUpperCase() === 'HEAD' && response.body !== null
    ? new Response(null, { status: response.status, statusText: response.statusText, headers: response.headers })
    : response;
}

/** The default `onError`: stderr, with what was being answered (not the query, which may carry cursors or tokens). */
function logError(error: unknown, request: Request, route: ServerRoute<unknown> | undefined): void {
  console.error(`hydra handler: ${request.method} ${new URL(request.url).pathname}${route ? ` (route ${route.template})` : ''} failed:`, error);
}

/** What `await` would wait for (any thenable, as `await` does, not only native promises). */
function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as { then?: unknown }).then === 'function';
}
