/**
 * `ConversationAssignment`: an assignment of a conversation to a user.
 *
 * @module
 */
import { t, type DefType } from '@hyperld/core';
import { v } from './namespace.js';
import { User } from './user.js';

const conversationAssignment = v.type('ConversationAssignment', {
  description: 'An assignment of a conversation to a user.',
  properties: {
    assignee: t.node(User).describe('The user it is assigned to.'),
    assigner: t.link('User').describe('The user who assigned it.'),
  },
});

/**
 * The type of {@link ConversationAssignment}, by name: declarations that embed or extend it refer to
 * `ConversationAssignmentDef` instead of spelling out its properties again.
 *
 * @example
 * ```ts
 * import type { NodeOf } from '@hyperld/core';
 * import type { ConversationAssignmentDef } from '@hyperld/textus';
 * type ConversationAssignmentNode = NodeOf<ConversationAssignmentDef>; // the same as NodeOf<typeof ConversationAssignment>
 * ```
 */
export interface ConversationAssignmentDef extends DefType<typeof conversationAssignment> {}
/**
 * `ConversationAssignment`: who assigned a conversation to whom.
 *
 * @example
 * ```ts
 * import { ConversationAssignment } from '@hyperld/textus';
 * ConversationAssignment.type; // 'ConversationAssignment'
 * ```
 */
export const ConversationAssignment: ConversationAssignmentDef = conversationAssignment;
