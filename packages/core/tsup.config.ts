import { resolve } from 'node:path';
import type { Options } from 'tsup';
import { packageConfig } from '../../tsup.base.js';

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

// Named, so that each entry keeps its file in `dist/` (`dist/jsonld.js`, not `dist/jsonld/index.js`).
export default packageConfig(
  { index: 'src/index.ts', expand: 'src/expand/index.ts', jsonld: 'src/jsonld/index.ts', testing: 'src/testing/index.ts' },
  { esbuildPlugins: [commonJsPeers] },
);
