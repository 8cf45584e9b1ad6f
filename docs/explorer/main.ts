/**
 * The hypermedia explorer: a page that walks any Hydra API by its links alone, from the
 * entrypoint typed in (with a bearer token or one extra header): the TextUs reference server with
 * the browser build of `@hyperld/textus/client`, any other API with the generic
 * `@hyperld/hydra/client`. The operations the client discovers at run time are listed by state,
 * each available one a form built from its `expects` class (the API documentation the answer
 * links to), whose violations are drawn next to their fields. It shows a resource's properties,
 * makes its http(s) links clickable, nests embedded nodes, pages through collections with the
 * view's `next`/`previous`, and lists its actions as buttons — enabled when offered, disabled
 * when the link is `null` — whose invocation re-renders the answer.
 *
 * Every element is built with `createElement` and `textContent`: nothing the server sends is ever
 * parsed as HTML, and the page runs under a CSP without inline scripts or styles.
 *
 * @module
 */
import { baseOf, setCodegen, type AnyKind } from '@hyperld/core';
import { hydraReader, type ActionState, type HydraReader } from '@hyperld/hydra';
import { readApiDocumentation, type ApiDocumentationModel, type ClassModel, type PropertyModel } from '@hyperld/hydra/discovery';
import { hydraRegistry } from '@hyperld/hydra';
import { createClient, hasRel, isHttpError, parseLinkHeader, type Operation } from '@hyperld/hydra/client';
import { textus, type Client, type TextusTypes } from '@hyperld/textus/client';
import { hashOf, iriFromHash, looksLikeLink, safeLink } from './links.js';

// The page's CSP has no 'unsafe-eval': validate with the walker alone, before any decode, so that
// no attempt to generate code shows up as a CSP violation.
setCodegen(false);

/** Embedded nodes deeper than this are not drawn (a document may nest without end). */
const MAX_DEPTH = 8;
/** Members drawn per collection page. */
const MAX_MEMBERS = 200;
/** The longest JSON value shown in a cell. */
const MAX_JSON = 2000;

interface Config {
  readonly token: string;
  readonly iri: string;
  /** The API's entrypoint: its origin is the client's base URL. */
  readonly entrypoint: string;
  /** Whether the API is TextUs (the typed client, with its registry and media type). */
  readonly textus: boolean;
}

/** Any client the explorer drives: TextUs's typed one or the generic Hydra one. */
type AnyClient = Client<TextusTypes>;

type Json = Record<string, unknown>;

const byId = <T extends HTMLElement>(id: string): T => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`The page has no #${id}.`);
  return element as T;
};

const form = byId<HTMLFormElement>('explorer-form');
const tokenInput = byId<HTMLInputElement>('token');
const entrypointInput = byId<HTMLInputElement>('entrypoint');
const headerInput = byId<HTMLInputElement>('header');
const iriInput = byId<HTMLInputElement>('iri');
const statusLine = byId<HTMLElement>('status');
const view = byId<HTMLElement>('view');

let config: Config = { token: '', iri: '/', entrypoint: `${location.origin}/`, textus: false };
let client: AnyClient | undefined;
let clientKey: string | undefined;
let current: { readonly iri: string; readonly node: object } | undefined;
let generation = 0;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Readonly<Record<string, string>> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, value);
  for (const child of children) element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  return element;
}

/** The extra header typed as `Name: value` (empty: none). */
function headerOf(text: string): Record<string, string> {
  const colon = text.indexOf(':');
  if (colon <= 0) return {};
  return { [text.slice(0, colon).trim()]: text.slice(colon + 1).trim() };
}

function entrypointUrl(): URL {
  try {
    return new URL(entrypointInput.value.trim() || config.entrypoint, location.href);
  } catch {
    return new URL(config.entrypoint, location.href);
  }
}

function clientFor(token: string): AnyClient {
  const entrypoint = entrypointUrl();
  const header = headerInput.value.trim();
  const key = JSON.stringify([token, entrypoint.href, header]);
  if (!client || clientKey !== key) {
    const extra = headerOf(header);
    const common = { token, retries: 0, timeout: 15_000, ...(Object.keys(extra).length > 0 ? { headers: () => extra } : {}) };
    client =
      config.textus && entrypoint.origin === location.origin
        ? textus({ baseUrl: entrypoint.origin, ...common })
        : (createClient({ baseUrl: entrypoint.href, registry: hydraRegistry, contexts: 'same-origin', unknownContext: 'ignore', ...common }) as unknown as AnyClient);
    clientKey = key;
    reader = undefined;
  }
  return client;
}

/** The client that fetched what is drawn (drawing follows a navigation, which makes one). */
function drawingClient(): AnyClient {
  if (!client) throw new Error('Nothing has been fetched yet.');
  return client;
}

let reader: HydraReader | undefined;

/**
 * Hydra's readers bound to the client's registry: the nodes embedded in an answer carry no
 * registry of their own, and read without one an embedded TextUs collection has no members.
 */
function readerOf(): HydraReader {
  const { registry } = drawingClient();
  if (reader?.registry !== registry) reader = hydraReader(registry);
  return reader;
}

function setStatus(text: string, kind: 'info' | 'busy' | 'error' = 'info'): void {
  statusLine.textContent = text;
  statusLine.dataset['state'] = kind;
}

function describeError(error: unknown): string {
  if (isHttpError(error)) {
    const problem = error.problem;
    return `${error.status} ${problem?.title ?? error.response.statusText}${problem?.detail ? ` — ${problem.detail}` : ''}`;
  }
  return error instanceof Error ? error.message : String(error);
}

// ---------------------------------------------------------------------------------------------
// Reading nodes

function isNode(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && (Object.hasOwn(value, '@type') || Object.hasOwn(value, 'id') || Object.hasOwn(value, '@id'));
}

function typeOf(node: Json): string {
  const type = node['@type'];
  return typeof type === 'string' ? type : Array.isArray(type) ? type.filter((t) => typeof t === 'string').join(', ') : 'node';
}

function idOf(node: Json): string | undefined {
  const id = node['id'] ?? node['@id'];
  return typeof id === 'string' ? id : undefined;
}

function labelOf(node: Json): string | undefined {
  for (const key of ['name', 'title', 'formattedPhoneNumber', 'body', 'slug']) {
    const value = node[key];
    if (typeof value === 'string' && value !== '') return value.length > 80 ? `${value.slice(0, 77)}…` : value;
  }
  return undefined;
}

function kindOf(node: Json, key: string): AnyKind | undefined {
  const type = node['@type'];
  if (typeof type !== 'string' || !client) return undefined;
  const def = client.registry.lookup(type);
  return def && Object.hasOwn(def.properties, key) ? (def.properties[key] as AnyKind) : undefined;
}

function kindIsLink(kind: AnyKind, depth = 0): boolean {
  if (depth > 4) return false;
  const spec = kind.spec;
  if (spec.tag === 'link' || spec.tag === 'id') return true;
  if (spec.tag === 'list') return kindIsLink(spec.item, depth + 1);
  if (spec.tag === 'union') return spec.options.some((o) => kindIsLink(o, depth + 1));
  return false;
}

/** Whether a string property is a link: by the type's definition, else by its look. */
function isLinkProperty(node: Json, key: string, value: string): boolean {
  if (key === 'id' || key === '@id') return true;
  const kind = kindOf(node, key);
  return kind ? kindIsLink(kind) : looksLikeLink(value);
}

function baseFor(node: object, fallback: string): string {
  return baseOf(node) ?? fallback;
}

// ---------------------------------------------------------------------------------------------
// Drawing

function linkElement(value: string, base: string): HTMLElement {
  const link = safeLink(value, base, location.origin);
  if (!link) {
    return el('span', { class: 'unsafe-link', 'data-unsafe-link': '', title: 'Not followed: only http and https links are.' }, value);
  }
  return el('a', { href: `#${hashOf(link.iri)}`, 'data-iri': link.iri, class: 'link' }, value);
}

function scalarElement(value: unknown): HTMLElement {
  if (value === null) return el('span', { class: 'null' }, 'null');
  if (typeof value === 'boolean') return el('span', { class: 'boolean' }, String(value));
  if (typeof value === 'number') return el('span', { class: 'number' }, String(value));
  if (typeof value === 'string') return el('span', { class: 'string' }, value);
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return el('code', { class: 'json' }, text.length > MAX_JSON ? `${text.slice(0, MAX_JSON)}…` : text);
}

interface Layout {
  readonly actions: ReadonlyMap<string, ActionState>;
  readonly membersKey: string | undefined;
  readonly viewKey: string | undefined;
}

function layoutOf(node: Json, actions: readonly ActionState[]): Layout {
  const members = readerOf().read(node, 'member');
  const viewNode = readerOf().read(node, 'view');
  let membersKey: string | undefined;
  let viewKey: string | undefined;
  for (const [key, value] of Object.entries(node)) {
    if (Array.isArray(members) && value === members) membersKey = key;
    if (viewNode !== undefined && value === viewNode) viewKey = key;
  }
  return { actions: new Map(actions.filter((a) => a.source === 'property').map((a) => [a.name, a])), membersKey, viewKey };
}

function propertyValue(node: Json, key: string, value: unknown, base: string, layout: Layout): Node {
  const action = layout.actions.get(key);
  if (action) {
    return el('span', { class: 'action-ref' }, `action ${action.method}, ${action.state}${typeof value === 'string' ? `: ${value}` : ''}`);
  }
  if (key === layout.membersKey && Array.isArray(value)) return el('span', { class: 'ref' }, `${value.length} member(s), listed below`);
  if (key === layout.viewKey) return el('span', { class: 'ref' }, 'the page view, see paging below');
  // A context is a document for JSON-LD processors, not a resource to explore.
  if (key === '@context') return typeof value === 'string' ? el('code', { class: 'context' }, value) : scalarElement(value);
  if (typeof value === 'string' && isLinkProperty(node, key, value)) return linkElement(value, base);
  if (isNode(value)) return el('span', { class: 'ref' }, `embedded ${typeOf(value)}, shown below`);
  if (Array.isArray(value)) {
    if (value.some(isNode)) return el('span', { class: 'ref' }, `${value.length} embedded node(s), shown below`);
    const list = el('span', { class: 'list' });
    value.forEach((item, i) => {
      if (i > 0) list.append(', ');
      list.append(typeof item === 'string' && isLinkProperty(node, key, item) ? linkElement(item, base) : scalarElement(item));
    });
    if (value.length === 0) list.append(el('span', { class: 'null' }, '[]'));
    return list;
  }
  return scalarElement(value);
}

function propertiesTable(node: Json, base: string, layout: Layout, testid: string): HTMLElement {
  const body = el('tbody');
  for (const [key, value] of Object.entries(node)) {
    body.append(el('tr', { 'data-property': key }, el('th', { scope: 'row' }, key), el('td', {}, propertyValue(node, key, value, base, layout))));
  }
  return el('table', { class: 'properties', 'data-testid': testid }, el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Property'), el('th', { scope: 'col' }, 'Value'))), body);
}

function linksList(node: Json, base: string, layout: Layout): HTMLElement | undefined {
  const items: HTMLElement[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (layout.actions.has(key) || typeof value !== 'string' || key === '@context') continue;
    if (!isLinkProperty(node, key, value)) continue;
    items.push(el('li', { 'data-link': key }, el('span', { class: 'rel' }, key), ' ', linkElement(value, base)));
  }
  return items.length > 0 ? el('nav', { class: 'links', 'data-testid': 'links', 'aria-label': 'Links' }, el('h3', {}, 'Links'), el('ul', {}, ...items)) : undefined;
}

function actionsPanel(node: Json, actions: readonly ActionState[], topLevel: boolean): HTMLElement | undefined {
  if (actions.length === 0) return undefined;
  const offered = el('ul', { class: 'actions-list' });
  const absent = el('ul', { class: 'not-offered', 'data-testid': topLevel ? 'actions-not-offered' : 'node-actions-not-offered' });
  for (const action of actions) {
    if (action.state === 'not-offered') {
      absent.append(el('li', { 'data-action-absent': action.name }, action.name));
      continue;
    }
    const button = el('button', { type: 'button', 'data-action': action.name, 'data-state': action.state, class: `action ${action.state}` }, action.name);
    let detail: string;
    if (action.state === 'available') {
      detail = `available · ${action.method} ${action.href}`;
      button.title = `${action.method} ${action.url}`;
      button.addEventListener('click', () => void invokeAction(node, action, topLevel));
    } else {
      button.disabled = true;
      detail = `unavailable (the link is null) · ${action.method}`;
    }
    offered.append(el('li', { 'data-action-item': action.name }, button, ' ', el('span', { class: 'action-state' }, detail)));
  }
  const panel = el('section', { class: 'actions', 'data-testid': topLevel ? 'actions' : 'node-actions' }, el('h3', {}, 'Actions'), offered);
  if (absent.childElementCount > 0) panel.append(el('p', { class: 'hint' }, 'Not offered by this resource:'), absent);
  return panel;
}

function pagingBar(node: Json, topLevel: boolean): HTMLElement | undefined {
  const links = readerOf().links(node);
  if (links.first === undefined && links.next === undefined && links.previous === undefined && links.last === undefined) return undefined;
  const bar = el('div', { class: 'paging', 'data-testid': topLevel ? 'paging' : 'node-paging' });
  for (const [rel, label] of [
    ['first', 'First'],
    ['previous', 'Previous'],
    ['next', 'Next'],
    ['last', 'Last'],
  ] as const) {
    const target = links[rel];
    if (target === undefined && (rel === 'first' || rel === 'last')) continue;
    const link = typeof target === 'string' ? safeLink(target, target, location.origin) : undefined;
    const button = el('button', { type: 'button', 'data-page': rel, 'data-testid': `page-${rel}` }, label);
    if (link) {
      button.dataset['iri'] = link.iri;
      button.addEventListener('click', () => go(link.iri));
    } else button.disabled = true;
    bar.append(button);
  }
  return bar;
}

function collectionPanel(node: Json, base: string, depth: number, topLevel: boolean): HTMLElement | undefined {
  const members = readerOf().read(node, 'member');
  if (!Array.isArray(members)) return undefined;
  const total = readerOf().totalItems(node);
  const list = readerOf().members(node);
  const shown = list.slice(0, MAX_MEMBERS);
  const heading = `Members: ${list.length} on this page${total !== undefined ? ` of ${total}` : ''}`;
  const ol = el('ol', { class: 'members', 'data-testid': topLevel ? 'members' : 'node-members' });
  for (const member of shown) {
    if (!isNode(member)) {
      const item = el('li', { class: 'member' });
      item.append(typeof member === 'string' && looksLikeLink(member) ? linkElement(member, base) : scalarElement(member));
      ol.append(item);
      continue;
    }
    const id = idOf(member);
    const label = labelOf(member);
    const summary = el('summary', {}, el('span', { class: 'type' }, typeOf(member)), ' ');
    if (id !== undefined) summary.append(linkElement(id, baseFor(member, base)));
    if (label !== undefined) summary.append(' ', el('span', { class: 'label' }, label));
    const details = el('details', { class: 'member' }, summary);
    if (shown.length <= 3) details.open = true;
    // Drawn on first opening: a page of large members stays cheap until one is looked at.
    let drawn = false;
    const draw = (): void => {
      if (drawn) return;
      drawn = true;
      details.append(renderNode(member, base, depth + 1, false));
    };
    if (details.open) draw();
    else details.addEventListener('toggle', draw);
    ol.append(el('li', { 'data-member': id ?? '' }, details));
  }
  const panel = el('section', { class: 'collection', 'data-testid': topLevel ? 'collection' : 'node-collection' }, el('h3', {}, heading));
  const paging = pagingBar(node, topLevel);
  if (paging) panel.append(paging);
  panel.append(ol);
  if (list.length > shown.length) panel.append(el('p', { class: 'hint' }, `${list.length - shown.length} more member(s) not drawn.`));
  return panel;
}

function embeddedPanel(node: Json, base: string, depth: number, layout: Layout, topLevel: boolean): HTMLElement | undefined {
  const items: HTMLElement[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === layout.membersKey || key === layout.viewKey || key === '@context') continue;
    const nodes = isNode(value) ? [value] : Array.isArray(value) ? value.filter(isNode) : [];
    for (const [i, child] of nodes.entries()) {
      const name = Array.isArray(value) ? `${key}[${i}]` : key;
      const summary = el('summary', {}, el('span', { class: 'rel' }, name), ' ', el('span', { class: 'type' }, typeOf(child)));
      const details = el('details', { class: 'embedded', open: '' }, summary, renderNode(child, baseFor(child, base), depth + 1, false));
      items.push(el('li', { 'data-embedded': name }, details));
    }
  }
  return items.length > 0 ? el('section', { class: 'embedded-list', 'data-testid': topLevel ? 'embedded' : 'node-embedded' }, el('h3', {}, 'Embedded'), el('ul', {}, ...items)) : undefined;
}

function renderNode(node: Json, base: string, depth: number, topLevel: boolean): HTMLElement {
  const id = idOf(node);
  const section = el('section', { class: topLevel ? 'node resource' : 'node', 'data-node-type': typeOf(node), 'data-depth': String(depth) });
  if (topLevel) section.dataset['testid'] = 'resource';
  if (id !== undefined) section.dataset['nodeId'] = id;
  if (depth > MAX_DEPTH) {
    section.append(el('p', { class: 'hint' }, 'Nested too deeply to draw.'));
    return section;
  }
  const title = el(topLevel ? 'h2' : 'h4', { class: 'node-title' }, el('span', { class: 'type' }, typeOf(node)));
  if (id !== undefined) title.append(' ', el('code', { class: 'id' }, id));
  section.append(title);
  // The client's own reader of actions: embedded nodes carry no registry, and have actions too.
  const actions = drawingClient().actions(node);
  const layout = layoutOf(node, actions);
  const parts = [
    actionsPanel(node, actions, topLevel),
    topLevel ? linksList(node, base, layout) : undefined,
    propertiesTable(node, base, layout, topLevel ? 'properties' : 'node-properties'),
    collectionPanel(node, base, depth, topLevel),
    embeddedPanel(node, base, depth, layout, topLevel),
  ];
  for (const part of parts) if (part) section.append(part);
  return section;
}

function show(iri: string, node: object): void {
  current = { iri, node };
  iriInput.value = iri;
  const rendered = renderNode(node as Json, baseFor(node, new URL(iri, location.origin).href), 0, true);
  view.replaceChildren(rendered);
  void drawOperations(node as Json, iri, rendered);
}

// ---------------------------------------------------------------------------------------------
// Operations discovered at run time, with a form from each one's `expects`

const API_DOC_REL = 'http://www.w3.org/ns/hydra/core#apiDocumentation';
const apiDocs = new Map<string, Promise<ApiDocumentationModel | undefined>>();

/** The API documentation the resource's answer links to (its `Link` header), read once per URL. */
function apiDocumentationOf(iri: string): Promise<ApiDocumentationModel | undefined> {
  const api = drawingClient();
  return (async () => {
    const response = await api.request('GET', iri);
    // Read to the end rather than cancelled: a cancelled body shows as a failed request.
    await response.arrayBuffer();
    const header = response.headers.get('link');
    const link = header ? parseLinkHeader(header, response.url || new URL(iri, location.origin).href).find((l) => hasRel(l, API_DOC_REL)) : undefined;
    if (!link) return undefined;
    let loading = apiDocs.get(link.href);
    if (!loading) {
      loading = (async () => {
        const answer = await api.request('GET', link.href);
        if (!answer.ok) return undefined;
        return readApiDocumentation(await answer.json(), { base: link.href, resolveContext: api.registry.context as never });
      })().catch(() => undefined);
      apiDocs.set(link.href, loading);
    }
    return loading;
  })().catch(() => undefined);
}

function classOf(doc: ApiDocumentationModel | undefined, iri: string | undefined): ClassModel | undefined {
  if (!doc || iri === undefined) return undefined;
  const found = doc.classes.get(iri);
  if (found) return found;
  for (const model of doc.classes.values()) if (model.title === iri || model.label === iri || model.iri.endsWith(`#${iri}`) || model.iri.endsWith(`/${iri}`)) return model;
  return undefined;
}

/** The JSON key a property is written under: its label (the context's term), else its IRI's last segment. */
function keyOf(property: PropertyModel): string {
  return property.label ?? property.iri.replace(/^.*[#/]/, '');
}

const XSD = 'http://www.w3.org/2001/XMLSchema#';
function inputFor(property: PropertyModel, id: string): HTMLInputElement {
  const range = property.range ?? '';
  const input = el('input', { id, name: keyOf(property), 'data-field': keyOf(property) });
  if (range === `${XSD}integer` || range === `${XSD}int` || range === `${XSD}nonNegativeInteger`) {
    input.type = 'number';
    input.step = '1';
  } else if (range === `${XSD}decimal` || range === `${XSD}double` || range === `${XSD}float`) {
    input.type = 'number';
    input.step = 'any';
  } else if (range === `${XSD}boolean`) input.type = 'checkbox';
  else if (range === `${XSD}dateTime`) input.type = 'datetime-local';
  else if (range === `${XSD}date`) input.type = 'date';
  else input.type = 'text';
  if (property.required) input.required = true;
  return input;
}

function bodyOf(formElement: HTMLFormElement, properties: readonly PropertyModel[]): Json {
  const body: Json = {};
  for (const property of properties) {
    const key = keyOf(property);
    const input = formElement.querySelector<HTMLInputElement>(`[data-field="${CSS.escape(key)}"]`);
    if (!input) continue;
    if (input.type === 'checkbox') body[key] = input.checked;
    else if (input.value === '') continue;
    else if (input.type === 'number') body[key] = Number(input.value);
    else body[key] = input.value;
  }
  return body;
}

function operationForm(node: Json, operation: Operation, expects: ClassModel | undefined, self: string): HTMLElement {
  const fields = (expects?.properties ?? []).filter((p) => p.writable);
  const formElement = el('form', { class: 'operation-form', 'data-operation-form': operation.name, novalidate: '' });
  const list = el('div', { class: 'fields' });
  fields.forEach((property, i) => {
    const id = `op-${operation.name.replace(/[^\w-]/g, '_')}-${i}`;
    const label = el('label', { for: id }, property.title ?? keyOf(property));
    if (property.required) label.append(el('span', { class: 'required', title: 'required' }, ' *'));
    const row = el('div', { class: 'field', 'data-field-row': keyOf(property) }, label, inputFor(property, id), el('ul', { class: 'violations', 'data-violations': keyOf(property) }));
    if (property.description) row.append(el('small', { class: 'hint' }, property.description));
    list.append(row);
  });
  const general = el('ul', { class: 'violations', 'data-violations': '' });
  const submit = el('button', { type: 'submit', 'data-invoke': operation.name }, `${operation.method} ${operation.title ?? operation.name}`);
  formElement.append(list, general, submit);
  formElement.addEventListener('submit', (event) => {
    event.preventDefault();
    void invokeOperation(node, operation, fields.length > 0 || expects ? bodyOf(formElement, fields) : undefined, formElement, self);
  });
  return formElement;
}

async function invokeOperation(node: Json, operation: Operation, body: Json | undefined, formElement: HTMLFormElement, self: string): Promise<void> {
  const api = drawingClient();
  for (const list of formElement.querySelectorAll('[data-violations]')) list.replaceChildren();
  setStatus(`${operation.method} ${operation.href ?? ''} (${operation.name}) …`, 'busy');
  try {
    const answer = (await api.invoke(node, operation, body)) as object | undefined;
    setStatus(`${operation.name}: done (${operation.method} ${operation.href ?? ''})`);
    if (answer !== undefined && isNode(answer) && operation.method !== 'POST' && idOf(answer) !== undefined) show(self, answer);
    else if (answer !== undefined && isNode(answer)) {
      const id = idOf(answer);
      if (id !== undefined) go(new URL(id, baseFor(answer, new URL(self, location.origin).href)).pathname);
      else await navigate(self);
    } else await navigate(self);
  } catch (error) {
    setStatus(`${operation.name} failed: ${describeError(error)}`, 'error');
    if (isHttpError(error)) {
      for (const violation of error.violations) {
        const key = violation.propertyPath.replace(/^.*\./, '');
        const target = formElement.querySelector(`[data-violations="${CSS.escape(key)}"]`) ?? formElement.querySelector('[data-violations=""]');
        target?.append(el('li', { 'data-violation': violation.propertyPath }, violation.propertyPath === '' || target.getAttribute('data-violations') === key ? violation.message : `${violation.propertyPath}: ${violation.message}`));
      }
      if (error.violations.length === 0) formElement.querySelector('[data-violations=""]')?.append(el('li', {}, describeError(error)));
    }
  }
}

async function drawOperations(node: Json, self: string, into: HTMLElement): Promise<void> {
  const mine = generation;
  let operations: Operation[];
  try {
    operations = await drawingClient().operations(node);
  } catch (error) {
    if (mine === generation) into.append(el('p', { class: 'hint', 'data-testid': 'operations-error' }, `Operations could not be listed: ${describeError(error)}`));
    return;
  }
  const needsDoc = operations.some((o) => o.expects !== undefined);
  const doc = needsDoc ? await apiDocumentationOf(self) : undefined;
  if (mine !== generation || !into.isConnected) return;
  const sections = { available: el('ul', { class: 'ops available' }), unavailable: el('ul', { class: 'ops unavailable' }), 'not-offered': el('ul', { class: 'ops not-offered' }) };
  for (const operation of operations) {
    const item = el('li', { 'data-operation': operation.name, 'data-state': operation.state }, el('span', { class: 'method' }, operation.method), ' ', el('strong', {}, operation.title ?? operation.name));
    if (operation.expects) item.append(' ', el('span', { class: 'hint' }, `expects ${operation.expects}`));
    if (operation.state === 'available') item.append(operationForm(node, operation, classOf(doc, operation.expects), self));
    sections[operation.state].append(item);
  }
  if (operations.length === 0) return;
  const panel = el('section', { class: 'operations', 'data-testid': 'operations' }, el('h3', {}, 'Operations (discovered at run time)'));
  for (const [state, label] of [['available', 'Available'], ['unavailable', 'Unavailable (the link is null)'], ['not-offered', 'Not offered']] as const) {
    if (sections[state].childElementCount > 0) panel.append(el('h4', {}, label), sections[state]);
  }
  into.insertBefore(panel, into.children[1] ?? null);
}

// ---------------------------------------------------------------------------------------------
// Navigating and acting

async function navigate(iri: string): Promise<void> {
  const mine = ++generation;
  const api = clientFor(tokenInput.value.trim());
  setStatus(`GET ${iri} …`, 'busy');
  try {
    const node = await api.get(iri);
    if (mine !== generation) return;
    show(iri, node);
    setStatus(`GET ${iri} — ${typeOf(node as Json)}`);
  } catch (error) {
    if (mine !== generation) return;
    current = undefined;
    iriInput.value = iri;
    view.replaceChildren(el('div', { class: 'error', 'data-testid': 'error', role: 'alert' }, el('h2', {}, 'Could not load the resource'), el('p', {}, describeError(error))));
    setStatus(`GET ${iri} failed`, 'error');
  }
}

async function invokeAction(node: Json, action: ActionState, topLevel: boolean): Promise<void> {
  if (action.state !== 'available') return;
  const api = clientFor(tokenInput.value.trim());
  const mine = ++generation;
  for (const button of view.querySelectorAll<HTMLButtonElement>('button[data-action]')) button.disabled = true;
  setStatus(`${action.method} ${action.href} (${action.name}) …`, 'busy');
  try {
    let answer: object | undefined;
    if (action.source === 'property') {
      answer = (await api.invoke(node as never, action.name as never)) as object | undefined;
    } else {
      const response = await api.request(action.method, action.url);
      if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
      await response.body?.cancel();
    }
    if (mine !== generation) return;
    setStatus(`${action.name}: done (${action.method} ${action.href})`);
    const self = current?.iri;
    if (topLevel && answer !== undefined && isNode(answer) && self !== undefined) {
      show(idOf(answer) ?? self, answer);
      if (location.hash !== `#${hashOf(current?.iri ?? self)}`) history.replaceState(null, '', `#${hashOf(current?.iri ?? self)}`);
    } else if (self !== undefined) {
      await navigate(self);
      if (generation === mine + 1) setStatus(`${action.name}: done (${action.method} ${action.href}); ${self} reloaded`);
    }
  } catch (error) {
    if (mine !== generation) return;
    setStatus(`${action.name} failed: ${describeError(error)}`, 'error');
    for (const button of view.querySelectorAll<HTMLButtonElement>('button[data-action][data-state="available"]')) button.disabled = false;
  }
}

function go(iri: string): void {
  const hash = `#${hashOf(iri)}`;
  if (location.hash === hash) void navigate(iri);
  else location.hash = hash;
}

async function loadConfig(): Promise<Config> {
  try {
    const response = await fetch('config.json', { headers: { accept: 'application/json' } });
    if (!response.ok) return config;
    const data = (await response.json()) as unknown;
    if (typeof data !== 'object' || data === null) return config;
    const record = data as Record<string, unknown>;
    return {
      token: typeof record['token'] === 'string' ? record['token'] : config.token,
      iri: typeof record['iri'] === 'string' ? record['iri'] : config.iri,
      entrypoint: typeof record['entrypoint'] === 'string' ? record['entrypoint'] : config.entrypoint,
      textus: record['textus'] === true,
    };
  } catch {
    return config;
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const iri = iriInput.value.trim();
  if (iri !== '') go(iri);
});

// A new entrypoint is where browsing starts again.
entrypointInput.addEventListener('change', () => {
  iriInput.value = entrypointUrl().href;
});

window.addEventListener('hashchange', () => {
  const iri = iriFromHash(location.hash);
  if (iri !== undefined) void navigate(iri);
});

void (async () => {
  config = await loadConfig();
  if (tokenInput.value === '') tokenInput.value = config.token;
  if (entrypointInput.value === '') entrypointInput.value = config.entrypoint;
  if (iriInput.value === '') iriInput.value = config.iri;
  document.documentElement.dataset['ready'] = 'true';
  await navigate(iriFromHash(location.hash) ?? config.iri);
})();
