/**
 * Kinds: what the `t` builders and modifiers produce, and the facts each kind carries.
 */
import { describe, expect, it } from 'vitest';
import { Conversation, Message, VOCAB } from '../__fixtures__/sample-vocab.js';
import { createRegistry, defineType, Kind, rangeOf, t, type AnyKind } from '../index.js';
import { expectedOf, factsOf, jsonTypesOf, KIND_FACTS } from './kinds.js';

// A self-referencing definition needs its type spelled out somewhere to break the inference cycle.
type AnyTypeDefLike = import('../index.js').AnyTypeDef;

describe('kinds', () => {
  it('are immutable: every modifier returns a new kind', () => {
    const base = t.string();
    const modified = base.nullable().optional().mapTo('schema:name').describe('A name.').annotate('example:ui', { widget: 'text' });
    expect([base.isNullable, base.isOptional, base.iri, base.description, base.annotations]).toEqual([false, false, undefined, undefined, {}]);
    expect([modified.isNullable, modified.isOptional, modified.iri, modified.description]).toEqual([true, true, 'schema:name', 'A name.']);
    expect(modified.annotations).toEqual({ 'example:ui': { widget: 'text' } });
    expect(modified.spec).toBe(base.spec);
    expect(modified).toBeInstanceOf(Kind);
    const twice = modified.annotate('example:other', 1);
    expect(Object.keys(twice.annotations)).toEqual(['example:ui', 'example:other']);
    expect(Object.keys(modified.annotations)).toEqual(['example:ui']);
  });

  it('record what they are', () => {
    expect(t.enumeration(['a', 'b'] as const).spec).toEqual({ tag: 'enum', values: ['a', 'b'], open: false });
    expect(t.enumeration(['a'] as const, { open: true }).spec).toEqual({ tag: 'enum', values: ['a'], open: true });
    expect(t.link('Timeline').spec).toEqual({ tag: 'link', target: 'Timeline' });
    expect(t.link(Message).spec).toEqual({ tag: 'link', target: 'Message' });
    expect(t.link().spec).toEqual({ tag: 'link', target: undefined });
    expect(t.anyNode().spec).toEqual({ tag: 'node', targets: undefined });
    const list = t.list(t.integer());
    expect(list.spec.tag === 'list' && list.spec.item.spec.tag).toBe('integer');
    const union = t.union(t.link(), t.node(Message));
    expect(union.spec.tag === 'union' && union.spec.options.map((o: AnyKind) => o.spec.tag)).toEqual(['link', 'node']);
    // @json data may be null: null is a JSON value.
    expect(t.json().isNullable).toBe(true);
    expect(t.string().isNullable).toBe(false);
  });

  it('resolve node targets lazily, once, so that definitions may refer to later ones', () => {
    let calls = 0;
    const kind = t.node(() => {
      calls++;
      return [Message, Conversation];
    });
    expect(calls).toBe(0);
    const spec = kind.spec;
    if (spec.tag !== 'node' || !spec.targets) return expect.unreachable('not a node kind');
    expect(spec.targets()).toEqual([Message, Conversation]);
    expect(spec.targets()).toBe(spec.targets());
    expect(calls).toBe(1);
    const single = t.node(Message).spec;
    expect(single.tag === 'node' && single.targets?.()).toEqual([Message]);
  });

  it('let a type embed itself through a function', () => {
    const Tree = defineType({
      type: 'Tree',
      context: '/contexts/Tree.jsonld',
      vocab: VOCAB,
      properties: { label: t.string(), children: t.list(t.node((): AnyTypeDefLike => Tree)) },
    });
    const registry = createRegistry({ types: [Tree] });
    const leaf = { '@type': 'Tree', id: '/t/2', label: 'leaf', children: [] };
    expect(registry.validate({ '@type': 'Tree', id: '/t/1', label: 'root', children: [leaf] })).toEqual([]);
    expect(registry.validate({ '@type': 'Tree', id: '/t/1', label: 'root', children: [{ ...leaf, label: 1 }] })).toEqual([
      expect.objectContaining({ code: 'wrong_kind', path: '$.children[0].label' }),
    ]);
  });
});

describe('the facts of each kind', () => {
  const Leaf = defineType({ type: 'Leaf', context: '/contexts/Leaf.jsonld', vocab: VOCAB, properties: {} });
  const registry = createRegistry({ types: [Leaf] });

  it('give each kind its range: XSD datatypes, rdf:JSON, the class a link names or a node embeds, a list item’s', () => {
    const XSD = 'http://www.w3.org/2001/XMLSchema#';
    const ranges: [AnyKind, string | undefined][] = [
      [t.string(), `${XSD}string`],
      [t.enumeration(['a'] as const), `${XSD}string`],
      [t.number(), `${XSD}decimal`],
      [t.integer().nullable(), `${XSD}integer`],
      [t.boolean(), `${XSD}boolean`],
      [t.dateTime(), `${XSD}dateTime`],
      [t.json(), 'http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON'],
      [t.link('Leaf'), `${VOCAB}Leaf`],
      [t.link('Nowhere'), undefined],
      [t.link(), undefined],
      [t.node(Leaf), `${VOCAB}Leaf`],
      [t.node([Leaf, Message]), undefined],
      [t.anyNode(), undefined],
      [t.list(t.list(t.integer())), `${XSD}integer`],
      [t.id(), undefined],
      [t.union(t.link('Leaf'), t.node(Leaf)), undefined],
    ];
    for (const [kind, range] of ranges) expect(rangeOf(kind, registry), kind.spec.tag).toBe(range);
  });

  it('give every tag an entry, and a scalar check to exactly the kinds whose values are JSON scalars', () => {
    const scalars = Object.entries(KIND_FACTS).filter(([, facts]) => facts.scalar !== undefined).map(([tag]) => tag);
    expect(scalars.sort()).toEqual(['boolean', 'dateTime', 'enum', 'id', 'integer', 'link', 'number', 'string']);
    const check = (kind: AnyKind, value: unknown) => factsOf(kind.spec).scalar?.(kind.spec as never)(value);
    expect(check(t.integer(), 1.5)).toBe('invalid_integer');
    expect(check(t.integer(), '1')).toBe('wrong_kind');
    expect(check(t.enumeration(['a'] as const), 'b')).toBe('invalid_enum');
    expect(check(t.enumeration(['a'] as const, { open: true }), 'b')).toBeUndefined();
    expect(check(t.dateTime(), '2018-07-24')).toBe('invalid_date_time');
    expect(check(t.link(), 'not a link')).toBe('invalid_iri');
    expect(check(t.number(), Number.POSITIVE_INFINITY)).toBe('wrong_kind');
  });

  it('say what a violation expects and which JSON types pick a union branch', () => {
    expect(expectedOf(t.list(t.link('Leaf')))).toBe('a list of a link (IRI) to Leaf');
    expect(expectedOf(t.union(t.link(), t.node(Leaf)))).toBe('a link (IRI) or a Leaf node');
    expect([...jsonTypesOf(t.union(t.link(), t.anyNode(), t.list(t.string())))]).toEqual(['string', 'object', 'array']);
  });
});
