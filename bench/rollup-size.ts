/**
 * The min+gzip size of a browser bundle as an application built with Rollup (what Vite builds
 * production bundles with) gets it from the packages as published: the entry program is
 * transpiled on its own (esbuild `transform`, no bundling), then Rollup resolves `@hyperld/*` to
 * their built `dist` files (the `browser`, `import` and `default` conditions, not
 * `@hyperld/source`), tree-shakes, splits at each `await import()` and minifies with terser.
 *
 * Why a second bundler: esbuild gives a chunk every module statically reachable from the entry,
 * before tree-shaking, so a module that a package's index re-exports stays in the entry chunk
 * even when the client only imports it lazily. Rollup assigns modules after tree-shaking, so what
 * is only imported lazily goes to a lazy chunk.
 *
 * @example
 * ```ts
 * import { rollupSize } from './rollup-size.js';
 * const size = await rollupSize('bench/size-entry-hydra.ts');
 * console.log(size.entry.gzipBytes, size.lazy.length);
 * ```
 *
 * @module
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terserModule from '@rollup/plugin-terser';
import { rollup } from 'rollup';
import { loadEsbuild, mergeChunks, NODE_BUILTINS, ROOT, type Chunk } from './bundle-size.js';

/**
 * The entry chunks (what a page loads before its first call) merged, and the lazy chunks; a
 * chunk's inputs are its modules by rendered bytes (before minifying), paths relative to the root.
 */
export interface RollupSize {
  readonly entry: Chunk;
  readonly lazy: readonly Chunk[];
}

/** terser's plugin: its types declare an ES default export that NodeNext reads as a CommonJS module. */
const terser = terserModule as unknown as (options?: Record<string, unknown>) => import('rollup').OutputPlugin;

/** The packages whose `dist` the bundle reads. */
const PACKAGES = ['core', 'hydra', 'textus'] as const;

/**
 * Bundles an entry program with Rollup against the built packages and measures it.
 *
 * @param entry - the entry file, relative to the root (in `bench/`, so that it resolves the workspace packages).
 * @returns the eager and the lazy chunks, each minified and gzipped on its own.
 * @throws Error when a package has no build (run `pnpm build` first) or Rollup fails.
 */
export async function rollupSize(entry: string): Promise<RollupSize> {
  for (const name of PACKAGES) {
    if (!existsSync(join(ROOT, 'packages', name, 'dist', 'index.js'))) throw new Error(`packages/${name}/dist is missing: run pnpm build first`);
  }
  const source = join(ROOT, entry);
  const { code } = await loadEsbuild().transform(readFileSync(source, 'utf8'), { loader: 'ts', format: 'esm', target: 'es2022' });
  // Next to the entry, so that it resolves the same node_modules.
  const program = source.replace(/\.ts$/, `.rollup-${process.pid}.mjs`);
  writeFileSync(program, code);
  try {
    const bundle = await rollup({
      input: program,
      external: [...NODE_BUILTINS],
      plugins: [nodeResolve({ browser: true, exportConditions: ['browser', 'import', 'default'] })],
      logLevel: 'silent',
    });
    const { output } = await bundle.generate({ format: 'esm', plugins: [terser()] });
    await bundle.close();
    const chunks = output.flatMap((o) => (o.type === 'chunk' ? [o] : []));
    const measure = (chunk: (typeof chunks)[number]): Chunk => ({
      file: chunk.fileName,
      minBytes: Buffer.byteLength(chunk.code),
      gzipBytes: gzipSync(chunk.code, { level: 9 }).length,
      inputs: Object.entries(chunk.modules)
        .map(([id, m]) => ({ input: id.startsWith(ROOT) ? id.slice(ROOT.length) : id, bytes: m.renderedLength }))
        .filter((m) => m.bytes > 0)
        .sort((x, y) => y.bytes - x.bytes),
    });
    // The entry and every chunk it reaches by static imports load first; the rest on `await import()`.
    const eager = new Set<string>();
    const visit = (file: string): void => {
      if (eager.has(file)) return;
      eager.add(file);
      for (const imported of chunks.find((c) => c.fileName === file)?.imports ?? []) visit(imported);
    };
    for (const chunk of chunks) if (chunk.isEntry) visit(chunk.fileName);
    return {
      entry: mergeChunks(chunks.filter((c) => eager.has(c.fileName)).map(measure)),
      lazy: chunks
        .filter((c) => !eager.has(c.fileName))
        .map(measure)
        .sort((x, y) => y.gzipBytes - x.gzipBytes),
    };
  } finally {
    rmSync(program, { force: true });
  }
}
