/**
 * Standard-shaped Hydra documents, as servers hyperld was not written for send them, for the
 * property tests, the fuzz properties and the decode bench:
 *
 * - `w3c`: hydra-box / kopflos style, the published Hydra context (as a URL, in an array with an
 *   inline object, or inline), `@id`, `member`, `view`, members typed by full or compact IRIs;
 * - `ap3`: API Platform 3.x, a same-origin remote context `/contexts/Book` registered by hand
 *   ({@link AP3_BOOK_CONTEXT}), `hydra:`-prefixed keys, blank or identified views, a search
 *   template whose mappings API Platform types `IriTemplateMapping` under its own `@vocab`;
 * - `ap4`: API Platform 4.x, the same shape with unprefixed Hydra terms ({@link AP4_BOOK_CONTEXT}).
 *
 * Documents carry nulls, `{}`, `[]`, unknown properties and `@type` arrays.
 *
 * @module
 */
import fc from 'fast-check';
import { createRegistry, defineType, HYDRA, t, type ContextDocument, type JsonObject, type JsonValue, type Registry } from '@hyperld/core';
import { HYDRA_CONTEXT, HYDRA_CONTEXT_DOCUMENT, hydraRegistry, hydraTypes } from '@hyperld/hydra';

/** The vocabulary of the API Platform-shaped bookshop (its API documentation's IRI with `#`). */
export const DOCS_VOCAB = 'https://bookshop.example/docs.jsonld#';
/** The context URL API Platform gives the bookshop's books (and their collection). */
export const BOOK_CONTEXT = '/contexts/Book';
const SCHEMA = 'https://schema.org/';

const bookTerms = {
  title: `${SCHEMA}name`,
  author: `${SCHEMA}author`,
  isbn: `${SCHEMA}isbn`,
  publicationDate: `${SCHEMA}datePublished`,
  reviews: `${SCHEMA}review`,
} as const;

/**
 * API Platform 3.x's context for books: its `@vocab` (the API documentation), the `hydra` prefix
 * and the resource's terms; Hydra's terms are written prefixed in documents.
 *
 * @example
 * ```ts
 * import { AP3_BOOK_CONTEXT } from './standard-documents.js';
 * AP3_BOOK_CONTEXT['@context']['hydra']; // 'http://www.w3.org/ns/hydra/core#'
 * ```
 */
export const AP3_BOOK_CONTEXT: ContextDocument = { '@context': { '@vocab': DOCS_VOCAB, hydra: HYDRA, ...bookTerms } };

/**
 * API Platform 4.x's context for books: Hydra's published terms unprefixed, then the resource's.
 *
 * @example
 * ```ts
 * import { AP4_BOOK_CONTEXT } from './standard-documents.js';
 * AP4_BOOK_CONTEXT['@context']['member']; // { '@id': 'hydra:member', '@type': '@id' }
 * ```
 */
export const AP4_BOOK_CONTEXT: ContextDocument = { '@context': { ...structuredClone(HYDRA_CONTEXT_DOCUMENT['@context']), '@vocab': DOCS_VOCAB, ...bookTerms } };

/**
 * A `Book` definition for the bookshop, read under its published context `/contexts/Book`.
 *
 * @example
 * ```ts
 * import { Book } from './standard-documents.js';
 * Book.context; // '/contexts/Book'
 * ```
 */
export const Book = defineType({
  type: 'Book',
  context: BOOK_CONTEXT,
  vocab: DOCS_VOCAB,
  properties: {
    title: t.string().mapTo(bookTerms.title),
    author: t.string().nullable().mapTo(bookTerms.author),
    isbn: t.string().mapTo(bookTerms.isbn),
    publicationDate: t.dateTime().nullable().mapTo(bookTerms.publicationDate),
    reviews: t.list(t.json()).mapTo(bookTerms.reviews),
  },
});

/** The three styles of {@link standardDocument}. */
export type Style = 'w3c' | 'ap3' | 'ap4';

/** Every style. */
export const STYLES: readonly Style[] = ['w3c', 'ap3', 'ap4'];

/**
 * The registries a style's documents decode with: the Hydra registry alone (members are generic
 * nodes), with the style's remote context registered by hand, and the same with `Book` defined.
 *
 * @param style - the style.
 * @param options - `codegen: false` for the walker alone.
 * @returns the two registries.
 * @example
 * ```ts
 * import { registriesFor } from './standard-documents.js';
 * const { generic, typed } = registriesFor('ap3');
 * ```
 */
export function registriesFor(style: Style, options: { readonly codegen?: boolean } = {}): { readonly generic: Registry; readonly typed: Registry } {
  const document = style === 'ap4' ? AP4_BOOK_CONTEXT : AP3_BOOK_CONTEXT;
  const codegen = options.codegen === undefined ? {} : { codegen: options.codegen };
  const generic = style === 'w3c' && options.codegen === undefined ? hydraRegistry : createRegistry({ types: hydraTypes, contexts: { [BOOK_CONTEXT]: document }, ...codegen });
  const typed = createRegistry({ types: [...hydraTypes, Book], contexts: { [BOOK_CONTEXT]: document }, ...codegen });
  return { generic, typed };
}

/** Values of properties no definition declares: JSON of any kind, nulls and empty containers. */
const extraValue: fc.Arbitrary<JsonValue> = fc.oneof(
  fc.constantFrom<JsonValue>(null, {}, [], '', 0, true),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<JsonValue>,
);

/** Keys no definition declares, in every spelling: terms, compact and full IRIs, awkward names. */
const extraKey = fc.constantFrom('extra', 'meta', '_links', 'x:note', 'http://example.org/vocab#note', 'schema:about', 'constructor', 'toString');

/** Adds unknown properties before or after the node's own (key order is part of losslessness). */
function withExtras(node: fc.Arbitrary<JsonObject>): fc.Arbitrary<JsonObject> {
  return fc.tuple(node, fc.dictionary(extraKey, extraValue, { maxKeys: 2 }), fc.boolean()).map(([own, extras, first]) => {
    const out: JsonObject = {};
    const put = (from: JsonObject): void => {
      for (const [k, v] of Object.entries(from)) if (!Object.hasOwn(out, k)) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
    };
    if (first) put(extras);
    put(own);
    put(extras);
    return out;
  });
}

/** Leaves out the properties whose value is `undefined` (absent), keeping the others' order. */
function defined(entries: Record<string, JsonValue | undefined>): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(entries)) if (v !== undefined) out[k] = v;
  return out;
}

const optional = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined });
const page = fc.nat(50).map((n) => `/books?page=${n}`);
const dateTime = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());

/** The keys a style writes Hydra's terms under. */
function hydraKey(style: Style, term: string): string {
  return style === 'ap3' ? `hydra:${term}` : term;
}

/** A member: a book of the bookshop (API Platform) or a schema.org book (W3C style). */
function member(style: Style, inlineSchema: boolean): fc.Arbitrary<JsonObject> {
  if (style === 'w3c') {
    const type = inlineSchema ? fc.constantFrom<JsonValue>('schema:Book', ['schema:Book', 'Resource']) : fc.constantFrom<JsonValue>(`${SCHEMA}Book`, [`${SCHEMA}Book`, 'Resource']);
    const name = inlineSchema ? 'schema:name' : `${SCHEMA}name`;
    return withExtras(
      fc.record({ id: fc.nat(), type, title: fc.string(), context: fc.boolean() }).map(({ id, type: ty, title, context }) =>
        defined({ ...(context ? { '@context': { schema: SCHEMA } } : {}), '@id': `/books/${id}`, '@type': ty, [name]: title }),
      ),
    );
  }
  const review = fc.record({ '@id': fc.nat().map((n) => `/reviews/${n}`), '@type': fc.constant('Review'), rating: fc.integer({ min: 0, max: 5 }) });
  return withExtras(
    fc
      .record({
        n: fc.nat(),
        type: fc.constantFrom<JsonValue>('Book', ['Book', `${SCHEMA}Book`]),
        numericId: fc.boolean(),
        title: fc.string(),
        author: fc.option(fc.string(), { nil: null }),
        isbn: fc.string({ maxLength: 13 }),
        publicationDate: fc.option(dateTime, { nil: null }),
        reviews: fc.array(review, { maxLength: 2 }),
      })
      .map((b) =>
        defined({
          '@id': `/books/${b.n}`,
          '@type': b.type,
          id: b.numericId ? b.n : undefined,
          title: b.title,
          author: b.author,
          isbn: b.isbn,
          publicationDate: b.publicationDate,
          reviews: b.reviews as JsonValue,
        }),
      ),
  );
}

/** A view: blank or identified, with any of its links (`next` and `previous` may be `null`). */
function view(style: Style): fc.Arbitrary<JsonObject> {
  return withExtras(
    fc.record({ id: optional(page), first: optional(page), last: optional(page), next: optional(fc.option(page, { nil: null })), previous: optional(fc.option(page, { nil: null })) }).map((v) =>
      defined({
        '@id': v.id,
        '@type': style === 'ap3' ? 'hydra:PartialCollectionView' : 'PartialCollectionView',
        [hydraKey(style, 'first')]: v.first,
        [hydraKey(style, 'last')]: v.last,
        [hydraKey(style, 'next')]: v.next,
        [hydraKey(style, 'previous')]: v.previous,
      }),
    ),
  );
}

/** A search template, its mappings typed as each style's server types them. */
function search(style: Style): fc.Arbitrary<JsonObject> {
  const mapping = fc.record({ variable: fc.constantFrom('title', 'author', 'properties[]', 'order[title]'), required: fc.boolean(), named: fc.boolean() }).map((m) =>
    style === 'w3c'
      ? { '@type': 'IriTemplateMapping', variable: m.variable, property: `${SCHEMA}name`, required: m.required }
      : // API Platform writes these keys unprefixed in both versions, and `property: null` for `properties[]`.
        { '@type': 'IriTemplateMapping', variable: m.variable, property: m.named ? m.variable : null, required: m.required },
  );
  return fc.record({ mappings: fc.array(mapping, { maxLength: 3 }), basic: fc.boolean() }).map(({ mappings, basic }) => ({
    '@type': style === 'ap3' ? 'hydra:IriTemplate' : 'IriTemplate',
    [hydraKey(style, 'template')]: '/books{?title,author}',
    [hydraKey(style, 'variableRepresentation')]: basic ? 'BasicRepresentation' : 'ExplicitRepresentation',
    [hydraKey(style, 'mapping')]: mappings,
  }));
}

/**
 * A collection page of a style, valid for {@link registriesFor}'s registries.
 *
 * @param style - the style.
 * @returns the arbitrary of documents.
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { standardDocument } from './standard-documents.js';
 * const [doc] = fc.sample(standardDocument('ap3'), 1);
 * ```
 */
export function standardDocument(style: Style): fc.Arbitrary<JsonObject> {
  const contexts: fc.Arbitrary<{ readonly context: JsonValue; readonly schema: boolean }> =
    style === 'w3c'
      ? fc.constantFrom(
          { context: HYDRA_CONTEXT, schema: false },
          { context: [HYDRA_CONTEXT, { schema: SCHEMA }], schema: true },
          { context: 'inline', schema: true },
        )
      : fc.constant({ context: BOOK_CONTEXT, schema: false });
  return contexts.chain(({ context, schema }) =>
    withExtras(
      fc
        .record({
          type: style === 'ap3' ? fc.constant<JsonValue>('hydra:Collection') : fc.constantFrom<JsonValue>('Collection', ['Collection', `${SCHEMA}ItemList`]),
          members: fc.array(member(style, schema), { maxLength: 4 }),
          total: optional(fc.nat()),
          view: optional(view(style)),
          search: optional(search(style)),
        })
        .map((c) =>
          defined({
            // A copy per document: the published document's term definitions are never shared.
            '@context': context === 'inline' ? { ...structuredClone(HYDRA_CONTEXT_DOCUMENT['@context']), schema: SCHEMA } : context,
            '@id': '/books',
            '@type': c.type,
            [hydraKey(style, 'totalItems')]: c.total,
            [hydraKey(style, 'member')]: c.members,
            [hydraKey(style, 'view')]: c.view,
            [hydraKey(style, 'search')]: c.search,
          }),
        ),
    ),
  );
}

/**
 * An API Platform 3.x-shaped page of `n` books, deterministic (for the bench): `@context`
 * `/contexts/Book`, `hydra:member`, `hydra:totalItems`, `hydra:view` (blank, or with its `@id`)
 * and `hydra:search`; no string is shared between members.
 *
 * @param n - how many members.
 * @param options - `viewId`: whether the view has an `@id`.
 * @returns the page.
 * @example
 * ```ts
 * import { apiPlatformPage } from './standard-documents.js';
 * apiPlatformPage(3)['hydra:member']; // three books
 * ```
 */
export function apiPlatformPage(n: number, options: { readonly viewId?: boolean } = {}): JsonObject {
  const members: JsonObject[] = [];
  for (let i = 1; i <= n; i++) {
    members.push({
      '@id': `/books/${i}`,
      '@type': 'Book',
      id: i,
      title: `The Book Number ${i}`,
      author: i % 7 === 0 ? null : `Author ${i % 97} ${i}`,
      isbn: `978${String(1000000000 + i * 7919).slice(0, 10)}`,
      publicationDate: new Date(Date.UTC(1950, 0, 1) + i * 86_400_000).toISOString(),
      reviews: i % 5 === 0 ? [{ '@id': `/reviews/${i}`, '@type': 'Review', rating: i % 6 }] : [],
    });
  }
  return {
    '@context': BOOK_CONTEXT,
    '@id': '/books',
    '@type': 'hydra:Collection',
    'hydra:totalItems': n * 3,
    'hydra:member': members,
    'hydra:view': {
      ...(options.viewId ? { '@id': '/books?page=1' } : {}),
      '@type': 'hydra:PartialCollectionView',
      'hydra:first': '/books?page=1',
      'hydra:last': '/books?page=3',
      'hydra:next': '/books?page=2',
    },
    'hydra:search': {
      '@type': 'hydra:IriTemplate',
      'hydra:template': '/books{?properties[],order[title],title,author}',
      'hydra:variableRepresentation': 'BasicRepresentation',
      'hydra:mapping': [
        { '@type': 'IriTemplateMapping', variable: 'properties[]', property: null, required: false },
        { '@type': 'IriTemplateMapping', variable: 'order[title]', property: 'title', required: false },
        { '@type': 'IriTemplateMapping', variable: 'title', property: 'title', required: false },
        { '@type': 'IriTemplateMapping', variable: 'author', property: 'author', required: false },
      ],
    },
  };
}
