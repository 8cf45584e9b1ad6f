/**
 * `Timeline`: the messages of a conversation, newest first, paged.
 *
 * @module
 */
import { t, type DefType } from '@hyperld/core';
import { Collection } from '@hyperld/hydra';
import { membersOf, totalItems, view } from './collection.js';
import { Message } from './message.js';
import { v } from './namespace.js';

const timeline = v.type('Timeline', {
  extends: Collection,
  description: 'The messages of a conversation, newest first, paged.',
  properties: {
    latestPosition: t.dateTime().nullable().describe('The position of the latest message.'),
    totalItems,
    members: membersOf(t.node(Message)),
    view,
  },
});

/**
 * The type of {@link Timeline}, by name: declarations that embed or extend it refer to
 * `TimelineDef` instead of spelling out its properties again.
 *
 * @example
 * ```ts
 * import type { NodeOf } from '@hyperld/core';
 * import type { TimelineDef } from '@hyperld/textus';
 * type TimelineNode = NodeOf<TimelineDef>; // the same as NodeOf<typeof Timeline>
 * ```
 */
export interface TimelineDef extends DefType<typeof timeline> {}
/**
 * `Timeline`: the messages of a conversation, paged.
 *
 * @example
 * ```ts
 * import { Timeline } from '@hyperld/textus';
 * Timeline.properties.latestPosition.spec.tag; // 'dateTime'
 * ```
 */
export const Timeline: TimelineDef = timeline;
