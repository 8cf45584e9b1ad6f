/**
 * `pnpm bench:peers`: hyperld against the tools a user would pick instead, in one process, on the
 * same page over loopback. A local `node:http` server serves a seed-shaped TextUs
 * `ConversationCollection` page of N conversations (N = 100 and 1000, `bench/seed-page.ts`), and
 * its contexts; each subject reads the page whole, every time (no client cache):
 * - `fetch` + `JSON.parse`: the baseline every ratio is to;
 * - hyperld's TextUs client, `getAs(ConversationCollection, url)` (typed, validated), on the
 *   platform's `fetch` and on the opt-in Node transport (`@hyperld/hydra/node`);
 * - hyperld's generic client, `createClient({ registry: hydraRegistry, contexts: 'same-origin' })`
 *   as in "Read any Hydra API, client side": `get(url)` (the contexts are fetched once, then kept);
 * - Ketting 8 (`client.go(url).refresh()`): plain JSON, no JSON-LD;
 * - `jsonld.expand`, and `expand` + `compact` back into the page's context, after `fetch` +
 *   `JSON.parse`, with a document loader that answers the contexts from memory;
 * - Alcaeus 3 (`env.hydra.loadResource(url)`), whose `fetch` answers the contexts from memory;
 * - the codec alone: `textusRegistry.decode(text)` against `JSON.parse(text)`.
 *
 * Rounds are interleaved (every subject once per round, the order rotated each round; a sample
 * runs a subject for at least 200 ms, `--min-sample`, so that it pays for its own garbage), with a
 * forced GC (`node --expose-gc`) before each subject's sample, so that no subject pays for the
 * garbage of the one before it. Medians; ratios to `fetch` + `JSON.parse` of the same N (the
 * codec's to `JSON.parse`). Then the min+gzip size of each client's browser bundle (esbuild, as
 * `pnpm size`). No subject touches the network: the server is on loopback, contexts are in memory.
 *
 * `--svg FILE` writes the client rows as a bar chart (log scale, machine, Node and date in it);
 * `--out FILE` writes the table as JSON (`{ machine, node, date, rows, sizes }`): the docs' Performance
 * page shows both (`docs/guides/performance.svg`, `docs/guides/performance.json`).
 *
 *   pnpm bench:peers [--samples N] [--min-sample MS] [--json] [--svg FILE] [--out FILE] [--filter TEXT] [--no-size]
 *
 * @module
 */
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { JsonObject } from '@hyperld/core';
import { HYDRA_CONTEXT, HYDRA_CONTEXT_DOCUMENT, HYDRA_ERROR_CONTEXT, HYDRA_ERROR_CONTEXT_DOCUMENT, hydraRegistry } from '@hyperld/hydra';
import { createClient } from '@hyperld/hydra/client';
import { nodeFetch } from '@hyperld/hydra/node';
import { ConversationCollection, TEXTUS_MEDIA_TYPE, textusRegistry } from '@hyperld/textus';
import { textus } from '@hyperld/textus/client';
import rdf, { Environment } from '@zazuko/env-node';
import create from 'alcaeus';
import jsonld from 'jsonld';
import type { RemoteDocument } from 'jsonld/jsonld-spec.js';
import { Client as Ketting } from 'ketting';
import { bundleSize } from './bundle-size.js';
import { collectGarbage, median } from './harness.js';
import { peersSvg, type ChartRow } from './peers-chart.js';
import { collectionPage } from './seed-page.js';

const TOKEN = 'u_bench.token';
const SIZES = [100, 1000] as const;
const PATH = '/contacts/DQeeO69/conversations';

interface Options {
  readonly samples: number;
  readonly minSampleMs: number;
  readonly json: boolean;
  readonly svg: string | undefined;
  readonly out: string | undefined;
  readonly filter: string | undefined;
  readonly size: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  let samples = 15;
  let minSampleMs = 200;
  let json = false;
  let svg: string | undefined;
  let out: string | undefined;
  let filter: string | undefined;
  let size = true;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') continue;
    if (arg === '--json') json = true;
    else if (arg === '--no-size') size = false;
    else if (arg === '--svg') svg = argv[++i];
    else if (arg === '--out') out = argv[++i];
    else if (arg === '--filter') filter = argv[++i];
    else if (arg === '--samples') samples = Number(argv[++i]);
    else if (arg === '--min-sample') minSampleMs = Number(argv[++i]);
    else throw new Error(`unknown option ${arg} (options: --samples N, --min-sample MS, --json, --svg FILE, --out FILE, --filter TEXT, --no-size)`);
  }
  if (!Number.isInteger(samples) || samples < 3) throw new Error('--samples needs a whole number ≥ 3');
  if (!Number.isFinite(minSampleMs) || minSampleMs <= 0) throw new Error('--min-sample needs a positive number');
  if (svg === '' || out === '') throw new Error('--svg and --out need a file name');
  return { samples, minSampleMs, json, svg, out, filter, size };
}

const options = parseArgs(process.argv.slice(2));
const NO_GC = 'bench:peers needs node --expose-gc (run it as pnpm bench:peers)';
const gc = (): void => collectGarbage(NO_GC);
gc();

// ---- the server: the page for each N, and the contexts its documents name ----

/** The page of N at its own URL (its `id` the URL it is served at, so that Alcaeus finds it as the root). */
function pageAt(n: number): JsonObject {
  const page = collectionPage(n);
  page['id'] = `${PATH}?per_page=${n}`;
  return page;
}
const bodies = new Map<string, Buffer>(SIZES.map((n) => [`${PATH}?per_page=${n}`, Buffer.from(JSON.stringify(pageAt(n)))]));
const server = createServer((req, res) => {
  const url = req.url ?? '';
  if (url.startsWith('/contexts/')) {
    const document = textusRegistry.context(url, origin);
    if (document !== undefined) {
      res.writeHead(200, { 'content-type': 'application/ld+json', 'cache-control': 'max-age=3600' }).end(JSON.stringify(document));
      return;
    }
  }
  const body = bodies.get(url);
  if (body === undefined || req.headers.authorization !== `Bearer ${TOKEN}`) {
    res.writeHead(404, { 'content-type': 'application/problem+json' }).end('{"title":"Not Found","status":404}');
    return;
  }
  // The same bytes for everyone; the media type each client asks for (Alcaeus and jsonld want JSON-LD's).
  const type = (req.headers.accept ?? '').includes(TEXTUS_MEDIA_TYPE) ? TEXTUS_MEDIA_TYPE : 'application/ld+json';
  res.writeHead(200, { 'content-type': type, 'content-length': body.length }).end(body);
});
// A peer that takes tens of seconds over a page must not find its kept-alive connection closed.
server.keepAliveTimeout = 600_000;
server.requestTimeout = 0;
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const pageUrl = (n: number): string => `${origin}${PATH}?per_page=${n}`;

// ---- contexts from memory, for the peers that take a loader or a fetch ----

const PUBLISHED: Readonly<Record<string, unknown>> = { [HYDRA_CONTEXT]: HYDRA_CONTEXT_DOCUMENT, [HYDRA_ERROR_CONTEXT]: HYDRA_ERROR_CONTEXT_DOCUMENT };
/** A context document by URL, from the registry or the W3C's published ones; never the network. */
function contextFromMemory(url: string): unknown {
  const key = url.split('#')[0] as string;
  if (Object.hasOwn(PUBLISHED, key)) return PUBLISHED[key];
  return textusRegistry.context(key, origin);
}
const documentLoader = async (url: string): Promise<RemoteDocument> => {
  const document = contextFromMemory(url);
  if (document === undefined) throw new Error(`bench: no context document for ${url} (the network is not used)`);
  return { contextUrl: undefined, documentUrl: url, document: document as RemoteDocument['document'] };
};
/** Alcaeus's fetch: contexts from memory, the page from the loopback server, nothing else. */
const alcaeusFetch = (async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
  const url = new URL(input instanceof Request ? input.url : input);
  if (url.pathname.startsWith('/contexts/') || url.origin !== origin) {
    const document = contextFromMemory(url.href);
    if (document === undefined) throw new TypeError(`bench: ${url.href} is not served (the network is not used)`);
    return new Response(JSON.stringify(document), { status: 200, headers: { 'content-type': 'application/ld+json' } });
  }
  return fetch(input, init);
}) as typeof fetch;

// ---- the subjects ----

const headers = { accept: `${TEXTUS_MEDIA_TYPE}, application/ld+json;q=0.9, application/json;q=0.8`, authorization: `Bearer ${TOKEN}` };
async function fetchJson(url: string): Promise<JsonObject> {
  const response = await fetch(url, { headers });
  if (!response.ok) throw new Error(`bench: ${response.status}`);
  return JSON.parse(await response.text()) as JsonObject;
}

const typed = textus({ baseUrl: origin, token: TOKEN, cache: false });
const typedNode = textus({ baseUrl: origin, token: TOKEN, cache: false, fetch: nodeFetch() });
const generic = createClient({ baseUrl: origin, registry: hydraRegistry, token: TOKEN, contexts: 'same-origin', cache: false });
const ketting = new Ketting(origin);
ketting.use((request, next) => {
  request.headers.set('authorization', `Bearer ${TOKEN}`);
  return next(request);
});
const alcaeus = new Environment(create({ fetch: alcaeusFetch }), { parent: rdf });
alcaeus.hydra.defaultHeaders = { authorization: `Bearer ${TOKEN}` };

/** One subject: how it reads the page of N, and how many members it found (checked once). */
interface Subject {
  readonly name: string;
  /** The subject the ratio is to (`fetch + JSON.parse`, or `JSON.parse` for the codec). */
  readonly baseline: string;
  readonly group: 'client' | 'codec';
  readonly run: (n: number) => Promise<unknown> | unknown;
  readonly count: (result: unknown) => number;
}

const membersOf = (value: unknown): number => {
  const members = (value as { members?: unknown; 'hydra:member'?: unknown } | undefined)?.members ?? (value as Record<string, unknown> | undefined)?.['hydra:member'];
  return Array.isArray(members) ? members.length : -1;
};
const texts = new Map<number, string>(SIZES.map((n) => [n, (bodies.get(`${PATH}?per_page=${n}`) as Buffer).toString('utf8')]));
const HYDRA_MEMBER = 'http://www.w3.org/ns/hydra/core#member';

const FETCH = 'fetch + JSON.parse';
const subjects: Subject[] = [
  { name: FETCH, baseline: FETCH, group: 'client', run: (n) => fetchJson(pageUrl(n)), count: membersOf },
  { name: 'hyperld getAs (TextUs, fetch)', baseline: FETCH, group: 'client', run: (n) => typed.getAs(ConversationCollection, pageUrl(n)), count: membersOf },
  { name: 'hyperld getAs (TextUs, node transport)', baseline: FETCH, group: 'client', run: (n) => typedNode.getAs(ConversationCollection, pageUrl(n)), count: membersOf },
  { name: 'hyperld get (generic, hydraRegistry)', baseline: FETCH, group: 'client', run: (n) => generic.get(pageUrl(n)), count: membersOf },
  { name: 'Ketting 8', baseline: FETCH, group: 'client', run: async (n) => (await ketting.go(pageUrl(n)).refresh()).data, count: membersOf },
  {
    name: 'jsonld.expand',
    baseline: FETCH,
    group: 'client',
    run: async (n) => jsonld.expand(await fetchJson(pageUrl(n)), { base: pageUrl(n), documentLoader }),
    count: (r) => (((r as JsonObject[])[0]?.[HYDRA_MEMBER] as unknown[] | undefined) ?? []).length,
  },
  {
    name: 'jsonld.expand + compact',
    baseline: FETCH,
    group: 'client',
    run: async (n) => {
      const page = await fetchJson(pageUrl(n));
      const expanded = await jsonld.expand(page, { base: pageUrl(n), documentLoader });
      // Back into the page's own context, by its URL (jsonld loads it through the loader; its types want an object).
      return jsonld.compact(expanded as never, `${origin}/contexts/ConversationCollection.jsonld` as never, { base: pageUrl(n), documentLoader });
    },
    count: membersOf,
  },
  {
    name: 'Alcaeus 3 loadResource',
    baseline: FETCH,
    group: 'client',
    run: async (n) => {
      const { representation } = await alcaeus.hydra.loadResource(pageUrl(n));
      return representation?.root;
    },
    count: (root) => (root as { getArray(p: string): unknown[] } | undefined)?.getArray(HYDRA_MEMBER).length ?? -1,
  },
  { name: 'JSON.parse', baseline: 'JSON.parse', group: 'codec', run: (n) => JSON.parse(texts.get(n) as string) as unknown, count: membersOf },
  { name: 'hyperld decode (TextUs registry)', baseline: 'JSON.parse', group: 'codec', run: (n) => textusRegistry.decode(texts.get(n) as string), count: membersOf },
];
const selected = options.filter === undefined ? subjects : subjects.filter((s) => s.name === s.baseline || s.name.includes(options.filter as string));

// ---- the measurement ----

let sink: unknown;
async function batch(subject: Subject, n: number, iterations: number): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < iterations; i++) sink = await subject.run(n);
  return (performance.now() - start) / iterations;
}

interface Row {
  readonly n: number;
  readonly subject: string;
  readonly baseline: string;
  readonly group: 'client' | 'codec';
  readonly ms: number;
  readonly ratio: number;
  readonly samples: number;
}
const rows: Row[] = [];

for (const n of SIZES) {
  process.stderr.write(`page N=${n}: ${(((bodies.get(`${PATH}?per_page=${n}`) as Buffer).length) / 1024).toFixed(0)} KiB of JSON\n`);
  // Warm-up, a check that every subject read the whole page, and a first estimate of its time.
  const plan: { subject: Subject; iterations: number; samples: number; times: number[] }[] = [];
  for (const subject of selected) {
    const first = performance.now();
    const found = subject.count(await subject.run(n));
    if (found !== n) throw new Error(`bench: ${subject.name} found ${found} members on the page of ${n}`);
    let estimate = performance.now() - first;
    // A subject that takes seconds a call is warm after one (and the run has to end).
    if (estimate < 1000) estimate = await batch(subject, n, 1);
    if (estimate < 200) estimate = await batch(subject, n, Math.max(2, Math.ceil(200 / Math.max(estimate, 0.01))));
    const iterations = Math.max(1, Math.ceil(options.minSampleMs / Math.max(estimate, 0.01)));
    // A subject that takes seconds a call gets fewer samples (3; one past 10 s a call), so that the run ends.
    const samples = estimate > 10_000 ? 1 : estimate > 1000 ? 3 : estimate > 250 ? Math.min(options.samples, 5) : options.samples;
    plan.push({ subject, iterations, samples, times: [] });
    process.stderr.write(`  ${subject.name}: ~${estimate.toFixed(2)} ms a call, ${samples} samples of ${iterations}\n`);
  }
  const rounds = Math.max(...plan.map((p) => p.samples));
  for (let round = 0; round < rounds; round++) {
    // Rotate the order, so that no subject always runs after the same one.
    const order = plan.map((_, i) => plan[(i + round) % plan.length] as (typeof plan)[number]);
    for (const p of order) {
      if (p.times.length >= p.samples) continue;
      gc();
      p.times.push(await batch(p.subject, n, p.iterations));
    }
  }
  const medians = new Map(plan.map((p) => [p.subject.name, median(p.times)]));
  for (const p of plan) {
    const base = medians.get(p.subject.baseline) as number;
    const ms = medians.get(p.subject.name) as number;
    rows.push({ n, subject: p.subject.name, baseline: p.subject.baseline, group: p.subject.group, ms, ratio: ms / base, samples: p.times.length });
  }
}

// ---- bundle sizes ----

interface Size {
  readonly client: string;
  readonly gzipBytes: number | undefined;
  readonly note: string;
}
const sizes: Size[] = [];
if (options.size) {
  const entries: { client: string; input: Parameters<typeof bundleSize>[0]; note: string }[] = [
    { client: 'hyperld TextUs client', input: { entry: 'bench/size-entry-textus.ts', splitting: true }, note: 'entry chunk of pnpm size (b)' },
    { client: 'hyperld core + hydra client', input: { entry: 'bench/size-entry-hydra.ts', splitting: true }, note: 'entry chunk of pnpm size (a)' },
    { client: 'Ketting 8', input: { contents: "import { Client } from 'ketting'; export const c = new Client('https://api.example/');" }, note: 'Client' },
    { client: 'jsonld 9', input: { contents: "import jsonld from 'jsonld'; export const { expand, compact } = jsonld;" }, note: 'expand + compact' },
    {
      client: 'Alcaeus 3',
      input: { contents: "import create from 'alcaeus'; import rdf, { Environment } from '@zazuko/env-node'; export const env = new Environment(create(), { parent: rdf });" },
      note: 'with @zazuko/env-node, as the interop tests use it',
    },
  ];
  for (const { client, input, note } of entries) {
    try {
      const measured = await bundleSize(input);
      const lazy = measured.lazy.reduce((sum, c) => sum + c.gzipBytes, 0);
      sizes.push({ client, gzipBytes: measured.entryGzip, note: lazy > 0 ? `${note}; ${(lazy / 1024).toFixed(1)} KB more in lazy chunks` : note });
    } catch (error) {
      sizes.push({ client, gzipBytes: undefined, note: `no browser bundle: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}` });
    }
  }
}

// ---- output ----

server.closeAllConnections();
server.close();
void sink;

const machine = `${cpus()[0]?.model.trim() ?? 'unknown CPU'} (${cpus().length} cores), Node ${process.version}`;
const date = new Date().toISOString().slice(0, 10);
const ratio = (r: number): string => (r >= 10 ? `${r.toFixed(0)}x` : `${r.toFixed(2)}x`);
const ms = (m: number): string => (m >= 100 ? m.toFixed(0) : m >= 10 ? m.toFixed(1) : m.toFixed(2));

if (options.json) {
  process.stdout.write(`${JSON.stringify({ machine, date, rows, sizes })}\n`);
} else {
  const names = [...new Set(rows.map((r) => r.subject))];
  const cell = (subject: string, n: number): string => {
    const r = rows.find((x) => x.subject === subject && x.n === n);
    return r === undefined ? '-' : `${ms(r.ms)} ms  ${ratio(r.ratio)}`;
  };
  const table = [['subject', ...SIZES.map((n) => `N = ${n}`), 'ratio to'], ...names.map((s) => [s, ...SIZES.map((n) => cell(s, n)), rows.find((r) => r.subject === s)?.baseline ?? ''])];
  const widths = (table[0] as string[]).map((_, col) => Math.max(...table.map((r) => (r[col] ?? '').length)));
  process.stdout.write(`\n${table.map((r) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd()).join('\n')}\n`);
  process.stdout.write(`\nmedians of up to ${options.samples} samples each (fewer for subjects slower than 250 ms a call: see samples in --json), interleaved, forced GC before each; ${machine}; ${date}\n`);
  const target = rows.filter((r) => r.n === 1000 && r.subject.startsWith('hyperld getAs'));
  for (const r of target) process.stdout.write(`target ${r.subject} at N = 1000 ≤ 1.1x: ${ratio(r.ratio)} ${r.ratio <= 1.1 ? 'PASS' : 'FAIL'}\n`);
  if (sizes.length > 0) {
    process.stdout.write('\nbrowser bundle, min+gzip (esbuild, as pnpm size):\n');
    for (const s of sizes) process.stdout.write(`  ${s.client.padEnd(30)} ${s.gzipBytes === undefined ? '   n/a  ' : `${(s.gzipBytes / 1024).toFixed(1).padStart(6)} KB`}  ${s.note}\n`);
  }
}
if (options.out !== undefined) {
  writeFileSync(options.out, `${JSON.stringify({ machine, node: process.version, date, rows, sizes }, null, 2)}\n`);
  process.stderr.write(`wrote ${options.out}\n`);
}
if (options.svg !== undefined) {
  const chart: ChartRow[] = rows.filter((r) => r.group === 'client' && r.subject !== FETCH).map((r) => ({ label: r.subject, n: r.n, ratio: r.ratio, ms: r.ms }));
  const codec = rows.filter((r) => r.group === 'codec' && r.subject !== 'JSON.parse').map((r) => ({ label: `${r.subject} vs JSON.parse`, n: r.n, ratio: r.ratio, ms: r.ms }));
  writeFileSync(options.svg, peersSvg({ rows: [...chart, ...codec], sizes: SIZES, caption: `${machine}, ${date}` }));
  process.stderr.write(`wrote ${options.svg}\n`);
}
process.exit(0);
