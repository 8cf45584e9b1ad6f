/**
 * Names in a generated module: the local name of an IRI, identifiers made of any name (escaped,
 * never a reserved word or a name the module already uses), and string literals.
 *
 * @module
 */

/** Words an identifier may not be (ECMAScript reserved words, strict-mode ones and a few globals a module shadows at its peril). */
const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in ' +
    'instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package ' +
    'private protected public await arguments eval undefined NaN Infinity Object Array String Number Boolean Symbol Error Promise Map Set ' +
    'JSON Math Date RegExp globalThis'
  ).split(' '),
);

/**
 * The local name of an IRI: what follows its last `#`, else its last `/` (a trailing one
 * ignored), else what follows the scheme.
 *
 * @param iri - an absolute IRI.
 * @returns the local name, possibly empty.
 * @example
 * ```ts
 * import { localName } from './names.js';
 * localName('https://schema.org/Book'); // 'Book'
 * localName('http://api.example/docs.jsonld#Entrypoint/book'); // 'book'
 * ```
 */
export function localName(iri: string): string {
  const hash = iri.lastIndexOf('#');
  const tail = hash >= 0 ? iri.slice(hash + 1) : iri.replace(/\/+$/, '');
  const slash = tail.lastIndexOf('/');
  if (slash >= 0) return tail.slice(slash + 1);
  if (hash >= 0) return tail;
  const colon = tail.indexOf(':');
  return colon >= 0 ? tail.slice(colon + 1) : tail;
}

/**
 * The namespace of an IRI: everything up to and including the `#` or `/` before its local name.
 *
 * @param iri - an absolute IRI.
 * @returns the namespace.
 * @example
 * ```ts
 * import { namespaceOf } from './names.js';
 * namespaceOf('https://schema.org/Book'); // 'https://schema.org/'
 * ```
 */
export function namespaceOf(iri: string): string {
  const name = localName(iri);
  return name.length > 0 && iri.endsWith(name) ? iri.slice(0, iri.length - name.length) : iri;
}

/**
 * Whether a name can be written as it is as an identifier (and an unquoted property key).
 *
 * @param name - the name.
 * @returns whether it is an ASCII identifier that is no reserved word.
 * @example
 * ```ts
 * import { isIdentifier } from './names.js';
 * isIdentifier('Book'); // true
 * isIdentifier('class'); // false
 * ```
 */
export function isIdentifier(name: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) && !RESERVED.has(name);
}

/**
 * An identifier for any name: characters an identifier cannot hold become `_`, a leading digit
 * or an empty name gets a `_` before it, a reserved word gets one after it.
 *
 * @param name - the name.
 * @returns a valid identifier, the same for the same name.
 * @example
 * ```ts
 * import { toIdentifier } from './names.js';
 * toIdentifier('Book-Review'); // 'Book_Review'
 * toIdentifier('2fa'); // '_2fa'
 * toIdentifier('default'); // 'default_'
 * ```
 */
export function toIdentifier(name: string): string {
  let out = name.replace(/[^A-Za-z0-9_$]/g, '_');
  if (out.length === 0 || /^[0-9]/.test(out)) out = `_${out}`;
  return RESERVED.has(out) ? `${out}_` : out;
}

/**
 * Hands out identifiers without clashes: each name asked for gets {@link toIdentifier} of it, or,
 * when that is taken, the same with `_2`, `_3`… Asking in a sorted order makes the result
 * deterministic.
 *
 * @example
 * ```ts
 * import { Identifiers } from './names.js';
 * const ids = new Identifiers(['registry']);
 * ids.take('Book'); // 'Book'
 * ids.take('Book'); // 'Book_2'
 * ids.take('registry'); // 'registry_2'
 * ```
 */
export class Identifiers {
  readonly #taken: Set<string>;

  /** @param reserved - names the module uses already. */
  constructor(reserved: Iterable<string>) {
    this.#taken = new Set(reserved);
  }

  /**
   * An identifier for a name, not handed out before.
   * @param name - the wanted name.
   * @returns the identifier.
   */
  take(name: string): string {
    const first = toIdentifier(name);
    let candidate = first;
    for (let n = 2; this.#taken.has(candidate); n++) candidate = `${first}_${n}`;
    this.#taken.add(candidate);
    return candidate;
  }
}

/**
 * A string literal as the project's formatter writes it: in single quotes, unless the string
 * holds more single quotes than double ones.
 *
 * @param value - the string.
 * @returns the literal.
 * @example
 * ```ts
 * import { quote } from './names.js';
 * quote('Book'); // "'Book'"
 * quote("it's"); // '"it\'s"'
 * ```
 */
export function quote(value: string): string {
  const singles = value.split("'").length - 1;
  const doubles = value.split('"').length - 1;
  // JSON's escapes, less the escaped double quote; U+2028 and U+2029 escaped too (line ends to older parsers).
  const body = JSON.stringify(value).slice(1, -1).replace(/\\"/g, '"').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return singles > doubles ? `"${body.replace(/"/g, '\\"')}"` : `'${body.replace(/'/g, "\\'")}'`;
}

/**
 * A property key: as it is when it is an identifier, else quoted.
 *
 * @param key - the JSON key.
 * @returns the key as written in an object literal.
 * @example
 * ```ts
 * import { propertyKey } from './names.js';
 * propertyKey('title'); // 'title'
 * propertyKey('hydra:member'); // "'hydra:member'"
 * ```
 */
export function propertyKey(key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : quote(key);
}

/**
 * Text for a comment: a star-slash in it cannot end the comment early, and it is one line.
 *
 * @param text - the text.
 * @returns the text, safe inside a block comment.
 * @example
 * ```ts
 * import { commentText } from './names.js';
 * commentText('one\ntwo'); // 'one two'
 * ```
 */
export function commentText(text: string): string {
  return text.replace(/\*\//g, '*\\/').replace(/\s+/g, ' ').trim();
}
