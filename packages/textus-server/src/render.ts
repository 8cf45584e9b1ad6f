/**
 * Rendering store rows as TextUs nodes, with the keys in the order TextUs sends them (the seed's
 * order at every level), and the action links computed from the conversation's state.
 *
 * @module
 */
import type { JsonObject, NodeOf } from '@hyperld/core';
import type { AccountRow, ContactRow, ConversationRow, MessageRow, NoteRow, PhoneRow, UserInfoRow, UserRow } from './store/rows.js';
import type { TextusStore } from './store/textus-store.js';
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
    attachments: renderAttachments(m.id),
    friendlyStateDescription: DESCRIPTIONS[m.delivery_state] ?? m.delivery_state,
    retryAllowed: failed,
    retry: failed ? `/messages/${m.id}/retry` : null,
    latestEventAt: m.ts,
    flags: JSON.parse(m.flags) as string[],
    source: m.source,
  } as NodeOf<typeof Message>;
}

/**
 * Renders the attachments of a message, embedded in it and at their own URL alike: the store
 * keeps no attachments, so the collection is always empty.
 *
 * @param messageId - the message's id.
 * @returns the collection.
 * @example
 * ```ts
 * import { renderAttachments } from '@hyperld/textus-server';
 * renderAttachments('06oyogE').id; // '/messages/06oyogE/attachments'
 * ```
 */
export function renderAttachments(messageId: string): JsonObject {
  return { '@context': COLLECTION_CONTEXT, '@type': 'hydra:Collection', id: `/messages/${messageId}/attachments`, members: [], totalItems: 0 };
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
 * Renders the phones of a contact (the seed's order of keys), embedded in the contact and at
 * their own URL alike: all of them, unpaged (a contact has a few).
 *
 * @param contactId - the contact's id.
 * @param phones - its phone rows.
 * @returns the collection.
 * @example
 * ```ts
 * import { renderPhones } from '@hyperld/textus-server';
 * renderPhones('DQeeO69', [{ id: 'mxvbRw', contact_id: 'DQeeO69', phone_number: '+13035551234', type: 'Mobile' }]).totalItems; // 1
 * ```
 */
export function renderPhones(contactId: string, phones: readonly PhoneRow[]): JsonObject {
  return {
    id: `/contacts/${contactId}/phones`,
    '@type': 'hydra:Collection',
    '@context': COLLECTION_CONTEXT,
    totalItems: phones.length,
    members: phones.map(renderPhone) as unknown as JsonObject[],
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
    phones: renderPhones(c.id, phones),
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
 * Renders an account in full. Of the links an account may carry it sends those the reference
 * server answers (`contacts`, `users`): it has no saved views (`conversationFilters`,
 * `contactFilters`) and sends no messages (`sendMessages`, `scheduleMessages`), and a link to a
 * resource that is not there would only lead a client to a 404.
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
    users: `/accounts/${a.id}/users`,
  };
}

/**
 * A membership as {@link renderUser} and {@link renderMembership} take it: its id, the role and
 * the account's row.
 *
 * @example
 * ```ts
 * import type { MembershipOf } from '@hyperld/textus-server';
 * const m: MembershipOf = { id: '5Bh2nxK', role: 'admin', account: { id: 'my_account', name: 'Example Account', type: 'standard', phone_number: '+13035550000' } };
 * ```
 */
export interface MembershipOf {
  readonly id: string;
  readonly role: string;
  readonly account: AccountRow;
}

/**
 * Renders a membership, its account embedded as a summary.
 *
 * @param userId - the member's id.
 * @param m - the membership.
 * @returns the node.
 * @example
 * ```ts
 * import { renderMembership } from '@hyperld/textus-server';
 * const account = { id: 'my_account', name: 'Example Account', type: 'standard', phone_number: '+13035550000' };
 * renderMembership('u_demo', { id: '5Bh2nxK', role: 'admin', account }).id; // '/memberships/5Bh2nxK'
 * ```
 */
export function renderMembership(userId: string, m: MembershipOf): JsonObject {
  return {
    '@type': 'Membership',
    '@context': ctx('Membership'),
    id: `/memberships/${m.id}`,
    role: m.role,
    user: `/users/${userId}`,
    account: renderAccountSummary(m.account) as unknown as JsonObject,
  };
}

/**
 * Renders the memberships of a user (those the requesting user may read), unpaged: as `GET
 * /users/:id` embeds them and as `GET /users/:id/memberships` answers them.
 *
 * @param userId - the member's id.
 * @param memberships - the memberships.
 * @returns the collection.
 * @example
 * ```ts
 * import { renderMemberships } from '@hyperld/textus-server';
 * renderMemberships('u_demo', []).id; // '/users/u_demo/memberships'
 * ```
 */
export function renderMemberships(userId: string, memberships: readonly MembershipOf[]): JsonObject {
  return {
    '@type': 'hydra:Collection',
    '@context': COLLECTION_CONTEXT,
    id: `/users/${userId}/memberships`,
    members: memberships.map((m) => renderMembership(userId, m)),
    totalItems: memberships.length,
  };
}

/**
 * Renders a user. At its own URL a user embeds its memberships; embedded in another node (a
 * note's author, a participant, an assignee) it links to them instead, the other form the
 * vocabulary gives `memberships` (and a page of notes does not repeat every author's accounts).
 *
 * @param u - the user row.
 * @param memberships - the user's memberships (those the requesting user may read) to embed;
 * omitted, `memberships` is a link.
 * @returns the node.
 * @example
 * ```ts
 * import { renderUser } from '@hyperld/textus-server';
 * const account = { id: 'my_account', name: 'Example Account', type: 'standard', phone_number: '+13035550000' };
 * const row = { id: 'u_demo', name: 'Demo User', first_name: 'Demo', last_name: 'User', email: 'demo@example.com' };
 * renderUser(row, [{ id: '5Bh2nxK', role: 'admin', account }]).memberships; // an embedded collection of one Membership
 * renderUser(row).memberships; // '/users/u_demo/memberships'
 * ```
 */
export function renderUser(u: UserRow, memberships?: readonly MembershipOf[]): NodeOf<typeof User> {
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
    memberships: memberships === undefined ? `/users/${u.id}/memberships` : renderMemberships(u.id, memberships),
  } as NodeOf<typeof User>;
}

/**
 * Renders users as an unpaged `hydra:Collection` at `id` (an account's users, a conversation's
 * participants), each with its memberships as a link.
 *
 * @param id - the collection's IRI.
 * @param users - the user rows.
 * @returns the collection.
 * @example
 * ```ts
 * import { renderUsers } from '@hyperld/textus-server';
 * renderUsers('/accounts/my_account/users', []).totalItems; // 0
 * ```
 */
export function renderUsers(id: string, users: readonly UserRow[]): JsonObject {
  return { '@type': 'hydra:Collection', '@context': COLLECTION_CONTEXT, id, members: users.map((u) => renderUser(u) as unknown as JsonObject), totalItems: users.length };
}

/**
 * Renders a note, its author embedded (its memberships as a link).
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
    user: renderUser(author),
    contact: `/contacts/${n.contact_id}`,
  } as NodeOf<typeof ContactNote>;
}

/**
 * Renders what the requesting user did with a conversation: embedded in lists, at
 * `/conversations/:id/user_info` on its own.
 *
 * @param conversationId - the conversation's id.
 * @param info - the user's row (or the store's default for a user without one).
 * @returns the node.
 * @example
 * ```ts
 * import { renderUserInfo } from '@hyperld/textus-server';
 * renderUserInfo('Pvwqm5G', { conversation_id: 'Pvwqm5G', user_id: 'u_demo', read: 0, read_to: null, starred: 0, assigned: 1 }).assigned; // true
 * ```
 */
export function renderUserInfo(conversationId: string, info: UserInfoRow): JsonObject {
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

/**
 * The id of the assignment of a conversation to a user. The store keeps an assignment as a flag
 * on the user's info, not as a row of its own, so its id is the pair, joined by a dot (which
 * neither a conversation id nor a user id holds: a token is `<user id>.<secret>`).
 *
 * @param conversationId - the conversation's id.
 * @param userId - the assignee's id.
 * @returns the id, e.g. `Pvwqm5G.u_demo`.
 * @example
 * ```ts
 * import { assignmentId } from '@hyperld/textus-server';
 * assignmentId('Pvwqm5G', 'u_demo'); // 'Pvwqm5G.u_demo'
 * ```
 */
export function assignmentId(conversationId: string, userId: string): string {
  return `${conversationId}.${userId}`;
}

/**
 * The conversation and the user an assignment id names (see {@link assignmentId}).
 *
 * @param id - the assignment id.
 * @returns the conversation id and the user id, or `undefined` when `id` is not a pair.
 * @example
 * ```ts
 * import { parseAssignmentId } from '@hyperld/textus-server';
 * parseAssignmentId('Pvwqm5G.u_demo'); // ['Pvwqm5G', 'u_demo']
 * ```
 */
export function parseAssignmentId(id: string): readonly [conversationId: string, userId: string] | undefined {
  const dot = id.indexOf('.');
  return dot > 0 && dot < id.length - 1 ? [id.slice(0, dot), id.slice(dot + 1)] : undefined;
}

/**
 * Renders the assignment of a conversation to a user, the assignee embedded. The store keeps no
 * assigner; the reference server's only way to assign is `assignContact`, by which the acting
 * user assigns the conversation to themself, so the assigner is the assignee.
 *
 * @param conversationId - the conversation's id.
 * @param assignee - the assignee's row.
 * @returns the node.
 * @example
 * ```ts
 * import { renderAssignment } from '@hyperld/textus-server';
 * const demo = { id: 'u_demo', name: 'Demo User', first_name: 'Demo', last_name: 'User', email: 'demo@example.com' };
 * renderAssignment('Pvwqm5G', demo).id; // '/conversation_assignments/Pvwqm5G.u_demo'
 * ```
 */
export function renderAssignment(conversationId: string, assignee: UserRow): JsonObject {
  return {
    '@type': 'ConversationAssignment',
    '@context': ctx('ConversationAssignment'),
    id: `/conversation_assignments/${assignmentId(conversationId, assignee.id)}`,
    assignee: renderUser(assignee) as unknown as JsonObject,
    assigner: `/users/${assignee.id}`,
  };
}

/**
 * Renders the assignments of a conversation, unpaged (a conversation is assigned to a few users).
 *
 * @param conversationId - the conversation's id.
 * @param assignees - the assignees' rows.
 * @returns the collection.
 * @example
 * ```ts
 * import { renderAssignments } from '@hyperld/textus-server';
 * renderAssignments('Pvwqm5G', []).id; // '/conversations/Pvwqm5G/assignments'
 * ```
 */
export function renderAssignments(conversationId: string, assignees: readonly UserRow[]): JsonObject {
  return {
    '@type': 'hydra:Collection',
    '@context': COLLECTION_CONTEXT,
    id: `/conversations/${conversationId}/assignments`,
    members: assignees.map((u) => renderAssignment(conversationId, u)),
    totalItems: assignees.length,
  };
}

/**
 * Renders contacts as a `ContactCollection` at `id` (whose context is the plain collection's, as
 * TextUs sends it), each with its phones.
 *
 * @param id - the collection's IRI.
 * @param contacts - each contact's row and phone rows.
 * @param totalItems - how many members the whole collection has (default: these).
 * @returns the collection, without a view.
 * @example
 * ```ts
 * import { renderContacts } from '@hyperld/textus-server';
 * renderContacts('/conversations/Pvwqm5G/associated_contacts', [])['@type']; // 'ContactCollection'
 * ```
 */
export function renderContacts(id: string, contacts: ReadonlyArray<{ readonly contact: ContactRow; readonly phones: readonly PhoneRow[] }>, totalItems = contacts.length): JsonObject {
  return {
    '@type': 'ContactCollection',
    '@context': COLLECTION_CONTEXT,
    id,
    members: contacts.map(({ contact, phones }) => renderContact(contact, phones) as unknown as JsonObject),
    totalItems,
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
    requestingUserInfo: renderUserInfo(c.id, store.userInfo(c.id, viewer.userId)),
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
