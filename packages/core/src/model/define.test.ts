/**
 * Type definitions: what `defineType` and `extendsType` do.
 */
import { describe, expect, it } from 'vitest';
import { Attachments, Conversation, ConversationCollection, ConversationWithAccount, Message, VOCAB, View } from '../__fixtures__/sample-vocab.js';
import { createRegistry, defineType, extendsType, HYDRA, HyperldError, t, XSD } from '../index.js';

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

  it("computes each property's IRI once: mapped or vocab + key, through the definition's prefixes; @id for identifiers", () => {
    expect(Conversation.propertyIris.slug).toBe(`${VOCAB}slug`);
    expect(Conversation.propertyIris.id).toBe('@id');
    expect(Attachments.propertyIris.members).toBe(`${HYDRA}member`);
    expect(Attachments.propertyIris.totalItems).toBe(`${HYDRA}totalItems`);
    // Inherited properties too, and every key in the order of the properties.
    expect(ConversationWithAccount.propertyIris.slug).toBe(`${VOCAB}slug`);
    expect(Object.keys(ConversationWithAccount.propertyIris)).toEqual(Object.keys(ConversationWithAccount.properties));
    const A = defineType({
      type: 'A',
      context: '/a',
      vocab: VOCAB,
      prefixes: { schema: 'https://schema.org/' },
      properties: { name: t.string().mapTo('schema:name'), self: t.id().optional(), constructor: t.string(), absolute: t.string().mapTo('https://x.example/#a') },
    });
    expect({ ...A.propertyIris }).toEqual({ id: '@id', name: 'https://schema.org/name', self: '@id', constructor: `${VOCAB}constructor`, absolute: 'https://x.example/#a' });
    expect(Object.getPrototypeOf(A.propertyIris)).toBe(Object.prototype);
  });

  it('keeps the inherited id when a subtype declares another identifier (an alias, not a replacement)', () => {
    const Base = defineType({ type: 'Base', context: '/b', vocab: VOCAB, properties: {} });
    const Sub = defineType({ type: 'Sub', context: '/s', extends: Base, properties: { self: t.id().optional() } });
    expect(Object.keys(Sub.properties)).toEqual(['id', 'self']);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(Message.propertyIris)).toBe(true);
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
