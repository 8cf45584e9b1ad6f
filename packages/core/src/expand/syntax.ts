/**
 * What the parts of the expander share: JSON-LD's keywords and the errors it raises.
 *
 * @module
 * @internal
 */
import { HyperldError } from '../errors.js';

/** Reserved for future keywords: `@` then letters only. @internal */
export const KEYWORD_LIKE = /^@[a-zA-Z]+$/;

/** The keywords of JSON-LD 1.1. */
const KEYWORDS = new Set([
  '@base', '@container', '@context', '@default', '@direction', '@embed', '@explicit', '@graph', '@id', '@included', '@index', '@json',
  '@language', '@list', '@nest', '@none', '@omitDefault', '@prefix', '@preserve', '@protected', '@requireAll', '@reverse', '@set',
  '@type', '@value', '@version', '@vocab',
]);

/** Whether a string is a JSON-LD keyword. @internal */
export function isKeyword(value: string): boolean {
  return value.charCodeAt(0) === 64 && KEYWORDS.has(value);
}

/** Whether a value is a JSON object (not null, not an array). @internal */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}


/** Keeps a value in a bounded cache, dropping every entry once it is full. @internal */
export function cache<K, V>(map: Map<K, V>, key: K, value: V, max: number): V {
  if (map.size >= max) map.clear();
  map.set(key, value);
  return value;
}


/** A feature outside the supported subset. @internal */
export function unsupported(feature: string, where: string): HyperldError {
  return new HyperldError(
    'unsupported_context',
    `Unsupported JSON-LD feature ${feature} ${where}: the fast expander handles a subset of JSON-LD 1.1; use jsonld.expand (expandWithFallback in @hyperld/core/jsonld).`,
  );
}

/**
 * A context the JSON-LD context processing algorithm rejects, with the JSON-LD error code (as
 * jsonld.js names it).
 * @internal
 */
export function invalidContext(jsonldCode: string, message: string): HyperldError {
  return new HyperldError('invalid_context', `Invalid JSON-LD context: ${message}`, { details: { jsonldCode } });
}

/**
 * A document the JSON-LD expansion algorithm rejects, with the JSON-LD error code (as jsonld.js
 * names it).
 * @internal
 */
export function invalidDocument(jsonldCode: string, message: string): HyperldError {
  return new HyperldError('invalid_jsonld', `Invalid JSON-LD: ${message}`, { details: { jsonldCode } });
}

/** A document or context nested deeper than `maxDepth`. @internal */
export function tooDeep(maxDepth: number): HyperldError {
  return new HyperldError('max_depth', `The document nests deeper than ${maxDepth} levels (maxDepth).`);
}

