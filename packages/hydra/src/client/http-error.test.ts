/**
 * The client's typed HTTP errors: status, response, the parsed Hydra error or problem, the 401
 * challenge, and recognition across installs.
 *
 * @module
 */
import type { NodeOf } from '@hyperld/core';
import { describe, expect, it } from 'vitest';
import { ConversationCollection } from '../__fixtures__/conversations.js';
import { isHydraError } from '../errors.js';
import { client, CONVERSATION, fakeFetch, notFound, ORIGIN, registry, rejection, seedConversation } from './__fixtures__/fake-api.js';
import { isHttpError } from './index.js';

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

  it('tells HttpError apart by name and status, across installs', () => {
    expect(isHttpError({ name: 'HttpError', status: 404 })).toBe(true);
    expect(isHttpError(new Error('x'))).toBe(false);
    expect(isHttpError({ name: 'HttpError' })).toBe(false);
  });
});
