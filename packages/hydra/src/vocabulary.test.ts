import { HYDRA, idOf, type AnyKind, type AnyTypeDef } from '@hyperld/core';
import { arbitraryNode } from '@hyperld/core/testing';
import fc from 'fast-check';
import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { conversationRegistry, ConversationCollection } from './__fixtures__/conversations.js';
import { propertyIri } from './api-documentation.js';
import { HYDRA_CONTEXT_DOCUMENT } from './contexts/hydra-context.js';
import { HYDRA_ERROR_CONTEXT, HYDRA_ERROR_CONTEXT_DOCUMENT } from './contexts/hydra-error-context.js';
import { ERROR_BODY_CONTEXT } from './problem.js';
import { Collection, HYDRA_CONTEXT, HydraErrorType, hydraRegistry, hydraTypes, SupportedProperty } from './vocabulary.js';

const BASE = 'https://api.example/hydra/';

/** Serves the registered (published) Hydra contexts and nothing else: a test must never reach the network. */
const documentLoader = async (url: string) => {
  const document = hydraRegistry.context(url);
  if (!document) throw new Error(`Refusing to load ${url}`);
  return { contextUrl: undefined, documentUrl: url, document: document as unknown as Record<string, unknown> };
};

type Expanded = Record<string, unknown>;

/**
 * A generated node as hyperld writes it: hydra:Error nodes, at any depth, with the array context
 * errorBody gives them (Hydra's error context lacks `description`, `statusCode`, `violations`).
 */
function asWritten(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asWritten);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = key === '@context' || key === 'violations' ? item : asWritten(item);
  if (out['@type'] === HydraErrorType.type) out['@context'] = ERROR_BODY_CONTEXT;
  return out;
}

/**
 * Properties of the Hydra types that the published Hydra context does not define, so that no
 * JSON-LD processor reads them: `hydra:target` is not a Hydra Core term (an operation's target is
 * the value of the link that carries it, issue 15 point 2).
 */
const UNPUBLISHED: Readonly<Record<string, readonly string[]>> = { 'hydra:Operation': ['target'] };

const isJson = (kind: AnyKind): boolean => kind.spec.tag === 'json' || (kind.spec.tag === 'list' && kind.spec.item.spec.tag === 'json');

/**
 * Asserts that every non-null property of a node (and of the typed nodes it embeds) survives
 * expansion under the IRI its definition gives it.
 */
function expectKept(node: Record<string, unknown>, expanded: Expanded, path: string): void {
  const def = typeof node['@type'] === 'string' ? hydraRegistry.lookup(node['@type']) : undefined;
  expect(def, `${path}: a Hydra type`).toBeDefined();
  if (!def) return;
  expect(expanded['@type'], `${path}.@type`).toEqual([`${HYDRA}${def.type.slice('hydra:'.length)}`]);
  // Keys that alias one IRI (hydra:Error's `detail` and `description`) pool their values.
  // A `@json` term makes its whole value, array or not, one JSON literal.
  const counts = new Map<string, number>();
  for (const [key, value] of Object.entries(node)) {
    const kind = def.properties[key] as AnyKind | undefined;
    if (!kind || key === '@id' || value === null || value === undefined) continue;
    const iri = propertyIri(def, key, kind);
    counts.set(iri, (counts.get(iri) ?? 0) + (Array.isArray(value) && !isJson(kind) ? value.length : 1));
  }
  for (const [key, value] of Object.entries(node)) {
    if (key === '@type' || key === '@context' || value === null || value === undefined) continue;
    if (key === '@id') {
      // An IRI (not a URL): resolved against the base but not percent-encoded.
      expect(typeof expanded['@id'], `${path}.@id`).toBe('string');
      continue;
    }
    if (UNPUBLISHED[def.type]?.includes(key)) {
      // Not a term of the published context: no JSON-LD processor reads it (listed, so that the
      // list cannot grow unnoticed).
      expect(Object.keys(expanded).some((k) => k.endsWith(`#${key}`)), `${path}.${key} dropped`).toBe(false);
      continue;
    }
    const kind = def.properties[key] as AnyKind | undefined;
    expect(kind, `${path}.${key} is declared`).toBeDefined();
    if (!kind) continue;
    const iri = propertyIri(def, key, kind);
    expect(Object.hasOwn(expanded, iri), `${path}.${key} kept as ${iri}`).toBe(true);
    const values = expanded[iri] as unknown[];
    if (isJson(kind)) {
      expect(values, `${path}.${key}`).toEqual([{ '@type': '@json', '@value': value }]);
      continue;
    }
    const items = Array.isArray(value) ? value : [value];
    expect(values, `${path}.${key}`).toHaveLength(counts.get(iri) ?? -1);
    items.forEach((item, i) => {
      if (typeof item === 'object' && item !== null && !Array.isArray(item) && '@type' in item) {
        expectKept(item as Record<string, unknown>, values[i] as Expanded, `${path}.${key}[${i}]`);
      }
    });
  }
}

describe('the Hydra vocabulary', () => {
  it('registers the published Hydra contexts (the project copies), not generated ones, under the W3C URLs', () => {
    for (const def of hydraTypes) {
      expect(def.context, def.type).toBe(def === HydraErrorType ? HYDRA_ERROR_CONTEXT : HYDRA_CONTEXT);
      expect(def.iri, def.type).toBe(HYDRA + def.type.slice('hydra:'.length));
      expect(hydraRegistry.lookup(def.type)).toBe(def);
    }
    expect(hydraRegistry.context(HYDRA_CONTEXT)).toBe(HYDRA_CONTEXT_DOCUMENT);
    expect(hydraRegistry.context(HYDRA_ERROR_CONTEXT)).toBe(HYDRA_ERROR_CONTEXT_DOCUMENT);
    const context = HYDRA_CONTEXT_DOCUMENT['@context'];
    // What the published context does not define: no @vocab, no `id` alias.
    expect(context['@vocab']).toBeUndefined();
    expect(context['id']).toBeUndefined();
    expect(context['member']).toEqual({ '@id': 'hydra:member', '@type': '@id' });
    expect(context['next']).toEqual({ '@id': 'hydra:next', '@type': '@id' });
    expect(SupportedProperty.propertyIris.writable).toBe(`${HYDRA}writable`);
    expect([...hydraRegistry.contexts.keys()].sort()).toEqual([HYDRA_CONTEXT, HYDRA_ERROR_CONTEXT].sort());
  });

  it('reads Hydra nodes under the published terms, with @id as the identifier', () => {
    const text = JSON.stringify({
      '@context': HYDRA_CONTEXT,
      '@id': '/things',
      '@type': 'hydra:Collection',
      totalItems: 1,
      member: [{ '@type': 'hydra:Status', '@id': '/s/1', statusCode: 200 }],
      view: { '@type': 'hydra:PartialCollectionView', '@id': '/things?page=1', next: null },
    });
    const node = hydraRegistry.decode(text, { strict: true, unknownProperties: 'error' });
    expect(hydraRegistry.encodeText(node)).toBe(text);
    expect(idOf(node)).toBe('/things');
    expect(hydraRegistry.validate(JSON.parse(text.replace('"@id":"/things"', '"@id":42'))).map((v) => `${v.code} ${v.path}`)).toEqual([
      'wrong_kind $["@id"]',
    ]);
  });

  it('keeps the Hydra IRIs of inherited properties in the context of a type of another vocabulary', () => {
    const context = conversationRegistry.context(ConversationCollection.context)?.['@context'];
    expect(context?.['members']).toEqual({ '@id': 'hydra:member', '@container': '@set' });
    expect(context?.['totalItems']).toBe('hydra:totalItems');
    expect(context?.['search']).toBe('hydra:search');
    expect(Collection.properties.search.iri).toBe('hydra:search');
  });

  it('decodes a Hydra node written with full IRIs (@type http://www.w3.org/ns/hydra/core#Collection, hydra:member keys) as its Hydra type', () => {
    const H = 'http://www.w3.org/ns/hydra/core#';
    const doc = { '@type': `${H}Collection`, id: '/c', 'hydra:member': [{ '@type': 'hydra:Status', statusCode: 200 }], [`${H}totalItems`]: 1 };
    const node = hydraRegistry.decode(JSON.stringify(doc), { strict: true });
    expect(hydraRegistry.nodes(node).map((n) => n.path)).toEqual(['$', '$["hydra:member"][0]']);
    // The members are validated under their compact key, as under `member`.
    const bad = { ...doc, 'hydra:member': [{ '@type': 'hydra:Status', statusCode: 'OK' }] };
    const violations = hydraRegistry.validate(bad);
    expect(violations.map((v) => `${v.code} ${v.path}`)).toEqual(['wrong_kind $["hydra:member"][0].statusCode']);
    // And a wrong value under the full IRI key is found too.
    expect(hydraRegistry.validate({ ...doc, [`${H}totalItems`]: 'one' }).map((v) => v.code)).toEqual(['wrong_kind']);
  });

  for (const def of hydraTypes as readonly AnyTypeDef[]) {
    it(`round-trips generated ${def.type} nodes both ways (node → text → node, text → node → text)`, () => {
      fc.assert(
        fc.property(arbitraryNode(def, { registry: hydraRegistry }), (node) => {
          // Arrange
          expect(hydraRegistry.validate(node, { strict: true })).toEqual([]);
          const text = JSON.stringify(node);
          // Act
          const decoded = hydraRegistry.decode(text, { strict: true });
          const again = hydraRegistry.encodeText(decoded);
          // Assert
          expect(again).toBe(text);
          expect(decoded).toEqual(JSON.parse(text));
          expect(hydraRegistry.encode(decoded)).toBe(decoded);
        }),
        { numRuns: 1000 },
      );
    });
  }

  for (const def of hydraTypes as readonly AnyTypeDef[]) {
    it(`keeps every non-null property of a ${def.type} node through JSON-LD expansion (jsonld, nothing dropped but unpublished terms)`, async () => {
      const nodes = arbitraryNode(def, { registry: hydraRegistry, unknownProperties: false });
      await fc.assert(
        fc.asyncProperty(nodes, async (generated) => {
          // Error bodies carry the array context errorBody writes (Hydra's error context and the
          // terms it lacks); every other type its own context, the published Hydra one.
          const node = asWritten({ ...(generated as Record<string, unknown>), '@context': HYDRA_CONTEXT }) as Record<string, unknown>;
          // As safe mode, but Operation's unpublished `target` may be dropped: every other event fails.
          const dropped: unknown[] = [];
          const eventHandler = ({ event }: { event: { code: string; details?: { property?: string } } }) => {
            if (event.code !== 'invalid property' || event.details?.property !== 'target') dropped.push(event);
          };
          const options = { documentLoader, base: BASE, eventHandler } as unknown as jsonld.Options.Expand;
          const expanded = (await jsonld.expand(node as jsonld.JsonLdDocument, options)) as unknown as Expanded[];
          expect(dropped).toEqual([]);
          expect(expanded).toHaveLength(1);
          expectKept(node, expanded[0] as Expanded, '$');
        }),
        { numRuns: 50 },
      );
    });
  }
});
