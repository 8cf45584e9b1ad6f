import { HYDRA, type AnyKind, type AnyTypeDef } from '@hyperld/core';
import { arbitraryNode } from '@hyperld/core/testing';
import fc from 'fast-check';
import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { conversationRegistry, ConversationCollection } from './__fixtures__/conversations.js';
import { propertyIri } from './api-documentation.js';
import { Collection, HYDRA_CONTEXT, hydraRegistry, hydraTypes } from './vocabulary.js';

const BASE = 'https://api.example/hydra/';

/** Serves the generated Hydra context and nothing else: a test must never reach the network. */
const documentLoader = async (url: string) => {
  const document = hydraRegistry.context(url);
  if (!document) throw new Error(`Refusing to load ${url}`);
  return { contextUrl: undefined, documentUrl: url, document: document as unknown as Record<string, unknown> };
};

type Expanded = Record<string, unknown>;

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
    if (!kind || key === 'id' || value === null || value === undefined) continue;
    const iri = propertyIri(def, key, kind);
    counts.set(iri, (counts.get(iri) ?? 0) + (Array.isArray(value) && !isJson(kind) ? value.length : 1));
  }
  for (const [key, value] of Object.entries(node)) {
    if (key === '@type' || key === '@context' || value === null || value === undefined) continue;
    if (key === 'id') {
      // An IRI (not a URL): resolved against the base but not percent-encoded.
      expect(typeof expanded['@id'], `${path}.id`).toBe('string');
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
  it('gives every Hydra type the generated context served at HYDRA_CONTEXT', () => {
    for (const def of hydraTypes) {
      expect(def.context, def.type).toBe(HYDRA_CONTEXT);
      expect(def.iri, def.type).toBe(HYDRA + def.type.slice('hydra:'.length));
      expect(hydraRegistry.lookup(def.type)).toBe(def);
    }
    const context = hydraRegistry.context(HYDRA_CONTEXT)?.['@context'];
    expect(context?.['@vocab']).toBe(HYDRA);
    expect(context?.['member']).toEqual({ '@id': 'hydra:member', '@container': '@set' });
    expect(context?.['next']).toEqual({ '@id': 'hydra:next', '@type': '@id' });
    expect(context?.['range']).toEqual({ '@id': 'http://www.w3.org/2000/01/rdf-schema#range', '@type': '@id' });
    expect([...hydraRegistry.contexts.keys()]).toEqual([HYDRA_CONTEXT]);
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
    it(`keeps every non-null property of a ${def.type} node through JSON-LD expansion (jsonld, safe mode)`, async () => {
      const nodes = arbitraryNode(def, { registry: hydraRegistry, unknownProperties: false });
      await fc.assert(
        fc.asyncProperty(nodes, async (generated) => {
          const node = { ...(generated as Record<string, unknown>), '@context': HYDRA_CONTEXT };
          const options = { documentLoader, base: BASE, safe: true } as unknown as jsonld.Options.Expand;
          const expanded = (await jsonld.expand(node as jsonld.JsonLdDocument, options)) as unknown as Expanded[];
          expect(expanded).toHaveLength(1);
          expectKept(node, expanded[0] as Expanded, '$');
        }),
        { numRuns: 50 },
      );
    });
  }
});
