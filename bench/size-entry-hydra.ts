/**
 * `pnpm size`, bundle (a): a small browser program on `@hyperld/core` and `@hyperld/hydra/client`
 * alone — its own two-type vocabulary, no TextUs — that uses `createClient`, `get`, `follow`,
 * `members` and `invoke`. Imports name the packages' source entries (what the `@hyperld/source`
 * export condition resolves `@hyperld/core`, `@hyperld/hydra` and `@hyperld/hydra/client` to), so
 * that this file type-checks from `bench/`, which depends on no workspace package.
 *
 * @module
 */
import { createRegistry, t, vocabulary, type NodeOf } from '../packages/core/src/index.js';
import { createClient } from '../packages/hydra/src/client/index.js';
import { action, Collection, hydraTypes, PartialCollectionView } from '../packages/hydra/src/index.js';

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
  registry: createRegistry({ types: [TaskList, User, ...hydraTypes] }),
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
