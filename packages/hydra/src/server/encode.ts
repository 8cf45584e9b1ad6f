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
  if (status !== 200 || (method !== 'GET' && method !== 'HEAD')) return { encoded: new Encoded(status, headers, utf8(text)) };
  let bytes = kept;
  if (bytes === undefined) {
    const encoded = utf8(text);
    bytes = { bytes: encoded, etag: nodeCreateHash ? etagOf(nodeCreateHash('sha256').update(encoded).digest()) : await strongEtag(encoded) };
  }
  headers['etag'] = bytes.etag;
  return { encoded: new Encoded(status, headers, bytes.bytes, bytes.etag), kept: bytes };
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
