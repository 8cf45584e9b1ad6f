/**
 * API documentation in the shapes real servers write it, hand-written after their public
 * documentation: API Platform 3.x (`hydra:` prefixes, an inline context), API Platform 4.x
 * (unprefixed, the W3C Hydra context by URL) and hydra-box/kopflos (the W3C context, a flat
 * `@graph`, operations on `hydra:Link` properties).
 *
 * @module
 */
import { HYDRA_CONTEXT } from '../vocabulary.js';

export const SCHEMA = 'https://schema.org/';
export const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
export const XSD = 'http://www.w3.org/2001/XMLSchema#';

/** API Platform 3.x: `hydra:` prefixed keys, an inline context, relative class IRIs under `@vocab`. */
export const apiPlatform3 = (): Record<string, unknown> => ({
  '@context': {
    '@vocab': 'https://books.example/docs.jsonld#',
    hydra: 'http://www.w3.org/ns/hydra/core#',
    rdf: RDF,
    rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
    xmls: XSD,
    owl: 'http://www.w3.org/2002/07/owl#',
    schema: SCHEMA,
    domain: { '@id': 'rdfs:domain', '@type': '@id' },
    range: { '@id': 'rdfs:range', '@type': '@id' },
    subClassOf: { '@id': 'rdfs:subClassOf', '@type': '@id' },
    expects: { '@id': 'hydra:expects', '@type': '@id' },
    returns: { '@id': 'hydra:returns', '@type': '@id' },
  },
  '@id': '/docs.jsonld',
  '@type': 'hydra:ApiDocumentation',
  'hydra:title': 'Books',
  'hydra:description': 'A bookshop.',
  'hydra:entrypoint': '/',
  'hydra:supportedClass': [
    {
      '@id': 'schema:Book',
      '@type': 'hydra:Class',
      'rdfs:label': 'Book',
      'hydra:title': 'Book',
      'hydra:description': 'A book.',
      'hydra:supportedProperty': [
        {
          '@type': 'hydra:SupportedProperty',
          'hydra:property': { '@id': 'schema:isbn', '@type': 'rdf:Property', 'rdfs:label': 'isbn', domain: 'schema:Book', range: 'xmls:string' },
          'hydra:title': 'isbn',
          'hydra:required': true,
          'hydra:readable': true,
          'hydra:writeable': true,
          'hydra:description': 'The ISBN of the book.',
        },
        {
          '@type': 'hydra:SupportedProperty',
          'hydra:property': { '@id': '#Book/reviews', '@type': 'hydra:Link', 'rdfs:label': 'reviews', domain: 'schema:Book', range: '#Review' },
          'hydra:title': 'reviews',
          'hydra:required': false,
          'hydra:readable': true,
          'hydra:writeable': false,
        },
      ],
      'hydra:supportedOperation': [
        {
          '@type': ['hydra:Operation', 'schema:FindAction'],
          'hydra:method': 'GET',
          'hydra:title': 'Retrieves a Book resource.',
          'rdfs:label': 'Retrieves a Book resource.',
          returns: 'schema:Book',
          'hydra:possibleStatus': [{ '@type': 'hydra:Status', 'hydra:statusCode': 404, 'hydra:title': 'Not found' }],
        },
        {
          '@type': ['hydra:Operation', 'schema:ReplaceAction'],
          expects: 'schema:Book',
          'hydra:method': 'PUT',
          'hydra:title': 'Replaces the Book resource.',
          returns: 'schema:Book',
        },
        { '@type': ['hydra:Operation', 'http://schema.org/DeleteAction'], 'hydra:method': 'DELETE', 'hydra:title': 'Deletes the Book resource.', returns: 'owl:Nothing' },
      ],
    },
    {
      '@id': '#Entrypoint',
      '@type': 'hydra:Class',
      'hydra:title': 'The API entrypoint',
      'hydra:supportedProperty': [
        {
          '@type': 'hydra:SupportedProperty',
          'hydra:property': {
            '@id': '#Entrypoint/book',
            '@type': 'hydra:Link',
            domain: '#Entrypoint',
            'rdfs:label': 'The collection of Book resources',
            'rdfs:range': [{ '@id': 'hydra:Collection' }, { 'owl:equivalentClass': { 'owl:onProperty': { '@id': 'hydra:member' }, 'owl:allValuesFrom': { '@id': 'schema:Book' } } }],
            'hydra:supportedOperation': [
              { '@type': ['hydra:Operation', 'schema:FindAction'], 'hydra:method': 'GET', 'hydra:title': 'Retrieves the collection of Book resources.', returns: 'hydra:Collection' },
              { '@type': ['hydra:Operation', 'schema:CreateAction'], expects: 'schema:Book', 'hydra:method': 'POST', 'hydra:title': 'Creates a Book resource.', returns: 'schema:Book' },
            ],
          },
          'hydra:title': 'The collection of Book resources',
          'hydra:readable': true,
          'hydra:writeable': false,
        },
      ],
      'hydra:supportedOperation': { '@type': 'hydra:Operation', 'hydra:method': 'GET', 'rdfs:label': 'The API entrypoint.', returns: '#EntryPoint' },
    },
  ],
});

/** API Platform 4.x: the W3C Hydra context by URL, then its own terms; unprefixed keys. */
export const apiPlatform4 = (): Record<string, unknown> => ({
  '@context': [HYDRA_CONTEXT, { '@vocab': 'https://books.example/docs.jsonld#', schema: SCHEMA, expects: { '@id': 'hydra:expects', '@type': '@id' }, returns: { '@id': 'hydra:returns', '@type': '@id' } }],
  '@id': '/docs.jsonld',
  '@type': 'ApiDocumentation',
  title: 'Books',
  entrypoint: '/',
  supportedClass: [
    {
      '@id': 'schema:Book',
      '@type': 'Class',
      title: 'Book',
      supportedProperty: [
        { '@type': 'SupportedProperty', property: { '@id': 'schema:isbn', '@type': 'rdf:Property', label: 'isbn', range: 'xsd:string' }, title: 'isbn', required: false, readable: true, writable: true },
        { '@type': 'SupportedProperty', property: { '@id': 'schema:author', '@type': 'Link', label: 'author', range: 'schema:Person' }, title: 'author', required: true, readable: true, writable: false },
      ],
      supportedOperation: [
        { '@type': ['Operation', 'schema:FindAction'], method: 'GET', title: 'getBook', returns: 'schema:Book', possibleStatus: [{ '@type': 'Status', statusCode: 200 }, { '@type': 'Status', statusCode: 404 }] },
        { '@type': ['Operation', 'schema:ReplaceAction'], method: 'put', title: 'Replaces the Book resource.', expects: 'schema:Book', returns: 'schema:Book' },
      ],
    },
  ],
});

/** hydra-box / kopflos: the W3C Hydra context alone, a flat `@graph`, operations on `hydra:Link` properties, nodes referring to each other by `@id`. */
export const hydraBox = (): Record<string, unknown> => ({
  '@context': HYDRA_CONTEXT,
  '@graph': [
    { '@id': 'https://people.example/api', '@type': 'ApiDocumentation', entrypoint: 'https://people.example/', supportedClass: ['https://people.example/vocab#Person', 'https://people.example/vocab#Team'] },
    {
      '@id': 'https://people.example/vocab#Person',
      '@type': 'Class',
      title: 'Person',
      subClassOf: 'http://schema.org/Person',
      supportedProperty: [{ '@id': '_:name' }, { '@id': '_:friends' }],
      supportedOperation: ['https://people.example/vocab#Person/get'],
    },
    {
      '@id': 'https://people.example/vocab#Team',
      '@type': 'Class',
      supportedProperty: { '@id': '_:friends' },
      supportedOperation: 'https://people.example/vocab#Person/get',
    },
    { '@id': '_:name', '@type': 'SupportedProperty', property: 'http://schema.org/name', required: true, writeable: true },
    { '@id': '_:friends', '@type': 'SupportedProperty', property: 'https://people.example/vocab#friends', readable: true, writable: false },
    { '@id': 'https://people.example/vocab#friends', '@type': 'Link', label: 'friends', range: 'https://people.example/vocab#PersonCollection', supportedOperation: 'https://people.example/vocab#friends/add' },
    { '@id': 'https://people.example/vocab#Person/get', '@type': 'Operation', method: 'GET', returns: 'https://people.example/vocab#Person' },
    {
      '@id': 'https://people.example/vocab#friends/add',
      '@type': ['Operation', 'http://schema.org/AddAction'],
      title: 'addFriend',
      description: 'Adds a friend.',
      method: 'POST',
      expects: 'https://people.example/vocab#Person',
      possibleStatus: ['https://people.example/status/201'],
    },
    { '@id': 'https://people.example/status/201', '@type': 'Status', statusCode: 201 },
  ],
});

