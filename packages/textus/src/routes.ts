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

/** A route's fields but its name, which is the key it is declared under in the route table. */
type RouteFields = Omit<Route, 'name'>;

/** A conversation action's route: `PUT` or `DELETE` on a segment after the conversation's IRI, answering the conversation. */
const conversationAction = <N extends string, M extends 'PUT' | 'DELETE', S extends string>(name: N, method: M, segment: S, title: string) =>
  ({
    method,
    template: `/conversations/{conversation}/${segment}`,
    returns: 'Conversation',
    title,
    description: `${title}. Answers the updated conversation, with its action links recomputed. Idempotent.`,
    status: 200,
    action: name,
  }) as const;

/**
 * The routes by name, in the order they are served and documented. A keyed object rather than a
 * list, so that each name is a literal type (two routes cannot share one) and a table over the
 * names, such as the reference server's handlers, can be checked for completeness.
 */
const routeTable = {
  contactConversations: {
    method: 'GET',
    template: '/contacts/{contact}/conversations',
    returns: 'ConversationCollection',
    title: 'Get Conversations',
    description: 'A single Contact may have had Conversations with different Users across your Accounts.',
    status: 200,
  },
  conversation: { method: 'GET', template: '/conversations/{conversation}', returns: 'Conversation', title: 'Get a Conversation', description: 'One conversation, with its action links.', status: 200 },
  readConversation: conversationAction('readConversation', 'PUT', 'read', 'Mark a Conversation read'),
  unreadConversation: conversationAction('unreadConversation', 'DELETE', 'read', 'Mark a Conversation unread'),
  starConversation: conversationAction('starConversation', 'PUT', 'star', 'Star a Conversation'),
  unstarConversation: conversationAction('unstarConversation', 'DELETE', 'star', 'Unstar a Conversation'),
  subscribeConversation: conversationAction('subscribeConversation', 'PUT', 'subscribe', 'Resubscribe a Conversation'),
  unsubscribeConversation: conversationAction('unsubscribeConversation', 'DELETE', 'subscribe', 'Unsubscribe a Conversation'),
  blockConversation: conversationAction('blockConversation', 'PUT', 'block', 'Block a Conversation'),
  unblockConversation: conversationAction('unblockConversation', 'DELETE', 'block', 'Unblock a Conversation'),
  closeConversation: conversationAction('closeConversation', 'PUT', 'close', 'Close a Conversation'),
  reopenConversation: conversationAction('reopenConversation', 'PUT', 'reopen', 'Reopen a Conversation'),
  timeline: { method: 'GET', template: '/conversations/{conversation}/timeline', returns: 'Timeline', title: 'Get a Conversation Timeline', description: 'The messages of a conversation, newest first, paged.', status: 200 },
  stats: { method: 'GET', template: '/conversations/{conversation}/stats', returns: 'ConversationStats', title: 'Get Conversation Stats', description: 'Statistics of a conversation.', status: 200 },
  conversationUserInfo: {
    method: 'GET',
    template: '/conversations/{conversation}/user_info',
    returns: 'ConversationUserInfo',
    title: 'Get your Conversation Info',
    description: 'What the requesting user did with a conversation: read, how far, starred, assigned.',
    status: 200,
  },
  conversationParticipants: {
    method: 'GET',
    template: '/conversations/{conversation}/participants',
    returns: 'hydra:Collection',
    title: 'Get Conversation Participants',
    description: 'The users who took part in a conversation (sent a message in it, or have it assigned), all of them.',
    status: 200,
  },
  conversationAssociatedContacts: {
    method: 'GET',
    template: '/conversations/{conversation}/associated_contacts',
    returns: 'ContactCollection',
    title: 'Get Associated Contacts',
    description: 'The contacts of a conversation that the requesting user may read, all of them.',
    status: 200,
  },
  conversationAssignments: {
    method: 'GET',
    template: '/conversations/{conversation}/assignments',
    returns: 'hydra:Collection',
    title: 'Get Conversation Assignments',
    description: 'Who a conversation is assigned to, all of them.',
    status: 200,
  },
  conversationAssignment: {
    method: 'GET',
    template: '/conversation_assignments/{assignment}',
    returns: 'ConversationAssignment',
    title: 'Get a Conversation Assignment',
    description: 'One assignment of a conversation to a user.',
    status: 200,
  },
  message: { method: 'GET', template: '/messages/{message}', returns: 'Message', title: 'Get a Message', description: 'One message.', status: 200 },
  messageAttachments: {
    method: 'GET',
    template: '/messages/{message}/attachments',
    returns: 'hydra:Collection',
    title: 'Get Message Attachments',
    description: 'The attachments of a message, all of them.',
    status: 200,
  },
  retryMessage: { method: 'POST', template: '/messages/{message}/retry', title: 'Retry a Message', description: 'Retries sending a failed message. Answers 202 with no body.', status: 202, action: 'retry' },
  entrypoint: {
    method: 'GET',
    template: '/',
    returns: 'EntryPoint',
    title: 'Get the Entry Point',
    description: 'Where a client starts: links to the top-level collections. Answered to JSON-LD clients; browsers get the docs site.',
    status: 200,
  },
  accounts: {
    method: 'GET',
    template: '/accounts',
    returns: 'AccountCollection',
    title: 'Get your Accounts',
    description: 'The accounts the requesting user is a member of, newest first, paged.',
    status: 200,
  },
  account: { method: 'GET', template: '/accounts/{account}', returns: 'Account', title: 'Get an Account', description: 'One account.', status: 200 },
  accountConversations: {
    method: 'GET',
    template: '/accounts/{account}/conversations',
    returns: 'ConversationCollection',
    title: 'Get Account Conversations',
    description: 'The conversations of an account, newest first, paged, filterable by state (`?state=open`).',
    status: 200,
  },
  accountContacts: {
    method: 'GET',
    template: '/accounts/{account}/contacts',
    returns: 'ContactCollection',
    title: 'Get Account Contacts',
    description: 'The contacts of an account, newest first, paged.',
    status: 200,
  },
  accountUsers: { method: 'GET', template: '/accounts/{account}/users', returns: 'hydra:Collection', title: 'Get Account Users', description: 'The users of an account, all of them.', status: 200 },
  contact: { method: 'GET', template: '/contacts/{contact}', returns: 'Contact', title: 'Get a Contact', description: 'One contact, with its phones.', status: 200 },
  contactPhones: { method: 'GET', template: '/contacts/{contact}/phones', returns: 'hydra:Collection', title: 'Get Contact Phones', description: 'The phones of a contact, all of them.', status: 200 },
  contactPhone: { method: 'GET', template: '/contact_phones/{phone}', returns: 'ContactPhone', title: 'Get a Contact Phone', description: 'One phone of a contact.', status: 200 },
  contactNotes: { method: 'GET', template: '/contacts/{contact}/notes', returns: 'ContactNoteCollection', title: 'Get Contact Notes', description: 'The notes about a contact.', status: 200 },
  contactNote: { method: 'GET', template: '/contact_notes/{note}', returns: 'ContactNote', title: 'Get a Contact Note', description: 'One note about a contact.', status: 200 },
  user: { method: 'GET', template: '/users/{user}', returns: 'User', title: 'Get a User', description: 'One user, with memberships.', status: 200 },
  userMemberships: {
    method: 'GET',
    template: '/users/{user}/memberships',
    returns: 'hydra:Collection',
    title: 'Get User Memberships',
    description: 'The memberships of a user in the accounts of the requesting user, all of them.',
    status: 200,
  },
  membership: { method: 'GET', template: '/memberships/{membership}', returns: 'Membership', title: 'Get a Membership', description: 'One membership: a user, a role, an account.', status: 200 },
} as const satisfies Readonly<Record<string, RouteFields>>;

/**
 * The name of a route of the TextUs API: a key of the route table.
 *
 * @example
 * ```ts
 * import type { TextusRouteName } from '@hyperld/textus';
 * const name: TextusRouteName = 'contactConversations';
 * ```
 */
export type TextusRouteName = keyof typeof routeTable;

/**
 * A route of the TextUs API with its literal types: its name, method, template, answer type and,
 * for a conversation action, the action's name. `Extract<TextusRoute, { name: K }>` is route `K`.
 *
 * @example
 * ```ts
 * import type { TextusRoute } from '@hyperld/textus';
 * type Timeline = Extract<TextusRoute, { name: 'timeline' }>;
 * const template: Timeline['template'] = '/conversations/{conversation}/timeline';
 * ```
 */
export type TextusRoute = { readonly [K in TextusRouteName]: Route & { readonly name: K } & (typeof routeTable)[K] }[TextusRouteName];

/**
 * Every route of the reference TextUs API.
 *
 * @example
 * ```ts
 * import { textusRoutes } from '@hyperld/textus';
 * textusRoutes.find((r) => r.name === 'contactConversations')?.template; // '/contacts/{contact}/conversations'
 * ```
 */
export const textusRoutes: readonly TextusRoute[] = Object.entries(routeTable).map(([name, fields]) => ({ name, ...fields })) as TextusRoute[];

