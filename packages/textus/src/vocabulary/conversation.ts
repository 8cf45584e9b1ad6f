/**
 * `Conversation` with its actions, `ConversationWithAccount` (as collections send it) and
 * `ConversationCollection`, a page of them.
 *
 * @module
 */
import { t, type DefType } from '@hyperld/core';
import { action, Collection } from '@hyperld/hydra';
import { Account } from './account.js';
import { membersOf, totalItems, view } from './collection.js';
import { Contact } from './contact.js';
import { ConversationUserInfo } from './conversation-user-info.js';
import { Message } from './message.js';
import { v } from './namespace.js';

const conversationActions = {
  readConversation: action({ method: 'PUT', returns: 'Conversation', description: 'PUT to mark the conversation read (always offered; the method says which way).' }),
  unreadConversation: action({ method: 'DELETE', returns: 'Conversation', description: 'DELETE to mark the conversation unread (always offered).' }),
  starConversation: action({ method: 'PUT', returns: 'Conversation', description: 'PUT to star the conversation (always offered).' }),
  unstarConversation: action({ method: 'DELETE', returns: 'Conversation', description: 'DELETE to unstar the conversation (always offered).' }),
  reopenConversation: action({ method: 'PUT', returns: 'Conversation', description: 'PUT to reopen; available when the conversation is closed or blocked.' }),
  closeConversation: action({ method: 'PUT', returns: 'Conversation', description: 'PUT to close; available when the conversation is open.' }),
  blockConversation: action({ method: 'PUT', returns: 'Conversation', description: 'PUT to block; available unless already blocked.' }),
  unblockConversation: action({ method: 'DELETE', returns: 'Conversation', description: 'DELETE to unblock; available when blocked.' }),
  subscribeConversation: action({ method: 'PUT', returns: 'Conversation', description: 'PUT to resubscribe the contact; available when unsubscribed.' }),
  unsubscribeConversation: action({ method: 'DELETE', returns: 'Conversation', description: 'DELETE to unsubscribe the contact; available when subscribed.' }),
};

const conversation = v.type('Conversation', {
  description: 'The thread of messages between an account and a phone number.',
  properties: {
    phoneNumber: t.string().describe('The contact phone number, E.164.'),
    formattedPhoneNumber: t.string().describe('The contact phone number, formatted.'),
    accountPhoneNumber: t.string().optional().describe('The account phone number, E.164.'),
    formattedAccountPhoneNumber: t.string().optional().describe('The account phone number, formatted.'),
    slug: t.string().describe('The conversation slug, used in its IRI.'),
    currentState: t.enumeration(['open', 'closed', 'blocked'] as const, { open: true }).describe('`open`, `closed` or `blocked` (open: new states may appear).'),
    unanswered: t.boolean().describe('Whether the last inbound message has no answer.'),
    unsubscribed: t.boolean().describe('Whether the contact has unsubscribed.'),
    blocked: t.boolean().describe('Whether the conversation is blocked.'),
    account: t.union(t.link('Account'), t.node(Account)).optional().describe('The account (a link here; embedded in ConversationWithAccount).'),
    latestPreviewableItem: t.node(Message).nullable().optional().describe('The latest message, embedded.'),
    requestingUserInfo: t.union(t.link(), t.node(ConversationUserInfo)).optional().describe('The requesting user view: embedded in lists, a link elsewhere.'),
    participants: t.link().optional().describe('The participants.'),
    assignedContact: t.node(Contact).nullable().optional().describe('The contact the conversation is assigned to, or null.'),
    associatedContacts: t.union(t.link(), t.node(Collection)).optional().describe('The associated contacts: a link, or an embedded contact collection.'),
    ...conversationActions,
    timeline: t.link('Timeline').optional().describe('The messages of the conversation.'),
    stats: t.link('ConversationStats').optional().describe('Statistics.'),
    assignments: t.link().optional().describe('The assignments.'),
    assignContact: action({ method: 'PUT', returns: 'Conversation', description: 'PUT a contact to assign the conversation to it.' }),
  },
});

/**
 * The type of {@link Conversation}, by name: declarations that embed or extend it refer to
 * `ConversationDef` instead of spelling out its properties again.
 *
 * @example
 * ```ts
 * import type { NodeOf } from '@hyperld/core';
 * import type { ConversationDef } from '@hyperld/textus';
 * type ConversationNode = NodeOf<ConversationDef>; // the same as NodeOf<typeof Conversation>
 * ```
 */
export interface ConversationDef extends DefType<typeof conversation> {}
/**
 * `Conversation`: the thread between an account and a phone number, with the actions a user may
 * take on it (a URL when available, `null` when not).
 *
 * @example
 * ```ts
 * import { declaredActions } from '@hyperld/hydra';
 * import { Conversation } from '@hyperld/textus';
 * declaredActions(Conversation).map(([name]) => name); // ['readConversation', …, 'unsubscribeConversation']
 * ```
 */
export const Conversation: ConversationDef = conversation;

const conversationWithAccount = v.type('ConversationWithAccount', {
  extends: Conversation,
  description: 'A conversation with its account embedded, as collections send it.',
  properties: {
    account: t.node(Account).describe('The account, embedded (only `id` and `name`).'),
    nextScheduledMessage: t.node(Message).nullable().describe('The next scheduled message, or null.'),
  },
});

/**
 * The type of {@link ConversationWithAccount}, by name: declarations that embed or extend it refer to
 * `ConversationWithAccountDef` instead of spelling out its properties again.
 *
 * @example
 * ```ts
 * import type { NodeOf } from '@hyperld/core';
 * import type { ConversationWithAccountDef } from '@hyperld/textus';
 * type ConversationWithAccountNode = NodeOf<ConversationWithAccountDef>; // the same as NodeOf<typeof ConversationWithAccount>
 * ```
 */
export interface ConversationWithAccountDef extends DefType<typeof conversationWithAccount> {}
/**
 * `ConversationWithAccount`: a conversation that embeds its account and its next scheduled
 * message, as lists send them.
 *
 * @example
 * ```ts
 * import { extendsType } from '@hyperld/core';
 * import { Conversation, ConversationWithAccount } from '@hyperld/textus';
 * extendsType(ConversationWithAccount, Conversation); // true
 * ```
 */
export const ConversationWithAccount: ConversationWithAccountDef = conversationWithAccount;

const conversationCollection = v.type('ConversationCollection', {
  extends: Collection,
  description: 'A page of conversations.',
  properties: { members: membersOf(t.node(ConversationWithAccount)), totalItems, view },
});

/**
 * The type of {@link ConversationCollection}, by name: declarations that embed or extend it refer to
 * `ConversationCollectionDef` instead of spelling out its properties again.
 *
 * @example
 * ```ts
 * import type { NodeOf } from '@hyperld/core';
 * import type { ConversationCollectionDef } from '@hyperld/textus';
 * type ConversationCollectionNode = NodeOf<ConversationCollectionDef>; // the same as NodeOf<typeof ConversationCollection>
 * ```
 */
export interface ConversationCollectionDef extends DefType<typeof conversationCollection> {}
/**
 * `ConversationCollection`: a page of conversations.
 *
 * @example
 * ```ts
 * import { ConversationCollection } from '@hyperld/textus';
 * ConversationCollection.context; // '/contexts/ConversationCollection.jsonld'
 * ```
 */
export const ConversationCollection: ConversationCollectionDef = conversationCollection;
