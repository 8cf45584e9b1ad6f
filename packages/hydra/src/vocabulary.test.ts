import { HYDRA, type AnyKind, type AnyTypeDef } from '@hyperld/core';
import { arbitraryNode } from '@hyperld/core/testing';
import fc from 'fast-check';
import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { conversationRegistry, ConversationCollection } from './__fixtures__/conversations.js';
import { propertyIri } from './api-documentation.js';
import { HYDRA_CONTEXT_DOCUMENT, HYDRA_ERROR_CONTEXT, HYDRA_ERROR_CONTEXT_DOCUMENT } from './contexts.js';
import { Collection, HYDRA_CONTEXT, hydraRegistry, hydraTypes, SupportedProperty } from './vocabulary.js';

const BASE = 'https://api.example/hydra/';

/** Serves the generated Hydra context and nothing else: a test must never reach the network. */
const documentLoader = async (url: string) => {
  const document = hydraRegistry.context(url);
  if (!document) throw new Error(`Refusing to load ${url}`);
  return { contextUrl: undefined, documentUrl: url, document: document as unknown as Record<string, unknown> };
};

type Expanded = Record<string, unknown>;

/**
 * hyperld's properties that the published Hydra contexts leave undefined: `target` of an inline
 * operation (Hydra has no such term; an operation acts on the resource that carries it) and the
 * `violations` list of an error body. Plain JSON to every other reader.
 */
const UNDEFINED_TERMS = new Set(['hydra:Operation.target', 'hydra:Error.violations']);

function holdsUndefinedTerm(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(holdsUndefinedTerm);
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return Object.entries(record).some(([key, v]) => (v !== null && UNDEFINED_TERMS.has(`${String(record['@type'])}.${key}`)) || holdsUndefinedTerm(v));
}

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
    if (!kind || key === 'id' || key === '@id' || value === null || value === undefined) continue;
    const iri = propertyIri(def, key, kind);
    counts.set(iri, (counts.get(iri) ?? 0) + (Array.isArray(value) && !isJson(kind) ? value.length : 1));
  }
  for (const [key, value] of Object.entries(node)) {
    if (key === '@type' || key === '@context' || value === null || value === undefined) continue;
    if (key === 'id' || key === '@id') {
      // An IRI (not a URL): resolved against the base but not percent-encoded.
      expect(typeof expanded['@id'], `${path}.id`).toBe('string');
      continue;
    }
    const kind = def.properties[key] as AnyKind | undefined;
    expect(kind, `${path}.${key} is declared`).toBeDefined();
    if (!kind) continue;
    // Terms neither published context defines: JSON-LD drops them (listed, so that no other one slips in).
    if (UNDEFINED_TERMS.has(`${def.type}.${key}`)) {
      expect(Object.hasOwn(expanded, propertyIri(def, key, kind)), `${path}.${key} dropped`).toBe(false);
      continue;
    }
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
  it('registers the published Hydra contexts at their URLs, never a document of its own making', () => {
    for (const def of hydraTypes) {
      expect(def.context, def.type).toBe(def.type === 'hydra:Error' ? HYDRA_ERROR_CONTEXT : HYDRA_CONTEXT);
      expect(def.iri, def.type).toBe(HYDRA + def.type.slice('hydra:'.length));
      expect(hydraRegistry.lookup(def.type)).toBe(def);
    }
    expect(hydraRegistry.context(HYDRA_CONTEXT)).toBe(HYDRA_CONTEXT_DOCUMENT);
    expect(hydraRegistry.context(HYDRA_ERROR_CONTEXT)).toBe(HYDRA_ERROR_CONTEXT_DOCUMENT);
    const context = HYDRA_CONTEXT_DOCUMENT['@context'];
    // What the published context does not define: no @vocab, no `id` alias of @id.
    expect(context['@vocab']).toBeUndefined();
    expect(context['id']).toBeUndefined();
    expect(context['member']).toEqual({ '@id': 'hydra:member', '@type': '@id' });
    expect(context['supportedClass']).toEqual({ '@id': 'hydra:supportedClass', '@type': '@vocab' });
    expect(context['writable']).toBe('hydra:writable');
    expect(Object.keys(context)).toHaveLength(88);
    expect([...hydraRegistry.contexts.keys()].sort()).toEqual([HYDRA_CONTEXT, HYDRA_ERROR_CONTEXT].sort());
    expect(SupportedProperty.properties.writable.iri).toBe('hydra:writable');
  });

  it('decodes a standard Hydra collection under the published context: @id, member, totalItems', () => {
    const doc = { '@context': HYDRA_CONTEXT, '@id': '/books', '@type': 'Collection', member: [{ '@id': '/books/1', '@type': 'hydra:Status', statusCode: 200 }], totalItems: 1 };
    // (An embedded node's @type term resolved through the enclosing context is the client-side issue's.)
    const node = hydraRegistry.decode(JSON.stringify(doc), { strict: true, unknownProperties: 'error' });
    expect(node).toEqual(doc);
    expect(hydraRegistry.nodes(node).map((n) => `${n.path} ${String(hydraRegistry.definitionOf(n.node)?.type)}`)).toEqual(["$ hydra:Collection", "$.member[0] hydra:Status"]);
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
          // An error body says both contexts (Hydra's terms, then its error context's RFC 9457 members).
          const context = def.type === 'hydra:Error' ? [HYDRA_CONTEXT, HYDRA_ERROR_CONTEXT] : HYDRA_CONTEXT;
          const node = { ...(generated as Record<string, unknown>), '@context': context };
          // Safe mode (any dropped property throws) unless the node holds a term no published context defines.
          const options = { documentLoader, base: BASE, safe: !holdsUndefinedTerm(node) } as unknown as jsonld.Options.Expand;
          const expanded = (await jsonld.expand(node as jsonld.JsonLdDocument, options)) as unknown as Expanded[];
          expect(expanded).toHaveLength(1);
          expectKept(node, expanded[0] as Expanded, '$');
        }),
        { numRuns: 50 },
      );
    });
  }
});
