/**
 * Contexts mean what their URLs say (issue 15, point 1): jsonld.js, given the project's own copies
 * of the published Hydra contexts for the W3C URLs, reads every document hyperld writes as the
 * same RDF graph as when it is given only the registry's documents, and hyperld's own reading
 * (ids, `@type`s, links, available actions) agrees with that graph. Neither document loader ever
 * reaches the network: each throws for a URL it does not serve.
 *
 * (a) generated nodes of every registered type of the Hydra and TextUs registries; (b) the answers
 * of the reference server to GET, crawled breadth-first from the seed collection and the demo
 * user, bounded to {@link CRAWL} answers so that the file stays under a few seconds.
 *
 * @module
 */
import { idOf, type Registry } from '@hyperld/core';
import { arbitraryDocument } from '@hyperld/core/testing';
import { HYDRA_CONTEXT, HYDRA_CONTEXT_DOCUMENT, HYDRA_ERROR_CONTEXT, HYDRA_ERROR_CONTEXT_DOCUMENT, hydraRegistry, listActions } from '@hyperld/hydra';
import { textusRegistry } from '@hyperld/textus';
import { DEMO_TOKEN, DEMO_USER_ID, SEED_CONTACT_ID, startTextusServer } from '@hyperld/textus-server';
import fc from 'fast-check';
import jsonld from 'jsonld';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emittedIris } from '../helpers/nodes.js';
import { call } from '../helpers/textus-server.js';

type Loader = (url: string) => Promise<{ contextUrl: undefined; documentUrl: string; document: unknown }>;

const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
/** The published contexts, as the project copies them: what any JSON-LD processor reads there. */
const PUBLISHED: Readonly<Record<string, unknown>> = { [HYDRA_CONTEXT]: HYDRA_CONTEXT_DOCUMENT, [HYDRA_ERROR_CONTEXT]: HYDRA_ERROR_CONTEXT_DOCUMENT };

/** Serves the published copies for W3C URLs and the registry's documents for the rest; nothing else. */
function publishedLoader(registry: Registry, base: string): Loader {
  return async (url) => {
    const document = Object.hasOwn(PUBLISHED, url) ? PUBLISHED[url] : url.startsWith('http://www.w3.org/') ? undefined : registry.context(url, base);
    if (document === undefined) throw new Error(`Refusing to load ${url}`);
    return { contextUrl: undefined, documentUrl: url, document: structuredClone(document) };
  };
}

/** Serves only the registry's documents. */
function registryLoader(registry: Registry, base: string): Loader {
  return async (url) => {
    const document = registry.context(url, base);
    if (document === undefined) throw new Error(`Refusing to load ${url}`);
    return { contextUrl: undefined, documentUrl: url, document: structuredClone(document) };
  };
}

/** The canonical N-Quads of a document under a loader. */
async function canonical(doc: unknown, base: string, documentLoader: Loader): Promise<string> {
  const options = { algorithm: 'URDNA2015', format: 'application/n-quads', base, documentLoader, safe: false };
  return (await jsonld.canonize(structuredClone(doc) as jsonld.JsonLdDocument, options as never)) as unknown as string;
}

describe('(a) generated nodes of every registered type', () => {
  for (const [name, registry] of [
    ['hydra', hydraRegistry as unknown as Registry],
    ['textus', textusRegistry as unknown as Registry],
  ] as const) {
    it(`${name}: the published contexts and the registry's documents give one graph`, async () => {
      const base = 'https://api.example/things/';
      await fc.assert(
        fc.asyncProperty(arbitraryDocument(registry, { unknownProperties: false, maxDepth: 2 }), async (doc) => {
          // Act
          const published = await canonical(doc, base, publishedLoader(registry, base));
          const own = await canonical(doc, base, registryLoader(registry, base));
          // Assert
          expect(published).toBe(own);
        }),
        { numRuns: 40 },
      );
    });
  }
});

/** How many GET answers the crawl reads. */
const CRAWL = 40;

describe('(b) what the reference server answers', () => {
  let server: Awaited<ReturnType<typeof startTextusServer>>;
  beforeAll(async () => {
    server = await startTextusServer({ file: ':memory:', port: 0, announce: false });
  });
  afterAll(async () => {
    await server.close();
  });

  it(`reads as one graph under both loaders, and agrees with hyperld's reading (${CRAWL} answers, breadth-first)`, async () => {
    const origin = new URL(server.url).origin;
    const queue = [`/contacts/${SEED_CONTACT_ID}/conversations`, `/users/${DEMO_USER_ID}`].map((p) => new URL(p, server.url).href);
    const seen = new Set(queue);
    let read = 0;
    let checkedActions = 0;
    while (queue.length > 0 && read < CRAWL) {
      const url = queue.shift() as string;
      const answer = await call(server.url, 'GET', url, { token: DEMO_TOKEN });
      if (answer.status !== 200 || typeof answer.json['@type'] !== 'string') continue;
      read++;
      const doc = answer.json;
      // The same graph under both loaders.
      const nquads = await canonical(doc, url, publishedLoader(textusRegistry as unknown as Registry, url));
      expect(nquads, url).toBe(await canonical(doc, url, registryLoader(textusRegistry as unknown as Registry, url)));
      const triples = new Set(nquads.split('\n'));
      const has = (s: string, p: string | undefined, o: string): boolean =>
        [...triples].some((t) => t.startsWith(`<${s}> `) && (p === undefined || t.includes(` <${p}> `)) && t.includes(` ${o} `));
      // hyperld's reading: every node's id (resolved), its @type's class IRI, its available actions.
      const decoded = textusRegistry.decode(answer.text, { base: url });
      for (const { node } of textusRegistry.nodes(decoded, { base: url })) {
        const def = textusRegistry.definitionOf(node, { base: url });
        const id = idOf(node, { registry: textusRegistry });
        if (def === undefined || id === undefined) continue;
        const subject = new URL(id, url).href;
        expect(has(subject, RDF_TYPE, `<${def.iri}>`), `${url}: ${subject} a ${def.iri}`).toBe(true);
        for (const action of listActions(node, { registry: textusRegistry, base: url })) {
          if (action.state !== 'available' || action.source !== 'property') continue;
          expect(has(subject, undefined, `<${action.url}>`), `${url}: ${subject} ${action.name} ${action.url}`).toBe(true);
          checkedActions++;
        }
      }
      // Every link the answer emits is an IRI object in the graph; ids are subjects.
      for (const emitted of emittedIris(doc)) {
        const iri = new URL(emitted.iri, url).href;
        const appears = emitted.kind === 'id' ? [...triples].some((t) => t.startsWith(`<${iri}> `)) : [...triples].some((t) => t.includes(` <${iri}> `));
        expect(appears, `${url}: ${emitted.path} ${iri}`).toBe(true);
        const next = iri.replace(/#.*$/, '');
        if (emitted.kind === 'id' || next.startsWith(`${origin}/contexts/`) || !next.startsWith(origin) || seen.has(next)) continue;
        seen.add(next);
        queue.push(next);
      }
    }
    expect(read).toBeGreaterThanOrEqual(10);
    expect(checkedActions).toBeGreaterThan(0);
  });
});
