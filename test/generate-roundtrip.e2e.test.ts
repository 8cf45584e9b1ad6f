/**
 * The round trip of `hyperld generate` against the reference server (issue 17, point 3): the
 * module generated from the server's own API documentation (`/docs.jsonld`, with the server's
 * answers as its examples) reads every document the server answers as the hand-written TextUs
 * vocabulary reads it — the same type for every node, the same actions in the same states — and
 * reports the same violations (code and path) on the documents mutated: a required property
 * removed, a value nulled, a value of another JSON kind, another string.
 *
 * Where the two differ, the difference is stated below (`KNOWN`), with why: what the API
 * documentation cannot say, so that no generator can know it. Each stated difference is shown
 * on a concrete document by a test of its own, and the property accepts a difference only when a
 * stated one explains it.
 *
 * @module
 */
import { type Registry } from '@hyperld/core';
import { listActions } from '@hyperld/hydra';
import { textusRegistry } from '@hyperld/textus';
import { DEMO_TOKEN, DEMO_USER_ID, SEED_CONTACT_ID, startTextusServer } from '@hyperld/textus-server';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawl, type CrawledAnswer } from './helpers/crawl.js';
import { isNode } from './helpers/nodes.js';

type Json = Record<string, unknown>;

/** How many answers the walk keeps: every GET route, several of each. */
const WALK = 120;
const ROOTS = ['/', `/contacts/${SEED_CONTACT_ID}/conversations`, `/users/${DEMO_USER_ID}`];

/** What a registry makes of a document: its violations, else the type and actions of each node. */
interface Reading {
  readonly violations: readonly { readonly code: string; readonly path: string }[];
  readonly nodes: readonly { readonly path: string; readonly type: string | undefined; readonly iri: string | undefined }[];
  readonly actions: readonly { readonly path: string; readonly name: string; readonly state: string; readonly method: string; readonly href: string | undefined }[];
}

/**
 * Reads a document with a registry, from its text (each registry gets its own parsed copy, so
 * that nothing one decode attaches to the objects is seen by the other).
 */
function read(registry: Registry, text: string, base: string): Reading {
  const options = { base, strict: true } as const;
  const violations = registry.validate(JSON.parse(text), options).map((v) => ({ code: v.code, path: v.path }));
  if (violations.length > 0) return { violations, nodes: [], actions: [] };
  const nodes: Reading['nodes'][number][] = [];
  const actions: Reading['actions'][number][] = [];
  for (const { path, node } of registry.nodes(JSON.parse(text), options)) {
    const def = registry.definitionOf(node, { base });
    nodes.push({ path, type: def?.type, iri: def?.iri });
    for (const a of listActions(node, { registry, base })) actions.push({ path, name: a.name, state: a.state, method: a.method, href: a.href });
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
  readonly name: string;
  readonly why: string;
  /** Whether it explains the two readings of a document being different. */
  explains(hand: Reading, generated: Reading): boolean;
}

/** The differences between the generated module and the hand-written vocabulary, each with why. */
const KNOWN: readonly KnownDifference[] = [];

let server: Awaited<ReturnType<typeof startTextusServer>>;
let answers: CrawledAnswer[];
let generated: Registry;

beforeAll(async () => {
  server = await startTextusServer({ file: ':memory:', port: 0, announce: false });
  answers = await crawl(server.url, { roots: ROOTS, token: DEMO_TOKEN, limit: WALK });
  // Until the generator lands, the harness compares the vocabulary with itself.
  generated = textusRegistry;
}, 60_000);

afterAll(async () => {
  await server?.close();
});

const baseOf = (answer: CrawledAnswer): string => new URL(answer.url, server.url).href;

/** The stated difference explaining two different readings, or `undefined` when none does. */
const explanation = (hand: Reading, gen: Reading): KnownDifference | undefined => KNOWN.find((k) => k.explains(hand, gen));

describe('the module generated from the reference server’s API documentation', () => {
  it('reads every document the server answers as the hand-written vocabulary does: types and actions', () => {
    // Arrange: the walk reached every GET route.
    expect(new Set(answers.map((a) => a.route)).size).toBeGreaterThan(20);
    let nodes = 0;
    let actions = 0;
    for (const answer of answers) {
      // Act
      const hand = read(textusRegistry, answer.text, baseOf(answer));
      const gen = read(generated, answer.text, baseOf(answer));
      // Assert: the server's own answers decode under both, to the same reading.
      expect(hand.violations, answer.url).toEqual([]);
      if (explanation(hand, gen) === undefined) expect(gen, answer.url).toEqual(hand);
      nodes += hand.nodes.length;
      actions += hand.actions.length;
    }
    expect(nodes).toBeGreaterThan(WALK * 3);
    expect(actions).toBeGreaterThan(WALK);
  });

  it('reports the same violations on every mutation of those documents (property)', () => {
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
        if (explanation(hand, gen) === undefined) expect(gen).toEqual(hand);
        runs++;
        if (hand.violations.length > 0) violating++;
      }),
      { numRuns: 400 },
    );
    // The mutations bite: many of them make the document invalid (a property nobody checks
    // compares nothing).
    expect(violating).toBeGreaterThan(runs / 4);
  });
});
