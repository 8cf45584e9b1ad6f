import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRegistry, isHyperldError } from '@hyperld/core';
import { encodeBytes, encodeText, jsonBytes } from './encode.js';

async function sha256Etag(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return `"${Array.from(digest.subarray(0, 16), (b) => b.toString(16).padStart(2, '0')).join('')}"`;
}

describe('encodeText', () => {
  it('gives the bytes TextEncoder gives and the SHA-256 ETag, for any text (lone surrogates included)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: fc.oneof(fc.constant('\ud800'), fc.constant('\udfff'), fc.constant('é'), fc.constant('😀'), fc.constant('a'), fc.string({ unit: 'binary', maxLength: 1 })) }), async (text) => {
        const { encoded } = await encodeText('GET', 200, {}, text);
        expect(encoded.bytes).toEqual(new TextEncoder().encode(text));
        expect(encoded.etag).toBe(await sha256Etag(new TextEncoder().encode(text)));
        expect(encoded.headers['etag']).toBe(encoded.etag);
      }),
    );
  });

  it('keeps each answer its own bytes: a later, longer answer does not change an earlier one', async () => {
    const first = (await encodeText('GET', 200, {}, '{"a":"ü"}')).encoded;
    const before = Array.from(first.bytes ?? []);
    await encodeText('GET', 200, {}, `{"b":"${'x'.repeat(200_000)}"}`);
    await encodeText('POST', 201, {}, '{"c":1}');
    expect(Array.from(first.bytes ?? [])).toEqual(before);
    expect(new TextDecoder().decode(first.bytes ?? new Uint8Array())).toBe('{"a":"ü"}');
  });

  it('encodes a body longer than the scratch limit, and answers other than a 200 GET without an ETag', async () => {
    const long = `"${'ж'.repeat((1 << 20) + 5)}"`;
    const { encoded } = await encodeText('GET', 200, {}, long);
    expect(encoded.bytes?.length).toBe(new TextEncoder().encode(long).length);
    const created = (await encodeText('POST', 201, {}, '{"id":"/x"}')).encoded;
    expect(created.etag).toBeUndefined();
    expect(new TextDecoder().decode(created.bytes ?? new Uint8Array())).toBe('{"id":"/x"}');
  });

  it('reuses kept bytes and their ETag instead of encoding again', async () => {
    const kept = { bytes: new Uint8Array([123, 125]), etag: '"kept"' };
    const { encoded } = await encodeText('GET', 200, {}, '{"ignored":true}', kept);
    expect(encoded.bytes).toBe(kept.bytes);
    expect(encoded.etag).toBe('"kept"');
  });
});

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Text that is one-byte, two-byte (beyond Latin-1), astral, or a lone surrogate. */
const text = fc.string({ unit: fc.oneof(fc.constant('a'), fc.constant('é'), fc.constant('“'), fc.constant('👍'), fc.constant('\ud800'), fc.string({ unit: 'binary', maxLength: 1 })) });
/** What JSON.stringify meets in a node: JSON, and what it leaves out or turns into `null`. */
const leaf = fc.oneof(fc.jsonValue(), text, fc.constant(undefined), fc.constant(() => 1), fc.constant(Symbol('s')), fc.date({ noInvalidDate: true }));
const value = fc.oneof(leaf, fc.array(fc.oneof(leaf, fc.dictionary(text, leaf))), fc.sparseArray(fc.jsonValue()), fc.dictionary(text, leaf));

describe('jsonBytes', () => {
  it('gives the bytes of JSON.stringify for any object, member by member or whole', () => {
    fc.assert(
      fc.property(fc.dictionary(text, value), (node) => {
        expect(jsonBytes(node, JSON.stringify)).toEqual(utf8(JSON.stringify(node)));
      }),
      { numRuns: 500 },
    );
  });

  it('writes a node with toJSON, at its root, on a top-level value or on a member, as JSON.stringify does', () => {
    const keyed = { toJSON: (key: string) => `under ${JSON.stringify(key)}` };
    for (const node of [{ toJSON: () => ({ a: 1 }) }, { view: keyed }, { member: [{ a: '👍' }, keyed] }, [{ a: 1 }, { b: '“' }]]) {
      expect(new TextDecoder().decode(jsonBytes(node, JSON.stringify))).toBe(JSON.stringify(node));
    }
  });

  it("throws the registry's error for a node without JSON text, as encodeText does", () => {
    const registry = createRegistry({ types: [] });
    const cyclic: Record<string, unknown> = { member: [{ a: 1 }] };
    (cyclic['member'] as Record<string, unknown>[]).push({ up: cyclic });
    const stringify = (node: object): string => registry.encodeText(node);
    for (const [node, code] of [
      [cyclic, 'cycle'],
      [{ member: [{ n: 1n }] }, 'wrong_kind'],
    ] as const) {
      let error: unknown;
      try {
        jsonBytes(node, stringify);
      } catch (e) {
        error = e;
      }
      expect(isHyperldError(error) && error.code).toBe(code);
    }
  });

  it('keeps each answer its own bytes, when a toJSON inside a member encodes another node meanwhile', () => {
    const inner = { member: [{ text: 'ж'.repeat(50_000) }, { text: 'b' }] };
    let nested: Uint8Array | undefined;
    const outer = { member: [{ a: '👍' }, { date: { toJSON: () => ((nested = jsonBytes(inner, JSON.stringify)), 'then') } }], totalItems: 2 };
    const bytes = jsonBytes(outer, JSON.stringify);
    expect(new TextDecoder().decode(bytes)).toBe(JSON.stringify(outer));
    expect(new TextDecoder().decode(nested)).toBe(JSON.stringify(inner));
    const big = { member: Array.from({ length: 40 }, (_, i) => ({ i, text: '“'.repeat(20_000) })) };
    const before = Buffer.from(bytes);
    expect(Buffer.from(jsonBytes(big, JSON.stringify)).equals(utf8(JSON.stringify(big)))).toBe(true);
    expect(before.equals(bytes)).toBe(true);
  });
});

describe('encodeBytes', () => {
  it('gives a 200 GET its ETag, and other answers none', async () => {
    const bytes = utf8('{"a":"👍"}');
    const { encoded } = await encodeBytes('GET', 200, {}, bytes);
    expect(encoded.bytes).toBe(bytes);
    expect(encoded.etag).toBe(await sha256Etag(bytes));
    expect((await encodeBytes('POST', 201, {}, bytes)).encoded.etag).toBeUndefined();
  });
});
