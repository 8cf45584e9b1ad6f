/**
 * `@hyperld/hydra/search`: IRI templates — a collection's `hydra:search` template filled from typed
 * values, page-number templates, and RFC 6570 and `hydra:IriTemplate` expansion on their own. Their
 * errors (`IriTemplateError`, `isIriTemplateError`) are in `@hyperld/hydra`.
 *
 * `createClient` loads this entry by `await import()` on its first `search` or `page`, so an
 * application that never searches does not download it; it is an entry of its own (not
 * re-exported by `@hyperld/hydra`) so that every bundler can leave it out of the first chunk.
 *
 * @example
 * ```ts
 * import { expandIriTemplate, searchUrl } from '@hyperld/hydra/search';
 * declare const collection: object;
 * searchUrl(collection, { q: 'open' });
 * expandIriTemplate('/issues{?q}', { q: 'open bugs' }); // '/issues?q=open%20bugs'
 * ```
 *
 * @module
 */
export { pageTemplateOf, pageUrl, searchOf, searchUrl } from '../search.js';
export type { SearchInputOf, SearchMapping, SearchTemplateModel, SearchUrlOptions, SearchVariableSpec, VariableRepresentation } from '../search.js';
export { expandIriTemplate, parseIriTemplate } from '../iri-template/rfc6570.js';
export type { CompiledIriTemplate, TemplateScalar, TemplateValue, TemplateValues } from '../iri-template/rfc6570.js';
export { expandHydraTemplate } from '../iri-template/hydra-template.js';
export type {
  HydraTemplateOptions,
  HydraTemplateScalar,
  HydraTemplateValue,
  HydraTemplateValues,
  IriOrReference,
  IriTemplateDescription,
  IriTemplateMappingDescription,
  JsonLdNodeReference,
  JsonLdValueObject,
} from '../iri-template/hydra-template.js';
