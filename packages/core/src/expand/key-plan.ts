/**
 * Key plans: how one key of a node object expands in one active context (a property IRI, a
 * keyword, or dropped; how its scalars expand), decided once per key and context and cached on the
 * context.
 *
 * @module
 * @internal
 */
import { isAbsoluteIri as isAbsolute } from '../iri/jsonld-resolution.js';
import { keyIri, type ActiveContext, type TermDef } from './active-context.js';
import { isKeyword } from './syntax.js';

/** What a key is once expanded. @internal */
export const enum KeyKind {
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

/** How one key of a node object expands in one active context. @internal */
export interface KeyPlan {
  readonly key: string;
  readonly kind: KeyKind;
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

/** How a scalar under a key expands. @internal */
export const enum Scalar {
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

/** Plans (and `@type` IRIs) one active context caches. @internal */
export const MAX_CACHED_KEYS = 4096;

/** The plan of a key in a context, made on first use. @internal */
export function planKey(ctx: ActiveContext, key: string): KeyPlan {
  const cached = ctx.plans.get(key);
  if (cached !== undefined) return cached;
  const term = ctx.terms.get(key);
  if (term?.unsupported !== undefined) throw term.unsupported;
  const iri = keyIri(ctx, key);
  let kind: KeyKind;
  if (iri === null || !(isKeyword(iri) || isAbsolute(iri))) kind = KeyKind.Drop;
  else if (!isKeyword(iri)) kind = KeyKind.Property;
  else {
    kind =
      iri === '@id' ? KeyKind.Id
      : iri === '@type' ? KeyKind.Type
      : iri === '@value' ? KeyKind.Value
      : iri === '@language' ? KeyKind.Language
      : iri === '@list' ? KeyKind.List
      : iri === '@set' ? KeyKind.Set
      : KeyKind.Unsupported;
  }
  const type = term?.type;
  let scalar: Scalar;
  if (iri === '@id') scalar = Scalar.Id;
  else if (iri === '@type') scalar = Scalar.Type;
  else if (type === '@id') scalar = Scalar.IdRef;
  else if (type === '@vocab') scalar = Scalar.VocabRef;
  else if (kind !== KeyKind.Property && kind !== KeyKind.Drop) scalar = Scalar.Raw;
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
