/**
 * Term resolution: which IRI a term or compact IRI stands for, against prefixes and a vocabulary
 * (`expandTerm`) or through a context (`compileTerms`, `termsOfNode`), and which keys may stand for
 * an IRI. This is what makes reading prefix-agnostic: a collection's members are found whether the
 * document says `members`, `member` or `hydra:member`, because the context says what each means.
 *
 * @module
 */
import type { JsonObject } from '../types.js';
import { STANDARD_PREFIXES } from './namespaces.js';

/**
 * Expands a term or compact IRI against prefixes and a vocabulary (no network, no context
 * processing): `hydra:member` → `http://www.w3.org/ns/hydra/core#member`, `name` → vocab + `name`.
 *
 * @param term - a term, compact IRI or absolute IRI.
 * @param vocab - the vocabulary IRI.
 * @param prefixes - known prefixes.
 * @returns the absolute IRI.
 * @example
 * ```ts
 * import { expandTerm } from '@hyperld/core';
 * expandTerm('hydra:member', 'https://example.com/vocab#'); // 'http://www.w3.org/ns/hydra/core#member'
 * ```
 */
export function expandTerm(term: string, vocab: string, prefixes: Readonly<Record<string, string>> = STANDARD_PREFIXES): string {
  const colon = term.indexOf(':');
  if (colon > 0) {
    const prefix = term.slice(0, colon);
    const suffix = term.slice(colon + 1);
    if (!suffix.startsWith('//')) {
      const ns = Object.hasOwn(prefixes, prefix) ? prefixes[prefix] : Object.hasOwn(STANDARD_PREFIXES, prefix) ? STANDARD_PREFIXES[prefix] : undefined;
      if (ns !== undefined) return ns + suffix;
    }
    return term;
  }
  return vocab + term;
}

/**
 * The terms of one context, compiled for look-ups in both directions.
 *
 * @example
 * ```ts
 * import { compileTerms } from '@hyperld/core';
 * const terms = compileTerms({ '@vocab': 'https://example.com/vocab#', hydra: 'http://www.w3.org/ns/hydra/core#', members: { '@id': 'hydra:member' } });
 * terms.iriOf('members'); // 'http://www.w3.org/ns/hydra/core#member'
 * terms.keysOf('http://www.w3.org/ns/hydra/core#member'); // ['members', 'hydra:member', 'http://www.w3.org/ns/hydra/core#member']
 * ```
 */
export interface Terms {
  /** The context's `@vocab`, if any. */
  readonly vocab: string | undefined;
  /**
   * The IRI a key (term, compact IRI or absolute IRI) stands for, or `undefined` (keywords and
   * keys that do not expand).
   * @param key - a JSON key or a `@type` value.
   */
  iriOf(key: string): string | undefined;
  /**
   * Every key that may stand for an IRI in a document using this context: terms first, then
   * compact IRIs, then the IRI itself. For a keyword (`@id`): its aliases, then the keyword.
   * @param iri - an absolute IRI, or a keyword.
   */
  keysOf(iri: string): readonly string[];
}

function mappingOf(definition: unknown): string | null | undefined {
  if (typeof definition === 'string') return definition;
  if (definition === null) return null;
  if (typeof definition === 'object' && !Array.isArray(definition)) {
    const id = (definition as Record<string, unknown>)['@id'];
    if (typeof id === 'string') return id;
    if (id === null) return null;
  }
  return undefined;
}

/**
 * Compiles the terms of a context definition (the value of `@context`, not the document).
 *
 * @param context - the context object.
 * @returns its term map.
 * @example
 * ```ts
 * import { compileTerms } from '@hyperld/core';
 * compileTerms({ '@vocab': 'https://example.com/vocab#' }).iriOf('name'); // 'https://example.com/vocab#name'
 * ```
 */
export function compileTerms(context: JsonObject): Terms {
  const rawVocab = context['@vocab'];
  const vocab = typeof rawVocab === 'string' ? rawVocab : undefined;
  const raw = new Map<string, string | null | undefined>();
  for (const key of Object.keys(context)) if (!key.startsWith('@')) raw.set(key, mappingOf(context[key]));

  const resolving = new Set<string>();
  const cache = new Map<string, string | undefined>();
  const iriOf = (key: string): string | undefined => {
    if (key.startsWith('@')) return undefined;
    if (cache.has(key)) return cache.get(key);
    if (resolving.has(key)) return undefined; // a cyclic definition expands to nothing
    resolving.add(key);
    let result: string | undefined;
    if (raw.has(key)) {
      const mapping = raw.get(key);
      if (mapping === null) result = undefined;
      else if (mapping === undefined || mapping === key) result = key.includes(':') ? expandCompact(key) : vocab !== undefined ? vocab + key : undefined;
      else result = mapping.startsWith('@') ? undefined : iriOf(mapping) ?? mapping;
    } else {
      result = expandCompact(key) ?? (vocab !== undefined && !key.includes(':') ? vocab + key : undefined);
    }
    resolving.delete(key);
    cache.set(key, result);
    return result;
  };
  function expandCompact(key: string): string | undefined {
    const colon = key.indexOf(':');
    if (colon <= 0) return undefined;
    const prefix = key.slice(0, colon);
    const suffix = key.slice(colon + 1);
    if (suffix.startsWith('//')) return key;
    const ns = raw.has(prefix) ? raw.get(prefix) : undefined;
    if (typeof ns === 'string' && !ns.startsWith('@')) return (iriOf(prefix) ?? ns) + suffix;
    return key; // an absolute IRI with a scheme of its own
  }

  const reverse = new Map<string, string[]>();
  const keysOf = (iri: string): readonly string[] => {
    let keys = reverse.get(iri);
    if (keys) return keys;
    keys = [];
    if (iri.startsWith('@')) {
      // A keyword: its aliases (`id` for `@id`), then the keyword itself.
      for (const [key, mapping] of raw) if (mapping === iri) keys.push(key);
      keys.push(iri);
      reverse.set(iri, keys);
      return keys;
    }
    for (const key of raw.keys()) if (iriOf(key) === iri) keys.push(key);
    for (const [prefix, mapping] of raw) {
      if (typeof mapping !== 'string') continue;
      const ns = iriOf(prefix) ?? mapping;
      if (iri.startsWith(ns) && iri.length > ns.length) keys.push(`${prefix}:${iri.slice(ns.length)}`);
    }
    if (vocab !== undefined && iri.startsWith(vocab) && !iri.slice(vocab.length).includes(':')) {
      const term = iri.slice(vocab.length);
      if (!raw.has(term) && !keys.includes(term)) keys.push(term);
    }
    keys.push(iri);
    reverse.set(iri, keys);
    return keys;
  };

  return { vocab, iriOf, keysOf };
}

const compiledDocs = new WeakMap<object, Terms>();

/**
 * The terms in force for a node: from its `@context` (a registered URL, an inline object, or an
 * array of them, later entries overriding earlier ones), or `undefined` when it has none.
 *
 * @param node - a node.
 * @param resolve - resolves a context URL (e.g. `registry.context`).
 * @param base - the base IRI against which context URLs resolve.
 * @returns the node's terms, or `undefined`.
 * @example
 * ```ts
 * import { termsOfNode } from '@hyperld/core';
 * termsOfNode({ '@context': { '@vocab': 'https://e.x/v#' } }, () => undefined)?.iriOf('name'); // 'https://e.x/v#name'
 * ```
 */
export function termsOfNode(
  node: object,
  resolve: (url: string, base?: string) => { readonly '@context': JsonObject } | undefined,
  base?: string,
): Terms | undefined {
  const context = (node as Record<string, unknown>)['@context'];
  if (context === undefined || context === null) return undefined;
  const parts = Array.isArray(context) ? context : [context];
  const objects: JsonObject[] = [];
  for (const part of parts) {
    if (typeof part === 'string') {
      const doc = resolve(part, base);
      if (doc) objects.push(doc['@context']);
    } else if (typeof part === 'object' && part !== null && !Array.isArray(part)) objects.push(part as JsonObject);
  }
  if (objects.length === 0) return undefined;
  if (objects.length === 1) {
    const only = objects[0] as JsonObject;
    let terms = compiledDocs.get(only);
    if (!terms) compiledDocs.set(only, (terms = compileTerms(only)));
    return terms;
  }
  return compileTerms(Object.assign({}, ...objects) as JsonObject);
}

/**
 * Finds the value of a property by its IRI, whatever key the node's context uses for it
 * (`members`, `member`, `hydra:member` or the IRI itself).
 *
 * @param node - a node.
 * @param iri - the property IRI.
 * @param resolve - resolves a context URL (e.g. `registry.context`).
 * @param base - the base IRI against which context URLs resolve.
 * @returns the key found and its value, or `undefined` when the node has no such property.
 * @example
 * ```ts
 * import { findProperty, HYDRA } from '@hyperld/core';
 * const node = { '@context': { hydra: HYDRA, members: { '@id': 'hydra:member' } }, members: [] };
 * findProperty(node, HYDRA + 'member', () => undefined); // { key: 'members', value: [] }
 * ```
 */
export function findProperty(
  node: object,
  iri: string,
  resolve: (url: string, base?: string) => { readonly '@context': JsonObject } | undefined,
  base?: string,
): { readonly key: string; readonly value: unknown } | undefined {
  const record = node as Record<string, unknown>;
  const terms = termsOfNode(node, resolve, base);
  const candidates = terms ? terms.keysOf(iri) : fallbackKeys(iri);
  for (const key of candidates) if (Object.hasOwn(record, key)) return { key, value: record[key] };
  return undefined;
}

/** Keys tried when a node has no context: the IRI's local name, its hydra: form, the IRI. */
function fallbackKeys(iri: string): string[] {
  const cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
  const local = iri.slice(cut + 1);
  const keys = [local];
  if (iri.startsWith('http://www.w3.org/ns/hydra/core#')) keys.push(`hydra:${local}`);
  keys.push(iri);
  return keys;
}
