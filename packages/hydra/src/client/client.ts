/**
 * A link-driven hypermedia client: `get` a resource as a typed node, `follow` its links (typed by
 * their declared targets), page through collections with `for await`, and `invoke` actions only
 * when the server offers them. Credentials go only to the API's own origin (`transport.ts`);
 * remote contexts are fetched only as the `contexts` policy trusts them (`context-store.ts`);
 * conditional GETs reuse cached nodes (`etag-cache.ts`); idempotent
 * requests are retried with backoff within one deadline per call (`retry.ts`, `deadline.ts`);
 * answers are read within the limits (`read-answer.ts`). The API documentation an answer links to
 * (`Link: <…>; rel="http://www.w3.org/ns/hydra/core#apiDocumentation"`) is remembered per origin and
 * loaded once, when `operations` or `invoke` of a run-time operation first needs it.
 *
 * @module
 */
import {
  DEFAULT_LIMITS,
  HYDRA,
  idOf,
  type DecodeError,
  isDecodeError,
  metaOf,
  type ContextResolver,
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
import { declaredActions, listActions, type ActionName, type ActionSpecOf, type ActionState } from '../actions.js';
import type { ApiDocumentationModel } from '../api-doc-reader.js';
import { HydraError } from '../errors.js';
import { collectionsOf, type ResourceCollection } from '../collections.js';
import type { HydraTemplateValues } from '../iri-template/hydra-template.js';
import type { DiscoveredOperation } from '../operations.js';
import { DEFAULT_MAX_PAGES, members as iterateMembers, pages as iteratePages, type PagingDirection } from '../pagination.js';
import { Trust, type ContextPolicy } from './context-policy.js';
import type { ContextDocumentLoader, ContextLimits } from './context-store.js';
import { budgetOf, type Budget } from './deadline.js';
import { EtagCache, type EtagCacheLimits } from './etag-cache.js';
import type { HttpError } from './http-error.js';
import { LazyContexts } from './lazy-contexts.js';
import { hasRel, parseLinkHeader } from './link-header.js';
import { failWith, readAnswer } from './read-answer.js';
import { sendWithRetries, type RetryPolicy } from './retry.js';
import { Transport } from './transport.js';

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
  /** The registry that decodes answers (with the remote contexts `contexts` lets the client fetch). */
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
  /** `error` (default): an unregistered, untrusted context URL fails decoding; `ignore`: decode by `@type` alone. */
  readonly unknownContext?: 'error' | 'ignore';
  /**
   * Which remote contexts the client fetches: `'registered'` (default) none, only the registry's
   * documents; `'same-origin'` context URLs on the origin of `baseUrl`; or a list of origins
   * (`['https://api.example.com']`). The W3C Hydra contexts are built in, never fetched. A trusted
   * context is fetched once (with the client's credentials on the API's origin only, none
   * elsewhere), kept by HTTP caching rules (`max-age`, `no-cache`, `no-store`, revalidated with
   * `ETag`/`Last-Modified` once stale) and shared by decoding and {@link Client.documentLoader}.
   * An untrusted URL is never requested: decoding fails (`decode_failed` with `unknown_context`),
   * a context naming one or the loader throws `unknown_context`. A plain JSON answer's context
   * `Link` header is used when the context may be (else ignored, and never fetched).
   */
  readonly contexts?: ContextPolicy;
  /** The bounds of remote contexts: size per document, time per load, documents kept (least recently used out), nesting depth. */
  readonly contextLimits?: ContextLimits;
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
  /**
   * Keep ETag'd answers for conditional GETs (default `true`: at most 500 nodes, decoded from at
   * most 32 Mi code units of text in all; give {@link EtagCacheLimits} to change those bounds).
   */
  readonly cache?: boolean | EtagCacheLimits;
  /**
   * Decoding limits. `maxSize` (in UTF-16 code units, as `decode` counts them) also bounds the
   * reading: an answer is decoded as its bytes arrive and its body cancelled as soon as the text
   * passes `maxSize`, which fails with `decode_failed` (cause `max_size`), so no answer makes the
   * client hold more than that. An error answer is read up to 64 Ki code units (or `maxSize` when
   * smaller) for its problem; past that its {@link HttpError} has no `problem`.
   */
  readonly limits?: Limits;
  /**
   * The most pages `members` and `pages` go through (default 1000): a further page linked after
   * that many is the `HydraError` `too_many_pages`, not the end. A call's own `maxPages` wins.
   */
  readonly maxPages?: number;
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
 * One operation of a node, as {@link Client.operations} lists it and {@link Client.invoke} takes
 * it: the client's name for {@link DiscoveredOperation} (the root entry's `Operation` is Hydra's
 * `hydra:Operation` type).
 *
 * @example
 * ```ts
 * import type { Operation } from '@hyperld/hydra/client';
 * const close: Operation = { name: 'closeConversation', method: 'PUT', target: 'https://api.example/conversations/1/close', state: 'available', source: 'property' };
 * ```
 */
export type Operation = DiscoveredOperation;

/**
 * Options of `members` and `pages`: which way, where from, how many, and a signal.
 *
 * @example
 * ```ts
 * import type { PageRequestOptions } from '@hyperld/hydra/client';
 * const newestFirst: PageRequestOptions = { direction: 'backward', from: 'last', limit: 50 };
 * ```
 */
export interface PageRequestOptions extends RequestOptions, PagingDirection {
  /** The most items to yield (members for `members`, pages for `pages`). */
  readonly limit?: number;
  /** The most pages to go through before `too_many_pages` (default: the client's `maxPages`). */
  readonly maxPages?: number;
}

/**
 * Options of `search` and `page`.
 *
 * @example
 * ```ts
 * import type { SearchRequestOptions } from '@hyperld/hydra/client';
 * const options: SearchRequestOptions = { prefixes: { schema: 'https://schema.org/' } };
 * ```
 */
export interface SearchRequestOptions extends RequestOptions {
  /** Prefixes for compact IRIs in the keys of the values, beyond the collection's context. */
  readonly prefixes?: Readonly<Record<string, string>>;
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
  /**
   * The registry decoding answers: the one given, with the built-in Hydra contexts and the trusted
   * remote contexts loaded so far (a new registry each time they change).
   */
  readonly registry: Registry<D>;
  /**
   * A jsonld document loader over the client's contexts: built in, registered, and trusted remote
   * ones (fetched or kept, as decoding shares them); any other URL throws `unknown_context` without
   * a request. Pass it to `jsonld.expand` or `@hyperld/core/jsonld`'s conversions.
   * @param options - a signal for its loads.
   */
  documentLoader(options?: RequestOptions): ContextDocumentLoader;
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
  members<C extends object>(collection: C | string, options?: PageRequestOptions): AsyncGenerator<MemberOf<C>, void, undefined>;
  /**
   * Iterates over the pages of a collection, forward (`next`) or backward (`previous`), from the
   * page given or its `first` or `last`.
   * @param collection - a decoded collection page, or its IRI.
   * @param options - `direction`, `from`, `limit` (pages), `maxPages` and `signal`.
   * @throws HydraError `too_many_pages` past `maxPages`, `page_loop`, `no_page_link`, `page_failed`, `aborted`.
   */
  pages<C extends object>(collection: C | string, options?: PageRequestOptions): AsyncGenerator<C, void, undefined>;
  /**
   * Searches a collection: expands its `hydra:search` template with the values (keyed by
   * variable name or by property IRI, full or compact) and fetches the result, decoded as `get`
   * decodes. `V` types the values where a declaration exists: `SearchInputOf<typeof template>`.
   * @param collection - a decoded collection, or its IRI (fetched first).
   * @param values - the values.
   * @param options - prefixes and a signal.
   * @throws HydraError `no_template`; IriTemplateError `missing_variable`, `unknown_variable`; or an {@link HttpError}.
   */
  search<V extends HydraTemplateValues = HydraTemplateValues>(collection: object | string, values: NoInfer<V>, options?: SearchRequestOptions): Promise<AnyNodeOf<D> | GenericNode>;
  /**
   * Fetches page `index` of a collection through its page-number template (a mapping whose
   * property is `hydra:pageIndex`, in its search or its view).
   * @param collection - a decoded collection, or its IRI (fetched first).
   * @param index - the page index, as the server counts.
   * @param options - other values the template needs, prefixes and a signal.
   * @throws HydraError `no_template`, or an {@link HttpError}.
   */
  page(collection: object | string, index: number, options?: SearchRequestOptions & { readonly values?: HydraTemplateValues }): Promise<AnyNodeOf<D> | GenericNode>;
  /**
   * The collections a node links with `hydra:collection`, with their member assertions
   * (`memberAssertion`, `manages`), optionally only those whose members are of a class; read with
   * the client's registry, IRIs resolved against the node's base, else the base URL.
   * @param node - a node of an answer, embedded or not.
   * @param options - `memberType`: an IRI, compact IRI or term of the node's context.
   */
  collections(node: object, options?: { readonly memberType?: string }): ResourceCollection[];
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
   * Invokes an operation of the node found at run time: one of {@link Client.operations}, or its
   * name (by name only for nodes whose type declares no actions: on a typed node, a name is
   * checked at compile time, so pass the operation itself). A compile-time action name takes the
   * typed path above. An `unavailable` operation throws `action_unavailable` and a `not-offered`
   * one `action_not_offered`, without a request; a name the node has no operation of throws
   * `unknown_action`. The answer is decoded as the type `returns` names when the registry knows
   * it, else by its own `@type`.
   * @param node - a node of an answer, embedded or not.
   * @param operation - an operation of the node, or its name.
   * @param body - a node to send, when the operation expects one.
   * @param options - a signal.
   * @returns the decoded answer, or `undefined` when it has no body.
   */
  invoke<N extends object>(
    node: N,
    operation: Operation | ([ActionName<N>] extends [never] ? string : never),
    body?: object,
    options?: RequestOptions,
  ): Promise<AnyNodeOf<D> | GenericNode | undefined>;
  /**
   * Lists every operation of a node, as `listOperations` does: its declared actions, the
   * operations its classes and their `hydra:Link` properties have in the API documentation, and
   * its inline `hydra:operation`s, with their states and unique names. The documentation is the
   * one the answers of the node's origin link to (`Link: <…>; rel="…hydra/core#apiDocumentation"`),
   * loaded on first need, once per origin (concurrent calls share the load; a failed load is tried
   * again by the next call); with none seen yet, only the declared actions and inline operations
   * are listed.
   * @param node - a node of an answer, embedded or not.
   * @param options - a signal.
   * @returns the operations.
   * @throws HydraError `decode_failed` when the documentation does not read (not JSON, a context
   * it cannot resolve, no `hydra:ApiDocumentation`), or an {@link HttpError} from loading it.
   */
  operations(node: object, options?: RequestOptions): Promise<Operation[]>;
  /**
   * Lists every action of a node, as `listActions` does, with the client's registry: for any node
   * of its answers, the embedded ones included (which carry no registry of their own). URLs
   * resolve against the node's base, else the base URL, as `invoke` resolves them.
   * @param node - a node of an answer, embedded or not.
   * @returns the actions, in declaration order, then the inline operations.
   */
  actions(node: object): ActionState[];
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
const API_DOCUMENTATION_REL = `${HYDRA}apiDocumentation`;
/** Origins whose API documentation a client remembers; past this, the oldest is forgotten (and loaded again if needed). */
const MAX_DOCUMENTED_ORIGINS = 64;

/** The most decodes of one answer: contexts found, loaded and decoded again (each may reveal more). */
const MAX_DECODE_ROUNDS = 4;

/**
 * Creates a hypermedia client. Works in Node 20 and in browsers (global `fetch`).
 *
 * @param options - base URL, registry, credentials and policies.
 * @returns the client.
 * @throws HydraError `credentials_in_url` when `baseUrl` carries `user:password@` (so do links,
 * redirects and action URLs that carry them, before any request); `invalid_option` for a
 * `contexts` policy that is not one, or one of its origins that is not an http(s) origin.
 * @example
 * ```ts
 * import { createClient } from '@hyperld/hydra/client';
 * import { hydraRegistry } from '@hyperld/hydra';
 * const client = createClient({ baseUrl: 'https://api.example.com/', registry: hydraRegistry, token: 'secret' });
 * for await (const member of client.members('/things')) console.log(member);
 * ```
 */
export function createClient<D extends AnyTypeDef>(options: ClientOptions<D>): Client<D> {
  return new HypermediaClient(options);
}

/**
 * The client: a transport, a retry policy, an ETag cache and the registry, and one method per
 * call. Its methods are bound (arrow functions), as the object the client used to be.
 */
class HypermediaClient<D extends AnyTypeDef> implements Client<D> {
  readonly #options: ClientOptions<D>;
  readonly #contexts: LazyContexts<D>;
  readonly #transport: Transport;
  readonly #retry: RetryPolicy;
  readonly #cache: EtagCache | undefined;
  readonly #timeout: number;
  readonly #maxSize: number;
  /** The API documentation URL each origin's answers last linked to. */
  readonly #docUrls = new Map<string, string>();
  /** The API documentation of each origin, loaded (or loading) from `url`. */
  readonly #docs = new Map<string, { readonly url: string; readonly model: Promise<ApiDocumentationModel> }>();
  readonly #maxPages: number;

  constructor(options: ClientOptions<D>) {
    this.#options = options;
    this.#transport = new Transport(options);
    this.#retry = { retries: options.retries ?? 2, delay: options.retryDelay ?? 200 };
    this.#contexts = new LazyContexts(options.registry, new Trust(options.contexts, this.#transport.origin), this.#transport, this.#retry, options.contextLimits ?? {});
    this.#cache = options.cache === false ? undefined : new EtagCache(typeof options.cache === 'object' ? options.cache : {});
    this.#timeout = options.timeout ?? 30_000;
    this.#maxSize = options.limits?.maxSize ?? DEFAULT_LIMITS.maxSize;
    this.#maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  }

  get registry(): Registry<D> {
    return this.#contexts.registry;
  }

  readonly documentLoader: Client<D>['documentLoader'] = (opts) => this.#contexts.loader(opts?.signal);

  readonly get: Client<D>['get'] = (iri, opts) => this.#load(iri, undefined, undefined, opts?.signal) as never;

  readonly getAs: Client<D>['getAs'] = (def, iri, opts) => this.#load(iri, def, undefined, opts?.signal) as never;

  readonly follow: Client<D>['follow'] = async (node, key, opts) => {
    const value = (node as Record<string, unknown>)[key];
    if (value === null || value === undefined) {
      throw new HydraError('action_not_offered', `The node has no "${key}" to follow.`);
    }
    if (typeof value === 'object') return value as never;
    if (typeof value !== 'string') throw new HydraError('unsafe_link', `"${key}" is not a link.`);
    const { registry } = this;
    const base = metaOf(node)?.base ?? this.#transport.base.href;
    const kind = registry.definitionOf(node, { base })?.properties[key];
    const targetName = kind?.spec.tag === 'link' ? kind.spec.target : undefined;
    const target = targetName !== undefined ? registry.lookup(targetName) : undefined;
    return this.#load(value, target, base, opts?.signal) as never;
  };

  readonly members: Client<D>['members'] = (collection, opts) => iterateMembers(this.#startOf(collection), this.#pagingOptions(collection, opts)) as never;

  readonly pages: Client<D>['pages'] = (collection, opts) => iteratePages(this.#startOf(collection), this.#pagingOptions(collection, opts)) as never;

  readonly search: Client<D>['search'] = async (collection, values, opts) => {
    const [node, { searchUrl }] = await Promise.all([this.#collectionNode(collection, opts?.signal), import('../search.js')]);
    const url = searchUrl(node, values, this.#templateOptions(node, opts));
    return this.#load(url, undefined, undefined, opts?.signal) as never;
  };

  readonly page: Client<D>['page'] = async (collection, index, opts) => {
    const [node, { pageUrl }] = await Promise.all([this.#collectionNode(collection, opts?.signal), import('../search.js')]);
    const url = pageUrl(node, index, { ...this.#templateOptions(node, opts), ...(opts?.values !== undefined ? { values: opts.values } : {}) });
    return this.#load(url, undefined, undefined, opts?.signal) as never;
  };

  readonly collections: Client<D>['collections'] = (node, opts) =>
    collectionsOf(node, {
      registry: this.registry,
      base: metaOf(node)?.base ?? this.#transport.base.href,
      ...(opts?.memberType !== undefined ? { memberType: opts.memberType } : {}),
    });

  readonly invoke: Client<D>['invoke'] = (async (node: object, operation: string | Operation, body?: object, opts?: RequestOptions) => {
    const record = node as Record<string, unknown>;
    const base = metaOf(node)?.base ?? this.#transport.base.href;
    if (typeof operation !== 'string') {
      return operation.source === 'property' ? this.#invokeAction(node, operation.name, body, opts) : this.#invokeOperation(operation, body, opts);
    }
    const def = this.registry.definitionOf(node, { base });
    if (def !== undefined && declaredActions(def).some(([name]) => name === operation)) return this.#invokeAction(node, operation, body, opts);
    const found = (await this.operations(node, opts)).find((op) => op.name === operation);
    if (found === undefined) throw new HydraError('unknown_action', `${String(record['@type'])} has no action or operation "${operation}".`);
    return this.#invokeOperation(found, body, opts);
  }) as Client<D>['invoke'];

  readonly operations: Client<D>['operations'] = async (node, opts) => {
    const base = metaOf(node)?.base ?? this.#transport.base.href;
    const [apiDocumentation, { listOperations }] = await Promise.all([this.#apiDocumentationOf(base, opts?.signal), import('../operations.js')]);
    return listOperations(node, { registry: this.registry, base, resolveContext: this.#resolveContext, ...(apiDocumentation !== undefined ? { apiDocumentation } : {}) });
  };

  readonly actions: Client<D>['actions'] = (node) => {
    const meta = metaOf(node);
    return listActions(node, { registry: meta?.registry ?? this.registry, base: meta?.base ?? this.#transport.base.href });
  };

  readonly request: Client<D>['request'] = async (method, iri, init) => {
    const url = this.#transport.resolve(iri);
    const upper = method.toUpperCase();
    const text = init?.body !== undefined ? this.registry.encodeText(init.body) : undefined;
    const { response, url: finalUrl } = await sendWithRetries(this.#transport, this.#retry, upper, url, text, {}, budgetOf(this.#timeout, init?.signal));
    this.#noteLinks(response, finalUrl.href);
    if (!SAFE.has(upper)) this.#cache?.invalidate(url);
    return response;
  };

  /** A declared action of the node, invoked as its type declares it (the typed path). */
  async #invokeAction(node: object, actionName: string, body: object | undefined, opts: RequestOptions | undefined): Promise<unknown> {
    const { registry } = this;
    const record = node as Record<string, unknown>;
    const base = metaOf(node)?.base ?? this.#transport.base.href;
    const def = registry.definitionOf(node, { base });
    const spec = def ? declaredActions(def).find(([name]) => name === actionName)?.[1] : undefined;
    if (!spec) throw new HydraError('unknown_action', `${String(record['@type'])} declares no action "${actionName}".`);
    const value = Object.hasOwn(record, actionName) ? record[actionName] : undefined;
    if (value === null) throw new HydraError('action_unavailable', `"${actionName}" is unavailable now (its link is null).`);
    if (typeof value !== 'string') throw new HydraError('action_not_offered', `The node does not offer "${actionName}".`);
    const returns = spec.returns !== undefined ? registry.lookup(spec.returns) : undefined;
    return this.#send(spec.method, this.#transport.resolve(value, base), body, returns, opts);
  }

  /** An operation found at run time: refused without a request unless available, else sent to its target. */
  async #invokeOperation(operation: Operation, body: object | undefined, opts: RequestOptions | undefined): Promise<unknown> {
    if (operation.state === 'unavailable') throw new HydraError('action_unavailable', `"${operation.name}" is unavailable now (its link is null).`);
    if (operation.state !== 'available' || operation.target === undefined) throw new HydraError('action_not_offered', `The node does not offer "${operation.name}".`);
    const { registry } = this;
    const returns = operation.returns !== undefined ? (registry.lookupIri(operation.returns) ?? registry.lookup(operation.returns)) : undefined;
    return this.#send(operation.method.toUpperCase(), this.#transport.resolve(operation.target), body, returns, opts);
  }

  /** Sends an action's request and decodes its answer (as `returns` when given); a node answered is no longer cached. */
  async #send(method: string, url: URL, body: object | undefined, returns: AnyTypeDef | undefined, opts: RequestOptions | undefined): Promise<unknown> {
    const transport = this.#transport;
    const text = body !== undefined ? this.registry.encodeText(body) : undefined;
    const budget = budgetOf(this.#timeout, opts?.signal);
    const { response, url: finalUrl } = await sendWithRetries(transport, this.#retry, method, url, text, {}, budget);
    this.#noteLinks(response, finalUrl.href);
    if (!SAFE.has(method)) this.#cache?.invalidate(url);
    if (!response.ok) return failWith(response, finalUrl.href, budget, this.#maxSize);
    const answer = await readAnswer(response, finalUrl.href, budget, this.#maxSize);
    if (answer.length === 0) return undefined;
    const decoded = await this.#decodeText(answer, finalUrl.href, returns, budget, await this.#contexts.linkedContext(response, finalUrl.href));
    const id = idOf(decoded);
    if (typeof id === 'string') this.#cache?.invalidate(transport.resolve(id, finalUrl.href));
    return decoded;
  }

  /** Remembers the API documentation an answer links to, for the origin of the URL it came from. */
  #noteLinks(response: Response, url: string): void {
    const header = response.headers.get('link');
    if (header === null) return;
    for (const link of parseLinkHeader(header, url)) {
      if (!hasRel(link, API_DOCUMENTATION_REL)) continue;
      const origin = new URL(url).origin;
      if (this.#docUrls.get(origin) === link.href) return;
      this.#docUrls.delete(origin);
      this.#docUrls.set(origin, link.href);
      forgetOldest(this.#docUrls);
      return;
    }
  }

  /**
   * The API documentation of the origin of `base`, loaded on first need from the URL its answers
   * link to: one load per origin and URL, shared by concurrent callers (a caller's signal stops
   * its own wait, not the load); a failed load is forgotten, so a later call tries again.
   */
  async #apiDocumentationOf(base: string, signal: AbortSignal | undefined): Promise<ApiDocumentationModel | undefined> {
    const origin = new URL(base).origin;
    const url = this.#docUrls.get(origin);
    if (url === undefined) return undefined;
    let entry = this.#docs.get(origin);
    if (entry === undefined || entry.url !== url) {
      const loaded = { url, model: this.#loadApiDocumentation(url) };
      this.#docs.delete(origin);
      this.#docs.set(origin, loaded);
      forgetOldest(this.#docs);
      loaded.model.catch(() => {
        if (this.#docs.get(origin) === loaded) this.#docs.delete(origin);
      });
      entry = loaded;
    }
    if (signal === undefined) return entry.model;
    if (signal.aborted) throw new HydraError('aborted', `Loading the API documentation ${url} was aborted.`, { url, cause: signal.reason });
    const model = entry.model;
    return new Promise<ApiDocumentationModel>((resolve, reject) => {
      const onAbort = () => reject(new HydraError('aborted', `Loading the API documentation ${url} was aborted.`, { url, cause: signal.reason }));
      signal.addEventListener('abort', onAbort, { once: true });
      model.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }

  /** One load of an API documentation, within the client's limits and deadline; a failure to read it is `decode_failed`. */
  async #loadApiDocumentation(iri: string): Promise<ApiDocumentationModel> {
    const url = this.#transport.resolve(iri);
    const budget = budgetOf(this.#timeout, undefined);
    const { response, url: finalUrl } = await sendWithRetries(this.#transport, this.#retry, 'GET', url, undefined, {}, budget);
    if (!response.ok) return failWith(response, finalUrl.href, budget, this.#maxSize);
    const text = await readAnswer(response, finalUrl.href, budget, this.#maxSize);
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (error) {
      throw new HydraError('decode_failed', `The API documentation at ${finalUrl.href} is not JSON.`, { url: finalUrl.href, cause: error });
    }
    const { readApiDocumentation } = await import('../api-doc-reader.js');
    return readApiDocumentation(doc, {
      base: finalUrl.href,
      resolveContext: await this.#contextsOf(doc, finalUrl.href, budget),
      ...(this.#options.limits?.maxDepth !== undefined ? { maxDepth: this.#options.limits.maxDepth } : {}),
    });
  }

  /**
   * How the context URLs an API documentation names resolve: the published Hydra context (built
   * into the reader), its inline contexts (no resolution needed), the registry's, and the remote
   * contexts the `contexts` policy trusts, loaded here (within their limits and the call's
   * deadline) before the synchronous read; an untrusted one is never fetched.
   */
  async #contextsOf(doc: unknown, base: string, budget: Budget): Promise<ContextResolver> {
    const registry = await this.#contexts.contextsFor(doc, base, budget);
    return (url, relativeTo) => registry.context(url, relativeTo);
  }

  /**
   * The context URLs the client resolves when reading operations: the registry's, with the remote
   * contexts kept under the `contexts` policy (no request: they came with the answers).
   */
  readonly #resolveContext: ContextResolver = (url, base) => this.registry.context(url, base);

  /** Fetches the page at `url` for paging (`members`, `pages`): each page is a call of its own. */
  readonly #pageFetcher = (url: string, init: { readonly signal?: AbortSignal }): Promise<object> => this.#load(url, undefined, undefined, init.signal);

  /** A GET decoded (as `def` when given), revalidated with the kept `ETag` when there is one. */
  async #load(iri: string, def: AnyTypeDef | undefined, relativeTo: string | undefined, signal: AbortSignal | undefined): Promise<object> {
    const cache = this.#cache;
    const url = this.#transport.resolve(iri, relativeTo);
    const budget = budgetOf(this.#timeout, signal);
    const cached = cache?.get(url.href);
    const { response, url: finalUrl } = await sendWithRetries(this.#transport, this.#retry, 'GET', url, undefined, cached ? { 'if-none-match': cached.etag } : {}, budget);
    this.#noteLinks(response, finalUrl.href);
    if (response.status === 304 && cached) {
      await response.body?.cancel().catch(() => undefined);
      cache?.revalidated(url.href, cached);
      return cached.node;
    }
    if (!response.ok) return failWith(response, finalUrl.href, budget, this.#maxSize);
    const text = await readAnswer(response, finalUrl.href, budget, this.#maxSize);
    const linked = await this.#contexts.linkedContext(response, finalUrl.href);
    const node = await this.#decodeText(text, finalUrl.href, def, budget, linked);
    const etag = response.headers.get('etag');
    if (cache && etag) cache.set(url.href, etag, node, text.length);
    return node;
  }

  /**
   * An answer's text decoded with the registry; a decoding failure is `decode_failed`. When it
   * fails on context URLs the policy trusts (or built in), those are loaded and the text decoded
   * again with the registry extended by them; documents whose contexts are known take one decode.
   * After a decode, stale kept contexts the document names are revalidated (and the text decoded
   * again if one changed). `linked` is a plain JSON answer's context from its `Link` header.
   */
  async #decodeText(text: string, url: string, def: AnyTypeDef | undefined, budget: Budget, linked?: string): Promise<object> {
    const contexts = this.#contexts;
    const ignore = this.#options.unknownContext === 'ignore';
    let registry = linked !== undefined && !contexts.has(linked) ? await contexts.load([linked], budget) : contexts.registry;
    // `context` is core's option for a context the document does not name (helper w16core adds it).
    const options = { ...this.#options.limits, base: url, ...(linked !== undefined ? { context: linked } : {}) } as DecodeOptions;
    // Under `ignore`, decode first as `error` would, to find the contexts the policy lets load.
    let unknownContext: 'error' | 'ignore' = ignore && contexts.trustsNone ? 'ignore' : 'error';
    const loaded = new Set<string>(linked !== undefined ? [linked] : []);
    for (let round = 0; ; round++) {
      let node: object;
      try {
        const settings: DecodeOptions = { ...options, unknownContext };
        node = (def ? registry.decodeAs(def, text, settings) : registry.decode(text, settings)) as object;
      } catch (error) {
        if (!isDecodeError(error)) throw error;
        const wanted = unknownContext === 'error' && round < MAX_DECODE_ROUNDS ? await contexts.wanted(error, text, url) : undefined;
        if (wanted !== undefined && wanted.load.length > 0 && (wanted.untrusted.length === 0 || ignore)) {
          registry = await contexts.load(wanted.load, budget);
          for (const url of wanted.load) loaded.add(url);
          if (wanted.untrusted.length > 0) unknownContext = 'ignore';
          continue;
        }
        if (ignore && unknownContext === 'error') {
          unknownContext = 'ignore';
          continue;
        }
        throw this.#decodeFailed(error, url, wanted?.untrusted ?? []);
      }
      const fresher = round < MAX_DECODE_ROUNDS ? await contexts.revalidate(node, url, budget, loaded) : undefined;
      if (fresher === undefined) return node;
      registry = fresher;
    }
  }

  /** The paging options of a call: the client's fetcher, registry (see `#pagingRegistry`) and page cap, and the call's own. */
  #pagingOptions(collection: object | string, opts: PageRequestOptions | undefined) {
    return {
      fetch: this.#pageFetcher,
      ...this.#pagingRegistry(collection),
      maxPages: opts?.maxPages ?? this.#maxPages,
      ...(opts?.limit !== undefined ? { limit: opts.limit } : {}),
      ...(opts?.signal ? { signal: opts.signal } : {}),
      ...(opts?.direction !== undefined ? { direction: opts.direction } : {}),
      ...(opts?.from !== undefined ? { from: opts.from } : {}),
    };
  }

  /** A collection in hand, or fetched by its IRI (for `search` and `page`). */
  async #collectionNode(collection: object | string, signal: AbortSignal | undefined): Promise<object> {
    return typeof collection === 'string' ? this.#load(collection, undefined, undefined, signal) : collection;
  }

  /** How a collection's templates are read: with the client's registry, against its base, else the base URL. */
  #templateOptions(node: object, opts: SearchRequestOptions | undefined) {
    return { registry: this.registry, base: metaOf(node)?.base ?? this.#transport.base.href, ...(opts?.prefixes !== undefined ? { prefixes: opts.prefixes } : {}) };
  }

  /** The `decode_failed` of an answer, naming the policy when untrusted contexts are why. */
  #decodeFailed(error: DecodeError, url: string, untrusted: readonly string[]): HydraError {
    const why = untrusted.length > 0 ? ` (${untrusted.join(', ')}: not trusted, ${this.#contexts.policy}; not fetched)` : '';
    return new HydraError('decode_failed', `The answer of ${url} does not decode: ${error.message}${why}`, { url, cause: error });
  }

  /**
   * The registry paging reads pages with: none for pages the client decodes (each is read with the
   * registry that decoded it, so contexts fetched while paging count), the client's for a page in
   * hand that was not decoded.
   */
  #pagingRegistry(collection: object | string): { readonly registry?: Registry<D> } {
    return typeof collection === 'string' || metaOf(collection)?.registry !== undefined ? {} : { registry: this.registry };
  }

  /** A collection given by IRI, resolved against the base; a page in hand as it is. */
  #startOf<C extends object>(collection: C | string): C | string {
    return typeof collection === 'string' ? this.#transport.resolve(collection).href : collection;
  }
}

/** Keeps a map of origins within {@link MAX_DOCUMENTED_ORIGINS}, forgetting the oldest first. */
function forgetOldest(map: Map<string, unknown>): void {
  while (map.size > MAX_DOCUMENTED_ORIGINS) {
    const oldest = map.keys().next();
    if (oldest.done === true) return;
    map.delete(oldest.value);
  }
}
