/**
 * The order in which the Hydra handler judges a request body: what can be refused without the
 * bytes (an unsupported Content-Type, a declared length over the limit) is refused before any
 * byte is read, and a refused body is cancelled so that a `node:http` connection stays usable.
 *
 * @module
 */
import net from 'node:net';
import { createRegistry, t, vocabulary } from '@hyperld/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readProblem } from '../problem.js';
import { serveNode } from './node-http.js';
import { createHydraHandler, reply, type ServerRoute } from './index.js';

const ORIGIN = 'http://api.test';
const MAX = 4096;

const v = vocabulary({ vocab: 'https://example.com/vocab#' });
const Thing = v.type('Thing', { properties: { name: t.string() } });
const registry = createRegistry({ types: [Thing] });
const thing = { '@type': 'Thing', '@context': '/contexts/Thing.jsonld', id: '/things/a', name: 'A' };

const routes: ServerRoute<unknown>[] = [
  // A body is required (and decoded as a Thing).
  { method: 'PUT', template: '/things/{thing}', expects: Thing, handle: ({ body }) => body as object },
  // A body is optional.
  { method: 'POST', template: '/things/{thing}/notes', handle: () => reply(null, { status: 202 }) },
  { method: 'GET', template: '/things/{thing}', handle: () => thing },
];

const handler = createHydraHandler({ registry, routes, maxBodySize: MAX });

/** A body of `size` spaces in `chunk`-byte chunks, counting the chunks pulled and whether it was cancelled. */
function countingStream(size: number, chunk = 1024): { stream: ReadableStream<Uint8Array>; pulled: () => number; cancelled: () => boolean } {
  let sent = 0;
  let pulls = 0;
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (sent >= size) {
          controller.close();
          return;
        }
        pulls++;
        const n = Math.min(chunk, size - sent);
        sent += n;
        controller.enqueue(new Uint8Array(n).fill(0x20));
      },
      cancel() {
        cancelled = true;
      },
    },
    // Nothing is pulled until someone reads.
    { highWaterMark: 0 },
  );
  return { stream, pulled: () => pulls, cancelled: () => cancelled };
}

interface Send {
  readonly method?: 'PUT' | 'POST';
  readonly contentType?: string;
  /** The body size; `null` for no body at all. */
  readonly size: number | null;
  /** Declare the size in `Content-Length` (otherwise the body is streamed without one). */
  readonly declared?: boolean;
  /** The size to declare, when it is not `size`. */
  readonly contentLength?: number;
}

async function send(options: Send): Promise<{ response: Response; pulled: number; cancelled: boolean }> {
  const method = options.method ?? 'PUT';
  const path = method === 'PUT' ? '/things/a' : '/things/a/notes';
  const headers: Record<string, string> = {};
  if (options.contentType !== undefined) headers['content-type'] = options.contentType;
  if (options.declared === true || options.contentLength !== undefined) headers['content-length'] = String(options.contentLength ?? options.size ?? 0);
  const body = options.size === null ? null : countingStream(options.size);
  const init = { method, headers, ...(body ? { body: body.stream, duplex: 'half' } : {}) } as RequestInit;
  const response = await handler.fetch(new Request(`${ORIGIN}${path}`, init));
  return { response, pulled: body?.pulled() ?? 0, cancelled: body?.cancelled() ?? false };
}

async function statusAndTitle(response: Response): Promise<[number, string | undefined]> {
  const problem = response.status >= 400 ? readProblem(await response.json()) : undefined;
  return [response.status, problem?.title];
}

describe('request bodies are judged before they are read', () => {
  it('answers 415, not 413, to a huge body of an unsupported type, without pulling a byte', async () => {
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', undefined]) {
      for (const method of ['PUT', 'POST'] as const) {
        const { response, pulled, cancelled } = await send({ method, ...(contentType !== undefined ? { contentType } : {}), size: 10_000 * 1024, declared: true });
        expect(await statusAndTitle(response), `${method} ${contentType}`).toEqual([415, 'Unsupported Media Type']);
        expect(pulled).toBe(0);
        expect(cancelled).toBe(true);
      }
    }
  });

  it('answers 415 to a streamed body of an unsupported type on a route that requires a body, without pulling a byte', async () => {
    const { response, pulled, cancelled } = await send({ contentType: 'text/plain', size: 10_000 * 1024 });
    expect(await statusAndTitle(response)).toEqual([415, 'Unsupported Media Type']);
    expect(pulled).toBe(0);
    expect(cancelled).toBe(true);
  });

  it('reads one chunk of a streamed body of an unsupported type where a body is optional: only an empty one passes', async () => {
    const big = await send({ method: 'POST', contentType: 'text/plain', size: 10_000 * 1024 });
    expect(await statusAndTitle(big.response)).toEqual([415, 'Unsupported Media Type']);
    expect(big.pulled).toBe(1);
    expect(big.cancelled).toBe(true);
    const empty = await send({ method: 'POST', contentType: 'text/plain', size: 0 });
    expect(empty.response.status).toBe(202);
    const untyped = await send({ method: 'POST', size: 0 });
    expect(untyped.response.status).toBe(202);
  });

  it('answers 413 to a huge body of a supported type from Content-Length alone, and cancels it', async () => {
    const { response, pulled, cancelled } = await send({ contentType: 'application/ld+json', size: 10_000 * 1024, declared: true });
    expect(await statusAndTitle(response)).toEqual([413, 'Payload Too Large']);
    expect(pulled).toBe(0);
    expect(cancelled).toBe(true);
  });

  it('answers 413 to a streamed body of a supported type once it passes the limit', async () => {
    const { response, pulled, cancelled } = await send({ contentType: 'application/ld+json', size: 10_000 * 1024 });
    expect(await statusAndTitle(response)).toEqual([413, 'Payload Too Large']);
    // The fifth 1 KiB chunk passes 4096 bytes; a chunk or two of read-ahead is allowed.
    expect(pulled).toBeGreaterThanOrEqual(5);
    expect(pulled).toBeLessThanOrEqual(7);
    expect(cancelled).toBe(true);
  });

  it('still enforces the limit on a stream longer than its Content-Length says', async () => {
    const { response, pulled } = await send({ contentType: 'application/ld+json', size: 10_000 * 1024, contentLength: 10 });
    expect(await statusAndTitle(response)).toEqual([413, 'Payload Too Large']);
    expect(pulled).toBeLessThanOrEqual(7);
  });

  it('answers a missing required body by its type first (415), then as an invalid body (400)', async () => {
    expect((await statusAndTitle((await send({ size: null })).response))[0]).toBe(415);
    expect((await statusAndTitle((await send({ contentType: 'text/plain', size: null })).response))[0]).toBe(415);
    expect(await statusAndTitle((await send({ contentType: 'application/ld+json', size: null })).response)).toEqual([400, 'Bad Request']);
    expect(await statusAndTitle((await send({ contentType: 'application/ld+json', size: 0, declared: true })).response)).toEqual([400, 'Bad Request']);
  });

  it('decodes a body whose text happens to read "too-large" as a body (400), not as a size refusal', async () => {
    const response = await handler.fetch(new Request(`${ORIGIN}/things/a`, { method: 'PUT', body: 'too-large', headers: { 'content-type': 'application/ld+json' } }));
    expect(await statusAndTitle(response)).toEqual([400, 'Bad Request']);
  });

  it('answers every combination of type, size, declaration and route as the rules say', async () => {
    const arbitrary = fc.record({
      method: fc.constantFrom('PUT' as const, 'POST' as const),
      contentType: fc.constantFrom('application/ld+json', 'application/json; charset=utf-8', 'text/plain', undefined),
      size: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3 * MAX }), fc.integer({ min: MAX - 2, max: MAX + 2 })),
      declared: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(arbitrary, async ({ method, contentType, size, declared }) => {
        const { response, pulled } = await send({ method, ...(contentType !== undefined ? { contentType } : {}), size, declared });
        const required = method === 'PUT';
        const supported = contentType !== undefined && contentType !== 'text/plain';
        // Spaces are no JSON: a non-empty body of a supported type within the limit is a 400.
        const expected = !supported
          ? required || size > 0
            ? 415
            : 202
          : size > MAX
            ? 413
            : required || size > 0
              ? 400
              : 202;
        expect(response.status).toBe(expected);
        if (expected === 415 && (required || declared)) expect(pulled).toBe(0);
        if (expected === 415) expect(pulled).toBeLessThanOrEqual(1);
        if (expected === 413 && declared) expect(pulled).toBe(0);
      }),
      { numRuns: 500 },
    );
  });
});

/** Sends `raw` on one connection and collects the status lines until `count` answers or a timeout. */
function exchange(port: number, raw: readonly (string | Buffer)[], count: number): Promise<number[]> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let got = '';
    const statuses = (): number[] => [...got.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((m) => Number(m[1]));
    const done = (): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(statuses());
    };
    const timer = setTimeout(done, 3000);
    socket.on('data', (data) => {
      got += data.toString('latin1');
      if (statuses().length >= count) done();
    });
    socket.on('error', done);
    socket.on('close', done);
    for (const part of raw) socket.write(part);
  });
}

describe('a refused body over node:http', () => {
  it('leaves the kept-alive connection usable for the next request', async () => {
    const server = await serveNode(handler, { port: 0 });
    try {
      const port = Number(new URL(server.url).port);
      for (const contentType of ['text/plain', 'application/ld+json']) {
        const size = 200 * 1024;
        const statuses = await exchange(
          port,
          [
            `PUT /things/a HTTP/1.1\r\nHost: localhost\r\nContent-Type: ${contentType}\r\nContent-Length: ${size}\r\n\r\n`,
            Buffer.alloc(size, 0x20),
            'GET /things/a HTTP/1.1\r\nHost: localhost\r\n\r\n',
          ],
          2,
        );
        expect(statuses, contentType).toEqual([contentType === 'text/plain' ? 415 : 413, 200]);
      }
    } finally {
      await server.close();
    }
  });
});
