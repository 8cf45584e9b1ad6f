/**
 * The validator compiler: one closure per property, compiled once per type and registry, that
 * walks a parsed JSON object in place (no copy) and collects violations with their JSON paths.
 * Closures, not `new Function`, so that it works under any Content-Security-Policy. It is the
 * authority on violations; `codegen.ts` answers "valid" faster for most documents and defers to it.
 *
 * @module
 * @internal
 */
import { extendsType, type AnyTypeDef } from '../model/define.js';
import { describe, HyperldError, type ErrorCode, type Violation } from '../errors.js';
import { expectedOf, factsOf, jsonTypesOf, type AnyKind, type KindSpec } from '../model/kinds.js';
import type { Terms } from '../iri/terms.js';
import type { ContextDocument } from '../context/document.js';
import type { ActiveContext, ContextLayers } from './active-context.js';

/** Limits and switches of one validation run. @internal */
export interface ValidateSettings {
  readonly strict: boolean;
  readonly unknownProperties: 'keep' | 'error';
  readonly unknownContext: 'error' | 'ignore';
  readonly maxDepth: number;
  readonly maxListLength: number;
  readonly maxViolations: number;
  readonly base: string | undefined;
}

/** What the compiler needs from a registry. @internal */
export interface TypeLookup {
  /** The definition registered for a `@type` term. */
  lookup(type: string): AnyTypeDef | undefined;
  /**
   * The definition of a node of this `@type` term in this active context (by term, else by the
   * class IRI the term stands for there or as a compact or full IRI), as `Registry.definitionOf`
   * answers it.
   */
  definitionIn(type: string, active: ActiveContext): AnyTypeDef | undefined;
  hasContext(url: string, base: string | undefined): boolean;
  /** The terms of a registered context URL. */
  terms(url: string, base: string | undefined): Terms | undefined;
  /** The document registered at a URL (as written). */
  context(url: string): ContextDocument | undefined;
  /** Layers nodes' `@context` values on active contexts. */
  readonly layers: ContextLayers;
}

/**
 * Whether a `@type` value has a usable shape: a non-empty string, or a non-empty array of them
 * (JSON-LD's several types).
 *
 * @param type - the value of `@type`.
 * @returns whether it is one.
 * @internal
 */
export function isTypeValue(type: unknown): type is string | readonly string[] {
  if (typeof type === 'string') return type.length > 0;
  if (!Array.isArray(type) || type.length === 0) return false;
  for (let i = 0; i < type.length; i++) {
    const t: unknown = type[i];
    if (typeof t !== 'string' || t.length === 0) return false;
  }
  return true;
}

/**
 * What a node's `@type` dispatches to: the first of its types that names a registered definition
 * (and, in a property that takes only some, the first that is one of them or extends one), so
 * that a node typed `["schema:Book", "Book"]` is a `Book`. `undefined` when none of its types is
 * registered, `null` when some are but none is accepted.
 *
 * In a property that takes only some definitions, a bare term that no context gives a registered
 * meaning is also taken as the local name of one of them (API Platform writes Hydra's
 * `IriTemplateMapping` under its own `@vocab`).
 *
 * @param types - the registry's look-ups.
 * @param type - a valid `@type` value ({@link isTypeValue}).
 * @param active - the node's active context.
 * @param accepted - the definitions the property takes (and their subtypes), or `undefined` for any.
 * @returns the definition, `undefined` or `null`.
 * @internal
 */
export function dispatchType(
  types: TypeLookup,
  type: string | readonly string[],
  active: ActiveContext,
  accepted: readonly AnyTypeDef[] | undefined,
): AnyTypeDef | undefined | null {
  let found: AnyTypeDef | undefined | null;
  if (typeof type === 'string') {
    found = types.definitionIn(type, active);
    if (found !== undefined && accepted !== undefined && !isAccepted(found, accepted)) found = null;
  } else {
    for (let i = 0; i < type.length; i++) {
      const def = types.definitionIn(type[i] as string, active);
      if (def === undefined) continue;
      if (accepted === undefined || isAccepted(def, accepted)) return def;
      found = null;
    }
  }
  if (found !== undefined || accepted === undefined) return found;
  // The local-name fallback: only where nothing registered matched at all.
  const terms = typeof type === 'string' ? [type] : type;
  for (const term of terms) {
    if (term.includes(':')) continue;
    for (const a of accepted) {
      const iri = a.iri;
      const cut = iri.length - term.length - 1;
      if (cut >= 0 && iri.endsWith(term) && (iri[cut] === '#' || iri[cut] === '/')) return a;
    }
  }
  return undefined;
}

function isAccepted(def: AnyTypeDef, accepted: readonly AnyTypeDef[]): boolean {
  for (const a of accepted) if (a === def || extendsType(def, a)) return true;
  return false;
}

/** Thrown inside a run to stop it once `maxViolations` is reached. */
class Enough {}
const ENOUGH = new Enough();

/** The state of one validation run. @internal */
export class Run {
  readonly violations: Violation[] = [];
  readonly path: (string | number)[] = [];
  depth = 0;
  /** Whether Object.prototype has no enumerable keys (so `for…in` over plain objects is own-only). */
  readonly plainPrototypes = !hasEnumerableKey(Object.prototype);
  /** The nodes that are items of lists (collection members): they get metadata like the root. */
  readonly members: object[] = [];
  /** Collects every node with its JSON path, when asked (`Registry.nodes`). */
  visited: Array<{ readonly path: string; readonly node: Record<string, unknown> }> | undefined;
  constructor(
    readonly settings: ValidateSettings,
    readonly compiler: Compiler,
  ) {}

  report(code: ErrorCode, key: string | number | undefined, expected: string, found: string): void {
    this.violations.push({ code, path: formatPath(this.path, key), expected, found });
    if (this.violations.length >= this.settings.maxViolations) throw ENOUGH;
  }
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Formats a path as `$.members[3].account.name`.
 *
 * @param segments - keys and indexes from the root.
 * @param last - one more segment, if any.
 * @returns the JSON path.
 * @internal
 */
export function formatPath(segments: readonly (string | number)[], last?: string | number): string {
  let out = '$';
  const all = last === undefined ? segments : [...segments, last];
  for (const s of all) out += typeof s === 'number' ? `[${s}]` : IDENTIFIER.test(s) ? `.${s}` : `[${JSON.stringify(s)}]`;
  return out;
}

/** Checks a non-null value at `key`, inside a node whose active context is `active`. */
type Check = (value: unknown, key: string | number, run: Run, active: ActiveContext) => void;

/** A property of a compiled type. @internal */
export interface CompiledProperty {
  /** The key the definition declares (used in messages). */
  readonly key: string;
  /** Its kind. */
  readonly kind: AnyKind;
  /** The keys that stand for the property in documents using the compiled context. */
  readonly keys: readonly string[];
  readonly optional: boolean;
  readonly nullable: boolean;
  readonly expected: string;
  readonly check: Check;
}

/** A type compiled for one context: its properties by every key that stands for them. @internal */
export interface CompiledType {
  readonly def: AnyTypeDef;
  /** The active context it was compiled for (its keys are read through its terms); the empty one for the type's own context. */
  readonly active: ActiveContext;
  readonly properties: readonly CompiledProperty[];
  readonly byKey: ReadonlyMap<string, CompiledProperty>;
  /** How many properties are required, to find missing ones only when some are. */
  readonly required: number;
  /**
   * The identifier's declared key (`id`) where the context gives that key another meaning (API
   * Platform's `@vocab` makes `id` a property): it stands for the identifier only in a node that
   * has none of the identifier's own keys (`@id`, an alias); otherwise it is data.
   */
  readonly idFallback: { readonly key: string; readonly property: CompiledProperty } | undefined;
}

/** Whether a node has a property under one of its keys (`hasOwn`: never a key of the prototype). @internal */
export function hasKeys(p: CompiledProperty, value: Record<string, unknown>): boolean {
  for (const k of p.keys) if (Object.hasOwn(value, k) && value[k] !== undefined) return true;
  return false;
}

/**
 * Whether a node has a property of a compiled type under one of its keys (or, for the
 * identifier, under its fallback key).
 * @internal
 */
export function hasProperty(compiled: CompiledType, p: CompiledProperty, value: Record<string, unknown>): boolean {
  if (hasKeys(p, value)) return true;
  const fallback = compiled.idFallback;
  return fallback !== undefined && fallback.property === p && Object.hasOwn(value, fallback.key) && value[fallback.key] !== undefined;
}

/** Whether an object has an enumerable key, own or inherited. @internal */
export function hasEnumerableKey(object: object): boolean {
  for (const _ in object) return true;
  return false;
}

/** Whether an object's prototype is Object.prototype or none. @internal */
export function isPlainPrototype(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The keys that stand for a property in documents under a context's terms, the first one the
 * key read first; `otherMeaning` when the context gives an identifier's declared key a meaning
 * of its own (so that key is not among them).
 *
 * @param key - the declared key.
 * @param kind - its kind.
 * @param iri - its IRI (`@id` for an identifier).
 * @param context - the terms in force (`undefined`: none known).
 * @param foreign - whether the context is not the type's own (nor includes it).
 */
function keysIn(key: string, kind: AnyKind, iri: string, context: Terms | undefined, foreign: boolean): { keys: readonly string[]; otherMeaning: boolean } {
  if (kind.spec.tag === 'id') {
    // An identifier is read under every alias the context gives `@id` (TextUs' `id`), and under
    // the keyword itself, whatever the context; the declared key last, as below, unless the
    // context gives that key a meaning of its own (API Platform's `@vocab` makes `id` a property,
    // often a number).
    const aliases = context ? context.keysOf('@id') : ['@id'];
    if (aliases.includes(key)) return { keys: aliases, otherMeaning: false };
    if (context !== undefined && context.iriOf(key) !== undefined) return { keys: aliases, otherMeaning: true };
    return { keys: [...aliases, key], otherMeaning: false };
  }
  if (!context) return { keys: [key], otherMeaning: false };
  // Every key the context lets stand for the property's IRI (term, compact IRI, the IRI itself);
  // the declared key last when a foreign context says nothing of the IRI, so that the property
  // does not vanish.
  const alternatives = context.keysOf(iri);
  if (alternatives.includes(key)) return { keys: alternatives, otherMeaning: false };
  // In the type's own context, where the (published) document has no term for the IRI (only its
  // compact and full forms), the declared key is still the one hyperld writes: read it first.
  const noTerm = alternatives[0] === undefined || alternatives[0].includes(':');
  return { keys: !foreign && noTerm ? [key, ...alternatives] : [...alternatives, key], otherMeaning: false };
}

/** Compiles and caches validators for the types of one registry. @internal */
export class Compiler {
  private readonly compiled = new Map<AnyTypeDef, Map<string, CompiledType>>();
  /** The compiled form for each definition's own context: the common case, one look-up. */
  private readonly own = new Map<AnyTypeDef, CompiledType>();

  constructor(readonly types: TypeLookup) {}

  /**
   * Validates a node (any registered type, or one of `accepted` and their subtypes) inside an
   * enclosing node whose active context is `parent` (for the root: the empty one, or the context
   * `DecodeOptions.context` names).
   */
  node(value: unknown, key: string | number | undefined, run: Run, accepted: readonly AnyTypeDef[] | undefined, parent: ActiveContext): void {
    if (!isPlainObject(value)) {
      // The document itself must be a node; a property value that is not one is of the wrong kind.
      run.report(key === undefined ? 'not_an_object' : 'wrong_kind', key, 'a JSON object (a node)', describe(value));
      return;
    }
    if (key !== undefined) run.path.push(key);
    if (++run.depth > run.settings.maxDepth) {
      run.report('max_depth', undefined, `at most ${run.settings.maxDepth} levels of nesting (maxDepth)`, 'deeper nesting');
      run.depth--;
      if (key !== undefined) run.path.pop();
      return;
    }
    if (typeof key === 'number') run.members.push(value);
    run.visited?.push({ path: formatPath(run.path), node: value });
    const type = value['@type'];
    const context = value['@context'];
    // Its own context layered on the enclosing one, as JSON-LD reads it: its `@type` and its keys
    // mean what these terms say (an embedded view's `PartialCollectionView`, under a Hydra root).
    const active = this.types.layers.layer(parent, context, run.settings.base);
    let def: AnyTypeDef | undefined;
    if (type === undefined) {
      run.report('missing_type', '@type', 'a "@type"', 'no "@type"');
    } else if (!isTypeValue(type)) {
      run.report('invalid_type', '@type', Array.isArray(type) ? 'a non-empty array of non-empty strings' : 'a non-empty string', describe(type));
    } else {
      const found = dispatchType(this.types, type, active, accepted);
      const expected = accepted?.map((d) => JSON.stringify(d.type)).join(' or ');
      if (found === null) {
        run.report('unexpected_type', '@type', expected as string, describe(type));
      } else if (found === undefined) {
        if (run.settings.strict || expected !== undefined) {
          run.report(expected !== undefined ? 'unexpected_type' : 'unknown_type', '@type', expected ?? 'a registered type', describe(type));
        }
      } else def = found;
    }
    if (def === undefined) {
      this.unknownValues(value, run);
    } else {
      // The document's keys are walked in their own order (not the definition's) so that
      // violations come out in document order; declared properties are found through a Map.
      // A node whose active context is not its type's own reads its properties through that
      // context's terms (TextUs' `members` for Hydra's `member`).
      const compiled = this.compile(def, active);
      const byKey = compiled.byKey;
      const error = run.settings.unknownProperties === 'error';
      let required = 0;
      // `for…in` yields inherited keys only when a prototype has enumerable ones: not the case for
      // a plain object while Object.prototype is clean, which spares a `hasOwn` per key.
      const ownOnly = run.plainPrototypes && isPlainPrototype(value);
      for (const k in value) {
        if ((!ownOnly && !Object.hasOwn(value, k)) || k === '@type') continue;
        const v = value[k];
        if (k === '@context') {
          if (v !== undefined) this.context(v, run);
          continue;
        }
        let p = byKey.get(k);
        // The identifier's fallback key, in a node without the identifier's own keys.
        const fallback = compiled.idFallback;
        if (p === undefined && fallback !== undefined && k === fallback.key && !hasKeys(fallback.property, value)) {
          p = fallback.property;
        }
        if (p === undefined) {
          if (error) run.report('unknown_property', k, 'only declared properties', describe(v));
          if (typeof v === 'object' && v !== null) this.json(v, k, run);
          continue;
        }
        // An own `undefined` (only in hand-built nodes) counts as absent, as JSON.stringify drops it.
        if (v === undefined) continue;
        // Only a property's first spelling counts: a document that also uses another one
        // (`member` and `hydra:member`) takes the full check for missing properties below.
        if (!p.optional) {
          if (k === p.keys[0]) required++;
          else required = Number.NEGATIVE_INFINITY;
        }
        if (v === null) {
          if (!p.nullable) run.report('wrong_kind', k, p.expected, 'null');
          continue;
        }
        p.check(v, k, run, active);
      }
      if (required < compiled.required) {
        for (const p of compiled.properties) {
          // `hasOwn`, so that a property named `constructor` is never read from the prototype.
          if (!p.optional && !hasProperty(compiled, p, value)) {
            run.report('missing_property', p.keys[0] ?? p.key, p.expected, 'nothing');
          }
        }
      }
    }
    run.depth--;
    if (key !== undefined) run.path.pop();
  }

  private context(context: unknown, run: Run): void {
    if (typeof context === 'string') {
      if (run.settings.unknownContext === 'error' && !this.types.hasContext(context, run.settings.base)) {
        run.report('unknown_context', '@context', 'a registered context URL (contexts are never fetched)', describe(context));
      }
    } else if (Array.isArray(context)) {
      run.path.push('@context');
      for (let i = 0; i < context.length; i++) {
        const c: unknown = context[i];
        if (typeof c === 'string') {
          if (run.settings.unknownContext === 'error' && !this.types.hasContext(c, run.settings.base)) {
            run.report('unknown_context', i, 'a registered context URL (contexts are never fetched)', describe(c));
          }
        } else if (c !== null && !isPlainObject(c)) {
          run.report('invalid_context', i, 'a context URL or object', describe(c));
        } else if (c !== null) {
          this.json(c, i, run);
        }
      }
      run.path.pop();
    } else if (isPlainObject(context)) {
      this.json(context, '@context', run);
    } else if (context !== null) {
      run.report('invalid_context', '@context', 'a context URL, object or array', describe(context));
    }
  }

  /** Walks a node of no known type: its `@context`, and its values for the depth bound only. */
  private unknownValues(value: Record<string, unknown>, run: Run): void {
    for (const k in value) {
      if (!Object.hasOwn(value, k) || k === '@type') continue;
      const v = value[k];
      if (k === '@context') {
        if (v !== undefined) this.context(v, run);
      } else if (typeof v === 'object' && v !== null) this.json(v, k, run);
    }
  }

  /** Walks free-form JSON for the depth bound only. */
  json(value: unknown, key: string | number, run: Run): void {
    if (typeof value !== 'object' || value === null) return;
    run.path.push(key);
    if (++run.depth > run.settings.maxDepth) {
      run.report('max_depth', undefined, `at most ${run.settings.maxDepth} levels of nesting (maxDepth)`, 'deeper nesting');
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        if (typeof item === 'object' && item !== null) this.json(item, i, run);
      }
    } else {
      for (const k in value) {
        if (!Object.hasOwn(value, k)) continue;
        const item = (value as Record<string, unknown>)[k];
        if (typeof item === 'object' && item !== null) this.json(item, k, run);
      }
    }
    run.depth--;
    run.path.pop();
  }

  /**
   * The compiled form of a definition in an active context, made on first use: for its own
   * context (no context in force, or exactly its own document), or for other contexts, whose
   * terms say which keys stand for each property. Kept per context combination (by its stable
   * key) while the registry keeps that combination.
   */
  compile(def: AnyTypeDef, active: ActiveContext = this.types.layers.empty): CompiledType {
    if (active.key === '') {
      const own = this.own.get(def);
      if (own) return own;
    }
    let perContext = this.compiled.get(def);
    if (!perContext) this.compiled.set(def, (perContext = new Map()));
    let compiled = perContext.get(active.key);
    if (compiled) return compiled;
    // The compiled form is made for one active context (its generated validator hands that
    // context down to embedded nodes), but the keys of a type in exactly its own document are the
    // keys of its own context; where a context includes the type's own document, the declared
    // keys still come first, as in the type's own context.
    const ownDoc = this.types.context(def.context);
    const terms = active.parts.length === 0 || active.isOnly(ownDoc) ? undefined : active.terms;
    const includesOwn = ownDoc !== undefined && active.documents.includes(ownDoc);
    const properties: CompiledProperty[] = [];
    const byKey = new Map<string, CompiledProperty>();
    let fallbackKey: string | undefined;
    const ownTerms = this.types.terms(def.context, undefined);
    for (const [key, kind] of Object.entries(def.properties) as [string, AnyKind][]) {
      const iri = def.propertyIris[key] as string;
      const found = keysIn(key, kind, iri, terms ?? ownTerms, terms !== undefined && !includesOwn);
      if (found.otherMeaning && fallbackKey === undefined) fallbackKey = key;
      let keys = found.keys;
      if (terms !== undefined) {
        // Where the type's own document is in force, its keys come first, in its order: an
        // enclosing context may define other terms for the same IRI, ahead of them in the
        // combined terms (and the generated validator reads the first key).
        if (includesOwn) {
          const own = keysIn(key, kind, iri, ownTerms, false).keys.filter((k) => found.keys.includes(k));
          keys = [...own, ...found.keys.filter((k) => !own.includes(k))];
        }
      }
      // Two properties of one IRI (hydra:Error's `status` and `statusCode`): each is first read
      // under its own key, so that the first keys stay distinct (the generated validator needs that).
      const first = keys[0];
      if (first !== undefined && first !== key && Object.hasOwn(def.properties, first) && keys.includes(key)) {
        keys = [key, ...keys.filter((k) => k !== key)];
      }
      const property: CompiledProperty = {
        key,
        kind,
        keys,
        optional: kind.isOptional,
        nullable: kind.isNullable,
        expected: expectedOf(kind),
        check: this.check(kind),
      };
      properties.push(property);
    }
    // Each property's first key is its own; the other spellings go to the first property that has them.
    for (const p of properties) if (p.keys[0] !== undefined && !byKey.has(p.keys[0])) byKey.set(p.keys[0], p);
    for (const p of properties) for (const k of p.keys) if (!byKey.has(k)) byKey.set(k, p);
    const idProperty = fallbackKey === undefined || byKey.has(fallbackKey) ? undefined : properties.find((p) => p.key === fallbackKey);
    const idFallback = idProperty === undefined ? undefined : { key: fallbackKey as string, property: idProperty };
    compiled = { def, active, properties, byKey, required: properties.filter((p) => !p.optional).length, idFallback };
    if (active.interned) perContext.set(active.key, compiled);
    if (active.key === '') this.own.set(def, compiled);
    return compiled;
  }

  /** Compiles the check of a non-null value of a kind: its scalar check, or the walk of what it holds. */
  check(kind: AnyKind): Check {
    const expected = expectedOf(kind);
    const spec = kind.spec;
    const scalar = factsOf(spec).scalar?.(spec);
    if (scalar !== undefined) {
      return (v, key, run) => {
        const code = scalar(v);
        if (code !== undefined) run.report(code, key, expected, describe(v));
      };
    }
    switch (spec.tag) {
      case 'json':
        return (v, key, run) => {
          if (typeof v === 'object' && v !== null) this.json(v, key, run);
          else if (typeof v === 'number' && !Number.isFinite(v)) run.report('wrong_kind', key, expected, describe(v));
          else if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') run.report('wrong_kind', key, expected, describe(v));
        };
      case 'node': {
        // Resolved on first use (definitions may refer to ones declared later), then kept.
        const thunk = spec.targets;
        let targets: readonly AnyTypeDef[] | undefined;
        return (v, key, run, active) => this.node(v, key, run, thunk === undefined ? undefined : (targets ??= thunk()), active);
      }
      case 'list': {
        const item = this.check(spec.item);
        const nullable = spec.item.isNullable;
        const itemExpected = expectedOf(spec.item);
        return (v, key, run, active) => {
          if (!Array.isArray(v)) {
            run.report('wrong_kind', key, expected, describe(v));
            return;
          }
          if (v.length > run.settings.maxListLength) {
            run.report('max_list_length', key, `at most ${run.settings.maxListLength} items (maxListLength)`, describe(v));
            return;
          }
          run.path.push(key);
          if (++run.depth > run.settings.maxDepth) {
            run.report('max_depth', undefined, `at most ${run.settings.maxDepth} levels of nesting (maxDepth)`, 'deeper nesting');
          } else {
            for (let i = 0; i < v.length; i++) {
              const x: unknown = v[i];
              if (x === null) {
                if (!nullable) run.report('wrong_kind', i, itemExpected, 'null');
              } else item(x, i, run, active);
            }
          }
          run.depth--;
          run.path.pop();
        };
      }
      case 'union': {
        // The branch for each JSON type, decided once: the first option that takes it.
        const byJsonType = new Map<string, Check>();
        for (const option of spec.options) {
          const check = this.check(option);
          for (const jsonType of jsonTypesOf(option)) if (!byJsonType.has(jsonType)) byJsonType.set(jsonType, check);
        }
        return (v, key, run, active) => {
          const check = byJsonType.get(Array.isArray(v) ? 'array' : typeof v);
          if (check) check(v, key, run, active);
          else run.report('wrong_kind', key, expected, describe(v));
        };
      }
      default:
        // Every other kind is a scalar, checked above by its facts.
        throw new HyperldError('invalid_definition', `Kind "${(spec as KindSpec).tag}" has neither a scalar check nor a walk.`);
    }
  }
}

export { ENOUGH, Enough };
