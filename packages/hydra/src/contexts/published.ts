/**
 * The context documents Hydra publishes, looked up by URL without a registry: what the readers of
 * Hydra terms (`readHydra`, the problem reader) resolve a node's `@context` with when no registry
 * is at hand. Kept apart from the Hydra types, so that a bundle that reads Hydra terms carries the
 * two documents and none of the types it does not decode.
 *
 * @module
 */
import { resolveIri, type ContextDocument } from '@hyperld/core';
import { HYDRA_CONTEXT, HYDRA_CONTEXT_DOCUMENT } from './hydra-context.js';
import { HYDRA_ERROR_CONTEXT, HYDRA_ERROR_CONTEXT_DOCUMENT } from './hydra-error-context.js';

/**
 * The published Hydra document a context URL names, resolved against `base` as a registry
 * resolves the URLs it holds: Hydra's Core context or its error context.
 *
 * @internal
 * @param url - the URL as the document writes it.
 * @param base - the base IRI it is relative to.
 * @returns the document, or `undefined` for any other URL.
 * @example
 * ```ts
 * import { publishedHydraContext } from './published.js';
 * publishedHydraContext('http://www.w3.org/ns/hydra/error')?.['@context']; // { rdf: …, title: 'rdfs:label', … }
 * publishedHydraContext('/contexts/Error.jsonld', 'https://api.example/'); // undefined
 * ```
 */
export function publishedHydraContext(url: string, base?: string): ContextDocument | undefined {
  const found = documentAt(url);
  if (found !== undefined || base === undefined) return found;
  return documentAt(resolveIri(url, base));
}

function documentAt(url: string): ContextDocument | undefined {
  if (url === HYDRA_CONTEXT) return HYDRA_CONTEXT_DOCUMENT;
  if (url === HYDRA_ERROR_CONTEXT) return HYDRA_ERROR_CONTEXT_DOCUMENT;
  return undefined;
}
