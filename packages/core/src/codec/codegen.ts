/**
 * The fast path of validation: for every compiled type, a function generated with `new Function`
 * that reads the type's properties by name (monomorphic property loads on objects of one shape,
 * checks inlined) and answers one question, "is this node valid?", without collecting anything.
 *
 * It runs on documents decoded from JSON text only, right after `JSON.parse`: plain data, whose
 * objects have only enumerable own data properties (`__proto__` among them, as an own key), so
 * that reading a property by name and counting keys with `for…in` see the same thing the walker
 * sees. Values built by hand (`validate`, `encode`) go to the walker.
 *
 * The walker of `walker.ts` stays the authority: it runs whenever this path answers `false`
 * (which means "not sure", not "invalid"), so violations, their paths and their order never
 * depend on this module. The contract, checked by property tests against the walker: `true` only
 * when the walker finds no violation, with the same list items collected as members.
 *
 * A generated validator reaches nothing but its arguments (the node, its depth, the run) and one
 * {@link GeneratedScope} object: the shared helpers and its definition's non-literal values. A
 * dispatch to an embedded node answers what it went to, which the call site keeps as its inline
 * cache; no state is left on the validator for generated code to read.
 *
 * Where code cannot be generated (a Content-Security-Policy without `'unsafe-eval'`), or the
 * registry is made with `codegen: false`, there is no fast path and the walker does everything.
 *
 * @module
 * @internal
 */
import { HyperldError } from '../errors.js';
import type { AnyTypeDef } from '../model/define.js';
import { IRI_REFERENCE } from '../iri/reference.js';
import { DATE_TIME, factsOf, jsonTypesOf, type AnyKind } from '../model/kinds.js';
import type { ActiveContext } from './active-context.js';
import { dispatchType, hasEnumerableKey, hasKeys, isPlainPrototype, isTypeValue, type CompiledType, type Compiler, type TypeLookup, type ValidateSettings } from './walker.js';

/** One fast-path run: its settings and the list items it met (the walker's `members`). @internal */
export interface FastRun {
  readonly s: ValidateSettings;
  readonly members: object[];
}

/** A generated validator: `true` when the node (already dispatched on its `@type`) is valid. @internal */
export type FastNode = (o: Record<string, unknown>, d: number, f: FastRun) => boolean;

/**
 * What a dispatch answers: `false`, not sure (the walker decides); otherwise valid, and either the
 * validator it went to, which the call site may keep for the next node of the same `@type` and
 * `@context` (always the same one there, whatever the settings), or `true` when it may not.
 * @internal
 */
export type Dispatched = FastNode | boolean;

/**
 * Everything a generated validator reaches, as its one parameter: the shared helpers and the
 * values its definition gives that are not literals. Generated code holds no data: its source is
 * written from the definition alone (keys and context URLs as JSON string literals), and whatever
 * a document holds reaches it as the arguments of the validator it returns.
 * @internal
 */
export interface GeneratedScope {
  /** `Object.hasOwn`, for keys Object.prototype also has. */
  readonly hasOwn: (object: object, key: PropertyKey) => boolean;
  /** Whether an object's prototype is Object.prototype or none. */
  readonly isPlain: (value: object) => boolean;
  /** IRI references (`t.id()`, `t.link()`): the expression itself, called inline as `iri.test(v)`. */
  readonly iri: RegExp;
  /** ISO 8601 date-times (`t.dateTime()`). */
  readonly dateTime: RegExp;
  /**
   * Dispatches an embedded node on its `@type` (one of `accepted`, any when `undefined`); `item`
   * for a list item. It is bound to the active context the validator was generated for, which an
   * embedded node inherits.
   */
  readonly node: (v: unknown, d: number, f: FastRun, accepted: readonly AnyTypeDef[] | undefined, item: boolean) => Dispatched;
  /** Checks a node's `@context` value. */
  readonly context: (v: unknown, d: number, f: FastRun) => boolean;
  /** Checks free-form JSON at depth `d` (the depth bound only). */
  readonly json: (v: object, d: number, f: FastRun) => boolean;
  /** Checks the keys of a node beyond those the validator read (unknown properties, other spellings). */
  readonly extra: (o: Record<string, unknown>, d: number, f: FastRun) => boolean;
  /** The values of the definition that cannot be literals (enumeration sets, node targets, scalar checks), by index. */
  readonly constants: readonly unknown[];
}

/** The answer for types the generator declines: always "not sure". */
const UNSURE: FastNode = () => false;

let generationWorks: boolean | undefined;
let codegenByDefault = true;

/**
 * Turns generated validators on or off for every registry that does not say otherwise (its
 * `codegen` option). They are on by default: decoding a large page is several times faster with
 * them. A page whose Content-Security-Policy lacks `'unsafe-eval'` should turn them off before
 * its first decode: the one attempt to generate code would otherwise show up as a CSP violation
 * in the console (decoding still works, through the validating walker alone, as it does with them
 * off). Results never depend on the setting.
 *
 * @param enabled - whether registries generate validators by default.
 * @example
 * ```ts
 * import { setCodegen } from '@hyperld/core';
 * setCodegen(false); // e.g. first thing in a browser app served with script-src 'self'
 * ```
 */
export function setCodegen(enabled: boolean): void {
  codegenByDefault = enabled;
}

/**
 * Whether `new Function` works here (not under a Content-Security-Policy that forbids it).
 *
 * @returns whether code can be generated.
 * @internal
 */
export function canGenerateCode(): boolean {
  if (generationWorks === undefined) {
    try {
      generationWorks = (new Function('return 1') as () => number)() === 1;
    } catch {
      generationWorks = false;
    }
  }
  return generationWorks;
}

const hasOwn = Object.hasOwn;
const objectPrototype = Object.prototype;

/** Generates, caches and runs the fast validators of one registry. @internal */
export class FastValidator {
  private readonly generated = new Map<CompiledType, FastNode>();
  /**
   * The keys generated code reads as plain `o[key]`: none may exist on Object.prototype when a
   * run starts, or a missing property would read an inherited value. Keys that do exist there
   * (`constructor`, `toString`) are read through `Object.hasOwn` instead and are not listed.
   */
  private readonly directKeys = new Set<string>(['@type', '@context']);

  /**
   * @param compiler - the walker's compiler (compiled types).
   * @param types - the registry's look-ups.
   * @param enabled - the registry's `codegen` option; `undefined` follows {@link setCodegen}.
   */
  constructor(
    private readonly compiler: Compiler,
    private readonly types: TypeLookup,
    private readonly enabled: boolean | undefined,
  ) {}

  /**
   * Validates a document's root, in the active context `start` (the empty one, or what
   * `DecodeOptions.context` names): `true` when valid (the members collected into `members`),
   * `false` when the walker must decide.
   */
  root(value: unknown, settings: ValidateSettings, accepted: readonly AnyTypeDef[] | undefined, members: object[], start: ActiveContext): boolean {
    if (!(this.enabled ?? codegenByDefault) || !this.usable()) return false;
    try {
      return this.node(value, 1, { s: settings, members }, accepted, false, start) !== false;
    } catch {
      // A stack too deep for the generated recursion: the walker reproduces and reports it.
      return false;
    }
  }

  /** Whether Object.prototype holds nothing generated code could read or enumerate by mistake. */
  private usable(): boolean {
    if (hasEnumerableKey(objectPrototype)) return false;
    for (const key of this.directKeys) if (key in objectPrototype) return false;
    return true;
  }

  /**
   * Dispatches a node on its `@type` to its generated validator (the walker's `node`), in the
   * active context of its enclosing node, returning what it dispatched to when a call site may
   * keep it (see {@link Dispatched}).
   */
  node(v: unknown, d: number, f: FastRun, accepted: readonly AnyTypeDef[] | undefined, item: boolean, parent: ActiveContext): Dispatched {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
    const proto: unknown = Object.getPrototypeOf(v);
    if ((proto !== objectPrototype && proto !== null) || d > f.s.maxDepth) return false;
    if (item) f.members.push(v);
    const o = v as Record<string, unknown>;
    const type = o['@type'];
    if (!isTypeValue(type)) return false;
    const context = o['@context'];
    const active = this.types.layers.layer(parent, context, f.s.base);
    const def = dispatchType(this.types, type, active, accepted);
    if (def === null) return false;
    // Whether the same `@type` and `@context` at one call site (so in one enclosing active
    // context) always lead here, whatever the base IRI: then the call site may keep the pair.
    // (A `@type` array is a new object in every node: a site would never match it.)
    const cacheable =
      typeof type === 'string' && (context === undefined || (typeof context === 'string' && this.types.layers.isDirect(context))) && active.interned;
    if (def === undefined) {
      // A node of no registered type (a generic member): the site may keep that answer too, since
      // the validator it keeps checks the setting that decides it.
      if (accepted !== undefined || !this.unknownNode(o, d, f)) return false;
      return cacheable ? this.unknownNode : true;
    }
    const compiled = this.compiler.compile(def, active);
    const fn = this.generated.get(compiled) ?? this.generate(compiled);
    if (!fn(o, d, f)) return false;
    return cacheable ? fn : true;
  }

  /** A node of no registered type, accepted when not strict: its context and its depth. */
  private readonly unknownNode: FastNode = (o, d, f) => !f.s.strict && this.unknown(o, d, f);

  private unknown(o: Record<string, unknown>, d: number, f: FastRun): boolean {
    // Own keys only: the node's prototype is Object.prototype or none (checked by the dispatch,
    // and by the site that keeps this validator), with no enumerable key (checked per run).
    for (const k in o) {
      if (k === '@type') continue;
      const v = o[k];
      if (k === '@context') {
        if (v !== undefined && !this.context(v, d, f)) return false;
      } else if (typeof v === 'object' && v !== null && !this.json(v, d + 1, f)) return false;
    }
    return true;
  }

  /** A node's `@context`: registered URLs only (unless ignored), inline contexts for depth. */
  context(v: unknown, d: number, f: FastRun): boolean {
    if (typeof v === 'string') return f.s.unknownContext !== 'error' || this.types.hasContext(v, f.s.base);
    if (v === null) return true;
    if (typeof v !== 'object') return false;
    if (!Array.isArray(v)) return this.json(v, d + 1, f);
    const list = v as unknown[];
    for (let i = 0; i < list.length; i++) {
      const c = list[i];
      if (typeof c === 'string') {
        if (f.s.unknownContext === 'error' && !this.types.hasContext(c, f.s.base)) return false;
      } else if (c !== null && (typeof c !== 'object' || Array.isArray(c) || !this.json(c, d + 1, f))) return false;
    }
    return true;
  }

  /** Free-form JSON at depth `d`: only the depth bound applies. */
  json(v: object, d: number, f: FastRun): boolean {
    if (d > f.s.maxDepth) return false;
    if (Array.isArray(v)) {
      // Index loops, as in the walker: an array's iterator is not data.
      const list = v as unknown[];
      for (let i = 0; i < list.length; i++) {
        const x = list[i];
        if (typeof x === 'object' && x !== null && !this.json(x, d + 1, f)) return false;
      }
      return true;
    }
    for (const k in v) {
      if (!hasOwn(v, k)) continue;
      const x = (v as Record<string, unknown>)[k];
      if (typeof x === 'object' && x !== null && !this.json(x, d + 1, f)) return false;
    }
    return true;
  }

  /**
   * The keys of a node beyond those its generated validator read (their count differs): unknown
   * properties are fine when kept (their values within the depth bound), another spelling of a
   * declared property sends the node to the walker.
   */
  private extra(o: Record<string, unknown>, read: ReadonlySet<string>, compiled: CompiledType, d: number, f: FastRun): boolean {
    for (const k in o) {
      if (!hasOwn(o, k)) return false;
      if (k === '@type' || k === '@context' || read.has(k)) continue;
      if (compiled.byKey.has(k) || f.s.unknownProperties === 'error') return false;
      // The identifier's fallback key is the identifier in a node without its own keys (the
      // walker decides that one), and data beside them (API Platform's numeric `id`).
      if (k === compiled.idFallback?.key && !hasKeys(compiled.idFallback.property, o)) return false;
      const v = o[k];
      if (typeof v === 'object' && v !== null && !this.json(v, d + 1, f)) return false;
    }
    return true;
  }

  /** Generates (once) the validator of a compiled type. */
  private generate(compiled: CompiledType): FastNode {
    let fn: FastNode;
    try {
      fn = this.build(compiled) ?? UNSURE;
    } catch {
      // Code the engine would not take (none known: the contract tests hold every kind to going
      // fast): the walker does this type's work, and the build is not tried again.
      fn = UNSURE;
    }
    this.generated.set(compiled, fn);
    return fn;
  }

  private build(compiled: CompiledType): FastNode | undefined {
    // The generator reads each property under its first key only; a key shared by two properties
    // (or a keyword) would count twice, so such a type is left to the walker.
    for (const p of compiled.properties) {
      const key = p.keys[0];
      if (key === undefined || key === '@type' || key === '@context' || compiled.byKey.get(key) !== p) return undefined;
    }
    if (!canGenerateCode()) return undefined;
    const gen = new Generator();
    const read = new Set<string>();
    // A node whose `@context` is its type's own URL (registered by construction) needs no look-up.
    const own = JSON.stringify(compiled.def.context);
    const body: string[] = ['let n = 1, v;', 'v = o["@context"];', `if (v !== undefined) { n++; if (v !== ${own} && !context(v, d, f)) return false; }`];
    const load = (key: string): string => {
      const literal = JSON.stringify(key);
      if (key === '__proto__' || key in objectPrototype) return `(hasOwn(o, ${literal}) ? o[${literal}] : undefined)`;
      this.directKeys.add(key);
      return `o[${literal}]`;
    };
    for (const p of compiled.properties) {
      const key = p.keys[0] as string;
      read.add(key);
      body.push(`v = ${load(key)};`);
      // The other spellings (`member` under API Platform's context for `hydra:member`), read only
      // when the first is absent, and counted: a node with two spellings of one property has a
      // key more than was counted, which sends it to \`extra\` and so to the walker.
      const others = p.keys.slice(1).filter((k) => k !== '@type' && k !== '@context' && compiled.byKey.get(k) === p);
      if (others.length > 0) body.push(others.map((k) => `if (v === undefined) v = ${load(k)};`).join(' '));
      if (p === compiled.idFallback?.property) body.push('const idSeen = v !== undefined;');
      body.push(`if (v === undefined) { ${p.optional ? '' : 'return false;'} } else { n++; if (v === null) { ${p.nullable ? '' : 'return false;'} } else { ${gen.check(p.kind, 'v', 'd + 1', false)} } }`);
    }
    const fallback = compiled.idFallback;
    if (fallback !== undefined) {
      // Beside the identifier's own key, its fallback key is data (API Platform's numeric `id`);
      // without it, the walker decides what the fallback key is.
      body.push(
        `if (idSeen) { v = ${load(fallback.key)}; if (v !== undefined) { if (f.s.unknownProperties === "error") return false; n++; if (typeof v === "object" && v !== null && !json(v, d + 1, f)) return false; } }`,
      );
    }
    body.push('let c = 0; for (const k in o) c++;', 'return c === n || extra(o, d, f);');
    const source = `const { hasOwn, isPlain, iri, dateTime, node, context, json, extra, constants } = $;\n${gen.preamble()}\nreturn function validate(o, d, f) {\n${body.join('\n')}\n};`;
    const factory = new Function('$', source) as (scope: GeneratedScope) => FastNode;
    return factory(this.scope(read, compiled, gen.constants));
  }

  /** The one object a type's generated validator reaches its helpers and constants through. */
  private scope(read: ReadonlySet<string>, compiled: CompiledType, constants: readonly unknown[]): GeneratedScope {
    const active = compiled.active;
    return Object.freeze({
      hasOwn,
      isPlain: isPlainPrototype,
      iri: IRI_REFERENCE,
      dateTime: DATE_TIME,
      node: (v: unknown, d: number, f: FastRun, accepted: readonly AnyTypeDef[] | undefined, item: boolean) => this.node(v, d, f, accepted, item, active),
      context: (v: unknown, d: number, f: FastRun) => this.context(v, d, f),
      json: (v: object, d: number, f: FastRun) => this.json(v, d, f),
      extra: (o: Record<string, unknown>, d: number, f: FastRun) => this.extra(o, read, compiled, d, f),
      constants: Object.freeze([...constants]),
    });
  }
}

/** Writes the inlined checks of kinds; values that cannot be literals go to `constants`. */
class Generator {
  readonly constants: unknown[] = [];
  private names = 0;

  private sites = 0;

  preamble(): string {
    const sites = Array.from({ length: this.sites }, (_, i) => `let siteType${i} = null, siteContext${i} = null, siteFn${i} = null;`);
    return [...this.constants.map((_, i) => `const c${i} = constants[${i}];`), ...sites].join('\n');
  }

  private constant(value: unknown): string {
    this.constants.push(value);
    return `c${this.constants.length - 1}`;
  }

  /**
   * Statements that `return false` unless the non-null value `v` is of the kind; `d` is the depth
   * the value has when it is a node, list or JSON object (as the walker counts it), `item` whether
   * it is an item of a list (a member, for metadata).
   */
  check(kind: AnyKind, v: string, d: string, item: boolean): string {
    const spec = kind.spec;
    switch (spec.tag) {
      case 'string':
        return `if (typeof ${v} !== "string") return false;`;
      case 'number':
        return `if (typeof ${v} !== "number" || ${v} - ${v} !== 0) return false;`;
      case 'integer':
        return `if (!Number.isInteger(${v})) return false;`;
      case 'boolean':
        return `if (typeof ${v} !== "boolean") return false;`;
      case 'dateTime':
        return `if (typeof ${v} !== "string" || !dateTime.test(${v})) return false;`;
      case 'enum':
        return spec.open
          ? `if (typeof ${v} !== "string") return false;`
          : `if (typeof ${v} !== "string" || !${this.constant(new Set(spec.values))}.has(${v})) return false;`;
      case 'json':
        return `if (typeof ${v} === "object") { if (!json(${v}, ${d}, f)) return false; } else if (typeof ${v} === "number" ? ${v} - ${v} !== 0 : typeof ${v} !== "string" && typeof ${v} !== "boolean") return false;`;
      case 'id':
      case 'link':
        return `if (typeof ${v} !== "string" || !iri.test(${v})) return false;`;
      case 'node': {
        const targets = spec.targets?.();
        const site = this.sites++;
        const [type, context, fn] = [`siteType${site}`, `siteContext${site}`, `siteFn${site}`];
        const hit = `hit${site}`;
        // The inline cache holds a (type, context) pair that dispatched, with these targets, to a
        // type in its own context: the same pair always does, whatever the settings.
        return `if (typeof ${v} === "object" && ${v} !== null && ${v}["@type"] === ${type} && ${v}["@context"] === ${context} && ${d} <= f.s.maxDepth && isPlain(${v})) {
${item ? `f.members.push(${v});` : ''} if (!${fn}(${v}, ${d}, f)) return false;
} else {
const ${hit} = node(${v}, ${d}, f, ${targets === undefined ? 'undefined' : this.constant(targets)}, ${item});
if (${hit} === false) return false;
if (${hit} !== true) { ${type} = ${v}["@type"]; ${context} = ${v}["@context"]; ${fn} = ${hit}; }
}`;
      }
      case 'list': {
        const i = `i${this.names}`;
        const x = `x${this.names++}`;
        const onNull = spec.item.isNullable ? '' : 'return false;';
        return `if (!Array.isArray(${v}) || ${v}.length > f.s.maxListLength || ${d} > f.s.maxDepth) return false;
for (let ${i} = 0; ${i} < ${v}.length; ${i}++) { const ${x} = ${v}[${i}]; if (${x} === null) { ${onNull} } else { ${this.check(spec.item, x, `${d} + 1`, true)} } }`;
      }
      case 'union': {
        // The first option that takes a JSON type decides it, as in the walker.
        const branches = new Map<string, AnyKind>();
        for (const option of spec.options) for (const jsonType of jsonTypesOf(option)) if (!branches.has(jsonType)) branches.set(jsonType, option);
        const cases = [...branches].map(([jsonType, option]) => `case "${jsonType}": { ${this.check(option, v, d, item)} break; }`);
        return `switch (Array.isArray(${v}) ? "array" : typeof ${v}) { ${cases.join(' ')} default: return false; }`;
      }
      default: {
        // A kind with no check inlined above (none today: every kind has one, for speed) takes the
        // check of its facts, the walker's own; one with neither leaves its type to the walker.
        const scalar = factsOf(kind.spec).scalar?.(kind.spec as never);
        if (scalar === undefined) throw new HyperldError('invalid_definition', `Kind "${kind.spec.tag}" has no check to generate.`);
        return `if (${this.constant(scalar)}(${v}) !== undefined) return false;`;
      }
    }
  }
}
