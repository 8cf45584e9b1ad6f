/**
 * A reference from a live Hydra API: its documentation found from any of its URLs (the `Link`
 * header `rel="…hydra/core#apiDocumentation"`, as the client discovers it), its entry point and
 * each collection the entry point links to as an endpoint, and each of them requested once as
 * the page's example. Every example is decoded by the hypermedia client, so a reference never
 * shows an answer the client could not read: one that fails makes the whole load fail.
 *
 * @module
 */
import { HYDRA, resolveIri, type ContextDocument, type ContextResolver, type JsonObject } from '@hyperld/core';
import { expand } from '@hyperld/core/expand';
import { hydraRegistry, type HydraTypes } from '@hyperld/hydra';
import { readApiDocumentation, type ApiDocumentationModel } from '@hyperld/hydra/discovery';
import { createClient, hasRel, parseLinkHeader, type Client, type ContextPolicy } from '@hyperld/hydra/client';
import { ApiDocsError } from './errors.js';
import { classesFromDocumentation, documentedName } from './from-documentation.js';
import type { ApiReference, ClassReference, EndpointReference, ExampleReference, OperationReference, SearchTemplateReference } from './model.js';

/**
 * Options of {@link loadApiReference}.
 *
 * @example
 * ```ts
 * import type { LoadApiReferenceOptions } from '@hyperld/apidocs';
 * const options: LoadApiReferenceOptions = { headers: { Authorization: 'Bearer secret' }, title: 'Library API' };
 * ```
 */
export interface LoadApiReferenceOptions {
  /** What requests are sent with (default: the global `fetch`). */
  readonly fetch?: typeof fetch;
  /**
   * Header fields sent to the API's origin (and no other), e.g. credentials. Their values never
   * reach the pages: the `curl` examples show `{token}` or `{value}` in their place.
   */
  readonly headers?: Readonly<Record<string, string>>;
  /** Which remote contexts may be fetched (default `same-origin`: the URL's own origin). */
  readonly contexts?: ContextPolicy;
  /** The reference's title (default: the documentation's `hydra:title`, else `API reference`). */
  readonly title?: string;
  /**
   * Whether to request the entry point and its collections (default `true`). Endpoints come from
   * those answers, so without them the reference has the documentation's classes only.
   */
  readonly examples?: boolean;
  /** At most this many endpoints are taken from the entry point's links (default 50). */
  readonly maxEndpoints?: number;
  /** The largest answer read, in bytes (default 8 MiB). */
  readonly maxBytes?: number;
}

type HydraClient = Client<HydraTypes>;

interface Answer {
  readonly url: string;
  readonly status: number;
  readonly contentType: string | null;
  readonly value: unknown;
  readonly apiDocumentation: string | undefined;
}

const API_DOCUMENTATION_REL = `${HYDRA}apiDocumentation`;
const ACCEPT = 'application/ld+json';

/**
 * Loads the reference of a live Hydra API from one of its URLs: the API documentation itself or
 * any resource of the API (its `Link` header leads to the documentation).
 *
 * @param url - an http(s) URL of the API.
 * @param options - fetch, header fields, the remote-context policy, the title.
 * @returns the reference: the documentation's classes; the entry point and each same-origin link
 * it holds as endpoints, with their operations, search templates and a real, decoded example.
 * @throws ApiDocsError `fetch_failed` when an answer is not a success or not JSON,
 * `example_failed` when an example does not decode (its `endpoint` names the page), and the
 * client's `HydraError` when the documentation cannot be read.
 * @example
 * ```ts
 * import { loadApiReference, writeApiSite } from '@hyperld/apidocs';
 * const reference = await loadApiReference('https://demo.api-platform.com/', { headers: { Authorization: 'Bearer secret' } });
 * await writeApiSite(reference, 'site');
 * ```
 */
export async function loadApiReference(url: string, options: LoadApiReferenceOptions = {}): Promise<ApiReference> {
  const headers = options.headers ?? {};
  const maxBytes = options.maxBytes ?? 8 * 1024 * 1024;
  const client = createClient({
    baseUrl: new URL('/', url).href,
    registry: hydraRegistry,
    contexts: options.contexts ?? 'same-origin',
    ...(Object.keys(headers).length > 0 ? { headers: () => ({ ...headers }) } : {}),
    ...(options.fetch !== undefined ? { fetch: options.fetch } : {}),
  });
  const first = await fetchAnswer(client, url, maxBytes);
  const docUrl = first.apiDocumentation ?? first.url;
  const docAnswer = docUrl === first.url ? first : await fetchAnswer(client, docUrl, maxBytes);
  const doc = readApiDocumentation(docAnswer.value, { base: docAnswer.url, resolveContext: await contextResolver(client, contextUrls(docAnswer.value, docAnswer.url)) });
  const classes = classesFromDocumentation(doc);
  const endpoints = doc.entrypoint !== undefined && options.examples !== false ? await endpointsOf(client, doc, classes, options.maxEndpoints ?? 50, maxBytes) : [];
  return {
    title: options.title ?? doc.title ?? 'API reference',
    ...(doc.description !== undefined ? { description: doc.description } : {}),
    ...(doc.entrypoint !== undefined ? { entrypoint: doc.entrypoint } : {}),
    headers: { Accept: ACCEPT, ...placeholders(headers) },
    classes,
    endpoints,
  };
}

/** Header fields as the pages show them: the name, and a placeholder for the value. */
function placeholders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    out[name] = /^bearer\s/i.test(value) ? 'Bearer {token}' : `{${name.toLowerCase()}}`;
  }
  return out;
}

/** GETs a URL through the client (its origin rules, its timeout) and parses a bounded JSON body. */
async function fetchAnswer(client: HydraClient, url: string, maxBytes: number): Promise<Answer> {
  const response = await client.request('GET', url);
  const finalUrl = response.url !== '' ? response.url : url;
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new ApiDocsError('fetch_failed', `${finalUrl}: ${response.status} ${response.statusText}`, { url: finalUrl });
  }
  const text = await boundedText(response, maxBytes, finalUrl);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ApiDocsError('fetch_failed', `${finalUrl}: not JSON (${error instanceof Error ? error.message : String(error)})`, { url: finalUrl });
  }
  const link = response.headers.get('link');
  const apiDocumentation = link === null ? undefined : parseLinkHeader(link, finalUrl).find((l) => hasRel(l, API_DOCUMENTATION_REL))?.href;
  return { url: finalUrl, status: response.status, contentType: response.headers.get('content-type'), value, apiDocumentation };
}

/** The body's text, refusing one over `maxBytes` without reading the rest. */
async function boundedText(response: Response, maxBytes: number, url: string): Promise<string> {
  if (response.body === null) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new ApiDocsError('fetch_failed', `${url}: the answer is over ${maxBytes} bytes`, { url });
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(all);
}

/** The context URLs a document names, on any node (embedded ones carry their own), absolute; at most 64. */
function contextUrls(value: unknown, base: string): string[] {
  const out = new Set<string>();
  const stack: unknown[] = [value];
  // Iterative and bounded: the document was parsed within the size limit, and no more than 64
  // distinct contexts are ever loaded for one answer.
  while (stack.length > 0 && out.size < 64) {
    const item = stack.pop();
    if (Array.isArray(item)) stack.push(...item);
    else if (isRecord(item)) {
      for (const context of [item['@context']].flat()) if (typeof context === 'string') out.add(resolveIri(context, base));
      for (const [key, child] of Object.entries(item)) if (key !== '@context' && typeof child === 'object' && child !== null) stack.push(child);
    }
  }
  return [...out];
}

/** The remote contexts named, loaded through the client under its policy, as a synchronous resolver. */
async function contextResolver(client: HydraClient, urls: readonly string[]): Promise<ContextResolver> {
  const loader = client.documentLoader();
  const documents = new Map<string, ContextDocument>();
  for (const url of urls) {
    if (hydraRegistry.context(url) !== undefined || documents.has(url)) continue;
    const { document } = await loader(url);
    documents.set(url, document as ContextDocument);
  }
  return (url, base) => documents.get(resolveIri(url, base)) ?? hydraRegistry.context(url, base);
}

/** The entry point, then each same-origin link it holds (in document order), as endpoints with examples. */
async function endpointsOf(client: HydraClient, doc: ApiDocumentationModel, classes: readonly ClassReference[], max: number, maxBytes: number): Promise<EndpointReference[]> {
  const entrypointUrl = doc.entrypoint as string;
  const entry = await example(client, 'entrypoint', entrypointUrl, classes, maxBytes);
  const origin = new URL(entry.answer.url).origin;
  const entryClass = doc.classes.get(entry.example.type ?? '') ?? [...doc.classes.values()].find((c) => c.iri.endsWith('#Entrypoint') || c.iri.endsWith('/Entrypoint'));
  const out: EndpointReference[] = [
    {
      name: 'entrypoint',
      title: 'Entry point',
      method: 'GET',
      template: pathOf(entry.answer.url, origin),
      description: 'Where a client starts: the links to the API’s collections.',
      ...(entry.example.type !== undefined ? { returns: entry.example.type } : {}),
      status: entry.example.status,
      operations: [],
      searches: entry.searches,
      example: entry.example,
    },
  ];
  if (!isRecord(entry.answer.value)) return out;
  const seen = new Set<string>([entry.answer.url, doc.id]);
  for (const [key, value] of Object.entries(entry.answer.value)) {
    if (out.length > max) break;
    if (key.startsWith('@') || typeof value !== 'string' || !URL.canParse(value, entry.answer.url)) continue;
    const target = new URL(value, entry.answer.url);
    if (target.origin !== origin || seen.has(target.href)) continue;
    seen.add(target.href);
    const name = key.includes(':') ? key.slice(key.indexOf(':') + 1) : key;
    const property = entryClass?.properties.find((p) => documentedName(p) === name || p.iri.endsWith(`#${name}`) || p.iri.endsWith(`/${name}`));
    const got = await example(client, name, target.href, classes, maxBytes);
    const path = pathOf(target.href, origin);
    const operations: OperationReference[] = (property?.operations ?? []).map((o) => ({
      method: o.method,
      ...(o.title !== undefined ? { title: o.title } : {}),
      ...(o.description !== undefined ? { description: o.description } : {}),
      target: path,
      endpoint: name,
      ...(o.expects !== undefined ? { expects: o.expects } : {}),
      ...(o.returns !== undefined ? { returns: o.returns } : {}),
      statuses: o.possibleStatus,
    }));
    out.push({
      name,
      title: property?.title ?? (property !== undefined ? documentedName(property) : name),
      method: 'GET',
      template: path,
      ...(property?.description !== undefined ? { description: property.description } : {}),
      ...(got.example.type !== undefined ? { returns: got.example.type } : {}),
      status: got.example.status,
      operations,
      searches: got.searches,
      example: got.example,
    });
  }
  return out;
}

const pathOf = (url: string, origin: string): string => {
  const u = new URL(url);
  return u.origin === origin ? `${u.pathname}${u.search}` : url;
};

/** Requests one example and decodes it with the client; the reason it fails names the endpoint. */
async function example(
  client: HydraClient,
  endpoint: string,
  url: string,
  classes: readonly ClassReference[],
  maxBytes: number,
): Promise<{ readonly answer: Answer; readonly example: ExampleReference; readonly searches: SearchTemplateReference[] }> {
  let answer: Answer;
  try {
    answer = await fetchAnswer(client, url, maxBytes);
    // The check that matters: the hypermedia client reads the answer (contexts under its policy,
    // the Hydra types validated). An answer it cannot read is not shown as an example.
    await client.get(url);
  } catch (error) {
    throw new ApiDocsError('example_failed', `the example of ${endpoint} (GET ${url}) does not decode: ${error instanceof Error ? error.message : String(error)}`, { url, endpoint, cause: error });
  }
  const expanded = expand(answer.value, { base: answer.url, resolveContext: await contextResolver(client, contextUrls(answer.value, answer.url)) });
  const top = expanded.find((node) => node['@id'] === answer.url) ?? expanded[0];
  const types = top !== undefined && Array.isArray(top['@type']) ? (top['@type'] as string[]) : [];
  const type = types.find((t) => classes.some((c) => c.iri === t)) ?? types[0];
  return {
    answer,
    example: {
      request: { method: 'GET', url: answer.url },
      status: answer.status,
      contentType: answer.contentType,
      body: JSON.stringify(answer.value, null, 2),
      ...(type !== undefined ? { type } : {}),
    },
    searches: top !== undefined ? searchesOf(top) : [],
  };
}

const first = (node: JsonObject, key: string): unknown => {
  const values = node[`${HYDRA}${key}`];
  return Array.isArray(values) ? values[0] : undefined;
};
const literal = (value: unknown): unknown => (isRecord(value) ? (value['@value'] ?? value['@id']) : undefined);

/** The search templates of an expanded node (`hydra:search`), with their mappings. */
function searchesOf(node: JsonObject): SearchTemplateReference[] {
  const out: SearchTemplateReference[] = [];
  const searches = node[`${HYDRA}search`];
  for (const search of Array.isArray(searches) ? searches : []) {
    if (!isRecord(search)) continue;
    const template = literal(first(search as JsonObject, 'template'));
    if (typeof template !== 'string') continue;
    const representation = literal(first(search as JsonObject, 'variableRepresentation'));
    const mappings = search[`${HYDRA}mapping`];
    const variables = (Array.isArray(mappings) ? mappings : []).flatMap((m) => {
      if (!isRecord(m)) return [];
      const name = literal(first(m as JsonObject, 'variable'));
      if (typeof name !== 'string') return [];
      const property = literal(first(m as JsonObject, 'property'));
      return [{ name, ...(typeof property === 'string' ? { property } : {}), required: literal(first(m as JsonObject, 'required')) === true }];
    });
    out.push({ template, ...(typeof representation === 'string' ? { representation: representation.replace(HYDRA, '') } : {}), variables });
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
