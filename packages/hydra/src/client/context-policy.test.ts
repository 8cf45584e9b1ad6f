/**
 * The trust policy of remote contexts: the three forms, origins checked and normalised, and
 * which URLs each trusts.
 *
 * @module
 */
import { describe, expect, it } from 'vitest';
import { isHydraError } from '../errors.js';
import { Trust } from './context-policy.js';

const API = 'https://api.example.com';
const trusted = (trust: Trust, url: string) => trust.allows(new URL(url));

describe('Trust', () => {
  it("trusts nothing under 'registered' (the default)", () => {
    for (const trust of [new Trust(undefined, API), new Trust('registered', API), new Trust([], API)]) {
      expect(trusted(trust, `${API}/contexts/Book`)).toBe(false);
    }
    expect(new Trust(undefined, API).described).toBe("contexts: 'registered' (no remote context is fetched)");
  });

  it("trusts the API's origin only under 'same-origin' (scheme and port included)", () => {
    const trust = new Trust('same-origin', API);
    expect(trusted(trust, `${API}/contexts/Book`)).toBe(true);
    expect(trusted(trust, 'https://api.example.com:443/x')).toBe(true);
    for (const url of ['http://api.example.com/x', 'https://api.example.com:8443/x', 'https://cdn.api.example.com/x', 'https://example.com/x']) expect(trusted(trust, url), url).toBe(false);
    expect(trust.described).toBe(`contexts: 'same-origin' (${API})`);
  });

  it('trusts the listed origins, normalised, and no other', () => {
    const trust = new Trust(['HTTPS://Schemas.Example.org:443/', 'http://localhost:8080'], API);
    expect([...trust.origins]).toEqual(['https://schemas.example.org', 'http://localhost:8080']);
    expect(trusted(trust, 'https://schemas.example.org/a.jsonld')).toBe(true);
    expect(trusted(trust, 'http://localhost:8080/a')).toBe(true);
    expect(trusted(trust, `${API}/a`)).toBe(false);
    expect(trusted(trust, 'http://localhost:8081/a')).toBe(false);
  });

  it('refuses what is not an http(s) origin with invalid_option, saying why', () => {
    const cases: Array<[unknown, string]> = [
      ['api.example.com', 'not an absolute URL'],
      ['localhost:8080', 'localhost: is not http or https'],
      ['ftp://files.example.com', 'ftp: is not http or https'],
      [`${API}/contexts`, 'it has a path, query or fragment'],
      [`${API}/?`, 'it has a path, query or fragment'],
      [`${API}#x`, 'it has a path, query or fragment'],
      ['https://user:pw@api.example.com', 'it carries credentials'],
      [42, 'not a string'],
    ];
    for (const [origin, why] of cases) {
      let error: unknown;
      try {
        new Trust([origin as string], API);
      } catch (e) {
        error = e;
      }
      expect(isHydraError(error) && error.code, String(origin)).toBe('invalid_option');
      expect((error as Error).message, String(origin)).toContain(why);
    }
    expect(() => new Trust('all' as never, API)).toThrow("contexts must be 'registered', 'same-origin' or a list of origins, not \"all\".");
  });
});
