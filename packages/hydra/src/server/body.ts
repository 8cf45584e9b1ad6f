/**
 * Request body intake: what a route gets of a body, refusing what can be refused before reading
 * it (415, 413 from `Content-Length`), reading the rest up to the limit, and only UTF-8 text.
 *
 * @module
 */
import type { ListedViolation } from '../problem.js';

/**
 * What became of a request body: none, its text, or why it was refused (before or while reading it).
 *
 * @internal
 * @example
 * ```ts
 * import type { BodyOutcome } from './body.js';
 * const refused: BodyOutcome = { kind: 'too-large' }; // a 413
 * ```
 */
export type BodyOutcome =
  | { readonly kind: 'none' }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'too-large' | 'unsupported-type' | 'invalid-utf8' };

const NONE: BodyOutcome = { kind: 'none' };

/** The `Content-Length` as a number, `undefined` when absent or not a plain decimal. */
function declaredLength(header: string | null): number | undefined {
  return header !== null && /^\d{1,15}$/.test(header.trim()) ? Number(header) : undefined;
}

/**
 * Takes what a route gets of a request body. Everything that can be refused without the bytes
 * is refused first: a type the server will not decode is a 415 whatever the size (reading it
 * would be for nothing), and only a body of an accepted type can be too large (413, from
 * `Content-Length` unread, or as soon as a stream passes `max`).
 *
 * @internal
 * @param request - the request.
 * @param expects - whether the route requires a body (it has an `expects` type).
 * @param acceptedType - whether the request's `Content-Type` is one the server decodes.
 * @param max - the largest body accepted, in bytes.
 * @returns the body's text, none, or why it was refused.
 * @example
 * ```ts
 * import { takeBody } from './body.js';
 * const request = new Request('http://localhost/', { method: 'PUT', body: '{}', headers: { 'content-type': 'application/ld+json' } });
 * await takeBody(request, true, true, 1024); // { kind: 'text', text: '{}' }
 * ```
 */
export async function takeBody(request: Request, expects: boolean, acceptedType: boolean, max: number): Promise<BodyOutcome> {
  const length = declaredLength(request.headers.get('content-length'));
  const body = request.body;
  if ((body === null || length === 0) && !expects) return NONE;
  if (!acceptedType) {
    // Without a required body, only an empty one passes; when its length is unknown, the first
    // chunk tells.
    if (expects || length !== undefined || body === null || !(await isEmptyStream(body))) return refuse(body, 'unsupported-type');
    return NONE;
  }
  if (length !== undefined && length > max) return refuse(body, 'too-large');
  // A required body that is missing decodes (and fails) as empty text.
  if (body === null) return { kind: 'text', text: '' };
  return readLimited(body, max);
}

/**
 * Refuses a body unread. Cancelling it tells the source it will not be read (the `node:http`
 * adapter then drains it, so that the answer reaches the client on a connection it can reuse).
 */
function refuse(body: ReadableStream<Uint8Array> | null, kind: 'too-large' | 'unsupported-type'): BodyOutcome {
  if (body !== null && !body.locked) void body.cancel().catch(() => undefined);
  return { kind };
}

/** Whether a stream ends before giving a byte; stops (and cancels it) at the first one. */
async function isEmptyStream(body: ReadableStream<Uint8Array>): Promise<boolean> {
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return true;
    if (value.byteLength > 0) {
      await reader.cancel().catch(() => undefined);
      return false;
    }
  }
}

/**
 * The stream's bytes as UTF-8 text; `too-large` (and the stream cancelled) once they pass `max`,
 * `invalid-utf8` for bytes that are not UTF-8 (replacing them with U+FFFD would hand the route
 * text the client never sent).
 */
async function readLimited(body: ReadableStream<Uint8Array>, max: number): Promise<BodyOutcome> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      return { kind: 'too-large' };
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    all.set(c, offset);
    offset += c.byteLength;
  }
  try {
    return { kind: 'text', text: utf8.decode(all) };
  } catch {
    return { kind: 'invalid-utf8' };
  }
}

/** Strict: throws on bytes that are not UTF-8 instead of replacing them. Keeps stripping a BOM, as before. */
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The violation an `invalid_utf8` answer lists: the bytes never became text, so the path is the whole body.
 *
 * @internal
 * @example
 * ```ts
 * import { INVALID_UTF8 } from './body.js';
 * INVALID_UTF8.code; // 'invalid_utf8'
 * ```
 */
export const INVALID_UTF8: ListedViolation = { code: 'invalid_utf8', path: '$', expected: 'UTF-8 text', found: 'a byte sequence that is not UTF-8' };
