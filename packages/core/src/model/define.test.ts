/**
 * Type definitions and kinds: what `defineType`, `vocabulary` and the `t` builders produce.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Attachments, Conversation, ConversationCollection, ConversationWithAccount, Message, VOCAB, View } from '../__fixtures__/sample-vocab.js';
import { createRegistry, defineType, expandTerm, extendsType, HYDRA, HyperldError, Kind, t, vocabulary, XSD, type AnyKind } from '../index.js';

/** The error `fn` throws. */
function thrown(fn: () => unknown): HyperldError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(HyperldError);
    return error as HyperldError;
  }
  return expect.unreachable('nothing was thrown');
}

describe('defineType', () => {
  it('puts id first, then inherited properties, then its own, in declaration order', () => {
    expect(Object.keys(Conversation.properties)[0]).toBe('id');
    expect(Object.keys(ConversationWithAccount.properties)).toEqual([...Object.keys(Conversation.properties), 'account', 'nextScheduledMessage']);
    expect(ConversationWithAccount.properties.timeline).toBe(Conversation.properties.timeline);
    expect(ConversationWithAccount.base).toBe(Conversation);
    expect(Conversation.base).toBeUndefined();
  });

  it('lets a redeclared property replace the inherited one in place', () => {
    expect(Object.keys(ConversationCollection.properties)).toEqual(Object.keys(Attachments.properties));
    expect(ConversationCollection.properties.members).not.toBe(Attachments.properties.members);
    expect(ConversationCollection.properties.totalItems).toBe(Attachments.properties.totalItems);
  });

  it('lets a property under another key for the same IRI replace the inherited key', () => {
    const Base = defineType({ type: 'Base', context: '/b', vocab: VOCAB, properties: { members: t.list(t.string()).mapTo('hydra:member') } });
    const Sub = defineType({ type: 'Sub', context: '/s', extends: Base, properties: { member: t.list(t.integer()).mapTo(`${HYDRA}member`) } });
    expect(Object.keys(Sub.properties)).toEqual(['id', 'member']);
  });

  it('inherits vocab and prefixes, and expands the class IRI', () => {
    expect(ConversationWithAccount.vocab).toBe(VOCAB);
    expect(Conversation.iri).toBe(`${VOCAB}Conversation`);
    expect(Attachments.iri).toBe(`${HYDRA}Collection`);
    expect(View.iri).toBe(`${HYDRA}PartialCollectionView`);
    const A = defineType({ type: 'ex:A', context: '/a', vocab: VOCAB, prefixes: { ex: 'https://ex.example/#' }, properties: {} });
    const B = defineType({ type: 'B', context: '/b', extends: A, iri: 'https://elsewhere.example/B', properties: {} });
    expect(A.iri).toBe('https://ex.example/#A');
    expect(B.prefixes).toEqual({ ex: 'https://ex.example/#' });
    expect(B.iri).toBe('https://elsewhere.example/B');
  });

  it('is frozen', () => {
    expect(Object.isFrozen(Message)).toBe(true);
    expect(Object.isFrozen(Message.properties)).toBe(true);
    expect(Object.isFrozen(Message.prefixes)).toBe(true);
  });

  it('rejects keywords as properties, a missing vocabulary and an empty type', () => {
    const keyword = thrown(() => defineType({ type: 'A', context: '/a', vocab: VOCAB, properties: { '@id': t.string() } }));
    expect(keyword.code).toBe('invalid_definition');
    expect(keyword.message).toMatchInlineSnapshot(`"Type "A" declares "@id": keywords are not properties."`);
    expect(thrown(() => defineType({ type: 'A', context: '/a', properties: {} })).code).toBe('invalid_definition');
    expect(thrown(() => defineType({ type: '', context: '/a', vocab: VOCAB, properties: {} })).code).toBe('invalid_definition');
  });

  it('keeps properties named like Object.prototype members as own properties', () => {
    const Odd = defineType({
      type: 'Odd',
      context: '/odd',
      vocab: VOCAB,
      properties: { ['__proto__']: t.link(), constructor: t.string(), toString: t.string().optional(), hasOwnProperty: t.boolean() },
    });
    expect(Object.keys(Odd.properties)).toEqual(['id', '__proto__', 'constructor', 'toString', 'hasOwnProperty']);
    expect(Object.getPrototypeOf(Odd.properties)).toBe(Object.prototype);
    const Sub = defineType({ type: 'OddSub', context: '/odd-sub', extends: Odd, properties: {} });
    expect(Object.keys(Sub.properties)).toEqual(Object.keys(Odd.properties));
    const registry = createRegistry({ types: [Odd] });
    expect(registry.context('/odd')?.['@context']).toEqual({
      '@vocab': VOCAB,
      hydra: HYDRA,
      xsd: XSD,
      id: '@id',
      ['__proto__']: { '@id': `${VOCAB}__proto__`, '@type': '@id' },
      constructor: `${VOCAB}constructor`,
      toString: `${VOCAB}toString`,
      hasOwnProperty: `${VOCAB}hasOwnProperty`,
    });
    expect(Object.getPrototypeOf(registry.context('/odd')?.['@context'])).toBe(Object.prototype);
    expect(registry.validate({ '@type': 'Odd', id: '/o', constructor: 'c', hasOwnProperty: true }).map((v) => `${v.code} ${v.path}`)).toEqual([
      'missing_property $.__proto__',
    ]);
    expect(registry.validate(JSON.parse('{"@type":"Odd","id":"/o","__proto__":"/p","constructor":"c","hasOwnProperty":false}'))).toEqual([]);
  });
});

describe('extendsType', () => {
  it('follows the chain of bases, by identity or by term', () => {
    expect(extendsType(ConversationWithAccount, Conversation)).toBe(true);
    expect(extendsType(Conversation, Conversation)).toBe(true);
    expect(extendsType(Conversation, ConversationWithAccount)).toBe(false);
    expect(extendsType(ConversationCollection, Attachments)).toBe(true);
    expect(extendsType(Message, Conversation)).toBe(false);
    const A = defineType({ type: 'A', context: '/a', vocab: VOCAB, properties: {} });
    const B = defineType({ type: 'B', context: '/b', extends: A, properties: {} });
    const C = defineType({ type: 'C', context: '/c', extends: B, properties: {} });
    expect(extendsType(C, A)).toBe(true);
  });
});

describe('expandTerm', () => {
  it('expands compact IRIs through known prefixes and terms through the vocabulary', () => {
    expect(expandTerm('hydra:member', VOCAB)).toBe(`${HYDRA}member`);
    expect(expandTerm('xsd:dateTime', VOCAB)).toBe(`${XSD}dateTime`);
    expect(expandTerm('name', VOCAB)).toBe(`${VOCAB}name`);
    expect(expandTerm('schema:name', VOCAB, { schema: 'https://schema.org/' })).toBe('https://schema.org/name');
    // The standard prefixes stay known alongside custom ones.
    expect(expandTerm('hydra:view', VOCAB, { schema: 'https://schema.org/' })).toBe(`${HYDRA}view`);
  });

  it('leaves absolute IRIs and unknown prefixes alone, including prototype names', () => {
    expect(expandTerm('https://example.com/x', VOCAB, { https: 'nope:' })).toBe('https://example.com/x');
    expect(expandTerm('unknown:x', VOCAB)).toBe('unknown:x');
    expect(expandTerm('constructor:x', VOCAB, {})).toBe('constructor:x');
    expect(expandTerm('__proto__:x', VOCAB, {})).toBe('__proto__:x');
    expect(expandTerm('toString:x', VOCAB)).toBe('toString:x');
  });

  it('expands every term without a colon to vocab + term', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !s.includes(':')),
        (term) => {
          expect(expandTerm(term, VOCAB)).toBe(VOCAB + term);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('vocabulary', () => {
  it('supplies the vocabulary, the context URL pattern and prefixes', () => {
    const v = vocabulary({ vocab: VOCAB, context: (type) => `/ld/${type.toLowerCase()}`, prefixes: { ex: 'https://ex.example/#' } });
    const A = v.type('A', { properties: { name: t.string() }, description: 'An A.' });
    const B = v.type('B', { extends: A, context: '/custom/b', iri: 'ex:Bee', properties: {} });
    expect(A.vocab).toBe(VOCAB);
    expect(A.context).toBe('/ld/a');
    expect(A.description).toBe('An A.');
    expect(A.prefixes).toEqual({ ex: 'https://ex.example/#' });
    expect(B.context).toBe('/custom/b');
    expect(B.base).toBe(A);
    expect(B.iri).toBe('ex:Bee');
    expect(vocabulary({ vocab: VOCAB }).type('C', { properties: {} }).context).toBe('/contexts/C.jsonld');
  });
});

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

// A self-referencing definition needs its type spelled out somewhere to break the inference cycle.
type AnyTypeDefLike = import('../index.js').AnyTypeDef;
