/**
 * Reading Hydra terms under their spellings, the one answer to "which key holds `hydra:member`
 * here?": a property is found by its Hydra IRI through the node's context, whether the document
 * says `members` (TextUs), `member` (Hydra's context) or `hydra:member`. JSON that is taken to be
 * in Hydra's own context whatever it says (error bodies, inline operations) is read by the
 * spellings alone: the term, its `hydra:` compact IRI, or the full IRI.
 *
 * @module
 */
import { baseOf, findProperty, HYDRA, metaOf, termsOfNode, type Registry, type Terms } from '@hyperld/core';
import { HydraError } from './errors.js';
import { publishedHydraContext } from './contexts/published.js';

/**
 * Options of the collection readers.
 *
 * @example
 * ```ts
 * import type { ReadOptions } from '@hyperld/hydra';
 * const options: ReadOptions = { base: 'https://api.example/contacts/1/conversations' };
 * ```
 */
export interface ReadOptions {
  /**
   * The registry whose context documents give the terms; defaults to the one that decoded the
   * node (recorded on a document and its list members, not on other embedded nodes). A node whose
   * context URL is not Hydra's, read with neither, throws `no_registry`: use `hydraReader(registry)`.
   */
  readonly registry?: Registry;
  /** The base IRI to resolve links against; defaults to the node's. */
  readonly base?: string;
}

/**
 * How a node's context URLs resolve: through the registry given, else the one that decoded the
 * node, else Hydra's own. A URL beyond Hydra's own, with no registry to ask, has no answer, and
 * reading on by the spellings alone could miss a key (`members`) and answer empty: `no_registry`.
 */
function resolverOf(node: object, options: ReadOptions): Registry['context'] {
  const registry = options.registry ?? metaOf(node)?.registry;
  if (registry === undefined) {
    return (url, base) => {
      const doc = publishedHydraContext(url, base);
      if (doc === undefined) {
        throw new HydraError(
          'no_registry',
          `The node's context ${JSON.stringify(url)} is not Hydra's, and the node carries no registry to resolve it (it is embedded in a decoded document, or was not decoded): pass { registry }, or read it through hydraReader(registry).`,
        );
      }
      return doc;
    };
  }
  return (url, base) => registry.context(url, base) ?? publishedHydraContext(url, base);
}

/**
 * Options of {@link readHydra}: those of every reader, and which context the keys are read in.
 *
 * @example
 * ```ts
 * import type { ReadHydraOptions } from '@hyperld/hydra';
 * const asHydra: ReadHydraOptions = { context: 'hydra' }; // an operation inside a TextUs node
 * ```
 */
export interface ReadHydraOptions extends ReadOptions {
  /**
   * `node` (default): through the node's own `@context` (a registered URL, an inline object, or
   * an array of them), so that a key its context maps elsewhere is not the Hydra term; a node
   * without a context is read by the spellings. `hydra`: by the spellings, whatever `@context` the
   * node carries, for JSON written in Hydra's terms inside documents of another vocabulary.
   */
  readonly context?: 'node' | 'hydra';
}

/**
 * Reads a property of a node by its Hydra term (`member`, `totalItems`, `view`, `next`,
 * `method`, …): under the key the node's context gives it, or, without a context (or with
 * `context: 'hydra'`), under the first of its spellings present: the term, `hydra:` and the
 * term, the full IRI.
 *
 * @param node - a node.
 * @param term - the Hydra term (local name in the Hydra vocabulary).
 * @param options - registry and base, and the context to read in.
 * @returns the value, or `undefined` when absent.
 * @throws HydraError `no_registry` when the node's context names a URL that is not Hydra's and
 * neither `options` nor the node gives a registry to resolve it.
 * @example
 * ```ts
 * import { readHydra } from '@hyperld/hydra';
 * readHydra({ 'hydra:totalItems': 3 }, 'totalItems'); // 3
 * const operation = { '@context': { '@vocab': 'https://example.com/vocab#' }, method: 'PUT' };
 * readHydra(operation, 'method'); // undefined: this context says `method` is example.com's
 * readHydra(operation, 'method', { context: 'hydra' }); // 'PUT'
 * ```
 */
export function readHydra(node: object, term: string, options: ReadHydraOptions = {}): unknown {
  if (options.context === 'hydra') {
    const record = node as Record<string, unknown>;
    for (const key of spellingsOf(term)) if (Object.hasOwn(record, key)) return record[key];
    return undefined;
  }
  return findProperty(node, HYDRA + term, resolverOf(node, options), options.base ?? baseOf(node))?.value;
}

/**
 * The terms in force for a node, its context resolved as {@link readHydra} resolves it: to
 * expand a value that is a term or compact IRI (`hydra:property`, `hydra:object`), or to find the
 * aliases of `@id`.
 *
 * @internal
 * @param node - a node.
 * @param options - registry and base.
 * @returns the node's terms, or `undefined` when it has no context (or none that resolves).
 * @throws HydraError `no_registry`, as {@link readHydra}.
 * @example
 * ```ts
 * import { termsOf } from './terms.js';
 * termsOf({ '@context': { schema: 'https://schema.org/' } })?.iriOf('schema:name'); // 'https://schema.org/name'
 * ```
 */
export function termsOf(node: object, options: ReadOptions = {}): Terms | undefined {
  return termsOfNode(node, resolverOf(node, options), options.base ?? baseOf(node));
}

/**
 * An embedded node read in the context it is in: JSON-LD contexts are inherited, so a node
 * without a `@context` of its own (a view, a search template, a mapping) is in its parent's.
 *
 * @internal
 * @param node - the embedded node.
 * @param parent - the node it is embedded in (itself perhaps given through this function).
 * @returns `node`, or a copy carrying the parent's `@context`.
 * @example
 * ```ts
 * import { inContextOf } from './terms.js';
 * inContextOf({ next: '/c?page=2' }, { '@context': 'http://www.w3.org/ns/hydra/context.jsonld' })['@context']; // the parent's
 * ```
 */
export function inContextOf(node: Record<string, unknown>, parent: object): Record<string, unknown> {
  const context = (parent as Record<string, unknown>)['@context'];
  if (Object.hasOwn(node, '@context') || context === undefined || context === null) return node;
  return { ...node, '@context': context };
}

/**
 * Tells whether a value names a Hydra term under one of its spellings (the term, `hydra:` and
 * the term, the full IRI): a `@type` such as `hydra:Error`, or an IRI value such as
 * `ExplicitRepresentation`.
 *
 * @internal
 * @param value - a `@type` or an IRI value.
 * @param term - the Hydra term.
 * @returns whether `value` is one of its spellings.
 * @example
 * ```ts
 * import { isHydraTerm } from './terms.js';
 * isHydraTerm('http://www.w3.org/ns/hydra/core#Error', 'Error'); // true
 * isHydraTerm('schema:Error', 'Error'); // false
 * ```
 */
export function isHydraTerm(value: unknown, term: string): boolean {
  return typeof value === 'string' && spellingsOf(term).includes(value);
}

/**
 * The keys a Hydra term is written under without a context saying otherwise, in the order they
 * are tried (core's `findProperty` tries the same for a node without a context).
 */
function spellingsOf(term: string): readonly [string, string, string] {
  return [term, `hydra:${term}`, HYDRA + term];
}
