/**
 * Type tests: what a registry's `decode`, `decodeAs` and `get` return, and which definitions it holds.
 */
import { describe, expectTypeOf, it } from 'vitest';
import { Account, Attachments, Contact, Conversation, ConversationWithAccount, Message, Phone, sampleRegistry, VOCAB } from '../__fixtures__/sample-vocab.js';
import { createRegistry, defineType, t, type GenericNode, type AnyTypeDef, type Link, type NodeOf, type RegisteredDefs } from '../index.js';

const Leaf = defineType({ type: 'Leaf', context: '/contexts/Leaf.jsonld', vocab: VOCAB, properties: { label: t.string() } });

/** Every type the sample registry holds: the three listed, and what they extend or embed. */
type SampleTerm =
  | 'ConversationCollection'
  | 'hydra:PartialCollectionView'
  | 'ContactPhone'
  | 'hydra:Collection'
  | 'ConversationWithAccount'
  | 'Conversation'
  | 'Message'
  | 'ConversationUserInfo'
  | 'Contact'
  | 'Account';

describe('decode', () => {
  it('returns a union of the registered nodes that narrows on @type in strict mode', () => {
    const node = sampleRegistry.decode('{}', { strict: true });
    expectTypeOf(node['@type']).toEqualTypeOf<SampleTerm>();
    if (node['@type'] === 'ContactPhone') {
      expectTypeOf(node).toEqualTypeOf<NodeOf<typeof Phone>>();
      expectTypeOf(node.extension).toEqualTypeOf<string | null>();
      expectTypeOf(node.contact).toEqualTypeOf<Link<'Contact'>>();
    } else if (node['@type'] === 'ConversationCollection') {
      expectTypeOf(node.members).toEqualTypeOf<NodeOf<typeof ConversationWithAccount>[]>();
    } else if (node['@type'] === 'Message') {
      expectTypeOf(node).toEqualTypeOf<NodeOf<typeof Message>>();
    } else if (node['@type'] === 'hydra:Collection') {
      expectTypeOf(node).toEqualTypeOf<NodeOf<typeof Attachments>>();
    } else {
      expectTypeOf(node['@type']).toEqualTypeOf<Exclude<SampleTerm, 'ContactPhone' | 'ConversationCollection' | 'Message' | 'hydra:Collection'>>();
    }
  });

  it('adds the generic node outside strict mode', () => {
    const node = sampleRegistry.decode('{}');
    expectTypeOf(node).toExtend<GenericNode>();
    expectTypeOf<GenericNode>().toExtend<typeof node>();
    expectTypeOf<NodeOf<typeof Message>>().toExtend<typeof node>();
    // A generic node's @type is what was sent: a term or an array of them (issue 16).
    expectTypeOf(node['@type']).toEqualTypeOf<string | readonly string[]>();
  });

  it('decodeAs returns NodeOf the definition', () => {
    expectTypeOf(sampleRegistry.decodeAs(Message, '{}')).toEqualTypeOf<NodeOf<typeof Message>>();
    expectTypeOf(sampleRegistry.decodeAs(Conversation, '{}', { base: 'https://api.example/' })).toEqualTypeOf<NodeOf<typeof Conversation>>();
  });

  it('get returns the definition registered under a term, listed, embedded or extended', () => {
    const registry = createRegistry({ types: [Message, Conversation, Account] });
    expectTypeOf(registry.get('Message')).toEqualTypeOf<typeof Message>();
    expectTypeOf(registry.get('Account')).toEqualTypeOf<typeof Account>();
    // @ts-expect-error a term that was not registered
    registry.get('Nope');
    // Registered at run time because ConversationCollection embeds or extends them.
    expectTypeOf(sampleRegistry.get('Message')).toEqualTypeOf<typeof Message>();
    expectTypeOf(sampleRegistry.get('hydra:Collection')).toEqualTypeOf<typeof Attachments>();
    expectTypeOf(sampleRegistry.get('Account')).toEqualTypeOf<typeof Account>();
    // with() adds the new types and what they reach.
    const more = createRegistry({ types: [Account] }).with([Contact]);
    expectTypeOf(more.get('hydra:Collection')).toEqualTypeOf<typeof Attachments>();
    expectTypeOf<Parameters<typeof more.get>[0]>().toEqualTypeOf<'Account' | 'Contact' | 'hydra:Collection'>();
  });

  it('includes the types a listed type extends', () => {
    const Base = defineType({ type: 'Base', context: '/contexts/Base.jsonld', vocab: VOCAB, properties: { a: t.string() } });
    const Mid = defineType({ type: 'Mid', context: '/contexts/Mid.jsonld', extends: Base, properties: { leaf: t.union(t.link(), t.node(Leaf)) } });
    const Top = defineType({ type: 'Top', context: '/contexts/Top.jsonld', extends: Mid, properties: {} });
    expectTypeOf<RegisteredDefs<typeof Top>['type']>().toEqualTypeOf<'Top' | 'Mid' | 'Base' | 'Leaf'>();
    expectTypeOf(createRegistry({ types: [Top] }).get('Base')).toEqualTypeOf<typeof Base>();
  });

  it('does not widen a registry through definitions typed as any definition (self-reference)', () => {
    const Tree: AnyTypeDef<'Tree'> = defineType({
      type: 'Tree',
      context: '/contexts/Tree.jsonld',
      vocab: VOCAB,
      properties: { children: t.list(t.node((): AnyTypeDef => Tree)), leaf: t.node(Leaf).optional() },
    });
    const Forest = defineType({ type: 'Forest', context: '/contexts/Forest.jsonld', vocab: VOCAB, properties: { trees: t.list(t.node(() => Tree)) } });
    expectTypeOf<RegisteredDefs<typeof Forest>['type']>().toEqualTypeOf<'Forest' | 'Tree'>();
    expectTypeOf(createRegistry({ types: [Forest] }).decode('{}', { strict: true })['@type']).toEqualTypeOf<'Forest' | 'Tree'>();
  });
});

describe('definitionOf', () => {
  it('returns one of the registered definitions, or undefined', () => {
    const registry = createRegistry({ types: [Message, Account] });
    expectTypeOf(registry.definitionOf({ '@type': 'Message' })).toEqualTypeOf<RegisteredDefs<typeof Message | typeof Account> | undefined>();
  });
});
