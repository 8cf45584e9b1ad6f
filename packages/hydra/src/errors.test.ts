import { HYDRA, HyperldError, type Violation } from '@hyperld/core';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { HydraError, HydraErrorCodes, isHydraError, type HydraErrorCode } from './errors.js';
import { ERROR_BODY_CONTEXT, errorBody, readProblem, readViolations } from './problem.js';
import { HYDRA_ERROR_CONTEXT } from './contexts/hydra-error-context.js';
import jsonld from 'jsonld';
import { HYDRA_CONTEXT, HydraErrorType, hydraRegistry, VIOLATIONS_IRI } from './vocabulary.js';

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

const RDFS = 'http://www.w3.org/2000/01/rdf-schema#';
const NOT_BLANK = 'c1051bb4-d103-4f74-8988-acbcafc7fdc3';

describe('readProblem under the published error context', () => {
  it('reads the members by the IRIs the error context gives them, whatever key a processor compacted them to', () => {
    const compacted = { '@context': HYDRA_ERROR_CONTEXT, '@type': 'hydra:Error', title: 'Gone', detail: 'It left.', status: 410, instance: '/requests/1' };
    expect(readProblem(compacted)).toEqual({ status: 410, title: 'Gone', detail: 'It left.', instance: '/requests/1', violations: [] });
    // Written with the prefixes the error context defines, or the full IRIs: the same problem.
    const prefixed = { '@context': HYDRA_ERROR_CONTEXT, '@type': 'hydra:Error', 'rdfs:label': 'Gone', 'rdfs:comment': 'It left.', 'hydra:statusCode': 410, 'rdfs:seeAlso': '/requests/1' };
    expect(readProblem(prefixed)).toEqual({ status: 410, title: 'Gone', detail: 'It left.', instance: '/requests/1', violations: [] });
    const full = { '@context': HYDRA_ERROR_CONTEXT, '@type': `${HYDRA}Error`, [`${RDFS}label`]: 'Gone', [`${HYDRA}statusCode`]: 410 };
    expect(readProblem(full)).toEqual({ status: 410, title: 'Gone', violations: [] });
  });

  it('reads an error without the error context by its usual keys, as before', () => {
    // Without a context, `rdfs:label` is nothing Hydra names: only the usual spellings count.
    expect(readProblem({ '@type': 'hydra:Error', 'rdfs:label': 'Gone' })).toEqual({ violations: [] });
    expect(readProblem({ '@context': HYDRA_ERROR_CONTEXT, '@type': 'hydra:Error', 'hydra:title': 'Gone', 'hydra:description': 'It left.' })).toEqual({
      title: 'Gone',
      detail: 'It left.',
      violations: [],
    });
  });
});

describe('readViolations', () => {
  it("reads API Platform 3.x's ConstraintViolationList", () => {
    const body = {
      '@context': '/contexts/ConstraintViolationList',
      '@type': 'ConstraintViolationList',
      'hydra:title': 'An error occurred',
      'hydra:description': 'title: This value should not be blank.\nauthor: This value should not be null.',
      violations: [
        { propertyPath: 'title', message: 'This value should not be blank.', code: NOT_BLANK },
        { propertyPath: 'author', message: 'This value should not be null.' },
      ],
    };
    expect(readViolations(body)).toEqual([
      { propertyPath: 'title', message: 'This value should not be blank.', code: NOT_BLANK },
      { propertyPath: 'author', message: 'This value should not be null.' },
    ]);
    expect(readProblem(body)).toEqual({ title: 'An error occurred', detail: body['hydra:description'], violations: [] });
  });

  it("reads API Platform 4.x's ConstraintViolation (status, detail, violations)", () => {
    const body = {
      '@context': '/contexts/ConstraintViolation',
      '@id': '/validation_errors/c1051bb4',
      '@type': 'ConstraintViolation',
      status: 422,
      title: 'An error occurred',
      detail: 'isbn: This value is neither a valid ISBN-10 nor a valid ISBN-13.',
      description: 'isbn: This value is neither a valid ISBN-10 nor a valid ISBN-13.',
      type: '/validation_errors/2881c032-660f-46b6-8153-d352d9706640',
      violations: [{ propertyPath: 'isbn', message: 'This value is neither a valid ISBN-10 nor a valid ISBN-13.', code: '2881c032-660f-46b6-8153-d352d9706640', hint: null }],
    };
    expect(readViolations(body)).toEqual([{ propertyPath: 'isbn', message: 'This value is neither a valid ISBN-10 nor a valid ISBN-13.', code: '2881c032-660f-46b6-8153-d352d9706640' }]);
    expect(readProblem(body)).toMatchObject({ status: 422, title: 'An error occurred', detail: body.detail, type: body.type });
  });

  it('reads application/problem+json with a violations extension member, and RFC 7807 invalid-params', () => {
    const problem = { type: '/validation_errors/x', title: 'An error occurred', status: 422, detail: 'name: This value is too short.', violations: [{ propertyPath: 'name', message: 'This value is too short.', code: '9ff3fdc4' }] };
    expect(readViolations(problem)).toEqual([{ propertyPath: 'name', message: 'This value is too short.', code: '9ff3fdc4' }]);
    const rfc = { type: 'https://example.net/validation-error', title: "Your request parameters didn't validate.", 'invalid-params': [{ name: 'age', reason: 'must be a positive integer' }] };
    expect(readViolations(rfc)).toEqual([{ propertyPath: 'age', message: 'must be a positive integer' }]);
  });

  it("reads hyperld's own violations (as errorBody writes them) with a message built from expected and found", () => {
    const body = errorBody({ status: 400, title: 'Bad Request', violations: [violation] });
    expect(readViolations(JSON.parse(JSON.stringify(body)))).toEqual([
      { propertyPath: '$.members[3].account.name', message: 'expected a string, found nothing', code: 'missing_property' },
    ]);
  });

  it('is empty for a body that lists none, and drops entries of no known shape', () => {
    for (const body of [null, 'x', [], {}, { '@type': 'hydra:Error', title: 'Not Found' }, { violations: 'text' }]) expect(readViolations(body)).toEqual([]);
    expect(readViolations({ violations: [null, 1, 'x', {}, { propertyPath: 'a' }, { propertyPath: 'a', message: 'm' }] })).toEqual([{ propertyPath: 'a', message: 'm' }]);
  });
});

describe('errorBody', () => {
  it('builds a hydra:Error that is also an RFC 7807 problem', () => {
    expect(errorBody({ status: 404, title: 'Not Found', detail: 'No conversation /conversations/x.' })).toEqual({
      '@type': 'hydra:Error',
      '@context': ERROR_BODY_CONTEXT,
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      statusCode: 404,
      detail: 'No conversation /conversations/x.',
      description: 'No conversation /conversations/x.',
    });
  });

  it('means what it says to jsonld.js: every key of the body becomes the triple its context names', async () => {
    const body = errorBody({
      status: 422,
      title: 'Unprocessable',
      detail: 'Bad body.',
      type: 'https://example.com/probs/invalid',
      violations: [{ code: 'missing_property', path: '$.body', expected: 'a string', found: 'nothing' }],
    });
    const withInstance = { ...body, '@id': 'https://api.example/errors/1', instance: 'https://api.example/requests/1' };
    // Only the project's copy of Hydra's error context is served: nothing reaches the network.
    const documentLoader = async (url: string) => {
      const document = hydraRegistry.context(url);
      if (!document) throw new Error(`Refusing to load ${url}`);
      return { contextUrl: undefined, documentUrl: url, document };
    };
    const nquads = (await jsonld.toRDF(withInstance as jsonld.JsonLdDocument, { format: 'application/n-quads', documentLoader } as never)) as unknown as string;
    const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
    const RDFS = 'http://www.w3.org/2000/01/rdf-schema#';
    const s = '<https://api.example/errors/1>';
    const lines = nquads.trim().split('\n').sort();
    expect(lines).toEqual(
      [
        `${s} <${RDF}type> <${HYDRA}Error> .`,
        `${s} <${RDF}type> <https://example.com/probs/invalid> .`,
        `${s} <${RDFS}label> "Unprocessable" .`,
        `${s} <${HYDRA}statusCode> "422"^^<http://www.w3.org/2001/XMLSchema#integer> .`,
        `${s} <${RDFS}comment> "Bad body." .`,
        `${s} <${HYDRA}description> "Bad body." .`,
        `${s} <${RDFS}seeAlso> <https://api.example/requests/1> .`,
        `${s} <${VIOLATIONS_IRI}> ${JSON.stringify(JSON.stringify([{ code: 'missing_property', expected: 'a string', found: 'nothing', path: '$.body' }]))}^^<${RDF}JSON> .`,
      ].sort(),
    );
    // (The JSON literal is canonical JSON: keys sorted.)
    // And each key is read under the IRI the hydra:Error type gives it.
    for (const [key, iri] of [['title', `${RDFS}label`], ['detail', `${RDFS}comment`], ['status', `${HYDRA}statusCode`], ['instance', `${RDFS}seeAlso`], ['violations', VIOLATIONS_IRI]] as const) {
      expect(HydraErrorType.propertyIris[key], key).toBe(iri);
    }
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
