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
 */
export class ResponseCache {
  private readonly entries = new Map<string, Encoded & { readonly bytes: Uint8Array }>();
  private size = 0;
  private version: number | string | undefined;

  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes: number,
  ) {}

  /** The answer kept under `key` at `version`; a new version empties the cache first. */
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
   */
  set(key: string, version: number | string, encoded: Encoded): void {
    const { bytes } = encoded;
    if (version !== this.version || bytes === null || bytes.byteLength > this.maxBytes) return;
    const old = this.entries.get(key);
    if (old !== undefined) {
      this.entries.delete(key);
      this.size -= old.bytes.byteLength;
    }
    this.entries.set(key, { ...encoded, bytes });
    this.size += bytes.byteLength;
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.size <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.size -= entry.bytes.byteLength;
    }
  }
}
