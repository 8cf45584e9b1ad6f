/**
 * A node's `@type` values as a list, whether the document wrote one term or an array of them.
 *
 * @module
 */

/**
 * The `@type` values of a node as written (terms, compact or full IRIs, not expanded): one for a
 * string `@type`, each string of an array, none when it has no usable `@type`. A typed node's
 * static `@type` is its registered term; decoding keeps whatever the document wrote, so readers
 * that compare types or print them read this (and `registry.definitionOf` for the definition).
 *
 * @param node - a node.
 * @returns its types, in document order.
 * @example
 * ```ts
 * import { typesOf } from '@hyperld/core';
 * typesOf({ '@type': 'Book' }); // ['Book']
 * typesOf({ '@type': ['schema:Book', 'Book'] }); // ['schema:Book', 'Book']
 * typesOf({}); // []
 * ```
 */
export function typesOf(node: object): readonly string[] {
  const type = (node as Record<string, unknown>)['@type'];
  if (typeof type === 'string') return type.length > 0 ? [type] : [];
  if (!Array.isArray(type)) return [];
  return type.filter((t): t is string => typeof t === 'string' && t.length > 0);
}
