/**
 * Builds the docs site (`pnpm docs`, into `docs/site/`): the library reference (TypeDoc), the
 * TextUs API reference generated from the vocabulary and the reference server's real answers,
 * the guides, the explorer when its builder is present, and the home page linking them. Static
 * HTML with relative links and no inline script or style, so it can be served under a strict CSP
 * from any mount point, or opened from `file://`.
 *
 * @module
 */
import { access, readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildGuides, guides } from './guides.js';
import { escapeAttr, escapeHtml, writePage, writeStylesheet } from './html.js';
import { buildTextusReference } from './textus-reference.js';

/**
 * What {@link buildSite} built.
 *
 * @example
 * ```ts
 * import type { SiteReport } from './build.js';
 * declare const report: SiteReport;
 * report.pages.includes('textus/index.html'); // true
 * ```
 */
export interface SiteReport {
  /** Every page written by this build (the library reference's included), from the site root. */
  readonly pages: readonly string[];
  /** TypeDoc's warning count, or `undefined` when it did not run. */
  readonly typedocWarnings: number | undefined;
  /** The modules of the library reference, or empty when TypeDoc did not run. */
  readonly modules: readonly string[];
  /** Whether the explorer was built (its builder, `explorer-build.ts`, is optional). */
  readonly explorer: boolean;
}

/**
 * Options of {@link buildSite}.
 *
 * @example
 * ```ts
 * import type { BuildOptions } from './build.js';
 * const fast: BuildOptions = { typedoc: false };
 * ```
 */
export interface BuildOptions {
  /** Run TypeDoc for the library reference (slow: it type-checks every package). */
  readonly typedoc: boolean;
  /** Build the explorer when its builder exists (default `true`). */
  readonly explorer?: boolean;
}

const PACKAGES: ReadonlyArray<readonly [name: string, summary: string]> = [
  ['@hyperld/core', 'Typed, validated, lossless JSON-LD nodes: kinds, type definitions, the registry and codec, generated contexts, the expander (with ./jsonld interop and ./testing arbitraries).'],
  ['@hyperld/hydra', 'Hydra collections, paging, IRI templates, actions whose null link means “unavailable”, API documentation; a link-driven client (./client) and server building blocks (./server).'],
  ['@hyperld/textus', 'The TextUs conversation vocabulary and routes, a typed client (./client) and the reference server (./server).'],
  ['@hyperld/cli', 'The hyperld command-line tool: validate, round-trip, list actions, expand, print contexts.'],
];

async function buildHome(outDir: string): Promise<string> {
  const sections: ReadonlyArray<readonly [href: string, title: string, text: string]> = [
    ['api/index.html', 'Library reference', 'Every public export of every package and subpath, generated from the TSDoc of the sources.'],
    ['textus/index.html', 'TextUs API reference', 'One page per endpoint (with a curl request and the reference server’s real answer) and one per type.'],
    ['guides/index.html', 'Guides', 'Two complete programs to start from: serving a hypermedia API, and navigating one with the typed client.'],
    ['explorer/index.html', 'Explorer', 'Browse the reference server’s API in the browser, link by link, action by action.'],
  ];
  const cards = sections
    .map(([href, title, text]) => `<li><a href="${escapeAttr(href)}">${escapeHtml(title)}</a><p>${escapeHtml(text)}</p></li>`)
    .join('\n');
  const packages = PACKAGES.map(([name, summary]) => `<tr><td><code>${escapeHtml(name)}</code></td><td>${escapeHtml(summary)}</td></tr>`).join('\n');
  const guideLinks = guides.map((g) => `<li><a href="guides/${escapeAttr(g.slug)}.html">${escapeHtml(g.title)}</a></li>`).join('\n');
  const body = `
<h1>hyperld</h1>
<p class="lead">A TypeScript toolkit for JSON-LD / Hydra hypermedia APIs: typed nodes that decode and encode losslessly, collections and actions, a link-driven client and server building blocks, and the TextUs API as a worked example.</p>
<ul class="cards">
${cards}
</ul>
<h2>Packages</h2>
<div class="table-wrap"><table>
<thead><tr><th>Package</th><th>What it is</th></tr></thead>
<tbody>
${packages}
</tbody>
</table></div>
<h2>Start here</h2>
<ul>
${guideLinks}
</ul>`;
  return writePage(outDir, { path: 'index.html', title: 'hyperld documentation', description: 'The hyperld documentation: library reference, TextUs API reference, guides and explorer.', body });
}

/**
 * Builds the explorer with `explorer-build.ts` when that file exists (its errors fail the build).
 * Returns its pages, or `undefined` when there is no builder.
 */
async function buildExplorerIfPresent(outDir: string): Promise<string[] | undefined> {
  const here = fileURLToPath(new URL('.', import.meta.url));
  try {
    await access(join(here, 'explorer-build.ts'));
  } catch {
    return undefined;
  }
  // A computed specifier: the builder is another engineer's file and may not exist in a checkout.
  const specifier = './explorer-build.js';
  const module = (await import(specifier)) as { buildExplorer?: (outDir: string) => Promise<unknown> };
  if (typeof module.buildExplorer !== 'function') throw new Error('docs/src/explorer-build.ts does not export buildExplorer(outDir)');
  await module.buildExplorer(outDir);
  const files = await readdir(join(outDir, 'explorer'));
  return files.filter((f) => f.endsWith('.html')).map((f) => `explorer/${f}`);
}

/**
 * Builds the whole site into `outDir`: `index.html`, `assets/site.css`, the TextUs API reference
 * under `textus/`, the guides under `guides/`, the library reference under `api/` (when
 * `typedoc` is set) and the explorer under `explorer/` (when its builder exists). Stale pages of
 * the sections it owns are removed first.
 *
 * @param outDir - the site root on disk (created when missing).
 * @param options - whether to run TypeDoc.
 * @returns the pages written, TypeDoc's warning count and the modules documented.
 * @throws when an example does not decode or round-trip (the error names the page), when a guide
 * fails, or when TypeDoc reports any warning.
 * @example
 * ```ts
 * import { buildSite } from './build.js';
 * const report = await buildSite('docs/site', { typedoc: true });
 * console.log(report.pages.length, report.typedocWarnings);
 * ```
 */
export async function buildSite(outDir: string, options: BuildOptions): Promise<SiteReport> {
  const root = resolve(outDir);
  for (const section of ['textus', 'guides']) await rm(join(root, section), { recursive: true, force: true });
  const pages: string[] = [];
  pages.push(await writeStylesheet(root));
  pages.push(await buildHome(root));
  pages.push(...(await buildTextusReference(root)));
  pages.push(...(await buildGuides(root)));
  let typedocWarnings: number | undefined;
  let modules: readonly string[] = [];
  if (options.typedoc) {
    // Loaded only when asked for: TypeDoc and the TypeScript compiler are heavy.
    const { buildLibraryReference } = await import('./typedoc.js');
    const reference = await buildLibraryReference(root);
    typedocWarnings = reference.warnings;
    modules = reference.modules;
    pages.push(...reference.pages);
  }
  const explorer = options.explorer === false ? undefined : await buildExplorerIfPresent(root);
  if (explorer) pages.push(...explorer);
  return { pages: pages.filter((p) => p.endsWith('.html')), typedocWarnings, modules, explorer: explorer !== undefined };
}

async function cli(): Promise<void> {
  const outDir = fileURLToPath(new URL('../site/', import.meta.url));
  const started = performance.now();
  const report = await buildSite(outDir, { typedoc: !process.argv.includes('--no-typedoc') });
  const own = report.pages.filter((p) => !p.startsWith('api/'));
  console.log(`Built ${report.pages.length} pages into ${outDir} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  for (const page of own) console.log(`  ${page}`);
  if (report.typedocWarnings !== undefined) {
    console.log(`  api/: ${report.pages.length - own.length} pages for ${report.modules.join(', ')}`);
    console.log(`TypeDoc warnings: ${report.typedocWarnings}`);
  } else {
    console.log('TypeDoc: skipped (--no-typedoc)');
  }
  console.log(report.explorer ? 'Explorer: built' : 'Explorer: not built (docs/src/explorer-build.ts is absent)');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    await cli();
  } catch (error) {
    console.error(`docs build failed: ${error instanceof Error ? error.message : String(error)}`);
    if (error instanceof Error && error.cause !== undefined) console.error(error.cause);
    process.exitCode = 1;
  }
}
