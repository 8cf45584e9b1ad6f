/**
 * Type tests: what the decoded seed (a ConversationCollection) is typed as, down to its
 * conversation's embedded account, enumerations, links and actions.
 *
 * @module
 */
import type { Link, NodeOf, RegisteredDefs, Registry } from '@hyperld/core';
import type { ActionName, HydraTypes } from '@hyperld/hydra';
import { describe, expectTypeOf, it } from 'vitest';
import {
  ConversationCollection,
  textusRegistry,
  type Account,
  type AccountDef,
  type Conversation,
  type ConversationWithAccount,
  type ConversationWithAccountDef,
  type Message,
  type TextusTypes,
  type textusTypes,
} from '../index.js';

declare const body: string;
const page = textusRegistry.decodeAs(ConversationCollection, body, { base: 'https://api.textus.com/contacts/DQeeO69/conversations', strict: true });
type Member = NonNullable<(typeof page.members)[number]>;

describe('the decoded seed', () => {
  it('is a ConversationCollection whose members are ConversationWithAccount nodes', () => {
    expectTypeOf(page).toEqualTypeOf<NodeOf<typeof ConversationCollection>>();
    expectTypeOf(page['@type']).toEqualTypeOf<'ConversationCollection'>();
    expectTypeOf(page.members[0]).toEqualTypeOf<NodeOf<typeof ConversationWithAccount> | undefined>();
    expectTypeOf<Member>().toEqualTypeOf<NodeOf<typeof ConversationWithAccount>>();
    expectTypeOf<Member['@type']>().toEqualTypeOf<'ConversationWithAccount'>();
  });

  it('embeds the account as an Account node, not a link', () => {
    expectTypeOf<Member['account']>().toEqualTypeOf<NodeOf<typeof Account>>();
    expectTypeOf<Member['account']>().not.toExtend<string>();
    expectTypeOf<Member['account']['name']>().toEqualTypeOf<string>();
    // A plain Conversation's account may be either.
    expectTypeOf<NodeOf<typeof Conversation>['account']>().toEqualTypeOf<Link<'Account'> | NodeOf<typeof Account> | undefined>();
  });

  it('types currentState as the known states, and any other string', () => {
    expectTypeOf<'open'>().toExtend<Member['currentState']>();
    expectTypeOf<'closed'>().toExtend<Member['currentState']>();
    expectTypeOf<'archived'>().toExtend<Member['currentState']>();
    expectTypeOf<string>().toExtend<Member['currentState']>();
    expectTypeOf<Member['currentState']>().not.toExtend<number>();
  });

  it('types direction as in or out only', () => {
    type Latest = NonNullable<Member['latestPreviewableItem']>;
    expectTypeOf<Latest>().toEqualTypeOf<NodeOf<typeof Message>>();
    expectTypeOf<Latest['direction']>().toEqualTypeOf<'in' | 'out'>();
    expectTypeOf<'sideways'>().not.toExtend<Latest['direction']>();
  });

  it('types timeline as an optional link to a Timeline', () => {
    expectTypeOf(page.members[0]!.timeline).toEqualTypeOf<Link<'Timeline'> | undefined>();
    expectTypeOf<Member['nextScheduledMessage']>().toEqualTypeOf<NodeOf<typeof Message> | null>();
  });

  it('names the 11 conversation actions', () => {
    type Names =
      | 'readConversation'
      | 'unreadConversation'
      | 'starConversation'
      | 'unstarConversation'
      | 'reopenConversation'
      | 'closeConversation'
      | 'blockConversation'
      | 'unblockConversation'
      | 'subscribeConversation'
      | 'unsubscribeConversation'
      | 'assignContact';
    expectTypeOf<ActionName<NodeOf<typeof Conversation>>>().toEqualTypeOf<Names>();
    expectTypeOf<ActionName<Member>>().toEqualTypeOf<Names>();
    expectTypeOf<ActionName<NodeOf<typeof Message>>>().toEqualTypeOf<'retry'>();
  });
});

describe('textusRegistry', () => {
  it('holds what createRegistry registers for the TextUs and Hydra types, by name', () => {
    type Registered = RegisteredDefs<(typeof textusTypes)[number] | HydraTypes>;
    expectTypeOf<Registered>().toEqualTypeOf<TextusTypes>();
    expectTypeOf(textusRegistry).toEqualTypeOf<Registry<Registered>>();
    expectTypeOf(textusRegistry.get('ConversationWithAccount')).toEqualTypeOf<ConversationWithAccountDef>();
    expectTypeOf<typeof Account>().toEqualTypeOf<AccountDef>();
  });
});
