/**
 * The Hydra Core vocabulary as `@hyperld/core` types: collections and their views, IRI templates,
 * operations, classes and supported properties, the API documentation, links, errors and
 * statuses. They are read and written under the published Hydra context, {@link HYDRA_CONTEXT}
 * (the project's copy, `HYDRA_CONTEXT_DOCUMENT`), and errors under Hydra's error context: a
 * registry that holds them registers those documents as published, never generated ones, and
 * checks every property against them. Their JSON keys are the published terms (`member`,
 * `totalItems`, `view`, `supportedClass`, `writable`…); identifiers are `@id` (the published
 * context has no `id` alias).
 *
 * Every property is mapped to its Hydra IRI explicitly (`.mapTo('hydra:member')`), not left to
 * `@vocab`: a type of another vocabulary that extends `Collection` inherits the properties, and
 * its own context's `@vocab` would otherwise turn `totalItems` into a term of that vocabulary.
 *
 * Each type is a module of its own (`./vocabulary/`), so that a bundle carries only the types it
 * decodes and those they embed: this module gathers them ({@link hydraTypes}, {@link hydraRegistry}).
 * Each definition is built under a local name, named by an interface (`CollectionDef`, see
 * `DefType` in `@hyperld/core`) and exported as that type, so that declarations refer to it by
 * name where other definitions embed or extend it, instead of spelling it out again each time:
 * the published declarations stay small and quick to type-check.
 *
 * @module
 */
import { createRegistry, type Registry } from '@hyperld/core';
import { Status } from './vocabulary/status.js';
import { Operation } from './vocabulary/operation.js';
import { IriTemplateMapping, IriTemplate } from './vocabulary/iri-template.js';
import { PartialCollectionView } from './vocabulary/partial-collection-view.js';
import { Collection } from './vocabulary/collection.js';
import { SupportedProperty } from './vocabulary/supported-property.js';
import { HydraLink } from './vocabulary/link.js';
import { HydraClass } from './vocabulary/class.js';
import { ApiDocumentation } from './vocabulary/api-documentation.js';
import { HydraErrorType } from './vocabulary/error.js';

export { HYDRA_CONTEXT } from './contexts/hydra-context.js';
export { VIOLATIONS_IRI } from './vocabulary/hydra.js';
export { Status } from './vocabulary/status.js';
export type { StatusDef } from './vocabulary/status.js';
export { Operation } from './vocabulary/operation.js';
export type { OperationDef } from './vocabulary/operation.js';
export { IriTemplateMapping, IriTemplate } from './vocabulary/iri-template.js';
export type { IriTemplateMappingDef, IriTemplateDef } from './vocabulary/iri-template.js';
export { PartialCollectionView } from './vocabulary/partial-collection-view.js';
export type { PartialCollectionViewDef } from './vocabulary/partial-collection-view.js';
export { Collection } from './vocabulary/collection.js';
export type { CollectionDef } from './vocabulary/collection.js';
export { SupportedProperty } from './vocabulary/supported-property.js';
export type { SupportedPropertyDef } from './vocabulary/supported-property.js';
export { HydraLink } from './vocabulary/link.js';
export type { HydraLinkDef } from './vocabulary/link.js';
export { HydraClass } from './vocabulary/class.js';
export type { HydraClassDef } from './vocabulary/class.js';
export { ApiDocumentation } from './vocabulary/api-documentation.js';
export type { ApiDocumentationDef } from './vocabulary/api-documentation.js';
export { HydraErrorType } from './vocabulary/error.js';
export type { HydraErrorTypeDef } from './vocabulary/error.js';


/**
 * Every Hydra type.
 *
 * @example
 * ```ts
 * import { hydraTypes } from '@hyperld/hydra';
 * hydraTypes.map((d) => d.type); // ['hydra:Collection', …]
 * ```
 */
export const hydraTypes = [
  Collection,
  PartialCollectionView,
  IriTemplate,
  IriTemplateMapping,
  Operation,
  Status,
  SupportedProperty,
  HydraClass,
  HydraLink,
  ApiDocumentation,
  HydraErrorType,
] as const;

/**
 * Any Hydra definition: what {@link hydraRegistry} holds, as a union that narrows on `type`.
 *
 * @example
 * ```ts
 * import type { AnyNodeOf } from '@hyperld/core';
 * import type { HydraTypes } from '@hyperld/hydra';
 * declare const node: AnyNodeOf<HydraTypes>;
 * if (node['@type'] === 'hydra:Collection') console.log(node.totalItems); // number | undefined
 * ```
 */
export type HydraTypes = (typeof hydraTypes)[number];

/**
 * A registry of the Hydra types alone; extend it with `hydraRegistry.with([...])` or pass
 * {@link hydraTypes} with your own to `createRegistry`.
 *
 * @example
 * ```ts
 * import { hydraRegistry } from '@hyperld/hydra';
 * hydraRegistry.context('http://www.w3.org/ns/hydra/context.jsonld');
 * ```
 */
// Annotated, so that its declaration names the definitions rather than `RegisteredDefs` of them
// (the type test checks that the two are the same union).
export const hydraRegistry: Registry<HydraTypes> = /* @__PURE__ */ createRegistry({ types: hydraTypes });
