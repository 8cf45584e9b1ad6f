/**
 * Property kinds: the building blocks of a type definition (`t.string()`, `t.link('Timeline')`,
 * `t.node(Message)`, `t.list(...)`, …), each of which carries its TypeScript value type.
 *
 * @module
 */
import type { AnyTypeDef, NodeOf } from './define.js';
import type { GenericNode, JsonValue, Link } from '../types.js';

/** What a kind is, without its modifiers. @internal */
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
   * Attaches an annotation for a higher layer; the value type may be narrowed at the same time.
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
  annotate<U = T>(key: string, value: unknown): Kind<U, Opt, Defs> {
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
