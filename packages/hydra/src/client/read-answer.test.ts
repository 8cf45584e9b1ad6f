/**
 * The client reads answers within its limits: `maxSize` bounds what is read, not only what is
 * decoded, and an error body is read within its own small bound.
 *
 * @module
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { isDecodeError } from '@hyperld/core';
import { describe, expect, it } from 'vitest';
import { isHydraError } from '../errors.js';
import { client, fakeFetch, loopback, registry, rejection, seedConversation } from './__fixtures__/fake-api.js';
import { createClient, isHttpError } from './index.js';

describe('limits hold while reading', () => {
  const MiB = 1024 * 1024;

  /**
   * A full garbage collection, and a moment for V8 to hand freed pages back, so that RSS shows
   * what is still held rather than what is not yet collected.
   */
  const collect = (() => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    return async () => {
      gc();
      gc();
      await new Promise((resolve) => setTimeout(resolve, 100));
    };
  })();

  /**
   * A loopback server whose `/endless` answers `status` with a body that never ends (spaces,
   * inside a JSON string), written as fast as the client reads; any other path answers `body`.
   * `hungUp` settles when the client closes the connection of the endless answer.
   */
  async function endlessServer(status: number, body = JSON.stringify(seedConversation())) {
    const state = { written: 0 };
    let hangUp!: () => void;
    const hungUp = new Promise<void>((resolve) => (hangUp = resolve));
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const server = await loopback((req, res) => {
      if (req.url !== '/endless') {
        // In pieces: one large Buffer would raise malloc's trim threshold and blur RSS.
        res.writeHead(200, { 'content-type': 'application/ld+json' });
        for (let offset = 0; offset < body.length; offset += 64 * 1024) res.write(body.slice(offset, offset + 64 * 1024));
        res.end();
        return;
      }
      res.writeHead(status, { 'content-type': 'application/ld+json' });
      res.on('close', hangUp);
      const pump = (): void => {
        while (!res.destroyed) {
          state.written += chunk.length;
          if (!res.write(chunk)) {
            res.once('drain', pump);
            return;
          }
        }
      };
      res.write('{"@type":"Conversation","slug":"');
      pump();
    });
    return { ...server, state, hungUp };
  }

  it('stops an endless body at maxSize, promptly, holding less than twice the limit, and hangs up', async () => {
    // Before, the whole body was read first (text(), then the size check): an endless one was
    // cut only by the timeout (here 3 s: network_error, RSS up by about 200 MiB). 16 MiB makes
    // the bound stand well clear of what RSS does by itself (±10 MiB here).
    const limit = 16 * MiB;
    // A document of exactly `limit` characters, which must still decode.
    const empty = JSON.stringify(seedConversation({ slug: '' }));
    const atLimit = JSON.stringify(seedConversation({ slug: 'x'.repeat(limit - empty.length) }));
    expect(atLimit).toHaveLength(limit);
    const server = await endlessServer(200, atLimit);
    try {
      const c = createClient({ baseUrl: `${server.url}/`, registry, limits: { maxSize: limit }, retries: 0, timeout: 3000 });
      // The baseline is taken after one body at the limit was read: V8 keeps the heap pages and
      // malloc the buffers that the first large read needed, which raises RSS once by about twice
      // its size whatever the client does. From there an endless body must cost no more than
      // twice the limit.
      const node = await c.get('/at-limit');
      expect(((node as Record<string, unknown>)['slug'] as string).length).toBe(limit - empty.length);
      await collect();
      const before = process.memoryUsage().rss;
      const started = performance.now();
      const error = await rejection(c.get('/endless'));
      const elapsed = performance.now() - started;
      await collect();
      const growth = process.memoryUsage().rss - before;
      expect(isHydraError(error) && error.code).toBe('decode_failed');
      const cause = (error as Error).cause;
      expect(isDecodeError(cause) && cause.code).toBe('max_size');
      expect(elapsed).toBeLessThan(2000);
      expect(growth).toBeLessThan(2 * limit);
      await server.hungUp; // the body was cancelled: the client closed the connection
      const written = server.state.written;
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(server.state.written).toBe(written);
      // What the server got onto the wire: the limit, plus what socket buffers took.
      expect(written).toBeLessThan(4 * limit);
    } finally {
      await server.close();
    }
  });

  it('reads an error body within its own small bound: an endless 500 is an HttpError at once, and hangs up', async () => {
    const server = await endlessServer(500);
    try {
      const c = createClient({ baseUrl: `${server.url}/`, registry, retries: 0, timeout: 3000 });
      const started = performance.now();
      const error = await rejection(c.get('/endless'));
      const elapsed = performance.now() - started;
      expect(isHttpError(error) && error.status).toBe(500);
      expect(isHttpError(error) && error.problem).toBeUndefined();
      expect(elapsed).toBeLessThan(2000);
      await server.hungUp;
    } finally {
      await server.close();
    }
  });

  it('counts maxSize in UTF-16 code units as decode does, across chunks that split characters', async () => {
    // 'é' is two bytes and one code unit, '😀' four bytes and two: a byte count would differ.
    const text = JSON.stringify(seedConversation({ slug: `${'é'.repeat(300)}${'😀'.repeat(300)}` }));
    const bytes = new TextEncoder().encode(text);
    const chunked = (): Response => {
      let offset = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (offset >= bytes.length) return controller.close();
          controller.enqueue(bytes.slice(offset, offset + 7));
          offset += 7;
        },
      });
      return new Response(body, { status: 200, headers: { 'content-type': 'application/ld+json' } });
    };
    const node = await client(fakeFetch(chunked).fetch, { limits: { maxSize: text.length } }).get('/conversations/Pvwqm5G');
    expect((node as Record<string, unknown>)['slug']).toBe(`${'é'.repeat(300)}${'😀'.repeat(300)}`);
    const error = await rejection(client(fakeFetch(chunked).fetch, { limits: { maxSize: text.length - 1 } }).get('/conversations/Pvwqm5G'));
    expect(isHydraError(error) && error.code).toBe('decode_failed');
    const cause = (error as Error).cause;
    expect(isDecodeError(cause) && cause.code).toBe('max_size');
  });

  it('pulls no more of a body than the limit needs, and cancels the rest', async () => {
    // 32 MiB on offer, not an endless stream: pulls that never wait for I/O would starve the
    // timers, so an endless one read whole would hang rather than fail.
    const limit = 1 * MiB;
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    let pulled = 0;
    let cancelled = false;
    const server = fakeFetch(() => {
      const body = new ReadableStream<Uint8Array>(
        {
          pull(controller) {
            if (pulled >= 32 * MiB) return controller.close();
            pulled += chunk.length;
            controller.enqueue(chunk.slice());
          },
          cancel() {
            cancelled = true;
          },
        },
        { highWaterMark: 0 },
      );
      return new Response(body, { status: 200, headers: { 'content-type': 'application/ld+json' } });
    });
    const error = await rejection(client(server.fetch, { limits: { maxSize: limit } }).get('/conversations/Pvwqm5G'));
    expect(isHydraError(error) && error.code).toBe('decode_failed');
    expect(cancelled).toBe(true);
    expect(pulled).toBeLessThanOrEqual(limit + 2 * chunk.length);
  });
});
