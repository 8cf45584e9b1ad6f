/**
 * The round trip of `hyperld generate` against the reference server (issue 17, point 3): the
 * module generated from the server's own API documentation (`/docs.jsonld`, with the server's
 * answers as its examples) reads every document the server answers as the hand-written TextUs
 * vocabulary reads it — the same type for every node, the same actions in the same states — and
 * reports the same violations (code and path) on the documents mutated: a required property
 * removed, a value nulled, a value of another JSON kind, another string.
 *
 * Types and actions are the same on every node. Violations differ where the documentation does
 * not say what the hand-written vocabulary knows; each such difference is stated below (`KNOWN`)
 * with why, shown on a concrete document by a test of its own, and the walk and the property
 * accept a violation the two do not share only when a stated difference explains it. The
 * server's own answers are all valid under the generated module: the examples the generator is
 * given show it the lists (arrays), the required values that may be null (nulls) and the view's
 * own context URL (on a Hydra node) that the documentation does not.
 *
 * @module
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateModule } from '@hyperld/cli';
import type { AnyKind, Registry } from '@hyperld/core';
import { listActions } from '@hyperld/hydra';
import { readApiDocumentation } from '@hyperld/hydra/discovery';
import { textusRegistry } from '@hyperld/textus';
import { DEMO_TOKEN, DEMO_USER_ID, SEED_CONTACT_ID, startTextusServer } from '@hyperld/textus-server';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawl, type CrawledAnswer } from './helpers/crawl.js';
import { embeddedNodes, isNode } from './helpers/nodes.js';
import { call } from './helpers/textus-server.js';

type Json = Record<string, unknown>;

/** How many answers the walk keeps: every GET route, several of each. */
const WALK = 120;
const ROOTS = ['/', `/contacts/${SEED_CONTACT_ID}/conversations`, `/users/${DEMO_USER_ID}`];

/** A violation as compared: its code and path (and what was found, for the stated differences). */
interface Found {
  readonly code: string;
  readonly path: string;
  readonly found: string;
}

/** What a registry makes of a document: its violations, and the type and actions of each node. */
interface Reading {
  readonly violations: readonly Found[];
  readonly nodes: readonly { readonly path: string; readonly type: string | undefined; readonly iri: string | undefined }[];
  readonly actions: readonly { readonly path: string; readonly name: string; readonly state: string; readonly method: string; readonly href: string | undefined }[];
}

/** Every node of a document (an object with a `@type`), the root first, with its JSON path. */
function nodesOf(root: unknown): { readonly path: string; readonly node: Json }[] {
  const out: { path: string; node: Json }[] = [];
  const visit = (value: unknown, path: string): void => {
    if (Array.isArray(value)) value.forEach((item, i) => visit(item, `${path}[${i}]`));
    else if (typeof value === 'object' && value !== null) {
      if (isNode(value)) out.push({ path, node: value });
      for (const [key, child] of Object.entries(value)) if (key !== '@context') visit(child, `${path}.${key}`);
    }
  };
  visit(root, '$');
  return out;
}

/**
 * Reads a document with a registry, from its text (each registry gets its own parsed copy, so
 * that nothing one decode attaches to the objects is seen by the other): every violation (no
 * cap), and, valid or not, the definition and the actions the registry finds on each node.
 */
function read(registry: Registry, text: string, base: string): Reading {
  const violations = registry.validate(JSON.parse(text), { base, strict: true, maxViolations: 100_000 }).map((v) => ({ code: v.code, path: v.path, found: v.found }));
  const nodes: Reading['nodes'][number][] = [];
  const actions: Reading['actions'][number][] = [];
  for (const { path, node } of nodesOf(JSON.parse(text))) {
    const def = registry.definitionOf(node, { base });
    nodes.push({ path, type: def?.type, iri: def?.iri });
    for (const a of listActions(node, { registry, base })) actions.push({ path, name: a.name, state: a.state, method: a.method, href: a.state === 'available' ? a.href : undefined });
  }
  return { violations, nodes, actions };
}

/** One place a mutation can hit: a key of a node, by the path of keys from the root. */
interface Position {
  readonly at: readonly (string | number)[];
  readonly key: string;
}

/** Every key of every node of a document (`@context` aside: the context is the vocabulary's, not the data's). */
function positions(root: Json): Position[] {
  const out: Position[] = [];
  const visit = (value: unknown, at: readonly (string | number)[]): void => {
    if (Array.isArray(value)) value.forEach((item, i) => visit(item, [...at, i]));
    else if (isNode(value)) {
      for (const [key, child] of Object.entries(value)) {
        if (key !== '@context') out.push({ at, key });
        visit(child, [...at, key]);
      }
    }
  };
  visit(root, []);
  return out;
}

const MUTATIONS = ['remove', 'null', 'other kind', 'other string'] as const;
type Mutation = (typeof MUTATIONS)[number];

/** A value of another JSON kind than `value`. */
function otherKind(value: unknown): unknown {
  if (typeof value === 'string') return 42;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return String(value);
  if (value === null) return 0;
  if (Array.isArray(value)) return {};
  return 'x';
}

/** The document's text with one mutation applied at one position. */
function mutate(text: string, position: Position, mutation: Mutation): string {
  const root = JSON.parse(text) as Json;
  let node: Json = root;
  for (const step of position.at) node = (node as unknown as Record<string | number, Json>)[step] as Json;
  const value = node[position.key];
  if (mutation === 'remove') delete node[position.key];
  else if (mutation === 'null') node[position.key] = null;
  else if (mutation === 'other string' && typeof value === 'string') node[position.key] = `${value}-zz`;
  else node[position.key] = otherKind(value);
  return JSON.stringify(root);
}

/** A difference between the generated and the hand-written reading, stated, with why. */
interface KnownDifference {
  /** What differs. */
  readonly name: string;
  /** Why the generator writes it so. */
  readonly why: string;
  /** The reading that reports the violation the other does not. */
  readonly reportedBy: 'hand' | 'generated';
  /**
   * Whether a violation is this difference, given the hand-written kind of the property at fault
   * and the `@type` (hand-written) of the node that holds it.
   */
  explains(violation: Found, kind: AnyKind | undefined, owner: string | undefined): boolean;
  /** A document of the walk (the first answer of `route`), and a change to it, that show the difference. */
  readonly shown: { readonly route: string; readonly change: (root: Json) => void };
}

const nullable = (kind: AnyKind | undefined): boolean => kind?.isNullable === true;
const optional = (kind: AnyKind | undefined): boolean => kind?.isOptional === true;

/** The differences between the generated module and the hand-written vocabulary, each with why. */
const KNOWN: readonly KnownDifference[] = [
  {
    name: 'a required value no example shows null may not be null',
    why: 'Hydra says required, never nullable: the generator makes a required property nullable where the examples show a null for it, and only there; the walk never meets the null TextUs sends for a required value that has none on an empty timeline (latestPosition).',
    reportedBy: 'generated',
    explains: (v, kind, owner) => v.code === 'wrong_kind' && v.found === 'null' && nullable(kind) && !optional(kind) && !shownNull.has(`${owner ?? ''}.${lastKey(v.path) ?? ''}`),
    shown: { route: 'timeline', change: (root) => void (root['latestPosition'] = null) },
  },
  {
    name: 'an optional value may be null',
    why: 'Hydra says required, never nullable: the generator makes every optional property nullable too (absent or null, nothing given), where the hand-written vocabulary knows which optional values TextUs never nulls.',
    reportedBy: 'hand',
    explains: (v, kind) => v.code === 'wrong_kind' && v.found === 'null' && optional(kind) && !nullable(kind),
    shown: { route: 'conversation', change: (root) => void (root['accountPhoneNumber'] = null) },
  },
  {
    name: 'a closed enumeration is a string',
    why: 'The documentation gives an enumeration the range xsd:string and names none of its values, so the generated property takes any string (the open enumerations read the same either way).',
    reportedBy: 'hand',
    explains: (v, kind) => v.code === 'invalid_enum' && kind?.spec.tag === 'enum' && !kind.spec.open,
    shown: { route: 'message', change: (root) => void (root['direction'] = 'sideways') },
  },
  {
    name: 'a property the examples always embed takes no link',
    why: 'Where every example embeds a property’s value (a contact’s phones, a conversation’s requestingUserInfo), the generator writes an embedded node; the hand-written vocabulary also takes a link there, as the TextUs documentation says the value may be either.',
    reportedBy: 'generated',
    explains: (v, kind) => v.code === 'wrong_kind' && v.found.startsWith('string') && kind?.spec.tag === 'union' && kind.spec.options.some((o) => o.spec.tag === 'link'),
    shown: { route: 'contact', change: (root) => void (root['phones'] = `${String(root['id'])}/phones`) },
  },
  {
    name: 'a collection’s totalItems may be absent',
    why: 'The documentation names Hydra’s own properties (hydra:totalItems, hydra:view) by IRI only, the one property being shared by every collection: the generator leaves them to Hydra’s Collection, whose totalItems is optional, where every TextUs collection requires it.',
    reportedBy: 'hand',
    explains: (v) => v.code === 'missing_property' && v.path.endsWith('.totalItems'),
    shown: { route: 'timeline', change: (root) => void delete root['totalItems'] },
  },
];

const PROPERTY_PATH = /^(.*)\.([A-Za-z_$][\w$]*)(?:\["@context"\])?(?:\[\d+\])*$/;

/** The key of the property a violation is at: the last key of its path. */
function lastKey(path: string): string | undefined {
  return PROPERTY_PATH.exec(path)?.[2];
}

/** The hand-written `@type` of the node that holds the property a violation is at. */
function ownerAt(path: string, hand: Reading): string | undefined {
  const match = PROPERTY_PATH.exec(path);
  return match === null ? undefined : hand.nodes.find((n) => n.path === match[1])?.type;
}

/** The hand-written kind of the property a violation is at: the last key of its path, on the node that holds it. */
function kindAt(path: string, hand: Reading): AnyKind | undefined {
  const owner = ownerAt(path, hand);
  const def = owner === undefined ? undefined : textusRegistry.lookup(owner);
  const key = lastKey(path);
  return key === undefined ? undefined : (def?.properties as Record<string, AnyKind | undefined> | undefined)?.[key];
}

/** The violations one reading reports and the other does not (by code and path, as multisets). */
function only(these: readonly Found[], those: readonly Found[]): Found[] {
  const rest = those.map((v) => `${v.code} ${v.path}`);
  return these.filter((v) => {
    const i = rest.indexOf(`${v.code} ${v.path}`);
    if (i < 0) return true;
    rest.splice(i, 1);
    return false;
  });
}

/**
 * Compares two readings of one document: the same type for every node, the same actions in the
 * same states, and the same violations but for those a stated difference explains.
 *
 * @returns the names of the stated differences met, and the violations none explains.
 */
function compare(hand: Reading, gen: Reading): { readonly met: Set<string>; readonly unexplained: (Found & { readonly reportedBy: string })[] } {
  expect(gen.nodes).toEqual(hand.nodes);
  // The same actions: their order is the definitions' order of properties, which is the
  // documentation's in the hand-written vocabulary and alphabetical in the generated module.
  const sorted = (actions: Reading['actions']) => [...actions].sort((a, b) => (a.path === b.path ? a.name.localeCompare(b.name) : a.path < b.path ? -1 : 1));
  expect(sorted(gen.actions)).toEqual(sorted(hand.actions));
  const met = new Set<string>();
  const unexplained: (Found & { reportedBy: string })[] = [];
  for (const [reportedBy, violations] of [
    ['hand', only(hand.violations, gen.violations)],
    ['generated', only(gen.violations, hand.violations)],
  ] as const) {
    for (const v of violations) {
      const known = KNOWN.find((k) => k.reportedBy === reportedBy && k.explains(v, kindAt(v.path, hand), ownerAt(v.path, hand)));
      if (known === undefined) unexplained.push({ ...v, reportedBy });
      else met.add(known.name);
    }
  }
  return { met, unexplained };
}

/** Where the generated module is written (git-ignored; `pnpm typecheck` compiles it when present). */
const GENERATED_DIR = fileURLToPath(new URL('./.generated/', import.meta.url));
const GENERATED = `${GENERATED_DIR}textus.ts`;

let server: Awaited<ReturnType<typeof startTextusServer>>;
let answers: CrawledAnswer[];
let generated: Registry;
/** `Type.key` of every property some answer of the walk gives as `null` (on a node of that hand-written type). */
const shownNull = new Set<string>();

beforeAll(async () => {
  server = await startTextusServer({ file: ':memory:', port: 0, announce: false });
  answers = await crawl(server.url, { roots: ROOTS, token: DEMO_TOKEN, limit: WALK });
  // Generate from the server's own documentation, its answers as the examples (they say which
  // properties embed nodes), and every context URL they name.
  const docs = new URL('/docs.jsonld', server.url).href;
  const model = readApiDocumentation((await call(server.url, 'GET', docs)).json, { base: docs });
  const contexts = new Set<string>();
  for (const { json } of answers) {
    for (const { node } of [{ node: json }, ...embeddedNodes(json)]) if (typeof node['@context'] === 'string') contexts.add(node['@context']);
  }
  for (const { text, url } of answers) {
    const base = new URL(url, server.url).href;
    for (const { node } of nodesOf(JSON.parse(text))) {
      const type = textusRegistry.definitionOf(node, { base })?.type;
      for (const [key, value] of Object.entries(node)) if (value === null && type !== undefined) shownNull.add(`${type}.${key}`);
    }
  }
  const source = generateModule(model, { source: docs, examples: answers.map((a) => a.json), contexts: [...contexts] });
  mkdirSync(GENERATED_DIR, { recursive: true });
  writeFileSync(GENERATED, source);
  generated = ((await import(/* @vite-ignore */ GENERATED)) as { readonly registry: Registry }).registry;
}, 60_000);

afterAll(async () => {
  await server?.close();
});

const baseOf = (answer: CrawledAnswer): string => new URL(answer.url, server.url).href;

describe('the module generated from the reference server’s API documentation', () => {
  it.each(KNOWN.map((k) => [k.name, k] as const))('differs from the hand-written vocabulary, as stated: %s', (_, known) => {
    // Arrange: the first answer of the route, changed to show the difference.
    const answer = answers.find((a) => a.route === known.shown.route) as CrawledAnswer;
    expect(answer, known.shown.route).toBeDefined();
    const root = JSON.parse(answer.text) as Json;
    known.shown.change(root);
    // Act
    const text = JSON.stringify(root);
    const { met, unexplained } = compare(read(textusRegistry, text, baseOf(answer)), read(generated, text, baseOf(answer)));
    // Assert: this difference is there, and explains every violation the two do not share.
    expect([...met]).toContain(known.name);
    expect(unexplained).toEqual([]);
  });

  it(`reads every document the server answers as the hand-written vocabulary does (a walk of ${WALK} answers)`, () => {
    // Arrange: the walk reached every GET route.
    expect(new Set(answers.map((a) => a.route)).size).toBeGreaterThan(20);
    let nodes = 0;
    let actions = 0;
    for (const answer of answers) {
      // Act
      const hand = read(textusRegistry, answer.text, baseOf(answer));
      const gen = read(generated, answer.text, baseOf(answer));
      // Assert: the server's answers are valid under the vocabulary, and read alike under both,
      // but for the stated differences.
      expect(hand.violations, answer.url).toEqual([]);
      expect(gen.violations, answer.url).toEqual([]);
      expect(compare(hand, gen).unexplained, answer.url).toEqual([]);
      nodes += hand.nodes.length;
      actions += hand.actions.length;
    }
    expect(nodes).toBeGreaterThan(WALK * 3);
    expect(actions).toBeGreaterThan(WALK);
  });

  it('reports the same violations on every mutation of those documents, but for the stated differences (property)', () => {
    const cases = answers.map((answer) => ({ answer, positions: positions(answer.json) }));
    const arbitrary = fc
      .integer({ min: 0, max: cases.length - 1 })
      .chain((i) => fc.tuple(fc.constant(i), fc.integer({ min: 0, max: (cases[i]?.positions.length ?? 1) - 1 }), fc.constantFrom(...MUTATIONS)));
    let violating = 0;
    let runs = 0;
    fc.assert(
      fc.property(arbitrary, ([i, p, mutation]) => {
        // Arrange
        const { answer, positions: at } = cases[i] as (typeof cases)[number];
        const text = mutate(answer.text, at[p] as Position, mutation);
        // Act
        const hand = read(textusRegistry, text, baseOf(answer));
        const gen = read(generated, text, baseOf(answer));
        // Assert
        expect(compare(hand, gen).unexplained).toEqual([]);
        runs++;
        if (hand.violations.length > 0) violating++;
      }),
      { numRuns: 300 },
    );
    // The mutations bite: many of them make the document invalid (a property nobody checks
    // compares nothing).
    expect(violating).toBeGreaterThan(runs / 4);
  });
});
