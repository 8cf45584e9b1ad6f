/**
 * The client's remote contexts: the context documents a `contexts` policy trusts, fetched once
 * and kept by HTTP caching rules (`http-freshness.ts`), bounded in size, time and count, and shared
 * by decoding (through a registry extended with them) and the `./jsonld` document loader. The
 * W3C Hydra contexts are built in and never fetched; an untrusted URL is never requested.
 *
 * @module
 */
import type { AnyTypeDef, ContextDocument, DecodeError, JsonObject, Registry } from '@hyperld/core';
import { HYDRA_CONTEXT, HYDRA_CONTEXT_DOCUMENT } from '../contexts/hydra-context.js';
import { HYDRA_ERROR_CONTEXT, HYDRA_ERROR_CONTEXT_DOCUMENT } from '../contexts/hydra-error-context.js';
import { HydraError } from '../errors.js';
import type { Trust } from './context-policy.js';
import type { Budget } from './deadline.js';
import { freshnessOf, type Freshness } from './http-freshness.js';
import { hasRel, mayLinkContext, parseLinkHeader } from './link-header.js';
import { failWith, readAnswer } from './read-answer.js';
import { sendWithRetries, type RetryPolicy } from './retry.js';
import type { Transport } from './transport.js';

/**
 * The bounds of remote contexts (the `contextLimits` option of `createClient`).
 *
 * @example
 * ```ts
 * import type { ContextLimits } from '@hyperld/hydra/client';
 * const limits: ContextLimits = { maxSize: 64 * 1024, timeout: 5000, maxDocuments: 16, maxDepth: 2 };
 * ```
 */
export interface ContextLimits {
  /** The most of one context document read, in UTF-16 code units (default 256 Ki); past it the read is cancelled: `context_failed`. */
  readonly maxSize?: number;
  /** The most time one context load may take, in milliseconds (default 10 s), within the deadline of the call that needs it. */
  readonly timeout?: number;
  /** The most documents kept (default 64): the least recently used goes first; one document needing more at once is `context_failed`. */
  readonly maxDocuments?: number;
  /** How deep contexts may name other contexts (default 4): a document's context is depth 0, a context it includes 1, … */
  readonly maxDepth?: number;
}

/**
 * A jsonld document loader, as `@hyperld/core/jsonld`'s `DocumentLoader` (this type is the same
 * shape, declared here so that the client's declarations do not need jsonld's).
 *
 * @example
 * ```ts
 * import type { ContextDocumentLoader } from '@hyperld/hydra/client';
 * const refuse: ContextDocumentLoader = async (url) => { throw new Error(`not loading ${url}`); };
 * ```
 */
export type ContextDocumentLoader = (url: string) => Promise<{ readonly documentUrl: string; readonly document: unknown }>;

/**
 * The relation of a `Link` header naming the JSON-LD context of a plain JSON answer.
 *
 * @internal
 * @example
 * ```ts
 * import { JSONLD_CONTEXT_REL } from './context-store.js';
 * const link = `</contexts/Book>; rel="${JSONLD_CONTEXT_REL}"`;
 * ```
 */
export const JSONLD_CONTEXT_REL = 'http://www.w3.org/ns/json-ld#context';

const DEFAULTS = { maxSize: 256 * 1024, timeout: 10_000, maxDocuments: 64, maxDepth: 4 } as const;

/** The contexts served from the project's own copies, whatever the policy. */
const BUILT_IN: ReadonlyMap<string, ContextDocument> = new Map([
  [HYDRA_CONTEXT, HYDRA_CONTEXT_DOCUMENT],
  [HYDRA_ERROR_CONTEXT, HYDRA_ERROR_CONTEXT_DOCUMENT],
]);

/** The header fields that say how a kept answer may be reused (what a 304 updates). */
const CACHING_FIELDS = ['cache-control', 'expires', 'date', 'age', 'etag', 'last-modified', 'pragma'] as const;

const ACCEPT = 'application/ld+json, application/json;q=0.9';

/** A context document kept. */
interface Entry {
  /** The document as served: an object with `@context`. */
  readonly raw: JsonObject;
  /** The same context as one object, what the registry needs: the contexts it includes merged in. */
  readonly flat: ContextDocument;
  /** The absolute URLs its `@context` names (arrays, `@import`), in order. */
  readonly includes: readonly string[];
  /** The flat documents of `includes` that `flat` was merged from, to see when one changed. */
  readonly merged: readonly ContextDocument[];
  /** When it is fresh until, and its validators. */
  readonly freshness: Freshness;
  /** Its caching header fields, updated by a 304. */
  readonly headers: Headers;
}

/** What a fetch of a context gave: a new document, or a 304 for the one kept. */
type Fetched = { readonly raw: JsonObject; readonly url: string; readonly headers: Headers; readonly freshness: Freshness } | { readonly notModified: true; readonly headers: Headers; readonly freshness: Freshness };

/** A document loaded: as served, and as one object. */
interface Loaded {
  readonly raw: JsonObject;
  readonly flat: ContextDocument;
}

/** What one load asks: the documents it found, and how many it touched (bounded). */
interface Session {
  readonly seen: Set<string>;
  /** Each document loaded: as served, and flat. */
  readonly found: Map<string, Loaded>;
  readonly budget: Budget;
}

/**
 * The URLs a decoding failure wants: trusted ones to load, and those the policy refuses.
 *
 * @internal
 * @example
 * ```ts
 * import type { Wanted } from './context-store.js';
 * const wanted: Wanted = { load: ['https://api.example.com/contexts/Book'], untrusted: [] };
 * ```
 */
export interface Wanted {
  /** Absolute URLs the policy trusts (or built in): load them and decode again. */
  readonly load: readonly string[];
  /** Absolute URLs it does not: never fetched. */
  readonly untrusted: readonly string[];
}

/**
 * The store of remote contexts of one client.
 *
 * @internal
 * @example
 * ```ts
 * import { hydraRegistry } from '@hyperld/hydra';
 * import { Trust } from './context-policy.js';
 * import { ContextStore } from './context-store.js';
 * import { Transport } from './transport.js';
 * const transport = new Transport({ baseUrl: 'https://api.example.com/' });
 * const store = new ContextStore(hydraRegistry, new Trust('same-origin', transport.origin), transport, { retries: 0, delay: 1 }, {});
 * const registry = await store.load(['https://api.example.com/contexts/Book'], undefined); // fetched once, kept
 * ```
 */
export class ContextStore<D extends AnyTypeDef> {
  readonly #base: Registry<D>;
  readonly #trust: Trust;
  readonly #transport: Transport;
  readonly #retry: RetryPolicy;
  readonly #limits: Required<ContextLimits>;
  /** Kept documents by absolute URL, least recently used first. */
  readonly #entries = new Map<string, Entry>();
  /** Requests in flight by URL, so that concurrent loads share one. */
  readonly #fetching = new Map<string, Promise<Fetched>>();
  /** Built-in contexts that documents used and the base registry lacks. */
  readonly #builtIns = new Set<string>();
  #version = 0;
  #built: { readonly version: number; readonly registry: Registry<D> } | undefined;

  /**
   * @param base - the client's registry.
   * @param trust - the policy.
   * @param transport - the client's transport (credentials to the API's origin only).
   * @param retry - the client's retries.
   * @param limits - the bounds (defaults: 256 Ki code units, 10 s, 64 documents, depth 4).
   */
  constructor(base: Registry<D>, trust: Trust, transport: Transport, retry: RetryPolicy, limits: ContextLimits) {
    this.#base = base;
    this.#trust = trust;
    this.#transport = transport;
    this.#retry = retry;
    this.#limits = { ...DEFAULTS, ...definedOf(limits) };
  }

  /** Whether the policy trusts no origin (`'registered'`): only built-in and registered contexts serve. */
  get trustsNone(): boolean {
    return this.#trust.origins.size === 0;
  }

  /** The policy, as error messages name it. */
  get policy(): string {
    return this.#trust.described;
  }

  /**
   * The client's registry with the built-in contexts documents used and every context kept: what
   * decodes answers and what readers resolve terms with. Rebuilt only when what is kept changes.
   */
  get registry(): Registry<D> {
    const built = this.#built;
    if (built !== undefined && built.version === this.#version) return built.registry;
    const registry = this.#extend(new Map());
    this.#built = { version: this.#version, registry };
    return registry;
  }

  /**
   * Which context URLs a decoding failure names that are not known: from its `unknown_context`
   * violations, each read at its path in the text (the violation shows only a shortened value).
   *
   * @param error - the decode error.
   * @param text - the decoded text.
   * @param documentUrl - the document's URL, which relative context URLs resolve against.
   * @returns the URLs to load and the untrusted ones, or `undefined` when there is no
   * `unknown_context` violation or one whose URL cannot be read.
   */
  wanted(error: DecodeError, text: string, documentUrl: string): Wanted | undefined {
    const violations = error.violations.filter((v) => v.code === 'unknown_context');
    if (violations.length === 0) return undefined;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return undefined;
    }
    const load: string[] = [];
    const untrusted: string[] = [];
    for (const violation of violations) {
      const value = valueAt(parsed, violation.path);
      if (typeof value !== 'string') return undefined;
      const url = absolute(value, documentUrl);
      if (url === undefined) return undefined;
      const list = BUILT_IN.has(url.href) || this.#trust.allows(url) ? load : untrusted;
      if (!list.includes(url.href)) list.push(url.href);
    }
    return { load, untrusted };
  }

  /**
   * Whether the current registry already has the document of an absolute context URL.
   *
   * @param url - an absolute URL.
   * @returns whether it is known.
   */
  has(url: string): boolean {
    return this.registry.context(url) !== undefined;
  }

  /**
   * Whether a context URL may be used: built in, registered or trusted.
   *
   * @param url - an absolute URL.
   * @returns whether it is.
   */
  usable(url: string): boolean {
    if (BUILT_IN.has(url) || this.#base.context(url, this.#transport.base.href) !== undefined) return true;
    const parsed = absolute(url, this.#transport.base.href);
    return parsed !== undefined && this.#trust.allows(parsed);
  }

  /**
   * Loads context documents (and the contexts they name, under the same policy), fresh: kept ones
   * are used while fresh and revalidated once stale, others fetched.
   *
   * @param urls - absolute URLs, each built in or trusted.
   * @param call - the budget of the call that needs them (their own `timeout` applies within it).
   * @returns a registry that has them all.
   * @throws HydraError `unknown_context` (a URL, or one a context names, is not trusted),
   * `context_failed`, `invalid_context`, `aborted`.
   */
  async load(urls: readonly string[], call: Budget | undefined): Promise<Registry<D>> {
    const { budget, done } = within(call, this.#limits.timeout);
    const session: Session = { seen: new Set(), found: new Map(), budget };
    try {
      for (const url of urls) await this.#ensure(url, [], session);
    } finally {
      done();
    }
    // What the registry lacks: documents not to be kept (`no-store`), or dropped since by other loads.
    const registry = this.registry;
    const missing = new Map<string, ContextDocument>();
    for (const [url, loaded] of session.found) if (registry.context(url) === undefined) missing.set(url, loaded.flat);
    return missing.size === 0 ? registry : this.#extend(missing);
  }

  /**
   * Loads the contexts a JSON value names anywhere (its `@context` members, of embedded objects
   * too) that may be used and are not known yet, for a reader that resolves contexts
   * synchronously (such as the API documentation reader). Untrusted URLs are left out, never
   * fetched: the reader meets them as unknown.
   *
   * @param value - a parsed JSON document.
   * @param documentUrl - its URL, which relative context URLs resolve against.
   * @param call - the budget of the call that needs them.
   * @returns a registry that has every usable context the value names.
   * @throws HydraError as {@link ContextStore.load} does.
   */
  async contextsFor(value: unknown, documentUrl: string, call: Budget | undefined): Promise<Registry<D>> {
    const registry = this.registry;
    const wanted = contextUrlsOf(value, documentUrl).filter((url) => registry.context(url) === undefined && this.usable(url));
    return wanted.length === 0 ? registry : this.load(wanted, call);
  }

  /**
   * After a decoding: marks the contexts the document's root names as just used (for the least
   * recently used to go first), and when a kept context has gone stale, revalidates those the
   * document names anywhere, so that no stale context is used without asking its server.
   *
   * @param node - the decoded document.
   * @param documentUrl - its URL.
   * @param call - the call's budget.
   * @param loaded - URLs this decoding has just loaded (fresh by definition, not asked again); those revalidated now are added.
   * @returns a newer registry when a context changed (decode again with it), else `undefined`.
   */
  async revalidate(node: object, documentUrl: string, call: Budget | undefined, loaded: Set<string>): Promise<Registry<D> | undefined> {
    if (this.#entries.size === 0) return undefined;
    const root = (node as Record<string, unknown>)['@context'];
    for (const value of Array.isArray(root) ? root : [root]) {
      const url = typeof value === 'string' ? absolute(value, documentUrl)?.href : undefined;
      const entry = url !== undefined ? this.#entries.get(url) : undefined;
      if (url !== undefined && entry !== undefined) this.#touch(url, entry);
    }
    const now = Date.now();
    let stale = false;
    for (const [url, entry] of this.#entries) {
      if (entry.freshness.expires <= now && !loaded.has(url)) {
        stale = true;
        break;
      }
    }
    if (!stale) return undefined;
    const named = contextUrlsOf(node, documentUrl).filter((url) => this.#entries.has(url) && !loaded.has(url));
    if (named.length === 0) return undefined;
    for (const url of named) loaded.add(url);
    const before = this.#version;
    const registry = await this.load(named, call);
    return this.#version === before ? undefined : registry;
  }

  /**
   * The JSON-LD context a plain JSON answer names in its `Link` header, when it may be used.
   *
   * @param response - the answer.
   * @param url - its URL.
   * @returns the context's absolute URL; `undefined` for a JSON-LD answer, none named, or an
   * untrusted one (never fetched: the answer decodes as plain JSON, as without the header).
   * @throws HydraError `decode_failed` when the header names more than one (JSON-LD allows one).
   */
  linkedContext(response: Response, url: string): string | undefined {
    const header = mayLinkContext(response) ? response.headers.get('link') : null;
    if (header === null) return undefined;
    const links = parseLinkHeader(header, url).filter((link) => hasRel(link, JSONLD_CONTEXT_REL));
    if (links.length > 1) throw new HydraError('decode_failed', `The answer of ${url} names ${links.length} JSON-LD contexts in its Link header; JSON-LD allows one.`, { url });
    const href = links[0]?.href;
    return href !== undefined && this.usable(href) ? href : undefined;
  }

  /**
   * A jsonld document loader over the same documents: built in, registered, then trusted
   * (fetched or kept); any other URL is refused.
   *
   * @param signal - aborts its loads.
   * @returns the loader.
   */
  loader(signal: AbortSignal | undefined): ContextDocumentLoader {
    return async (url) => {
      const base = this.#transport.base.href;
      const target = absolute(url, base);
      if (target === undefined) throw this.#untrusted(url);
      const served = this.#base.context(url, base) ?? this.#base.context(target.href) ?? BUILT_IN.get(target.href);
      if (served !== undefined) return { documentUrl: target.href, document: structuredClone(served) };
      if (!this.#trust.allows(target)) throw this.#untrusted(target.href);
      const { budget, done } = within(undefined, this.#limits.timeout, signal);
      try {
        const { raw } = await this.#ensure(target.href, [], { seen: new Set(), found: new Map(), budget });
        return { documentUrl: target.href, document: structuredClone(raw) };
      } finally {
        done();
      }
    };
  }

  /** The base registry with the built-ins used, every kept document and `extra` (which wins). */
  #extend(extra: ReadonlyMap<string, ContextDocument>): Registry<D> {
    const docs: Record<string, ContextDocument> = {};
    for (const url of this.#builtIns) docs[url] = BUILT_IN.get(url) as ContextDocument;
    for (const [url, entry] of this.#entries) docs[url] = entry.flat;
    for (const [url, doc] of extra) docs[url] = doc;
    return Object.keys(docs).length === 0 ? this.#base : (this.#base.with([], docs) as unknown as Registry<D>);
  }

  /**
   * One context document, fresh, with the contexts it names: returns the document as served (and
   * records its flat form in the session).
   */
  async #ensure(url: string, chain: readonly string[], session: Session): Promise<Loaded> {
    const builtIn = BUILT_IN.get(url);
    if (builtIn !== undefined) {
      if (this.#base.context(url) === undefined && !this.#builtIns.has(url)) {
        this.#builtIns.add(url);
        this.#version++;
      }
      return servedAs(session, url, builtIn);
    }
    const registered = this.#base.context(url, this.#transport.base.href);
    if (registered !== undefined) return servedAs(session, url, registered);
    // Once per load (a context two others include is asked twice); a cycle is never found here.
    const loaded = session.found.get(url);
    if (loaded !== undefined) return loaded;
    const parent = chain[chain.length - 1];
    if (chain.includes(url)) throw new HydraError('invalid_context', `The context ${url} includes itself (through ${chain.join(' → ')}).`, { url });
    if (chain.length > this.#limits.maxDepth) {
      throw new HydraError('invalid_context', `The context ${url}, named by ${parent}, nests deeper than contextLimits.maxDepth (${this.#limits.maxDepth}).`, { url });
    }
    const target = absolute(url, this.#transport.base.href);
    if (target === undefined || !this.#trust.allows(target)) throw this.#untrusted(url, parent);
    session.seen.add(url);
    if (session.seen.size > this.#limits.maxDocuments) {
      throw new HydraError('context_failed', `Loading ${url} would need more than contextLimits.maxDocuments (${this.#limits.maxDocuments}) context documents at once.`, { url });
    }

    const kept = this.#entries.get(url);
    let entry = kept;
    let renewed = false;
    if (entry !== undefined && entry.freshness.expires > Date.now()) {
      this.#touch(url, entry);
    } else {
      const fetched = await this.#fetchShared(url, entry, session.budget);
      if ('notModified' in fetched) {
        if (entry === undefined) throw new HydraError('context_failed', `The context ${url} answered 304 to a request that was not conditional.`, { url });
        entry = { ...entry, headers: fetched.headers, freshness: fetched.freshness };
      } else if (entry !== undefined && JSON.stringify(fetched.raw) === JSON.stringify(entry.raw)) {
        // The same document again (a server without validators): what was made of it still holds.
        entry = { ...entry, headers: fetched.headers, freshness: fetched.freshness };
      } else {
        const includes = includesOf(fetched.raw, fetched.url, url);
        entry = { raw: fetched.raw, flat: { '@context': {} }, includes, merged: [], headers: fetched.headers, freshness: fetched.freshness };
        renewed = true;
      }
    }
    const merged: ContextDocument[] = [];
    for (const include of entry.includes) merged.push((await this.#ensure(include, [...chain, url], session)).flat);
    if (renewed || merged.some((doc, i) => doc !== entry?.merged[i])) entry = { ...entry, flat: flatten(entry.raw, entry.includes, merged), merged };
    const done = { raw: entry.raw, flat: entry.flat };
    session.found.set(url, done);
    if (!entry.freshness.store) {
      if (kept !== undefined) this.#drop(url);
    } else if (entry !== kept) {
      if (kept?.flat !== entry.flat) this.#version++;
      this.#touch(url, entry);
    }
    return done;
  }

  /** Keeps an entry as the most recently used, dropping the least recently used past `maxDocuments`. */
  #touch(url: string, entry: Entry): void {
    this.#entries.delete(url);
    this.#entries.set(url, entry);
    while (this.#entries.size > this.#limits.maxDocuments) this.#drop(this.#entries.keys().next().value as string);
  }

  #drop(url: string): void {
    if (this.#entries.delete(url)) this.#version++;
  }

  /**
   * One request per URL at a time: concurrent loads of a context share it. A load whose shared
   * request was aborted by another call's signal, while its own goes on, sends its own.
   */
  async #fetchShared(url: string, kept: Entry | undefined, budget: Budget): Promise<Fetched> {
    const pending = this.#fetching.get(url);
    if (pending !== undefined) {
      try {
        return await pending;
      } catch (error) {
        if (!(HydraError.is(error) && error.code === 'aborted') || budget.signal.aborted) throw error;
      }
    }
    const own = this.#fetch(url, kept, budget).finally(() => {
      if (this.#fetching.get(url) === own) this.#fetching.delete(url);
    });
    this.#fetching.set(url, own);
    return own;
  }

  /** A GET of a trusted context, conditional when one is kept; each hop checked against the policy. */
  async #fetch(url: string, kept: Entry | undefined, budget: Budget): Promise<Fetched> {
    const extra: Record<string, string> = { accept: ACCEPT };
    if (kept?.freshness.etag !== undefined) extra['if-none-match'] = kept.freshness.etag;
    if (kept?.freshness.lastModified !== undefined) extra['if-modified-since'] = kept.freshness.lastModified;
    const guard = (hop: URL): void => {
      if (!this.#trust.allows(hop)) throw this.#untrusted(hop.href, hop.href === url ? undefined : `a redirect from ${url}`);
    };
    const failed = (why: string, cause: unknown): HydraError => new HydraError('context_failed', `The context ${url} could not be loaded: ${why}`, { url, cause });
    let exchanged: Awaited<ReturnType<typeof sendWithRetries>>;
    try {
      exchanged = await sendWithRetries(this.#transport, this.#retry, 'GET', new URL(url), undefined, extra, budget, guard);
    } catch (error) {
      if (HydraError.is(error) && (error.code === 'unknown_context' || error.code === 'aborted')) throw error;
      throw failed(error instanceof Error ? error.message : String(error), error);
    }
    const { response, url: finalUrl } = exchanged;
    const received = Date.now();
    if (response.status === 304 && kept !== undefined) {
      await response.body?.cancel().catch(() => undefined);
      const headers = new Headers(kept.headers);
      for (const field of CACHING_FIELDS) {
        const value = response.headers.get(field);
        if (value !== null) headers.set(field, value);
      }
      return { notModified: true, headers, freshness: freshnessOf(headers, received) };
    }
    if (!response.ok) {
      const error = await failWith(response, finalUrl.href, budget, this.#limits.maxSize).catch((e: unknown) => e);
      throw failed(`it answered ${response.status}.`, error);
    }
    let text: string;
    try {
      text = await readAnswer(response, finalUrl.href, budget, this.#limits.maxSize);
    } catch (error) {
      if (HydraError.is(error) && error.code === 'aborted') throw error;
      const tooLong = HydraError.is(error) && error.code === 'decode_failed';
      throw failed(tooLong ? `it is longer than contextLimits.maxSize (${this.#limits.maxSize} characters); the rest was not read.` : error instanceof Error ? error.message : String(error), error);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      throw new HydraError('invalid_context', `The context ${url} is not JSON: ${error instanceof Error ? error.message : String(error)}`, { url, cause: error });
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || !Object.hasOwn(raw, '@context')) {
      throw new HydraError('invalid_context', `The context ${url} is not a context document: expected a JSON object with an @context member, found ${Array.isArray(raw) ? 'an array' : raw === null ? 'null' : typeof raw === 'object' ? 'an object without @context' : typeof raw}.`, { url });
    }
    const headers = new Headers();
    for (const field of CACHING_FIELDS) {
      const value = response.headers.get(field);
      if (value !== null) headers.set(field, value);
    }
    return { raw: raw as JsonObject, url: finalUrl.href, headers, freshness: freshnessOf(headers, received) };
  }

  #untrusted(url: string, namedBy?: string): HydraError {
    const by = namedBy !== undefined ? ` (named by ${namedBy})` : '';
    return new HydraError('unknown_context', `The context ${url}${by} is not trusted (${this.#trust.described}); it is not fetched.`, { url });
  }
}

/** A document served without a request (built in or registered), recorded in the session. */
function servedAs(session: Session, url: string, doc: ContextDocument): Loaded {
  const loaded: Loaded = { raw: doc as unknown as JsonObject, flat: doc };
  session.found.set(url, loaded);
  return loaded;
}

/**
 * The URLs a context document's `@context` names: strings of the array (or the string itself) and
 * `@import`s of its objects, resolved against the document's URL.
 *
 * @throws HydraError `invalid_context` for a member that is not a URL, an object or null.
 */
function includesOf(raw: JsonObject, documentUrl: string, url: string): string[] {
  const context = raw['@context'];
  const parts = Array.isArray(context) ? context : [context];
  const includes: string[] = [];
  const include = (reference: string): void => {
    const target = absolute(reference, documentUrl);
    if (target === undefined) throw new HydraError('invalid_context', `The context ${url} names ${JSON.stringify(reference)}, which is not a valid URL.`, { url });
    includes.push(target.href);
  };
  for (const part of parts) {
    if (typeof part === 'string') include(part);
    else if (part === null) continue;
    else if (typeof part === 'object' && !Array.isArray(part)) {
      const imported = part['@import'];
      if (typeof imported === 'string') include(imported);
    } else throw new HydraError('invalid_context', `The context ${url} is not a context document: its @context holds ${Array.isArray(part) ? 'an array' : typeof part}, not a URL, an object or null.`, { url });
  }
  return includes;
}

/**
 * A context document's `@context` as one object: what it includes merged in order, then its own
 * terms (an object with `@import` takes the imported terms first); `null` starts afresh. A single
 * object without `@import` is the document itself.
 */
function flatten(raw: JsonObject, includes: readonly string[], merged: readonly ContextDocument[]): ContextDocument {
  const context = raw['@context'];
  if (includes.length === 0 && typeof context === 'object' && context !== null && !Array.isArray(context)) return raw as unknown as ContextDocument;
  const parts = Array.isArray(context) ? context : [context];
  let out: JsonObject = {};
  let next = 0;
  for (const part of parts) {
    if (part === null) out = {};
    else if (typeof part === 'string') assignOwn(out, (merged[next++] as ContextDocument)['@context']);
    else if (typeof part === 'object' && !Array.isArray(part)) {
      if (typeof part['@import'] === 'string') assignOwn(out, (merged[next++] as ContextDocument)['@context']);
      assignOwn(out, part, '@import');
    }
  }
  return { '@context': out };
}

/** Copies own keys as data (a `__proto__` key stays a key, as `JSON.parse` made it). */
function assignOwn(target: JsonObject, source: JsonObject, skip?: string): void {
  for (const key of Object.keys(source)) {
    if (key === skip) continue;
    Object.defineProperty(target, key, { value: source[key], enumerable: true, writable: true, configurable: true });
  }
}

/** Every context URL a decoded document names, its embedded nodes' included, resolved against its URL. */
function contextUrlsOf(node: unknown, documentUrl: string): string[] {
  const urls = new Set<string>();
  const add = (value: unknown): void => {
    if (typeof value !== 'string') return;
    const url = absolute(value, documentUrl);
    if (url !== undefined) urls.add(url.href);
  };
  const stack: unknown[] = [node];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      for (const item of value) if (typeof item === 'object' && item !== null) stack.push(item);
      continue;
    }
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const v = record[key];
      if (key === '@context') {
        if (Array.isArray(v)) v.forEach(add);
        else add(v);
      } else if (typeof v === 'object' && v !== null) stack.push(v);
    }
  }
  return [...urls];
}

/**
 * The value at a JSON path as decode errors write it (`$.members[3]["@context"][1]`), or `undefined`.
 *
 * @internal
 * @param root - a parsed JSON value.
 * @param path - the path.
 * @returns the value there.
 * @example
 * ```ts
 * import { valueAt } from './context-store.js';
 * valueAt({ '@context': ['/a', '/b'] }, '$["@context"][1]'); // '/b'
 * ```
 */
export function valueAt(root: unknown, path: string): unknown {
  if (!path.startsWith('$')) return undefined;
  const segment = /\.([A-Za-z_$][A-Za-z0-9_$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
  let value = root;
  segment.lastIndex = 1;
  while (segment.lastIndex < path.length) {
    const match = segment.exec(path);
    if (match === null) return undefined;
    let key: string | number;
    if (match[1] !== undefined) key = match[1];
    else if (match[2] !== undefined) key = Number(match[2]);
    else key = JSON.parse(match[3] as string) as string;
    if (typeof value !== 'object' || value === null) return undefined;
    if (typeof key === 'number' ? !Array.isArray(value) : Array.isArray(value) || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

/** An http(s) URL resolved against a base, or `undefined`. */
function absolute(reference: string, base: string): URL | undefined {
  try {
    const url = new URL(reference, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A budget for a context load: its own timeout, within the call's deadline and signal (if any),
 * and the function that ends its timer. The timer is a plain `setTimeout` rather than
 * `AbortSignal.timeout`: a timeout signal that only `AbortSignal.any` refers to can be collected
 * before it fires, and the load would then wait past its limit.
 */
function within(call: Budget | undefined, timeout: number, user?: AbortSignal): { readonly budget: Budget; readonly done: () => void } {
  const now = performance.now();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException(`The context load timed out after ${timeout} ms.`, 'TimeoutError')), timeout);
  const outer = call?.signal ?? user;
  const signal = outer !== undefined ? AbortSignal.any([outer, controller.signal]) : controller.signal;
  const callFirst = call !== undefined && call.deadline < now + timeout;
  const budget: Budget = { signal, user: call?.user ?? user, deadline: Math.min(call?.deadline ?? Number.POSITIVE_INFINITY, now + timeout), timeout: callFirst ? call.timeout : timeout };
  return { budget, done: () => clearTimeout(timer) };
}

/** The options given, without the `undefined` ones (so defaults apply to them). */
function definedOf(limits: ContextLimits): Partial<Record<keyof ContextLimits, number>> {
  const out: Partial<Record<keyof ContextLimits, number>> = {};
  for (const key of ['maxSize', 'timeout', 'maxDocuments', 'maxDepth'] as const) {
    const value = limits[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}
