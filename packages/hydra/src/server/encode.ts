/**
 * Encoded answers: bytes, header fields and the strong ETag of an answer, and what one request
 * gets of it (all of it, or no body for HEAD and a matching `If-None-Match`).
 *
 * @module
 */

export const encoder = new TextEncoder();

/** An answer encoded but not yet a `Response`: what a response is made from, and what the cache keeps. */
export interface Encoded {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** The body, `null` for none. */
  readonly bytes: Uint8Array | null;
  /** The strong ETag (`200` answers to `GET`/`HEAD` only). */
  readonly etag?: string;
}

/** An encoded answer as one request gets it: in full, or without its body (HEAD, 304). */
export interface Decided {
  readonly encoded: Encoded;
  readonly status: number;
  readonly body: Uint8Array | null;
}

export function decide(request: Request, encoded: Encoded): Decided {
  const { status, bytes, etag } = encoded;
  if (bytes === null) return { encoded, status, body: null };
  if (etag !== undefined && etagMatches(request.headers.get('if-none-match'), etag)) return { encoded, status: 304, body: null };
  return { encoded, status, body: request.method === 'HEAD' ? null : bytes };
}

export async function strongEtag(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  let hex = '';
  for (let i = 0; i < 16; i++) hex += (digest[i] as number).toString(16).padStart(2, '0');
  return `"${hex}"`;
}

export function etagMatches(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}
