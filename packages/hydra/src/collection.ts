/**
 * Reading collections prefix-agnostically: members, total, view and page links are found by
 * their Hydra IRIs through the node's context, whether the document says `members` (TextUs),
 * `member` (Hydra's context) or `hydra:member`.
 *
 * @module
 */
import { baseOf, metaOf, resolveIri } from '@hyperld/core';
import { readHydra, type ReadOptions } from './terms.js';

type MembersOf<N> = N extends { readonly members: readonly (infer M)[] } ? M : N extends { readonly member?: readonly (infer M)[] } ? M : unknown;

/**
 * A value read as the set of values JSON-LD says it is: compaction writes a one-item set as the
 * item itself unless the context says `@set`, and a document may wrap the items in a set or list
 * object.
 *
 * @internal
 * @param value - a property's value.
 * @returns its values.
 * @example
 * ```ts
 * import { asSet } from './collection.js';
 * asSet('x'); // ['x']
 * ```
 */
export function asSet(value: unknown): readonly unknown[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value;
  if (typeof value === 'object') {
    const wrapper = value as Record<string, unknown>;
    if (Object.hasOwn(wrapper, '@set')) return asSet(wrapper['@set']);
    if (Object.hasOwn(wrapper, '@list')) return asSet(wrapper['@list']);
  }
  return [value];
}

/**
 * A value read as the one value a functional property has: JSON-LD lets `[x]` stand for `x`.
 * Several values are no answer.
 *
 * @internal
 * @param value - a property's value.
 * @returns the one value, or `undefined`.
 * @example
 * ```ts
 * import { single } from './collection.js';
 * single(['x']); // 'x'
 * ```
 */
export function single(value: unknown): unknown {
  return Array.isArray(value) ? (value.length === 1 ? value[0] : undefined) : value;
}

/**
 * The members of a collection page, under whatever key its context maps to `hydra:member`. A
 * single member written without an array (as JSON-LD compaction writes a one-item set) is a
 * one-member list; links (strings) are members as they were written, unresolved.
 *
 * @param collection - a collection node.
 * @param options - registry and base.
 * @returns the members (the array in the node when there is one, not a copy); empty when there
 *   are none.
 * @example
 * ```ts
 * import { membersOf } from '@hyperld/hydra';
 * membersOf({ '@type': 'hydra:Collection', 'hydra:member': [{ '@type': 'X', id: '/x/1' }] }).length; // 1
 * membersOf({ '@type': 'hydra:Collection', 'hydra:member': { '@type': 'X', id: '/x/1' } }).length; // 1
 * ```
 */
export function membersOf<N extends object>(collection: N, options: ReadOptions = {}): readonly MembersOf<N>[] {
  return asSet(readHydra(collection, 'member', options)) as readonly MembersOf<N>[];
}

/**
 * The `totalItems` a collection claims (which need not match the members sent).
 *
 * @param collection - a collection node.
 * @param options - registry and base.
 * @returns the number, or `undefined`.
 * @example
 * ```ts
 * import { totalItemsOf } from '@hyperld/hydra';
 * totalItemsOf({ totalItems: 3 }); // 3
 * ```
 */
export function totalItemsOf(collection: object, options: ReadOptions = {}): number | undefined {
  const total = single(readHydra(collection, 'totalItems', options));
  return typeof total === 'number' ? total : undefined;
}

/**
 * The view (page) node of a collection, if it is paged.
 *
 * @param collection - a collection node.
 * @param options - registry and base.
 * @returns the view node, or `undefined` for an unpaginated collection.
 * @example
 * ```ts
 * import { viewOf } from '@hyperld/hydra';
 * viewOf({ members: [] }); // undefined
 * ```
 */
export function viewOf(collection: object, options: ReadOptions = {}): Record<string, unknown> | undefined {
  const view = single(readHydra(collection, 'view', options));
  return typeof view === 'object' && view !== null && !Array.isArray(view) ? (view as Record<string, unknown>) : undefined;
}

/**
 * Links between pages of a collection, resolved against the base: `null` at the ends, `undefined`
 * where the view does not say.
 *
 * @example
 * ```ts
 * import type { PageLinks } from '@hyperld/hydra';
 * const links: PageLinks = { first: 'https://api.example/c', next: null, previous: null, last: undefined };
 * ```
 */
export interface PageLinks {
  /** The first page. */
  readonly first: string | null | undefined;
  /** The next page; `null` on the last. */
  readonly next: string | null | undefined;
  /** The previous page; `null` on the first. */
  readonly previous: string | null | undefined;
  /** The last page. */
  readonly last: string | null | undefined;
}

/**
 * The page links of a collection's view, resolved against the base.
 *
 * @param collection - a collection page node.
 * @param options - registry and base.
 * @returns the links (all `undefined` for an unpaginated collection).
 * @example
 * ```ts
 * import { pageLinksOf } from '@hyperld/hydra';
 * pageLinksOf({ view: { '@type': 'hydra:PartialCollectionView', next: '/c?cursor=2' } }, { base: 'https://api.example/c' }).next;
 * // 'https://api.example/c?cursor=2'
 * ```
 */
export function pageLinksOf(collection: object, options: ReadOptions = {}): PageLinks {
  const view = viewOf(collection, options);
  const base = options.base ?? baseOf(collection);
  const registry = options.registry ?? metaOf(collection)?.registry;
  const readOptions: ReadOptions = { ...(registry !== undefined ? { registry } : {}), ...(base !== undefined ? { base } : {}) };
  // A view without a context of its own is in its collection's (JSON-LD contexts are inherited);
  // its keys are read through that context first, then by the usual fallback keys.
  const parentContext = (collection as Record<string, unknown>)['@context'];
  const inherited =
    view !== undefined && !Object.hasOwn(view, '@context') && parentContext !== undefined && parentContext !== null
      ? { ...view, '@context': parentContext }
      : undefined;
  const link = (term: string): string | null | undefined => {
    if (!view) return undefined;
    let value = inherited ? single(readHydra(inherited, term, readOptions)) : undefined;
    if (value === undefined) value = single(readHydra(view, term, readOptions));
    if (value === null) return null;
    return typeof value === 'string' ? resolveIri(value, base) : undefined;
  };
  return { first: link('first'), next: link('next'), previous: link('previous'), last: link('last') };
}

/**
 * The page number a collection's view says it is (`hydra:pageIndex`, under any spelling), as
 * page-number views (API Platform's, hydra-box's) carry it.
 *
 * @param collection - a collection page node.
 * @param options - registry and base.
 * @returns the index, or `undefined` when the view does not say (or there is no view).
 * @example
 * ```ts
 * import { pageIndexOf } from '@hyperld/hydra';
 * pageIndexOf({ 'hydra:view': { '@type': 'hydra:PartialCollectionView', 'hydra:pageIndex': 2 } }); // 2
 * ```
 */
export function pageIndexOf(collection: object, options: ReadOptions = {}): number | undefined {
  const view = viewOf(collection, options);
  if (view === undefined) return undefined;
  const registry = options.registry ?? metaOf(collection)?.registry;
  const readOptions: ReadOptions = { ...(registry !== undefined ? { registry } : {}), ...(options.base !== undefined ? { base: options.base } : {}) };
  const parentContext = (collection as Record<string, unknown>)['@context'];
  const inherited = !Object.hasOwn(view, '@context') && parentContext !== undefined && parentContext !== null ? { ...view, '@context': parentContext } : view;
  let value = single(readHydra(inherited, 'pageIndex', readOptions));
  if (value === undefined) value = single(readHydra(view, 'pageIndex', { context: 'hydra' }));
  // A typed literal (`{ "@value": "2", "@type": "xsd:nonNegativeInteger" }`) counts as its number.
  if (typeof value === 'object' && value !== null && Object.hasOwn(value, '@value')) value = (value as Record<string, unknown>)['@value'];
  const index = typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : value;
  return typeof index === 'number' && Number.isSafeInteger(index) && index >= 0 ? index : undefined;
}
