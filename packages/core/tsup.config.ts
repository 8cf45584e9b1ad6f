import { resolve } from 'node:path';
import { defineConfig, type Options } from 'tsup';

/**
 * In the CommonJS build, `./peers/<name>.js` is `src/peers/<name>.cjs.ts`. The ES module loads
 * its optional peer dependency with a top-level `await import()`, the only way an ES module can
 * catch a package that is not installed; CommonJS cannot hold a top-level `await`, and there a
 * `require` in a `try` does the same. tsup runs esbuild in ESM for both formats (rollup makes
 * the CommonJS afterwards), so the format is read from the `TSUP_FORMAT` constant tsup defines;
 * should that ever change, rollup stops the CommonJS build at the top-level `await`.
 */
const commonJsPeers: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'commonjs-peers',
  setup(build) {
    if (build.initialOptions.define?.['TSUP_FORMAT'] !== '"cjs"') return;
    build.onResolve({ filter: /(^|\/)peers\/[a-z-]+\.js$/ }, (args) => ({ path: resolve(args.resolveDir, args.path.replace(/\.js$/, '.cjs.ts')) }));
  },
};

export default defineConfig({
  // Named, so that each entry keeps its file in `dist/` (`dist/jsonld.js`, not `dist/jsonld/index.js`)
  // whatever folder its source lives in.
  entry: { index: 'src/index.ts', jsonld: 'src/jsonld/index.ts', testing: 'src/testing/index.ts' },
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
  esbuildPlugins: [commonJsPeers],
});
