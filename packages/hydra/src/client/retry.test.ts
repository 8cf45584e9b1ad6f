/**
 * The client's retries and deadline: timeouts, retries of idempotent requests after network
 * errors, 429 and 503, `Retry-After`, and one deadline per call.
 *
 * @module
 */
import { describe, expect, it } from 'vitest';
import { isHydraError } from '../errors.js';
import { type Call, client, CONVERSATION, fakeFetch, json, loopback, pagedServer, registry, rejection, seedConversation } from './__fixtures__/fake-api.js';
import { createClient, isHttpError } from './index.js';

describe('resilience: timeouts and retries', () => {
  /** An answer that never comes, unless the request is aborted. */
  const hang = (call: Call): Promise<Response> =>
    new Promise((_, reject) => call.signal?.addEventListener('abort', () => reject(call.signal?.reason), { once: true }));

  it('times out with network_error', async () => {
    const server = fakeFetch(hang);
    const c = client(server.fetch, { timeout: 20, retries: 0 });
    const error = await rejection(c.get('/conversations/Pvwqm5G'));
    expect(isHydraError(error) && error.code).toBe('network_error');
    expect(server.calls).toHaveLength(1);
  });

  it('puts the token and headers providers under the deadline: one that never settles times out, and no request is sent', async () => {
    const server = fakeFetch(() => json(seedConversation()));
    const never = () => new Promise<never>(() => undefined);
    for (const options of [{ token: never }, { headers: never }]) {
      const c = client(server.fetch, { timeout: 30, retries: 0, ...options });
      // Before, the call never ended (this test ran into vitest's own timeout).
      const error = await rejection(c.get('/conversations/Pvwqm5G'));
      expect(isHydraError(error) && error.code).toBe('network_error');
    }
    expect(server.calls).toHaveLength(0);
    // The caller's signal stops it at once too, as `aborted`.
    const c = client(server.fetch, { token: never });
    const controller = new AbortController();
    const pending = rejection(c.get('/conversations/Pvwqm5G', { signal: controller.signal }));
    controller.abort();
    const aborted = await pending;
    expect(isHydraError(aborted) && aborted.code).toBe('aborted');
  });

  it('times out with network_error when the body stalls', async () => {
    const server = fakeFetch((call) => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"@type":'));
          call.signal?.addEventListener('abort', () => controller.error(call.signal?.reason), { once: true });
        },
      });
      return new Response(body, { status: 200, headers: { 'content-type': 'application/ld+json' } });
    });
    const c = client(server.fetch, { timeout: 30, retries: 0 });
    const error = await rejection(c.get('/conversations/Pvwqm5G'));
    expect(isHydraError(error) && error.code).toBe('network_error');
  });

  it('retries a GET after network errors, 429 and 503, then succeeds', async () => {
    const server = fakeFetch((_, i) => {
      if (i === 0) throw new TypeError('fetch failed');
      if (i === 1) return json({}, { status: 429, headers: { 'retry-after': '0' } });
      if (i === 2) return json({}, { status: 503 });
      return json(seedConversation());
    });
    const c = client(server.fetch, { retries: 3 });
    const node = await c.get('/conversations/Pvwqm5G');
    expect(node['@type']).toBe('ConversationWithAccount');
    expect(server.calls).toHaveLength(4);
  });

  it('gives up after `retries` retries with the last answer', async () => {
    const server = fakeFetch(() => json({ '@type': 'hydra:Error', title: 'Service Unavailable', status: 503 }, { status: 503 }));
    const c = client(server.fetch, { retries: 2 });
    const error = await rejection(c.get('/conversations/Pvwqm5G'));
    expect(isHttpError(error) && error.status).toBe(503);
    expect(server.calls).toHaveLength(3);
  });

  it('gives up after `retries` network errors with network_error', async () => {
    const server = fakeFetch(() => {
      throw new TypeError('fetch failed');
    });
    const c = client(server.fetch, { retries: 1 });
    const error = await rejection(c.get('/conversations/Pvwqm5G'));
    expect(isHydraError(error) && error.code).toBe('network_error');
    expect((error as Error).cause).toBeInstanceOf(TypeError);
    expect(server.calls).toHaveLength(2);
  });

  it('honours Retry-After over its own backoff', async () => {
    // A backoff of a minute would time the test out: Retry-After: 0 must win.
    const server = fakeFetch((_, i) => (i === 0 ? json({}, { status: 503, headers: { 'retry-after': '0' } }) : json(seedConversation())));
    const c = client(server.fetch, { retryDelay: 60_000 });
    const started = performance.now();
    await c.get('/conversations/Pvwqm5G');
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(server.calls).toHaveLength(2);

    // …and waits as long as it says, even when the backoff is shorter.
    const slow = fakeFetch((_, i) => (i === 0 ? json({}, { status: 429, headers: { 'retry-after': '1' } }) : json(seedConversation())));
    const c2 = client(slow.fetch, { retryDelay: 1 });
    const t0 = performance.now();
    await c2.get('/conversations/Pvwqm5G');
    expect(performance.now() - t0).toBeGreaterThanOrEqual(900);
    expect(slow.calls).toHaveLength(2);
  });

  it('retries an idempotent action (PUT) but never a POST', async () => {
    const put = fakeFetch((_, i) => (i === 0 ? json({}, { status: 503, headers: { 'retry-after': '0' } }) : new Response(null, { status: 204 })));
    const conversation = registry.decode(JSON.stringify(seedConversation()), { base: CONVERSATION });
    await client(put.fetch).invoke(conversation as never, 'closeConversation' as never);
    expect(put.calls.map((call) => call.method)).toEqual(['PUT', 'PUT']);

    const message = registry.decode(JSON.stringify({ ...(seedConversation()['latestPreviewableItem'] as object), retry: '/messages/06oyogE/retry' }), {
      base: CONVERSATION,
    });
    const busy = fakeFetch(() => json({}, { status: 503, headers: { 'retry-after': '0' } }));
    const error = await rejection(client(busy.fetch, { retries: 5 }).invoke(message as never, 'retry' as never));
    expect(isHttpError(error) && error.status).toBe(503);
    expect(busy.calls).toHaveLength(1);

    const broken = fakeFetch(() => {
      throw new TypeError('socket hang up');
    });
    const failed = await rejection(client(broken.fetch, { retries: 5 }).invoke(message as never, 'retry' as never));
    expect(isHydraError(failed) && failed.code).toBe('network_error');
    expect(broken.calls).toHaveLength(1);
  });

  describe('one deadline per call', () => {
    it('does not wait for a Retry-After past the deadline: the 503 fails at once', async () => {
      // Measured before: timeout 1000 and Retry-After: 20 took 40 s (two waits of 20 s).
      const server = fakeFetch(() => json({ '@type': 'hydra:Error', title: 'Service Unavailable', status: 503 }, { status: 503, headers: { 'retry-after': '20' } }));
      const c = client(server.fetch, { timeout: 1000 });
      const started = performance.now();
      const error = await rejection(c.get('/conversations/Pvwqm5G'));
      expect(performance.now() - started).toBeLessThan(1500);
      expect(isHttpError(error) && error.status).toBe(503);
      expect(isHttpError(error) && error.code).toBe('http_error');
      expect(isHttpError(error) && error.problem?.title).toBe('Service Unavailable');
      expect(server.calls).toHaveLength(1);
    });

    it('does not start a backoff that would end past the deadline', async () => {
      const server = fakeFetch(() => json({}, { status: 503 }));
      const c = client(server.fetch, { timeout: 1000, retryDelay: 5000 });
      const started = performance.now();
      const error = await rejection(c.get('/conversations/Pvwqm5G'));
      expect(performance.now() - started).toBeLessThan(1500);
      expect(isHttpError(error) && error.status).toBe(503);
      expect(server.calls).toHaveLength(1);
    });

    it('counts every attempt against one deadline: a hanging server is not given `timeout` three times', async () => {
      const server = fakeFetch(hang);
      const c = client(server.fetch, { timeout: 300, retries: 2 });
      const started = performance.now();
      const error = await rejection(c.get('/conversations/Pvwqm5G'));
      const elapsed = performance.now() - started;
      expect(elapsed).toBeGreaterThanOrEqual(290);
      expect(elapsed).toBeLessThan(800);
      expect(isHydraError(error) && error.code).toBe('network_error');
      expect((error as Error).message).toContain('timed out after 300 ms');
      expect(server.calls).toHaveLength(1);
    });

    it('counts the wait and the body read against the same deadline', async () => {
      // A 503 asks for 0.6 s; the retry's headers come at once but its body stalls. The call
      // must end at its 1 s deadline, not 1 s after the retry began.
      const server = fakeFetch((call, i) => {
        if (i === 0) return json({}, { status: 503, headers: { 'retry-after': '0.6' } });
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"@type":'));
            call.signal?.addEventListener('abort', () => controller.error(call.signal?.reason), { once: true });
          },
        });
        return new Response(body, { status: 200, headers: { 'content-type': 'application/ld+json' } });
      });
      const c = client(server.fetch, { timeout: 1000 });
      const started = performance.now();
      const error = await rejection(c.get('/conversations/Pvwqm5G'));
      const elapsed = performance.now() - started;
      expect(elapsed).toBeGreaterThanOrEqual(990);
      expect(elapsed).toBeLessThan(1400);
      expect(isHydraError(error) && error.code).toBe('network_error');
      expect(server.calls).toHaveLength(2);
    });

    it('still waits for a Retry-After that ends before the deadline, and succeeds', async () => {
      const server = fakeFetch((_, i) => (i === 0 ? json({}, { status: 429, headers: { 'retry-after': '0.3' } }) : json(seedConversation())));
      const c = client(server.fetch, { timeout: 2000 });
      const started = performance.now();
      const node = await c.get('/conversations/Pvwqm5G');
      expect(performance.now() - started).toBeGreaterThanOrEqual(290);
      expect(node['@type']).toBe('ConversationWithAccount');
      expect(server.calls).toHaveLength(2);
    });

    it('gives each page of a collection its own deadline', async () => {
      // Three pages, each answered after 150 ms: 450 ms in all, over a 300 ms timeout.
      const paged = pagedServer(3);
      const slow = fakeFetch(async (call) => {
        await new Promise((resolve) => setTimeout(resolve, 150));
        return paged.fetch(call.url, { method: call.method, headers: call.headers });
      });
      const c = client(slow.fetch, { timeout: 300 });
      const seen: unknown[] = [];
      for await (const member of c.members('/contacts/DQeeO69/conversations')) seen.push(member);
      expect(seen).toHaveLength(6);
    });

    it('fails a Retry-After past the deadline at once over real HTTP too (the measured case: Retry-After 20, timeout 1000)', async () => {
      let hits = 0;
      const server = await loopback((_, res) => {
        hits++;
        res.writeHead(503, { 'content-type': 'application/ld+json', 'retry-after': '20' }).end(JSON.stringify({ '@type': 'hydra:Error', title: 'Service Unavailable', status: 503 }));
      });
      try {
        const c = createClient({ baseUrl: `${server.url}/`, registry, timeout: 1000 });
        const started = performance.now();
        const error = await rejection(c.get('/conversations/Pvwqm5G'));
        const elapsed = performance.now() - started;
        expect(elapsed).toBeLessThan(1500);
        expect(isHttpError(error) && error.status).toBe(503);
        expect(hits).toBe(1);
      } finally {
        await server.close();
      }
    });

    it('aborts at once on the user’s signal, in flight and while reading the body, whatever the timeout', async () => {
      const stalled = fakeFetch((call) => {
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"@type":'));
            call.signal?.addEventListener('abort', () => controller.error(call.signal?.reason), { once: true });
          },
        });
        return new Response(body, { status: 200, headers: { 'content-type': 'application/ld+json' } });
      });
      for (const server of [fakeFetch(hang), stalled]) {
        const c = client(server.fetch, { timeout: 30_000 });
        const controller = new AbortController();
        setTimeout(() => controller.abort(), 20);
        const started = performance.now();
        const error = await rejection(c.get('/conversations/Pvwqm5G', { signal: controller.signal }));
        expect(performance.now() - started).toBeLessThan(500);
        expect(isHydraError(error) && error.code).toBe('aborted');
        expect(server.calls).toHaveLength(1);
      }
    });
  });

  it('stops waiting for a retry when the signal aborts, with `aborted`', async () => {
    // 10 s: a wait that ends within the default 30 s deadline, so it is begun.
    const server = fakeFetch(() => json({}, { status: 503, headers: { 'retry-after': '10' } }));
    const c = client(server.fetch);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const error = await rejection(c.get('/conversations/Pvwqm5G', { signal: controller.signal }));
    expect(isHydraError(error) && error.code).toBe('aborted');
    expect(server.calls).toHaveLength(1);
  });
});
