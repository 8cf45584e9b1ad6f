/**
 * Reading Hydra terms under their spellings: a property is found by its Hydra IRI through the
 * node's context, whether the document says `members` (TextUs), `member` (Hydra's context) or
 * `hydra:member`.
 *
 * @module
 */
import { baseOf, findProperty, HYDRA, metaOf, type Registry } from '@hyperld/core';
import { hydraRegistry } from './vocabulary.js';

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
  /** The registry whose context documents give the terms; defaults to the one that decoded the node. */
  readonly registry?: Registry;
  /** The base IRI to resolve links against; defaults to the node's. */
  readonly base?: string;
}

function resolverOf(node: object, options: ReadOptions): Registry['context'] {
  const registry = options.registry ?? metaOf(node)?.registry ?? hydraRegistry;
  return (url, base) => registry.context(url, base) ?? hydraRegistry.context(url, base);
}

/**
 * Reads a property of a node by its Hydra term (`member`, `totalItems`, `view`, `next`, …).
 *
 * @param node - a node.
 * @param term - the Hydra term (local name in the Hydra vocabulary).
 * @param options - registry and base.
 * @returns the value, or `undefined` when absent.
 * @example
 * ```ts
 * import { readHydra } from '@hyperld/hydra';
 * readHydra({ 'hydra:totalItems': 3 }, 'totalItems'); // 3
 * ```
 */
export function readHydra(node: object, term: string, options: ReadOptions = {}): unknown {
  return findProperty(node, HYDRA + term, resolverOf(node, options), options.base ?? baseOf(node))?.value;
}
