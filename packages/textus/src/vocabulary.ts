/**
 * The TextUs conversation vocabulary: every type of `textus-vocabulary.md` as a hyperld type,
 * with its links, embedded nodes, nullable values, enumerations, free-form JSON and lists, the
 * properties that are a link in one response and an embedded node in another, and the
 * conversation actions with their methods.
 *
 * Enumerations: `Message.direction` is closed (a message is inbound or outbound, nothing else);
 * every other enumeration (`currentState`, `deliveryState`) is open, because the API is known to
 * add values and one new value must not make a whole page fail to decode. Open enumerations still
 * type their known values.
 *
 * Each definition is built under a local name, named by an interface (`ConversationDef`, see
 * `DefType` in `@hyperld/core`) and exported as that type, so that declarations refer to it by
 * name where other definitions embed or extend it, instead of spelling it out again each time:
 * the published declarations stay small and quick to type-check.
 *
 * @module
 */
import { contextDocument, createRegistry, t, vocabulary, type DefType, type Registry } from '@hyperld/core';
import { action, Collection, hydraTypes, PartialCollectionView, type HydraTypes } from '@hyperld/hydra';

/**
 * The media type TextUs speaks, in `Accept` and in the `Content-Type` of request bodies.
 *
 * @example
 * ```ts
 * import { TEXTUS_MEDIA_TYPE } from '@hyperld/textus';
 * declare const token: string;
 * await fetch('http://127.0.0.1:8080/conversations/Pvwqm5G/close', { method: 'PUT', headers: { accept: TEXTUS_MEDIA_TYPE, authorization: `Bearer ${token}` } });
 * ```
 */
export const TEXTUS_MEDIA_TYPE = 'application/vnd.textus+jsonld';

/**
 * The vocabulary IRI of the generated contexts. TextUs does not publish one; this IRI is ours and
 * only names the terms (nothing is fetched from it).
 *
 * @example
 * ```ts
 * import { Conversation, TEXTUS_VOCAB } from '@hyperld/textus';
 * Conversation.iri === `${TEXTUS_VOCAB}Conversation`; // true
 * ```
 */
export const TEXTUS_VOCAB = 'https://api.textus.com/vocab#';

/**
 * The context URL TextUs gives embedded plain collections (`@type` `hydra:Collection`, or e.g. `ContactCollection`).
 *
 * @example
 * ```ts
 * import { membersOf } from '@hyperld/hydra';
 * import { COLLECTION_CONTEXT, textusRegistry } from '@hyperld/textus';
 * const phones = textusRegistry.decode({ '@context': COLLECTION_CONTEXT, '@type': 'hydra:Collection', id: '/contacts/DQeeO69/phones', members: [], totalItems: 0 });
 * membersOf(phones); // []: under this context `members` is hydra:member
 * ```
 */
export const COLLECTION_CONTEXT = '/contexts/hydra:Collection.jsonld';

/**
 * The context URL TextUs gives a collection's `view`.
 *
 * @example
 * ```ts
 * import { textusRegistry, VIEW_CONTEXT } from '@hyperld/textus';
 * textusRegistry.context(VIEW_CONTEXT)?.['@context']; // the generated context of hydra:PartialCollectionView
 * ```
 */
export const VIEW_CONTEXT = '/contexts/hydra:PartialCollectionView.jsonld';

const v = vocabulary({ vocab: TEXTUS_VOCAB });

/** `members` as TextUs spells `hydra:member`. */
const membersOf = <K extends ReturnType<typeof t.anyNode> | ReturnType<typeof t.node>>(item: K) =>
  t.list(item).mapTo('hydra:member').describe('The members of this page.');
const totalItems = t.integer().mapTo('hydra:totalItems').describe('How many members the collection has, as the server counts them.');
const view = t.node(PartialCollectionView).optional().mapTo('hydra:view').describe('This page and links to its neighbours; absent when the collection is not paged.');

const account = v.type('Account', {
  description: 'A messaging account (a phone line shared by its users).',
  properties: {
    name: t.string().describe('The account name.'),
    slug: t.string().optional().describe('The account slug, used in its IRI.'),
    type: t.string().optional().describe('The kind of account (e.g. `standard`).'),
    logo: t.string().nullable().optional().describe('The logo URL, or null.'),
    phoneNumbers: t.list(t.string()).optional().describe('The account phone numbers, E.164.'),
    effectiveRole: t.string().optional().describe('The requesting user role in this account.'),
    multiUser: t.boolean().optional().describe('Whether several users share the account.'),
    messagingRestricted: t.boolean().optional().describe('Whether messaging is restricted.'),
    settings: t.json().optional().describe('Free-form settings.'),
    featureFlags: t.json().optional().describe('Free-form feature flags.'),
    contacts: t.link().optional().describe('The account contacts.'),
    conversationFilters: t.link().optional().describe('The saved inbox views.'),
    contactFilters: t.link().optional().describe('The saved contact views.'),
    users: t.link().optional().describe('The account users.'),
    sendMessages: t.link().optional().describe('Where to POST messages to send.'),
    scheduleMessages: t.link().optional().describe('Where to POST messages to schedule.'),
  },
});

/**
 * The type of {@link Account}, by name: declarations that embed or extend it refer to
 * `AccountDef` instead of spelling out its properties again.
 *
 * @example
 * ```ts
 * import type { NodeOf } from '@hyperld/core';
 * import type { AccountDef } from '@hyperld/textus';
 * type AccountNode = NodeOf<AccountDef>; // the same as NodeOf<typeof Account>
 * ```
 */
export interface AccountDef extends DefType<typeof account> {}
/**
 * `Account`: a messaging account. Embedded in a conversation it carries only `id` and `name`,
 * so everything else is optional.
 *
 * @example
 * ```ts
 * import type { NodeOf } from '@hyperld/core';
 * import { Account } from '@hyperld/textus';
 * const a: NodeOf<typeof Account> = { '@type': 'Account', '@context': '/contexts/Account.jsonld', id: '/accounts/my_account', name: 'Example Account' };
 * ```
 */
export const Account: AccountDef = account;

const membership = v.type('Membership', {
  description: 'A user membership of an account, with a role.',
  properties: {
    role: t.string().describe('The role (e.g. `admin`, `member`).'),
    user: t.link('User').describe('The member.'),
    account: t.node(Account).describe('The account.'),
  },
});

/**
 * The type of {@link Membership}, by name: declarations that embed or extend it refer to
 * `MembershipDef` instead of spelling out its properties again.
 *
 * @example
 * ```ts
 * import type { NodeOf } from '@hyperld/core';
 * import type { MembershipDef } from '@hyperld/textus';
 * type MembershipNode = NodeOf<MembershipDef>; // the same as NodeOf<typeof Membership>
 * ```
 */
export interface MembershipDef extends DefType<typeof membership> {}
/**
 * `Membership`: a user role in an account.
 *
 * @example
 * ```ts
 * import { Membership } from '@hyperld/textus';
 * Membership.type; // 'Membership'
 * ```
 */
export const Membership: MembershipDef = membership;

const user = v.type('User', {
  description: 'A person, or an automated actor, who uses TextUs.',
  properties: {
    name: t.string().describe('The full name.'),
    firstName: t.string().nullable().optional().describe('The first name.'),
    lastName: t.string().nullable().optional().describe('The last name.'),
    email: t.string().optional().describe('The email address.'),
    avatar: t.string().nullable().optional().describe('The avatar URL, or null.'),
    automatedActor: t.boolean().optional().describe('Whether the user is a bot.'),
    hasPassword: t.boolean().optional().describe('Whether the user has set a password.'),
    discarded: t.boolean().optional().describe('Whether the user was removed.'),
    settings: t.json().optional().describe('Free-form settings, e.g. `{"customSettings": {}}`.'),
    memberships: t.union(t.link(), t.node(Collection)).optional().describe('The memberships: a link, or an embedded collection of Membership.'),
  },
});

/**
 * The type of {@link User}, by name: declarations that embed or extend it refer to
 * `UserDef` instead of spelling out its properties again.
 *
 * @example
 * ```ts
 * import type { NodeOf } from '@hyperld/core';
 * import type { UserDef } from '@hyperld/textus';
 * type UserNode = NodeOf<UserDef>; // the same as NodeOf<typeof User>
 * ```
 */
export interface UserDef extends DefType<typeof user> {}
/**
 * `User`: a person (or an automated actor) who sends messages.
 *
 * @example
 * ```ts
 * import { User } from '@hyperld/textus';
 * User.context; // '/contexts/User.jsonld'
 * ```
 */
export const User: UserDef = user;

const contactPhone = v.type('ContactPhone', {
  description: 'A phone number of a contact.',
  properties: {
    phoneNumber: t.string().describe('The number, E.164.'),
    formattedPhoneNumber: t.string().describe('The number, formatted for people.'),
    extension: t.string().nullable().describe('The extension, or null.'),
    type: t.string().describe('The kind of phone (e.g. `Mobile`).'),
    deliverabilityStatus: t.string().describe('Whether messages reach it (e.g. `unknown`).'),
    contact: t.link('Contact').describe('The contact.'),
  },
});

/**
 * The type of {@link ContactPhone}, by name: declarations that embed or extend it refer to
 * `ContactPhoneDef` instead of spelling out its properties again.
 *
 * @example
 * ```ts
 * import type { NodeOf } from '@hyperld/core';
 * import type { ContactPhoneDef } from '@hyperld/textus';
 * type ContactPhoneNode = NodeOf<ContactPhoneDef>; // the same as NodeOf<typeof ContactPhone>
 * ```
 */
export interface ContactPhoneDef extends DefType<typeof contactPhone> {}
/**
 * `ContactPhone`: a phone number of a contact.
 *
 * @example
 * ```ts
 * import { ContactPhone } from '@hyperld/textus';
 * ContactPhone.properties.extension.isNullable; // true
 * ```
 */
export const ContactPhone: ContactPhoneDef = contactPhone;

const contactNote = v.type('ContactNote', {
  description: 'A note a user wrote about a contact.',
  properties: {
    content: t.string().describe('The text.'),
    createdAt: t.dateTime().describe('When it was written.'),
    updatedAt: t.dateTime().describe('When it was last changed.'),
    user: t.node(User).describe('Who wrote it.'),
    contact: t.link('Contact').describe('The contact.'),
  },
});

/**
 * The type of {@link ContactNote}, by name: declarations that embed or extend it refer to
 * `ContactNoteDef` instead of spelling out its properties again.
 *
 * @example
 * ```ts
 * import type { NodeOf } from '@hyperld/core';
 * import type { ContactNoteDef } from '@hyperld/textus';
 * type ContactNoteNode = NodeOf<ContactNoteDef>; // the same as NodeOf<typeof ContactNote>
 * ```
 */
export interface ContactNoteDef extends DefType<typeof contactNote> {}
/**
 * `ContactNote`: a note a user wrote about a contact.
 *
 * @example
 * ```ts
 * import { ContactNote } from '@hyperld/textus';
 * ContactNote.type; // 'ContactNote'
 * ```
 */
export const ContactNote: ContactNoteDef = contactNote;

const contactNoteCollection = v.type('ContactNoteCollection', {
  extends: Collection,
  context: COLLECTION_CONTEXT,
  description: 'The notes of a contact.',
  properties: { members: membersOf(t.node(ContactNote)), totalItems, view },
});

/**
 * The type of {@link ContactNoteCollection}, by name: declarations that embed or extend it refer to
 * `ContactNoteCollectionDef` instead of spelling out its properties again.
 *
 * @example
 * ```ts
 * import type { NodeOf } from '@hyperld/core';
 * import type { ContactNoteCollectionDef } from '@hyperld/textus';
 * type ContactNoteCollectionNode = NodeOf<ContactNoteCollectionDef>; // the same as NodeOf<typeof ContactNoteCollection>
 * ```
 */
export interface ContactNoteCollectionDef extends DefType<typeof contactNoteCollection> {}
/**
 * `ContactNoteCollection`: the notes of a contact.
 *
 * @example
 * ```ts
 * import { ContactNoteCollection } from '@hyperld/textus';
 * ContactNoteCollection.context; // '/contexts/hydra:Collection.jsonld'
 * ```
 */
export const ContactNoteCollection: ContactNoteCollectionDef = contactNoteCollection;

const contact = v.type('Contact', {
  description: 'A person the account messages.',
  properties: {
    name: t.string().nullable().describe('The full name.'),
    firstName: t.string().nullable().optional().describe('The first name.'),
    lastName: t.string().nullable().optional().describe('The last name.'),
    phones: t.union(t.link(), t.node(Collection)).optional().describe('The phones: an embedded collection of ContactPhone, or a link.'),
    notes: t.union(t.link('ContactNoteCollection'), t.node(Collection)).optional().describe('The notes: a link, or an embedded collection of ContactNote.'),
    conversations: t.link('ConversationCollection').optional().describe('The conversations with this contact.'),
    data: t.json().optional().describe('Free-form data, often `{}`.'),
    createdAt: t.dateTime().optional().describe('When the contact was created.'),
    formattedData: t.json().optional().describe('Free-form data formatted for people, often `{}`.'),
  },
});

/**
 * The type of {@link Contact}, by name: declarations that embed or extend it refer to
 * `ContactDef` instead of spelling out its properties again.
 *
 * @example
 * ```ts
 * import type { NodeOf } from '@hyperld/core';
 * import type { ContactDef } from '@hyperld/textus';
 * type ContactNode = NodeOf<ContactDef>; // the same as NodeOf<typeof Contact>
 * ```
 */
export interface ContactDef extends DefType<typeof contact> {}
/**
 * `Contact`: a person TextUs users message.
 *
 * @example
 * ```ts
 * import { Contact } from '@hyperld/textus';
 * Contact.properties.data.spec.tag; // 'json'
 * ```
 */
export const Contact: ContactDef = contact;

const contactCollection = v.type('ContactCollection', {
  extends: Collection,
  context: COLLECTION_CONTEXT,
  description: 'A collection of contacts.',
  properties: { members: membersOf(t.node(Contact)), totalItems, view },
});

/**
 * The type of {@link ContactCollection}, by name: declarations that embed or extend it refer to
 * `ContactCollectionDef` instead of spelling out its properties again.
 *
 * @example
 * ```ts
 * import type { NodeOf } from '@hyperld/core';
 * import type { ContactCollectionDef } from '@hyperld/textus';
 * type ContactCollectionNode = NodeOf<ContactCollectionDef>; // the same as NodeOf<typeof ContactCollection>
 * ```
 */
export interface ContactCollectionDef extends DefType<typeof contactCollection> {}
/**
 * `ContactCollection`: contacts, as embedded in a conversation (its context is the plain
 * `/contexts/hydra:Collection.jsonld`, not one of its own).
 *
 * @example
 * ```ts
 * import { ContactCollection } from '@hyperld/textus';
 * ContactCollection.context; // '/contexts/hydra:Collection.jsonld'
 * ```
 */
export const ContactCollection: ContactCollectionDef = contactCollection;

const message = v.type('Message', {
  description: 'An inbound or outbound message of a conversation.',
  properties: {
    direction: t.enumeration(['in', 'out'] as const).describe('`in` for received, `out` for sent.'),
    body: t.string().describe('The text.'),
    formattedBody: t.string().describe('The text as HTML.'),
    deliveryState: t
      .enumeration(['created', 'received', 'scheduled', 'queued', 'dispatched', 'delivered', 'failed_transient', 'unknown', 'failed'] as const, { open: true })
      .describe('Where delivery stands (open: new states may appear).'),
    displayTimestamp: t.dateTime().describe('The time shown for it.'),
    timelinePosition: t.dateTime().describe('Its position in the conversation timeline.'),
    conversation: t.link('Conversation').describe('The conversation.'),
    sender: t.link('User').nullable().describe('The user who sent it; null for inbound messages.'),
    attachments: t.node(Collection).describe('The attachments, an embedded collection.'),
    friendlyStateDescription: t.string().describe('The delivery state for people.'),
    retryAllowed: t.boolean().describe('Whether a failed message may be retried.'),
    retry: action({ method: 'POST', status: 202, description: 'POST to retry sending; answers 202 with no body.' }),
    latestEventAt: t.dateTime().describe('When its delivery state last changed (with milliseconds).'),
    flags: t.list(t.string()).describe('Flags such as `scheduled`.'),
    source: t.string().describe('What produced it (e.g. `textus`).'),
  },
});

/**
 * The type of {@link Message}, by name: declarations that embed or extend it refer to
 * `MessageDef` instead of spelling out its properties again.
 *
 * @example
 * ```ts
 * import type { NodeOf } from '@hyperld/core';
 * import type { MessageDef } from '@hyperld/textus';
 * type MessageNode = NodeOf<MessageDef>; // the same as NodeOf<typeof Message>
 * ```
 */
export interface MessageDef extends DefType<typeof message> {}
/**
 * `Message`: an inbound or outbound message.
 *
 * @example
 * ```ts
 * import { Message } from '@hyperld/textus';
 * Message.properties.retry.annotations['hydra:action']; // { method: 'POST', status: 202 }
 * ```
 */
export const Message: MessageDef = message;

const conversationUserInfo = v.type('ConversationUserInfo', {
  description: 'What the requesting user has done with a conversation.',
  properties: {
    read: t.boolean().describe('Whether the user has read it.'),
    readToTimelinePosition: t.dateTime().nullable().describe('How far the user has read, or null.'),
    starred: t.boolean().describe('Whether the user starred it.'),
    assigned: t.boolean().describe('Whether it is assigned to the user.'),
  },
});

/**
 * The type of {@link ConversationUserInfo}, by name: declarations that embed or extend it refer to
 * `ConversationUserInfoDef` instead of spelling out its properties again.
 *
 * @example
 * ```ts
 * import type { NodeOf } from '@hyperld/core';
 * import type { ConversationUserInfoDef } from '@hyperld/textus';
 * type ConversationUserInfoNode = NodeOf<ConversationUserInfoDef>; // the same as NodeOf<typeof ConversationUserInfo>
 * ```
 */
export interface ConversationUserInfoDef extends DefType<typeof conversationUserInfo> {}
/**
 * `ConversationUserInfo`: the requesting user's view of a conversation.
 *
 * @example
 * ```ts
 * import { ConversationUserInfo } from '@hyperld/textus';
 * ConversationUserInfo.properties.readToTimelinePosition.isNullable; // true
 * ```
 */
export const ConversationUserInfo: ConversationUserInfoDef = conversationUserInfo;

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

const timeline = v.type('Timeline', {
  extends: Collection,
  description: 'The messages of a conversation, newest first, paged.',
  properties: {
    latestPosition: t.dateTime().nullable().describe('The position of the latest message.'),
    totalItems,
    members: membersOf(t.node(Message)),
    view,
  },
});

/**
 * The type of {@link Timeline}, by name: declarations that embed or extend it refer to
 * `TimelineDef` instead of spelling out its properties again.
 *
 * @example
 * ```ts
 * import type { NodeOf } from '@hyperld/core';
 * import type { TimelineDef } from '@hyperld/textus';
 * type TimelineNode = NodeOf<TimelineDef>; // the same as NodeOf<typeof Timeline>
 * ```
 */
export interface TimelineDef extends DefType<typeof timeline> {}
/**
 * `Timeline`: the messages of a conversation, paged.
 *
 * @example
 * ```ts
 * import { Timeline } from '@hyperld/textus';
 * Timeline.properties.latestPosition.spec.tag; // 'dateTime'
 * ```
 */
export const Timeline: TimelineDef = timeline;

const conversationStats = v.type('ConversationStats', {
  description: 'Statistics of a conversation.',
  properties: {
    conversationStartedAt: t.dateTime().describe('When the first message was exchanged.'),
    engagement: t.string().describe('A letter grade such as `C`.'),
    outboundDelivered: t.number().describe('How many outbound messages were delivered.'),
  },
});

/**
 * The type of {@link ConversationStats}, by name: declarations that embed or extend it refer to
 * `ConversationStatsDef` instead of spelling out its properties again.
 *
 * @example
 * ```ts
 * import type { NodeOf } from '@hyperld/core';
 * import type { ConversationStatsDef } from '@hyperld/textus';
 * type ConversationStatsNode = NodeOf<ConversationStatsDef>; // the same as NodeOf<typeof ConversationStats>
 * ```
 */
export interface ConversationStatsDef extends DefType<typeof conversationStats> {}
/**
 * `ConversationStats`: statistics of a conversation.
 *
 * @example
 * ```ts
 * import { ConversationStats } from '@hyperld/textus';
 * ConversationStats.type; // 'ConversationStats'
 * ```
 */
export const ConversationStats: ConversationStatsDef = conversationStats;

const conversationAssignment = v.type('ConversationAssignment', {
  description: 'An assignment of a conversation to a user.',
  properties: {
    assignee: t.node(User).describe('The user it is assigned to.'),
    assigner: t.link('User').describe('The user who assigned it.'),
  },
});

/**
 * The type of {@link ConversationAssignment}, by name: declarations that embed or extend it refer to
 * `ConversationAssignmentDef` instead of spelling out its properties again.
 *
 * @example
 * ```ts
 * import type { NodeOf } from '@hyperld/core';
 * import type { ConversationAssignmentDef } from '@hyperld/textus';
 * type ConversationAssignmentNode = NodeOf<ConversationAssignmentDef>; // the same as NodeOf<typeof ConversationAssignment>
 * ```
 */
export interface ConversationAssignmentDef extends DefType<typeof conversationAssignment> {}
/**
 * `ConversationAssignment`: who assigned a conversation to whom.
 *
 * @example
 * ```ts
 * import { ConversationAssignment } from '@hyperld/textus';
 * ConversationAssignment.type; // 'ConversationAssignment'
 * ```
 */
export const ConversationAssignment: ConversationAssignmentDef = conversationAssignment;

const batch = (method: 'PUT' | 'DELETE', what: string) =>
  action({ method, description: `${method} to ${what} every conversation of the view modified before the URL's \`modified_before\` parameter (names inferred).` });

const conversationFilter = v.type('ConversationFilter', {
  description: 'A saved inbox view, with batch actions over its conversations.',
  properties: {
    slug: t.string().describe('The view slug.'),
    title: t.string().describe('The view title.'),
    unreadCount: t.integer().describe('Unread conversations in the view.'),
    totalCount: t.integer().describe('Conversations in the view.'),
    conversations: t.link('ConversationCollection').describe('The conversations of the view.'),
    closeConversations: batch('PUT', 'close'),
    reopenConversations: batch('PUT', 'reopen'),
    readConversations: batch('PUT', 'mark read'),
    unreadConversations: batch('DELETE', 'mark unread'),
    starConversations: batch('PUT', 'star'),
    unstarConversations: batch('DELETE', 'unstar'),
    assignConversations: batch('PUT', 'assign'),
    unassignConversations: batch('DELETE', 'unassign'),
  },
});

/**
 * The type of {@link ConversationFilter}, by name: declarations that embed or extend it refer to
 * `ConversationFilterDef` instead of spelling out its properties again.
 *
 * @example
 * ```ts
 * import type { NodeOf } from '@hyperld/core';
 * import type { ConversationFilterDef } from '@hyperld/textus';
 * type ConversationFilterNode = NodeOf<ConversationFilterDef>; // the same as NodeOf<typeof ConversationFilter>
 * ```
 */
export interface ConversationFilterDef extends DefType<typeof conversationFilter> {}
/**
 * `ConversationFilter`: a saved inbox view with batch actions.
 *
 * @example
 * ```ts
 * import { ConversationFilter } from '@hyperld/textus';
 * ConversationFilter.type; // 'ConversationFilter'
 * ```
 */
export const ConversationFilter: ConversationFilterDef = conversationFilter;

/**
 * Every TextUs type.
 *
 * @example
 * ```ts
 * import { textusTypes } from '@hyperld/textus';
 * textusTypes.length;
 * ```
 */
export const textusTypes = [
  ConversationCollection,
  Conversation,
  ConversationWithAccount,
  ConversationUserInfo,
  Message,
  Account,
  User,
  Membership,
  Contact,
  ContactCollection,
  ContactPhone,
  ContactNote,
  ContactNoteCollection,
  Timeline,
  ConversationStats,
  ConversationAssignment,
  ConversationFilter,
] as const;

/**
 * Any definition of {@link textusRegistry}, and so of the TextUs client: every TextUs type and
 * every Hydra type, as a union that narrows on `type`.
 *
 * @example
 * ```ts
 * import type { AnyNodeOf } from '@hyperld/core';
 * import type { TextusTypes } from '@hyperld/textus';
 * import { textus, type Client } from '@hyperld/textus/client';
 * const client: Client<TextusTypes> = textus({ baseUrl: 'http://127.0.0.1:8080', token: 'u_demo.secret' });
 * declare const node: AnyNodeOf<TextusTypes>;
 * if (node['@type'] === 'Conversation') console.log(node.currentState);
 * ```
 */
export type TextusTypes = (typeof textusTypes)[number] | HydraTypes;

/**
 * The registry of the TextUs vocabulary (with the Hydra types it builds on): decode, encode and
 * the context document of every context URL TextUs uses.
 *
 * @example
 * ```ts
 * import { textusRegistry, ConversationCollection } from '@hyperld/textus';
 * textusRegistry.context('/contexts/ConversationWithAccount.jsonld');
 * ```
 */
// Annotated, so that its declaration names the definitions rather than `RegisteredDefs` of them
// (the type test checks that the two are the same union).
export const textusRegistry: Registry<TextusTypes> = /* @__PURE__ */ createRegistry({
  types: [...textusTypes, ...hydraTypes],
  // TextUs serves Hydra's view under a URL of its own; its terms are Hydra's.
  contexts: { [VIEW_CONTEXT]: contextDocument([PartialCollectionView]) },
});
