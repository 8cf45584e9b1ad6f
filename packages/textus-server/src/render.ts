/**
 * Rendering store rows as TextUs nodes, with the keys in the order TextUs sends them (the seed's
 * order at every level), and the action links computed from the conversation's state.
 *
 * @module
 */
import type { JsonObject, NodeOf } from '@hyperld/core';
import type { AccountRow, ContactRow, ConversationRow, MessageRow, NoteRow, PhoneRow, TextusStore, UserInfoRow, UserRow } from './store.js';
import type { Viewer } from './viewer.js';
import { COLLECTION_CONTEXT, conversationActionLinks, type Account, type Contact, type ContactNote, type ContactPhone, type Conversation, type ConversationWithAccount, type Message, type User } from '@hyperld/textus';

const ctx = (type: string): string => `/contexts/${type}.jsonld`;

/**
 * Formats an E.164 North American number as `(303) 555-5678`.
 *
 * @param e164 - the number.
 * @returns the formatted number, or the input when it is not a +1 number.
 * @example
 * ```ts
 * import { formatPhone } from '@hyperld/textus-server';
 * formatPhone('+13035555678'); // '(303) 555-5678'
 * ```
 */
export function formatPhone(e164: string): string {
  const m = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  return m ? `(${m[1]}) ${m[2]}-${m[3]}` : e164;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const DESCRIPTIONS: Record<string, string> = {
  received: 'Inbound Message Received',
  delivered: 'Message Delivered',
  queued: 'Message Queued',
  scheduled: 'Message Scheduled',
  failed: 'Message Failed',
  failed_transient: 'Message Failed (Temporary)',
  dispatched: 'Message Dispatched',
  created: 'Message Created',
  unknown: 'Delivery Unknown',
};

/**
 * Renders a message (the seed's key order: `@type`, `id`, `@context`, …).
 *
 * @param m - the message row.
 * @returns the node.
 * @example
 * ```ts
 * import { renderMessage } from '@hyperld/textus-server';
 * const message = renderMessage({
 *   id: '06oyogE', seq: 1, conversation_id: 'Pvwqm5G', direction: 'in', body: 'Hi & bye', delivery_state: 'received',
 *   ts: '2018-07-24T20:59:32.156Z', sender_id: null, source: 'textus', flags: '[]',
 * });
 * message.formattedBody; // '<div>Hi &#38; bye</div>'
 * ```
 */
export function renderMessage(m: MessageRow): NodeOf<typeof Message> {
  const failed = m.delivery_state === 'failed' || m.delivery_state === 'failed_transient';
  return {
    '@type': 'Message',
    id: `/messages/${m.id}`,
    '@context': ctx('Message'),
    direction: m.direction,
    body: m.body,
    formattedBody: `<div>${escapeHtml(m.body)}</div>`,
    deliveryState: m.delivery_state,
    displayTimestamp: m.ts,
    timelinePosition: m.ts,
    conversation: `/conversations/${m.conversation_id}`,
    sender: m.sender_id === null ? null : `/users/${m.sender_id}`,
    attachments: {
      '@context': COLLECTION_CONTEXT,
      '@type': 'hydra:Collection',
      id: `/messages/${m.id}/attachments`,
      members: [],
      totalItems: 0,
    },
    friendlyStateDescription: DESCRIPTIONS[m.delivery_state] ?? m.delivery_state,
    retryAllowed: failed,
    retry: failed ? `/messages/${m.id}/retry` : null,
    latestEventAt: m.ts,
    flags: JSON.parse(m.flags) as string[],
    source: m.source,
  } as NodeOf<typeof Message>;
}

/**
 * Renders a contact phone.
 *
 * @param p - the phone row.
 * @returns the node.
 * @example
 * ```ts
 * import { renderPhone } from '@hyperld/textus-server';
 * renderPhone({ id: 'mxvbRw', contact_id: 'DQeeO69', phone_number: '+13035551234', type: 'Mobile' }).formattedPhoneNumber; // '(303) 555-1234'
 * ```
 */
export function renderPhone(p: PhoneRow): NodeOf<typeof ContactPhone> {
  return {
    '@type': 'ContactPhone',
    id: `/contact_phones/${p.id}`,
    '@context': ctx('ContactPhone'),
    phoneNumber: p.phone_number,
    formattedPhoneNumber: formatPhone(p.phone_number),
    extension: null,
    type: p.type,
    deliverabilityStatus: 'unknown',
    contact: `/contacts/${p.contact_id}`,
  };
}

/**
 * Renders a contact with its phones embedded and its notes as a link (the seed's order).
 *
 * @param c - the contact row.
 * @param phones - the contact's phone rows.
 * @returns the node.
 * @example
 * ```ts
 * import { renderContact } from '@hyperld/textus-server';
 * const contact = renderContact(
 *   { id: 'DQeeO69', account_id: 'my_account', name: 'Jamel Hirthe', first_name: 'Jamel', last_name: 'Hirthe', data: '{}', created_at: '2020-01-06T21:49:58.312Z' },
 *   [{ id: 'mxvbRw', contact_id: 'DQeeO69', phone_number: '+13035551234', type: 'Mobile' }],
 * );
 * contact.notes; // '/contacts/DQeeO69/notes'
 * ```
 */
export function renderContact(c: ContactRow, phones: readonly PhoneRow[]): NodeOf<typeof Contact> {
  const data = JSON.parse(c.data) as JsonObject;
  return {
    id: `/contacts/${c.id}`,
    '@type': 'Contact',
    '@context': ctx('Contact'),
    name: c.name,
    firstName: c.first_name,
    lastName: c.last_name,
    phones: {
      id: `/contacts/${c.id}/phones`,
      '@type': 'hydra:Collection',
      '@context': COLLECTION_CONTEXT,
      totalItems: phones.length,
      members: phones.map(renderPhone),
    },
    notes: `/contacts/${c.id}/notes`,
    conversations: `/contacts/${c.id}/conversations`,
    data,
    createdAt: c.created_at,
    formattedData: data,
  } as NodeOf<typeof Contact>;
}

/**
 * Renders an account as embedded in a conversation (`id` and `name` only).
 *
 * @param a - the account row.
 * @returns the node.
 * @example
 * ```ts
 * import { renderAccountSummary } from '@hyperld/textus-server';
 * renderAccountSummary({ id: 'my_account', name: 'Example Account', type: 'standard', phone_number: '+13035550000' });
 * // { '@type': 'Account', '@context': '/contexts/Account.jsonld', id: '/accounts/my_account', name: 'Example Account' }
 * ```
 */
export function renderAccountSummary(a: AccountRow): NodeOf<typeof Account> {
  return { '@type': 'Account', '@context': ctx('Account'), id: `/accounts/${a.id}`, name: a.name };
}

/**
 * Renders an account in full.
 *
 * @param a - the account row.
 * @param role - the requesting user's role in it (`effectiveRole`).
 * @returns the node.
 * @example
 * ```ts
 * import { renderAccount } from '@hyperld/textus-server';
 * const account = renderAccount({ id: 'my_account', name: 'Example Account', type: 'standard', phone_number: '+13035550000' }, 'admin');
 * account.contacts; // '/accounts/my_account/contacts'
 * ```
 */
export function renderAccount(a: AccountRow, role: string): NodeOf<typeof Account> {
  return {
    '@type': 'Account',
    '@context': ctx('Account'),
    id: `/accounts/${a.id}`,
    name: a.name,
    slug: a.id,
    type: a.type,
    logo: null,
    phoneNumbers: [a.phone_number],
    effectiveRole: role,
    multiUser: true,
    messagingRestricted: false,
    settings: {},
    featureFlags: {},
    contacts: `/accounts/${a.id}/contacts`,
    conversationFilters: `/accounts/${a.id}/conversation_filters`,
    contactFilters: `/accounts/${a.id}/contact_filters`,
    users: `/accounts/${a.id}/users`,
    sendMessages: `/accounts/${a.id}/messages`,
    scheduleMessages: `/accounts/${a.id}/scheduled_messages`,
  };
}

/**
 * Renders a user with an embedded collection of memberships.
 *
 * @param u - the user row.
 * @param memberships - the user's memberships, each with its account row.
 * @returns the node.
 * @example
 * ```ts
 * import { renderUser } from '@hyperld/textus-server';
 * const account = { id: 'my_account', name: 'Example Account', type: 'standard', phone_number: '+13035550000' };
 * const user = renderUser({ id: 'u_demo', name: 'Demo User', first_name: 'Demo', last_name: 'User', email: 'demo@example.com' }, [{ id: '5Bh2nxK', role: 'admin', account }]);
 * user.id; // '/users/u_demo'; user.memberships embeds one Membership, its account as a summary
 * ```
 */
export function renderUser(u: UserRow, memberships: ReadonlyArray<{ id: string; role: string; account: AccountRow }>): NodeOf<typeof User> {
  return {
    '@type': 'User',
    '@context': ctx('User'),
    id: `/users/${u.id}`,
    name: u.name,
    firstName: u.first_name,
    lastName: u.last_name,
    email: u.email,
    avatar: null,
    automatedActor: false,
    hasPassword: true,
    discarded: false,
    settings: { customSettings: {} },
    memberships: {
      '@type': 'hydra:Collection',
      '@context': COLLECTION_CONTEXT,
      id: `/users/${u.id}/memberships`,
      members: memberships.map((m) => ({
        '@type': 'Membership',
        '@context': ctx('Membership'),
        id: `/memberships/${m.id}`,
        role: m.role,
        user: `/users/${u.id}`,
        account: renderAccountSummary(m.account),
      })),
      totalItems: memberships.length,
    },
  } as NodeOf<typeof User>;
}

/**
 * Renders a note, its author embedded.
 *
 * @param n - the note row.
 * @param author - the row of the note's author.
 * @returns the node.
 * @example
 * ```ts
 * import { renderNote } from '@hyperld/textus-server';
 * const author = { id: 'u_demo', name: 'Demo User', first_name: 'Demo', last_name: 'User', email: 'demo@example.com' };
 * const note = renderNote(
 *   { id: 'PVIe1J', seq: 1, contact_id: 'DQeeO69', user_id: 'u_demo', content: 'Follow up after the holidays.', created_at: '2018-07-24T02:21:42.449Z', updated_at: '2018-07-24T02:21:42.449Z' },
 *   author,
 * );
 * note.id; // '/contact_notes/PVIe1J'
 * ```
 */
export function renderNote(n: NoteRow, author: UserRow): NodeOf<typeof ContactNote> {
  return {
    '@type': 'ContactNote',
    '@context': ctx('ContactNote'),
    id: `/contact_notes/${n.id}`,
    content: n.content,
    createdAt: n.created_at,
    updatedAt: n.updated_at,
    user: renderUser(author, []),
    contact: `/contacts/${n.contact_id}`,
  } as NodeOf<typeof ContactNote>;
}

function userInfoNode(conversationId: string, info: UserInfoRow): JsonObject {
  return {
    '@type': 'ConversationUserInfo',
    '@context': ctx('ConversationUserInfo'),
    id: `/conversations/${conversationId}/user_info`,
    read: info.read === 1,
    readToTimelinePosition: info.read_to,
    starred: info.starred === 1,
    assigned: info.assigned === 1,
  };
}

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
function conversationTail(c: ConversationRow, viewer: Viewer, phones: readonly PhoneRow[]): JsonObject {
  const contact = viewer.contact(c.contact_id);
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
 * @param store - the store.
 * @param c - the conversation row.
 * @param viewer - the requesting user.
 * @returns the node.
 * @example
 * ```ts
 * import { DEMO_USER_ID, renderConversationWithAccount, SEED_CONVERSATION_ID, seedStore, TextusStore, Viewer } from '@hyperld/textus-server';
 * const store = TextusStore.open(':memory:');
 * seedStore(store);
 * const row = store.conversation(SEED_CONVERSATION_ID);
 * if (row) console.log(renderConversationWithAccount(store, row, new Viewer(store, DEMO_USER_ID)).account);
 * // { '@type': 'Account', '@context': '/contexts/Account.jsonld', id: '/accounts/my_account', name: 'Example Account' }
 * ```
 */
export function renderConversationWithAccount(store: TextusStore, c: ConversationRow, viewer: Viewer): NodeOf<typeof ConversationWithAccount> {
  const phones = store.phonesOf(c.contact_id);
  const latest = store.latestMessage(c.id);
  const scheduled = store.nextScheduled(c.id);
  const phone = phones[phones.length - 1]?.phone_number ?? ''; // the contact's last phone is the conversation's (seed-data.ts)
  return {
    '@type': 'ConversationWithAccount',
    '@context': ctx('ConversationWithAccount'),
    id: `/conversations/${c.id}`,
    phoneNumber: phone,
    formattedPhoneNumber: formatPhone(phone),
    slug: c.id,
    currentState: c.current_state,
    unanswered: c.unanswered === 1,
    unsubscribed: c.unsubscribed === 1,
    blocked: c.blocked === 1,
    account: renderAccountSummary(store.account(c.account_id) as AccountRow),
    latestPreviewableItem: latest ? renderMessage(latest) : null,
    nextScheduledMessage: scheduled ? renderMessage(scheduled) : null,
    requestingUserInfo: userInfoNode(c.id, store.userInfo(c.id, viewer.userId)),
    ...conversationTail(c, viewer, phones),
  } as NodeOf<typeof ConversationWithAccount>;
}

/**
 * Renders a conversation on its own (`GET /conversations/:id` and action answers): the account
 * and the user's info are links, the action links computed from the state, the contact embedded
 * only if the requesting user may read it.
 *
 * @param store - the store.
 * @param c - the conversation row.
 * @param viewer - the requesting user.
 * @returns the node.
 * @example
 * ```ts
 * import { DEMO_USER_ID, renderConversation, SEED_CONVERSATION_ID, seedStore, TextusStore, Viewer } from '@hyperld/textus-server';
 * const store = TextusStore.open(':memory:');
 * seedStore(store);
 * const row = store.conversation(SEED_CONVERSATION_ID);
 * if (row) console.log(renderConversation(store, row, new Viewer(store, DEMO_USER_ID)).account); // '/accounts/my_account'
 * ```
 */
export function renderConversation(store: TextusStore, c: ConversationRow, viewer: Viewer): NodeOf<typeof Conversation> {
  const phones = store.phonesOf(c.contact_id);
  const account = store.account(c.account_id) as AccountRow;
  const latest = store.latestMessage(c.id);
  const phone = phones[phones.length - 1]?.phone_number ?? ''; // the contact's last phone is the conversation's (seed-data.ts)
  return {
    '@type': 'Conversation',
    '@context': ctx('Conversation'),
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
    ...conversationTail(c, viewer, phones),
  } as NodeOf<typeof Conversation>;
}
