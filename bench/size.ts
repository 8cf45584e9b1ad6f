/**
 * `pnpm size`: what a browser pays for the client. Bundles with esbuild (minify, tree-shake,
 * platform browser, format esm, workspace packages resolved to their sources through the
 * `@hyperld/source` condition) and prints the minified and min+gzip (zlib level 9) sizes of
 * (a) `bench/size-entry-hydra.ts`: core + `@hyperld/hydra/client`, no TextUs vocabulary
 *     (target ≤ 15 KB min+gzip);
 * (b) `bench/size-entry-textus.ts`: the same program on the TextUs client.
 *
 * Exits non-zero when `jsonld`, `fast-check` or a Node builtin reaches either bundle (read from
 * esbuild's metafile), or when (a) misses its target. `--top N` lists the N inputs that weigh the
 * most in each bundle (default 8).
 *
 *   pnpm size [--top N] [--json]
 *
 * @module
 */
import { writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** The part of esbuild's API this script uses (esbuild is tsup's dependency, not the root's). */
interface Metafile {
  readonly inputs: Readonly<Record<string, { readonly bytes: number; readonly imports: readonly { readonly path: string; readonly external?: boolean }[] }>>;
  readonly outputs: Readonly<Record<string, { readonly bytes: number; readonly inputs: Readonly<Record<string, { readonly bytesInOutput: number }>> }>>;
}
interface Esbuild {
  build(options: Record<string, unknown>): Promise<{ readonly outputFiles: readonly { readonly contents: Uint8Array }[]; readonly metafile: Metafile }>;
}

/** esbuild as installed for tsup: the same binary the packages are built with, no new dependency. */
function loadEsbuild(): Esbuild {
  const fromRoot = createRequire(import.meta.url);
  return createRequire(fromRoot.resolve('tsup'))('esbuild') as Esbuild;
}

const TARGET_A = 15 * 1024;
const ROOT = fileURLToPath(new URL('..', import.meta.url));

const BUNDLES = [
  { name: '(a) core + hydra/client', entry: 'bench/size-entry-hydra.ts', target: TARGET_A },
  { name: '(b) textus client', entry: 'bench/size-entry-textus.ts', target: undefined },
] as const;

/** What may not be in a browser bundle, by input path (pnpm's store or the package's own folder). */
const FORBIDDEN: readonly { readonly name: string; readonly test: (input: string) => boolean }[] = [
  { name: 'jsonld', test: (input) => /(^|\/)node_modules\/(\.pnpm\/)?jsonld[@/]/.test(input) || /packages\/core\/src\/(jsonld\.ts|jsonld\/)/.test(input) },
  { name: 'fast-check', test: (input) => /(^|\/)node_modules\/(\.pnpm\/)?fast-check[@/]/.test(input) || /packages\/core\/src\/(testing\.ts|testing\/)/.test(input) },
];

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

interface Measured {
  readonly name: string;
  readonly entry: string;
  readonly minBytes: number;
  readonly gzipBytes: number;
  readonly target: number | undefined;
  /** Inputs by bytes in the output, heaviest first. */
  readonly top: readonly { readonly input: string; readonly bytes: number }[];
  /** Why the bundle is refused, if it is. */
  readonly problems: readonly string[];
}

async function measureBundle(esbuild: Esbuild, bundle: (typeof BUNDLES)[number]): Promise<Measured> {
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: [bundle.entry],
    bundle: true,
    write: false,
    outfile: 'size-out.js',
    minify: true,
    treeShaking: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    conditions: ['@hyperld/source'],
    // Kept external so that the build succeeds and the check below names them, instead of a resolve error.
    external: [...NODE_BUILTINS],
    metafile: true,
    logLevel: 'silent',
    legalComments: 'none',
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  const output = Object.values(result.metafile.outputs)[0];
  const inBundle = Object.entries(output?.inputs ?? {})
    .map(([input, { bytesInOutput }]) => ({ input, bytes: bytesInOutput }))
    .sort((x, y) => y.bytes - x.bytes);
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
  const gzipBytes = gzipSync(code, { level: 9 }).length;
  if (bundle.target !== undefined && gzipBytes > bundle.target) {
    problems.push(`${(gzipBytes / 1024).toFixed(2)} KB min+gzip is over the ${(bundle.target / 1024).toFixed(0)} KB target`);
  }
  return { name: bundle.name, entry: bundle.entry, minBytes: code.length, gzipBytes, target: bundle.target, top: inBundle, problems };
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
const esbuild = loadEsbuild();
const measured: Measured[] = [];
for (const bundle of BUNDLES) measured.push(await measureBundle(esbuild, bundle));

if (options.json) {
  process.stdout.write(`${JSON.stringify(measured.map(({ top, ...rest }) => ({ ...rest, top: top.slice(0, options.top) })))}\n`);
} else {
  for (const m of measured) {
    const verdict = m.target === undefined ? '' : `  (target ≤ ${kb(m.target)}: ${m.gzipBytes <= m.target ? 'PASS' : 'MISS'})`;
    process.stdout.write(`${m.name}  ${m.entry}\n  minified ${kb(m.minBytes)}, min+gzip ${kb(m.gzipBytes)}${verdict}\n`);
    for (const { input, bytes } of m.top.slice(0, options.top)) process.stdout.write(`    ${String(bytes).padStart(7)} B  ${input}\n`);
  }
}
if (options.out !== undefined) writeFileSync(options.out, `${JSON.stringify(measured, null, 2)}\n`);
const problems = measured.flatMap((m) => m.problems.map((p) => `${m.name}: ${p}`));
for (const problem of problems) process.stderr.write(`size: ${problem}\n`);
process.exitCode = problems.length > 0 ? 1 : 0;
