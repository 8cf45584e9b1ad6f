/**
 * A node's identifier, whatever key its context gives `@id`.
 *
 * @module
 */
import { termsOfNode } from '../iri/terms.js';
import type { ContextDocument } from '../context/document.js';
import { metaOf } from './meta.js';

/**
 * The identifier of a node as written (not resolved): its `@id`, else the value of an alias its
 * context gives `@id` (`id` under TextUs' and hyperld's generated contexts). The context is read
 * through `options.registry` (default: the registry the node was decoded with); a node whose
 * context cannot be read is looked up under `id`, the alias hyperld's generated contexts give.
 *
 * @param node - a node.
 * @param options - `registry`: where context URLs are looked up.
 * @returns the identifier, or `undefined` when the node has none (or it is not a string).
 * @example
 * ```ts
 * import { idOf } from '@hyperld/core';
 * idOf({ '@id': '/contacts/DQeeO69' }); // '/contacts/DQeeO69'
 * idOf({ '@context': { id: '@id' }, id: '/contacts/DQeeO69' }); // '/contacts/DQeeO69'
 * ```
 */
export function idOf(
  node: object,
  options?: { readonly registry?: { context(url: string, base?: string): ContextDocument | undefined } },
): string | undefined {
  const record = node as Record<string, unknown>;
  const own = Object.hasOwn(record, '@id') ? record['@id'] : undefined;
  if (typeof own === 'string') return own;
  const registry = options?.registry ?? metaOf(node)?.registry;
  const terms = termsOfNode(node, (url, base) => registry?.context(url, base), metaOf(node)?.base);
  const aliases = terms ? terms.keysOf('@id') : ['id'];
  for (const key of aliases) {
    const value = Object.hasOwn(record, key) ? record[key] : undefined;
    if (typeof value === 'string') return value;
  }
  return undefined;
}
