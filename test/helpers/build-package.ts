/**
 * Builds a workspace package's JavaScript with its own `tsup.config.ts` into a directory of the
 * test's choosing, so that tests of the built code (ESM and CommonJS) need no `pnpm build` first
 * and never read a stale `dist/`. Declarations are left out: they take most of the build's time
 * and no such test reads them.
 *
 * @module
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Options } from 'tsup';

/** The workspace's `packages/` directory. */
export const PACKAGES = new URL('../../packages/', import.meta.url);

/**
 * Builds `packages/<name>` (ESM and CommonJS, as `pnpm build` does, without declarations) into
 * `outDir`.
 *
 * @param name - the package's folder under `packages/`, e.g. `core`.
 * @param outDir - where the built files go (emptied first).
 * @example
 * ```ts
 * import { buildPackage } from './build-package.js';
 * await buildPackage('core', '/tmp/x/node_modules/@hyperld/core/dist');
 * ```
 */
export async function buildPackage(name: string, outDir: string): Promise<void> {
  const dir = new URL(`${name}/`, PACKAGES).pathname;
  const { default: config } = (await import(pathToFileURL(join(dir, 'tsup.config.ts')).href)) as { default: Options };
  const entry = config.entry;
  // A list of files, or files by output name (core names its entries so dist/ keeps its layout).
  let entries: string[] | Record<string, string>;
  if (Array.isArray(entry)) entries = entry.map((file) => join(dir, file));
  else if (typeof entry === 'object' && entry !== null) entries = Object.fromEntries(Object.entries(entry).map(([out, file]) => [out, join(dir, file)]));
  else throw new Error(`packages/${name}/tsup.config.ts: expected entries as a list or by name`);
  await build({
    ...config,
    entry: entries,
    tsconfig: join(dir, 'tsconfig.json'),
    outDir,
    dts: false,
    sourcemap: false,
    silent: true,
    config: false,
  });
}
