/**
 * Type tests: the TypeScript types of decoded nodes, as inferred from definitions.
 */
import { describe, expectTypeOf, it } from 'vitest';
import { Account, Attachments, Contact, Conversation, ConversationCollection, ConversationWithAccount, Message, sampleRegistry, View, VOCAB } from '../__fixtures__/sample-vocab.js';
import { defineType, t, type ContextValue, type DefType, type GenericNode, type JsonValue, type KnownNodeOf, type Link, type LinkTarget, type NodeOf, type RegisteredDefs } from '../index.js';

const Leaf = defineType({ type: 'Leaf', context: '/contexts/Leaf.jsonld', vocab: VOCAB, properties: { label: t.string() } });

/** One property of every kind and modifier. */
const Everything = defineType({
  type: 'Everything',
  context: '/contexts/Everything.jsonld',
  vocab: VOCAB,
  properties: {
    text: t.string(),
    score: t.number().nullable(),
    count: t.integer(),
    flag: t.boolean().optional(),
    at: t.dateTime(),
    state: t.enumeration(['open', 'closed'] as const),
    mood: t.enumeration(['happy', 'sad'] as const, { open: true }),
    data: t.json(),
    owner: t.link('Leaf'),
    anyLink: t.link().nullable().optional(),
    leafLink: t.link(Leaf),
    leaf: t.node(Leaf),
    anything: t.anyNode().optional(),
    tags: t.list(t.string()),
    holes: t.list(t.integer().nullable()),
    linkOrLeaf: t.union(t.link('Leaf'), t.node(Leaf)),
    mapped: t.string().mapTo('schema:name').describe('A name.'),
  },
});

type E = KnownNodeOf<typeof Everything>;
type L = NodeOf<typeof Leaf>;

describe('the type of a decoded node', () => {
  it('has a literal @type, an optional @context, id: string and every declared property, typed', () => {
    expectTypeOf<E>().toEqualTypeOf<{
      '@type': 'Everything';
      '@context'?: ContextValue;
      id: string;
      text: string;
      score: number | null;
      count: number;
      flag?: boolean;
      at: string;
      state: 'open' | 'closed';
      mood: 'happy' | 'sad' | (string & {});
      data: JsonValue;
      owner: Link<'Leaf'>;
      anyLink?: Link | null;
      leafLink: Link<'Leaf'>;
      leaf: L;
      anything?: GenericNode;
      tags: string[];
      holes: (number | null)[];
      linkOrLeaf: Link<'Leaf'> | L;
      mapped: string;
    }>();
  });

  it('types the sample vocabulary the same way', () => {
    type M = NodeOf<typeof Message>;
    expectTypeOf<M['@type']>().toEqualTypeOf<'Message'>();
    expectTypeOf<M['id']>().toEqualTypeOf<string>();
    expectTypeOf<M['body']>().toEqualTypeOf<string>();
    expectTypeOf<M['retryAllowed']>().toEqualTypeOf<boolean>();
    expectTypeOf<M['direction']>().toEqualTypeOf<'in' | 'out'>();
    expectTypeOf<M['sender']>().toEqualTypeOf<Link<'User'> | null>();
    expectTypeOf<M['attachments']>().toEqualTypeOf<NodeOf<typeof Attachments>>();
    expectTypeOf<M['flags']>().toEqualTypeOf<string[]>();
    expectTypeOf<NodeOf<typeof Contact>['data']>().toEqualTypeOf<JsonValue>();
    expectTypeOf<NodeOf<typeof Attachments>['totalItems']>().toEqualTypeOf<number>();
    type C = NodeOf<typeof Conversation>;
    expectTypeOf<C['latestPreviewableItem']>().toEqualTypeOf<NodeOf<typeof Message> | null>();
    expectTypeOf<C['currentState']>().toEqualTypeOf<'open' | 'closed' | 'blocked'>();
    expectTypeOf<C['requestingUserInfo']>().toEqualTypeOf<Link | NodeOf<typeof import('../__fixtures__/sample-vocab.js').UserInfo>>();
    // Optional and nullable: may be absent, and null when present.
    expectTypeOf<Pick<C, 'closeConversation'>>().toEqualTypeOf<{ closeConversation?: Link<'Conversation'> | null }>();
  });

  it('lets an open enumeration take any string while still offering its literals', () => {
    type Mood = E['mood'];
    expectTypeOf<'carrier_filtered'>().toExtend<NodeOf<typeof Message>['deliveryState']>();
    expectTypeOf<string>().toExtend<Mood>();
    expectTypeOf<'happy'>().toExtend<Mood>();
    // Not collapsed to plain `string`: the literals survive for completion.
    expectTypeOf<Mood>().not.toEqualTypeOf<string>();
    expectTypeOf<Extract<Mood, 'happy' | 'sad'>>().toEqualTypeOf<'happy' | 'sad'>();
    // A closed one does not take other strings.
    expectTypeOf<'archived'>().not.toExtend<E['state']>();
  });

  it('names the target of a link', () => {
    expectTypeOf<LinkTarget<E['owner']>>().toEqualTypeOf<'Leaf'>();
    expectTypeOf<LinkTarget<E['leafLink']>>().toEqualTypeOf<'Leaf'>();
    expectTypeOf<LinkTarget<NodeOf<typeof Message>['retry']>>().toEqualTypeOf<'Message'>();
    expectTypeOf<LinkTarget<NodeOf<typeof Conversation>['timeline']>>().toEqualTypeOf<'Timeline'>();
    expectTypeOf<LinkTarget<NodeOf<typeof View>['next']>>().toEqualTypeOf<string>();
    expectTypeOf<E['owner']>().toExtend<string>();
  });

  it('types properties the definition does not declare as unknown', () => {
    type M = NodeOf<typeof Message>;
    expectTypeOf<M['engagementScore']>().toEqualTypeOf<unknown>();
    const node = sampleRegistry.decodeAs(Message, '{}');
    expectTypeOf(node['engagementScore']).toEqualTypeOf<unknown>();
    expectTypeOf(node.body).toEqualTypeOf<string>();
  });
});

describe('extended types', () => {
  it('have the base properties and their own; a redeclared property is narrowed', () => {
    type CWA = KnownNodeOf<typeof ConversationWithAccount>;
    type C = KnownNodeOf<typeof Conversation>;
    expectTypeOf<CWA['@type']>().toEqualTypeOf<'ConversationWithAccount'>();
    expectTypeOf<Omit<CWA, '@type' | 'account' | 'nextScheduledMessage'>>().toEqualTypeOf<Omit<C, '@type'>>();
    expectTypeOf<CWA['account']>().toEqualTypeOf<Link<'Account'> | NodeOf<typeof Account>>();
    expectTypeOf<KnownNodeOf<typeof Attachments>['members']>().toEqualTypeOf<GenericNode[]>();
    expectTypeOf<KnownNodeOf<typeof ConversationCollection>['members']>().toEqualTypeOf<NodeOf<typeof ConversationWithAccount>[]>();
    expectTypeOf<KnownNodeOf<typeof ConversationCollection>['view']>().toEqualTypeOf<NodeOf<typeof View> | undefined>();
  });
});

describe('building a node by hand', () => {
  it('accepts plain strings for links, and unknown extra properties', () => {
    const leaf: NodeOf<typeof Leaf> = { '@type': 'Leaf', id: '/leaves/1', label: 'a' };
    const node: KnownNodeOf<typeof Everything> = {
      '@type': 'Everything',
      id: '/everything/1',
      text: 'x',
      score: null,
      count: 1,
      at: '2020-01-06T21:49:58.312Z',
      state: 'open',
      mood: 'curious',
      data: { any: [1, null, 'json'] },
      owner: '/leaves/1',
      leafLink: '/leaves/2',
      leaf,
      tags: [],
      holes: [1, null],
      linkOrLeaf: '/leaves/3',
      mapped: 'm',
    };
    expectTypeOf(node).toExtend<NodeOf<typeof Everything>>();
    const withExtra: NodeOf<typeof Leaf> = { '@type': 'Leaf', id: '/leaves/1', label: 'a', engagementScore: 0.8 };
    expectTypeOf(withExtra).toExtend<L>();
    const link: Link<'Leaf'> = '/leaves/1';
    expectTypeOf(link).toExtend<E['owner']>();
  });

  it('rejects wrong property types, a wrong @type and missing required properties', () => {
    // @ts-expect-error label is a string
    const wrong: NodeOf<typeof Leaf> = { '@type': 'Leaf', id: '/leaves/1', label: 42 };
    // @ts-expect-error @type is the literal term
    const otherType: NodeOf<typeof Leaf> = { '@type': 'Branch', id: '/leaves/1', label: 'a' };
    // @ts-expect-error label is required
    const missing: NodeOf<typeof Leaf> = { '@type': 'Leaf', id: '/leaves/1' };
    // @ts-expect-error a closed enumeration takes only its values
    const state: E['state'] = 'archived';
    // @ts-expect-error a non-nullable property takes no null
    const notNull: Pick<E, 'count'> = { count: null };
    // @ts-expect-error an optional property is absent, not undefined (exactOptionalPropertyTypes)
    const notUndefined: Pick<E, 'flag'> = { flag: undefined };
    expectTypeOf([wrong, otherType, missing, state, notNull, notUndefined]).toBeArray();
  });
});

describe('a definition named through DefType', () => {
  it('types its nodes, the nodes that embed or extend it and a registry exactly as the unnamed one', () => {
    const leaf = defineType({ type: 'Leaf', context: '/contexts/Leaf.jsonld', vocab: VOCAB, properties: { label: t.string(), state: t.enumeration(['a', 'b'] as const) } });
    interface LeafDef extends DefType<typeof leaf> {}
    const Named: LeafDef = leaf;
    expectTypeOf<NodeOf<LeafDef>>().toEqualTypeOf<NodeOf<typeof leaf>>();
    expectTypeOf<LeafDef['type']>().toEqualTypeOf<'Leaf'>();

    const properties = { leaf: t.node(Named), leaves: t.list(t.node(Named)).optional() };
    const Holder = defineType({ type: 'Holder', context: '/contexts/Holder.jsonld', vocab: VOCAB, properties });
    const UnnamedHolder = defineType({ type: 'Holder', context: '/contexts/Holder.jsonld', vocab: VOCAB, properties: { leaf: t.node(leaf), leaves: t.list(t.node(leaf)).optional() } });
    expectTypeOf<NodeOf<typeof Holder>>().toEqualTypeOf<NodeOf<typeof UnnamedHolder>>();
    expectTypeOf<NodeOf<typeof Holder>['leaf']['state']>().toEqualTypeOf<'a' | 'b'>();
    expectTypeOf<RegisteredDefs<typeof Holder>>().toEqualTypeOf<typeof Holder | LeafDef>();

    const Sub = defineType({ type: 'Sub', context: '/contexts/Sub.jsonld', extends: Named, properties: { extra: t.boolean() } });
    expectTypeOf<KnownNodeOf<typeof Sub>>().toEqualTypeOf<{ '@type': 'Sub'; '@context'?: ContextValue; id: string; label: string; state: 'a' | 'b'; extra: boolean }>();
    expectTypeOf<RegisteredDefs<typeof Sub>>().toEqualTypeOf<typeof Sub | LeafDef>();
  });
});
