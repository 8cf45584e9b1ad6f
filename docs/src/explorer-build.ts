/**
 * Builds the hypermedia explorer into the docs site: bundles `docs/explorer/main.ts` for the
 * browser with esbuild (the one tsup already brings, so the repo gains no dependency), copies
 * the page, its stylesheet and icon, and writes `config.json` with the reference server's demo
 * token — a public, documented token of the seed data, not a secret.
 *
 * @module
 */
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DEMO_TOKEN, SEED_CONTACT_ID } from '@hyperld/textus-server';

/** Where the explorer's sources live. */
export const EXPLORER_SOURCE = fileURLToPath(new URL('../explorer/', import.meta.url));

/** The files copied as they are beside the bundle. */
const STATIC_FILES = ['index.html', 'explorer.css', 'favicon.svg'] as const;

/** The part of esbuild's API used here (esbuild is tsup's dependency, reached through it). */
interface Esbuild {
  build(options: Record<string, unknown>): Promise<{
    readonly outputFiles?: ReadonlyArray<{ readonly path: string; readonly contents: Uint8Array }>;
    readonly warnings: readonly unknown[];
  }>;
}

async function loadEsbuild(): Promise<Esbuild> {
  const fromRepo = createRequire(import.meta.url);
  let tsup: string;
  try {
    tsup = fromRepo.resolve('tsup/package.json');
  } catch (error) {
    throw new Error('buildExplorer: esbuild is reached through tsup, which is not installed (run the setup first).', { cause: error });
  }
  const entry = createRequire(tsup).resolve('esbuild');
  return (await import(pathToFileURL(entry).href)) as Esbuild;
}

/**
 * What {@link buildExplorer} wrote.
 *
 * @example
 * ```ts
 * import type { ExplorerBuild } from './explorer-build.js';
 * declare const build: ExplorerBuild;
 * console.log(build.dir, build.bundleBytes);
 * ```
 */
export interface ExplorerBuild {
  /** The directory written (`<outDir>/explorer`). */
  readonly dir: string;
  /** The files written, relative to `dir`. */
  readonly files: readonly string[];
  /** The size of `explorer.js`, minified. */
  readonly bundleBytes: number;
}

/**
 * Builds the explorer into `<outDir>/explorer/`: `index.html`, `explorer.js` (the browser
 * bundle: ESM, minified, resolving workspace packages to their sources), `explorer.css`,
 * `favicon.svg` and `config.json` (`{ token, iri, entrypoint, textus }`: the demo token, the seed's collection, the page's own origin as the TextUs API).
 *
 * @param outDir - the site's output directory.
 * @returns where it wrote and the bundle's size.
 * @example
 * ```ts
 * import { buildExplorer } from './explorer-build.js';
 * const { dir, bundleBytes } = await buildExplorer('docs/site');
 * console.log(`${dir}/explorer.js: ${bundleBytes} bytes`);
 * ```
 */
export async function buildExplorer(outDir: string): Promise<ExplorerBuild> {
  const dir = join(outDir, 'explorer');
  await mkdir(dir, { recursive: true });
  const esbuild = await loadEsbuild();
  const result = await esbuild.build({
    entryPoints: [join(EXPLORER_SOURCE, 'main.ts')],
    bundle: true,
    write: false,
    outfile: join(dir, 'explorer.js'),
    platform: 'browser',
    format: 'esm',
    target: ['es2022'],
    minify: true,
    legalComments: 'none',
    conditions: ['@hyperld/source'],
    logLevel: 'silent',
  });
  const bundle = result.outputFiles?.find((f) => f.path.endsWith('explorer.js'));
  if (!bundle) throw new Error('buildExplorer: esbuild produced no explorer.js.');
  await writeFile(join(dir, 'explorer.js'), bundle.contents);
  for (const file of STATIC_FILES) await copyFile(join(EXPLORER_SOURCE, file), join(dir, file));
  const config = { token: DEMO_TOKEN, iri: `/contacts/${SEED_CONTACT_ID}/conversations`, entrypoint: '/', textus: true };
  await writeFile(join(dir, 'config.json'), `${JSON.stringify(config, null, 2)}\n`);
  return { dir, files: ['index.html', 'explorer.js', ...STATIC_FILES.slice(1), 'config.json'], bundleBytes: bundle.contents.byteLength };
}
