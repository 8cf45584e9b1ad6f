/**
 * A fast JSON-LD expander for the subset of JSON-LD 1.1 that hyperld's generated contexts (and
 * most hand-written API contexts) use. Contexts are compiled once into term tables and cached per
 * parent active context, so expanding a page of a thousand nodes that share a handful of context
 * URLs costs a few map look-ups per key. Its output is deep-equal to `jsonld.expand` (jsonld.js
 * 9) for the same document and base; it never fetches anything and never imports `jsonld`, so a
 * browser client can bundle it.
 *
 * Supported: `@vocab`, `@base`, `@language`, `@version: 1.1`, prefixes and compact IRIs, keyword
 * aliases, type coercion (`@id`, `@vocab`, `@json`, `@none`, datatype IRIs), `@container` `@set`
 * and `@list`, per-term `@language`, `null` contexts, URL and inline contexts (and arrays of
 * them), embedded `@context`s on node objects, value objects, `@list`/`@set` objects. Anything
 * else in a context (scoped contexts, `@protected`, `@reverse`, `@nest`, `@prefix`, `@import`,
 * `@propagate`, `@direction`, map containers, `@graph`, …) or in a document (`@graph`,
 * `@reverse`, `@included`, `@nest`, `@index`, `@direction`) is a {@link HyperldError} with code
 * `unsupported_context` naming the feature: hand such documents to `jsonld.expand`
 * (`expandWithFallback` in `@hyperld/core/jsonld` does exactly that). So is a relative
 * `@vocab` that would resolve against the document base (compiled contexts do not depend on it).
 *
 * Where it knowingly differs from jsonld.js 9:
 * - a `__proto__` key (an own property, as `JSON.parse` makes it) is kept as a property; jsonld.js
 *   loses it when it clones its input with plain assignment;
 * - a string document is not fetched as a URL: it expands to `[]` like any top-level scalar;
 * - jsonld.js rejects a `@context` array naming more than 10 URLs, or naming the same relative
 *   URL twice ("context overflow"); the fast expander accepts both.
 *
 * Caches are bounded: each expander keeps at most a few thousand compiled contexts (then starts
 * afresh), so a server expanding untrusted documents with ever new inline contexts does not grow.
 *
 * @module
 */
import type { ContextDocument } from '../context/document.js';
import { HyperldError } from '../errors.js';
import { DEFAULT_LIMITS, type Registry } from '../codec/registry.js';
import type { JsonObject } from '../types.js';

/**
 * Resolves a context URL (as written in a document, relative or absolute) to its context
 * document, synchronously and without the network; `undefined` when the URL is not known.
 * A {@link Registry}'s `context` method has this shape.
 *
 * @example
 * ```ts
 * import type { ContextResolver } from '@hyperld/core';
 * const contexts: Record<string, { '@context': { '@vocab': string } }> = { '/contexts/Account.jsonld': { '@context': { '@vocab': 'https://example.com/vocab#' } } };
 * const resolveContext: ContextResolver = (url) => contexts[url];
 * ```
 */
export type ContextResolver = (url: string, base: string | undefined) => ContextDocument | undefined;

/**
 * What {@link createExpander} takes.
 *
 * @example
 * ```ts
 * import { createRegistry, type ExpanderOptions } from '@hyperld/core';
 * const registry = createRegistry({ types: [] });
 * const options: ExpanderOptions = { resolveContext: registry.context, maxDepth: 64 };
 * ```
 */
export interface ExpanderOptions {
  /** Resolves context URLs; never called for inline contexts. */
  readonly resolveContext: ContextResolver;
  /** The deepest nesting of objects and arrays accepted (default `DEFAULT_LIMITS.maxDepth`). */
  readonly maxDepth?: number;
}

/**
 * Options of one {@link Expander.expand} call.
 *
 * @example
 * ```ts
 * import type { ExpandOptions } from '@hyperld/core';
 * const options: ExpandOptions = { base: 'https://api.example.com/contacts/1/conversations' };
 * ```
 */
export interface ExpandOptions {
  /** The document's IRI: relative `@id`s and context URLs resolve against it (jsonld's `base`). */
  readonly base?: string;
}

/**
 * A compiled, caching expander. Reuse one per registry (or resolver): its caches of compiled
 * contexts are what make it fast.
 *
 * @example
 * ```ts
 * import { createExpander, createRegistry, defineType, t } from '@hyperld/core';
 * const Account = defineType({ type: 'Account', context: '/contexts/Account.jsonld', vocab: 'https://example.com/vocab#', properties: { name: t.string() } });
 * const registry = createRegistry({ types: [Account] });
 * const expander = createExpander({ resolveContext: registry.context });
 * expander.expand({ '@context': '/contexts/Account.jsonld', '@type': 'Account', id: '/accounts/1', name: 'Example' }, { base: 'https://api.example.com/' });
 * ```
 */
export interface Expander {
  /**
   * Expands a parsed JSON-LD document, as `jsonld.expand(document, { base })` would.
   * `@json` values in the output share structure with the input (they are not copied).
   *
   * @param document - a parsed JSON value (not a URL: strings at the top level expand to `[]`).
   * @param options - the document's base IRI.
   * @returns the expanded document: an array of node objects.
   * @throws HyperldError `unsupported_context`, `unknown_context`, `invalid_context`,
   * `wrong_kind` (a JSON-LD syntax error jsonld would also reject) or `max_depth`.
   */
  expand(document: unknown, options?: ExpandOptions): JsonObject[];
}

// ---------------------------------------------------------------------------------------------
// IRIs, ported from jsonld.js `lib/url.js` so that relative references resolve byte for byte as
// jsonld resolves them (it does not normalise like WHATWG `URL`: no lower-casing, no
// percent-encoding, no trailing slash added to an empty path).

const KEYWORD_LIKE = /^@[a-zA-Z]+$/;
const ABSOLUTE = /^([A-Za-z][A-Za-z0-9+-.]*|_):[^\s]*$/;
const GEN_DELIM_END = /[:/?#[\]@]$/;
const IRI_LIKE_TERM = /(?::[^:])|\//;
const DOT_SEGMENT = /(?:^|\/)\.\.?(?:\/|$)/;
const FULL_PARSER =
  /^(([a-zA-Z][a-zA-Z0-9+-.]*):)?(?:\/\/((?:(([^:@]*)(?::([^:@]*))?)?@)?([^:/?#]*)(?::(\d*))?))?(?:(((?:[^?#/]*\/)*)([^?#]*))(?:\?([^#]*))?(?:#(.*))?)/;

const KEYWORDS = new Set([
  '@base', '@container', '@context', '@default', '@direction', '@embed', '@explicit', '@graph', '@id', '@included', '@index', '@json',
  '@language', '@list', '@nest', '@none', '@omitDefault', '@prefix', '@preserve', '@protected', '@requireAll', '@reverse', '@set',
  '@type', '@value', '@version', '@vocab',
]);

function isKeyword(value: string): boolean {
  return value.charCodeAt(0) === 64 && KEYWORDS.has(value);
}

function isAbsolute(value: string): boolean {
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
 * prependBase('https://api.example:443/a/b', '../c'); // 'https://api.example/c'
 * ```
 * @internal
 */
export function prependBase(base: string | null | undefined, iri: string): string {
  if (base === null) return iri;
  if (isAbsolute(iri)) return iri;
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

// ---------------------------------------------------------------------------------------------
// Errors

const UNSUPPORTED_CONTEXT_KEYS = new Set(['@propagate', '@import', '@protected', '@direction']);
const UNSUPPORTED_TERM_KEYS = new Set(['@context', '@reverse', '@nest', '@prefix', '@protected', '@index', '@direction']);
const VALID_TERM_KEYS = new Set(['@container', '@id', '@language', '@reverse', '@type', '@context', '@direction', '@index', '@nest', '@prefix', '@protected']);
const UNSUPPORTED_CONTAINERS = new Set(['@index', '@id', '@type', '@language', '@graph']);

function unsupported(feature: string, where: string): HyperldError {
  return new HyperldError(
    'unsupported_context',
    `Unsupported JSON-LD feature ${feature} ${where}: the fast expander handles a subset of JSON-LD 1.1; use jsonld.expand (expandWithFallback in @hyperld/core/jsonld).`,
  );
}

function invalidContext(message: string): HyperldError {
  return new HyperldError('invalid_context', `Invalid JSON-LD context: ${message}`);
}

function invalidDocument(message: string): HyperldError {
  return new HyperldError('wrong_kind', `Invalid JSON-LD: ${message}`);
}

function tooDeep(maxDepth: number): HyperldError {
  return new HyperldError('max_depth', `The document nests deeper than ${maxDepth} levels (maxDepth).`);
}

// ---------------------------------------------------------------------------------------------
// Active contexts

/** A term definition; `id === undefined` only while the term is being defined. */
interface TermDef {
  id: string | null | undefined;
  /** Usable as the prefix of a compact IRI. */
  prefix: boolean;
  /** Type coercion: `@id`, `@vocab`, `@json`, `@none` or a datatype IRI. */
  type: string | undefined;
  container: readonly string[] | undefined;
  list: boolean;
  hasLanguage: boolean;
  language: string | null;
}

function newTerm(): TermDef {
  return { id: undefined, prefix: false, type: undefined, container: undefined, list: false, hasLanguage: false, language: null };
}

const enum Kind {
  Drop,
  Property,
  Id,
  Type,
  Value,
  Language,
  List,
  Set,
  Unsupported,
}

/** How one key of a node object expands in one active context. */
interface KeyPlan {
  readonly key: string;
  readonly kind: Kind;
  readonly iri: string;
  readonly term: TermDef | undefined;
  /** How a scalar under this key expands (jsonld's `_expandValue`, decided once). */
  readonly scalar: Scalar;
  /** The datatype of {@link Scalar.Typed} values. */
  readonly datatype: string;
  /** The language of {@link Scalar.Plain} strings, `null` for none. */
  readonly language: string | null;
  /** `@container: @list`. */
  readonly list: boolean;
  /** Whether another key of the context expands to the same IRI (then values may collide). */
  shared: boolean;
}

/** Bits of {@link Run.flags}: the keywords an expanded object holds. */
const F_ID = 1;
const F_TYPE = 2;
const F_VALUE = 4;
const F_LANGUAGE = 8;
const F_LIST = 16;
const F_SET = 32;

const enum Scalar {
  /** The key is `@id` (or an alias). */
  Id,
  /** The key is `@type` (or an alias). */
  Type,
  /** `@type: @id`: strings are IRIs. */
  IdRef,
  /** `@type: @vocab`: strings are vocabulary-relative IRIs. */
  VocabRef,
  /** Another keyword: the value as it is. */
  Raw,
  /** A datatype: `{ @type, @value }`. */
  Typed,
  /** No coercion: `{ @value }`, language-tagged strings where a language applies. */
  Plain,
}

const MAX_CACHED_KEYS = 4096;
const MAX_CACHED_CONTEXTS = 512;
const MAX_CONTEXT_URLS = 10;
/** Compiled contexts one expander keeps before it drops its caches. */
const MAX_COMPILED_CONTEXTS = 4096;

class ActiveContext {
  terms: Map<string, TermDef>;
  vocab: string | undefined = undefined;
  hasBase = false;
  /** The `@base` as processed (may still be relative: it resolves against the document base). */
  base: string | null = null;
  language: string | undefined = undefined;

  /** How each key expands here. */
  readonly plans = new Map<string, KeyPlan>();
  /** The first planned key of each IRI, to tell which plans share one. */
  readonly planByIri = new Map<string, KeyPlan>();
  /** `@type` / `@vocab`-coerced values that expand without the base. */
  readonly vocabIris = new Map<string, string | null>();
  /** Child contexts by inline context object or array. */
  readonly byObject = new WeakMap<object, ActiveContext>();
  /** Child contexts by inline context text, for equal objects parsed separately. */
  readonly byText = new Map<string, ActiveContext>();
  /** Child contexts by URL-resolution base, then URL as written. */
  readonly byUrl = new Map<string, Map<string, ActiveContext>>();
  /** The effective base last computed, and the document base it was computed for. */
  memoDocBase: string | undefined = undefined;
  memoBase: string | null = null;

  constructor(terms?: Map<string, TermDef>) {
    this.terms = terms ?? new Map();
  }

  clone(): ActiveContext {
    const child = new ActiveContext(new Map(this.terms));
    child.vocab = this.vocab;
    child.hasBase = this.hasBase;
    child.base = this.base;
    child.language = this.language;
    return child;
  }

  /** The base `@id`s resolve against, `null` for none (`@base: null`). */
  baseFor(docBase: string): string | null {
    if (!this.hasBase) return docBase;
    if (this.memoDocBase === docBase) return this.memoBase;
    const base = this.base ? prependBase(docBase, this.base) : null;
    this.memoDocBase = docBase;
    this.memoBase = base;
    return base;
  }
}

/** State of processing one local context object. */
interface Definitions {
  readonly ctx: ActiveContext;
  readonly local: Record<string, unknown>;
  readonly defined: Map<string, boolean>;
  readonly maxDepth: number;
  depth: number;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** jsonld's `_expandIri` while a local context is processed (`base: false`). */
function contextIri(state: Definitions, value: string, vocab: boolean): string | null {
  if (isKeyword(value)) return value;
  if (KEYWORD_LIKE.test(value)) return null;
  const { ctx, local, defined } = state;
  if (Object.hasOwn(local, value) && defined.get(value) !== true) defineTerm(state, value);
  if (vocab) {
    const term = ctx.terms.get(value);
    if (term !== undefined && term.id !== undefined) return term.id;
  }
  const colon = value.indexOf(':');
  if (colon > 0) {
    const prefix = value.slice(0, colon);
    const suffix = value.slice(colon + 1);
    if (prefix === '_' || suffix.startsWith('//')) return value;
    if (Object.hasOwn(local, prefix)) defineTerm(state, prefix);
    const mapping = ctx.terms.get(prefix);
    if (mapping?.prefix) return `${mapping.id}${suffix}`;
    if (isAbsolute(value)) return value;
  }
  if (vocab && ctx.vocab !== undefined) return ctx.vocab + value;
  return value;
}

/** jsonld's `createTermDefinition`, for the supported subset. */
function defineTerm(state: Definitions, term: string): void {
  const { ctx, local, defined } = state;
  const known = defined.get(term);
  if (known === true) return;
  if (known === false) throw invalidContext(`cyclic IRI mapping at term "${term}".`);
  if (++state.depth > state.maxDepth) throw tooDeep(state.maxDepth);
  try {
    defined.set(term, false);
    let value: unknown = Object.hasOwn(local, term) ? local[term] : undefined;
    if (term === '@type' && isObject(value)) throw unsupported('"@type" term definition', 'in a context');
    if (isKeyword(term)) throw invalidContext(`keyword "${term}" cannot be redefined.`);
    if (KEYWORD_LIKE.test(term)) return; // reserved for future keywords: ignored, as jsonld does
    if (term === '') throw invalidContext('a term cannot be an empty string.');

    const previous = ctx.terms.get(term);
    ctx.terms.delete(term);
    let simple = false;
    if (typeof value === 'string' || value === null) {
      simple = true;
      value = { '@id': value };
    }
    if (!isObject(value)) throw invalidContext(`the definition of term "${term}" must be a string, null or an object.`);
    for (const key of Object.keys(value)) {
      if (UNSUPPORTED_TERM_KEYS.has(key)) {
        throw unsupported(key === '@context' ? '"@context" (a scoped context)' : `"${key}"`, `in the definition of term "${term}"`);
      }
      if (!VALID_TERM_KEYS.has(key)) throw invalidContext(`the definition of term "${term}" must not contain "${key}".`);
    }
    if (Object.hasOwn(value, '@reverse')) throw unsupported('"@reverse"', `in the definition of term "${term}"`);

    const def = newTerm();
    ctx.terms.set(term, def);
    const colon = term.indexOf(':');
    const hasColon = colon > 0;

    if (Object.hasOwn(value, '@id')) {
      const id = value['@id'];
      if (id !== null && typeof id !== 'string') throw invalidContext(`the @id of term "${term}" must be a string or null.`);
      if (id === null) {
        def.id = null;
      } else if (!isKeyword(id) && KEYWORD_LIKE.test(id)) {
        // An @id reserved for future keywords: the definition is dropped, as jsonld does.
        if (previous) ctx.terms.set(term, previous);
        else ctx.terms.delete(term);
        return;
      } else if (id !== term) {
        const iri = contextIri(state, id, true);
        if (iri === null || (!isAbsolute(iri) && !isKeyword(iri))) {
          throw invalidContext(`the @id of term "${term}" must be an absolute IRI, a blank node identifier or a keyword.`);
        }
        if (IRI_LIKE_TERM.test(term)) {
          const termIri = contextIri({ ...state, defined: new Map(defined).set(term, true) }, term, true);
          if (termIri !== iri) throw invalidContext(`term "${term}" has the form of an IRI but maps to another IRI.`);
        }
        def.id = iri;
        def.prefix = simple && !hasColon && GEN_DELIM_END.test(iri);
      }
    }
    if (def.id === undefined) {
      if (hasColon) {
        const prefix = term.slice(0, colon);
        if (Object.hasOwn(local, prefix)) defineTerm(state, prefix);
        const parent = ctx.terms.get(prefix);
        def.id = parent !== undefined ? `${parent.id}${term.slice(colon + 1)}` : term;
      } else {
        if (ctx.vocab === undefined) throw invalidContext(`term "${term}" needs an @id where there is no @vocab.`);
        def.id = ctx.vocab + term;
      }
    }
    defined.set(term, true);

    if (Object.hasOwn(value, '@type')) {
      const raw = value['@type'];
      if (typeof raw !== 'string') throw invalidContext(`the @type of term "${term}" must be a string.`);
      let type: string = raw;
      if (type !== '@json' && type !== '@none' && type !== '@id' && type !== '@vocab') {
        const iri = contextIri(state, type, true);
        if (iri === null || !isAbsolute(iri) || iri.startsWith('_:')) throw invalidContext(`the @type of term "${term}" must be an absolute IRI.`);
        type = iri;
      }
      def.type = type;
    }

    if (Object.hasOwn(value, '@container')) {
      const raw = value['@container'];
      let container: unknown[];
      if (typeof raw === 'string') container = [raw];
      else if (Array.isArray(raw)) container = raw;
      else if (raw === null || raw === false || raw === 0) container = [];
      else throw invalidContext(`the @container of term "${term}" must be a string or an array.`);
      for (const c of container) {
        if (typeof c === 'string' && UNSUPPORTED_CONTAINERS.has(c)) throw unsupported(`"@container": "${c}"`, `in the definition of term "${term}"`);
      }
      const hasSet = container.includes('@set');
      const hasList = container.includes('@list');
      const valid =
        container.every((c) => c === '@set' || c === '@list') &&
        (hasList ? container.length === 1 : container.length <= (hasSet ? 2 : 1)) &&
        !(hasSet && hasList);
      if (!valid) throw invalidContext(`the @container of term "${term}" must be "@set" or "@list".`);
      def.container = container as string[];
      def.list = hasList;
    }

    if (Object.hasOwn(value, '@language') && !Object.hasOwn(value, '@type')) {
      const language = value['@language'];
      if (language !== null && typeof language !== 'string') throw invalidContext(`the @language of term "${term}" must be a string or null.`);
      def.hasLanguage = true;
      def.language = language === null ? null : language.toLowerCase();
    }

    if (def.id === '@context' || def.id === '@preserve') throw invalidContext(`"${def.id}" cannot be aliased (term "${term}").`);
  } finally {
    state.depth--;
  }
}

/**
 * The `@vocab` of a local context: a term, compact IRI or absolute IRI, or a reference relative
 * to the current `@vocab` or an absolute `@base`. One relative to the document base would make
 * the compiled context depend on the document, so it is left to jsonld.
 */
function vocabIri(rval: ActiveContext, value: string): string {
  let iri: string | null | undefined;
  if (isKeyword(value) || KEYWORD_LIKE.test(value)) iri = null;
  else {
    const term = rval.terms.get(value);
    iri = term !== undefined && term.id !== undefined ? term.id : compactOrVocab(rval, value);
  }
  if (iri === null || (iri !== undefined && isKeyword(iri))) {
    throw unsupported(`"@vocab": ${JSON.stringify(value)}`, 'in a context (it expands to a keyword or to nothing)');
  }
  if (iri !== undefined) return iri;
  if (rval.hasBase && !rval.base) return value;
  if (rval.hasBase && rval.base !== null && isAbsolute(rval.base)) return prependBase(rval.base, value);
  throw unsupported(`relative "@vocab": ${JSON.stringify(value)}`, 'in a context (it would resolve against the document base)');
}

/** Processes one inline context object against a parent (jsonld's context processing loop). */
function compileObject(parent: ActiveContext, local: Record<string, unknown>, maxDepth: number): ActiveContext {
  if (Object.hasOwn(local, '@context')) throw unsupported('"@context"', 'inside a context definition');
  for (const key of Object.keys(local)) {
    if (UNSUPPORTED_CONTEXT_KEYS.has(key)) throw unsupported(`"${key}"`, 'in a context');
  }
  const rval = parent.clone();
  const defined = new Map<string, boolean>();

  if (Object.hasOwn(local, '@version')) {
    if (local['@version'] !== 1.1) throw invalidContext(`unsupported @version ${JSON.stringify(local['@version'])}.`);
    defined.set('@version', true);
  }
  if (Object.hasOwn(local, '@base')) {
    const base = local['@base'];
    if (base === null || (typeof base === 'string' && isAbsolute(base))) rval.base = base;
    else if (typeof base === 'string') rval.base = prependBase(rval.hasBase ? rval.base : undefined, base);
    else throw invalidContext('@base must be a string or null.');
    rval.hasBase = true;
    rval.memoDocBase = undefined;
    defined.set('@base', true);
  }
  if (Object.hasOwn(local, '@vocab')) {
    const vocab = local['@vocab'];
    if (vocab === null) rval.vocab = undefined;
    else if (typeof vocab !== 'string') throw invalidContext('@vocab must be a string or null.');
    else rval.vocab = vocabIri(rval, vocab);
    defined.set('@vocab', true);
  }
  if (Object.hasOwn(local, '@language')) {
    const language = local['@language'];
    if (language === null) rval.language = undefined;
    else if (typeof language !== 'string') throw invalidContext('@language must be a string or null.');
    else rval.language = language.toLowerCase();
    defined.set('@language', true);
  }
  const state: Definitions = { ctx: rval, local, defined, maxDepth, depth: 0 };
  for (const key of Object.keys(local)) defineTerm(state, key);
  return rval;
}

function cache<K, V>(map: Map<K, V>, key: K, value: V, max: number): V {
  if (map.size >= max) map.clear();
  map.set(key, value);
  return value;
}

// ---------------------------------------------------------------------------------------------
// Expansion

type Out = Record<string, unknown>;

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

function isEmptyObject(value: unknown): boolean {
  return isObject(value) && Object.keys(value).length === 0;
}

/** jsonld's `addValue` with duplicates allowed. */
function addValue(subject: Out, property: string, value: unknown, propertyIsArray: boolean): void {
  if (Array.isArray(value)) {
    if (value.length === 0 && propertyIsArray && !Object.hasOwn(subject, property)) subject[property] = [];
    for (const item of value) addValue(subject, property, item, propertyIsArray);
  } else if (Object.hasOwn(subject, property)) {
    const existing = subject[property];
    if (Array.isArray(existing)) existing.push(value);
    else subject[property] = [existing, value];
  } else {
    subject[property] = propertyIsArray ? [value] : value;
  }
}

/** jsonld's `_expandIri` with `vocab: true` and no base (property keys). */
function keyIri(ctx: ActiveContext, key: string): string | null {
  if (isKeyword(key)) return key;
  if (KEYWORD_LIKE.test(key)) return null;
  const term = ctx.terms.get(key);
  if (term !== undefined && term.id !== undefined) return term.id;
  return compactOrVocab(ctx, key) ?? key;
}

/** The prefix / absolute steps of IRI expansion: blank node ids, compact IRIs and absolute IRIs. */
function compactOrAbsolute(ctx: ActiveContext, value: string): string | undefined {
  const colon = value.indexOf(':');
  if (colon <= 0) return undefined;
  const prefix = value.slice(0, colon);
  const suffix = value.slice(colon + 1);
  if (prefix === '_' || suffix.startsWith('//')) return value;
  const mapping = ctx.terms.get(prefix);
  if (mapping?.prefix) return `${mapping.id}${suffix}`;
  return isAbsolute(value) ? value : undefined;
}

/** The prefix / absolute / `@vocab` steps of IRI expansion; `undefined` when the base would be needed. */
function compactOrVocab(ctx: ActiveContext, value: string): string | undefined {
  return compactOrAbsolute(ctx, value) ?? (ctx.vocab !== undefined ? ctx.vocab + value : undefined);
}

function planKey(ctx: ActiveContext, key: string): KeyPlan {
  const cached = ctx.plans.get(key);
  if (cached !== undefined) return cached;
  const iri = keyIri(ctx, key);
  const term = ctx.terms.get(key);
  let kind: Kind;
  if (iri === null || !(isKeyword(iri) || isAbsolute(iri))) kind = Kind.Drop;
  else if (!isKeyword(iri)) kind = Kind.Property;
  else {
    kind =
      iri === '@id' ? Kind.Id
      : iri === '@type' ? Kind.Type
      : iri === '@value' ? Kind.Value
      : iri === '@language' ? Kind.Language
      : iri === '@list' ? Kind.List
      : iri === '@set' ? Kind.Set
      : Kind.Unsupported;
  }
  const type = term?.type;
  let scalar: Scalar;
  if (iri === '@id') scalar = Scalar.Id;
  else if (iri === '@type') scalar = Scalar.Type;
  else if (type === '@id') scalar = Scalar.IdRef;
  else if (type === '@vocab') scalar = Scalar.VocabRef;
  else if (kind !== Kind.Property && kind !== Kind.Drop) scalar = Scalar.Raw;
  else if (type !== undefined && type !== '@none') scalar = Scalar.Typed;
  else scalar = Scalar.Plain;
  const plan: KeyPlan = {
    key,
    kind,
    iri: iri ?? '',
    term,
    scalar,
    datatype: type ?? '',
    language: term?.hasLanguage === true ? term.language : (ctx.language ?? null),
    list: term?.list === true,
    shared: true,
  };
  if (ctx.plans.size < MAX_CACHED_KEYS) {
    // Plans not cached stay `shared`, so that their values are always checked for collisions.
    const other = ctx.planByIri.get(plan.iri);
    if (other !== undefined) other.shared = true;
    else {
      ctx.planByIri.set(plan.iri, plan);
      plan.shared = false;
    }
    ctx.plans.set(key, plan);
  }
  return plan;
}

/** The result of expanding one node object's keys in one order. */
const COLLIDED = Symbol('collided');

class Run {
  private readonly docBase: string;
  private readonly expander: ExpanderImpl;
  private readonly maxDepth: number;
  /** What context URLs in the document resolve against (`undefined` without a base). */
  private readonly urlBase: string | undefined;
  /** Context URLs being resolved, against cycles (added and removed in pairs). */
  private readonly urls = new Set<string>();
  /** How many members the last {@link Run.object} call put in its output. */
  private count = 0;
  /** Which keywords (`F_*` bits) the last {@link Run.object} call put in its output. */
  private flags = 0;

  constructor(expander: ExpanderImpl, docBase: string | undefined, maxDepth: number) {
    this.expander = expander;
    this.docBase = docBase ?? '';
    this.urlBase = docBase === '' ? undefined : docBase;
    this.maxDepth = maxDepth;
  }

  /** `@id` values: `_expandIri(ctx, value, { base: true })`. */
  private idIri(ctx: ActiveContext, value: string): string | null {
    if (value.charCodeAt(0) === 64) {
      if (isKeyword(value)) return value;
      if (KEYWORD_LIKE.test(value)) return null;
    }
    return compactOrAbsolute(ctx, value) ?? prependBase(ctx.baseFor(this.docBase), value);
  }

  /** `@type` values and `@vocab`-coerced strings: `_expandIri(ctx, value, { base: true, vocab: true })`. */
  private typeIri(ctx: ActiveContext, value: string): string | null {
    const cached = ctx.vocabIris.get(value);
    if (cached !== undefined) return cached;
    let iri: string | null | undefined;
    if (isKeyword(value)) iri = value;
    else if (KEYWORD_LIKE.test(value)) iri = null;
    else {
      const term = ctx.terms.get(value);
      iri = term !== undefined && term.id !== undefined ? term.id : compactOrVocab(ctx, value);
    }
    if (iri === undefined) return prependBase(ctx.baseFor(this.docBase), value);
    if (ctx.vocabIris.size < MAX_CACHED_KEYS) ctx.vocabIris.set(value, iri);
    return iri;
  }

  /** Processes a `@context` value found in the document. */
  context(parent: ActiveContext, local: unknown, urlBase: string | undefined, urls: Set<string>): ActiveContext {
    if (local === null) return this.expander.initial;
    if (typeof local === 'string') return this.url(parent, local, urlBase, urls);
    if (typeof local !== 'object') throw invalidContext(`@context must be a URL, an object, null or an array of them, not ${typeof local}.`);
    if (Array.isArray(local)) {
      // An array naming URLs resolves them against the base of this call: walk it each time
      // (every step is cached); one of inline objects only is cached as a whole.
      if (local.some((item) => typeof item === 'string')) return this.array(parent, local as unknown[], urlBase, urls);
    }
    const byObject = parent.byObject.get(local);
    if (byObject !== undefined) return byObject;
    const text = JSON.stringify(local);
    let ctx = parent.byText.get(text);
    if (ctx === undefined) {
      if (Array.isArray(local)) ctx = this.array(parent, local as unknown[], urlBase, urls);
      else {
        ctx = compileObject(parent, local as Record<string, unknown>, this.maxDepth);
        this.expander.compiled();
      }
      cache(parent.byText, text, ctx, MAX_CACHED_CONTEXTS);
    }
    parent.byObject.set(local, ctx);
    return ctx;
  }

  private array(parent: ActiveContext, local: readonly unknown[], urlBase: string | undefined, urls: Set<string>): ActiveContext {
    let ctx = parent;
    for (const item of local) {
      if (Array.isArray(item)) throw invalidContext('@context arrays cannot nest.');
      ctx = this.context(ctx, item, urlBase, urls);
    }
    return ctx;
  }

  private url(parent: ActiveContext, url: string, urlBase: string | undefined, urls: Set<string>): ActiveContext {
    const key = urlBase ?? '';
    let byUrl = parent.byUrl.get(key);
    const cached = byUrl?.get(url);
    if (cached !== undefined) return cached;
    const absolute = prependBase(key, url);
    if (urls.has(absolute) || urls.size >= MAX_CONTEXT_URLS) {
      throw invalidContext(`context URL ${absolute} is included recursively or more than ${MAX_CONTEXT_URLS} context URLs are chained.`);
    }
    const doc = this.expander.resolveContext(url, urlBase);
    if (doc === undefined || doc === null) {
      throw new HyperldError('unknown_context', `The context ${url}${urlBase ? ` (resolved against ${urlBase})` : ''} is not registered; context URLs are never fetched.`);
    }
    if (!isObject(doc)) throw invalidContext(`the context document at ${absolute} is not a JSON object.`);
    urls.add(absolute);
    // A context document without `@context` is the empty context, as in jsonld.
    const local = Object.hasOwn(doc, '@context') ? doc['@context'] : {};
    const ctx = this.context(parent, local, absolute, urls);
    urls.delete(absolute);
    if (byUrl === undefined) {
      if (parent.byUrl.size >= 64) parent.byUrl.clear();
      byUrl = new Map();
      parent.byUrl.set(key, byUrl);
    }
    return cache(byUrl, url, ctx, MAX_CACHED_CONTEXTS);
  }

  /**
   * jsonld's `api.expand`. The active property is passed as its plan in `ctx` (`null` at the top
   * level), which carries its term definition.
   */
  element(ctx: ActiveContext, property: KeyPlan | null, element: unknown, insideList: boolean, depth: number): unknown {
    if (element === null || element === undefined) return null;
    if (typeof element !== 'object') {
      // Free-floating scalars are dropped.
      if (property === null) return insideList ? { '@value': element } : null;
      return this.value(ctx, property, element);
    }
    if (depth >= this.maxDepth) throw tooDeep(this.maxDepth);
    if (Array.isArray(element)) {
      const list = insideList || property?.list === true;
      const out: unknown[] = [];
      for (const item of element) {
        let e = this.element(ctx, property, item, false, depth + 1);
        if (list && Array.isArray(e)) e = { '@list': e };
        if (e === null) continue;
        if (Array.isArray(e)) for (const x of e) out.push(x);
        else out.push(e);
      }
      return out;
    }

    const node = element as Record<string, unknown>;
    if (Object.hasOwn(node, '@context')) ctx = this.context(ctx, node['@context'], this.urlBase, this.urls);

    const keys = Object.keys(node);
    let expanded = this.object(ctx, property, node, keys, depth, false);
    if (expanded === COLLIDED) {
      // Keys that add to one property (or several `@type` keys) add in sorted key order, as jsonld
      // does; keyword collisions are judged in that order too (a null alias sorted first is skipped).
      keys.sort();
      expanded = this.object(ctx, property, node, keys, depth, true);
    }
    let rval: unknown = expanded as Out;
    const out = rval as Out;
    let count = this.count;
    const flags = this.flags;

    if ((flags & F_VALUE) !== 0) {
      if ((flags & F_TYPE) !== 0 && (flags & F_LANGUAGE) !== 0) {
        throw invalidDocument('a value object may not have both @type and @language.');
      }
      let valid = count - 1;
      if ((flags & F_TYPE) !== 0) valid--;
      if ((flags & F_LANGUAGE) !== 0) valid--;
      if (valid !== 0) throw invalidDocument('a value object may only have @value, @type and @language.');
      const v = out['@value'];
      const values = v === null ? [] : asArray(v);
      const types = (flags & F_TYPE) !== 0 ? asArray(out['@type']) : [];
      if (types.length === 1 && types[0] === '@json') {
        // Any @value is fine for a JSON literal.
      } else if (values.length === 0) {
        rval = null;
      } else if (!values.every((x) => typeof x === 'string' || isEmptyObject(x)) && (flags & F_LANGUAGE) !== 0) {
        throw invalidDocument('only strings may be language-tagged.');
      } else if (!types.every((t) => (typeof t === 'string' && isAbsolute(t) && !t.startsWith('_:')) || isEmptyObject(t))) {
        throw invalidDocument('the @type of a value object must be an absolute IRI.');
      }
    } else if ((flags & F_TYPE) !== 0 && !Array.isArray(out['@type'])) {
      out['@type'] = [out['@type']];
    } else if ((flags & (F_SET | F_LIST)) !== 0) {
      if (count > 1) throw invalidDocument('a @set or @list object may have no other member.');
      if ((flags & F_SET) !== 0) {
        rval = out['@set'];
        count = (rval as unknown[]).length;
      }
    } else if (count === 1 && (flags & F_LANGUAGE) !== 0) {
      rval = null;
    }

    // Top-level objects that carry no statement are dropped.
    if (rval === out && !insideList && property === null) {
      if (count === 0 || (flags & (F_VALUE | F_LIST)) !== 0 || (count === 1 && (flags & F_ID) !== 0)) return null;
    }
    return rval;
  }

  /** jsonld's `_expandObject`, returning {@link COLLIDED} when key order matters and `keys` may not be sorted. */
  private object(
    ctx: ActiveContext,
    property: KeyPlan | null,
    node: Record<string, unknown>,
    keys: readonly string[],
    depth: number,
    sorted: boolean,
  ): Out | typeof COLLIDED {
    const out: Out = {};
    let unexpanded: unknown;
    let collided = false;
    let count = 0;
    let flags = 0;
    for (const key of keys) {
      if (key === '@context') continue;
      const plan = planKey(ctx, key);
      const kind = plan.kind;
      if (kind === Kind.Drop) continue;
      const value = node[key];
      if (kind !== Kind.Property) {
        if (kind === Kind.Unsupported) throw unsupported(`"${plan.iri}"`, `in a document (key "${key}")`);
        if (kind !== Kind.Type && plan.shared && Object.hasOwn(out, plan.iri)) {
          if (!sorted) return COLLIDED;
          throw invalidDocument(`colliding keywords: more than one key expands to ${plan.iri}.`);
        }
      }
      switch (kind) {
        case Kind.Id: {
          if (typeof value !== 'string') throw invalidDocument('@id value must be a string.');
          out['@id'] = this.idIri(ctx, value);
          count++;
          flags |= F_ID;
          continue;
        }
        case Kind.Type: {
          if (!(typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string')))) {
            throw invalidDocument('@type value must be a string or an array of strings.');
          }
          const types = typeof value === 'string' ? [this.typeIri(ctx, value)] : (value as string[]).map((v) => this.typeIri(ctx, v));
          if ((flags & F_TYPE) !== 0) collided = true;
          else if (types.length > 0) {
            count++;
            flags |= F_TYPE;
          }
          addValue(out, '@type', types, false);
          continue;
        }
        case Kind.Value: {
          unexpanded = value;
          if (this.isJsonType(ctx, node, keys)) out['@value'] = value;
          else addValue(out, '@value', value, false);
          if (Object.hasOwn(out, '@value')) {
            count++;
            flags |= F_VALUE;
          }
          continue;
        }
        case Kind.Language: {
          if (value === null) continue;
          if (typeof value !== 'string') throw invalidDocument('@language value must be a string.');
          out['@language'] = value.toLowerCase();
          count++;
          flags |= F_LANGUAGE;
          continue;
        }
        default:
          break;
      }
      const term = plan.term;
      let expanded: unknown;
      if (kind === Kind.List || kind === Kind.Set) {
        // The active property stays the same key, read in this node's (possibly new) context.
        const active = property === null ? null : planKey(ctx, property.key);
        expanded = this.element(ctx, active, value, kind === Kind.List, depth + 1);
      } else if (term?.type === '@json') {
        expanded = { '@type': '@json', '@value': value };
      } else {
        expanded = this.element(ctx, plan, value, false, depth + 1);
      }
      if (expanded === null) continue;
      if (plan.list && kind !== Kind.List && !(isObject(expanded) && Object.hasOwn(expanded, '@list'))) {
        expanded = { '@list': asArray(expanded) };
      }
      const existing = plan.shared ? (out[plan.iri] as unknown[] | undefined) : undefined;
      if (existing !== undefined) {
        collided = true;
        if (Array.isArray(expanded)) for (const x of expanded) existing.push(x);
        else existing.push(expanded);
      } else {
        // `element` returns fresh arrays, which become the property's values as they are.
        out[plan.iri] = Array.isArray(expanded) ? expanded : [expanded];
        count++;
        if (kind === Kind.List) flags |= F_LIST;
        else if (kind === Kind.Set) flags |= F_SET;
      }
    }
    this.count = count;
    this.flags = flags;
    if (Object.hasOwn(out, '@value') && out['@type'] !== '@json' && typeof unexpanded === 'object' && unexpanded !== null) {
      throw invalidDocument('@value must not be an object or an array.');
    }
    return collided && !isSorted(keys) ? COLLIDED : out;
  }

  /** Whether the node's first `@type` key (in sorted order) names `@json`. */
  private isJsonType(ctx: ActiveContext, node: Record<string, unknown>, keys: readonly string[]): boolean {
    let typeKey: string | undefined;
    for (const key of keys) {
      if (key !== '@context' && planKey(ctx, key).kind === Kind.Type && (typeKey === undefined || key < typeKey)) typeKey = key;
    }
    if (typeKey === undefined) return false;
    const types = node[typeKey];
    if (!types) return false;
    const first = Array.isArray(types) ? (types[0] as unknown) : types;
    return typeof first === 'string' && keyIri(ctx, first) === '@json';
  }

  /** jsonld's `_expandValue`: a scalar under a property. */
  private value(ctx: ActiveContext, plan: KeyPlan, value: unknown): unknown {
    switch (plan.scalar) {
      case Scalar.Plain:
        if (plan.language !== null && typeof value === 'string') return { '@language': plan.language, '@value': value };
        return { '@value': value };
      case Scalar.IdRef:
        return typeof value === 'string' ? { '@id': this.idIri(ctx, value) } : { '@value': value };
      case Scalar.Typed:
        return { '@type': plan.datatype, '@value': value };
      case Scalar.VocabRef:
        return typeof value === 'string' ? { '@id': this.typeIri(ctx, value) } : { '@value': value };
      case Scalar.Id:
        return typeof value === 'string' ? this.idIri(ctx, value) : value;
      case Scalar.Type:
        return typeof value === 'string' ? this.typeIri(ctx, value) : value;
      default:
        return value;
    }
  }
}

function isSorted(keys: readonly string[]): boolean {
  for (let i = 1; i < keys.length; i++) if ((keys[i - 1] as string) > (keys[i] as string)) return false;
  return true;
}

class ExpanderImpl implements Expander {
  /** The initial context: the root of every cache; replaced when the caches grow too big. */
  initial = new ActiveContext();
  private compiledCount = 0;
  readonly resolveContext: ContextResolver;
  private readonly maxDepth: number;

  constructor(options: ExpanderOptions) {
    this.resolveContext = options.resolveContext;
    this.maxDepth = options.maxDepth ?? DEFAULT_LIMITS.maxDepth;
  }

  /** Counts a compiled context, dropping every cache past the budget (the next calls rebuild them). */
  compiled(): void {
    if (++this.compiledCount > MAX_COMPILED_CONTEXTS) {
      this.compiledCount = 0;
      this.initial = new ActiveContext();
    }
  }

  expand(document: unknown, options?: ExpandOptions): JsonObject[] {
    const run = new Run(this, options?.base, this.maxDepth);
    let expanded: unknown;
    try {
      expanded = run.element(this.initial, null, document, false, 0);
    } catch (error) {
      // Very deep context chains or documents may exhaust the stack before maxDepth does.
      if (error instanceof RangeError) throw new HyperldError('max_depth', 'The document nests too deeply to expand.', { cause: error });
      throw error;
    }
    if (expanded === null) return [];
    return (Array.isArray(expanded) ? expanded : [expanded]) as JsonObject[];
  }
}

/**
 * Creates a fast JSON-LD expander that resolves context URLs through `resolveContext` (never the
 * network) and caches every compiled context.
 *
 * @param options - the context resolver and the depth limit.
 * @returns the expander.
 * @example
 * ```ts
 * import { createExpander, createRegistry, defineType, t } from '@hyperld/core';
 * const Account = defineType({ type: 'Account', context: '/contexts/Account.jsonld', vocab: 'https://example.com/vocab#', properties: { name: t.string() } });
 * const registry = createRegistry({ types: [Account] });
 * const expander = createExpander({ resolveContext: registry.context });
 * const [node] = expander.expand({ '@context': '/contexts/Account.jsonld', '@type': 'Account', id: '/accounts/1', name: 'Example' }, { base: 'https://api.example.com/' });
 * // { '@id': 'https://api.example.com/accounts/1', '@type': ['https://example.com/vocab#Account'], 'https://example.com/vocab#name': [{ '@value': 'Example' }] }
 * ```
 */
export function createExpander(options: ExpanderOptions): Expander {
  return new ExpanderImpl(options);
}

/**
 * Options of the one-shot {@link expand}: a registry (or a resolver), the base and the limit.
 *
 * @example
 * ```ts
 * import { createRegistry, type ExpandDocumentOptions } from '@hyperld/core';
 * const options: ExpandDocumentOptions = { registry: createRegistry({ types: [] }), base: 'https://api.example.com/' };
 * ```
 */
export interface ExpandDocumentOptions extends ExpandOptions {
  /** A registry whose context documents resolve context URLs. */
  readonly registry?: Pick<Registry, 'context'>;
  /** Resolves context URLs (when there is no registry). */
  readonly resolveContext?: ContextResolver;
  /** The deepest nesting accepted (default `DEFAULT_LIMITS.maxDepth`). */
  readonly maxDepth?: number;
}

const expanders = new WeakMap<object, Map<number, Expander>>();

/**
 * Expands a document with the expander cached for its registry (or resolver function), so that
 * repeated calls share compiled contexts.
 *
 * @param document - a parsed JSON-LD document.
 * @param options - a registry or resolver, the base IRI and the depth limit.
 * @returns the expanded document, deep-equal to `jsonld.expand`'s.
 * @throws HyperldError as {@link Expander.expand} does; `invalid_context` when neither a registry
 * nor a resolver is given and the document names a context URL.
 * @example
 * ```ts
 * import { createRegistry, defineType, expand, t } from '@hyperld/core';
 * const Account = defineType({ type: 'Account', context: '/contexts/Account.jsonld', vocab: 'https://example.com/vocab#', properties: { name: t.string() } });
 * const registry = createRegistry({ types: [Account] });
 * expand({ '@context': '/contexts/Account.jsonld', '@type': 'Account', id: '/accounts/1', name: 'Example' }, { registry, base: 'https://api.example.com/' });
 * ```
 */
export function expand(document: unknown, options: ExpandDocumentOptions = {}): JsonObject[] {
  const registry = options.registry;
  const owner: object = registry ?? options.resolveContext ?? expanders;
  const maxDepth = options.maxDepth ?? DEFAULT_LIMITS.maxDepth;
  let byDepth = expanders.get(owner);
  if (byDepth === undefined) {
    byDepth = new Map();
    expanders.set(owner, byDepth);
  }
  let expander = byDepth.get(maxDepth);
  if (expander === undefined) {
    const resolveContext: ContextResolver =
      registry !== undefined ? (url, base) => registry.context(url, base) : (options.resolveContext ?? (() => undefined));
    expander = createExpander({ resolveContext, maxDepth });
    if (byDepth.size >= 8) byDepth.clear();
    byDepth.set(maxDepth, expander);
  }
  return expander.expand(document, options.base === undefined ? {} : { base: options.base });
}
