/**
 * The API documentation reader on hand-written documentation in the shapes real servers write
 * (API Platform 3.x and 4.x, hydra-box/kopflos), on hyperld's own `apiDocumentation` (round trip),
 * and on documents it must refuse.
 *
 * @module
 */
import { HYDRA, isHyperldError, type AnyKind } from '@hyperld/core';
import { describe, expect, it } from 'vitest';
import { conversationRegistry, VOCAB } from './__fixtures__/conversations.js';
import { actionSpecOf } from './actions.js';
import { readApiDocumentation, type ApiDocumentationModel } from './api-doc-reader.js';
import { apiDocumentation, propertyIri } from './api-documentation.js';
import { isHydraError } from './errors.js';
import { HYDRA_CONTEXT } from './vocabulary.js';
import { apiPlatform3, apiPlatform4, hydraBox, SCHEMA, XSD } from './__fixtures__/api-documentations.js';

const read = (doc: unknown, base = 'https://books.example/docs.jsonld'): ApiDocumentationModel => readApiDocumentation(doc, { base });
const caught = (f: () => unknown): unknown => {
  try {
    f();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
};

describe('readApiDocumentation: API Platform 3.x (hydra: prefixes, inline context)', () => {
  const model = read(apiPlatform3());

  it('reads the documentation node, its entry point resolved against the base, and every class by IRI', () => {
    expect(model.id).toBe('https://books.example/docs.jsonld');
    expect(model.entrypoint).toBe('https://books.example/');
    expect(model).toMatchObject({ title: 'Books', description: 'A bookshop.' });
    expect([...model.classes.keys()]).toEqual([`${SCHEMA}Book`, 'https://books.example/docs.jsonld#Entrypoint']);
  });

  it('reads class-level operations: types, method, expects, returns, statuses', () => {
    const book = model.classes.get(`${SCHEMA}Book`);
    expect(book).toMatchObject({ title: 'Book', label: 'Book', description: 'A book.', subClassOf: [] });
    expect(book?.operations).toEqual([
      { types: [`${HYDRA}Operation`, `${SCHEMA}FindAction`], method: 'GET', title: 'Retrieves a Book resource.', returns: `${SCHEMA}Book`, possibleStatus: [404] },
      { types: [`${HYDRA}Operation`, `${SCHEMA}ReplaceAction`], method: 'PUT', title: 'Replaces the Book resource.', expects: `${SCHEMA}Book`, returns: `${SCHEMA}Book`, possibleStatus: [] },
      { types: [`${HYDRA}Operation`, 'http://schema.org/DeleteAction'], method: 'DELETE', title: 'Deletes the Book resource.', returns: 'http://www.w3.org/2002/07/owl#Nothing', possibleStatus: [] },
    ]);
  });

  it('reads supported properties with hydra:writeable (the older spelling), links and ranges', () => {
    const [isbn, reviews] = model.classes.get(`${SCHEMA}Book`)?.properties ?? [];
    expect(isbn).toEqual({
      iri: `${SCHEMA}isbn`,
      title: 'isbn',
      description: 'The ISBN of the book.',
      label: 'isbn',
      range: `${XSD}string`,
      link: false,
      required: true,
      readable: true,
      writable: true,
      operations: [],
    });
    expect(reviews).toMatchObject({ iri: 'https://books.example/docs.jsonld#Book/reviews', range: 'https://books.example/docs.jsonld#Review', link: true, required: false, writable: false });
  });

  it('reads the operations of a hydra:Link property and the member class of its collection range', () => {
    const [book] = model.classes.get('https://books.example/docs.jsonld#Entrypoint')?.properties ?? [];
    expect(book).toMatchObject({ iri: 'https://books.example/docs.jsonld#Entrypoint/book', link: true, range: `${HYDRA}Collection`, memberClass: `${SCHEMA}Book`, readable: true, writable: false });
    expect(book?.operations.map((op) => [op.method, op.expects, op.returns])).toEqual([
      ['GET', undefined, `${HYDRA}Collection`],
      ['POST', `${SCHEMA}Book`, `${SCHEMA}Book`],
    ]);
    // A single operation, not in an array, and a title from rdfs:label.
    expect(model.classes.get('https://books.example/docs.jsonld#Entrypoint')?.operations).toEqual([
      { types: [`${HYDRA}Operation`], method: 'GET', title: 'The API entrypoint.', returns: 'https://books.example/docs.jsonld#EntryPoint', possibleStatus: [] },
    ]);
  });

  it('reads a relative @vocab against the base, as JSON-LD 1.1 does', () => {
    const doc = apiPlatform3();
    (doc['@context'] as Record<string, unknown>)['@vocab'] = '/docs.jsonld#';
    expect([...read(doc).classes.keys()]).toEqual([`${SCHEMA}Book`, 'https://books.example/docs.jsonld#Entrypoint']);
  });
});

describe('readApiDocumentation: API Platform 4.x (unprefixed, the W3C context by URL)', () => {
  const model = read(apiPlatform4());

  it('reads the same model through the published Hydra context, never fetched', () => {
    const book = model.classes.get(`${SCHEMA}Book`);
    expect(model.entrypoint).toBe('https://books.example/');
    expect(book?.properties.map((p) => [p.iri, p.link, p.required, p.writable, p.range])).toEqual([
      [`${SCHEMA}isbn`, false, false, true, `${XSD}string`],
      [`${SCHEMA}author`, true, true, false, `${SCHEMA}Person`],
    ]);
    expect(book?.operations.map((op) => [op.method, op.title, op.expects, op.possibleStatus])).toEqual([
      ['GET', 'getBook', undefined, [200, 404]],
      ['PUT', 'Replaces the Book resource.', `${SCHEMA}Book`, []],
    ]);
  });

  it('reads the https spelling of the W3C context URL as the same document', () => {
    const doc = apiPlatform4();
    (doc['@context'] as unknown[])[0] = 'https://www.w3.org/ns/hydra/context.jsonld';
    expect(read(doc)).toEqual(model);
  });
});

describe('readApiDocumentation: hydra-box / kopflos (a flat @graph, the W3C context)', () => {
  const model = read(hydraBox(), 'https://people.example/api');

  it('follows references by @id to classes, supported properties, properties, operations and statuses', () => {
    expect(model.id).toBe('https://people.example/api');
    expect(model.entrypoint).toBe('https://people.example/');
    const person = model.classes.get('https://people.example/vocab#Person');
    expect(person?.subClassOf).toEqual(['http://schema.org/Person']);
    expect(person?.operations).toEqual([
      { id: 'https://people.example/vocab#Person/get', types: [`${HYDRA}Operation`], method: 'GET', returns: 'https://people.example/vocab#Person', possibleStatus: [] },
    ]);
    expect(person?.properties.map((p) => [p.iri, p.link, p.required, p.writable])).toEqual([
      ['http://schema.org/name', false, true, true],
      ['https://people.example/vocab#friends', true, false, false],
    ]);
    expect(person?.properties[1]?.operations).toEqual([
      {
        id: 'https://people.example/vocab#friends/add',
        types: [`${HYDRA}Operation`, 'http://schema.org/AddAction'],
        method: 'POST',
        title: 'addFriend',
        description: 'Adds a friend.',
        expects: 'https://people.example/vocab#Person',
        possibleStatus: [201],
      },
    ]);
  });

  it('reads a node referred to from two classes once: both hold the same model', () => {
    const person = model.classes.get('https://people.example/vocab#Person');
    const team = model.classes.get('https://people.example/vocab#Team');
    expect(team?.operations[0]).toBe(person?.operations[0]);
    expect(team?.properties[0]).toBe(person?.properties[1]);
  });
});

describe('readApiDocumentation: what hyperld’s server writes, read back', () => {
  const BASE = 'https://api.textus.example/docs.jsonld';
  const doc = apiDocumentation(conversationRegistry, {
    id: '/docs.jsonld',
    title: 'TextUs (test)',
    entrypoint: '/',
    possibleStatus: (op) => (op.method === 'GET' ? [401, 404] : [401, 404, 409]),
  });
  const model = read(JSON.parse(JSON.stringify(doc)), BASE);

  it('has every documented class, with its title, operations and properties', () => {
    expect(model).toMatchObject({ id: BASE, entrypoint: 'https://api.textus.example/', title: 'TextUs (test)' });
    expect([...model.classes.keys()]).toEqual(doc.supportedClass.map((c) => c['@id']));
    for (const written of doc.supportedClass) {
      const read = model.classes.get(written['@id'] as string);
      const properties = written['supportedProperty'] as Array<Record<string, unknown>>;
      expect(read?.title).toBe(written['title']);
      expect(read?.properties.map((p) => p.title)).toEqual(properties.map((p) => p['title']));
      expect(read?.properties.map((p) => [p.required, p.readable, p.writable])).toEqual(properties.map((p) => [p['required'], p['readable'], p['writable']]));
      expect(read?.operations.map((op) => [op.id, op.method, op.returns])).toEqual([[`${written['@id']}/get`, 'GET', written['@id']]]);
    }
  });

  it('gives every declared action of every type as an operation of its link property, with method, expects, returns and statuses', () => {
    let actions = 0;
    for (const def of conversationRegistry.types.values()) {
      const read = model.classes.get(def.iri);
      if (read === undefined) continue;
      for (const [key, kind] of Object.entries(def.properties) as [string, AnyKind][]) {
        const spec = actionSpecOf(kind);
        if (spec === undefined) continue;
        actions++;
        const property = read.properties.find((p) => p.iri === propertyIri(def, key, kind));
        expect(property).toMatchObject({ link: true, label: key });
        const expects = spec.expects !== undefined ? conversationRegistry.lookup(spec.expects)?.iri : undefined;
        const returns = spec.returns !== undefined ? conversationRegistry.lookup(spec.returns)?.iri : undefined;
        const statuses = [spec.status ?? 200, ...(expects !== undefined ? [400, 413, 415] : []), 401, 404, 409];
        expect(property?.operations).toEqual([
          expect.objectContaining({
            method: spec.method,
            title: key,
            ...(expects !== undefined ? { expects } : {}),
            ...(returns !== undefined ? { returns } : {}),
            possibleStatus: [...new Set(statuses)],
          }),
        ]);
      }
    }
    expect(actions).toBeGreaterThan(5);
  });

  it('reads collections with their member class', () => {
    const collection = model.classes.get(`${VOCAB}ConversationCollection`);
    expect(collection).toMatchObject({ subClassOf: [`${HYDRA}Collection`], memberClass: `${VOCAB}ConversationWithAccount` });
  });
});

describe('readApiDocumentation refuses, with typed errors', () => {
  it('a context it cannot resolve: decode_failed, caused by unknown_context, and nothing fetched', () => {
    const error = caught(() => read({ '@context': '/contexts/ApiDocumentation', '@type': 'ApiDocumentation' }));
    expect(isHydraError(error) && error.code).toBe('decode_failed');
    expect(isHyperldError((error as Error).cause) && ((error as Error).cause as { code: string }).code).toBe('unknown_context');
  });

  it('resolves a context through the resolver given', () => {
    const model = readApiDocumentation(
      { '@context': '/contexts/ApiDocumentation', '@type': 'ApiDocumentation', supportedClass: [{ '@id': 'http://schema.org/Book' }] },
      { base: 'https://books.example/docs', resolveContext: (url) => (url === '/contexts/ApiDocumentation' ? { '@context': { '@vocab': HYDRA } } : undefined) },
    );
    expect([...model.classes.keys()]).toEqual(['http://schema.org/Book']);
  });

  it('a document without API documentation: decode_failed', () => {
    const error = caught(() => read({ '@context': HYDRA_CONTEXT, '@type': 'Collection', member: [] }));
    expect(isHydraError(error) && error.code).toBe('decode_failed');
  });

  it('a document nesting past maxDepth: decode_failed, without a stack overflow', () => {
    let deep: unknown = { '@id': 'http://schema.org/Book' };
    for (let i = 0; i < 10_000; i++) deep = { 'http://example.com/p': deep };
    const error = caught(() => readApiDocumentation({ '@type': `${HYDRA}ApiDocumentation`, [`${HYDRA}supportedClass`]: deep }, { base: 'https://books.example/', maxDepth: 64 }));
    expect(isHydraError(error) && error.code).toBe('decode_failed');
  });

  it('a context nested in arrays without end: decode_failed, not a stack overflow', () => {
    let context: unknown = {};
    for (let i = 0; i < 100_000; i++) context = [context];
    const error = caught(() => read({ '@context': context, '@type': `${HYDRA}ApiDocumentation` }));
    expect(isHydraError(error) && error.code).toBe('decode_failed');
  });

  it('leaves out an operation without a method and a class without an IRI', () => {
    const model = read({
      '@context': HYDRA_CONTEXT,
      '@type': 'ApiDocumentation',
      supportedClass: [{ '@type': 'Class', title: 'blank' }, { '@id': 'http://schema.org/Book', supportedOperation: [{ '@type': 'Operation', title: 'no method' }] }],
    });
    expect([...model.classes.values()].map((c) => [c.iri, c.operations.length])).toEqual([['http://schema.org/Book', 0]]);
  });
});
