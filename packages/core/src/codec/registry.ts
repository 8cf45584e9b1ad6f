/**
 * The registry: the types and context documents of a vocabulary, and the codec that decodes
 * documents into typed nodes and encodes them back, losslessly.
 *
 * @module
 */
import { contextDocument, type ContextDocument } from '../context/document.js';
import type { AnyTypeDef, NodeOf, TypeDef } from '../model/define.js';
import { DecodeError, HyperldError, type Violation } from '../errors.js';
import { resolveIri } from '../iri/reference.js';
import type { AnyKind, EmbeddedDefsOf } from '../model/kinds.js';
import { FastValidator, type setCodegen } from './codegen.js';
import { setMeta } from './meta.js';
import { compileTerms, type Terms } from '../iri/terms.js';
import type { GenericNode, JsonValue } from '../types.js';
import { Compiler, Enough, Run, type TypeLookup, type ValidateSettings } from './walker.js';

/** What a validation run found: violations, the list items met (members), visited nodes. */
type Outcome = Pick<Run, 'violations' | 'members' | 'visited'>;

/**
 * Limits applied to untrusted input. Each exceeded limit is a {@link DecodeError} whose code
 * names it (`max_size`, `max_depth`, `max_list_length`).
 *
 * @example
 * ```ts
 * import type { Limits } from '@hyperld/core';
 * const tight: Limits = { maxSize: 1 << 20, maxDepth: 32, maxListLength: 1000 };
 * ```
 */
export interface Limits {
  /** The longest text accepted, in UTF-16 code units. Default 64 MiB. */
  readonly maxSize?: number;
  /** The deepest nesting of objects and arrays accepted. Default 128; at most {@link MAX_DEPTH_CAP}. */
  readonly maxDepth?: number;
  /** The most items accepted in one list (e.g. members of one page). Default 100,000. */
  readonly maxListLength?: number;
  /** The most violations collected before validation stops. Default 100. */
  readonly maxViolations?: number;
}

/**
 * The deepest nesting any option may ask for: the walks recurse once per level, and a few
 * thousand levels would exhaust the stack, so a larger (or non-numeric) `maxDepth` is capped here.
 *
 * @example
 * ```ts
 * import { MAX_DEPTH_CAP } from '@hyperld/core';
 * console.log(MAX_DEPTH_CAP); // 2048
 * ```
 */
export const MAX_DEPTH_CAP = 2048;

function depthLimit(requested: number | undefined): number {
  if (requested === undefined || Number.isNaN(requested)) return DEFAULT_LIMITS.maxDepth;
  return Math.max(0, Math.min(Math.floor(requested), MAX_DEPTH_CAP));
}

/**
 * Default {@link Limits}.
 *
 * @example
 * ```ts
 * import { DEFAULT_LIMITS, type DecodeOptions } from '@hyperld/core';
 * console.log(DEFAULT_LIMITS.maxDepth); // 128
 * const small: DecodeOptions = { maxSize: DEFAULT_LIMITS.maxSize / 64 }; // 1 MiB
 * ```
 */
export const DEFAULT_LIMITS: Required<Limits> = Object.freeze({
  maxSize: 64 * 1024 * 1024,
  maxDepth: 128,
  maxListLength: 100_000,
  maxViolations: 100,
});

/**
 * Options of {@link Registry.decode}.
 *
 * @example
 * ```ts
 * import type { DecodeOptions } from '@hyperld/core';
 * const options: DecodeOptions = { base: 'https://api.example.com/contacts/1/conversations', strict: true };
 * ```
 */
export interface DecodeOptions extends Limits {
  /** The IRI the document came from; relative links resolve against it. */
  readonly base?: string;
  /** Reject a `@type` that is not registered (instead of decoding a {@link GenericNode}). */
  readonly strict?: boolean;
  /** `error` (default): a `@context` URL that is not registered is a violation; `ignore`: decode by `@type` alone. */
  readonly unknownContext?: 'error' | 'ignore';
  /** `keep` (default): undeclared properties are kept as data; `error`: they are violations. */
  readonly unknownProperties?: 'keep' | 'error';
}

/**
 * Options of {@link Registry.encode} and {@link Registry.encodeText}.
 *
 * @example
 * ```ts
 * import type { EncodeOptions } from '@hyperld/core';
 * const options: EncodeOptions = { validate: true };
 * ```
 */
export interface EncodeOptions extends DecodeOptions {
  /** Validate the node before encoding it (default `false`: a decoded node is already valid). */
  readonly validate?: boolean;
  /** Indentation passed to `JSON.stringify` by `encodeText`. */
  readonly space?: number | string;
}

/**
 * A node of any of the definitions `D`: a union that narrows on `@type`.
 *
 * @example
 * ```ts
 * import { createRegistry, defineType, t, type AnyNodeOf } from '@hyperld/core';
 * const A = defineType({ type: 'A', context: '/a', vocab: 'https://example.com/vocab#', properties: { a: t.string() } });
 * const B = defineType({ type: 'B', context: '/b', vocab: 'https://example.com/vocab#', properties: { b: t.number() } });
 * declare const node: AnyNodeOf<typeof A | typeof B>;
 * if (node['@type'] === 'B') node.b; // number
 * ```
 */
export type AnyNodeOf<D> = D extends AnyTypeDef ? NodeOf<D> : never;

/**
 * The definition named `Name` among `D`.
 *
 * @example
 * ```ts
 * import { defineType, type DefNamed } from '@hyperld/core';
 * const A = defineType({ type: 'A', context: '/a', vocab: 'https://example.com/vocab#', properties: {} });
 * type Def = DefNamed<typeof A, 'A'>; // typeof A
 * ```
 */
export type DefNamed<D, Name> = D extends AnyTypeDef<infer N> ? (N extends Name ? D : never) : never;

type EmbeddedDefs<D> = D extends TypeDef<string, infer P> ? { [K in keyof P]-?: EmbeddedDefsOf<P[K]> }[keyof P] : never;
type BaseDef<D> = D extends { readonly __base?: infer B extends AnyTypeDef } ? B : never;
/** Keeps definitions whose term is a literal: an `AnyTypeDef` would swallow the union. */
type Named<D> = D extends AnyTypeDef<infer N> ? (string extends N ? never : D) : never;
type Reach<New, Seen, Depth extends readonly unknown[]> = [New] extends [never]
  ? Seen
  : Depth['length'] extends 12
    ? Seen | New
    : Reach<Exclude<Named<EmbeddedDefs<New> | BaseDef<New>>, Seen | New>, Seen | New, [...Depth, unknown]>;

/**
 * The definitions a registry of `D` holds: `D` and, as {@link createRegistry} registers them,
 * every definition they extend or embed through `t.node`, transitively.
 *
 * @example
 * ```ts
 * import { defineType, t, type RegisteredDefs } from '@hyperld/core';
 * const Account = defineType({ type: 'Account', context: '/contexts/Account.jsonld', vocab: 'https://example.com/vocab#', properties: {} });
 * const User = defineType({ type: 'User', context: '/contexts/User.jsonld', vocab: 'https://example.com/vocab#', properties: { account: t.node(Account) } });
 * type Defs = RegisteredDefs<typeof User>; // typeof User | typeof Account
 * ```
 */
// `Extract` changes no result, but it tells the checker at once that the result is a definition:
// without it, every `Registry<RegisteredDefs<T>>` in a declaration (`createRegistry`, `with`)
// had the constraint proven by unfolding `Reach`'s twelve levels for a generic `T`, which cost a
// consumer 150,000 type instantiations, and seconds, on every compile with `skipLibCheck: false`.
export type RegisteredDefs<D extends AnyTypeDef> = Extract<Reach<D, never, []>, AnyTypeDef>;

/**
 * What {@link createRegistry} takes.
 *
 * @example
 * ```ts
 * import type { RegistryOptions } from '@hyperld/core';
 * const options: RegistryOptions<never> = { types: [] };
 * ```
 */
export interface RegistryOptions<D extends AnyTypeDef> {
  /** The types; types they embed or extend are registered with them. */
  readonly types: readonly D[];
  /** Extra context documents by URL (e.g. for types defined elsewhere); generated ones win on conflict. */
  readonly contexts?: Readonly<Record<string, ContextDocument>>;
  /**
   * Whether to generate a validator per type with `new Function` for decoding JSON text: several
   * times faster on large pages. Default: as {@link setCodegen} says (on unless turned off).
   * Without it, or where a Content-Security-Policy forbids `eval` (detected once), every document
   * goes through the validating walker alone; results are the same. Turn it off on pages whose
   * CSP lacks `'unsafe-eval'`, to avoid even the one detection attempt, which browsers report as
   * a CSP violation.
   */
  readonly codegen?: boolean;
}

/**
 * A registry of types and their context documents, with the codec.
 *
 * @typeParam D - the registered definitions.
 * @example
 * ```ts
 * import { createRegistry, defineType, t } from '@hyperld/core';
 * const Account = defineType({ type: 'Account', context: '/contexts/Account.jsonld', vocab: 'https://example.com/vocab#', properties: { name: t.string() } });
 * const registry = createRegistry({ types: [Account] });
 * const account = registry.decodeAs(Account, '{"@type":"Account","@context":"/contexts/Account.jsonld","id":"/accounts/1","name":"Example"}');
 * account.name; // string
 * registry.encodeText(account); // the same text
 * ```
 */
export interface Registry<D extends AnyTypeDef = AnyTypeDef> {
  /** Every registered definition by `@type` term. */
  readonly types: ReadonlyMap<string, AnyTypeDef>;
  /** Every context document by the URL types declare. */
  readonly contexts: ReadonlyMap<string, ContextDocument>;
  /**
   * The definition registered for a `@type` term.
   * @param type - the term.
   */
  get<N extends D['type']>(type: N): DefNamed<D, N>;
  /**
   * The definition registered for a `@type` term, or `undefined`.
   * @param type - any term.
   */
  lookup(type: string): AnyTypeDef | undefined;
  /**
   * The definition registered for a class IRI (a `@type` written as a full IRI, once expanded),
   * or `undefined`; the first registered wins when several share it.
   * @param iri - an absolute IRI.
   */
  lookupIri(iri: string): AnyTypeDef | undefined;
  /**
   * The context document served at a URL (relative or resolved against `base`), or `undefined`.
   * @param url - the context URL.
   * @param base - the base IRI the URL is relative to.
   */
  context(url: string, base?: string): ContextDocument | undefined;
  /**
   * Decodes a document (JSON text, or an already parsed value) into the typed node of the
   * `@type` it carries, validating it and every embedded node. The node is the parsed object
   * itself: key order, `null`s, `{}`, `[]` and unknown properties stay as they were.
   * @param input - JSON text, or a parsed JSON value.
   * @param options - base IRI, strictness and limits.
   * @throws DecodeError listing every violation with its JSON path.
   */
  decode(input: unknown, options: DecodeOptions & { readonly strict: true }): AnyNodeOf<D>;
  decode(input: unknown, options?: DecodeOptions): AnyNodeOf<D> | GenericNode;
  /**
   * Decodes a document that must be a node of `def` (or of a type extending it).
   * @param def - the expected definition.
   * @param input - JSON text, or a parsed JSON value.
   * @param options - base IRI, strictness and limits.
   * @throws DecodeError when the document is not such a node.
   */
  decodeAs<T extends AnyTypeDef>(def: T, input: unknown, options?: DecodeOptions): NodeOf<T>;
  /**
   * Validates a value without throwing.
   * @param value - a parsed JSON value.
   * @param options - strictness and limits.
   * @returns every violation, at most `maxViolations`; empty when valid.
   */
  validate(value: unknown, options?: DecodeOptions): Violation[];
  /**
   * Every node of a document as the validator sees it — the root, then each embedded node in
   * document order, found through the definitions and the nodes' contexts (free-form JSON and
   * undeclared properties hold data, not nodes) — with its JSON path.
   * @param input - JSON text, or a parsed JSON value.
   * @param options - base IRI, strictness and limits.
   * @throws DecodeError when the document does not decode.
   */
  nodes(input: unknown, options?: DecodeOptions): Array<{ readonly path: string; readonly node: Record<string, unknown> }>;
  /**
   * Encodes a node as a JSON value: the node itself (nothing is copied or reordered).
   * @param node - a node.
   * @param options - `validate: true` to validate first.
   */
  encode(node: object, options?: EncodeOptions): JsonValue;
  /**
   * Encodes a node as JSON text.
   * @param node - a node.
   * @param options - `validate: true` to validate first; `space` to indent.
   */
  encodeText(node: object, options?: EncodeOptions): string;
  /**
   * A new registry with more types.
   * @param types - the types to add.
   */
  with<T extends AnyTypeDef>(types: readonly T[], contexts?: Readonly<Record<string, ContextDocument>>): Registry<D | RegisteredDefs<T>>;
}

function settingsOf(options: DecodeOptions | undefined): ValidateSettings {
  return {
    strict: options?.strict ?? false,
    unknownProperties: options?.unknownProperties ?? 'keep',
    unknownContext: options?.unknownContext ?? 'error',
    maxDepth: depthLimit(options?.maxDepth),
    maxListLength: options?.maxListLength ?? DEFAULT_LIMITS.maxListLength,
    maxViolations: options?.maxViolations ?? DEFAULT_LIMITS.maxViolations,
    base: options?.base,
  };
}

/** Adds a definition and everything it extends or embeds. */
function collect(def: AnyTypeDef, into: Map<string, AnyTypeDef>): void {
  const existing = into.get(def.type);
  if (existing === def) return;
  if (existing !== undefined) {
    throw new HyperldError('invalid_definition', `Two different definitions share the @type "${def.type}".`);
  }
  into.set(def.type, def);
  if (def.base) collect(def.base, into);
  const visit = (kind: AnyKind): void => {
    const spec = kind.spec;
    if (spec.tag === 'node' && spec.targets) for (const target of spec.targets()) collect(target, into);
    else if (spec.tag === 'list') visit(spec.item);
    else if (spec.tag === 'union') spec.options.forEach(visit);
  };
  for (const kind of Object.values(def.properties) as AnyKind[]) visit(kind);
}

/**
 * Creates a registry of types, generating the context document of every context URL they use.
 * The types they extend or embed (`t.node`) are registered with them, in its type too
 * ({@link RegisteredDefs}): `get`, and `decode` in strict mode, know all of them.
 *
 * @param options - the types (and extra context documents).
 * @returns the registry.
 * @throws HyperldError `invalid_definition` when two definitions share a `@type` or give one
 * term two meanings in a shared context.
 * @example
 * ```ts
 * import { createRegistry, defineType, t } from '@hyperld/core';
 * const Account = defineType({ type: 'Account', context: '/contexts/Account.jsonld', vocab: 'https://example.com/vocab#', properties: { name: t.string() } });
 * const registry = createRegistry({ types: [Account] });
 * registry.context('/contexts/Account.jsonld'); // { '@context': { '@vocab': …, id: '@id', … } }
 * ```
 */
export function createRegistry<D extends AnyTypeDef>(options: RegistryOptions<D>): Registry<RegisteredDefs<D>> {
  const types = new Map<string, AnyTypeDef>();
  for (const def of options.types) collect(def, types);

  const byContext = new Map<string, AnyTypeDef[]>();
  for (const def of types.values()) {
    const list = byContext.get(def.context);
    if (list) list.push(def);
    else byContext.set(def.context, [def]);
  }
  const contexts = new Map<string, ContextDocument>();
  for (const [url, doc] of Object.entries(options.contexts ?? {})) contexts.set(url, doc);
  for (const [url, defs] of byContext) contexts.set(url, contextDocument(defs));
  const byIri = new Map<string, AnyTypeDef>();
  for (const def of types.values()) if (!byIri.has(def.iri)) byIri.set(def.iri, def);
  const compiledTerms = new WeakMap<ContextDocument, Terms>();
  const termsOf = (doc: ContextDocument): Terms => {
    let terms = compiledTerms.get(doc);
    if (!terms) compiledTerms.set(doc, (terms = compileTerms(doc['@context'])));
    return terms;
  };

  // Context URLs resolved against a base, cached per base (a client sees few bases).
  const resolved = new Map<string, Set<string>>();
  const resolvedFor = (base: string): Set<string> => {
    let set = resolved.get(base);
    if (!set) {
      set = new Set([...contexts.keys()].map((url) => resolveIri(url, base)));
      if (resolved.size > 64) resolved.clear();
      resolved.set(base, set);
    }
    return set;
  };
  const context = (url: string, base?: string): ContextDocument | undefined => {
    const direct = contexts.get(url);
    if (direct || base === undefined) return direct;
    const target = resolveIri(url, base);
    for (const [key, doc] of contexts) if (resolveIri(key, base) === target) return doc;
    return undefined;
  };
  const lookup: TypeLookup = {
    lookup: (type) => types.get(type),
    lookupIri: (iri) => byIri.get(iri),
    hasContext: (url, base) => contexts.has(url) || (base !== undefined && resolvedFor(base).has(resolveIri(url, base))),
    terms: (url, base) => {
      const doc = context(url, base);
      return doc ? termsOf(doc) : undefined;
    },
  };
  const compiler = new Compiler(lookup);
  const fast = options.codegen === false ? undefined : new FastValidator(compiler, lookup, options.codegen);

  /**
   * Validates a value. `parsed` says it came from this registry's own JSON.parse: plain data
   * only (no getters, no non-enumerable or `undefined` properties, no cycles), which is what the
   * generated validators are written for. They answer "valid" for most documents at a fraction
   * of the walker's cost; anything else (an error, an odd shape) is walked for its violations.
   */
  const run = (value: unknown, options: DecodeOptions | undefined, accepted: readonly AnyTypeDef[] | undefined, mode: 'parsed' | 'value' | 'visit'): Outcome => {
    const settings = settingsOf(options);
    if (fast && mode === 'parsed') {
      const members: object[] = [];
      if (fast.root(value, settings, accepted, members)) return { violations: [], members, visited: undefined };
    }
    const r = new Run(settings, compiler);
    if (mode === 'visit') r.visited = [];
    try {
      compiler.node(value, undefined, r, accepted);
    } catch (error) {
      if (!(error instanceof Enough)) throw error;
    }
    return r;
  };

  const parse = (input: unknown, options: DecodeOptions | undefined): unknown => {
    if (typeof input !== 'string') return input;
    const maxSize = options?.maxSize ?? DEFAULT_LIMITS.maxSize;
    if (input.length > maxSize) {
      throw new DecodeError([{ code: 'max_size', path: '$', expected: `at most ${maxSize} characters (maxSize)`, found: `${input.length} characters` }]);
    }
    try {
      return JSON.parse(input) as unknown;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new DecodeError([{ code: 'invalid_json', path: '$', expected: 'JSON text', found: reason }], { cause: error });
    }
  };

  const decodeWith = (input: unknown, options: DecodeOptions | undefined, accepted: readonly AnyTypeDef[] | undefined): never => {
    const value = parse(input, options);
    const r = run(value, options, accepted, typeof input === 'string' ? 'parsed' : 'value');
    if (r.violations.length > 0) throw new DecodeError(r.violations);
    const meta = { base: options?.base, registry };
    // The root and the items of lists (collection members, what a client iterates over): a
    // WeakMap entry for every embedded node would cost more than JSON.parse itself. Readers of a
    // deeper embedded node pass `base` and `registry` explicitly.
    if (typeof value === 'object' && value !== null) setMeta(value, meta);
    for (const node of r.members) setMeta(node, meta);
    return value as never;
  };

  const encode = (node: object, options?: EncodeOptions): JsonValue => {
    if (options?.validate) {
      const r = run(node, options, undefined, 'value');
      if (r.violations.length > 0) throw new DecodeError(r.violations);
    }
    return node as JsonValue;
  };

  // Typed loosely inside: RegisteredDefs of a generic D is only computed at call sites.
  const registry: Registry = {
    types,
    contexts,
    get: (type) => {
      const def = types.get(type);
      if (!def) throw new HyperldError('invalid_definition', `No type "${type}" is registered.`);
      return def as never;
    },
    lookup: (type) => types.get(type),
    lookupIri: (iri) => byIri.get(iri),
    context,
    decode: ((input: unknown, options?: DecodeOptions) => decodeWith(input, options, undefined)) as Registry['decode'],
    decodeAs: (def, input, options) => decodeWith(input, options, [def]),
    validate: (value, options) => run(value, options, undefined, 'value').violations,
    nodes: (input, options) => {
      const r = run(parse(input, options), options, undefined, 'visit');
      if (r.violations.length > 0) throw new DecodeError(r.violations);
      return r.visited ?? [];
    },
    encode,
    encodeText: (node, options) => {
      encode(node, options);
      try {
        return JSON.stringify(node, null, options?.space);
      } catch (error) {
        // JSON.stringify recurses natively: a deep hand-built node overflows the stack (RangeError)
        // and a cyclic one has no end (TypeError); neither may escape as a raw engine error.
        if (error instanceof RangeError) throw new HyperldError('max_depth', 'The node nests too deeply to encode.', { cause: error });
        if (error instanceof TypeError && /circular|cyclic/i.test(error.message)) {
          throw new HyperldError('max_depth', 'The node contains a cycle, so it has no JSON text.', { cause: error });
        }
        throw new HyperldError('wrong_kind', 'The node holds a value that has no JSON text.', { cause: error });
      }
    },
    with: (more, extraContexts) =>
      createRegistry({ ...options, types: [...options.types, ...more], contexts: { ...options.contexts, ...extraContexts } }) as never,
  };
  return registry as never;
}
