/**
 * The phone number a conversation is held with, by the seed's rule.
 *
 * @module
 */
import type { ConversationRow } from '../store/rows.js';
import type { TextusStore } from '../store/textus-store.js';

/**
 * The phone number a conversation is held with. The schema keeps no number on a conversation, so
 * the seed's rule is: the last of the contact's phones in `store.phonesOf` order (by id). A
 * renderer filling `phoneNumber` should use this until conversations get a column of their own.
 *
 * @param store - the store.
 * @param conversation - the conversation (only its `contact_id` is read).
 * @returns the E.164 number, or `null` when the contact has no phone.
 * @example
 * ```ts
 * import { conversationPhoneNumber, seedStore, TextusStore } from '@hyperld/textus-server';
 * const store = TextusStore.open(':memory:');
 * seedStore(store);
 * conversationPhoneNumber(store, { contact_id: 'DQeeO69' }); // '+13035555678'
 * ```
 */
export function conversationPhoneNumber(store: TextusStore, conversation: Pick<ConversationRow, 'contact_id'>): string | null {
  const phones = store.phonesOf(conversation.contact_id);
  return phones[phones.length - 1]?.phone_number ?? null;
}
