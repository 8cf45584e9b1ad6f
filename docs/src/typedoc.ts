/**
 * The library reference: TypeDoc over every package entry's SOURCE (the tsconfig in `docs/`
 * resolves workspace imports through the `@hyperld/source` condition), with warnings treated as
 * errors and validation of unexported, undocumented and unresolved references. The run follows
 * TypeDoc's own CLI (convert, validate, render) so that the same options fail the same way, and
 * then fixes up what the site needs: modules named after their import paths, header links back
 * to the rest of the site, and TypeDoc's one inline script moved to a file (the site is served
 * with a CSP that forbids inline scripts).
 *
 * @module
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Application, ReflectionKind, TSConfigReader, TypeDocReader } from 'typedoc';
import { SECTIONS, type Site } from './html.js';

/** The options file, beside this directory. */
const OPTIONS_FILE = fileURLToPath(new URL('../typedoc.json', import.meta.url));

/** Stands for the site root in `navigationLinks` until each page's relative prefix is known. */
const SITE_ROOT = 'hyperld-site-root:';

/**
 * What a TypeDoc run reported.
 *
 * @example
 * ```ts
 * import type { LibraryReference } from './typedoc.js';
 * const ok: LibraryReference = { warnings: 0, errors: 0, pages: ['api/index.html'], modules: ['@hyperld/core'] };
 * ```
 */
export interface LibraryReference {
  /** Warnings TypeDoc logged (the build fails on any). */
  readonly warnings: number;
  /** Errors TypeDoc logged (the build fails on any). */
  readonly errors: number;
  /** The HTML pages written, from the site root. */
  readonly pages: readonly string[];
  /** The documented modules, by import path. */
  readonly modules: readonly string[];
}

/**
 * The import path of an entry module TypeDoc named after its file: `core/src` is
 * `@hyperld/core`, `hydra/src/client` is `@hyperld/hydra/client`.
 *
 * @param name - TypeDoc's module name.
 * @returns the import path, or the name unchanged when it is not a package entry.
 * @example
 * ```ts
 * import { importPathOf } from './typedoc.js';
 * importPathOf('textus-server/src'); // '@hyperld/textus-server'
 * ```
 */
export function importPathOf(name: string): string {
  const match = /^([a-z0-9-]+)\/src(?:\/(index|[a-z0-9-]+))?$/.exec(name);
  if (!match) return name;
  const sub = match[2] === undefined || match[2] === 'index' ? '' : `/${match[2]}`;
  return `@hyperld/${match[1] as string}${sub}`;
}

async function htmlFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await htmlFiles(path)));
    else if (entry.name.endsWith('.html')) out.push(path);
  }
  return out;
}

/**
 * TypeDoc's main.js appends a `<style>` element and writes its member-filter rules into it, which
 * a CSP without `'unsafe-inline'` blocks (with a console error per rule). The element is left
 * detached instead, and the same rules ship statically in `typedoc-filters.css` (`customCss`).
 * The pattern is matched exactly (TypeDoc is pinned): a TypeDoc that changes it fails the build
 * rather than silently regressing.
 */
async function detachFilterStyle(mainJs: string): Promise<void> {
  const source = await readFile(mainJs, 'utf8');
  const pattern = 'document.head.appendChild(document.createElement("style"))';
  const count = source.split(pattern).length - 1;
  if (count !== 1) throw new Error(`api/assets/main.js: expected TypeDoc's filter <style> creation once, found it ${count} times (TypeDoc changed?)`);
  await writeFile(mainJs, source.replace(pattern, 'document.createElement("style")'));
}

/**
 * Moves every inline `<script>` of TypeDoc's pages into a file under `assets/` (one per distinct
 * script) and points the site-root placeholder of the header links at the right relative path.
 */
async function fixPages(apiDir: string, siteDir: string): Promise<string[]> {
  const files = await htmlFiles(apiDir);
  const scripts = new Map<string, string>();
  for (const file of files) {
    const page = relative(apiDir, file).split(sep).join('/');
    const depth = page.split('/').length - 1;
    const toApiRoot = '../'.repeat(depth);
    let html = await readFile(file, 'utf8');
    html = html.replace(/<script>([\s\S]*?)<\/script>/g, (_all, source: string) => {
      const name = `inline-${createHash('sha256').update(source).digest('hex').slice(0, 12)}.js`;
      scripts.set(name, source);
      return `<script src="${toApiRoot}assets/${name}"></script>`;
    });
    html = html.split(`"${SITE_ROOT}`).join(`"${toApiRoot}../`);
    if (/<script>|<style|\sstyle="/.test(html)) throw new Error(`${relative(siteDir, file)}: TypeDoc wrote an inline script or style the site's CSP would block`);
    await writeFile(file, html);
  }
  for (const [name, source] of scripts) await writeFile(join(apiDir, 'assets', name), `${source}\n`);
  await detachFilterStyle(join(apiDir, 'assets', 'main.js'));
  await dropDeadHierarchyLinks(apiDir, files);
  return files.map((file) => relative(siteDir, file).split(sep).join('/')).sort();
}

/**
 * TypeDoc gives every interface with an `extends` clause a "View Summary" link into
 * `hierarchy.html#<name>`, but that page lists only interfaces whose bases are reflections: one
 * that extends a type alias (`interface AccountDef extends DefType<typeof account> {}`) is linked
 * to an anchor that does not exist. Such links are dropped (the summary text stays without its
 * parenthesised link); links to anchors the page has are kept.
 */
async function dropDeadHierarchyLinks(apiDir: string, files: readonly string[]): Promise<void> {
  const hierarchy = join(apiDir, 'hierarchy.html');
  const ids = new Set([...(await readFile(hierarchy, 'utf8')).matchAll(/\sid="([^"]*)"/g)].map((m) => m[1] as string));
  for (const file of files) {
    if (file === hierarchy) continue;
    const html = await readFile(file, 'utf8');
    const fixed = html.replace(/ \(<a href="(?:\.\.\/)*hierarchy\.html#([^"]*)">View Summary<\/a>\)/g, (link, id: string) => (ids.has(id) ? link : ''));
    if (fixed !== html) await writeFile(file, fixed);
  }
}

/**
 * Runs TypeDoc into `<site.root>/api` with the options of `docs/typedoc.json`; the header of its
 * pages links back to the site's home and its other sections.
 *
 * @param site - the site root on disk and the sections it holds.
 * @returns the warning and error counts, the pages and the module names.
 * @throws Error when TypeDoc logged a warning or an error, or could not convert the sources.
 * @example
 * ```ts
 * import { SECTIONS } from './html.js';
 * import { buildLibraryReference } from './typedoc.js';
 * const { warnings, pages } = await buildLibraryReference({ root: 'docs/site', sections: [SECTIONS.reference, SECTIONS.guides] });
 * ```
 */
export async function buildLibraryReference(site: Site): Promise<LibraryReference> {
  const outDir = site.root;
  const apiDir = join(outDir, 'api');
  const navigationLinks: Record<string, string> = { 'Site home': `${SITE_ROOT}index.html` };
  for (const section of site.sections) if (section !== SECTIONS.reference) navigationLinks[section.label] = `${SITE_ROOT}${section.path}`;
  const app = await Application.bootstrapWithPlugins(
    {
      options: OPTIONS_FILE,
      out: apiDir,
      navigationLinks,
    },
    [new TypeDocReader(), new TSConfigReader()],
  );
  const counts = (): { warnings: number; errors: number } => ({ warnings: app.logger.warningCount, errors: app.logger.errorCount });
  const fail = (stage: string): never => {
    const { warnings, errors } = counts();
    throw new Error(`TypeDoc ${stage}: ${errors} error(s), ${warnings} warning(s) (warnings are errors here; see the log above)`);
  };
  if (app.logger.hasErrors() || app.logger.hasWarnings()) fail('options');
  const project = await app.convert();
  if (!project || app.logger.hasErrors() || app.logger.hasWarnings()) return fail('conversion');
  const modules: string[] = [];
  for (const module of project.getChildrenByKind(ReflectionKind.Module)) {
    module.name = importPathOf(module.name);
    modules.push(module.name);
  }
  app.validate(project);
  if (app.logger.hasErrors() || app.logger.hasWarnings() || app.logger.validationWarningCount > 0) fail('validation');
  await app.generateOutputs(project);
  if (app.logger.hasErrors() || app.logger.hasWarnings()) fail('rendering');
  const pages = await fixPages(apiDir, outDir);
  return { ...counts(), pages, modules };
}
