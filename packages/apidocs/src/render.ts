/**
 * The API reference as HTML: a front page, one page per class, one per endpoint, a sidebar of
 * both with a search box, and the search index. Pages are bodies with relative links only (from
 * their own path), so a site can wrap them in its own layout and serve them from any mount point
 * under a CSP that forbids inline script and style: the search runs from two external scripts.
 *
 * @module
 */
import type { ApiReference, ClassReference, EndpointReference, OperationReference, PropertyReference, SearchTemplateReference } from './model.js';
import { shortIri, slugOf, uniqueSlugs } from './names.js';

/**
 * A rendered page: its path from the site root, its title and summary, and the HTML that goes
 * inside `<main>`.
 *
 * @example
 * ```ts
 * import type { RenderedPage } from '@hyperld/apidocs';
 * const page: RenderedPage = { path: 'api/index.html', title: 'Library API', description: 'Endpoints and classes.', body: '<h1>Library API</h1>' };
 * ```
 */
export interface RenderedPage {
  /** Where the page goes, from the site root, with `/` separators. */
  readonly path: string;
  /** The document title. */
  readonly title: string;
  /** A one-sentence summary. */
  readonly description: string;
  /** The HTML inside `<main>` (its scripts included, as external `<script src>` elements). */
  readonly body: string;
}

/**
 * A file the reference needs besides its pages (the search index and script, the stylesheet).
 *
 * @example
 * ```ts
 * import type { RenderedAsset } from '@hyperld/apidocs';
 * const asset: RenderedAsset = { path: 'api/search-index.js', text: 'globalThis.HYPERLD_SEARCH_INDEX = [];' };
 * ```
 */
export interface RenderedAsset {
  /** Where it goes, from the site root. */
  readonly path: string;
  /** Its text. */
  readonly text: string;
}

/**
 * Options of {@link renderReference}.
 *
 * @example
 * ```ts
 * import type { RenderOptions } from '@hyperld/apidocs';
 * const options: RenderOptions = { root: 'textus/', home: 'index.html' };
 * ```
 */
export interface RenderOptions {
  /** The folder of the reference from the site root, ending in `/` (default: the site root). */
  readonly root?: string;
  /** A page the breadcrumb starts from, from the site root (default: none). */
  readonly home?: string;
}

/**
 * What {@link renderReference} produces.
 *
 * @example
 * ```ts
 * import { renderReference } from '@hyperld/apidocs';
 * const site = renderReference({ title: 'Empty', classes: [], endpoints: [], headers: {} });
 * site.pages[0]?.path; // 'index.html'
 * ```
 */
export interface RenderedReference {
  /** The front page first, then the endpoints' pages, then the classes'. */
  readonly pages: readonly RenderedPage[];
  /** The search index, the search script and the stylesheet (each page links them). */
  readonly assets: readonly RenderedAsset[];
  /** The page of each class, by class IRI, from the site root. */
  readonly classPages: ReadonlyMap<string, string>;
  /** The page of each endpoint, by endpoint name, from the site root. */
  readonly endpointPages: ReadonlyMap<string, string>;
}

/**
 * One entry of the search index: a name, what it is, and where it is (from the reference root).
 *
 * @example
 * ```ts
 * import type { SearchEntry } from '@hyperld/apidocs';
 * const entry: SearchEntry = { name: 'isbn', kind: 'property', where: 'of Book', url: 'types/Book.html#property-isbn' };
 * ```
 */
export interface SearchEntry {
  /** The name searched for. */
  readonly name: string;
  /** `class`, `property`, `endpoint`, `operation` or `template variable`. */
  readonly kind: string;
  /** Where it belongs, in words. */
  readonly where: string;
  /** Its page and anchor, from the reference root. */
  readonly url: string;
}

/** Escapes text for element content. */
export const escapeHtml = (text: string): string => text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
/** Escapes text for a double-quoted attribute value. */
export const escapeAttr = (text: string): string => escapeHtml(text).replace(/"/g, '&quot;');

/**
 * The relative URL from one page to another path, both from the site root.
 *
 * @param from - the page (`textus/types/Message.html`).
 * @param to - the target (`textus/index.html#classes`).
 * @returns the relative URL (`../index.html#classes`).
 * @example
 * ```ts
 * import { relativeUrl } from '@hyperld/apidocs';
 * relativeUrl('api/types/Book.html', 'api/index.html'); // '../index.html'
 * ```
 */
export function relativeUrl(from: string, to: string): string {
  const fromDirs = from.split('/').slice(0, -1);
  const toParts = to.split('/');
  let common = 0;
  while (common < fromDirs.length && common < toParts.length - 1 && fromDirs[common] === toParts[common]) common++;
  const rel = [...fromDirs.slice(common).map(() => '..'), ...toParts.slice(common)].join('/');
  return rel === '' ? (toParts.at(-1) ?? '') : rel;
}

/**
 * The `curl` command of an example request: one `-H` line per header field, then the method and
 * URL.
 *
 * @param method - the HTTP method.
 * @param url - the URL or path.
 * @param headers - the header fields, in order.
 * @returns the command over several lines.
 * @example
 * ```ts
 * import { curlCommand } from '@hyperld/apidocs';
 * curlCommand('GET', '/books', { Accept: 'application/ld+json' }); // '$ curl -i -H Accept:"application/ld+json" \\\n-X GET /books'
 * ```
 */
export function curlCommand(method: string, url: string, headers: Readonly<Record<string, string>>): string {
  const fields = Object.entries(headers).map(([name, value]) => `-H ${name}:"${value}" \\`);
  const [first, ...rest] = [...fields, `-X ${method} ${url}`];
  return [`$ curl -i ${first}`, ...rest].join('\n');
}

const code = (text: string): string => `<code>${escapeHtml(text)}</code>`;
const methodBadge = (method: string): string => `<span class="method method-${escapeAttr(method.toLowerCase())}">${escapeHtml(method)}</span>`;
const yesNo = (value: boolean | undefined): string => (value === undefined ? '<span class="muted">?</span>' : value ? '<span class="yes">yes</span>' : 'no');
/** Renders `code` spans written with backticks, escaping the rest. */
const prose = (text: string | undefined): string =>
  (text ?? '')
    .split('`')
    .map((part, i) => (i % 2 === 1 ? code(part) : escapeHtml(part)))
    .join('');

/**
 * The anchor (`id`) of a property's row on its class page.
 *
 * @param name - the property's name.
 * @returns `property-` and its slug.
 * @example
 * ```ts
 * import { propertyAnchor } from '@hyperld/apidocs';
 * propertyAnchor('isbn'); // 'property-isbn'
 * ```
 */
export function propertyAnchor(name: string): string {
  return `property-${slugOf(name)}`;
}

const STYLESHEET = `/* @hyperld/apidocs: the API reference's own layout (sidebar, search, tables), light and dark. */
:root { color-scheme: light dark; --ref-fg: #1d2127; --ref-muted: #5b6370; --ref-bg: #ffffff; --ref-panel: #f5f6f8; --ref-border: #d9dde3; --ref-accent: #0b62c4; --ref-mark: #fff3b0; }
@media (prefers-color-scheme: dark) { :root { --ref-fg: #e4e7eb; --ref-muted: #9aa3ae; --ref-bg: #14171b; --ref-panel: #1d2126; --ref-border: #343a42; --ref-accent: #6aa8f0; --ref-mark: #4a4220; } }
main:has(.ref) { max-width: 84rem; }
.ref { display: grid; grid-template-columns: 16rem minmax(0, 1fr); gap: 2rem; align-items: start; }
@media (max-width: 52rem) { .ref { grid-template-columns: 1fr; } }
.ref-sidebar { position: sticky; top: 0.5rem; max-height: calc(100vh - 1rem); overflow-y: auto; font-size: 0.92rem; border-right: 1px solid var(--ref-border); padding: 0.5rem 1rem 1rem 0; }
@media (max-width: 52rem) { .ref-sidebar { position: static; max-height: none; border-right: 0; border-bottom: 1px solid var(--ref-border); } }
.ref-sidebar h2 { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.06em; color: var(--ref-muted); border: 0; margin: 1.25rem 0 0.35rem; padding: 0; }
.ref-sidebar ul { list-style: none; margin: 0; padding: 0; }
.ref-sidebar li { margin: 0.1rem 0; overflow-wrap: anywhere; }
.ref-sidebar a { text-decoration: none; }
.ref-sidebar a:hover, .ref-sidebar a:focus { text-decoration: underline; }
.ref-sidebar a[aria-current="page"] { font-weight: 700; }
.ref-search input { width: 100%; font: inherit; padding: 0.4rem 0.55rem; border: 1px solid var(--ref-border); border-radius: 6px; background: var(--ref-bg); color: var(--ref-fg); }
.ref-search ul { margin-top: 0.35rem; border: 1px solid var(--ref-border); border-radius: 6px; background: var(--ref-panel); }
.ref-search li { padding: 0.3rem 0.55rem; border-bottom: 1px solid var(--ref-border); }
.ref-search li:last-child { border-bottom: 0; }
.ref-search .hit-kind { display: block; color: var(--ref-muted); font-size: 0.8rem; }
.ref-content { min-width: 0; }
.ref-content h1 { overflow-wrap: anywhere; }
.ref-content tr:target { background: var(--ref-mark); }
.ref-content .anchor { margin-left: 0.35rem; color: var(--ref-muted); text-decoration: none; visibility: hidden; }
.ref-content tr:hover .anchor, .ref-content .anchor:focus { visibility: visible; }
.ref-content .template { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; overflow-wrap: anywhere; }
`;

/** A tiny client-side search over `HYPERLD_SEARCH_INDEX` (names, prefix matches first); external, so a strict CSP allows it. */
const SEARCH_SCRIPT = `// @hyperld/apidocs: the reference's search box. No server: it filters the index the page loaded.
(function () {
  var input = document.getElementById('ref-search');
  var list = document.getElementById('ref-search-results');
  if (!input || !list) return;
  var root = input.getAttribute('data-root') || '';
  var entries = globalThis.HYPERLD_SEARCH_INDEX || [];
  function hits(query) {
    var q = query.trim().toLowerCase();
    if (q === '') return [];
    var found = [];
    for (var i = 0; i < entries.length; i++) {
      var name = entries[i].name.toLowerCase();
      var at = name.indexOf(q);
      if (at >= 0) found.push({ entry: entries[i], rank: (name === q ? 0 : at === 0 ? 1 : 2) * 1000 + name.length });
    }
    found.sort(function (a, b) { return a.rank - b.rank; });
    return found.slice(0, 25).map(function (f) { return f.entry; });
  }
  function show() {
    var found = hits(input.value);
    list.replaceChildren();
    list.hidden = input.value.trim() === '';
    if (list.hidden) return;
    if (found.length === 0) {
      var none = document.createElement('li');
      none.textContent = 'Nothing matches.';
      list.appendChild(none);
      return;
    }
    found.forEach(function (entry) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = root + entry.url;
      a.textContent = entry.name;
      var kind = document.createElement('span');
      kind.className = 'hit-kind';
      kind.textContent = entry.kind + ' ' + entry.where;
      li.appendChild(a);
      li.appendChild(kind);
      list.appendChild(li);
    });
  }
  input.addEventListener('input', show);
  input.addEventListener('keydown', function (event) {
    if (event.key !== 'Enter') return;
    var first = list.querySelector('a');
    if (first) { event.preventDefault(); first.click(); }
  });
  show();
})();
`;

/** The section rows a page's sidebar lists. */
interface Sidebar {
  readonly endpoints: readonly (readonly [title: string, path: string])[];
  readonly classes: readonly (readonly [name: string, path: string])[];
}

/**
 * Renders a whole reference: the pages, the search index and script, the stylesheet.
 *
 * @param reference - the reference, from any source.
 * @param options - where it goes in the site, and the breadcrumb's first page.
 * @returns the pages and assets (nothing is written).
 * @example
 * ```ts
 * import { renderReference } from '@hyperld/apidocs';
 * const site = renderReference({
 *   title: 'Library API',
 *   headers: { Accept: 'application/ld+json' },
 *   classes: [{ iri: 'http://schema.org/Book', name: 'Book', subClassOf: [], facts: [], operations: [],
 *     properties: [{ name: 'title', kind: 'value', range: [], required: true, readable: true, writable: true }] }],
 *   endpoints: [],
 * }, { root: 'library/' });
 * site.classPages.get('http://schema.org/Book'); // 'library/types/Book.html'
 * ```
 */
export function renderReference(reference: ApiReference, options: RenderOptions = {}): RenderedReference {
  const root = options.root ?? '';
  const index = `${root}index.html`;
  const classSlugs = uniqueSlugs(reference.classes.map((c) => [c.iri, c.name]));
  const endpointSlugs = uniqueSlugs(reference.endpoints.map((e) => [e.name, e.name]));
  const classPages = new Map([...classSlugs].map(([iri, slug]) => [iri, `${root}types/${slug}.html`]));
  const endpointPages = new Map([...endpointSlugs].map(([name, slug]) => [name, `${root}endpoints/${slug}.html`]));
  const byIri = new Map(reference.classes.map((c) => [c.iri, c]));
  const names = new Map<string, number>();
  for (const c of reference.classes) names.set(c.name, (names.get(c.name) ?? 0) + 1);
  /** A class's name, with its IRI beside it where two classes share the name. */
  const className = (c: ClassReference): string => ((names.get(c.name) ?? 0) > 1 ? `${c.name} (${c.iri})` : c.name);
  const sidebar: Sidebar = {
    endpoints: reference.endpoints.map((e) => [e.title, endpointPages.get(e.name) as string]),
    classes: reference.classes.map((c) => [className(c), classPages.get(c.iri) as string]),
  };
  const assets: RenderedAsset[] = [
    { path: `${root}search-index.js`, text: searchIndexScript(searchEntries(reference, classPages, endpointPages, root)) },
    { path: `${root}search.js`, text: SEARCH_SCRIPT },
    { path: `${root}apidocs.css`, text: STYLESHEET },
  ];
  const context: PageContext = { reference, root, index, home: options.home, byIri, classPages, endpointPages, className, sidebar };
  const pages: RenderedPage[] = [
    frontPage(context),
    ...reference.endpoints.map((e) => endpointPage(context, e)),
    ...reference.classes.map((c) => classPage(context, c)),
  ];
  return { pages, assets, classPages, endpointPages };
}

/**
 * The search index of a reference: every class, property (with its anchor), endpoint, operation
 * and template variable.
 *
 * @param reference - the reference.
 * @returns the entries, with URLs from the reference root.
 * @example
 * ```ts
 * import { searchIndex } from '@hyperld/apidocs';
 * searchIndex({ title: 'Empty', classes: [], endpoints: [], headers: {} }); // []
 * ```
 */
export function searchIndex(reference: ApiReference): SearchEntry[] {
  const rendered = renderReference(reference);
  return searchEntries(reference, rendered.classPages, rendered.endpointPages, '');
}

function searchEntries(reference: ApiReference, classPages: ReadonlyMap<string, string>, endpointPages: ReadonlyMap<string, string>, root: string): SearchEntry[] {
  const local = (path: string): string => path.slice(root.length);
  const out: SearchEntry[] = [];
  for (const c of reference.classes) {
    const page = local(classPages.get(c.iri) as string);
    out.push({ name: c.name, kind: 'class', where: c.iri, url: page });
    for (const p of c.properties) out.push({ name: p.name, kind: 'property', where: `of ${c.name}`, url: `${page}#${propertyAnchor(p.name)}` });
    c.operations.forEach((o, i) => {
      if (o.name !== undefined && !c.properties.some((p) => p.name === o.name)) out.push({ name: o.name, kind: 'operation', where: `${o.method} on ${c.name}`, url: `${page}#operation-${i + 1}` });
    });
  }
  for (const e of reference.endpoints) {
    const page = local(endpointPages.get(e.name) as string);
    out.push({ name: e.title, kind: 'endpoint', where: `${e.method} ${e.template}`, url: page });
    if (e.name !== e.title) out.push({ name: e.name, kind: 'endpoint', where: `${e.method} ${e.template}`, url: page });
    e.searches.forEach((s, i) => {
      for (const v of s.variables) out.push({ name: v.name, kind: 'template variable', where: `of ${e.title}’s search`, url: `${page}#search-${i + 1}` });
    });
  }
  return out;
}

function searchIndexScript(entries: readonly SearchEntry[]): string {
  // `<` escaped, so that the index can never close a script element it is inlined in.
  return `// @hyperld/apidocs: the search index of this reference.\nglobalThis.HYPERLD_SEARCH_INDEX = ${JSON.stringify(entries).replace(/</g, '\\u003c')};\n`;
}

interface PageContext {
  readonly reference: ApiReference;
  readonly root: string;
  readonly index: string;
  readonly home: string | undefined;
  readonly byIri: ReadonlyMap<string, ClassReference>;
  readonly classPages: ReadonlyMap<string, string>;
  readonly endpointPages: ReadonlyMap<string, string>;
  readonly className: (c: ClassReference) => string;
  readonly sidebar: Sidebar;
}

/** A class IRI as a link to its page when the reference has one, else as code. */
function classLink(ctx: PageContext, from: string, iri: string): string {
  const page = ctx.classPages.get(iri);
  const c = ctx.byIri.get(iri);
  return page !== undefined && c !== undefined ? `<a href="${escapeAttr(relativeUrl(from, page))}">${code(c.name)}</a>` : code(shortIri(iri));
}

function layout(ctx: PageContext, path: string, crumb: string | undefined, content: string): string {
  const link = (to: string): string => escapeAttr(relativeUrl(path, to));
  const item = ([label, to]: readonly [string, string]): string =>
    `<li><a href="${link(to)}"${to === path ? ' aria-current="page"' : ''}>${escapeHtml(label)}</a></li>`;
  const rootFromHere = relativeUrl(path, ctx.index).replace(/index\.html$/, '');
  const trail = [
    ...(ctx.home !== undefined ? [`<a href="${link(ctx.home)}">Home</a>`] : []),
    ...(path !== ctx.index ? [`<a href="${link(ctx.index)}">${escapeHtml(ctx.reference.title)}</a>`] : []),
    ...(crumb !== undefined ? [escapeHtml(crumb)] : []),
  ];
  return `
<link rel="stylesheet" href="${link(`${ctx.root}apidocs.css`)}">
<div class="ref">
<nav class="ref-sidebar" aria-label="${escapeAttr(ctx.reference.title)}">
  <div class="ref-search" role="search">
    <label for="ref-search" class="muted">Search</label>
    <input id="ref-search" type="search" placeholder="A class, property or endpoint" autocomplete="off" data-root="${escapeAttr(rootFromHere)}">
    <ul id="ref-search-results" aria-live="polite" hidden></ul>
  </div>
  <h2><a href="${link(ctx.index)}">${escapeHtml(ctx.reference.title)}</a></h2>
${ctx.sidebar.endpoints.length > 0 ? `  <h2>Endpoints</h2>\n  <ul>\n${ctx.sidebar.endpoints.map(item).join('\n')}\n  </ul>` : ''}
${ctx.sidebar.classes.length > 0 ? `  <h2>Classes</h2>\n  <ul>\n${ctx.sidebar.classes.map(item).join('\n')}\n  </ul>` : ''}
</nav>
<div class="ref-content">
${trail.length > 0 ? `<p class="muted">${trail.join(' › ')}</p>` : ''}${content}
</div>
</div>
<script src="${link(`${ctx.root}search-index.js`)}" defer></script>
<script src="${link(`${ctx.root}search.js`)}" defer></script>`;
}

function table(head: readonly string[], rows: readonly string[]): string {
  if (rows.length === 0) return '<p class="muted">None.</p>';
  return `<div class="table-wrap"><table>
<thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table></div>`;
}

function frontPage(ctx: PageContext): RenderedPage {
  const path = ctx.index;
  const { reference } = ctx;
  const endpointRows = reference.endpoints.map((e) => {
    const returns = e.returns !== undefined ? classLink(ctx, path, e.returns) : '<span class="muted">no body</span>';
    return `<tr><td><a href="${escapeAttr(relativeUrl(path, ctx.endpointPages.get(e.name) as string))}">${escapeHtml(e.title)}</a></td><td>${methodBadge(e.method)}${code(e.template)}</td><td>${e.status ?? ''}</td><td>${returns}</td></tr>`;
  });
  const classRows = reference.classes.map((c) => `<tr><td>${classLink(ctx, path, c.iri)}</td><td>${prose(c.description)}</td></tr>`);
  const searches = reference.endpoints.flatMap((e) =>
    e.searches.map((s, i) => `<tr><td><a href="${escapeAttr(`${relativeUrl(path, ctx.endpointPages.get(e.name) as string)}#search-${i + 1}`)}">${escapeHtml(e.title)}</a></td><td class="template">${escapeHtml(s.template)}</td><td>${s.variables.map((v) => code(v.name)).join(' ')}</td></tr>`),
  );
  const headers = Object.entries(reference.headers);
  const body = `
<h1>${escapeHtml(reference.title)}</h1>
${reference.description !== undefined ? `<p class="lead">${prose(reference.description)}</p>` : ''}
${reference.entrypoint !== undefined ? `<dl class="facts"><dt>Entry point</dt><dd>${code(reference.entrypoint)}</dd></dl>` : ''}
${headers.length > 0 ? `<p>Send ${headers.map(([name, value]) => code(`${name}: ${value}`)).join(' and ')} with every request.</p>` : ''}
<h2 id="endpoints">Endpoints</h2>
${table(['Endpoint', 'Request', 'Status', 'Returns'], endpointRows)}
${searches.length > 0 ? `<h2 id="searches">Search templates</h2>\n${table(['On', 'Template', 'Variables'], searches)}` : ''}
<h2 id="classes">Classes</h2>
${table(['Class', 'Description'], classRows)}`;
  return { path, title: reference.title, description: reference.description ?? `${reference.title}: endpoints and classes.`, body: layout(ctx, path, undefined, body) };
}

function operationRows(ctx: PageContext, from: string, operations: readonly OperationReference[], withName: boolean): string[] {
  return operations.map((o, i) => {
    const endpoint = o.endpoint !== undefined ? ctx.endpointPages.get(o.endpoint) : undefined;
    const target = o.target === undefined ? '<span class="muted">not said</span>' : endpoint !== undefined ? `<a href="${escapeAttr(relativeUrl(from, endpoint))}">${code(o.target)}</a>` : code(o.target);
    const expects = o.expects !== undefined ? classLink(ctx, from, o.expects) : '';
    const returns = o.returns !== undefined ? classLink(ctx, from, o.returns) : '';
    const statuses = o.statuses.map((s) => `<span class="status">${s}</span>`).join(', ');
    const about = [o.title !== undefined && o.title !== o.name ? escapeHtml(o.title) : '', prose(o.description)].filter((t) => t !== '').join(': ');
    const name = withName ? `<td>${o.name !== undefined ? code(o.name) : '<span class="muted">(the class)</span>'}</td>` : '';
    return `<tr id="operation-${i + 1}">${name}<td>${methodBadge(o.method)}</td><td>${target}</td><td>${expects}</td><td>${returns}</td><td>${statuses}</td><td>${about}</td></tr>`;
  });
}

function propertyRow(ctx: PageContext, from: string, p: PropertyReference): string {
  const anchor = propertyAnchor(p.name);
  const range = p.range.length > 0 ? p.range.map((r) => classLink(ctx, from, r)).join(' or ') : '<span class="muted">any</span>';
  const inherited = p.inheritedFrom !== undefined ? ` <span class="muted">(from ${classLink(ctx, from, p.inheritedFrom)})</span>` : '';
  return `<tr id="${escapeAttr(anchor)}"><td>${code(p.name)}<a class="anchor" href="#${escapeAttr(anchor)}" aria-label="Link to ${escapeAttr(p.name)}">#</a>${inherited}</td><td>${prose(p.kind)}</td><td>${range}</td><td>${yesNo(p.required)}</td><td>${yesNo(p.readable)}</td><td>${yesNo(p.writable)}</td><td>${yesNo(p.nullable)}</td><td>${prose(p.description)}</td></tr>`;
}

function classPage(ctx: PageContext, c: ClassReference): RenderedPage {
  const path = ctx.classPages.get(c.iri) as string;
  const returnedBy = ctx.reference.endpoints.filter((e) => e.returns === c.iri && e.method === 'GET');
  const usedBy = ctx.reference.classes.filter((other) => other.properties.some((p) => p.range.includes(c.iri)));
  const facts: (readonly [string, string])[] = [
    ['Type', code(c.name)],
    ['Class IRI', code(c.iri)],
    ...c.facts.map(([label, text]) => [escapeHtml(label), code(text)] as const),
    ...(c.subClassOf.length > 0 ? [['Extends', c.subClassOf.map((s) => classLink(ctx, path, s)).join(', ')] as const] : []),
    ...(returnedBy.length > 0
      ? [['Returned by', returnedBy.map((e) => `<a href="${escapeAttr(relativeUrl(path, ctx.endpointPages.get(e.name) as string))}">${escapeHtml(e.method)} ${escapeHtml(e.template)}</a>`).join(', ')] as const]
      : []),
    ...(usedBy.length > 0 ? [['Linked or embedded by', usedBy.map((o) => classLink(ctx, path, o.iri)).join(', ')] as const] : []),
  ];
  const body = `
<h1>${escapeHtml(c.name)}</h1>
${c.description !== undefined ? `<p class="lead">${prose(c.description)}</p>` : ''}
<dl class="facts">
${facts.map(([dt, dd]) => `  <dt>${dt}</dt><dd>${dd}</dd>`).join('\n')}
</dl>
<h2 id="properties">Properties</h2>
${table(['Property', 'Kind', 'Range', 'Required', 'Readable', 'Writable', 'Nullable', 'Description'], c.properties.map((p) => propertyRow(ctx, path, p)))}
<h2 id="operations">Links and actions</h2>
${c.operations.length > 0 ? '<p>What a client may do with an instance: the class’s operations, and those of its link and action properties (a <code>null</code> action link means it is unavailable now).</p>' : ''}
${table(['Name', 'Method', 'Target', 'Expects', 'Returns', 'Statuses', 'Description'], operationRows(ctx, path, c.operations, true))}`;
  return { path, title: ctx.className(c), description: c.description ?? `The class ${c.name}: its properties and operations.`, body: layout(ctx, path, 'Classes', body) };
}

function searchSection(s: SearchTemplateReference, i: number): string {
  const rows = s.variables.map((v) => `<tr><td>${code(v.name)}</td><td>${v.property !== undefined ? code(shortIri(v.property)) : ''}</td><td>${yesNo(v.required)}</td></tr>`);
  return `<h3 id="search-${i + 1}">Search ${i + 1}</h3>
<p class="template">${escapeHtml(s.template)}</p>
${s.representation !== undefined ? `<p class="muted">Values written as ${code(s.representation)}.</p>` : ''}
${table(['Variable', 'Property', 'Required'], rows)}`;
}

function endpointPage(ctx: PageContext, e: EndpointReference): RenderedPage {
  const path = ctx.endpointPages.get(e.name) as string;
  const example = e.example;
  let exampleBlock = '';
  if (example !== undefined) {
    const responseType =
      example.body !== undefined
        ? `${code(example.contentType ?? 'unknown')}${example.type !== undefined ? `, a ${classLink(ctx, path, example.type)}` : ''}`
        : '<span class="muted">No body.</span>';
    exampleBlock = `
<h2 id="example">Examples</h2>
<h3>${escapeHtml(e.title)}</h3>
${example.note !== undefined ? `<p class="muted">${prose(example.note)}</p>` : ''}
<h4>Request</h4>
<p class="endpoint">${methodBadge(example.request.method)}${escapeHtml(example.request.url)}</p>
<h4>Example</h4>
<pre class="curl"><code>${escapeHtml(curlCommand(example.request.method, example.request.url, ctx.reference.headers))}</code></pre>
<h4>Response</h4>
<dl class="facts">
  <dt>Status</dt><dd class="status">${example.status}</dd>
  <dt>Response Type</dt><dd>${responseType}</dd>
</dl>
<h4>Example Body</h4>
${example.body !== undefined ? `<pre class="body"><code>${escapeHtml(example.body)}</code></pre>` : '<p class="muted">No body.</p>'}`;
  }
  const body = `
<h1>${escapeHtml(e.title)}</h1>
<p class="endpoint">${methodBadge(e.method)}${escapeHtml(e.template)}</p>
${e.description !== undefined ? `<p>${prose(e.description)}</p>` : ''}
${e.returns !== undefined ? `<dl class="facts"><dt>Returns</dt><dd>${classLink(ctx, path, e.returns)}</dd>${e.status !== undefined ? `<dt>Status</dt><dd>${e.status}</dd>` : ''}</dl>` : ''}
${e.operations.length > 0 ? `<h2 id="operations">Operations</h2>\n${table(['Method', 'Target', 'Expects', 'Returns', 'Statuses', 'Description'], operationRows(ctx, path, e.operations, false))}` : ''}
${e.searches.length > 0 ? `<h2 id="searches">Search templates</h2>\n${e.searches.map(searchSection).join('\n')}` : ''}${exampleBlock}`;
  return { path, title: `${e.title} (${e.method} ${e.template})`, description: e.description ?? `${e.method} ${e.template}`, body: layout(ctx, path, 'Endpoints', body) };
}
