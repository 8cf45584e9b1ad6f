/**
 * Content negotiation: `Accept` with q-values, wildcards and specificity against the offered
 * types (vendor type first), and the `Content-Type` check of request bodies.
 *
 * @module
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAcceptedContentType, JSON_LD, JSON_MEDIA_TYPE, negotiate } from './negotiation.js';

const VENDOR = 'application/vnd.textus+jsonld';
const OFFERED = [VENDOR, JSON_LD, JSON_MEDIA_TYPE] as const;

describe('negotiate', () => {
  it('offers the vendor type first when the client accepts anything', () => {
    for (const accept of [null, undefined, '', '   ', '*/*', 'application/*', '*/*;q=0.8', `${VENDOR}, ${JSON_LD}, ${JSON_MEDIA_TYPE}`]) {
      expect(negotiate(accept, OFFERED), String(accept)).toBe(VENDOR);
    }
  });

  it('picks the highest q-value', () => {
    expect(negotiate('application/json;q=0.5, application/ld+json', OFFERED)).toBe(JSON_LD);
    expect(negotiate('application/ld+json;q=0.4, application/json;q=0.6', OFFERED)).toBe(JSON_MEDIA_TYPE);
    expect(negotiate(`${VENDOR};q=0.1, application/json;q=0.2`, OFFERED)).toBe(JSON_MEDIA_TYPE);
    expect(negotiate('application/json, */*;q=0.1', OFFERED)).toBe(JSON_MEDIA_TYPE);
  });

  it('prefers the more specific range among equal q-values, then the server order', () => {
    expect(negotiate('*/*, application/json', OFFERED)).toBe(JSON_MEDIA_TYPE);
    expect(negotiate('application/*, application/ld+json', OFFERED)).toBe(JSON_LD);
    expect(negotiate(`application/json, ${JSON_LD}`, OFFERED)).toBe(JSON_LD);
    expect(negotiate(`application/json;q=0.5, ${JSON_LD};q=0.5`, OFFERED)).toBe(JSON_LD);
  });

  it('gives a type the q-value of its most specific matching range', () => {
    // `application/json;q=0` excludes JSON even though `*/*` would accept it.
    expect(negotiate('application/json;q=0, */*;q=0.1', [JSON_MEDIA_TYPE])).toBeUndefined();
    expect(negotiate(`${VENDOR};q=0, */*`, OFFERED)).toBe(JSON_LD);
    expect(negotiate('application/*;q=0, application/json', OFFERED)).toBe(JSON_MEDIA_TYPE);
    // The specific range wins even when the wildcard's q is higher.
    expect(negotiate('*/*;q=1, application/ld+json;q=0.2, application/vnd.textus+jsonld;q=0.1', OFFERED)).toBe(JSON_MEDIA_TYPE);
  });

  it('is case-insensitive and ignores other parameters and whitespace', () => {
    expect(negotiate('Application/LD+JSON', OFFERED)).toBe(JSON_LD);
    expect(negotiate(' application/ld+json ; profile="http://www.w3.org/ns/json-ld#compacted" ; q=0.9 ', OFFERED)).toBe(JSON_LD);
    expect(negotiate('application/json; charset=utf-8', OFFERED)).toBe(JSON_MEDIA_TYPE);
  });

  it('is undefined (406) when nothing offered is acceptable', () => {
    for (const accept of ['text/html', 'text/*', 'image/png, text/html;q=0.9', '*/*;q=0', 'application/*;q=0', 'garbage', 'application/json;q=abc']) {
      expect(negotiate(accept, OFFERED), accept).toBeUndefined();
    }
  });

  it('clamps q-values to [0, 1]', () => {
    expect(negotiate('application/json;q=5, application/ld+json', OFFERED)).toBe(JSON_LD);
    expect(negotiate('application/json;q=-1', OFFERED)).toBeUndefined();
  });

  it('always answers one of the offered types or undefined, and never throws', () => {
    fc.assert(
      fc.property(fc.string(), (accept) => {
        const chosen = negotiate(accept, OFFERED);
        expect(chosen === undefined || OFFERED.includes(chosen as (typeof OFFERED)[number])).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('answers the offered type a client names alone', () => {
    fc.assert(
      fc.property(fc.constantFrom(...OFFERED), fc.double({ min: 0.001, max: 1, noNaN: true }), (type, q) => {
        expect(negotiate(`${type};q=${q.toFixed(3)}`, OFFERED)).toBe(type);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('isAcceptedContentType', () => {
  it('accepts the offered types with parameters and in any case', () => {
    expect(isAcceptedContentType('application/ld+json', OFFERED)).toBe(true);
    expect(isAcceptedContentType('application/ld+json; charset=utf-8', OFFERED)).toBe(true);
    expect(isAcceptedContentType(`${VENDOR.toUpperCase()};charset=UTF-8`, OFFERED)).toBe(true);
    expect(isAcceptedContentType(' application/json ', OFFERED)).toBe(true);
  });

  it('refuses other or missing types, and wildcards', () => {
    for (const type of [null, '', 'text/plain', 'application/x-www-form-urlencoded', 'application/*', '*/*', 'application/jsonx', 'multipart/form-data']) {
      expect(isAcceptedContentType(type, OFFERED), String(type)).toBe(false);
    }
  });
});
