/**
 * Term expansion against prefixes and a vocabulary (`expandTerm`).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VOCAB } from '../__fixtures__/sample-vocab.js';
import { expandTerm, HYDRA, XSD } from '../index.js';

describe('expandTerm', () => {
  it('expands compact IRIs through known prefixes and terms through the vocabulary', () => {
    expect(expandTerm('hydra:member', VOCAB)).toBe(`${HYDRA}member`);
    expect(expandTerm('xsd:dateTime', VOCAB)).toBe(`${XSD}dateTime`);
    expect(expandTerm('name', VOCAB)).toBe(`${VOCAB}name`);
    expect(expandTerm('schema:name', VOCAB, { schema: 'https://schema.org/' })).toBe('https://schema.org/name');
    // The standard prefixes stay known alongside custom ones.
    expect(expandTerm('hydra:view', VOCAB, { schema: 'https://schema.org/' })).toBe(`${HYDRA}view`);
  });

  it('leaves absolute IRIs and unknown prefixes alone, including prototype names', () => {
    expect(expandTerm('https://example.com/x', VOCAB, { https: 'nope:' })).toBe('https://example.com/x');
    expect(expandTerm('unknown:x', VOCAB)).toBe('unknown:x');
    expect(expandTerm('constructor:x', VOCAB, {})).toBe('constructor:x');
    expect(expandTerm('__proto__:x', VOCAB, {})).toBe('__proto__:x');
    expect(expandTerm('toString:x', VOCAB)).toBe('toString:x');
  });

  it('expands every term without a colon to vocab + term', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !s.includes(':')),
        (term) => {
          expect(expandTerm(term, VOCAB)).toBe(VOCAB + term);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
