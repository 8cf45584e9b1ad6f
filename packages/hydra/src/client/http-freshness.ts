/**
 * HTTP caching for a private cache (RFC 9111), as much as the client's context store needs: may
 * an answer be kept (`no-store`), for how long is it fresh (`max-age`, `Expires` against `Date`,
 * less `Age`; `no-cache` is stale at once), and which validators revalidate it (`ETag`,
 * `Last-Modified`).
 *
 * @module
 */

/**
 * What a response says about keeping it.
 *
 * @internal
 * @example
 * ```ts
 * import type { Freshness } from './http-freshness.js';
 * const freshness: Freshness = { store: true, expires: Date.now() + 60_000, etag: '"v1"', lastModified: undefined };
 * ```
 */
export interface Freshness {
  /** Whether it may be kept at all (`no-store` says no). */
  readonly store: boolean;
  /** Until when it is fresh, in `Date.now()` milliseconds; at or before now, it must be revalidated before use. */
  readonly expires: number;
  /** Its `ETag`, for `If-None-Match`. */
  readonly etag: string | undefined;
  /** Its `Last-Modified`, for `If-Modified-Since`. */
  readonly lastModified: string | undefined;
}

/** How long an answer with no explicit lifetime and no `Last-Modified` is fresh: contexts rarely change. */
export const HEURISTIC_FRESHNESS_MS = 5 * 60_000;
/** The most a heuristic lifetime from `Last-Modified` gives (RFC 9111 suggests 10% of its age). */
const HEURISTIC_CAP_MS = 24 * 3_600_000;

/**
 * The directives of `Cache-Control` by lowercased name (`''` for one without a value; quotes
 * removed); a directive that occurs again is ignored.
 *
 * @internal
 * @param value - the field value (or `null`).
 * @returns the directives.
 * @example
 * ```ts
 * import { cacheControl } from './http-freshness.js';
 * cacheControl('public, Max-Age=600, no-cache="set-cookie"'); // Map { 'public' => '', 'max-age' => '600', 'no-cache' => 'set-cookie' }
 * ```
 */
export function cacheControl(value: string | null): Map<string, string> {
  const directives = new Map<string, string>();
  if (value === null) return directives;
  const pattern = /\s*([^\s=,]+)\s*(?:=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*)))?\s*(?:,|$)/gy;
  for (let match = pattern.exec(value); match !== null && match[0] !== ''; match = pattern.exec(value)) {
    const name = (match[1] as string).toLowerCase();
    const directive = match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : (match[3] ?? '');
    if (!directives.has(name)) directives.set(name, directive);
  }
  return directives;
}

/**
 * The freshness of a response received at `now`: `no-store` is not kept; `no-cache` (unqualified)
 * or `max-age=0` is stale at once; else `max-age`, else `Expires` − `Date`, else 10% of the time
 * since `Last-Modified` (at most a day), else {@link HEURISTIC_FRESHNESS_MS}; less `Age`.
 *
 * @internal
 * @param headers - the response's headers (a 304's, over those kept: pass the merged ones).
 * @param now - when it was received (`Date.now()`).
 * @returns the freshness.
 * @example
 * ```ts
 * import { freshnessOf } from './http-freshness.js';
 * freshnessOf(new Headers({ 'cache-control': 'max-age=60', etag: '"v1"' }), 0); // { store: true, expires: 60000, etag: '"v1"', lastModified: undefined }
 * ```
 */
export function freshnessOf(headers: Headers, now: number): Freshness {
  const directives = cacheControl(headers.get('cache-control'));
  const etag = headers.get('etag') ?? undefined;
  const lastModified = headers.get('last-modified') ?? undefined;
  const store = !directives.has('no-store');
  const age = seconds(headers.get('age')) ?? 0;
  const lifetime = lifetimeOf(directives, headers, now);
  return { store, expires: now + lifetime - age * 1000, etag, lastModified };
}

/** The freshness lifetime in milliseconds (RFC 9111, 4.2.1 and 4.2.2). */
function lifetimeOf(directives: Map<string, string>, headers: Headers, now: number): number {
  // `no-cache="field"` only concerns those fields: the rest of the answer may be reused.
  if (directives.get('no-cache') === '') return 0;
  if (!headers.has('cache-control') && /(^|,)\s*no-cache\s*(,|$)/i.test(headers.get('pragma') ?? '')) return 0;
  if (directives.has('max-age')) return (seconds(directives.get('max-age') ?? null) ?? 0) * 1000;
  const expires = headers.get('expires');
  if (expires !== null) {
    const at = Date.parse(expires);
    // An invalid Expires (such as "0") means already expired.
    if (Number.isNaN(at)) return 0;
    const date = Date.parse(headers.get('date') ?? '');
    return Math.max(0, at - (Number.isNaN(date) ? now : date));
  }
  const modified = Date.parse(headers.get('last-modified') ?? '');
  if (!Number.isNaN(modified)) {
    const date = Date.parse(headers.get('date') ?? '');
    return Math.min(HEURISTIC_CAP_MS, Math.max(0, ((Number.isNaN(date) ? now : date) - modified) / 10));
  }
  return HEURISTIC_FRESHNESS_MS;
}

/** A delta-seconds value (a non-negative integer), or `undefined`. */
function seconds(value: string | null): number | undefined {
  if (value === null || !/^\s*\d+\s*$/.test(value)) return undefined;
  return Number(value);
}
