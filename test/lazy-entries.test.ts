/**
 * What the client loads by `await import()` stays out of a browser page's first chunk, with
 * esbuild too. esbuild keeps in the entry chunk every module the page reaches by static imports,
 * even through a package index's re-export the page does not use; so the modules behind the
 * client's lazy imports must not be re-exported by `@hyperld/core` or `@hyperld/hydra` (they are
 * their own entries: `@hyperld/core/expand`, `@hyperld/hydra/discovery`, `@hyperld/hydra/search`).
 * The program imports both indexes, as applications do.
 *
 * And a bundle carries only the Hydra types its registry holds: each type is a module of its own
 * whose definition bundlers may drop, and neither the readers nor the lazy modules reach for
 * `hydraRegistry` (which holds them all).
 */
import { describe, expect, it } from 'vitest';
import { bundleSize } from '../bench/bundle-size.js';

const PROGRAM = `
import { createRegistry } from '@hyperld/core';
import { Collection, hydraTypes, listActions } from '@hyperld/hydra';
import { createClient } from '@hyperld/hydra/client';
const client = createClient({ baseUrl: 'https://api.example/', registry: createRegistry({ types: [...hydraTypes] }) });
export async function run() {
  const page = await client.get('/things');
  await client.operations(page);
  await client.search(page, { q: 'x' });
  return [Collection, listActions(page)];
}
`;

/** The source modules behind the client's `await import()`s, by path. */
const LAZY = ['packages/hydra/src/api-doc-reader.ts', 'packages/hydra/src/operations.ts', 'packages/hydra/src/search.ts', 'packages/hydra/src/iri-template/rfc6570.ts', 'packages/core/src/expand/expander.ts', 'packages/hydra/src/client/context-store.ts'];

describe('a browser bundle of the client (esbuild, code splitting)', () => {
  it('loads the API documentation reader, operations, search templates, the expander and the context store only on first use', async () => {
    const { entry, lazy } = await bundleSize({ contents: PROGRAM, splitting: true });
    const eager = new Set(entry.inputs.map((i) => i.input));
    const later = new Set(lazy.flatMap((c) => c.inputs.map((i) => i.input)));
    // The client and the codec are in the entry chunk; each lazy module is in a lazy chunk, not there.
    expect(eager).toContain('packages/hydra/src/client/client.ts');
    for (const file of LAZY) {
      expect(eager, `${file} is in the entry chunk`).not.toContain(file);
      expect(later, `${file} is in no lazy chunk`).toContain(file);
    }
  }, 60_000);
});

/** A program that decodes one collection type of its own, and never registers `hydraTypes`. */
const TYPED_PROGRAM = `
import { createRegistry, t, vocabulary } from '@hyperld/core';
import { Collection, PartialCollectionView, listActions, readHydra } from '@hyperld/hydra';
import { createClient } from '@hyperld/hydra/client';
const v = vocabulary({ vocab: 'https://tasks.example/vocab#' });
const TaskList = v.type('TaskList', { extends: Collection, properties: { view: t.node(PartialCollectionView).optional().mapTo('hydra:view') } });
const client = createClient({ baseUrl: 'https://api.example/', registry: createRegistry({ types: [TaskList] }) });
export async function run() {
  const page = await client.get('/tasks');
  await client.operations(page);
  await client.search(page, { q: 'x' });
  return [listActions(page), readHydra(page, 'totalItems')];
}
`;

/** The Hydra types that program never decodes, and `hydraTypes` / `hydraRegistry` with them. */
const UNUSED_TYPES = ['status', 'operation', 'supported-property', 'link', 'class', 'api-documentation', 'error'].map((name) => `packages/hydra/src/vocabulary/${name}.ts`);

describe('a browser bundle of a client with its own collection type', () => {
  it('carries the Hydra types that type embeds (Collection, its view and search template), and no other, in any chunk', async () => {
    const { entry, lazy } = await bundleSize({ contents: TYPED_PROGRAM, splitting: true });
    // The modules that put bytes in a chunk (esbuild lists a module whose every statement was dropped with 0).
    const all = new Set([...entry.inputs, ...lazy.flatMap((c) => c.inputs)].filter((i) => i.bytes > 0).map((i) => i.input));
    for (const file of ['collection', 'partial-collection-view', 'iri-template']) expect(all).toContain(`packages/hydra/src/vocabulary/${file}.ts`);
    for (const file of [...UNUSED_TYPES, 'packages/hydra/src/vocabulary.ts']) expect(all, `${file} is in the bundle`).not.toContain(file);
  }, 60_000);
});
