/**
 * Getting started, for server builders: a tiny library API in one file. It defines a vocabulary
 * with `@hyperld/core`, a collection type on Hydra's `Collection`, an action whose link is `null`
 * while it is unavailable, serves it with `createHydraHandler` and `serveNode` on an ephemeral
 * port, fetches the collection once, prints what it got and stops.
 *
 * Run it with `npx tsx --conditions=@hyperld/source docs/guides/server.ts` (from the repository
 * root); `docs/src/guides.test.ts` runs {@link main} and checks its summary on every test run.
 *
 * @module
 */
import { pathToFileURL } from 'node:url';
import { createRegistry, t, vocabulary, type NodeOf } from '@hyperld/core';
import { action, Collection, listActions } from '@hyperld/hydra';
import { createHydraHandler, HttpProblem, serveNode, type HydraHandler, type ServerRoute } from '@hyperld/hydra/server';

// 1. The vocabulary: the IRI that names our terms. Each type gets a generated context document,
//    served at `/contexts/<Type>.jsonld`, so clients can expand our documents to plain JSON-LD.
const library = vocabulary({ vocab: 'https://library.example/vocab#' });

// 2. The types. A property is a kind (`t.string()`, `t.dateTime()`, …) with modifiers; an
//    action is a link property whose value is the URL to send the request to, or `null` while
//    the action is not available: clients never have to re-implement the rule.
/**
 * A book of the library.
 *
 * @example
 * ```ts
 * import { Book } from './server.js';
 * Book.context; // '/contexts/Book.jsonld'
 * ```
 */
export const Book = library.type('Book', {
  description: 'A book of the library.',
  properties: {
    title: t.string().describe('The title.'),
    author: t.string().describe('Who wrote it.'),
    dueBack: t.dateTime().nullable().describe('When a borrowed book is due back; null while it is on the shelf.'),
    borrow: action({ method: 'PUT', returns: 'Book', description: 'PUT to borrow the book; available while it is on the shelf.' }),
  },
});

/**
 * The books, as a Hydra collection: `member` and `totalItems` are Hydra's terms, narrowed here
 * to books.
 *
 * @example
 * ```ts
 * import { BookCollection } from './server.js';
 * BookCollection.base?.type; // 'hydra:Collection'
 * ```
 */
export const BookCollection = library.type('BookCollection', {
  extends: Collection,
  description: 'The books of the library.',
  properties: {
    member: t.list(t.node(Book)).mapTo('hydra:member').describe('The books.'),
    totalItems: t.integer().mapTo('hydra:totalItems').describe('How many books the library has.'),
  },
});

/**
 * The registry: it decodes and validates documents of our types and generates their contexts
 * (Hydra's types come along, because `BookCollection` extends one).
 *
 * @example
 * ```ts
 * import { registry } from './server.js';
 * registry.context('/contexts/Book.jsonld');
 * ```
 */
export const registry = createRegistry({ types: [Book, BookCollection] });

// 3. The data and how a row becomes a node. The action link is computed from the state.
interface BookRow {
  readonly title: string;
  readonly author: string;
  dueBack: string | null;
}

function renderBook(id: string, row: BookRow): NodeOf<typeof Book> {
  return {
    '@type': 'Book',
    '@context': Book.context,
    id: `/books/${id}`,
    title: row.title,
    author: row.author,
    dueBack: row.dueBack,
    borrow: row.dueBack === null ? `/books/${id}/borrow` : null,
  };
}

/**
 * Creates the library API as a Hydra handler: its `fetch` is a Fetch-style
 * `(request) => Promise<Response>` function (mount it in any framework that speaks
 * `Request`/`Response`), and `serveNode` serves it whole on `node:http`.
 *
 * @returns the handler, over a fresh in-memory library.
 * @example
 * ```ts
 * import { createLibraryHandler } from './server.js';
 * const response = await createLibraryHandler().fetch(new Request('http://localhost/books'));
 * ```
 */
export function createLibraryHandler(): HydraHandler {
  const books = new Map<string, BookRow>([
    ['dune', { title: 'Dune', author: 'Frank Herbert', dueBack: null }],
    ['solaris', { title: 'Solaris', author: 'Stanisław Lem', dueBack: '2025-07-01T12:00:00.000Z' }],
    ['kindred', { title: 'Kindred', author: 'Octavia E. Butler', dueBack: null }],
  ]);
  const find = (id: string | undefined): BookRow => {
    const row = id === undefined ? undefined : books.get(id);
    if (!row) throw new HttpProblem(404, 'Not Found', 'No such book.');
    return row;
  };

  // 4. The routes: a method, an RFC 6570 path template and a handler returning a node. The
  //    handler negotiates the media type, encodes the node, adds an ETag and turns an
  //    `HttpProblem` into a Hydra error body.
  const routes: ServerRoute<undefined>[] = [
    {
      method: 'GET',
      template: '/books',
      handle: () => ({
        '@type': 'BookCollection',
        '@context': BookCollection.context,
        id: '/books',
        member: [...books].map(([id, row]) => renderBook(id, row)),
        totalItems: books.size,
      }),
    },
    { method: 'GET', template: '/books/{book}', handle: ({ params }) => renderBook(params['book'] ?? '', find(params['book'])) },
    {
      method: 'PUT',
      template: '/books/{book}/borrow',
      handle: ({ params }) => {
        const row = find(params['book']);
        if (row.dueBack !== null) throw new HttpProblem(409, 'Conflict', 'The book is already borrowed.');
        row.dueBack = new Date(Date.now() + 14 * 86_400_000).toISOString();
        return renderBook(params['book'] ?? '', row);
      },
    },
  ];
  return createHydraHandler({ registry, routes });
}

/**
 * What {@link main} found.
 *
 * @example
 * ```ts
 * import type { ServerGuideSummary } from './server.js';
 * declare const summary: ServerGuideSummary;
 * summary.books.map((b) => b.title);
 * ```
 */
export interface ServerGuideSummary {
  /** The status of `GET /books`. */
  readonly status: number;
  /** Its `Content-Type`. */
  readonly contentType: string | null;
  /** `totalItems`, as the server counted. */
  readonly totalItems: number;
  /** Each book with the actions it offers right now. */
  readonly books: ReadonlyArray<{ readonly title: string; readonly available: readonly string[]; readonly unavailable: readonly string[] }>;
}

/**
 * Serves the library on an ephemeral loopback port, fetches `/books` once, decodes it with the
 * registry, prints each book and its actions, and stops the server.
 *
 * @param log - where to print (default `console.log`).
 * @returns what it found.
 * @example
 * ```ts
 * import { main } from './server.js';
 * const summary = await main(() => {});
 * summary.totalItems; // 3
 * ```
 */
export async function main(log: (line: string) => void = console.log): Promise<ServerGuideSummary> {
  const server = await serveNode(createLibraryHandler(), { port: 0 });
  try {
    log(`Library API listening on ${server.url}`);
    const response = await fetch(`${server.url}/books`, { headers: { accept: 'application/ld+json' } });
    // `decodeAs` validates the whole page against the types and returns the parsed object itself,
    // typed: `page.member[0].title` is a string, `borrow` a link or null.
    const page = registry.decodeAs(BookCollection, await response.text(), { base: response.url });
    log(`GET /books → ${response.status} ${response.headers.get('content-type') ?? ''}, ${page.totalItems} books`);
    const books = page.member.map((book) => {
      const actions = listActions(book);
      const available = actions.filter((a) => a.state === 'available').map((a) => a.name);
      const unavailable = actions.filter((a) => a.state === 'unavailable').map((a) => a.name);
      log(`  ${book.title} by ${book.author}: ${available.length > 0 ? `can ${available.join(', ')}` : `due back ${book.dueBack ?? '?'}`}`);
      return { title: book.title, available, unavailable };
    });
    return { status: response.status, contentType: response.headers.get('content-type'), totalItems: page.totalItems, books };
  } finally {
    await server.close();
  }
}

// Run when executed directly (not when imported by the docs test).
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
