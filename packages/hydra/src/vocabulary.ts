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
 * Each definition is built under a local name, named by an interface (`CollectionDef`, see
 * `DefType` in `@hyperld/core`) and exported as that type, so that declarations refer to it by
 * name where other definitions embed or extend it, instead of spelling it out again each time:
 * the published declarations stay small and quick to type-check.
 *
 * @module
 */
import { createRegistry, HYDRA, t, vocabulary, type DefType, type Registry } from '@hyperld/core';
import { HYDRA_CONTEXT, HYDRA_CONTEXT_DOCUMENT } from './contexts/hydra-context.js';
import { HYDRA_ERROR_CONTEXT, HYDRA_ERROR_CONTEXT_DOCUMENT } from './contexts/hydra-error-context.js';

export { HYDRA_CONTEXT } from './contexts/hydra-context.js';

/**
 * The IRI of the list of violations hyperld adds to error bodies: a term of hyperld's own, not of
 * Hydra's namespace (which defines none), so that the body means only what its publishers say.
 *
 * @example
 * ```ts
 * import { VIOLATIONS_IRI } from '@hyperld/hydra';
 * VIOLATIONS_IRI; // 'https://github.com/hyperld/hyperld#violations'
 * ```
 */
export const VIOLATIONS_IRI = 'https://github.com/hyperld/hyperld#violations';

// The Hydra types are read and written under the published contexts (the project's copies), never
// under a generated one: hyperld does not own the W3C's URLs.
const hydra = vocabulary({
  vocab: HYDRA,
  context: () => HYDRA_CONTEXT,
  contextDocuments: { [HYDRA_CONTEXT]: HYDRA_CONTEXT_DOCUMENT, [HYDRA_ERROR_CONTEXT]: HYDRA_ERROR_CONTEXT_DOCUMENT },
});
const optionalId = t.id().optional();

const status = hydra.type('hydra:Status', {
  description: 'A status code an operation may answer with, and what it means.',
  properties: {
    id: optionalId,
    statusCode: t.integer().mapTo('hydra:statusCode').describe('The HTTP status code.'),
    title: t.string().optional().mapTo('hydra:title').describe('A short title.'),
    description: t.string().optional().mapTo('hydra:description').describe('What the status means here.'),
  },
});

/**
 * The type of {@link Status}, by name: declarations that embed or extend it refer to
 * `StatusDef` instead of spelling out its properties again.
 *
 * @example
 * ```ts
 * import type { NodeOf } from '@hyperld/core';
 * import type { StatusDef } from '@hyperld/hydra';
 * type StatusNode = NodeOf<StatusDef>; // the same as NodeOf<typeof Status>
 * ```
 */
export interface StatusDef extends DefType<typeof status> {}
/**
 * `hydra:Status`: a status code an operation may answer with.
 *
 * @example
 * ```ts
 * import type { NodeOf } from '@hyperld/core';
 * import { Status } from '@hyperld/hydra';
 * const notFound: NodeOf<typeof Status> = { '@type': 'hydra:Status', statusCode: 404, title: 'Not Found' };
 * ```
 */
export const Status: StatusDef = status;

const operation = hydra.type('hydra:Operation', {
  description: 'A request a client may make on a resource.',
  properties: {
    id: optionalId,
    method: t.string().mapTo('hydra:method').describe('The HTTP method.'),
    title: t.string().optional().mapTo('hydra:title').describe('A short title, often the action name.'),
    description: t.string().optional().mapTo('hydra:description').describe('What the operation does.'),
    target: t.link().optional().mapTo('hydra:target').describe('The IRI the request goes to, when not the resource itself.'),
    expects: t.link().nullable().optional().mapTo('hydra:expects').describe('The class of the request body.'),
    returns: t.link().nullable().optional().mapTo('hydra:returns').describe('The class of the response body.'),
    possibleStatus: t.list(t.node(Status)).optional().mapTo('hydra:possibleStatus').describe('Statuses the operation may answer with.'),
  },
});

/**
 * The type of {@link Operation}, by name: declarations that embed or extend it refer to
 * `OperationDef` instead of spelling out its properties again.
 *
 * @example
 * ```ts
 * import type { NodeOf } from '@hyperld/core';
 * import type { OperationDef } from '@hyperld/hydra';
 * type OperationNode = NodeOf<OperationDef>; // the same as NodeOf<typeof Operation>
 * ```
 */
export interface OperationDef extends DefType<typeof operation> {}
/**
 * `hydra:Operation`: a request a client may make (method, expected body, returned type).
 *
 * @example
 * ```ts
 * import type { NodeOf } from '@hyperld/core';
 * import { Operation } from '@hyperld/hydra';
 * const close: NodeOf<typeof Operation> = { '@type': 'hydra:Operation', method: 'PUT', title: 'closeConversation' };
 * ```
 */
export const Operation: OperationDef = operation;

const iriTemplateMapping = hydra.type('hydra:IriTemplateMapping', {
  description: 'Binds a variable of an IRI template to a property.',
  properties: {
    id: optionalId,
    variable: t.string().mapTo('hydra:variable').describe('The template variable.'),
    property: t.link().nullable().mapTo('hydra:property').describe('The property whose value fills the variable; `null` where the server names none (API Platform\'s `properties[]`).'),
    required: t.boolean().optional().mapTo('hydra:required').describe('Whether the variable must be given.'),
  },
});

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

const iriTemplate = hydra.type('hydra:IriTemplate', {
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
});

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

const partialCollectionView = hydra.type('hydra:PartialCollectionView', {
  description: 'A page of a collection, with links to the first, next, previous and last pages.',
  properties: {
    // A view is often a blank node (API Platform's are, without pagination links of its own).
    id: optionalId,
    first: t.link().nullable().optional().mapTo('hydra:first').describe('The first page.'),
    next: t.link().nullable().optional().mapTo('hydra:next').describe('The next page; `null` on the last one.'),
    previous: t.link().nullable().optional().mapTo('hydra:previous').describe('The previous page; `null` on the first one.'),
    last: t.link().nullable().optional().mapTo('hydra:last').describe('The last page.'),
  },
});

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

const collection = hydra.type('hydra:Collection', {
  description: 'A set of member nodes, possibly split into pages.',
  properties: {
    member: t.list(t.anyNode()).optional().mapTo('hydra:member').describe('The members of this page.'),
    totalItems: t.integer().optional().mapTo('hydra:totalItems').describe('How many members the whole collection has (as the server says).'),
    view: t.node(PartialCollectionView).optional().mapTo('hydra:view').describe('The page this document is.'),
    search: t.node(IriTemplate).optional().mapTo('hydra:search').describe('A template to search the collection.'),
  },
});

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

const supportedProperty = hydra.type('hydra:SupportedProperty', {
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
});

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

const hydraLink = hydra.type('hydra:Link', {
  description: 'A property whose values are links, and the operations their targets support.',
  properties: {
    title: t.string().optional().mapTo('hydra:title').describe('A short title.'),
    description: t.string().optional().mapTo('hydra:description').describe('What the link leads to.'),
    range: t.link().optional().mapTo('http://www.w3.org/2000/01/rdf-schema#range').describe('The type of the target.'),
    supportedOperation: t.list(t.node(Operation)).optional().mapTo('hydra:supportedOperation').describe('Operations on the target.'),
  },
});

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

const hydraClass = hydra.type('hydra:Class', {
  description: 'A type the API uses, with its supported properties and operations.',
  properties: {
    title: t.string().optional().mapTo('hydra:title').describe('The type term.'),
    description: t.string().optional().mapTo('hydra:description').describe('What the type is.'),
    supportedProperty: t.list(t.node(SupportedProperty)).mapTo('hydra:supportedProperty').describe('Its properties.'),
    supportedOperation: t.list(t.node(Operation)).mapTo('hydra:supportedOperation').describe('The operations on its instances.'),
  },
});

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

const apiDocumentation = hydra.type('hydra:ApiDocumentation', {
  description: 'The documentation of an API: its entry point and the classes it uses.',
  properties: {
    title: t.string().optional().mapTo('hydra:title').describe('The API name.'),
    description: t.string().optional().mapTo('hydra:description').describe('What the API does.'),
    entrypoint: t.link().optional().mapTo('hydra:entrypoint').describe('Where a client starts.'),
    supportedClass: t.list(t.node(HydraClass)).mapTo('hydra:supportedClass').describe('The classes the API uses.'),
  },
});

/**
 * The type of {@link ApiDocumentation}, by name: declarations that embed or extend it refer to
 * `ApiDocumentationDef` instead of spelling out its properties again.
 *
 * @example
 * ```ts
 * import type { NodeOf } from '@hyperld/core';
 * import type { ApiDocumentationDef } from '@hyperld/hydra';
 * type ApiDocumentationNode = NodeOf<ApiDocumentationDef>; // the same as NodeOf<typeof ApiDocumentation>
 * ```
 */
export interface ApiDocumentationDef extends DefType<typeof apiDocumentation> {}
/**
 * `hydra:ApiDocumentation`: what an API offers (its entry point and classes).
 *
 * @example
 * ```ts
 * import type { NodeOf } from '@hyperld/core';
 * import { ApiDocumentation } from '@hyperld/hydra';
 * const doc: NodeOf<typeof ApiDocumentation> = { '@type': 'hydra:ApiDocumentation', id: '/docs.jsonld', entrypoint: '/', supportedClass: [] };
 * ```
 */
export const ApiDocumentation: ApiDocumentationDef = apiDocumentation;

const RDFS = 'http://www.w3.org/2000/01/rdf-schema#';
const hydraErrorType = hydra.type('hydra:Error', {
  description: 'An error answer: a Hydra error that is also an RFC 7807 problem.',
  // The RFC 7807 members mean what Hydra's error context says (`title` is `rdfs:label` there);
  // error bodies add Hydra's `description` and `statusCode`, and hyperld's `violations`, inline.
  context: HYDRA_ERROR_CONTEXT,
  properties: {
    id: optionalId,
    title: t.string().optional().mapTo(`${RDFS}label`).describe('A short, human-readable summary of the problem type.'),
    description: t.string().optional().mapTo('hydra:description').describe('Hydra: what happened.'),
    statusCode: t.integer().optional().mapTo('hydra:statusCode').describe('Hydra: the HTTP status code.'),
    type: t.string().optional().mapTo('http://www.w3.org/1999/02/22-rdf-syntax-ns#type').describe('RFC 7807: a URI reference that identifies the problem type.'),
    status: t.integer().optional().mapTo('hydra:statusCode').describe('RFC 7807: the HTTP status code.'),
    detail: t.string().optional().mapTo(`${RDFS}comment`).describe('RFC 7807: what happened in this occurrence.'),
    instance: t.string().optional().mapTo(`${RDFS}seeAlso`).describe('RFC 7807: the URI of this occurrence.'),
    violations: t.list(t.json()).optional().mapTo(VIOLATIONS_IRI).describe('Each violation: `{ path, code, expected, found, message }`.'),
  },
});

export interface HydraErrorTypeDef extends DefType<typeof hydraErrorType> {}
/**
 * `hydra:Error`, also readable as an RFC 7807 problem: status, title, detail and the list of
 * violations that made a request invalid.
 *
 * @example
 * ```ts
 * import type { NodeOf } from '@hyperld/core';
 * import { HydraErrorType } from '@hyperld/hydra';
 * const e: NodeOf<typeof HydraErrorType> = { '@type': 'hydra:Error', title: 'Not Found', status: 404, statusCode: 404, detail: 'No such conversation.' };
 * ```
 */
export const HydraErrorType: HydraErrorTypeDef = hydraErrorType;

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
