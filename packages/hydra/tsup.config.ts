import { defineConfig } from 'tsup';

export default defineConfig({
  // Named entries: `src/client/index.ts` builds to `dist/client.js`, as package.json's exports say.
  entry: { index: 'src/index.ts', client: 'src/client/index.ts', server: 'src/server/index.ts' },
  format: ['esm', 'cjs'],
  // Declarations are built against the other packages' built `.d.ts` (pnpm builds in dependency
  // order), not their sources: with the `@hyperld/source` condition the bundler would copy their
  // types into this package with relative imports that do not exist here.
  dts: { compilerOptions: { customConditions: [] } },
  sourcemap: true,
  clean: true,
  // Shared code goes into chunks in the CJS build too (tsup splits only ESM by default), so that
  // each entry of a package sees one copy of its classes and module state (error classes for
  // `instanceof`, the node metadata WeakMap), whichever entry loaded it.
  splitting: true,
  target: 'node20',
  treeshake: true,
  // Never bundled: the other workspace packages and the heavy or optional dependencies, which the
  // consumer installs once (tsup already leaves out what package.json lists; this keeps it so
  // should one of them move to devDependencies).
  external: [/^@hyperld\//, 'jsonld', 'fast-check', 'better-sqlite3'],
});
