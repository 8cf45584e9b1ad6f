/**
 * The fixture APIs are what they claim to be: every document each one serves is JSON-LD that
 * jsonld.js expands (offline: the fixture's own contexts from its loopback origin, the W3C
 * contexts from `@hyperld/hydra`'s copies, anything else refused) to the Hydra IRIs its producer
 * means — member, totalItems, view and its page links, search and its mappings, the API
 * documentation's links and operations — and Alcaeus, a generic Hydra client, reads each
 * entrypoint, collection and book there: members, total, pages, and the operations the API
 * documentation gives them. Plus what the HTTP side promises: the apiDocumentation `Link` on
 * every answer, cacheable contexts, 201/204/404/405/422 as each producer answers them.
 *
 * @module
 */
import { HYDRA_CONTEXT, HYDRA_CONTEXT_DOCUMENT, HYDRA_ERROR_CONTEXT, HYDRA_ERROR_CONTEXT_DOCUMENT } from '@hyperld/hydra';
import rdf, { Environment } from '@zazuko/env-node';
import create, { type RuntimeOperation } from 'alcaeus';
import jsonld from 'jsonld';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OfflineNetwork, offlineNetwork, PUBLISHED_CONTEXTS } from '../helpers/offline-network.js';
import { startApiPlatform3, startApiPlatform4 } from './api-platform.js';
import { startHydraBox } from './hydra-box.js';
import { NOT_BLANK, PAGE_SIZE } from './library.js';
import type { FixtureApi } from './loopback.js';

const H = 'http://www.w3.org/ns/hydra/core#';
const XSD = 'http://www.w3.org/2001/XMLSchema#';
type Node = Record<string, unknown>;

/** What differs between the shapes, as IRIs a JSON-LD processor must find. */
interface Shape {
  readonly start: () => Promise<FixtureApi>;
  /** The IRI of the entrypoint's property linking the books. */
  bookLink(origin: string): string;
  /** The IRI of the Book class (members' `@type`, the API documentation's class). */
  bookClass(origin: string): string;
  /** The IRI of the entrypoint's class. */
  entrypointClass(origin: string): string;
  /** The IRI of `schema:name` as the shape writes it (schema.org over https or http). */
  readonly name: string;
  /** The key the search mappings' `variable` expands to (API Platform 3.x: under its @vocab). */
  variableKey(origin: string): string;
  /** The media type of a 422. */
  readonly errorType: string;
  /** The search template of `/books`. */
  template(origin: string): string;
  /**
   * Whether links outside the context's own terms are string literals: API Platform 3.x's
   * contexts define only `@vocab` and the `hydra` prefix, so `hydra:next: "/books?page=2"` (and
   * `hydra:entrypoint`) expand to a literal, not an IRI: a reader must take them by key.
   */
  readonly literalLinks: boolean;
  /** The keys of a collection page, in order, and its `@type` and `@context` as sent. */
  readonly page: { readonly keys: readonly string[]; readonly type: unknown; context(origin: string): unknown };
  /** How a member's `@id` is written: relative (`/books/1`) or absolute. */
  readonly relativeIds: boolean;
}

const apiPlatform = (line: 3 | 4): Shape => ({
  start: line === 3 ? startApiPlatform3 : startApiPlatform4,
  bookLink: (o) => `${o}/docs.jsonld#Entrypoint/book`,
  bookClass: (o) => `${o}/docs.jsonld#Book`,
  entrypointClass: (o) => `${o}/docs.jsonld#Entrypoint`,
  name: 'https://schema.org/name',
  // 3.x writes the mappings' keys unprefixed under a context with no Hydra terms, so they land
  // under its @vocab: what a client reading by IRI meets on a real 3.x server.
  variableKey: (o) => (line === 3 ? `${o}/docs.jsonld#variable` : `${H}variable`),
  errorType: line === 3 ? 'application/ld+json; charset=utf-8' : 'application/problem+json; charset=utf-8',
  template: () => '/books{?title,author}',
  literalLinks: line === 3,
  page:
    line === 3
      ? { keys: ['@context', '@id', '@type', 'hydra:member', 'hydra:totalItems', 'hydra:view', 'hydra:search'], type: 'hydra:Collection', context: () => '/contexts/Book' }
      : { keys: ['@context', '@id', '@type', 'member', 'totalItems', 'view', 'search'], type: 'Collection', context: () => '/contexts/Book' },
  relativeIds: true,
});

const SHAPES: readonly (readonly [string, Shape])[] = [
  ['API Platform 3.x', apiPlatform(3)],
  ['API Platform 4.x', apiPlatform(4)],
  [
    'hydra-box / kopflos',
    {
      start: startHydraBox,
      bookLink: (o) => `${o}/vocab#books`,
      bookClass: () => 'http://schema.org/Book',
      entrypointClass: (o) => `${o}/vocab#EntryPoint`,
      name: 'http://schema.org/name',
      variableKey: () => `${H}variable`,
      errorType: 'application/ld+json; charset=utf-8',
      template: (o) => `${o}/books{?title,author,page}`,
      literalLinks: false,
      page: {
        keys: ['@context', '@id', '@type', 'memberAssertion', 'totalItems', 'member', 'view', 'search'],
        type: ['Collection', 'BookCollection'],
        context: (o) => [HYDRA_CONTEXT, expect.objectContaining({ vocab: `${o}/vocab#`, title: 'schema:name' })],
      },
      relativeIds: false,
    },
  ],
];

/** The `@id`s of a list of expanded nodes. */
const ids = (nodes: unknown): string[] => (nodes as Node[]).map((n) => n['@id'] as string);
/** The one value of an expanded property. */
const one = (node: Node, key: string): Node => {
  const values = node[key] as Node[] | undefined;
  expect(values, key).toHaveLength(1);
  return (values as Node[])[0] as Node;
};

for (const [label, shape] of SHAPES) {
  describe(`${label} fixture`, () => {
    let api: FixtureApi;
    let origin: string;
    const loaded: string[] = [];

    /** jsonld.js's loader: the fixture's own URLs over loopback, the W3C contexts from the project's copies, nothing else. */
    const documentLoader = async (url: string) => {
      loaded.push(url);
      const published: Record<string, unknown> = { [HYDRA_CONTEXT]: HYDRA_CONTEXT_DOCUMENT, [HYDRA_ERROR_CONTEXT]: HYDRA_ERROR_CONTEXT_DOCUMENT };
      if (Object.hasOwn(published, url)) return { contextUrl: undefined, documentUrl: url, document: structuredClone(published[url]) };
      if (new URL(url).origin !== origin) throw new Error(`offline: refusing to load ${url}`);
      const answer = await fetch(url);
      expect(answer.status, url).toBe(200);
      return { contextUrl: undefined, documentUrl: url, document: await answer.json() };
    };

    /** GET, then expand under the offline loader. */
    async function expanded(url: string, init?: RequestInit): Promise<{ status: number; headers: Headers; body: Node; graph: Node[] }> {
      const answer = await fetch(url, { headers: { accept: 'application/ld+json' }, ...init });
      const body = (await answer.json()) as Node;
      const graph = (await jsonld.expand(structuredClone(body) as jsonld.JsonLdDocument, { base: url, documentLoader } as never)) as unknown as Node[];
      return { status: answer.status, headers: answer.headers, body, graph };
    }

    /** The root node of an expanded document (the one with the document's `@id`). */
    function root(graph: Node[], id: string): Node {
      const found = graph.find((n) => n['@id'] === id);
      if (!found) throw new Error(`no node ${id} in ${JSON.stringify(graph).slice(0, 400)}`);
      return found;
    }

    /** A link's target: an IRI, or under {@link Shape.literalLinks} a string resolved against the document. */
    function link(node: Node, key: string, base: string): string {
      const value = one(node, key);
      if (!shape.literalLinks) return value['@id'] as string;
      expect(value['@id'], key).toBeUndefined();
      return new URL(value['@value'] as string, base).href;
    }

    beforeAll(async () => {
      api = await shape.start();
      origin = api.url;
    });
    afterAll(async () => {
      await api?.close();
    });

    it('answers a collection page in its producer’s wire shape (keys, @type, @context, member ids as written)', async () => {
      const body = (await (await fetch(api.books)).json()) as Node;
      expect(Object.keys(body)).toEqual(shape.page.keys);
      expect(body['@type']).toEqual(shape.page.type);
      expect(body['@context']).toEqual(shape.page.context(origin));
      const member = ((body['member'] ?? body['hydra:member']) as Node[])[0] as Node;
      expect(member['@id']).toBe(shape.relativeIds ? '/books/1' : api.bookIri(1));
      expect(member['@context']).toBeUndefined();
    });

    it('entrypoint: links the book collection under the shape’s own property IRI', async () => {
      const { status, graph } = await expanded(api.entrypoint);
      expect(status).toBe(200);
      const entrypoint = root(graph, api.entrypoint);
      expect(entrypoint[shape.bookLink(origin)]).toEqual([{ '@id': api.books }]);
      expect(entrypoint['@type']).toEqual([shape.entrypointClass(origin)]);
    });

    it('collection: member, totalItems, view with page links, and search expand to the Hydra IRIs, page by page', async () => {
      const seen: string[] = [];
      const views: string[] = [];
      let url: string | undefined = api.books;
      let previous: string | undefined;
      for (let pages = 0; url !== undefined; pages++) {
        expect(pages, 'more pages than 23 books fill').toBeLessThan(3);
        const { graph } = await expanded(url);
        const collection = root(graph, api.books);
        expect(collection['@type']).toContain(`${H}Collection`);
        expect(collection[`${H}totalItems`]).toEqual([{ '@value': 23 }]);
        const members = collection[`${H}member`] as Node[];
        expect(members.length).toBe(pages < 2 ? PAGE_SIZE : 3);
        for (const member of members) expect(member['@type']).toEqual([shape.bookClass(origin)]);
        seen.push(...ids(members));
        const view = one(collection, `${H}view`);
        expect(view['@type']).toEqual([`${H}PartialCollectionView`]);
        expect(view['@id']).toBe(`${api.books}?page=${pages + 1}`);
        expect(link(view, `${H}first`, url)).toBe(`${api.books}?page=1`);
        expect(link(view, `${H}last`, url)).toBe(`${api.books}?page=3`);
        if (previous === undefined) expect(view[`${H}previous`]).toBeUndefined();
        else expect(link(view, `${H}previous`, url)).toBe(previous);
        if (api.pageIndexTemplate) expect(view[`${H}pageIndex`]).toEqual([{ '@value': pages + 1, '@type': `${XSD}nonNegativeInteger` }]);
        const search = one(collection, `${H}search`);
        expect(search['@type']).toEqual([`${H}IriTemplate`]);
        expect(search[`${H}template`]).toEqual([{ '@value': shape.template(origin) }]);
        const variables = (search[`${H}mapping`] as Node[]).map((m) => (m[shape.variableKey(origin)] as Node[] | undefined)?.[0]?.['@value']);
        expect(variables.slice(0, 2)).toEqual(['title', 'author']);
        views.push(view['@id'] as string);
        previous = view['@id'] as string;
        url = view[`${H}next`] ? link(view, `${H}next`, url) : undefined;
      }
      expect(seen).toEqual(Array.from({ length: 23 }, (_, i) => api.bookIri(i + 1)));
      expect(views).toHaveLength(3);
    });

    it('search mappings name the property each variable filters (and, for hydra-box, hydra:pageIndex)', async () => {
      const { graph } = await expanded(api.books);
      const mapping = one(root(graph, api.books), `${H}search`)[`${H}mapping`] as Node[];
      if (label === 'API Platform 3.x') {
        // The property is a plain string under the 3.x context ("title"), not an IRI.
        expect(mapping.map((m) => m[`${origin}/docs.jsonld#property`])).toEqual([[{ '@value': 'title' }], [{ '@value': 'author' }]]);
        return;
      }
      expect(one(mapping[0] as Node, `${H}property`)['@id']).toBe(shape.name);
      expect(mapping.map((m) => m[`${H}required`])).toEqual(mapping.map(() => [{ '@value': false }]));
      if (api.pageIndexTemplate) {
        const page = mapping.find((m) => (m[`${H}variable`] as Node[])[0]?.['@value'] === 'page') as Node;
        expect(one(page, `${H}property`)['@id']).toBe(`${H}pageIndex`);
      }
    });

    it.runIf(label === 'hydra-box / kopflos')('collection: hydra:memberAssertion names the members’ class', async () => {
      const { graph } = await expanded(api.books);
      const assertion = one(root(graph, api.books), `${H}memberAssertion`);
      expect(one(assertion, `${H}property`)['@id']).toBe('http://www.w3.org/1999/02/22-rdf-syntax-ns#type');
      expect(one(assertion, `${H}object`)['@id']).toBe(shape.bookClass(origin));
    });

    it('search: the template filters by title and by author', async () => {
      const dune = await expanded(`${api.books}?title=dune`);
      const found = root(dune.graph, api.books);
      expect(found[`${H}totalItems`]).toEqual([{ '@value': 6 }]);
      expect(ids(found[`${H}member`])).toEqual([1, 5, 9, 13, 17, 21].map((id) => api.bookIri(id)));
      const byAuthor = await expanded(`${api.books}?author=${encodeURIComponent(`${origin}/authors/4`)}`);
      expect(ids(root(byAuthor.graph, api.books)[`${H}member`])).toEqual([4, 8, 12, 16, 20].map((id) => api.bookIri(id)));
    });

    it('API documentation: the entrypoint’s hydra:Link to the books carries GET and POST; the Book class carries GET, PUT, DELETE', async () => {
      const { graph, headers } = await expanded(api.apiDocumentation);
      expect(headers.get('link')).toContain(`<${api.apiDocumentation}>; rel="${H}apiDocumentation"`);
      const doc = root(graph, api.apiDocumentation);
      expect(doc['@type']).toEqual([`${H}ApiDocumentation`]);
      expect(link(doc, `${H}entrypoint`, api.apiDocumentation)).toBe(api.entrypoint);
      const classes = doc[`${H}supportedClass`] as Node[];
      const cls = (iri: string) => classes.find((c) => c['@id'] === iri) as Node;
      const methods = (node: Node) => ((node[`${H}supportedOperation`] as Node[]) ?? []).map((op) => one(op, `${H}method`)['@value']);
      const entrypoint = cls(shape.entrypointClass(origin));
      expect(entrypoint, 'entrypoint class').toBeDefined();
      const books = (entrypoint[`${H}supportedProperty`] as Node[]).map((sp) => one(sp, `${H}property`)).find((p) => p['@id'] === shape.bookLink(origin)) as Node;
      expect(books['@type']).toContain(`${H}Link`);
      expect(methods(books)).toEqual(['GET', 'POST']);
      const post = (books[`${H}supportedOperation`] as Node[])[1] as Node;
      expect(one(post, `${H}expects`)['@id']).toBe(shape.bookClass(origin));
      expect(one(post, `${H}returns`)['@id']).toBe(shape.bookClass(origin));
      const book = cls(shape.bookClass(origin));
      expect(methods(book)).toEqual(['GET', 'PUT', 'DELETE']);
      const title = (book[`${H}supportedProperty`] as Node[]).find((sp) => one(sp, `${H}property`)['@id'] === shape.name) as Node;
      expect(title[`${H}required`]).toEqual([{ '@value': true }]);
    });

    it('item: GET, PUT and DELETE as the API documentation says, with 404 after the delete', async () => {
      const url = api.bookIri(2);
      const got = await expanded(url);
      expect(got.status).toBe(200);
      expect(root(got.graph, url)['@type']).toEqual([shape.bookClass(origin)]);
      expect(root(got.graph, url)[shape.name]).toEqual([{ '@value': 'A Wizard of Earthsea' }]);
      const put = await expanded(url, {
        method: 'PUT',
        headers: { accept: 'application/ld+json', 'content-type': 'application/ld+json' },
        body: JSON.stringify({ title: 'A Wizard of Earthsea (revised)', author: `${origin}/authors/2`, year: 1968 }),
      });
      expect(put.status).toBe(200);
      expect(root(put.graph, url)[shape.name]).toEqual([{ '@value': 'A Wizard of Earthsea (revised)' }]);
      expect(api.library.book(2)?.title).toBe('A Wizard of Earthsea (revised)');
      expect((await fetch(url, { method: 'DELETE' })).status).toBe(204);
      const gone = await fetch(url);
      expect(gone.status).toBe(404);
      expect(gone.headers.get('link')).toContain(`rel="${H}apiDocumentation"`);
      // Put it back for the tests after this one.
      api.library.create({ title: 'A Wizard of Earthsea', author: '/authors/2', year: 1968 });
    });

    it('create: 201 with Location and the created book; a body without title is a 422 listing the violation', async () => {
      const created = await fetch(api.books, {
        method: 'POST',
        headers: { accept: 'application/ld+json', 'content-type': 'application/ld+json' },
        body: JSON.stringify({ title: 'The Word for World Is Forest', author: `${origin}/authors/2`, year: 1972 }),
      });
      expect(created.status).toBe(201);
      const location = new URL(created.headers.get('location') ?? '', api.books).href;
      const body = (await created.json()) as Node;
      expect(new URL(body['@id'] as string, api.books).href).toBe(location);
      expect((await fetch(location)).status).toBe(200);

      const invalid = await expanded(api.books, {
        method: 'POST',
        headers: { accept: 'application/ld+json', 'content-type': 'application/ld+json' },
        body: JSON.stringify({ author: `${origin}/authors/1` }),
      });
      expect(invalid.status).toBe(422);
      expect(invalid.headers.get('content-type')).toBe(shape.errorType);
      expect(invalid.body['violations']).toEqual([{ propertyPath: 'title', message: 'This value should not be blank.', code: NOT_BLANK }]);
      expect(invalid.graph.length).toBeGreaterThan(0);
      const unknownAuthor = await fetch(api.books, { method: 'POST', body: JSON.stringify({ title: 'x', author: `${origin}/authors/99` }) });
      expect(unknownAuthor.status).toBe(422);
      expect(((await unknownAuthor.json()) as Node)['violations']).toMatchObject([{ propertyPath: 'author' }]);
    });

    it('every answer names the API documentation; contexts are cacheable and revalidate to 304; 405 says Allow', async () => {
      for (const url of [api.entrypoint, api.books, api.bookIri(1), api.apiDocumentation, ...api.contexts, `${origin}/nowhere`]) {
        const answer = await fetch(url);
        await answer.arrayBuffer();
        expect(answer.headers.get('link'), url).toContain(`<${api.apiDocumentation}>; rel="${H}apiDocumentation"`);
      }
      for (const url of api.contexts) {
        const first = await fetch(url);
        expect(first.headers.get('content-type')).toBe('application/ld+json; charset=utf-8');
        expect(first.headers.get('cache-control')).toMatch(/max-age=\d+/);
        const etag = first.headers.get('etag');
        expect(etag).toMatch(/^"[^"]+"$/);
        const again = await fetch(url, { headers: { 'if-none-match': etag ?? '' } });
        expect(again.status).toBe(304);
      }
      const wrong = await fetch(api.bookIri(1), { method: 'PATCH' });
      expect(wrong.status).toBe(405);
      expect(wrong.headers.get('allow')).toBe('GET, PUT, DELETE');
    });

    it('jsonld.js loaded only the fixture’s contexts and the published ones, never another URL', () => {
      expect(loaded.length).toBeGreaterThan(0);
      for (const url of loaded) expect([origin, new URL(HYDRA_CONTEXT).origin]).toContain(new URL(url).origin);
      if (api.contexts.length === 0) expect(loaded.every((url) => url === HYDRA_CONTEXT || url === HYDRA_ERROR_CONTEXT)).toBe(true);
    });

    describe('read by Alcaeus', () => {
      let network: OfflineNetwork;
      let restore: () => void;
      let env: Alcaeus;
      beforeAll(() => {
        network = offlineNetwork({ allow: [origin], documents: PUBLISHED_CONTEXTS });
        // Alcaeus's JSON-LD parser loads remote contexts with the global fetch.
        restore = network.install();
        env = alcaeusOn(network.fetch);
      });
      afterAll(() => {
        restore?.();
        expect(network.refused).toEqual([]);
      });

      async function load(url: string) {
        const { response, representation } = await env.hydra.loadResource(url);
        expect(response?.xhr.status, `GET ${url}`).toBe(200);
        const found = representation?.root;
        if (!found) throw new Error(`Alcaeus found no root resource in ${url}`);
        return found;
      }

      /** The next page's URL. Under API Platform 3.x's contexts hydra:next is a string literal, not a resource. */
      function nextOf(page: Awaited<ReturnType<typeof load>>): string | undefined {
        const view = page.get(`${H}view`);
        const next = shape.literalLinks ? view?.getString(`${H}next`) : view?.get(`${H}next`)?.id.value;
        return next ?? undefined;
      }

      it('pages the collection: 10 members of 23, next page to the end', async () => {
        const first = await load(api.books);
        expect(first.getArray(`${H}member`)).toHaveLength(PAGE_SIZE);
        expect(first.getNumber(`${H}totalItems`)).toBe(api.library.list().length);
        const members: string[] = [];
        let page: typeof first | undefined = first;
        for (let n = 0; page; n++) {
          expect(n).toBeLessThan(3);
          members.push(...page.getArray(`${H}member`).map((m) => m.id.value));
          const next = nextOf(page);
          page = next ? await load(new URL(next, api.books).href) : undefined;
        }
        expect(members).toHaveLength(api.library.list().length);
      }, 60_000);

      it('finds the POST on the entrypoint’s link to the books, and PUT/DELETE on a book', async () => {
        const entrypoint = await load(api.entrypoint);
        const operations = entrypoint.getLinks().flatMap(({ resources }) => resources.flatMap((r) => (r as unknown as { operations: RuntimeOperation[] }).operations));
        const summary = operations.map((op) => `${op.method?.toUpperCase()} ${op.target.id.value}`);
        expect(summary).toContain(`POST ${api.books}`);
        const book = await load(api.bookIri(3));
        const own = (book as unknown as { operations: RuntimeOperation[] }).operations.map((op) => op.method?.toUpperCase());
        expect(own).toEqual(expect.arrayContaining(['GET', 'PUT', 'DELETE']));
      }, 60_000);
    });
  });
}

/** A fresh Alcaeus (its own resource store and API documentation cache) over the given fetch. */
function alcaeusOn(fetch: typeof globalThis.fetch) {
  return new Environment(create({ fetch }), { parent: rdf });
}

type Alcaeus = ReturnType<typeof alcaeusOn>;
