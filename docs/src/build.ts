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
import { escapeAttr, escapeHtml, SECTIONS, writePage, writeStylesheet, type Section, type Site } from './html.js';
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
  /**
   * The sections the site holds and its pages link to: the library reference and the explorer
   * only when this build wrote them or an earlier build's copy is still in the directory.
   */
  readonly sections: readonly Section[];
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
  ['@hyperld/apidocs', 'An API reference site for any Hydra API, from its live documentation or from a registry with its routes: classes, endpoints with real decoded examples, search templates, client-side search (also hyperld docs).'],
  ['@hyperld/textus', 'The TextUs conversation vocabulary, its actions and routes, and a typed client (./client).'],
  ['@hyperld/textus-server', 'The reference TextUs server: an SQLite store, seed data and the API as a Fetch-style handler.'],
  ['@hyperld/cli', 'The hyperld command-line tool: validate, round-trip, list actions, expand, print contexts.'],
];

/** What each section's card on the home page says. */
const CARD_TEXT: ReadonlyMap<Section, string> = new Map<Section, string>([
  [SECTIONS.reference, 'Every public export of every package and subpath, generated from the TSDoc of the sources.'],
  [SECTIONS.textus, 'One page per endpoint (with a curl request and the reference server’s real answer) and one per type.'],
  [SECTIONS.guides, 'Complete programs to start from: serving a hypermedia API, navigating one with the typed client, and generating a typed client for an API you did not write.'],
  [SECTIONS.explorer, 'Browse the reference server’s API in the browser, link by link, action by action.'],
]);

async function buildHome(site: Site): Promise<string> {
  const cards = site.sections
    .map((section) => `<li><a href="${escapeAttr(section.path)}">${escapeHtml(section.label)}</a><p>${escapeHtml(CARD_TEXT.get(section) ?? '')}</p></li>`)
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
  const description = `The hyperld documentation: ${site.sections.map((section) => section.label).join(', ')}.`;
  return writePage(site, { path: 'index.html', title: 'hyperld documentation', description, body });
}

/** The explorer's builder, `explorer-build.ts`, when that file exists (it is optional). */
async function explorerBuilder(): Promise<((outDir: string) => Promise<unknown>) | undefined> {
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
  return module.buildExplorer;
}

const exists = (file: string): Promise<boolean> => access(file).then(() => true, () => false);

/**
 * Builds the whole site into `outDir`: `index.html`, `assets/site.css`, the TextUs API reference
 * under `textus/`, the guides under `guides/`, the library reference under `api/` (when
 * `typedoc` is set) and the explorer under `explorer/` (when its builder exists). Stale pages of
 * the sections it owns are removed first. Pages link to the library reference and the explorer
 * only when the site holds them: built now, or left in `outDir` by an earlier build (a build
 * `--no-typedoc` keeps the reference it finds, and links none when there is none).
 *
 * @param outDir - the site root on disk (created when missing).
 * @param options - whether to run TypeDoc.
 * @returns the pages written, TypeDoc's warning count, the modules documented and the sections.
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
  const buildExplorer = options.explorer === false ? undefined : await explorerBuilder();
  const holds = {
    reference: options.typedoc || (await exists(join(root, ...SECTIONS.reference.path.split('/')))),
    explorer: buildExplorer !== undefined || (await exists(join(root, ...SECTIONS.explorer.path.split('/')))),
  };
  const site: Site = {
    root,
    sections: [...(holds.reference ? [SECTIONS.reference] : []), SECTIONS.textus, SECTIONS.guides, ...(holds.explorer ? [SECTIONS.explorer] : [])],
  };
  for (const section of ['textus', 'guides']) await rm(join(root, section), { recursive: true, force: true });
  const pages: string[] = [];
  pages.push(await writeStylesheet(root));
  pages.push(await buildHome(site));
  pages.push(...(await buildTextusReference(site)));
  pages.push(...(await buildGuides(site)));
  let typedocWarnings: number | undefined;
  let modules: readonly string[] = [];
  if (options.typedoc) {
    // Loaded only when asked for: TypeDoc and the TypeScript compiler are heavy.
    const { buildLibraryReference } = await import('./typedoc.js');
    const reference = await buildLibraryReference(site);
    typedocWarnings = reference.warnings;
    modules = reference.modules;
    pages.push(...reference.pages);
  }
  if (buildExplorer) {
    await buildExplorer(root);
    const files = await readdir(join(root, 'explorer'));
    pages.push(...files.filter((f) => f.endsWith('.html')).map((f) => `explorer/${f}`));
  }
  return { pages: pages.filter((p) => p.endsWith('.html')), typedocWarnings, modules, explorer: buildExplorer !== undefined, sections: site.sections };
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
    const kept = report.sections.includes(SECTIONS.reference);
    console.log(`TypeDoc: skipped (--no-typedoc); ${kept ? 'api/ keeps the library reference of an earlier build' : 'the site has no library reference and links none'}`);
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
