/**
 * `hydra:Class` as a `@hyperld/core` type. One module per Hydra type (see `../vocabulary.ts`), so
 * that a bundle carries only the types it decodes and those they embed.
 *
 * @module
 */
import { t, type DefType } from '@hyperld/core';
import { Operation } from './operation.js';
import { SupportedProperty } from './supported-property.js';
import { hydra } from './hydra.js';

// Pure (an IIFE the bundler may drop): a bundle that decodes no node of this type carries none of it.
const hydraClass = /* @__PURE__ */ (() =>
  hydra.type('hydra:Class', {
    description: 'A type the API uses, with its supported properties and operations.',
    properties: {
      title: t.string().optional().mapTo('hydra:title').describe('The type term.'),
      description: t.string().optional().mapTo('hydra:description').describe('What the type is.'),
      supportedProperty: t.list(t.node(SupportedProperty)).mapTo('hydra:supportedProperty').describe('Its properties.'),
      supportedOperation: t.list(t.node(Operation)).mapTo('hydra:supportedOperation').describe('The operations on its instances.'),
    },
  }))();

/**
 * The type of {@link HydraClass}, by name: declarations that embed or extend it refer to
 * `HydraClassDef` instead of spelling out its properties again.
 *
 * @example
 * ```ts
 * import type { NodeOf } from '@hyperld/core';
 * import type { HydraClassDef } from '@hyperld/hydra';
 * type HydraClassNode = NodeOf<HydraClassDef>; // the same as NodeOf<typeof HydraClass>
 * ```
 */
export interface HydraClassDef extends DefType<typeof hydraClass> {}
/**
 * `hydra:Class`: a type the API uses, with its properties and operations.
 *
 * @example
 * ```ts
 * import type { NodeOf } from '@hyperld/core';
 * import { HydraClass } from '@hyperld/hydra';
 * const c: NodeOf<typeof HydraClass> = { '@type': 'hydra:Class', id: 'https://example.com/vocab#Account', supportedProperty: [], supportedOperation: [] };
 * ```
 */
export const HydraClass: HydraClassDef = hydraClass;
