/**
 * Context documents generated from type definitions: `id` → `@id`, `@vocab`, the `hydra` and
 * `xsd` prefixes, links as `"@type": "@id"`, free-form JSON as `@json`, date-times typed, lists
 * as sets. What a server serves at a type's context URL.
 *
 * @module
 */
import { HYDRA, XSD } from '../iri/namespaces.js';
import type { AnyTypeDef } from '../model/define.js';
import { HyperldError } from '../errors.js';
import { compileTerms } from '../iri/terms.js';
import { factsOf, type AnyKind } from '../model/kinds.js';
import type { JsonObject } from '../types.js';

/**
 * A JSON-LD context document: an object with one `@context` member.
 *
 * @example
 * ```ts
 * import type { ContextDocument } from '@hyperld/core';
 * const doc: ContextDocument = { '@context': { '@vocab': 'https://example.com/vocab#', id: '@id' } };
 * ```
 */
export interface ContextDocument {
  /** The context definition. */
  readonly '@context': JsonObject;
}

/**
 * The term definition of one property. Every declared property gets one, even where `@vocab`
 * alone would give the same IRI: a context only adds to the one in force, so a term left to
 * `@vocab` would take the meaning an enclosing context gives it (Hydra's `title`, `type`) when the
 * node is nested in another vocabulary's node.
 *
 * @param kind - the property's kind.
 * @param iri - the property's IRI (`TypeDef.propertyIris`).
 * @returns the term definition.
 * @internal
 */
export function termDefinition(kind: AnyKind, iri: string): string | JsonObject {
  if (iri === '@id') return '@id';
  const facts = factsOf(kind.spec);
  const type = facts.coercion(kind.spec);
  const list = facts.list(kind.spec);
  const id = kind.iri ?? iri;
  if (type === undefined && !list) return id;
  const def: JsonObject = { '@id': id };
  if (type !== undefined) def['@type'] = type;
  if (list) def['@container'] = '@set';
  return def;
}

/**
 * Generates the context document for one or more definitions that share a context URL. Terms of
 * all of them are merged; two definitions that give one term different meanings (whatever its
 * spelling: a compact IRI and the IRI `@vocab` gives are one meaning), or a property named like a
 * prefix of the context, are an error.
 *
 * @param defs - the definitions (at least one); the first one's vocabulary is `@vocab`.
 * @returns the context document.
 * @example
 * ```ts
 * import { contextDocument, defineType, t } from '@hyperld/core';
 * const Account = defineType({ type: 'Account', context: '/contexts/Account.jsonld', vocab: 'https://example.com/vocab#', properties: { name: t.string(), users: t.link('UserCollection') } });
 * contextDocument([Account]);
 * // { '@context': { '@vocab': 'https://example.com/vocab#', hydra: '…', xsd: '…', id: '@id',
 * //   name: 'https://example.com/vocab#name', users: { '@id': 'https://example.com/vocab#users', '@type': '@id' } } }
 * ```
 */
export function contextDocument(defs: readonly AnyTypeDef[]): ContextDocument {
  const first = defs[0];
  if (!first) throw new HyperldError('invalid_definition', 'A context document needs at least one type definition.');
  const context: JsonObject = { '@vocab': first.vocab, hydra: HYDRA, xsd: XSD };
  const owner = new Map<string, string>();
  const meanings = new Map<string, string>();
  for (const def of defs) {
    if (def.vocab !== first.vocab) {
      throw new HyperldError('invalid_definition', `Types "${first.type}" and "${def.type}" share context ${def.context} but not a vocabulary.`);
    }
    for (const [prefix, iri] of Object.entries(def.prefixes)) context[prefix] = iri;
    for (const [key, kind] of Object.entries(def.properties) as [string, AnyKind][]) {
      // JSON-LD has no empty term: such a key can only be left to `@vocab`.
      if (key === '') continue;
      const iri = def.propertyIris[key] as string;
      const term = termDefinition(kind, iri);
      // Compared by meaning, not spelling: `schema:name` in one type and the same IRI from
      // `@vocab` in another are one term.
      const meaning = typeof term === 'string' ? iri : JSON.stringify({ ...term, '@id': iri });
      if (Object.hasOwn(context, key) && meanings.get(key) !== meaning) {
        const other = meanings.has(key) ? `${JSON.stringify(context[key])} in "${owner.get(key) ?? '?'}"` : `the prefix ${JSON.stringify(context[key])}`;
        throw new HyperldError('invalid_definition', `Context ${def.context}: term "${key}" means ${JSON.stringify(term)} in "${def.type}" but ${other}.`);
      }
      meanings.set(key, meaning);
      // Not `context[key] = term`: a term named `__proto__` would set the prototype instead.
      Object.defineProperty(context, key, { value: term, enumerable: true, writable: true, configurable: true });
      owner.set(key, def.type);
    }
  }
  return { '@context': context };
}

/**
 * Checks definitions against a context document registered for their context URL rather than
 * generated (a published document such as Hydra's): every declared property key that the document
 * defines must mean the property's IRI there (an identifier's key, `@id`). Keys it does not define
 * are read through their IRI (`hydra:title`, the IRI itself), and the declared key.
 *
 * @param url - the context URL.
 * @param document - the document registered for it.
 * @param defs - the definitions whose context it is.
 * @throws HyperldError `invalid_definition` naming the context, the term and both meanings.
 * @example
 * ```ts
 * import { checkContextDocument, defineType, t } from '@hyperld/core';
 * const Page = defineType({ type: 'Page', context: '/page', vocab: 'https://example.com/vocab#', properties: { title: t.string() } });
 * checkContextDocument('/page', { '@context': { title: 'https://example.com/vocab#title' } }, [Page]); // passes
 * checkContextDocument('/page', { '@context': { title: 'http://purl.org/dc/terms/title' } }, [Page]); // throws invalid_definition
 * ```
 */
export function checkContextDocument(url: string, document: ContextDocument, defs: readonly AnyTypeDef[]): void {
  const context = document['@context'];
  const terms = compileTerms(context);
  for (const def of defs) {
    for (const [key, kind] of Object.entries(def.properties) as [string, AnyKind][]) {
      if (!Object.hasOwn(context, key)) continue;
      const iri = def.propertyIris[key] as string;
      const definition = context[key];
      const meaning = kind.spec.tag === 'id' ? (mappingOf(definition) === '@id' ? '@id' : terms.iriOf(key)) : terms.iriOf(key);
      if (meaning !== iri) {
        throw new HyperldError(
          'invalid_definition',
          `Context ${url}: term "${key}" means ${meaning === undefined ? JSON.stringify(definition) : `<${meaning}>`} there, but "${def.type}" declares it as ${iri === '@id' ? '@id' : `<${iri}>`}.`,
        );
      }
    }
  }
}

function mappingOf(definition: unknown): unknown {
  return typeof definition === 'object' && definition !== null && !Array.isArray(definition) ? (definition as Record<string, unknown>)['@id'] : definition;
}
