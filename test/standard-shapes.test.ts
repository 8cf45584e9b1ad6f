/**
 * Decoding standard-shaped Hydra documents (issue 16, point 1): the W3C context with `@id` and
 * `member`, API Platform 3.x (`hydra:` prefixed keys, a same-origin remote context registered by
 * hand) and 4.x (unprefixed terms), with nulls, `{}`, `[]`, unknown properties and `@type`
 * arrays. Every generated document decodes, as text (the generated validators) and as a parsed
 * value (the walker), to the same outcome, under the Hydra registry alone and with `Book`
 * defined, and encodes back to the very text it came from.
 *
 * @module
 */
import fc from 'fast-check';
import { createRegistry, isDecodeError, type DecodeOptions, type JsonObject, type Registry } from '@hyperld/core';
import { HYDRA_CONTEXT, hydraRegistry, hydraTypes, pageLinksOf } from '@hyperld/hydra';
import { describe, expect, it } from 'vitest';
import { AP3_BOOK_CONTEXT, apiPlatformPage, Book, BOOK_CONTEXT, registriesFor, standardDocument, STYLES } from './helpers/standard-documents.js';

const RUNS = 300;

/** The violations of a decode, or `[]` when it decodes. */
function violationsOf(registry: Registry, input: unknown, options?: DecodeOptions): string[] {
  try {
    registry.decode(input, options);
    return [];
  } catch (error) {
    if (!isDecodeError(error)) throw error;
    return error.violations.map((v) => `${v.code} ${v.path}`);
  }
}

describe('standard-shaped documents decode losslessly', () => {
  for (const style of STYLES) {
    const fast = registriesFor(style);
    const walker = registriesFor(style, { codegen: false });
    for (const which of ['generic', 'typed'] as const) {
      it(`${style}, ${which === 'generic' ? 'the Hydra registry alone' : 'with Book defined'}: text and value decode, and encode byte-equal`, () => {
        fc.assert(
          fc.property(standardDocument(style), (doc) => {
            // Arrange: strict where every node's type is registered (a book of the typed registries).
            const text = JSON.stringify(doc);
            const options = { strict: which === 'typed' && style !== 'w3c' };
            // Act
            const fromText = fast[which].decode(text, options);
            const fromValue = walker[which].decode(JSON.parse(text) as unknown, options);
            // Assert
            expect(fast[which].encodeText(fromText)).toBe(text);
            expect(walker[which].encodeText(fromValue)).toBe(text);
            expect(fast[which].definitionOf(fromText)?.type).toBe('hydra:Collection');
          }),
          { numRuns: RUNS },
        );
      });
    }
  }

  for (const style of STYLES) {
    it(`${style}: the generated validators and the walker agree on mutated documents (the walker reports)`, () => {
      const fast = registriesFor(style).typed;
      const walker = registriesFor(style, { codegen: false }).typed;
      const replacement = fc.oneof(fc.constantFrom<unknown>(null, {}, [], '', 3, true, 'Book', ['Book'], [], 'PartialCollectionView', '/x y'), fc.jsonValue({ maxDepth: 1 }));
      fc.assert(
        fc.property(standardDocument(style), fc.nat(), fc.nat(), replacement, (generated, at, pick, value) => {
          // Arrange: one value of one object of a copy replaced (an embedded node's @type, a link, a member…).
          const doc = JSON.parse(JSON.stringify(generated)) as unknown;
          const objects: Record<string, unknown>[] = [];
          const visit = (v: unknown): void => {
            if (typeof v !== 'object' || v === null) return;
            if (!Array.isArray(v)) objects.push(v as Record<string, unknown>);
            for (const x of Object.values(v)) visit(x);
          };
          visit(doc);
          const target = objects[at % objects.length] as Record<string, unknown>;
          const keys = Object.keys(target);
          const key = keys[pick % Math.max(1, keys.length)];
          if (key !== undefined) Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
          const text = JSON.stringify(doc);
          // Act, Assert
          expect(violationsOf(fast, text)).toEqual(violationsOf(walker, JSON.parse(text) as unknown));
        }),
        { numRuns: RUNS },
      );
    });
  }

  it('types the members as Book where it is defined, through the root context', () => {
    fc.assert(
      fc.property(fc.constantFrom('ap3' as const, 'ap4' as const).chain((style) => standardDocument(style).map((doc) => [style, doc] as const)), ([style, doc]) => {
        const { typed, generic } = registriesFor(style);
        const page = typed.decode(JSON.stringify(doc)) as JsonObject;
        const members = (page[style === 'ap3' ? 'hydra:member' : 'member'] ?? []) as JsonObject[];
        for (const m of members) {
          expect(typed.definitionOf(m, { context: page['@context'] as string })).toBe(Book);
          expect(generic.definitionOf(m, { context: page['@context'] as string })).toBeUndefined();
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('standard shapes: what is checked', () => {
  const typed = registriesFor('ap3').typed;
  const walkerTyped = registriesFor('ap3', { codegen: false }).typed;
  const both = (input: JsonObject, options?: DecodeOptions): string[] => {
    const text = JSON.stringify(input);
    const viaText = violationsOf(typed, text, options);
    expect(violationsOf(walkerTyped, JSON.parse(text) as unknown, options)).toEqual(viaText);
    expect(violationsOf(typed, JSON.parse(text) as unknown, options)).toEqual(viaText);
    return viaText;
  };

  it('validates an embedded node through the enclosing context: a view term, a Book without its own @context', () => {
    // Arrange
    const w3c = { '@context': HYDRA_CONTEXT, '@id': '/books', '@type': 'Collection', member: [], view: { '@type': 'PartialCollectionView', first: 3 } };
    const page = apiPlatformPage(2);
    ((page['hydra:member'] as JsonObject[])[1] as JsonObject)['title'] = 42;
    // Act, Assert
    expect(violationsOf(hydraRegistry, JSON.stringify(w3c))).toEqual(['wrong_kind $.view.first']);
    expect(violationsOf(createRegistry({ types: hydraTypes, codegen: false }), w3c)).toEqual(['wrong_kind $.view.first']);
    expect(both(page)).toEqual(['wrong_kind $["hydra:member"][1].title']);
  });

  it('reads the identifier under @id: API Platform numeric id is data, and a node without @id is missing it', () => {
    const page = apiPlatformPage(1);
    const book = (page['hydra:member'] as JsonObject[])[0] as JsonObject;
    expect(both(page)).toEqual([]);
    delete book['@id'];
    // `id` means the vocabulary's `id` there: an identifier only in a node without `@id`, so 1 is no IRI.
    expect(both(page)).toEqual(['wrong_kind $["hydra:member"][0].id']);
    delete book['id'];
    expect(both(page)).toEqual(['missing_property $["hydra:member"][0]["@id"]']);
  });

  it('dispatches a @type array on its first registered type, keeping the array', () => {
    const page = apiPlatformPage(1);
    const book = (page['hydra:member'] as JsonObject[])[0] as JsonObject;
    book['@type'] = ['https://schema.org/Book', 'Book'];
    book['isbn'] = 7;
    expect(both(page)).toEqual(['wrong_kind $["hydra:member"][0].isbn']);
    book['isbn'] = '9780000000001';
    const decoded = typed.decode(JSON.stringify(page)) as JsonObject;
    expect(((decoded['hydra:member'] as JsonObject[])[0] as JsonObject)['@type']).toEqual(['https://schema.org/Book', 'Book']);
    expect(typed.definitionOf({ '@type': ['https://schema.org/Book', 'Book'] })).toBe(Book);
  });

  it('accepts a blank view, and a view, a search and mappings as API Platform writes them', () => {
    const blank = apiPlatformPage(3);
    const identified = apiPlatformPage(3, { viewId: true });
    expect(both(blank)).toEqual([]);
    expect(both(identified)).toEqual([]);
    const page = hydraRegistry.with([], { [BOOK_CONTEXT]: AP3_BOOK_CONTEXT }).decode(JSON.stringify(blank));
    expect(pageLinksOf(page).next).toBe('/books?page=2');
  });

  it('with unknownContext ignore, decodes an API Platform 3.x page whose context is not registered', () => {
    const text = JSON.stringify(apiPlatformPage(3));
    expect(violationsOf(hydraRegistry, text)).toEqual(['unknown_context $["@context"]']);
    expect(violationsOf(hydraRegistry, text, { unknownContext: 'ignore' })).toEqual([]);
    expect(violationsOf(createRegistry({ types: hydraTypes, codegen: false }), JSON.parse(text) as unknown, { unknownContext: 'ignore' })).toEqual([]);
  });

  it('reads compact and full IRIs as keys, under a remote context and under inline ones', () => {
    const HYDRA = 'http://www.w3.org/ns/hydra/core#';
    const page = apiPlatformPage(1);
    const full: JsonObject = { '@context': BOOK_CONTEXT, '@id': '/books', '@type': `${HYDRA}Collection`, [`${HYDRA}member`]: page['hydra:member'] as JsonObject[], [`${HYDRA}totalItems`]: 1 };
    expect(both(full)).toEqual([]);
    expect(both({ ...full, [`${HYDRA}totalItems`]: 'one' })).toEqual([`wrong_kind $["${HYDRA}totalItems"]`]);
    // An inline context layered on the remote one: its term for hydra:member, and a prefix of its own.
    const inline: JsonObject = { '@context': [BOOK_CONTEXT, { h: HYDRA, books: 'h:member' }], '@id': '/books', '@type': 'h:Collection', books: page['hydra:member'] as JsonObject[], 'h:totalItems': 'one' };
    expect(both(inline)).toEqual(['wrong_kind $["h:totalItems"]']);
    expect(both({ ...inline, 'h:totalItems': 1, books: [42] })).toEqual(['wrong_kind $.books[0]']);
  });

  it('applies DecodeOptions.context to a root without @context (a JSON-LD context Link header)', () => {
    const { '@context': _, ...plain } = apiPlatformPage(2);
    ((plain['hydra:member'] as JsonObject[])[0] as JsonObject)['isbn'] = 7;
    expect(both(plain as JsonObject, { context: BOOK_CONTEXT })).toEqual(['wrong_kind $["hydra:member"][0].isbn']);
    // An unregistered one is reported, and the document still walked: `Book` is the registered term.
    expect(both(plain as JsonObject, { context: '/contexts/Unknown' })).toEqual(['unknown_context $', 'wrong_kind $["hydra:member"][0].isbn']);
    expect(both(plain as JsonObject, { context: '/contexts/Unknown', unknownContext: 'ignore' })).toEqual(['wrong_kind $["hydra:member"][0].isbn']);
  });
});
