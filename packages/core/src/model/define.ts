/**
 * Type definitions: a `@type` term, a context URL, a vocabulary and properties, from which the
 * TypeScript type of a decoded node is inferred.
 *
 * @module
 */
import { HyperldError } from '../errors.js';
import { expandTerm } from '../iri/terms.js';
import { t, type AnyKind, type Kind, type ValueOf } from './kinds.js';
import type { ContextDocument } from '../context/document.js';
import type { ContextValue, Simplify, UnknownProperties } from '../types.js';

/**
 * A map from property key (the JSON key) to its kind.
 *
 * @example
 * ```ts
 * import { t, type Properties } from '@hyperld/core';
 * const properties = { name: t.string(), logo: t.string().nullable().optional() } satisfies Properties;
 * ```
 */
export type Properties = Readonly<Record<string, AnyKind>>;

/**
 * A type definition. Made by {@link defineType}; the `properties` include those inherited from
 * the base type and the node's `id`.
 *
 * @typeParam Name - the `@type` term, a string literal.
 * @typeParam P - the properties.
 * @example
 * ```ts
 * import { defineType, t, type TypeDef } from '@hyperld/core';
 * const Account = defineType({ type: 'Account', context: '/contexts/Account.jsonld', vocab: 'https://example.com/vocab#', properties: { name: t.string() } });
 * const def: TypeDef<'Account'> = Account;
 * ```
 */
export interface TypeDef<Name extends string = string, P extends Properties = Properties> {
  /** The `@type` term, as it appears in documents (`Account`, `hydra:Collection`). */
  readonly type: Name;
  /** The URL of the context document nodes of this type carry (`/contexts/Account.jsonld`). */
  readonly context: string;
  /**
   * The document published at {@link TypeDef.context} when the API does not own that URL (Hydra's
   * `http://www.w3.org/ns/hydra/context.jsonld`): registries register it as is, checked against
   * the definition, instead of generating one. `undefined`: the context is generated.
   */
  readonly contextDocument?: ContextDocument | undefined;
  /** The vocabulary IRI used as `@vocab` in the context. */
  readonly vocab: string;
  /** The class IRI (the `@type` term expanded against the vocabulary or a prefix). */
  readonly iri: string;
  /** Every property, inherited ones first, in declaration order. */
  readonly properties: P;
  /**
   * The IRI each property stands for, computed once by {@link defineType}: the kind's `mapTo` IRI
   * or the key, expanded against this definition's prefixes and vocabulary; `@id` for an
   * identifier (`t.id()`), which the generated context aliases to the keyword. What the generated
   * context, the validator and the API documentation all say a key means.
   */
  readonly propertyIris: { readonly [K in keyof P]: string };
  /** The definition this one extends, if any. */
  readonly base: AnyTypeDef | undefined;
  /** Prefixes (besides `hydra` and `xsd`) added to the context document. */
  readonly prefixes: Readonly<Record<string, string>>;
  /** A sentence for documentation. */
  readonly description: string | undefined;
}

// biome-ignore-start lint/suspicious/noExplicitAny: any properties, so that every definition is assignable
/**
 * Any type definition, whatever its properties: what registries, lookups and base types take.
 *
 * @typeParam Name - the `@type` term, when it matters.
 * @example
 * ```ts
 * import { defineType, t, type AnyTypeDef } from '@hyperld/core';
 * const Account = defineType({ type: 'Account', context: '/contexts/Account.jsonld', vocab: 'https://example.com/vocab#', properties: { name: t.string() } });
 * const types: AnyTypeDef[] = [Account];
 * ```
 */
export type AnyTypeDef<Name extends string = string> = TypeDef<Name, any>;
// biome-ignore-end lint/suspicious/noExplicitAny: only AnyTypeDef

type IsOptional<K> = K extends Kind<unknown, infer O> ? (true extends O ? true : false) : false;
type RequiredKeys<P> = { [K in keyof P]: IsOptional<P[K]> extends true ? never : K }[keyof P];
type OptionalKeys<P> = { [K in keyof P]: IsOptional<P[K]> extends true ? K : never }[keyof P];

/**
 * The declared properties of a node, typed from the kinds.
 *
 * @example
 * ```ts
 * import { t, type PropertiesOf } from '@hyperld/core';
 * type P = PropertiesOf<{ name: ReturnType<typeof t.string> }>; // { name: string }
 * ```
 */
export type PropertiesOf<P extends Properties> = Simplify<
  { -readonly [K in RequiredKeys<P>]: ValueOf<P[K]> } & { -readonly [K in OptionalKeys<P>]?: ValueOf<P[K]> }
>;

/**
 * The known part of a node of a definition: literal `@type`, optional `@context`, `id` and every
 * declared property.
 *
 * @example
 * ```ts
 * import { defineType, t, type KnownNodeOf } from '@hyperld/core';
 * const Account = defineType({ type: 'Account', context: '/contexts/Account.jsonld', vocab: 'https://example.com/vocab#', properties: { name: t.string() } });
 * type A = KnownNodeOf<typeof Account>; // { '@type': 'Account'; '@context'?: ContextValue; id: string; name: string }
 * ```
 */
export type KnownNodeOf<D> =
  D extends TypeDef<infer Name, infer P> ? Simplify<{ '@type': Name; '@context'?: ContextValue } & PropertiesOf<P>> : never;

/**
 * The TypeScript type of a decoded node of a definition: {@link KnownNodeOf} plus any property
 * the definition does not declare, typed `unknown` (a newer server's fields survive).
 *
 * @example
 * ```ts
 * import { defineType, t, type NodeOf } from '@hyperld/core';
 * const Account = defineType({ type: 'Account', context: '/contexts/Account.jsonld', vocab: 'https://example.com/vocab#', properties: { name: t.string() } });
 * const account: NodeOf<typeof Account> = { '@type': 'Account', id: '/accounts/1', name: 'Example' };
 * ```
 */
export type NodeOf<D> = KnownNodeOf<D> & UnknownProperties;

/** Properties of `B` over those of `A`. @internal */
export type Merge<A, B> = Simplify<Omit<A, keyof B> & B>;

/**
 * The definition {@link defineType} returns: the declared properties over the inherited ones,
 * over `id`.
 *
 * @example
 * ```ts
 * import { t, type DefinedType } from '@hyperld/core';
 * type Account = DefinedType<'Account', { name: ReturnType<typeof t.string> }, undefined>;
 * ```
 */
export type DefinedType<Name extends string, P extends Properties, B> = TypeDef<
  Name,
  B extends TypeDef<string, infer BP> ? Merge<Merge<{ id: Kind<string, false> }, BP>, P> : Merge<{ id: Kind<string, false> }, P>
> & {
  /** @internal phantom: the base's own type, so that a registry's type includes it (as `createRegistry` does). */
  readonly __base?: B;
};

/**
 * A definition's type, as is: what an `interface` extends to give a definition a name of its
 * own, since `interface AccountDef extends typeof account {}` is not TypeScript syntax.
 *
 * @remarks
 * A definition's inferred type spells out every property, and the definitions it embeds
 * (`t.node(Account)`) or extends, in full. Emitted declarations repeat all of that wherever a
 * definition is used, so a vocabulary of a dozen types that embed one another grows to megabytes
 * of `.d.ts` that every consumer's compiler reads and checks. Named through an interface, each
 * definition is spelled out once, and every other place refers to it by name; the node types
 * inferred from it stay the same. Do this for the definitions a published package exports.
 *
 * @example
 * ```ts
 * import { t, vocabulary, type DefType, type NodeOf } from '@hyperld/core';
 * const v = vocabulary({ vocab: 'https://example.com/vocab#' });
 * const account = v.type('Account', { properties: { name: t.string() } });
 * export interface AccountDef extends DefType<typeof account> {}
 * export const Account: AccountDef = account;
 * export const User = v.type('User', { properties: { account: t.node(Account) } }); // declared as embedding `AccountDef`
 * type AccountNode = NodeOf<AccountDef>; // { '@type': 'Account'; id: string; name: string; … }
 * ```
 */
export type DefType<D extends AnyTypeDef> = D;

/**
 * What {@link defineType} takes.
 *
 * @example
 * ```ts
 * import { t, type TypeOptions } from '@hyperld/core';
 * const options: TypeOptions<'Account', { name: ReturnType<typeof t.string> }> = {
 *   type: 'Account', context: '/contexts/Account.jsonld', vocab: 'https://example.com/vocab#', properties: { name: t.string() },
 * };
 * ```
 */
export interface TypeOptions<Name extends string, P extends Properties, B extends AnyTypeDef | undefined = undefined> {
  /** The `@type` term. */
  readonly type: Name;
  /** The context URL nodes of this type carry. */
  readonly context: string;
  /**
   * The document published at `context`, for a URL the API does not own: registered as is
   * (and checked against the properties) instead of a generated one.
   */
  readonly contextDocument?: ContextDocument;
  /** The vocabulary IRI; defaults to the base type's. */
  readonly vocab?: string;
  /** The class IRI; defaults to the term expanded against `vocab` (or its prefix). */
  readonly iri?: string;
  /** The properties this type declares (an inherited one may be redeclared to narrow it). */
  readonly properties: P;
  /** The type this one extends. */
  readonly extends?: B;
  /** Extra prefixes for the context document. */
  readonly prefixes?: Readonly<Record<string, string>>;
  /** A sentence for documentation. */
  readonly description?: string;
}

const idKind = t.id();

/** The IRI a property stands for in a definition of this vocabulary and these prefixes. */
function propertyIri(key: string, kind: AnyKind, vocab: string, prefixes: Readonly<Record<string, string>>): string {
  return kind.spec.tag === 'id' ? '@id' : expandTerm(kind.iri ?? key, vocab, prefixes);
}

/**
 * Defines a type. The node type is inferred: `NodeOf<typeof Def>`. Every type has an `id`
 * (redeclare it as `t.id().optional()` where nodes may lack one).
 *
 * @param options - the type's term, context URL, vocabulary and properties.
 * @returns the definition.
 * @example
 * ```ts
 * import { defineType, t } from '@hyperld/core';
 * const Conversation = defineType({
 *   type: 'Conversation',
 *   context: '/contexts/Conversation.jsonld',
 *   vocab: 'https://example.com/vocab#',
 *   properties: { slug: t.string(), currentState: t.enumeration(['open', 'closed'] as const), timeline: t.link('Timeline') },
 * });
 * const WithAccount = defineType({
 *   type: 'ConversationWithAccount',
 *   extends: Conversation,
 *   context: '/contexts/ConversationWithAccount.jsonld',
 *   properties: { account: t.link('Account') },
 * });
 * ```
 */
export function defineType<const Name extends string, const P extends Properties, B extends AnyTypeDef | undefined = undefined>(
  options: TypeOptions<Name, P, B>,
): DefinedType<Name, P, B> {
  const base = options.extends as AnyTypeDef | undefined;
  const vocab = options.vocab ?? base?.vocab;
  if (vocab === undefined) throw new HyperldError('invalid_definition', `Type "${options.type}" needs a vocab (or a base type to inherit one from).`);
  if (typeof options.type !== 'string' || options.type.length === 0) throw new HyperldError('invalid_definition', 'A type needs a non-empty "type" term.');
  const prefixes = { ...base?.prefixes, ...options.prefixes };
  const properties: Record<string, AnyKind> = { id: idKind };
  // Own data properties, never `=`: a property named `__proto__` would set the prototype instead.
  const put = (key: string, kind: AnyKind): void => {
    Object.defineProperty(properties, key, { value: kind, enumerable: true, writable: true, configurable: true });
  };
  if (base) for (const [key, kind] of Object.entries(base.properties) as [string, AnyKind][]) put(key, kind);
  for (const [key, kind] of Object.entries(options.properties)) {
    if (key.startsWith('@')) throw new HyperldError('invalid_definition', `Type "${options.type}" declares "${key}": keywords are not properties.`);
    // A property redeclared under another key for the same IRI (TextUs' `members` for Hydra's
    // `member`) replaces the inherited one: one IRI, one key per type.
    // (Identifiers all mean `@id`: another key for one is an alias, never a replacement.)
    if (base && !Object.hasOwn(base.properties, key)) {
      const iri = propertyIri(key, kind, vocab, prefixes);
      for (const inheritedKey of Object.keys(base.properties)) {
        if (iri !== '@id' && base.propertyIris[inheritedKey] === iri) delete properties[inheritedKey];
      }
    }
    put(key, kind);
  }
  // Every property's IRI against this definition's vocabulary and prefixes, inherited ones too: the
  // context this definition serves spells each of them out, so that is what they mean in its nodes.
  const iris: Record<string, string> = {};
  for (const [key, kind] of Object.entries(properties)) {
    Object.defineProperty(iris, key, { value: propertyIri(key, kind, vocab, prefixes), enumerable: true, writable: true, configurable: true });
  }
  const def: AnyTypeDef = {
    type: options.type,
    context: options.context,
    contextDocument: options.contextDocument,
    vocab,
    iri: options.iri ?? expandTerm(options.type, vocab, prefixes),
    properties: Object.freeze(properties),
    propertyIris: Object.freeze(iris),
    base,
    prefixes: Object.freeze(prefixes),
    description: options.description,
  };
  return Object.freeze(def) as never;
}

/**
 * Tells whether `def` is `ancestor` or extends it, directly or not.
 *
 * @param def - the definition to test.
 * @param ancestor - the candidate ancestor.
 * @returns whether `def` is a kind of `ancestor`.
 * @example
 * ```ts
 * import { defineType, extendsType, t } from '@hyperld/core';
 * const A = defineType({ type: 'A', context: '/a', vocab: 'https://example.com/vocab#', properties: {} });
 * const B = defineType({ type: 'B', context: '/b', extends: A, properties: { x: t.string() } });
 * extendsType(B, A); // true
 * ```
 */
export function extendsType(def: AnyTypeDef, ancestor: AnyTypeDef): boolean {
  for (let d: AnyTypeDef | undefined = def; d; d = d.base) if (d === ancestor || d.type === ancestor.type) return true;
  return false;
}
