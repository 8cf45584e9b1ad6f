/**
 * `hydra:IriTemplate` and `hydra:IriTemplateMapping` as a `@hyperld/core` type. One module per Hydra type (see `../vocabulary.ts`), so
 * that a bundle carries only the types it decodes and those they embed.
 *
 * @module
 */
import { t, type DefType } from '@hyperld/core';
import { hydra, optionalId } from './hydra.js';

// Pure (an IIFE the bundler may drop): a bundle that decodes no node of this type carries none of it.
const iriTemplateMapping = /* @__PURE__ */ (() =>
  hydra.type('hydra:IriTemplateMapping', {
    description: 'Binds a variable of an IRI template to a property.',
    properties: {
      id: optionalId,
      variable: t.string().mapTo('hydra:variable').describe('The template variable.'),
      property: t.link().nullable().mapTo('hydra:property').describe('The property whose value fills the variable; `null` where the server names none (API Platform\'s `properties[]`).'),
      required: t.boolean().optional().mapTo('hydra:required').describe('Whether the variable must be given.'),
    },
  }))();

/**
 * The type of {@link IriTemplateMapping}, by name: declarations that embed or extend it refer to
 * `IriTemplateMappingDef` instead of spelling out its properties again.
 *
 * @example
 * ```ts
 * import type { NodeOf } from '@hyperld/core';
 * import type { IriTemplateMappingDef } from '@hyperld/hydra';
 * type IriTemplateMappingNode = NodeOf<IriTemplateMappingDef>; // the same as NodeOf<typeof IriTemplateMapping>
 * ```
 */
export interface IriTemplateMappingDef extends DefType<typeof iriTemplateMapping> {}
/**
 * `hydra:IriTemplateMapping`: binds a template variable to a property.
 *
 * @example
 * ```ts
 * import type { NodeOf } from '@hyperld/core';
 * import { IriTemplateMapping } from '@hyperld/hydra';
 * const m: NodeOf<typeof IriTemplateMapping> = { '@type': 'hydra:IriTemplateMapping', variable: 'q', property: 'http://schema.org/query', required: false };
 * ```
 */
export const IriTemplateMapping: IriTemplateMappingDef = iriTemplateMapping;

// Pure (an IIFE the bundler may drop): a bundle that decodes no node of this type carries none of it.
const iriTemplate = /* @__PURE__ */ (() =>
  hydra.type('hydra:IriTemplate', {
    description: 'An RFC 6570 IRI template and the properties its variables stand for.',
    properties: {
      id: optionalId,
      template: t.string().mapTo('hydra:template').describe('The RFC 6570 template.'),
      variableRepresentation: t
        .enumeration(['hydra:BasicRepresentation', 'hydra:ExplicitRepresentation', 'BasicRepresentation', 'ExplicitRepresentation'] as const)
        .optional()
        .mapTo('hydra:variableRepresentation')
        .describe('How values are written into the template.'),
      mapping: t.list(t.node(IriTemplateMapping)).mapTo('hydra:mapping').describe('The variables and the properties they stand for.'),
    },
  }))();

/**
 * The type of {@link IriTemplate}, by name: declarations that embed or extend it refer to
 * `IriTemplateDef` instead of spelling out its properties again.
 *
 * @example
 * ```ts
 * import type { NodeOf } from '@hyperld/core';
 * import type { IriTemplateDef } from '@hyperld/hydra';
 * type IriTemplateNode = NodeOf<IriTemplateDef>; // the same as NodeOf<typeof IriTemplate>
 * ```
 */
export interface IriTemplateDef extends DefType<typeof iriTemplate> {}
/**
 * `hydra:IriTemplate`: an RFC 6570 template with its variable mappings.
 *
 * @example
 * ```ts
 * import type { NodeOf } from '@hyperld/core';
 * import { IriTemplate } from '@hyperld/hydra';
 * const search: NodeOf<typeof IriTemplate> = { '@type': 'hydra:IriTemplate', template: '/conversations{?q}', mapping: [] };
 * ```
 */
export const IriTemplate: IriTemplateDef = iriTemplate;
