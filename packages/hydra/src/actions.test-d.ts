import type { NodeOf } from '@hyperld/core';
import { describe, expectTypeOf, it } from 'vitest';
import type { Conversation, CONVERSATION_ACTIONS, ConversationCollection, ConversationWithAccount, Message } from './__fixtures__/conversations.js';
import { action, type ActionLink, type ActionName, type ActionSpecOf } from './actions.js';

type ConversationNode = NodeOf<typeof Conversation>;
type Declared = (typeof CONVERSATION_ACTIONS)[number];

describe('ActionName', () => {
  it('is exactly the union of the declared action names', () => {
    expectTypeOf<ActionName<ConversationNode>>().toEqualTypeOf<
      | 'readConversation'
      | 'unreadConversation'
      | 'starConversation'
      | 'unstarConversation'
      | 'closeConversation'
      | 'reopenConversation'
      | 'blockConversation'
      | 'unblockConversation'
      | 'subscribeConversation'
      | 'unsubscribeConversation'
      | 'assignContact'
    >();
    expectTypeOf<ActionName<ConversationNode>>().toEqualTypeOf<Declared>();
  });

  it('excludes plain links, strings, nodes and undeclared keys', () => {
    expectTypeOf<'timeline'>().not.toExtend<ActionName<ConversationNode>>();
    expectTypeOf<'participants'>().not.toExtend<ActionName<ConversationNode>>();
    expectTypeOf<'stats'>().not.toExtend<ActionName<ConversationNode>>();
    expectTypeOf<'slug'>().not.toExtend<ActionName<ConversationNode>>();
    expectTypeOf<'blocked'>().not.toExtend<ActionName<ConversationNode>>();
    expectTypeOf<'latestPreviewableItem'>().not.toExtend<ActionName<ConversationNode>>();
    expectTypeOf<'id'>().not.toExtend<ActionName<ConversationNode>>();
  });

  it('includes inherited actions and is empty for a type that declares none', () => {
    expectTypeOf<ActionName<NodeOf<typeof ConversationWithAccount>>>().toEqualTypeOf<Declared>();
    expectTypeOf<ActionName<NodeOf<typeof Message>>>().toEqualTypeOf<'retry'>();
    expectTypeOf<ActionName<NodeOf<typeof ConversationCollection>>>().toEqualTypeOf<never>();
  });
});

describe('ActionSpecOf', () => {
  it('gives the method and returned type as literals', () => {
    expectTypeOf<ActionSpecOf<ConversationNode['closeConversation']>['method']>().toEqualTypeOf<'PUT'>();
    expectTypeOf<ActionSpecOf<ConversationNode['unreadConversation']>['method']>().toEqualTypeOf<'DELETE'>();
    expectTypeOf<ActionSpecOf<ConversationNode['unblockConversation']>['method']>().toEqualTypeOf<'DELETE'>();
    expectTypeOf<ActionSpecOf<ConversationNode['readConversation']>['returns']>().toEqualTypeOf<'Conversation'>();
    expectTypeOf<ActionSpecOf<ConversationNode['assignContact']>['expects']>().toEqualTypeOf<'Contact'>();
    expectTypeOf<ActionSpecOf<NodeOf<typeof Message>['retry']>['method']>().toEqualTypeOf<'POST'>();
  });

  it('is never for a property that is no action', () => {
    expectTypeOf<ActionSpecOf<ConversationNode['timeline']>>().toBeNever();
    expectTypeOf<ActionSpecOf<ConversationNode['slug']>>().toBeNever();
    expectTypeOf<ActionSpecOf<string | null>>().toBeNever();
  });

  it('types an action property as a nullable, optional link that a plain string satisfies', () => {
    const kind = action({ method: 'PUT', returns: 'Conversation' });
    type Value = typeof kind.__value;
    expectTypeOf<Value>().toEqualTypeOf<ActionLink<{ readonly method: 'PUT'; readonly returns: 'Conversation' }> | null>();
    expectTypeOf<'/conversations/1/close'>().toExtend<ConversationNode['closeConversation']>();
    expectTypeOf<null>().toExtend<ConversationNode['closeConversation']>();
    expectTypeOf<undefined>().toExtend<ConversationNode['closeConversation']>();
    expectTypeOf<number>().not.toExtend<ConversationNode['closeConversation']>();
  });
});
