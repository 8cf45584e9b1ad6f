/**
 * The in-memory data every fixture API serves in its own shape: 23 books by 4 authors, so that a
 * collection of 10 per page spans 3 pages, with create, replace, delete, validation and the
 * title/author filter the search templates describe. Each fixture gets a fresh {@link Library}.
 *
 * @module
 */

/** An author. */
export interface Author {
  readonly id: number;
  readonly name: string;
}

/** A book. */
export interface Book {
  readonly id: number;
  readonly title: string;
  /** The author's id. */
  readonly author: number;
  readonly year: number;
}

/** A violation of a submitted book, as the fixtures report them (in their own shapes). */
export interface BookViolation {
  /** The property at fault, e.g. `title`. */
  readonly propertyPath: string;
  /** The message. */
  readonly message: string;
  /** The machine code (Symfony's for NotBlank and for a bad choice). */
  readonly code: string;
}

/** Members per page in every fixture. */
export const PAGE_SIZE = 10;

/** Symfony's code of the NotBlank constraint, as API Platform reports it. */
export const NOT_BLANK = 'c1051bb4-d103-4f74-8988-acbcafc7fdc3';

/** Symfony's code of an invalid choice (an author that does not exist). */
export const NO_SUCH_CHOICE = '8e179f1b-97aa-4560-a02f-2a8b42e49df7';

const AUTHORS: readonly Author[] = [
  { id: 1, name: 'Frank Herbert' },
  { id: 2, name: 'Ursula K. Le Guin' },
  { id: 3, name: 'Isaac Asimov' },
  { id: 4, name: 'Octavia E. Butler' },
];

const SEED: readonly (readonly [string, number, number])[] = [
  ['Dune', 1, 1965],
  ['A Wizard of Earthsea', 2, 1968],
  ['Foundation', 3, 1951],
  ['Kindred', 4, 1979],
  ['Dune Messiah', 1, 1969],
  ['The Left Hand of Darkness', 2, 1969],
  ['Foundation and Empire', 3, 1952],
  ['Parable of the Sower', 4, 1993],
  ['Children of Dune', 1, 1976],
  ['The Tombs of Atuan', 2, 1970],
  ['Second Foundation', 3, 1953],
  ['Parable of the Talents', 4, 1998],
  ['God Emperor of Dune', 1, 1981],
  ['The Farthest Shore', 2, 1972],
  ['I, Robot', 3, 1950],
  ['Dawn', 4, 1987],
  ['Heretics of Dune', 1, 1984],
  ['The Dispossessed', 2, 1974],
  ['The Caves of Steel', 3, 1954],
  ['Wild Seed', 4, 1980],
  ['Chapterhouse: Dune', 1, 1985],
  ['The Lathe of Heaven', 2, 1971],
  ['The End of Eternity', 3, 1955],
];

/** A book as submitted, before validation: whatever the body held. */
export interface BookInput {
  readonly title: unknown;
  /** The author's IRI (relative or absolute) or `undefined`. */
  readonly author: unknown;
  readonly year: unknown;
}

/** What a filter of the collection asks for. */
export interface BookFilter {
  /** A part of the title, case-insensitive (API Platform's "partial" strategy). */
  readonly title?: string | undefined;
  /** The author's IRI or id. */
  readonly author?: string | undefined;
}

/** The id in an author IRI (`/authors/3`, absolute or not) or a bare id, else `undefined`. */
function authorId(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /(?:^|\/authors\/)([0-9]+)$/.exec(value);
  return match ? Number(match[1]) : undefined;
}

/**
 * A fresh copy of the books and authors, with the operations the fixture APIs offer.
 *
 * @example
 * ```ts
 * import { Library } from './library.js';
 * const library = new Library();
 * library.list({ title: 'dune' }).length; // 6
 * ```
 */
export class Library {
  readonly authors: readonly Author[] = AUTHORS;
  readonly #books = new Map<number, Book>(SEED.map(([title, author, year], i) => [i + 1, { id: i + 1, title, author, year }]));
  #nextId = SEED.length + 1;

  /** Every book matching the filter, by id. */
  list(filter: BookFilter = {}): Book[] {
    const title = filter.title?.toLowerCase();
    const author = filter.author !== undefined ? authorId(filter.author) ?? -1 : undefined;
    return [...this.#books.values()].filter((b) => (title === undefined || b.title.toLowerCase().includes(title)) && (author === undefined || b.author === author));
  }

  /** The book with this id. */
  book(id: number): Book | undefined {
    return this.#books.get(id);
  }

  /** The author with this id. */
  author(id: number): Author | undefined {
    return this.authors.find((a) => a.id === id);
  }

  /** What is wrong with a submitted book (empty when nothing is). */
  violations(input: BookInput): BookViolation[] {
    const violations: BookViolation[] = [];
    if (typeof input.title !== 'string' || input.title.trim() === '') {
      violations.push({ propertyPath: 'title', message: 'This value should not be blank.', code: NOT_BLANK });
    }
    if (input.author !== undefined && input.author !== null && this.author(authorId(input.author) ?? -1) === undefined) {
      violations.push({ propertyPath: 'author', message: 'The value you selected is not a valid choice.', code: NO_SUCH_CHOICE });
    }
    return violations;
  }

  /** Adds a valid book (check {@link Library.violations} first). */
  create(input: BookInput): Book {
    const book = this.#fromInput(this.#nextId++, input);
    this.#books.set(book.id, book);
    return book;
  }

  /** Replaces a book with a valid input; `undefined` when there is no such book. */
  replace(id: number, input: BookInput): Book | undefined {
    if (!this.#books.has(id)) return undefined;
    const book = this.#fromInput(id, input);
    this.#books.set(id, book);
    return book;
  }

  /** Removes a book; whether there was one. */
  delete(id: number): boolean {
    return this.#books.delete(id);
  }

  #fromInput(id: number, input: BookInput): Book {
    return { id, title: String(input.title), author: authorId(input.author) ?? 1, year: typeof input.year === 'number' ? input.year : 0 };
  }
}

/**
 * One page of a list, and how many pages it has at {@link PAGE_SIZE} (at least one).
 *
 * @param items - the whole list.
 * @param page - the page number, from 1.
 * @returns the page's items and the last page's number.
 * @example
 * ```ts
 * import { pageOf } from './library.js';
 * pageOf(Array.from({ length: 23 }, (_, i) => i), 3); // { items: [20, 21, 22], last: 3 }
 * ```
 */
export function pageOf<T>(items: readonly T[], page: number): { readonly items: T[]; readonly last: number } {
  return { items: items.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE), last: Math.max(1, Math.ceil(items.length / PAGE_SIZE)) };
}
