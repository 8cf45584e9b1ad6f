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
 * const kept: Kept = { etag: '"5d41402abc4b2a76b9719d911017c592"', node: { '@type': 'Thing' }, size: 17 };
 * ```
 */
export interface Kept {
  /** The `ETag` to revalidate with (`If-None-Match`). */
  readonly etag: string;
  /** The decoded node, handed back as it is on a 304. */
  readonly node: object;
  /** What it costs the budget: the length of the answer's text it was decoded from. */
  readonly size: number;
}

/**
 * The bounds of the client's ETag cache.
 *
 * @example
 * ```ts
 * import type { EtagCacheLimits } from '@hyperld/hydra/client';
 * const limits: EtagCacheLimits = { maxEntries: 100, maxSize: 4 << 20 };
 * ```
 */
export interface EtagCacheLimits {
  /** The most nodes kept (default 500); the least recently used go first. */
  readonly maxEntries?: number;
  /**
   * The most text kept, summed over the answers the nodes were decoded from, in UTF-16 code units
   * as `maxSize` counts them (default 32 Mi, about 64 MB of strings; a decoded node costs a few
   * times its text). An answer longer than this alone is not kept.
   */
  readonly maxSize?: number;
}

const DEFAULT_MAX_ENTRIES = 500;
const DEFAULT_MAX_SIZE = 32 * 1024 * 1024;

/**
 * Decoded nodes by absolute URL, least recently used first out.
 *
 * @internal
 * @example
 * ```ts
 * import { EtagCache } from './etag-cache.js';
 * const cache = new EtagCache();
 * cache.set('https://api.example/things/1', '"v1"', { '@type': 'Thing' }, 17);
 * cache.invalidate(new URL('https://api.example/things/1/close')); // a PUT below it: dropped
 * cache.get('https://api.example/things/1'); // undefined
 * ```
 */
export class EtagCache {
  readonly #entries = new Map<string, Kept>();
  readonly #maxEntries: number;
  readonly #maxSize: number;
  #size = 0;

  /** @param limits - how many nodes, and how much text, it keeps at most. */
  constructor(limits: EtagCacheLimits = {}) {
    this.#maxEntries = limits.maxEntries ?? DEFAULT_MAX_ENTRIES;
    this.#maxSize = limits.maxSize ?? DEFAULT_MAX_SIZE;
  }

  /** How much text the kept nodes were decoded from, in all. */
  get size(): number {
    return this.#size;
  }

  /** How many nodes are kept. */
  get entries(): number {
    return this.#entries.size;
  }

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
   * Keeps a node with its `ETag`, dropping the least recently used past the limits; an answer
   * over the whole text budget is not kept (and drops what was kept for its URL).
   *
   * @param url - its URL.
   * @param etag - the `ETag` it came with.
   * @param node - the decoded node.
   * @param size - the length of the text it was decoded from.
   */
  set(url: string, etag: string, node: object, size: number): void {
    this.#drop(url);
    if (size > this.#maxSize || this.#maxEntries <= 0) return;
    this.#entries.set(url, { etag, node, size });
    this.#size += size;
    while (this.#entries.size > this.#maxEntries || this.#size > this.#maxSize) {
      this.#drop(this.#entries.keys().next().value as string);
    }
  }

  #drop(url: string): void {
    const kept = this.#entries.get(url);
    if (kept === undefined) return;
    this.#entries.delete(url);
    this.#size -= kept.size;
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
      if (path === target || target.startsWith(path.endsWith('/') ? path : `${path}/`)) this.#drop(key);
    }
  }
}
