import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RFC6570_EXAMPLES } from './__fixtures__/rfc6570-examples.js';
import {
  expandHydraTemplate,
  expandIriTemplate,
  IriTemplateError,
  isIriTemplateError,
  parseIriTemplate,
  type IriTemplateDescription,
  type TemplateValue,
} from './rfc6570.js';

const XSD = 'http://www.w3.org/2001/XMLSchema#';

function thrown(run: () => unknown): IriTemplateError {
  try {
    run();
  } catch (error) {
    if (isIriTemplateError(error)) return error;
    throw error;
  }
  throw new Error('expected an IriTemplateError, nothing was thrown');
}

describe('RFC 6570 examples', () => {
  for (const table of RFC6570_EXAMPLES) {
    describe(`§${table.section}`, () => {
      it.each(table.cases)('%s → %s', (template, expansion) => {
        expect(expandIriTemplate(template, table.variables)).toBe(expansion);
      });
    });
  }

  it('covers every example of the tables it claims to', () => {
    const counts = Object.fromEntries(RFC6570_EXAMPLES.map((t) => [t.section, t.cases.length]));
    expect(counts).toEqual({
      '1.1': 3,
      '1.2 level 1': 2,
      '1.2 level 2': 6,
      '1.2 level 3': 16,
      '1.2 level 4': 42,
      '2.4.1': 5,
      '2.4.2': 2,
      '3.2.1': 9,
      '3.2.2': 16,
      '3.2.3': 17,
      '3.2.4': 12,
      '3.2.5': 14,
      '3.2.6': 14,
      '3.2.7': 13,
      '3.2.8': 10,
      '3.2.9': 9,
    });
  });
});

describe('parseIriTemplate', () => {
  it('lists each variable once, in order of first appearance', () => {
    expect(parseIriTemplate('{/a,b}{?c,a}{&b*,d:3}').variables).toEqual(['a', 'b', 'c', 'd']);
    expect(parseIriTemplate('no/variables/here').variables).toEqual([]);
    expect(parseIriTemplate('{a.b_c%41}').variables).toEqual(['a.b_c%41']);
  });

  it('compiles once and returns the cached template for the same text', () => {
    const first = parseIriTemplate('/cached{?page}');
    expect(parseIriTemplate('/cached{?page}')).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(first.template).toBe('/cached{?page}');
  });

  it('keeps working after the cache has been overrun', () => {
    for (let i = 0; i < 1500; i++) parseIriTemplate(`/overrun/${i}{?q}`);
    expect(parseIriTemplate('/overrun/3{?q}').expand({ q: 'x' })).toBe('/overrun/3?q=x');
  });

  it.each([
    ['{', 0, 'the expression is not closed'],
    ['/a{?q', 2, 'the expression is not closed'],
    ['/a{?q,', 2, 'the expression is not closed'],
    ['/id*}', 4, 'a "}" closes no expression'],
    ['{}', 1, 'expected a variable name, found "}"'],
    ['{/?id}', 2, 'expected a variable name, found "?"'],
    ['{??hello}', 2, 'expected a variable name, found "?"'],
    ['{!hello}', 1, 'operator "!" is reserved for future extensions'],
    ['{=path}', 1, 'operator "=" is reserved for future extensions'],
    ['{|var*}', 1, 'operator "|" is reserved for future extensions'],
    ['{$var}', 1, 'expected a variable name, found "$"'],
    ['{with space}', 5, 'expected "," or "}", found " "'],
    ['{ leading_space}', 1, 'expected a variable name, found " "'],
    ['{trailing_space }', 15, 'expected "," or "}", found " "'],
    ['{var:prefix}', 5, 'a prefix modifier is a length from 1 to 9999'],
    ['{var:0}', 5, 'a prefix modifier is a length from 1 to 9999'],
    ['{var:10000}', 5, 'a prefix modifier is a length from 1 to 9999'],
    ['{hello:2*}', 8, 'expected "," or "}", found "*"'],
    ['{*keys?}', 1, 'expected a variable name, found "*"'],
    ['{?empty=default,var}', 7, 'expected "," or "}", found "="'],
    ['/h{#hello+}', 9, 'expected "," or "}", found "+"'],
    ['/people/{~thing}', 9, 'expected a variable name, found "~"'],
    ['/sparql{?query,default-graph-uri}', 22, 'expected "," or "}", found "-"'],
    ['/resolution{?x, y}', 15, 'expected a variable name, found " "'],
    ['{.a..b}', 4, 'a "." in a variable name must sit between two variable characters'],
    ['{.a.}', 3, 'a variable name cannot end with "."'],
    ['{.a%4}', 3, 'a "%" in a variable name must start a pct-encoded triplet'],
    ['/a b', 2, '" " is not allowed in a template'],
    ['/50%', 3, 'a "%" must start a pct-encoded triplet'],
    ['/%zz', 1, 'a "%" must start a pct-encoded triplet'],
    ['/x<y>', 2, '"<" is not allowed in a template'],
    ["/it's", 3, '"\'" is not allowed in a template'],
    ['/tab\there', 4, '"\\t" is not allowed in a template'],
    ['/bad\uD800', 4, '"\\ud800" is not allowed in a template'],
  ])('rejects %j at offset %i', (template, offset, reason) => {
    const error = thrown(() => parseIriTemplate(template));
    expect(error.code).toBe('invalid_template');
    expect(error.offset).toBe(offset);
    expect(error.template).toBe(template);
    expect(error.message).toContain(`at offset ${offset}: ${reason}.`);
  });

  it('writes a message that names the template, the offset and the reason', () => {
    const error = thrown(() => parseIriTemplate('/issues{?q'));
    expect(error.message).toMatchInlineSnapshot(`"Invalid IRI template "/issues{?q" at offset 7: the expression is not closed."`);
    expect(error).toBeInstanceOf(IriTemplateError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('IriTemplateError');
  });

  it('throws only IriTemplateError, with an offset inside the template, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        try {
          parseIriTemplate(text);
        } catch (error) {
          expect(isIriTemplateError(error)).toBe(true);
          const offset = (error as IriTemplateError).offset ?? -1;
          expect(offset).toBeGreaterThanOrEqual(0);
          expect(offset).toBeLessThan(text.length);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('isIriTemplateError', () => {
  it('recognises the error by name, also from another copy of the package', () => {
    expect(isIriTemplateError(new IriTemplateError('missing_variable', 'x'))).toBe(true);
    const foreign = Object.assign(new Error('x'), { name: 'IriTemplateError', code: 'invalid_template' });
    expect(isIriTemplateError(foreign)).toBe(true);
    expect(isIriTemplateError(new Error('x'))).toBe(false);
    expect(isIriTemplateError(Object.assign(new Error('x'), { name: 'IriTemplateError' }))).toBe(false);
    expect(isIriTemplateError(null)).toBe(false);
    expect(isIriTemplateError('IriTemplateError')).toBe(false);
  });
});

describe('expansion details', () => {
  it('encodes values as UTF-8 and passes pct-encoded triplets only for + and #', () => {
    expect(expandIriTemplate('{v}', { v: 'café ☕ 😀' })).toBe('caf%C3%A9%20%E2%98%95%20%F0%9F%98%80');
    expect(expandIriTemplate('{+v}', { v: 'a%2Fb%zz/é' })).toBe('a%2Fb%25zz/%C3%A9');
    expect(expandIriTemplate('{#v}', { v: '%7e' })).toBe('#%7e');
    expect(expandIriTemplate('{v}', { v: '%2F' })).toBe('%252F');
    expect(expandIriTemplate('{/v}', { v: "!$&'()*+,;=:@[]" })).toBe('/%21%24%26%27%28%29%2A%2B%2C%3B%3D%3A%40%5B%5D');
  });

  it('replaces a lone surrogate by U+FFFD rather than failing', () => {
    expect(expandIriTemplate('{v}', { v: 'a\uD800b' })).toBe('a%EF%BF%BDb');
  });

  it('copies literals, pct-encoding characters outside the URI set', () => {
    expect(expandIriTemplate('/café/%C3%A9/{x}', { x: 'y' })).toBe('/caf%C3%A9/%C3%A9/y');
    expect(expandIriTemplate('/[v6]/a!b$c', {})).toBe('/[v6]/a!b$c');
  });

  it('counts the prefix modifier in code points, and a triplet as one character for + and #', () => {
    expect(expandIriTemplate('{v:2}', { v: '😀😀😀' })).toBe('%F0%9F%98%80%F0%9F%98%80');
    expect(expandIriTemplate('{+v:2}', { v: '%41%42%43' })).toBe('%41%42');
    expect(expandIriTemplate('{v:2}', { v: '%41%42%43' })).toBe('%254');
  });

  it('ignores the prefix modifier on lists and associative arrays', () => {
    expect(expandIriTemplate('{?list:1,keys:1}', { list: ['ab', 'cd'], keys: { k: 'vw' } })).toBe('?list=ab,cd&keys=k,vw');
  });

  it('writes numbers and booleans as text', () => {
    expect(expandIriTemplate('{?page,size,open}', { page: 2, size: 0.5, open: false })).toBe('?page=2&size=0.5&open=false');
  });

  it('skips null members, nested composites, and variables left with no member', () => {
    const values: Record<string, TemplateValue> = {
      list: ['a', null, 'b', undefined],
      none: [null, undefined],
      keys: { a: '1', b: null, c: undefined },
      nokeys: { b: null },
    };
    expect(expandIriTemplate('{?list,none,keys*,nokeys*}', values)).toBe('?list=a,b&a=1');
    expect(expandIriTemplate('{?nested*}', { nested: [['x'], { y: 1 }, 'z'] as never })).toBe('?nested=z');
  });

  it('treats an empty string member per the operator', () => {
    expect(expandIriTemplate('{?list*}', { list: ['', 'a'] })).toBe('?list=&list=a');
    expect(expandIriTemplate('{;list*}', { list: ['', 'a'] })).toBe(';list;list=a');
    expect(expandIriTemplate('{;keys*}', { keys: { k: '' } })).toBe(';k');
    expect(expandIriTemplate('{/keys*}', { keys: { k: '' } })).toBe('/k=');
  });

  it('expands associative arrays in insertion order, Maps included', () => {
    expect(expandIriTemplate('{?keys*}', { keys: new Map([['z', 1], ['2', 2], ['a', 3]]) })).toBe('?z=1&2=2&a=3');
    expect(expandIriTemplate('{?keys*}', { keys: { 'a b': 'c&d' } })).toBe('?a%20b=c%26d');
  });

  it('takes values from a Map, and never from the prototype of a record', () => {
    expect(expandIriTemplate('{/a}', new Map([['a', 'x']]))).toBe('/x');
    expect(expandIriTemplate('{/constructor,toString,__proto__}', {})).toBe('');
    const own = JSON.parse('{"__proto__":"p","constructor":"c"}') as Record<string, string>;
    expect(expandIriTemplate('{/__proto__,constructor}', own)).toBe('/p/c');
  });
});

// Arbitraries for templates that follow the grammar, and JSON-ish values to expand them with.
const NAMES = ['a', 'b', 'list', 'keys', 'x.y', 'n%41'] as const;
const varspec = fc
  .tuple(fc.constantFrom(...NAMES), fc.oneof(fc.constant(''), fc.constant('*'), fc.integer({ min: 1, max: 9999 }).map((n) => `:${n}`)))
  .map(([name, modifier]) => name + modifier);
const expression = fc
  .tuple(fc.constantFrom('', '+', '#', '.', '/', ';', '?', '&'), fc.array(varspec, { minLength: 1, maxLength: 4 }))
  .map(([operator, specs]) => `{${operator}${specs.join(',')}}`);
const ASCII_LITERALS = [...Array(0x5e).keys()]
  .map((i) => String.fromCharCode(i + 0x21))
  .filter((ch) => !'"\'%<>\\^`{|}'.includes(ch));
const literalChar = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...ASCII_LITERALS) },
  { weight: 1, arbitrary: fc.constantFrom('é', '☕', '😀', '\u00a0', '\ue000', '\u{10fffd}') },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...'0123456789abcdefABCDEF'), fc.constantFrom(...'0123456789abcdefABCDEF')).map(([h, l]) => `%${h}${l}`) },
);
const literal = fc.array(literalChar, { maxLength: 12 }).map((chars) => chars.join(''));
const template = fc.array(fc.oneof(literal, expression), { maxLength: 6 }).map((parts) => parts.join(''));
const URI_CHARS = /^(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/;
const wellFormed = fc.string({ unit: 'grapheme', maxLength: 30 });

describe('properties', () => {
  it('expands a template of literals only to the literal, non-ASCII characters pct-encoded', () => {
    fc.assert(
      fc.property(literal, (text) => {
        // Arrange: an independent oracle, the platform's UTF-8 encoder on each non-ASCII character.
        const expected = text.replace(/[^\x00-\x7f]/gu, (ch) => encodeURIComponent(ch));
        // Act / Assert
        expect(expandIriTemplate(text, {})).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('expands {var} to the value itself when it is made of unreserved characters', () => {
    const unreserved = fc.string({ unit: fc.constantFrom(...'ABCXYZabcxyz0189-._~'), maxLength: 30 });
    fc.assert(
      fc.property(unreserved, (value) => {
        expect(expandIriTemplate('{var}', { var: value })).toBe(value);
      }),
      { numRuns: 1000 },
    );
  });

  it('expands {var} so that decoding gives the value back', () => {
    fc.assert(
      fc.property(wellFormed, (value) => {
        const expanded = expandIriTemplate('{var}', { var: value });
        expect(expanded).toMatch(/^(?:[A-Za-z0-9\-._~]|%[0-9A-F]{2})*$/);
        expect(decodeURIComponent(expanded)).toBe(value);
      }),
      { numRuns: 1000 },
    );
  });

  it('never encodes reserved characters in {+var}', () => {
    const uriChars = fc.string({ unit: fc.constantFrom(...":/?#[]@!$&'()*+,;=Az09-._~"), maxLength: 30 });
    fc.assert(
      fc.property(uriChars, (value) => {
        expect(expandIriTemplate('{+var}', { var: value })).toBe(value);
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(wellFormed.filter((s) => !s.includes('%')), (value) => {
        // encodeURI keeps every reserved character except the brackets.
        const expected = encodeURI(value).replace(/%5B/g, '[').replace(/%5D/g, ']');
        expect(expandIriTemplate('{+var}', { var: value })).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('round-trips form-style query values through URLSearchParams', () => {
    fc.assert(
      fc.property(wellFormed, wellFormed, fc.array(wellFormed, { minLength: 1, maxLength: 4 }), (a, b, list) => {
        const query = new URLSearchParams(expandIriTemplate('{?a,b,list*}', { a, b, list }).slice(1));
        expect(query.get('a')).toBe(a);
        expect(query.get('b')).toBe(b);
        expect(query.getAll('list')).toEqual(list);
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on valid templates for any JSON-ish values, and emits only URI characters', () => {
    const jsonish = fc.oneof(fc.jsonValue(), fc.constant(undefined), fc.string({ unit: 'binary' }));
    fc.assert(
      fc.property(template, fc.dictionary(fc.constantFrom(...NAMES), jsonish), (text, values) => {
        const compiled = parseIriTemplate(text);
        const expanded = compiled.expand(values as Record<string, TemplateValue>);
        expect(expanded).toMatch(URI_CHARS);
      }),
      { numRuns: 1000 },
    );
  });
});

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

  it('looks values up as own keys only', () => {
    const description: IriTemplateDescription = { template: '/x{?constructor}', mapping: [{ variable: 'constructor', required: false }] };
    expect(expandHydraTemplate(description, {})).toBe('/x');
  });
});
