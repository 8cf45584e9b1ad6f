/**
 * Contexts mean what their URLs say (issue "Speak standard Hydra, server side", point 1): for every
 * node of every registered type, `jsonld.toRDF` with the contexts every other processor uses (the
 * published Hydra contexts at the W3C's URLs, the API's own documents at its own) gives the same
 * graph as with the documents hyperld's registry holds. Both loaders refuse everything else, so no
 * test reaches the network.
 */
import type { AnyTypeDef, ContextDocument, Registry } from '@hyperld/core';
import { arbitraryNode } from '@hyperld/core/testing';
import { HYDRA_CONTEXT, HYDRA_CONTEXT_DOCUMENT, HYDRA_ERROR_CONTEXT, HYDRA_ERROR_CONTEXT_DOCUMENT, hydraRegistry } from '@hyperld/hydra';
import fc from 'fast-check';
import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';

const BASE = 'https://api.example/';
const PUBLISHED: Readonly<Record<string, ContextDocument>> = { [HYDRA_CONTEXT]: HYDRA_CONTEXT_DOCUMENT, [HYDRA_ERROR_CONTEXT]: HYDRA_ERROR_CONTEXT_DOCUMENT };

type Loader = (url: string) => Promise<{ contextUrl: undefined; documentUrl: string; document: unknown }>;

/** What every other processor reads: the published documents at the W3C's URLs, the API's own documents (resolved against the base) at its URLs. */
const publishedLoader = (registry: Registry): Loader => async (url) => {
  const published = PUBLISHED[url];
  if (published !== undefined) return { contextUrl: undefined, documentUrl: url, document: published };
  if (url.startsWith('http://www.w3.org/')) throw new Error(`no published copy of ${url}`);
  const own = url.startsWith(BASE) ? registry.context(url, BASE) : undefined;
  if (own === undefined) throw new Error(`refusing to load ${url}`);
  return { contextUrl: undefined, documentUrl: url, document: own };
};

/** What hyperld reads: the registry's documents alone. */
const registryLoader = (registry: Registry): Loader => async (url) => {
  const doc = registry.context(url, BASE);
  if (doc === undefined) throw new Error(`refusing to load ${url}`);
  return { contextUrl: undefined, documentUrl: url, document: doc };
};

const canonical = async (doc: unknown, documentLoader: Loader): Promise<string> =>
  (await jsonld.canonize(doc as jsonld.JsonLdDocument, { algorithm: 'URDNA2015', format: 'application/n-quads', base: BASE, documentLoader, safe: false } as unknown as jsonld.Options.Canonize)) as string;

describe('jsonld.js reads every registered type with the published contexts as hyperld reads it', () => {
  it('registers, at the W3C URLs, exactly the documents published there', () => {
    for (const registry of [hydraRegistry] as Registry[]) {
      expect(registry.context(HYDRA_CONTEXT)).toBe(HYDRA_CONTEXT_DOCUMENT);
      expect(registry.context(HYDRA_ERROR_CONTEXT)).toBe(HYDRA_ERROR_CONTEXT_DOCUMENT);
    }
  });

  // Not yet textusRegistry: it is built from hydraTypes without HYDRA_CONTEXTS, so it still
  // generates documents at the W3C's URLs; registering the published ones there needs the fast
  // expander to take the published context's `@reverse` term (`defines`). Left open in the issue.
  for (const [name, registry] of [['hydra', hydraRegistry]] as const) {
    for (const def of registry.types.values() as Iterable<AnyTypeDef>) {
      it(`${name}: ${def.type} nodes give the same graph under the published contexts and under the registry's`, async () => {
        await fc.assert(
          fc.asyncProperty(arbitraryNode(def, { registry, maxDepth: 2 }), async (node) => {
            const published = await canonical(node, publishedLoader(registry as Registry));
            const own = await canonical(node, registryLoader(registry as Registry));
            expect(own).toBe(published);
            // The node's type is a named class in the graph, never lost.
            expect(published).toContain(`<${def.iri}>`);
          }),
          { numRuns: 15 },
        );
      });
    }
  }
});
