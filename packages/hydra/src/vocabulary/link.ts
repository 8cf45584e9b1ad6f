/**
 * `hydra:Link` as a `@hyperld/core` type. One module per Hydra type (see `../vocabulary.ts`), so
 * that a bundle carries only the types it decodes and those they embed.
 *
 * @module
 */
import { t, type DefType } from '@hyperld/core';
import { Operation } from './operation.js';
import { hydra } from './hydra.js';

// Pure (an IIFE the bundler may drop): a bundle that decodes no node of this type carries none of it.
const hydraLink = /* @__PURE__ */ (() =>
  hydra.type('hydra:Link', {
    description: 'A property whose values are links, and the operations their targets support.',
    properties: {
      title: t.string().optional().mapTo('hydra:title').describe('A short title.'),
      description: t.string().optional().mapTo('hydra:description').describe('What the link leads to.'),
      range: t.link().optional().mapTo('http://www.w3.org/2000/01/rdf-schema#range').describe('The type of the target.'),
      supportedOperation: t.list(t.node(Operation)).optional().mapTo('hydra:supportedOperation').describe('Operations on the target.'),
    },
  }))();

/**
 * The type of {@link HydraLink}, by name: declarations that embed or extend it refer to
 * `HydraLinkDef` instead of spelling out its properties again.
 *
 * @example
 * ```ts
 * import type { NodeOf } from '@hyperld/core';
 * import type { HydraLinkDef } from '@hyperld/hydra';
 * type HydraLinkNode = NodeOf<HydraLinkDef>; // the same as NodeOf<typeof HydraLink>
 * ```
 */
export interface HydraLinkDef extends DefType<typeof hydraLink> {}
/**
 * `hydra:Link`: a property whose values are links, with the operations its target supports.
 *
 * @example
 * ```ts
 * import type { NodeOf } from '@hyperld/core';
 * import { HydraLink } from '@hyperld/hydra';
 * const l: NodeOf<typeof HydraLink> = { '@type': 'hydra:Link', id: 'https://example.com/vocab#timeline', supportedOperation: [] };
 * ```
 */
export const HydraLink: HydraLinkDef = hydraLink;
