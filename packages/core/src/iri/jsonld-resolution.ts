/**
 * Resolution as JSON-LD does it, ported from jsonld.js `lib/url.js` so that relative references
 * resolve byte for byte as jsonld resolves them (it does not normalise like WHATWG `URL`: no
 * lower-casing, no percent-encoding, no trailing slash added to an empty path). The expander
 * uses it; `resolveIri` in `reference.ts` is what a client following a link (or `fetch`) does.
 *
 * A module apart from `reference.ts`, which the decoder needs: a bundler puts a module used by
 * the first chunk and by a lazy one (the expander) in the first chunk whole, with the exports only
 * the lazy one uses.
 *
 * @module
 */

const ABSOLUTE = /^([A-Za-z][A-Za-z0-9+-.]*|_):[^\s]*$/;
const DOT_SEGMENT = /(?:^|\/)\.\.?(?:\/|$)/;
const FULL_PARSER =
  /^(([a-zA-Z][a-zA-Z0-9+-.]*):)?(?:\/\/((?:(([^:@]*)(?::([^:@]*))?)?@)?([^:/?#]*)(?::(\d*))?))?(?:(((?:[^?#/]*\/)*)([^?#]*))(?:\?([^#]*))?(?:#(.*))?)/;

/** Whether a value is an absolute IRI (or a blank node identifier), as jsonld tells. @internal */
export function isAbsoluteIri(value: string): boolean {
  return ABSOLUTE.test(value);
}

interface ParsedIri {
  readonly protocol: string | null;
  readonly authority: string | null;
  readonly path: string;
  readonly query: string | null;
  readonly fragment: string | null;
  /** `scheme://authority`, what an absolute-path reference is appended to. */
  readonly head: string;
}

function parseIri(text: string): ParsedIri {
  const m = FULL_PARSER.exec(text);
  const scheme = m?.[2] ?? null;
  const port = m?.[8] ?? null;
  let authority = m?.[3] ?? null;
  // jsonld drops default ports while parsing (only from the authority's first occurrence).
  if (authority !== null && ((scheme === 'https' && port === '443') || (scheme === 'http' && port === '80'))) {
    authority = authority.replace(`:${port}`, '');
  }
  const protocol = m?.[1] ?? null;
  const head = (protocol ?? '') + (authority !== null ? `//${authority}` : '');
  return { protocol, authority, path: m?.[9] ?? '', query: m?.[12] ?? null, fragment: m?.[13] ?? null, head };
}

function removeDotSegments(path: string): string {
  if (path.length === 0) return '';
  if (path.indexOf('.') === -1 || !DOT_SEGMENT.test(path)) return path;
  const input = path.split('/');
  const output: string[] = [];
  for (let i = 0; i < input.length; i++) {
    const next = input[i] as string;
    const done = i === input.length - 1;
    if (next === '.') {
      if (done) output.push('');
      continue;
    }
    if (next === '..') {
      output.pop();
      if (done) output.push('');
      continue;
    }
    output.push(next);
  }
  if (path[0] === '/' && output.length > 0 && output[0] !== '') output.unshift('');
  if (output.length === 1 && output[0] === '') return '/';
  return output.join('/');
}

const parsedBases = new Map<string, ParsedIri>();

function parsedBase(base: string): ParsedIri {
  let parsed = parsedBases.get(base);
  if (parsed === undefined) {
    parsed = parseIri(base);
    if (parsedBases.size >= 256) parsedBases.clear();
    parsedBases.set(base, parsed);
  }
  return parsed;
}

/**
 * Resolves an IRI reference against a base exactly as jsonld.js's `prependBase` does (RFC 3986
 * §5.2.2 without normalisation); a `null` base leaves the reference as it is.
 *
 * @param base - the base IRI (`undefined` or `''` for none, `null` to skip resolution).
 * @param iri - the reference.
 * @returns the resolved IRI.
 * @example
 * ```ts
 * import { prependBase } from './jsonld-resolution.js';
 * prependBase('https://api.example:443/a/b', '../c'); // 'https://api.example/c'
 * ```
 * @internal
 */
export function prependBase(base: string | null | undefined, iri: string): string {
  if (base === null) return iri;
  if (isAbsoluteIri(iri)) return iri;
  const b = parsedBase(base ?? '');
  // Fast path: an absolute-path reference (`/contacts/1`), the usual shape of API links.
  if (iri.charCodeAt(0) === 47 && iri.charCodeAt(1) !== 47) {
    let end = iri.length;
    for (let i = 1; i < iri.length; i++) {
      const c = iri.charCodeAt(i);
      if (c === 63 || c === 35) {
        end = i;
        break;
      }
    }
    if (end === iri.length) return b.head + removeDotSegments(iri);
    return b.head + removeDotSegments(iri.slice(0, end)) + iri.slice(end);
  }
  const rel = parseIri(iri);
  const protocol = b.protocol ?? '';
  let authority: string | null;
  let path: string;
  let query: string | null;
  if (rel.authority !== null) {
    authority = rel.authority;
    path = rel.path;
    query = rel.query;
  } else {
    authority = b.authority;
    if (rel.path === '') {
      path = b.path;
      query = rel.query !== null ? rel.query : b.query;
    } else {
      if (rel.path.indexOf('/') === 0) {
        path = rel.path;
      } else {
        let merged = b.path.slice(0, b.path.lastIndexOf('/') + 1);
        if ((merged.length > 0 || b.authority) && !merged.endsWith('/')) merged += '/';
        path = merged + rel.path;
      }
      query = rel.query;
    }
  }
  if (rel.path !== '') path = removeDotSegments(path);
  let out = protocol;
  if (authority !== null) out += `//${authority}`;
  out += path;
  if (query !== null) out += `?${query}`;
  if (rel.fragment !== null) out += `#${rel.fragment}`;
  return out === '' ? './' : out;
}
