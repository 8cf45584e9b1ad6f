/**
 * `ConversationFilter`: a saved inbox view, with batch actions over its conversations.
 *
 * @module
 */
import { t, type DefType } from '@hyperld/core';
import { action } from '@hyperld/hydra';
import { v } from './namespace.js';

const batch = (method: 'PUT' | 'DELETE', what: string) =>
  action({ method, description: `${method} to ${what} every conversation of the view modified before the URL's \`modified_before\` parameter (names inferred).` });

const conversationFilter = v.type('ConversationFilter', {
  description: 'A saved inbox view, with batch actions over its conversations.',
  properties: {
    slug: t.string().describe('The view slug.'),
    title: t.string().describe('The view title.'),
    unreadCount: t.integer().describe('Unread conversations in the view.'),
    totalCount: t.integer().describe('Conversations in the view.'),
    conversations: t.link('ConversationCollection').describe('The conversations of the view.'),
    closeConversations: batch('PUT', 'close'),
    reopenConversations: batch('PUT', 'reopen'),
    readConversations: batch('PUT', 'mark read'),
    unreadConversations: batch('DELETE', 'mark unread'),
    starConversations: batch('PUT', 'star'),
    unstarConversations: batch('DELETE', 'unstar'),
    assignConversations: batch('PUT', 'assign'),
    unassignConversations: batch('DELETE', 'unassign'),
  },
});

/**
 * The type of {@link ConversationFilter}, by name: declarations that embed or extend it refer to
 * `ConversationFilterDef` instead of spelling out its properties again.
 *
 * @example
 * ```ts
 * import type { NodeOf } from '@hyperld/core';
 * import type { ConversationFilterDef } from '@hyperld/textus';
 * type ConversationFilterNode = NodeOf<ConversationFilterDef>; // the same as NodeOf<typeof ConversationFilter>
 * ```
 */
export interface ConversationFilterDef extends DefType<typeof conversationFilter> {}
/**
 * `ConversationFilter`: a saved inbox view with batch actions.
 *
 * @example
 * ```ts
 * import { ConversationFilter } from '@hyperld/textus';
 * ConversationFilter.type; // 'ConversationFilter'
 * ```
 */
export const ConversationFilter: ConversationFilterDef = conversationFilter;
