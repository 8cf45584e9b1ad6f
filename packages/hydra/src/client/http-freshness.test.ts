/**
 * HTTP freshness as a private cache reads it: `Cache-Control` directives, `Expires` against
 * `Date`, `Age`, the heuristic from `Last-Modified`, and the validators.
 *
 * @module
 */
import { describe, expect, it } from 'vitest';
import { cacheControl, freshnessOf, HEURISTIC_FRESHNESS_MS } from './http-freshness.js';

const NOW = Date.parse('2026-01-01T12:00:00Z');
const fresh = (headers: Record<string, string>) => freshnessOf(new Headers(headers), NOW);

describe('cacheControl', () => {
  it('reads directives with and without values, quoted or not, case-insensitively, the first of each', () => {
    expect([...cacheControl('Public, MAX-AGE=600 , no-cache="Set-Cookie, X-A", max-age=5, private')]).toEqual([
      ['public', ''],
      ['max-age', '600'],
      ['no-cache', 'Set-Cookie, X-A'],
      ['private', ''],
    ]);
    expect(cacheControl(null).size).toBe(0);
    expect([...cacheControl('')]).toEqual([]);
  });
});

describe('freshnessOf', () => {
  it('keeps max-age seconds, less Age, with the validators', () => {
    expect(fresh({ 'cache-control': 'max-age=60', age: '10', etag: '"v1"', 'last-modified': 'Wed, 01 Jan 2025 00:00:00 GMT' })).toEqual({
      store: true,
      expires: NOW + 50_000,
      etag: '"v1"',
      lastModified: 'Wed, 01 Jan 2025 00:00:00 GMT',
    });
  });

  it('makes no-cache and max-age=0 stale at once, but not a no-cache that names fields', () => {
    expect(fresh({ 'cache-control': 'no-cache, max-age=600' }).expires).toBe(NOW);
    expect(fresh({ 'cache-control': 'max-age=0' }).expires).toBe(NOW);
    expect(fresh({ 'cache-control': 'no-cache="set-cookie", max-age=600' }).expires).toBe(NOW + 600_000);
    expect(fresh({ pragma: 'no-cache' }).expires).toBe(NOW);
    // Pragma counts only without Cache-Control (HTTP/1.0 caches).
    expect(fresh({ pragma: 'no-cache', 'cache-control': 'max-age=5' }).expires).toBe(NOW + 5000);
  });

  it('says no-store is not to be kept', () => {
    expect(fresh({ 'cache-control': 'no-store' }).store).toBe(false);
    expect(fresh({ 'cache-control': 'max-age=60' }).store).toBe(true);
  });

  it('takes Expires against Date when there is no max-age, and an invalid Expires as expired', () => {
    expect(fresh({ date: 'Thu, 01 Jan 2026 11:00:00 GMT', expires: 'Thu, 01 Jan 2026 11:30:00 GMT' }).expires).toBe(NOW + 30 * 60_000);
    expect(fresh({ expires: 'Thu, 01 Jan 2026 12:01:00 GMT' }).expires).toBe(NOW + 60_000);
    expect(fresh({ expires: '0' }).expires).toBe(NOW);
    expect(fresh({ 'cache-control': 'max-age=1', expires: 'Thu, 01 Jan 2026 13:00:00 GMT' }).expires).toBe(NOW + 1000);
  });

  it('falls back to 10% of the age of Last-Modified (at most a day), else a fixed heuristic', () => {
    expect(fresh({ 'last-modified': 'Thu, 01 Jan 2026 02:00:00 GMT' }).expires).toBe(NOW + 3_600_000);
    expect(fresh({ 'last-modified': 'Wed, 01 Jan 2020 00:00:00 GMT' }).expires).toBe(NOW + 24 * 3_600_000);
    expect(fresh({}).expires).toBe(NOW + HEURISTIC_FRESHNESS_MS);
  });

  it('ignores a max-age or Age that is not delta-seconds', () => {
    expect(fresh({ 'cache-control': 'max-age=-5' }).expires).toBe(NOW);
    expect(fresh({ 'cache-control': 'max-age=60', age: 'soon' }).expires).toBe(NOW + 60_000);
  });
});
