/**
 * fast-check arbitraries of JSON-LD documents within the subset the fast expander supports:
 * inline and URL contexts (and arrays of them, and `null`) with prefixes, compact IRIs, keyword
 * aliases, type coercions, `@set`/`@list` containers, default and per-term languages, `@vocab`
 * and `@base`; node objects nesting other nodes, value, list and set objects, embedded contexts,
 * arrays, `null`s, keys that do not expand. A few documents are invalid JSON-LD on purpose (jsonld
 * rejects them; so must the fast expander).
 *
 * @module
 */
import fc from 'fast-check';
import type { ContextDocument } from '../context/document.js';
import type { JsonObject, JsonValue } from '../types.js';

/** The base IRI documents are expanded against. */
export const DOC_BASE = 'https://api.example/base/doc';

/** Context documents the generated documents may name by URL (one absolute, one relative). */
export const URL_CONTEXTS: Readonly<Record<string, ContextDocument>> = {
  'https://contexts.example/shared.jsonld': {
    '@context': {
      '@vocab': 'https://shared.example/vocab#',
      ex: 'http://ex.example/ns#',
      xsd: 'http://www.w3.org/2001/XMLSchema#',
      id: '@id',
      type: '@type',
      link: { '@type': '@id' },
      when: { '@id': 'ex:when', '@type': 'xsd:dateTime' },
      tags: { '@container': '@set' },
      items: { '@id': 'ex:items', '@container': '@list' },
    },
  },
  '/contexts/local.jsonld': {
    '@context': {
      sch: 'https://schema.example/',
      name: 'sch:name',
      label: { '@id': 'sch:label', '@language': 'fr' },
      data: { '@id': 'sch:data', '@type': '@json' },
      kind: { '@id': 'sch:kind', '@type': '@vocab' },
    },
  },
};

/** Resolves the URLs of {@link URL_CONTEXTS} (relative ones against `DOC_BASE`'s origin too). */
export function resolveTestContext(url: string): ContextDocument | undefined {
  if (Object.hasOwn(URL_CONTEXTS, url)) return URL_CONTEXTS[url];
  if (url === 'https://api.example/contexts/local.jsonld') return URL_CONTEXTS['/contexts/local.jsonld'];
  return undefined;
}

const PREFIXES: Readonly<Record<string, string>> = {
  ex: 'http://ex.example/ns#',
  sch: 'https://schema.example/',
  api: 'https://api.example/',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
};

/** Terms a context may define. */
const TERMS = ['a', 'b', 'name', 'title', 'link', 'tags', 'items', 'when', 'data', 'label', 'kind', 'id', 'type', 'value', 'lang', 'list', 'set', 'ex'] as const;
/** Terms in the form of an IRI, which must expand to their own definition's `@id`. */
const IRI_TERMS = ['ex:p', 'sch:q', 'http://abs.example/q'] as const;

const iriish = fc.constantFrom('ex:thing', 'sch:name', 'http://other.example/p', 'https://abs.example/q', 'api:things', 'ex:', 'b', '_:blank');
const keywordAlias = fc.constantFrom('@id', '@type', '@value', '@language', '@list', '@set');
const coercion = fc.constantFrom('@id', '@vocab', '@json', '@none', 'xsd:dateTime', 'xsd:integer', 'ex:Type', 'http://dt.example/T');
const container = fc.constantFrom<JsonValue>('@set', '@list', ['@set'], ['@list'], null);
const language = fc.constantFrom<JsonValue>('en', 'DE', 'fr-CA', null);

const expandedTerm = fc
  .tuple(
    fc.option(fc.oneof({ weight: 4, arbitrary: iriish }, { weight: 1, arbitrary: keywordAlias }), { freq: 5 }),
    fc.record({ '@type': coercion, '@container': container, '@language': language }, { requiredKeys: [] }),
  )
  .map(([id, def]) => (id === null ? def : { '@id': id, ...def }) as JsonObject);

const termDefinition: fc.Arbitrary<JsonValue> = fc.oneof(
  { weight: 3, arbitrary: iriish },
  { weight: 2, arbitrary: keywordAlias },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 4, arbitrary: expandedTerm },
);

const vocab = fc.constantFrom<JsonValue>('https://vocab.example/v#', 'http://ex.example/ns#', 'ex:', 'sch:', 'sub/', null);
const base = fc.constantFrom<JsonValue>('https://other.example/dir/file', 'sub/', '../up/', 'https://other.example', null, '');

/** An inline context object. */
export const inlineContext: fc.Arbitrary<JsonObject> = fc
  .tuple(
    fc.subarray(Object.keys(PREFIXES)),
    fc.dictionary(fc.constantFrom(...TERMS), termDefinition, { maxKeys: 6 }),
    fc.dictionary(fc.constantFrom(...IRI_TERMS), fc.record({ '@type': coercion, '@container': container, '@language': language }, { requiredKeys: [] }), { maxKeys: 1 }),
    fc.option(vocab, { freq: 3 }),
    fc.record({ '@base': base, '@language': language, '@version': fc.constant(1.1) }, { requiredKeys: [] }),
  )
  .map(([prefixes, terms, iriTerms, vocabulary, settings]) => {
    const context: JsonObject = {};
    // Most contexts have a vocabulary, without which terms need an @id (else jsonld rejects them).
    if (vocabulary !== null) context['@vocab'] = vocabulary;
    for (const p of prefixes) context[p] = PREFIXES[p] as string;
    Object.assign(context, terms, iriTerms, settings);
    return context;
  });

/** A `@context` value: a URL, an inline object, `null` or an array of them. */
export const contextValue: fc.Arbitrary<JsonValue> = fc.oneof(
  { weight: 4, arbitrary: inlineContext },
  { weight: 2, arbitrary: fc.constantFrom(...Object.keys(URL_CONTEXTS)) },
  { weight: 1, arbitrary: fc.constant(null) },
  {
    weight: 2,
    arbitrary: fc.array(fc.oneof(inlineContext, fc.constant(null)), { minLength: 1, maxLength: 2 }).chain((items) =>
      fc.subarray(Object.keys(URL_CONTEXTS)).map((urls) => [...urls, ...items] as JsonValue),
    ),
  },
);

const KEYS = [...TERMS, 'ex:raw', 'http://abs.example/q', 'unmapped', 'has space', '@ignored', '_:bnprop', 'api:path', 'sch:name'] as const;

const stringValue = fc.constantFrom('hello', 'Hello World', '/rel/path', '../up', '#frag', 'ex:thing', 'http://abs.example/x', '', '_:b0', '2020-01-01T00:00:00Z', 'name');
const scalar: fc.Arbitrary<JsonValue> = fc.oneof(
  { weight: 4, arbitrary: stringValue },
  { weight: 1, arbitrary: fc.integer({ min: -5, max: 1000 }) },
  { weight: 1, arbitrary: fc.constantFrom(1.5, -0.25, 1e21) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
);
const idValue = fc.constantFrom('/items/1', 'item2', '#me', '../x', './y/', 'ex:thing', '_:b1', 'https://abs.example/thing', '', '?q=1');
const typeValue: fc.Arbitrary<JsonValue> = fc.oneof(
  fc.constantFrom('Thing', 'ex:Type', 'http://abs.example/T', 'name', '../Rel'),
  fc.array(fc.constantFrom('Thing', 'ex:Type', 'b', 'http://abs.example/T'), { maxLength: 3 }),
);

const valueObject: fc.Arbitrary<JsonValue> = fc
  .tuple(
    scalar,
    fc.oneof(
      { weight: 3, arbitrary: fc.constant({}) },
      { weight: 3, arbitrary: fc.record({ '@type': fc.constantFrom('xsd:string', 'ex:T', 'http://dt.example/T', 'Thing', '@json') }) },
      { weight: 3, arbitrary: fc.record({ '@language': fc.constantFrom('en', 'EN-us') }) },
      // Rarely, both: an invalid value object.
      { weight: 1, arbitrary: fc.constant({ '@type': 'ex:T', '@language': 'en' }) },
    ),
  )
  .map(([v, extra]) => ({ '@value': v, ...extra }) as JsonValue);

const { node } = fc.letrec<{ node: JsonObject; value: JsonValue }>((tie) => ({
  value: fc.oneof(
    { depthIdentifier: 'jsonld', maxDepth: 3 },
    { weight: 6, arbitrary: scalar },
    { weight: 2, arbitrary: tie('node') },
    { weight: 2, arbitrary: fc.array(tie('value'), { maxLength: 3 }) },
    { weight: 1, arbitrary: valueObject },
    { weight: 1, arbitrary: fc.array(tie('value'), { maxLength: 3 }).map((items) => ({ '@list': items })) },
    { weight: 1, arbitrary: fc.array(tie('value'), { maxLength: 2 }).map((items) => ({ '@set': items })) },
  ),
  node: fc
    .tuple(
      fc.dictionary(fc.constantFrom(...KEYS), tie('value'), { maxKeys: 5 }),
      fc.record({ '@context': contextValue, '@id': idValue, '@type': typeValue }, { requiredKeys: [] }),
    )
    .map(([properties, keywords]) => ({ ...properties, ...keywords }) as JsonObject),
}));

/** A JSON-LD document: a node (usually with a context) or an array of nodes. */
export const jsonLdDocument: fc.Arbitrary<JsonValue> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(contextValue, node).map(([context, n]) => ({ '@context': context, ...n }) as JsonValue) },
  { weight: 1, arbitrary: node },
  { weight: 1, arbitrary: fc.array(node, { maxLength: 3 }) },
);
