/**
 * The types a generated module gives (issue 17, point 2): the API Platform 3.x snapshot, which
 * `generate.e2e.test.ts` regenerates and compares, read as a user's code reads it.
 */
import type { Link, NodeOf } from '@hyperld/core';
import { describe, expectTypeOf, it } from 'vitest';
import { Author, Book, contexts, Entrypoint, operations, registry, types } from '../docs/guides/library-api.js';

type BookNode = NodeOf<typeof Book>;

describe('a generated module', () => {
  it('types a required string as a string, and optional values as optional and nullable', () => {
    expectTypeOf<BookNode['@type']>().toEqualTypeOf<'Book'>();
    expectTypeOf<BookNode['title']>().toEqualTypeOf<string>();
    expectTypeOf<BookNode['year']>().toEqualTypeOf<number | null | undefined>();
    expectTypeOf<NodeOf<typeof Author>['name']>().toEqualTypeOf<string>();
  });

  it('types a class range of a hydra:Link as a link to its type', () => {
    expectTypeOf<BookNode['author']>().toEqualTypeOf<Link<'Author'> | null | undefined>();
    expectTypeOf<NodeOf<typeof Entrypoint>['book']>().toEqualTypeOf<Link<'hydra:Collection'> | null | undefined>();
  });

  it('lists the definitions, the context URLs and the operations as literal types', () => {
    expectTypeOf(types).toEqualTypeOf<readonly [typeof Author, typeof Book, (typeof types)[2], typeof Entrypoint]>();
    expectTypeOf(contexts).toEqualTypeOf<readonly ['https://localhost/contexts/Author', 'https://localhost/contexts/Book', 'https://localhost/contexts/Entrypoint']>();
    expectTypeOf(operations.Book[1].method).toEqualTypeOf<'PUT'>();
    expectTypeOf(operations.Book[1].expects).toEqualTypeOf<'Book'>();
  });

  it("registers the definitions with Hydra's", () => {
    expectTypeOf(registry.lookup).returns.toMatchTypeOf<object | undefined>();
    const book = registry.decodeAs(Book, '{}');
    expectTypeOf(book.title).toEqualTypeOf<string>();
  });
});
