/**
 * Issue 16, end to end: the client reads any Hydra API. Against each fixture API
 * (`test/fixture-apis/`: API Platform 3.x, API Platform 4.x and hydra-box/kopflos shapes over
 * loopback) a generic client — `hydraRegistry`, same-origin contexts, no hand-written types —
 * pages through every member forward and backward, jumps to the last page and (where the API
 * has a `hydra:pageIndex` template) to page 3, finds the operations the API documentation
 * gives (the collection's POST on the entrypoint's link, an item's PUT and DELETE), invokes a
 * create and reads what it made, reads the violation list of a create with a bad body, searches
 * by title, and never sends a request anywhere but the API's own origin (the W3C Hydra context
 * is built in: never fetched; the API's own contexts and documentation are fetched once).
 *
 * @module
 */
import { hydraRegistry, membersOf, pageLinksOf, totalItemsOf, viewOf } from '@hyperld/hydra';
import { createClient, isHttpError } from '@hyperld/hydra/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiPlatform3, startApiPlatform4 } from './fixture-apis/api-platform.js';
import { startHydraBox } from './fixture-apis/hydra-box.js';
import { NOT_BLANK } from './fixture-apis/library.js';
import type { FixtureApi } from './fixture-apis/loopback.js';
import { type OfflineNetwork, offlineNetwork } from './helpers/offline-network.js';

const H = 'http://www.w3.org/ns/hydra/core#';

/** The fixture APIs, with what a test must know of each before it starts. */
const FIXTURES: readonly {
  readonly name: string;
  readonly start: () => Promise<FixtureApi>;
  /** Whether its collections carry a template mapping `hydra:pageIndex` (for `client.page`). */
  readonly pageIndexTemplate: boolean;
  /** Whether the collection's class (not only the entrypoint's link) declares the POST. */
  readonly classLevelCreate: boolean;
  /** The IRI of its Book class. */
  bookClass(origin: string): string;
}[] = [
  { name: 'API Platform 3.x', start: startApiPlatform3, pageIndexTemplate: false, classLevelCreate: false, bookClass: (o) => `${o}/docs.jsonld#Book` },
  { name: 'API Platform 4.x', start: startApiPlatform4, pageIndexTemplate: false, classLevelCreate: false, bookClass: (o) => `${o}/docs.jsonld#Book` },
  { name: 'hydra-box / kopflos', start: startHydraBox, pageIndexTemplate: true, classLevelCreate: true, bookClass: () => 'http://schema.org/Book' },
];

/** A node's `@id`, resolved against the document it came in. */
function iriOf(node: unknown, base: string): string {
  const id = (node as Record<string, unknown>)['@id'];
  if (typeof id !== 'string') throw new Error(`no @id in ${JSON.stringify(node).slice(0, 200)}`);
  return new URL(id, base).href;
}

for (const fixture of FIXTURES) {
  describe(`a generic client on the ${fixture.name} fixture`, () => {
    let api: FixtureApi;
    let network: OfflineNetwork;
    let client: ReturnType<typeof generic>;

    /** The client the issue asks for: no types of the API's own, trusting contexts of its origin only. */
    function generic(baseUrl: string, fetch: typeof globalThis.fetch) {
      return createClient({ baseUrl, registry: hydraRegistry, contexts: 'same-origin', fetch });
    }

    /** The books in the fixture's order, as absolute IRIs. */
    const expectedIds = () => api.library.list().map((b) => api.bookIri(b.id));

    beforeAll(async () => {
      api = await fixture.start();
      // No published documents: a client that fetched the W3C context would be refused, and logged.
      network = offlineNetwork({ allow: [api.url], documents: {} });
      client = generic(api.url, network.fetch);
    });

    afterAll(async () => {
      await api?.close();
    });

    it('pages forward through every member: as many as totalItems, in the API’s order, one request per page', async () => {
      const first = await client.get(api.books);
      expect(totalItemsOf(first)).toBe(23);
      const ids: string[] = [];
      for await (const member of client.members(first)) ids.push(iriOf(member, api.books));
      expect(ids).toHaveLength(23);
      expect(ids).toEqual(expectedIds());
      const views: string[] = [];
      for await (const page of client.pages(api.books)) views.push(iriOf(viewOf(page), api.books));
      expect(views).toEqual([1, 2, 3].map((n) => `${api.books}?page=${n}`));
    });

    it('pages backward from the last page to the first, by the previous links', async () => {
      const first = await client.get(api.books);
      const views: string[] = [];
      const perPage: string[][] = [];
      for await (const page of client.pages(first, { direction: 'backward', from: 'last' })) {
        views.push(iriOf(viewOf(page), api.books));
        perPage.push(membersOf(page).map((m) => iriOf(m, api.books)));
      }
      expect(views).toEqual([3, 2, 1].map((n) => `${api.books}?page=${n}`));
      expect(perPage.flat().sort()).toEqual([...expectedIds()].sort());
      const members: string[] = [];
      for await (const member of client.members(first, { direction: 'backward', from: 'last' })) members.push(iriOf(member, api.books));
      expect(members).toHaveLength(23);
      // Backward is either every member last to first, or the pages last to first (each in its own order).
      expect([[...expectedIds()].reverse(), perPage.flat()]).toContainEqual(members);
    });

    it('jumps to the last page, which the first page names', async () => {
      const first = await client.get(api.books);
      expect(pageLinksOf(first).last).toBe(`${api.books}?page=3`);
      const pages: unknown[] = [];
      for await (const page of client.pages(first, { from: 'last', limit: 1 })) pages.push(page);
      expect(pages).toHaveLength(1);
      expect(iriOf(viewOf(pages[0] as object), api.books)).toBe(`${api.books}?page=3`);
      const ids: string[] = [];
      for await (const member of client.members(first, { from: 'last' })) ids.push(iriOf(member, api.books));
      expect(ids).toEqual(expectedIds().slice(20));
    });

    it.runIf(fixture.pageIndexTemplate)('opens page 3 through the hydra:pageIndex template', async () => {
      const first = await client.get(api.books);
      const before = api.requests.length;
      const third = await client.page(first, 3);
      expect(api.requests.slice(before).map((r) => `${r.method} ${r.url}`)).toEqual([`GET ${api.books}?page=3`]);
      expect(iriOf(viewOf(third), api.books)).toBe(`${api.books}?page=3`);
      expect(membersOf(third).map((m) => iriOf(m, api.books))).toEqual(expectedIds().slice(20));
    });

    it('searches by title: the template expanded against the collection, the resulting page decoded', async () => {
      const first = await client.get(api.books);
      const found = await client.search(first, { title: 'dune' });
      expect(api.requests.some((r) => r.method === 'GET' && r.url === `${api.books}?title=dune`)).toBe(true);
      expect(totalItemsOf(found)).toBe(6);
      const ids: string[] = [];
      for await (const member of client.members(found)) ids.push(iriOf(member, api.books));
      expect(ids).toEqual([1, 5, 9, 13, 17, 21].map((id) => api.bookIri(id)));
    });

    it('lists the operations the API documentation gives: the books’ POST on the entrypoint’s link, GET/PUT/DELETE on a book', async () => {
      const origin = api.url;
      const entrypoint = await client.get(api.entrypoint);
      const offered = await client.operations(entrypoint);
      const post = offered.find((op) => op.method === 'POST');
      expect(post).toMatchObject({ method: 'POST', target: api.books, state: 'available', source: 'link', expects: fixture.bookClass(origin), returns: fixture.bookClass(origin) });
      expect(offered.filter((op) => op.target === api.books).map((op) => op.method)).toEqual(['GET', 'POST']);

      const collection = await client.get(api.books);
      const onCollection = (await client.operations(collection)).filter((op) => op.method === 'POST');
      if (fixture.classLevelCreate) expect(onCollection).toMatchObject([{ target: api.books, source: 'class', state: 'available' }]);

      const book = await client.get(api.bookIri(1));
      const onBook = await client.operations(book);
      for (const method of ['GET', 'PUT', 'DELETE']) {
        expect(onBook.find((op) => op.method === method), method).toMatchObject({ target: api.bookIri(1), state: 'available', source: 'class' });
      }
      expect(onBook.find((op) => op.method === 'PUT')?.expects).toBe(fixture.bookClass(origin));

      // A member of a page is a node of that page's answer: the same documentation applies.
      const member = membersOf(collection)[0] as object;
      expect((await client.operations(member)).map((op) => `${op.method} ${op.target}`)).toEqual(
        expect.arrayContaining([`PUT ${api.bookIri(1)}`, `DELETE ${api.bookIri(1)}`]),
      );
    });

    it('invokes the create, reads the created book back, replaces it and deletes it', async () => {
      const origin = api.url;
      const entrypoint = await client.get(api.entrypoint);
      const post = (await client.operations(entrypoint)).find((op) => op.method === 'POST' && op.target === api.books);
      if (!post) throw new Error('no POST on the entrypoint');
      const count = api.library.list().length;
      const created = await client.invoke(entrypoint, post, { title: 'The Word for World Is Forest', author: `${origin}/authors/2`, year: 1972 });
      expect(api.library.list()).toHaveLength(count + 1);
      const iri = iriOf(created, api.books);
      const stored = api.library.list({ title: 'Word for World' });
      expect(stored).toHaveLength(1);
      expect(iri).toBe(api.bookIri(stored[0]?.id ?? -1));
      const read = await client.get(iri);
      expect((read as Record<string, unknown>)['title']).toBe('The Word for World Is Forest');

      const put = (await client.operations(read)).find((op) => op.method === 'PUT');
      if (!put) throw new Error('no PUT on the created book');
      const replaced = await client.invoke(read, put, { title: 'The Word for World is Forest', author: `${origin}/authors/2`, year: 1976 });
      expect((replaced as Record<string, unknown>)['year']).toBe(1976);
      expect(api.library.book(stored[0]?.id ?? -1)?.year).toBe(1976);

      const del = (await client.operations(replaced as object)).find((op) => op.method === 'DELETE');
      if (!del) throw new Error('no DELETE on the created book');
      expect(await client.invoke(replaced as object, del)).toBeUndefined();
      expect(api.library.list()).toHaveLength(count);
      const gone = await client.get(iri).catch((error: unknown) => error);
      expect(isHttpError(gone) && gone.status).toBe(404);
    });

    it('reads the violation list of a create without a title, and creates nothing', async () => {
      const entrypoint = await client.get(api.entrypoint);
      const post = (await client.operations(entrypoint)).find((op) => op.method === 'POST' && op.target === api.books);
      if (!post) throw new Error('no POST on the entrypoint');
      const count = api.library.list().length;
      const error = await client.invoke(entrypoint, post, { author: `${api.url}/authors/1` }).catch((caught: unknown) => caught);
      if (!isHttpError(error)) throw new Error(`expected an HttpError, got ${String(error)}`);
      expect(error.status).toBe(422);
      expect(error.violations).toEqual([expect.objectContaining({ propertyPath: 'title', message: 'This value should not be blank.', code: NOT_BLANK })]);
      expect(api.library.list()).toHaveLength(count);
    });

    it('sent nothing to another origin, never fetched the W3C context, and fetched each context and the documentation once', () => {
      expect(network.refused).toEqual([]);
      expect(network.served).toEqual([]);
      expect(network.passed.every((request) => request.split(' ')[1]?.startsWith(`${api.url}/`))).toBe(true);
      const gets = (url: string) => api.requests.filter((r) => r.method === 'GET' && r.url === url && r.ifNoneMatch === undefined).length;
      expect(gets(api.apiDocumentation)).toBe(1);
      for (const context of api.contexts) expect(gets(context), context).toBeLessThanOrEqual(1);
      if (api.contexts.length > 0) expect(api.requests.some((r) => api.contexts.includes(r.url))).toBe(true);
      expect(api.requests.every((r) => !r.url.includes(H))).toBe(true);
    });
  });
}
