/**
 * Property kinds: the building blocks of a type definition (`t.string()`, `t.link('Timeline')`,
 * `t.node(Message)`, `t.list(...)`, …), each of which carries its TypeScript value type, and the
 * facts of each kind (what a violation expects, its JSON types, its context coercion, its range,
 * the check of a scalar value) that every other part of the toolkit reads.
 *
 * @module
 */
import type { ErrorCode } from '../errors.js';
import { XSD } from '../iri/namespaces.js';
import { isIriReference } from '../iri/reference.js';
import type { GenericNode, JsonValue, Link } from '../types.js';
import type { AnyTypeDef, NodeOf } from './define.js';

/**
 * What a kind is, without its modifiers. A kind is added in this file only: its spec here, its
 * builder in {@link t}, its facts in `KIND_FACTS` (TypeScript names a tag left out there).
 * @internal
 */
export type KindSpec =
  | { readonly tag: 'id' }
  | { readonly tag: 'string' }
  | { readonly tag: 'number' }
  | { readonly tag: 'integer' }
  | { readonly tag: 'boolean' }
  | { readonly tag: 'dateTime' }
  | { readonly tag: 'enum'; readonly values: readonly string[]; readonly open: boolean }
  | { readonly tag: 'json' }
  | { readonly tag: 'link'; readonly target: string | undefined }
  | { readonly tag: 'node'; readonly targets: (() => readonly AnyTypeDef[]) | undefined }
  | { readonly tag: 'list'; readonly item: AnyKind }
  | { readonly tag: 'union'; readonly options: readonly AnyKind[] };

/**
 * The tag of a `KindSpec` (the internal description of a kind).
 *
 * @example
 * ```ts
 * import { t, type KindTag } from '@hyperld/core';
 * const tag: KindTag = t.list(t.string()).spec.tag; // 'list'
 * ```
 */
export type KindTag = KindSpec['tag'];

interface KindState {
  readonly nullable: boolean;
  readonly optional: boolean;
  readonly iri: string | undefined;
  readonly description: string | undefined;
  readonly annotations: Readonly<Record<string, unknown>>;
}

/**
 * A property kind: what values a property takes, whether it may be `null` or absent, the IRI it
 * maps to and free annotations for higher layers (hydra stores its action declarations there).
 * Kinds are immutable: every modifier returns a new kind.
 *
 * @typeParam T - the TypeScript type of the property's value.
 * @typeParam Opt - whether the property may be absent.
 * @typeParam Defs - the definitions of the nodes it embeds (for `t.node`, and lists and unions
 * of it), so that a registry's type knows every type it registers; `unknown` where not tracked.
 * @example
 * ```ts
 * import { t } from '@hyperld/core';
 * const logo = t.string().nullable().optional().describe('The account logo URL.');
 * ```
 */
export class Kind<T = unknown, Opt extends boolean = boolean, Defs = unknown> {
  /** @internal phantom: the value type. */
  declare readonly __value: T;
  /** @internal phantom: whether the property is optional. */
  declare readonly __optional: Opt;
  /** @internal phantom: the definitions of embedded nodes. */
  declare readonly __defs: Defs;
  /** What the kind is. */
  readonly spec: KindSpec;
  /** Whether `null` is a legal value. */
  readonly isNullable: boolean;
  /** Whether the property may be absent. */
  readonly isOptional: boolean;
  /** The IRI (or compact IRI) the property maps to; `undefined` means the vocabulary's `@vocab`. */
  readonly iri: string | undefined;
  /** A sentence for documentation. */
  readonly description: string | undefined;
  /** Free annotations, keyed by a namespaced name (e.g. `hydra:action`). */
  readonly annotations: Readonly<Record<string, unknown>>;

  /**
   * @param spec - what the kind is.
   * @param state - modifiers; defaults to required, not nullable.
   */
  constructor(spec: KindSpec, state?: Partial<KindState>) {
    this.spec = spec;
    this.isNullable = state?.nullable ?? false;
    this.isOptional = state?.optional ?? false;
    this.iri = state?.iri;
    this.description = state?.description;
    this.annotations = state?.annotations ?? {};
  }

  private with<U, O extends boolean>(state: Partial<KindState>): Kind<U, O, Defs> {
    return new Kind<U, O, Defs>(this.spec, {
      nullable: this.isNullable,
      optional: this.isOptional,
      iri: this.iri,
      description: this.description,
      annotations: this.annotations,
      ...state,
    });
  }

  /**
   * Allows `null` as a value.
   *
   * @returns the same kind, nullable.
   * @example
   * ```ts
   * import { t } from '@hyperld/core';
   * const sender = t.link('User').nullable();
   * ```
   */
  nullable(): Kind<T | null, Opt, Defs> {
    return this.with({ nullable: true });
  }

  /**
   * Allows the property to be absent.
   *
   * @returns the same kind, optional.
   * @example
   * ```ts
   * import { t } from '@hyperld/core';
   * const view = t.string().optional();
   * ```
   */
  optional(): Kind<T, true, Defs> {
    return this.with({ optional: true });
  }

  /**
   * Maps the property to an IRI other than `@vocab` + its key (a full IRI or a compact IRI such
   * as `hydra:member`).
   *
   * @param iri - the IRI.
   * @returns the same kind, mapped.
   * @example
   * ```ts
   * import { t } from '@hyperld/core';
   * const totalItems = t.integer().mapTo('hydra:totalItems');
   * ```
   */
  mapTo(iri: string): Kind<T, Opt, Defs> {
    return this.with({ iri });
  }

  /**
   * Adds a sentence of documentation.
   *
   * @param text - the description.
   * @returns the same kind, described.
   * @example
   * ```ts
   * import { t } from '@hyperld/core';
   * const slug = t.string().describe('A short, URL-safe identifier.');
   * ```
   */
  describe(text: string): Kind<T, Opt, Defs> {
    return this.with({ description: text });
  }

  /**
   * Attaches an annotation for a higher layer (`hyperld generate` keeps `hydra:readable: false`
   * and `hydra:writable: false` so); the value type stays the same.
   *
   * @param key - a namespaced annotation name.
   * @param value - the annotation.
   * @returns the same kind, annotated.
   * @example
   * ```ts
   * import { t } from '@hyperld/core';
   * const close = t.link().nullable().optional().annotate('example:note', 'shown as a button');
   * ```
   */
  // Two signatures, not `annotate<U = T>`: inside a definition's `properties` the default gave way to
  // the contextual type (`unknown`), and an annotated property lost its value type.
  annotate(key: string, value: unknown): Kind<T, Opt, Defs>;
  /**
   * Attaches an annotation for a higher layer, narrowing the value type at the same time.
   *
   * @typeParam U - the new value type.
   * @param key - a namespaced annotation name.
   * @param value - the annotation.
   * @returns the same kind, annotated, of value type `U`.
   * @example
   * ```ts
   * import { t, type JsonValue } from '@hyperld/core';
   * const settings = t.json().annotate<{ customSettings: JsonValue }>('example:shape', true);
   * ```
   */
  annotate<U>(key: string, value: unknown): Kind<U, Opt, Defs>;
  annotate(key: string, value: unknown): Kind<unknown, Opt, Defs> {
    return this.with({ annotations: { ...this.annotations, [key]: value } });
  }
}

/**
 * Any kind.
 *
 * @example
 * ```ts
 * import { t, type AnyKind } from '@hyperld/core';
 * const kinds: AnyKind[] = [t.string(), t.integer().optional(), t.link('Timeline').nullable()];
 * ```
 */
export type AnyKind = Kind<unknown, boolean>;

/**
 * The TypeScript value type of a kind.
 *
 * @example
 * ```ts
 * import { t, type ValueOf } from '@hyperld/core';
 * const name = t.string().nullable();
 * type Name = ValueOf<typeof name>; // string | null
 * ```
 */
export type ValueOf<K> = K extends Kind<infer T, boolean> ? T : never;

/**
 * The definitions of the nodes a kind embeds (through `t.node`, lists and unions), or `never`.
 *
 * @example
 * ```ts
 * import { defineType, t, type EmbeddedDefsOf } from '@hyperld/core';
 * const Account = defineType({ type: 'Account', context: '/contexts/Account.jsonld', vocab: 'https://example.com/vocab#', properties: {} });
 * const account = t.list(t.node(Account)).nullable();
 * type Defs = EmbeddedDefsOf<typeof account>; // typeof Account
 * ```
 */
export type EmbeddedDefsOf<K> = K extends { readonly __defs: infer D extends AnyTypeDef } ? D : never;

type DefsIn<D> = D extends readonly (infer X)[] ? X : D;

type NodesOf<Ds> = Ds extends readonly (infer D)[] ? (D extends AnyTypeDef ? NodeOf<D> : never) : Ds extends AnyTypeDef ? NodeOf<Ds> : never;

function nodeTargets(target: AnyTypeDef | readonly AnyTypeDef[] | (() => AnyTypeDef | readonly AnyTypeDef[])): () => readonly AnyTypeDef[] {
  let cached: readonly AnyTypeDef[] | undefined;
  return () => {
    if (cached) return cached;
    const resolved = typeof target === 'function' ? target() : target;
    cached = Array.isArray(resolved) ? resolved : [resolved as AnyTypeDef];
    return cached;
  };
}

/**
 * The kind builders. Every property of a type definition is made with one of these.
 *
 * @example
 * ```ts
 * import { t } from '@hyperld/core';
 * const properties = {
 *   name: t.string(),
 *   createdAt: t.dateTime(),
 *   data: t.json(),
 *   state: t.enumeration(['open', 'closed'] as const),
 *   flags: t.list(t.string()),
 *   conversations: t.link('ConversationCollection'),
 * };
 * ```
 */
export const t = {
  /**
   * The node's identifier (`id`, aliased to `@id`): an IRI reference.
   *
   * @example
   * ```ts
   * import { t } from '@hyperld/core';
   * const id = t.id().optional();
   * ```
   */
  id: (): Kind<string, false> => new Kind({ tag: 'id' }),
  /**
   * A string.
   *
   * @example
   * ```ts
   * import { t } from '@hyperld/core';
   * const body = t.string();
   * ```
   */
  string: (): Kind<string, false> => new Kind({ tag: 'string' }),
  /**
   * A finite number (`1.0` and `1` are the same value).
   *
   * @example
   * ```ts
   * import { t } from '@hyperld/core';
   * const score = t.number().nullable();
   * ```
   */
  number: (): Kind<number, false> => new Kind({ tag: 'number' }),
  /**
   * An integer number.
   *
   * @example
   * ```ts
   * import { t } from '@hyperld/core';
   * const totalItems = t.integer();
   * ```
   */
  integer: (): Kind<number, false> => new Kind({ tag: 'integer' }),
  /**
   * A boolean.
   *
   * @example
   * ```ts
   * import { t } from '@hyperld/core';
   * const unanswered = t.boolean();
   * ```
   */
  boolean: (): Kind<boolean, false> => new Kind({ tag: 'boolean' }),
  /**
   * An ISO 8601 date-time string, kept exactly as sent (`2018-07-24T20:59:32.156Z`).
   *
   * @example
   * ```ts
   * import { t } from '@hyperld/core';
   * const createdAt = t.dateTime();
   * ```
   */
  dateTime: (): Kind<string, false> => new Kind({ tag: 'dateTime' }),
  /**
   * One of a list of strings. A closed enumeration rejects other values; an open one
   * (`{ open: true }`) accepts any string and types it as the listed values or `string`.
   *
   * @param values - the known values.
   * @param options - `open: true` to accept values not listed yet.
   * @example
   * ```ts
   * import { t } from '@hyperld/core';
   * const direction = t.enumeration(['in', 'out'] as const);
   * const deliveryState = t.enumeration(['queued', 'delivered'] as const, { open: true });
   * ```
   */
  enumeration<const V extends readonly string[], O extends boolean = false>(
    values: V,
    options?: { open?: O },
  ): Kind<O extends true ? V[number] | (string & {}) : V[number], false> {
    return new Kind({ tag: 'enum', values, open: options?.open ?? false });
  },
  /**
   * Free-form JSON (`@json`): any value, `null` included, kept as is.
   *
   * @example
   * ```ts
   * import { t } from '@hyperld/core';
   * const data = t.json();
   * ```
   */
  // Nullable from the start: `null` is a JSON value (and a `@json` literal), and `JsonValue` says so.
  json: (): Kind<JsonValue, false> => new Kind({ tag: 'json' }, { nullable: true }),
  /**
   * A link: an IRI string to a node of the named type. Naming the target (rather than holding
   * the definition) lets types refer to each other in cycles; `follow` resolves the name through
   * the registry. Pass a definition where there is no cycle.
   *
   * @param target - the target type's name or definition; omitted for a link to anything.
   * @example
   * ```ts
   * import { t } from '@hyperld/core';
   * const timeline = t.link('Timeline');
   * ```
   */
  link<const Target extends string = string>(target?: Target | AnyTypeDef<Target>): Kind<Link<Target>, false> {
    return new Kind({ tag: 'link', target: typeof target === 'string' ? target : target?.type });
  },
  /**
   * An embedded node of one of the given types (or of a type extending one of them). Pass a
   * function when the definition is declared later in the module.
   *
   * @param target - a definition, a list of them, or a function returning either.
   * @example
   * ```ts
   * import { defineType, t } from '@hyperld/core';
   * const Account = defineType({ type: 'Account', context: '/contexts/Account.jsonld', vocab: 'https://example.com/vocab#', properties: { name: t.string() } });
   * const account = t.node(Account);
   * ```
   */
  node<const D extends AnyTypeDef | readonly AnyTypeDef[]>(target: D | (() => D)): Kind<NodesOf<D>, false, DefsIn<D>> {
    return new Kind({ tag: 'node', targets: nodeTargets(target) });
  },
  /**
   * An embedded node of any registered type, validated by its own `@type`.
   *
   * @example
   * ```ts
   * import { t } from '@hyperld/core';
   * const members = t.list(t.anyNode());
   * ```
   */
  anyNode: (): Kind<GenericNode, false> => new Kind({ tag: 'node', targets: undefined }),
  /**
   * A list (JSON array) of values of one kind; `@container: @set` in the context.
   *
   * @param item - the kind of each item.
   * @example
   * ```ts
   * import { t } from '@hyperld/core';
   * const flags = t.list(t.string());
   * ```
   */
  list<I extends AnyKind>(item: I): Kind<ValueOf<I>[], false, EmbeddedDefsOf<I>> {
    return new Kind({ tag: 'list', item });
  },
  /**
   * A value of one of several kinds, such as a property that is a link in one response and an
   * embedded node in another. At most one link-like and one node-like kind make sense together.
   *
   * @param options - the kinds accepted.
   * @example
   * ```ts
   * import { t } from '@hyperld/core';
   * const notes = t.union(t.link('ContactNoteCollection'), t.anyNode());
   * ```
   */
  union<const O extends readonly AnyKind[]>(...options: O): Kind<ValueOf<O[number]>, false, EmbeddedDefsOf<O[number]>> {
    return new Kind({ tag: 'union', options });
  },
};

// ---------------------------------------------------------------------------------------------
// What each kind means, beside the kind: the walker, the generated validators, the generated
// contexts, the arbitraries of `./testing` and the API documentation of a higher layer keep their
// own traversals (of nodes, lists and unions) but read these facts, so a kind is added here only.

/**
 * A JSON type as a union's branch is picked by it: `typeof`, plus `array` (and no `null`, which the
 * nullable modifier covers).
 *
 * @example
 * ```ts
 * import type { JsonType } from '@hyperld/core';
 * const types: JsonType[] = ['string', 'array'];
 * ```
 */
export type JsonType = 'string' | 'number' | 'boolean' | 'object' | 'array';

/**
 * Finds the definition registered under a type term (a registry's `lookup`), for facts that name
 * another type (a link's range).
 *
 * @example
 * ```ts
 * import { createRegistry, type TypeNames } from '@hyperld/core';
 * const names: TypeNames = createRegistry({ types: [] });
 * ```
 */
export interface TypeNames {
  /**
   * The definition registered under a `@type` term, or `undefined`.
   * @param type - the term.
   */
  lookup(type: string): AnyTypeDef | undefined;
}

/** The spec of one tag. @internal */
export type SpecOf<T extends KindTag> = Extract<KindSpec, { readonly tag: T }>;

/** The facts of one kind: what every part of the toolkit needs to know about its values. @internal */
export interface KindFacts<S extends KindSpec> {
  /** What a violation says is expected (`an integer`, `a list of a string`). */
  readonly expected: (spec: S) => string;
  /** The JSON types its non-null values take: what picks a union's branch, in the walker and in generated code. */
  readonly jsonTypes: (spec: S) => ReadonlySet<JsonType>;
  /** The `@type` coercion of its term in a generated context (`@id`, `@json`, `xsd:dateTime`), if any. */
  readonly coercion: (spec: S) => string | undefined;
  /** Whether its term in a generated context is a `@set` container. */
  readonly list: (spec: S) => boolean;
  /** Its RDF range: an XSD datatype, `rdf:JSON`, or the class IRI of the type it links to or embeds. */
  readonly range: (spec: S, types: TypeNames) => string | undefined;
  /**
   * For a kind whose values are JSON scalars: the check of a non-null value, returning the code of
   * what is wrong (`wrong_kind` first, then the finer code) or `undefined` when it is fine. Kinds
   * that hold nodes, lists or any JSON are walked instead.
   */
  readonly scalar: ((spec: S) => (value: unknown) => ErrorCode | undefined) | undefined;
}

/**
 * ISO 8601 date-times as `t.dateTime()` takes them.
 * @internal
 */
export const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

const RDF_JSON = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON';
const STRING: ReadonlySet<JsonType> = new Set(['string']);
const NUMBER: ReadonlySet<JsonType> = new Set(['number']);
const BOOLEAN: ReadonlySet<JsonType> = new Set(['boolean']);
const OBJECT: ReadonlySet<JsonType> = new Set(['object']);
const ARRAY: ReadonlySet<JsonType> = new Set(['array']);
const ANY_JSON: ReadonlySet<JsonType> = new Set(['object', 'array', 'string', 'number', 'boolean']);

const none = (): undefined => undefined;
const no = (): boolean => false;
/** An IRI reference: what `t.id()` and `t.link()` hold. */
const iriValue = () => (v: unknown): ErrorCode | undefined => (typeof v !== 'string' ? 'wrong_kind' : isIriReference(v) ? undefined : 'invalid_iri');

/**
 * The facts of every kind, by tag.
 * @internal
 */
export const KIND_FACTS: { readonly [T in KindTag]: KindFacts<SpecOf<T>> } = Object.freeze({
  id: {
    expected: () => 'an IRI reference',
    jsonTypes: () => STRING,
    // The term of an identifier is the keyword itself (`id: "@id"`), not a coercion.
    coercion: none,
    list: no,
    range: none,
    scalar: iriValue,
  },
  string: {
    expected: () => 'a string',
    jsonTypes: () => STRING,
    coercion: none,
    list: no,
    range: () => `${XSD}string`,
    scalar: () => (v) => (typeof v === 'string' ? undefined : 'wrong_kind'),
  },
  number: {
    expected: () => 'a number',
    jsonTypes: () => NUMBER,
    coercion: none,
    list: no,
    range: () => `${XSD}decimal`,
    scalar: () => (v) => (typeof v === 'number' && Number.isFinite(v) ? undefined : 'wrong_kind'),
  },
  integer: {
    expected: () => 'an integer',
    jsonTypes: () => NUMBER,
    coercion: none,
    list: no,
    range: () => `${XSD}integer`,
    scalar: () => (v) => (typeof v !== 'number' ? 'wrong_kind' : Number.isInteger(v) ? undefined : 'invalid_integer'),
  },
  boolean: {
    expected: () => 'a boolean',
    jsonTypes: () => BOOLEAN,
    coercion: none,
    list: no,
    range: () => `${XSD}boolean`,
    scalar: () => (v) => (typeof v === 'boolean' ? undefined : 'wrong_kind'),
  },
  dateTime: {
    expected: () => 'an ISO 8601 date-time string',
    jsonTypes: () => STRING,
    coercion: () => 'xsd:dateTime',
    list: no,
    range: () => `${XSD}dateTime`,
    scalar: () => (v) => (typeof v !== 'string' ? 'wrong_kind' : DATE_TIME.test(v) ? undefined : 'invalid_date_time'),
  },
  enum: {
    expected: (spec) => (spec.open ? 'a string' : `one of ${spec.values.map((v) => JSON.stringify(v)).join(', ')}`),
    jsonTypes: () => STRING,
    coercion: none,
    list: no,
    range: () => `${XSD}string`,
    scalar: (spec) => {
      const values = new Set(spec.values);
      const open = spec.open;
      return (v) => (typeof v !== 'string' ? 'wrong_kind' : open || values.has(v) ? undefined : 'invalid_enum');
    },
  },
  json: {
    expected: () => 'any JSON value',
    jsonTypes: () => ANY_JSON,
    coercion: () => '@json',
    list: no,
    range: () => RDF_JSON,
    // Objects and arrays are walked (for the depth bound); the scalars are checked by the walkers too.
    scalar: undefined,
  },
  link: {
    expected: (spec) => (spec.target ? `a link (IRI) to ${spec.target}` : 'a link (IRI)'),
    jsonTypes: () => STRING,
    coercion: () => '@id',
    list: no,
    range: (spec, types) => (spec.target !== undefined ? types.lookup(spec.target)?.iri : undefined),
    scalar: iriValue,
  },
  node: {
    expected: (spec) => (spec.targets ? `a ${spec.targets().map((d) => d.type).join(' or ')} node` : 'an embedded node'),
    jsonTypes: () => OBJECT,
    coercion: none,
    list: no,
    range: (spec) => {
      const targets = spec.targets?.();
      return targets?.length === 1 ? targets[0]?.iri : undefined;
    },
    scalar: undefined,
  },
  list: {
    expected: (spec) => `a list of ${expectedOf(spec.item)}`,
    jsonTypes: () => ARRAY,
    coercion: (spec) => coercionOf(spec.item),
    list: () => true,
    range: (spec, types) => rangeOf(spec.item, types),
    scalar: undefined,
  },
  union: {
    expected: (spec) => spec.options.map(expectedOf).join(' or '),
    jsonTypes: (spec) => new Set(spec.options.flatMap((o) => [...jsonTypesOf(o)])),
    // A link-or-node property: strings are IRIs, objects are nodes (coercion ignores them).
    coercion: (spec) => spec.options.map(coercionOf).find((c) => c !== undefined),
    list: (spec) => spec.options.some((o) => factsOf(o.spec).list(o.spec)),
    range: none,
    scalar: undefined,
  },
});

/**
 * The facts of a kind's spec.
 *
 * @param spec - the spec.
 * @returns its facts.
 * @internal
 */
export function factsOf<S extends KindSpec>(spec: S): KindFacts<S> {
  return KIND_FACTS[spec.tag] as unknown as KindFacts<S>;
}

/**
 * What a violation of a kind says is expected.
 *
 * @param kind - the kind.
 * @returns e.g. `a list of a link (IRI) to Timeline`.
 * @internal
 */
export function expectedOf(kind: AnyKind): string {
  return factsOf(kind.spec).expected(kind.spec);
}

/**
 * The JSON types (`typeof`, plus `array`) a kind's non-null values take: what picks a union's
 * branch in the walker and in generated code, and what the arbitraries of `./testing` mirror.
 *
 * @param kind - the kind.
 * @returns the JSON types.
 * @internal
 */
export function jsonTypesOf(kind: AnyKind): ReadonlySet<JsonType> {
  return factsOf(kind.spec).jsonTypes(kind.spec);
}

/**
 * The `@type` coercion of a kind's term in a generated context, if any.
 *
 * @param kind - the kind.
 * @returns `@id`, `@json`, `xsd:dateTime` or `undefined`.
 * @internal
 */
export function coercionOf(kind: AnyKind): string | undefined {
  return factsOf(kind.spec).coercion(kind.spec);
}

/**
 * The RDF range of a property of a kind, as an API documentation states it: the XSD datatype of a
 * scalar (`xsd:string` for strings and enumerations, `xsd:decimal`, `xsd:integer`, `xsd:boolean`,
 * `xsd:dateTime`), `rdf:JSON` for free-form JSON, the class IRI of the one type a link names or a
 * node embeds (through `types`), a list's item's range; `undefined` where there is no one range
 * (identifiers, unions, links or nodes of any type).
 *
 * @param kind - the kind.
 * @param types - where linked types are looked up by name (a registry).
 * @returns the range IRI, or `undefined`.
 * @example
 * ```ts
 * import { createRegistry, rangeOf, t, vocabulary } from '@hyperld/core';
 * const v = vocabulary({ vocab: 'https://example.com/vocab#' });
 * const Timeline = v.type('Timeline', { properties: {} });
 * const registry = createRegistry({ types: [Timeline] });
 * rangeOf(t.list(t.dateTime()), registry); // 'http://www.w3.org/2001/XMLSchema#dateTime'
 * rangeOf(t.link('Timeline'), registry); // 'https://example.com/vocab#Timeline'
 * ```
 */
export function rangeOf(kind: AnyKind, types: TypeNames): string | undefined {
  return factsOf(kind.spec).range(kind.spec, types);
}

/**
 * The definitions a kind embeds through `t.node` (in lists and unions too); none for `t.anyNode()`.
 *
 * @param kind - the kind.
 * @returns the target definitions, in declaration order.
 * @internal
 */
export function embeddedTargetsOf(kind: AnyKind): AnyTypeDef[] {
  const spec = kind.spec;
  if (spec.tag === 'node') return [...(spec.targets?.() ?? [])];
  if (spec.tag === 'list') return embeddedTargetsOf(spec.item);
  if (spec.tag === 'union') return spec.options.flatMap(embeddedTargetsOf);
  return [];
}
