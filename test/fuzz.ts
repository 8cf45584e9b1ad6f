/**
 * Fuzz properties of `decode` on the TextUs registry, shared by `test/fuzz.test.ts` (1,000 runs
 * each) and the `pnpm fuzz` command (this file run directly: 100,000 runs each by default).
 *
 * Every property feeds untrusted input to `decode` in two modes (non-strict, and strict with a
 * base IRI) and holds that the outcome is a typed node or a `DecodeError` — never another
 * exception, never a slow run — that decoding is consistent (`decode` throws exactly the
 * violations `validate` lists, text decodes as its parsed value does, the input is not changed),
 * and that `Object.prototype` and its siblings are untouched afterwards. Mutations of valid
 * documents also carry exact expectations where the mutation decides the outcome (a required
 * property removed is `missing_property` at its path, an unregistered `@type` is `unknown_type`
 * in strict mode only, `__proto__`/`constructor` keys are kept as data, …).
 *
 * Run `pnpm fuzz` (`tsx --conditions=@hyperld/source test/fuzz.ts --runs 100000`), optionally
 * with `--seed N` and `--only <substring>`: it prints, per property, the runs, the failures, the
 * slowest run and the time taken, and exits with 1 when any run failed.
 *
 * @module
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { ErrorCodes, isDecodeError, type AnyKind, type AnyTypeDef, type DecodeOptions, type Registry, type Violation } from '@hyperld/core';
import { arbitraryDocument, jsonTypesOf } from '@hyperld/core/testing';
import { seedBodyText } from '@hyperld/fixtures';
import { textusRegistry } from '@hyperld/textus';
import { registriesFor, standardDocument, STYLES, type Style } from './helpers/standard-documents.js';

/** What the properties need of a registry (a test hands in a broken one to see them fail). */
export type Decoder = Pick<Registry, 'decode' | 'validate' | 'lookup' | 'types' | 'definitionOf'>;

/**
 * One fuzz property: an arbitrary of inputs and a check that throws when an input breaks it.
 *
 * @typeParam T - the input.
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import type { FuzzProperty } from './fuzz.js';
 * const p: FuzzProperty<string> = { name: 'strings', arbitrary: fc.string(), check: () => undefined };
 * ```
 */
export interface FuzzProperty<T = unknown> {
  /** A name for reports. */
  readonly name: string;
  /** The inputs. */
  readonly arbitrary: fc.Arbitrary<T>;
  /** Throws when `input` breaks the property. */
  readonly check: (input: T) => void;
}

/**
 * A run slower than this counts as a hang: decode must never hang on any input. Real runs take
 * milliseconds; the bound is far above them so that a garbage-collection pause on a loaded CI
 * machine is not taken for a hang (this is a hang guard, not a speed check).
 */
export const SLOW_RUN_MS = 5000;

/** The two modes every input is decoded in. */
export const DECODE_MODES: readonly { readonly name: string; readonly options: DecodeOptions }[] = [
  { name: 'non-strict', options: {} },
  { name: 'strict', options: { strict: true, base: 'https://api.textus.example/contacts/DQeeO69/conversations' } },
];

// ---------------------------------------------------------------------------------------------
// Prototype pollution guard

const GUARDED: readonly (readonly [string, object])[] = [
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['Function.prototype', Function.prototype],
  ['String.prototype', String.prototype],
  ['Number.prototype', Number.prototype],
  ['Boolean.prototype', Boolean.prototype],
];

/** The own property descriptors of a prototype. */
type Fingerprint = Map<string | symbol, PropertyDescriptor>;

function fingerprint(proto: object): Fingerprint {
  const out: Fingerprint = new Map();
  for (const key of Reflect.ownKeys(proto)) out.set(key, Object.getOwnPropertyDescriptor(proto, key) as PropertyDescriptor);
  return out;
}

const sameDescriptor = (a: PropertyDescriptor, b: PropertyDescriptor): boolean =>
  a.value === b.value && a.get === b.get && a.set === b.set && a.writable === b.writable && a.enumerable === b.enumerable && a.configurable === b.configurable;

const baseline = GUARDED.map(([name, proto]) => [name, proto, fingerprint(proto)] as const);

/** Keys the injected payloads use: if any shows up on a fresh object, pollution happened. */
const POLLUTION_MARKERS = ['polluted', 'isAdmin', '@type', 'prototype'] as const;

/**
 * Throws when a built-in prototype differs from its state when this module loaded (a key added,
 * removed or replaced), or when a fresh object sees a property it should not. A difference is
 * repaired before the throw, so that one polluting run does not break the runs after it.
 *
 * @returns nothing.
 * @throws Error naming the prototype and the key.
 * @example
 * ```ts
 * import { assertPrototypesIntact } from './fuzz.js';
 * assertPrototypesIntact();
 * ```
 */
export function assertPrototypesIntact(): void {
  const problems: string[] = [];
  for (const [name, proto, before] of baseline) {
    const now = fingerprint(proto);
    for (const [key, descriptor] of now) {
      const old = before.get(key);
      if (old === undefined) {
        problems.push(`${name} gained ${String(key)}`);
        Reflect.deleteProperty(proto, key);
      } else if (!sameDescriptor(descriptor, old)) {
        problems.push(`${name}.${String(key)} was replaced`);
        Object.defineProperty(proto, key, old);
      }
    }
    for (const [key, old] of before) {
      if (!now.has(key)) {
        problems.push(`${name} lost ${String(key)}`);
        Object.defineProperty(proto, key, old);
      }
    }
  }
  const fresh: Record<string, unknown> = {};
  for (const marker of POLLUTION_MARKERS) {
    if (fresh[marker] !== undefined) problems.push(`({}).${marker} is ${String(fresh[marker])}`);
  }
  if (Object.getPrototypeOf(fresh) !== Object.prototype) problems.push('{} has another prototype');
  if (problems.length > 0) throw new Error(`prototype pollution: ${problems.join('; ')}`);
}

// ---------------------------------------------------------------------------------------------
// Outcomes and their invariants

/** What one decode gave. */
type Outcome = { readonly ok: true; readonly node: Record<string, unknown> } | { readonly ok: false; readonly violations: readonly Violation[] };

const KNOWN_CODES = new Set(Object.keys(ErrorCodes));

/** Renders a value for a failure message, briefly and without throwing. */
function show(value: unknown): string {
  try {
    const text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)) ?? String(value));
    return text.length > 300 ? `${text.slice(0, 300)}…` : text;
  } catch {
    return Object.prototype.toString.call(value);
  }
}

const sameViolations = (a: readonly Violation[], b: readonly Violation[]): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Decodes once, and checks what every outcome must satisfy: a typed node (an object with a
 * non-empty string `@type`, registered in strict mode, that validates) or a `DecodeError` with
 * known codes and `$` paths. Any other exception is a failure.
 */
function decodeOnce(registry: Decoder, input: unknown, mode: (typeof DECODE_MODES)[number]): Outcome {
  let node: unknown;
  try {
    node = registry.decode(input, mode.options);
  } catch (error) {
    if (!isDecodeError(error)) {
      const what = error instanceof Error ? `${error.name}: ${error.message}` : show(error);
      throw new Error(`[${mode.name}] decode threw ${what} (not a DecodeError) for ${show(input)}`, { cause: error });
    }
    const violations = error.violations;
    if (violations.length === 0) throw new Error(`[${mode.name}] a DecodeError without violations for ${show(input)}`);
    const first = violations[0] as Violation;
    if (error.code !== first.code || error.path !== first.path) throw new Error(`[${mode.name}] DecodeError code/path differ from its first violation`);
    for (const v of violations) {
      if (!KNOWN_CODES.has(v.code)) throw new Error(`[${mode.name}] unknown violation code ${v.code}`);
      if (!v.path.startsWith('$')) throw new Error(`[${mode.name}] violation path ${v.path} does not start with $`);
    }
    return { ok: false, violations };
  }
  if (typeof node !== 'object' || node === null || Array.isArray(node)) throw new Error(`[${mode.name}] decode returned ${show(node)}, not a node`);
  const record = node as Record<string, unknown>;
  const type = record['@type'];
  if (!isTypeValue(type)) throw new Error(`[${mode.name}] decoded a node whose @type is ${show(type)}`);
  if (mode.options.strict && registry.definitionOf(record) === undefined) throw new Error(`[${mode.name}] strict decode returned an unregistered @type ${show(type)}`);
  return { ok: true, node: record };
}

/**
 * Decodes a parsed value in every mode: the invariants of {@link decodeOnce}, plus: the node is
 * the input itself, the input is left unchanged, and `decode` throws exactly the violations
 * `validate` lists.
 */
function decodeParsed(registry: Decoder, value: unknown, json: boolean): Outcome[] {
  if (typeof value === 'string') {
    // `decode` reads a string as JSON text, so a parsed value that is a string only reaches the
    // validator (which must reject it: a document is an object).
    return DECODE_MODES.map((mode) => {
      const violations = registry.validate(value, mode.options);
      if (violations[0]?.code !== 'not_an_object') throw new Error(`[${mode.name}] validate accepts the string ${show(value)} as a document`);
      return { ok: false, violations };
    });
  }
  const before = json ? JSON.stringify(value) : undefined;
  return DECODE_MODES.map((mode) => {
    const outcome = decodeOnce(registry, value, mode);
    if (outcome.ok && outcome.node !== value) throw new Error(`[${mode.name}] decode returned a copy, not the input`);
    const listed = registry.validate(value, mode.options);
    if (outcome.ok ? listed.length > 0 : !sameViolations(listed, outcome.violations)) {
      throw new Error(`[${mode.name}] decode and validate disagree on ${show(value)}: ${show(outcome.ok ? 'ok' : outcome.violations)} vs ${show(listed)}`);
    }
    if (before !== undefined && JSON.stringify(value) !== before) throw new Error(`[${mode.name}] decode changed its input`);
    return outcome;
  });
}

/**
 * Decodes JSON text in every mode: the invariants of {@link decodeOnce}, plus: text that is not
 * JSON is `invalid_json`, and JSON text decodes exactly as its parsed value does (same
 * violations; a node whose encoding is the text's).
 */
function decodeText(registry: Decoder, text: string): Outcome[] {
  let parsed: { value: unknown } | undefined;
  try {
    parsed = { value: JSON.parse(text) as unknown };
  } catch {
    parsed = undefined;
  }
  const fromValue = parsed === undefined ? undefined : decodeParsed(registry, parsed.value, true);
  return DECODE_MODES.map((mode, i) => {
    const outcome = decodeOnce(registry, text, mode);
    if (parsed === undefined) {
      if (outcome.ok || outcome.violations[0]?.code !== 'invalid_json') throw new Error(`[${mode.name}] text that is not JSON gave ${show(outcome.ok ? 'a node' : outcome.violations)}`);
      return outcome;
    }
    const expected = fromValue?.[i] as Outcome;
    if (outcome.ok !== expected.ok || (!outcome.ok && !expected.ok && !sameViolations(outcome.violations, expected.violations))) {
      throw new Error(`[${mode.name}] text and parsed value decode differently: ${show(text)}`);
    }
    if (outcome.ok && JSON.stringify(outcome.node) !== JSON.stringify(parsed.value)) throw new Error(`[${mode.name}] the node does not encode to the text`);
    return outcome;
  });
}

// ---------------------------------------------------------------------------------------------
// Mutations of valid documents

type JsonType = 'null' | 'string' | 'number' | 'boolean' | 'object' | 'array';

const jsonTypeOf = (v: unknown): JsonType => (v === null ? 'null' : Array.isArray(v) ? 'array' : (typeof v as JsonType));

/** A `@type` decoding accepts: a non-empty string, or a non-empty array of them (JSON-LD's several types). */
const isTypeValue = (v: unknown): boolean =>
  typeof v === 'string' ? v.length > 0 : Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string' && x.length > 0);

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
/** The JSON path of a key of the root, as violations print it. */
const rootPath = (key: string): string => (IDENTIFIER.test(key) ? `$.${key}` : `$[${JSON.stringify(key)}]`);

/** Sets an own data property, so that `__proto__` stays a key instead of replacing the prototype. */
function setOwn(target: Record<string, unknown> | unknown[], key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

/** Every object and array of a JSON value, root first. */
function containersOf(root: unknown): (Record<string, unknown> | unknown[])[] {
  const out: (Record<string, unknown> | unknown[])[] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null) continue;
    out.push(v as Record<string, unknown> | unknown[]);
    const children = Object.values(v as object) as unknown[];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return out;
}

/** Values that replace, wrap or are injected: JSON of every type, and node-like objects. */
const injectedValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom<unknown>(null, '', 0, -1, 1.5, true, false, [], {}, 'not a date', '/conversations/x', 'javascript:alert(1)'),
);

/** `@type` values to swap in: registered ones, near misses and awkward names. */
const typeNames = (registry: Decoder): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom(...registry.types.keys()),
    fc.constantFrom('conversation', 'Conversation ', 'hydra:collection', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'Object', ''),
    fc.string({ maxLength: 12 }),
  );

/** Keys to duplicate under or inject: awkward names among random ones. */
const keyNames: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'copy', '0', ''),
  fc.string({ maxLength: 8 }),
);

/** Payloads whose keys try to reach a prototype when a careless consumer copies them. */
const PROTO_PAYLOADS: readonly (readonly [string, unknown])[] = [
  ['__proto__', { polluted: true }],
  ['__proto__', { isAdmin: true, toString: 'polluted', '@type': 'Conversation' }],
  ['__proto__', null],
  ['__proto__', []],
  ['__proto__', 'polluted'],
  ['constructor', { prototype: { polluted: true } }],
  ['constructor', 'polluted'],
  ['prototype', { polluted: true }],
];

/** One mutation of a document, decided by numbers that pick where it applies. */
export interface Mutation {
  /** What is done. */
  readonly kind: 'remove' | 'retype' | 'duplicate' | 'nest' | 'swapType' | 'inject';
  /** Which container (root first) it applies to, modulo their number. */
  readonly at: number;
  /** Which key of that container, modulo their number. */
  readonly pick: number;
  /** The replacement value (`retype`). */
  readonly value: unknown;
  /** How `nest` wraps the value. */
  readonly wrap: 'array' | 'object';
  /** The `@type` swapped in. */
  readonly type: string;
  /** The key `duplicate` copies to. */
  readonly key: string;
  /** Which payload `inject` adds (an index into the `__proto__`/`constructor` payloads). */
  readonly payload: number;
}

const mutationArb = (registry: Decoder): fc.Arbitrary<Mutation> =>
  fc.record({
    kind: fc.constantFrom('remove', 'retype', 'duplicate', 'nest', 'swapType', 'inject'),
    at: fc.oneof(fc.constant(0), fc.nat()),
    pick: fc.nat(),
    value: injectedValue,
    wrap: fc.constantFrom('array', 'object'),
    type: typeNames(registry),
    key: keyNames,
    payload: fc.nat(PROTO_PAYLOADS.length - 1),
  });

/**
 * What a mutation of the root of a valid document decides, in a mode: that it stays valid, that
 * a violation with a code appears at a path, or nothing (`undefined`) when the outcome depends
 * on more than the mutation.
 */
type Expectation = { readonly valid: true } | { readonly code: string; readonly path: string } | undefined;

/** A mutated copy of `doc` and, per mode, what the mutation decides. */
export interface Mutated {
  /** The mutated copy. */
  readonly doc: unknown;
  /** Per mode of {@link DECODE_MODES}: the decided outcome, if any. */
  readonly expect: readonly Expectation[];
}

const everyMode = (e: Expectation): Expectation[] => DECODE_MODES.map(() => e);

/**
 * Applies a mutation to a copy of a valid document.
 *
 * @param registry - the registry (for the root's definition).
 * @param doc - a document that decodes in every mode.
 * @param m - the mutation.
 * @returns the copy and what the mutation decides.
 * @example
 * ```ts
 * import { mutate } from './fuzz.js';
 * import { textusRegistry } from '@hyperld/textus';
import { registriesFor, standardDocument, STYLES, type Style } from './helpers/standard-documents.js';
 * declare const doc: unknown;
 * mutate(textusRegistry, doc, { kind: 'remove', at: 0, pick: 0, value: null, wrap: 'array', type: 'X', key: 'k', payload: 0 });
 * ```
 */
export function mutate(registry: Decoder, doc: unknown, m: Mutation): Mutated {
  const copy = JSON.parse(JSON.stringify(doc)) as unknown;
  const all = containersOf(copy);
  const objects = all.filter((c): c is Record<string, unknown> => !Array.isArray(c));
  const pool = m.kind === 'swapType' || m.kind === 'inject' ? objects : all;
  const target = pool[m.at % Math.max(1, pool.length)];
  if (target === undefined) return { doc: copy, expect: everyMode(undefined) };
  const atRoot = target === copy;
  const named: AnyTypeDef | undefined = atRoot && !Array.isArray(target) && typeof target['@type'] === 'string' ? registry.lookup(target['@type']) : undefined;
  // The oracle reads keys as the definition declares them: only under the type's own context (or
  // none), not under another one that spells them otherwise (API Platform's `hydra:member`).
  const ownContext = named !== undefined && !Array.isArray(target) && (target['@context'] === undefined || target['@context'] === named.context);
  const def = ownContext ? named : undefined;
  const keys = Object.keys(target);
  const key = keys[m.pick % Math.max(1, keys.length)];
  // The `@id` keyword is the identifier wherever a type declares one (under an alias or not).
  const idKind = def ? (Object.values(def.properties) as AnyKind[]).find((k) => k.spec.tag === 'id') : undefined;
  const declared = (k: string): AnyKind | undefined =>
    k === '@id' ? idKind : def && Object.hasOwn(def.properties, k) ? (def.properties as Record<string, AnyKind>)[k] : undefined;
  const unknownKey = (k: string): boolean => !k.startsWith('@') && declared(k) === undefined;
  // What a new value at a key of the root decides.
  const valueAt = (k: string, v: unknown): Expectation => {
    if (!def) return undefined;
    if (k === '@type') return isTypeValue(v) ? undefined : { code: v === undefined ? 'missing_type' : 'invalid_type', path: rootPath(k) };
    if (k.startsWith('@')) return undefined;
    const kind = declared(k);
    if (kind === undefined) return { valid: true };
    if (v === null) return kind.isNullable ? { valid: true } : { code: 'wrong_kind', path: rootPath(k) };
    return (jsonTypesOf(kind) as ReadonlySet<string>).has(jsonTypeOf(v)) ? undefined : { code: 'wrong_kind', path: rootPath(k) };
  };

  switch (m.kind) {
    case 'remove': {
      if (key === undefined) return { doc: copy, expect: everyMode(undefined) };
      if (Array.isArray(target)) target.splice(Number(key), 1);
      else delete target[key];
      if (!def) return { doc: copy, expect: everyMode(undefined) };
      const kind = declared(key);
      if (key === '@type') return { doc: copy, expect: everyMode({ code: 'missing_type', path: rootPath(key) }) };
      return { doc: copy, expect: everyMode(kind && !kind.isOptional ? { code: 'missing_property', path: rootPath(key) } : { valid: true }) };
    }
    case 'retype':
    case 'nest': {
      if (key === undefined) return { doc: copy, expect: everyMode(undefined) };
      const old = (target as Record<string, unknown>)[key];
      const value = m.kind === 'retype' ? m.value : m.wrap === 'array' ? [old] : { nested: old };
      setOwn(target, key, value);
      return { doc: copy, expect: everyMode(atRoot ? valueAt(key, value) : undefined) };
    }
    case 'duplicate': {
      if (key === undefined) return { doc: copy, expect: everyMode(undefined) };
      const value = JSON.parse(JSON.stringify((target as Record<string, unknown>)[key] ?? null)) as unknown;
      if (Array.isArray(target)) {
        target.push(value);
        return { doc: copy, expect: everyMode(undefined) };
      }
      setOwn(target, m.key, value);
      return { doc: copy, expect: everyMode(def && unknownKey(m.key) ? { valid: true } : undefined) };
    }
    case 'swapType': {
      const previous = (target as Record<string, unknown>)['@type'];
      setOwn(target, '@type', m.type);
      if (!def) return { doc: copy, expect: everyMode(undefined) };
      if (m.type === previous) return { doc: copy, expect: everyMode({ valid: true }) };
      if (m.type === '') return { doc: copy, expect: everyMode({ code: 'invalid_type', path: rootPath('@type') }) };
      if (registry.lookup(m.type) !== undefined) return { doc: copy, expect: everyMode(undefined) };
      // An unregistered @type: strict mode rejects it; otherwise the node decodes as a generic one.
      return { doc: copy, expect: DECODE_MODES.map((mode) => (mode.options.strict ? { code: 'unknown_type', path: rootPath('@type') } : { valid: true })) };
    }
    case 'inject': {
      const [name, payload] = PROTO_PAYLOADS[m.payload % PROTO_PAYLOADS.length] as readonly [string, unknown];
      setOwn(target, name, JSON.parse(JSON.stringify(payload)) as unknown);
      // No TextUs or Hydra type declares these names: wherever they land, they are unknown
      // properties (kept as data) or free JSON, so a valid document stays valid.
      return { doc: copy, expect: everyMode({ valid: true }) };
    }
  }
}

/** Checks decided expectations against outcomes. */
function expectOutcomes(outcomes: readonly Outcome[], expect: readonly Expectation[], what: string): void {
  outcomes.forEach((outcome, i) => {
    const e = expect[i];
    const mode = DECODE_MODES[i]?.name ?? String(i);
    if (e === undefined) return;
    if ('valid' in e) {
      if (!outcome.ok) throw new Error(`[${mode}] ${what}: expected a node, got ${show(outcome.violations.slice(0, 3))}`);
    } else if (outcome.ok || !outcome.violations.some((v) => v.code === e.code && v.path === e.path)) {
      throw new Error(`[${mode}] ${what}: expected ${e.code} at ${e.path}, got ${show(outcome.ok ? 'a node' : outcome.violations.slice(0, 3))}`);
    }
  });
}

/** Decodes a valid document (as value and text) and fails unless every mode gives a node. */
function requireValid(registry: Decoder, doc: unknown, what: string): void {
  const outcomes = decodeText(registry, JSON.stringify(doc));
  outcomes.forEach((o, i) => {
    if (!o.ok) throw new Error(`[${DECODE_MODES[i]?.name}] the ${what} does not decode: ${show(o.violations.slice(0, 3))}`);
  });
}

/** Decodes a mutated document as a value and as text, and checks what the mutation decides. */
function checkMutated(registry: Decoder, mutated: Mutated, what: string): void {
  expectOutcomes(decodeParsed(registry, mutated.doc, true), mutated.expect, `${what} (parsed)`);
  expectOutcomes(decodeText(registry, JSON.stringify(mutated.doc)), mutated.expect, `${what} (text)`);
}

// ---------------------------------------------------------------------------------------------
// The properties

/** Text that looks like JSON-LD more often than random strings do: tokens of the vocabulary. */
const tokenSoup: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.constantFrom('{', '}', '[', ']', ':', ',', ' ', '"', '\\', 'null', 'true', 'false', '-0', '1e999', '1.5', '"\\u0000"', '"\\ud800"'),
      fc.constantFrom('"@type"', '"@context"', '"Conversation"', '"ConversationCollection"', '"/contexts/Conversation.jsonld"', '"members"', '"id"', '"__proto__"', '"constructor"'),
      fc.string({ maxLength: 4 }),
    ),
    { maxLength: 40 },
  )
  .map((tokens) => tokens.join(''));

/** Keys that make random objects look like nodes. */
const nodeKeys = (registry: Decoder): fc.Arbitrary<string> =>
  fc.oneof(
    { arbitrary: fc.constantFrom('@type', '@context', 'id', 'members', 'view', 'account', 'latestPreviewableItem', '__proto__', 'constructor'), weight: 2 },
    { arbitrary: fc.constantFrom(...new Set([...registry.types.values()].flatMap((d) => Object.keys(d.properties)))), weight: 2 },
    { arbitrary: fc.string({ maxLength: 6 }), weight: 1 },
  );

/** Leaves of node-like JSON: type names, registered and unregistered context URLs, numbers, … */
const nodeLeaves = (registry: Decoder): fc.Arbitrary<unknown>[] => [
  typeNames(registry),
  fc.constantFrom('/contexts/Conversation.jsonld', '/contexts/hydra:Collection.jsonld', 'https://elsewhere.example/ctx.jsonld', '2018-07-24T20:59:32.156Z', 'closed', 'open', '/conversations/Pvwqm5G'),
  fc.string(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
];

const seedDocument = (): unknown => JSON.parse(seedBodyText()) as unknown;

/**
 * The fuzz properties of `decode`, against `registry` (the TextUs registry by default; documents
 * are always generated from the TextUs vocabulary).
 *
 * @param registry - the registry under test.
 * @returns the properties, in the order they are reported.
 * @example
 * ```ts
 * import { decodeProperties, runFuzzProperty } from './fuzz.js';
 * for (const p of decodeProperties()) console.log(runFuzzProperty(p, { runs: 10 }).failures);
 * ```
 */
export function decodeProperties(registry: Decoder = textusRegistry): FuzzProperty<never>[] {
  const documents = arbitraryDocument(textusRegistry);
  const properties: FuzzProperty<never>[] = [];
  const add = <T>(p: FuzzProperty<T>): void => {
    properties.push(p as unknown as FuzzProperty<never>);
  };

  add({
    name: 'JSON values, parsed and as text',
    arbitrary: fc.jsonValue(),
    check: (value) => {
      decodeParsed(registry, value, true);
      decodeText(registry, JSON.stringify(value));
    },
  });
  add({
    name: 'node-shaped JSON objects, parsed and as text',
    arbitrary: fc.object({ key: nodeKeys(registry), values: nodeLeaves(registry), maxDepth: 4, maxKeys: 8 }),
    check: (value) => {
      decodeParsed(registry, value, true);
      decodeText(registry, JSON.stringify(value));
    },
  });
  add({
    name: 'strings as text (UTF-16 units, binary, graphemes, JSON token soup)',
    arbitrary: fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), tokenSoup),
    check: (text) => {
      decodeText(registry, text);
    },
  });
  add({
    name: 'any JavaScript value (null prototypes, sparse arrays, boxed values, bigint) as parsed input',
    arbitrary: fc.anything({
      key: nodeKeys(registry),
      values: nodeLeaves(registry),
      maxDepth: 3,
      withNullPrototype: true,
      withSparseArray: true,
      withBoxedValues: true,
      withBigInt: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withTypedArray: true,
    }),
    check: (value) => {
      decodeParsed(registry, value, false);
    },
  });
  add({
    name: 'generated documents mutated once (remove, retype, duplicate, nest, swap @type, inject)',
    arbitrary: fc.tuple(documents, mutationArb(registry)),
    check: ([doc, m]) => {
      requireValid(registry, doc, 'generated document');
      checkMutated(registry, mutate(registry, doc, m), `${m.kind} at ${m.at}/${m.pick}`);
    },
  });
  const seed = seedDocument();
  add({
    name: 'the seed body mutated one to four times',
    arbitrary: fc.array(mutationArb(registry), { minLength: 1, maxLength: 4 }),
    check: (mutations) => {
      const [first, ...rest] = mutations as [Mutation, ...Mutation[]];
      // The first mutation of the valid seed decides its expectations; later ones apply to a
      // document that may already be invalid, so only the invariants hold for them.
      let mutated = mutate(registry, seed, first);
      for (const m of rest) mutated = { doc: mutate(registry, mutated.doc, m).doc, expect: everyMode(undefined) };
      checkMutated(registry, mutated, mutations.map((m) => m.kind).join('+'));
    },
  });
  add({
    name: '__proto__ / constructor / prototype keys injected anywhere (via JSON text)',
    arbitrary: fc.tuple(fc.oneof(documents, fc.constant(null)), fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 3 })),
    check: ([generated, injections]) => {
      let doc: unknown = generated ?? seedDocument();
      for (const [at, payload] of injections) {
        doc = mutate(registry, doc, { kind: 'inject', at, payload, pick: 0, value: null, wrap: 'array', type: '', key: '' }).doc;
      }
      const text = JSON.stringify(doc);
      if (!/"(?:__proto__|constructor|prototype)":/.test(text)) throw new Error('the injected key is not in the text');
      const outcomes = decodeText(registry, text);
      expectOutcomes(outcomes, everyMode({ valid: true }), 'injection');
      for (const o of outcomes) {
        if (o.ok && Object.getPrototypeOf(o.node) !== Object.prototype) throw new Error('the decoded node has another prototype');
      }
    },
  });
  return properties;
}

/**
 * The fuzz properties of `decode` on standard-shaped Hydra documents (the W3C context, API
 * Platform 3.x and 4.x, see `helpers/standard-documents.ts`), each style under the Hydra registry
 * alone (members are generic nodes) and with a `Book` type defined: every generated document
 * decodes (non-strict; strictly too where every type is registered) and encodes to its own text,
 * and mutations of it keep every invariant of {@link decodeProperties}.
 *
 * @returns the properties, in the order they are reported.
 * @example
 * ```ts
 * import { runFuzzProperty, standardProperties } from './fuzz.js';
 * for (const p of standardProperties()) console.log(runFuzzProperty(p, { runs: 10 }).failures);
 * ```
 */
export function standardProperties(): FuzzProperty<never>[] {
  const registries = new Map(STYLES.map((style) => [style, registriesFor(style)] as const));
  const styled = fc.constantFrom(...STYLES).chain((style) => standardDocument(style).map((doc) => [style, doc] as const));
  const bothOf = (style: Style): readonly (readonly [string, Decoder])[] => {
    const r = registries.get(style) as ReturnType<typeof registriesFor>;
    return [
      ['Hydra registry', r.generic],
      ['Book defined', r.typed],
    ];
  };
  const properties: FuzzProperty<never>[] = [];
  const add = <T>(p: FuzzProperty<T>): void => {
    properties.push(p as unknown as FuzzProperty<never>);
  };
  add({
    name: 'standard-shaped documents (W3C context, API Platform 3 and 4) decode and encode to their text',
    arbitrary: styled,
    check: ([style, doc]) => {
      for (const [name, registry] of bothOf(style)) {
        const outcomes = decodeText(registry, JSON.stringify(doc));
        // Every type registered: the books of the typed registries (W3C members stay schema.org's).
        const allTyped = name === 'Book defined' && style !== 'w3c';
        outcomes.forEach((o, i) => {
          if (!o.ok && (i === 0 || allTyped)) throw new Error(`[${DECODE_MODES[i]?.name}] ${style} under ${name} does not decode: ${show(o.violations.slice(0, 3))}`);
        });
      }
    },
  });
  add({
    name: 'standard-shaped documents mutated once (remove, retype, duplicate, nest, swap @type, inject)',
    arbitrary: fc.tuple(styled, mutationArb(registriesFor('ap3').typed)),
    check: ([[style, doc], m]) => {
      for (const [name, registry] of bothOf(style)) {
        const mutated = mutate(registry, doc, m);
        // Strict mode rejects the untyped members of the original already: only the invariants hold there.
        const allTyped = name === 'Book defined' && style !== 'w3c';
        const expect = allTyped ? mutated.expect : mutated.expect.map((e, i) => (DECODE_MODES[i]?.options.strict ? undefined : e));
        checkMutated(registry, { doc: mutated.doc, expect }, `${style} under ${name}: ${m.kind} at ${m.at}/${m.pick}`);
      }
    },
  });
  return properties;
}

// ---------------------------------------------------------------------------------------------
// Running

/** What running a property many times found. */
export interface FuzzResult {
  /** The property's name. */
  readonly name: string;
  /** Runs made. */
  readonly runs: number;
  /** Runs that failed (a broken check, a slow run or a polluted prototype). */
  readonly failures: number;
  /** The slowest run's check, in milliseconds. */
  readonly slowestMs: number;
  /** The slowest run's input, shortened, with its length as JSON. */
  readonly slowestInput: string;
  /** Wall time of all runs (generation included), in seconds. */
  readonly seconds: number;
  /** The first failure: the input and the message. */
  readonly firstFailure?: string;
}

/** Runs one input through a property: its check, the time bound, the prototype guard. */
function runOnce<T>(p: FuzzProperty<T>, input: T): number {
  const start = performance.now();
  try {
    p.check(input);
  } finally {
    assertPrototypesIntact();
  }
  const ms = performance.now() - start;
  if (ms > SLOW_RUN_MS) throw new Error(`a run took ${ms.toFixed(0)} ms (bound ${SLOW_RUN_MS} ms)`);
  return ms;
}

/**
 * The property as fast-check runs it (for `fc.assert` in tests: the first failure shrinks to a
 * small counterexample). Every run also records its time in `stats`.
 *
 * @param p - the property.
 * @param stats - receives the slowest run.
 * @returns the fast-check property.
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { asFastCheck, decodeProperties } from './fuzz.js';
 * const stats = { slowestMs: 0 };
 * fc.assert(asFastCheck(decodeProperties()[0]!, stats), { numRuns: 100 });
 * ```
 */
export function asFastCheck<T>(p: FuzzProperty<T>, stats: { slowestMs: number }): fc.IPropertyWithHooks<[T]> {
  return fc.property(p.arbitrary, (input) => {
    stats.slowestMs = Math.max(stats.slowestMs, runOnce(p, input));
  });
}

/**
 * Runs a property `runs` times without stopping at a failure, counting the failures.
 *
 * @param p - the property.
 * @param options - the number of runs and, to replay, the seed.
 * @returns the counts, the slowest run and the first failure.
 * @example
 * ```ts
 * import { decodeProperties, runFuzzProperty } from './fuzz.js';
 * const result = runFuzzProperty(decodeProperties()[0]!, { runs: 100 });
 * console.log(result.runs, result.failures);
 * ```
 */
export function runFuzzProperty<T>(p: FuzzProperty<T>, options: { readonly runs: number; readonly seed?: number }): FuzzResult {
  let failures = 0;
  let slowestMs = 0;
  let slowest: unknown;
  let firstFailure: string | undefined;
  const start = performance.now();
  const details = fc.check(
    fc.property(p.arbitrary, (input) => {
      try {
        const ms = runOnce(p, input);
        if (ms > slowestMs) {
          slowestMs = ms;
          slowest = input;
        }
      } catch (error) {
        failures++;
        firstFailure ??= `${error instanceof Error ? error.message : String(error)}\n  input: ${show(input)}`;
      }
      return true;
    }),
    { numRuns: options.runs, ...(options.seed !== undefined ? { seed: options.seed } : {}) },
  );
  const seconds = (performance.now() - start) / 1000;
  let size = '?';
  try {
    size = String(JSON.stringify(slowest)?.length ?? 0);
  } catch {
    // Not JSON (bigint, cycles): the shortened rendering says enough.
  }
  const slowestInput = `${show(slowest).slice(0, 120)} (${size} characters of JSON)`;
  return { name: p.name, runs: details.numRuns, failures, slowestMs, slowestInput, seconds, ...(firstFailure !== undefined ? { firstFailure } : {}) };
}

function argument(argv: readonly string[], name: string): string | undefined {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
}

/** The CLI: runs every property, prints a table, exits 1 on any failure. */
function main(argv: readonly string[]): number {
  const runs = Number(argument(argv, '--runs') ?? 100_000);
  const seedText = argument(argv, '--seed');
  const only = argument(argv, '--only');
  if (!Number.isSafeInteger(runs) || runs < 1) {
    console.error('usage: fuzz.ts [--runs N] [--seed N] [--only substring]');
    return 2;
  }
  const seed = seedText === undefined ? Date.now() ^ (Math.random() * 0x7fffffff) : Number(seedText);
  console.log(`decode fuzzing on the TextUs registry and standard-shaped Hydra documents: ${runs} runs per property, modes ${DECODE_MODES.map((m) => m.name).join(' and ')}, seed ${seed}`);
  const header = `${'property'.padEnd(92)} ${'runs'.padStart(8)} ${'failures'.padStart(8)} ${'slowest ms'.padStart(10)} ${'time s'.padStart(8)}`;
  console.log(header);
  let failed = 0;
  let total = 0;
  for (const p of [...decodeProperties(), ...standardProperties()]) {
    if (only !== undefined && !p.name.includes(only)) continue;
    const r = runFuzzProperty(p, { runs, seed });
    total++;
    if (r.failures > 0) failed++;
    console.log(`${r.name.padEnd(92)} ${String(r.runs).padStart(8)} ${String(r.failures).padStart(8)} ${r.slowestMs.toFixed(2).padStart(10)} ${r.seconds.toFixed(1).padStart(8)}`);
    if (r.firstFailure !== undefined) console.log(`  first failure: ${r.firstFailure}`);
    if (r.slowestMs > 100) console.log(`  slowest input: ${r.slowestInput}`);
  }
  console.log(`${total - failed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
