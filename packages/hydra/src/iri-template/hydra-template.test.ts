import { describe, expect, it } from 'vitest';
import { thrown } from './__fixtures__/thrown.js';
import { expandHydraTemplate, type IriTemplateDescription } from './hydra-template.js';

const XSD = 'http://www.w3.org/2001/XMLSchema#';

describe('expandHydraTemplate', () => {
  // Hydra Core spec, "Templated Links": the freetext search of an issue tracker.
  const issues: IriTemplateDescription = {
    '@type': 'IriTemplate',
    template: 'http://api.example.com/issues{?q}',
    variableRepresentation: 'BasicRepresentation',
    mapping: [{ '@type': 'IriTemplateMapping', variable: 'q', property: 'hydra:freetextQuery', required: true }],
  };

  it('expands the spec example with the value keyed by variable, compact property or property IRI', () => {
    expect(expandHydraTemplate(issues, { q: 'broken links' })).toBe('http://api.example.com/issues?q=broken%20links');
    expect(expandHydraTemplate(issues, { 'hydra:freetextQuery': 'broken' })).toBe('http://api.example.com/issues?q=broken');
    expect(expandHydraTemplate(issues, { 'http://www.w3.org/ns/hydra/core#freetextQuery': 'broken' })).toBe(
      'http://api.example.com/issues?q=broken',
    );
    expect(expandHydraTemplate(issues, new Map([['q', 'x']]))).toBe('http://api.example.com/issues?q=x');
  });

  it('fails with missing_variable when a required mapping has no value', () => {
    for (const values of [{}, { q: null }, { q: [] }, { other: 'x' }]) {
      const error = thrown(() => expandHydraTemplate(issues, values));
      expect(error.code).toBe('missing_variable');
      expect(error.variable).toBe('q');
      expect(error.template).toBe('http://api.example.com/issues{?q}');
    }
    expect(thrown(() => expandHydraTemplate(issues, {})).message).toMatchInlineSnapshot(
      `"Template variable "q" is required by "http://api.example.com/issues{?q}" but has no value."`,
    );
  });

  it('leaves out an optional variable without value', () => {
    const description: IriTemplateDescription = {
      template: '/issues{?q,page}',
      mapping: [
        { variable: 'q', property: 'hydra:freetextQuery', required: false },
        { variable: 'page', property: 'http://schema.org/position' },
      ],
    };
    expect(expandHydraTemplate(description, {})).toBe('/issues');
    expect(expandHydraTemplate(description, { page: 3 })).toBe('/issues?page=3');
  });

  // The Hydra Core spec's table of how values are represented, expanded as `{var}`.
  const table: [string, unknown, string, string][] = [
    ['an IRI', { '@id': 'http://www.hydra-cg.com/' }, 'http%3A%2F%2Fwww.hydra-cg.com%2F', 'http%3A%2F%2Fwww.hydra-cg.com%2F'],
    ['a string', 'A simple string', 'A%20simple%20string', '%22A%20simple%20string%22'],
    ['a string with a quote', 'A string " with a quote', 'A%20string%20%22%20with%20a%20quote', '%22A%20string%20%22%20with%20a%20quote%22'],
    ['a language-tagged string', { '@value': 'A string', '@language': 'en' }, 'A%20string', '%22A%20string%22%40en'],
    [
      'a typed literal',
      { '@value': '5.5', '@type': 'xsd:decimal' },
      '5.5',
      `%225.5%22%5E%5E${encodeURIComponent(`${XSD}decimal`)}`,
    ],
  ];

  it.each(table)('represents %s per BasicRepresentation and ExplicitRepresentation', (_, value, basic, explicit) => {
    const of = (variableRepresentation: string): IriTemplateDescription => ({
      template: '/search/{value}',
      variableRepresentation,
      mapping: [{ variable: 'value', property: 'http://schema.org/name', required: true }],
    });
    const values = { 'http://schema.org/name': value as never };
    expect(expandHydraTemplate(of('BasicRepresentation'), values)).toBe(`/search/${basic}`);
    expect(expandHydraTemplate(of('ExplicitRepresentation'), values)).toBe(`/search/${explicit}`);
  });

  it('writes typed, tagged and plain literals per ExplicitRepresentation before encoding them', () => {
    const description: IriTemplateDescription = {
      template: '/x{?v}{&raw}{+iri}',
      variableRepresentation: 'ExplicitRepresentation',
      mapping: [{ variable: 'v' }, { variable: 'raw' }, { variable: 'iri' }],
    };
    const decodedV = (value: unknown): string => {
      const expanded = expandHydraTemplate(description, { v: value as never });
      return decodeURIComponent(expanded.slice('/x?v='.length));
    };
    expect(decodedV({ '@value': '5', '@type': 'xsd:integer' })).toBe(`"5"^^${XSD}integer`);
    expect(decodedV({ '@value': '5', '@type': `${XSD}integer` })).toBe(`"5"^^${XSD}integer`);
    expect(decodedV(5)).toBe(`"5"^^${XSD}integer`);
    expect(decodedV(-0)).toBe(`"0"^^${XSD}integer`);
    expect(decodedV(5.5)).toBe(`"5.5E0"^^${XSD}double`);
    expect(decodedV(1e21)).toBe(`"1.0E21"^^${XSD}double`);
    expect(decodedV({ '@value': 5, '@type': 'xsd:double' })).toBe(`"5.0E0"^^${XSD}double`);
    expect(decodedV(true)).toBe(`"true"^^${XSD}boolean`);
    expect(decodedV({ '@value': 'Hello', '@language': 'en' })).toBe('"Hello"@en');
    expect(decodedV({ '@value': 'Hello', '@type': 'xsd:string' })).toBe('"Hello"');
    expect(decodedV('Hello')).toBe('"Hello"');
    expect(decodedV({ '@value': 'Hello' })).toBe('"Hello"');
    expect(decodedV({ '@id': 'hydra:Collection' })).toBe('http://www.w3.org/ns/hydra/core#Collection');
    expect(expandHydraTemplate(description, { v: 'Hello' })).toBe('/x?v=%22Hello%22');
    expect(expandHydraTemplate(description, { iri: { '@id': 'http://a.example/b?c#d' } })).toBe('/xhttp://a.example/b?c#d');
  });

  it('writes literals by their lexical form only per BasicRepresentation', () => {
    const description: IriTemplateDescription = { template: '/x{?v}', mapping: [{ variable: 'v' }] };
    expect(expandHydraTemplate(description, { v: { '@value': '5', '@type': 'xsd:integer' } })).toBe('/x?v=5');
    expect(expandHydraTemplate(description, { v: 42 })).toBe('/x?v=42');
    expect(expandHydraTemplate(description, { v: { '@value': 'Hallo', '@language': 'de' } })).toBe('/x?v=Hallo');
    expect(expandHydraTemplate(description, { v: false })).toBe('/x?v=false');
    expect(expandHydraTemplate(description, { v: { '@id': '/items/1' } })).toBe('/x?v=%2Fitems%2F1');
  });

  it('expands a list of values as an RFC 6570 list', () => {
    const description: IriTemplateDescription = {
      template: '/issues{?tag*}',
      variableRepresentation: 'hydra:ExplicitRepresentation',
      mapping: { variable: 'tag', property: 'schema:keywords', required: true },
    };
    const options = { prefixes: { schema: 'http://schema.org/' } };
    expect(expandHydraTemplate(description, { 'http://schema.org/keywords': ['a', null, { '@value': 'b', '@language': 'en' }] }, options)).toBe(
      '/issues?tag=%22a%22&tag=%22b%22%40en',
    );
  });

  it('accepts the representation bare, prefixed, as IRI or as node reference, and rejects others', () => {
    const of = (variableRepresentation: unknown): IriTemplateDescription =>
      ({ template: '{v}', variableRepresentation, mapping: [{ variable: 'v' }] }) as IriTemplateDescription;
    for (const explicit of ['ExplicitRepresentation', 'hydra:ExplicitRepresentation', 'http://www.w3.org/ns/hydra/core#ExplicitRepresentation', { '@id': 'hydra:ExplicitRepresentation' }]) {
      expect(expandHydraTemplate(of(explicit), { v: 'a' })).toBe('%22a%22');
    }
    for (const basic of [undefined, null, 'BasicRepresentation', { '@id': 'http://www.w3.org/ns/hydra/core#BasicRepresentation' }]) {
      expect(expandHydraTemplate(of(basic), { v: 'a' })).toBe('a');
    }
    expect(thrown(() => expandHydraTemplate(of('FancyRepresentation'), { v: 'a' })).code).toBe('invalid_description');
  });

  it('rejects a malformed description, template or value with a typed error', () => {
    expect(thrown(() => expandHydraTemplate({} as IriTemplateDescription, {})).code).toBe('invalid_description');
    expect(thrown(() => expandHydraTemplate({ template: '/x', mapping: [{}] } as unknown as IriTemplateDescription, {})).code).toBe(
      'invalid_description',
    );
    const bad = thrown(() => expandHydraTemplate({ template: '/x{?q' }, {}));
    expect([bad.code, bad.offset]).toEqual(['invalid_template', 2]);
    const value = thrown(() => expandHydraTemplate({ template: '/x{?q}' }, { q: { name: 'x' } as never }));
    expect([value.code, value.variable]).toEqual(['invalid_value', 'q']);
  });

  it('writes a variable per its mapping’s own variableRepresentation, over the template’s', () => {
    const description: IriTemplateDescription = {
      template: '/x{?q,page}',
      variableRepresentation: 'ExplicitRepresentation',
      mapping: [
        { variable: 'q', property: 'hydra:freetextQuery' },
        { variable: 'page', property: 'hydra:pageIndex', variableRepresentation: 'hydra:BasicRepresentation' },
      ],
    };
    expect(expandHydraTemplate(description, { q: 'a', page: 2 })).toBe('/x?q=%22a%22&page=2');
    const basic: IriTemplateDescription = { template: '/x{?q}', mapping: [{ variable: 'q', variableRepresentation: { '@id': 'hydra:ExplicitRepresentation' } }] };
    expect(expandHydraTemplate(basic, { q: 'a' })).toBe('/x?q=%22a%22');
    const bad = { template: '/x{?q}', mapping: [{ variable: 'q', variableRepresentation: 'Fancy' }] } as IriTemplateDescription;
    expect(thrown(() => expandHydraTemplate(bad, { q: 'a' })).code).toBe('invalid_description');
  });

  it('looks values up as own keys only', () => {
    const description: IriTemplateDescription = { template: '/x{?constructor}', mapping: [{ variable: 'constructor', required: false }] };
    expect(expandHydraTemplate(description, {})).toBe('/x');
  });
});
