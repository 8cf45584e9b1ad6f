/**
 * A fast JSON-LD expander for the subset of JSON-LD 1.1 that hyperld's generated contexts (and
 * most hand-written API contexts) use. Contexts are compiled once into term tables and cached per
 * parent active context, so expanding a page of a thousand nodes that share a handful of context
 * URLs costs a few map look-ups per key. Its output is deep-equal to `jsonld.expand` (jsonld.js
 * 9) for the same document and base; it never fetches anything and never imports `jsonld`, so a
 * browser client can bundle it.
 *
 * Supported: `@vocab`, `@base`, `@language`, `@version: 1.1`, prefixes and compact IRIs, keyword
 * aliases, type coercion (`@id`, `@vocab`, `@json`, `@none`, datatype IRIs), `@container` `@set`
 * and `@list`, per-term `@language`, `null` contexts, URL and inline contexts (and arrays of
 * them), embedded `@context`s on node objects, value objects, `@list`/`@set` objects. Anything
 * else in a context (scoped contexts, `@protected`, `@reverse`, `@nest`, `@prefix`, `@import`,
 * `@propagate`, `@direction`, map containers, `@graph`, …) or in a document (`@graph`,
 * `@reverse`, `@included`, `@nest`, `@index`, `@direction`) is a {@link HyperldError} with code
 * `unsupported_context` naming the feature: hand such documents to `jsonld.expand`
 * (`expandWithFallback` in `@hyperld/core/jsonld` does exactly that). So is a relative
 * `@vocab` that would resolve against the document base (compiled contexts do not depend on it).
 *
 * Where it knowingly differs from jsonld.js 9:
 * - a `__proto__` key (an own property, as `JSON.parse` makes it) is kept as a property; jsonld.js
 *   loses it when it clones its input with plain assignment;
 * - a string document is not fetched as a URL: it expands to `[]` like any top-level scalar;
 * - jsonld.js rejects a `@context` array naming more than 10 URLs, or naming the same relative
 *   URL twice ("context overflow"); the fast expander accepts both.
 *
 * Caches are bounded: each expander keeps at most a few thousand compiled contexts (then starts
 * afresh), so a server expanding untrusted documents with ever new inline contexts does not grow.
 *
 * @module
 */
import type { ContextDocument } from '../context/document.js';
import { HyperldError } from '../errors.js';
import { ActiveContext } from './active-context.js';
import { Run, type ExpanderState } from './expansion.js';
import { DEFAULT_LIMITS } from '../codec/limits.js';
import type { Registry } from '../codec/registry.js';
import type { JsonObject } from '../types.js';

/**
 * Resolves a context URL (as written in a document, relative or absolute) to its context
 * document, synchronously and without the network; `undefined` when the URL is not known.
 * A {@link Registry}'s `context` method has this shape.
 *
 * @example
 * ```ts
 * import type { ContextResolver } from '@hyperld/core';
 * const contexts: Record<string, { '@context': { '@vocab': string } }> = { '/contexts/Account.jsonld': { '@context': { '@vocab': 'https://example.com/vocab#' } } };
 * const resolveContext: ContextResolver = (url) => contexts[url];
 * ```
 */
export type ContextResolver = (url: string, base: string | undefined) => ContextDocument | undefined;

/**
 * What {@link createExpander} takes.
 *
 * @example
 * ```ts
 * import { createRegistry } from '@hyperld/core';
 * import type { ExpanderOptions } from '@hyperld/core/expand';
 * const registry = createRegistry({ types: [] });
 * const options: ExpanderOptions = { resolveContext: registry.context, maxDepth: 64 };
 * ```
 */
export interface ExpanderOptions {
  /** Resolves context URLs; never called for inline contexts. */
  readonly resolveContext: ContextResolver;
  /** The deepest nesting of objects and arrays accepted (default `DEFAULT_LIMITS.maxDepth`). */
  readonly maxDepth?: number;
}

/**
 * Options of one {@link Expander.expand} call.
 *
 * @example
 * ```ts
 * import type { ExpandOptions } from '@hyperld/core/expand';
 * const options: ExpandOptions = { base: 'https://api.example.com/contacts/1/conversations' };
 * ```
 */
export interface ExpandOptions {
  /** The document's IRI: relative `@id`s and context URLs resolve against it (jsonld's `base`). */
  readonly base?: string;
}

/**
 * A compiled, caching expander. Reuse one per registry (or resolver): its caches of compiled
 * contexts are what make it fast.
 *
 * @example
 * ```ts
 * import { createRegistry, defineType, t } from '@hyperld/core';
 * import { createExpander } from '@hyperld/core/expand';
 * const Account = defineType({ type: 'Account', context: '/contexts/Account.jsonld', vocab: 'https://example.com/vocab#', properties: { name: t.string() } });
 * const registry = createRegistry({ types: [Account] });
 * const expander = createExpander({ resolveContext: registry.context });
 * expander.expand({ '@context': '/contexts/Account.jsonld', '@type': 'Account', id: '/accounts/1', name: 'Example' }, { base: 'https://api.example.com/' });
 * ```
 */
export interface Expander {
  /**
   * Expands a parsed JSON-LD document, as `jsonld.expand(document, { base })` would.
   * `@json` values in the output share structure with the input (they are not copied).
   *
   * @param document - a parsed JSON value (not a URL: strings at the top level expand to `[]`).
   * @param options - the document's base IRI.
   * @returns the expanded document: an array of node objects.
   * @throws HyperldError `unsupported_context`, `unknown_context`, `invalid_context`,
   * `invalid_jsonld` (a JSON-LD syntax error jsonld would also reject; its JSON-LD code in `details.jsonldCode`) or `max_depth`.
   */
  expand(document: unknown, options?: ExpandOptions): JsonObject[];
}

/** Compiled contexts one expander keeps before it drops its caches. */
const MAX_COMPILED_CONTEXTS = 4096;

class ExpanderImpl implements Expander, ExpanderState {
  /** The initial context: the root of every cache; replaced when the caches grow too big. */
  initial = new ActiveContext();
  private compiledCount = 0;
  readonly resolveContext: ContextResolver;
  private readonly maxDepth: number;

  constructor(options: ExpanderOptions) {
    this.resolveContext = options.resolveContext;
    this.maxDepth = options.maxDepth ?? DEFAULT_LIMITS.maxDepth;
  }

  /** Counts a compiled context, dropping every cache past the budget (the next calls rebuild them). */
  compiled(): void {
    if (++this.compiledCount > MAX_COMPILED_CONTEXTS) {
      this.compiledCount = 0;
      this.initial = new ActiveContext();
    }
  }

  expand(document: unknown, options?: ExpandOptions): JsonObject[] {
    const run = new Run(this, options?.base, this.maxDepth);
    let expanded: unknown;
    try {
      expanded = run.element(this.initial, null, document, false, 0);
    } catch (error) {
      // Very deep context chains or documents may exhaust the stack before maxDepth does.
      if (error instanceof RangeError) throw new HyperldError('max_depth', 'The document nests too deeply to expand.', { cause: error });
      throw error;
    }
    if (expanded === null) return [];
    return (Array.isArray(expanded) ? expanded : [expanded]) as JsonObject[];
  }
}

/**
 * Creates a fast JSON-LD expander that resolves context URLs through `resolveContext` (never the
 * network) and caches every compiled context.
 *
 * @param options - the context resolver and the depth limit.
 * @returns the expander.
 * @example
 * ```ts
 * import { createRegistry, defineType, t } from '@hyperld/core';
 * import { createExpander } from '@hyperld/core/expand';
 * const Account = defineType({ type: 'Account', context: '/contexts/Account.jsonld', vocab: 'https://example.com/vocab#', properties: { name: t.string() } });
 * const registry = createRegistry({ types: [Account] });
 * const expander = createExpander({ resolveContext: registry.context });
 * const [node] = expander.expand({ '@context': '/contexts/Account.jsonld', '@type': 'Account', id: '/accounts/1', name: 'Example' }, { base: 'https://api.example.com/' });
 * // { '@id': 'https://api.example.com/accounts/1', '@type': ['https://example.com/vocab#Account'], 'https://example.com/vocab#name': [{ '@value': 'Example' }] }
 * ```
 */
export function createExpander(options: ExpanderOptions): Expander {
  return new ExpanderImpl(options);
}

/**
 * Options of the one-shot {@link expand}: a registry (or a resolver), the base and the limit.
 *
 * @example
 * ```ts
 * import { createRegistry } from '@hyperld/core';
 * import type { ExpandDocumentOptions } from '@hyperld/core/expand';
 * const options: ExpandDocumentOptions = { registry: createRegistry({ types: [] }), base: 'https://api.example.com/' };
 * ```
 */
export interface ExpandDocumentOptions extends ExpandOptions {
  /** A registry whose context documents resolve context URLs. */
  readonly registry?: Pick<Registry, 'context'>;
  /** Resolves context URLs (when there is no registry). */
  readonly resolveContext?: ContextResolver;
  /** The deepest nesting accepted (default `DEFAULT_LIMITS.maxDepth`). */
  readonly maxDepth?: number;
}

const expanders = new WeakMap<object, Map<number, Expander>>();

/**
 * Expands a document with the expander cached for its registry (or resolver function), so that
 * repeated calls share compiled contexts.
 *
 * @param document - a parsed JSON-LD document.
 * @param options - a registry or resolver, the base IRI and the depth limit.
 * @returns the expanded document, deep-equal to `jsonld.expand`'s.
 * @throws HyperldError as {@link Expander.expand} does; `invalid_context` when neither a registry
 * nor a resolver is given and the document names a context URL.
 * @example
 * ```ts
 * import { createRegistry, defineType, t } from '@hyperld/core';
 * import { expand } from '@hyperld/core/expand';
 * const Account = defineType({ type: 'Account', context: '/contexts/Account.jsonld', vocab: 'https://example.com/vocab#', properties: { name: t.string() } });
 * const registry = createRegistry({ types: [Account] });
 * expand({ '@context': '/contexts/Account.jsonld', '@type': 'Account', id: '/accounts/1', name: 'Example' }, { registry, base: 'https://api.example.com/' });
 * ```
 */
export function expand(document: unknown, options: ExpandDocumentOptions = {}): JsonObject[] {
  const registry = options.registry;
  const owner: object = registry ?? options.resolveContext ?? expanders;
  const maxDepth = options.maxDepth ?? DEFAULT_LIMITS.maxDepth;
  let byDepth = expanders.get(owner);
  if (byDepth === undefined) {
    byDepth = new Map();
    expanders.set(owner, byDepth);
  }
  let expander = byDepth.get(maxDepth);
  if (expander === undefined) {
    const resolveContext: ContextResolver =
      registry !== undefined ? (url, base) => registry.context(url, base) : (options.resolveContext ?? (() => undefined));
    expander = createExpander({ resolveContext, maxDepth });
    if (byDepth.size >= 8) byDepth.clear();
    byDepth.set(maxDepth, expander);
  }
  return expander.expand(document, options.base === undefined ? {} : { base: options.base });
}
