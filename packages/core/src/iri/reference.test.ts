/**
 * `isIriReference` answers exactly as the reference regular expression, kept here as the oracle so
 * that any faster rewrite (a hand-written scan over char codes, say) must agree with it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIriReference } from './reference.js';

const ORACLE = /^(?:[A-Za-z][A-Za-z0-9+.-]*:|(?![^/?#]*:))[^\u0000-\u0020<>"{}|\\^`\u007f]*$/;
const RUNS = 10_000;

/** Delimiters the scan treats specially, scheme characters, and a few non-ASCII code units. */
const DELIMITER_RICH = fc.constantFrom(
  ...[':', '/', '?', '#', '<', '>', '"', '{', '}', '|', '\\', '^', '`', ' ', '%', '\u007f', '\u0000', '\t', '\n'],
  ...['a', 'Z', 'h', '0', '9', '+', '.', '-', '_', '~', '@', '[', ']', '='],
  ...['é', '\u0080', '\u00a0', '日', '\ud83d', '\ude00', '😀', '\ufeff'],
);

function agrees(value: string): void {
  expect(isIriReference(value)).toBe(ORACLE.test(value));
}

describe('isIriReference', () => {
  it.each([
    ['', true],
    [':', false],
    [':a', false],
    ['a:', true],
    ['a:b', true],
    ['A+.-9:x', true],
    ['1http://example.com/x', false],
    ['-a:b', false],
    ['+a:b', false],
    ['é:b', false],
    ['aé:b', false],
    ['a_b:c', false],
    ['a b:c', false],
    ['/a:b', true],
    ['?a:b', true],
    ['#a:b', true],
    ['a/b:c', true],
    ['a?:', true],
    ['urn:uuid:1234', true],
    ['https://api.example/x?y=1#z', true],
    ['https://api.example/contacts/DQeeO69/conversations?page=2', true],
    ['/conversations/Pvwqm5G/read', true],
    ['timeline', true],
    ['#frag', true],
    ['?page=2', true],
    ['/caf\u00e9/\ud83d', true],
    ['/x\u007f', false],
    ['/x\u0020', false],
    ['/x\n', false],
    ['/x"y', false],
    ['/conversations/<script>', false],
    ['not a link', false],
    ['http:/x y', false],
    ['a:\u0000', false],
    ['\u0000', false],
    ['%', true],
    ['%:', false],
  ])('answers %j with %s, as the regular expression does', (value, expected) => {
    expect(isIriReference(value)).toBe(expected);
    expect(ORACLE.test(value)).toBe(expected);
  });

  it('agrees with the regular expression on every ASCII string of up to two characters', () => {
    const ascii = Array.from({ length: 128 }, (_, code) => String.fromCharCode(code));
    agrees('');
    for (const first of ascii) {
      agrees(first);
      for (const second of ascii) agrees(first + second);
    }
  });

  it('agrees with the regular expression on arbitrary code units', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), agrees), { numRuns: RUNS });
  });

  it('agrees with the regular expression on arbitrary graphemes', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), agrees), { numRuns: RUNS });
  });

  it('agrees with the regular expression on strings rich in delimiters', () => {
    fc.assert(fc.property(fc.string({ unit: DELIMITER_RICH, maxLength: 12 }), agrees), { numRuns: RUNS });
  });

  it('agrees with the regular expression on web URLs, and accepts them', () => {
    const url = fc.webUrl({ withQueryParameters: true, withFragments: true });
    fc.assert(
      fc.property(url, (value) => {
        agrees(value);
        expect(isIriReference(value)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});
