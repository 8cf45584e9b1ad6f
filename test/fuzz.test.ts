/**
 * Fuzzing `decode` on the TextUs registry (the properties of `test/fuzz.ts`, 1,000 runs each;
 * `pnpm fuzz` runs them 100,000 times), that the properties do catch a broken decoder, and the
 * input limits (`max_depth`, `max_size`, `max_list_length`) at their defaults and as options,
 * each exactly at its boundary.
 *
 * @module
 */
import fc from 'fast-check';
import { DEFAULT_LIMITS, isDecodeError, type DecodeError, type DecodeOptions } from '@hyperld/core';
import { seedBodyText } from '@hyperld/fixtures';
import { textusRegistry } from '@hyperld/textus';
import { describe, expect, it } from 'vitest';
import { asFastCheck, assertPrototypesIntact, decodeProperties, runFuzzProperty, SLOW_RUN_MS, standardProperties, type Decoder, type FuzzProperty } from './fuzz.js';

describe('decode never throws anything but a DecodeError, never hangs, never pollutes a prototype', () => {
  for (const property of [...decodeProperties(), ...standardProperties()]) {
    it(property.name, () => {
      const stats = { slowestMs: 0 };
      fc.assert(asFastCheck(property, stats), { numRuns: 1000 });
      expect(stats.slowestMs).toBeLessThan(SLOW_RUN_MS);
    });
  }
});

/** The property of `decodeProperties(registry)` whose name contains `part`. */
function propertyOf(registry: Decoder, part: string): FuzzProperty<never> {
  const found = decodeProperties(registry).find((p) => p.name.includes(part));
  if (!found) throw new Error(`no property named like ${part}`);
  return found;
}

/** The TextUs registry with `decode` replaced. */
const withDecode = (decode: (input: unknown, options?: DecodeOptions) => unknown): Decoder => ({
  types: textusRegistry.types,
  lookup: textusRegistry.lookup,
  definitionOf: textusRegistry.definitionOf,
  validate: textusRegistry.validate,
  decode: decode as Decoder['decode'],
});

describe('the properties catch broken decoders', () => {
  it('count runs and failures without stopping, and report the first failure', () => {
    // A decoder that lets a raw TypeError escape for every object with a `@context`.
    const throwing = withDecode((input, options) => {
      const value: unknown = typeof input === 'string' ? JSON.parse(input) : input;
      if (typeof value === 'object' && value !== null && '@context' in value) throw new TypeError('boom');
      return textusRegistry.decode(input, options);
    });
    const result = runFuzzProperty(propertyOf(throwing, 'generated documents'), { runs: 50, seed: 1 });
    expect(result.runs).toBe(50);
    expect(result.failures).toBe(50);
    expect(result.firstFailure).toMatch(/decode threw TypeError: boom \(not a DecodeError\)/);
    expect(runFuzzProperty(propertyOf(textusRegistry, 'generated documents'), { runs: 50, seed: 1 }).failures).toBe(0);
  });

  it('see a decoder that accepts what it should reject', () => {
    // Decodes everything that parses, as if every document were valid.
    const lenient = withDecode((input) => (typeof input === 'string' ? JSON.parse(input) : input));
    const result = runFuzzProperty(propertyOf(lenient, 'generated documents mutated once'), { runs: 200, seed: 2 });
    expect(result.failures).toBeGreaterThan(0);
  });

  it('see a decoder that copies keys into a plain object (prototype pollution), and repair it', () => {
    // The classic careless merge: `out[key] = value` with a document's `__proto__` key.
    const merge = (into: Record<string, unknown>, from: Record<string, unknown>): void => {
      for (const key of Object.keys(from)) {
        const v = from[key];
        if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
          if (typeof into[key] !== 'object' || into[key] === null) into[key] = {};
          merge(into[key] as Record<string, unknown>, v as Record<string, unknown>);
        } else into[key] = v;
      }
    };
    const polluting = withDecode((input, options) => {
      const node = textusRegistry.decode(input, options);
      merge({}, node as Record<string, unknown>);
      return node;
    });
    const result = runFuzzProperty(propertyOf(polluting, '__proto__'), { runs: 100, seed: 3 });
    expect(result.failures).toBeGreaterThan(0);
    expect(result.firstFailure).toMatch(/prototype pollution: Object\.prototype(\.\S+ was replaced| gained)/);
    expect(() => assertPrototypesIntact()).not.toThrow();
  });
});

/** The error `decode` throws, or a failure when it returns. */
function decodeError(input: unknown, options?: DecodeOptions): DecodeError {
  try {
    textusRegistry.decode(input, options);
  } catch (error) {
    if (isDecodeError(error)) return error;
    throw error;
  }
  throw new Error('decoded');
}

/** A valid ConversationStats node with an extra property nested `levels` arrays deep. */
function statsNestedBy(levels: number): Record<string, unknown> {
  let deep: unknown = 'bottom';
  for (let i = 0; i < levels; i++) deep = [deep];
  return {
    '@type': 'ConversationStats',
    '@context': '/contexts/ConversationStats.jsonld',
    id: '/conversations/Pvwqm5G/stats',
    conversationStartedAt: '2018-07-24T20:59:32.156Z',
    engagement: 'C',
    outboundDelivered: 3,
    deep,
  };
}

describe('limits', () => {
  it('has the documented defaults', () => {
    expect(DEFAULT_LIMITS).toMatchObject({ maxDepth: 128, maxSize: 64 * 1024 * 1024, maxListLength: 100_000 });
  });

  // The root counts as one level: a property nested `n` arrays deep makes a document `n + 1` deep.
  it('max_depth: the default accepts 128 levels and rejects 129, parsed and as text', () => {
    const limit = DEFAULT_LIMITS.maxDepth;
    expect(textusRegistry.decode(statsNestedBy(limit - 1))['@type']).toBe('ConversationStats');
    expect(textusRegistry.decode(JSON.stringify(statsNestedBy(limit - 1)), { strict: true })['@type']).toBe('ConversationStats');
    const parsed = decodeError(statsNestedBy(limit));
    const text = decodeError(JSON.stringify(statsNestedBy(limit)), { strict: true });
    for (const error of [parsed, text]) {
      expect(error.code).toBe('max_depth');
      expect(error.violations).toHaveLength(1);
      expect(error.path).toBe(`$.deep${'[0]'.repeat(limit - 1)}`);
    }
  });

  it('max_depth: an option moves the boundary, down and up', () => {
    expect(textusRegistry.decode(statsNestedBy(9), { maxDepth: 10 })['@type']).toBe('ConversationStats');
    expect(decodeError(statsNestedBy(10), { maxDepth: 10 }).code).toBe('max_depth');
    expect(textusRegistry.decode(statsNestedBy(999), { maxDepth: 1000 })['@type']).toBe('ConversationStats');
    expect(decodeError(statsNestedBy(1000), { maxDepth: 1000 }).code).toBe('max_depth');
  });

  it('max_depth: a million levels of text stop at the limit (no stack overflow)', () => {
    const text = `{"@type":"ConversationStats","deep":${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}}`;
    expect(decodeError(text).violations.map((v) => v.code)).toContain('max_depth');
    expect(decodeError(text, { strict: true, maxDepth: 5 }).violations.map((v) => v.code)).toContain('max_depth');
  });

  it('max_depth: Infinity, NaN or a huge maxDepth still bound recursion (capped at MAX_DEPTH_CAP)', () => {
    let deep: unknown = 0;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    for (const maxDepth of [Number.POSITIVE_INFINITY, Number.NaN, 100_000]) {
      let caught: unknown;
      try {
        textusRegistry.decode({ '@type': 'Nope', a: deep }, { maxDepth });
      } catch (error) {
        caught = error;
      }
      expect(isDecodeError(caught)).toBe(true);
      expect((caught as { code: string }).code).toBe('max_depth');
    }
  });

  it('max_size: the default accepts 64 MiB of text and rejects one more character, before parsing', () => {
    const doc = JSON.stringify(statsNestedBy(1));
    const atLimit = ' '.repeat(DEFAULT_LIMITS.maxSize - doc.length) + doc;
    expect(atLimit.length).toBe(DEFAULT_LIMITS.maxSize);
    expect(textusRegistry.decode(atLimit)['@type']).toBe('ConversationStats');
    const error = decodeError(` ${atLimit}`);
    expect(error.code).toBe('max_size');
    expect(error.violations).toHaveLength(1);
    // Too long is refused before JSON.parse: even text that is not JSON is max_size, not invalid_json.
    expect(decodeError('x'.repeat(DEFAULT_LIMITS.maxSize + 1)).code).toBe('max_size');
  });

  it('max_size: an option moves the boundary', () => {
    const doc = JSON.stringify(statsNestedBy(1));
    expect(textusRegistry.decode(doc, { maxSize: doc.length })['@type']).toBe('ConversationStats');
    expect(decodeError(doc, { maxSize: doc.length - 1 }).code).toBe('max_size');
    expect(decodeError('{}', { maxSize: 1 }).code).toBe('max_size');
  });

  /** The seed page with `n` members (all the seed's first member). */
  function seedWithMembers(n: number): Record<string, unknown> {
    const seed = JSON.parse(seedBodyText()) as Record<string, unknown>;
    const member = (seed['members'] as unknown[])[0];
    return { ...seed, members: Array.from({ length: n }, () => member) };
  }

  it('max_list_length: the default accepts 100,000 members and rejects 100,001', () => {
    const limit = DEFAULT_LIMITS.maxListLength;
    expect(textusRegistry.decode(seedWithMembers(limit), { strict: true })['@type']).toBe('ConversationCollection');
    const error = decodeError(seedWithMembers(limit + 1), { strict: true });
    expect(error.code).toBe('max_list_length');
    expect(error.path).toBe('$.members');
    expect(error.violations).toHaveLength(1);
    // As text, 100,001 seed members are longer than the default maxSize: raise it to see the list.
    const text = JSON.stringify(seedWithMembers(limit + 1));
    expect(decodeError(text).code).toBe('max_size');
    expect(decodeError(text, { maxSize: text.length }).code).toBe('max_list_length');
  });

  it('max_list_length: an option moves the boundary', () => {
    expect(textusRegistry.decode(seedWithMembers(2), { maxListLength: 2 })['@type']).toBe('ConversationCollection');
    expect(decodeError(seedWithMembers(3), { maxListLength: 2 })).toMatchObject({ code: 'max_list_length', path: '$.members' });
    expect(decodeError(seedWithMembers(1), { maxListLength: 0 })).toMatchObject({ code: 'max_list_length', path: '$.members' });
    expect(textusRegistry.decode(seedWithMembers(0), { maxListLength: 0 })['@type']).toBe('ConversationCollection');
  });
});
