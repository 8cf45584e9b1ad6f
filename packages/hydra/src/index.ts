/**
 * `@hyperld/hydra`: the Hydra layer over `@hyperld/core` — collections read prefix-agnostically,
 * paging across pages every way, a resource's collections, actions whose `null` link means
 * "unavailable", the API documentation, and the error body. Client and server pieces live at
 * `@hyperld/hydra/client` and `@hyperld/hydra/server`; search and IRI templates at
 * `@hyperld/hydra/search`; reading an API documentation and listing operations at run time at
 * `@hyperld/hydra/discovery`. Those two are entries of their own so that a browser bundle loads
 * them only when it uses them (the client imports them on first use), whatever the bundler.
 *
 * @example
 * ```ts
 * import { listActions, members } from '@hyperld/hydra';
 * declare const conversation: object;
 * for (const a of listActions(conversation)) console.log(a.name, a.state);
 * ```
 *
 * @module
 */

// The Hydra vocabulary
export {
  ApiDocumentation,
  Collection,
  HYDRA_CONTEXT,
  HydraClass,
  HydraErrorType,
  HydraLink,
  hydraRegistry,
  hydraTypes,
  IriTemplate,
  IriTemplateMapping,
  Operation,
  PartialCollectionView,
  Status,
  SupportedProperty,
  VIOLATIONS_IRI,
} from './vocabulary.js';
// The published Hydra contexts (the project's own copies)
export { HYDRA_CONTEXT_DOCUMENT } from './contexts/hydra-context.js';
export { HYDRA_ERROR_CONTEXT, HYDRA_ERROR_CONTEXT_DOCUMENT } from './contexts/hydra-error-context.js';
export type {
  ApiDocumentationDef,
  CollectionDef,
  HydraClassDef,
  HydraErrorTypeDef,
  HydraLinkDef,
  HydraTypes,
  IriTemplateDef,
  IriTemplateMappingDef,
  OperationDef,
  PartialCollectionViewDef,
  StatusDef,
  SupportedPropertyDef,
} from './vocabulary.js';

// Collections and paging
export { readHydra } from './terms.js';
export type { ReadHydraOptions, ReadOptions } from './terms.js';
export { membersOf, pageIndexOf, pageLinksOf, totalItemsOf, viewOf } from './collection.js';
export type { PageLinks } from './collection.js';
export { DEFAULT_MAX_PAGES, members, pages } from './pagination.js';
export type { PageFetcher, PagingDirection, PagingOptions } from './pagination.js';

// The collections of a resource (hydra:collection, memberAssertion, manages)
export { collectionsOf } from './collections.js';
export type { CollectionsOfOptions, MemberAssertion, ResourceCollection } from './collections.js';


// Actions
export { ACTION, action, actionSpecOf, actionState, declaredActions, listActions } from './actions.js';
export type { ActionLink, ActionName, ActionSpec, ActionSpecOf, ActionState, ListActionsOptions } from './actions.js';

// Readers bound to a registry (for embedded nodes, which carry none)
export { hydraReader } from './reader.js';
export type { HydraReader, HydraReaderOptions } from './reader.js';

// API documentation
export { apiDocumentation, propertyIri } from './api-documentation.js';
export type { ApiDocumentationDocument, ApiDocumentationOptions, DocumentedOperation } from './api-documentation.js';
// Reading an API documentation and listing operations at run time: `@hyperld/hydra/discovery`.

// Errors
export { HydraError, HydraErrorCodes, isHydraError } from './errors.js';
export type { HydraErrorCode } from './errors.js';
export { ERROR_BODY_CONTEXT, errorBody, readProblem, readViolations } from './problem.js';
export type { ListedViolation, Problem, PropertyViolation } from './problem.js';

// The errors of IRI templates; the templates themselves (search, paging, RFC 6570, hydra:IriTemplate)
// are `@hyperld/hydra/search`.
export { IriTemplateError, IriTemplateErrorCodes, isIriTemplateError } from './iri-template/errors.js';
export type { IriTemplateErrorCode } from './iri-template/errors.js';
