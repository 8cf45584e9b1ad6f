/**
 * The response cache of a handler (`responseCache`): encoded answers kept per key and data
 * version, least recently used first out.
 *
 * @module
 */
import type { Encoded } from './encode.js';

/**
 * The response cache of a handler: least recently used first out, bounded in entries and bytes,
 * emptied whenever the data version changes.
 *
 * @internal
 * @example
 * ```ts
 * import { Encoded } from './encode.js';
 * import { ResponseCache } from './response-cache.js';
 * const cache = new ResponseCache(256, 32 * 1024 * 1024);
 * cache.get('key', 1); // undefined: version 1 starts empty
 * cache.set('key', 1, new Encoded(200, {}, new Uint8Array([1]), '"etag"'));
 * cache.get('key', 1); // the answer; cache.get('key', 2) would empty the cache
 * ```
 */
export class ResponseCache {
  /** Answers with a body, by key, least recently used first. */
  private readonly entries = new Map<string, Encoded & { readonly bytes: Uint8Array }>();
  private size = 0;
  private version: number | string | undefined;

  /**
   * @param maxEntries - the most answers kept.
   * @param maxBytes - the most body bytes kept, all answers together.
   */
  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes: number,
  ) {}

  /**
   * The answer kept under `key` at `version`; a new version empties the cache first.
   *
   * @param key - the key.
   * @param version - the data version the request is answered at.
   * @returns the kept answer, or `undefined`.
   */
  get(key: string, version: number | string): Encoded | undefined {
    if (version !== this.version) {
      this.entries.clear();
      this.size = 0;
      this.version = version;
      return undefined;
    }
    const entry = this.entries.get(key);
    if (entry !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  /**
   * Keeps an answer rendered at `version`, unless the cache has moved to another version since
   * (the answer may then be stale).
   *
   * @param key - the key.
   * @param version - the data version read before the answer was rendered.
   * @param encoded - the answer (one without a body is not kept).
   */
  set(key: string, version: number | string, encoded: Encoded): void {
    if (version !== this.version || !hasBytes(encoded) || encoded.bytes.byteLength > this.maxBytes) return;
    const { bytes } = encoded;
    const old = this.entries.get(key);
    if (old !== undefined) {
      this.entries.delete(key);
      this.size -= old.bytes.byteLength;
    }
    this.entries.set(key, encoded);
    this.size += bytes.byteLength;
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.size <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.size -= entry.bytes.byteLength;
    }
  }
}

function hasBytes(encoded: Encoded): encoded is Encoded & { readonly bytes: Uint8Array } {
  return encoded.bytes !== null;
}
