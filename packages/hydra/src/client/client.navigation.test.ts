/**
 * The client's navigation beyond `next`: search through a collection's `hydra:search`, page
 * numbers, paging backward or from the first or last page under a page cap, and the collections
 * of a resource, against a fake `fetch` that records every request.
 *
 * @module
 */
import { describe, expect, it } from 'vitest';
import { isHydraError } from '../errors.js';
import { isIriTemplateError } from '../iri-template/errors.js';
import type { SearchInputOf } from '../search.js';
import { searchTemplate } from '../server/search.js';
import { HYDRA_CONTEXT, hydraRegistry } from '../vocabulary.js';
import { fakeFetch, json, notFound, rejection, type Call } from './__fixtures__/fake-api.js';
import { createClient } from './index.js';

const ORIGIN = 'https://api.example';
const PAGES = 4;

/** Page `i` (1-based) of /books, with a search template whose mappings include hydra:pageIndex. */
function booksPage(i: number, query = ''): Record<string, unknown> {
  const href = (n: number): string => `/books?page=${n}${query}`;
  return {
    '@context': HYDRA_CONTEXT,
    '@type': 'hydra:Collection',
    id: '/books',
    member: [{ '@context': HYDRA_CONTEXT, '@type': 'hydra:Collection', id: `/books/${i}${query ? `-${query.slice(1)}` : ''}` }],
    view: {
      '@type': 'hydra:PartialCollectionView',
      '@id': href(i),
      first: href(1),
      last: href(PAGES),
      ...(i > 1 ? { previous: href(i - 1) } : {}),
      ...(i < PAGES ? { next: href(i + 1) } : {}),
    },
    search: {
      '@type': 'hydra:IriTemplate',
      template: '/books{?title,page}',
      variableRepresentation: 'BasicRepresentation',
      mapping: [
        { '@type': 'hydra:IriTemplateMapping', variable: 'title', property: 'http://schema.org/name', required: false },
        { '@type': 'hydra:IriTemplateMapping', variable: 'page', property: 'hydra:pageIndex', required: false },
      ],
    },
  };
}

function booksServer() {
  return fakeFetch((call: Call) => {
    const url = new URL(call.url);
    if (url.pathname !== '/books') return notFound(call);
    const title = url.searchParams.get('title');
    return json(booksPage(Number(url.searchParams.get('page') ?? '1'), title !== null ? `&title=${title}` : ''));
  });
}

const clientOf = (server: { fetch: typeof fetch }, maxPages?: number) =>
  createClient({ baseUrl: `${ORIGIN}/`, registry: hydraRegistry, fetch: server.fetch, retryDelay: 1, ...(maxPages !== undefined ? { maxPages } : {}) });

const idsOf = (items: readonly unknown[]): string[] => items.map((m) => String((m as Record<string, unknown>)['id']));

describe('client.search and client.page', () => {
  it('expands the collection’s search template with values by name or by property and fetches the result', async () => {
    const server = booksServer();
    const client = clientOf(server);
    const books = await client.get('/books');
    const byName = await client.search(books, { title: 'Dune' });
    expect(server.calls.at(-1)?.url).toBe(`${ORIGIN}/books?title=Dune`);
    expect((byName as Record<string, unknown>)['@type']).toBe('hydra:Collection');
    await client.search(books, { 'http://schema.org/name': 'Dune', page: 2 });
    expect(server.calls.at(-1)?.url).toBe(`${ORIGIN}/books?title=Dune&page=2`);
    // A collection given by its IRI is fetched first.
    server.calls.length = 0;
    await client.search('/books', { title: 'Emma' });
    expect(server.calls.map((c) => c.url)).toEqual([`${ORIGIN}/books`, `${ORIGIN}/books?title=Emma`]);
  });

  it('refuses an unknown key and a collection without a search, without a request', async () => {
    const server = booksServer();
    const client = clientOf(server);
    const books = await client.get('/books');
    const before = server.calls.length;
    const unknown = await rejection(client.search(books, { colour: 'red' }));
    expect(isIriTemplateError(unknown) && unknown.code).toBe('unknown_variable');
    const none = await rejection(client.search({ '@type': 'hydra:Collection', member: [] }, { q: 'x' }));
    expect(isHydraError(none) && none.code).toBe('no_template');
    expect(server.calls.length).toBe(before);
  });

  it('fetches page n through the hydra:pageIndex mapping, keeping other values', async () => {
    const server = booksServer();
    const client = clientOf(server);
    const books = await client.get('/books');
    const third = await client.page(books, 3, { values: { title: 'Dune' } });
    expect(server.calls.at(-1)?.url).toBe(`${ORIGIN}/books?title=Dune&page=3`);
    expect(idsOf((third as Record<string, unknown[]>)['member'] ?? [])).toEqual(['/books/3-title=Dune']);
  });

  it('types the values by a search declaration when one is given', () => {
    const declared = searchTemplate({ title: { property: 'http://schema.org/name' }, page: { property: 'http://www.w3.org/ns/hydra/core#pageIndex', integer: { min: 1, max: 100 } } });
    const client = clientOf(booksServer());
    type Input = SearchInputOf<typeof declared>;
    // Compile-time only: the calls are typed, not made.
    const typed = (books: object) => {
      void client.search<Input>(books, { title: 'Dune', page: 2 });
      // @ts-expect-error: a page index is a number
      void client.search<Input>(books, { page: 'two' });
    };
    expect(typeof typed).toBe('function');
  });
});

describe('client.members and client.pages every way', () => {
  it('pages forward from the current page, backward from the last, and forward from the first', async () => {
    const server = booksServer();
    const client = clientOf(server);
    const collect = async (iterator: AsyncIterable<unknown>) => {
      const out: unknown[] = [];
      for await (const item of iterator) out.push(item);
      return idsOf(out);
    };
    expect(await collect(client.members('/books?page=2'))).toEqual(['/books/2', '/books/3', '/books/4']);
    expect(await collect(client.members('/books?page=2', { direction: 'backward', from: 'last' }))).toEqual(['/books/4', '/books/3', '/books/2', '/books/1']);
    expect(await collect(client.members('/books?page=3', { from: 'first', limit: 2 }))).toEqual(['/books/1', '/books/2']);
    const pages = [];
    for await (const page of client.pages('/books?page=4', { direction: 'backward' })) pages.push(page);
    expect(pages).toHaveLength(4);
  });

  it('caps the pages at the client’s maxPages, and a call’s own maxPages wins', async () => {
    let minted = 0;
    const server = fakeFetch(() => json({ '@context': HYDRA_CONTEXT, '@type': 'hydra:Collection', id: `/c?at=${minted}`, member: [], view: { '@type': 'hydra:PartialCollectionView', '@id': `/c?at=${minted}`, next: `/c?token=${++minted}` } }));
    const drain = async (iterator: AsyncIterable<unknown>) => {
      let count = 0;
      try {
        for await (const _ of iterator) count++;
      } catch (error) {
        return { count, error };
      }
      return { count, error: undefined };
    };
    const capped = await drain(clientOf(server, 3).pages('/c'));
    expect([capped.count, isHydraError(capped.error) && capped.error.code]).toEqual([3, 'too_many_pages']);
    expect(server.calls).toHaveLength(3);
    const own = await drain(clientOf(server, 3).members('/c', { maxPages: 5 }));
    expect([own.count, isHydraError(own.error) && own.error.code]).toEqual([0, 'too_many_pages']);
    expect(server.calls).toHaveLength(8);
  });
});

describe('client.collections', () => {
  it('lists a node’s collections by member type, resolved against the node’s base', async () => {
    const person = {
      '@context': [HYDRA_CONTEXT, { schema: 'https://schema.org/' }],
      '@type': 'schema:Person',
      collection: [
        { '@id': 'events', memberAssertion: { property: 'rdf:type', object: 'schema:Event' } },
        { '@id': 'friends', manages: { property: 'rdf:type', object: 'schema:Person' } },
      ],
    };
    const server = fakeFetch(() => json(person));
    const client = createClient({ baseUrl: `${ORIGIN}/`, registry: hydraRegistry, fetch: server.fetch, unknownContext: 'ignore' });
    const node = await client.get('/people/1/');
    expect(client.collections(node, { memberType: 'schema:Person' }).map((c) => c.id)).toEqual([`${ORIGIN}/people/1/friends`]);
    expect(client.collections(node).map((c) => c.assertions[0]?.object)).toEqual(['https://schema.org/Event', 'https://schema.org/Person']);
  });
});
