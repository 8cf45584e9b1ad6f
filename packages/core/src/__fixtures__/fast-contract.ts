/**
 * The contract of the generated validators (`codec/codegen.ts`), checked against the walker of
 * `codec/walker.ts`, for any vocabulary: two registries of the same types, one with the fast path and
 * one without, must agree on every document — valid ones (where the fast path must actually
 * answer, or the comparison proves nothing), mutated ones under any settings, and documents read
 * while Object.prototype is polluted. "Agree" means the same violations in the same order, and
 * after a successful decode the same nodes carry metadata (the root and the list items the run
 * collected).
 *
 * The fast path runs on JSON text the registry parses itself; values handed in (which may be
 * hand-built: class instances, non-enumerable or `undefined` properties) go to the walker. Every
 * property reads documents both ways, so the contract is checked whichever inputs it takes.
 *
 * {@link fastContract} declares these properties in the test file that calls it (core's on the
 * sample vocabulary, textus's on the TextUs one) and hands back what that file's own examples need.
 * The spy watches `FastValidator` of this package's sources: a caller in another package must load
 * this module by a relative path, so that it and `@hyperld/core` (the sources, under the
 * `@hyperld/source` condition) share one module instance.
 *
 * @module
 */
import fc from 'fast-check';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { FastValidator } from '../codec/codegen.js';
import { compileTerms, createRegistry, DecodeError, metaOf, type AnyKind, type AnyTypeDef, type DecodeOptions, type Registry, type Violation } from '../index.js';
import { arbitraryDocument } from '../testing/index.js';

/** Runs of each property. */
export const RUNS = 1000;

// --- values ------------------------------------------------------------------------------------

/** A JSON object as the checks read and mutate it. */
export type Json = Record<string, unknown>;

/**
 * A deep copy that keeps what hand-built nodes may have and `structuredClone` loses: prototypes
 * (class instances, `Object.create(null)`), own `__proto__` data properties, own `undefined`
 * values, non-enumerable properties. Each registry gets its own copy, since metadata is keyed by
 * object identity.
 */
function clone<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  const array = Array.isArray(value);
  const out = (array ? new Array<unknown>(value.length) : Object.create(Object.getPrototypeOf(value) as object | null)) as object;
  for (const key of Reflect.ownKeys(value)) {
    if (array && key === 'length') continue;
    const descriptor = Object.getOwnPropertyDescriptor(value, key) as PropertyDescriptor;
    if ('value' in descriptor) descriptor.value = clone(descriptor.value as unknown);
    Object.defineProperty(out, key, descriptor);
  }
  return out as T;
}

/** Sets an own, enumerable data property (so `__proto__` is data, as `JSON.parse` makes it). */
function put(object: object, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
}

/** Reads an own data property without going through the prototype (`__proto__`, `constructor`). */
function own(object: object, key: string | number): unknown {
  return Object.getOwnPropertyDescriptor(object, key)?.value;
}

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The JSON paths of every object or array of a decoded value that has metadata, in walk order.
 *
 * @example
 * ```ts
 * metaPaths(registry.decode('{"@type":"Account","id":"/a","name":"A"}')); // ['$']
 * ```
 */
export function metaPaths(value: unknown, path = '$', out: string[] = []): string[] {
  if (typeof value !== 'object' || value === null) return out;
  if (metaOf(value) !== undefined) out.push(path);
  for (const key of Object.getOwnPropertyNames(value)) {
    if (Array.isArray(value) && key === 'length') continue;
    metaPaths(own(value, key), `${path}[${JSON.stringify(key)}]`, out);
  }
  return out;
}

// --- where to mutate -----------------------------------------------------------------------------

/** A place in a document: the root (no parent), a key of an object or an index of an array. */
interface Slot {
  readonly parent: Json | unknown[] | undefined;
  readonly key: string | number;
  readonly value: unknown;
}

function slotsOf(value: unknown, parent: Slot['parent'] = undefined, key: string | number = '$', out: Slot[] = []): Slot[] {
  out.push({ parent, key, value });
  if (Array.isArray(value)) value.forEach((item, i) => slotsOf(item, value, i, out));
  else if (typeof value === 'object' && value !== null) for (const k of Object.getOwnPropertyNames(value)) slotsOf(own(value, k), value as Json, k, out);
  return out;
}

/**
 * A document being mutated: replacing the root replaces `root`.
 *
 * @example
 * ```ts
 * const doc: Doc = { root: JSON.parse(body) };
 * for (const m of applied) contract.mutate(doc, m, []);
 * ```
 */
export interface Doc {
  root: unknown;
}

function set(doc: Doc, slot: Slot, value: unknown): void {
  if (slot.parent === undefined) doc.root = value;
  else if (Array.isArray(slot.parent)) slot.parent[slot.key as number] = value;
  else put(slot.parent, slot.key as string, value);
}

/** The `n`-th (modulo) slot whose value passes `filter`, or `undefined`. */
function pick(doc: Doc, n: number, filter: (slot: Slot) => boolean): Slot | undefined {
  const slots = slotsOf(doc.root).filter(filter);
  return slots[n % Math.max(1, slots.length)];
}

const objectSlot = (s: Slot): boolean => isObject(s.value);
const nodeSlot = (s: Slot): boolean => isObject(s.value) && Object.hasOwn(s.value, '@type');
const keyedSlot = (s: Slot): boolean => s.parent !== undefined && !Array.isArray(s.parent);

// --- what the vocabulary offers to mutations -------------------------------------------------------

/** Every spelling of each declared key that has another one, by declared key. */
type Spellings = ReadonlyMap<string, readonly string[]>;

/**
 * Every spelling of every declared key under every registered context (`members`,
 * `hydra:member`, the full IRI…), by declared key: what "another spelling" can mean.
 */
function spellingsOf(registry: Registry): Map<string, string[]> {
  const terms = [...registry.contexts.values()].map((doc) => compileTerms(doc['@context']));
  const out = new Map<string, Set<string>>();
  for (const def of registry.types.values()) {
    const own = registry.context(def.context);
    if (!own) continue;
    const ownTerms = compileTerms(own['@context']);
    for (const key of Object.keys(def.properties)) {
      const iri = ownTerms.iriOf(key);
      if (iri === undefined) continue;
      const set = out.get(key) ?? new Set<string>();
      set.add(iri);
      for (const t of terms) for (const k of t.keysOf(iri)) set.add(k);
      set.delete(key);
      out.set(key, set);
    }
  }
  return new Map([...out].filter(([, s]) => s.size > 0).map(([k, s]) => [k, [...s]]));
}

/** The declared keys of a definition that are required. */
function requiredKeys(def: AnyTypeDef): string[] {
  return (Object.entries(def.properties) as [string, AnyKind][]).filter(([, kind]) => !kind.isOptional).map(([key]) => key);
}

// --- mutations -------------------------------------------------------------------------------------

class Instance {
  constructor(fields: Json) {
    for (const [k, v] of Object.entries(fields)) put(this, k, v);
  }
}

const wrongPrimitive = fc.constantFrom<unknown>(0, -1, 1.5, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY, '', 'x', '2020-01-01', 'not an iri with spaces', true, false);
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  wrongPrimitive,
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
  fc.constantFrom<unknown>({}, [], [null], [{}], { '@type': 'Account' }),
  fc.dictionary(fc.string({ maxLength: 3 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
);

/** A chain of `depth` objects or arrays around a leaf. */
function deep(depth: number, arrays: boolean): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = arrays ? [value] : { x: value };
  return value;
}

/**
 * A change to a document; `at` (and `from`, `which`) choose among the places that fit, modulo
 * their number.
 *
 * @example
 * ```ts
 * const m: Mutation = { op: 'type', at: 3, value: 'Nope' };
 * ```
 */
export type Mutation =
  | { readonly op: 'replace'; readonly at: number; readonly value: unknown }
  | { readonly op: 'graft'; readonly at: number; readonly from: number }
  | { readonly op: 'swap'; readonly at: number; readonly from: number }
  | { readonly op: 'delete'; readonly at: number }
  | { readonly op: 'add'; readonly at: number; readonly key: string; readonly value: unknown }
  | { readonly op: 'type'; readonly at: number; readonly value: unknown }
  | { readonly op: 'context'; readonly at: number; readonly value: unknown; readonly remove: boolean }
  | { readonly op: 'respell'; readonly at: number; readonly which: number; readonly keepOld: boolean }
  | { readonly op: 'deep'; readonly at: number; readonly depth: number; readonly arrays: boolean; readonly key: string | undefined }
  | { readonly op: 'lengthen'; readonly at: number; readonly count: number }
  | { readonly op: 'undefined'; readonly at: number; readonly key: string | undefined }
  | { readonly op: 'hidden'; readonly at: number }
  | { readonly op: 'prototype'; readonly at: number; readonly as: 'class' | 'null' | 'date' };

/** What the mutations of a vocabulary draw from. */
interface MutationSources {
  readonly spellings: Spellings;
  readonly types: readonly AnyTypeDef[];
  readonly contextUrls: readonly string[];
  readonly bases: FastContractConfig['bases'];
  readonly unknownTypeIri: string;
}

/** The mutations of text (`mutation`) and those that also hide properties (`handBuiltMutation`). */
function mutationsOf({ spellings, types, contextUrls, bases, unknownTypeIri }: MutationSources): { mutation: fc.Arbitrary<Mutation>; handBuiltMutation: fc.Arbitrary<Mutation> } {
  const keyName = fc.oneof(
    fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'prototype', 'valueOf', 'id', '@id', '@foo', '0', '', 'extra'),
    fc.constantFrom(...[...spellings.values()].flat()),
    fc.constantFrom(...spellings.keys()),
    fc.string({ maxLength: 4 }),
  );
  const typeValue = fc.oneof(
    fc.constantFrom<unknown>(...types.map((d) => d.type)),
    fc.constantFrom<unknown>(...types.map((d) => d.iri), 'Nope', 'hydra:Nope', 'schema:Account', unknownTypeIri, 'Collection', 'hydra:Collection'),
    fc.constantFrom<unknown>(0, null, [], {}, '', true, ['Account'], undefined),
  );
  const contextValue = fc.oneof(
    fc.constantFrom<unknown>(...contextUrls),
    fc.constantFrom<unknown>(...contextUrls.map((u) => new URL(u, bases[0]).href), ...contextUrls.map((u) => u.slice(1))),
    fc.constantFrom<unknown>('/contexts/Nope.jsonld', 'http://www.w3.org/ns/hydra/context.jsonld', '', null, 0, true, undefined),
    fc.constantFrom<unknown>([], [null], [contextUrls[0]], [contextUrls[0], { x: 1 }], ['/contexts/Nope.jsonld'], [1], [[]], { '@vocab': 'https://x.example/#' }, {}),
    fc.tuple(fc.constantFrom(...contextUrls), fc.jsonValue({ maxDepth: 2 })).map(([u, j]) => [u, j]),
  );
  const at = fc.nat(1000);
  const shapeMutations: fc.Arbitrary<Mutation>[] = [
    fc.record({ op: fc.constant('replace' as const), at, value: anyValue }),
    fc.record({ op: fc.constant('graft' as const), at, from: at }),
    fc.record({ op: fc.constant('swap' as const), at, from: at }),
    fc.record({ op: fc.constant('delete' as const), at }),
    fc.record({ op: fc.constant('add' as const), at, key: keyName, value: anyValue }),
    fc.record({ op: fc.constant('type' as const), at, value: typeValue }),
    fc.record({ op: fc.constant('context' as const), at, value: contextValue, remove: fc.boolean() }),
    fc.record({ op: fc.constant('respell' as const), at, which: fc.nat(20), keepOld: fc.boolean() }),
    fc.record({ op: fc.constant('deep' as const), at, depth: fc.integer({ min: 1, max: 12 }), arrays: fc.boolean(), key: fc.option(keyName, { nil: undefined }) }),
    fc.record({ op: fc.constant('lengthen' as const), at, count: fc.integer({ min: 1, max: 5 }) }),
    fc.record({ op: fc.constant('undefined' as const), at, key: fc.option(keyName, { nil: undefined }) }),
    fc.record({ op: fc.constant('prototype' as const), at, as: fc.constantFrom('class' as const, 'null' as const, 'date' as const) }),
  ];
  return {
    mutation: fc.oneof(...shapeMutations),
    // With non-enumerable own properties too, which only `Object.defineProperty` makes.
    handBuiltMutation: fc.oneof(...shapeMutations, { arbitrary: fc.record({ op: fc.constant('hidden' as const), at }), weight: 4 }),
  };
}

/**
 * Applies a mutation in place (a no-op where the document has no place for it); grafted nodes
 * come from the document itself or from `others`.
 */
function mutate(doc: Doc, m: Mutation, others: readonly unknown[], spellings: Spellings): void {
  switch (m.op) {
    case 'replace': {
      const slot = pick(doc, m.at, () => true);
      if (slot) set(doc, slot, clone(m.value));
      return;
    }
    case 'graft':
    case 'swap': {
      // A node of this document or another one put elsewhere: often a node of another type.
      const nodes = [doc.root, ...others].flatMap((d) => slotsOf(d).filter(nodeSlot));
      const from = nodes[m.from % Math.max(1, nodes.length)];
      const slot = pick(doc, m.at, (s) => s.parent !== undefined && (m.op === 'graft' || nodeSlot(s)));
      if (from && slot) set(doc, slot, clone(from.value));
      return;
    }
    case 'delete': {
      const slot = pick(doc, m.at, (s) => s.parent !== undefined);
      if (!slot?.parent) return;
      if (Array.isArray(slot.parent)) slot.parent.splice(slot.key as number, 1);
      else delete slot.parent[slot.key as string];
      return;
    }
    case 'add': {
      const slot = pick(doc, m.at, objectSlot);
      if (slot) put(slot.value as Json, m.key, clone(m.value));
      return;
    }
    case 'type': {
      const slot = pick(doc, m.at, objectSlot);
      if (slot) put(slot.value as Json, '@type', clone(m.value));
      return;
    }
    case 'context': {
      const slot = pick(doc, m.at, objectSlot);
      if (!slot) return;
      if (m.remove) delete (slot.value as Json)['@context'];
      else put(slot.value as Json, '@context', clone(m.value));
      return;
    }
    case 'respell': {
      const slot = pick(doc, m.at, (s) => isObject(s.value) && Object.keys(s.value).some((k) => spellings.has(k)));
      if (!slot) return;
      const node = slot.value as Json;
      const keys = Object.keys(node).filter((k) => spellings.has(k));
      const key = keys[m.which % keys.length] as string;
      const alternatives = spellings.get(key) as string[];
      const value = own(node, key);
      if (!m.keepOld) delete node[key];
      put(node, alternatives[m.which % alternatives.length] as string, m.keepOld ? clone(value) : value);
      return;
    }
    case 'deep': {
      if (m.key === undefined) {
        const slot = pick(doc, m.at, (s) => s.parent !== undefined);
        if (slot) set(doc, slot, deep(m.depth, m.arrays));
      } else {
        const slot = pick(doc, m.at, objectSlot);
        if (slot) put(slot.value as Json, m.key, deep(m.depth, m.arrays));
      }
      return;
    }
    case 'lengthen': {
      const slot = pick(doc, m.at, (s) => Array.isArray(s.value));
      if (!slot) return;
      const list = slot.value as unknown[];
      const model: unknown = list.length > 0 ? list[0] : null;
      for (let i = 0; i < m.count; i++) list.push(clone(model));
      return;
    }
    case 'undefined': {
      // Own `undefined` values exist only in hand-built nodes.
      if (m.key === undefined) {
        const slot = pick(doc, m.at, keyedSlot);
        if (slot) set(doc, slot, undefined);
      } else {
        const slot = pick(doc, m.at, objectSlot);
        if (slot) put(slot.value as Json, m.key, undefined);
      }
      return;
    }
    case 'hidden': {
      // A hand-built node whose property was defined non-enumerable (Object.defineProperty).
      const slot = pick(doc, m.at, keyedSlot);
      if (slot?.parent) Object.defineProperty(slot.parent, slot.key, { enumerable: false });
      return;
    }
    case 'prototype': {
      const slot = pick(doc, m.at, objectSlot);
      if (!slot) return;
      const fields = slot.value as Json;
      let replacement: object;
      if (m.as === 'class') replacement = new Instance(fields);
      else if (m.as === 'null') {
        replacement = Object.create(null) as object;
        for (const k of Object.getOwnPropertyNames(fields)) put(replacement, k, own(fields, k));
      } else replacement = Object.assign(new Date(0), fields);
      set(doc, slot, replacement);
      return;
    }
  }
}

// --- running both registries -------------------------------------------------------------------------

/**
 * How a document is read. The fast path runs only on text the registry parses itself (plain data,
 * as JSON.parse makes it); values a caller hands in, which may be hand-built, go to the walker.
 * Both kinds are compared, so that the contract holds whichever inputs the fast path takes.
 *
 * @example
 * ```ts
 * const method: Method = 'decodeAsText';
 * ```
 */
export type Method = 'validate' | 'decode' | 'decodeAs' | 'decodeText' | 'decodeAsText';
const methods = fc.constantFrom<Method>('validate', 'decode', 'decodeAs', 'decodeText', 'decodeText', 'decodeAsText', 'decodeAsText');

/**
 * What a call did, comparable across the two registries.
 *
 * @example
 * ```ts
 * const valid: Outcome = { violations: [] };
 * ```
 */
export type Outcome =
  | { readonly violations: readonly Violation[] }
  | { readonly decoded: readonly string[] }
  | { readonly rejected: readonly Violation[] }
  | { readonly threw: string };

/**
 * Reads `input` with `registry` the way `method` says and tells what happened.
 *
 * @example
 * ```ts
 * expect(outcome(fast, 'decode', text, {}, Message)).toEqual(outcome(walker, 'decode', text, {}, Message));
 * ```
 */
export function outcome(registry: Registry, method: Method, input: unknown, options: DecodeOptions, def: AnyTypeDef): Outcome {
  try {
    switch (method) {
      case 'validate':
        return { violations: registry.validate(input, options) };
      case 'decode':
        return { decoded: metaPaths(registry.decode(input, options)) };
      case 'decodeText':
        return { decoded: metaPaths(registry.decode(JSON.stringify(input), options)) };
      case 'decodeAs':
        return { decoded: metaPaths(registry.decodeAs(def, input, options)) };
      case 'decodeAsText':
        return { decoded: metaPaths(registry.decodeAs(def, JSON.stringify(input), options)) };
    }
  } catch (error) {
    if (error instanceof DecodeError) return { rejected: error.violations };
    return { threw: String(error) };
  }
}

function settingsOf(bases: FastContractConfig['bases']): fc.Arbitrary<DecodeOptions> {
  return fc.record(
    {
      strict: fc.boolean(),
      unknownProperties: fc.constantFrom('keep' as const, 'error' as const),
      unknownContext: fc.constantFrom('error' as const, 'ignore' as const),
      maxDepth: fc.oneof(fc.integer({ min: 0, max: 8 }), fc.constantFrom(-1, 2.5, Number.NaN, Number.POSITIVE_INFINITY)),
      maxListLength: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constantFrom(-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY)),
      maxViolations: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constantFrom(0, -1, Number.NaN)),
      base: fc.constantFrom(...bases, '', 'relative/base', 'urn:x:y'),
    },
    { requiredKeys: [] },
  );
}

/** Valid documents of every type (`documents`), and smaller ones for properties that try many variants of each. */
function documentsOf(walker: Registry, depth: number | undefined): { documents: fc.Arbitrary<unknown>; smallDocuments: fc.Arbitrary<unknown> } {
  const deepest = depth === undefined ? {} : { maxDepth: depth };
  return {
    documents: fc.oneof(
      arbitraryDocument(walker, { ...deepest, keyOrder: 'shuffled' }),
      arbitraryDocument(walker, { maxDepth: 1, unknownProperties: false }),
      arbitraryDocument(walker, { ...deepest, unknownProperties: false }),
      arbitraryDocument(walker, { maxDepth: 2, maxListLength: 4, keyOrder: 'shuffled' }),
    ) as fc.Arbitrary<unknown>,
    smallDocuments: arbitraryDocument(walker, { maxDepth: 2, maxListLength: 2, unknownProperties: false }) as fc.Arbitrary<unknown>,
  };
}

// --- the contract ----------------------------------------------------------------------------------

/**
 * What differs between the vocabularies the contract is checked on.
 *
 * @example
 * ```ts
 * const config: FastContractConfig = {
 *   registry: sampleRegistry,
 *   bases: ['https://api.example.com/a/b', 'https://sample.example/'],
 *   unknownTypeIri: 'https://sample.example/vocab#Nope',
 *   declined: [],
 *   metadataExample: { json: '{"@type":"Account","id":"/a","name":"A"}', paths: ['$'] },
 *   afterPollution: { text: () => '{"@type":"Account","id":"/a","name":"A"}', check: (paths) => expect(paths).toEqual(['$']) },
 * };
 * ```
 */
export interface FastContractConfig {
  /** The registry whose types and contexts both registries are made of. */
  readonly registry: Registry;
  /** Document bases the settings draw from; the first also resolves context URLs made absolute. */
  readonly bases: readonly [string, string];
  /** An IRI in the vocabulary's namespace that names no type. */
  readonly unknownTypeIri: string;
  /** `maxDepth` of two of the four kinds of valid documents; absent, `arbitraryDocument`'s default. */
  readonly documentDepth?: number;
  /**
   * The types the generator leaves to the walker (two of their properties share an IRI, so one key
   * would count twice): their documents must never go fast, all others nearly always.
   */
  readonly declined: readonly string[];
  /** A document the walker decodes, and the paths of its nodes that get metadata. */
  readonly metadataExample: { readonly json: string; readonly paths: readonly string[] };
  /** JSON text the shared fast registry must answer for once the prototype is clean again, and what to expect of its metadata paths. */
  readonly afterPollution: { readonly text: () => string; readonly check: (paths: string[]) => void };
}

/** The registries, the spy and the arbitraries of one vocabulary. */
function harnessOf(config: FastContractConfig) {
  // Extra contexts (textus serves Hydra's view context under its own URL) are passed on too, so
  // the pair reproduces the registry exactly (generated context documents win on conflict).
  const types = [...config.registry.types.values()];
  const contexts = Object.fromEntries(config.registry.contexts);
  const fast = createRegistry({ types, contexts });
  const walker = createRegistry({ types, contexts, codegen: false });

  const root = vi.spyOn(FastValidator.prototype, 'root');
  afterAll(() => root.mockRestore());
  /** The fast path's answer in the calls made since `root.mockClear()`: `true` only if every call said so. */
  const wentFast = (): boolean => root.mock.results.length > 0 && root.mock.results.every((r) => r.type === 'return' && r.value === true);

  /** Runs both registries on their own copies; the fast one last, so the spy sees only its calls. */
  function both(method: Method, input: unknown, options: DecodeOptions, def: AnyTypeDef, generating: Registry = fast): { walked: Outcome; generated: Outcome; fast: boolean } {
    const walked = outcome(walker, method, clone(input), options, def);
    root.mockClear();
    const generated = outcome(generating, method, clone(input), options, def);
    return { walked, generated, fast: wentFast() };
  }

  const spellings = spellingsOf(fast);
  const sources = { spellings, types, contextUrls: [...fast.contexts.keys()], bases: config.bases, unknownTypeIri: config.unknownTypeIri };
  return {
    types,
    contexts,
    fast,
    walker,
    root,
    wentFast,
    both,
    /** Applies a mutation in place; grafted nodes come from the document itself or from `others`. */
    mutate: (doc: Doc, m: Mutation, others: readonly unknown[]): void => mutate(doc, m, others, spellings),
    ...mutationsOf(sources),
    settings: settingsOf(config.bases),
    methods,
    ...documentsOf(walker, config.documentDepth),
  };
}

/**
 * What {@link fastContract} hands back: the pair of registries, the spy on the fast path's
 * answers and the arbitraries, for the examples a test file adds.
 */
export type FastContract = ReturnType<typeof harnessOf>;

/**
 * Declares, in the calling test file, the properties that make the contract on `config`'s
 * vocabulary, and returns what they run on. Call it once, at the top level of the file: it also
 * installs the spy and the hooks that restore it and check that no test left Object.prototype
 * polluted.
 *
 * @example
 * ```ts
 * const { fast, root, wentFast } = fastContract({ registry: sampleRegistry, ... });
 * it('answers for an Account', () => {
 *   root.mockClear();
 *   fast.decode('{"@type":"Account","id":"/a","name":"A"}');
 *   expect(wentFast()).toBe(true);
 * });
 * ```
 */
export function fastContract(config: FastContractConfig): FastContract {
  const h = harnessOf(config);
  const prototypeKeys = Reflect.ownKeys(Object.prototype);
  afterEach(() => {
    expect(Reflect.ownKeys(Object.prototype)).toEqual(prototypeKeys);
  });
  describeSelfChecks(h, config.metadataExample);
  describeAgreement(h, new Set(config.declined));
  describePollution(h, prototypeKeys, config.afterPollution);
  return h;
}

function describeSelfChecks({ walker }: FastContract, example: FastContractConfig['metadataExample']): void {
  describe('the checks of this file', () => {
    it('copy what hand-built nodes have and compare metadata by path', () => {
      const node = JSON.parse('{"@type":"Account","__proto__":{"a":1}}') as Json;
      expect(clone(new Instance(node))).toBeInstanceOf(Instance);
      Object.defineProperty(node, 'hidden', { value: undefined, enumerable: false });
      const copy = clone(node);
      expect(Object.getOwnPropertyDescriptor(copy, '__proto__')?.value).toEqual({ a: 1 });
      expect(Object.getOwnPropertyDescriptor(copy, 'hidden')).toMatchObject({ value: undefined, enumerable: false });
      const decoded = walker.decode(JSON.parse(example.json));
      expect(metaPaths(decoded)).toEqual(example.paths);
    });
  });
}

function describeAgreement(h: FastContract, declined: ReadonlySet<string>): void {
  const { types, contexts, fast, walker, both, documents, smallDocuments } = h;
  describe('the fast path agrees with the walker', () => {
    it('on valid documents: no violations, the fast path answers, the same nodes get metadata', () => {
      const tally = new Map<string, { total: number; fast: number }>();
      fc.assert(
        fc.property(documents, fc.boolean(), (doc, as) => {
          expect(walker.validate(clone(doc))).toEqual([]);
          expect(fast.validate(clone(doc))).toEqual([]);
          const def = walker.lookup(String((doc as Json)['@type'])) as AnyTypeDef;
          const { walked, generated, fast: went } = both(as ? 'decodeAsText' : 'decodeText', doc, {}, def);
          expect(generated).toEqual(walked);
          expect(generated).toHaveProperty('decoded');
          const type = String((doc as Json)['@type']);
          const entry = tally.get(type) ?? { total: 0, fast: 0 };
          entry.total++;
          if (went) entry.fast++;
          tally.set(type, entry);
          const decoded = both('decode', doc, {}, def);
          expect(decoded.generated).toEqual(decoded.walked);
          expect(decoded.generated).toEqual(generated);
        }),
        { numRuns: RUNS },
      );
      const counted = [...tally].filter(([type]) => !declined.has(type)).map(([, e]) => e);
      const answered = counted.reduce((n, e) => n + e.fast, 0) / counted.reduce((n, e) => n + e.total, 0);
      expect(answered).toBeGreaterThanOrEqual(0.95);
      // The types whose documents, drawn often enough, never went fast are exactly the declined ones.
      const never = [...tally].filter(([, e]) => e.total >= 20 && e.fast === 0).map(([type]) => type);
      expect(never.sort()).toEqual([...declined].filter((type) => (tally.get(type)?.total ?? 0) >= 20).sort());
    });

    it('on mutated documents, under any settings: the same violations in the same order, or the same metadata', () => {
      const fastAnswers = agreeOnMutations(h, h.mutation);
      // Some mutations leave the document valid (an unknown key kept, a deleted optional one): the
      // fast path must have answered for some of them, or only the walker was compared with itself.
      expect(fastAnswers).toBeGreaterThan(RUNS / 20);
    });

    it('on hand-built nodes with non-enumerable own properties (which text never has)', () => {
      agreeOnMutations(h, h.handBuiltMutation);
    });

    it('on a node of any type put in place of an embedded node, whatever the registry read before', () => {
      // Generated code caches, per call site, the type a node there last dispatched to: a node of
      // another type at that site later must still be checked against what the site accepts.
      fc.assert(
        fc.property(fc.array(smallDocuments, { minLength: 1, maxLength: 3 }), smallDocuments, (before, doc) => {
          const generating = createRegistry({ types, contexts });
          for (const d of before) generating.decode(JSON.stringify(d));
          const byType = new Map<unknown, unknown>();
          for (const d of [...before, doc]) for (const s of slotsOf(d).filter(nodeSlot)) byType.set(own(s.value as Json, '@type'), s.value);
          const places = slotsOf(doc).flatMap((s, i) => (nodeSlot(s) && s.parent !== undefined ? [i] : []));
          for (const place of places) {
            for (const node of byType.values()) {
              const copy = { root: clone(doc) };
              set(copy, slotsOf(copy.root)[place] as Slot, clone(node));
              const { walked, generated } = both('decodeText', copy.root, {}, types[0] as AnyTypeDef, generating);
              expect(generated, `${JSON.stringify(own(node as Json, '@type'))} at slot ${place}`).toEqual(walked);
            }
          }
        }),
        { numRuns: RUNS / 4 },
      );
    });
  });
}

/**
 * Asserts both registries agree on sequences of mutated documents; returns how many documents
 * the fast path answered for. The fast registry is new in each sequence: its validators are
 * generated lazily and keep per-call-site caches, so what it read before must not change what it
 * says of the next document.
 */
function agreeOnMutations({ types, contexts, walker, both, mutate, documents, settings }: FastContract, mutations: fc.Arbitrary<Mutation>): number {
  /** One document of a sequence: how it is mutated and read. */
  const step = fc.record({
    original: documents,
    applied: fc.array(mutations, { maxLength: 4 }),
    options: settings,
    method: methods,
    type: fc.constantFrom(...types.map((d) => d.type)),
  });
  let fastAnswers = 0;
  fc.assert(
    fc.property(fc.array(step, { minLength: 1, maxLength: 5 }), (steps) => {
      const generating = createRegistry({ types, contexts });
      const originals = steps.map((s) => s.original);
      steps.forEach(({ original, applied, options, method, type }, i) => {
        const doc: Doc = { root: clone(original) };
        for (const m of applied) mutate(doc, m, originals);
        const { walked, generated, fast: went } = both(method, doc.root, options, walker.lookup(type) as AnyTypeDef, generating);
        if (went) fastAnswers++;
        expect(generated, `document ${i} of the sequence`).toEqual(walked);
      });
    }),
    { numRuns: RUNS },
  );
  return fastAnswers;
}

function describePollution(h: FastContract, prototypeKeys: readonly (string | symbol)[], after: FastContractConfig['afterPollution']): void {
  const { types, contexts, fast, walker, root, wentFast, documents } = h;
  describe('a polluted Object.prototype', () => {
    /** The nodes of a document with a required declared key present, and that key. */
    function requiredPlaces(doc: unknown): { node: Json; key: string }[] {
      const out: { node: Json; key: string }[] = [];
      for (const slot of slotsOf(doc)) {
        if (!isObject(slot.value)) continue;
        const type = own(slot.value, '@type');
        const def = typeof type === 'string' ? walker.lookup(type) : undefined;
        if (def) for (const key of requiredKeys(def)) if (Object.hasOwn(slot.value, key)) out.push({ node: slot.value, key });
      }
      return out;
    }

    it('never makes the fast path take an inherited value for a missing required property', () => {
      let checked = 0;
      fc.assert(
        fc.property(
          documents,
          fc.nat(),
          fc.boolean(),
          fc.constantFrom<unknown>('a string', 42, [], {}, null, '/links/1', true),
          fc.boolean(),
          fc.constantFrom<Method>('validate', 'decodeText', 'decodeAsText'),
          (original, n, enumerable, inherited, fresh, method) => {
            const doc = clone(original);
            const places = requiredPlaces(doc);
            fc.pre(places.length > 0);
            const { node, key } = places[n % places.length] as { node: Json; key: string };
            delete node[key];
            const def = walker.lookup(String((doc as Json)['@type'])) as AnyTypeDef;
            const clean = outcome(walker, method, clone(doc), {}, def);
            // A registry made now generates its validators while the prototype is polluted; the
            // shared one has generated them before.
            const registry = fresh ? createRegistry({ types, contexts }) : fast;
            let polluted: Outcome;
            let walkedPolluted: Outcome;
            let went: boolean;
            Object.defineProperty(Object.prototype, key, { value: inherited, enumerable, configurable: true, writable: true });
            try {
              walkedPolluted = outcome(walker, method, clone(doc), {}, def);
              root.mockClear();
              polluted = outcome(registry, method, clone(doc), {}, def);
              went = wentFast();
            } finally {
              delete (Object.prototype as Json)[key];
            }
            expect(Reflect.ownKeys(Object.prototype)).toEqual(prototypeKeys);
            expect(went).toBe(false);
            expect(polluted).toEqual(walkedPolluted);
            expect(polluted).toEqual(clean);
            const violations = 'violations' in polluted ? polluted.violations : 'rejected' in polluted ? polluted.rejected : [];
            expect(violations.map((v) => v.code)).toContain('missing_property');
            checked++;
          },
        ),
        { numRuns: RUNS },
      );
      expect(checked).toBeGreaterThan(RUNS / 2);
    });

    it('leaves the fast path working once the pollution is gone', () => {
      root.mockClear();
      after.check(metaPaths(fast.decode(after.text())));
      expect(wentFast()).toBe(true);
    });
  });
}
