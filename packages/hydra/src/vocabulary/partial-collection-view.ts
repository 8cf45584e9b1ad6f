/**
 * `hydra:PartialCollectionView` as a `@hyperld/core` type. One module per Hydra type (see `../vocabulary.ts`), so
 * that a bundle carries only the types it decodes and those they embed.
 *
 * @module
 */
import { t, type DefType } from '@hyperld/core';
import { hydra, optionalId } from './hydra.js';

// Pure (an IIFE the bundler may drop): a bundle that decodes no node of this type carries none of it.
const partialCollectionView = /* @__PURE__ */ (() =>
  hydra.type('hydra:PartialCollectionView', {
    description: 'A page of a collection, with links to the first, next, previous and last pages.',
    properties: {
      // A view is often a blank node (API Platform's are, without pagination links of its own).
      id: optionalId,
      first: t.link().nullable().optional().mapTo('hydra:first').describe('The first page.'),
      next: t.link().nullable().optional().mapTo('hydra:next').describe('The next page; `null` on the last one.'),
      previous: t.link().nullable().optional().mapTo('hydra:previous').describe('The previous page; `null` on the first one.'),
      last: t.link().nullable().optional().mapTo('hydra:last').describe('The last page.'),
    },
  }))();

/**
 * The type of {@link PartialCollectionView}, by name: declarations that embed or extend it refer to
 * `PartialCollectionViewDef` instead of spelling out its properties again.
 *
 * @example
 * ```ts
 * import type { NodeOf } from '@hyperld/core';
 * import type { PartialCollectionViewDef } from '@hyperld/hydra';
 * type PartialCollectionViewNode = NodeOf<PartialCollectionViewDef>; // the same as NodeOf<typeof PartialCollectionView>
 * ```
 */
export interface PartialCollectionViewDef extends DefType<typeof partialCollectionView> {}
/**
 * `hydra:PartialCollectionView`: one page of a collection, with links to its neighbours.
 *
 * @example
 * ```ts
 * import type { NodeOf } from '@hyperld/core';
 * import { PartialCollectionView } from '@hyperld/hydra';
 * const view: NodeOf<typeof PartialCollectionView> = { '@type': 'hydra:PartialCollectionView', id: '/c?page=1', first: '/c', next: null, previous: null };
 * ```
 */
export const PartialCollectionView: PartialCollectionViewDef = partialCollectionView;
