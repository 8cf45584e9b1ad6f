/**
 * Opaque keyset cursors, page sizes and page views.
 *
 * @module
 */
import { isHyperldError, type JsonValue } from '@hyperld/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, MAX_CURSOR_LENGTH, pageSize, pageView } from './cursor.js';

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

/** The length of the cursor of `value`, worked out independently of `encodeCursor` (Node's base64url has no padding). */
function cursorLengthOf(value: JsonValue): number {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url').length;
}

/** Calls `encodeCursor`, returning the cursor or the error it threw. */
function tryEncode(value: JsonValue): { cursor: string } | { error: unknown } {
  try {
    return { cursor: encodeCursor(value) };
  } catch (error) {
    return { error };
  }
}

/** JSON values whose cursors straddle the limit: strings whose JSON is 1400 to 1700 bytes, some multi-byte. */
const nearTheLimit: fc.Arbitrary<JsonValue> = fc.oneof(
  fc.string({ minLength: 1400, maxLength: 1700 }),
  fc.tuple(fc.string({ minLength: 1380, maxLength: 1560, unit: 'grapheme-ascii' }), fc.string({ maxLength: 40, unit: 'grapheme' })).map(([a, b]) => ({ after: [a, b] })),
);

describe('encodeCursor / decodeCursor', () => {
  it('round-trips a keyset position', () => {
    const position = { after: ['2018-07-24T20:59:32.156Z', 'Pvwqm5G'] };
    const cursor = encodeCursor(position);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toEqual(position);
  });

  it('gives back every JSON value it encoded, and throws exactly when the cursor would be over the limit', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), nearTheLimit), (json) => {
        const value = json as JsonValue;
        const over = cursorLengthOf(value) > MAX_CURSOR_LENGTH;
        const result = tryEncode(value);
        if ('error' in result) {
          expect(over).toBe(true);
          expect(isHyperldError(result.error) && result.error.code === 'max_size').toBe(true);
          return;
        }
        expect(over).toBe(false);
        expect(result.cursor).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(result.cursor.length).toBe(cursorLengthOf(value));
        expect(decodeCursor(result.cursor)).toEqual(normalise(value));
      }),
      { numRuns: 1000 },
    );
  });

  it('makes a cursor of exactly the limit and refuses one byte more', () => {
    // `"x…x"` of n characters is n + 2 bytes of JSON; 1536 bytes are 2048 base64 characters.
    const longest = 'x'.repeat(1534);
    const cursor = encodeCursor(longest);
    expect(cursor.length).toBe(MAX_CURSOR_LENGTH);
    expect(decodeCursor(cursor)).toBe(longest);
    expect(() => encodeCursor(`${longest}x`)).toThrow(/limited to 2048/);
    // A multi-byte character counts as its UTF-8 bytes, not as one character.
    expect(() => encodeCursor(`${'x'.repeat(1533)}é`)).toThrow(/limited to 2048/);
    expect(encodeCursor(`${'x'.repeat(1532)}é`).length).toBe(MAX_CURSOR_LENGTH);
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
    for (const cursor of ['', 'not a cursor!', 'abc=', 'a', '%7B%7D', notJson, notUtf8, 'e30'.padEnd(MAX_CURSOR_LENGTH + 1, 'A')]) {
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
