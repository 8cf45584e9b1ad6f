import { createRegistry, HYDRA } from '@hyperld/core';
import { describe, expect, it } from 'vitest';
import { isHydraError } from './errors.js';
import { isIriTemplateError } from './iri-template/errors.js';
import { pageTemplateOf, pageUrl, searchOf, searchUrl } from './search.js';
import { HYDRA_CONTEXT } from './vocabulary.js';

const ORIGIN = 'https://api.example';
const SCHEMA = 'https://schema.org/';
const VOCAB = `${ORIGIN}/docs.jsonld#`;

/** An API Platform 3.x collection: `hydra:` prefixed template keys, unprefixed mapping keys, terms of its own context as properties. */
const apiPlatform3 = {
  '@context': '/contexts/Book',
  '@id': '/books',
  '@type': 'hydra:Collection',
  'hydra:member': [],
  'hydra:search': {
    '@type': 'hydra:IriTemplate',
    'hydra:template': '/books{?title,author,order[title]}',
    'hydra:variableRepresentation': 'BasicRepresentation',
    'hydra:mapping': [
      { '@type': 'IriTemplateMapping', variable: 'title', property: 'title', required: false },
      { '@type': 'IriTemplateMapping', variable: 'author', property: 'author', required: true },
      { '@type': 'IriTemplateMapping', variable: 'order[title]', property: 'title', required: false },
    ],
  },
};
const bookContext = {
  '@context': { '@vocab': VOCAB, hydra: HYDRA, schema: SCHEMA, title: 'schema:name', author: 'schema:author' },
};
const registry = createRegistry({ types: [], contexts: { '/contexts/Book': bookContext } });
const base = `${ORIGIN}/books?page=1`;

/** A hydra-box / kopflos collection: the W3C context, `@id`, unprefixed terms. */
const w3c = {
  '@context': HYDRA_CONTEXT,
  '@id': `${ORIGIN}/people`,
  '@type': 'Collection',
  member: [],
  search: {
    '@type': 'IriTemplate',
    template: `${ORIGIN}/people{?q,page}`,
    variableRepresentation: 'ExplicitRepresentation',
    mapping: [
      { '@type': 'IriTemplateMapping', variable: 'q', property: 'freetextQuery', required: true },
      { '@type': 'IriTemplateMapping', variable: 'page', property: 'pageIndex', variableRepresentation: 'BasicRepresentation' },
    ],
  },
};

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('searchOf', () => {
  it('reads an API Platform 3.x template, expanding each property through the collection’s context', () => {
    expect(searchOf(apiPlatform3, { registry, base })).toEqual({
      template: '/books{?title,author,order[title]}',
      variableRepresentation: 'BasicRepresentation',
      mappings: [
        { variable: 'title', property: `${SCHEMA}name`, required: false },
        { variable: 'author', property: `${SCHEMA}author`, required: true },
        { variable: 'order[title]', property: `${SCHEMA}name`, required: false },
      ],
    });
  });

  it('reads the W3C context’s terms, and a per-mapping variableRepresentation', () => {
    expect(searchOf(w3c)).toEqual({
      template: `${ORIGIN}/people{?q,page}`,
      variableRepresentation: 'ExplicitRepresentation',
      mappings: [
        { variable: 'q', property: `${HYDRA}freetextQuery`, required: true },
        { variable: 'page', property: `${HYDRA}pageIndex`, required: false, variableRepresentation: 'BasicRepresentation' },
      ],
    });
  });

  it('reads full IRIs as keys, a single mapping, node references and the hydra: spellings', () => {
    const expanded = {
      [`${HYDRA}search`]: {
        [`${HYDRA}template`]: '/x{?q}',
        [`${HYDRA}variableRepresentation`]: { '@id': `${HYDRA}ExplicitRepresentation` },
        [`${HYDRA}mapping`]: { [`${HYDRA}variable`]: 'q', [`${HYDRA}property`]: { '@id': 'hydra:freetextQuery' }, [`${HYDRA}required`]: true },
      },
    };
    expect(searchOf(expanded)).toEqual({
      template: '/x{?q}',
      variableRepresentation: 'ExplicitRepresentation',
      mappings: [{ variable: 'q', property: `${HYDRA}freetextQuery`, required: true }],
    });
  });

  it('is undefined without a search template, and rejects a malformed one with a typed error', () => {
    expect(searchOf({ member: [] })).toBeUndefined();
    expect(searchOf({ search: 'https://api.example/templates/1' })).toBeUndefined();
    expect(searchOf({ search: { mapping: [] } })).toBeUndefined();
    const noVariable = thrown(() => searchOf({ search: { template: '/x', mapping: [{ property: 'hydra:freetextQuery' }] } }));
    expect(isIriTemplateError(noVariable) && noVariable.code).toBe('invalid_description');
    const badRepresentation = thrown(() => searchOf({ search: { template: '/x', variableRepresentation: 'FancyRepresentation' } }));
    expect(isIriTemplateError(badRepresentation) && badRepresentation.code).toBe('invalid_description');
  });
});

describe('searchUrl', () => {
  it('takes values by variable name, by full property IRI, by compact IRI or by a term, and resolves against the collection’s @id', () => {
    const options = { registry, base };
    expect(searchUrl(apiPlatform3, { title: 'Dune', author: 'Herbert' }, options)).toBe(`${ORIGIN}/books?title=Dune&author=Herbert`);
    expect(searchUrl(apiPlatform3, { [`${SCHEMA}author`]: 'Herbert' }, options)).toBe(`${ORIGIN}/books?author=Herbert`);
    expect(searchUrl(apiPlatform3, { 'schema:author': 'Herbert', 'order[title]': 'asc' }, options)).toBe(`${ORIGIN}/books?author=Herbert&order%5Btitle%5D=asc`);
    // A property mapped twice is the first mapping's.
    expect(searchUrl(apiPlatform3, new Map([['author', 'H'], ['schema:name', 'D']]), options)).toBe(`${ORIGIN}/books?title=D&author=H`);
  });

  it('resolves a relative template against the base when the collection has no @id', () => {
    const { '@id': _id, ...anonymous } = apiPlatform3;
    expect(searchUrl(anonymous, { author: 'H' }, { registry, base })).toBe(`${ORIGIN}/books?author=H`);
    expect(searchUrl({ '@id': 'https://other.example/a/b', search: { template: 'c{?q}' } }, { q: 'x' })).toBe('https://other.example/a/c?q=x');
  });

  it('resolves against the base instead when the template says resolveRelativeTo Rfc3986', () => {
    const c = (relativeTo: string) => ({ '@id': 'https://api.example/a/b', search: { template: 'c{?q}', 'hydra:resolveRelativeTo': relativeTo } });
    expect(searchOf(c('hydra:Rfc3986'))?.resolveRelativeTo).toBe('Rfc3986');
    expect(searchUrl(c('hydra:Rfc3986'), { q: 'x' }, { base: 'https://api.example/x/y' })).toBe('https://api.example/x/c?q=x');
    expect(searchUrl(c(`${HYDRA}LinkContext`), { q: 'x' }, { base: 'https://api.example/x/y' })).toBe('https://api.example/a/c?q=x');
  });

  it('writes values per the template’s representation, and per a mapping’s own', () => {
    expect(searchUrl(w3c, { 'hydra:freetextQuery': 'a b', page: 2 })).toBe(`${ORIGIN}/people?q=%22a%20b%22&page=2`);
    expect(searchUrl(w3c, { q: { '@value': 'Hallo', '@language': 'de' } })).toBe(`${ORIGIN}/people?q=%22Hallo%22%40de`);
  });

  it('fails with typed errors: a missing required variable, an unknown key, a variable given twice, no template', () => {
    const missing = thrown(() => searchUrl(w3c, { page: 1 }));
    expect(isIriTemplateError(missing) && [missing.code, missing.variable]).toEqual(['missing_variable', 'q']);
    const unknown = thrown(() => searchUrl(w3c, { q: 'x', colour: 'red' }));
    expect(isIriTemplateError(unknown) && [unknown.code, unknown.variable]).toEqual(['unknown_variable', 'colour']);
    expect((unknown as Error).message).toMatchInlineSnapshot(`""colour" is neither a variable of "https://api.example/people{?q,page}" (q, page) nor the property of one of its mappings."`);
    const bracketed = thrown(() => searchUrl({ search: { template: '/b{?order[title]}', mapping: { variable: 'order[title]', required: true } } }, {}));
    expect(isIriTemplateError(bracketed) && [bracketed.code, bracketed.variable, bracketed.template]).toEqual(['missing_variable', 'order[title]', '/b{?order[title]}']);
    expect((bracketed as Error).message).toContain('"order[title]"');
    const twice = thrown(() => searchUrl(w3c, { q: 'x', freetextQuery: 'y' }));
    expect(isIriTemplateError(twice) && twice.code).toBe('invalid_value');
    const none = thrown(() => searchUrl({ member: [] }, { q: 'x' }));
    expect(isHydraError(none) && none.code).toBe('no_template');
  });
});

describe('page-number templates', () => {
  it('finds the pageIndex mapping in the collection’s search and expands a page', () => {
    expect(pageTemplateOf(w3c)?.variable).toBe('page');
    expect(pageUrl(w3c, 3, { values: { q: 'x' } })).toBe(`${ORIGIN}/people?q=%22x%22&page=3`);
  });

  it('finds it in a view’s search, or in a view that is a template, resolved against the view or the collection', () => {
    const viewSearch = {
      '@context': HYDRA_CONTEXT,
      '@id': `${ORIGIN}/c`,
      view: { '@id': `${ORIGIN}/v/1`, search: { template: '{?page}', mapping: { variable: 'page', property: 'pageIndex' } } },
    };
    expect(pageUrl(viewSearch, 2)).toBe(`${ORIGIN}/v/1?page=2`);
    const viewTemplate = {
      '@context': HYDRA_CONTEXT,
      '@id': `${ORIGIN}/c`,
      view: { '@type': ['PartialCollectionView', 'IriTemplate'], template: '{?p}', mapping: [{ variable: 'p', property: 'hydra:pageIndex' }], pageIndex: 1 },
    };
    expect(pageUrl(viewTemplate, 5)).toBe(`${ORIGIN}/c?p=5`);
  });

  it('is no_template without a pageIndex mapping', () => {
    const error = thrown(() => pageUrl(apiPlatform3, 2, { registry, base }));
    expect(isHydraError(error) && error.code).toBe('no_template');
  });
});
