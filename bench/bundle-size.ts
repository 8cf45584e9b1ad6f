/**
 * The min+gzip size of a browser bundle, as `pnpm size` measures it: esbuild (minify, tree-shake,
 * platform browser, format esm, the `@hyperld/source` condition), then zlib level 9. With
 * `splitting`, code behind `await import()` goes to lazy chunks, reported apart from the entry
 * chunk a page loads first.
 *
 * @example
 * ```ts
 * import { bundleSize } from './bundle-size.js';
 * const size = await bundleSize({ contents: "export { Client } from 'ketting';" });
 * console.log(size.entryGzip);
 * ```
 *
 * @module
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** The part of esbuild's metafile read here. */
export interface Metafile {
  readonly inputs: Readonly<Record<string, { readonly bytes: number; readonly imports: readonly { readonly path: string; readonly external?: boolean }[] }>>;
  readonly outputs: Readonly<
    Record<string, { readonly bytes: number; readonly entryPoint?: string; readonly inputs: Readonly<Record<string, { readonly bytesInOutput: number }>> }>
  >;
}

/** The part of esbuild's API used here (esbuild is tsup's dependency, not the root's). */
interface Esbuild {
  build(options: Record<string, unknown>): Promise<{ readonly outputFiles: readonly { readonly path: string; readonly contents: Uint8Array }[]; readonly metafile: Metafile }>;
}

/** esbuild as installed for tsup: the same binary the packages are built with, no new dependency. */
export function loadEsbuild(): Esbuild {
  const fromRoot = createRequire(import.meta.url);
  return createRequire(fromRoot.resolve('tsup'))('esbuild') as Esbuild;
}

/** The repository root. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Node's builtin modules, by both names. */
export const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** One output file of a bundle. */
export interface Chunk {
  /** The output's path relative to the output folder. */
  readonly file: string;
  readonly minBytes: number;
  readonly gzipBytes: number;
  /** Inputs by bytes in this output, heaviest first. */
  readonly inputs: readonly { readonly input: string; readonly bytes: number }[];
}

/** A measured bundle: the entry chunk (what a page loads first) and the lazy chunks. */
export interface BundleSize {
  readonly entry: Chunk;
  /** Chunks loaded only by `await import()`, heaviest first (empty without splitting). */
  readonly lazy: readonly Chunk[];
  /** The entry chunk's min+gzip bytes. */
  readonly entryGzip: number;
  readonly metafile: Metafile;
}

/** What to bundle: a file, or source text resolved from `bench/`. */
export type BundleInput = { readonly entry: string; readonly splitting?: boolean } | { readonly contents: string; readonly splitting?: boolean };

/**
 * Bundles for the browser and measures the result.
 *
 * @param input - an entry file (relative to the root) or source text.
 * @returns the entry chunk and the lazy chunks, each minified and gzipped.
 * @throws Error when esbuild fails (e.g. a package with no browser build).
 */
export async function bundleSize(input: BundleInput): Promise<BundleSize> {
  const esbuild = loadEsbuild();
  const outdir = mkdtempSync(join(tmpdir(), 'hyperld-size-'));
  try {
    const splitting = input.splitting ?? false;
    const result = await esbuild.build({
      absWorkingDir: ROOT,
      ...('entry' in input ? { entryPoints: [input.entry] } : { stdin: { contents: input.contents, resolveDir: join(ROOT, 'bench'), sourcefile: 'entry.ts', loader: 'ts' } }),
      bundle: true,
      write: false,
      outdir,
      splitting,
      minify: true,
      treeShaking: true,
      platform: 'browser',
      format: 'esm',
      target: 'es2022',
      conditions: ['@hyperld/source'],
      external: [...NODE_BUILTINS],
      metafile: true,
      logLevel: 'silent',
      legalComments: 'none',
      define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    });
    const chunks = Object.entries(result.metafile.outputs)
      .filter(([file]) => file.endsWith('.js'))
      .map(([file, meta]) => {
        const output = result.outputFiles.find((f) => f.path.endsWith(file.split('/').pop() as string));
        const code = output?.contents ?? new Uint8Array();
        const chunk: Chunk = {
          file: file.split('/').pop() as string,
          minBytes: code.length,
          gzipBytes: gzipSync(code, { level: 9 }).length,
          inputs: Object.entries(meta.inputs)
            .map(([name, { bytesInOutput }]) => ({ input: name, bytes: bytesInOutput }))
            .sort((x, y) => y.bytes - x.bytes),
        };
        return { chunk, isEntry: meta.entryPoint !== undefined };
      });
    const entry = chunks.find((c) => c.isEntry)?.chunk ?? chunks[0]?.chunk;
    if (entry === undefined) throw new Error('esbuild wrote no JavaScript');
    // A chunk shared by the entry's static imports is loaded with it: count it into the entry.
    const staticOf = new Set(
      Object.values(result.metafile.outputs)
        .filter((o) => o.entryPoint !== undefined)
        .flatMap((o) => ((o as { imports?: readonly { path: string; kind: string }[] }).imports ?? []).filter((i) => i.kind === 'import-statement').map((i) => i.path.split('/').pop())),
    );
    const eager = chunks.filter((c) => !c.isEntry && staticOf.has(c.chunk.file)).map((c) => c.chunk);
    const merged: Chunk =
      eager.length === 0
        ? entry
        : {
            file: [entry.file, ...eager.map((c) => c.file)].join(' + '),
            minBytes: entry.minBytes + eager.reduce((s, c) => s + c.minBytes, 0),
            gzipBytes: entry.gzipBytes + eager.reduce((s, c) => s + c.gzipBytes, 0),
            inputs: [...entry.inputs, ...eager.flatMap((c) => c.inputs)].sort((x, y) => y.bytes - x.bytes),
          };
    const lazy = chunks
      .filter((c) => !c.isEntry && !staticOf.has(c.chunk.file))
      .map((c) => c.chunk)
      .sort((x, y) => y.gzipBytes - x.gzipBytes);
    return { entry: merged, lazy, entryGzip: merged.gzipBytes, metafile: result.metafile };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
