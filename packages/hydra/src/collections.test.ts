import { createRegistry } from '@hyperld/core';
import { describe, expect, it } from 'vitest';
import { collectionsOf } from './collections.js';
import { HYDRA_CONTEXT } from './vocabulary.js';

const ORIGIN = 'https://api.example';
const SCHEMA = 'https://schema.org/';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

/** A hydra-box / kopflos resource: the W3C context and one of its own, memberAssertion one or several. */
const person = {
  '@context': [HYDRA_CONTEXT, { schema: SCHEMA, Person: 'schema:Person', Event: 'schema:Event' }],
  '@id': `${ORIGIN}/people/1`,
  collection: [
    { '@id': '/people/1/events', '@type': 'Collection', memberAssertion: { subject: '/people/1', property: 'schema:attendee' } },
    {
      '@id': '/people/1/friends',
      memberAssertion: [
        { property: 'rdf:type', object: 'Person' },
        { subject: { '@id': '/people/1' }, property: { '@id': 'schema:knows' } },
      ],
    },
    { '@id': '/people/1/talks', memberAssertion: { property: RDF_TYPE, object: { '@id': `${SCHEMA}Event` } } },
    '/people/1/photos',
    { memberAssertion: { property: 'rdf:type', object: 'Event' } },
  ],
};

describe('collectionsOf', () => {
  it('lists every collection with an IRI, its assertions expanded and resolved', () => {
    const found = collectionsOf(person);
    expect(found.map((c) => c.id)).toEqual(['events', 'friends', 'talks', 'photos'].map((name) => `${ORIGIN}/people/1/${name}`));
    expect(found.map((c) => c.assertions)).toEqual([
      [{ subject: `${ORIGIN}/people/1`, property: `${SCHEMA}attendee` }],
      [
        { property: RDF_TYPE, object: `${SCHEMA}Person` },
        { subject: `${ORIGIN}/people/1`, property: `${SCHEMA}knows` },
      ],
      [{ property: RDF_TYPE, object: `${SCHEMA}Event` }],
      [],
    ]);
    expect(found[3]?.node).toEqual({ '@id': '/people/1/photos' });
    expect(found[0]?.node).toBe(person.collection[0]);
  });

  it('filters by member type given as an IRI, a compact IRI or a term of the context', () => {
    for (const memberType of [`${SCHEMA}Event`, 'schema:Event', 'Event']) {
      expect(collectionsOf(person, { memberType }).map((c) => c.id), memberType).toEqual([`${ORIGIN}/people/1/talks`]);
    }
    expect(collectionsOf(person, { memberType: 'Person' }).map((c) => c.id)).toEqual([`${ORIGIN}/people/1/friends`]);
    expect(collectionsOf(person, { memberType: 'schema:Place' })).toEqual([]);
  });

  it('reads the older hydra:manages and the hydra: spellings, resolving against the base', () => {
    const old = {
      'hydra:collection': {
        '@id': 'events',
        'hydra:manages': { 'hydra:property': 'rdf:type', 'hydra:object': 'http://example.com/vocab#Event' },
      },
    };
    expect(collectionsOf(old, { base: `${ORIGIN}/people/2/`, memberType: 'http://example.com/vocab#Event' })).toEqual([
      { id: `${ORIGIN}/people/2/events`, node: old['hydra:collection'], assertions: [{ property: RDF_TYPE, object: 'http://example.com/vocab#Event' }] },
    ]);
  });

  it('reads an API Platform-shaped resource whose terms are in a context of its own', () => {
    const registry = createRegistry({
      types: [],
      contexts: { '/contexts/Author': { '@context': { '@vocab': `${ORIGIN}/docs.jsonld#`, hydra: 'http://www.w3.org/ns/hydra/core#', Book: `${ORIGIN}/docs.jsonld#Book` } } },
    });
    const author = {
      '@context': '/contexts/Author',
      '@id': '/authors/1',
      'hydra:collection': [{ '@id': '/authors/1/books', 'hydra:memberAssertion': { 'hydra:property': 'rdf:type', 'hydra:object': 'Book' } }],
    };
    expect(collectionsOf(author, { registry, base: `${ORIGIN}/authors/1`, memberType: 'Book' }).map((c) => c.id)).toEqual([`${ORIGIN}/authors/1/books`]);
  });

  it('is empty for a resource without collections', () => {
    expect(collectionsOf({ '@id': '/x' })).toEqual([]);
    expect(collectionsOf({ collection: [null, 1, []] })).toEqual([]);
  });
});
