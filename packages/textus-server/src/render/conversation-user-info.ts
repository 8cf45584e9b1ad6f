/**
 * Rendering what the requesting user did with a conversation.
 *
 * @module
 */
import type { JsonObject } from '@hyperld/core';
import type { UserInfoRow } from '../store/rows.js';
import { contextUrl } from './format.js';

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
 * renderUserInfo('Pvwqm5G', { conversation_id: 'Pvwqm5G', user_id: 'u_demo', read: 0, read_to: null, starred: 0, assigned: 1 })['assigned']; // true
 * ```
 */
export function renderUserInfo(conversationId: string, info: UserInfoRow): JsonObject {
  return {
    '@type': 'ConversationUserInfo',
    '@context': contextUrl('ConversationUserInfo'),
    id: `/conversations/${conversationId}/user_info`,
    read: info.read === 1,
    readToTimelinePosition: info.read_to,
    starred: info.starred === 1,
    assigned: info.assigned === 1,
  };
}
