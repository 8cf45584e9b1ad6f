/**
 * Context documents generated from type definitions: `id` → `@id`, `@vocab`, the `hydra` and
 * `xsd` prefixes, links as `"@type": "@id"`, free-form JSON as `@json`, date-times typed, lists
 * as sets. What a server serves at a type's context URL.
 *
 * @module
 */
import { HYDRA, XSD, type AnyTypeDef } from './define.js';
import { HyperldError } from './errors.js';
import type { AnyKind, KindSpec } from './kinds.js';
import type { JsonObject } from './types.js';

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

/** The coercion a kind needs in a term definition, or `undefined` for none. */
function coercion(spec: KindSpec): string | undefined {
  switch (spec.tag) {
    case 'link':
      return '@id';
    case 'json':
      return '@json';
    case 'dateTime':
      return 'xsd:dateTime';
    case 'list':
      return coercion(spec.item.spec);
    case 'union': {
      // A link-or-node property: strings are IRIs, objects are nodes (coercion ignores them).
      const found = spec.options.map((o) => coercion(o.spec)).filter((c) => c !== undefined);
      return found[0];
    }
    default:
      return undefined;
  }
}

function isList(kind: AnyKind): boolean {
  if (kind.spec.tag === 'list') return true;
  return kind.spec.tag === 'union' && kind.spec.options.some(isList);
}

/**
 * The term definition of one property, or `undefined` where `@vocab` alone suffices.
 *
 * @param kind - the property's kind.
 * @returns the term definition.
 * @internal
 */
export function termDefinition(kind: AnyKind): string | JsonObject | undefined {
  if (kind.spec.tag === 'id') return '@id';
  const type = coercion(kind.spec);
  const list = isList(kind);
  if (type === undefined && !list && kind.iri === undefined) return undefined;
  if (type === undefined && !list) return kind.iri;
  const def: JsonObject = {};
  if (kind.iri !== undefined) def['@id'] = kind.iri;
  if (type !== undefined) def['@type'] = type;
  if (list) def['@container'] = '@set';
  return def;
}

/**
 * Generates the context document for one or more definitions that share a context URL. Terms of
 * all of them are merged; two definitions that give one term different meanings are an error.
 *
 * @param defs - the definitions (at least one); the first one's vocabulary is `@vocab`.
 * @returns the context document.
 * @example
 * ```ts
 * import { contextDocument, defineType, t } from '@hyperld/core';
 * const Account = defineType({ type: 'Account', context: '/contexts/Account.jsonld', vocab: 'https://example.com/vocab#', properties: { name: t.string(), users: t.link('UserCollection') } });
 * contextDocument([Account]);
 * // { '@context': { '@vocab': 'https://example.com/vocab#', hydra: '…', xsd: '…', id: '@id', users: { '@type': '@id' } } }
 * ```
 */
export function contextDocument(defs: readonly AnyTypeDef[]): ContextDocument {
  const first = defs[0];
  if (!first) throw new HyperldError('invalid_definition', 'A context document needs at least one type definition.');
  const context: JsonObject = { '@vocab': first.vocab, hydra: HYDRA, xsd: XSD };
  const owner = new Map<string, string>();
  for (const def of defs) {
    if (def.vocab !== first.vocab) {
      throw new HyperldError('invalid_definition', `Types "${first.type}" and "${def.type}" share context ${def.context} but not a vocabulary.`);
    }
    for (const [prefix, iri] of Object.entries(def.prefixes)) context[prefix] = iri;
    for (const [key, kind] of Object.entries(def.properties) as [string, AnyKind][]) {
      const term = termDefinition(kind);
      if (term === undefined) continue;
      const existing = Object.hasOwn(context, key) ? context[key] : undefined;
      if (existing !== undefined && JSON.stringify(existing) !== JSON.stringify(term)) {
        throw new HyperldError(
          'invalid_definition',
          `Context ${def.context}: term "${key}" means ${JSON.stringify(term)} in "${def.type}" but ${JSON.stringify(existing)} in "${owner.get(key) ?? '?'}".`,
        );
      }
      // Not `context[key] = term`: a term named `__proto__` would set the prototype instead.
      Object.defineProperty(context, key, { value: term, enumerable: true, writable: true, configurable: true });
      owner.set(key, def.type);
    }
  }
  return { '@context': context };
}
