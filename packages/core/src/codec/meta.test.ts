/**
 * Node metadata lives beside the node's JSON, never in it: whatever the stamp or the fallback.
 *
 * @module
 */
import { describe, expect, it } from 'vitest';
import { baseOf, metaOf, setMeta } from '../index.js';

const meta = (base: string) => ({ base, registry: undefined });

describe('setMeta / metaOf', () => {
  it('keeps metadata out of keys, symbols, JSON, spread and deep equality', () => {
    const node = JSON.parse('{"@type":"Account","id":"/accounts/1","__proto__":{"x":1}}') as Record<string, unknown>;
    const before = { keys: Object.keys(node), symbols: Object.getOwnPropertySymbols(node), names: Object.getOwnPropertyNames(node), text: JSON.stringify(node) };
    setMeta(node, meta('https://api.example/accounts/1'));
    expect(metaOf(node)?.base).toBe('https://api.example/accounts/1');
    expect(baseOf(node)).toBe('https://api.example/accounts/1');
    expect({ keys: Object.keys(node), symbols: Object.getOwnPropertySymbols(node), names: Object.getOwnPropertyNames(node), text: JSON.stringify(node) }).toEqual(before);
    const copy = { ...node };
    expect(metaOf(copy)).toBeUndefined();
    expect(node).toStrictEqual(JSON.parse(before.text));
  });

  it('replaces metadata set before', () => {
    const node = {};
    setMeta(node, meta('https://a.example/'));
    setMeta(node, meta('https://b.example/'));
    expect(baseOf(node)).toBe('https://b.example/');
  });

  it('works on frozen, sealed, null-prototype objects, arrays and proxies', () => {
    const targets: object[] = [Object.freeze({ a: 1 }), Object.seal({}), Object.preventExtensions({}), Object.create(null) as object, [], new Proxy({}, {})];
    targets.forEach((node, i) => {
      setMeta(node, meta(`https://x.example/${i}`));
      expect(baseOf(node)).toBe(`https://x.example/${i}`);
    });
  });

  it('has nothing for a node never stamped', () => {
    expect(metaOf({})).toBeUndefined();
    expect(metaOf(Object.create(null) as object)).toBeUndefined();
  });
});
