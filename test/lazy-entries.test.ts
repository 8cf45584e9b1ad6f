/**
 * What the client loads by `await import()` stays out of a browser page's first chunk, with
 * esbuild too. esbuild keeps in the entry chunk every module the page reaches by static imports,
 * even through a package index's re-export the page does not use; so the modules behind the
 * client's lazy imports must not be re-exported by `@hyperld/core` or `@hyperld/hydra` (they are
 * their own entries: `@hyperld/core/expand`, `@hyperld/hydra/discovery`, `@hyperld/hydra/search`).
 * The program imports both indexes, as applications do.
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
