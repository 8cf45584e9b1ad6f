/**
 * `hydra:SupportedProperty` as a `@hyperld/core` type. One module per Hydra type (see `../vocabulary.ts`), so
 * that a bundle carries only the types it decodes and those they embed.
 *
 * @module
 */
import { t, type DefType } from '@hyperld/core';
import { hydra, optionalId } from './hydra.js';

// Pure (an IIFE the bundler may drop): a bundle that decodes no node of this type carries none of it.
const supportedProperty = /* @__PURE__ */ (() =>
  hydra.type('hydra:SupportedProperty', {
    description: 'A property a class supports: readable, writable, required.',
    properties: {
      id: optionalId,
      property: t.link().mapTo('hydra:property').describe('The property IRI.'),
      title: t.string().optional().mapTo('hydra:title').describe('The property key in documents.'),
      description: t.string().optional().mapTo('hydra:description').describe('What the property holds.'),
      required: t.boolean().mapTo('hydra:required').describe('Whether every node has it.'),
      readable: t.boolean().mapTo('hydra:readable').describe('Whether clients read it.'),
      writable: t.boolean().mapTo('hydra:writable').describe('Whether clients may send it.'),
      range: t.link().optional().mapTo('http://www.w3.org/2000/01/rdf-schema#range').describe('The type of its values.'),
    },
  }))();

/**
 * The type of {@link SupportedProperty}, by name: declarations that embed or extend it refer to
 * `SupportedPropertyDef` instead of spelling out its properties again.
 *
 * @example
 * ```ts
 * import type { NodeOf } from '@hyperld/core';
 * import type { SupportedPropertyDef } from '@hyperld/hydra';
 * type SupportedPropertyNode = NodeOf<SupportedPropertyDef>; // the same as NodeOf<typeof SupportedProperty>
 * ```
 */
export interface SupportedPropertyDef extends DefType<typeof supportedProperty> {}
/**
 * `hydra:SupportedProperty`: a property a class supports, and how.
 *
 * @example
 * ```ts
 * import type { NodeOf } from '@hyperld/core';
 * import { SupportedProperty } from '@hyperld/hydra';
 * const p: NodeOf<typeof SupportedProperty> = { '@type': 'hydra:SupportedProperty', property: 'https://example.com/vocab#name', readable: true, writable: false, required: true };
 * ```
 */
export const SupportedProperty: SupportedPropertyDef = supportedProperty;
