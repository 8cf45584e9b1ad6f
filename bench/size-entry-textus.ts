/**
 * `pnpm size`, bundle (b): the program of bundle (a) on the TextUs client and vocabulary
 * (`@hyperld/textus/client`, `@hyperld/textus`), imported by name as in bundle (a).
 *
 * @module
 */
import { ConversationCollection } from '@hyperld/textus';
import { textus } from '@hyperld/textus/client';

const client = textus({ baseUrl: 'https://api.textus.example/', token: () => globalThis.localStorage?.getItem('token') ?? '' });

/**
 * Closes every open conversation of a contact, reading its latest stats.
 *
 * @returns the slugs of the conversations closed.
 * @example
 * ```ts
 * import { closeAll } from './size-entry-textus.js';
 * await closeAll();
 * ```
 */
export async function closeAll(): Promise<string[]> {
  const page = await client.getAs(ConversationCollection, '/contacts/DQeeO69/conversations');
  const closed: string[] = [];
  for await (const conversation of client.members(page, { limit: 100 })) {
    if (!conversation.closeConversation) continue;
    const stats = await client.follow(conversation, 'stats');
    await client.invoke(conversation, 'closeConversation');
    closed.push(`${conversation.slug} (${stats.engagement})`);
  }
  return closed;
}
