/**
 * The client's typed HTTP errors: status, response, the parsed Hydra error or problem, the 401
 * challenge, and recognition across installs.
 *
 * @module
 */
import { HyperldError, type NodeOf } from '@hyperld/core';
import { describe, expect, it, vi } from 'vitest';
import { ConversationCollection } from '../__fixtures__/conversations.js';
import { HydraError, isHydraError } from '../errors.js';
import { client, CONVERSATION, fakeFetch, notFound, ORIGIN, registry, rejection, seedConversation } from './__fixtures__/fake-api.js';
import { HttpError, isHttpError } from './index.js';

describe('errors', () => {
  it('raises HttpError with the status, the response and the parsed Hydra error', async () => {
    const server = fakeFetch(notFound);
    const error = await rejection(client(server.fetch).get('/conversations/nope'));
    expect(isHttpError(error)).toBe(true);
    if (!isHttpError(error)) return;
    expect(error.status).toBe(404);
    expect(error.code).toBe('http_error');
    expect(error.response.status).toBe(404);
    expect(error.problem?.title).toBe('Not Found');
    expect(error.problem?.detail).toBe('No /conversations/nope.');
    expect(error.url).toBe(`${ORIGIN}/conversations/nope`);
    expect(error.message).toMatchInlineSnapshot(`"404 Not Found for https://api.textus.example/conversations/nope: No /conversations/nope."`);
  });

  it('reads an RFC 7807 problem with its violations', async () => {
    const problem = {
      type: 'https://api.example/problems/invalid',
      title: 'Bad Request',
      status: 400,
      detail: 'The body is not a Contact.',
      violations: [{ code: 'wrong_kind', path: '$.name', expected: 'string', found: 'number 1' }],
    };
    const server = fakeFetch(() => new Response(JSON.stringify(problem), { status: 400, headers: { 'content-type': 'application/problem+json' } }));
    const conversation = registry.decode(JSON.stringify(seedConversation()), { base: CONVERSATION }) as never as NodeOf<typeof ConversationCollection>['members'][number];
    const error = await rejection(client(server.fetch).invoke(conversation, 'assignContact', {}));
    expect(isHttpError(error) && error.status).toBe(400);
    expect(isHttpError(error) && error.problem).toEqual({ ...problem, violations: problem.violations });
  });

  it('gives 401 the code unauthorized and the WWW-Authenticate challenge', async () => {
    const server = fakeFetch(
      () =>
        new Response(JSON.stringify({ '@type': 'hydra:Error', title: 'Unauthorized', status: 401 }), {
          status: 401,
          headers: { 'content-type': 'application/ld+json', 'www-authenticate': 'Bearer realm="textus", error="invalid_token"' },
        }),
    );
    const error = await rejection(client(server.fetch).get('/conversations/Pvwqm5G'));
    expect(isHttpError(error) && error.code).toBe('unauthorized');
    expect(isHttpError(error) && error.challenge).toBe('Bearer realm="textus", error="invalid_token"');
    expect(isHttpError(error) && error.status).toBe(401);
  });

  it('keeps an error whose body is not JSON, without a problem', async () => {
    const server = fakeFetch(() => new Response('<html>oops</html>', { status: 500, statusText: 'Internal Server Error' }));
    const error = await rejection(client(server.fetch, { retries: 0 }).get('/conversations/Pvwqm5G'));
    expect(isHttpError(error) && error.status).toBe(500);
    expect(isHttpError(error) && error.problem).toBeUndefined();
    expect((error as Error).message).toContain('500 Internal Server Error');
  });

  it('fails an answer that is not JSON with decode_failed', async () => {
    const server = fakeFetch(() => new Response('not json', { status: 200 }));
    const error = await rejection(client(server.fetch).get('/conversations/Pvwqm5G'));
    expect(isHydraError(error) && error.code).toBe('decode_failed');
  });

  it('tells HttpError apart by the family brand, across installs', () => {
    const brand = Symbol.for('@hyperld/error');
    expect(isHttpError(Object.defineProperty({ name: 'HttpError', status: 404 }, brand, { value: ['HttpError', 'HydraError', 'HyperldError'] }))).toBe(true);
    expect(isHttpError(new Error('x'))).toBe(false);
    expect(isHttpError({ name: 'HttpError' })).toBe(false);
    // A name alone is no longer enough: only the family's brand says what an error is.
    expect(isHttpError({ name: 'HttpError', status: 404 })).toBe(false);
    expect(isHttpError(new HydraError('http_error', '404'))).toBe(false);
  });

  it('is a HydraError and a HyperldError, recognised by HttpError.is across a duplicate install', async () => {
    // Arrange: an HttpError made by another copy of the module (and of core beneath it).
    vi.resetModules();
    const copy = await import('./http-error.js');
    expect(copy.HttpError).not.toBe(HttpError);
    const response = new Response(null, { status: 404, statusText: 'Not Found' });
    // Act
    const theirs = new copy.HttpError(response, undefined, `${ORIGIN}/nope`);
    const ours = new HttpError(response, undefined, `${ORIGIN}/nope`);
    // Assert
    expect(theirs).not.toBeInstanceOf(HttpError);
    for (const error of [theirs, ours]) {
      expect(HttpError.is(error)).toBe(true);
      expect(copy.HttpError.is(error)).toBe(true);
      expect(HydraError.is(error)).toBe(true);
      expect(HyperldError.is(error)).toBe(true);
      expect(isHttpError(error)).toBe(true);
      expect(error.name).toBe('HttpError');
      expect(error.code).toBe('http_error');
    }
    expect(ours).toBeInstanceOf(HyperldError);
  });

  describe('violations of real servers', () => {
    const answer = (body: unknown, contentType: string) => fakeFetch(() => new Response(JSON.stringify(body), { status: 422, headers: { 'content-type': contentType } }));
    const NOT_BLANK = 'c1051bb4-d103-4f74-8988-acbcafc7fdc3';

    it("reads API Platform 3.x's ConstraintViolationList, naming the violations once (its description already says them)", async () => {
      const body = {
        '@context': '/contexts/ConstraintViolationList',
        '@type': 'ConstraintViolationList',
        'hydra:title': 'An error occurred',
        'hydra:description': 'title: This value should not be blank.',
        violations: [{ propertyPath: 'title', message: 'This value should not be blank.', code: NOT_BLANK }],
      };
      const error = await rejection(client(answer(body, 'application/ld+json').fetch).get('/books'));
      if (!isHttpError(error)) throw error;
      expect(error.violations).toEqual([{ propertyPath: 'title', message: 'This value should not be blank.', code: NOT_BLANK }]);
      expect(error.problem?.title).toBe('An error occurred');
      expect(error.message).toMatchInlineSnapshot(`"422 An error occurred for https://api.textus.example/books: title: This value should not be blank."`);
    });

    it("reads API Platform 4.x's ConstraintViolation and names the first three violations", async () => {
      const violations = ['a', 'b', 'c', 'd'].map((path) => ({ propertyPath: path, message: 'This value should not be blank.', code: NOT_BLANK }));
      const body = { '@type': 'ConstraintViolation', status: 422, title: 'An error occurred', detail: 'Invalid book.', violations };
      const error = await rejection(client(answer(body, 'application/ld+json').fetch).get('/books'));
      if (!isHttpError(error)) throw error;
      expect(error.violations).toEqual(violations);
      expect(error.problem?.status).toBe(422);
      expect(error.message).toMatchInlineSnapshot(
        `"422 An error occurred for https://api.textus.example/books: Invalid book. (a: This value should not be blank.; b: This value should not be blank.; c: This value should not be blank.; and 1 more)"`,
      );
    });

    it('reads a hydra:Error under the published error context, and application/problem+json with violations', async () => {
      const hydraError = {
        '@context': 'http://www.w3.org/ns/hydra/error',
        '@type': 'hydra:Error',
        'rdfs:label': 'Unprocessable',
        status: 422,
        violations: [{ propertyPath: 'email', message: 'Not an email.' }],
      };
      const first = await rejection(client(answer(hydraError, 'application/ld+json').fetch).get('/people'));
      if (!isHttpError(first)) throw first;
      expect([first.problem?.title, first.violations]).toEqual(['Unprocessable', [{ propertyPath: 'email', message: 'Not an email.' }]]);
      expect(first.message).toMatchInlineSnapshot(`"422 Unprocessable for https://api.textus.example/people (email: Not an email.)"`);
      const problem = { type: '/validation_errors/x', title: 'An error occurred', status: 422, detail: 'name: too short', violations: [{ propertyPath: 'name', message: 'too short', code: 'x' }] };
      const second = await rejection(client(answer(problem, 'application/problem+json').fetch).get('/people'));
      if (!isHttpError(second)) throw second;
      expect(second.violations).toEqual([{ propertyPath: 'name', message: 'too short', code: 'x' }]);
      expect(second.problem).toMatchObject({ type: '/validation_errors/x', status: 422 });
    });

    it("carries hyperld's own violations too, and none for a body without any", async () => {
      const own = { '@type': 'hydra:Error', title: 'Bad Request', status: 400, violations: [{ code: 'wrong_kind', path: '$.name', expected: 'string', found: 'number 1' }] };
      const error = await rejection(client(answer(own, 'application/ld+json').fetch).get('/x'));
      expect(isHttpError(error) && error.violations).toEqual([{ propertyPath: '$.name', message: 'expected string, found number 1', code: 'wrong_kind' }]);
      const bare = await rejection(client(fakeFetch(notFound).fetch).get('/x'));
      expect(isHttpError(bare) && bare.violations).toEqual([]);
      // Made without a list, an HttpError lists its problem's violations.
      const made = new HttpError(new Response(null, { status: 400 }), { violations: [{ code: 'wrong_kind', path: '$', expected: 'an object', found: 'null' }] }, `${ORIGIN}/x`);
      expect(made.violations).toEqual([{ propertyPath: '$', message: 'expected an object, found null', code: 'wrong_kind' }]);
    });
  });
});
