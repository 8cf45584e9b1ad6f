/**
 * `@hyperld/textus`: the TextUs conversation vocabulary (types, contexts, actions and their
 * availability rules, routes) on `@hyperld/hydra` and `@hyperld/core`. A typed client lives at
 * `@hyperld/textus/client`; the reference server is its own package, `@hyperld/textus-server`.
 *
 * @example
 * ```ts
 * import { listActions } from '@hyperld/hydra';
 * import { textusRegistry, ConversationCollection } from '@hyperld/textus';
 * declare const body: string;
 * const page = textusRegistry.decodeAs(ConversationCollection, body, { base: 'https://api.textus.com/contacts/DQeeO69/conversations' });
 * for (const c of page.members) console.log(c.slug, listActions(c).filter((a) => a.state === 'available').map((a) => a.name));
 * ```
 *
 * @module
 */

// The vocabulary
export { COLLECTION_CONTEXT, TEXTUS_MEDIA_TYPE, TEXTUS_VOCAB, VIEW_CONTEXT } from './vocabulary/namespace.js';
export { Account, AccountCollection } from './vocabulary/account.js';
export type { AccountCollectionDef, AccountDef } from './vocabulary/account.js';
export { EntryPoint } from './vocabulary/entry-point.js';
export type { EntryPointDef } from './vocabulary/entry-point.js';
export { Membership } from './vocabulary/membership.js';
export type { MembershipDef } from './vocabulary/membership.js';
export { User } from './vocabulary/user.js';
export type { UserDef } from './vocabulary/user.js';
export { Contact, ContactCollection } from './vocabulary/contact.js';
export type { ContactCollectionDef, ContactDef } from './vocabulary/contact.js';
export { ContactNote, ContactNoteCollection } from './vocabulary/contact-note.js';
export type { ContactNoteCollectionDef, ContactNoteDef } from './vocabulary/contact-note.js';
export { ContactPhone } from './vocabulary/contact-phone.js';
export type { ContactPhoneDef } from './vocabulary/contact-phone.js';
export { Conversation, ConversationCollection, ConversationWithAccount } from './vocabulary/conversation.js';
export type { ConversationCollectionDef, ConversationDef, ConversationWithAccountDef } from './vocabulary/conversation.js';
export { ConversationAssignment } from './vocabulary/conversation-assignment.js';
export type { ConversationAssignmentDef } from './vocabulary/conversation-assignment.js';
export { ConversationFilter } from './vocabulary/conversation-filter.js';
export type { ConversationFilterDef } from './vocabulary/conversation-filter.js';
export { ConversationStats } from './vocabulary/conversation-stats.js';
export type { ConversationStatsDef } from './vocabulary/conversation-stats.js';
export { ConversationUserInfo } from './vocabulary/conversation-user-info.js';
export type { ConversationUserInfoDef } from './vocabulary/conversation-user-info.js';
export { Message } from './vocabulary/message.js';
export type { MessageDef } from './vocabulary/message.js';
export { Timeline } from './vocabulary/timeline.js';
export type { TimelineDef } from './vocabulary/timeline.js';
export { textusReader, textusRegistry, textusTypes } from './vocabulary/registry.js';
export type { TextusTypes } from './vocabulary/registry.js';

// Actions and their availability
export { applyConversationAction, CONVERSATION_ACTIONS, conversationActionLinks, conversationRules } from './actions.js';
export type { ConversationActionName, ConversationStateFacts } from './actions.js';

// Routes
export { textusRoutes } from './routes.js';
export type { Route, TextusRoute, TextusRouteName } from './routes.js';
