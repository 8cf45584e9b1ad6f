import { describe, expectTypeOf, it } from 'vitest';
import type { GenericNode, NodeOf } from '@hyperld/core';
import { ConversationCollection, type ConversationStats, type Message, type Timeline } from './index.js';
import { textus } from './client.js';

describe('the TextUs client is typed end to end', () => {
  const client = textus({ baseUrl: 'http://127.0.0.1:8080', token: 't' });

  it('types get, members, follow and invoke', async () => {
    const page = await client.getAs(ConversationCollection, '/contacts/DQeeO69/conversations');
    for await (const conversation of client.members(page)) {
      expectTypeOf(conversation['@type']).toEqualTypeOf<'ConversationWithAccount'>();
      expectTypeOf(conversation.slug).toEqualTypeOf<string>();
      const timeline = await client.follow(conversation, 'timeline');
      expectTypeOf(timeline).toEqualTypeOf<NodeOf<typeof Timeline>>();
      const stats = await client.follow(conversation, 'stats');
      expectTypeOf(stats).toEqualTypeOf<NodeOf<typeof ConversationStats>>();
      // An embedded node is returned as it is.
      const latest = await client.follow(conversation, 'latestPreviewableItem');
      expectTypeOf(latest).toEqualTypeOf<NodeOf<typeof Message>>();
      // An untargeted link gives whatever comes back.
      const participants = await client.follow(conversation, 'participants');
      expectTypeOf(participants).toMatchTypeOf<GenericNode | object>();
      const closed = await client.invoke(conversation, 'closeConversation');
      expectTypeOf(closed?.currentState).toMatchTypeOf<string | undefined>();
      // @ts-expect-error: `timeline` is a link, not an action.
      await client.invoke(conversation, 'timeline');
      // @ts-expect-error: no such action.
      await client.invoke(conversation, 'archiveConversation');
      // @ts-expect-error: `slug` is not a link.
      await client.follow(conversation, 'slug');
    }
  });
});
