/**
 * `pnpm size`, bundle (a): a small browser program on `@hyperld/core` and `@hyperld/hydra/client`
 * alone — its own two-type vocabulary, no TextUs — that uses `createClient`, `get`, `follow`,
 * `members` and `invoke`. Its registry holds its own types only: the Hydra types they extend or
 * embed come with them, and no other (a browser client needs no `hydraTypes`). It imports the
 * packages by name, as an application would; `pnpm size`
 * bundles it with the `@hyperld/source` condition, so their sources are measured with no build.
 *
 * @module
 */
import { createRegistry, t, vocabulary, type NodeOf } from '@hyperld/core';
// hydra/client before hydra: the bundle's module order, and so its gzip size, follows the imports.
import { createClient } from '@hyperld/hydra/client';
import { action, Collection, PartialCollectionView } from '@hyperld/hydra';

const v = vocabulary({ vocab: 'https://tasks.example/vocab#' });

const User = v.type('User', { properties: { name: t.string() } });

const Task = v.type('Task', {
  properties: {
    title: t.string(),
    done: t.boolean(),
    owner: t.link('User'),
    complete: action({ method: 'PUT', returns: 'Task' }),
  },
});

const TaskList = v.type('TaskList', {
  extends: Collection,
  properties: {
    members: t.list(t.node(Task)).mapTo('hydra:member'),
    totalItems: t.integer().mapTo('hydra:totalItems'),
    view: t.node(PartialCollectionView).optional().mapTo('hydra:view'),
  },
});

const client = createClient({
  baseUrl: 'https://tasks.example/',
  registry: createRegistry({ types: [TaskList, User] }),
  token: () => globalThis.localStorage?.getItem('token') ?? '',
});

/**
 * Completes every open task of the list, naming its owner.
 *
 * @returns the titles of the tasks completed.
 * @example
 * ```ts
 * import { completeAll } from './size-entry-hydra.js';
 * await completeAll();
 * ```
 */
export async function completeAll(): Promise<string[]> {
  const list = (await client.get('/tasks')) as NodeOf<typeof TaskList>;
  const done: string[] = [];
  for await (const task of client.members(list, { limit: 100 })) {
    if (task.done || !task.complete) continue;
    const owner = await client.follow(task, 'owner');
    await client.invoke(task, 'complete');
    done.push(`${task.title} (${owner.name})`);
  }
  return done;
}
