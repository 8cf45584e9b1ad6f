/**
 * The collections of a resource: its `hydra:collection` entries, each with the member assertions
 * (`hydra:memberAssertion`, and the older `hydra:manages`) that say what its members are, so that
 * a client can find "the collection of this person's events" by member type rather than by name.
 *
 * @module
 */
import { baseOf, metaOf, resolveIri, type Terms } from '@hyperld/core';
import { asSet, single } from './collection.js';
import { inContextOf, readHydra, termsOf, type ReadOptions } from './terms.js';

const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const RDF_TYPE = `${RDF}type`;
/** Prefixes known whatever the context says: Hydra's, and RDF's for `rdf:type`. */
const PREFIXES: Readonly<Record<string, string>> = { hydra: 'http://www.w3.org/ns/hydra/core#', rdf: RDF, xsd: 'http://www.w3.org/2001/XMLSchema#' };

/**
 * One member assertion of a collection: every member `m` is such that `subject property m`, or
 * `m property object`, holds. IRIs are absolute where the context (or the base) makes them so.
 *
 * @example
 * ```ts
 * import type { MemberAssertion } from '@hyperld/hydra';
 * const people: MemberAssertion = { property: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type', object: 'https://schema.org/Person' };
 * ```
 */
export interface MemberAssertion {
  /** The subject of the assertion (the resource whose members these are), when it says. */
  readonly subject?: string;
  /** The property linking subject and member, or member and object. */
  readonly property?: string;
  /** The object of the assertion (for `rdf:type`, the members' class), when it says. */
  readonly object?: string;
}

/**
 * A collection of a resource, as {@link collectionsOf} finds it.
 *
 * @example
 * ```ts
 * import type { ResourceCollection } from '@hyperld/hydra';
 * const events: ResourceCollection = { id: 'https://api.example/people/1/events', node: { '@id': '/people/1/events' }, assertions: [] };
 * ```
 */
export interface ResourceCollection {
  /** The collection's IRI, absolute. */
  readonly id: string;
  /** The collection's node as the resource embeds it (`{ '@id': … }` for a bare link). */
  readonly node: Readonly<Record<string, unknown>>;
  /** Its member assertions (`memberAssertion` and `manages`), in document order. */
  readonly assertions: readonly MemberAssertion[];
}

/**
 * Options of {@link collectionsOf}.
 *
 * @example
 * ```ts
 * import type { CollectionsOfOptions } from '@hyperld/hydra';
 * const options: CollectionsOfOptions = { memberType: 'schema:Event', base: 'https://api.example/people/1' };
 * ```
 */
export interface CollectionsOfOptions extends ReadOptions {
  /**
   * Only collections asserting their members are of this class (`property` `rdf:type`, `object`
   * the class): an IRI, a compact IRI or a term of the node's context.
   */
  readonly memberType?: string;
}

/** A value written as a reference relative to the document. */
const RELATIVE = /^[/?#.]/;

/**
 * An IRI in an assertion: a node reference `{ '@id' }` or a relative reference resolves against
 * the base; a term or compact IRI expands through the context (Hydra's context gives `subject`,
 * `property` and `object` the `@vocab` type).
 */
function iriIn(value: unknown, terms: Terms | undefined, base: string | undefined): string | undefined {
  const one = single(value);
  if (typeof one === 'object' && one !== null && typeof (one as Record<string, unknown>)['@id'] === 'string') {
    const id = (one as Record<string, unknown>)['@id'] as string;
    // An `@id` is document-relative, unless it is a compact IRI (or absolute).
    return id.includes(':') ? expand(id, terms, base) : resolveIri(id, base);
  }
  return typeof one === 'string' ? expand(one, terms, base) : undefined;
}

function expand(text: string, terms: Terms | undefined, base: string | undefined): string {
  if (RELATIVE.test(text)) return resolveIri(text, base);
  const colon = text.indexOf(':');
  if (colon > 0) {
    const prefix = text.slice(0, colon);
    const viaContext = terms?.iriOf(text);
    if (viaContext !== undefined && viaContext !== text) return viaContext;
    if (Object.hasOwn(PREFIXES, prefix) && !text.slice(colon + 1).startsWith('//')) return PREFIXES[prefix] + text.slice(colon + 1);
    return text;
  }
  return terms?.iriOf(text) ?? resolveIri(text, base);
}

/** The IRI of a node: its `@id` or an alias of it, resolved. */
function idOf(node: Readonly<Record<string, unknown>>, terms: Terms | undefined, base: string | undefined): string | undefined {
  for (const key of terms?.keysOf('@id') ?? ['@id', 'id']) {
    const id = node[key];
    if (Object.hasOwn(node, key) && typeof id === 'string') return resolveIri(id, base);
  }
  return undefined;
}

/** A Hydra term of an embedded node through its context, then by the spellings alone. */
function readTerm(node: Record<string, unknown>, term: string, options: ReadOptions): unknown {
  const value = readHydra(node, term, options);
  return value !== undefined ? value : readHydra(node, term, { context: 'hydra' });
}

/**
 * The collections a resource links with `hydra:collection` (under any spelling), each with its
 * member assertions (`hydra:memberAssertion`, or the older `hydra:manages`; one or several),
 * optionally only those whose members are of a class. IRIs resolve against the base (the node's,
 * else its own `@id`). A collection written without an IRI is left out: there is nothing to fetch.
 *
 * @param node - a resource node.
 * @param options - `memberType`, registry and base.
 * @returns the collections, in document order.
 * @example
 * ```ts
 * import { collectionsOf } from '@hyperld/hydra';
 * const person = {
 *   '@context': ['http://www.w3.org/ns/hydra/context.jsonld', { schema: 'https://schema.org/' }],
 *   '@id': 'https://api.example/people/1',
 *   collection: [
 *     { '@id': '/people/1/events', memberAssertion: { subject: '/people/1', property: 'schema:attendee' } },
 *     { '@id': '/people/1/friends', memberAssertion: [{ property: 'rdf:type', object: 'schema:Person' }] },
 *   ],
 * };
 * collectionsOf(person, { memberType: 'schema:Person' }).map((c) => c.id); // ['https://api.example/people/1/friends']
 * ```
 */
export function collectionsOf(node: object, options: CollectionsOfOptions = {}): ResourceCollection[] {
  const registry = options.registry ?? metaOf(node)?.registry;
  const given = options.base ?? baseOf(node);
  const resource = node as Record<string, unknown>;
  const resourceTerms = termsOf(resource, { ...(registry !== undefined ? { registry } : {}), ...(given !== undefined ? { base: given } : {}) });
  // Without the URL the document came from, a resource's absolute `@id` is the best base there is.
  const base = given ?? idOf(resource, resourceTerms, undefined);
  const readOptions: ReadOptions = { ...(registry !== undefined ? { registry } : {}), ...(base !== undefined ? { base } : {}) };
  const wanted = options.memberType === undefined ? undefined : expand(options.memberType, resourceTerms, base);
  const out: ResourceCollection[] = [];
  for (const entry of asSet(readTerm(resource, 'collection', readOptions))) {
    const written: Record<string, unknown> | undefined =
      typeof entry === 'string' ? { '@id': entry } : typeof entry === 'object' && entry !== null && !Array.isArray(entry) ? (entry as Record<string, unknown>) : undefined;
    if (written === undefined) continue;
    const collection = inContextOf(written, resource);
    const terms = termsOf(collection, readOptions);
    const id = idOf(written, terms, base);
    if (id === undefined) continue;
    const assertions: MemberAssertion[] = [];
    for (const raw of [...asSet(readTerm(collection, 'memberAssertion', readOptions)), ...asSet(readTerm(collection, 'manages', readOptions))]) {
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) continue;
      const assertion = inContextOf(raw as Record<string, unknown>, collection);
      const assertionTerms = termsOf(assertion, readOptions);
      const subject = iriIn(readTerm(assertion, 'subject', readOptions), assertionTerms, base);
      const property = iriIn(readTerm(assertion, 'property', readOptions), assertionTerms, base);
      const object = iriIn(readTerm(assertion, 'object', readOptions), assertionTerms, base);
      assertions.push({ ...(subject !== undefined ? { subject } : {}), ...(property !== undefined ? { property } : {}), ...(object !== undefined ? { object } : {}) });
    }
    if (wanted !== undefined && !assertions.some((a) => a.property === RDF_TYPE && (a.object === wanted || a.object === options.memberType))) continue;
    out.push({ id, node: written, assertions });
  }
  return out;
}
