/**
 * Rendering a conversation's assignments, and the ids they are served under.
 *
 * @module
 */
import type { JsonObject } from '@hyperld/core';
import { COLLECTION_CONTEXT } from '@hyperld/textus';
import type { UserRow } from '../store/rows.js';
import { contextUrl } from './format.js';
import { renderUser } from './user.js';

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
 * renderAssignment('Pvwqm5G', demo)['id']; // '/conversation_assignments/Pvwqm5G.u_demo'
 * ```
 */
export function renderAssignment(conversationId: string, assignee: UserRow): JsonObject {
  return {
    '@type': 'ConversationAssignment',
    '@context': contextUrl('ConversationAssignment'),
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
 * renderAssignments('Pvwqm5G', [])['id']; // '/conversations/Pvwqm5G/assignments'
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
