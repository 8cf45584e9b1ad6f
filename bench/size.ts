/**
 * `pnpm size`: what a browser pays for the client. Bundles with esbuild (minify, tree-shake,
 * platform browser, format esm, code splitting, workspace packages resolved to their sources
 * through the `@hyperld/source` condition) and prints the min+gzip (zlib level 9) size of the
 * entry chunk — what a page loads before its first request — and, apart, of each lazy chunk (what
 * the client loads by `await import()` on first use: run-time operations and API documentation,
 * search and IRI templates), of
 * (a) `bench/size-entry-hydra.ts`: core + `@hyperld/hydra/client`, no TextUs vocabulary
 *     (target: entry chunk ≤ 10 KB min+gzip);
 * (b) `bench/size-entry-textus.ts`: the same program on the TextUs client (target ≤ 13 KB).
 *
 * Each bundle is measured twice: by esbuild on the sources, as above, and by Rollup (what Vite
 * builds production bundles with) on the packages as published, their `dist` (`rollup-size.ts`;
 * the script builds core, hydra and textus first). The two differ in where lazy code goes:
 * esbuild keeps in the entry chunk every module the entry reaches by static imports, so a module
 * a package's index re-exports stays there even when the client loads it by `await import()`;
 * Rollup splits after tree-shaking, so it goes to a lazy chunk.
 *
 * Prints PASS or FAIL per target and bundler and exits non-zero on a FAIL, or when `jsonld`,
 * `fast-check` or a Node builtin reaches a bundle (read from esbuild's metafile). `--top N` lists
 * the N inputs that weigh the most in each entry chunk (default 8).
 *
 *   pnpm size [--top N] [--json] [--out FILE]
 *
 * @module
 */
import { writeFileSync } from 'node:fs';
import { bundleSize, NODE_BUILTINS, type Chunk } from './bundle-size.js';
import { rollupSize, type RollupSize } from './rollup-size.js';

const TARGET_A = 10 * 1024;
const TARGET_B = 13 * 1024;

const BUNDLES = [
  { name: '(a) core + hydra/client', entry: 'bench/size-entry-hydra.ts', target: TARGET_A },
  { name: '(b) textus client', entry: 'bench/size-entry-textus.ts', target: TARGET_B },
] as const;

/** What may not be in a browser bundle, by input path (pnpm's store or the package's own folder). */
const FORBIDDEN: readonly { readonly name: string; readonly test: (input: string) => boolean }[] = [
  { name: 'jsonld', test: (input) => /(^|\/)node_modules\/(\.pnpm\/)?jsonld[@/]/.test(input) || /packages\/core\/src\/(jsonld\.ts|jsonld\/)/.test(input) },
  { name: 'fast-check', test: (input) => /(^|\/)node_modules\/(\.pnpm\/)?fast-check[@/]/.test(input) || /packages\/core\/src\/(testing\.ts|testing\/)/.test(input) },
];

interface Measured {
  readonly name: string;
  readonly entry: string;
  /** Minified bytes of the entry chunk. */
  readonly minBytes: number;
  /** Min+gzip bytes of the entry chunk: what the target is about. */
  readonly gzipBytes: number;
  readonly target: number | undefined;
  /** Inputs of the entry chunk by bytes in the output, heaviest first. */
  readonly top: readonly { readonly input: string; readonly bytes: number }[];
  /** The lazy chunks, each with its min+gzip bytes and its heaviest inputs. */
  readonly lazy: readonly Chunk[];
  /** The same program bundled by Rollup from the built packages. */
  readonly rollup: RollupSize;
  /** Why the bundle is refused, if it is. */
  readonly problems: readonly string[];
}

async function measureBundle(bundle: (typeof BUNDLES)[number]): Promise<Measured> {
  const result = await bundleSize({ entry: bundle.entry, splitting: true });
  const problems: string[] = [];
  const inputs = Object.entries(result.metafile.inputs);
  for (const rule of FORBIDDEN) {
    const reached = new Set(inputs.filter(([input]) => rule.test(input)).map(([input]) => input));
    if (reached.size === 0) continue;
    // Name the doors: the files outside the package that import into it.
    const doors = inputs.filter(([input, meta]) => !reached.has(input) && meta.imports.some((i) => reached.has(i.path))).map(([input]) => input);
    problems.push(`${rule.name} is in the bundle (${reached.size} files), imported by ${doors.join(', ') || 'the entry'}`);
  }
  for (const [input, meta] of inputs) {
    for (const imported of meta.imports) {
      if (NODE_BUILTINS.has(imported.path)) problems.push(`node builtin: ${input} imports ${imported.path}`);
    }
  }
  const { gzipBytes, minBytes } = result.entry;
  if (bundle.target !== undefined && gzipBytes > bundle.target) {
    problems.push(`the entry chunk's ${(gzipBytes / 1024).toFixed(2)} KB min+gzip (esbuild) is over the ${(bundle.target / 1024).toFixed(0)} KB target`);
  }
  const rollup = await rollupSize(bundle.entry);
  if (bundle.target !== undefined && rollup.entry.gzipBytes > bundle.target) {
    problems.push(`the entry chunk's ${(rollup.entry.gzipBytes / 1024).toFixed(2)} KB min+gzip (Rollup, dist) is over the ${(bundle.target / 1024).toFixed(0)} KB target`);
  }
  return { name: bundle.name, entry: bundle.entry, minBytes, gzipBytes, target: bundle.target, top: result.entry.inputs, lazy: result.lazy, rollup, problems };
}

function parseArgs(argv: readonly string[]): { top: number; json: boolean; out: string | undefined } {
  let top = 8;
  let json = false;
  let out: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') continue;
    if (arg === '--json') json = true;
    else if (arg === '--top') top = Number(argv[++i]);
    else if (arg === '--out') out = argv[++i];
    else throw new Error(`unknown option ${arg} (options: --top N, --json, --out FILE)`);
  }
  if (!Number.isInteger(top) || top < 0) throw new Error('--top needs a whole number');
  return { top, json, out };
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(2)} KB`;

const options = parseArgs(process.argv.slice(2));
const measured: Measured[] = [];
for (const bundle of BUNDLES) measured.push(await measureBundle(bundle));

if (options.json) {
  process.stdout.write(
    `${JSON.stringify(
      measured.map(({ top, lazy, rollup, ...rest }) => ({
        ...rest,
        top: top.slice(0, options.top),
        lazy: lazy.map((c) => ({ gzipBytes: c.gzipBytes, minBytes: c.minBytes, inputs: c.inputs.slice(0, options.top) })),
        rollup: { gzipBytes: rollup.entry.gzipBytes, minBytes: rollup.entry.minBytes, lazy: rollup.lazy.map((c) => ({ file: c.file, gzipBytes: c.gzipBytes, minBytes: c.minBytes })) },
      })),
    )}\n`,
  );
} else {
  for (const m of measured) {
    const verdict = m.target === undefined ? '' : `  (target ≤ ${kb(m.target)}: ${m.gzipBytes <= m.target ? 'PASS' : 'FAIL'})`;
    process.stdout.write(`${m.name}  ${m.entry}\n  entry chunk: minified ${kb(m.minBytes)}, min+gzip ${kb(m.gzipBytes)}${verdict}\n`);
    for (const { input, bytes } of m.top.slice(0, options.top)) process.stdout.write(`    ${String(bytes).padStart(7)} B  ${input}\n`);
    const lazy = m.lazy.reduce((sum, c) => sum + c.gzipBytes, 0);
    if (m.lazy.length > 0) process.stdout.write(`  lazy chunks (loaded on first use, not counted in the target): ${m.lazy.length}, ${kb(lazy)} min+gzip in all\n`);
    for (const c of m.lazy) process.stdout.write(`    ${kb(c.gzipBytes).padStart(9)}  ${c.inputs.slice(0, 3).map((i) => i.input.replace(/^packages\//, '')).join(', ')}\n`);
    const r = m.rollup;
    const rollupVerdict = m.target === undefined ? '' : `  (target ≤ ${kb(m.target)}: ${r.entry.gzipBytes <= m.target ? 'PASS' : 'FAIL'})`;
    process.stdout.write(`  Rollup, from dist: entry chunk minified ${kb(r.entry.minBytes)}, min+gzip ${kb(r.entry.gzipBytes)}${rollupVerdict}\n`);
    const rollupLazy = r.lazy.reduce((sum, c) => sum + c.gzipBytes, 0);
    if (r.lazy.length > 0) process.stdout.write(`  Rollup lazy chunks: ${r.lazy.length}, ${kb(rollupLazy)} min+gzip in all (${r.lazy.map((c) => `${c.file.replace(/-[A-Z0-9]{8}-[\w-]{8}\.js$/, '')} ${kb(c.gzipBytes)}`).join(', ')})\n`);
  }
}
if (options.out !== undefined) writeFileSync(options.out, `${JSON.stringify(measured, null, 2)}\n`);
const problems = measured.flatMap((m) => m.problems.map((p) => `${m.name}: ${p}`));
for (const problem of problems) process.stderr.write(`size: ${problem}\n`);
process.exitCode = problems.length > 0 ? 1 : 0;
