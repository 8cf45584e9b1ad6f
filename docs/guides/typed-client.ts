/**
 * A typed client for an API you did not write: start a Hydra API in API Platform 3.x's shape (the
 * fixture of the test suite, on an ephemeral loopback port), generate a module of hyperld
 * definitions from its API documentation — what `hyperld generate <URL> -o library-api.ts`
 * writes —, import it, and use its registry with `createClient`: every page member decodes as a
 * typed `Book`, and a `PUT` the documentation offers on a book is invoked with a typed answer.
 *
 * Run it with `npx tsx --conditions=@hyperld/source docs/guides/typed-client.ts` (from the
 * repository root); `docs/src/guides.test.ts` runs {@link main} and checks its summary on every
 * test run.
 *
 * @module
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { generateFromUrl } from '@hyperld/cli';
import { idOf, type NodeOf } from '@hyperld/core';
import { membersOf } from '@hyperld/hydra';
import { createClient } from '@hyperld/hydra/client';
import { startApiPlatform3 } from '@hyperld/test/fixture-apis/api-platform';
import type * as LibraryApi from './library-api.js';

/**
 * What {@link main} found.
 *
 * @example
 * ```ts
 * import type { TypedClientGuideSummary } from './typed-client.js';
 * declare const summary: TypedClientGuideSummary;
 * summary.books; // 23
 * ```
 */
export interface TypedClientGuideSummary {
  /** The definitions the generated module exports, by name. */
  readonly types: readonly string[];
  /** How many books the client paged through. */
  readonly books: number;
  /** How many pages they came on. */
  readonly pages: number;
  /** The title of the first book, as decoded. */
  readonly first: string;
  /** The book replaced through the documented `PUT`: its title before and after. */
  readonly replaced: { readonly id: string; readonly before: string; readonly after: string };
  /** The generated module, with the API's origin written as {@link ORIGIN}: what `library-api.ts` holds. */
  readonly module: string;
}

/** Where the generated module is written: beside this guide, in a git-ignored folder. */
const OUT = new URL('./.generated/library-api.ts', import.meta.url);

/** The origin `library-api.ts` is written with: the API's, whose port changes every run, is replaced by it. */
export const ORIGIN = 'https://localhost';

/**
 * Starts the fixture API, generates its module, pages through its books with a client typed by
 * the module, replaces one book through the documented `PUT`, prints what happened and stops the
 * API.
 *
 * @param log - where to print (default `console.log`).
 * @returns what it found.
 * @example
 * ```ts
 * import { main } from './typed-client.js';
 * const summary = await main(() => {});
 * summary.replaced.after; // 'Dune (revised)'
 * ```
 */
export async function main(log: (line: string) => void = console.log): Promise<TypedClientGuideSummary> {
  const api = await startApiPlatform3();
  try {
    log(`Library API (API Platform 3.x shape) on ${api.url}`);

    // 1. Generate. Any URL of the API will do: the generator follows the `Link` header to the
    // API documentation and writes one module, as `hyperld generate <URL> -o library-api.ts` does.
    const source = await generateFromUrl(api.entrypoint);
    await mkdir(new URL('.', OUT), { recursive: true });
    await writeFile(OUT, source);
    log(`Generated docs/guides/.generated/library-api.ts from ${api.entrypoint}: ${source.split('\n').length} lines`);

    // 2. Import it. In a project of yours the file sits beside your code and is imported
    // statically; here the API's port changes every run, so the module is generated and
    // imported at run time, and typed as `library-api.ts`, the same module written for ORIGIN.
    const { Book, registry, types }: typeof LibraryApi = await import(OUT.href);
    log(`It defines ${types.map((d) => d.type).join(', ')}`);

    // 3. A client that decodes and validates every answer with the generated registry.
    const client = createClient({ baseUrl: api.url, registry, contexts: 'same-origin' });

    // 4. Page through the books. Each member is checked to be a Book and typed as one:
    // `title` is a string, `year` a number or absent, `author` a link.
    let books = 0;
    let pages = 0;
    let first: NodeOf<typeof Book> | undefined;
    for await (const page of client.pages(api.books)) {
      pages++;
      for (const member of membersOf(page)) {
        const book = registry.decodeAs(Book, member);
        books++;
        first ??= book;
      }
    }
    if (first === undefined) throw new Error('the API has no books');
    log(`${books} books on ${pages} pages; the first is “${first.title}” (${first.year ?? 'no year'}), by ${first.author ?? 'nobody'}`);

    // 5. Invoke an operation the documentation gives the class: its PUT replaces the book.
    const iri = idOf(first);
    if (iri === undefined) throw new Error('the first book has no @id');
    const book = await client.getAs(Book, iri);
    const put = (await client.operations(book)).find((op) => op.method === 'PUT');
    if (put === undefined) throw new Error('the API documentation offers no PUT on a book');
    const answer = await client.invoke(book, put, { title: `${book.title} (revised)`, author: book.author, year: book.year });
    // The answer was decoded as the type the operation returns; `decodeAs` checks it is a Book
    // and types it as one.
    const replaced = registry.decodeAs(Book, answer);
    log(`${put.method} ${put.target}: “${book.title}” is now “${replaced.title}”`);
    return {
      types: types.map((d) => d.type),
      books,
      pages,
      first: first.title,
      replaced: { id: iri, before: book.title, after: replaced.title },
      module: source.replaceAll(api.url, ORIGIN),
    };
  } finally {
    await api.close();
  }
}

// Run when executed directly (not when imported by the docs test).
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
