import { describe, expect, it } from 'vitest';
import { typesOf } from './types-of.js';

describe('typesOf', () => {
  it('lists a string @type, the strings of an array, and nothing else', () => {
    expect(typesOf({ '@type': 'Book' })).toEqual(['Book']);
    expect(typesOf({ '@type': ['schema:Book', 'Book'] })).toEqual(['schema:Book', 'Book']);
    expect(typesOf({ '@type': ['Book', 7, '', null] })).toEqual(['Book']);
    for (const type of [undefined, '', 7, null, {}]) expect(typesOf({ '@type': type })).toEqual([]);
  });
});
