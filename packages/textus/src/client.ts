/**
 * `@hyperld/textus/client`: a typed TextUs client — the hydra client with the TextUs vocabulary
 * and media type, so that navigation is typed end to end.
 *
 * @example
 * ```ts
 * import { textus } from '@hyperld/textus/client';
 * import { ConversationCollection } from '@hyperld/textus';
 * const client = textus({ baseUrl: 'http://127.0.0.1:8080', token: process.env['TEXTUS_TOKEN'] ?? '' });
 * const page = await client.getAs(ConversationCollection, '/contacts/DQeeO69/conversations');
 * for await (const conversation of client.members(page)) {
 *   if (conversation.closeConversation) await client.invoke(conversation, 'closeConversation');
 * }
 * ```
 *
 * @module
 */
import { createClient, type Client, type ClientOptions } from '@hyperld/hydra/client';
import { TEXTUS_MEDIA_TYPE } from './vocabulary/namespace.js';
import { textusRegistry, type TextusTypes } from './vocabulary/registry.js';

/**
 * Options of {@link textus}: the hydra client's, less the registry and media type.
 *
 * @example
 * ```ts
 * import type { TextusClientOptions } from '@hyperld/textus/client';
 * const options: TextusClientOptions = { baseUrl: 'http://127.0.0.1:8080', token: 'u_demo.secret' };
 * ```
 */
export type TextusClientOptions = Omit<ClientOptions<TextusTypes>, 'registry' | 'mediaType'>;

/**
 * Creates a typed TextUs client.
 *
 * @param options - base URL, token and policies.
 * @returns the client.
 * @example
 * ```ts
 * import { textus } from '@hyperld/textus/client';
 * const client = textus({ baseUrl: 'http://127.0.0.1:8080', token: 'u_demo.secret' });
 * ```
 */
export function textus(options: TextusClientOptions): Client<TextusTypes> {
  return createClient({ ...options, registry: textusRegistry, mediaType: TEXTUS_MEDIA_TYPE });
}

export type { Client } from '@hyperld/hydra/client';
export type { TextusTypes } from './vocabulary/registry.js';
