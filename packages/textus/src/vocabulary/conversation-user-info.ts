/**
 * `ConversationUserInfo`: what the requesting user has done with a conversation.
 *
 * @module
 */
import { t, type DefType } from '@hyperld/core';
import { v } from './namespace.js';

const conversationUserInfo = v.type('ConversationUserInfo', {
  description: 'What the requesting user has done with a conversation.',
  properties: {
    read: t.boolean().describe('Whether the user has read it.'),
    readToTimelinePosition: t.dateTime().nullable().describe('How far the user has read, or null.'),
    starred: t.boolean().describe('Whether the user starred it.'),
    assigned: t.boolean().describe('Whether it is assigned to the user.'),
  },
});

/**
 * The type of {@link ConversationUserInfo}, by name: declarations that embed or extend it refer to
 * `ConversationUserInfoDef` instead of spelling out its properties again.
 *
 * @example
 * ```ts
 * import type { NodeOf } from '@hyperld/core';
 * import type { ConversationUserInfoDef } from '@hyperld/textus';
 * type ConversationUserInfoNode = NodeOf<ConversationUserInfoDef>; // the same as NodeOf<typeof ConversationUserInfo>
 * ```
 */
export interface ConversationUserInfoDef extends DefType<typeof conversationUserInfo> {}
/**
 * `ConversationUserInfo`: the requesting user's view of a conversation.
 *
 * @example
 * ```ts
 * import { ConversationUserInfo } from '@hyperld/textus';
 * ConversationUserInfo.properties.readToTimelinePosition.isNullable; // true
 * ```
 */
export const ConversationUserInfo: ConversationUserInfoDef = conversationUserInfo;
