/**
 * The client's ETag cache: decoded nodes kept with their `ETag` for conditional GETs, and dropped
 * when an unsafe request may have changed them.
 *
 * @module
 */

/**
 * A node kept with the `ETag` it came with.
 *
 * @internal
 * @example
 * ```ts
 * import type { Kept } from './etag-cache.js';
 * const kept: Kept = { etag: '"5d41402abc4b2a76b9719d911017c592"', node: { '@type': 'Thing' } };
 * ```
 */
export interface Kept {
  /** The `ETag` to revalidate with (`If-None-Match`). */
  readonly etag: string;
  /** The decoded node, handed back as it is on a 304. */
  readonly node: object;
}

/** The most nodes kept; the oldest go first. */
const MAX_ENTRIES = 500;

/**
 * Decoded nodes by absolute URL, least recently used first out.
 *
 * @internal
 * @example
 * ```ts
 * import { EtagCache } from './etag-cache.js';
 * const cache = new EtagCache();
 * cache.set('https://api.example/things/1', '"v1"', { '@type': 'Thing' });
 * cache.invalidate(new URL('https://api.example/things/1/close')); // a PUT below it: dropped
 * cache.get('https://api.example/things/1'); // undefined
 * ```
 */
export class EtagCache {
  readonly #entries = new Map<string, Kept>();

  /**
   * @param url - an absolute URL.
   * @returns what is kept for it, if anything.
   */
  get(url: string): Kept | undefined {
    return this.#entries.get(url);
  }

  /**
   * Marks a kept node as just confirmed by a 304 (the most recently used).
   *
   * @param url - its URL.
   * @param kept - what was kept for it.
   */
  revalidated(url: string, kept: Kept): void {
    this.#entries.delete(url);
    this.#entries.set(url, kept);
  }

  /**
   * Keeps a node with its `ETag`, dropping the oldest past 500 entries.
   *
   * @param url - its URL.
   * @param etag - the `ETag` it came with.
   * @param node - the decoded node.
   */
  set(url: string, etag: string, node: object): void {
    this.#entries.set(url, { etag, node });
    if (this.#entries.size > MAX_ENTRIES) this.#entries.delete(this.#entries.keys().next().value as string);
  }

  /**
   * Drops what an unsafe request to `url` may have changed: the resource itself and those whose
   * path it lies beneath (a PUT to `…/conversations/1/close` changes `…/conversations/1`).
   *
   * @param url - the URL of the unsafe request.
   */
  invalidate(url: URL): void {
    const target = url.origin + url.pathname;
    for (const key of [...this.#entries.keys()]) {
      const k = new URL(key);
      const path = k.origin + k.pathname;
      if (path === target || target.startsWith(path.endsWith('/') ? path : `${path}/`)) this.#entries.delete(key);
    }
  }
}
