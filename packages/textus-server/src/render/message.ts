/**
 * Rendering messages, and their (always empty) attachments.
 *
 * @module
 */
import type { JsonObject, NodeOf } from '@hyperld/core';
import { COLLECTION_CONTEXT, type Message } from '@hyperld/textus';
import type { MessageRow } from '../store/rows.js';
import { contextUrl, escapeHtml } from './format.js';

const DESCRIPTIONS: Record<string, string> = {
  received: 'Inbound Message Received',
  delivered: 'Message Delivered',
  queued: 'Message Queued',
  scheduled: 'Message Scheduled',
  failed: 'Message Failed',
  failed_transient: 'Message Failed (Temporary)',
  dispatched: 'Message Dispatched',
  created: 'Message Created',
  unknown: 'Delivery Unknown',
};

/**
 * Renders a message (the seed's key order: `@type`, `id`, `@context`, …).
 *
 * @param m - the message row.
 * @returns the node.
 * @example
 * ```ts
 * import { renderMessage } from '@hyperld/textus-server';
 * const message = renderMessage({
 *   id: '06oyogE', seq: 1, conversation_id: 'Pvwqm5G', direction: 'in', body: 'Hi & bye', delivery_state: 'received',
 *   ts: '2018-07-24T20:59:32.156Z', sender_id: null, source: 'textus', flags: '[]',
 * });
 * message.formattedBody; // '<div>Hi &#38; bye</div>'
 * ```
 */
export function renderMessage(m: MessageRow): NodeOf<typeof Message> {
  const failed = m.delivery_state === 'failed' || m.delivery_state === 'failed_transient';
  return {
    '@type': 'Message',
    id: `/messages/${m.id}`,
    '@context': contextUrl('Message'),
    direction: m.direction,
    body: m.body,
    formattedBody: `<div>${escapeHtml(m.body)}</div>`,
    deliveryState: m.delivery_state,
    displayTimestamp: m.ts,
    timelinePosition: m.ts,
    conversation: `/conversations/${m.conversation_id}`,
    sender: m.sender_id === null ? null : `/users/${m.sender_id}`,
    attachments: renderAttachments(m.id),
    friendlyStateDescription: DESCRIPTIONS[m.delivery_state] ?? m.delivery_state,
    retryAllowed: failed,
    retry: failed ? `/messages/${m.id}/retry` : null,
    latestEventAt: m.ts,
    flags: JSON.parse(m.flags) as string[],
    source: m.source,
  } as NodeOf<typeof Message>;
}

/**
 * Renders the attachments of a message, embedded in it and at their own URL alike: the store
 * keeps no attachments, so the collection is always empty.
 *
 * @param messageId - the message's id.
 * @returns the collection.
 * @example
 * ```ts
 * import { renderAttachments } from '@hyperld/textus-server';
 * renderAttachments('06oyogE')['id']; // '/messages/06oyogE/attachments'
 * ```
 */
export function renderAttachments(messageId: string): JsonObject {
  return { '@context': COLLECTION_CONTEXT, '@type': 'hydra:Collection', id: `/messages/${messageId}/attachments`, members: [], totalItems: 0 };
}
