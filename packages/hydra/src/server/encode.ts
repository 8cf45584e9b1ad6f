/**
 * Encoded answers: the bytes, header fields and strong ETag of an answer, and what one request
 * gets of it (all of it, or no body for HEAD and for a matching `If-None-Match`).
 *
 * @module
 */

const encoder = new TextEncoder();

/** Bodies up to this many UTF-16 units are encoded through {@link scratch}; longer ones by `encode`. */
const SCRATCH_LIMIT = 1 << 20;
/** Reused by {@link utf8}: at most 3 bytes per UTF-16 unit, so `encodeInto` never runs out. */
let scratch = new Uint8Array(0);

/**
 * The UTF-8 bytes of a body. `encodeInto` a reused buffer, then one copy of what was written, is
 * ~1.7x faster than `encode` in Node 20 on a 79 KB page (`encode` makes its bytes in C++ and
 * copies them to a new buffer with extra checks); above {@link SCRATCH_LIMIT} the scratch buffer
 * would outgrow what is worth keeping, and `encode` is used.
 */
function utf8(text: string): Uint8Array {
  if (text.length > SCRATCH_LIMIT) return encoder.encode(text);
  const most = text.length * 3;
  if (scratch.length < most) scratch = new Uint8Array(Math.max(most, 64 * 1024));
  const { written } = encoder.encodeInto(text, scratch);
  return scratch.slice(0, written);
}

/**
 * The UTF-8 bytes of a node's JSON text, byte for byte `JSON.stringify(node)`'s, made piece by
 * piece: each element of an array at the node's top level (a collection's members) is
 * stringified and encoded on its own. V8 writes a string in two bytes a character as soon as one
 * character needs them (an emoji, a curly quote, any letter beyond Latin-1), and Node 20 turns such
 * a string into UTF-8 several times slower than a one-byte one; piece by piece, only the members
 * that hold such a character pay for it. On the reference server's 25-member page, where one
 * message says 👍: 375 → 240 µs (`JSON.stringify` alone: 150 µs).
 *
 * A node whose pieces could differ from the whole is stringified whole: an array, or a node or
 * top-level value with a `toJSON` method (which `JSON.stringify` calls with the key it is under).
 *
 * @internal
 * @param node - the node.
 * @param stringify - its JSON text as the registry writes it (`registry.encodeText`), which also
 * throws the registry's error for a node that has none (a cycle, too deep, a `BigInt`).
 * @returns the bytes.
 * @example
 * ```ts
 * import { jsonBytes } from './encode.js';
 * const page = { member: [{ text: '👍' }, { text: 'ok' }], totalItems: 2 };
 * new TextDecoder().decode(jsonBytes(page, JSON.stringify)) === JSON.stringify(page); // true
 * ```
 */
export function jsonBytes(node: object, stringify: (node: object) => string): Uint8Array {
  if (!Array.isArray(node) && !hasToJson(node) && !writing) {
    writing = true;
    try {
      const bytes = piecewise(node as Record<string, unknown>);
      if (bytes !== undefined) return bytes;
    } catch {
      // Written whole below: the registry's text, or its error.
    } finally {
      writing = false;
    }
  }
  return utf8(stringify(node));
}

/** Whether {@link jsonBytes} is writing into {@link pieces} (a `toJSON` deep inside may call it again). */
let writing = false;
/** Reused by {@link piecewise}, as {@link scratch} by {@link utf8}, while no bigger than {@link SCRATCH_LIMIT} × 3. */
let pieces = new Uint8Array(64 * 1024);

function hasToJson(value: object): boolean {
  return typeof (value as { toJSON?: unknown }).toJSON === 'function';
}

/** `JSON.stringify(node)` as bytes, a top-level array's elements one by one; `undefined` when that could differ. */
function piecewise(node: Record<string, unknown>): Uint8Array | undefined {
  let buffer = pieces;
  let length = 0;
  const room = (more: number): void => {
    if (length + more <= buffer.length) return;
    const grown = new Uint8Array(Math.max(buffer.length * 2, length + more));
    grown.set(buffer.subarray(0, length));
    buffer = grown;
  };
  const byte = (b: number): void => {
    room(1);
    buffer[length++] = b;
  };
  const text = (t: string): void => {
    room(t.length * 3);
    length += encoder.encodeInto(t, buffer.subarray(length)).written;
  };
  byte(0x7b); // {
  let first = true;
  for (const key of Object.keys(node)) {
    const value = node[key];
    // What JSON.stringify leaves out of an object.
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') continue;
    if (typeof value === 'object' && value !== null && hasToJson(value)) return undefined;
    if (!first) byte(0x2c); // ,
    first = false;
    text(JSON.stringify(key));
    byte(0x3a); // :
    if (!Array.isArray(value)) {
      text(JSON.stringify(value));
      continue;
    }
    byte(0x5b); // [
    for (let i = 0; i < value.length; i++) {
      if (i > 0) byte(0x2c);
      const item: unknown = value[i];
      if (typeof item === 'object' && item !== null && hasToJson(item)) return undefined;
      // undefined, a function or a symbol is `null` in an array, as a hole is.
      text(JSON.stringify(item) ?? 'null');
    }
    byte(0x5d); // ]
  }
  byte(0x7d); // }
  if (buffer.length <= SCRATCH_LIMIT * 3) pieces = buffer;
  return buffer.slice(0, length);
}

/** Node's synchronous hash, where the runtime has one (`process.getBuiltinModule`, Node ≥ 20.16), without importing `node:crypto`. */
type NodeCreateHash = (algorithm: 'sha256') => { update(data: Uint8Array): { digest(): Uint8Array } };
const nodeCreateHash: NodeCreateHash | undefined = (() => {
  const processLike = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const crypto = processLike?.getBuiltinModule?.('node:crypto') as { createHash?: NodeCreateHash } | undefined;
  return crypto?.createHash;
})();

/**
 * An answer encoded but not yet a `Response`: what a response and the wire form are made from,
 * and what the response cache keeps.
 *
 * @internal
 * @example
 * ```ts
 * import { Encoded } from './encode.js';
 * const noContent = new Encoded(204, { 'x-content-type-options': 'nosniff' }, null);
 * ```
 */
export class Encoded {
  #wireHeaders: Readonly<Record<string, string | readonly string[]>> | undefined;

  /**
   * @param status - the status.
   * @param headers - the header fields.
   * @param bytes - the body, `null` for none.
   * @param etag - the strong ETag (`200` answers to `GET`/`HEAD` only).
   */
  constructor(
    readonly status: number,
    readonly headers: Readonly<Record<string, string>>,
    readonly bytes: Uint8Array | null,
    readonly etag?: string,
  ) {}

  /**
   * The header fields as the answer's `Response` would list them (`Set-Cookie` as a list), made
   * once: a kept answer is written many times.
   *
   * @returns the fields by lower-case name.
   * @example
   * ```ts
   * import { Encoded } from './encode.js';
   * new Encoded(200, { 'Content-Type': 'application/ld+json' }, null).wireHeaders(); // { 'content-type': 'application/ld+json' }
   * ```
   */
  wireHeaders(): Readonly<Record<string, string | readonly string[]>> {
    if (this.#wireHeaders === undefined) {
      // Through a Response's own Headers, so that names, values and their order are exactly what
      // an adapter reading a Response would write.
      const fields = new Response(null, { headers: this.headers }).headers;
      const out: Record<string, string | readonly string[]> = {};
      fields.forEach((value, key) => {
        out[key] = value;
      });
      const cookies = fields.getSetCookie();
      if (cookies.length > 0) out['set-cookie'] = cookies;
      this.#wireHeaders = out;
    }
    return this.#wireHeaders;
  }
}

/**
 * An encoded answer as one request gets it: in full, or without its body (HEAD, 304).
 *
 * @internal
 * @example
 * ```ts
 * import { decide, Encoded, type Decided } from './encode.js';
 * const decided: Decided = decide(new Request('http://localhost/', { method: 'HEAD' }), new Encoded(200, {}, new Uint8Array([1])));
 * decided.body; // null
 * ```
 */
export interface Decided {
  /** The answer. */
  readonly encoded: Encoded;
  /** The status this request gets (304 for a matching `If-None-Match`). */
  readonly status: number;
  /** The body this request gets: `null` for HEAD, 304 and answers without one. */
  readonly body: Uint8Array | null;
}

/**
 * What a request gets of an encoded answer: a 304 when its `If-None-Match` names the ETag, no
 * body for HEAD.
 *
 * @internal
 * @param request - the request.
 * @param encoded - the answer.
 * @returns the answer as this request gets it.
 * @example
 * ```ts
 * import { decide, Encoded } from './encode.js';
 * const request = new Request('http://localhost/', { headers: { 'if-none-match': '"abc"' } });
 * decide(request, new Encoded(200, {}, new Uint8Array([1]), '"abc"')).status; // 304
 * ```
 */
export function decide(request: Request, encoded: Encoded): Decided {
  const { status, bytes, etag } = encoded;
  if (bytes === null) return { encoded, status, body: null };
  if (etag !== undefined && etagMatches(request.headers.get('if-none-match'), etag)) return { encoded, status: 304, body: null };
  return { encoded, status, body: request.method === 'HEAD' ? null : bytes };
}

/**
 * Encodes a text answer: UTF-8 bytes, and for a `200` to `GET`/`HEAD` a strong ETag (from
 * `kept` when the text was encoded before: contexts and the API documentation never change).
 *
 * @internal
 * @param method - the request method.
 * @param status - the status.
 * @param headers - the header fields (`etag` is added to them).
 * @param text - the body text.
 * @param kept - bytes and ETag of this text from an earlier call, if any.
 * @returns the answer, and the bytes and ETag to keep for a text that never changes.
 * @example
 * ```ts
 * import { encodeText } from './encode.js';
 * const { encoded } = await encodeText('GET', 200, { 'content-type': 'application/ld+json' }, '{}');
 * encoded.etag; // '"44136fa355b3678a1146ad16f7e8649e"'
 * ```
 */
export async function encodeText(
  method: string,
  status: number,
  headers: Record<string, string>,
  text: string,
  kept?: KeptBytes,
): Promise<{ readonly encoded: Encoded; readonly kept?: KeptBytes }> {
  if (kept !== undefined && status === 200 && (method === 'GET' || method === 'HEAD')) {
    headers['etag'] = kept.etag;
    return { encoded: new Encoded(status, headers, kept.bytes, kept.etag), kept };
  }
  return encodeBytes(method, status, headers, utf8(text));
}

/**
 * {@link encodeText} of a body already in bytes (see {@link jsonBytes}).
 *
 * @internal
 * @param method - the request method.
 * @param status - the status.
 * @param headers - the header fields (`etag` is added to them).
 * @param bytes - the body's UTF-8 bytes.
 * @returns the answer, and its bytes and ETag.
 * @example
 * ```ts
 * import { encodeBytes } from './encode.js';
 * const { encoded } = await encodeBytes('GET', 200, {}, new TextEncoder().encode('{}'));
 * encoded.etag; // '"44136fa355b3678a1146ad16f7e8649e"'
 * ```
 */
export async function encodeBytes(
  method: string,
  status: number,
  headers: Record<string, string>,
  bytes: Uint8Array,
): Promise<{ readonly encoded: Encoded; readonly kept?: KeptBytes }> {
  if (status !== 200 || (method !== 'GET' && method !== 'HEAD')) return { encoded: new Encoded(status, headers, bytes) };
  const etag = nodeCreateHash ? etagOf(nodeCreateHash('sha256').update(bytes).digest()) : await strongEtag(bytes);
  headers['etag'] = etag;
  return { encoded: new Encoded(status, headers, bytes, etag), kept: { bytes, etag } };
}

/**
 * The bytes and strong ETag of a text, kept for texts that never change.
 *
 * @internal
 * @example
 * ```ts
 * import type { KeptBytes } from './encode.js';
 * const kept: KeptBytes = { bytes: new TextEncoder().encode('{}'), etag: '"44136fa355b3678a1146ad16f7e8649e"' };
 * ```
 */
export interface KeptBytes {
  /** The UTF-8 bytes. */
  readonly bytes: Uint8Array;
  /** Their strong ETag. */
  readonly etag: string;
}

/** The first 128 bits of the SHA-256 of the bytes, as a strong ETag. */
async function strongEtag(bytes: Uint8Array): Promise<string> {
  return etagOf(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)));
}

/**
 * The strong ETag of a SHA-256 digest: its first 128 bits in hex. Node's synchronous `createHash`
 * gives the same digest as `crypto.subtle` at ~0.6 of its cost on a 79 KB page (no job queued to
 * a thread, no promise), so it is used where the runtime has it.
 */
function etagOf(digest: Uint8Array): string {
  let hex = '';
  for (let i = 0; i < 16; i++) hex += (digest[i] as number).toString(16).padStart(2, '0');
  return `"${hex}"`;
}

function etagMatches(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}
