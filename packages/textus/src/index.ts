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
export {
  Account,
  COLLECTION_CONTEXT,
  Contact,
  ContactCollection,
  ContactNote,
  ContactNoteCollection,
  ContactPhone,
  Conversation,
  ConversationAssignment,
  ConversationCollection,
  ConversationFilter,
  ConversationStats,
  ConversationUserInfo,
  ConversationWithAccount,
  Membership,
  Message,
  TEXTUS_MEDIA_TYPE,
  TEXTUS_VOCAB,
  textusRegistry,
  textusTypes,
  Timeline,
  User,
  VIEW_CONTEXT,
} from './vocabulary.js';
export type {
  AccountDef,
  ContactCollectionDef,
  ContactDef,
  ContactNoteCollectionDef,
  ContactNoteDef,
  ContactPhoneDef,
  ConversationAssignmentDef,
  ConversationCollectionDef,
  ConversationDef,
  ConversationFilterDef,
  ConversationStatsDef,
  ConversationUserInfoDef,
  ConversationWithAccountDef,
  MembershipDef,
  MessageDef,
  TextusTypes,
  TimelineDef,
  UserDef,
} from './vocabulary.js';

// Actions and their availability
export { applyConversationAction, CONVERSATION_ACTIONS, conversationActionLinks, conversationRules } from './actions.js';
export type { ConversationActionName, ConversationStateFacts } from './actions.js';

// Routes
export { textusRoutes } from './routes.js';
export type { Route, TextusRoute, TextusRouteName } from './routes.js';
