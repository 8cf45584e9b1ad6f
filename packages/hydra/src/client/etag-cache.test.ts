/**
 * The client's ETag cache: conditional GETs that reuse the cached node, and invalidation after
 * unsafe requests.
 *
 * @module
 */
import { describe, expect, it } from 'vitest';
import { client, fakeFetch, json, seedConversation } from './__fixtures__/fake-api.js';
import { EtagCache } from './etag-cache.js';

describe('cache: conditional GETs and invalidation', () => {
  /** A server with an ETag per resource version; bumping a resource changes its ETag. */
  function etagServer() {
    const versions = new Map<string, number>();
    let notModified = 0;
    const server = fakeFetch((call) => {
      const path = new URL(call.url).pathname;
      if (call.method === 'PUT' && path.endsWith('/close')) {
        const target = path.slice(0, -'/close'.length);
        versions.set(target, (versions.get(target) ?? 1) + 1);
        return new Response(null, { status: 204 });
      }
      const etag = `"v${versions.get(path) ?? 1}"`;
      if (call.headers['if-none-match'] === etag) {
        notModified++;
        return new Response(null, { status: 304, headers: { etag } });
      }
      return json(seedConversation(), { headers: { etag } });
    });
    return { ...server, notModified: () => notModified, bump: (path: string) => versions.set(path, (versions.get(path) ?? 1) + 1) };
  }

  it('revalidates with If-None-Match and reuses the cached node (the same object) on 304', async () => {
    const server = etagServer();
    const c = client(server.fetch);
    const first = await c.get('/conversations/Pvwqm5G');
    const second = await c.get('/conversations/Pvwqm5G');
    expect(second).toBe(first);
    expect(server.calls.map((call) => call.headers['if-none-match'])).toEqual([undefined, '"v1"']);
    expect(server.notModified()).toBe(1);
    // A new version is decoded afresh.
    server.bump('/conversations/Pvwqm5G');
    const third = await c.get('/conversations/Pvwqm5G');
    expect(third).not.toBe(first);
    expect(server.calls[2]?.headers['if-none-match']).toBe('"v1"');
  });

  it('sends no If-None-Match with cache: false', async () => {
    const server = etagServer();
    const c = client(server.fetch, { cache: false });
    const first = await c.get('/conversations/Pvwqm5G');
    const second = await c.get('/conversations/Pvwqm5G');
    expect(second).not.toBe(first);
    expect(server.calls.map((call) => call.headers['if-none-match'])).toEqual([undefined, undefined]);
  });

  it('drops a resource after an unsafe method on a URL beneath it (PUT …/close invalidates the conversation)', async () => {
    const server = etagServer();
    const c = client(server.fetch);
    const conversation = await c.get('/conversations/Pvwqm5G');
    await c.get('/contacts/DQeeO69/conversations');
    await c.invoke(conversation as never, 'closeConversation' as never);
    await c.get('/conversations/Pvwqm5G');
    await c.get('/contacts/DQeeO69/conversations');
    const gets = server.calls.filter((call) => call.method === 'GET').map((call) => [new URL(call.url).pathname, call.headers['if-none-match']]);
    expect(gets).toEqual([
      ['/conversations/Pvwqm5G', undefined],
      ['/contacts/DQeeO69/conversations', undefined],
      // Invalidated: fetched unconditionally.
      ['/conversations/Pvwqm5G', undefined],
      // Unrelated: still revalidated.
      ['/contacts/DQeeO69/conversations', '"v1"'],
    ]);
  });

  it('drops a resource after an unsafe request on it through request()', async () => {
    const server = etagServer();
    const c = client(server.fetch);
    await c.get('/conversations/Pvwqm5G');
    await c.request('DELETE', '/conversations/Pvwqm5G');
    await c.get('/conversations/Pvwqm5G');
    expect(server.calls.map((call) => `${call.method} ${call.headers['if-none-match'] ?? '-'}`)).toEqual(['GET -', 'DELETE -', 'GET -']);
  });

  it('keeps within its text budget: the least recently used go first, an answer over the budget is not kept', async () => {
    const server = etagServer();
    const text = JSON.stringify(seedConversation()).length;
    // Room for two answers, not three.
    const c = client(server.fetch, { cache: { maxSize: 2 * text + 1 } });
    for (const id of ['a', 'b', 'c']) await c.get(`/conversations/${id}`);
    await c.get('/conversations/a'); // dropped: fetched unconditionally
    await c.get('/conversations/c'); // kept: revalidated
    expect(server.calls.slice(3).map((call) => call.headers['if-none-match'])).toEqual([undefined, '"v1"']);
    const tiny = etagServer();
    const none = client(tiny.fetch, { cache: { maxSize: text - 1 } });
    await none.get('/conversations/a');
    await none.get('/conversations/a');
    expect(tiny.calls.map((call) => call.headers['if-none-match'])).toEqual([undefined, undefined]);
  });
});

describe('EtagCache bounds', () => {
  it('counts entries and text, and gives back the budget of what it drops', () => {
    const cache = new EtagCache({ maxEntries: 2, maxSize: 100 });
    cache.set('https://api.example/1', '"1"', {}, 40);
    cache.set('https://api.example/2', '"1"', {}, 40);
    expect([cache.entries, cache.size]).toEqual([2, 80]);
    // Replacing an entry does not count it twice.
    cache.set('https://api.example/2', '"2"', {}, 50);
    expect([cache.entries, cache.size]).toEqual([2, 90]);
    // A third entry: past maxEntries, the oldest goes.
    cache.set('https://api.example/3', '"1"', {}, 10);
    expect(cache.get('https://api.example/1')).toBeUndefined();
    expect([cache.entries, cache.size]).toEqual([2, 60]);
    // Past maxSize: as many of the oldest go as it takes.
    cache.set('https://api.example/4', '"1"', {}, 95);
    expect([cache.entries, cache.size]).toEqual([1, 95]);
    cache.invalidate(new URL('https://api.example/4'));
    expect([cache.entries, cache.size]).toEqual([0, 0]);
    // Over the whole budget alone: not kept, and what was kept for the URL is dropped.
    cache.set('https://api.example/5', '"1"', {}, 20);
    cache.set('https://api.example/5', '"2"', {}, 101);
    expect([cache.entries, cache.size]).toEqual([0, 0]);
  });
});
