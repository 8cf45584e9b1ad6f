/**
 * `hydra:Collection` as a `@hyperld/core` type. One module per Hydra type (see `../vocabulary.ts`), so
 * that a bundle carries only the types it decodes and those they embed.
 *
 * @module
 */
import { t, type DefType } from '@hyperld/core';
import { IriTemplate } from './iri-template.js';
import { PartialCollectionView } from './partial-collection-view.js';
import { hydra } from './hydra.js';

// Pure (an IIFE the bundler may drop): a bundle that decodes no node of this type carries none of it.
const collection = /* @__PURE__ */ (() =>
  hydra.type('hydra:Collection', {
    description: 'A set of member nodes, possibly split into pages.',
    properties: {
      member: t.list(t.anyNode()).optional().mapTo('hydra:member').describe('The members of this page.'),
      totalItems: t.integer().optional().mapTo('hydra:totalItems').describe('How many members the whole collection has (as the server says).'),
      view: t.node(PartialCollectionView).optional().mapTo('hydra:view').describe('The page this document is.'),
      search: t.node(IriTemplate).optional().mapTo('hydra:search').describe('A template to search the collection.'),
    },
  }))();

/**
 * The type of {@link Collection}, by name: declarations that embed or extend it refer to
 * `CollectionDef` instead of spelling out its properties again.
 *
 * @example
 * ```ts
 * import type { NodeOf } from '@hyperld/core';
 * import type { CollectionDef } from '@hyperld/hydra';
 * type CollectionNode = NodeOf<CollectionDef>; // the same as NodeOf<typeof Collection>
 * ```
 */
export interface CollectionDef extends DefType<typeof collection> {}
/**
 * `hydra:Collection`: a set of member nodes, possibly split into pages (`view`).
 *
 * @example
 * ```ts
 * import type { NodeOf } from '@hyperld/core';
 * import { Collection } from '@hyperld/hydra';
 * const empty: NodeOf<typeof Collection> = { '@type': 'hydra:Collection', id: '/messages/1/attachments', member: [], totalItems: 0 };
 * ```
 */
export const Collection: CollectionDef = collection;
