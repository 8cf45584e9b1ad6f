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
  transform(code: string, options: Record<string, unknown>): Promise<{ readonly code: string }>;
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

/**
 * The chunks a page loads before its first call, counted as one: bytes summed, each file gzipped
 * on its own (as a browser fetches them), inputs heaviest first.
 *
 * @param chunks - the eager chunks.
 * @returns them as one chunk.
 * @example
 * ```ts
 * import { mergeChunks } from './bundle-size.js';
 * mergeChunks([{ file: 'a.js', minBytes: 10, gzipBytes: 8, inputs: [] }]).gzipBytes; // 8
 * ```
 */
export function mergeChunks(chunks: readonly Chunk[]): Chunk {
  return {
    file: chunks.map((c) => c.file).join(' + '),
    minBytes: chunks.reduce((sum, c) => sum + c.minBytes, 0),
    gzipBytes: chunks.reduce((sum, c) => sum + c.gzipBytes, 0),
    inputs: chunks.flatMap((c) => c.inputs).sort((x, y) => y.bytes - x.bytes),
  };
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
    const outputs = Object.entries(result.metafile.outputs).filter(([file]) => file.endsWith('.js'));
    const base = (file: string): string => file.split('/').pop() as string;
    const measure = (file: string, meta: (typeof outputs)[number][1]): Chunk => {
      const code = result.outputFiles.find((f) => base(f.path) === base(file))?.contents ?? new Uint8Array();
      return {
        file: base(file),
        minBytes: code.length,
        gzipBytes: gzipSync(code, { level: 9 }).length,
        inputs: Object.entries(meta.inputs)
          .map(([name, { bytesInOutput }]) => ({ input: name, bytes: bytesInOutput }))
          .sort((x, y) => y.bytes - x.bytes),
      };
    };
    // The main entry (a lazy module's stub is an entry point too), then every chunk it reaches by
    // static imports: what a page loads before its first call. The rest loads on `await import()`.
    const entryInput = 'entry' in input ? input.entry : 'bench/entry.ts';
    const main = outputs.find(([, meta]) => meta.entryPoint === entryInput) ?? outputs[0];
    if (main === undefined) throw new Error('esbuild wrote no JavaScript');
    const eager = new Set<string>([base(main[0])]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const [file, meta] of outputs) {
        if (!eager.has(base(file))) continue;
        for (const i of (meta as { imports?: readonly { path: string; kind: string }[] }).imports ?? []) {
          if (i.kind === 'import-statement' && !eager.has(base(i.path))) {
            eager.add(base(i.path));
            grew = true;
          }
        }
      }
    }
    const eagerChunks = outputs.filter(([file]) => eager.has(base(file))).map(([file, meta]) => measure(file, meta));
    const merged = mergeChunks(eagerChunks);
    const lazy = outputs
      .filter(([file]) => !eager.has(base(file)))
      .map(([file, meta]) => measure(file, meta))
      .filter((c) => c.minBytes > 0)
      .sort((x, y) => y.gzipBytes - x.gzipBytes);
    return { entry: merged, lazy, entryGzip: merged.gzipBytes, metafile: result.metafile };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
