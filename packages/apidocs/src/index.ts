/**
 * `@hyperld/apidocs`: an API reference site for any Hydra API. Read a live API (its
 * documentation, entry point, collections and search templates, with real decoded answers as
 * examples) with {@link loadApiReference}, or a registry with its routes in process with
 * {@link referenceFromRegistry}; render the neutral {@link ApiReference} with
 * {@link renderReference} into a site of your own layout, or write a standalone one with
 * {@link writeApiSite}. Pages have relative links and no inline script or style (a strict CSP
 * holds), a sidebar of classes and endpoints, an anchor on every property, a client-side search
 * and light and dark themes.
 *
 * @example
 * ```ts
 * import { loadApiReference, writeApiSite } from '@hyperld/apidocs';
 * await writeApiSite(await loadApiReference('https://api.example/'), 'site');
 * ```
 *
 * @module
 */
export { ApiDocsError } from './errors.js';
export { classesFromDocumentation, documentedName } from './from-documentation.js';
export { describeKind, referenceFromRegistry } from './from-registry.js';
export type { RegistryReferenceOptions } from './from-registry.js';
export { loadApiReference } from './live.js';
export type { LoadApiReferenceOptions } from './live.js';
export type {
  ApiReference,
  ClassReference,
  EndpointReference,
  ExampleReference,
  OperationReference,
  PropertyReference,
  SearchTemplateReference,
  TemplateVariableReference,
} from './model.js';
export { DISPLAY_PREFIXES, localName, shortIri, slugOf, uniqueSlugs } from './names.js';
export { curlCommand, propertyAnchor, relativeUrl, renderReference, searchIndex } from './render.js';
export type { RenderedAsset, RenderedPage, RenderedReference, RenderOptions, SearchEntry } from './render.js';
export { writeApiSite } from './write.js';
