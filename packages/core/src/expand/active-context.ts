/**
 * Active contexts: the JSON-LD context processing algorithm (jsonld.js `lib/context.js`) for the
 * supported subset, compiling a local context against its parent into a term table, and IRI
 * expansion against an active context. Each active context also holds the caches of what expands
 * through it (key plans, `@type` IRIs, child contexts), so that a page of nodes sharing a context
 * costs a few map look-ups per key.
 *
 * @module
 * @internal
 */
import { isAbsoluteIri as isAbsolute, prependBase } from '../iri/jsonld-resolution.js';
import type { HyperldError } from '../errors.js';
import type { KeyPlan } from './key-plan.js';
import { invalidContext, isKeyword, isObject, KEYWORD_LIKE, tooDeep, unsupported } from './syntax.js';

const GEN_DELIM_END = /[:/?#[\]@]$/;
const IRI_LIKE_TERM = /(?::[^:])|\//;

const UNSUPPORTED_CONTEXT_KEYS = new Set(['@propagate', '@import', '@protected', '@direction']);
const UNSUPPORTED_TERM_KEYS = new Set(['@context', '@reverse', '@nest', '@prefix', '@protected', '@index', '@direction']);
const VALID_TERM_KEYS = new Set(['@container', '@id', '@language', '@reverse', '@type', '@context', '@direction', '@index', '@nest', '@prefix', '@protected']);
const UNSUPPORTED_CONTAINERS = new Set(['@index', '@id', '@type', '@language', '@graph']);

/** A term definition; `id === undefined` only while the term is being defined. @internal */
export interface TermDef {
  id: string | null | undefined;
  /** Usable as the prefix of a compact IRI. */
  prefix: boolean;
  /** Type coercion: `@id`, `@vocab`, `@json`, `@none` or a datatype IRI. */
  type: string | undefined;
  container: readonly string[] | undefined;
  list: boolean;
  hasLanguage: boolean;
  language: string | null;
  /**
   * Why the fast expander cannot expand this term (a `@reverse` property, such as the published
   * Hydra context's `defines`): a context that only defines it still compiles, and a document that
   * uses it fails then, with this message.
   */
  unsupported?: HyperldError;
}

function newTerm(): TermDef {
  return { id: undefined, prefix: false, type: undefined, container: undefined, list: false, hasLanguage: false, language: null };
}

/** A compiled context: its terms, defaults and the caches of what expands through it. @internal */
export class ActiveContext {
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
  if (known === false) throw invalidContext('cyclic IRI mapping', `cyclic IRI mapping at term "${term}".`);
  if (++state.depth > state.maxDepth) throw tooDeep(state.maxDepth);
  try {
    defined.set(term, false);
    let value: unknown = Object.hasOwn(local, term) ? local[term] : undefined;
    if (term === '@type' && isObject(value)) throw unsupported('"@type" term definition', 'in a context');
    if (isKeyword(term)) throw invalidContext('keyword redefinition', `keyword "${term}" cannot be redefined.`);
    if (KEYWORD_LIKE.test(term)) return; // reserved for future keywords: ignored, as jsonld does
    if (term === '') throw invalidContext('invalid term definition', 'a term cannot be an empty string.');

    const previous = ctx.terms.get(term);
    ctx.terms.delete(term);
    let simple = false;
    if (typeof value === 'string' || value === null) {
      simple = true;
      value = { '@id': value };
    }
    if (!isObject(value)) throw invalidContext('invalid term definition', `the definition of term "${term}" must be a string, null or an object.`);
    for (const key of Object.keys(value)) {
      if (UNSUPPORTED_TERM_KEYS.has(key) && key !== '@reverse') {
        throw unsupported(key === '@context' ? '"@context" (a scoped context)' : `"${key}"`, `in the definition of term "${term}"`);
      }
      if (!VALID_TERM_KEYS.has(key)) throw invalidContext('invalid term definition', `the definition of term "${term}" must not contain "${key}".`);
    }
    if (Object.hasOwn(value, '@reverse')) {
      // Deferred: published contexts define reverse terms that documents rarely use.
      const reverse = newTerm();
      reverse.id = null;
      reverse.unsupported = unsupported('"@reverse"', `in the definition of term "${term}"`);
      ctx.terms.set(term, reverse);
      defined.set(term, true);
      return;
    }

    const def = newTerm();
    ctx.terms.set(term, def);
    const colon = term.indexOf(':');
    const hasColon = colon > 0;

    if (Object.hasOwn(value, '@id')) {
      const id = value['@id'];
      if (id !== null && typeof id !== 'string') throw invalidContext('invalid IRI mapping', `the @id of term "${term}" must be a string or null.`);
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
          throw invalidContext('invalid IRI mapping', `the @id of term "${term}" must be an absolute IRI, a blank node identifier or a keyword.`);
        }
        if (IRI_LIKE_TERM.test(term)) {
          const termIri = contextIri({ ...state, defined: new Map(defined).set(term, true) }, term, true);
          if (termIri !== iri) throw invalidContext('invalid IRI mapping', `term "${term}" has the form of an IRI but maps to another IRI.`);
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
        if (ctx.vocab === undefined) throw invalidContext('invalid IRI mapping', `term "${term}" needs an @id where there is no @vocab.`);
        def.id = ctx.vocab + term;
      }
    }
    defined.set(term, true);

    if (Object.hasOwn(value, '@type')) {
      const raw = value['@type'];
      if (typeof raw !== 'string') throw invalidContext('invalid type mapping', `the @type of term "${term}" must be a string.`);
      let type: string = raw;
      if (type !== '@json' && type !== '@none' && type !== '@id' && type !== '@vocab') {
        const iri = contextIri(state, type, true);
        if (iri === null || !isAbsolute(iri) || iri.startsWith('_:')) throw invalidContext('invalid type mapping', `the @type of term "${term}" must be an absolute IRI.`);
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
      else throw invalidContext('invalid container mapping', `the @container of term "${term}" must be a string or an array.`);
      for (const c of container) {
        if (typeof c === 'string' && UNSUPPORTED_CONTAINERS.has(c)) throw unsupported(`"@container": "${c}"`, `in the definition of term "${term}"`);
      }
      const hasSet = container.includes('@set');
      const hasList = container.includes('@list');
      const valid =
        container.every((c) => c === '@set' || c === '@list') &&
        (hasList ? container.length === 1 : container.length <= (hasSet ? 2 : 1)) &&
        !(hasSet && hasList);
      if (!valid) throw invalidContext('invalid container mapping', `the @container of term "${term}" must be "@set" or "@list".`);
      def.container = container as string[];
      def.list = hasList;
    }

    if (Object.hasOwn(value, '@language') && !Object.hasOwn(value, '@type')) {
      const language = value['@language'];
      if (language !== null && typeof language !== 'string') throw invalidContext('invalid language mapping', `the @language of term "${term}" must be a string or null.`);
      def.hasLanguage = true;
      def.language = language === null ? null : language.toLowerCase();
    }

    if (def.id === '@context' || def.id === '@preserve') throw invalidContext('invalid keyword alias', `"${def.id}" cannot be aliased (term "${term}").`);
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
export function compileObject(parent: ActiveContext, local: Record<string, unknown>, maxDepth: number): ActiveContext {
  if (Object.hasOwn(local, '@context')) throw unsupported('"@context"', 'inside a context definition');
  for (const key of Object.keys(local)) {
    if (UNSUPPORTED_CONTEXT_KEYS.has(key)) throw unsupported(`"${key}"`, 'in a context');
  }
  const rval = parent.clone();
  const defined = new Map<string, boolean>();

  if (Object.hasOwn(local, '@version')) {
    if (local['@version'] !== 1.1) throw invalidContext('invalid @version value', `unsupported @version ${JSON.stringify(local['@version'])}.`);
    defined.set('@version', true);
  }
  if (Object.hasOwn(local, '@base')) {
    const base = local['@base'];
    if (base === null || (typeof base === 'string' && isAbsolute(base))) rval.base = base;
    else if (typeof base === 'string') rval.base = prependBase(rval.hasBase ? rval.base : undefined, base);
    else throw invalidContext('invalid base IRI', '@base must be a string or null.');
    rval.hasBase = true;
    rval.memoDocBase = undefined;
    defined.set('@base', true);
  }
  if (Object.hasOwn(local, '@vocab')) {
    const vocab = local['@vocab'];
    if (vocab === null) rval.vocab = undefined;
    else if (typeof vocab !== 'string') throw invalidContext('invalid vocab mapping', '@vocab must be a string or null.');
    else rval.vocab = vocabIri(rval, vocab);
    defined.set('@vocab', true);
  }
  if (Object.hasOwn(local, '@language')) {
    const language = local['@language'];
    if (language === null) rval.language = undefined;
    else if (typeof language !== 'string') throw invalidContext('invalid default language', '@language must be a string or null.');
    else rval.language = language.toLowerCase();
    defined.set('@language', true);
  }
  const state: Definitions = { ctx: rval, local, defined, maxDepth, depth: 0 };
  for (const key of Object.keys(local)) defineTerm(state, key);
  return rval;
}

/** jsonld's `_expandIri` with `vocab: true` and no base (property keys). */
export function keyIri(ctx: ActiveContext, key: string): string | null {
  if (isKeyword(key)) return key;
  if (KEYWORD_LIKE.test(key)) return null;
  const term = ctx.terms.get(key);
  if (term !== undefined && term.id !== undefined) return term.id;
  return compactOrVocab(ctx, key) ?? key;
}

/** The prefix / absolute steps of IRI expansion: blank node ids, compact IRIs and absolute IRIs. */
export function compactOrAbsolute(ctx: ActiveContext, value: string): string | undefined {
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
export function compactOrVocab(ctx: ActiveContext, value: string): string | undefined {
  return compactOrAbsolute(ctx, value) ?? (ctx.vocab !== undefined ? ctx.vocab + value : undefined);
}
