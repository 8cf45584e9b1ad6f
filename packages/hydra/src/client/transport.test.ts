/**
 * The client's transport: credentials kept to the API's origin (links, redirects, browsers'
 * opaque redirects), unsafe links and URLs with credentials refused before any request.
 *
 * @module
 */
import { baseOf } from '@hyperld/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HydraError, isHydraError } from '../errors.js';
import { client, CONVERSATION, fakeFetch, json, loopback, ORIGIN, OTHER, redirect, registry, rejection, seedConversation, timelineDoc, TOKEN } from './__fixtures__/fake-api.js';
import { createClient } from './index.js';
import { Transport } from './transport.js';

describe('credentials stay with the API origin', () => {
  const foreignTimeline = () => seedConversation({ timeline: `${OTHER}/timeline` });

  it('follows a link to another origin without Authorization nor the headers function', async () => {
    let headerCalls = 0;
    const server = fakeFetch(() => json(timelineDoc(`${OTHER}/timeline`)));
    const c = createClient({
      baseUrl: `${ORIGIN}/`,
      registry,
      token: TOKEN,
      fetch: server.fetch,
      headers: () => {
        headerCalls++;
        return { 'x-api-key': 'k' };
      },
    });
    const conversation = registry.decode(JSON.stringify(foreignTimeline()), { base: CONVERSATION });
    await c.follow(conversation as never, 'timeline' as never);
    expect(server.calls.map((call) => call.url)).toEqual([`${OTHER}/timeline`]);
    expect(server.calls[0]?.headers['authorization']).toBeUndefined();
    expect(server.calls[0]?.headers['x-api-key']).toBeUndefined();
    expect(headerCalls).toBe(0);
  });

  it('refuses such a link with crossOrigin: refuse (unsafe_link), without a request', async () => {
    const server = fakeFetch(() => json(timelineDoc()));
    const c = client(server.fetch, { crossOrigin: 'refuse' });
    const conversation = registry.decode(JSON.stringify(foreignTimeline()), { base: CONVERSATION });
    const error = await rejection(c.follow(conversation as never, 'timeline' as never));
    expect(isHydraError(error) && error.code).toBe('unsafe_link');
    expect(server.calls).toHaveLength(0);
  });

  for (const status of [301, 302, 303, 307, 308]) {
    it(`follows a ${status} redirect to another origin without Authorization`, async () => {
      const server = fakeFetch((call) => (call.url.startsWith(ORIGIN) ? redirect(status, `${OTHER}/timeline`) : json(timelineDoc(`${OTHER}/timeline`))));
      const c = client(server.fetch);
      const node = await c.get('/conversations/Pvwqm5G/timeline');
      expect(node['@type']).toBe('Timeline');
      expect(server.calls.map((call) => [call.url, call.headers['authorization']])).toEqual([
        [`${CONVERSATION}/timeline`, `Bearer ${TOKEN}`],
        [`${OTHER}/timeline`, undefined],
      ]);
    });

    it(`refuses a ${status} redirect to another origin with crossOrigin: refuse`, async () => {
      const server = fakeFetch(() => redirect(status, `${OTHER}/timeline`));
      const c = client(server.fetch, { crossOrigin: 'refuse' });
      const error = await rejection(c.get('/conversations/Pvwqm5G/timeline'));
      expect(isHydraError(error) && error.code).toBe('unsafe_link');
      expect(server.calls).toHaveLength(1);
    });
  }

  describe('in a browser, where redirects are opaque', () => {
    /** A browser's `redirect: 'manual'` answer: type `opaqueredirect`, no Location (its status 0 is one `new Response` cannot make). */
    const opaque = (): Response => Object.defineProperty(new Response(null, { status: 200 }), 'type', { value: 'opaqueredirect' });
    /** What the browser's own `redirect: 'follow'` gives after landing on `url`. */
    const landed = (url: string): Response => Object.defineProperty(json(timelineDoc(url)), 'url', { value: url });
    const browser = () => fakeFetch((_, i) => (i === 0 ? opaque() : landed(`${OTHER}/timeline`)));

    it('lets the browser follow, and decodes against the URL it landed on', async () => {
      const server = browser();
      const node = await client(server.fetch).get('/conversations/Pvwqm5G/timeline');
      expect(node['@type']).toBe('Timeline');
      expect(baseOf(node)).toBe(`${OTHER}/timeline`);
      expect(server.calls.map((call) => [call.url, call.redirect])).toEqual([
        [`${CONVERSATION}/timeline`, 'manual'],
        [`${CONVERSATION}/timeline`, 'follow'],
      ]);
    });

    it('refuses the answer from another origin with crossOrigin: refuse', async () => {
      const error = await rejection(client(browser().fetch, { crossOrigin: 'refuse' }).get('/conversations/Pvwqm5G/timeline'));
      expect(isHydraError(error) && error.code).toBe('unsafe_link');
      expect(isHydraError(error) && error.url).toBe(`${OTHER}/timeline`);
    });
  });

  it('treats another scheme or port of the same host as another origin', async () => {
    const server = fakeFetch((call) => json(timelineDoc(call.url)));
    const c = client(server.fetch);
    for (const url of [`http://${new URL(ORIGIN).host}/t`, `${ORIGIN}:8443/t`, `${ORIGIN}/t`]) await c.get(url);
    expect(server.calls.map((call) => call.headers['authorization'])).toEqual([undefined, undefined, `Bearer ${TOKEN}`]);
  });

  it('sends the token to exactly the URLs of the base URL’s origin (property)', async () => {
    // URLs near the API's origin: its host in another case, with a prefix or suffix, behind
    // userinfo, on default and other ports, over http or https.
    const apiHost = new URL(ORIGIN).hostname;
    // Not `xn--…` or any `??--` label: those are (malformed) IDNA labels that URL parsing
    // rejects outright, and the client then refuses the IRI before any request.
    const label = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/).filter((l) => !/^..--/.test(l));
    const host = fc.oneof(
      fc.constant(apiHost),
      fc.constant(apiHost.toUpperCase()),
      label.map((l) => `${l}.${apiHost}`),
      label.map((l) => `${apiHost}.${l}`),
      label.map((l) => `${l}.example`),
    );
    const port = fc.oneof(fc.constant(''), fc.constantFrom(':443', ':80', ':8443'), fc.integer({ min: 1, max: 65535 }).map((n) => `:${n}`));
    const userinfo = fc.oneof(fc.constant(''), fc.constant(`${apiHost}@`), label.map((l) => `${l}:pw@`));
    const url = fc
      .tuple(fc.constantFrom('https', 'http', 'HTTPS'), userinfo, host, port, fc.webPath())
      .map(([scheme, user, h, p, path]) => `${scheme}://${user}${h}${p}/${path}`);
    const server = fakeFetch((call) => json(timelineDoc(call.url)));
    const c = client(server.fetch, { cache: false });
    await fc.assert(
      fc.asyncProperty(url, async (target) => {
        const before = server.calls.length;
        const parsed = new URL(target);
        if (parsed.username !== '' || parsed.password !== '') {
          // A URL with userinfo is refused before any request, wherever it would have gone.
          const error = await rejection(c.get(target));
          expect(isHydraError(error) && error.code).toBe('credentials_in_url');
          expect(server.calls).toHaveLength(before);
          return;
        }
        await c.get(target);
        const call = server.calls[before];
        expect(call?.headers['authorization'] === `Bearer ${TOKEN}`).toBe(parsed.origin === ORIGIN);
      }),
      { numRuns: 1000 },
    );
  });

  for (const link of ['javascript:alert(1)', 'data:text/html,hi', 'file:///etc/passwd']) {
    it(`refuses a ${link.split(':')[0]}: link, action URL, redirect and IRI without a request`, async () => {
      const server = fakeFetch(() => redirect(302, link));
      const c = client(server.fetch);
      const conversation = registry.decode(JSON.stringify(seedConversation({ timeline: link, closeConversation: link })), { base: CONVERSATION });
      for (const attempt of [c.follow(conversation as never, 'timeline' as never), c.invoke(conversation as never, 'closeConversation' as never), c.get(link)]) {
        const error = await rejection(attempt);
        expect(isHydraError(error) && error.code).toBe('unsafe_link');
      }
      expect(server.calls).toHaveLength(0);
      // A redirect there is refused too, after the one request that answered it.
      const error = await rejection(c.get('/conversations/Pvwqm5G'));
      expect(isHydraError(error) && error.code).toBe('unsafe_link');
      expect(server.calls).toHaveLength(1);
    });
  }
});

describe('URLs with credentials', () => {
  // fetch refuses `user:pw@` URLs with a TypeError, which used to be retried as a network error;
  // and a password in a URL ends up in logs and error messages.
  const credentialed = ['https://user:pw@api.textus.example/', 'https://user@api.textus.example/', 'https://:pw@api.textus.example/'];

  for (const baseUrl of credentialed) {
    it(`refuses the base URL ${baseUrl} when the client is created, without echoing the password`, () => {
      let error: unknown;
      try {
        createClient({ baseUrl, registry, fetch: fakeFetch(() => json({})).fetch });
      } catch (caught) {
        error = caught;
      }
      expect(isHydraError(error) && error.code).toBe('credentials_in_url');
      expect(isHydraError(error) && error.url).toBe('https://api.textus.example/');
      expect(String((error as Error).message)).not.toContain('pw');
    });
  }

  it('refuses a link, action URL, redirect and IRI with credentials, without a request', async () => {
    const link = 'https://user:pw@api.textus.example/conversations/Pvwqm5G/timeline';
    const server = fakeFetch(() => redirect(302, link));
    const c = client(server.fetch);
    const conversation = registry.decode(JSON.stringify(seedConversation({ timeline: link, closeConversation: link })), { base: CONVERSATION });
    for (const attempt of [c.follow(conversation as never, 'timeline' as never), c.invoke(conversation as never, 'closeConversation' as never), c.get(link), c.request('GET', link)]) {
      const error = await rejection(attempt);
      expect(isHydraError(error) && error.code).toBe('credentials_in_url');
      expect(isHydraError(error) && error.url).toBe(`${ORIGIN}/conversations/Pvwqm5G/timeline`);
      expect((error as Error).message).not.toContain('pw');
    }
    expect(server.calls).toHaveLength(0);
    // A redirect there is refused too, after the one request that answered it, and not retried.
    const error = await rejection(c.get('/conversations/Pvwqm5G'));
    expect(isHydraError(error) && error.code).toBe('credentials_in_url');
    expect(server.calls).toHaveLength(1);
  });

  it('refuses such a URL with the real fetch too: a typed error at once, not a TypeError retried', async () => {
    let hits = 0;
    const server = await loopback((_, res) => {
      hits++;
      res.writeHead(200, { 'content-type': 'application/ld+json' }).end(JSON.stringify(timelineDoc()));
    });
    try {
      const c = createClient({ baseUrl: `${server.url}/`, registry, retryDelay: 1 });
      const error = await rejection(c.get(`http://user:pw@${new URL(server.url).host}/conversations/Pvwqm5G/timeline`));
      expect(isHydraError(error) && error.code).toBe('credentials_in_url');
      expect(hits).toBe(0);
    } finally {
      await server.close();
    }
  });
});

describe('Transport.exchange under a guard (what context requests use)', () => {
  const budget = () => AbortSignal.timeout(5000);

  it('asks the guard before the first request and before each redirect, and sends nothing it refuses', async () => {
    const server = fakeFetch((call) => (call.url.endsWith('/a') ? redirect(302, '/b') : call.url.endsWith('/b') ? redirect(302, `${OTHER}/c`) : json('{}')));
    const transport = new Transport({ baseUrl: `${ORIGIN}/`, token: TOKEN, fetch: server.fetch });
    const asked: string[] = [];
    const guard = (url: URL) => {
      asked.push(url.href);
      if (url.origin !== ORIGIN) throw new HydraError('unknown_context', `not ${url.href}`, { url: url.href });
    };
    const error = await rejection(transport.exchange('GET', transport.resolve('/a'), undefined, {}, budget(), guard));
    expect(isHydraError(error) && error.code).toBe('unknown_context');
    expect(asked).toEqual([`${ORIGIN}/a`, `${ORIGIN}/b`, `${OTHER}/c`]);
    expect(server.calls.map((call) => call.url)).toEqual([`${ORIGIN}/a`, `${ORIGIN}/b`]);
    expect(server.calls.map((call) => call.headers['authorization'])).toEqual([`Bearer ${TOKEN}`, `Bearer ${TOKEN}`]);
  });

  it('decides alone under crossOrigin: refuse (another origin it allows goes without credentials), and refuses an opaque redirect', async () => {
    const server = fakeFetch(() => json('{}'));
    const transport = new Transport({ baseUrl: `${ORIGIN}/`, token: TOKEN, fetch: server.fetch, crossOrigin: 'refuse' });
    const { response } = await transport.exchange('GET', transport.resolve(`${OTHER}/ctx`), undefined, {}, budget(), () => undefined);
    expect(response.status).toBe(200);
    expect(server.calls[0]?.headers['authorization']).toBeUndefined();
    const opaque = fakeFetch(() => Object.defineProperty(new Response(null, { status: 200 }), 'type', { value: 'opaqueredirect' }));
    const browser = new Transport({ baseUrl: `${ORIGIN}/`, fetch: opaque.fetch });
    const refused = await rejection(browser.exchange('GET', browser.resolve('/ctx'), undefined, {}, budget(), () => undefined));
    expect(isHydraError(refused) && refused.code).toBe('unsafe_link');
    expect(opaque.calls).toHaveLength(1);
  });
});
