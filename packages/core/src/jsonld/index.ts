/**
 * `@hyperld/core/jsonld`: interop with jsonld.js, for when the real JSON-LD algorithms are needed
 * (RDF, canonical N-Quads, documents outside the fast expander's subset). Context URLs are served
 * from a registry's generated context documents (or a static map) by a document loader that
 * never touches the network: an unregistered URL is a `HyperldError('unknown_context')`.
 *
 * This is the only module of `@hyperld/core` that imports `jsonld`; the root entry stays free of
 * it so that browser clients do not bundle it.
 *
 * @example
 * ```ts
 * import { createRegistry, defineType, t } from '@hyperld/core';
 * import { toCanonicalNQuads } from '@hyperld/core/jsonld';
 * const Account = defineType({ type: 'Account', context: '/contexts/Account.jsonld', vocab: 'https://example.com/vocab#', properties: { name: t.string() } });
 * const registry = createRegistry({ types: [Account] });
 * const doc = { '@context': '/contexts/Account.jsonld', '@type': 'Account', id: '/accounts/1', name: 'Example' };
 * const nquads = await toCanonicalNQuads(doc, { registry, base: 'https://api.example.com/' });
 * ```
 *
 * @module
 */
import type { Options as JsonldOptions } from 'jsonld';
import type { ContextDocument } from '../context/document.js';
import { ContextMap } from '../context/lookup.js';
import { HyperldError, isHyperldError, type ErrorCode } from '../errors.js';
import { createExpander, type ContextResolver, type Expander } from '../expand/expander.js';
import jsonld from '../peers/jsonld.js';
import type { Registry } from '../codec/registry.js';
import type { JsonObject } from '../types.js';

/**
 * What a jsonld document loader returns.
 *
 * @example
 * ```ts
 * import type { RemoteDocument } from '@hyperld/core/jsonld';
 * const remote: RemoteDocument = { documentUrl: 'https://api.example.com/contexts/Account.jsonld', document: { '@context': {} } };
 * ```
 */
export interface RemoteDocument {
  /** A context URL from an HTTP `Link` header (never set by the static loader). */
  readonly contextUrl?: string;
  /** The URL the document was loaded from. */
  readonly documentUrl: string;
  /** The document (a fresh copy on each load: jsonld may rewrite context URLs in place). */
  readonly document: unknown;
}

/**
 * A jsonld `documentLoader`.
 *
 * @example
 * ```ts
 * import type { DocumentLoader } from '@hyperld/core/jsonld';
 * const refuse: DocumentLoader = async (url) => { throw new Error(`not loading ${url}`); };
 * ```
 */
export type DocumentLoader = (url: string) => Promise<RemoteDocument>;

/**
 * Where context documents come from: a registry (its generated contexts) or a static map of
 * context URL to document, and the base IRI relative context URLs resolve against.
 *
 * @example
 * ```ts
 * import type { StaticContextOptions } from '@hyperld/core/jsonld';
 * const options: StaticContextOptions = {
 *   contexts: { '/contexts/Account.jsonld': { '@context': { '@vocab': 'https://example.com/vocab#' } } },
 *   base: 'https://api.example.com/',
 * };
 * ```
 */
export interface StaticContextOptions {
  /** A registry whose context documents are served. */
  readonly registry?: Pick<Registry, 'context'>;
  /** Context documents by URL (relative or absolute), when there is no registry or in addition to it. */
  readonly contexts?: Readonly<Record<string, ContextDocument>> | ReadonlyMap<string, ContextDocument>;
  /** The base IRI relative context URLs (and, for the conversions, relative IRIs) resolve against. */
  readonly base?: string;
}

/**
 * Options of the conversions ({@link toExpanded}, {@link toNQuads}, {@link toCanonicalNQuads},
 * {@link expandWithFallback}).
 *
 * @example
 * ```ts
 * import { createRegistry } from '@hyperld/core';
 * import type { InteropOptions } from '@hyperld/core/jsonld';
 * const options: InteropOptions = { registry: createRegistry({ types: [] }), base: 'https://api.example.com/', safe: true };
 * ```
 */
export interface InteropOptions extends StaticContextOptions {
  /**
   * jsonld's safe mode: fail instead of silently dropping what does not map to an IRI (keys that
   * do not expand, relative IRIs, free-floating values). Default `true`, except in
   * {@link expandWithFallback} (whose fast path drops like plain `jsonld.expand`).
   */
  readonly safe?: boolean;
  /** A document loader to use instead of the static one built from `registry`/`contexts`. */
  readonly documentLoader?: DocumentLoader;
}

type ContextSource = Pick<StaticContextOptions, 'registry' | 'contexts'>;

function entriesOf(contexts: NonNullable<StaticContextOptions['contexts']>): Iterable<[string, ContextDocument]> {
  return contexts instanceof Map ? (contexts as ReadonlyMap<string, ContextDocument>).entries() : Object.entries(contexts);
}

function staticLookup(contexts: NonNullable<StaticContextOptions['contexts']>): ContextResolver {
  const byUrl = new ContextMap(new Map(entriesOf(contexts)));
  return (url, base) => byUrl.get(url, base);
}

/** A resolver over the registry, then the static map. */
function resolverOf(source: ContextSource): ContextResolver {
  const { registry, contexts } = source;
  const fromMap = contexts !== undefined ? staticLookup(contexts) : undefined;
  if (registry === undefined) return fromMap ?? (() => undefined);
  if (fromMap === undefined) return (url, base) => registry.context(url, base);
  return (url, base) => registry.context(url, base) ?? fromMap(url, base);
}

/**
 * Creates a jsonld document loader that serves registered context documents and never touches
 * the network. URLs jsonld asks for are already resolved against the document's base; they are
 * matched against the registered URLs as written and resolved against `base`. Each document is
 * looked up once and served as a fresh copy.
 *
 * @param options - a registry and/or a static map of contexts, and the base IRI.
 * @returns the document loader.
 * @throws HyperldError `unknown_context` (from the loader) for a URL that is not registered;
 * jsonld wraps it, and the conversions of this module unwrap it again.
 * @example
 * ```ts
 * import jsonld from 'jsonld';
 * import { createRegistry, defineType, t } from '@hyperld/core';
 * import { createDocumentLoader } from '@hyperld/core/jsonld';
 * const Account = defineType({ type: 'Account', context: '/contexts/Account.jsonld', vocab: 'https://example.com/vocab#', properties: { name: t.string() } });
 * const base = 'https://api.example.com/accounts/1';
 * const documentLoader = createDocumentLoader({ registry: createRegistry({ types: [Account] }), base });
 * // @types/jsonld types a loader callback-style, which jsonld 9 does not call: hence the cast.
 * await jsonld.expand({ '@context': '/contexts/Account.jsonld', name: 'Example' }, { base, documentLoader: documentLoader as never });
 * ```
 */
export function createDocumentLoader(options: StaticContextOptions): DocumentLoader {
  const resolve = resolverOf(options);
  const base = options.base;
  const found = new Map<string, ContextDocument>();
  return async (url) => {
    let doc = found.get(url);
    if (doc === undefined) {
      doc = resolve(url, base);
      if (doc === undefined || doc === null) {
        throw new HyperldError('unknown_context', `The context ${url} is not registered; the document loader never fetches.`);
      }
      found.set(url, doc);
    }
    return { documentUrl: url, document: structuredClone(doc) };
  };
}

/**
 * Turns what jsonld throws into a {@link HyperldError}, unwrapping one the loader threw: a context
 * jsonld rejects is `invalid_context`, any other JSON-LD error `invalid_jsonld` (as the fast
 * expander says), with jsonld's code (or, in safe mode, its event's) as `details.jsonldCode`.
 */
function normalizeError(error: unknown): HyperldError<string> {
  if (isHyperldError(error)) return error;
  const details = (error as { details?: { cause?: unknown; code?: unknown; event?: { code?: unknown; details?: unknown } } } | null)?.details;
  if (isHyperldError(details?.cause)) return details.cause;
  const message = error instanceof Error ? error.message : String(error);
  const code = typeof details?.code === 'string' ? details.code : undefined;
  const event = details?.event;
  let text = `jsonld: ${message}`;
  if (code !== undefined) text += ` (${code})`;
  if (event !== undefined) text += ` (${String(event.code)}: ${JSON.stringify(event.details) ?? ''})`;
  const contextual = code !== undefined && /context|IRI mapping|term definition|keyword|container|vocab|base IRI|type mapping|language mapping|protected|@import|@propagate/.test(code);
  const hyperldCode: ErrorCode = contextual ? 'invalid_context' : 'invalid_jsonld';
  const jsonldCode = code ?? (typeof event?.code === 'string' ? event.code : undefined);
  return new HyperldError(hyperldCode, text, { cause: error, ...(jsonldCode !== undefined ? { details: { jsonldCode } } : {}) });
}

function parse(doc: unknown): unknown {
  if (typeof doc !== 'string') return doc;
  try {
    return JSON.parse(doc) as unknown;
  } catch (error) {
    throw new HyperldError('invalid_json', `The document is not valid JSON: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** jsonld options from ours; `base` only when given (jsonld treats a present `undefined` differently). */
function jsonldOptions(options: InteropOptions, safe: boolean, extra: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { documentLoader: options.documentLoader ?? createDocumentLoader(options), safe, ...extra };
  if (options.base !== undefined) out['base'] = options.base;
  return out;
}

/**
 * Expands a document with `jsonld.expand` in safe mode, loading contexts with the static loader.
 *
 * @param doc - a JSON-LD document (a parsed value, or JSON text; never a URL to fetch).
 * @param options - the contexts, the base IRI and safe mode (default `true`).
 * @returns the expanded document.
 * @throws HyperldError `unknown_context` for an unregistered context URL; `invalid_context` or
 * `invalid_jsonld` (with jsonld's error as `cause` and its code as `details.jsonldCode`) when
 * jsonld rejects the document.
 * @example
 * ```ts
 * import { createRegistry, defineType, t } from '@hyperld/core';
 * import { toExpanded } from '@hyperld/core/jsonld';
 * const Account = defineType({ type: 'Account', context: '/contexts/Account.jsonld', vocab: 'https://example.com/vocab#', properties: { name: t.string() } });
 * const registry = createRegistry({ types: [Account] });
 * const expanded = await toExpanded({ '@context': '/contexts/Account.jsonld', '@type': 'Account', id: '/accounts/1', name: 'Example' }, { registry, base: 'https://api.example.com/' });
 * ```
 */
export async function toExpanded(doc: unknown, options: InteropOptions = {}): Promise<JsonObject[]> {
  const input = parse(doc);
  try {
    const expanded = await jsonld.expand(input as object, jsonldOptions(options, options.safe ?? true, {}) as JsonldOptions.Expand);
    return expanded as unknown as JsonObject[];
  } catch (error) {
    throw normalizeError(error);
  }
}

/**
 * Converts a document to RDF, serialized as N-Quads (`jsonld.toRDF`, safe mode by default).
 *
 * @param doc - a JSON-LD document (a parsed value, or JSON text).
 * @param options - the contexts, the base IRI and safe mode (default `true`).
 * @returns the N-Quads text, one quad a line.
 * @throws HyperldError as {@link toExpanded} does.
 * @example
 * ```ts
 * import { createRegistry, defineType, t } from '@hyperld/core';
 * import { toNQuads } from '@hyperld/core/jsonld';
 * const Account = defineType({ type: 'Account', context: '/contexts/Account.jsonld', vocab: 'https://example.com/vocab#', properties: { name: t.string() } });
 * const registry = createRegistry({ types: [Account] });
 * await toNQuads({ '@context': '/contexts/Account.jsonld', id: '/accounts/1', name: 'Example' }, { registry, base: 'https://api.example.com/' });
 * // '<https://api.example.com/accounts/1> <https://example.com/vocab#name> "Example" .\n'
 * ```
 */
export async function toNQuads(doc: unknown, options: InteropOptions = {}): Promise<string> {
  const input = parse(doc);
  try {
    const nquads = await jsonld.toRDF(input as object, jsonldOptions(options, options.safe ?? true, { format: 'application/n-quads' }) as JsonldOptions.ToRdf);
    return nquads as string;
  } catch (error) {
    throw normalizeError(error);
  }
}

/**
 * Converts a document to canonical N-Quads (RDF Dataset Canonicalization, RDFC-1.0): equal
 * graphs give equal text, whatever their JSON shape, key order or blank node labels.
 *
 * @param doc - a JSON-LD document (a parsed value, or JSON text).
 * @param options - the contexts, the base IRI and safe mode (default `true`).
 * @returns the canonical N-Quads text, sorted, one quad a line.
 * @throws HyperldError as {@link toExpanded} does.
 * @example
 * ```ts
 * import { createRegistry, defineType, t } from '@hyperld/core';
 * import { toCanonicalNQuads } from '@hyperld/core/jsonld';
 * const Account = defineType({ type: 'Account', context: '/contexts/Account.jsonld', vocab: 'https://example.com/vocab#', properties: { name: t.string() } });
 * const registry = createRegistry({ types: [Account] });
 * const a = await toCanonicalNQuads({ '@context': '/contexts/Account.jsonld', id: '/accounts/1', name: 'Example' }, { registry, base: 'https://api.example.com/' });
 * ```
 */
export async function toCanonicalNQuads(doc: unknown, options: InteropOptions = {}): Promise<string> {
  const input = parse(doc);
  try {
    const extra = { algorithm: 'RDFC-1.0', format: 'application/n-quads' };
    return await jsonld.canonize(input as object, jsonldOptions(options, options.safe ?? true, extra) as JsonldOptions.Normalize);
  } catch (error) {
    throw normalizeError(error);
  }
}

const fastExpanders = new WeakMap<object, Expander>();
const noSource = {};

/**
 * Expands a document with the fast expander (cached per registry or context map) and, when the
 * document uses a JSON-LD feature outside its subset (`unsupported_context`), with `jsonld.expand`
 * and the static loader. Both paths give the same output for documents both can expand.
 *
 * @param doc - a JSON-LD document (a parsed value, or JSON text).
 * @param options - the contexts, the base IRI; `safe` applies to the jsonld path only (default `false`).
 * @returns the expanded document.
 * @throws HyperldError `unknown_context`, `max_depth` and syntax errors from the fast path;
 * jsonld's errors (normalised) from the fallback.
 * @example
 * ```ts
 * import { expandWithFallback } from '@hyperld/core/jsonld';
 * // `@graph` is outside the fast subset: jsonld expands this one.
 * await expandWithFallback({ '@context': { '@vocab': 'https://example.com/vocab#' }, '@graph': [{ '@id': '/a', name: 'A' }] }, { base: 'https://api.example.com/' });
 * ```
 */
export async function expandWithFallback(doc: unknown, options: InteropOptions = {}): Promise<JsonObject[]> {
  const input = parse(doc);
  const owner: object = options.registry ?? options.contexts ?? noSource;
  let expander = fastExpanders.get(owner);
  if (expander === undefined) {
    // A registry and a map together are rare: do not cache a resolver for the pair.
    expander = createExpander({ resolveContext: resolverOf(options) });
    if (options.registry === undefined || options.contexts === undefined) fastExpanders.set(owner, expander);
  }
  try {
    return expander.expand(input, options.base === undefined ? {} : { base: options.base });
  } catch (error) {
    if (!(isHyperldError(error) && error.code === 'unsupported_context')) throw error;
    return toExpanded(input, { ...options, safe: options.safe ?? false });
  }
}
