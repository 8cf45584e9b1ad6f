/**
 * Round-trip properties of the codec on the sample vocabulary: decoding is lossless and
 * encoding gives back the very text that was decoded, whatever the key order, nulls, empty
 * objects and lists, unknown properties and prototype-named keys.
 *
 * @module
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleRegistry } from '../__fixtures__/sample-vocab.js';
import { arbitraryDocument, arbitraryNode } from '../testing/index.js';

const RUNS = 1000;

/** A copy of a node with keys that a careless decoder would turn into prototype pollution. */
function withPollutingKeys(node: object): Record<string, unknown> {
  // JSON.parse makes `__proto__` an own data property, as a document off the wire has it.
  const polluting = JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}') as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const define = (key: string, value: unknown): void => {
    Object.defineProperty(out, key, { value, writable: true, enumerable: true, configurable: true });
  };
  for (const [key, value] of Object.entries(node)) if (key !== '__proto__' && key !== 'constructor') define(key, value);
  for (const [key, value] of Object.entries(polluting)) define(key, value);
  return out;
}

/**
 * The first place two JSON values differ (key order included), or `undefined` when they are the
 * same. Written out because `toStrictEqual` reads `.constructor` to compare classes, which an own
 * `constructor` data property of a document breaks.
 */
function firstDifference(a: unknown, b: unknown, path = '$'): string | undefined {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) {
    return Object.is(a, b) ? undefined : `${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return `${path}: array vs object`;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${path}: prototypes differ`;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (JSON.stringify(keysA) !== JSON.stringify(keysB)) return `${path}: keys ${JSON.stringify(keysA)} vs ${JSON.stringify(keysB)}`;
  for (const key of keysA) {
    const diff = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}[${JSON.stringify(key)}]`);
    if (diff !== undefined) return diff;
  }
  return undefined;
}

describe('codec round trip (sample vocabulary)', () => {
  const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
  const assertNoPollution = (): void => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  };
  beforeAll(assertNoPollution);
  afterAll(assertNoPollution);

  it('compares documents exactly', () => {
    const a = JSON.parse('{"@type":"Account","constructor":[],"__proto__":{"x":1}}') as unknown;
    expect(firstDifference(a, JSON.parse('{"@type":"Account","constructor":[],"__proto__":{"x":1}}'))).toBeUndefined();
    expect(firstDifference(a, JSON.parse('{"@type":"Account","constructor":[],"__proto__":{"x":2}}'))).toBe('$["__proto__"]["x"]: 1 vs 2');
    expect(firstDifference(a, JSON.parse('{"constructor":[],"@type":"Account","__proto__":{"x":1}}'))).toMatch(/^\$: keys/);
    expect(firstDifference({ n: 0 }, { n: -0 })).toBe('$["n"]: 0 vs 0');
  });

  it('registers every type of the sample vocabulary', () => {
    expect([...sampleRegistry.types.keys()].sort()).toEqual([
      'Account',
      'Contact',
      'ContactPhone',
      'Conversation',
      'ConversationCollection',
      'ConversationUserInfo',
      'ConversationWithAccount',
      'Message',
      'hydra:Collection',
      'hydra:PartialCollectionView',
    ]);
  });

  describe('decode(encode(x)) equals x', () => {
    for (const def of sampleRegistry.types.values()) {
      it(`for ${def.type} nodes`, () => {
        fc.assert(
          fc.property(arbitraryNode(def, { registry: sampleRegistry }), (node) => {
            // Act
            const decoded = sampleRegistry.decode(sampleRegistry.encode(node), { strict: true });
            const reparsed = sampleRegistry.decodeAs(def, sampleRegistry.encodeText(node), { strict: true });
            // Assert: decoding validates in place, and through text nothing is lost or added.
            expect(decoded).toBe(node);
            expect(firstDifference(reparsed, node)).toBeUndefined();
            expect(reparsed['@type']).toBe(def.type);
          }),
          { numRuns: RUNS },
        );
      });
    }
  });

  it('encode(decode(text)) is the text, key order, nulls, {}, [] and prototype-named keys included', () => {
    const seen = { null: 0, emptyObject: 0, emptyArray: 0, proto: 0, polluting: 0 };
    fc.assert(
      fc.property(
        arbitraryDocument(sampleRegistry, { keyOrder: 'shuffled' }),
        fc.boolean(),
        fc.constantFrom(undefined, 2, '\t'),
        (doc, pollute, space) => {
          // Arrange
          const source = pollute ? withPollutingKeys(doc) : doc;
          const text = JSON.stringify(source, null, space);
          const compact = JSON.stringify(source);
          if (compact.includes('null')) seen.null++;
          if (compact.includes('{}')) seen.emptyObject++;
          if (compact.includes('[]')) seen.emptyArray++;
          if (compact.includes('"__proto__":')) seen.proto++;
          if (pollute) seen.polluting++;
          // Act
          const decoded = sampleRegistry.decode(text, { strict: true, base: 'https://api.example.com/contacts/DQeeO69/conversations' });
          const encoded = space === undefined ? sampleRegistry.encodeText(decoded) : sampleRegistry.encodeText(decoded, { space });
          // Assert
          expect(encoded).toBe(text);
          expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
          if (pollute) expect(Object.hasOwn(decoded, '__proto__')).toBe(true);
          assertNoPollution();
        },
      ),
      { numRuns: RUNS },
    );
    // The cases the property is about did occur.
    for (const count of Object.values(seen)) expect(count).toBeGreaterThan(RUNS / 100);
  });

  it('decoding generated documents never reports a violation', () => {
    fc.assert(
      fc.property(arbitraryDocument(sampleRegistry, { keyOrder: 'shuffled', maxDepth: 4 }), (doc) => {
        expect(sampleRegistry.validate(doc, { strict: true })).toEqual([]);
        expect(sampleRegistry.validate(JSON.parse(JSON.stringify(doc)), { strict: true, base: 'https://api.example.com/' })).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });
});
