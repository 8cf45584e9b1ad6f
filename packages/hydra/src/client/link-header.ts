/**
 * HTTP `Link` header fields (RFC 8288): several links in one field, parameters as tokens or
 * quoted strings, `rel` as a list of relation types. The client reads two relations from them:
 * the API documentation (`http://www.w3.org/ns/hydra/core#apiDocumentation`) and, for plain JSON
 * answers, the JSON-LD context (`http://www.w3.org/ns/json-ld#context`).
 *
 * @module
 */

/**
 * One link of a `Link` header field.
 *
 * @example
 * ```ts
 * import type { HeaderLink } from '@hyperld/hydra/client';
 * const link: HeaderLink = { href: 'https://api.example.com/docs.jsonld', rel: ['http://www.w3.org/ns/hydra/core#apiDocumentation'], params: {} };
 * ```
 */
export interface HeaderLink {
  /** The link's target, resolved against the base (the URL of the answer it came with). */
  readonly href: string;
  /**
   * Its relation types, in order: registered names (`next`) lowercased, extension types (URIs) as
   * written. Compare them with {@link hasRel}, which ignores case as RFC 8288 says.
   */
  readonly rel: string[];
  /**
   * Its other parameters (`type`, `title`, `anchor`, …) by lowercased name, as written (quotes and
   * escapes removed; `title*` decoded from its RFC 8187 form when it is UTF-8); `''` for a name
   * without a value. A parameter that occurs again is ignored, as RFC 8288 asks for `rel`.
   */
  readonly params: Record<string, string>;
}

/**
 * Parses a `Link` header field value. Links that cannot be read (no `<…>`, a target that is not a
 * valid IRI reference) are skipped, and parsing goes on with the next one: a server's odd link
 * never hides the others.
 *
 * @param value - the field value (several `Link` fields joined with `, `, as `Headers.get` does).
 * @param base - the URL the targets are relative to: the answer's URL.
 * @returns the links, in order.
 * @example
 * ```ts
 * import { parseLinkHeader } from '@hyperld/hydra/client';
 * parseLinkHeader('</docs.jsonld>; rel="http://www.w3.org/ns/hydra/core#apiDocumentation", </books?page=2>; rel="next last"', 'https://api.example.com/books');
 * // [{ href: 'https://api.example.com/docs.jsonld', rel: ['http://www.w3.org/ns/hydra/core#apiDocumentation'], params: {} },
 * //  { href: 'https://api.example.com/books?page=2', rel: ['next', 'last'], params: {} }]
 * ```
 */
export function parseLinkHeader(value: string, base: string): HeaderLink[] {
  const links: HeaderLink[] = [];
  const scanner = new Scanner(value);
  while (!scanner.done()) {
    const link = scanner.link(base);
    if (link !== undefined) links.push(link);
  }
  return links;
}

/**
 * Whether a link has a relation type, compared without regard to case (RFC 8288, 2.1).
 *
 * @param link - a parsed link.
 * @param rel - a relation type: a registered name or a URI.
 * @returns whether the link's `rel` names it.
 * @example
 * ```ts
 * import { hasRel, parseLinkHeader } from '@hyperld/hydra/client';
 * const [link] = parseLinkHeader('<ctx.jsonld>; rel="http://www.w3.org/ns/json-ld#context"', 'https://api.example.com/');
 * hasRel(link!, 'http://www.w3.org/ns/json-ld#context'); // true
 * ```
 */
export function hasRel(link: { readonly rel: readonly string[] }, rel: string): boolean {
  const wanted = rel.toLowerCase();
  return link.rel.some((r) => r.toLowerCase() === wanted);
}

/**
 * Whether an answer can name its JSON-LD context in a `Link` header: a plain JSON answer
 * (`application/json`, or a `+json` type other than `application/ld+json`) that has one. A
 * JSON-LD answer's `Link` context is ignored (JSON-LD 1.1, section 6.1).
 *
 * @param response - the answer.
 * @returns whether its `Link` header is worth reading for a context.
 * @example
 * ```ts
 * import { mayLinkContext } from './link-header.js';
 * mayLinkContext(new Response('{}', { headers: { 'content-type': 'application/json', link: '</ctx>; rel="http://www.w3.org/ns/json-ld#context"' } })); // true
 * ```
 * @internal
 */
export function mayLinkContext(response: Response): boolean {
  const type = (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type !== 'application/json' && !(type.endsWith('+json') && type !== 'application/ld+json')) return false;
  return response.headers.has('link');
}

const WHITESPACE = new Set([' ', '\t']);
/** RFC 9110 token characters (tchar). */
const TOKEN = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/;

/** A cursor over a field value; each method reads one part and leaves the cursor after it. */
class Scanner {
  #at = 0;

  constructor(readonly text: string) {}

  done(): boolean {
    this.#skip(true);
    return this.#at >= this.text.length;
  }

  /** One link-value, up to and past its comma; `undefined` when it cannot be read. */
  link(base: string): HeaderLink | undefined {
    const text = this.text;
    if (text[this.#at] !== '<') {
      this.#skipToNextLink();
      return undefined;
    }
    const close = text.indexOf('>', this.#at + 1);
    if (close < 0) {
      this.#at = text.length;
      return undefined;
    }
    const target = text.slice(this.#at + 1, close).trim();
    this.#at = close + 1;
    const rel: string[] = [];
    let relSeen = false;
    const params: Record<string, string> = {};
    for (;;) {
      this.#skip(false);
      const c = text[this.#at];
      if (c === undefined) break;
      if (c === ',') {
        this.#at++;
        break;
      }
      if (c !== ';') {
        // Junk between parameters: this link is malformed; skip it.
        this.#skipToNextLink();
        return undefined;
      }
      this.#at++;
      this.#skip(false);
      const name = this.#token().toLowerCase();
      if (name === '') continue;
      this.#skip(false);
      let paramValue = '';
      if (text[this.#at] === '=') {
        this.#at++;
        this.#skip(false);
        paramValue = text[this.#at] === '"' ? this.#quoted() : this.#bare();
      }
      if (name === 'rel') {
        if (relSeen) continue;
        relSeen = true;
        for (const r of paramValue.split(/[ \t]+/)) if (r !== '') rel.push(r.includes(':') ? r : r.toLowerCase());
      } else if (!Object.hasOwn(params, name)) {
        params[name] = name.endsWith('*') ? decodeExtValue(paramValue) : paramValue;
      }
    }
    let href: string;
    try {
      href = new URL(target, base).href;
    } catch {
      return undefined;
    }
    return { href, rel, params };
  }

  #skip(commas: boolean): void {
    const text = this.text;
    while (this.#at < text.length && (WHITESPACE.has(text[this.#at] as string) || (commas && text[this.#at] === ','))) this.#at++;
  }

  #token(): string {
    const start = this.#at;
    while (this.#at < this.text.length && TOKEN.test(this.text[this.#at] as string)) this.#at++;
    return this.text.slice(start, this.#at);
  }

  /**
   * An unquoted value: a token by the grammar, read leniently up to the next `;`, `,` or space,
   * since servers write `rel=http://…#apiDocumentation` without quotes.
   */
  #bare(): string {
    const start = this.#at;
    while (this.#at < this.text.length && !/[;, \t]/.test(this.text[this.#at] as string)) this.#at++;
    return this.text.slice(start, this.#at);
  }

  /** A quoted-string from its opening quote: backslash escapes removed; an unclosed one ends at the end. */
  #quoted(): string {
    const text = this.text;
    let out = '';
    this.#at++;
    while (this.#at < text.length) {
      const c = text[this.#at] as string;
      this.#at++;
      if (c === '"') return out;
      if (c === '\\' && this.#at < text.length) {
        out += text[this.#at];
        this.#at++;
      } else out += c;
    }
    return out;
  }

  /** Past the next comma outside `<…>` and quoted strings (or to the end). */
  #skipToNextLink(): void {
    const text = this.text;
    while (this.#at < text.length) {
      const c = text[this.#at];
      if (c === ',') {
        this.#at++;
        return;
      }
      if (c === '"') this.#quoted();
      else if (c === '<') {
        const close = text.indexOf('>', this.#at + 1);
        this.#at = close < 0 ? text.length : close + 1;
      } else this.#at++;
    }
  }
}

/** An RFC 8187 ext-value (`UTF-8'en'%E2%82%AC`) decoded; anything else (another charset, bad escapes) as written. */
function decodeExtValue(value: string): string {
  const match = /^([!#$%&+\-^_`{}~0-9A-Za-z]+)'[^']*'(.*)$/.exec(value);
  if (match?.[1]?.toLowerCase() !== 'utf-8') return value;
  try {
    return decodeURIComponent(match[2] as string);
  } catch {
    return value;
  }
}
