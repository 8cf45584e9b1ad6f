/**
 * Remote contexts under the client's trust policy, against a fake `fetch` that records every
 * request: what is fetched (once, with which credentials), what never is, HTTP caching, the
 * bounds, nested contexts, the built-in Hydra contexts, the readers and the jsonld loader.
 *
 * @module
 */
import { createRegistry, isDecodeError, metaOf, t, vocabulary } from '@hyperld/core';
import { toExpanded } from '@hyperld/core/jsonld';
import jsonld from 'jsonld';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiPlatform3, SCHEMA } from '../__fixtures__/api-documentations.js';
import { action, listActions } from '../actions.js';
import { HYDRA_CONTEXT } from '../contexts/hydra-context.js';
import { HYDRA_ERROR_CONTEXT } from '../contexts/hydra-error-context.js';
import { isHydraError, type HydraError } from '../errors.js';
import { readHydra } from '../terms.js';
import { hydraRegistry } from '../vocabulary.js';
import { fakeFetch, rejection, type Call } from './__fixtures__/fake-api.js';
import { Trust } from './context-policy.js';
import { ContextStore, valueAt } from './context-store.js';
import { Transport } from './transport.js';
import { createClient, type ClientOptions } from './index.js';

const API = 'https://api.example.com';
const SCHEMAS = 'https://schemas.example.org';
const ELSEWHERE = 'https://evil.example.net';
const VOCAB = `${API}/vocab#`;
const HYDRA = 'http://www.w3.org/ns/hydra/core#';

const v = vocabulary({ vocab: VOCAB });
const Author = v.type('Author', { properties: { name: t.string() } });
const Book = v.type('Book', { properties: { title: t.string(), borrow: action({ method: 'POST' }), author: t.link('Author').optional() } });
const registry = hydraRegistry.with([Book, Author]);
const Shelf = v.type('Shelf', { properties: { book: t.node(Book) } });

/** A context in French: the terms only it gives (`Livre`, `titre`, `livres`, `vue`, `suivante`). */
const french = (extra: Record<string, unknown> = {}) => ({
  '@context': {
    '@vocab': VOCAB,
    hydra: HYDRA,
    id: '@id',
    Livre: `${VOCAB}Book`,
    titre: `${VOCAB}title`,
    livres: { '@id': 'hydra:member', '@type': '@id' },
    vue: 'hydra:view',
    suivante: { '@id': 'hydra:next', '@type': '@id' },
    ...extra,
  },
});

/** A book that decodes only with the French context (`Livre` is no registered term). */
const livre = (context: unknown = '/contexts/French', id = '/books/1') => ({ '@context': context, '@type': 'Livre', id, titre: 'Dune', borrow: `${id}/borrow` });

const ld = (body: unknown, headers: Record<string, string> = {}, status = 200): Response =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': 'application/ld+json', ...headers } });

type Route = (call: Call) => Response | Promise<Response>;

/** A fake API answering by absolute URL (query included); anything else is a 404. */
function api(routes: Record<string, Route | unknown>) {
  return fakeFetch((call) => {
    const route = routes[call.url];
    if (route === undefined) return ld({ title: 'Not Found' }, {}, 404);
    return typeof route === 'function' ? (route as Route)(call) : ld(route);
  });
}

function clientOf(fetchFn: typeof fetch, options: Partial<ClientOptions<never>> = {}) {
  return createClient({ baseUrl: `${API}/`, registry, token: 'secret', fetch: fetchFn, retries: 0, ...options } as ClientOptions<never>);
}

const urls = (calls: readonly Call[]) => calls.map((c) => c.url);
const codeOf = (error: unknown) => (isHydraError(error) ? error.code : undefined);

afterEach(() => {
  vi.useRealTimers();
});

describe("contexts: 'registered' (the default)", () => {
  it('refuses a remote context as today: decode_failed with unknown_context, naming the URL and the policy, and no request for it', async () => {
    const server = api({ [`${API}/books/1`]: livre(), [`${API}/contexts/French`]: french() });
    const error = await rejection(clientOf(server.fetch).get('/books/1'));
    expect(codeOf(error)).toBe('decode_failed');
    expect(isDecodeError((error as Error).cause) && ((error as Error).cause as { violations: { code: string }[] }).violations.map((x) => x.code)).toContain('unknown_context');
    expect((error as Error).message).toContain(`${API}/contexts/French: not trusted, contexts: 'registered'`);
    expect(urls(server.calls)).toEqual([`${API}/books/1`]);
  });
});

describe("contexts: 'same-origin'", () => {
  it('fetches a relative context once, with the credentials of the API origin, and decodes with it', async () => {
    const server = api({ [`${API}/books/1`]: livre(), [`${API}/books/2`]: livre('/contexts/French', '/books/2'), [`${API}/contexts/French`]: french() });
    const client = clientOf(server.fetch, { contexts: 'same-origin', headers: () => ({ 'x-api-key': 'k' }) });
    const book = await client.get('/books/1');
    expect(book).toMatchObject({ '@type': 'Livre', titre: 'Dune' });
    expect(client.registry.definitionOf(book)).toBe(Book);
    await client.get('/books/2');
    expect(urls(server.calls)).toEqual([`${API}/books/1`, `${API}/contexts/French`, `${API}/books/2`]);
    const contextCall = server.calls[1];
    expect(contextCall?.headers['authorization']).toBe('Bearer secret');
    expect(contextCall?.headers['x-api-key']).toBe('k');
    expect(contextCall?.headers['accept']).toBe('application/ld+json, application/json;q=0.9');
  });

  it('gives decoded nodes the extended registry, so readers resolve the fetched terms', async () => {
    const shelf = { '@context': '/contexts/French', '@type': 'hydra:Collection', id: '/books', livres: [livre(undefined, '/books/1')] };
    const server = api({ [`${API}/books`]: shelf, [`${API}/contexts/French`]: french() });
    const client = clientOf(server.fetch, { contexts: 'same-origin' });
    const page = await client.get('/books');
    // The root carries the registry that decoded it; readHydra finds `livres` as hydra:member through it.
    expect(metaOf(page)?.registry?.context(`${API}/contexts/French`)).toBeDefined();
    const members = readHydra(page, 'member') as Record<string, unknown>[];
    expect(members.map((m) => m['id'])).toEqual(['/books/1']);
    // A member's type is `Livre`: only the fetched context says it is a Book, with its `borrow` action.
    const member = members[0] as object;
    expect(client.actions(member).map((a) => [a.name, a.state, a.state === 'available' ? a.url : undefined])).toEqual([['borrow', 'available', `${API}/books/1/borrow`]]);
    expect(listActions(member, { registry: client.registry }).map((a) => a.name)).toEqual(['borrow']);
  });

  it('types a followed link by the definition only the fetched context gives the node', async () => {
    const author = { '@context': '/contexts/Author.jsonld', '@type': 'Author', id: '/authors/1', name: 'Frank Herbert' };
    const server = api({
      [`${API}/books/1`]: { ...livre(), author: '/authors/1' },
      [`${API}/authors/1`]: author,
      [`${API}/books/2`]: { ...livre(undefined, '/books/2'), author: '/books/1' },
      [`${API}/contexts/French`]: french(),
    });
    const client = clientOf(server.fetch, { contexts: 'same-origin' });
    const book = await client.get('/books/1');
    await expect(client.follow(book as never, 'author' as never)).resolves.toEqual(author);
    // The link is declared to an Author: a Book at its end is refused, so follow read the declaration.
    const other = await client.get('/books/2');
    const error = await rejection(client.follow(other as never, 'author' as never));
    expect(codeOf(error)).toBe('decode_failed');
  });

  it('pages through a collection whose view and next link are terms of the fetched context', async () => {
    const page = (n: number) => ({
      '@context': '/contexts/French',
      '@type': 'hydra:Collection',
      id: '/books',
      livres: [livre(undefined, `/books/${n}`)],
      vue: { id: `/books?page=${n}`, '@type': 'hydra:PartialCollectionView', ...(n < 2 ? { suivante: `/books?page=${n + 1}` } : {}) },
    });
    const server = api({ [`${API}/books`]: page(1), [`${API}/books?page=2`]: page(2), [`${API}/contexts/French`]: french() });
    const client = clientOf(server.fetch, { contexts: 'same-origin' });
    const seen: unknown[] = [];
    for await (const member of client.members('/books')) seen.push((member as Record<string, unknown>)['id']);
    expect(seen).toEqual(['/books/1', '/books/2']);
    expect(urls(server.calls).filter((u) => u.includes('/contexts/'))).toEqual([`${API}/contexts/French`]);
  });

  it('never fetches a context on another origin: no request, and the URL and policy named', async () => {
    const server = api({ [`${API}/books/1`]: livre(`${SCHEMAS}/french.jsonld`), [`${SCHEMAS}/french.jsonld`]: french() });
    const error = await rejection(clientOf(server.fetch, { contexts: 'same-origin' }).get('/books/1'));
    expect(codeOf(error)).toBe('decode_failed');
    expect((error as Error).message).toContain(`${SCHEMAS}/french.jsonld: not trusted, contexts: 'same-origin' (${API})`);
    expect(urls(server.calls)).toEqual([`${API}/books/1`]);
  });

  it('fetches nothing when a document names a trusted and an untrusted context', async () => {
    const server = api({ [`${API}/books/1`]: livre(['/contexts/French', `${ELSEWHERE}/x`]), [`${API}/contexts/French`]: french() });
    expect(codeOf(await rejection(clientOf(server.fetch, { contexts: 'same-origin' }).get('/books/1')))).toBe('decode_failed');
    expect(urls(server.calls)).toEqual([`${API}/books/1`]);
  });

  it("with unknownContext: 'ignore', loads the trusted contexts and ignores the untrusted ones (never fetched)", async () => {
    const server = api({ [`${API}/books/1`]: livre(['/contexts/French', `${ELSEWHERE}/x`]), [`${API}/contexts/French`]: french() });
    const client = clientOf(server.fetch, { contexts: 'same-origin', unknownContext: 'ignore' });
    const book = await client.get('/books/1');
    expect(client.registry.definitionOf(book)).toBe(Book);
    expect(urls(server.calls)).toEqual([`${API}/books/1`, `${API}/contexts/French`]);
  });

  it('loads a context an embedded node names', async () => {
    const shelf = { '@context': '/contexts/Shelf.jsonld', '@type': 'Shelf', id: '/shelves/1', book: livre('/contexts/French') };
    const server = api({ [`${API}/shelves/1`]: shelf, [`${API}/contexts/French`]: french() });
    const client = createClient({ baseUrl: `${API}/`, registry: registry.with([Shelf]), fetch: server.fetch, contexts: 'same-origin' });
    const decoded = (await client.get('/shelves/1')) as Record<string, unknown>;
    expect(client.registry.definitionOf(decoded['book'] as object, { base: `${API}/shelves/1` })).toBe(Book);
    expect(urls(server.calls)).toEqual([`${API}/shelves/1`, `${API}/contexts/French`]);
  });

  it('shares one request between concurrent calls needing the same context', async () => {
    const server = api({ [`${API}/books/1`]: livre(), [`${API}/books/2`]: livre(undefined, '/books/2'), [`${API}/contexts/French`]: french() });
    const client = clientOf(server.fetch, { contexts: 'same-origin' });
    await Promise.all([client.get('/books/1'), client.get('/books/2')]);
    expect(urls(server.calls).filter((u) => u.endsWith('/French'))).toHaveLength(1);
  });

  it("keeps a call's abort its own: a call sharing the aborted one's context request sends its own", async () => {
    const slow = (call: Call) =>
      new Promise<Response>((resolve, reject) => {
        const timer = setTimeout(() => resolve(ld(french())), 50);
        call.signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(call.signal?.reason);
        });
      });
    const server = api({ [`${API}/books/1`]: livre(), [`${API}/books/2`]: livre(undefined, '/books/2'), [`${API}/contexts/French`]: slow });
    const client = clientOf(server.fetch, { contexts: 'same-origin' });
    const controller = new AbortController();
    const first = client.get('/books/1', { signal: controller.signal });
    const second = client.get('/books/2');
    setTimeout(() => controller.abort(), 10);
    expect(codeOf(await rejection(first))).toBe('aborted');
    await expect(second).resolves.toMatchObject({ id: '/books/2' });
    expect(urls(server.calls).filter((u) => u.endsWith('/French'))).toHaveLength(2);
  });

  it('refuses a redirect of a trusted context to an untrusted origin, without requesting it', async () => {
    const server = api({
      [`${API}/books/1`]: livre(),
      [`${API}/contexts/French`]: () => new Response(null, { status: 302, headers: { location: `${ELSEWHERE}/french` } }),
      [`${ELSEWHERE}/french`]: french(),
    });
    const error = await rejection(clientOf(server.fetch, { contexts: 'same-origin' }).get('/books/1'));
    expect(codeOf(error)).toBe('unknown_context');
    expect((error as HydraError).url).toBe(`${ELSEWHERE}/french`);
    expect((error as Error).message).toContain(`a redirect from ${API}/contexts/French`);
    expect(urls(server.calls)).toEqual([`${API}/books/1`, `${API}/contexts/French`]);
  });
});

describe('contexts: a list of origins', () => {
  it('fetches a context on another trusted origin without credentials or custom headers', async () => {
    const server = api({ [`${API}/books/1`]: livre(`${SCHEMAS}/french.jsonld`), [`${SCHEMAS}/french.jsonld`]: french() });
    const client = clientOf(server.fetch, { contexts: [SCHEMAS], headers: () => ({ 'x-api-key': 'k' }), crossOrigin: 'refuse' });
    const book = await client.get('/books/1');
    expect(client.registry.definitionOf(book)).toBe(Book);
    const contextCall = server.calls[1];
    expect(contextCall?.url).toBe(`${SCHEMAS}/french.jsonld`);
    expect(contextCall?.headers['authorization']).toBeUndefined();
    expect(contextCall?.headers['x-api-key']).toBeUndefined();
    expect(server.calls[0]?.headers['authorization']).toBe('Bearer secret');
  });

  it('does not trust the API origin unless listed', async () => {
    const server = api({ [`${API}/books/1`]: livre(), [`${API}/contexts/French`]: french() });
    const error = await rejection(clientOf(server.fetch, { contexts: [SCHEMAS] }).get('/books/1'));
    expect((error as Error).message).toContain(`not trusted, contexts: [${SCHEMAS}]`);
    expect(urls(server.calls)).toEqual([`${API}/books/1`]);
  });

  it('is checked at createClient: a bad origin or policy is invalid_option', () => {
    const bad: unknown[] = ['api.example.com', `${API}/contexts`, `${API}?q`, 'ftp://files.example.com', 'https://user:pw@api.example.com', '*', 42, ''];
    for (const origin of bad) {
      let error: unknown;
      try {
        clientOf(fetch, { contexts: [origin as string] });
      } catch (e) {
        error = e;
      }
      expect(codeOf(error), String(origin)).toBe('invalid_option');
    }
    expect(() => clientOf(fetch, { contexts: 'everything' as never })).toThrow(/contexts must be 'registered', 'same-origin' or a list of origins/);
    // Spellings of one origin are that origin.
    expect(() => clientOf(fetch, { contexts: ['HTTPS://Schemas.Example.org:443/', 'http://localhost:8080'] })).not.toThrow();
  });
});

describe('the built-in Hydra contexts', () => {
  it('serve the W3C Hydra and error contexts without a request, whatever the policy', async () => {
    const bare = createRegistry({ types: [Book] });
    for (const contexts of ['registered', 'same-origin', ['http://www.w3.org']] as const) {
      const server = api({
        [`${API}/books/1`]: { ...livre([HYDRA_CONTEXT, '/contexts/Book.jsonld']) },
        [`${API}/error`]: { '@context': HYDRA_ERROR_CONTEXT, '@type': 'hydra:Error', title: 'Gone' },
      });
      const client = createClient({ baseUrl: `${API}/`, registry: bare, fetch: server.fetch, contexts });
      const book = { ...livre([HYDRA_CONTEXT, '/contexts/Book.jsonld']) };
      await expect(client.get('/books/1')).resolves.toEqual(book);
      await expect(client.get('/error')).resolves.toMatchObject({ title: 'Gone' });
      expect(urls(server.calls), String(contexts)).toEqual([`${API}/books/1`, `${API}/error`]);
      expect(client.registry.context(HYDRA_CONTEXT)).toBeDefined();
    }
  });
});

describe('HTTP caching of contexts', () => {
  const epoch = Date.parse('2026-01-01T00:00:00Z');
  const at = (ms: number) => vi.setSystemTime(epoch + ms);

  function cachingServer(headers: () => Record<string, string>, body: () => unknown = () => french()) {
    return api({
      [`${API}/books/1`]: livre(),
      [`${API}/contexts/French`]: (call: Call) => {
        const etag = headers()['etag'];
        if (etag !== undefined && call.headers['if-none-match'] === etag) return new Response(null, { status: 304, headers: headers() });
        return ld(body(), headers());
      },
    });
  }
  const contextCalls = (calls: readonly Call[]) => calls.filter((c) => c.url.endsWith('/French'));

  it('uses a context while max-age says it is fresh, then revalidates it with If-None-Match (304: no body, no new decode)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    at(0);
    const server = cachingServer(() => ({ 'cache-control': 'max-age=60', etag: '"v1"' }));
    const client = clientOf(server.fetch, { contexts: 'same-origin', cache: false });
    await client.get('/books/1');
    const registry = client.registry;
    at(59_000);
    await client.get('/books/1');
    expect(contextCalls(server.calls)).toHaveLength(1);
    at(61_000);
    await client.get('/books/1');
    const calls = contextCalls(server.calls);
    expect(calls).toHaveLength(2);
    expect(calls[1]?.headers['if-none-match']).toBe('"v1"');
    expect(client.registry).toBe(registry);
    // Revalidated: fresh for another 60 s.
    at(100_000);
    await client.get('/books/1');
    expect(contextCalls(server.calls)).toHaveLength(2);
  });

  it('revalidates a no-cache context on every use, and with If-Modified-Since when it has a Last-Modified', async () => {
    const lastModified = 'Wed, 01 Jan 2025 00:00:00 GMT';
    const server = api({
      [`${API}/books/1`]: livre(),
      [`${API}/contexts/French`]: (call: Call) =>
        call.headers['if-modified-since'] === lastModified ? new Response(null, { status: 304 }) : ld(french(), { 'cache-control': 'no-cache', 'last-modified': lastModified }),
    });
    const client = clientOf(server.fetch, { contexts: 'same-origin', cache: false });
    for (let i = 0; i < 3; i++) await client.get('/books/1');
    const calls = contextCalls(server.calls);
    expect(calls.map((c) => c.headers['if-modified-since'])).toEqual([undefined, lastModified, lastModified]);
  });

  it('fetches a no-store context afresh each time it is needed, and keeps nothing of it', async () => {
    const server = cachingServer(() => ({ 'cache-control': 'no-store', etag: '"v1"' }));
    const client = clientOf(server.fetch, { contexts: 'same-origin', cache: false });
    await client.get('/books/1');
    await client.get('/books/1');
    const calls = contextCalls(server.calls);
    expect(calls).toHaveLength(2);
    expect(calls[1]?.headers['if-none-match']).toBeUndefined();
    expect(client.registry.context(`${API}/contexts/French`)).toBeUndefined();
  });

  it('decodes with the new document when a stale context changed', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    at(0);
    let version = 1;
    const server = cachingServer(
      () => ({ 'cache-control': 'max-age=10', etag: `"v${version}"` }),
      () => (version === 1 ? french() : french({ Livre: `${VOCAB}Nothing` })),
    );
    const client = clientOf(server.fetch, { contexts: 'same-origin', cache: false });
    const first = await client.get('/books/1');
    expect(client.registry.definitionOf(first)).toBe(Book);
    version = 2;
    at(11_000);
    const book = await client.get('/books/1');
    expect(client.registry.definitionOf(book)).toBeUndefined();
    expect(contextCalls(server.calls).map((c) => c.headers['if-none-match'])).toEqual([undefined, '"v1"']);
  });
});

describe('the bounds of contexts', () => {
  it('cancels the read of a context past contextLimits.maxSize: context_failed naming the URL', async () => {
    let pulled = 0;
    let cancelled = false;
    const endless = () =>
      new Response(
        new ReadableStream<Uint8Array>({
          pull(controller) {
            pulled++;
            controller.enqueue(new TextEncoder().encode(`{"@context":{"a${pulled}":"${'x'.repeat(1000)}"`));
          },
          cancel() {
            cancelled = true;
          },
        }),
        { headers: { 'content-type': 'application/ld+json' } },
      );
    const server = api({ [`${API}/books/1`]: livre(), [`${API}/contexts/French`]: endless });
    const error = await rejection(clientOf(server.fetch, { contexts: 'same-origin', contextLimits: { maxSize: 10_000 } }).get('/books/1'));
    expect(codeOf(error)).toBe('context_failed');
    expect((error as HydraError).url).toBe(`${API}/contexts/French`);
    expect((error as Error).message).toContain('longer than contextLimits.maxSize (10000 characters)');
    expect(cancelled).toBe(true);
    expect(pulled).toBeLessThan(20);
  });

  it('gives up on a slow context after contextLimits.timeout, within the call', async () => {
    const hanging = (call: Call) =>
      new Promise<Response>((_, reject) => {
        call.signal?.addEventListener('abort', () => reject(call.signal?.reason));
      });
    const server = api({ [`${API}/books/1`]: livre(), [`${API}/contexts/French`]: hanging });
    const started = performance.now();
    const error = await rejection(clientOf(server.fetch, { contexts: 'same-origin', contextLimits: { timeout: 100 } }).get('/books/1'));
    expect(codeOf(error)).toBe('context_failed');
    expect((error as Error).message).toMatch(/timed out after 100 ms/);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('fails a context that answers an error status with context_failed, its HttpError as the cause', async () => {
    const server = api({ [`${API}/books/1`]: livre() });
    const error = await rejection(clientOf(server.fetch, { contexts: 'same-origin' }).get('/books/1'));
    expect(codeOf(error)).toBe('context_failed');
    expect((error as Error).message).toBe(`The context ${API}/contexts/French could not be loaded: it answered 404.`);
    expect(((error as Error).cause as { status?: number }).status).toBe(404);
  });

  it('keeps at most contextLimits.maxDocuments, dropping the least recently used', async () => {
    const routes: Record<string, unknown> = {};
    for (const name of ['A', 'B', 'C']) {
      routes[`${API}/books/${name}`] = livre(`/contexts/${name}`, `/books/${name}`);
      routes[`${API}/contexts/${name}`] = french();
    }
    const server = api(routes);
    const client = clientOf(server.fetch, { contexts: 'same-origin', contextLimits: { maxDocuments: 2 }, cache: false });
    for (const name of ['A', 'B', 'A', 'C', 'A', 'B']) await client.get(`/books/${name}`);
    // A, B fetched; A used again (most recent); C drops B; A still kept; B fetched again.
    expect(urls(server.calls).filter((u) => u.includes('/contexts/'))).toEqual([`${API}/contexts/A`, `${API}/contexts/B`, `${API}/contexts/C`, `${API}/contexts/B`]);
    expect(client.registry.context(`${API}/contexts/C`)).toBeUndefined();
  });

  it('refuses a document that needs more contexts at once than maxDocuments', async () => {
    const server = api({
      [`${API}/books/1`]: livre(['/contexts/A', '/contexts/B', '/contexts/French']),
      [`${API}/contexts/A`]: { '@context': {} },
      [`${API}/contexts/B`]: { '@context': {} },
      [`${API}/contexts/French`]: french(),
    });
    const error = await rejection(clientOf(server.fetch, { contexts: 'same-origin', contextLimits: { maxDocuments: 2 } }).get('/books/1'));
    expect(codeOf(error)).toBe('context_failed');
    expect((error as Error).message).toContain('more than contextLimits.maxDocuments (2)');
  });
});

describe('contexts that name contexts', () => {
  it('loads the contexts a context names (arrays and @import), resolved against its URL, and merges their terms in order', async () => {
    const server = api({
      [`${API}/books/1`]: livre('/contexts/v2/French'),
      [`${API}/contexts/v2/French`]: { '@context': ['base', { '@import': '../terms', titre: `${VOCAB}title` }] },
      [`${API}/contexts/v2/base`]: { '@context': { '@vocab': VOCAB, id: '@id', titre: `${VOCAB}overridden` } },
      [`${API}/contexts/terms`]: { '@context': { Livre: `${VOCAB}Book` } },
    });
    const client = clientOf(server.fetch, { contexts: 'same-origin' });
    const book = await client.get('/books/1');
    expect(client.registry.definitionOf(book)).toBe(Book);
    expect(urls(server.calls)).toEqual([`${API}/books/1`, `${API}/contexts/v2/French`, `${API}/contexts/v2/base`, `${API}/contexts/terms`]);
  });

  it('merges a __proto__ key of a fetched context as data, never as a prototype', async () => {
    const text = `{"@context":["/contexts/base",{"__proto__":{"polluted":true},"Livre":"${VOCAB}Book"}]}`;
    const server = api({
      [`${API}/books/1`]: livre(),
      [`${API}/contexts/French`]: () => ld(text),
      [`${API}/contexts/base`]: french({ Livre: `${VOCAB}Nothing` }),
    });
    const client = clientOf(server.fetch, { contexts: 'same-origin' });
    const book = await client.get('/books/1');
    expect(client.registry.definitionOf(book)).toBe(Book);
    const flat = client.registry.context(`${API}/contexts/French`)?.['@context'] as Record<string, unknown>;
    expect(Object.getPrototypeOf(flat)).toBe(Object.prototype);
    expect(Object.hasOwn(flat, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('refuses an untrusted context named by a trusted one, without requesting it', async () => {
    const server = api({ [`${API}/books/1`]: livre(), [`${API}/contexts/French`]: { '@context': [`${ELSEWHERE}/base`, french()['@context']] }, [`${ELSEWHERE}/base`]: { '@context': {} } });
    const error = await rejection(clientOf(server.fetch, { contexts: 'same-origin' }).get('/books/1'));
    expect(codeOf(error)).toBe('unknown_context');
    expect((error as Error).message).toBe(`The context ${ELSEWHERE}/base (named by ${API}/contexts/French) is not trusted (contexts: 'same-origin' (${API})); it is not fetched.`);
    expect(urls(server.calls)).toEqual([`${API}/books/1`, `${API}/contexts/French`]);
  });

  it('bounds the depth (contextLimits.maxDepth) and refuses a context that includes itself', async () => {
    const chain: Record<string, unknown> = { [`${API}/books/1`]: livre('/contexts/0') };
    for (let i = 0; i < 5; i++) chain[`${API}/contexts/${i}`] = { '@context': [`/contexts/${i + 1}`] };
    chain[`${API}/contexts/5`] = french();
    const deep = api(chain);
    const error = await rejection(clientOf(deep.fetch, { contexts: 'same-origin', contextLimits: { maxDepth: 2 } }).get('/books/1'));
    expect(codeOf(error)).toBe('invalid_context');
    expect((error as Error).message).toContain('nests deeper than contextLimits.maxDepth (2)');
    expect(urls(deep.calls)).toHaveLength(4); // the book, then contexts 0, 1, 2; not 3
    // Context 5 is at depth 5: past the default (4), within 5.
    expect(codeOf(await rejection(clientOf(api(chain).fetch, { contexts: 'same-origin' }).get('/books/1')))).toBe('invalid_context');
    const within = clientOf(api(chain).fetch, { contexts: 'same-origin', contextLimits: { maxDepth: 5 } });
    const book = await within.get('/books/1');
    expect(within.registry.definitionOf(book)).toBe(Book);
    const loop = api({ [`${API}/books/1`]: livre('/contexts/a'), [`${API}/contexts/a`]: { '@context': ['/contexts/b'] }, [`${API}/contexts/b`]: { '@context': ['/contexts/a'] } });
    const cycle = await rejection(clientOf(loop.fetch, { contexts: 'same-origin' }).get('/books/1'));
    expect(codeOf(cycle)).toBe('invalid_context');
    expect((cycle as Error).message).toContain('includes itself');
  });

  it('refuses what is not a context document with invalid_context naming the URL', async () => {
    const bodies: Array<[unknown, string]> = [
      [[{ '@context': {} }], 'found an array'],
      [{ '@vocab': VOCAB }, 'found an object without @context'],
      ['"just a string"', 'found string'],
      ['{not json', 'is not JSON'],
      [{ '@context': [42] }, 'its @context holds number'],
    ];
    for (const [body, message] of bodies) {
      const server = api({ [`${API}/books/1`]: livre(), [`${API}/contexts/French`]: () => ld(body) });
      const error = await rejection(clientOf(server.fetch, { contexts: 'same-origin' }).get('/books/1'));
      expect(codeOf(error), message).toBe('invalid_context');
      expect((error as HydraError).url).toBe(`${API}/contexts/French`);
      expect((error as Error).message).toContain(message);
    }
  });
});

describe('client.documentLoader (the ./jsonld interop)', () => {
  it('lets jsonld.expand read a document whose context is a trusted remote one, fetched once with decoding', async () => {
    const server = api({ [`${API}/books/1`]: livre(), [`${API}/contexts/French`]: french() });
    const client = clientOf(server.fetch, { contexts: 'same-origin' });
    await client.get('/books/1');
    const documentLoader = client.documentLoader();
    // jsonld's types want `document: JsonLd` where core's DocumentLoader (and this one) say `unknown`, as core casts too.
    const expanded = await jsonld.expand(livre() as object, { base: `${API}/books/1`, documentLoader: documentLoader as never });
    expect(expanded).toEqual([
      { '@id': `${API}/books/1`, '@type': [`${VOCAB}Book`], [`${VOCAB}title`]: [{ '@value': 'Dune' }], [`${VOCAB}borrow`]: [{ '@value': '/books/1/borrow' }] },
    ]);
    // The same store: no second request for the context.
    expect(urls(server.calls)).toEqual([`${API}/books/1`, `${API}/contexts/French`]);
  });

  it('serves built-in and registered contexts without a request, and refuses others with unknown_context', async () => {
    const server = api({ [`${ELSEWHERE}/ctx`]: french() });
    const load = clientOf(server.fetch, { contexts: 'same-origin' }).documentLoader();
    expect((await load(HYDRA_CONTEXT)).document).toMatchObject({ '@context': { hydra: HYDRA } });
    expect((await load('/contexts/Book.jsonld')).documentUrl).toBe(`${API}/contexts/Book.jsonld`);
    const error = await rejection(load(`${ELSEWHERE}/ctx`));
    expect(codeOf(error)).toBe('unknown_context');
    expect((error as Error).message).toBe(`The context ${ELSEWHERE}/ctx is not trusted (contexts: 'same-origin' (${API})); it is not fetched.`);
    expect(server.calls).toHaveLength(0);
  });

  it("works with @hyperld/core/jsonld's conversions, whose errors it keeps typed", async () => {
    const server = api({ [`${API}/contexts/French`]: french() });
    const client = clientOf(server.fetch, { contexts: 'same-origin' });
    const expanded = await toExpanded(livre(), { base: `${API}/books/1`, documentLoader: client.documentLoader() });
    expect(expanded[0]?.['@type']).toEqual([`${VOCAB}Book`]);
    const refused = await rejection(toExpanded(livre(`${ELSEWHERE}/ctx`), { base: `${API}/books/1`, documentLoader: client.documentLoader() }));
    expect(codeOf(refused)).toBe('unknown_context');
    expect(urls(server.calls)).toEqual([`${API}/contexts/French`]);
  });
});

describe('the JSON-LD context Link header of plain JSON answers', () => {
  const LINK = `<${API}/contexts/French>; rel="http://www.w3.org/ns/json-ld#context"; type="application/ld+json", </docs.jsonld>; rel="http://www.w3.org/ns/hydra/core#apiDocumentation"`;
  const { '@context': _dropped, ...bare } = livre();
  const plain = (link = LINK, type = 'application/json') => () => new Response(JSON.stringify(bare), { headers: { 'content-type': type, link } });

  it('loads a trusted linked context before decoding a plain JSON answer', async () => {
    const server = api({ [`${API}/books/1`]: plain(), [`${API}/contexts/French`]: french() });
    await clientOf(server.fetch, { contexts: 'same-origin', unknownContext: 'ignore' })
      .get('/books/1')
      .catch(() => undefined);
    expect(urls(server.calls)).toEqual([`${API}/books/1`, `${API}/contexts/French`]);
  });

  it('decodes a plain JSON answer as if its root named the linked context', async () => {
    const server = api({ [`${API}/books/1`]: plain(), [`${API}/books/2`]: plain(''), [`${API}/contexts/French`]: french() });
    const client = clientOf(server.fetch, { contexts: 'same-origin' });
    // `Livre` is a Book only in the linked context: without the header, it is no Book.
    await expect(client.getAs(Book, '/books/1')).resolves.toEqual(bare);
    expect(codeOf(await rejection(client.getAs(Book, '/books/2')))).toBe('decode_failed');
  });

  it('ignores an untrusted linked context (never fetched), and the header of a JSON-LD answer', async () => {
    const untrusted = `<${ELSEWHERE}/ctx>; rel="http://www.w3.org/ns/json-ld#context"`;
    const server = api({ [`${API}/a`]: plain(untrusted), [`${API}/b`]: plain(LINK, 'application/ld+json'), [`${API}/contexts/French`]: french() });
    const client = clientOf(server.fetch, { contexts: 'same-origin', unknownContext: 'ignore' });
    for (const path of ['/a', '/b']) await client.get(path).catch(() => undefined);
    expect(urls(server.calls)).toEqual([`${API}/a`, `${API}/b`]);
  });

  it('refuses an answer naming two JSON-LD contexts in its Link header', async () => {
    const two = `<${API}/contexts/French>; rel="http://www.w3.org/ns/json-ld#context", <${API}/contexts/Other>; rel="http://www.w3.org/ns/json-ld#context"`;
    const server = api({ [`${API}/books/1`]: plain(two), [`${API}/contexts/French`]: french() });
    const error = await rejection(clientOf(server.fetch, { contexts: 'same-origin' }).get('/books/1'));
    expect(codeOf(error)).toBe('decode_failed');
    expect((error as Error).message).toContain('names 2 JSON-LD contexts in its Link header');
    expect(urls(server.calls)).toEqual([`${API}/books/1`]);
  });
});

describe('ContextStore.contextsFor (for readers that resolve contexts synchronously)', () => {
  it('loads the usable contexts a JSON value names anywhere, and never an untrusted one', async () => {
    const server = api({ [`${API}/contexts/French`]: french(), [`${API}/contexts/Doc`]: { '@context': { doc: 'hydra:apiDocumentation' } } });
    const transport = new Transport({ baseUrl: `${API}/`, fetch: server.fetch });
    const store = new ContextStore(registry, new Trust('same-origin', API), transport, { retries: 0, delay: 1 }, {});
    const doc = { '@context': ['/contexts/Doc', HYDRA_CONTEXT], supportedClass: [{ '@context': '/contexts/French' }, { '@context': `${ELSEWHERE}/x` }] };
    const loaded = await store.contextsFor(doc, `${API}/docs.jsonld`, undefined);
    expect(loaded.context(`${API}/contexts/French`)).toEqual(french());
    expect(loaded.context('/contexts/Doc', `${API}/docs.jsonld`)).toBeDefined();
    expect(loaded.context(`${ELSEWHERE}/x`)).toBeUndefined();
    expect(urls(server.calls).sort()).toEqual([`${API}/contexts/Doc`, `${API}/contexts/French`]);
    // Known now: nothing more is fetched.
    expect(await store.contextsFor(doc, `${API}/docs.jsonld`, undefined)).toBe(store.registry);
    expect(server.calls).toHaveLength(2);
  });
});

describe('operations from an API documentation in remote contexts', () => {
  const BOOKS = 'https://books.example';
  const DOC_LINK = '</docs.jsonld>; rel="http://www.w3.org/ns/hydra/core#apiDocumentation"';

  /** API Platform 3.x's shape with its contexts served apart: the documentation's and the entrypoint's. */
  function bookshop() {
    const { '@context': docContext, ...docs } = apiPlatform3();
    const entrypointContext = { '@vocab': `${BOOKS}/docs.jsonld#`, schema: SCHEMA, book: { '@id': 'Entrypoint/book', '@type': '@id' } };
    return fakeFetch((call) => {
      const path = new URL(call.url).pathname;
      if (path === '/docs.jsonld') return ld({ '@context': '/contexts/ApiDocumentation', ...docs });
      if (path === '/contexts/ApiDocumentation') return ld({ '@context': docContext });
      if (path === '/contexts/Entrypoint') return ld({ '@context': entrypointContext });
      if (path === '/') return ld({ '@context': '/contexts/Entrypoint', '@id': '/', '@type': 'Entrypoint', book: '/books' }, { link: DOC_LINK });
      return ld({ title: 'Not Found' }, {}, 404);
    });
  }

  it('loads the trusted contexts the documentation names before reading it, once', async () => {
    const server = bookshop();
    const c = createClient({ baseUrl: `${BOOKS}/`, registry: hydraRegistry, fetch: server.fetch, contexts: 'same-origin' });
    const home = await c.get('/');
    expect((await c.operations(home)).map((op) => [op.name, op.method, op.target])).toEqual([
      ['GET self', 'GET', `${BOOKS}/`],
      ['GET book', 'GET', `${BOOKS}/books`],
      ['POST book', 'POST', `${BOOKS}/books`],
    ]);
    await c.operations(home);
    expect(urls(server.calls).map((u) => new URL(u).pathname)).toEqual(['/', '/contexts/Entrypoint', '/docs.jsonld', '/contexts/ApiDocumentation']);
  });

  it("fetches none of them under 'registered'", async () => {
    const server = bookshop();
    const c = createClient({ baseUrl: `${BOOKS}/`, registry: hydraRegistry, fetch: server.fetch, unknownContext: 'ignore' });
    const home = await c.get('/');
    await c.operations(home).catch(() => undefined);
    expect(urls(server.calls).map((u) => new URL(u).pathname)).toEqual(['/', '/docs.jsonld']);
  });
});

describe('valueAt', () => {
  it('reads the value at a decode path, and nothing at a path that is not there', () => {
    const doc = { '@context': ['a', 'b'], members: [{ 'odd key': { '@context': 'c' } }] };
    expect(valueAt(doc, '$["@context"][1]')).toBe('b');
    expect(valueAt(doc, '$.members[0]["odd key"]["@context"]')).toBe('c');
    expect(valueAt(doc, '$')).toBe(doc);
    for (const path of ['$.members[1]', '$.nothing', '$["@context"].length', '$.members.0', 'members', '$[0]', '$.__proto__']) expect(valueAt(doc, path), path).toBeUndefined();
  });
});
