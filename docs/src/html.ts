/**
 * The docs site's shared layout: one HTML shell, one stylesheet, and helpers to escape text and
 * to write pages. Every link is relative (computed from the page's own path), so the site works
 * from any mount point and from `file://`; no page carries an inline script or inline style,
 * because the site is served with a CSP that forbids them.
 *
 * @module
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Escapes text for HTML element content (quotes stay as they are, so that code blocks read the
 * same in the page source as on screen).
 *
 * @param text - any text.
 * @returns the text with `&`, `<` and `>` escaped.
 * @example
 * ```ts
 * import { escapeHtml } from './html.js';
 * escapeHtml('<b>"x"</b>'); // '&lt;b&gt;"x"&lt;/b&gt;'
 * ```
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/**
 * Escapes text for a double-quoted attribute value.
 *
 * @param text - any text.
 * @returns the text with `&`, `<`, `>` and `"` escaped.
 * @example
 * ```ts
 * import { escapeAttr } from './html.js';
 * escapeAttr('a "b"'); // 'a &quot;b&quot;'
 * ```
 */
export function escapeAttr(text: string): string {
  return escapeHtml(text).replace(/"/g, '&quot;');
}

/**
 * The relative path from one site page to another site path, both given from the site root with
 * `/` separators.
 *
 * @param from - the page's path (`textus/endpoints/contact.html`).
 * @param to - the target's path (`assets/site.css`).
 * @returns the relative URL (`../../assets/site.css`).
 * @example
 * ```ts
 * import { relativeUrl } from './html.js';
 * relativeUrl('textus/types/Message.html', 'textus/index.html'); // '../index.html'
 * ```
 */
export function relativeUrl(from: string, to: string): string {
  const rel = posix.relative(posix.dirname(from), to);
  return rel === '' ? posix.basename(to) : rel;
}

/**
 * A top-level section of the site: a header link on every page and a card on the home page.
 *
 * @example
 * ```ts
 * import type { Section } from './html.js';
 * const guides: Section = { label: 'Guides', path: 'guides/index.html' };
 * ```
 */
export interface Section {
  /** The label of the header's link. */
  readonly label: string;
  /** The section's front page, from the site root. */
  readonly path: string;
}

/**
 * Every top-level section a site can hold, in the order of the header's navigation. The library
 * reference (TypeDoc) and the explorer are optional parts of a build, so a page links only to the
 * sections its {@link Site} holds.
 */
export const SECTIONS = {
  reference: { label: 'Library reference', path: 'api/index.html' },
  textus: { label: 'TextUs API', path: 'textus/index.html' },
  guides: { label: 'Guides', path: 'guides/index.html' },
  explorer: { label: 'Explorer', path: 'explorer/index.html' },
} as const satisfies Record<string, Section>;

/**
 * The site being written: where it goes and which sections it holds once built. Pages link only
 * to those sections, so that a site built without one has no dead link to it.
 *
 * @example
 * ```ts
 * import { SECTIONS, type Site } from './html.js';
 * const site: Site = { root: '/tmp/site', sections: [SECTIONS.textus, SECTIONS.guides] };
 * ```
 */
export interface Site {
  /** The site root on disk. */
  readonly root: string;
  /** The sections the site holds, in the order of the header's navigation. */
  readonly sections: readonly Section[];
}

/**
 * A page of the site.
 *
 * @example
 * ```ts
 * import type { Page } from './html.js';
 * const page: Page = { path: 'guides/index.html', title: 'Guides', body: '<h1>Guides</h1>' };
 * ```
 */
export interface Page {
  /** Where the page goes, from the site root (`textus/types/Message.html`). */
  readonly path: string;
  /** The document title (the site name is appended). */
  readonly title: string;
  /** The HTML inside `<main>`; links in it must be relative to {@link Page.path}. */
  readonly body: string;
  /** A one-sentence summary for `<meta name="description">`. */
  readonly description?: string;
}

/**
 * Renders a page in the shared layout: header with the site's sections, main content, footer.
 *
 * @param page - the page.
 * @param sections - the sections the header links to (those the site holds).
 * @returns the whole HTML document.
 * @example
 * ```ts
 * import { renderPage, SECTIONS } from './html.js';
 * renderPage({ path: 'index.html', title: 'hyperld', body: '<h1>hyperld</h1>' }, [SECTIONS.guides]).startsWith('<!doctype html>'); // true
 * ```
 */
export function renderPage(page: Page, sections: readonly Section[]): string {
  const link = (to: string): string => escapeAttr(relativeUrl(page.path, to));
  const nav = sections.map(({ label, path: to }) => {
    const current = page.path.split('/')[0] === to.split('/')[0] ? ' aria-current="page"' : '';
    return `<a href="${link(to)}"${current}>${escapeHtml(label)}</a>`;
  }).join('\n      ');
  const description = page.description ? `\n  <meta name="description" content="${escapeAttr(page.description)}">` : '';
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">${description}
  <title>${escapeHtml(page.title)} · hyperld</title>
  <link rel="icon" href="${link('assets/favicon.svg')}" type="image/svg+xml">
  <link rel="stylesheet" href="${link('assets/site.css')}">
</head>
<body>
  <header class="site-header">
    <a class="brand" href="${link('index.html')}">hyperld</a>
    <nav aria-label="Sections">
      ${nav}
    </nav>
  </header>
  <main>
${page.body}
  </main>
  <footer class="site-footer">Generated by <code>pnpm docs</code> from the hyperld sources.</footer>
</body>
</html>
`;
}

/**
 * Writes a page under the site root, creating its directory.
 *
 * @param site - the site root and the sections its header links to.
 * @param page - the page.
 * @returns the page's path from the site root.
 * @example
 * ```ts
 * import { SECTIONS, writePage } from './html.js';
 * await writePage({ root: '/tmp/site', sections: [SECTIONS.guides] }, { path: 'index.html', title: 'hyperld', body: '<h1>hyperld</h1>' });
 * ```
 */
export async function writePage(site: Site, page: Page): Promise<string> {
  const file = join(site.root, ...page.path.split('/'));
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, renderPage(page, site.sections));
  return page.path;
}

/**
 * Copies the shared stylesheet and icon to `assets/site.css` and `assets/favicon.svg` under the
 * site root.
 *
 * @param outDir - the site root on disk.
 * @returns the stylesheet's path from the site root.
 * @example
 * ```ts
 * import { writeStylesheet } from './html.js';
 * await writeStylesheet('/tmp/site'); // 'assets/site.css'
 * ```
 */
export async function writeStylesheet(outDir: string): Promise<string> {
  await mkdir(join(outDir, 'assets'), { recursive: true });
  for (const file of ['site.css', 'favicon.svg']) {
    await writeFile(join(outDir, 'assets', file), await readFile(fileURLToPath(new URL(`./${file}`, import.meta.url))));
  }
  return 'assets/site.css';
}
