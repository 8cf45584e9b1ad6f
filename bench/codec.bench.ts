/**
 * The codec against the platform and against jsonld.js, on collection pages of N seed-shaped
 * conversations (N = 100 and 1000):
 * - `decode`: `registry.decode(text)` vs `JSON.parse(text)` (target at N=1000: ≤ 2.0x);
 * - `encode`: `registry.encodeText(node)` vs `JSON.stringify(node)` (≤ 2.0x);
 * - `expand`: core's fast expander vs `jsonld.expand` with a static document loader (≤ 0.1x).
 *
 *   pnpm bench [--json] [--samples N] [--filter TEXT] [--vocab textus|sample]
 *
 * @module
 */
import { existsSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import jsonld from 'jsonld';
import type { RemoteDocument } from 'jsonld/jsonld-spec.js';
import { sampleRegistry } from '../packages/core/src/__fixtures__/sample-vocab.js';
import { textusRegistry } from '../packages/textus/src/index.js';
import type { JsonObject } from '../packages/core/src/index.js';
import { runBench, type Case, type Contender } from './harness.js';
import { BASE, collectionPage } from './seed-page.js';

// The TextUs vocabulary by default; `--vocab sample` measures core's own sample vocabulary.
const vocabFlag = process.argv.indexOf('--vocab');
const registry = process.argv[vocabFlag + 1] === 'sample' && vocabFlag >= 0 ? sampleRegistry : textusRegistry;
process.stderr.write(`vocabulary: ${registry === textusRegistry ? 'TextUs (@hyperld/textus)' : 'sample (core tests)'}\n`);

/** Serves the registry's generated contexts to jsonld.js; anything else is an error (no network). */
const documentLoader = async (url: string): Promise<RemoteDocument> => {
  const document = registry.context(url, BASE);
  if (document === undefined) throw new Error(`bench: no context document for ${url}`);
  // jsonld's types want their own JSON-LD document type; a context document is one.
  return { contextUrl: undefined, documentUrl: url, document: document as RemoteDocument['document'] };
};

/** The reference expansion. */
const jsonldExpand = (value: JsonObject): Promise<unknown> => jsonld.expand(value, { base: BASE, documentLoader });

/** The part of `packages/core/src/expand/expander.ts` this bench uses. */
interface ExpandModule {
  createExpander(options: { resolveContext: (url: string, base: string | undefined) => unknown }): {
    expand(document: unknown, options?: { base?: string }): unknown;
  };
}

/**
 * Core's fast expander, or why there is none to measure. Imported by a computed specifier so that
 * this bench type-checks and runs (skipping the case) while the module is still being written.
 */
async function fastExpander(): Promise<{ expand: (value: JsonObject) => unknown } | { missing: string }> {
  const file = new URL('../packages/core/src/expand/expander.ts', import.meta.url);
  if (!existsSync(file)) return { missing: 'packages/core/src/expand/expander.ts does not exist yet' };
  const specifier = '../packages/core/src/expand/expander.js';
  const module = (await import(specifier)) as Partial<ExpandModule>;
  if (typeof module.createExpander !== 'function') return { missing: 'packages/core/src/expand/expander.ts does not export createExpander yet' };
  const expander = module.createExpander({ resolveContext: (url, base) => registry.context(url, base) });
  return { expand: (value) => expander.expand(value, { base: BASE }) };
}

const expander = await fastExpander();
const cases: Case[] = [];

for (const n of [100, 1000]) {
  const page = collectionPage(n);
  const text = JSON.stringify(page);
  const node = registry.decode(text, { base: BASE, strict: true });
  process.stderr.write(`page N=${n}: ${(text.length / 1024).toFixed(0)} KiB of JSON\n`);
  const target = (ratio: number): number | undefined => (n === 1000 ? ratio : undefined);
  const opt = (t: number | undefined): { target?: number } => (t === undefined ? {} : { target: t });

  cases.push({
    name: `decode N=${n}`,
    ...opt(target(2)),
    subject: { name: 'registry.decode', run: () => registry.decode(text) },
    baseline: { name: 'JSON.parse', run: () => JSON.parse(text) as unknown },
  });
  cases.push({
    name: `encode N=${n}`,
    ...opt(target(2)),
    subject: { name: 'registry.encodeText', run: () => registry.encodeText(node) },
    baseline: { name: 'JSON.stringify', run: () => JSON.stringify(node) },
  });

  const baseline: Contender = { name: 'jsonld.expand', run: () => jsonldExpand(page) };
  if ('missing' in expander) {
    cases.push({ name: `expand N=${n}`, ...opt(target(0.1)), skip: expander.missing, subject: { name: 'expand', run: () => undefined }, baseline });
  } else {
    // A fast answer that is wrong measures nothing: check it against jsonld.js first.
    const same = isDeepStrictEqual(await expander.expand(page), await jsonldExpand(page));
    cases.push({
      name: `expand N=${n}`,
      ...opt(target(0.1)),
      ...(same ? {} : { skip: 'the fast expander does not give what jsonld.expand gives on this page' }),
      subject: { name: 'expand', run: () => expander.expand(page) },
      baseline,
    });
  }
}

await runBench(cases);
