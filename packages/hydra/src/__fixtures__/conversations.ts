/**
 * A test vocabulary shaped like the TextUs seed (test/fixtures/000_bd34847030ad49a7.txt), built
 * on hydra's own `Collection` and `PartialCollectionView` and declaring the conversation actions
 * with `action()`, so that hydra is tested without depending on `@hyperld/textus`.
 *
 * @module
 */
import { contextDocument, createRegistry, t, vocabulary } from '@hyperld/core';
import { action } from '../actions.js';
import { Collection, hydraTypes, PartialCollectionView } from '../vocabulary.js';

export const VOCAB = 'https://textus.example/vocab#';

/** The URL the seed response was fetched from. */
export const SEED_BASE = 'https://api.textus.example/contacts/DQeeO69/conversations';

/** The context TextUs gives plain embedded collections (`@type` `hydra:Collection`). */
export const COLLECTION_CONTEXT = '/contexts/hydra:Collection.jsonld';
/** The context TextUs gives page views. */
export const VIEW_CONTEXT = '/contexts/hydra:PartialCollectionView.jsonld';

const v = vocabulary({ vocab: VOCAB });

const members = <K extends ReturnType<typeof t.anyNode> | ReturnType<typeof t.node>>(item: K) => t.list(item).mapTo('hydra:member');
const totalItems = t.integer().mapTo('hydra:totalItems');
const view = t.node(PartialCollectionView).optional().mapTo('hydra:view');

/** A plain collection as TextUs embeds it: `members`, at the shared collection context. */
export const PlainCollection = v.type('PlainCollection', {
  extends: Collection,
  context: COLLECTION_CONTEXT,
  properties: { members: members(t.anyNode()), totalItems },
});

export const Account = v.type('Account', { properties: { name: t.string() } });

export const Message = v.type('Message', {
  properties: {
    direction: t.enumeration(['in', 'out'] as const),
    body: t.string(),
    formattedBody: t.string(),
    deliveryState: t.enumeration(['created', 'received', 'queued', 'delivered', 'failed'] as const, { open: true }),
    displayTimestamp: t.dateTime(),
    timelinePosition: t.dateTime(),
    conversation: t.link('Conversation'),
    sender: t.link('User').nullable(),
    attachments: t.node(Collection),
    friendlyStateDescription: t.string(),
    retryAllowed: t.boolean(),
    retry: action({ method: 'POST', returns: 'Message', status: 202 }),
    latestEventAt: t.dateTime(),
    flags: t.list(t.string()),
    source: t.string(),
  },
});

export const UserInfo = v.type('ConversationUserInfo', {
  properties: { read: t.boolean(), readToTimelinePosition: t.dateTime().nullable(), starred: t.boolean(), assigned: t.boolean() },
});

export const Phone = v.type('ContactPhone', {
  properties: {
    phoneNumber: t.string(),
    formattedPhoneNumber: t.string(),
    extension: t.string().nullable(),
    type: t.string(),
    deliverabilityStatus: t.string(),
    contact: t.link('Contact'),
  },
});

export const Contact = v.type('Contact', {
  properties: {
    name: t.string(),
    firstName: t.string().nullable(),
    lastName: t.string().nullable(),
    phones: t.union(t.link(), t.node(Collection)),
    notes: t.union(t.link(), t.node(Collection)),
    conversations: t.link('ConversationCollection'),
    data: t.json(),
    createdAt: t.dateTime(),
    formattedData: t.json(),
  },
});

/** The names of the conversation actions, in declaration order. */
export const CONVERSATION_ACTIONS = [
  'readConversation',
  'unreadConversation',
  'starConversation',
  'unstarConversation',
  'closeConversation',
  'reopenConversation',
  'blockConversation',
  'unblockConversation',
  'subscribeConversation',
  'unsubscribeConversation',
  'assignContact',
] as const;

export const Conversation = v.type('Conversation', {
  properties: {
    phoneNumber: t.string(),
    formattedPhoneNumber: t.string(),
    slug: t.string(),
    currentState: t.enumeration(['open', 'closed', 'blocked'] as const, { open: true }),
    unanswered: t.boolean(),
    unsubscribed: t.boolean(),
    blocked: t.boolean(),
    latestPreviewableItem: t.node(Message).nullable(),
    requestingUserInfo: t.union(t.link(), t.node(UserInfo)),
    participants: t.link(),
    assignedContact: t.node(Contact).nullable(),
    associatedContacts: t.union(t.link(), t.node(Collection)),
    readConversation: action({ method: 'PUT', returns: 'Conversation' }),
    unreadConversation: action({ method: 'DELETE', returns: 'Conversation' }),
    starConversation: action({ method: 'PUT', returns: 'Conversation' }),
    unstarConversation: action({ method: 'DELETE', returns: 'Conversation' }),
    closeConversation: action({ method: 'PUT', returns: 'Conversation' }),
    reopenConversation: action({ method: 'PUT', returns: 'Conversation' }),
    blockConversation: action({ method: 'PUT', returns: 'Conversation' }),
    unblockConversation: action({ method: 'DELETE', returns: 'Conversation' }),
    subscribeConversation: action({ method: 'PUT', returns: 'Conversation' }),
    unsubscribeConversation: action({ method: 'DELETE', returns: 'Conversation' }),
    assignContact: action({ method: 'PUT', returns: 'Conversation', expects: 'Contact', description: 'Assigns a contact to the conversation.' }),
    timeline: t.link('Timeline'),
    stats: t.link(),
    assignments: t.link().optional(),
  },
});

export const ConversationWithAccount = v.type('ConversationWithAccount', {
  extends: Conversation,
  properties: { account: t.union(t.link('Account'), t.node(Account)), nextScheduledMessage: t.node(Message).nullable() },
});

/** A page of conversations: hydra's `Collection` whose members TextUs calls `members`. */
export const ConversationCollection = v.type('ConversationCollection', {
  extends: Collection,
  properties: { members: members(t.node(ConversationWithAccount)), totalItems, view },
});

/** The test registry: the conversation vocabulary, the Hydra types and TextUs's view context. */
export const conversationRegistry = createRegistry({
  types: [ConversationCollection, PlainCollection, Phone, ...hydraTypes],
  contexts: { [VIEW_CONTEXT]: contextDocument([PartialCollectionView]) },
});

/** The JSON body of the seed response (the text after the line `Example Body`), as `@hyperld/fixtures` reads it. */
export { seedBodyText as seedText } from '@hyperld/fixtures';
