/**
 * What a node does not carry in its own JSON (the base IRI it came from, the registry that
 * decoded it) lives beside it in a `WeakMap`, never as extra properties that would leak into
 * `encode`.
 *
 * @module
 */
import type { Registry } from './registry.js';

/**
 * What is known about a decoded node beyond its JSON.
 *
 * @example
 * ```ts
 * import type { NodeMeta } from '@hyperld/core';
 * const meta: NodeMeta = { base: 'https://api.example.com/conversations/1', registry: undefined };
 * ```
 */
export interface NodeMeta {
  /** The IRI the document was fetched from, against which its relative links resolve. */
  readonly base: string | undefined;
  /** The registry that decoded it. */
  readonly registry: Registry | undefined;
}

const metas = new WeakMap<object, NodeMeta>();

/**
 * Records what is known about a node (done by `decode`; a client adds the response's URL).
 *
 * @param node - the node.
 * @param meta - its metadata.
 * @example
 * ```ts
 * import { setMeta } from '@hyperld/core';
 * const node = { '@type': 'Account', id: '/accounts/1' };
 * setMeta(node, { base: 'https://api.example.com/accounts/1', registry: undefined });
 * ```
 */
export function setMeta(node: object, meta: NodeMeta): void {
  metas.set(node, meta);
}

/**
 * What is known about a node beyond its JSON, if it was decoded.
 *
 * @param node - the node.
 * @returns its metadata, or `undefined`.
 * @example
 * ```ts
 * import { metaOf } from '@hyperld/core';
 * metaOf({})?.base; // undefined
 * ```
 */
export function metaOf(node: object): NodeMeta | undefined {
  return metas.get(node);
}

/**
 * The base IRI a decoded node came from, if known.
 *
 * @param node - the node.
 * @returns its base IRI, or `undefined`.
 * @example
 * ```ts
 * import { baseOf } from '@hyperld/core';
 * baseOf({}); // undefined
 * ```
 */
export function baseOf(node: object): string | undefined {
  return metas.get(node)?.base;
}
