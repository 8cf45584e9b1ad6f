import jsonld from 'jsonld';
import { HYDRA, HyperldError, type Violation } from '@hyperld/core';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { errorBody, HydraError, HydraErrorCodes, isHydraError, readProblem, type HydraErrorCode } from './errors.js';
import { HYDRA_CONTEXT, HYDRA_ERROR_CONTEXT, HydraErrorType, hydraRegistry } from './vocabulary.js';

const violation: Violation = { code: 'missing_property', path: '$.members[3].account.name', expected: 'a string', found: 'nothing' };

describe('readProblem', () => {
  it('reads a hydra:Error body', () => {
    const body = {
      '@context': HYDRA_CONTEXT,
      '@type': 'hydra:Error',
      title: 'Not Found',
      statusCode: 404,
      description: 'No conversation /conversations/x.',
    };
    expect(readProblem(body)).toEqual({ status: 404, title: 'Not Found', detail: 'No conversation /conversations/x.', violations: [] });
  });

  it('reads a hydra:Error written with the hydra: prefix or full IRIs, and @type as an array', () => {
    const prefixed = { '@type': 'hydra:Error', 'hydra:title': 'Gone', 'hydra:statusCode': 410, 'hydra:description': 'It left.' };
    expect(readProblem(prefixed)).toEqual({ status: 410, title: 'Gone', detail: 'It left.', violations: [] });
    const expanded = { '@type': [`${HYDRA}Error`], [`${HYDRA}title`]: 'Gone', [`${HYDRA}statusCode`]: 410 };
    expect(readProblem(expanded)).toEqual({ status: 410, title: 'Gone', violations: [] });
    expect(readProblem({ '@type': 'Error' })).toEqual({ violations: [] });
  });

  it('reads an RFC 7807 problem body', () => {
    const body = {
      type: 'https://example.com/probs/out-of-credit',
      title: 'You do not have enough credit.',
      status: 403,
      detail: 'Your current balance is 30, but that costs 50.',
      instance: '/account/12345/msgs/abc',
      balance: 30,
    };
    expect(readProblem(body)).toEqual({
      type: 'https://example.com/probs/out-of-credit',
      title: 'You do not have enough credit.',
      status: 403,
      detail: 'Your current balance is 30, but that costs 50.',
      instance: '/account/12345/msgs/abc',
      violations: [],
    });
  });

  it('keeps well-formed violations, completes them, and drops the others', () => {
    const body = {
      title: 'Invalid',
      status: 422,
      violations: [violation, { code: 'newer_code', path: '$.x' }, { path: '$.y' }, 'text', null, [violation]],
    };
    expect(readProblem(body)?.violations).toEqual([violation, { code: 'newer_code', path: '$.x', expected: '', found: '' }]);
  });

  it('is undefined for a body that is no problem', () => {
    for (const body of [null, undefined, 'Not Found', 404, [], [{ title: 'x' }], {}, { '@type': 'Conversation', slug: 'x' }, { status: '404' }]) {
      expect(readProblem(body), JSON.stringify(body)).toBeUndefined();
    }
    expect(readProblem(Object.create({ title: 'inherited' }) as object)).toBeUndefined();
  });
});

describe('errorBody', () => {
  it('builds a hydra:Error that is also an RFC 7807 problem', () => {
    expect(errorBody({ status: 404, title: 'Not Found', detail: 'No conversation /conversations/x.' })).toEqual({
      '@type': 'hydra:Error',
      '@context': [HYDRA_CONTEXT, HYDRA_ERROR_CONTEXT],
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      statusCode: 404,
      detail: 'No conversation /conversations/x.',
      description: 'No conversation /conversations/x.',
    });
  });

  it('means under the published contexts what it says: RFC 9457 members as the error context maps them, Hydra terms beside them', async () => {
    const body = errorBody({ status: 404, title: 'Not Found', detail: 'No conversation.', type: 'https://example.com/probs/missing' });
    const documentLoader = async (url: string) => {
      const document = hydraRegistry.context(url);
      if (!document) throw new Error(`Refusing to load ${url}`);
      return { contextUrl: undefined, documentUrl: url, document: document as unknown as Record<string, unknown> };
    };
    const [node] = (await jsonld.expand(body as unknown as jsonld.JsonLdDocument, { documentLoader, safe: true } as unknown as jsonld.Options.Expand)) as Record<string, unknown>[];
    const H = 'http://www.w3.org/ns/hydra/core#';
    const RDFS = 'http://www.w3.org/2000/01/rdf-schema#';
    expect(node?.['@type']).toEqual([`${H}Error`]);
    expect(node?.[`${RDFS}label`]).toEqual([{ '@value': 'Not Found' }]);
    expect(node?.[`${RDFS}comment`]).toEqual([{ '@value': 'No conversation.' }]);
    expect(node?.[`${H}description`]).toEqual([{ '@value': 'No conversation.' }]);
    expect(node?.[`${H}statusCode`]).toEqual([{ '@value': 404 }, { '@value': 404 }]);
    expect(node?.['http://www.w3.org/1999/02/22-rdf-syntax-ns#type']).toEqual([{ '@id': 'https://example.com/probs/missing' }]);
  });

  it('round-trips through the Hydra registry and reads back as the same problem', () => {
    const problem = fc.record(
      {
        status: fc.integer({ min: 400, max: 599 }),
        title: fc.string(),
        detail: fc.string(),
        type: fc.constantFrom('about:blank', 'https://example.com/probs/invalid'),
        violations: fc.array(
          fc.record({ code: fc.constantFrom<Violation['code']>('missing_property', 'wrong_kind', 'invalid_iri'), path: fc.string(), expected: fc.string(), found: fc.string() }),
          { maxLength: 3 },
        ),
      },
      { requiredKeys: ['status', 'title'] },
    );
    fc.assert(
      fc.property(problem, (p) => {
        const body = errorBody(p);
        const text = JSON.stringify(body);
        const decoded = hydraRegistry.decodeAs(HydraErrorType, text, { strict: true });
        expect(hydraRegistry.encodeText(decoded)).toBe(text);
        expect(readProblem(decoded)).toEqual({
          status: p.status,
          title: p.title,
          ...(p.detail !== undefined ? { detail: p.detail } : {}),
          type: p.type ?? 'about:blank',
          violations: p.violations ?? [],
        });
      }),
      { numRuns: 1000 },
    );
  });
});

describe('HydraError', () => {
  it('carries its code, url and cause', () => {
    const cause = new Error('503');
    const error = new HydraError('page_failed', 'Fetching page /c?page=2 failed.', { url: '/c?page=2', cause });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('HydraError');
    expect(error.code).toBe('page_failed');
    expect(error.url).toBe('/c?page=2');
    expect(error.cause).toBe(cause);
    expect(error.message).toBe('Fetching page /c?page=2 failed.');
    const bare = new HydraError('aborted', 'Paging was aborted.');
    expect(bare.url).toBeUndefined();
    expect('cause' in bare).toBe(false);
  });

  it('documents every code', () => {
    const codes = Object.keys(HydraErrorCodes) as HydraErrorCode[];
    expect(codes).toContain('page_loop');
    for (const code of codes) expect(HydraErrorCodes[code].length, code).toBeGreaterThan(10);
  });
});

describe('isHydraError', () => {
  it('recognises hydra errors, subclasses and a copy from a duplicate install, and nothing else', () => {
    class Sub extends HydraError {}
    expect(isHydraError(new HydraError('page_loop', 'loop'))).toBe(true);
    expect(isHydraError(new Sub('aborted', 'aborted'))).toBe(true);
    // A second copy of the package has its own class but the same registered brand: the names of
    // the error's class and of the classes it extends.
    const foreign = Object.defineProperty(Object.assign(new Error('x'), { name: 'HydraError', code: 'page_loop' }), Symbol.for('@hyperld/error'), {
      value: ['HydraError', 'HyperldError'],
    });
    expect(isHydraError(foreign)).toBe(true);
    const oldBrand = Object.assign(new Error('x'), { name: 'HydraError', code: 'page_loop', [Symbol.for('@hyperld/hydra/error')]: true });
    for (const value of [new Error('x'), Object.assign(new Error('x'), { name: 'HydraError', code: 'page_loop' }), oldBrand, null, undefined, 'HydraError', {}]) {
      expect(isHydraError(value)).toBe(false);
    }
  });

  it('is a HyperldError of core, recognised by HydraError.is across a duplicate install', async () => {
    // Arrange: another copy of this module (and of @hyperld/core beneath it), as a second install has.
    vi.resetModules();
    const copy = await import('./errors.js');
    const core = await import('@hyperld/core');
    expect(copy.HydraError).not.toBe(HydraError);
    expect(core.HyperldError).not.toBe(HyperldError);
    // Act
    const theirs = new copy.HydraError('page_loop', 'loop', { url: '/c' });
    const ours = new HydraError('aborted', 'aborted');
    // Assert
    expect(theirs).not.toBeInstanceOf(HydraError);
    expect(HydraError.is(theirs)).toBe(true);
    expect(HyperldError.is(theirs)).toBe(true);
    expect(isHydraError(theirs)).toBe(true);
    expect(copy.HydraError.is(ours)).toBe(true);
    expect(core.HyperldError.is(ours)).toBe(true);
    expect(ours).toBeInstanceOf(HyperldError);
    expect(HydraError.is(new HyperldError('invalid_definition', 'x'))).toBe(false);
    expect(HydraError.is(new copy.HydraError('aborted', 'x'))).toBe(true);
    expect(ours.name).toBe('HydraError');
  });

  it('keeps no code that nothing raises', () => {
    expect(Object.keys(HydraErrorCodes)).not.toContain('not_a_collection');
  });
});
