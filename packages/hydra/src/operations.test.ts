/**
 * listOperations: every source (compile-time actions, class and link operations of the API
 * documentation, inline operations), every state, deduplication and naming.
 *
 * @module
 */
import { HYDRA } from '@hyperld/core';
import { describe, expect, it } from 'vitest';
import { apiPlatform3, hydraBox, SCHEMA } from './__fixtures__/api-documentations.js';
import { CONVERSATION_ACTIONS, conversationRegistry, SEED_BASE, seedText, VOCAB } from './__fixtures__/conversations.js';
import { readApiDocumentation } from './api-doc-reader.js';
import { apiDocumentation } from './api-documentation.js';
import { isHydraError } from './errors.js';
import { listOperations, type DiscoveredOperation } from './operations.js';
import { HYDRA_CONTEXT } from './vocabulary.js';

const BOOKS = 'https://books.example';
const DOCS = `${BOOKS}/docs.jsonld`;
const books = readApiDocumentation(apiPlatform3(), { base: DOCS });
/** The context API Platform serves for its resources (here inline: remote contexts are another helper's). */
const BOOK_CONTEXT = { '@vocab': `${DOCS}#`, hydra: HYDRA, schema: SCHEMA, Book: 'schema:Book', book: { '@id': 'Entrypoint/book', '@type': '@id' } };
const brief = (ops: DiscoveredOperation[]) => ops.map((op) => [op.name, op.source, op.method, op.state, op.target]);

describe('listOperations: class operations of the API documentation', () => {
  it('finds the class by the node’s @type through its context, and targets the node’s own @id', () => {
    const book = { '@context': BOOK_CONTEXT, '@id': '/books/1', '@type': 'Book', isbn: '978' };
    const ops = listOperations(book, { base: `${BOOKS}/books/1`, apiDocumentation: books });
    expect(brief(ops)).toEqual([
      ['GET self', 'class', 'GET', 'available', `${BOOKS}/books/1`],
      ['PUT self', 'class', 'PUT', 'available', `${BOOKS}/books/1`],
      ['DELETE self', 'class', 'DELETE', 'available', `${BOOKS}/books/1`],
    ]);
    expect(ops[1]).toEqual({
      name: 'PUT self',
      method: 'PUT',
      target: `${BOOKS}/books/1`,
      href: '/books/1',
      expects: `${SCHEMA}Book`,
      returns: `${SCHEMA}Book`,
      state: 'available',
      source: 'class',
      title: 'Replaces the Book resource.',
    });
  });

  it('reads a node’s context URL through the resolver given (remote contexts fetched beforehand)', () => {
    const resolveContext = (url: string) => (url === '/contexts/Entrypoint' ? { '@context': BOOK_CONTEXT } : undefined);
    // Under this context `Start` names the entry point class and `books` its collection link: no local name would find them.
    const node = { '@context': ['/contexts/Entrypoint', { Start: 'Entrypoint', books: 'book' }], '@id': '/', '@type': 'Start', books: '/books' };
    const ops = listOperations(node, { base: `${BOOKS}/`, apiDocumentation: books, resolveContext });
    expect(brief(ops).map(([name, , , , target]) => [name, target])).toEqual([
      ['GET self', `${BOOKS}/`],
      ['GET book', `${BOOKS}/books`],
      ['POST book', `${BOOKS}/books`],
    ]);
    expect(listOperations(node, { base: `${BOOKS}/`, apiDocumentation: books })).toEqual([]);
    // A context document that is itself an array naming another context (API Platform 4.x: [the W3C context, its terms]).
    const nested = (url: string) => (url === '/contexts/Entrypoint' ? { '@context': [HYDRA_CONTEXT, '/contexts/terms'] } : url === '/contexts/terms' ? { '@context': BOOK_CONTEXT } : undefined);
    expect(listOperations(node, { base: `${BOOKS}/`, apiDocumentation: books, resolveContext: nested as never })).toEqual(ops);
  });

  it('takes a @type array, each type expanded, and a full IRI as it is', () => {
    const node = { '@context': BOOK_CONTEXT, '@id': '/', '@type': ['https://schema.org/Book', 'Entrypoint'], book: '/books' };
    expect(listOperations(node, { base: `${BOOKS}/`, apiDocumentation: books }).map((op) => op.name)).toEqual([
      'GET self',
      'PUT self',
      'DELETE self',
      'GET book',
      'POST book',
    ]);
  });

  it('reads an embedded node without a context through the enclosing context, else by the one class its type names', () => {
    const member = { '@id': '/books/2', '@type': 'Book' };
    const viaContext = listOperations(member, { base: `${BOOKS}/books`, apiDocumentation: books, context: BOOK_CONTEXT });
    expect(viaContext.map((op) => op.target)).toEqual([`${BOOKS}/books/2`, `${BOOKS}/books/2`, `${BOOKS}/books/2`]);
    expect(listOperations(member, { base: `${BOOKS}/books`, apiDocumentation: books })).toEqual(viaContext);
    // A type no documented class names has no class operations.
    expect(listOperations({ '@id': '/x', '@type': 'Review' }, { base: BOOKS, apiDocumentation: books })).toEqual([]);
  });
});

describe('listOperations: operations of hydra:Link properties', () => {
  const entrypoint = (book: unknown) => ({ '@context': BOOK_CONTEXT, '@id': '/', '@type': 'Entrypoint', ...(book !== undefined ? { book } : {}) });

  it('targets the property’s value, found under the key the node’s context gives the property IRI', () => {
    const ops = listOperations(entrypoint('/books'), { base: `${BOOKS}/`, apiDocumentation: books });
    expect(brief(ops)).toEqual([
      ['GET self', 'class', 'GET', 'available', `${BOOKS}/`],
      ['GET book', 'link', 'GET', 'available', `${BOOKS}/books`],
      ['POST book', 'link', 'POST', 'available', `${BOOKS}/books`],
    ]);
    expect(ops[2]).toMatchObject({ href: '/books', expects: `${SCHEMA}Book`, property: `${DOCS}#Entrypoint/book`, title: 'Creates a Book resource.' });
  });

  it('is unavailable when the value is null and not offered when it is absent, without a target', () => {
    const unavailable = listOperations(entrypoint(null), { base: `${BOOKS}/`, apiDocumentation: books }).filter((op) => op.source === 'link');
    expect(unavailable.map((op) => [op.name, op.state, op.target])).toEqual([
      ['GET book', 'unavailable', undefined],
      ['POST book', 'unavailable', undefined],
    ]);
    const absent = listOperations(entrypoint(undefined), { base: `${BOOKS}/`, apiDocumentation: books }).filter((op) => op.source === 'link');
    expect(absent.map((op) => [op.state, op.property])).toEqual([
      ['not-offered', `${DOCS}#Entrypoint/book`],
      ['not-offered', `${DOCS}#Entrypoint/book`],
    ]);
  });

  it('takes an embedded node’s @id as the target, and names an operation by its title when it is a word', () => {
    const docs = readApiDocumentation(hydraBox(), { base: 'https://people.example/api' });
    const person = { '@context': HYDRA_CONTEXT, '@id': '/people/1', '@type': 'https://people.example/vocab#Person', 'https://people.example/vocab#friends': { '@id': '/people/1/friends' } };
    const ops = listOperations(person, { base: 'https://people.example/people/1', apiDocumentation: docs });
    expect(brief(ops)).toEqual([
      ['get', 'class', 'GET', 'available', 'https://people.example/people/1'],
      ['addFriend', 'link', 'POST', 'available', 'https://people.example/people/1/friends'],
    ]);
  });
});

describe('listOperations: compile-time actions and hyperld’s own documentation', () => {
  const model = readApiDocumentation(JSON.parse(JSON.stringify(apiDocumentation(conversationRegistry, { id: '/docs.jsonld' }))), { base: 'https://api.textus.example/docs.jsonld' });
  const member = () => (JSON.parse(seedText()) as { members: Record<string, unknown>[] }).members[0] as Record<string, unknown>;

  it('lists the declared actions first, typed by their property keys, and the documentation adds the class GET but repeats no action', () => {
    const conversation = conversationRegistry.decode(JSON.stringify(member()), { base: SEED_BASE });
    const ops = listOperations(conversation, { apiDocumentation: model });
    expect(ops.map((op) => op.name)).toEqual([...CONVERSATION_ACTIONS, 'get']);
    expect(ops.filter((op) => op.source === 'link')).toEqual([]);
    expect(ops.at(-1)).toMatchObject({ source: 'class', method: 'GET', target: 'https://api.textus.example/conversations/Pvwqm5G', returns: `${VOCAB}ConversationWithAccount` });
    expect(ops[0]).toMatchObject({ source: 'property', returns: `${VOCAB}Conversation`, property: `${VOCAB}readConversation` });
  });

  it('round trip: from the documentation alone, a plain JSON node has the same actions as its declared ones', () => {
    const conversation = conversationRegistry.decode(JSON.stringify(member()), { base: SEED_BASE });
    const declared = listOperations(conversation).filter((op) => op.source === 'property');
    const discovered = listOperations(member(), { base: SEED_BASE, apiDocumentation: model }).filter((op) => op.source === 'link');
    const shape = (op: DiscoveredOperation) => [op.name, op.method, op.state, op.target, op.href, op.expects, op.returns, op.property];
    expect(discovered.map(shape)).toEqual(declared.map(shape));
    expect(declared.some((op) => op.state === 'unavailable') && declared.some((op) => op.state === 'available')).toBe(true);
  });

  it('throws no_registry with neither a registry nor a documentation', () => {
    let error: unknown;
    try {
      listOperations(member());
    } catch (caught) {
      error = caught;
    }
    expect(isHydraError(error) && error.code).toBe('no_registry');
  });
});

describe('listOperations: inline operations, deduplication and names', () => {
  const doc = readApiDocumentation(
    {
      '@context': HYDRA_CONTEXT,
      '@type': 'ApiDocumentation',
      supportedClass: [
        {
          '@id': 'http://example.com/Thing',
          supportedOperation: [
            { '@type': 'Operation', method: 'PATCH', title: 'act' },
            { '@type': 'Operation', method: 'PUT', title: 'act' },
            { '@id': 'http://example.com/Thing/remove', '@type': 'Operation', method: 'DELETE', title: 'Removes it.' },
          ],
        },
      ],
    },
    { base: 'http://example.com/docs' },
  );

  it('lists inline operations on their target or the node, named by the rule, unique per node; same method and target once', () => {
    const thing = {
      '@id': '/things/1',
      '@type': 'http://example.com/Thing',
      operation: [
        { '@type': 'Operation', method: 'put', title: 'act', target: '/things/1/other' },
        { '@type': 'Operation', method: 'PUT', title: 'duplicate of the class PUT' },
        { '@type': 'Operation', method: 'POST', title: 'archive', target: '/things/1/archive', expects: 'hydra:Resource', description: 'Archives it.' },
        { '@type': 'Operation', title: 'no method' },
      ],
    };
    const ops = listOperations(thing, { base: 'http://example.com/things/1', apiDocumentation: doc });
    expect(brief(ops)).toEqual([
      ['act', 'class', 'PATCH', 'available', 'http://example.com/things/1'],
      ['PUT self', 'class', 'PUT', 'available', 'http://example.com/things/1'],
      ['remove', 'class', 'DELETE', 'available', 'http://example.com/things/1'],
      ['act (2)', 'operation', 'PUT', 'available', 'http://example.com/things/1/other'],
      ['archive', 'operation', 'POST', 'available', 'http://example.com/things/1/archive'],
    ]);
    expect(ops[4]).toMatchObject({ href: '/things/1/archive', expects: `${HYDRA}Resource`, description: 'Archives it.', title: 'archive' });
  });

  it('lists inline operations with only a registry, as listActions does, with a name by the rule', () => {
    const node = { '@id': '/x', operation: { method: 'delete', title: 'Deletes it' } };
    expect(brief(listOperations(node, { registry: conversationRegistry, base: 'http://example.com/' }))).toEqual([['DELETE self', 'operation', 'DELETE', 'available', 'http://example.com/x']]);
  });
});
