/**
 * The terms every TextUs collection shares, as TextUs spells Hydra's: `members` for `hydra:member`,
 * `totalItems` and `view`.
 *
 * @module
 */
import { t } from '@hyperld/core';
import { PartialCollectionView } from '@hyperld/hydra';

/**
 * `members` as TextUs spells `hydra:member`: a list of the given nodes.
 *
 * @param item - what the members are.
 * @returns the property.
 * @example
 * ```ts
 * import { t } from '@hyperld/core';
 * import { membersOf } from './collection.js';
 * const members = membersOf(t.anyNode());
 * ```
 */
export const membersOf = <K extends ReturnType<typeof t.anyNode> | ReturnType<typeof t.node>>(item: K) =>
  t.list(item).mapTo('hydra:member').describe('The members of this page.');
/**
 * `totalItems`, Hydra's `hydra:totalItems`.
 *
 * @example
 * ```ts
 * import { totalItems } from './collection.js';
 * const properties = { totalItems };
 * ```
 */
export const totalItems = t.integer().mapTo('hydra:totalItems').describe('How many members the collection has, as the server counts them.');
/**
 * `view`, Hydra's `hydra:view`: this page and links to its neighbours.
 *
 * @example
 * ```ts
 * import { view } from './collection.js';
 * const properties = { view };
 * ```
 */
export const view = t.node(PartialCollectionView).optional().mapTo('hydra:view').describe('This page and links to its neighbours; absent when the collection is not paged.');
