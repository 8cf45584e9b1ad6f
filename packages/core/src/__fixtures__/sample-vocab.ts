/**
 * A sample vocabulary shaped like the TextUs seed (collections, embedded nodes, links, nulls,
 * `@json`, open enumerations, a type extending another), used by core's own tests and benches
 * so that core is tested without depending on a higher layer.
 */
import { createRegistry, t, vocabulary } from '../index.js';

export const VOCAB = 'https://sample.example/vocab#';
const v = vocabulary({ vocab: VOCAB });

export const Account = v.type('Account', { properties: { name: t.string() } });

export const Attachments = v.type('hydra:Collection', {
  context: '/contexts/hydra:Collection.jsonld',
  properties: {
    members: t.list(t.anyNode()).mapTo('hydra:member'),
    totalItems: t.integer().mapTo('hydra:totalItems'),
    view: t.anyNode().optional().mapTo('hydra:view'),
  },
});

export const View = v.type('hydra:PartialCollectionView', {
  context: '/contexts/hydra:PartialCollectionView.jsonld',
  properties: {
    first: t.link().mapTo('hydra:first'),
    next: t.link().nullable().mapTo('hydra:next'),
    previous: t.link().nullable().mapTo('hydra:previous'),
  },
});

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
    attachments: t.node(Attachments),
    friendlyStateDescription: t.string(),
    retryAllowed: t.boolean(),
    retry: t.link('Message').nullable(),
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
    phones: t.union(t.link(), t.node(Attachments)),
    notes: t.union(t.link(), t.node(Attachments)),
    conversations: t.link('ConversationCollection'),
    data: t.json(),
    createdAt: t.dateTime(),
    formattedData: t.json(),
  },
});

export const Conversation = v.type('Conversation', {
  properties: {
    phoneNumber: t.string(),
    formattedPhoneNumber: t.string(),
    slug: t.string(),
    currentState: t.enumeration(['open', 'closed', 'blocked'] as const),
    unanswered: t.boolean(),
    unsubscribed: t.boolean(),
    blocked: t.boolean(),
    latestPreviewableItem: t.node(Message).nullable(),
    requestingUserInfo: t.union(t.link(), t.node(UserInfo)),
    participants: t.link(),
    assignedContact: t.node(Contact).nullable(),
    associatedContacts: t.union(t.link(), t.node(Attachments)),
    closeConversation: t.link('Conversation').nullable().optional(),
    reopenConversation: t.link('Conversation').nullable().optional(),
    timeline: t.link('Timeline'),
    stats: t.link(),
  },
});

export const ConversationWithAccount = v.type('ConversationWithAccount', {
  extends: Conversation,
  properties: { account: t.union(t.link('Account'), t.node(Account)), nextScheduledMessage: t.node(Message).nullable() },
});

export const ConversationCollection = v.type('ConversationCollection', {
  extends: Attachments,
  context: '/contexts/ConversationCollection.jsonld',
  properties: { members: t.list(t.node(ConversationWithAccount)).mapTo('hydra:member'), view: t.node(View).optional().mapTo('hydra:view') },
});

export const sampleRegistry = createRegistry({ types: [ConversationCollection, View, Phone] });
