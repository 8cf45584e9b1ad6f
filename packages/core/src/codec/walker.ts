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
  /** The definition of a node of this `@type` and `@context` (`Registry.definitionOf`: by term, else by class IRI). */
  definitionOf(type: string, context: unknown, base: string | undefined): AnyTypeDef | undefined;
  hasContext(url: string, base: string | undefined): boolean;
  /** The terms of a registered context URL. */
  terms(url: string, base: string | undefined): Terms | undefined;
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

type Check = (value: unknown, key: string | number, run: Run) => void;

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
  /** The foreign context URL it was compiled for, or `undefined` for the type's own context. */
  readonly foreign: string | undefined;
  readonly properties: readonly CompiledProperty[];
  readonly byKey: ReadonlyMap<string, CompiledProperty>;
  /** How many properties are required, to find missing ones only when some are. */
  readonly required: number;
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

/** Compiles and caches validators for the types of one registry. @internal */
export class Compiler {
  private readonly compiled = new Map<AnyTypeDef, Map<string, CompiledType>>();
  /** The compiled form for each definition's own context: the common case, one look-up. */
  private readonly own = new Map<AnyTypeDef, CompiledType>();

  constructor(readonly types: TypeLookup) {}

  /** Validates a node (any registered type, or one of `accepted` and their subtypes). */
  node(value: unknown, key: string | number | undefined, run: Run, accepted: readonly AnyTypeDef[] | undefined): void {
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
    let def: AnyTypeDef | undefined;
    if (type === undefined) {
      run.report('missing_type', '@type', 'a "@type"', 'no "@type"');
    } else if (typeof type !== 'string' || type.length === 0) {
      run.report('invalid_type', '@type', 'a non-empty string', describe(type));
    } else {
      def = this.types.definitionOf(type, context, run.settings.base);
      if (def === undefined) {
        if (run.settings.strict || accepted !== undefined) {
          run.report(
            accepted ? 'unexpected_type' : 'unknown_type',
            '@type',
            accepted ? accepted.map((d) => JSON.stringify(d.type)).join(' or ') : 'a registered type',
            describe(type),
          );
        }
      } else if (accepted !== undefined && !accepted.some((a) => extendsType(def as AnyTypeDef, a))) {
        run.report('unexpected_type', '@type', accepted.map((d) => JSON.stringify(d.type)).join(' or '), describe(type));
        def = undefined;
      }
    }
    if (def === undefined) {
      this.unknownValues(value, run);
    } else {
      // The document's keys are walked in their own order (not the definition's) so that
      // violations come out in document order; declared properties are found through a Map.
      // A node whose context is not its type's own reads its properties through that context's
      // terms (TextUs' `members` for Hydra's `member`).
      const terms = typeof context === 'string' && context !== def.context ? this.types.terms(context, run.settings.base) : undefined;
      const compiled = this.compile(def, terms === undefined ? undefined : context as string, terms);
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
        const p = byKey.get(k);
        if (p === undefined) {
          if (error) run.report('unknown_property', k, 'only declared properties', describe(v));
          if (typeof v === 'object' && v !== null) this.json(v, k, run);
          continue;
        }
        // An own `undefined` (only in hand-built nodes) counts as absent, as JSON.stringify drops it.
        if (v === undefined) continue;
        // `@id` beside its alias: two identifiers, which JSON-LD rejects as colliding keywords.
        if (p.kind.spec.tag === 'id' && k !== p.keys[0] && Object.hasOwn(value, p.keys[0] as string)) {
          run.report('invalid_jsonld', k, `one identifier, "${p.keys[0]}" or "${k}" (JSON-LD: colliding keywords)`, describe(v));
          continue;
        }
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
        p.check(v, k, run);
      }
      if (required < compiled.required) {
        for (const p of compiled.properties) {
          // `hasOwn`, so that a property named `constructor` is never read from the prototype.
          if (!p.optional && !p.keys.some((k) => Object.hasOwn(value, k) && value[k] !== undefined)) {
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
   * The compiled form of a definition, made on first use: for its own context, or for a foreign
   * context whose terms say which keys stand for each property.
   */
  compile(def: AnyTypeDef, contextUrl?: string, terms?: Terms): CompiledType {
    if (contextUrl === undefined) {
      const own = this.own.get(def);
      if (own) return own;
    }
    let perContext = this.compiled.get(def);
    if (!perContext) this.compiled.set(def, (perContext = new Map()));
    const cacheKey = contextUrl ?? '';
    let compiled = perContext.get(cacheKey);
    if (compiled) return compiled;
    const properties: CompiledProperty[] = [];
    const byKey = new Map<string, CompiledProperty>();
    for (const [key, kind] of Object.entries(def.properties) as [string, AnyKind][]) {
      let keys: readonly string[] = [key];
      const context = terms ?? this.types.terms(def.context, undefined);
      if (kind.spec.tag === 'id') {
        // The keyword itself is always the node's identifier, whatever alias the context gives.
        if (key !== '@id') keys = [key, '@id'];
      } else if (context) {
        // Every key the context lets stand for the property's IRI (term, compact IRI, the IRI
        // itself); the declared key last when a foreign context says nothing of the IRI, so that
        // the property does not vanish.
        const alternatives = context.keysOf(def.propertyIris[key] as string);
        keys = alternatives.includes(key) ? alternatives : [...alternatives, key];
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
      for (const k of keys) if (!byKey.has(k)) byKey.set(k, property);
    }
    compiled = { def, foreign: contextUrl, properties, byKey, required: properties.filter((p) => !p.optional).length };
    perContext.set(cacheKey, compiled);
    if (contextUrl === undefined) this.own.set(def, compiled);
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
        return (v, key, run) => this.node(v, key, run, thunk === undefined ? undefined : (targets ??= thunk()));
      }
      case 'list': {
        const item = this.check(spec.item);
        const nullable = spec.item.isNullable;
        const itemExpected = expectedOf(spec.item);
        return (v, key, run) => {
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
              } else item(x, i, run);
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
        return (v, key, run) => {
          const check = byJsonType.get(Array.isArray(v) ? 'array' : typeof v);
          if (check) check(v, key, run);
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
