/**
 * Tests of the arbitraries of `@hyperld/core/testing`: what they generate is valid, covers the
 * cases a codec gets wrong (nulls, absent properties, empty lists, unknown and prototype-named
 * keys, subtypes, every union branch) and stays within `maxDepth`.
 *
 * @module
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleRegistry } from '../__fixtures__/sample-vocab.js';
import { createRegistry, defineType, isHyperldError, isIriReference, t, vocabulary, type AnyTypeDef, type Registry } from '../index.js';
import { arbitraryDocument, arbitraryNode, arbitraryValue } from './index.js';

const v = vocabulary({ vocab: 'https://kitchen.example/vocab#' });

const Leaf = v.type('Leaf', { properties: { label: t.string(), weight: t.number().nullable() } });
const Branch = v.type('Branch', { extends: Leaf, properties: { children: t.list(t.node(Leaf)) } });

/** One property of every kind and modifier, and a declared property with an awkward name. */
const Everything = v.type('Everything', {
  properties: {
    id: t.id().optional(),
    text: t.string(),
    score: t.number(),
    count: t.integer(),
    flag: t.boolean(),
    at: t.dateTime().nullable(),
    state: t.enumeration(['a', 'b'] as const),
    mood: t.enumeration(['happy'] as const, { open: true }),
    data: t.json(),
    maybeData: t.json().nullable().optional(),
    link: t.link('Leaf'),
    anyLink: t.link().nullable(),
    leaf: t.node(Leaf),
    anything: t.anyNode().nullable().optional(),
    tags: t.list(t.string()),
    holes: t.list(t.integer().nullable()),
    grid: t.list(t.list(t.number())),
    linkOrNode: t.union(t.link(), t.node(Leaf)),
    stringOrJson: t.union(t.string(), t.json()),
    linkOrJson: t.union(t.link(), t.json()),
    countOrFlag: t.union(t.integer(), t.boolean()),
    constructor: t.string().optional(),
  },
});

const kitchen = createRegistry({ types: [Everything, Branch] });

/** A node type every node-valued property of which can stop (null, absent, link, empty list). */
const Tree = v.type('Tree', {
  properties: {
    kids: t.list(t.node((): AnyTypeDef => Tree)),
    parent: t.node((): AnyTypeDef => Tree).nullable(),
    next: t.node((): AnyTypeDef => Tree).optional(),
    either: t.union(t.link('Tree'), t.node((): AnyTypeDef => Tree)),
    other: t.anyNode().nullable(),
  },
});
const forest = createRegistry({ types: [Tree, Leaf] });

/** How deep embedded nodes go under a node (0 for none): objects carrying a registered `@type` and its `@context`. */
function nodeDepth(value: unknown, registry: Pick<Registry, 'types'>): number {
  if (typeof value !== 'object' || value === null) return 0;
  let below = 0;
  for (const item of Object.values(value)) below = Math.max(below, nodeDepth(item, registry));
  const record = value as Record<string, unknown>;
  const type = record['@type'];
  const isNode = !Array.isArray(value) && typeof type === 'string' && registry.types.get(type)?.context === record['@context'];
  return isNode ? below + 1 : below;
}

const declaredKeys = (def: AnyTypeDef): Set<string> => new Set(['@type', '@context', ...Object.keys(def.properties)]);
const unknownKeys = (node: object, def: AnyTypeDef): string[] => Object.keys(node).filter((k) => !declaredKeys(def).has(k));

describe('arbitraryNode and arbitraryDocument', () => {
  it('generate only nodes that validate, for every kind and modifier', () => {
    fc.assert(
      fc.property(arbitraryDocument(kitchen), (doc) => {
        expect(kitchen.validate(doc, { strict: true })).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it('generate valid nodes in shuffled key order and at other depths', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 }), fc.boolean(), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (maxDepth, unknownProperties, seed) => {
        const [doc] = fc.sample(arbitraryDocument(kitchen, { maxDepth, unknownProperties, keyOrder: 'shuffled' }), { numRuns: 1, seed });
        expect(kitchen.validate(doc, { strict: true, unknownProperties: unknownProperties ? 'keep' : 'error' })).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('default to a registry of the definition and what it embeds', () => {
    const registry = createRegistry({ types: [Everything] });
    fc.assert(
      fc.property(arbitraryNode(Everything), (node) => {
        expect(node['@type']).toBe('Everything');
        expect(node['@context']).toBe('/contexts/Everything.jsonld');
        expect(registry.validate(node, { strict: true })).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it('cover nulls, absent properties, empty lists, unknown properties and every branch', () => {
    // Arrange
    const nodes = fc.sample(arbitraryNode(Everything, { registry: kitchen }), 2000);
    const count = (predicate: (node: (typeof nodes)[number]) => boolean): number => nodes.filter(predicate).length;
    const json = (node: (typeof nodes)[number]): string => JSON.stringify(node);
    // Act
    const seen = {
      nullValue: count((n) => n.at === null),
      nullListItem: count((n) => n.holes.includes(null)),
      absent: count((n) => !Object.hasOwn(n, 'anything')),
      present: count((n) => Object.hasOwn(n, 'anything') && n.anything !== null),
      emptyList: count((n) => n.tags.length === 0),
      nonEmptyList: count((n) => n.tags.length > 0),
      emptyObject: count((n) => json(n).includes('{}')),
      emptyArrayJson: count((n) => Array.isArray(n.data) && n.data.length === 0),
      unknown: count((n) => unknownKeys(n, Everything).length > 0),
      noUnknown: count((n) => unknownKeys(n, Everything).length === 0),
      protoKey: count((n) => Object.hasOwn(n, '__proto__')),
      toStringKey: count((n) => Object.hasOwn(n, 'toString')),
      declaredConstructor: count((n) => typeof n.constructor === 'string' && Object.hasOwn(n, 'constructor')),
      openEnumUnknown: count((n) => n.mood !== 'happy'),
      openEnumKnown: count((n) => n.mood === 'happy'),
      negative: count((n) => n.score < 0),
      fractional: count((n) => !Number.isInteger(n.score)),
      unicode: count((n) => /[^\u0000-\u007f]/.test(n.text)),
      dateMillis: count((n) => typeof n.at === 'string' && /\.\d{3}(?:Z|[+-])/.test(n.at)),
      dateNoFraction: count((n) => typeof n.at === 'string' && /:\d{2}(?:Z|[+-])/.test(n.at)),
      dateOffset: count((n) => typeof n.at === 'string' && /[+-]\d{2}:\d{2}$/.test(n.at)),
      relativeLink: count((n) => n.link.startsWith('/')),
      absoluteLink: count((n) => /^[a-z]+:/.test(n.link)),
      // A subtype's node has its own `@type`, which the static type (the target's literal) does not admit.
      subtype: count((n) => (n.leaf['@type'] as string) === 'Branch'),
      target: count((n) => n.leaf['@type'] === 'Leaf'),
      unionLink: count((n) => typeof n.linkOrNode === 'string'),
      unionNode: count((n) => typeof n.linkOrNode === 'object'),
      unionString: count((n) => typeof n.stringOrJson === 'string'),
      unionJson: count((n) => typeof n.stringOrJson !== 'string'),
      unionBoolean: count((n) => typeof n.countOrFlag === 'boolean'),
    };
    // Assert: every case occurs in at least 1% of the nodes.
    for (const [name, times] of Object.entries(seen)) expect({ name, times: times >= nodes.length / 100 }).toEqual({ name, times: true });
  });

  it('make `__proto__` an own data property, never the prototype', () => {
    const nodes = fc.sample(arbitraryDocument(sampleRegistry), 500).filter((n) => Object.hasOwn(n, '__proto__'));
    expect(nodes.length).toBeGreaterThan(0);
    for (const node of nodes) {
      expect(Object.getPrototypeOf(node)).toBe(Object.prototype);
      expect(JSON.stringify(node)).toContain('"__proto__":');
    }
  });

  it('keep @type, @context, then declared order, unknown properties last, unless shuffled', () => {
    const order = [...declaredKeys(Everything)];
    for (const node of fc.sample(arbitraryNode(Everything, { registry: kitchen }), 300)) {
      const keys = Object.keys(node);
      const known = keys.filter((k) => order.includes(k));
      expect(known.slice(0, 2)).toEqual(['@type', '@context']);
      expect(known).toEqual([...known].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
      expect(keys.slice(0, known.length)).toEqual(known);
    }
    const shuffled = fc.sample(arbitraryNode(Everything, { registry: kitchen, keyOrder: 'shuffled' }), 100);
    expect(shuffled.some((n) => Object.keys(n)[0] !== '@type')).toBe(true);
  });

  it('add no undeclared property when unknownProperties is false', () => {
    for (const node of fc.sample(arbitraryNode(Everything, { registry: kitchen, unknownProperties: false }), 300)) {
      expect(unknownKeys(node, Everything)).toEqual([]);
    }
  });
});

describe('maxDepth', () => {
  it('bounds embedded nodes where every node property can stop, and is reached', () => {
    for (const maxDepth of [0, 1, 2, 3]) {
      const depths = fc.sample(arbitraryNode(Tree, { registry: forest, maxDepth }), 500).map((n) => nodeDepth(n, forest) - 1);
      expect(Math.max(...depths)).toBe(maxDepth);
    }
  });

  it('defaults to 3, exceeded only by a required embedded node (sample: Message.attachments)', () => {
    const depths = fc.sample(arbitraryDocument(sampleRegistry), 1000).map((n) => nodeDepth(n, sampleRegistry) - 1);
    expect(Math.max(...depths)).toBeGreaterThanOrEqual(3);
    expect(Math.max(...depths)).toBeLessThanOrEqual(4);
    for (const node of fc.sample(arbitraryNode(Everything, { registry: kitchen, maxDepth: 0 }), 200)) {
      // `leaf` is required and not nullable: it is generated, but its own children stop.
      expect(nodeDepth(node, kitchen) - 1).toBeLessThanOrEqual(1);
      if ((node.leaf['@type'] as string) === 'Branch') expect((node.leaf as { children?: unknown }).children).toEqual([]);
      expect(node.anything === undefined || node.anything === null).toBe(true);
      expect(typeof node.linkOrNode).toBe('string');
    }
  });

  it('refuses a cycle of required embedded nodes, which has no finite instance', () => {
    const Loop = defineType({
      type: 'Loop',
      context: '/contexts/Loop.jsonld',
      vocab: 'https://kitchen.example/vocab#',
      properties: { next: t.node((): AnyTypeDef => Loop) },
    });
    expect(() => arbitraryNode(Loop)).toThrow(/no finite instance/);
  });
});

describe('arbitraryValue', () => {
  it('gives values of the kind, null only when nullable', () => {
    fc.assert(
      fc.property(arbitraryValue(t.integer()), arbitraryValue(t.dateTime().nullable()), arbitraryValue(t.link()), (n, at, link) => {
        expect(Number.isInteger(n)).toBe(true);
        expect(Object.is(n, -0)).toBe(false);
        if (at !== null) expect(Number.isNaN(Date.parse(at))).toBe(false);
        expect(isIriReference(link)).toBe(true);
      }),
      { numRuns: 1000 },
    );
    expect(fc.sample(arbitraryValue(t.string().nullable()), 200)).toContain(null);
    expect(fc.sample(arbitraryValue(t.string()), 200)).not.toContain(null);
  });

  it('gives embedded nodes from the registry, and needs one for t.anyNode()', () => {
    for (const node of fc.sample(arbitraryValue(t.anyNode(), { registry: kitchen }), 200)) {
      expect(kitchen.validate(node, { strict: true })).toEqual([]);
    }
    for (const node of fc.sample(arbitraryValue(t.node(Leaf)), 200)) expect(node['@type']).toBe('Leaf');
    expect(() => arbitraryValue(t.anyNode())).toThrow(/no such type is registered/);
  });

  it('refuses a kind that has no valid value', () => {
    const error = (() => {
      try {
        arbitraryValue(t.enumeration([] as const));
        return undefined;
      } catch (e) {
        return e;
      }
    })();
    expect(isHyperldError(error) && error.code).toBe('invalid_definition');
  });
});
