/**
 * `Link` header fields as servers write them: several links, quoted and bare parameters, rel
 * lists, escapes, and malformed links that must not hide the others.
 *
 * @module
 */
import { describe, expect, it } from 'vitest';
import { hasRel, parseLinkHeader } from './link-header.js';

const BASE = 'https://api.example.com/books?page=1';
const API_DOC = 'http://www.w3.org/ns/hydra/core#apiDocumentation';
const CONTEXT = 'http://www.w3.org/ns/json-ld#context';

describe('parseLinkHeader', () => {
  it('reads one link, resolving its target against the base', () => {
    expect(parseLinkHeader(`</docs.jsonld>; rel="${API_DOC}"`, BASE)).toEqual([{ href: 'https://api.example.com/docs.jsonld', rel: [API_DOC], params: {} }]);
  });

  it('reads several links of one field (and of fields joined with ", "), in order', () => {
    const links = parseLinkHeader(`<?page=2>; rel=next, <https://other.example/ctx>; rel="${CONTEXT}",</docs>;rel="${API_DOC}"`, BASE);
    expect(links.map((l) => [l.href, l.rel])).toEqual([
      ['https://api.example.com/books?page=2', ['next']],
      ['https://other.example/ctx', [CONTEXT]],
      ['https://api.example.com/docs', [API_DOC]],
    ]);
  });

  it('splits a rel list on spaces, lowercases registered names and keeps URIs as written', () => {
    const [link] = parseLinkHeader(`</b>; rel="Next  LAST ${API_DOC}"`, BASE);
    expect(link?.rel).toEqual(['next', 'last', API_DOC]);
  });

  it('keeps commas and semicolons inside quoted strings and targets', () => {
    const links = parseLinkHeader('</a,b;c>; rel="next"; title="one, two; three", </d>; rel=prev', BASE);
    expect(links).toEqual([
      { href: 'https://api.example.com/a,b;c', rel: ['next'], params: { title: 'one, two; three' } },
      { href: 'https://api.example.com/d', rel: ['prev'], params: {} },
    ]);
  });

  it('removes backslash escapes from quoted strings', () => {
    expect(parseLinkHeader(String.raw`</a>; rel=next; title="say \"hi\" \\ ok"`, BASE)[0]?.params['title']).toBe('say "hi" \\ ok');
  });

  it('reads bare (unquoted) values, a URI rel included, and lowercases parameter names', () => {
    const [link] = parseLinkHeader(`</docs>; REL=${API_DOC}; Type=application/ld+json`, BASE);
    expect(link).toEqual({ href: 'https://api.example.com/docs', rel: [API_DOC], params: { type: 'application/ld+json' } });
  });

  it('ignores a repeated rel or parameter (the first counts), and gives a name without a value as ""', () => {
    const [link] = parseLinkHeader('</a>; rel=next; rel=prev; title=one; title=two; crossorigin', BASE);
    expect(link).toEqual({ href: 'https://api.example.com/a', rel: ['next'], params: { title: 'one', crossorigin: '' } });
  });

  it('decodes a UTF-8 title* (RFC 8187) and keeps another charset as written', () => {
    const [a, b] = parseLinkHeader("</a>; rel=next; title*=UTF-8'de'n%c3%a4chstes, </b>; rel=prev; title*=iso-8859-1'en'%A3", BASE);
    expect(a?.params['title*']).toBe('nächstes');
    expect(b?.params['title*']).toBe("iso-8859-1'en'%A3");
  });

  it('skips malformed links and goes on with the next one', () => {
    const links = parseLinkHeader('garbage; rel=next, </ok>; rel=next, </junk> x; rel=prev, <http://[bad>; rel=last, </also-ok>; rel=first', BASE);
    expect(links.map((l) => l.href)).toEqual(['https://api.example.com/ok', 'https://api.example.com/also-ok']);
  });

  it('gives nothing for an empty field, and a link without rel has an empty rel list', () => {
    expect(parseLinkHeader('', BASE)).toEqual([]);
    expect(parseLinkHeader(' , ,', BASE)).toEqual([]);
    expect(parseLinkHeader('</a>', BASE)).toEqual([{ href: 'https://api.example.com/a', rel: [], params: {} }]);
  });

  it('ends an unclosed target or quoted string at the end of the field', () => {
    expect(parseLinkHeader('</a>; rel=next, </b', BASE).map((l) => l.href)).toEqual(['https://api.example.com/a']);
    expect(parseLinkHeader('</a>; rel="next', BASE)).toEqual([{ href: 'https://api.example.com/a', rel: ['next'], params: {} }]);
  });
});

describe('hasRel', () => {
  it('compares relation types without regard to case', () => {
    const [link] = parseLinkHeader(`</ctx>; rel="${CONTEXT.toUpperCase()}"`, BASE);
    expect(link && hasRel(link, CONTEXT)).toBe(true);
    expect(link && hasRel(link, API_DOC)).toBe(false);
  });
});
