/**
 * A fixture API in the shape hydra-box and kopflos APIs have: RDF-native servers that write
 * JSON-LD under the W3C Hydra context (`http://www.w3.org/ns/hydra/context.jsonld`) followed by an
 * inline context of their own terms, with absolute `@id`s, `member`, `@type` as an array where a
 * resource has several classes, an API documentation whose operations sit on `hydra:Link`
 * properties (a link's operations act on the link's target) as well as on classes, collection
 * views numbered by `pageIndex` with a template mapping `hydra:pageIndex`, and `hydra:Error`
 * bodies under the published error context.
 *
 * What it serves (paths relative to the origin): `GET /` (the entry point), `GET /api` (the API
 * documentation), `GET /books` (`?page=N`, `?title=`, `?author=`), `POST /books`,
 * `GET|PUT|DELETE /books/{id}`, `GET /authors`, `GET /authors/{id}`; every answer carries
 * `Link: <…/api>; rel="http://www.w3.org/ns/hydra/core#apiDocumentation"`.
 *
 * @module
 */
import { HYDRA_CONTEXT, HYDRA_ERROR_CONTEXT } from '@hyperld/hydra';
import { type Book, Library, pageOf } from './library.js';
import { apiDocumentationLink, type FixtureAnswer, type FixtureApi, type FixtureHandler, JSON_LD, jsonObject, pageNumber, serveFixture } from './loopback.js';

/** The inline context every resource of the API carries after the W3C one. */
function ownContext(origin: string): Record<string, unknown> {
  return {
    schema: 'http://schema.org/',
    vocab: `${origin}/vocab#`,
    Book: 'schema:Book',
    Person: 'schema:Person',
    EntryPoint: 'vocab:EntryPoint',
    BookCollection: 'vocab:BookCollection',
    AuthorCollection: 'vocab:AuthorCollection',
    // A book's title is schema:name: the term shadows hydra:title in these documents only.
    title: 'schema:name',
    name: 'schema:name',
    author: { '@id': 'schema:author', '@type': '@id' },
    year: 'schema:copyrightYear',
    books: { '@id': 'vocab:books', '@type': '@id' },
    authors: { '@id': 'vocab:authors', '@type': '@id' },
  };
}

function context(origin: string): unknown[] {
  return [HYDRA_CONTEXT, ownContext(origin)];
}

function bookNode(origin: string, b: Book): Record<string, unknown> {
  return { '@id': `${origin}/books/${b.id}`, '@type': 'Book', title: b.title, author: `${origin}/authors/${b.author}`, year: b.year };
}

/** The query of a page URL: the filters as given, then `page`. */
function pageUrl(base: string, filters: readonly (readonly [string, string])[], page: number): string {
  return `${base}?${[...filters, ['page', String(page)] as const].map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}`;
}

function collection(
  origin: string,
  path: string,
  types: readonly string[],
  memberClass: string,
  members: readonly Record<string, unknown>[],
  total: number,
  page: number,
  last: number,
  filters: readonly (readonly [string, string])[],
  variables: readonly (readonly [string, string])[],
): Record<string, unknown> {
  const base = `${origin}${path}`;
  const view: Record<string, unknown> = { '@id': pageUrl(base, filters, page), '@type': 'PartialCollectionView', pageIndex: page, first: pageUrl(base, filters, 1) };
  if (page > 1) view['previous'] = pageUrl(base, filters, page - 1);
  if (page < last) view['next'] = pageUrl(base, filters, page + 1);
  view['last'] = pageUrl(base, filters, last);
  return {
    '@context': context(origin),
    '@id': base,
    '@type': types,
    memberAssertion: { property: 'rdf:type', object: memberClass },
    totalItems: total,
    member: members,
    view,
    search: {
      '@type': 'IriTemplate',
      template: `${base}{?${[...variables.map(([v]) => v), 'page'].join(',')}}`,
      variableRepresentation: 'BasicRepresentation',
      mapping: [
        ...variables.map(([variable, property]) => ({ '@type': 'IriTemplateMapping', variable, property, required: false })),
        { '@type': 'IriTemplateMapping', variable: 'page', property: 'pageIndex', required: false },
      ],
    },
  };
}

function apiDocumentation(origin: string): Record<string, unknown> {
  const op = (method: string, title: string, extra: Record<string, unknown> = {}) => ({ '@type': 'Operation', title, method, ...extra });
  const linkProperty = (id: string, title: string, range: string, operations: unknown[]) => ({
    '@type': 'SupportedProperty',
    title,
    readable: true,
    writable: false,
    property: { '@id': id, '@type': 'Link', title, range, supportedOperation: operations },
  });
  const plainProperty = (id: string, title: string, range: string, required: boolean) => ({
    '@type': 'SupportedProperty',
    title,
    required,
    readable: true,
    writable: true,
    property: { '@id': id, '@type': 'rdf:Property', range },
  });
  const listBooks = op('GET', 'List the books', { returns: 'vocab:BookCollection' });
  const createBook = op('POST', 'Add a book', { '@type': ['Operation', 'schema:CreateAction'], expects: 'schema:Book', returns: 'schema:Book', possibleStatus: [{ statusCode: 201 }, { statusCode: 422 }] });
  return {
    '@context': [HYDRA_CONTEXT, { schema: 'http://schema.org/', vocab: `${origin}/vocab#` }],
    '@id': `${origin}/api`,
    '@type': 'ApiDocumentation',
    title: 'Library (hydra-box shape)',
    description: 'A fixture of the hyperld test suite.',
    entrypoint: `${origin}/`,
    supportedClass: [
      {
        '@id': 'vocab:EntryPoint',
        '@type': 'Class',
        title: 'Entry point',
        supportedOperation: [op('GET', 'The entry point', { returns: 'vocab:EntryPoint' })],
        supportedProperty: [
          linkProperty('vocab:books', 'Books', 'vocab:BookCollection', [listBooks, createBook]),
          linkProperty('vocab:authors', 'Authors', 'vocab:AuthorCollection', [op('GET', 'List the authors', { returns: 'vocab:AuthorCollection' })]),
        ],
      },
      {
        '@id': 'vocab:BookCollection',
        '@type': 'Class',
        subClassOf: 'Collection',
        title: 'Books',
        memberAssertion: { property: 'rdf:type', object: 'schema:Book' },
        supportedOperation: [listBooks, createBook],
      },
      {
        '@id': 'vocab:AuthorCollection',
        '@type': 'Class',
        subClassOf: 'Collection',
        title: 'Authors',
        memberAssertion: { property: 'rdf:type', object: 'schema:Person' },
        supportedOperation: [op('GET', 'List the authors', { returns: 'vocab:AuthorCollection' })],
      },
      {
        '@id': 'schema:Book',
        '@type': 'Class',
        title: 'Book',
        supportedProperty: [
          plainProperty('schema:name', 'title', 'xsd:string', true),
          linkProperty('schema:author', 'author', 'schema:Person', [op('GET', 'The author', { returns: 'schema:Person' })]),
          plainProperty('schema:copyrightYear', 'year', 'xsd:integer', false),
        ],
        supportedOperation: [
          op('GET', 'The book', { returns: 'schema:Book' }),
          op('PUT', 'Replace the book', { '@type': ['Operation', 'schema:ReplaceAction'], expects: 'schema:Book', returns: 'schema:Book' }),
          op('DELETE', 'Remove the book', { '@type': ['Operation', 'schema:DeleteAction'], returns: 'owl:Nothing' }),
        ],
      },
      { '@id': 'schema:Person', '@type': 'Class', title: 'Person', supportedProperty: [plainProperty('schema:name', 'name', 'xsd:string', true)], supportedOperation: [op('GET', 'The author', { returns: 'schema:Person' })] },
    ],
  };
}

/** A `hydra:Error` under the published error context; a 422 adds its `violations`. */
function hydraError(status: number, title: string, detail: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): FixtureAnswer {
  return { status, headers: { 'content-type': JSON_LD, ...headers }, body: { '@context': HYDRA_ERROR_CONTEXT, '@type': 'hydra:Error', title, detail, status, ...extra } };
}

function handler(library: Library): FixtureHandler {
  return (request, origin) => {
    const { method, url } = request;
    const path = url.pathname;
    const answer = route();
    return { ...answer, headers: { ...answer.headers, link: apiDocumentationLink(`${origin}/api`) } };

    function route(): FixtureAnswer {
      if (path === '/') return only('GET') ?? resource(200, { '@context': context(origin), '@id': `${origin}/`, '@type': 'EntryPoint', books: `${origin}/books`, authors: `${origin}/authors` });
      if (path === '/api') return only('GET') ?? resource(200, apiDocumentation(origin));
      if (path === '/books') return method === 'POST' ? create() : (only('GET', 'POST') ?? books());
      const book = /^\/books\/([0-9]+)$/.exec(path);
      if (book) return item(Number(book[1]));
      if (path === '/authors') return only('GET') ?? authors();
      const author = /^\/authors\/([0-9]+)$/.exec(path);
      const found = author ? library.author(Number(author[1])) : undefined;
      if (found) return only('GET') ?? resource(200, { '@context': context(origin), '@id': `${origin}/authors/${found.id}`, '@type': 'Person', name: found.name });
      return hydraError(404, 'Not Found', `${url.href} is not a resource of this API.`);
    }

    function books(): FixtureAnswer {
      const page = pageNumber(url);
      if (page === undefined) return hydraError(400, 'Bad Request', 'page must be a positive integer.');
      const filters: [string, string][] = [];
      for (const name of ['title', 'author']) {
        const value = url.searchParams.get(name);
        if (value !== null) filters.push([name, value]);
      }
      const all = library.list(Object.fromEntries(filters));
      const { items, last } = pageOf(all, page);
      const members = items.map((b) => bookNode(origin, b));
      return resource(200, collection(origin, '/books', ['Collection', 'BookCollection'], 'Book', members, all.length, page, last, filters, [['title', 'title'], ['author', 'author']]));
    }

    function authors(): FixtureAnswer {
      const page = pageNumber(url);
      if (page === undefined) return hydraError(400, 'Bad Request', 'page must be a positive integer.');
      const { items, last } = pageOf(library.authors, page);
      const members = items.map((a) => ({ '@id': `${origin}/authors/${a.id}`, '@type': 'Person', name: a.name }));
      return resource(200, collection(origin, '/authors', ['Collection', 'AuthorCollection'], 'Person', members, library.authors.length, page, last, [], [['name', 'name']]));
    }

    function input(): { title: unknown; author: unknown; year: unknown } | undefined {
      const body = jsonObject(request.body);
      if (!body) return undefined;
      // An RDF client may send the author as a node reference.
      const author = body['author'];
      const ref = author !== null && typeof author === 'object' ? (author as Record<string, unknown>)['@id'] : author;
      return { title: body['title'], author: ref, year: body['year'] };
    }

    function invalid(violations: readonly { propertyPath: string; message: string; code: string }[]): FixtureAnswer {
      return hydraError(422, 'Unprocessable Entity', violations.map((v) => `${v.propertyPath}: ${v.message}`).join('\n'), { violations });
    }

    function create(): FixtureAnswer {
      const submitted = input();
      if (!submitted) return hydraError(400, 'Bad Request', 'The body is not a JSON-LD object.');
      const violations = library.violations(submitted);
      if (violations.length > 0) return invalid(violations);
      const created = library.create(submitted);
      return resource(201, { '@context': context(origin), ...bookNode(origin, created) }, { location: `${origin}/books/${created.id}` });
    }

    function item(id: number): FixtureAnswer {
      const found = library.book(id);
      if (!found) return hydraError(404, 'Not Found', `${url.href} is not a resource of this API.`);
      const wrong = only('GET', 'PUT', 'DELETE');
      if (wrong) return wrong;
      if (method === 'DELETE') {
        library.delete(id);
        return { status: 204 };
      }
      if (method === 'PUT') {
        const submitted = input();
        if (!submitted) return hydraError(400, 'Bad Request', 'The body is not a JSON-LD object.');
        const violations = library.violations(submitted);
        if (violations.length > 0) return invalid(violations);
        return resource(200, { '@context': context(origin), ...bookNode(origin, library.replace(id, submitted) as Book) });
      }
      return resource(200, { '@context': context(origin), ...bookNode(origin, found) });
    }

    function only(...methods: string[]): FixtureAnswer | undefined {
      return methods.includes(method) || (method === 'HEAD' && methods.includes('GET'))
        ? undefined
        : hydraError(405, 'Method Not Allowed', `${method} is not supported on ${path}.`, {}, { allow: methods.join(', ') });
    }
  };
}

/** A resource answer: JSON-LD with an ETag. */
function resource(status: number, body: unknown, headers: Record<string, string> = {}): FixtureAnswer {
  return { status, headers: { 'content-type': JSON_LD, ...headers }, body, etag: status === 200 };
}

/**
 * Starts a fixture API in the hydra-box / kopflos shape.
 *
 * @returns the running API.
 * @example
 * ```ts
 * import { startHydraBox } from './hydra-box.js';
 * const api = await startHydraBox();
 * const page = await (await fetch(api.books)).json(); // { '@context': ['http://www.w3.org/ns/hydra/context.jsonld', {…}], '@type': ['Collection', 'BookCollection'], member: […], … }
 * await api.close();
 * ```
 */
export async function startHydraBox(): Promise<FixtureApi> {
  const library = new Library();
  const server = await serveFixture(handler(library));
  return {
    ...server,
    close: server.close,
    name: 'hydra-box / kopflos',
    library,
    entrypoint: `${server.url}/`,
    books: `${server.url}/books`,
    apiDocumentation: `${server.url}/api`,
    contexts: [],
    pageIndexTemplate: true,
    bookIri: (id) => `${server.url}/books/${id}`,
  };
}
