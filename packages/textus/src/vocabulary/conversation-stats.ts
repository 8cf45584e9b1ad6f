/**
 * `ConversationStats`: statistics of a conversation.
 *
 * @module
 */
import { t, type DefType } from '@hyperld/core';
import { v } from './namespace.js';

const conversationStats = v.type('ConversationStats', {
  description: 'Statistics of a conversation.',
  properties: {
    conversationStartedAt: t.dateTime().describe('When the first message was exchanged.'),
    engagement: t.string().describe('A letter grade such as `C`.'),
    outboundDelivered: t.number().describe('How many outbound messages were delivered.'),
  },
});

/**
 * The type of {@link ConversationStats}, by name: declarations that embed or extend it refer to
 * `ConversationStatsDef` instead of spelling out its properties again.
 *
 * @example
 * ```ts
 * import type { NodeOf } from '@hyperld/core';
 * import type { ConversationStatsDef } from '@hyperld/textus';
 * type ConversationStatsNode = NodeOf<ConversationStatsDef>; // the same as NodeOf<typeof ConversationStats>
 * ```
 */
export interface ConversationStatsDef extends DefType<typeof conversationStats> {}
/**
 * `ConversationStats`: statistics of a conversation.
 *
 * @example
 * ```ts
 * import { ConversationStats } from '@hyperld/textus';
 * ConversationStats.type; // 'ConversationStats'
 * ```
 */
export const ConversationStats: ConversationStatsDef = conversationStats;
