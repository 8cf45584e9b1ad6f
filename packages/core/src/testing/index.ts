/**
 * `@hyperld/core/testing`: fast-check arbitraries derived from type definitions. Each kind of a
 * definition says what values it takes, so a definition alone yields an arbitrary of valid nodes
 * (with nulls, absent properties, empty lists, `{}`/`[]`, unknown and awkwardly named properties),
 * and property tests never need a generator written by hand per type.
 *
 * `fast-check` is an optional peer dependency of `@hyperld/core`: install it to use this entry.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { createRegistry, defineType, t } from '@hyperld/core';
 * import { arbitraryDocument } from '@hyperld/core/testing';
 * const Account = defineType({ type: 'Account', context: '/contexts/Account.jsonld', vocab: 'https://example.com/vocab#', properties: { name: t.string() } });
 * const registry = createRegistry({ types: [Account] });
 * fc.assert(fc.property(arbitraryDocument(registry), (node) => registry.validate(node).length === 0));
 * ```
 *
 * @module
 */
import type { Arbitrary, JsonValue, WeightedArbitrary } from 'fast-check';
import { extendsType, type AnyTypeDef, type NodeOf } from '../model/define.js';
import { HyperldError } from '../errors.js';
import { embeddedTargetsOf, jsonTypesOf as kindJsonTypes, type AnyKind, type JsonType, type KindSpec, type ValueOf } from '../model/kinds.js';
import fc from '../peers/fast-check.js';
import { createRegistry, type AnyNodeOf, type Registry } from '../codec/registry.js';
import type { ContextDocument } from '../context/document.js';

/**
 * The JSON types (`typeof`, plus `array`) a kind's non-null values take — the branch the
 * validator picks for a union — for tests that build values of the wrong kind on purpose.
 *
 * @example
 * ```ts
 * import { t } from '@hyperld/core';
 * import { jsonTypesOf } from '@hyperld/core/testing';
 * jsonTypesOf(t.union(t.link(), t.anyNode())); // Set { 'string', 'object' }
 * ```
 *
 * @param kind - the kind.
 * @returns the JSON types its non-null values take.
 */
export function jsonTypesOf(kind: AnyKind): ReadonlySet<JsonType> {
  return kindJsonTypes(kind);
}

/**
 * Options of {@link arbitraryNode}, {@link arbitraryDocument} and {@link arbitraryValue}.
 *
 * @example
 * ```ts
 * import type { ArbitraryOptions } from '@hyperld/core/testing';
 * const options: ArbitraryOptions = { maxDepth: 2, unknownProperties: false, keyOrder: 'shuffled' };
 * ```
 */
export interface ArbitraryOptions {
  /**
   * The registry whose types embedded nodes are drawn from (`t.anyNode()` takes any of them,
   * `t.node(Def)` takes `Def` or a registered type extending it). Defaults to a registry of the
   * definition alone (with the types it embeds or extends).
   */
  readonly registry?: Pick<Registry, 'types'>;
  /**
   * How deep embedded nodes go (the root is depth 0). Past it, node-valued properties take their
   * `null`, absent, link or empty-list form; a property that has none still gets a node, whose
   * own node-valued properties take those forms in turn. Default 3.
   */
  readonly maxDepth?: number;
  /** Whether nodes also get undeclared properties (with JSON values), `__proto__` among their names. Default `true`. */
  readonly unknownProperties?: boolean;
  /** `declared` (default): `@type`, `@context`, declared properties in order, then unknown ones; `shuffled`: any order. */
  readonly keyOrder?: 'declared' | 'shuffled';
  /** The most items in one generated list. Default 3. */
  readonly maxListLength?: number;
  /** The deepest nesting of generated free-form JSON (`t.json()` and unknown properties). Default 2. */
  readonly maxJsonDepth?: number;
}

/** Marks a property left out of a node. */
const ABSENT: unique symbol = Symbol('absent');

/** Names that break code which stores document keys in plain objects. */
const AWKWARD_NAMES = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty'] as const;

const ARRAY_INDEX = /^(?:0|[1-9]\d*)$/;

/**
 * Builds an object from entries with `defineProperty`, so that a `__proto__` key becomes an own
 * data property (as `JSON.parse` makes it) instead of replacing the prototype.
 */
function objectOf(entries: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of entries) Object.defineProperty(out, key, { value, writable: true, enumerable: true, configurable: true });
  return out;
}

/** The JSON type of a non-null JSON value, as the validator picks a union's branch by it. */
function jsonTypeOf(value: unknown): JsonType {
  return Array.isArray(value) ? 'array' : (typeof value as JsonType);
}


/** Whether every non-null value of a kind contains an embedded node (no link or empty-list form). */
function needsNode(spec: KindSpec): boolean {
  if (spec.tag === 'node') return true;
  if (spec.tag === 'union') return spec.options.every((o) => needsNode(o.spec));
  return false;
}

/** JSON as `JSON.parse` returns it: `-0` (which JSON text cannot carry) becomes `0`. */
const canonicalJson = (value: JsonValue): unknown => JSON.parse(JSON.stringify(value)) as unknown;

const fresh = <T>(make: () => T): Arbitrary<T> => fc.constant(null).map(make);

const noNegativeZero = (n: number): number => (n === 0 ? 0 : n);

const stringArb: Arbitrary<string> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
);

const numberArb: Arbitrary<number> = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(noNegativeZero),
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map((n) => noNegativeZero(n / 1000)),
  fc.integer(),
);

const integerArb: Arbitrary<number> = fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.constantFrom(0, -1, 1e21, -1e300));

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** RFC 3339 date-times: seconds always, 0 to 9 fraction digits, `Z` or a `±HH:MM` offset. */
const dateTimeArb: Arbitrary<string> = fc
  .record({
    date: fc.date({ min: new Date('0001-01-01T00:00:00.000Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true }),
    fraction: fc.oneof(fc.constant(''), fc.constant('ms'), fc.stringMatching(/^\.\d{1,9}$/)),
    zone: fc.oneof(
      fc.constant('Z'),
      fc.record({ sign: fc.constantFrom('+', '-'), hours: fc.integer({ min: 0, max: 14 }), minutes: fc.constantFrom(0, 15, 30, 45) }).map(
        ({ sign, hours, minutes }) => `${sign}${pad(hours, 2)}:${pad(minutes, 2)}`,
      ),
    ),
  })
  .map(({ date, fraction, zone }) => {
    const iso = date.toISOString(); // YYYY-MM-DDTHH:MM:SS.sssZ for years 0001–9999
    const seconds = iso.slice(0, 19);
    const digits = fraction === 'ms' ? iso.slice(19, 23) : fraction;
    return `${seconds}${digits}${zone}`;
  });

// No ':' among them, so that a relative-path reference never reads as a scheme.
const SEGMENT_CHARS = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&\'()*+,;=@', 'é', 'ß', 'ж', '日', '本', '😀'];
const segmentArb: Arbitrary<string> = fc.oneof(
  fc.string({ unit: fc.constantFrom(...SEGMENT_CHARS), minLength: 1, maxLength: 12 }),
  fc.tuple(fc.constantFrom(...'0123456789ABCDEF'), fc.constantFrom(...'0123456789ABCDEF')).map(([a, b]) => `%${a}${b}`),
);
const pathArb: Arbitrary<string> = fc.array(segmentArb, { minLength: 1, maxLength: 4 }).map((s) => s.join('/'));
const queryArb: Arbitrary<string> = fc.option(fc.tuple(segmentArb, segmentArb).map(([k, v]) => `?${k}=${v}`), { nil: '' });
const fragmentArb: Arbitrary<string> = fc.option(segmentArb.map((f) => `#${f}`), { nil: '' });

/** A relative IRI like `/things/abc`, as servers give node ids. */
const idArb: Arbitrary<string> = fc
  .tuple(fc.constantFrom('things', 'conversations', 'contacts', 'messages', 'accounts'), segmentArb)
  .map(([collection, slug]) => `/${collection}/${slug}`);

/** Links: absolute-path, relative-path, query-only and absolute IRIs. */
const linkArb: Arbitrary<string> = fc.oneof(
  fc.tuple(pathArb, queryArb, fragmentArb).map(([p, q, f]) => `/${p}${q}${f}`),
  fc.tuple(fc.constantFrom('', '../', './'), pathArb, queryArb).map(([dots, p, q]) => `${dots}${p}${q}`),
  queryArb.filter((q) => q !== ''),
  fc
    .tuple(fc.constantFrom('https', 'http'), fc.constantFrom('api.example.com', 'example.org:8443', 'localhost'), pathArb, queryArb, fragmentArb)
    .map(([scheme, host, p, q, f]) => `${scheme}://${host}/${p}${q}${f}`),
  segmentArb.map((s) => `urn:example:${s}`),
);

/** What one arbitrary-building pass knows. */
class Builder {
  private readonly maxDepth: number;
  private readonly unknown: boolean;
  private readonly shuffled: boolean;
  private readonly maxListLength: number;
  private readonly json: Arbitrary<unknown>;
  private readonly types: readonly AnyTypeDef[];
  /** Node arbitraries by definition and depth; every depth past `maxDepth` shares one slot. */
  private readonly nodes = new Map<AnyTypeDef, Map<number, Arbitrary<Record<string, unknown>>>>();
  /** Definitions whose past-`maxDepth` arbitrary is being built: a forced cycle among them has no finite instance. */
  private readonly building = new Set<AnyTypeDef>();

  /** The registry's context documents, when it has them: they say under which key a node's identifier goes. */
  private readonly contextOf: ((url: string) => ContextDocument | undefined) | undefined;

  constructor(registry: Pick<Registry, 'types'> & Partial<Pick<Registry, 'context'>>, options: ArbitraryOptions | undefined) {
    this.contextOf = registry.context === undefined ? undefined : (url) => registry.context?.(url);
    this.maxDepth = options?.maxDepth ?? 3;
    this.unknown = options?.unknownProperties ?? true;
    this.shuffled = options?.keyOrder === 'shuffled';
    this.maxListLength = options?.maxListLength ?? 3;
    const maxJsonDepth = options?.maxJsonDepth ?? 2;
    this.json = fc.oneof(
      { arbitrary: fc.jsonValue({ maxDepth: maxJsonDepth, stringUnit: 'binary' }).map(canonicalJson), weight: 4 },
      { arbitrary: fresh(() => ({})), weight: 1 },
      { arbitrary: fresh(() => []), weight: 1 },
    );
    this.types = [...registry.types.values()];
  }

  /** The arbitrary of nodes of `def` at `depth`. */
  node(def: AnyTypeDef, depth: number): Arbitrary<Record<string, unknown>> {
    const slot = Math.min(depth, this.maxDepth + 1);
    let byDepth = this.nodes.get(def);
    const cached = byDepth?.get(slot);
    if (cached) return cached;
    const past = slot > this.maxDepth;
    if (past) this.building.add(def);
    try {
      const arb = this.build(def, slot);
      if (!byDepth) this.nodes.set(def, (byDepth = new Map()));
      byDepth.set(slot, arb);
      return arb;
    } finally {
      if (past) this.building.delete(def);
    }
  }

  private build(def: AnyTypeDef, depth: number): Arbitrary<Record<string, unknown>> {
    const entries = Object.entries(def.properties) as [string, AnyKind][];
    const declared = new Set(entries.map(([key]) => key));
    const values = entries.map(([key, kind]) => this.property(kind, depth, `${def.type}.${key}`));
    const unknownNames = fc.oneof(fc.constantFrom(...AWKWARD_NAMES), fc.string(), fc.string({ unit: 'binary' }));
    const maxUnknown = 3;
    const none = fc.constant<readonly (readonly [string, unknown])[]>([]);
    const unknownArb: Arbitrary<readonly (readonly [string, unknown])[]> = this.unknown
      ? fc.oneof(
          none,
          fc.uniqueArray(
            fc.tuple(
              unknownNames.filter((n) => !declared.has(n) && !n.startsWith('@') && !ARRAY_INDEX.test(n)),
              this.json,
            ),
            { minLength: 1, maxLength: maxUnknown, selector: ([name]) => name },
          ),
        )
      : none;
    const total = entries.length + 2 + maxUnknown;
    const ranks: Arbitrary<number[] | undefined> = this.shuffled
      ? fc.array(fc.nat(total * 4), { minLength: total, maxLength: total })
      : fc.constant(undefined);
    // The identifier goes under its declared key where the type's context aliases it to `@id`
    // (`id: "@id"` in generated contexts), and under the keyword where it does not (the published
    // Hydra context).
    const own = this.contextOf?.(def.context)?.['@context'];
    const idKey = (key: string): string => (own === undefined || own[key] === '@id' ? key : '@id');
    return fc.tuple(fc.tuple(...values), unknownArb, ranks).map(([vals, extra, rank]) => {
      const out: (readonly [string, unknown])[] = [
        ['@type', def.type],
        ['@context', def.context],
      ];
      vals.forEach((v, i) => {
        const [key, kind] = entries[i] as [string, AnyKind];
        if (v !== ABSENT) out.push([kind.spec.tag === 'id' ? idKey(key) : key, v]);
      });
      out.push(...extra);
      if (rank) {
        const order = out.map((entry, i) => ({ entry, key: rank[i] ?? 0, i }));
        order.sort((a, b) => a.key - b.key || a.i - b.i);
        return objectOf(order.map((o) => o.entry));
      }
      return objectOf(out);
    });
  }

  /** The arbitrary of a property of a node at `depth`: a value, `null` if nullable, {@link ABSENT} if optional. */
  private property(kind: AnyKind, depth: number, where: string): Arbitrary<unknown> {
    if (depth + 1 > this.maxDepth && needsNode(kind.spec) && (kind.isOptional || kind.isNullable)) {
      const escapes: unknown[] = [];
      if (kind.isOptional) escapes.push(ABSENT);
      if (kind.isNullable) escapes.push(null);
      return fc.constantFrom(...escapes);
    }
    const arbs: WeightedArbitrary<unknown>[] = [{ arbitrary: this.value(kind, depth, where), weight: 4 }];
    if (kind.isNullable) arbs.push({ arbitrary: fc.constant(null), weight: 1 });
    if (kind.isOptional) arbs.push({ arbitrary: fc.constant(ABSENT), weight: 1 });
    return arbs.length === 1 ? (arbs[0] as WeightedArbitrary<unknown>).arbitrary : fc.oneof(...arbs);
  }

  /** The arbitrary of a non-null value of `kind`, held by a node at `depth`. */
  value(kind: AnyKind, depth: number, where: string): Arbitrary<unknown> {
    const spec = kind.spec;
    switch (spec.tag) {
      case 'id':
        return idArb;
      case 'string':
        return stringArb;
      case 'number':
        return numberArb;
      case 'integer':
        return integerArb;
      case 'boolean':
        return fc.boolean();
      case 'dateTime':
        return dateTimeArb;
      case 'enum': {
        if (spec.open) return fc.oneof(...(spec.values.length > 0 ? [fc.constantFrom(...spec.values)] : []), stringArb);
        if (spec.values.length === 0) throw new HyperldError('invalid_definition', `${where} is a closed enumeration of no values: no value is valid.`);
        return fc.constantFrom(...spec.values);
      }
      case 'json':
        // `null` comes from the nullable modifier (which `t.json()` carries), never from a union branch.
        return this.json.filter((v) => v !== null);
      case 'link':
        return linkArb;
      case 'node':
        return this.embedded(spec.targets?.(), depth + 1, where);
      case 'list': {
        const item = spec.item;
        if (depth + 1 > this.maxDepth && needsNode(item.spec)) return fresh(() => []);
        const itemArb = item.isNullable
          ? fc.oneof({ arbitrary: this.value(item, depth, `${where}[]`), weight: 4 }, { arbitrary: fc.constant(null), weight: 1 })
          : this.value(item, depth, `${where}[]`);
        return fc.oneof(fresh(() => []), fc.array(itemArb, { minLength: 1, maxLength: Math.max(1, this.maxListLength) }));
      }
      case 'union':
        return this.union(spec.options, depth, where);
    }
  }

  /**
   * A value of a union: a branch is only taken for the JSON types no earlier branch claims, since
   * the validator checks a value against the first branch that accepts its JSON type.
   */
  private union(options: readonly AnyKind[], depth: number, where: string): Arbitrary<unknown> {
    const claimed = new Set<JsonType>();
    const branches: { kind: AnyKind; own: ReadonlySet<JsonType> }[] = [];
    for (const option of options) {
      const own = new Set([...kindJsonTypes(option)].filter((j) => !claimed.has(j)));
      own.forEach((j) => claimed.add(j));
      if (own.size > 0) branches.push({ kind: option, own });
    }
    let usable = branches;
    if (depth + 1 > this.maxDepth) {
      const shallow = branches.filter((b) => !needsNode(b.kind.spec));
      if (shallow.length > 0) usable = shallow;
    }
    if (usable.length === 0) throw new HyperldError('invalid_definition', `${where} is a union of no kinds: no value is valid.`);
    return fc.oneof(
      ...usable.map(({ kind, own }) => {
        const arb = this.value(kind, depth, where);
        return own.size === kindJsonTypes(kind).size ? arb : arb.filter((v) => own.has(jsonTypeOf(v)));
      }),
    );
  }

  /** An embedded node of one of `targets` (or a registered type extending one), any registered type when `undefined`. */
  private embedded(targets: readonly AnyTypeDef[] | undefined, depth: number, where: string): Arbitrary<unknown> {
    let candidates = targets ? this.types.filter((d) => targets.some((target) => extendsType(d, target))) : this.types;
    if (candidates.length === 0) {
      throw new HyperldError('invalid_definition', `${where} embeds ${targets?.map((d) => d.type).join(' or ') ?? 'any node'}, but no such type is registered.`);
    }
    if (depth > this.maxDepth) {
      candidates = candidates.filter((d) => !this.building.has(d));
      if (candidates.length === 0) {
        throw new HyperldError('invalid_definition', `${where} requires an embedded node in a cycle of required nodes: such a node has no finite instance.`);
      }
    }
    return fc.oneof(...candidates.map((d) => this.node(d, depth)));
  }
}

function defaultRegistry(def: AnyTypeDef, options: ArbitraryOptions | undefined): Pick<Registry, 'types'> {
  const registry = options?.registry ?? createRegistry({ types: [def] });
  if (registry.types.get(def.type) !== def) {
    throw new HyperldError('invalid_definition', `Type "${def.type}" is not registered in the registry given to the arbitrary.`);
  }
  return registry;
}

/**
 * An arbitrary of valid nodes of a definition: `@type` and `@context` from the definition, an
 * `id` like `/things/abc`, and every property drawn from its kind (strings with Unicode, finite
 * numbers, integers, RFC 3339 date-times, enumeration values, `@json` values including `{}` and
 * `[]`, relative and absolute links, embedded nodes of the target types or types extending them,
 * lists including empty ones); nullable properties are sometimes `null`, optional ones sometimes
 * absent, and unknown properties (`__proto__`, `constructor`, … as own data properties) are added
 * unless turned off.
 *
 * @param def - the definition.
 * @param options - the registry embedded nodes come from, depth, unknown properties, key order.
 * @returns the arbitrary.
 * @throws HyperldError `invalid_definition` when a kind has no valid value (a closed enumeration
 * of nothing, a node of a type that is not registered, a cycle of required embedded nodes).
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { defineType, t } from '@hyperld/core';
 * import { arbitraryNode } from '@hyperld/core/testing';
 * const Account = defineType({ type: 'Account', context: '/contexts/Account.jsonld', vocab: 'https://example.com/vocab#', properties: { name: t.string() } });
 * const [account] = fc.sample(arbitraryNode(Account), 1);
 * account?.name; // string
 * ```
 */
export function arbitraryNode<D extends AnyTypeDef>(def: D, options?: ArbitraryOptions): Arbitrary<NodeOf<D>> {
  return new Builder(defaultRegistry(def, options), options).node(def, 0) as Arbitrary<never>;
}

/**
 * An arbitrary of valid documents of a registry: a node of any registered type, as
 * {@link arbitraryNode} makes them.
 *
 * @param registry - the registry.
 * @param options - depth, unknown properties, key order.
 * @returns the arbitrary.
 * @throws HyperldError `invalid_definition` when the registry is empty or a kind has no valid value.
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { createRegistry, defineType, t } from '@hyperld/core';
 * import { arbitraryDocument } from '@hyperld/core/testing';
 * const Account = defineType({ type: 'Account', context: '/contexts/Account.jsonld', vocab: 'https://example.com/vocab#', properties: { name: t.string() } });
 * const registry = createRegistry({ types: [Account] });
 * fc.assert(fc.property(arbitraryDocument(registry), (doc) => registry.validate(doc).length === 0));
 * ```
 */
export function arbitraryDocument<D extends AnyTypeDef>(
  registry: Registry<D>,
  options?: Omit<ArbitraryOptions, 'registry'>,
): Arbitrary<AnyNodeOf<D>> {
  const defs = [...registry.types.values()];
  if (defs.length === 0) throw new HyperldError('invalid_definition', 'The registry has no types to generate documents of.');
  const builder = new Builder(registry, options);
  return fc.oneof(...defs.map((def) => builder.node(def, 0))) as Arbitrary<never>;
}

/**
 * An arbitrary of valid values of a kind, `null` included when the kind is nullable (absence is
 * the caller's business). Embedded nodes count their depth from 1, as if the value were a
 * property of a root node.
 *
 * @param kind - the kind.
 * @param options - the registry embedded nodes come from (needed for `t.anyNode()`; defaults to
 * the kind's target types), depth and the other node options.
 * @returns the arbitrary.
 * @throws HyperldError `invalid_definition` when the kind has no valid value.
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { t } from '@hyperld/core';
 * import { arbitraryValue } from '@hyperld/core/testing';
 * const dates = fc.sample(arbitraryValue(t.dateTime()), 3); // e.g. ['2018-07-24T20:59:32.156Z', …]
 * ```
 */
export function arbitraryValue<K extends AnyKind>(kind: K, options?: ArbitraryOptions): Arbitrary<ValueOf<K>> {
  const registry = options?.registry ?? createRegistry({ types: embeddedTargetsOf(kind) });
  const value = new Builder(registry, options).value(kind, 0, 'the value');
  const arb = kind.isNullable ? fc.oneof({ arbitrary: value, weight: 4 }, { arbitrary: fc.constant(null), weight: 1 }) : value;
  return arb as Arbitrary<never>;
}

