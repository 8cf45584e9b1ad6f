/**
 * Rendering conversations: as collections send them (`ConversationWithAccount`) and on their own,
 * with the action links computed from the conversation's state and the contact embedded only when
 * the viewer may read it.
 *
 * @module
 */
import type { JsonObject, NodeOf } from '@hyperld/core';
import { conversationActionLinks, type Conversation, type ConversationWithAccount } from '@hyperld/textus';
import type { AccountRow, ConversationDetails, ConversationRow, PhoneRow } from '../store/rows.js';
import type { StoreReads } from '../store/engine.js';
import type { Viewer } from '../viewer.js';
import { renderAccountSummary } from './account.js';
import { renderContact } from './contact.js';
import { renderUserInfo } from './conversation-user-info.js';
import { contextUrl, formatPhone } from './format.js';
import { renderMessage } from './message.js';

function actionLinks(c: ConversationRow): JsonObject {
  const links = conversationActionLinks(`/conversations/${c.id}`, {
    currentState: c.current_state,
    blocked: c.blocked === 1,
    unsubscribed: c.unsubscribed === 1,
  });
  // The seed's order of the action links.
  return {
    readConversation: links.readConversation,
    unreadConversation: links.unreadConversation,
    starConversation: links.starConversation,
    unstarConversation: links.unstarConversation,
    reopenConversation: links.reopenConversation,
    closeConversation: links.closeConversation,
    blockConversation: links.blockConversation,
    unblockConversation: links.unblockConversation,
    subscribeConversation: links.subscribeConversation,
    unsubscribeConversation: links.unsubscribeConversation,
  };
}

/**
 * What both renderings of a conversation end with, in the seed's order: links, contact, actions.
 * The contact is embedded only when the viewer may read it at its own URL; a contact of an account
 * the viewer is not a member of is `null`, as for a number that no contact of theirs holds.
 */
async function conversationTail(c: ConversationRow, viewer: Viewer, phones: readonly PhoneRow[]): Promise<JsonObject> {
  const contact = await viewer.contact(c.contact_id);
  return {
    participants: `/conversations/${c.id}/participants`,
    assignedContact: contact ? (renderContact(contact, phones) as unknown as JsonObject) : null,
    associatedContacts: `/conversations/${c.id}/associated_contacts`,
    ...actionLinks(c),
    timeline: `/conversations/${c.id}/timeline`,
    stats: `/conversations/${c.id}/stats`,
    assignments: `/conversations/${c.id}/assignments`,
    assignContact: `/conversations/${c.id}/assign_contact`,
  };
}

/**
 * Renders a conversation as collections send it (`ConversationWithAccount`, the seed's keys and
 * order), for the requesting user: their own info embedded, the contact only if they may read it.
 *
 * @param store - the reads (a transaction's).
 * @param c - the conversation row.
 * @param viewer - the requesting user.
 * @param details - its latest and next scheduled messages and the user's info, when the caller
 * read them for a whole page ({@link StoreReads.conversationDetails}); read here otherwise.
 * @returns the node.
 * @example
 * ```ts
 * import { DEMO_USER_ID, renderConversationWithAccount, SEED_CONVERSATION_ID, seedEngine, SqliteEngine, Viewer } from '@hyperld/textus-server';
 * const store = SqliteEngine.open(':memory:');
 * await seedEngine(store);
 * const row = await store.conversation(SEED_CONVERSATION_ID);
 * if (row) console.log((await renderConversationWithAccount(store, row, await Viewer.load(store, DEMO_USER_ID))).account);
 * // { '@type': 'Account', '@context': '/contexts/Account.jsonld', id: '/accounts/my_account', name: 'Example Account' }
 * ```
 */
export async function renderConversationWithAccount(
  store: StoreReads,
  c: ConversationRow,
  viewer: Viewer,
  details?: ConversationDetails,
): Promise<NodeOf<typeof ConversationWithAccount>> {
  const phones = await store.phonesOf(c.contact_id);
  const latest = details ? details.latest : await store.latestMessage(c.id);
  const scheduled = details ? details.scheduled : await store.nextScheduled(c.id);
  const account = (await store.account(c.account_id)) as AccountRow;
  const info = details ? details.info : await store.userInfo(c.id, viewer.userId);
  const tail = await conversationTail(c, viewer, phones);
  const phone = phones[phones.length - 1]?.phone_number ?? ''; // the contact's last phone is the conversation's (seed/conversation-phone-number.ts)
  return {
    '@type': 'ConversationWithAccount',
    '@context': contextUrl('ConversationWithAccount'),
    id: `/conversations/${c.id}`,
    phoneNumber: phone,
    formattedPhoneNumber: formatPhone(phone),
    slug: c.id,
    currentState: c.current_state,
    unanswered: c.unanswered === 1,
    unsubscribed: c.unsubscribed === 1,
    blocked: c.blocked === 1,
    account: renderAccountSummary(account),
    latestPreviewableItem: latest ? renderMessage(latest) : null,
    nextScheduledMessage: scheduled ? renderMessage(scheduled) : null,
    requestingUserInfo: renderUserInfo(c.id, info),
    ...tail,
  } as NodeOf<typeof ConversationWithAccount>;
}

/**
 * Renders a conversation on its own (`GET /conversations/:id` and action answers): the account
 * and the user's info are links, the action links computed from the state, the contact embedded
 * only if the requesting user may read it.
 *
 * @param store - the reads (a transaction's).
 * @param c - the conversation row.
 * @param viewer - the requesting user.
 * @returns the node.
 * @example
 * ```ts
 * import { DEMO_USER_ID, renderConversation, SEED_CONVERSATION_ID, seedEngine, SqliteEngine, Viewer } from '@hyperld/textus-server';
 * const store = SqliteEngine.open(':memory:');
 * await seedEngine(store);
 * const row = await store.conversation(SEED_CONVERSATION_ID);
 * if (row) console.log((await renderConversation(store, row, await Viewer.load(store, DEMO_USER_ID))).account); // '/accounts/my_account'
 * ```
 */
export async function renderConversation(store: StoreReads, c: ConversationRow, viewer: Viewer): Promise<NodeOf<typeof Conversation>> {
  const phones = await store.phonesOf(c.contact_id);
  const account = (await store.account(c.account_id)) as AccountRow;
  const latest = await store.latestMessage(c.id);
  const tail = await conversationTail(c, viewer, phones);
  const phone = phones[phones.length - 1]?.phone_number ?? ''; // the contact's last phone is the conversation's (seed/conversation-phone-number.ts)
  return {
    '@type': 'Conversation',
    '@context': contextUrl('Conversation'),
    id: `/conversations/${c.id}`,
    phoneNumber: phone,
    formattedPhoneNumber: formatPhone(phone),
    accountPhoneNumber: account.phone_number,
    formattedAccountPhoneNumber: formatPhone(account.phone_number),
    slug: c.id,
    currentState: c.current_state,
    unanswered: c.unanswered === 1,
    unsubscribed: c.unsubscribed === 1,
    blocked: c.blocked === 1,
    account: `/accounts/${account.id}`,
    latestPreviewableItem: latest ? renderMessage(latest) : null,
    requestingUserInfo: `/conversations/${c.id}/user_info`,
    ...tail,
  } as NodeOf<typeof Conversation>;
}
