/**
 * The contract of the generated validators (`codec/codegen.ts`) on the sample vocabulary — the properties
 * of `__fixtures__/fast-contract.ts`, which says what "agree with the walker" means — and the
 * counterexamples those properties found, kept as examples.
 *
 * @module
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { fastContract, metaPaths, outcome, type Json } from '../__fixtures__/fast-contract.js';
import { Message, sampleRegistry } from '../__fixtures__/sample-vocab.js';
import { createRegistry, defineType, setCodegen, t } from '../index.js';
import { arbitraryDocument } from '../testing/index.js';

// The original registry has no extra contexts; they are passed anyway so the pair reproduces it
// exactly whatever it gains later.
const { types, contexts, fast, walker, root, wentFast } = fastContract({
  registry: sampleRegistry,
  bases: ['https://api.example.com/a/b', 'https://sample.example/'],
  unknownTypeIri: 'https://sample.example/vocab#Nope',
  // No type of the sample vocabulary has two properties sharing an IRI.
  declined: [],
  metadataExample: { json: '{"@type":"hydra:Collection","id":"/c","members":[{"@type":"X"}],"totalItems":1}', paths: ['$', '$["members"]["0"]'] },
  afterPollution: { text: () => JSON.stringify(account()), check: (paths) => expect(paths).toEqual(['$']) },
});

// --- counterexamples the properties found, kept as examples -------------------------------------

function account(): Json {
  return { '@type': 'Account', '@context': '/contexts/Account.jsonld', id: '/accounts/1', name: 'A' };
}

/** A valid Message whose `attachments` (a `t.node(Attachments)` site) is `attachments`. */
function message(attachments: unknown): Json {
  return {
    '@type': 'Message',
    '@context': '/contexts/Message.jsonld',
    id: '/messages/1',
    direction: 'in',
    body: '',
    formattedBody: '',
    deliveryState: 'created',
    displayTimestamp: '2020-01-01T00:00:00Z',
    timelinePosition: '2020-01-01T00:00:00Z',
    conversation: '/conversations/1',
    sender: null,
    attachments,
    friendlyStateDescription: '',
    retryAllowed: false,
    retry: null,
    latestEventAt: '2020-01-01T00:00:00Z',
    flags: [],
    source: '',
  };
}

describe('counterexamples', () => {
  // Found while values handed in also took the fast path, which counts the keys it read (by
  // `o[key]`, enumerable or not) against those `for…in` enumerates: a hidden declared key and one
  // extra key cancel out. Only text the registry parses takes it now; these keep it that way.
  it('a node with a non-enumerable declared property is still checked for unknown properties and depth', () => {
    const hidden = (key: string): Json => {
      const node = { ...account(), extra: { a: { b: {} } } };
      Object.defineProperty(node, key, { enumerable: false });
      return node;
    };
    for (const key of ['name', '@type', '@context']) {
      expect(fast.validate(hidden(key), { unknownProperties: 'error' }), key).toEqual(walker.validate(hidden(key), { unknownProperties: 'error' }));
      expect(fast.validate(hidden(key), { maxDepth: 2 }), key).toEqual(walker.validate(hidden(key), { maxDepth: 2 }));
    }
  });

  it('a non-enumerable list gives its items metadata with the fast path as without', () => {
    // The walker never reads a non-enumerable property (it only counts it as present); the fast
    // path read it and collected its items.
    const collection = (): Json => {
      const node = { '@type': 'hydra:Collection', '@context': '/contexts/hydra:Collection.jsonld', id: '/c', members: [account()], totalItems: 1 };
      Object.defineProperty(node, 'members', { enumerable: false });
      return node;
    };
    expect(metaPaths(fast.decode(collection()))).toEqual(metaPaths(walker.decode(collection())));
  });

  it('a call site does not keep a type its targets do not accept', () => {
    // A type's first dispatch resets the inline-cache hit before running its validator, so the
    // hit of the last node nested in it reaches the caller's site (here: Account at attachments).
    const generating = createRegistry({ types, contexts });
    const text = (value: unknown): string => JSON.stringify(value);
    generating.decode(text(account()));
    const attachments = { '@type': 'hydra:Collection', '@context': '/contexts/hydra:Collection.jsonld', id: '/c', members: [account()], totalItems: 1 };
    generating.decode(text(message(attachments)));
    const wrong = text(message(account()));
    expect(outcome(generating, 'decode', wrong, {}, Message)).toEqual(outcome(walker, 'decode', wrong, {}, Message));
    expect(walker.validate(JSON.parse(wrong)).map((v) => v.code)).toEqual(['unexpected_type']);
  });
});

describe('setCodegen', () => {
  it('turns the fast path off for registries that do not say otherwise, and results do not change', () => {
    const explicit = createRegistry({ types, contexts, codegen: true });
    const text = JSON.stringify(account());
    try {
      setCodegen(false);
      root.mockClear();
      expect(fast.decode(text)).toEqual(account());
      expect(wentFast()).toBe(false);
      // An explicit `codegen: true` still generates.
      root.mockClear();
      expect(explicit.decode(text)).toEqual(account());
      expect(wentFast()).toBe(true);
      // And a violation is reported the same either way.
      const bad = JSON.stringify({ ...account(), name: 3 });
      expect(outcome(fast, 'decode', JSON.parse(bad), {}, Message)).toEqual(outcome(walker, 'decode', JSON.parse(bad), {}, Message));
    } finally {
      setCodegen(true);
    }
    root.mockClear();
    fast.decode(text);
    expect(wentFast()).toBe(true);
  });

  it('is never overridden for a registry made with codegen: false', () => {
    root.mockClear();
    walker.decode(JSON.stringify(account()));
    expect(root).not.toHaveBeenCalled();
  });
});

describe('what generated code reaches', () => {
  it('one scope object, and source written from the definitions alone, never from a document', () => {
    // Arrange: a fresh registry (nothing generated yet) and a document full of marked values.
    const registry = createRegistry({ types, contexts });
    const marked = JSON.stringify(
      Object.assign(message({ '@type': 'hydra:Collection', '@context': '/contexts/hydra:Collection.jsonld', id: '/MARK-c', members: [], totalItems: 7 }), {
        body: 'MARK-body',
        source: 'MARK-source',
        'MARK-key': 'MARK-value',
      }),
    );
    const made: unknown[][] = [];
    const RealFunction = globalThis.Function;
    const spy = vi.spyOn(globalThis, 'Function').mockImplementation(function (this: unknown, ...args: string[]) {
      made.push(args);
      return new RealFunction(...args);
    } as never);
    // Act
    try {
      root.mockClear();
      registry.decode(marked);
      expect(wentFast()).toBe(true);
    } finally {
      spy.mockRestore();
    }
    // Assert: every factory takes one parameter (the scope), and no source holds a document's value.
    const factories = made.filter((args) => args.length > 1);
    expect(factories.length).toBeGreaterThan(0);
    for (const args of factories) {
      expect(args.length).toBe(2);
      expect(args[0]).toBe('$');
      expect(String(args[1])).not.toContain('MARK');
    }
  });
});

describe('kinds nested every way', () => {
  // Lists of lists, unions of lists of unions, nullable items, links-or-nodes, free JSON, keys
  // that name Object.prototype members or need escaping: generated code for each, going fast.
  const vocab = 'https://nested.example/vocab#';
  const Leaf = defineType({
    type: 'Leaf',
    context: '/contexts/Leaf.jsonld',
    vocab,
    properties: { n: t.integer().nullable(), e: t.enumeration(['a', 'b']), o: t.enumeration(['x'], { open: true }).optional() },
  });
  const Nested = defineType({
    type: 'Nested',
    context: '/contexts/Nested.jsonld',
    vocab,
    properties: {
      a: t.union(t.list(t.union(t.string(), t.node(Leaf))), t.json(), t.number()),
      b: t.list(t.list(t.node(Leaf).nullable())).optional(),
      c: t.union(t.link('Leaf'), t.node(Leaf)).nullable(),
      d: t.anyNode().optional(),
      constructor: t.string().optional(),
      'a "quoted"\u2028key': t.boolean().optional(),
      e: t.list(t.union(t.dateTime(), t.list(t.integer()))),
    },
  });
  const generating = createRegistry({ types: [Nested], codegen: true });
  const walking = createRegistry({ types: [Nested], codegen: false });

  it('valid documents go fast, with the metadata the walker gives', () => {
    fc.assert(
      fc.property(arbitraryDocument(generating), (doc) => {
        const text = JSON.stringify(doc);
        root.mockClear();
        const paths = metaPaths(generating.decode(text));
        expect(wentFast()).toBe(true);
        expect(paths).toEqual(metaPaths(walking.decode(text)));
      }),
      { numRuns: 300 },
    );
  });
});
