/**
 * `Message`: an inbound or outbound message of a conversation, with its `retry` action.
 *
 * @module
 */
import { t, type DefType } from '@hyperld/core';
import { action, Collection } from '@hyperld/hydra';
import { v } from './namespace.js';

const message = v.type('Message', {
  description: 'An inbound or outbound message of a conversation.',
  properties: {
    direction: t.enumeration(['in', 'out'] as const).describe('`in` for received, `out` for sent.'),
    body: t.string().describe('The text.'),
    formattedBody: t.string().describe('The text as HTML.'),
    deliveryState: t
      .enumeration(['created', 'received', 'scheduled', 'queued', 'dispatched', 'delivered', 'failed_transient', 'unknown', 'failed'] as const, { open: true })
      .describe('Where delivery stands (open: new states may appear).'),
    displayTimestamp: t.dateTime().describe('The time shown for it.'),
    timelinePosition: t.dateTime().describe('Its position in the conversation timeline.'),
    conversation: t.link('Conversation').describe('The conversation.'),
    sender: t.link('User').nullable().describe('The user who sent it; null for inbound messages.'),
    attachments: t.node(Collection).describe('The attachments, an embedded collection.'),
    friendlyStateDescription: t.string().describe('The delivery state for people.'),
    retryAllowed: t.boolean().describe('Whether a failed message may be retried.'),
    retry: action({ method: 'POST', status: 202, description: 'POST to retry sending; answers 202 with no body.' }),
    latestEventAt: t.dateTime().describe('When its delivery state last changed (with milliseconds).'),
    flags: t.list(t.string()).describe('Flags such as `scheduled`.'),
    source: t.string().describe('What produced it (e.g. `textus`).'),
  },
});

/**
 * The type of {@link Message}, by name: declarations that embed or extend it refer to
 * `MessageDef` instead of spelling out its properties again.
 *
 * @example
 * ```ts
 * import type { NodeOf } from '@hyperld/core';
 * import type { MessageDef } from '@hyperld/textus';
 * type MessageNode = NodeOf<MessageDef>; // the same as NodeOf<typeof Message>
 * ```
 */
export interface MessageDef extends DefType<typeof message> {}
/**
 * `Message`: an inbound or outbound message.
 *
 * @example
 * ```ts
 * import { Message } from '@hyperld/textus';
 * Message.properties.retry.annotations['hydra:action']; // { method: 'POST', status: 202 }
 * ```
 */
export const Message: MessageDef = message;
