/**
 * Which values the explorer may turn into something clickable, and how an IRI travels in the
 * page's fragment. Kept free of the DOM so that it can be tested in Node.
 *
 * A clickable link never becomes an `href` to its own target: the explorer's anchors point at
 * `#<iri>` (its own fragment), and only an IRI that resolves to `http:` or `https:` gets one at
 * all. `javascript:`, `data:` and every other scheme are shown as text.
 *
 * @module
 */

/**
 * A link the explorer may follow.
 *
 * @example
 * ```ts
 * import type { SafeLink } from './links.js';
 * const link: SafeLink = { iri: '/conversations/Pvwqm5G', url: 'http://127.0.0.1:8080/conversations/Pvwqm5G' };
 * ```
 */
export interface SafeLink {
  /** The IRI to navigate to: path, query and fragment when on the page's origin, else the absolute URL. */
  readonly iri: string;
  /** The absolute URL. */
  readonly url: string;
}

/**
 * Resolves a link value against a base and keeps it only when it is an `http(s)` URL.
 *
 * @param value - the link as the document wrote it.
 * @param base - the base to resolve against (the resource's URL).
 * @param origin - the explorer's origin: links there are shown by their path.
 * @returns the link, or `undefined` when it must not be clickable.
 * @example
 * ```ts
 * import { safeLink } from './links.js';
 * safeLink('/conversations/Pvwqm5G', 'http://localhost:8080/contacts/DQeeO69/conversations', 'http://localhost:8080')?.iri;
 * // '/conversations/Pvwqm5G'
 * safeLink('javascript:alert(1)', 'http://localhost:8080/', 'http://localhost:8080'); // undefined
 * ```
 */
export function safeLink(value: string, base: string, origin: string): SafeLink | undefined {
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  // Credentials in a URL are never shown as a clickable target.
  if (url.username !== '' || url.password !== '') return undefined;
  const iri = url.origin === origin ? `${url.pathname}${url.search}${url.hash}` : url.href;
  return { iri, url: url.href };
}

/**
 * The fragment (without `#`) that carries an IRI in the explorer's address.
 *
 * @param iri - the IRI.
 * @returns the fragment text; {@link iriFromHash} reverses it.
 * @example
 * ```ts
 * import { hashOf } from './links.js';
 * hashOf('/contacts/DQeeO69/conversations?cursor=a#b'); // '/contacts/DQeeO69/conversations?cursor=a%23b'
 * ```
 */
export function hashOf(iri: string): string {
  try {
    return encodeURI(iri).replace(/#/g, '%23');
  } catch {
    return '';
  }
}

/**
 * The IRI carried by a fragment.
 *
 * @param hash - `location.hash`, with or without its `#`.
 * @returns the IRI, or `undefined` for an empty or malformed fragment.
 * @example
 * ```ts
 * import { iriFromHash } from './links.js';
 * iriFromHash('#/conversations/Pvwqm5G'); // '/conversations/Pvwqm5G'
 * ```
 */
export function iriFromHash(hash: string): string | undefined {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  if (raw === '') return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

/**
 * Heuristic for properties no type definition describes: a string is taken for a link when it is
 * an absolute path or an `http(s)` URL.
 *
 * @param value - a property value.
 * @returns whether to treat it as a link.
 * @example
 * ```ts
 * import { looksLikeLink } from './links.js';
 * looksLikeLink('/conversations/Pvwqm5G'); // true
 * looksLikeLink('(303) 555-5678'); // false
 * ```
 */
export function looksLikeLink(value: string): boolean {
  return (value.startsWith('/') && !value.startsWith('//')) || /^https?:\/\//i.test(value);
}
