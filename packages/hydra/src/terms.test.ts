import { HYDRA } from '@hyperld/core';
import { describe, expect, it } from 'vitest';
import { inContextOf, isHydraTerm, readHydra, termsOf } from './terms.js';
import { HYDRA_CONTEXT } from './vocabulary.js';

describe('readHydra', () => {
  it('reads through the node\'s context, and by the spellings without one', () => {
    const node = { '@context': { h: HYDRA, items: { '@id': 'h:member' } }, items: [1], member: [2] };
    expect(readHydra(node, 'member')).toEqual([1]);
    expect(readHydra({ member: [2] }, 'member')).toEqual([2]);
    expect(readHydra({ 'hydra:member': [3] }, 'member')).toEqual([3]);
    expect(readHydra({ [`${HYDRA}member`]: [4] }, 'member')).toEqual([4]);
  });

  it('reads by the spellings alone with context: hydra, whatever the node\'s context says', () => {
    const operation = { '@context': { '@vocab': 'https://other.example/vocab#' }, method: 'PUT', 'hydra:title': 'close' };
    expect(readHydra(operation, 'method')).toBeUndefined();
    expect(readHydra(operation, 'method', { context: 'hydra' })).toBe('PUT');
    expect(readHydra(operation, 'title', { context: 'hydra' })).toBe('close');
    expect(readHydra({ [`${HYDRA}target`]: '/x' }, 'target', { context: 'hydra' })).toBe('/x');
    // The first spelling present wins, null included (a null link is an answer).
    expect(readHydra({ next: null, 'hydra:next': '/c?page=2' }, 'next', { context: 'hydra' })).toBeNull();
  });

  it('reads own keys only, never inherited Object properties', () => {
    for (const options of [{}, { context: 'hydra' } as const]) {
      expect(readHydra({}, 'constructor', options)).toBeUndefined();
      expect(readHydra({}, '__proto__', options)).toBeUndefined();
      expect(readHydra(JSON.parse('{"__proto__": 1}') as object, '__proto__', options)).toBe(1);
    }
  });
});

describe('isHydraTerm', () => {
  it('recognises a term bare, prefixed and as its IRI, and nothing else', () => {
    for (const spelling of ['Error', 'hydra:Error', `${HYDRA}Error`]) expect(isHydraTerm(spelling, 'Error'), spelling).toBe(true);
    for (const other of ['error', 'schema:Error', 'https://example.com/vocab#Error', `${HYDRA}Errors`, undefined, null, 3]) expect(isHydraTerm(other, 'Error'), String(other)).toBe(false);
  });
});

describe('termsOf and inContextOf', () => {
  it('gives the terms of a node’s context, Hydra’s built in, and none without a context', () => {
    expect(termsOf({ '@context': HYDRA_CONTEXT })?.iriOf('freetextQuery')).toBe(`${HYDRA}freetextQuery`);
    expect(termsOf({ '@context': { id: '@id' } })?.keysOf('@id')).toEqual(['id', '@id']);
    expect(termsOf({ member: [] })).toBeUndefined();
  });

  it('reads an embedded node without a context of its own in its parent’s, and leaves one with a context alone', () => {
    const parent = { '@context': { h: HYDRA, items: { '@id': 'h:member' } } };
    const view = { items: [1] };
    expect(readHydra(inContextOf(view, parent), 'member')).toEqual([1]);
    expect(view).toEqual({ items: [1] });
    const own = { '@context': HYDRA_CONTEXT, member: [2] };
    expect(inContextOf(own, parent)).toBe(own);
    expect(inContextOf(view, {})).toBe(view);
  });
});
