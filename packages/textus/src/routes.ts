/**
 * The TextUs routes: method, IRI template, what each returns and a title, shared by the reference
 * server (which serves them), the client (which follows them) and the docs site (which documents
 * them in the seed's shape).
 *
 * @module
 */

/**
 * One route of the TextUs API.
 *
 * @example
 * ```ts
 * import type { Route } from '@hyperld/textus';
 * const r: Route = { name: 'conversation', method: 'GET', template: '/conversations/{conversation}', returns: 'Conversation', title: 'Get a Conversation', description: 'One conversation.', status: 200 };
 * ```
 */
export interface Route {
  /** A stable name. */
  readonly name: string;
  /** The HTTP method. */
  readonly method: 'GET' | 'PUT' | 'DELETE' | 'POST';
  /** The RFC 6570 path template. */
  readonly template: string;
  /** The `@type` of the answer's body, if it has one. */
  readonly returns?: string;
  /** A short title, as the API reference shows it. */
  readonly title: string;
  /** What the route does. */
  readonly description: string;
  /** The success status. */
  readonly status: number;
  /** The conversation action it performs, if it is one. */
  readonly action?: string;
}

const conversationAction = (name: string, method: 'PUT' | 'DELETE', segment: string, title: string): Route => ({
  name,
  method,
  template: `/conversations/{conversation}/${segment}`,
  returns: 'Conversation',
  title,
  description: `${title}. Answers the updated conversation, with its action links recomputed. Idempotent.`,
  status: 200,
  action: name,
});

/**
 * Every route of the reference TextUs API.
 *
 * @example
 * ```ts
 * import { textusRoutes } from '@hyperld/textus';
 * textusRoutes.find((r) => r.name === 'contactConversations')?.template; // '/contacts/{contact}/conversations'
 * ```
 */
export const textusRoutes: readonly Route[] = [
  {
    name: 'contactConversations',
    method: 'GET',
    template: '/contacts/{contact}/conversations',
    returns: 'ConversationCollection',
    title: 'Get Conversations',
    description: 'A single Contact may have had Conversations with different Users across your Accounts.',
    status: 200,
  },
  { name: 'conversation', method: 'GET', template: '/conversations/{conversation}', returns: 'Conversation', title: 'Get a Conversation', description: 'One conversation, with its action links.', status: 200 },
  conversationAction('readConversation', 'PUT', 'read', 'Mark a Conversation read'),
  conversationAction('unreadConversation', 'DELETE', 'read', 'Mark a Conversation unread'),
  conversationAction('starConversation', 'PUT', 'star', 'Star a Conversation'),
  conversationAction('unstarConversation', 'DELETE', 'star', 'Unstar a Conversation'),
  conversationAction('subscribeConversation', 'PUT', 'subscribe', 'Resubscribe a Conversation'),
  conversationAction('unsubscribeConversation', 'DELETE', 'subscribe', 'Unsubscribe a Conversation'),
  conversationAction('blockConversation', 'PUT', 'block', 'Block a Conversation'),
  conversationAction('unblockConversation', 'DELETE', 'block', 'Unblock a Conversation'),
  conversationAction('closeConversation', 'PUT', 'close', 'Close a Conversation'),
  conversationAction('reopenConversation', 'PUT', 'reopen', 'Reopen a Conversation'),
  { name: 'timeline', method: 'GET', template: '/conversations/{conversation}/timeline', returns: 'Timeline', title: 'Get a Conversation Timeline', description: 'The messages of a conversation, newest first, paged.', status: 200 },
  { name: 'stats', method: 'GET', template: '/conversations/{conversation}/stats', returns: 'ConversationStats', title: 'Get Conversation Stats', description: 'Statistics of a conversation.', status: 200 },
  {
    name: 'conversationUserInfo',
    method: 'GET',
    template: '/conversations/{conversation}/user_info',
    returns: 'ConversationUserInfo',
    title: 'Get your Conversation Info',
    description: 'What the requesting user did with a conversation: read, how far, starred, assigned.',
    status: 200,
  },
  {
    name: 'conversationParticipants',
    method: 'GET',
    template: '/conversations/{conversation}/participants',
    returns: 'hydra:Collection',
    title: 'Get Conversation Participants',
    description: 'The users who took part in a conversation (sent a message in it, or have it assigned), all of them.',
    status: 200,
  },
  {
    name: 'conversationAssociatedContacts',
    method: 'GET',
    template: '/conversations/{conversation}/associated_contacts',
    returns: 'ContactCollection',
    title: 'Get Associated Contacts',
    description: 'The contacts of a conversation that the requesting user may read, all of them.',
    status: 200,
  },
  {
    name: 'conversationAssignments',
    method: 'GET',
    template: '/conversations/{conversation}/assignments',
    returns: 'hydra:Collection',
    title: 'Get Conversation Assignments',
    description: 'Who a conversation is assigned to, all of them.',
    status: 200,
  },
  {
    name: 'conversationAssignment',
    method: 'GET',
    template: '/conversation_assignments/{assignment}',
    returns: 'ConversationAssignment',
    title: 'Get a Conversation Assignment',
    description: 'One assignment of a conversation to a user.',
    status: 200,
  },
  { name: 'message', method: 'GET', template: '/messages/{message}', returns: 'Message', title: 'Get a Message', description: 'One message.', status: 200 },
  {
    name: 'messageAttachments',
    method: 'GET',
    template: '/messages/{message}/attachments',
    returns: 'hydra:Collection',
    title: 'Get Message Attachments',
    description: 'The attachments of a message, all of them.',
    status: 200,
  },
  { name: 'retryMessage', method: 'POST', template: '/messages/{message}/retry', title: 'Retry a Message', description: 'Retries sending a failed message. Answers 202 with no body.', status: 202, action: 'retry' },
  { name: 'account', method: 'GET', template: '/accounts/{account}', returns: 'Account', title: 'Get an Account', description: 'One account.', status: 200 },
  {
    name: 'accountContacts',
    method: 'GET',
    template: '/accounts/{account}/contacts',
    returns: 'ContactCollection',
    title: 'Get Account Contacts',
    description: 'The contacts of an account, newest first, paged.',
    status: 200,
  },
  { name: 'accountUsers', method: 'GET', template: '/accounts/{account}/users', returns: 'hydra:Collection', title: 'Get Account Users', description: 'The users of an account, all of them.', status: 200 },
  { name: 'contact', method: 'GET', template: '/contacts/{contact}', returns: 'Contact', title: 'Get a Contact', description: 'One contact, with its phones.', status: 200 },
  { name: 'contactPhones', method: 'GET', template: '/contacts/{contact}/phones', returns: 'hydra:Collection', title: 'Get Contact Phones', description: 'The phones of a contact, all of them.', status: 200 },
  { name: 'contactPhone', method: 'GET', template: '/contact_phones/{phone}', returns: 'ContactPhone', title: 'Get a Contact Phone', description: 'One phone of a contact.', status: 200 },
  { name: 'contactNotes', method: 'GET', template: '/contacts/{contact}/notes', returns: 'ContactNoteCollection', title: 'Get Contact Notes', description: 'The notes about a contact.', status: 200 },
  { name: 'contactNote', method: 'GET', template: '/contact_notes/{note}', returns: 'ContactNote', title: 'Get a Contact Note', description: 'One note about a contact.', status: 200 },
  { name: 'user', method: 'GET', template: '/users/{user}', returns: 'User', title: 'Get a User', description: 'One user, with memberships.', status: 200 },
  {
    name: 'userMemberships',
    method: 'GET',
    template: '/users/{user}/memberships',
    returns: 'hydra:Collection',
    title: 'Get User Memberships',
    description: 'The memberships of a user in the accounts of the requesting user, all of them.',
    status: 200,
  },
  { name: 'membership', method: 'GET', template: '/memberships/{membership}', returns: 'Membership', title: 'Get a Membership', description: 'One membership: a user, a role, an account.', status: 200 },
];
