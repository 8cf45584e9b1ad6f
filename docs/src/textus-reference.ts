/**
 * The TextUs API reference: one page per route of `textusRoutes`, in the shape of the TextUs
 * reference the seed comes from (title, method and path template, what it does, a `curl`
 * request, the status and an example body), and one page per type of `textusRegistry` (each
 * property's kind, link target, nullability, optionality and description; each action's method,
 * URL pattern and availability). The example bodies come from {@link collectTextusExamples}.
 *
 * @module
 */
import type { AnyKind, AnyTypeDef } from '@hyperld/core';
import { actionSpecOf, type ActionSpec } from '@hyperld/hydra';
import { CONVERSATION_ACTIONS, Conversation, TEXTUS_MEDIA_TYPE, textusRegistry, textusRoutes, type Route } from '@hyperld/textus';
import { extendsType } from '@hyperld/core';
import { escapeAttr, escapeHtml, relativeUrl, writePage, type Page, type Site } from './html.js';
import { collectTextusExamples, endpointPagePath, safeName, type EndpointExample } from './textus-examples.js';

/**
 * The page of a type, from the site root.
 *
 * @param type - the `@type` term.
 * @returns `textus/types/<safe term>.html`.
 * @example
 * ```ts
 * import { typePagePath } from './textus-reference.js';
 * typePagePath('hydra:Collection'); // 'textus/types/hydra-Collection.html'
 * ```
 */
export function typePagePath(type: string): string {
  return `textus/types/${safeName(type)}.html`;
}

/**
 * The `curl` command of an example request, as the TextUs reference writes it.
 *
 * @param method - the HTTP method.
 * @param path - the request path.
 * @returns the command, on three lines.
 * @example
 * ```ts
 * import { curlCommand } from './textus-reference.js';
 * curlCommand('GET', '/contacts/DQeeO69/conversations');
 * ```
 */
export function curlCommand(method: string, path: string): string {
  return [`$ curl -i -H Accept:"${TEXTUS_MEDIA_TYPE}" \\`, `-H Authorization:"Bearer {token}" \\`, `-X ${method} ${path}`].join('\n');
}

/**
 * A route's template as the TextUs reference writes it: `{contact}` becomes `:contact`.
 *
 * @param template - the RFC 6570 path template.
 * @returns the path with `:name` parameters.
 * @example
 * ```ts
 * import { colonPath } from './textus-reference.js';
 * colonPath('/contacts/{contact}/conversations'); // '/contacts/:contact/conversations'
 * ```
 */
export function colonPath(template: string): string {
  return template.replace(/\{([A-Za-z0-9_]+)\}/g, ':$1');
}

const code = (text: string): string => `<code>${escapeHtml(text)}</code>`;
const methodBadge = (method: string): string => `<span class="method method-${method.toLowerCase()}">${escapeHtml(method)}</span>`;

/** Links to type pages from a given page, or plain code for a term with no page. */
function typeLinker(from: string): (type: string) => string {
  return (type) => (textusRegistry.types.has(type) ? `<a href="${escapeAttr(relativeUrl(from, typePagePath(type)))}">${code(type)}</a>` : code(type));
}

function endpointPage(example: EndpointExample): Page {
  const { route } = example;
  const path = endpointPagePath(route);
  const typeLink = typeLinker(path);
  const responseType =
    example.type !== undefined
      ? `${code(example.contentType ?? TEXTUS_MEDIA_TYPE)}, a ${typeLink(example.type)}`
      : '<span class="muted">No body.</span>';
  const bodyBlock = example.body !== undefined ? `<pre class="body"><code>${escapeHtml(example.body)}</code></pre>` : '<p class="muted">No body.</p>';
  const body = `
<p class="muted"><a href="${escapeAttr(relativeUrl(path, 'textus/index.html'))}">TextUs API</a> › Endpoints</p>
<h1>${escapeHtml(route.title)}</h1>
<p class="endpoint">${methodBadge(route.method)}${escapeHtml(colonPath(route.template))}</p>
<p>${escapeHtml(route.description)}</p>
<h2>Examples</h2>
<h3>${escapeHtml(route.title)}</h3>
<p class="muted">${escapeHtml(example.note)}</p>
<h4>Request</h4>
<p class="endpoint">${methodBadge(example.request.method)}${escapeHtml(example.request.path)}</p>
<h4>Example</h4>
<pre class="curl"><code>${escapeHtml(curlCommand(example.request.method, example.request.path))}</code></pre>
<h4>Response</h4>
<dl class="facts">
  <dt>Status</dt><dd class="status">${example.status}</dd>
  <dt>Response Type</dt><dd>${responseType}</dd>
</dl>
<h4>Example Body</h4>
${bodyBlock}`;
  return { path, title: `${route.title} (${route.method} ${colonPath(route.template)})`, description: route.description, body };
}

/** The kind of a property in words, and the types it links to or embeds. */
function describeKind(kind: AnyKind): { readonly kind: string; readonly targets: readonly string[]; readonly anyTarget: boolean } {
  const spec = kind.spec;
  switch (spec.tag) {
    case 'id':
      return { kind: 'the node IRI', targets: [], anyTarget: false };
    case 'dateTime':
      return { kind: 'date-time (ISO 8601 text)', targets: [], anyTarget: false };
    case 'json':
      return { kind: 'free-form JSON', targets: [], anyTarget: false };
    case 'enum':
      return {
        kind: `enumeration (${spec.open ? 'open: other values may appear' : 'closed'}): ${spec.values.map((v) => `\`${v}\``).join(', ')}`,
        targets: [],
        anyTarget: false,
      };
    case 'link':
      return { kind: 'link', targets: spec.target !== undefined ? [spec.target] : [], anyTarget: spec.target === undefined };
    case 'node': {
      const targets = spec.targets ? spec.targets().map((d) => d.type) : [];
      return { kind: 'embedded node', targets, anyTarget: targets.length === 0 };
    }
    case 'list': {
      const item = describeKind(spec.item);
      return { kind: `list of ${item.kind}`, targets: item.targets, anyTarget: item.anyTarget };
    }
    case 'union': {
      const options = spec.options.map(describeKind);
      return {
        kind: `one of: ${options.map((o) => o.kind).join(' or ')}`,
        targets: [...new Set(options.flatMap((o) => o.targets))],
        anyTarget: options.some((o) => o.anyTarget),
      };
    }
    default:
      return { kind: spec.tag, targets: [], anyTarget: false };
  }
}

/** Renders `code` spans written with backticks in a description, escaping the rest. */
function prose(text: string): string {
  return text
    .split('`')
    .map((part, i) => (i % 2 === 1 ? code(part) : escapeHtml(part)))
    .join('');
}

/** The definition a property comes from: the highest ancestor that declares the very same kind. */
function declaredIn(def: AnyTypeDef, key: string): AnyTypeDef {
  let origin = def;
  for (let base = def.base; base !== undefined; base = base.base) {
    if (Object.hasOwn(base.properties, key) && (base.properties as Record<string, AnyKind>)[key] === (def.properties as Record<string, AnyKind>)[key]) origin = base;
    else break;
  }
  return origin;
}

/** Where an action is sent, from the routes (or the conversation action table for actions with no route). */
function actionUrl(def: AnyTypeDef, name: string): { readonly template: string; readonly route: Route | undefined } | undefined {
  const route = textusRoutes.find((r) => r.action === name);
  if (route) return { template: route.template, route };
  if (Object.hasOwn(CONVERSATION_ACTIONS, name) && extendsType(def, Conversation)) {
    const entry = CONVERSATION_ACTIONS[name as keyof typeof CONVERSATION_ACTIONS];
    return { template: `/conversations/{conversation}/${entry.segment}`, route: undefined };
  }
  return undefined;
}

const yesNo = (value: boolean): string => (value ? '<span class="yes">yes</span>' : 'no');

function typePage(def: AnyTypeDef, all: readonly AnyTypeDef[]): Page {
  const path = typePagePath(def.type);
  const typeLink = typeLinker(path);
  const entries = Object.entries(def.properties as Record<string, AnyKind>);
  const actions: Array<readonly [string, AnyKind, ActionSpec]> = [];
  const rows: string[] = [];
  for (const [key, kind] of entries) {
    const spec = actionSpecOf(kind);
    if (spec) {
      actions.push([key, kind, spec]);
      continue;
    }
    const described = describeKind(kind);
    const target = described.targets.length > 0 ? described.targets.map(typeLink).join(' or ') : described.anyTarget ? '<span class="muted">any</span>' : '';
    const origin = declaredIn(def, key);
    const inherited = origin !== def ? ` <span class="muted">(from ${typeLink(origin.type)})</span>` : '';
    rows.push(
      `<tr><td>${code(key)}${inherited}</td><td>${prose(described.kind)}</td><td>${target}</td><td>${yesNo(kind.isNullable)}</td><td>${yesNo(kind.isOptional)}</td><td>${prose(kind.description ?? (kind.spec.tag === 'id' ? 'The node’s IRI (in TextUs documents, relative to the API root).' : ''))}</td></tr>`,
    );
  }
  const actionRows = actions.map(([key, kind, spec]) => {
    const url = actionUrl(def, key);
    const urlCell = url
      ? url.route
        ? `<a href="${escapeAttr(relativeUrl(path, endpointPagePath(url.route)))}">${code(colonPath(url.template))}</a>`
        : code(colonPath(url.template))
      : '<span class="muted">the property’s value (not served by the reference server)</span>';
    const returns = spec.returns !== undefined ? typeLink(spec.returns) : spec.status === 202 ? '<span class="muted">no body (202)</span>' : '';
    return `<tr><td>${code(key)}</td><td>${methodBadge(spec.method)}</td><td>${urlCell}</td><td>${prose(kind.description ?? '')}</td><td>${returns}</td></tr>`;
  });
  const returnedBy = textusRoutes.filter((r) => r.returns === def.type && r.method === 'GET');
  const usedBy = all.filter((other) =>
    Object.values(other.properties as Record<string, AnyKind>).some((k) => actionSpecOf(k) === undefined && describeKind(k).targets.includes(def.type)),
  );
  const facts = [
    ['Type', code(def.type)],
    ['Class IRI', code(def.iri)],
    ['Context', code(def.context)],
    ...(def.base ? [['Extends', typeLink(def.base.type)]] : []),
    ...(returnedBy.length > 0
      ? [['Returned by', returnedBy.map((r) => `<a href="${escapeAttr(relativeUrl(path, endpointPagePath(r)))}">${escapeHtml(r.method)} ${escapeHtml(colonPath(r.template))}</a>`).join(', ')]]
      : []),
    ...(usedBy.length > 0 ? [['Linked or embedded by', usedBy.map((d) => typeLink(d.type)).join(', ')]] : []),
  ];
  const body = `
<p class="muted"><a href="${escapeAttr(relativeUrl(path, 'textus/index.html'))}">TextUs API</a> › Types</p>
<h1>${escapeHtml(def.type)}</h1>
<p class="lead">${prose(def.description ?? '')}</p>
<dl class="facts">
${facts.map(([dt, dd]) => `  <dt>${dt}</dt><dd>${dd}</dd>`).join('\n')}
</dl>
<h2>Properties</h2>
${
  rows.length > 0
    ? `<div class="table-wrap"><table>
<thead><tr><th>Property</th><th>Kind</th><th>Link target</th><th>Nullable</th><th>Optional</th><th>Description</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table></div>`
    : '<p class="muted">None.</p>'
}
<h2>Actions</h2>
${
  actionRows.length > 0
    ? `<p>An action is a property whose value is the URL to send the request to while the action is available, and <code>null</code> while it is not.</p>
<div class="table-wrap"><table>
<thead><tr><th>Action</th><th>Method</th><th>URL pattern</th><th>Available</th><th>Returns</th></tr></thead>
<tbody>
${actionRows.join('\n')}
</tbody>
</table></div>`
    : '<p class="muted">None.</p>'
}`;
  return { path, title: def.type, description: def.description ?? def.type, body };
}

function indexPage(examples: ReadonlyMap<string, EndpointExample>, defs: readonly AnyTypeDef[]): Page {
  const path = 'textus/index.html';
  const typeLink = typeLinker(path);
  const endpointRows = textusRoutes.map((route) => {
    const example = examples.get(route.name);
    const returns = example?.type !== undefined ? typeLink(example.type) : '<span class="muted">no body</span>';
    return `<tr><td><a href="${escapeAttr(relativeUrl(path, endpointPagePath(route)))}">${escapeHtml(route.title)}</a></td><td>${methodBadge(route.method)}${code(colonPath(route.template))}</td><td>${route.status}</td><td>${returns}</td></tr>`;
  });
  const typeRows = defs.map((def) => `<tr><td>${typeLink(def.type)}</td><td>${prose(def.description ?? '')}</td></tr>`);
  const body = `
<h1>TextUs API reference</h1>
<p class="lead">The TextUs conversation API as the hyperld reference server serves it. Every example body on these pages is the reference server’s real answer over its seed data, checked to decode with <code>textusRegistry</code> and to re-encode to the same text.</p>
<p>Send <code>Accept: ${escapeHtml(TEXTUS_MEDIA_TYPE)}</code> and <code>Authorization: Bearer {token}</code> with every request. Paths are relative to the API root; collections are paged with <code>per_page</code> and the <code>next</code>/<code>previous</code> links of their <code>view</code>.</p>
<h2>Endpoints</h2>
<div class="table-wrap"><table>
<thead><tr><th>Endpoint</th><th>Request</th><th>Status</th><th>Returns</th></tr></thead>
<tbody>
${endpointRows.join('\n')}
</tbody>
</table></div>
<h2>Types</h2>
<div class="table-wrap"><table>
<thead><tr><th>Type</th><th>Description</th></tr></thead>
<tbody>
${typeRows.join('\n')}
</tbody>
</table></div>`;
  return { path, title: 'TextUs API reference', description: 'The TextUs conversation API: endpoints and types.', body };
}

/**
 * Builds the TextUs API reference under the site root: `textus/index.html`,
 * `textus/endpoints/<route>.html` and `textus/types/<type>.html`.
 *
 * @param site - the site root on disk and the sections it holds.
 * @returns the pages written, from the site root.
 * @throws {@link ExampleError} naming the page whose example does not decode or round-trip.
 * @example
 * ```ts
 * import { SECTIONS } from './html.js';
 * import { buildTextusReference } from './textus-reference.js';
 * const pages = await buildTextusReference({ root: '/tmp/site', sections: [SECTIONS.textus] });
 * ```
 */
export async function buildTextusReference(site: Site): Promise<string[]> {
  const examples = await collectTextusExamples();
  const defs = [...textusRegistry.types.values()];
  const seen = new Map<string, string>();
  for (const def of defs) {
    const file = typePagePath(def.type);
    const clash = seen.get(file);
    if (clash !== undefined) throw new Error(`${file}: the types ${clash} and ${def.type} would share a page`);
    seen.set(file, def.type);
  }
  const pages: Page[] = [indexPage(examples, defs), ...[...examples.values()].map(endpointPage), ...defs.map((def) => typePage(def, defs))];
  const written: string[] = [];
  for (const page of pages) written.push(await writePage(site, page));
  return written;
}
