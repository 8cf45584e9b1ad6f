/**
 * `@hyperld/textus-server`: the reference TextUs server — an SQLite store (`better-sqlite3`),
 * realistic seed data around the seed's conversation, the API as a Fetch-style handler, and a
 * `node:http` start function. Built only from the public API of core, hydra and textus.
 *
 * @example
 * ```ts
 * import { startTextusServer } from '@hyperld/textus-server';
 * const server = await startTextusServer({ port: 8080 });
 * // … later
 * await server.close();
 * ```
 *
 * @module
 */

// The server
export { createTextusHandler, startTextusServer } from './reference-server.js';
export type { StartOptions, TextusHandlerOptions, TextusServer } from './reference-server.js';

// Who may see what
export { Viewer } from './viewer.js';

// The store and its seed
export { TextusStore } from './store/textus-store.js';
export { SqliteEngine } from './store/sqlite-engine.js';
export { isPostgresUrl, PostgresEngine } from './store/postgres-engine.js';
export type { PostgresEngineOptions } from './store/postgres-engine.js';
export type { StoreReads, StoreWrites, TextusEngine } from './store/engine.js';
export { hashToken } from './store/token.js';
export type {
  AccountRow,
  ContactRow,
  ConversationDetails,
  ConversationRow,
  MembershipRow,
  MessageRow,
  NoteRow,
  PagePosition,
  PhoneRow,
  RowPage,
  StoredUserRow,
  TableRows,
  UserInfoRow,
  UserRow,
} from './store/rows.js';
export {
  DEMO_SECOND_ACCOUNT_ID,
  DEMO_TOKEN,
  DEMO_USER_ID,
  OTHER_ACCOUNT_ID,
  OTHER_TOKEN,
  OTHER_USER_ID,
  SEED_ACCOUNT_ID,
  SEED_CONTACT_ID,
  SEED_CONVERSATION_ID,
  SEED_MESSAGE_ID,
  SEED_NOW,
  SEED_PHONE_ID,
} from './seed/facts.js';
export { conversationPhoneNumber } from './seed/conversation-phone-number.js';
export { seedEngine, seedStore } from './seed/seed-store.js';
export type { SeedOptions } from './seed/generate.js';
export type { SeedSummary } from './seed/seed-store.js';

// Rendering rows as nodes
export { renderAccount, renderAccounts, renderAccountSummary } from './render/account.js';
export { renderContact, renderContacts } from './render/contact.js';
export { renderNote } from './render/contact-note.js';
export { renderPhone, renderPhones } from './render/contact-phone.js';
export { renderConversation, renderConversationWithAccount } from './render/conversation.js';
export { assignmentId, parseAssignmentId, renderAssignment, renderAssignments } from './render/conversation-assignment.js';
export { renderUserInfo } from './render/conversation-user-info.js';
export { formatPhone } from './render/format.js';
export { renderMembership, renderMemberships } from './render/membership.js';
export type { MembershipOf } from './render/membership.js';
export { renderAttachments, renderMessage } from './render/message.js';
export { renderUser, renderUsers } from './render/user.js';
