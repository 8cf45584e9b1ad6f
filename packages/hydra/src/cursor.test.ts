/**
 * Opaque keyset cursors, page sizes and page views.
 *
 * @module
 */
import type { JsonValue } from '@hyperld/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, pageSize, pageView } from './cursor.js';

/** JSON has no -0: `JSON.stringify(-0)` is `"0"`, so a round trip gives back 0. */
function normalise(value: JsonValue): JsonValue {
  if (typeof value === 'number') return Object.is(value, -0) ? 0 : value;
  if (Array.isArray(value)) return value.map(normalise);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, JsonValue> = {};
    for (const [k, v] of Object.entries(value)) Object.defineProperty(out, k, { value: normalise(v), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return value;
}

/** The longest cursor `decodeCursor` reads (longer ones are refused before any work). */
const MAX_CURSOR = 2048;

describe('encodeCursor / decodeCursor', () => {
  it('round-trips a keyset position', () => {
    const position = { after: ['2018-07-24T20:59:32.156Z', 'Pvwqm5G'] };
    const cursor = encodeCursor(position);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toEqual(position);
  });

  it('gives back every JSON value it encoded (up to the cursor length limit)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const cursor = encodeCursor(value as JsonValue);
        expect(cursor).toMatch(/^[A-Za-z0-9_-]*$/);
        if (cursor.length <= MAX_CURSOR) expect(decodeCursor(cursor)).toEqual(normalise(value as JsonValue));
        else expect(decodeCursor(cursor)).toBeUndefined();
      }),
      { numRuns: 1000 },
    );
  });

  it('round-trips any Unicode, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 64 }), (text) => {
        expect(decodeCursor(encodeCursor({ after: text }))).toEqual({ after: text });
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.base64String(), fc.stringMatching(/^[A-Za-z0-9_-]{0,64}$/)), (text) => {
        expect(() => decodeCursor(text)).not.toThrow();
      }),
      { numRuns: 1000 },
    );
  });

  it('decodes malformed cursors to undefined', () => {
    const notJson = btoa('{after: 1').replace(/=+$/, '');
    const notUtf8 = btoa(String.fromCharCode(0xff, 0xfe, 0x22, 0x22)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
    for (const cursor of ['', 'not a cursor!', 'abc=', 'a', '%7B%7D', notJson, notUtf8, 'e30'.padEnd(MAX_CURSOR + 1, 'A')]) {
      expect(decodeCursor(cursor), cursor.slice(0, 20)).toBeUndefined();
    }
    // `e30` is `{}`: well-formed cursors of other values do decode.
    expect(decodeCursor('e30')).toEqual({});
  });
});

describe('pageSize', () => {
  const limits = { default: 25, max: 100 };

  it('uses the default when absent and caps at the maximum', () => {
    expect(pageSize(null, limits)).toBe(25);
    expect(pageSize('', limits)).toBe(25);
    expect(pageSize('1', limits)).toBe(1);
    expect(pageSize('100', limits)).toBe(100);
    expect(pageSize('500', limits)).toBe(100);
    expect(pageSize('999999999', limits)).toBe(100);
    expect(pageSize(null, { default: 500, max: 100 })).toBe(100);
  });

  it('is undefined for anything but a positive integer', () => {
    for (const value of ['0', '-1', '1.5', '1e3', 'abc', ' 5', '0x10', '1234567890', 'Infinity', 'NaN']) {
      expect(pageSize(value, limits), value).toBeUndefined();
    }
  });

  it('is within [1, max] or undefined for any input', () => {
    fc.assert(
      fc.property(fc.option(fc.string()), (value) => {
        const n = pageSize(value, limits);
        if (n !== undefined) {
          expect(Number.isInteger(n)).toBe(true);
          expect(n).toBeGreaterThanOrEqual(1);
          expect(n).toBeLessThanOrEqual(100);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('pageView', () => {
  it('builds the view in the seed order with nulls at the ends', () => {
    const view = pageView({ id: '/c', first: '/c', next: null, previous: null, context: '/contexts/hydra:PartialCollectionView.jsonld' });
    expect(Object.keys(view)).toEqual(['@type', '@context', 'id', 'first', 'next', 'previous']);
    expect(view).toEqual({
      '@type': 'hydra:PartialCollectionView',
      '@context': '/contexts/hydra:PartialCollectionView.jsonld',
      id: '/c',
      first: '/c',
      next: null,
      previous: null,
    });
  });

  it('leaves out the context and last unless given', () => {
    expect(Object.keys(pageView({ id: '/c', first: '/c', next: '/c?cursor=x', previous: null }))).toEqual(['@type', 'id', 'first', 'next', 'previous']);
    expect(pageView({ id: '/c', first: '/c', next: null, previous: '/c?cursor=y', last: null })).toMatchObject({ previous: '/c?cursor=y', last: null });
  });
});
