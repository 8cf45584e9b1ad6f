/**
 * The conversation actions: their URLs and methods, and the availability rules that say, from a
 * conversation's state, whether each is offered as a URL or withheld as `null`.
 *
 * @module
 */

/**
 * The state an action's availability depends on.
 *
 * @example
 * ```ts
 * import type { ConversationStateFacts } from '@hyperld/textus';
 * const facts: ConversationStateFacts = { currentState: 'open', blocked: false, unsubscribed: false };
 * ```
 */
export interface ConversationStateFacts {
  /** `open`, `closed`, `blocked` (or a newer state). */
  readonly currentState: string;
  /** Whether the conversation is blocked. */
  readonly blocked: boolean;
  /** Whether the contact has unsubscribed. */
  readonly unsubscribed: boolean;
}

/**
 * Every conversation action with its method and the path segment after the conversation's IRI.
 * Opposite actions share a segment and differ by method.
 *
 * @example
 * ```ts
 * import { CONVERSATION_ACTIONS } from '@hyperld/textus';
 * CONVERSATION_ACTIONS.unreadConversation; // { method: 'DELETE', segment: 'read' }
 * ```
 */
export const CONVERSATION_ACTIONS = {
  readConversation: { method: 'PUT', segment: 'read' },
  unreadConversation: { method: 'DELETE', segment: 'read' },
  starConversation: { method: 'PUT', segment: 'star' },
  unstarConversation: { method: 'DELETE', segment: 'star' },
  reopenConversation: { method: 'PUT', segment: 'reopen' },
  closeConversation: { method: 'PUT', segment: 'close' },
  blockConversation: { method: 'PUT', segment: 'block' },
  unblockConversation: { method: 'DELETE', segment: 'block' },
  subscribeConversation: { method: 'PUT', segment: 'subscribe' },
  unsubscribeConversation: { method: 'DELETE', segment: 'subscribe' },
  assignContact: { method: 'PUT', segment: 'assign_contact' },
} as const;

/**
 * The name of a conversation action.
 *
 * @example
 * ```ts
 * import { CONVERSATION_ACTIONS, type ConversationActionName } from '@hyperld/textus';
 * const name: ConversationActionName = 'closeConversation';
 * CONVERSATION_ACTIONS[name].method; // 'PUT'
 * ```
 */
export type ConversationActionName = keyof typeof CONVERSATION_ACTIONS;

const isBlocked = (s: ConversationStateFacts): boolean => s.blocked || s.currentState === 'blocked';

/**
 * The availability rules: whether each action is available for a conversation in a given state.
 * Read/unread and star/unstar are always offered (the method says which way, as the seed shows);
 * an open conversation offers close, not reopen; a closed one the reverse; a blocked one offers
 * unblock and reopen and withdraws block and close; a subscribed contact offers unsubscribe, an
 * unsubscribed one subscribe.
 *
 * @example
 * ```ts
 * import { conversationRules } from '@hyperld/textus';
 * conversationRules.closeConversation({ currentState: 'open', blocked: false, unsubscribed: false }); // true
 * ```
 */
export const conversationRules: Readonly<Record<ConversationActionName, (state: ConversationStateFacts) => boolean>> = {
  readConversation: () => true,
  unreadConversation: () => true,
  starConversation: () => true,
  unstarConversation: () => true,
  closeConversation: (s) => s.currentState === 'open' && !isBlocked(s),
  reopenConversation: (s) => s.currentState === 'closed' || isBlocked(s),
  blockConversation: (s) => !isBlocked(s),
  unblockConversation: (s) => isBlocked(s),
  subscribeConversation: (s) => s.unsubscribed,
  unsubscribeConversation: (s) => !s.unsubscribed,
  assignContact: () => true,
};

/**
 * The action links of a conversation: the URL where the rule holds, `null` where it does not.
 *
 * @param conversationIri - the conversation's IRI (`/conversations/Pvwqm5G`).
 * @param state - its state.
 * @returns a link or `null` per action.
 * @example
 * ```ts
 * import { conversationActionLinks } from '@hyperld/textus';
 * conversationActionLinks('/conversations/Pvwqm5G', { currentState: 'open', blocked: false, unsubscribed: false }).closeConversation;
 * // '/conversations/Pvwqm5G/close'
 * ```
 */
export function conversationActionLinks(conversationIri: string, state: ConversationStateFacts): Record<ConversationActionName, string | null> {
  const out = {} as Record<ConversationActionName, string | null>;
  for (const name of Object.keys(CONVERSATION_ACTIONS) as ConversationActionName[]) {
    out[name] = conversationRules[name](state) ? `${conversationIri}/${CONVERSATION_ACTIONS[name].segment}` : null;
  }
  return out;
}

/**
 * What performing an action does to a conversation's state (read, star and assign change the
 * user's info, not this state, and return it unchanged).
 *
 * @param name - the action.
 * @param state - the state before.
 * @returns the state after.
 * @example
 * ```ts
 * import { applyConversationAction } from '@hyperld/textus';
 * applyConversationAction('closeConversation', { currentState: 'open', blocked: false, unsubscribed: false }).currentState; // 'closed'
 * ```
 */
export function applyConversationAction(name: ConversationActionName, state: ConversationStateFacts): ConversationStateFacts {
  switch (name) {
    case 'closeConversation':
      return { ...state, currentState: 'closed' };
    case 'reopenConversation':
      return { ...state, currentState: 'open', blocked: false };
    case 'blockConversation':
      return { ...state, currentState: 'blocked', blocked: true };
    case 'unblockConversation':
      return { ...state, currentState: 'closed', blocked: false };
    case 'subscribeConversation':
      return { ...state, unsubscribed: false };
    case 'unsubscribeConversation':
      return { ...state, unsubscribed: true };
    default:
      return state;
  }
}
