/**
 * Encoding: a node is its own JSON value, and a node that has no JSON text (too deep, cyclic, a
 * value JSON cannot hold) is a typed error, never a raw engine error.
 */
import { describe, expect, it } from 'vitest';
import { sampleRegistry } from '../__fixtures__/sample-vocab.js';
import { DecodeError, HyperldError, isHyperldError } from '../index.js';

// Documents are mutated freely in tests, so they are `any` here.
type Doc = any;

/** A fresh, valid top-level Account document. */
const account = (): Doc => ({ '@type': 'Account', '@context': '/contexts/Account.jsonld', id: '/accounts/my_account', name: 'Example Account' });

/** Builds `{"a":{"a":…}}` (or arrays) nested `depth` levels deep, without recursion. */
function nested(depth: number, kind: 'object' | 'array' = 'object'): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = kind === 'object' ? { a: value } : [value];
  return value;
}

describe('encode', () => {
  it('throws a HyperldError, not a raw RangeError, for a 100,000-deep hand-built node', () => {
    const node = { ...account(), extra: nested(100_000) };
    let thrown: unknown;
    try {
      sampleRegistry.encodeText(node);
    } catch (error) {
      thrown = error;
    }
    expect(isHyperldError(thrown)).toBe(true);
    expect(thrown).not.toBeInstanceOf(RangeError);
    expect((thrown as HyperldError).code).toBe('max_depth');
    expect((thrown as HyperldError).cause).toBeInstanceOf(RangeError);
    // With validate: true the depth limit reports it first, as a DecodeError.
    expect(() => sampleRegistry.encodeText(node, { validate: true })).toThrow(DecodeError);
  });

  it('throws a HyperldError for a cyclic node', () => {
    const node: Doc = account();
    node.self = node;
    let thrown: unknown;
    try {
      sampleRegistry.encodeText(node);
    } catch (error) {
      thrown = error;
    }
    expect(isHyperldError(thrown)).toBe(true);
    expect((thrown as HyperldError).code).toBe('cycle');
    expect((thrown as HyperldError).message).toMatchInlineSnapshot(`"The node contains a cycle, so it has no JSON text."`);
    expect((thrown as HyperldError).cause).toBeInstanceOf(TypeError);
    // validate: true stops a cycle at maxDepth instead of looping.
    let violations: unknown;
    try {
      sampleRegistry.encode(node, { validate: true, maxDepth: 5 });
    } catch (error) {
      violations = (error as DecodeError).violations;
    }
    expect(violations).toEqual([expect.objectContaining({ code: 'max_depth', path: '$.self.self.self.self.self' })]);
  });

  it('throws a HyperldError for a value that has no JSON text', () => {
    expect(() => sampleRegistry.encodeText({ ...account(), big: 1n })).toThrow(HyperldError);
  });

  it('validates before encoding only when asked', () => {
    const bad = { ...account(), name: 1 };
    expect(sampleRegistry.encode(bad)).toBe(bad);
    expect(() => sampleRegistry.encode(bad, { validate: true })).toThrow(DecodeError);
    expect(sampleRegistry.encodeText(account(), { space: 2 })).toBe(JSON.stringify(account(), null, 2));
  });
});
