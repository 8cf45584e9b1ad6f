/**
 * The site's link check: every `href` and `src` of every HTML page that points into the site
 * must name a file that exists (a directory stands for its `index.html`), and a `#fragment` must
 * name an `id` (or `name`) in that file. Links with a scheme (`https:`, `data:`, `mailto:`) are
 * counted as external and not followed; a root-absolute path (`/x`) is broken, because the site
 * is served from any mount point and opened from `file://`.
 *
 * @module
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * A link that does not resolve.
 *
 * @example
 * ```ts
 * import type { BrokenLink } from './link-check.js';
 * const broken: BrokenLink = { page: 'index.html', url: 'api/index.html', reason: 'no such file: api/index.html' };
 * ```
 */
export interface BrokenLink {
  /** The page holding the link, from the site root. */
  readonly page: string;
  /** The link as written in the page (entities decoded). */
  readonly url: string;
  /** Why it does not resolve. */
  readonly reason: string;
}

/**
 * What {@link checkSiteLinks} found.
 *
 * @example
 * ```ts
 * import type { LinkReport } from './link-check.js';
 * declare const report: LinkReport;
 * if (report.broken.length > 0) console.log(report.broken.map((b) => `${b.page}: ${b.url}`).join('\n'));
 * ```
 */
export interface LinkReport {
  /** The HTML pages read, from the site root. */
  readonly pages: readonly string[];
  /** How many links into the site were checked. */
  readonly checked: number;
  /** The distinct links with a scheme, which are not followed. */
  readonly external: readonly string[];
  /** The links that do not resolve, in page order. */
  readonly broken: readonly BrokenLink[];
}

// Attributes are read inside start tags only, so that markup shown as text in a code block
// (`&lt;a href="…"&gt;`) is not taken for a link.
const START_TAG = /<([a-z][a-z0-9-]*)(\s[^>]*)?>/gi;
const ATTRIBUTE = /\s([a-z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;
const ENTITY = /&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos));/gi;
const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** An attribute value as the browser reads it (the entities a generator writes decoded). */
function decodeEntities(value: string): string {
  return value.replace(ENTITY, (all, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (dec !== undefined) return String.fromCodePoint(Number(dec));
    if (hex !== undefined) return String.fromCodePoint(Number.parseInt(hex, 16));
    return NAMED[(name as string).toLowerCase()] ?? all;
  });
}

/** The attributes of every start tag of a document, names and tags lower-cased, values decoded. */
function* attributes(html: string): Generator<{ readonly tag: string; readonly name: string; readonly value: string }> {
  for (const tag of html.matchAll(START_TAG)) {
    for (const attribute of (tag[2] ?? '').matchAll(ATTRIBUTE)) {
      yield { tag: (tag[1] as string).toLowerCase(), name: (attribute[1] as string).toLowerCase(), value: decodeEntities(attribute[2] ?? attribute[3] ?? '') };
    }
  }
}

async function htmlFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await htmlFiles(path)));
    else if (entry.name.endsWith('.html')) out.push(path);
  }
  return out.sort();
}

const fromRoot = (root: string, file: string): string => relative(root, file).split(sep).join('/');

/**
 * Checks every link of the site under `root`.
 *
 * @param root - the site root on disk.
 * @returns the pages read, the number of links checked, the external links and the broken ones.
 * @throws when `root` is not a directory.
 * @example
 * ```ts
 * import { checkSiteLinks } from './link-check.js';
 * const { broken } = await checkSiteLinks('docs/site');
 * for (const b of broken) console.log(`${b.page}: ${b.url} (${b.reason})`);
 * ```
 */
export async function checkSiteLinks(root: string): Promise<LinkReport> {
  const site = resolve(root);
  if (!(await stat(site)).isDirectory()) throw new Error(`checkSiteLinks: ${root} is not a directory`);
  const files = await htmlFiles(site);
  // The ids of each file a fragment points into, read once.
  const anchors = new Map<string, Promise<ReadonlySet<string>>>();
  const anchorsOf = (file: string): Promise<ReadonlySet<string>> => {
    let found = anchors.get(file);
    if (!found) {
      found = readFile(file, 'utf8').then((text) => {
        const ids = new Set<string>();
        for (const { tag, name, value } of attributes(text)) if (name === 'id' || (tag === 'a' && name === 'name')) ids.add(value);
        return ids;
      });
      anchors.set(file, found);
    }
    return found;
  };
  const external = new Set<string>();
  const broken: BrokenLink[] = [];
  let checked = 0;
  for (const file of files) {
    const page = fromRoot(site, file);
    const html = await readFile(file, 'utf8');
    for (const { name, value: url } of attributes(html)) {
      if (name !== 'href' && name !== 'src') continue;
      if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) {
        external.add(url);
        continue;
      }
      checked++;
      const reason = await resolveLink(site, file, url, anchorsOf);
      if (reason !== undefined) broken.push({ page, url, reason });
    }
  }
  return { pages: files.map((file) => fromRoot(site, file)), checked, external: [...external].sort(), broken };
}

/** Why `url` in `page` does not resolve inside `site`, or `undefined` when it does. */
async function resolveLink(site: string, page: string, url: string, anchorsOf: (file: string) => Promise<ReadonlySet<string>>): Promise<string | undefined> {
  if (url.startsWith('/')) return 'a root-absolute path (the site is served from any mount point: link relatively)';
  const hashAt = url.indexOf('#');
  const beforeHash = hashAt >= 0 ? url.slice(0, hashAt) : url;
  const rawFragment = hashAt >= 0 ? url.slice(hashAt + 1) : '';
  const rawPath = beforeHash.split('?')[0] as string;
  let path: string;
  let fragment: string;
  try {
    path = decodeURIComponent(rawPath);
    fragment = decodeURIComponent(rawFragment);
  } catch {
    return 'malformed percent-encoding';
  }
  let target = path === '' ? page : resolve(dirname(page), path);
  if (target !== site && !target.startsWith(site + sep)) return 'points outside the site';
  const info = await stat(target).catch(() => undefined);
  if (info?.isDirectory()) {
    target = join(target, 'index.html');
    if (!(await stat(target).catch(() => undefined))?.isFile()) return `no such file: ${fromRoot(site, target)} (a directory without index.html)`;
  } else if (!info?.isFile()) {
    return `no such file: ${fromRoot(site, target)}`;
  }
  // An empty fragment (`#`) is the top of the page; only HTML and SVG files have ids to check.
  if (fragment === '' || !/\.(?:html?|svg)$/i.test(target)) return undefined;
  return (await anchorsOf(target)).has(fragment) ? undefined : `no id "${fragment}" in ${fromRoot(site, target)}`;
}
