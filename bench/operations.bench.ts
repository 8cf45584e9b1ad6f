/**
 * `pnpm bench:operations`: run-time discovery costs little. On a seed-shaped TextUs page of N
 * conversations (N = 100 and 1000), with the API documentation the reference server serves
 * (`apiDocumentation(textusRegistry, …)`) read once into its model, as the client caches it:
 * - `operations of the page`: `listOperations(page, { apiDocumentation })` (what
 *   `client.operations(page)` does once the documentation is cached) against decoding the page
 *   it came in, `textusRegistry.decode(text)`. Target: ≤ 0.05x (5%) at both sizes;
 * - `operations of a member`: the same for one member of the page (also ≤ 0.05x);
 * - `operations of every member`: for each member of the page in turn, what an explorer that
 *   lists each row's operations does (no target; shown for scale).
 *
 *   pnpm bench:operations [--json] [--samples N] [--filter TEXT]
 *
 * @module
 */
import { apiDocumentation } from '@hyperld/hydra';
import { listOperations, readApiDocumentation, type ApiDocumentationModel } from '@hyperld/hydra/discovery';
import { textusRegistry as registry } from '@hyperld/textus';
import { runBench, type Case } from './harness.js';
import { BASE, collectionPage } from './seed-page.js';

const DOCS = new URL('/docs.jsonld', BASE).href;

/** The API documentation as the reference server serves it, read once: the client's cached model. */
const model: ApiDocumentationModel = readApiDocumentation(
  JSON.parse(JSON.stringify(apiDocumentation(registry, { id: '/docs.jsonld', title: 'TextUs (bench)', entrypoint: '/' }))) as unknown,
  { base: DOCS, resolveContext: (url, base) => registry.context(url, base) },
);
process.stderr.write(`API documentation: ${model.classes.size} classes\n`);

const list = (node: object): number => listOperations(node, { registry, base: BASE, apiDocumentation: model }).length;

const cases: Case[] = [];
for (const n of [100, 1000]) {
  const text = JSON.stringify(collectionPage(n));
  const page = registry.decode(text, { base: BASE });
  const members = page['members' as keyof typeof page] as unknown as object[];
  const first = members[0] as object;
  // What is timed must find something: the page's and a member's operations, from the documentation too.
  const found = { page: list(page), member: list(first) };
  const fromDocs = listOperations(first, { registry, base: BASE, apiDocumentation: model }).filter((op) => op.source !== 'property').length;
  process.stderr.write(`page N=${n}: ${(text.length / 1024).toFixed(0)} KiB; ${found.page} operations on the page, ${found.member} on a member (${fromDocs} from the documentation)\n`);
  const skip = found.page === 0 || found.member === 0 ? { skip: 'listOperations found no operation: nothing would be measured' } : {};
  const decode = { name: 'registry.decode', run: () => registry.decode(text, { base: BASE }) };
  cases.push({ name: `operations of the page N=${n}`, target: 0.05, ...skip, subject: { name: 'listOperations(page)', run: () => list(page) }, baseline: decode });
  cases.push({ name: `operations of a member N=${n}`, target: 0.05, ...skip, subject: { name: 'listOperations(member)', run: () => list(first) }, baseline: decode });
  cases.push({
    name: `operations of every member N=${n}`,
    ...skip,
    subject: {
      name: 'listOperations(each member)',
      run: () => {
        let total = 0;
        for (const member of members) total += list(member);
        return total;
      },
    },
    baseline: decode,
  });
}

const results = await runBench(cases);
const failed = results.filter((r) => cases.find((c) => c.name === r.case)?.target !== undefined && r.ratio > 0.05);
process.stdout.write(`target: listing a node's operations ≤ 5% of decoding its page: ${failed.length === 0 ? 'PASS' : 'FAIL'}\n`);
process.exitCode = failed.length === 0 ? 0 : 1;
