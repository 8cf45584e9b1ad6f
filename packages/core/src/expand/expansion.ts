/**
 * The JSON-LD expansion algorithm (jsonld.js `lib/expand.js`) for the supported subset: one
 * {@link Run} per `expand` call walks the document, processing embedded contexts through the
 * active contexts and expanding each key by its plan.
 *
 * @module
 * @internal
 */
import type { ContextDocument } from '../context/document.js';
import { HyperldError } from '../errors.js';
import { isAbsoluteIri as isAbsolute, prependBase } from '../iri/jsonld-resolution.js';
import { compactOrAbsolute, compactOrVocab, compileObject, keyIri, type ActiveContext } from './active-context.js';
import { KeyKind as Kind, MAX_CACHED_KEYS, planKey, Scalar, type KeyPlan } from './key-plan.js';
import { cache, invalidContext, invalidDocument, isKeyword, isObject, KEYWORD_LIKE, tooDeep, unsupported } from './syntax.js';

/** Bits of {@link Run.flags}: the keywords an expanded object holds. */
const F_ID = 1;
const F_TYPE = 2;
const F_VALUE = 4;
const F_LANGUAGE = 8;
const F_LIST = 16;
const F_SET = 32;

const MAX_CACHED_CONTEXTS = 512;
const MAX_CONTEXT_URLS = 10;

/** What a run needs from its expander: the initial context, the cache budget, the resolver. @internal */
export interface ExpanderState {
  /** The initial context: the root of every cache. */
  readonly initial: ActiveContext;
  /** Counts a compiled context against the cache budget. */
  compiled(): void;
  /** Resolves a context URL. */
  readonly resolveContext: (url: string, base: string | undefined) => ContextDocument | undefined;
}

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

/** The result of expanding one node object's keys in one order. */
const COLLIDED = Symbol('collided');

/** One expansion of one document. @internal */
export class Run {
  private readonly docBase: string;
  private readonly expander: ExpanderState;
  private readonly maxDepth: number;
  /** What context URLs in the document resolve against (`undefined` without a base). */
  private readonly urlBase: string | undefined;
  /** Context URLs being resolved, against cycles (added and removed in pairs). */
  private readonly urls = new Set<string>();
  /** How many members the last {@link Run.object} call put in its output. */
  private count = 0;
  /** Which keywords (`F_*` bits) the last {@link Run.object} call put in its output. */
  private flags = 0;

  constructor(expander: ExpanderState, docBase: string | undefined, maxDepth: number) {
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
      if (term?.unsupported !== undefined) throw term.unsupported;
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
    if (typeof local !== 'object') throw invalidContext('invalid local context', `@context must be a URL, an object, null or an array of them, not ${typeof local}.`);
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
      if (Array.isArray(item)) throw invalidContext('invalid local context', '@context arrays cannot nest.');
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
      throw invalidContext(urls.has(absolute) ? 'recursive context inclusion' : 'context overflow', `context URL ${absolute} is included recursively or more than ${MAX_CONTEXT_URLS} context URLs are chained.`);
    }
    const doc = this.expander.resolveContext(url, urlBase);
    if (doc === undefined || doc === null) {
      throw new HyperldError('unknown_context', `The context ${url}${urlBase ? ` (resolved against ${urlBase})` : ''} is not registered; context URLs are never fetched.`);
    }
    if (!isObject(doc)) throw invalidContext('invalid remote context', `the context document at ${absolute} is not a JSON object.`);
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
        throw invalidDocument('invalid value object', 'a value object may not have both @type and @language.');
      }
      let valid = count - 1;
      if ((flags & F_TYPE) !== 0) valid--;
      if ((flags & F_LANGUAGE) !== 0) valid--;
      if (valid !== 0) throw invalidDocument('invalid value object', 'a value object may only have @value, @type and @language.');
      const v = out['@value'];
      const values = v === null ? [] : asArray(v);
      const types = (flags & F_TYPE) !== 0 ? asArray(out['@type']) : [];
      if (types.length === 1 && types[0] === '@json') {
        // Any @value is fine for a JSON literal.
      } else if (values.length === 0) {
        rval = null;
      } else if (!values.every((x) => typeof x === 'string' || isEmptyObject(x)) && (flags & F_LANGUAGE) !== 0) {
        throw invalidDocument('invalid language-tagged value', 'only strings may be language-tagged.');
      } else if (!types.every((t) => (typeof t === 'string' && isAbsolute(t) && !t.startsWith('_:')) || isEmptyObject(t))) {
        throw invalidDocument('invalid typed value', 'the @type of a value object must be an absolute IRI.');
      }
    } else if ((flags & F_TYPE) !== 0 && !Array.isArray(out['@type'])) {
      out['@type'] = [out['@type']];
    } else if ((flags & (F_SET | F_LIST)) !== 0) {
      if (count > 1) throw invalidDocument('invalid set or list object', 'a @set or @list object may have no other member.');
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
          throw invalidDocument('colliding keywords', `colliding keywords: more than one key expands to ${plan.iri}.`);
        }
      }
      switch (kind) {
        case Kind.Id: {
          if (typeof value !== 'string') throw invalidDocument('invalid @id value', '@id value must be a string.');
          out['@id'] = this.idIri(ctx, value);
          count++;
          flags |= F_ID;
          continue;
        }
        case Kind.Type: {
          if (!(typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string')))) {
            throw invalidDocument('invalid type value', '@type value must be a string or an array of strings.');
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
          if (typeof value !== 'string') throw invalidDocument('invalid language-tagged string', '@language value must be a string.');
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
      throw invalidDocument('invalid value object value', '@value must not be an object or an array.');
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
