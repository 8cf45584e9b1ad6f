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
export type { StartOptions, TextusHandlerOptions } from './reference-server.js';

// Who may see what
export { Viewer } from './viewer.js';

// The store and its seed
export { TextusStore } from './store/textus-store.js';
export { hashToken } from './store/token.js';
export type { AccountRow, ContactRow, ConversationRow, MembershipRow, MessageRow, NoteRow, PagePosition, PhoneRow, RowPage, UserInfoRow, UserRow } from './store/rows.js';
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
  conversationPhoneNumber,
  seedStore,
} from './seed-data.js';
export type { SeedOptions, SeedSummary } from './seed-data.js';

// Rendering rows as nodes
export {
  assignmentId,
  formatPhone,
  parseAssignmentId,
  renderAccount,
  renderAccountSummary,
  renderAssignment,
  renderAssignments,
  renderAttachments,
  renderContact,
  renderContacts,
  renderConversation,
  renderConversationWithAccount,
  renderMembership,
  renderMemberships,
  renderMessage,
  renderNote,
  renderPhone,
  renderPhones,
  renderUser,
  renderUserInfo,
  renderUsers,
} from './render.js';
export type { MembershipOf } from './render.js';
