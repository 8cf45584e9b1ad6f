/**
 * The response cache of the Hydra handler (`responseCache`): what is kept, under which key, when
 * it is dropped, that authentication still runs first, and that a cached answer is the answer the
 * handler would give.
 *
 * @module
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { app, ORIGIN, registry, snapshot, VENDOR, type User } from './__fixtures__/cached-app.js';
import { authenticated, createHydraHandler, type ServerRoute } from './index.js';

describe('the response cache', () => {
  it('answers a repeated GET without running the handler again: same status, header fields and bytes', async () => {
    const { state, get } = app();
    const first = await snapshot(await get('/things/a'));
    const second = await snapshot(await get('/things/a'));
    expect(second).toEqual(first);
    expect(first.status).toBe(200);
    expect(JSON.parse(first.body ?? '')).toMatchObject({ name: 'A for u1' });
    expect(state.renders).toBe(1);
  });

  it('answers If-None-Match with a 304 and HEAD without a body from the kept answer', async () => {
    const { state, get } = app();
    const etag = (await get('/things/a')).headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    const notModified = await get('/things/a', 't1', { 'if-none-match': etag });
    expect([notModified.status, notModified.body, notModified.headers.get('etag')]).toEqual([304, null, etag]);
    const head = await get('/things/a', 't1', {}, 'HEAD');
    expect([head.status, head.body, head.headers.get('etag')]).toEqual([200, null, etag]);
    expect((await get('/things/a', 't1', { 'if-none-match': '"other"' })).status).toBe(200);
    expect(state.renders).toBe(1);
  });

  it('renders again once the version changes, and keeps the new answer', async () => {
    const { state, get, handler } = app();
    const before = await (await get('/things/a')).json();
    await handler.fetch(new Request(`${ORIGIN}/things/a`, { method: 'PUT', headers: { authorization: 'Bearer t1' } }));
    const after = await (await get('/things/a')).json();
    expect([before.name, after.name]).toEqual(['A for u1', 'A! for u1']);
    await get('/things/a');
    expect(state.renders).toBe(2);
  });

  it('keeps answers apart per principal, path, query and media type', async () => {
    const { state, get } = app();
    const names = async (): Promise<unknown[]> =>
      Promise.all(
        [
          get('/things/a', 't1'),
          get('/things/a', 't2'),
          get('/things/b', 't1'),
          get('/things/a?q=1', 't1'),
          get('/things/a', 't1', { accept: 'application/ld+json' }),
        ].map(async (r) => {
          const response = await r;
          return [response.headers.get('content-type'), ((await response.json()) as { name: string }).name];
        }),
      );
    const first = await names();
    expect(first).toEqual([
      [VENDOR, 'A for u1'],
      [VENDOR, 'A for u2'],
      [VENDOR, 'B for u1'],
      [VENDOR, 'A for u1?q=1'],
      ['application/ld+json', 'A for u1'],
    ]);
    expect(await names()).toEqual(first);
    expect(state.renders).toBe(5);
  });

  it('authenticates every request before the cache: a revoked token gets 401, an unknown one never a kept page', async () => {
    const { state, tokens, get } = app();
    expect((await get('/things/a', 't1')).status).toBe(200);
    tokens.delete('t1');
    expect((await get('/things/a', 't1')).status).toBe(401);
    expect((await get('/things/a', 'nobody')).status).toBe(401);
    expect(state.authentications).toBe(3);
    expect(state.renders).toBe(1);
  });

  it('keeps no answer without a principal key, no error, no Response of a route and nothing but GET and HEAD', async () => {
    const { state, get, handler } = app();
    for (let i = 0; i < 2; i++) {
      expect((await get('/public')).status).toBe(200);
      expect((await get('/raw')).status).toBe(200);
      expect((await get('/conflict')).status).toBe(409);
      expect((await get('/things/missing')).status).toBe(404);
    }
    // `/things/missing` renders too (the handler answers undefined).
    expect(state.renders).toBe(8);
    const put = () => handler.fetch(new Request(`${ORIGIN}/things/b`, { method: 'PUT', headers: { authorization: 'Bearer t1' } }));
    expect(await (await put()).json()).toMatchObject({ name: 'B!' });
    expect(await (await put()).json()).toMatchObject({ name: 'B!!' });
  });

  it('never serves an answer rendered while the data changed under a later version', async () => {
    const { state, get } = app();
    const first = (await (await get('/writing')).json()) as { name: string };
    const second = (await (await get('/writing')).json()) as { name: string };
    expect([first.name, second.name]).toEqual(['write 1', 'write 2']);
    expect(state.renders).toBe(2);
  });

  it('drops the least recently used answers past maxEntries', async () => {
    const { state, get } = app({ maxEntries: 2 });
    await get('/things/a');
    await get('/things/b');
    await get('/things/a'); // a is now the most recent
    await get('/things/a?q=3'); // drops b
    expect(state.renders).toBe(3);
    await get('/things/a');
    expect(state.renders).toBe(3);
    await get('/things/b');
    expect(state.renders).toBe(4);
  });

  it('keeps no more body bytes than maxBytes, and no answer larger than that', async () => {
    const size = new TextEncoder().encode(await (await app(false).get('/things/a')).text()).byteLength;
    const { state, get } = app({ maxBytes: size + 10 });
    await get('/things/a');
    await get('/things/a');
    expect(state.renders).toBe(1);
    await get('/things/b'); // both do not fit: a goes
    await get('/things/b');
    expect(state.renders).toBe(2);
    await get('/things/a');
    expect(state.renders).toBe(3);
    const tiny = app({ maxBytes: 10 });
    await tiny.get('/things/a');
    await tiny.get('/things/a');
    expect(tiny.state.renders).toBe(2);
  });

  it('reads the version once per cacheable request, after authentication', async () => {
    const { state, get } = app();
    await get('/things/a');
    await get('/things/a');
    await get('/things/a', 'nobody');
    expect(state.versionReads).toBe(2);
  });

  it('takes the version authenticate gives with the principal, and asks version() only for requests without one', async () => {
    const state = { version: 0, versionReads: 0, renders: 0 };
    const routes: ServerRoute<User>[] = [
      { method: 'GET', template: '/mine', handle: ({ auth }) => (state.renders++, { '@type': 'Thing', id: '/mine', name: auth.id }) },
      { method: 'GET', template: '/public', public: true, handle: () => (state.renders++, { '@type': 'Thing', id: '/public', name: 'public' }) },
    ];
    const make = (version?: () => number) =>
      createHydraHandler<User>({
        registry,
        routes,
        authenticate: (request) => (request.headers.get('authorization') === 'Bearer t1' ? authenticated({ id: 'u1' }, { version: state.version }) : undefined),
        responseCache: { principal: (user) => user?.id ?? 'anyone', ...(version ? { version } : {}) },
      });
    const handler = make(() => (state.versionReads++, state.version));
    const get = (path: string) => handler.fetch(new Request(`${ORIGIN}${path}`, { headers: { authorization: 'Bearer t1' } }));
    expect(await (await get('/mine')).json()).toMatchObject({ name: 'u1' }); // the route gets the principal itself
    await get('/mine');
    expect([state.renders, state.versionReads]).toEqual([1, 0]);
    state.version++;
    await get('/mine');
    expect([state.renders, state.versionReads]).toEqual([2, 0]);
    await get('/public');
    await get('/public');
    expect([state.renders, state.versionReads]).toEqual([3, 2]);
    // Without version(), a request authenticate gave no version for is not kept.
    const partial = make();
    await partial.fetch(new Request(`${ORIGIN}/public`));
    await partial.fetch(new Request(`${ORIGIN}/public`));
    expect(state.renders).toBe(5);
  });

  it('gives a reader of the body its own bytes: changing them changes no later answer', async () => {
    const { get } = app();
    const first = new Uint8Array(await (await get('/things/a')).arrayBuffer());
    const text = new TextDecoder().decode(first);
    first.fill(0x20);
    expect(await (await get('/things/a')).text()).toBe(text);
  });

  it('answers exactly as the same handler without a cache would, for any sequence of reads and writes (property)', async () => {
    const request = fc.record({
      method: fc.constantFrom('GET', 'HEAD', 'PUT'),
      path: fc.constantFrom('/things/a', '/things/b', '/things/a?q=1', '/things/missing', '/public', '/conflict'),
      token: fc.constantFrom('t1', 't2', 'nobody'),
      accept: fc.constantFrom(undefined, VENDOR, 'application/ld+json', 'application/json', 'text/html'),
      ifNoneMatch: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(request, { maxLength: 12 }), async (requests) => {
        const cached = app();
        const plain = app(false);
        const etags = new Map<string, string>();
        for (const r of requests) {
          const headers: Record<string, string> = {};
          if (r.accept !== undefined) headers['accept'] = r.accept;
          const last = etags.get(`${r.token} ${r.path}`);
          if (r.ifNoneMatch && last !== undefined) headers['if-none-match'] = last;
          const path = r.method === 'PUT' ? r.path.replace(/\?.*/, '') : r.path;
          const [a, b] = await Promise.all([cached.get(path, r.token, headers, r.method), plain.get(path, r.token, headers, r.method)]);
          const [sa, sb] = [await snapshot(a), await snapshot(b)];
          expect(sa).toEqual(sb);
          const etag = a.headers.get('etag');
          if (etag !== null) etags.set(`${r.token} ${r.path}`, etag);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
