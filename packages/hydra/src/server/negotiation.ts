/**
 * Content negotiation for JSON-LD APIs: picks the response media type from `Accept` (q-values,
 * wildcards) among the vendor JSON-LD types, `application/ld+json` and `application/json`, and
 * checks the `Content-Type` of request bodies.
 *
 * @module
 */

/**
 * The JSON-LD media type.
 *
 * @example
 * ```ts
 * import { JSON_LD, JSON_MEDIA_TYPE, negotiate } from '@hyperld/hydra/server';
 * negotiate(null, [JSON_LD, JSON_MEDIA_TYPE]); // 'application/ld+json' (no Accept: the server's first choice)
 * ```
 */
export const JSON_LD = 'application/ld+json';
/**
 * Plain JSON.
 *
 * @example
 * ```ts
 * import { JSON_LD, JSON_MEDIA_TYPE, negotiate } from '@hyperld/hydra/server';
 * negotiate('application/json', [JSON_LD, JSON_MEDIA_TYPE]); // 'application/json'
 * ```
 */
export const JSON_MEDIA_TYPE = 'application/json';

interface AcceptEntry {
  readonly type: string;
  readonly subtype: string;
  readonly q: number;
  readonly order: number;
}

function parseAccept(header: string): AcceptEntry[] {
  const out: AcceptEntry[] = [];
  let order = 0;
  for (const part of header.split(',')) {
    const [range = '', ...params] = part.trim().split(';');
    const [type = '', subtype = ''] = range.trim().toLowerCase().split('/');
    if (!type || !subtype) continue;
    let q = 1;
    for (const p of params) {
      const [k, v] = p.trim().split('=');
      if (k?.trim().toLowerCase() === 'q' && v !== undefined) {
        const n = Number(v.trim());
        q = Number.isFinite(n) ? Math.min(Math.max(n, 0), 1) : 0;
      }
    }
    out.push({ type, subtype, q, order: order++ });
  }
  return out;
}

/**
 * Picks the media type to answer with: the acceptable type with the highest q-value and, among
 * equals, the most specific range and then the server's order of preference.
 *
 * @param accept - the request's `Accept` header (absent means anything).
 * @param offered - the types the server can send, most preferred first.
 * @returns the chosen type, or `undefined` when none is acceptable (answer 406).
 * @example
 * ```ts
 * import { negotiate } from '@hyperld/hydra/server';
 * negotiate('application/json;q=0.5, application/ld+json', ['application/vnd.textus+jsonld', 'application/ld+json', 'application/json']);
 * // 'application/ld+json'
 * ```
 */
export function negotiate(accept: string | null | undefined, offered: readonly string[]): string | undefined {
  if (accept === null || accept === undefined || accept.trim() === '') return offered[0];
  const entries = parseAccept(accept);
  let best: { type: string; q: number; specificity: number; rank: number } | undefined;
  offered.forEach((candidate, rank) => {
    const [type = '', subtype = ''] = candidate.toLowerCase().split('/');
    let match: { q: number; specificity: number } | undefined;
    for (const e of entries) {
      const specificity = e.type === type && e.subtype === subtype ? 2 : e.type === type && e.subtype === '*' ? 1 : e.type === '*' && e.subtype === '*' ? 0 : -1;
      if (specificity < 0) continue;
      if (!match || specificity > match.specificity) match = { q: e.q, specificity };
    }
    if (!match || match.q <= 0) return;
    if (!best || match.q > best.q || (match.q === best.q && match.specificity > best.specificity)) {
      best = { type: candidate, q: match.q, specificity: match.specificity, rank };
    }
  });
  return best?.type;
}

/**
 * Tells whether a request's `Content-Type` is one of the accepted JSON types (parameters such as
 * `charset` are ignored).
 *
 * @param contentType - the `Content-Type` header.
 * @param accepted - the accepted media types.
 * @returns whether the body may be read.
 * @example
 * ```ts
 * import { isAcceptedContentType } from '@hyperld/hydra/server';
 * isAcceptedContentType('application/ld+json; charset=utf-8', ['application/ld+json']); // true
 * ```
 */
export function isAcceptedContentType(contentType: string | null, accepted: readonly string[]): boolean {
  if (!contentType) return false;
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return accepted.some((a) => a.toLowerCase() === type);
}
