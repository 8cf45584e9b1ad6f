/**
 * Vocabularies: the defaults `vocabulary()` gives the types defined through it.
 */
import { describe, expect, it } from 'vitest';
import { VOCAB } from '../__fixtures__/sample-vocab.js';
import { t, vocabulary } from '../index.js';

describe('vocabulary', () => {
  it('supplies the vocabulary, the context URL pattern and prefixes', () => {
    const v = vocabulary({ vocab: VOCAB, context: (type) => `/ld/${type.toLowerCase()}`, prefixes: { ex: 'https://ex.example/#' } });
    const A = v.type('A', { properties: { name: t.string() }, description: 'An A.' });
    const B = v.type('B', { extends: A, context: '/custom/b', iri: 'ex:Bee', properties: {} });
    expect(A.vocab).toBe(VOCAB);
    expect(A.context).toBe('/ld/a');
    expect(A.description).toBe('An A.');
    expect(A.prefixes).toEqual({ ex: 'https://ex.example/#' });
    expect(B.context).toBe('/custom/b');
    expect(B.base).toBe(A);
    expect(B.iri).toBe('ex:Bee');
    expect(vocabulary({ vocab: VOCAB }).type('C', { properties: {} }).context).toBe('/contexts/C.jsonld');
  });
});
