/**
 * The contract of the generated validators (`@hyperld/core`'s `fast.ts`) on the TextUs vocabulary
 * (with the Hydra types it builds on and Hydra's own context, where `member` stands for
 * `members`): the properties of core's `__fixtures__/fast-contract.ts`, which says what "agree
 * with the walker" means, and the seed response, read as it is and mutated.
 *
 * @module
 */
import type { Registry } from '@hyperld/core';
import { seedBodyText } from '@hyperld/fixtures';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// By path, not through a package export: the fixture's spy must watch the `FastValidator` of the
// module `@hyperld/core` runs (tests run on sources).
import { fastContract, metaPaths, RUNS, type Doc } from '../../../core/src/__fixtures__/fast-contract.js';
import { ConversationCollection, textusRegistry } from '../index.js';

const BASES = ['https://api.textus.com/contacts/DQeeO69/conversations', 'https://api.example.com/a/b'] as const;

// textusRegistry also serves Hydra's view context under a TextUs URL: the pair gets it too.
const { fast, walker, root, wentFast, both, mutate, mutation, settings, methods } = fastContract({
  registry: textusRegistry,
  bases: BASES,
  unknownTypeIri: 'https://api.textus.com/vocab#Nope',
  // Depth 2 as in registry.properties.test.ts: already a node in a collection in a node.
  documentDepth: 2,
  // None: `hydra:Error`'s `status` and `statusCode` (one Hydra property) are each read first under
  // their own key since issue 15, so the generator takes it too.
  declined: [],
  metadataExample: {
    json: '{"@type":"hydra:Collection","@context":"http://www.w3.org/ns/hydra/context.jsonld","id":"/c","member":[{"@type":"X"}]}',
    paths: ['$', '$["member"]["0"]'],
  },
  afterPollution: { text: seedBodyText, check: (paths) => expect(paths).not.toEqual([]) },
});

// --- the seed response ------------------------------------------------------------------------------

describe('the seed response', () => {
  const body = seedBodyText();
  const options = { base: BASES[0], strict: true } as const;

  it('decodes through the fast path, with metadata on the same nodes as without it', () => {
    for (const decode of [(r: Registry) => r.decodeAs(ConversationCollection, body, options), (r: Registry) => r.decode(body, options)]) {
      const walked = metaPaths(decode(walker));
      root.mockClear();
      const generated = metaPaths(decode(fast));
      expect(wentFast()).toBe(true);
      expect(generated).toEqual(walked);
      // The root and every item of a list: the page's members and the lists they hold.
      expect(generated).toEqual(expect.arrayContaining(['$', '$["members"]["0"]']));
    }
  });

  it('gives metadata to the same nodes when handed in parsed', () => {
    const walked = metaPaths(walker.decodeAs(ConversationCollection, JSON.parse(body), options));
    expect(metaPaths(fast.decodeAs(ConversationCollection, JSON.parse(body), options))).toEqual(walked);
  });

  it('is judged alike after one or two mutations', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 2 }), settings, methods, (applied, options, method) => {
        const doc: Doc = { root: JSON.parse(body) };
        for (const m of applied) mutate(doc, m, []);
        const { walked, generated } = both(method, doc.root, options, ConversationCollection);
        expect(generated).toEqual(walked);
      }),
      { numRuns: RUNS },
    );
  });
});
