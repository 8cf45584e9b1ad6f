/**
 * The codec against the platform and against jsonld.js, on collection pages of N seed-shaped
 * conversations (N = 100 and 1000):
 * - `decode`: `registry.decode(text)` vs `JSON.parse(text)` (target at N=1000: ≤ 2.0x);
 * - `encode`: `registry.encodeText(node)` vs `JSON.stringify(node)` (≤ 2.0x);
 * - `expand`: core's fast expander vs `jsonld.expand` with a static document loader (≤ 0.1x);
 * - `decode API Platform`: an API Platform 3.x-shaped page of N books (`/contexts/Book` registered
 *   by hand, `hydra:` prefixed keys, a blank view, a search template) decoded by the Hydra
 *   registry alone (members are generic nodes) and with a `Book` type defined (≤ 1.5x at N=1000).
 *
 *   pnpm bench [--json] [--samples N] [--filter TEXT]
 *
 * @module
 */
import { isDeepStrictEqual } from 'node:util';
import type { JsonObject } from '@hyperld/core';
import { createExpander } from '@hyperld/core/expand';
import { textusRegistry as registry } from '@hyperld/textus';
import jsonld from 'jsonld';
import type { RemoteDocument } from 'jsonld/jsonld-spec.js';
import { runBench, type Case } from './harness.js';
import { BASE, collectionPage } from './seed-page.js';
import { apiPlatformPage, registriesFor } from '@hyperld/test/helpers/standard-documents';

process.stderr.write('vocabulary: TextUs (@hyperld/textus)\n');

/** Serves the registry's generated contexts to jsonld.js; anything else is an error (no network). */
const documentLoader = async (url: string): Promise<RemoteDocument> => {
  const document = registry.context(url, BASE);
  if (document === undefined) throw new Error(`bench: no context document for ${url}`);
  // jsonld's types want their own JSON-LD document type; a context document is one.
  return { contextUrl: undefined, documentUrl: url, document: document as RemoteDocument['document'] };
};

/** The reference expansion. */
const jsonldExpand = (value: JsonObject): Promise<unknown> => jsonld.expand(value, { base: BASE, documentLoader });

/** Core's fast expander, on the registry's contexts. */
const expander = createExpander({ resolveContext: (url, base) => registry.context(url, base) });
const fastExpand = (value: JsonObject): unknown => expander.expand(value, { base: BASE });

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

  // A fast answer that is wrong measures nothing: check it against jsonld.js first.
  const same = isDeepStrictEqual(fastExpand(page), await jsonldExpand(page));
  cases.push({
    name: `expand N=${n}`,
    ...opt(target(0.1)),
    ...(same ? {} : { skip: 'the fast expander does not give what jsonld.expand gives on this page' }),
    subject: { name: 'expand', run: () => fastExpand(page) },
    baseline: { name: 'jsonld.expand', run: () => jsonldExpand(page) },
  });
}

// Standard Hydra as API Platform 3.x sends it, read by a registry that was not written for it.
const apiPlatform = registriesFor('ap3');
for (const n of [100, 1000]) {
  const text = JSON.stringify(apiPlatformPage(n));
  const target = n === 1000 ? { target: 1.5 } : {};
  for (const [label, r] of [
    ['Hydra registry', apiPlatform.generic],
    ['Book defined', apiPlatform.typed],
  ] as const) {
    // A fast answer that is wrong measures nothing: the page must decode, and encode back as it was.
    const same = r.encodeText(r.decode(text)) === text;
    cases.push({
      name: `decode API Platform N=${n}, ${label}`,
      ...target,
      ...(same ? {} : { skip: 'the page does not encode back to its text' }),
      subject: { name: 'registry.decode', run: () => r.decode(text) },
      baseline: { name: 'JSON.parse', run: () => JSON.parse(text) as unknown },
    });
  }
}

await runBench(cases);
