/**
 * `@hyperld/core/expand`: core's fast JSON-LD expander — `jsonld.expand`'s output for the subset
 * of JSON-LD 1.1 that API contexts use, from compiled, cached term tables, with no network and no
 * `jsonld` — for readers that work on IRIs (an API documentation, a document under an unknown
 * context). An entry of its own: decoding does not need it, and a browser bundle that never
 * expands does not carry it. What resolves a context URL, `ContextResolver`, is in
 * `@hyperld/core`.
 *
 * @example
 * ```ts
 * import { expand } from '@hyperld/core/expand';
 * const doc = { '@context': { name: 'https://schema.org/name' }, name: 'Ada' };
 * expand(doc); // [{ 'https://schema.org/name': [{ '@value': 'Ada' }] }]
 * ```
 *
 * @module
 */
export { createExpander, expand } from './expander.js';
export type { ExpandDocumentOptions, Expander, ExpanderOptions, ExpandOptions } from './expander.js';
