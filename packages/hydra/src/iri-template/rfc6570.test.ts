import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RFC6570_EXAMPLES } from './__fixtures__/rfc6570-examples.js';
import { thrown } from './__fixtures__/thrown.js';
import { IriTemplateError, isIriTemplateError } from './errors.js';
import { expandIriTemplate, parseIriTemplate, type TemplateValue } from './rfc6570.js';

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
