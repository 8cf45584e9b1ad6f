/**
 * Opaque page cursors and page views for keyset pagination: a cursor carries the sort key of the
 * row it starts after (or before), so pages stay stable when rows are inserted or deleted between
 * requests — unlike offsets.
 *
 * @module
 */
import { HyperldError, type JsonValue } from '@hyperld/core';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return undefined;
  }
}

/**
 * The longest cursor, in characters, that {@link decodeCursor} reads and {@link encodeCursor}
 * makes: 2048, i.e. at most 1536 bytes of JSON. Cursors travel in query strings, and a bound
 * keeps a client from making the server base64- and JSON-decode text of any length.
 *
 * @example
 * ```ts
 * import { encodeCursor, MAX_CURSOR_LENGTH } from '@hyperld/hydra/server';
 * encodeCursor({ after: 'x' }).length <= MAX_CURSOR_LENGTH; // true
 * ```
 */
export const MAX_CURSOR_LENGTH = 2048;

/** Unpadded base64 of `bytes` bytes: 4 characters per 3 bytes, 2 or 3 for a last 1 or 2. */
function base64UrlLength(bytes: number): number {
  return Math.ceil((bytes * 4) / 3);
}

/**
 * Encodes a cursor value (e.g. `{ after: ['2018-07-24T20:59:32.156Z', 'Pvwqm5G'] }`) as an opaque,
 * URL-safe string that {@link decodeCursor} gives back as the same value.
 *
 * @param value - the position, as JSON.
 * @returns the cursor string, at most {@link MAX_CURSOR_LENGTH} characters.
 * @throws `HyperldError` (from `@hyperld/core`) with code `max_size` when the cursor would be longer than
 * {@link MAX_CURSOR_LENGTH} (its JSON over 1536 UTF-8 bytes): {@link decodeCursor} would refuse
 * it, so a link carrying it could only ever get a 400. Keep sort keys short (ids, timestamps).
 * @example
 * ```ts
 * import { decodeCursor, encodeCursor } from '@hyperld/hydra/server';
 * decodeCursor(encodeCursor({ after: ['2020-01-01T00:00:00Z', 'abc'] })); // { after: [...] }
 * encodeCursor({ after: 'x'.repeat(2000) }); // throws HyperldError (code 'max_size')
 * ```
 */
export function encodeCursor(value: JsonValue): string {
  const bytes = encoder.encode(JSON.stringify(value));
  // Checked on the byte count, before base64: an oversized value costs no encoding.
  const length = base64UrlLength(bytes.byteLength);
  if (length > MAX_CURSOR_LENGTH) {
    throw new HyperldError('max_size', `The cursor would be ${length} characters long; cursors are limited to ${MAX_CURSOR_LENGTH}.`);
  }
  return toBase64Url(bytes);
}

/**
 * Decodes a cursor made by {@link encodeCursor}.
 *
 * @param cursor - the cursor string from the query.
 * @returns the position, or `undefined` when the cursor is malformed or longer than
 * {@link MAX_CURSOR_LENGTH} (answer 400).
 * @example
 * ```ts
 * import { decodeCursor } from '@hyperld/hydra/server';
 * decodeCursor('not a cursor!'); // undefined
 * ```
 */
export function decodeCursor(cursor: string): JsonValue | undefined {
  if (cursor.length > MAX_CURSOR_LENGTH) return undefined;
  const bytes = fromBase64Url(cursor);
  if (!bytes) return undefined;
  try {
    return JSON.parse(decoder.decode(bytes)) as JsonValue;
  } catch {
    return undefined;
  }
}

/**
 * Builds a `hydra:PartialCollectionView` node in the order TextUs sends it (`@type`, `@context`,
 * `id`, `first`, `next`, `previous`), with `null` at the ends.
 *
 * @param view - the page's own IRI, its neighbours and the context URL to carry.
 * @returns the view node.
 * @example
 * ```ts
 * import { pageView } from '@hyperld/hydra/server';
 * pageView({ id: '/c', first: '/c', next: '/c?cursor=abc', previous: null, context: '/contexts/hydra:PartialCollectionView.jsonld' });
 * ```
 */
export function pageView(view: {
  readonly id: string;
  readonly first: string;
  readonly next: string | null;
  readonly previous: string | null;
  readonly last?: string | null;
  readonly context?: string;
}): {
  '@type': 'hydra:PartialCollectionView';
  '@context'?: string;
  id: string;
  first: string;
  next: string | null;
  previous: string | null;
  last?: string | null;
} {
  return {
    '@type': 'hydra:PartialCollectionView',
    ...(view.context !== undefined ? { '@context': view.context } : {}),
    id: view.id,
    first: view.first,
    next: view.next,
    previous: view.previous,
    ...(view.last !== undefined ? { last: view.last } : {}),
  };
}

/**
 * Reads the page size from a query parameter, bounded by a maximum.
 *
 * @param value - the raw parameter (e.g. `url.searchParams.get('per_page')`).
 * @param options - the default and the maximum.
 * @returns the page size, or `undefined` when the value is not a positive integer (answer 400).
 * @example
 * ```ts
 * import { pageSize } from '@hyperld/hydra/server';
 * pageSize('500', { default: 25, max: 100 }); // 100
 * ```
 */
export function pageSize(value: string | null, options: { readonly default: number; readonly max: number }): number | undefined {
  if (value === null || value === '') return Math.min(options.default, options.max);
  if (!/^\d{1,9}$/.test(value)) return undefined;
  const n = Number(value);
  if (n < 1) return undefined;
  return Math.min(n, options.max);
}
