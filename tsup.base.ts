/**
 * The one tsup configuration of the workspace's packages. Each `packages/<name>/tsup.config.ts`
 * names its entries (one per subpath export) and, where it needs one, an extra (core's esbuild
 * plugin for the CommonJS twins of its optional peers); everything else is decided here, once.
 *
 * @example
 * ```ts
 * import { packageConfig } from '../../tsup.base.js';
 *
 * export default packageConfig(['src/index.ts', 'src/client.ts']);
 * ```
 *
 * @module
 */
import type { Options } from 'tsup';

/**
 * The build of one package: ESM and CommonJS with declarations, source maps and shared chunks.
 *
 * @param entry - the package's entry files, relative to its folder (e.g. `src/index.ts`), or
 *   output names mapped to them (`{ client: 'src/client/index.ts' }` builds `dist/client.js`).
 * @param extra - options added to (or replacing) the shared ones, e.g. `{ esbuildPlugins }`.
 * @returns the tsup options that `tsup.config.ts` exports (`test/helpers/build-package.ts` reads
 *   `entry` from them).
 * @example
 * ```ts
 * import { packageConfig } from '../../tsup.base.js';
 * export default packageConfig(['src/index.ts']);
 * ```
 */
export function packageConfig(entry: string[] | Record<string, string>, extra: Omit<Options, 'entry'> = {}): Options & { entry: string[] | Record<string, string> } {
  return {
    // tsup globs the entries, so one whose file is not written yet is skipped; `pnpm check:packages`
    // (publint) then reports the export that points at it.
    entry,
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
    external: [/^@hyperld\//, 'jsonld', 'fast-check', 'better-sqlite3', 'tsx'],
    ...extra,
  };
}
