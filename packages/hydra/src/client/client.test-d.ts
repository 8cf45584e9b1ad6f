import type { GenericNode, NodeOf } from '@hyperld/core';
import { describe, expectTypeOf, it } from 'vitest';
import type { Conversation } from '../__fixtures__/conversations.js';
import type { DiscoveredOperation } from '../operations.js';
import type { Client, Operation } from './index.js';

declare const client: Client<typeof Conversation>;
declare const conversation: NodeOf<typeof Conversation>;
declare const generic: GenericNode;

describe('invoke and operations', () => {
  it('lists operations of any node', () => {
    expectTypeOf(client.operations(conversation)).toEqualTypeOf<Promise<Operation[]>>();
    expectTypeOf<Operation>().toEqualTypeOf<DiscoveredOperation>();
  });

  it('keeps the typed path for declared actions, and checks names on typed nodes at compile time', async () => {
    const closed = await client.invoke(conversation, 'closeConversation');
    expectTypeOf(closed).toEqualTypeOf<NodeOf<typeof Conversation> | undefined>();
    // @ts-expect-error: a typed node's names are its declared actions; a run-time operation is passed as listed.
    await client.invoke(conversation, 'GET self');
    const [operation] = await client.operations(conversation);
    if (operation) expectTypeOf(client.invoke(conversation, operation)).toEqualTypeOf<Promise<NodeOf<typeof Conversation> | GenericNode | undefined>>();
  });

  it('takes any name on a node whose type declares no actions', () => {
    expectTypeOf(client.invoke(generic, 'POST book', { isbn: '978' })).toEqualTypeOf<Promise<NodeOf<typeof Conversation> | GenericNode | undefined>>();
  });
});
