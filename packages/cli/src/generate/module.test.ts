/**
 * The mapping rules of the generator, one small hand-written documentation each: the property
 * line (or definition) the rule writes.
 */
import { readApiDocumentation } from '@hyperld/hydra/discovery';
import { describe, expect, it } from 'vitest';
import { generateModule } from './module.js';

const V = 'https://api.example/vocab#';
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const H = 'http://www.w3.org/ns/hydra/core#';
const BASE = 'https://api.example/docs';

type Json = Record<string, unknown>;

/** A supported property: `name` under the vocabulary, with a range and the supported property's own fields. */
function prop(name: string, range: string | undefined, extra: Json = {}, property: Json = {}): Json {
  return {
    '@type': 'SupportedProperty',
    property: { '@id': `${V}${name}`, '@type': 'rdf:Property', label: name, ...(range !== undefined ? { range } : {}), ...property },
    required: false,
    ...extra,
  };
}

function link(name: string, range: string | undefined, operations: Json[] = [], extra: Json = {}): Json {
  return prop(name, range, extra, { '@type': 'Link', supportedOperation: operations });
}

function cls(name: string, properties: Json[], extra: Json = {}): Json {
  return { '@id': `${V}${name}`, '@type': 'Class', title: name, supportedProperty: properties, ...extra };
}

function generate(classes: Json[], options: { examples?: unknown[]; contexts?: string[] } = {}): string {
  const doc = readApiDocumentation(
    {
      '@context': ['http://www.w3.org/ns/hydra/context.jsonld', { rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#' }],
      '@id': BASE,
      '@type': 'ApiDocumentation',
      title: 'Example API',
      supportedClass: classes,
    },
    { base: BASE },
  );
  return generateModule(doc, { source: BASE, ...options });
}

/** The property `key` of the module (the first), its lines joined as one (as if the layout had not broken it). */
function line(source: string, key: string): string {
  const lines = source.split('\n');
  const start = lines.findIndex((l) => l.trimStart().startsWith(`${key}: `));
  if (start < 0) throw new Error(`no property ${key} in:\n${source}`);
  let text = '';
  for (const l of lines.slice(start)) {
    text += l.trim();
    if (l.endsWith(',')) break;
  }
  return text;
}

describe('generateModule: datatype ranges', () => {
  it.each([
    ['string', 't.string()'],
    ['integer', 't.integer()'],
    ['long', 't.integer()'],
    ['nonNegativeInteger', 't.integer()'],
    ['decimal', 't.number()'],
    ['double', 't.number()'],
    ['float', 't.number()'],
    ['boolean', 't.boolean()'],
    ['dateTime', 't.dateTime()'],
    ['date', 't.string()'],
    ['anyURI', 't.string()'],
  ])('xsd:%s is %s', (datatype, kind) => {
    const source = generate([cls('Book', [prop('value', `${XSD}${datatype}`, { required: true })])]);
    expect(line(source, 'value')).toBe(`value: ${kind},`);
  });

  it('says where a datatype is kept looser than it is', () => {
    const source = generate([cls('Book', [prop('published', `${XSD}date`, { required: true })])]);
    expect(source).toContain('/** Range xsd:date, kept as a string. */');
  });
});

describe('generateModule: required, optional, readable, writable', () => {
  it('writes a required property as required, any other as optional and nullable', () => {
    const source = generate([cls('Book', [prop('title', `${XSD}string`, { required: true }), prop('subtitle', `${XSD}string`)])]);
    expect(line(source, 'title')).toBe('title: t.string(),');
    expect(line(source, 'subtitle')).toBe('subtitle: t.string().nullable().optional(),');
  });

  it('makes a required property nullable where an example shows it null, and only there', () => {
    const classes = [cls('Message', [prop('sentAt', `${XSD}dateTime`, { required: true }), prop('body', `${XSD}string`, { required: true }), prop('note', `${XSD}string`)])];
    const examples = [
      { '@type': 'Message', sentAt: '2026-01-01T00:00:00Z', body: 'Hi', note: null },
      { '@type': 'Message', sentAt: null, body: 'Hello' },
    ];
    const source = generate(classes, { examples });
    expect(line(source, 'sentAt')).toBe('sentAt: t.dateTime().nullable(),');
    expect(line(source, 'body')).toBe('body: t.string(),');
    expect(line(source, 'note')).toBe('note: t.string().nullable().optional(),');
  });

  it('keeps readable: false and writable: false as annotations of the kind', () => {
    const source = generate([cls('Book', [prop('isbn', `${XSD}string`, { required: true, writable: false }), prop('secret', `${XSD}string`, { required: true, readable: false })])]);
    expect(line(source, 'isbn')).toBe("isbn: t.string().annotate('hydra:writable', false),");
    expect(line(source, 'secret')).toBe("secret: t.string().annotate('hydra:readable', false),");
  });
});

describe('generateModule: unknown and missing ranges', () => {
  it('writes a missing range as any JSON, with a comment', () => {
    const source = generate([cls('Book', [prop('extra', undefined)])]);
    expect(line(source, 'extra')).toBe('extra: t.json().optional(),');
    expect(source).toContain('/** The documentation gives no range: any JSON. */');
  });

  it('writes a range the documentation does not describe as any JSON, with a comment', () => {
    const source = generate([cls('Book', [prop('shape', 'https://other.example/Shape', { required: true })])]);
    expect(line(source, 'shape')).toBe('shape: t.json(),');
    expect(source).toContain('Its range https://other.example/Shape is not described by the documentation: any JSON.');
  });
});

describe('generateModule: class ranges', () => {
  const author = cls('Author', [prop('name', `${XSD}string`, { required: true })]);

  it('writes a hydra:Link to a class as a link to its type', () => {
    const source = generate([author, cls('Book', [link('author', `${V}Author`, [], { required: true })])]);
    expect(line(source, 'author')).toBe("author: t.link('Author'),");
  });

  it('writes any other class range as a link or an embedded node, which the documentation allows both', () => {
    const source = generate([author, cls('Book', [prop('author', `${V}Author`, { required: true })])]);
    expect(line(source, 'author')).toBe("author: t.union(t.link('Author'), t.node(Author)),");
  });

  it('writes an embedded node where the examples embed it, a link where they link it, a union where they do both', () => {
    const classes = [author, cls('Book', [link('author', `${V}Author`, [], { required: true })])];
    const embedded = { '@type': 'Book', author: { '@id': '/authors/1', '@type': 'Author', name: 'Ursula' } };
    const linked = { '@type': 'Book', author: '/authors/1' };
    expect(line(generate(classes, { examples: [embedded] }), 'author')).toBe('author: t.node(Author),');
    expect(line(generate(classes, { examples: [linked] }), 'author')).toBe("author: t.link('Author'),");
    expect(line(generate(classes, { examples: [{ '@type': 'hydra:Collection', member: [embedded, linked] }] }), 'author')).toBe(
      "author: t.union(t.link('Author'), t.node(Author)),",
    );
  });

  it('writes a list of the range where the examples always give the value as an array', () => {
    const classes = [author, cls('Book', [prop('tags', `${XSD}string`, { required: true }), prop('authors', `${V}Author`), prop('isbn', `${XSD}string`, { required: true }), prop('extra', undefined)])];
    const examples = [
      { '@type': 'Book', tags: ['sf'], authors: ['/authors/1', { '@type': 'Author', name: 'Ursula' }], isbn: ['1'], extra: [1] },
      { '@type': 'Book', tags: [], authors: null, isbn: '2' },
    ];
    const source = generate(classes, { examples });
    expect(line(source, 'tags')).toBe('tags: t.list(t.string()),');
    expect(line(source, 'authors')).toBe("authors: t.list(t.union(t.link('Author'), t.node(Author))).nullable().optional(),");
    // An array in one example and a single value in another: the documentation's range, as is.
    expect(line(source, 'isbn')).toBe('isbn: t.string(),');
    // Any JSON takes an array already.
    expect(line(source, 'extra')).toBe('extra: t.json().optional(),');
  });

  it('declares an embedded definition before the one embedding it, and cuts a cycle of embeddings', () => {
    const source = generate([cls('A', [prop('b', `${V}B`, { required: true })]), cls('B', [prop('a', `${V}A`, { required: true })])]);
    // A is visited first: B, which it embeds, is declared before it, and B's edge back to A is cut.
    expect(source.indexOf('export const B =')).toBeLessThan(source.indexOf('export const A ='));
    expect(line(source, 'b')).toBe("b: t.union(t.link('B'), t.node(B)),");
    expect(line(source, 'a')).toBe("a: t.union(t.link('A'), t.anyNode()),");
    expect(source).toContain('Embeds A (in a cycle of embedded definitions: typed as any node).');
  });

  it('writes a hydra:Link without a range as a link to anything', () => {
    const source = generate([cls('Book', [link('related', undefined)])]);
    expect(line(source, 'related')).toBe('related: t.link().nullable().optional(),');
  });

  it("writes a range of Hydra's own classes with @hyperld/hydra's definitions", () => {
    const source = generate([cls('Book', [link('reviews', `${H}Collection`), prop('view', `${H}PartialCollectionView`)])]);
    expect(line(source, 'reviews')).toBe("reviews: t.link('hydra:Collection').nullable().optional(),");
    expect(line(source, 'view')).toBe("view: t.union(t.link('hydra:PartialCollectionView'), t.node(PartialCollectionView)).nullable().optional(),");
    expect(source).toContain("import { hydraTypes, PartialCollectionView } from '@hyperld/hydra';");
  });
});

describe('generateModule: collections', () => {
  const book = cls('Book', [prop('title', `${XSD}string`, { required: true })]);

  it('writes a collection class with a memberAssertion as a Collection of its member type', () => {
    const books = cls('BookCollection', [], { subClassOf: `${H}Collection`, memberAssertion: { property: 'rdf:type', object: `${V}Book` } });
    const source = generate([book, books]);
    expect(source).toContain("export const BookCollection = v.type('BookCollection', {\n  context: '/contexts/BookCollection.jsonld',\n  extends: Collection,");
    expect(line(source, 'member')).toBe("member: t.list(t.union(t.link('Book'), t.node(Book))).optional().mapTo('hydra:member').annotate('hydra:writable', false),");
  });

  it("keeps a documented member key, and the examples' embedding", () => {
    const books = cls('BookCollection', [prop('members', undefined, { required: true }, { '@id': `${H}member` })], { memberAssertion: { property: 'rdf:type', object: `${V}Book` } });
    books['supportedProperty'] = [{ '@type': 'SupportedProperty', title: 'members', property: `${H}member`, required: true }];
    const source = generate([book, books], { examples: [{ '@type': 'BookCollection', members: [{ '@type': 'Book', title: 'Dune' }] }] });
    expect(line(source, 'members')).toBe("members: t.list(t.node(Book)).mapTo('hydra:member'),");
  });

  it('notes the member class of a link whose range restricts hydra:member (owl:allValuesFrom, as API Platform writes it)', () => {
    const range = [{ '@id': `${H}Collection` }, { 'owl:equivalentClass': { 'owl:onProperty': { '@id': `${H}member` }, 'owl:allValuesFrom': { '@id': `${V}Book` } } }];
    const entry = cls('Entrypoint', [
      { '@type': 'SupportedProperty', property: { '@context': { owl: 'http://www.w3.org/2002/07/owl#' }, '@id': `${V}books`, '@type': 'Link', label: 'books', range }, required: true },
    ]);
    const source = generate([book, entry]);
    expect(line(source, 'books')).toBe("books: t.link('hydra:Collection'),");
    expect(source).toContain('/** A collection of Book. */');
  });
});

describe('generateModule: operations', () => {
  const conversation = (properties: Json[], operations: Json[] = []) => cls('Conversation', properties, { supportedOperation: operations });

  it('writes a hydra:Link whose operations are not GET as an action with its method, expects and returns', () => {
    const close = { '@type': 'Operation', method: 'PUT', expects: `${V}Conversation`, returns: `${V}Conversation`, title: 'Close it', possibleStatus: [{ statusCode: 202 }] };
    const source = generate([conversation([link('close', `${V}Conversation`, [close])])]);
    expect(line(source, 'close')).toBe("close: action({ method: 'PUT', expects: 'Conversation', returns: 'Conversation', status: 202, description: 'Close it' }),");
    expect(source).toContain("import { action, hydraTypes } from '@hyperld/hydra';");
  });

  it("keeps a link with a GET a link, and lists its other operations under the class's operations", () => {
    const list = { '@type': 'Operation', method: 'GET', returns: `${H}Collection` };
    const create = { '@type': 'Operation', method: 'POST', expects: `${V}Conversation`, returns: `${V}Conversation`, possibleStatus: [{ statusCode: 201 }] };
    const source = generate([conversation([link('conversations', `${H}Collection`, [list, create], { required: true })])]);
    expect(line(source, 'conversations')).toBe("conversations: t.link('hydra:Collection'),");
    expect(source).toContain("Conversation: [{ property: 'conversations', method: 'POST', expects: 'Conversation', returns: 'Conversation', possibleStatus: [201] }],");
  });

  it("writes class-level operations as the class's entry of operations", () => {
    const get = { '@type': 'Operation', method: 'GET', returns: `${V}Conversation`, title: 'Get it' };
    const remove = { '@type': 'Operation', method: 'DELETE', returns: 'http://www.w3.org/2002/07/owl#Nothing' };
    const source = generate([conversation([], [get, remove])]);
    expect(source).toContain("  Conversation: [{ method: 'GET', returns: 'Conversation', title: 'Get it' }, { method: 'DELETE' }],");
  });
});

describe('generateModule: names, comments and the module', () => {
  it('renames clashing or invalid identifiers deterministically, keeping the @type term', () => {
    const source = generate([
      { '@id': 'https://other.example/ns/Book', '@type': 'Class', title: 'Book' },
      { '@id': `${V}Book`, '@type': 'Class', title: 'Book' },
      { '@id': `${V}registry`, '@type': 'Class', title: 'registry' },
      { '@id': `${V}default`, '@type': 'Class' },
      { '@id': `${V}Book-Review`, '@type': 'Class' },
    ]);
    // Sorted by IRI, the vocabulary's Book comes first and keeps the name; the other is named by its IRI.
    expect(source).toContain("export const Book = v.type('Book', {\n  context: '/contexts/Book.jsonld',");
    expect(source).toContain("export const Book_2 = v.type('https://other.example/ns/Book', {\n  iri: 'https://other.example/ns/Book',");
    expect(source).toContain("export const registry_2 = v.type('registry', {");
    expect(source).toContain("export const default_ = v.type('default', {");
    expect(source).toContain("export const Book_Review = v.type('Book-Review', {");
    expect(source).toContain('export const types = [Book, Book_2, Book_Review, default_, registry_2] as const;');
  });

  it('quotes keys that are no identifiers, and leaves keys Hydra reserves out', () => {
    const source = generate([cls('Book', [prop('first-name', `${XSD}string`, { required: true }), prop('id', `${XSD}string`)])]);
    expect(line(source, "'first-name'")).toBe("'first-name': t.string(),");
    expect(source).not.toMatch(/^\s+id: /m);
  });

  it('carries hydra:title and hydra:description over as TSDoc and descriptions', () => {
    const source = generate([
      cls('Book', [prop('isbn', `${XSD}string`, { required: true, title: 'ISBN', description: 'The book\'s "ISBN" */ number.' })], { description: 'A book.' }),
    ]);
    expect(source).toContain('/**\n * Book\n *\n * A book.\n * @see https://api.example/vocab#Book\n */');
    expect(source).toContain('    /**\n     * ISBN\n     * The book\'s "ISBN" *\\/ number.\n     */');
    expect(line(source, 'isbn')).toBe(`isbn: t.string().describe('The book\\'s "ISBN" *\\\\/ number.'),`);
  });

  it('exports types, registry, contexts and operations, and is the same text for the same input', () => {
    const classes = [cls('Book', [prop('title', `${XSD}string`, { required: true })])];
    const contexts = ['/contexts/Book.jsonld', 'http://www.w3.org/ns/hydra/context.jsonld'];
    const source = generate(classes, { contexts, examples: [{ '@context': '/contexts/Book.jsonld', '@type': 'Book', title: 'Dune' }] });
    expect(source).toContain('export const types = [Book] as const;');
    expect(source).toContain('export const registry = /* @__PURE__ */ createRegistry({ types: [...types, ...hydraTypes] });');
    expect(source).toContain("export const contexts = ['http://www.w3.org/ns/hydra/context.jsonld', 'https://api.example/contexts/Book.jsonld'] as const;");
    expect(source).toContain('export const operations = {} as const;');
    expect(generate([...classes].reverse(), { contexts: [...contexts].reverse(), examples: [{ '@context': '/contexts/Book.jsonld', '@type': 'Book', title: 'Dune' }] })).toBe(source);
  });

  it("takes a class's context URL from the examples, else one named after it, else /contexts/<Type>.jsonld", () => {
    const classes = [cls('Author', []), cls('Book', []), cls('Review', [])];
    const source = generate(classes, { contexts: ['https://api.example/contexts/Author'], examples: [{ '@context': '/ctx/book', '@type': 'Book' }] });
    expect(source).toContain("export const Author = v.type('Author', {\n  context: '/contexts/Author',");
    expect(source).toContain("export const Book = v.type('Book', {\n  context: '/ctx/book',");
    expect(source).toContain("export const Review = v.type('Review', {\n  context: '/contexts/Review.jsonld',");
  });

  it("registers the context URLs the examples' nodes of Hydra's own classes carry, with Hydra's definitions", () => {
    const classes = [cls('Book', []), cls('BookCollection', [], { subClassOf: `${H}Collection`, memberAssertion: { property: 'rdf:type', object: `${V}Book` } })];
    const view = { '@context': '/contexts/hydra:PartialCollectionView.jsonld', '@id': '/books?page=1', '@type': 'hydra:PartialCollectionView', first: '/books?page=1' };
    const examples = [
      { '@context': '/contexts/BookCollection.jsonld', '@type': 'BookCollection', member: [], view },
      // Neither the W3C Hydra context nor a URL a definition of the module takes.
      { '@context': 'http://www.w3.org/ns/hydra/context.jsonld', '@type': 'hydra:Collection', member: [] },
      { '@context': '/contexts/Book.jsonld', '@type': ['hydra:Collection', 'Book'] },
    ];
    const source = generate(classes, { examples });
    expect(source).toContain(
      [
        'export const registry = /* @__PURE__ */ createRegistry({',
        '  types: [...types, ...hydraTypes],',
        "  // The context URLs the API serves Hydra's own types under; their terms are Hydra's.",
        '  contexts: {',
        "    '/contexts/hydra:PartialCollectionView.jsonld': contextDocument([PartialCollectionView]),",
        '  },',
        '});',
      ].join('\n'),
    );
    expect(source).toContain("import { contextDocument, createRegistry, t, vocabulary } from '@hyperld/core';");
    expect(source).toContain("import { Collection, hydraTypes, PartialCollectionView } from '@hyperld/hydra';");
    // Without such nodes, the registry is the definitions' alone.
    expect(generate(classes)).toContain('export const registry = /* @__PURE__ */ createRegistry({ types: [...types, ...hydraTypes] });');
  });

  it('gives no definition a context URL whose served document layers other contexts (API Platform 4.x)', () => {
    const classes = [cls('Author', []), cls('Book', [])];
    const examples = [{ '@context': '/contexts/Book', '@type': 'Book' }, { '@context': '/contexts/Author', '@type': 'Author' }];
    const contextDocuments = {
      'https://api.example/contexts/Book': { '@context': ['http://www.w3.org/ns/hydra/context.jsonld', { title: 'http://schema.org/name' }] },
      'https://api.example/contexts/Author': { '@context': { name: 'http://schema.org/name' } },
    };
    const source = generateModule(readApiDocumentation({ '@context': 'http://www.w3.org/ns/hydra/context.jsonld', '@id': BASE, '@type': 'ApiDocumentation', supportedClass: classes }, { base: BASE }), {
      source: BASE,
      examples,
      contextDocuments,
    });
    expect(source).toContain("export const Book = v.type('Book', {\n  context: '/contexts/Book.jsonld',");
    expect(source).toContain("export const Author = v.type('Author', {\n  context: '/contexts/Author',");
  });

  it('picks the JSON key the examples show among the label, the title and the local name', () => {
    const source = generate([cls('Book', [{ '@type': 'SupportedProperty', title: 'Title', property: { '@id': 'http://schema.org/name', range: `${XSD}string` }, required: true }])], {
      examples: [{ '@type': 'Book', title: 'Dune' }],
    });
    expect(line(source, 'title')).toBe("title: t.string().mapTo('http://schema.org/name'),");
  });
});
