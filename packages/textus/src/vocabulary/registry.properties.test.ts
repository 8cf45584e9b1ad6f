/**
 * Properties of every TextUs type, on nodes generated from the definitions
 * (`@hyperld/core/testing`): the codec round-trips both ways, the generated contexts lose no
 * property when `jsonld` expands a document, and the fast expander of `@hyperld/core` agrees with
 * `jsonld.expand`.
 *
 * @module
 */
import { compileTerms, type AnyTypeDef, type JsonObject, type Terms } from '@hyperld/core';
import { createExpander } from '@hyperld/core/expand';
import { arbitraryNode } from '@hyperld/core/testing';
import { HYDRA_CONTEXT, HYDRA_ERROR_CONTEXT } from '@hyperld/hydra';
import fc from 'fast-check';
import jsonld from 'jsonld';
import { afterAll, describe, expect, it } from 'vitest';
import { textusRegistry, textusTypes } from '../index.js';

const RUNS = 1000;
const BASE = 'https://api.textus.com/x';
/** Small documents: jsonld is slow, and depth 2 already nests a node in a collection in a node. */
const ARBITRARY = { registry: textusRegistry, maxDepth: 2 } as const;
/**
 * For expansion, only declared properties: the generator gives undeclared ones any name (` `,
 * `\t`, `__proto__`), which no context can make an IRI of, so JSON-LD drops them whatever the
 * context says (and jsonld's safe mode rejects the document). Undeclared properties with names
 * that are terms are checked by example below.
 */
const EXPANDABLE = { ...ARBITRARY, unknownProperties: false } as const;

/**
 * Whether a document holds a string of the form of a keyword (`@a`). The generator may make such
 * a relative link; JSON-LD 1.1 ignores an IRI of that form (IRI expansion, step 2), so it cannot
 * survive expansion whatever the context says.
 */
function hasKeywordLikeString(value: unknown): boolean {
  if (typeof value === 'string') return /^@[A-Za-z]+$/.test(value);
  if (typeof value !== 'object' || value === null) return false;
  return Object.values(value).some(hasKeywordLikeString);
}

/**
 * Whether a document has a `__proto__` key anywhere (as `JSON.parse` makes it: an own data
 * property). jsonld.js loses such keys (the property, or the key inside a `@json` value) where the
 * fast expander keeps them; that one divergence is pinned by example below.
 */
function hasProtoKey(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  return Object.keys(value).some((k) => k === '__proto__') || Object.values(value).some(hasProtoKey);
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The first difference between two JSON values, key order included, or `undefined`. Written out
 * (rather than `toStrictEqual`) so that own `constructor`/`__proto__` keys compare as data.
 */
function jsonDifference(a: unknown, b: unknown, path = '$'): string | undefined {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) {
    return Object.is(a, b) ? undefined : `${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return `${path}: array vs object`;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (JSON.stringify(ka) !== JSON.stringify(kb)) return `${path}: keys ${JSON.stringify(ka)} vs ${JSON.stringify(kb)}`;
  for (const k of ka) {
    const d = jsonDifference((a as Json)[k], (b as Json)[k], `${path}[${JSON.stringify(k)}]`);
    if (d !== undefined) return d;
  }
  return undefined;
}

// --- jsonld, with contexts served from the registry and nothing else --------------------------

/** `safe` (jsonld 9: throw instead of silently dropping) is missing from `@types/jsonld`. */
const expandOptions: jsonld.Options.Expand & { readonly safe: boolean } = {
  base: BASE,
  safe: true,
  documentLoader: async (url) => {
    const document = textusRegistry.context(url, BASE);
    if (!document) throw new Error(`documentLoader: no context at ${url} (nothing is fetched)`);
    return { documentUrl: url, document: { '@context': document['@context'] as jsonld.ContextDefinition } };
  },
};

const jsonldExpand = async (doc: unknown): Promise<unknown[]> => await jsonld.expand(doc as jsonld.JsonLdDocument, expandOptions);

// --- the context of a node, compiled -----------------------------------------------------------

const termsByUrl = new Map<string, { terms: Terms; context: JsonObject }>();
function contextOf(node: Json): { terms: Terms; context: JsonObject } {
  const url = node['@context'];
  if (typeof url !== 'string') throw new Error(`a generated node without a context URL: ${JSON.stringify(url)}`);
  let compiled = termsByUrl.get(url);
  if (!compiled) {
    const doc = textusRegistry.context(url, BASE);
    if (!doc) throw new Error(`no context document for ${url}`);
    compiled = { terms: compileTerms(doc['@context']), context: doc['@context'] };
    termsByUrl.set(url, compiled);
  }
  return compiled;
}

const definitionOf = (context: JsonObject, key: string): unknown => (Object.hasOwn(context, key) ? context[key] : undefined);

/**
 * Every non-null, non-`@` property of `node` (and of the nodes it embeds) whose IRI, as the
 * node's own context document defines it, is missing from the expanded node: each as a path and
 * the IRI looked for.
 */
/**
 * Keys of Hydra types that the published context they carry does not define, so that every
 * JSON-LD processor drops them (issue 15): `hydra:target` is no Hydra Core term, and Hydra's error
 * context lacks the Hydra terms and hyperld's `violations` (error bodies add them inline, see
 * `ERROR_BODY_CONTEXT`). Keyed by context URL and type.
 */
const UNPUBLISHED: Readonly<Record<string, readonly string[]>> = {
  [`${HYDRA_CONTEXT} hydra:Operation`]: ['target'],
  [`${HYDRA_ERROR_CONTEXT} hydra:Error`]: ['description', 'statusCode', 'violations'],
};

function droppedProperties(node: Json, expanded: unknown, path = '$'): string[] {
  if (!isObject(expanded)) return [`${path}: not expanded to a node object (${JSON.stringify(expanded)})`];
  const { terms, context } = contextOf(node);
  const dropped: string[] = [];
  for (const key of Object.keys(node)) {
    if (key.startsWith('@')) continue;
    if (typeof node['@context'] === 'string' && UNPUBLISHED[`${node['@context']} ${String(node['@type'])}`]?.includes(key)) continue;
    const value = node[key];
    if (value === null) continue;
    const definition = definitionOf(context, key);
    if (definition === '@id') {
      if (!Object.hasOwn(expanded, '@id')) dropped.push(`${path}.${key} (@id)`);
      continue;
    }
    const iri = terms.iriOf(key);
    if (iri === undefined) {
      dropped.push(`${path}.${key}: the context gives it no IRI`);
      continue;
    }
    if (!Object.hasOwn(expanded, iri)) {
      dropped.push(`${path}.${key} (${iri})`);
      continue;
    }
    // `@json` values are literals: what they hold is not JSON-LD.
    if (isObject(definition) && definition['@type'] === '@json') continue;
    const items = (Array.isArray(value) ? value : [value]).filter((v) => v !== null);
    const expandedItems = expanded[iri];
    if (!Array.isArray(expandedItems)) {
      dropped.push(`${path}.${key}: expanded to a non-array`);
      continue;
    }
    items.forEach((item, i) => {
      if (isObject(item) && typeof item['@type'] === 'string') {
        dropped.push(...droppedProperties(item, expandedItems[i], `${path}.${key}${Array.isArray(value) ? `[${i}]` : ''}`));
      }
    });
  }
  return dropped;
}

// --- the fast expander of @hyperld/core --------------------------------------------------------

const fastExpander = createExpander({ resolveContext: (url, base) => textusRegistry.context(url, base) });

// The document loader hands jsonld the registry's own context objects: they must come back intact.
const contextsBefore = JSON.stringify([...textusRegistry.contexts]);
afterAll(() => {
  expect(JSON.stringify([...textusRegistry.contexts])).toBe(contextsBefore);
});

describe('the checks of this file', () => {
  it('tell a reordered or changed document apart', () => {
    expect(jsonDifference(JSON.parse('{"a":1,"b":[{}]}'), JSON.parse('{"a":1,"b":[{}]}'))).toBeUndefined();
    expect(jsonDifference(JSON.parse('{"a":1,"b":2}'), JSON.parse('{"b":2,"a":1}'))).toBe('$: keys ["a","b"] vs ["b","a"]');
    expect(jsonDifference({ a: [1] }, { a: [2] })).toBe('$["a"]["0"]: 1 vs 2');
  });

  it('see a property that expansion drops', async () => {
    const node = { '@type': 'ContactPhone', '@context': '/contexts/ContactPhone.jsonld', id: '/contact_phones/1', type: 'Mobile', extension: null };
    const [expanded] = await jsonldExpand(node);
    expect(droppedProperties(node, expanded)).toEqual([]);
    const withoutType = { ...(expanded as Json) };
    delete withoutType['https://api.textus.com/vocab#type'];
    expect(droppedProperties(node, withoutType)).toEqual(['$.type (https://api.textus.com/vocab#type)']);
  });
});

describe('expansion, by example', () => {
  it('keeps the terms Hydra also defines when a TextUs node sits in a node under the Hydra context', async () => {
    // A hydra:Collection's members may be any node; the Hydra context maps `type` and `title`.
    const doc = {
      '@type': 'hydra:Collection',
      '@context': 'http://www.w3.org/ns/hydra/context.jsonld',
      // The published Hydra context has no `id` alias (issue 15): the collection's identifier is `@id`.
      '@id': '/contacts/1/phones',
      member: [
        { '@type': 'ContactPhone', '@context': '/contexts/ContactPhone.jsonld', id: '/contact_phones/1', type: 'Mobile' },
        { '@type': 'Account', '@context': '/contexts/Account.jsonld', id: '/accounts/1', name: 'A', type: 'standard' },
        { '@type': 'ConversationFilter', '@context': '/contexts/ConversationFilter.jsonld', id: '/f/1', title: 'Open' },
      ],
    };
    const [expanded] = await jsonldExpand(doc);
    expect(droppedProperties(doc, expanded)).toEqual([]);
    const members = (expanded as Json)['http://www.w3.org/ns/hydra/core#member'] as Json[];
    expect(members.map((m) => Object.keys(m).filter((k) => k.endsWith('#type') || k.endsWith('#title') || k.endsWith('#problemType')))).toEqual([
      ['https://api.textus.com/vocab#type'],
      ['https://api.textus.com/vocab#type'],
      ['https://api.textus.com/vocab#title'],
    ]);
  });

  it('differs from jsonld.js only in keeping __proto__ keys, which jsonld.js loses', async () => {
    const doc = JSON.parse(
      '{"@type":"Account","@context":"/contexts/Account.jsonld","id":"/accounts/1","name":"A","settings":{"__proto__":{"x":1},"y":2},"__proto__":"kept?"}',
    ) as Json;
    const [byJsonld] = (await jsonldExpand(doc)) as Json[];
    const [byFast] = fastExpander.expand(doc, { base: BASE }) as Json[];
    const settings = 'https://api.textus.com/vocab#settings';
    const proto = 'https://api.textus.com/vocab#__proto__';
    expect(JSON.stringify(byJsonld?.[settings])).toBe('[{"@type":"@json","@value":{"y":2}}]');
    expect(JSON.stringify(byFast?.[settings])).toBe('[{"@type":"@json","@value":{"__proto__":{"x":1},"y":2}}]');
    expect(byJsonld && Object.hasOwn(byJsonld, proto)).toBe(false);
    expect(byFast?.[proto]).toEqual([{ '@value': 'kept?' }]);
    // Everything else agrees.
    const strip = (node: Json | undefined): Json => ({ ...node, [settings]: undefined, [proto]: undefined });
    expect(strip(byFast)).toEqual(strip(byJsonld));
  });

  it('keeps a property a newer server adds, under the TextUs vocabulary', async () => {
    const message = {
      '@type': 'Message',
      '@context': '/contexts/Message.jsonld',
      id: '/messages/1',
      direction: 'out',
      channel: 'sms',
      engagementScore: 0.75,
      engagementTemperature: 'warm',
    };
    const [expanded] = (await jsonldExpand(message)) as Json[];
    expect(expanded?.['https://api.textus.com/vocab#channel']).toEqual([{ '@value': 'sms' }]);
    expect(expanded?.['https://api.textus.com/vocab#engagementScore']).toEqual([{ '@value': 0.75 }]);
    expect(droppedProperties(message, expanded)).toEqual([]);
  });
});

describe.each(textusTypes.map((def): [string, AnyTypeDef] => [def.type, def]))('%s', (_name, def) => {
  const nodes = arbitraryNode(def, ARBITRARY);
  const expandable = arbitraryNode(def, EXPANDABLE).filter((node) => !hasKeywordLikeString(node));

  it('round-trips value → text → value: decode(encode(x)) is x, key order included', () => {
    fc.assert(
      fc.property(nodes, (node) => {
        const text = textusRegistry.encodeText(node);
        const decoded = textusRegistry.decodeAs(def, text, { base: BASE, strict: true });
        expect(decoded['@type']).toBe(node['@type']);
        expect(jsonDifference(decoded, node)).toBeUndefined();
      }),
      { numRuns: RUNS },
    );
  });

  it('round-trips text → value → text: encode(decode(text)) is text', () => {
    fc.assert(
      fc.property(nodes, fc.constantFrom(undefined, 2), (node, space) => {
        const text = JSON.stringify(node, null, space);
        const decoded = textusRegistry.decodeAs(def, text, { base: BASE, strict: true });
        expect(textusRegistry.encodeText(decoded, space === undefined ? {} : { space })).toBe(text);
      }),
      { numRuns: RUNS },
    );
  });

  it('expands through jsonld without dropping any non-null property', async () => {
    await fc.assert(
      fc.asyncProperty(expandable, async (node) => {
        const expanded = await jsonldExpand(node);
        expect(expanded).toHaveLength(1);
        expect(droppedProperties(node, expanded[0])).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('expands with the fast expander of @hyperld/core exactly as jsonld does', async () => {
    await fc.assert(
      fc.asyncProperty(
        expandable.filter((node) => !hasProtoKey(node)),
        async (node) => {
          expect(fastExpander.expand(node, { base: BASE })).toEqual(await jsonldExpand(node));
        },
      ),
      { numRuns: RUNS },
    );
  });
});
