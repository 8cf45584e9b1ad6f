import { readApiDocumentation } from '@hyperld/hydra/discovery';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classesFromDocumentation } from './from-documentation.js';
import type { ApiReference, ClassReference } from './model.js';
import { localName, shortIri, uniqueSlugs } from './names.js';
import { curlCommand, relativeUrl, renderReference, searchIndex } from './render.js';

const bookClass = (iri: string, description = 'A book.'): ClassReference => ({
  iri,
  name: 'Book',
  description,
  subClassOf: [],
  facts: [],
  operations: [{ method: 'PUT', target: 'the instance’s IRI', expects: iri, returns: iri, statuses: [200, 422] }],
  properties: [{ name: 'title', iri: 'http://schema.org/name', kind: 'value', range: ['http://www.w3.org/2001/XMLSchema#string'], required: true, readable: true, writable: true }],
});

describe('names', () => {
  it('gives every key a distinct page, case-insensitively, whatever the names', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string(), { maxLength: 20 }), fc.array(fc.constantFrom('Book', 'book', 'a:b', 'a-b', '', 'ü'), { maxLength: 20 }), (keys, names) => {
        const slugs = uniqueSlugs(keys.map((k, i) => [k, names[i % Math.max(names.length, 1)] ?? k]));
        const values = [...slugs.values()].map((s) => s.toLowerCase());
        expect(new Set(values).size).toBe(keys.length);
        for (const slug of slugs.values()) expect(slug).toMatch(/^[A-Za-z0-9_-]+$/);
      }),
    );
  });

  it('writes well-known IRIs short and finds local names', () => {
    expect(shortIri('http://www.w3.org/ns/hydra/core#Collection')).toBe('hydra:Collection');
    expect(shortIri('http://example.com/x')).toBe('http://example.com/x');
    expect(localName('http://schema.org/Book')).toBe('Book');
    expect(localName('https://api.example/docs.jsonld#Entrypoint')).toBe('Entrypoint');
    expect(localName('https://api.example/vocab/')).toBe('vocab');
  });

  it('computes relative URLs between pages', () => {
    expect(relativeUrl('api/types/Book.html', 'api/index.html')).toBe('../index.html');
    expect(relativeUrl('api/index.html', 'api/types/Book.html')).toBe('types/Book.html');
    expect(relativeUrl('index.html', 'index.html')).toBe('index.html');
    expect(relativeUrl('a/b/c.html', 'x/y.html')).toBe('../../x/y.html');
  });

  it('writes curl with one -H line per header field', () => {
    expect(curlCommand('POST', '/books', { Accept: 'application/ld+json', Authorization: 'Bearer {token}' })).toBe(
      '$ curl -i -H Accept:"application/ld+json" \\\n-H Authorization:"Bearer {token}" \\\n-X POST /books',
    );
    expect(curlCommand('GET', '/', {})).toBe('$ curl -i -X GET /');
  });
});

describe('renderReference', () => {
  const two: ApiReference = {
    title: 'Two books',
    headers: {},
    classes: [bookClass('http://a.example/Book', 'The <script>alert(1)</script> kind.'), bookClass('http://b.example/Book')],
    endpoints: [{ name: 'books', title: 'Books', method: 'GET', template: '/books{?title}', returns: 'http://a.example/Book', operations: [], searches: [{ template: '/books{?title}', variables: [{ name: 'title', required: false }] }] }],
  };

  it('gives two classes of one name a page each, and tells them apart in the sidebar', () => {
    const site = renderReference(two, { root: 'ref/' });
    expect(site.classPages.get('http://a.example/Book')).toBe('ref/types/Book.html');
    expect(site.classPages.get('http://b.example/Book')).toBe('ref/types/Book-2.html');
    const front = site.pages[0]?.body ?? '';
    expect(front).toContain('>Book (http://a.example/Book)</a>');
    expect(front).toContain('>Book (http://b.example/Book)</a>');
  });

  it('escapes what the API says, in pages and in the search index', () => {
    const site = renderReference(two);
    const page = site.pages.find((p) => p.path === 'types/Book.html')?.body ?? '';
    expect(page).toContain('The &lt;script&gt;alert(1)&lt;/script&gt; kind.');
    expect(page).not.toContain('<script>alert');
    const index = site.assets.find((a) => a.path === 'search-index.js')?.text ?? '';
    expect(index).not.toContain('<');
  });

  it('indexes classes, properties with their anchors, endpoints and template variables', () => {
    const entries = searchIndex(two);
    expect(entries).toEqual(
      expect.arrayContaining([
        { name: 'title', kind: 'property', where: 'of Book', url: 'types/Book-2.html#property-title' },
        { name: 'Books', kind: 'endpoint', where: 'GET /books{?title}', url: 'endpoints/books.html' },
        { name: 'title', kind: 'template variable', where: 'of Books’s search', url: 'endpoints/books.html#search-1' },
      ]),
    );
    const site = renderReference(two);
    const page = site.pages.find((p) => p.path === 'types/Book-2.html')?.body ?? '';
    expect(page).toContain('<tr id="property-title">');
    expect(site.pages.find((p) => p.path === 'endpoints/books.html')?.body).toContain('<h3 id="search-1">');
  });

  it('links only to scripts and styles by URL (no inline script or style)', () => {
    for (const page of renderReference(two).pages) {
      expect(page.body).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
      expect(page.body).not.toMatch(/<style|\sstyle=|\son[a-z]+=/);
    }
  });
});

describe('classesFromDocumentation', () => {
  it('lists a class’s inherited properties once, marked, and its link properties’ operations', () => {
    const doc = readApiDocumentation(
      {
        '@context': 'http://www.w3.org/ns/hydra/context.jsonld',
        '@id': '/docs',
        '@type': 'ApiDocumentation',
        supportedClass: [
          { '@id': 'http://schema.org/CreativeWork', '@type': 'Class', title: 'CreativeWork', supportedProperty: [{ property: { '@id': 'http://schema.org/name', label: 'name' }, required: true }, { property: { '@id': 'http://schema.org/headline', label: 'headline' } }] },
          {
            '@id': 'http://schema.org/Book',
            '@type': 'Class',
            title: 'Book',
            subClassOf: 'http://schema.org/CreativeWork',
            supportedProperty: [
              { property: { '@id': 'http://schema.org/author', '@type': 'Link', label: 'author', supportedOperation: [{ '@type': 'Operation', method: 'GET' }] } },
              { property: { '@id': 'http://schema.org/name', label: 'name' }, writable: false },
            ],
          },
        ],
      },
      { base: 'https://api.example/docs' },
    );
    const book = classesFromDocumentation(doc).find((c) => c.name === 'Book');
    expect(book?.properties.map((p) => [p.name, p.kind, p.writable, p.inheritedFrom])).toEqual([
      ['author', 'link', true, undefined],
      ['name', 'value', false, undefined],
      ['headline', 'value', true, 'http://schema.org/CreativeWork'],
    ]);
    expect(book?.operations).toEqual([{ name: 'author', method: 'GET', target: 'the author link’s value', statuses: [] }]);
    const work = classesFromDocumentation(doc).find((c) => c.name === 'CreativeWork');
    expect(work?.properties[0]).toMatchObject({ name: 'name', required: true });
  });
});
