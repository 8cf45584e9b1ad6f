import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeText } from './encode.js';

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
