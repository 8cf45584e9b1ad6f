/**
 * The generator on a live API: the API documentation found from any of the API's URLs (through
 * the `Link` header every Hydra answer carries), read with the hypermedia client under its trust
 * policy for remote contexts, and example answers (the entry point and its collections' first
 * pages) that show which properties the server embeds.
 *
 * @module
 */
import { DEFAULT_LIMITS, HYDRA, resolveIri, type ContextDocument, type ContextResolver } from '@hyperld/core';
import { hydraRegistry, type HydraTypes } from '@hyperld/hydra';
import { readApiDocumentation, type ApiDocumentationModel } from '@hyperld/hydra/discovery';
import { createClient, hasRel, parseLinkHeader, type Client, type ContextPolicy } from '@hyperld/hydra/client';
import { CliError } from '../errors.js';
import { parseDocument, readText } from '../input.js';
import { generateModule } from './module.js';

/**
 * Options of {@link generateFromUrl}.
 *
 * @example
 * ```ts
 * import type { GenerateFromUrlOptions } from '@hyperld/cli';
 * const options: GenerateFromUrlOptions = { headers: { authorization: 'Bearer secret' }, contexts: 'same-origin' };
 * ```
 */
export interface GenerateFromUrlOptions {
  /** What requests are sent with (default: the global `fetch`). */
  readonly fetch?: typeof fetch;
  /** Header fields for requests to the URL's origin (and no other), e.g. credentials. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Which remote contexts may be fetched (default `same-origin`: the URL's own origin). */
  readonly contexts?: ContextPolicy;
  /** Whether to fetch the entry point and its collections' first pages as examples (default `true`). */
  readonly examples?: boolean;
}

/** The client the generator reads with: Hydra's types only. */
type HydraClient = Client<HydraTypes>;

const API_DOCUMENTATION_REL = `${HYDRA}apiDocumentation`;
/** At most this many example answers are fetched (the entry point's links, in key order). */
const MAX_EXAMPLES = 32;

/**
 * Generates the module of an API from one of its URLs: the API documentation itself, or any
 * resource of the API, whose answer's `Link: <…>; rel="http://www.w3.org/ns/hydra/core#apiDocumentation"`
 * is followed. The entry point and the first page of each collection it links to are fetched as
 * examples (an answer that fails is left out), and the context URLs they and the documentation
 * name are the module's `contexts`.
 *
 * @param url - an http(s) URL of the API.
 * @param options - fetch, headers, the remote context policy, whether to fetch examples.
 * @returns the module's source text (see {@link generateModule}).
 * @throws CliError `input_error` when an answer is not JSON; the client's errors (`HttpError`,
 * `HydraError`) when the documentation cannot be fetched or read.
 * @example
 * ```ts
 * import { writeFile } from 'node:fs/promises';
 * import { generateFromUrl } from '@hyperld/cli';
 * await writeFile('api.ts', await generateFromUrl('https://api.example.com/'));
 * ```
 */
export async function generateFromUrl(url: string, options: GenerateFromUrlOptions = {}): Promise<string> {
  const headers = options.headers ?? {};
  const client = createClient({
    baseUrl: new URL('/', url).href,
    registry: hydraRegistry,
    contexts: options.contexts ?? 'same-origin',
    ...(Object.keys(headers).length > 0 ? { headers: () => ({ ...headers }) } : {}),
    ...(options.fetch !== undefined ? { fetch: options.fetch } : {}),
  });
  const first = await fetchJson(client, url);
  const docUrl = first.apiDocumentation !== undefined && first.apiDocumentation !== first.url ? first.apiDocumentation : first.url;
  const answer = docUrl === first.url ? first : await fetchJson(client, docUrl);
  const contexts = new Set<string>(contextUrls(answer.value, answer.url));
  const doc = readApiDocumentation(answer.value, { base: answer.url, resolveContext: await contextResolver(client, [...contexts]) });
  const examples: unknown[] = [];
  if (options.examples !== false) {
    for (const example of await fetchExamples(client, doc)) {
      examples.push(example.value);
      for (const context of contextUrls(example.value, example.url)) contexts.add(context);
    }
  }
  const contextDocuments = await servedDocuments(client, [...contexts]);
  return generateModule(doc, { source: docUrl, examples, contexts: [...contexts], contextDocuments });
}

interface Answer {
  readonly url: string;
  readonly value: unknown;
  readonly apiDocumentation: string | undefined;
}

/** GETs a URL and parses its JSON within the default limits; an error answer throws the client's `HttpError`. */
async function fetchJson(client: HydraClient, url: string): Promise<Answer> {
  const response = await client.request('GET', url);
  const finalUrl = response.url !== '' ? response.url : url;
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new CliError('input_error', `${finalUrl}: ${response.status} ${response.statusText}`);
  }
  // Node.js' web streams are async iterable (the DOM typings do not say so).
  const text = await readText(response.body === null ? new Uint8Array() : (response.body as unknown as AsyncIterable<Uint8Array>), DEFAULT_LIMITS);
  const parsed = parseDocument(text);
  if (!parsed.ok) throw new CliError('input_error', `${finalUrl}: not JSON: ${parsed.reason}`);
  return { url: finalUrl, value: parsed.value, apiDocumentation: apiDocumentationLink(response.headers.get('link'), finalUrl) };
}

/** The target of a `Link` header's `rel="…hydra/core#apiDocumentation"`, resolved against the answer's URL. */
function apiDocumentationLink(header: string | null, base: string): string | undefined {
  if (header === null) return undefined;
  return parseLinkHeader(header, base).find((link) => hasRel(link, API_DOCUMENTATION_REL))?.href;
}

/** The context URLs a document names at its top level (and on the nodes of a top-level `@graph`), absolute. */
function contextUrls(value: unknown, base: string): string[] {
  const out: string[] = [];
  const nodes = [value, ...(isRecord(value) && Array.isArray(value['@graph']) ? value['@graph'] : [])];
  for (const node of nodes) {
    if (!isRecord(node)) continue;
    for (const context of [node['@context']].flat()) if (typeof context === 'string') out.push(resolveIri(context, base));
  }
  return out;
}

/** The remote contexts the documentation names, loaded through the client (under its policy), as the reader's synchronous resolver. */
async function contextResolver(client: HydraClient, urls: readonly string[]): Promise<ContextResolver> {
  const loader = client.documentLoader();
  const documents = new Map<string, ContextDocument>();
  for (const url of urls) {
    if (hydraRegistry.context(url) !== undefined) continue;
    const { document } = await loader(url);
    documents.set(url, document as ContextDocument);
  }
  return (url, base) => documents.get(resolveIri(url, base)) ?? hydraRegistry.context(url, base);
}

/** The documents served at the API's context URLs (the ones the client may fetch; Hydra's built in are left out, as are those that fail). */
async function servedDocuments(client: HydraClient, urls: readonly string[]): Promise<Record<string, unknown>> {
  const loader = client.documentLoader();
  const out: Record<string, unknown> = {};
  for (const url of [...urls].sort()) {
    if (hydraRegistry.context(url) !== undefined) continue;
    const loaded = await loader(url).catch(() => undefined);
    if (loaded !== undefined) out[url] = loaded.document;
  }
  return out;
}

/** The entry point and the first page of each same-origin link it holds (in key order, at most {@link MAX_EXAMPLES}); answers that fail are left out. */
async function fetchExamples(client: HydraClient, doc: ApiDocumentationModel): Promise<Answer[]> {
  if (doc.entrypoint === undefined) return [];
  const entrypoint = await fetchJson(client, doc.entrypoint).catch(() => undefined);
  if (entrypoint === undefined || !isRecord(entrypoint.value)) return [];
  const out: Answer[] = [entrypoint];
  const origin = new URL(entrypoint.url).origin;
  const seen = new Set<string>([entrypoint.url, doc.id]);
  const record = entrypoint.value;
  for (const key of Object.keys(record).sort()) {
    const value = record[key];
    if (key.startsWith('@') || typeof value !== 'string' || out.length > MAX_EXAMPLES) continue;
    const target = URL.canParse(value, entrypoint.url) ? new URL(value, entrypoint.url) : undefined;
    if (target === undefined || target.origin !== origin || seen.has(target.href)) continue;
    seen.add(target.href);
    const answer = await fetchJson(client, target.href).catch(() => undefined);
    if (answer !== undefined) out.push(answer);
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
