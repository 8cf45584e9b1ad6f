/**
 * A link-driven hypermedia client: `get` a resource as a typed node, `follow` its links (typed by
 * their declared targets), page through collections with `for await`, and `invoke` actions only
 * when the server offers them. Credentials go only to the API's own origin; contexts are never
 * fetched; conditional GETs reuse cached nodes; idempotent requests are retried with backoff.
 *
 * @module
 */
import {
  DecodeError,
  DEFAULT_LIMITS,
  isDecodeError,
  metaOf,
  type AnyNodeOf,
  type AnyTypeDef,
  type DecodeOptions,
  type DefNamed,
  type GenericNode,
  type Limits,
  type LinkTarget,
  type NodeOf,
  type Registry,
} from '@hyperld/core';
import { declaredActions, type ActionName, type ActionSpecOf } from '../actions.js';
import { HydraError, readProblem, type Problem } from '../errors.js';
import { members as iterateMembers, pages as iteratePages } from '../pagination.js';

/**
 * An error answer from the server: status, the response, and the Hydra error / problem body
 * when there is one. A `401` has code `unauthorized` and carries the `WWW-Authenticate` challenge.
 *
 * @example
 * ```ts
 * import { isHttpError } from '@hyperld/hydra/client';
 * declare const error: unknown;
 * if (isHttpError(error) && error.status === 404) console.log(error.problem?.detail);
 * ```
 */
export class HttpError extends HydraError {
  override name = 'HttpError';
  /** The HTTP status. */
  readonly status: number;
  /** The response (its body already read into `problem`). */
  readonly response: Response;
  /** The parsed Hydra error / RFC 7807 problem, when the body is one. */
  readonly problem: Problem | undefined;
  /** The `WWW-Authenticate` challenge of a 401. */
  readonly challenge: string | undefined;

  /**
   * @param response - the response.
   * @param problem - its parsed problem body.
   * @param url - the URL requested.
   */
  constructor(response: Response, problem: Problem | undefined, url: string) {
    const status = response.status;
    super(
      status === 401 ? 'unauthorized' : 'http_error',
      `${status} ${problem?.title ?? response.statusText} for ${url}${problem?.detail ? `: ${problem.detail}` : ''}`,
      { url },
    );
    this.status = status;
    this.response = response;
    this.problem = problem;
    this.challenge = response.headers.get('www-authenticate') ?? undefined;
  }
}

/**
 * Tells whether a value is an {@link HttpError}, also across duplicate installs.
 *
 * @param value - anything caught.
 * @returns whether it is an HTTP error.
 * @example
 * ```ts
 * import { isHttpError } from '@hyperld/hydra/client';
 * isHttpError(new Error('x')); // false
 * ```
 */
export function isHttpError(value: unknown): value is HttpError {
  return typeof value === 'object' && value !== null && (value as { name?: unknown }).name === 'HttpError' && typeof (value as { status?: unknown }).status === 'number';
}

/**
 * Options of {@link createClient}.
 *
 * @example
 * ```ts
 * import type { ClientOptions } from '@hyperld/hydra/client';
 * import { hydraRegistry } from '@hyperld/hydra';
 * const options: ClientOptions<never> = { baseUrl: 'https://api.example.com/', registry: hydraRegistry as never, token: 'secret' };
 * ```
 */
export interface ClientOptions<D extends AnyTypeDef> {
  /** The API's base URL; only its origin receives credentials. */
  readonly baseUrl: string;
  /** The registry that decodes answers (contexts are never fetched). */
  readonly registry: Registry<D>;
  /** A bearer token, or a function giving one per request. */
  readonly token?: string | (() => string | Promise<string>);
  /** Extra headers for requests to the API's origin (e.g. other authentication). */
  readonly headers?: (url: URL) => Record<string, string> | Promise<Record<string, string>>;
  /** The fetch function (default: the global `fetch`). */
  readonly fetch?: typeof fetch;
  /** The media type in `Accept` and in the `Content-Type` of bodies (default `application/ld+json`). */
  readonly mediaType?: string;
  /** Links to another origin: `strip` (default) sends no credentials; `refuse` throws `unsafe_link`. */
  readonly crossOrigin?: 'strip' | 'refuse';
  /** `error` (default): an unregistered context URL fails decoding; `ignore`: decode by `@type` alone. */
  readonly unknownContext?: 'error' | 'ignore';
  /**
   * The deadline of each call in milliseconds (default 30 s): of each `get`, `getAs`, `follow`,
   * `invoke` and `request`, and of each page of `members` and `pages`. It covers every attempt,
   * redirect and wait before a retry, and the reading of the body. A `Retry-After` or backoff
   * that would end past it is not waited for: the call fails at once with the last answer's
   * {@link HttpError} (429 or 503), or with `network_error` when there was no answer. Reaching
   * the deadline is a `network_error` ("timed out"); the caller's signal still aborts at once,
   * with `aborted`.
   */
  readonly timeout?: number;
  /** Retries of idempotent requests on network errors, 429 and 503 (default 2; 0 disables), within the call's `timeout`. */
  readonly retries?: number;
  /** The first backoff delay in milliseconds (default 200; doubled each time, with jitter, at most 10 s). */
  readonly retryDelay?: number;
  /** Keep ETag'd answers for conditional GETs (default `true`; at most 500 entries). */
  readonly cache?: boolean;
  /**
   * Decoding limits. `maxSize` (in UTF-16 code units, as `decode` counts them) also bounds the
   * reading: an answer is decoded as its bytes arrive and its body cancelled as soon as the text
   * passes `maxSize`, which fails with `decode_failed` (cause `max_size`), so no answer makes the
   * client hold more than that. An error answer is read up to 64 Ki code units (or `maxSize` when
   * smaller) for its problem; past that its {@link HttpError} has no `problem`.
   */
  readonly limits?: Limits;
}

type Known<N> = { [K in keyof N as string extends K ? never : number extends K ? never : K]: N[K] };

/**
 * The keys of a node type whose values can be followed: links and embedded nodes.
 *
 * @example
 * ```ts
 * import type { FollowableKey } from '@hyperld/hydra/client';
 * import type { Link } from '@hyperld/core';
 * type K = FollowableKey<{ slug: string; timeline: Link<'Timeline'> }>; // 'timeline'
 * ```
 */
export type FollowableKey<N> = {
  [K in keyof Known<N>]-?: NonNullable<Known<N>[K]> extends string
    ? [LinkTarget<NonNullable<Known<N>[K]>>] extends [never]
      ? never
      : K
    : NonNullable<Known<N>[K]> extends readonly unknown[]
      ? never
      : NonNullable<Known<N>[K]> extends object
        ? K
        : never;
}[keyof Known<N>] &
  string;

type NodeNamed<D, T> = [DefNamed<D, T>] extends [never] ? GenericNode : NodeOf<DefNamed<D, T>>;

/**
 * What following a property gives: the target type's node for a link, the node itself for an
 * embedded node.
 *
 * @example
 * ```ts
 * import type { Followed } from '@hyperld/hydra/client';
 * import type { Link } from '@hyperld/core';
 * type F = Followed<Link<'Nope'>, never>; // GenericNode
 * ```
 */
export type Followed<V, D> = V extends string
  ? string extends LinkTarget<V>
    ? AnyNodeOf<D> | GenericNode
    : NodeNamed<D, LinkTarget<V>>
  : V extends object
    ? V
    : never;

type Returned<S, D> = S extends { readonly returns: infer R } ? (R extends string ? NodeNamed<D, R> | undefined : undefined) : undefined;

/**
 * Per-request options.
 *
 * @example
 * ```ts
 * import type { RequestOptions } from '@hyperld/hydra/client';
 * const options: RequestOptions = { signal: AbortSignal.timeout(5000) };
 * ```
 */
export interface RequestOptions {
  /** Aborts the request. */
  readonly signal?: AbortSignal;
}

/**
 * A hypermedia client over a registry of types.
 *
 * @example
 * ```ts
 * import type { Client } from '@hyperld/hydra/client';
 * declare const client: Client<never>;
 * const node = await client.get('/');
 * ```
 */
export interface Client<D extends AnyTypeDef> {
  /** The registry decoding answers. */
  readonly registry: Registry<D>;
  /**
   * Fetches a resource and decodes it into the typed node of the `@type` it carries.
   * @param iri - an IRI, relative to `baseUrl` or absolute.
   * @param options - a signal.
   */
  get(iri: string, options?: RequestOptions): Promise<AnyNodeOf<D> | GenericNode>;
  /**
   * Fetches a resource that must be a node of `def` (or of a type extending it).
   * @param def - the expected type.
   * @param iri - an IRI.
   * @param options - a signal.
   */
  getAs<T extends AnyTypeDef>(def: T, iri: string, options?: RequestOptions): Promise<NodeOf<T>>;
  /**
   * Follows a link of a node (fetching the target, typed by the link's declared target) or
   * returns an embedded node without a request.
   * @param node - a decoded node.
   * @param key - the property holding a link or an embedded node.
   * @param options - a signal.
   * @throws HydraError `unsafe_link` for a non-http(s) link, `credentials_in_url` for a link with `user:password@`, `action_not_offered` when the property is absent or null, or an {@link HttpError}.
   */
  follow<N extends object, K extends FollowableKey<N>>(node: N, key: K, options?: RequestOptions): Promise<Followed<NonNullable<Known<N>[K]>, D>>;
  /**
   * Iterates over the members of a collection across its pages, one page in memory.
   * @param collection - a decoded collection page, or its IRI.
   * @param options - `limit` (members) and `signal`.
   */
  members<C extends object>(collection: C | string, options?: { readonly limit?: number; readonly signal?: AbortSignal }): AsyncGenerator<MemberOf<C>, void, undefined>;
  /**
   * Iterates over the pages of a collection.
   * @param collection - a decoded collection page, or its IRI.
   * @param options - `limit` (pages) and `signal`.
   */
  pages<C extends object>(collection: C | string, options?: { readonly limit?: number; readonly signal?: AbortSignal }): AsyncGenerator<C, void, undefined>;
  /**
   * Invokes an action the node offers, with its declared method. An unavailable action (`null`)
   * throws `action_unavailable` without sending a request.
   * @param node - a decoded node.
   * @param action - the action's property name.
   * @param body - a node to send, when the action expects one.
   * @param options - a signal.
   * @returns the decoded answer, or `undefined` when it has no body (e.g. 202).
   */
  invoke<N extends object, A extends ActionName<N>>(node: N, action: A, body?: object, options?: RequestOptions): Promise<Returned<ActionSpecOf<Known<N>[A]>, D>>;
  /**
   * Sends a request with the client's credentials rules, retries and cache, and returns the raw
   * response. The call's deadline (`timeout`) still governs reading its body; no size limit does.
   * @param method - the HTTP method.
   * @param iri - an IRI.
   * @param init - a body (a node) and a signal.
   */
  request(method: string, iri: string, init?: { readonly body?: object; readonly signal?: AbortSignal }): Promise<Response>;
}

type MemberOf<C> = C extends { readonly members: readonly (infer M)[] } ? M : C extends { readonly member?: readonly (infer M)[] } ? M : unknown;

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

/**
 * One call's time budget: every attempt, redirect, wait before a retry and body read of a call
 * shares one deadline, so `timeout` bounds the call as a whole.
 */
interface Budget {
  /** Aborts when the caller's signal does or when the deadline passes; given to every fetch. */
  readonly signal: AbortSignal;
  /** The caller's own signal, to tell an abort from a timeout. */
  readonly user: AbortSignal | undefined;
  /** When the call must be over, on the `performance.now()` clock. */
  readonly deadline: number;
  /** The timeout it was made with, for messages. */
  readonly timeout: number;
}

function budgetOf(timeout: number, user: AbortSignal | undefined): Budget {
  const timer = AbortSignal.timeout(timeout);
  return { signal: user ? AbortSignal.any([user, timer]) : timer, user, deadline: performance.now() + timeout, timeout };
}

/** The typed error for a call its budget stopped (`aborted` or a timeout), or `undefined` when it did not. */
function stopped(budget: Budget, url: string): HydraError | undefined {
  if (budget.user?.aborted) return new HydraError('aborted', `Request to ${url} was aborted.`, { url, cause: budget.user.reason });
  if (budget.signal.aborted) return new HydraError('network_error', `Request to ${url} timed out after ${budget.timeout} ms.`, { url, cause: budget.signal.reason });
  return undefined;
}

/**
 * The most of an error body read for its Hydra error / problem (UTF-16 code units, or `maxSize`
 * when smaller). A problem is a few hundred characters; past this the body is not one worth
 * reading, and the status alone makes the {@link HttpError}.
 */
const ERROR_BODY_LIMIT = 64 * 1024;

/** The most bytes decoded at once, so that one huge chunk from `fetch` cannot overshoot the limit by much. */
const SLICE = 64 * 1024;

/**
 * Reads a body as text, holding at most `limit` UTF-16 code units (the unit `maxSize` counts,
 * so the bound is the one `decode` would apply to the whole text). Bytes are decoded as they
 * come, and the body is cancelled as soon as the text passes the limit: however much a server
 * sends, the client holds no more than the limit (and, once, the joined copy of a text within it).
 *
 * @returns the text (decoded as `Response.text()` does), or `undefined` when it passed the limit.
 */
async function readBounded(response: Response, limit: number): Promise<string | undefined> {
  const body = response.body;
  if (body === null) return '';
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let length = 0;
  const add = (part: string): boolean => {
    length += part.length;
    if (length > limit) return false;
    if (part !== '') parts.push(part);
    return true;
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return add(decoder.decode()) ? parts.join('') : undefined;
      for (let offset = 0; offset < value.byteLength; offset += SLICE) {
        if (!add(decoder.decode(value.subarray(offset, offset + SLICE), { stream: true }))) {
          await reader.cancel().catch(() => undefined);
          return undefined;
        }
      }
    }
  } finally {
    reader.releaseLock();
  }
}

function retryAfter(response: Response): number | undefined {
  const header = response.headers.get('retry-after');
  if (header === null) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/**
 * Refuses a URL with userinfo: fetch would throw a `TypeError` for it (once per retry), and a
 * password in a URL travels into logs and error messages. The error names the URL without it.
 */
function refuseCredentials(url: URL): URL {
  if (url.username === '' && url.password === '') return url;
  const shown = new URL(url.href);
  shown.username = '';
  shown.password = '';
  throw new HydraError('credentials_in_url', `Refusing ${shown.href}: it carries credentials (user:password@); give them as \`token\` or \`headers\`.`, { url: shown.href });
}

/**
 * Creates a hypermedia client. Works in Node 20 and in browsers (global `fetch`).
 *
 * @param options - base URL, registry, credentials and policies.
 * @returns the client.
 * @throws HydraError `credentials_in_url` when `baseUrl` carries `user:password@` (so do links,
 * redirects and action URLs that carry them, before any request).
 * @example
 * ```ts
 * import { createClient } from '@hyperld/hydra/client';
 * import { hydraRegistry } from '@hyperld/hydra';
 * const client = createClient({ baseUrl: 'https://api.example.com/', registry: hydraRegistry, token: 'secret' });
 * for await (const member of client.members('/things')) console.log(member);
 * ```
 */
export function createClient<D extends AnyTypeDef>(options: ClientOptions<D>): Client<D> {
  const base = refuseCredentials(new URL(options.baseUrl));
  const origin = base.origin;
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const mediaType = options.mediaType ?? 'application/ld+json';
  const accept = `${mediaType}, application/ld+json;q=0.9, application/json;q=0.8`;
  const timeout = options.timeout ?? 30_000;
  const maxRetries = options.retries ?? 2;
  const retryDelay = options.retryDelay ?? 200;
  const cache = options.cache === false ? undefined : new Map<string, { etag: string; node: object }>();
  const registry = options.registry;
  const decodeOptions = (url: string): DecodeOptions => ({ ...options.limits, base: url, unknownContext: options.unknownContext ?? 'error' });
  const maxSize = options.limits?.maxSize ?? DEFAULT_LIMITS.maxSize;

  const absolute = (iri: string, relativeTo?: string): URL => {
    let url: URL;
    try {
      url = new URL(iri, relativeTo ?? base);
    } catch (error) {
      throw new HydraError('unsafe_link', `Not a valid IRI: ${iri}`, { url: iri, cause: error });
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new HydraError('unsafe_link', `Refusing a ${url.protocol} link: only http and https are followed.`, { url: iri });
    }
    return refuseCredentials(url);
  };

  const headersFor = async (url: URL, extra: Record<string, string>): Promise<Record<string, string>> => {
    const headers: Record<string, string> = { accept, ...extra };
    if (url.origin !== origin) {
      if (options.crossOrigin === 'refuse') throw new HydraError('unsafe_link', `Refusing to leave ${origin} for ${url.origin}.`, { url: url.href });
      return headers;
    }
    if (options.headers) Object.assign(headers, await options.headers(url));
    if (options.token !== undefined) {
      const token = typeof options.token === 'function' ? await options.token() : options.token;
      headers['authorization'] = `Bearer ${token}`;
    }
    return headers;
  };

  /** One exchange: credentials per origin, redirects followed by hand so credentials never cross. */
  const exchange = async (method: string, start: URL, body: string | undefined, extra: Record<string, string>, signal: AbortSignal): Promise<{ response: Response; url: URL }> => {
    let url = start;
    let currentMethod = method;
    let currentBody = body;
    for (let hop = 0; hop <= 5; hop++) {
      const headers = await headersFor(url, currentBody !== undefined ? { ...extra, 'content-type': mediaType } : extra);
      const init: RequestInit = { method: currentMethod, headers, signal, redirect: 'manual', ...(currentBody !== undefined ? { body: currentBody } : {}) };
      let response = await doFetch(url.href, init);
      if (response.type === 'opaqueredirect') {
        // A browser hides redirect targets; it also drops Authorization on a cross-origin redirect itself.
        response = await doFetch(url.href, { ...init, redirect: 'follow' });
        const landed = new URL(response.url || url.href);
        if (landed.origin !== origin && options.crossOrigin === 'refuse') {
          // The browser has already followed it (without credentials); what can still be refused is its answer.
          await response.body?.cancel().catch(() => undefined);
          throw new HydraError('unsafe_link', `Refusing to leave ${origin} for ${landed.origin}.`, { url: landed.href });
        }
        return { response, url: landed };
      }
      if (!REDIRECTS.has(response.status)) return { response, url };
      const location = response.headers.get('location');
      if (location === null) return { response, url };
      await response.body?.cancel().catch(() => undefined);
      url = absolute(location, url.href);
      if (response.status === 303 || ((response.status === 301 || response.status === 302) && currentMethod === 'POST')) {
        currentMethod = 'GET';
        currentBody = undefined;
      }
    }
    throw new HydraError('network_error', `Too many redirects from ${start.href}.`, { url: start.href });
  };

  /**
   * Sends with retries of idempotent methods, all within the call's budget. A wait (Retry-After
   * or backoff) that would end past the deadline is not begun: the call ends at once with what
   * the last attempt gave, the 429/503 answer (so an `HttpError`) or the `network_error`.
   */
  const send = async (method: string, url: URL, body: string | undefined, extra: Record<string, string>, budget: Budget): Promise<{ response: Response; url: URL }> => {
    const retries = IDEMPOTENT.has(method) ? maxRetries : 0;
    for (let attempt = 0; ; attempt++) {
      let result: { response: Response; url: URL } | undefined;
      let failure: unknown;
      try {
        result = await exchange(method, url, body, extra, budget.signal);
      } catch (error) {
        if (error instanceof HydraError) throw error;
        const stop = stopped(budget, url.href);
        if (stop) throw stop;
        failure = error;
      }
      const status = result?.response.status;
      const retryable = failure !== undefined || status === 429 || status === 503;
      const hinted = result ? retryAfter(result.response) : undefined;
      const backoff = Math.min(10_000, retryDelay * 2 ** attempt) * (0.5 + Math.random() / 2);
      const wait = Math.min(hinted ?? backoff, 60_000);
      if (!retryable || attempt >= retries || performance.now() + wait >= budget.deadline) {
        if (failure !== undefined) {
          throw new HydraError('network_error', `Request to ${url.href} failed: ${failure instanceof Error ? failure.message : String(failure)}`, { url: url.href, cause: failure });
        }
        return result as { response: Response; url: URL };
      }
      await result?.response.body?.cancel().catch(() => undefined);
      try {
        await sleep(wait, budget.signal);
      } catch (error) {
        // Stopped while waiting to retry: the same error as a stop in flight, not the raw reason.
        throw stopped(budget, url.href) ?? error;
      }
    }
  };

  /**
   * Reads a body, at most `limit` UTF-16 code units of it (see {@link readBounded}). The call's
   * signal (user abort, deadline) still governs the body, so a read can fail after the headers
   * came: that is the same failure as one before them.
   *
   * @returns the text, or `undefined` when it is longer than `limit` (the rest is not read).
   */
  const readText = async (response: Response, url: string, budget: Budget, limit: number): Promise<string | undefined> => {
    try {
      return await readBounded(response, limit);
    } catch (error) {
      const stop = stopped(budget, url);
      if (stop) throw stop;
      throw new HydraError('network_error', `Reading the answer of ${url} failed: ${error instanceof Error ? error.message : String(error)}`, { url, cause: error });
    }
  };

  /** Reads an answer to decode: longer than `maxSize` is `decode_failed` with `max_size`, as `decode` itself says. */
  const readAnswer = async (response: Response, url: string, budget: Budget): Promise<string> => {
    const text = await readText(response, url, budget, maxSize);
    if (text !== undefined) return text;
    const error = new DecodeError([{ code: 'max_size', path: '$', expected: `at most ${maxSize} characters (maxSize)`, found: 'more (the rest was not read)' }]);
    throw new HydraError('decode_failed', `The answer of ${url} does not decode: ${error.message}`, { url, cause: error });
  };

  /** Throws the {@link HttpError} of an error answer, with its problem when the body is a short one. */
  const fail = async (response: Response, url: string, budget: Budget): Promise<never> => {
    const text = await readText(response, url, budget, Math.min(maxSize, ERROR_BODY_LIMIT));
    let problem: Problem | undefined;
    try {
      problem = text ? readProblem(JSON.parse(text)) : undefined;
    } catch {
      problem = undefined;
    }
    throw new HttpError(response, problem, url);
  };

  const invalidate = (url: URL): void => {
    if (!cache) return;
    const target = url.origin + url.pathname;
    for (const key of [...cache.keys()]) {
      const k = new URL(key);
      const path = k.origin + k.pathname;
      if (path === target || target.startsWith(path.endsWith('/') ? path : `${path}/`)) cache.delete(key);
    }
  };

  const decodeText = (text: string, url: string, def: AnyTypeDef | undefined): object => {
    try {
      const node = def ? registry.decodeAs(def, text, decodeOptions(url)) : registry.decode(text, decodeOptions(url));
      return node as object;
    } catch (error) {
      if (isDecodeError(error)) throw new HydraError('decode_failed', `The answer of ${url} does not decode: ${error.message}`, { url, cause: error });
      throw error;
    }
  };

  const load = async (iri: string, def: AnyTypeDef | undefined, relativeTo: string | undefined, signal: AbortSignal | undefined): Promise<object> => {
    const url = absolute(iri, relativeTo);
    const budget = budgetOf(timeout, signal);
    const cached = cache?.get(url.href);
    const { response, url: finalUrl } = await send('GET', url, undefined, cached ? { 'if-none-match': cached.etag } : {}, budget);
    if (response.status === 304 && cached) {
      await response.body?.cancel().catch(() => undefined);
      cache?.delete(url.href);
      cache?.set(url.href, cached);
      return cached.node;
    }
    if (!response.ok) return fail(response, finalUrl.href, budget);
    const node = decodeText(await readAnswer(response, finalUrl.href, budget), finalUrl.href, def);
    const etag = response.headers.get('etag');
    if (cache && etag) {
      cache.set(url.href, { etag, node });
      if (cache.size > 500) cache.delete(cache.keys().next().value as string);
    }
    return node;
  };

  const pageFetcher = (def: AnyTypeDef | undefined) => (url: string, init: { readonly signal?: AbortSignal }) => load(url, def, undefined, init.signal);

  const startOf = <C extends object>(collection: C | string): C | string => (typeof collection === 'string' ? absolute(collection).href : collection);

  const client: Client<D> = {
    registry,
    get: (iri, opts) => load(iri, undefined, undefined, opts?.signal) as never,
    getAs: (def, iri, opts) => load(iri, def, undefined, opts?.signal) as never,
    follow: async (node, key, opts) => {
      const value = (node as Record<string, unknown>)[key];
      if (value === null || value === undefined) {
        throw new HydraError('action_not_offered', `The node has no "${key}" to follow.`);
      }
      if (typeof value === 'object') return value as never;
      if (typeof value !== 'string') throw new HydraError('unsafe_link', `"${key}" is not a link.`);
      const meta = metaOf(node);
      const type = (node as Record<string, unknown>)['@type'];
      const def = typeof type === 'string' ? registry.lookup(type) : undefined;
      const kind = def?.properties[key];
      const targetName = kind?.spec.tag === 'link' ? kind.spec.target : undefined;
      const target = targetName !== undefined ? registry.lookup(targetName) : undefined;
      return load(value, target, meta?.base ?? base.href, opts?.signal) as never;
    },
    members: (collection, opts) => {
      const fetchPage = pageFetcher(undefined);
      return iterateMembers(startOf(collection), {
        fetch: fetchPage,
        registry,
        ...(opts?.limit !== undefined ? { limit: opts.limit } : {}),
        ...(opts?.signal ? { signal: opts.signal } : {}),
      }) as never;
    },
    pages: (collection, opts) =>
      iteratePages(startOf(collection), {
        fetch: pageFetcher(undefined),
        registry,
        ...(opts?.limit !== undefined ? { limit: opts.limit } : {}),
        ...(opts?.signal ? { signal: opts.signal } : {}),
      }) as never,
    invoke: async (node, actionName, body, opts) => {
      const record = node as Record<string, unknown>;
      const type = record['@type'];
      const def = typeof type === 'string' ? registry.lookup(type) : undefined;
      const spec = def ? declaredActions(def).find(([name]) => name === actionName)?.[1] : undefined;
      if (!spec) throw new HydraError('unknown_action', `${String(type)} declares no action "${actionName}".`);
      const value = Object.hasOwn(record, actionName) ? record[actionName] : undefined;
      if (value === null) throw new HydraError('action_unavailable', `"${actionName}" is unavailable now (its link is null).`);
      if (typeof value !== 'string') throw new HydraError('action_not_offered', `The node does not offer "${actionName}".`);
      const url = absolute(value, metaOf(node)?.base ?? base.href);
      const text = body !== undefined ? registry.encodeText(body) : undefined;
      const budget = budgetOf(timeout, opts?.signal);
      const { response, url: finalUrl } = await send(spec.method, url, text, {}, budget);
      if (!SAFE.has(spec.method)) invalidate(url);
      if (!response.ok) return fail(response, finalUrl.href, budget);
      const answer = await readAnswer(response, finalUrl.href, budget);
      if (answer.length === 0) return undefined as never;
      const returns = spec.returns !== undefined ? registry.lookup(spec.returns) : undefined;
      const decoded = decodeText(answer, finalUrl.href, returns);
      const id = (decoded as Record<string, unknown>)['id'];
      if (typeof id === 'string') invalidate(absolute(id, finalUrl.href));
      return decoded as never;
    },
    request: async (method, iri, init) => {
      const url = absolute(iri);
      const upper = method.toUpperCase();
      const { response } = await send(upper, url, init?.body !== undefined ? registry.encodeText(init.body) : undefined, {}, budgetOf(timeout, init?.signal));
      if (!SAFE.has(upper)) invalidate(url);
      return response;
    },
  };
  return client;
}
