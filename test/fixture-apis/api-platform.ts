/**
 * Fixture APIs in the shapes API Platform documents and its own functional tests hold it to, for
 * its 3.x line (`hydra:`-prefixed terms) and its 4.x line (unprefixed terms, the W3C Hydra context
 * first in every context). One file for both because API Platform produces both from one
 * serializer with one switch (`hydra_prefix`); what differs besides the prefix is written out
 * where it differs: the contexts, the API documentation's context and the error answers.
 *
 * What both serve (paths relative to the origin):
 * - `GET /` the Entrypoint (`/contexts/Entrypoint`), one link per collection;
 * - `GET /docs.jsonld` the API documentation (inline context, `#Book`-style class ids, the
 *   Entrypoint class whose `hydra:Link` properties carry the collections' GET and POST, item
 *   operations at class level);
 * - `GET /contexts/{Entrypoint,Book,Author,Error,ConstraintViolation(List)}` (with `ETag` and
 *   `Cache-Control`);
 * - `GET /books` (`?page=N`, `?title=`, `?author=`), `POST /books`, `GET|PUT|DELETE /books/{id}`,
 *   `GET /authors`, `GET /authors/{id}`;
 * - on every answer `Link: <…/docs.jsonld>; rel="http://www.w3.org/ns/hydra/core#apiDocumentation"`.
 *
 * @module
 */
import { HYDRA_CONTEXT } from '@hyperld/hydra';
import { type Book, Library, pageOf } from './library.js';
import { apiDocumentationLink, type FixtureAnswer, type FixtureApi, type FixtureHandler, JSON_LD, jsonObject, pageNumber, serveFixture } from './loopback.js';

const HYDRA_NS = 'http://www.w3.org/ns/hydra/core#';
const PROBLEM_JSON = 'application/problem+json; charset=utf-8';
const ERROR_CONTEXT_LINK = '<http://www.w3.org/ns/hydra/error>; rel="http://www.w3.org/ns/json-ld#error"';

/** The two lines of API Platform the fixtures follow. */
type Line = 3 | 4;

/** Keys in the order PHP's `ksort` leaves them, as API Platform writes operations. */
function ksort(node: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(node).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The query of a page URL: the filters as given, then `page` (percent-encoded as PHP's RFC 3986 mode does). */
function pageUrl(path: string, filters: readonly (readonly [string, string])[], page: number | undefined): string {
  const pairs = [...filters, ...(page !== undefined ? [['page', String(page)] as const] : [])];
  return pairs.length === 0 ? path : `${path}?${pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}`;
}

/** The documents and answers of one API Platform line. */
class ApiPlatformShape {
  /** `hydra:` on 3.x, nothing on 4.x. */
  readonly p: string;

  constructor(
    readonly line: Line,
    readonly library: Library,
  ) {
    this.p = line === 3 ? 'hydra:' : '';
  }

  /** A context document: on 4.x the W3C Hydra context comes first. */
  context(origin: string, terms: Record<string, unknown>): { '@context': unknown } {
    const own = { '@vocab': `${origin}/docs.jsonld#`, hydra: HYDRA_NS, ...terms };
    return { '@context': this.line === 3 ? own : [HYDRA_CONTEXT, own] };
  }

  /** The context documents by short name. */
  contexts(origin: string): Record<string, { '@context': unknown }> {
    return {
      Entrypoint: this.context(origin, {
        author: { '@id': 'Entrypoint/author', '@type': '@id' },
        book: { '@id': 'Entrypoint/book', '@type': '@id' },
      }),
      Book: this.context(origin, {
        title: 'https://schema.org/name',
        author: { '@id': 'https://schema.org/author', '@type': '@id' },
        year: 'Book/year',
      }),
      Author: this.context(origin, { name: 'https://schema.org/name' }),
      Error: this.context(origin, {}),
      ...(this.line === 3
        ? { ConstraintViolationList: this.context(origin, {}) }
        : {
            ConstraintViolation: this.context(origin, {
              status: 'ConstraintViolation/status',
              violations: 'ConstraintViolation/violations',
              detail: 'ConstraintViolation/detail',
              type: 'ConstraintViolation/type',
            }),
          }),
    };
  }

  entrypoint(): Record<string, unknown> {
    return { '@context': '/contexts/Entrypoint', '@id': '/', '@type': 'Entrypoint', author: '/authors', book: '/books' };
  }

  book(b: Book, withContext: boolean): Record<string, unknown> {
    return { ...(withContext ? { '@context': '/contexts/Book' } : {}), '@id': `/books/${b.id}`, '@type': 'Book', title: b.title, author: `/authors/${b.author}`, year: b.year };
  }

  author(id: number, name: string, withContext: boolean): Record<string, unknown> {
    return { ...(withContext ? { '@context': '/contexts/Author' } : {}), '@id': `/authors/${id}`, '@type': 'Author', name };
  }

  /** A collection page: members, total, the page-number view and (for books) the search template. */
  collection(path: string, context: string, members: readonly Record<string, unknown>[], total: number, page: number, last: number, filters: readonly (readonly [string, string])[], search: unknown): Record<string, unknown> {
    const { p } = this;
    const view: Record<string, unknown> = { '@id': pageUrl(path, filters, last > 1 ? page : undefined), '@type': `${p}PartialCollectionView` };
    if (last > 1) {
      view[`${p}first`] = pageUrl(path, filters, 1);
      view[`${p}last`] = pageUrl(path, filters, last);
      if (page > 1) view[`${p}previous`] = pageUrl(path, filters, page - 1);
      if (page < last) view[`${p}next`] = pageUrl(path, filters, page + 1);
    }
    return {
      '@context': context,
      '@id': path,
      '@type': `${p}Collection`,
      [`${p}member`]: members,
      [`${p}totalItems`]: total,
      [`${p}view`]: view,
      ...(search !== undefined ? { [`${p}search`]: search } : {}),
    };
  }

  /** The search template of `/books`: API Platform's SearchFilter on title and author. */
  bookSearch(): Record<string, unknown> {
    const { p } = this;
    const mapping = (variable: string) => ({ '@type': 'IriTemplateMapping', variable, property: variable, required: false });
    return {
      '@type': `${p}IriTemplate`,
      [`${p}template`]: '/books{?title,author}',
      [`${p}variableRepresentation`]: 'BasicRepresentation',
      [`${p}mapping`]: [mapping('title'), mapping('author')],
    };
  }

  /** One operation as API Platform's DocumentationNormalizer writes it (keys sorted). */
  operation(method: string, kind: 'collection' | 'item', shortName: string): Record<string, unknown> {
    const { p } = this;
    // 3.x's context types expects/returns as @id (so '#Book' resolves against the document);
    // 4.x's W3C context types them as @vocab (so 'Book' resolves against @vocab): the same IRI.
    const cls = this.line === 3 ? `#${shortName}` : shortName;
    const action = { GET: 'schema:FindAction', POST: 'schema:CreateAction', PUT: 'schema:ReplaceAction', DELETE: 'schema:DeleteAction' }[method];
    const title =
      method === 'GET'
        ? kind === 'collection'
          ? `Retrieves the collection of ${shortName} resources.`
          : `Retrieves a ${shortName} resource.`
        : method === 'POST'
          ? `Creates a ${shortName} resource.`
          : method === 'PUT'
            ? `Replaces the ${shortName} resource.`
            : `Deletes the ${shortName} resource.`;
    const node: Record<string, unknown> = {
      '@type': [`${p}Operation`, action],
      [`${p}method`]: method,
      [`${p}title`]: title,
      'rdfs:label': title,
      returns: method === 'DELETE' ? 'owl:Nothing' : kind === 'collection' && method === 'GET' ? `${p}Collection` : cls,
    };
    if (method === 'POST' || method === 'PUT') node['expects'] = cls;
    return ksort(node);
  }

  supportedProperty(iri: string, label: string, domain: string, range: string, link: boolean, required: boolean): Record<string, unknown> {
    const { p } = this;
    return {
      '@type': `${p}SupportedProperty`,
      [`${p}property`]: { '@id': iri, '@type': link ? `${p}Link` : 'rdf:Property', 'rdfs:label': label, domain, range, ...(link ? { 'owl:maxCardinality': 1 } : {}) },
      [`${p}title`]: label,
      [`${p}required`]: required,
      [`${p}readable`]: true,
      [`${p}writeable`]: true,
    };
  }

  /** The Entrypoint's link to one collection, with the collection's operations on the link. */
  entrypointProperty(name: string, shortName: string, methods: readonly string[]): Record<string, unknown> {
    const { p } = this;
    return {
      '@type': `${p}SupportedProperty`,
      [`${p}property`]: {
        '@id': `#Entrypoint/${name}`,
        '@type': `${p}Link`,
        domain: '#Entrypoint',
        'rdfs:label': `The collection of ${shortName} resources`,
        'rdfs:range': [{ '@id': 'hydra:Collection' }, { 'owl:equivalentClass': { 'owl:onProperty': { '@id': 'hydra:member' }, 'owl:allValuesFrom': { '@id': `#${shortName}` } } }],
        [`${p}supportedOperation`]: methods.map((m) => this.operation(m, 'collection', shortName)),
      },
      [`${p}title`]: `The collection of ${shortName} resources`,
      [`${p}readable`]: true,
      [`${p}writeable`]: false,
    };
  }

  /** `/docs.jsonld`. */
  apiDocumentation(origin: string): Record<string, unknown> {
    const { p } = this;
    const own = {
      '@vocab': `${origin}/docs.jsonld#`,
      hydra: HYDRA_NS,
      rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
      rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
      xmls: 'http://www.w3.org/2001/XMLSchema#',
      owl: 'http://www.w3.org/2002/07/owl#',
      schema: 'https://schema.org/',
      domain: { '@id': 'rdfs:domain', '@type': '@id' },
      range: { '@id': 'rdfs:range', '@type': '@id' },
      subClassOf: { '@id': 'rdfs:subClassOf', '@type': '@id' },
      ...(this.line === 3 ? { expects: { '@id': 'hydra:expects', '@type': '@id' }, returns: { '@id': 'hydra:returns', '@type': '@id' } } : {}),
    };
    const cls = (shortName: string, properties: unknown[], methods: readonly string[]) => ({
      '@id': `#${shortName}`,
      '@type': `${p}Class`,
      'rdfs:label': shortName,
      [`${p}title`]: shortName,
      [`${p}supportedProperty`]: properties,
      [`${p}supportedOperation`]: methods.map((m) => this.operation(m, 'item', shortName)),
    });
    const violationProperty = (name: string, description: string) => ({
      '@type': `${p}SupportedProperty`,
      [`${p}property`]: { '@id': `#ConstraintViolationList/${name}`, '@type': 'rdf:Property', 'rdfs:label': name, domain: '#ConstraintViolationList', range: 'xmls:string' },
      [`${p}title`]: name,
      [`${p}description`]: description,
      [`${p}readable`]: true,
      [`${p}writeable`]: false,
    });
    return {
      '@context': this.line === 3 ? own : [HYDRA_CONTEXT, own],
      '@id': '/docs.jsonld',
      '@type': `${p}ApiDocumentation`,
      [`${p}title`]: `Library (API Platform ${this.line}.x shape)`,
      [`${p}description`]: 'A fixture of the hyperld test suite.',
      [`${p}entrypoint`]: '/',
      [`${p}supportedClass`]: [
        cls(
          'Book',
          [
            this.supportedProperty('https://schema.org/name', 'title', '#Book', 'xmls:string', false, true),
            this.supportedProperty('https://schema.org/author', 'author', '#Book', '#Author', true, false),
            this.supportedProperty('#Book/year', 'year', '#Book', 'xmls:integer', false, false),
          ],
          ['GET', 'PUT', 'DELETE'],
        ),
        cls('Author', [this.supportedProperty('https://schema.org/name', 'name', '#Author', 'xmls:string', false, true)], ['GET']),
        {
          '@id': '#Entrypoint',
          '@type': `${p}Class`,
          [`${p}title`]: 'The API entrypoint',
          [`${p}supportedProperty`]: [this.entrypointProperty('author', 'Author', ['GET']), this.entrypointProperty('book', 'Book', ['GET', 'POST'])],
          [`${p}supportedOperation`]: { '@type': `${p}Operation`, [`${p}method`]: 'GET', 'rdfs:label': 'The API entrypoint.', returns: this.line === 3 ? '#EntryPoint' : 'EntryPoint' },
        },
        {
          '@id': '#ConstraintViolationList',
          '@type': `${p}Class`,
          [`${p}title`]: 'ConstraintViolationList',
          [`${p}description`]: 'A constraint violation List.',
          [`${p}supportedProperty`]: [violationProperty('propertyPath', 'The property path of the violation'), violationProperty('message', 'The message associated with the violation')],
        },
      ],
    };
  }

  /** A 422 with the violations, as each line answers a failed validation. */
  unprocessable(violations: readonly { propertyPath: string; message: string; code: string }[]): FixtureAnswer {
    const detail = violations.map((v) => `${v.propertyPath}: ${v.message}`).join('\n');
    if (this.line === 3) {
      return {
        status: 422,
        headers: { 'content-type': JSON_LD },
        body: { '@context': '/contexts/ConstraintViolationList', '@type': 'ConstraintViolationList', 'hydra:title': 'An error occurred', 'hydra:description': detail, violations },
      };
    }
    const type = `/validation_errors/${violations.map((v) => v.code).join(';')}`;
    return {
      status: 422,
      headers: { 'content-type': PROBLEM_JSON, link: ERROR_CONTEXT_LINK },
      body: { '@context': '/contexts/ConstraintViolation', '@id': type, '@type': 'ConstraintViolation', status: 422, violations, detail, description: detail, type, title: 'An error occurred' },
    };
  }

  /** Any other error answer. */
  error(status: number, detail: string, headers: Record<string, string> = {}): FixtureAnswer {
    if (this.line === 3) {
      return {
        status,
        headers: { 'content-type': JSON_LD, ...headers },
        body: { '@context': '/contexts/Error', '@type': 'hydra:Error', 'hydra:title': 'An error occurred', 'hydra:description': detail },
      };
    }
    return {
      status,
      headers: { 'content-type': PROBLEM_JSON, link: ERROR_CONTEXT_LINK, ...headers },
      body: { '@context': '/contexts/Error', '@id': `/errors/${status}`, '@type': 'Error', title: 'An error occurred', detail, status, type: `/errors/${status}`, description: detail },
    };
  }
}

/** A resource answer: JSON-LD with an ETag, revalidated on every use (Symfony's default). */
function resource(status: number, body: unknown, headers: Record<string, string> = {}): FixtureAnswer {
  return { status, headers: { 'content-type': JSON_LD, 'cache-control': 'no-cache, private', ...headers }, body, etag: status === 200 };
}

function handler(shape: ApiPlatformShape): FixtureHandler {
  const { library } = shape;
  return (request, origin) => {
    const { method, url } = request;
    const path = url.pathname;
    const answer = route();
    // Every answer names the API documentation (API Platform's AddLinkHeaderListener).
    const link = apiDocumentationLink(`${origin}/docs.jsonld`);
    const existing = answer.headers?.['link'];
    return { ...answer, headers: { ...answer.headers, link: existing ? `${link},${existing}` : link } };

    function route(): FixtureAnswer {
      if (path === '/') return only('GET') ?? resource(200, shape.entrypoint());
      if (path === '/docs.jsonld') return only('GET') ?? resource(200, shape.apiDocumentation(origin));
      const context = /^\/contexts\/([A-Za-z]+)$/.exec(path);
      if (context) {
        const doc = shape.contexts(origin)[context[1] ?? ''];
        if (!doc) return shape.error(404, 'Not Found');
        return only('GET') ?? { status: 200, headers: { 'content-type': JSON_LD, 'cache-control': 'max-age=3600, public' }, body: doc, etag: true };
      }
      if (path === '/books') {
        if (method === 'POST') return create();
        return only('GET', 'POST') ?? books();
      }
      const book = /^\/books\/([0-9]+)$/.exec(path);
      if (book) return item(Number(book[1]));
      if (path === '/authors') return only('GET') ?? authors();
      const author = /^\/authors\/([0-9]+)$/.exec(path);
      if (author) {
        const found = library.author(Number(author[1]));
        if (!found) return shape.error(404, 'Not Found');
        return only('GET') ?? resource(200, shape.author(found.id, found.name, true));
      }
      return shape.error(404, `No route found for "${method} ${path}"`);
    }

    function books(): FixtureAnswer {
      const page = pageNumber(url);
      if (page === undefined) return shape.error(400, 'Page should not be less than 1');
      const filters: [string, string][] = [];
      for (const name of ['title', 'author']) {
        const value = url.searchParams.get(name);
        if (value !== null) filters.push([name, value]);
      }
      const found = library.list(Object.fromEntries(filters));
      const { items, last } = pageOf(found, page);
      return resource(200, shape.collection('/books', '/contexts/Book', items.map((b) => shape.book(b, false)), found.length, page, last, filters, shape.bookSearch()));
    }

    function authors(): FixtureAnswer {
      const page = pageNumber(url);
      if (page === undefined) return shape.error(400, 'Page should not be less than 1');
      const { items, last } = pageOf(library.authors, page);
      return resource(200, shape.collection('/authors', '/contexts/Author', items.map((a) => shape.author(a.id, a.name, false)), library.authors.length, page, last, [], undefined));
    }

    function input(): { title: unknown; author: unknown; year: unknown } | undefined {
      const body = jsonObject(request.body);
      return body && { title: body['title'], author: body['author'], year: body['year'] };
    }

    function create(): FixtureAnswer {
      const submitted = input();
      if (!submitted) return shape.error(400, 'Syntax error');
      const violations = library.violations(submitted);
      if (violations.length > 0) return shape.unprocessable(violations);
      const created = library.create(submitted);
      return resource(201, shape.book(created, true), { location: `/books/${created.id}`, 'content-location': `/books/${created.id}` });
    }

    function item(id: number): FixtureAnswer {
      const found = library.book(id);
      if (!found) return shape.error(404, 'Not Found');
      const wrong = only('GET', 'PUT', 'DELETE');
      if (wrong) return wrong;
      if (method === 'DELETE') {
        library.delete(id);
        return { status: 204 };
      }
      if (method === 'PUT') {
        const submitted = input();
        if (!submitted) return shape.error(400, 'Syntax error');
        const violations = library.violations(submitted);
        if (violations.length > 0) return shape.unprocessable(violations);
        return resource(200, shape.book(library.replace(id, submitted) as Book, true));
      }
      return resource(200, shape.book(found, true));
    }

    function only(...methods: string[]): FixtureAnswer | undefined {
      return methods.includes(method) || (method === 'HEAD' && methods.includes('GET')) ? undefined : shape.error(405, `Method Not Allowed`, { allow: methods.join(', ') });
    }
  };
}

async function start(line: Line): Promise<FixtureApi> {
  const library = new Library();
  const shape = new ApiPlatformShape(line, library);
  const server = await serveFixture(handler(shape));
  const names = Object.keys(shape.contexts(server.url));
  return {
    ...server,
    close: server.close,
    name: `API Platform ${line}.x`,
    library,
    entrypoint: `${server.url}/`,
    books: `${server.url}/books`,
    apiDocumentation: `${server.url}/docs.jsonld`,
    contexts: names.map((n) => `${server.url}/contexts/${n}`),
    pageIndexTemplate: false,
    bookIri: (id) => `${server.url}/books/${id}`,
  };
}

/**
 * Starts a fixture API in API Platform 3.x's shape: `@context: "/contexts/Book"`,
 * `@type: "hydra:Collection"`, `hydra:member`, `hydra:totalItems`, a `hydra:PartialCollectionView`
 * with `hydra:first/last/previous/next` page-number links, a `hydra:search` IriTemplate, and a
 * 422 `ConstraintViolationList`.
 *
 * @returns the running API.
 * @example
 * ```ts
 * import { startApiPlatform3 } from './api-platform.js';
 * const api = await startApiPlatform3();
 * const page = await (await fetch(api.books)).json(); // { '@context': '/contexts/Book', '@id': '/books', '@type': 'hydra:Collection', … }
 * await api.close();
 * ```
 */
export function startApiPlatform3(): Promise<FixtureApi> {
  return start(3);
}

/**
 * Starts a fixture API in API Platform 4.x's shape: unprefixed terms (`member`, `totalItems`,
 * `view`, `search`), contexts that put `http://www.w3.org/ns/hydra/context.jsonld` first, and
 * errors as `application/problem+json` (a 422 `ConstraintViolation` with its `violations`).
 *
 * @returns the running API.
 * @example
 * ```ts
 * import { startApiPlatform4 } from './api-platform.js';
 * const api = await startApiPlatform4();
 * const page = await (await fetch(api.books)).json(); // { '@context': '/contexts/Book', '@id': '/books', '@type': 'Collection', member: […], … }
 * await api.close();
 * ```
 */
export function startApiPlatform4(): Promise<FixtureApi> {
  return start(4);
}
