/**
 * The Fetch-style Hydra handler, Request → Response without a network: routing, negotiation,
 * body limits and validation, authentication, errors as Hydra error bodies, the headers every
 * response carries, served contexts and API documentation, ETags and HEAD.
 *
 * @module
 */
import { createRegistry, t, vocabulary } from '@hyperld/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiDocumentation } from '../api-documentation.js';
import { readProblem } from '../problem.js';
import { createHydraHandler, HttpProblem, reply, type ServerRoute, type WireAnswer } from './index.js';
import { HydraErrorType, hydraRegistry, hydraTypes } from '../vocabulary.js';

const VENDOR = 'application/vnd.example+jsonld';
const ORIGIN = 'http://api.test';
const DOC_LINK = `<${ORIGIN}/docs.jsonld>; rel="http://www.w3.org/ns/hydra/core#apiDocumentation"`;
const TOKEN = 'secret-token';

const v = vocabulary({ vocab: 'https://example.com/vocab#' });
const Thing = v.type('Thing', {
  properties: { name: t.string(), count: t.integer(), tags: t.list(t.string()) },
});
const registry = createRegistry({ types: [Thing, ...hydraTypes] });

interface User {
  readonly id: string;
}

const thing = (id: string) => ({ '@type': 'Thing', '@context': '/contexts/Thing.jsonld', id: `/things/${id}`, name: `Thing ${id}`, count: 1, tags: [] });

/** What the handler saw, per request: the body and the principal. */
const seen: { body?: unknown; auth?: unknown } = {};
const errors: unknown[] = [];

const routes: ServerRoute<User>[] = [
  { method: 'GET', template: '/things/{thing}', public: true, handle: ({ params }) => (params['thing'] === 'missing' ? undefined : thing(params['thing'] ?? '')) },
  {
    method: 'PUT',
    template: '/things/{thing}',
    expects: Thing,
    handle: ({ body, auth }) => {
      seen.body = body;
      seen.auth = auth;
      return body as object;
    },
  },
  { method: 'DELETE', template: '/things/{thing}', handle: () => reply(null, { status: 204 }) },
  {
    method: 'POST',
    template: '/things/{thing}/notes',
    handle: ({ body }) => {
      seen.body = body;
      return reply(null, { status: 202 });
    },
  },
  { method: 'GET', template: '/private', handle: ({ auth }) => ({ ...thing('p'), name: auth.id }) },
  {
    method: 'GET',
    template: '/boom',
    public: true,
    handle: () => {
      throw new Error('SELECT secret FROM users');
    },
  },
  {
    method: 'GET',
    template: '/conflict',
    public: true,
    handle: () => {
      throw new HttpProblem(409, 'Conflict', 'Already closed.', { headers: { 'retry-after': '5' } });
    },
  },
  { method: 'GET', template: '/raw', public: true, handle: () => new Response('raw', { status: 418, headers: { 'content-type': 'text/plain' } }) },
  { method: 'GET', template: '/search{?q}', public: true, handle: ({ url }) => ({ ...thing('s'), name: url.searchParams.get('q') ?? '' }) },
];

const handler = createHydraHandler<User>({
  registry,
  routes,
  mediaTypes: [VENDOR],
  apiDocumentation: { node: () => apiDocumentation(registry, { id: '/docs.jsonld', title: 'Things' }) },
  authenticate: (request) => (request.headers.get('authorization') === `Bearer ${TOKEN}` ? { id: 'u1' } : undefined),
  realm: 'things',
  maxBodySize: 4096,
  onError: (error) => errors.push(error),
});

const get = (path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Response> =>
  handler.fetch(new Request(`${ORIGIN}${path}`, { method, headers }));

const put = (path: string, body: BodyInit | null, headers: Record<string, string> = {}): Promise<Response> =>
  handler.fetch(new Request(`${ORIGIN}${path}`, { method: 'PUT', body, headers: { authorization: `Bearer ${TOKEN}`, ...headers } }));

const json = async (response: Response): Promise<Record<string, unknown>> => (await response.json()) as Record<string, unknown>;

/** Asserts a Hydra error body with the status and title, and returns it. */
async function expectProblem(response: Response, status: number, title: string): Promise<Record<string, unknown>> {
  expect(response.status).toBe(status);
  const body = await json(response);
  expect(body['@type']).toBe('hydra:Error');
  expect(readProblem(body)).toMatchObject({ status, title });
  expect(() => hydraRegistry.decodeAs(HydraErrorType, body)).not.toThrow();
  return body;
}

/** A stream of `count` chunks of `size` bytes, counting how many were pulled. */
function countingStream(count: number, size: number): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (pulled >= count) {
          controller.close();
          return;
        }
        pulled++;
        controller.enqueue(new Uint8Array(size).fill(0x20));
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, pulled: () => pulled };
}

describe('routing', () => {
  it('answers a node with 200, the negotiated type and the registry encoding', async () => {
    const response = await get('/things/a', { accept: VENDOR });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(VENDOR);
    expect(await response.text()).toBe(JSON.stringify(thing('a')));
  });

  it('percent-decodes template variables and ignores a trailing query template', async () => {
    expect((await json(await get('/things/a%20b')))['id']).toBe('/things/a b');
    expect((await json(await get('/search?q=x%26y')))['name']).toBe('x&y');
  });

  it('answers 400, not 500, to malformed percent-encoding in the path', async () => {
    await expectProblem(await get('/things/%E0%A4%A'), 400, 'Bad Request');
  });

  it('answers 404 for an unknown path and for a handler returning undefined', async () => {
    await expectProblem(await get('/nowhere'), 404, 'Not Found');
    await expectProblem(await get('/things/missing'), 404, 'Not Found');
    await expectProblem(await get('/things/a/b'), 404, 'Not Found');
  });

  it('answers 405 with every allowed method in Allow', async () => {
    const response = await get('/things/a', {}, 'PATCH');
    await expectProblem(response, 405, 'Method Not Allowed');
    expect(new Set(response.headers.get('allow')?.split(/,\s*/))).toEqual(new Set(['GET', 'HEAD', 'PUT', 'DELETE']));
    expect((await get('/private', {}, 'POST')).headers.get('allow')).toBe('GET, HEAD');
  });

  it('passes a Response through and answers a reply with its status and no body', async () => {
    const raw = await get('/raw');
    expect(raw.status).toBe(418);
    expect(await raw.text()).toBe('raw');
    const accepted = await handler.fetch(new Request(`${ORIGIN}/things/a/notes`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` } }));
    expect(accepted.status).toBe(202);
    expect(accepted.body).toBeNull();
    expect(accepted.headers.get('content-type')).toBeNull();
    const deleted = await handler.fetch(new Request(`${ORIGIN}/things/a`, { method: 'DELETE', headers: { authorization: `Bearer ${TOKEN}` } }));
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeNull();
  });

  it('answers a thrown HttpProblem with its status, title, detail and headers', async () => {
    const response = await get('/conflict');
    const body = await expectProblem(response, 409, 'Conflict');
    expect(body['detail']).toBe('Already closed.');
    expect(response.headers.get('retry-after')).toBe('5');
  });
});

describe('the handler object', () => {
  it('has fetch and wire bound, wire giving the answers it encodes as status, header fields and bytes', async () => {
    const { fetch: fetchFn, wire } = handler;
    const response = await fetchFn(new Request(`${ORIGIN}/things/a`));
    const answer = await wire(new Request(`${ORIGIN}/things/a`));
    expect(answer).not.toBeInstanceOf(Response);
    const { status, headers, body } = answer as WireAnswer;
    expect([status, Object.entries(headers)]).toEqual([response.status, [...response.headers]]);
    expect(new TextDecoder().decode(body ?? new Uint8Array())).toBe(await response.text());
    // Errors and the Responses of routes stay Responses.
    expect(await wire(new Request(`${ORIGIN}/raw`))).toBeInstanceOf(Response);
    expect(await wire(new Request(`${ORIGIN}/nowhere`))).toBeInstanceOf(Response);
  });
});

describe('negotiation', () => {
  it.each([
    [undefined, VENDOR],
    ['*/*', VENDOR],
    ['application/*', VENDOR],
    ['application/ld+json', 'application/ld+json'],
    ['application/json', 'application/json'],
    ['application/json;q=0.5, application/ld+json', 'application/ld+json'],
    ['application/json, */*;q=0.1', 'application/json'],
    ['text/html, application/*;q=0.2', VENDOR],
    [`${VENDOR};q=0, */*`, 'application/ld+json'],
  ])('Accept %s → %s', async (accept, expected) => {
    const response = await get('/things/a', accept === undefined ? {} : { accept });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(expected);
  });

  it('answers 406 listing the acceptable types', async () => {
    const body = await expectProblem(await get('/things/a', { accept: 'text/html' }), 406, 'Not Acceptable');
    for (const type of [VENDOR, 'application/ld+json', 'application/json']) expect(body['detail']).toContain(type);
  });

  it('sends errors as application/problem+json to a plain JSON client', async () => {
    const response = await get('/nowhere', { accept: 'application/json' });
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    await expectProblem(response, 404, 'Not Found');
  });
});

describe('request bodies', () => {
  const valid = JSON.stringify({ ...thing('a'), name: 'Renamed' });

  it('decodes the body to the expected type and hands it and the principal to the handler', async () => {
    const response = await put('/things/a', valid, { 'content-type': `${VENDOR}; charset=utf-8` });
    expect(response.status).toBe(200);
    expect(seen.body).toEqual(JSON.parse(valid));
    expect(seen.auth).toEqual({ id: 'u1' });
  });

  it('answers 415 to a body with another content type', async () => {
    await expectProblem(await put('/things/a', valid, { 'content-type': 'text/plain' }), 415, 'Unsupported Media Type');
    await expectProblem(await put('/things/a', valid, { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'Unsupported Media Type');
  });

  it('answers 400 listing every violation with its JSON path', async () => {
    const invalid = JSON.stringify({ ...thing('a'), name: 5, count: 'many', tags: ['ok', 7] });
    const body = await expectProblem(await put('/things/a', invalid, { 'content-type': 'application/ld+json' }), 400, 'Bad Request');
    const paths = (readProblem(body)?.violations ?? []).map((violation) => violation.path).sort();
    expect(paths).toEqual(['$.count', '$.name', '$.tags[1]']);
    for (const violation of body['violations'] as Record<string, unknown>[]) {
      expect(violation).toMatchObject({ code: expect.any(String), expected: expect.any(String), found: expect.any(String) });
    }
  });

  it('answers 400 to a body that is not JSON or is another type', async () => {
    await expectProblem(await put('/things/a', '{"name":', { 'content-type': 'application/ld+json' }), 400, 'Bad Request');
    const other = JSON.stringify({ '@type': 'hydra:Collection', '@context': 'http://www.w3.org/ns/hydra/context.jsonld', id: '/c', member: [] });
    await expectProblem(await put('/things/a', other, { 'content-type': 'application/ld+json' }), 400, 'Bad Request');
  });

  it('answers 413 from Content-Length alone, without reading the body', async () => {
    const { stream, pulled } = countingStream(10_000, 1024);
    const response = await handler.fetch(
      new Request(`${ORIGIN}/things/a`, {
        method: 'PUT',
        body: stream,
        duplex: 'half',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/ld+json', 'content-length': String(10_000 * 1024) },
      } as RequestInit),
    );
    await expectProblem(response, 413, 'Payload Too Large');
    expect(pulled()).toBe(0);
  });

  it('answers 413 to a streamed body without Content-Length as soon as it passes the limit', async () => {
    const { stream, pulled } = countingStream(10_000, 1024);
    const response = await handler.fetch(
      new Request(`${ORIGIN}/things/a`, {
        method: 'PUT',
        body: stream,
        duplex: 'half',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/ld+json' },
      } as RequestInit),
    );
    await expectProblem(response, 413, 'Payload Too Large');
    // 4096 bytes are passed by the fifth 1 KiB chunk; a chunk or two of read-ahead is allowed.
    expect(pulled()).toBeGreaterThanOrEqual(5);
    expect(pulled()).toBeLessThanOrEqual(7);
  });

  it('accepts a body of exactly the limit', async () => {
    const padded = JSON.stringify({ ...thing('a'), name: '' });
    const exact = JSON.stringify({ ...thing('a'), name: 'x'.repeat(4096 - padded.length) });
    expect(new TextEncoder().encode(exact).byteLength).toBe(4096);
    expect((await put('/things/a', exact, { 'content-type': 'application/ld+json' })).status).toBe(200);
    const over = JSON.stringify({ ...thing('a'), name: 'x'.repeat(4097 - padded.length) });
    await expectProblem(await put('/things/a', over, { 'content-type': 'application/ld+json' }), 413, 'Payload Too Large');
  });

  it('parses a body of a route without an expected type, and lets an empty one through', async () => {
    const notes = (body: BodyInit | null, headers: Record<string, string> = {}) =>
      handler.fetch(new Request(`${ORIGIN}/things/a/notes`, { method: 'POST', body, headers: { authorization: `Bearer ${TOKEN}`, ...headers } }));
    seen.body = 'untouched';
    expect((await notes(null)).status).toBe(202);
    expect(seen.body).toBeUndefined();
    expect((await notes(JSON.stringify(thing('n')), { 'content-type': 'application/json' })).status).toBe(202);
    expect(seen.body).toEqual(thing('n'));
  });
});

describe('authentication', () => {
  it('answers 401 with WWW-Authenticate: Bearer realm=… without or with a wrong token', async () => {
    for (const headers of [{}, { authorization: 'Bearer wrong' }, { authorization: `Basic ${TOKEN}` }]) {
      const response = await get('/private', headers);
      await expectProblem(response, 401, 'Unauthorized');
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="things"');
    }
  });

  it('checks the token before reading a body', async () => {
    const { stream, pulled } = countingStream(10, 1024);
    const response = await handler.fetch(
      new Request(`${ORIGIN}/things/a`, { method: 'PUT', body: stream, duplex: 'half', headers: { 'content-type': 'application/ld+json' } } as RequestInit),
    );
    await expectProblem(response, 401, 'Unauthorized');
    expect(pulled()).toBe(0);
  });

  it('hands the principal to the handler', async () => {
    expect((await json(await get('/private', { authorization: `Bearer ${TOKEN}` })))['name']).toBe('u1');
  });
});

describe('unexpected errors', () => {
  it('answer a bare 500 that leaks neither the message nor the stack, and reach onError', async () => {
    errors.length = 0;
    const response = await get('/boom');
    const text = await response.clone().text();
    await expectProblem(response, 500, 'Internal Server Error');
    expect(text).not.toContain('SELECT');
    expect(text).not.toContain('secret');
    expect(text).not.toMatch(/at .*\.ts:\d+/);
    expect(errors).toHaveLength(1);
    expect((errors[0] as Error).message).toBe('SELECT secret FROM users');
  });

  it('still answer 500 when onError itself throws', async () => {
    const fragile = createHydraHandler({
      registry,
      routes: routes as ServerRoute<unknown>[],
      onError: () => {
        throw new Error('reporter down');
      },
    });
    await expectProblem(await fragile.fetch(new Request(`${ORIGIN}/boom`)), 500, 'Internal Server Error');
  });
});

describe('contexts and API documentation', () => {
  it('serves each relative context of the registry with an ETag and a long-lived Cache-Control', async () => {
    const response = await get('/contexts/Thing.jsonld', { accept: VENDOR });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/ld+json');
    expect(response.headers.get('etag')).toMatch(/^"[0-9a-f]{32}"$/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=604800');
    expect(await response.json()).toEqual(registry.context('/contexts/Thing.jsonld'));
  });

  it('serves the API documentation at /docs.jsonld', async () => {
    const response = await get('/docs.jsonld');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=604800');
    const doc = await json(response);
    // The documentation is in the published Hydra context (issue 15): its type is the term `ApiDocumentation`.
    expect(doc['@type']).toBe('ApiDocumentation');
    expect(doc['title']).toBe('Things');
  });

  it('does not serve contexts when told not to', async () => {
    const bare = createHydraHandler({ registry, routes: [], serveContexts: false });
    expect((await bare.fetch(new Request(`${ORIGIN}/contexts/Thing.jsonld`))).status).toBe(404);
  });
});

describe('ETags, 304 and HEAD', () => {
  it('gives a strong ETag that depends on the body and answers If-None-Match with 304', async () => {
    const first = await get('/things/a');
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect((await get('/things/a')).headers.get('etag')).toBe(etag);
    expect((await get('/things/b')).headers.get('etag')).not.toBe(etag);
    for (const match of [etag, `"other", ${etag}`, `W/${etag}`, '*']) {
      const cached = await get('/things/a', { 'if-none-match': match });
      expect(cached.status, match).toBe(304);
      expect(cached.body).toBeNull();
      expect(cached.headers.get('etag')).toBe(etag);
    }
    expect((await get('/things/a', { 'if-none-match': '"other"' })).status).toBe(200);
  });

  it('answers a context with 304 too', async () => {
    const etag = (await get('/contexts/Thing.jsonld')).headers.get('etag') ?? '';
    const cached = await get('/contexts/Thing.jsonld', { 'if-none-match': etag });
    expect(cached.status).toBe(304);
    expect(cached.headers.get('cache-control')).toBe('public, max-age=604800');
  });

  it('answers HEAD with the headers of GET and no body, errors included', async () => {
    const got = await get('/things/a');
    const head = await get('/things/a', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBeNull();
    expect(head.headers.get('etag')).toBe(got.headers.get('etag'));
    expect(head.headers.get('content-type')).toBe(got.headers.get('content-type'));
    for (const path of ['/nowhere', '/private', '/boom', '/contexts/Thing.jsonld', '/docs.jsonld']) {
      const response = await get(path, {}, 'HEAD');
      expect(response.body, path).toBeNull();
    }
    expect((await get('/nowhere', {}, 'HEAD')).status).toBe(404);
  });

  it('gives no ETag to a PUT answer', async () => {
    const response = await put('/things/a', JSON.stringify(thing('a')), { 'content-type': 'application/ld+json' });
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBeNull();
  });
});

describe('headers on every response', () => {
  const cases: Array<[string, () => Promise<Response>, number]> = [
    ['200', () => get('/things/a'), 200],
    ['304', async () => get('/things/a', { 'if-none-match': (await get('/things/a')).headers.get('etag') ?? '' }), 304],
    ['HEAD', () => get('/things/a', {}, 'HEAD'), 200],
    ['context', () => get('/contexts/Thing.jsonld'), 200],
    ['context 304', () => get('/contexts/Thing.jsonld', { 'if-none-match': '*' }), 304],
    ['docs', () => get('/docs.jsonld'), 200],
    ['202 reply', () => handler.fetch(new Request(`${ORIGIN}/things/a/notes`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` } })), 202],
    ['400', () => put('/things/a', '{}', { 'content-type': 'application/ld+json' }), 400],
    ['401', () => get('/private'), 401],
    ['404', () => get('/nowhere'), 404],
    ['405', () => get('/things/a', {}, 'PATCH'), 405],
    ['406', () => get('/things/a', { accept: 'text/html' }), 406],
    ['409', () => get('/conflict'), 409],
    ['413', () => put('/things/a', 'x'.repeat(5000), { 'content-type': 'application/ld+json' }), 413],
    ['415', () => put('/things/a', '{}', { 'content-type': 'text/plain' }), 415],
    ['500', () => get('/boom'), 500],
  ];

  it.each(cases)('%s carries the API documentation Link and nosniff', async (_name, send, status) => {
    const response = await send();
    expect(response.status).toBe(status);
    expect(response.headers.get('link')).toBe(DOC_LINK);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('puts the documentation at its configured path in the Link', async () => {
    const moved = createHydraHandler({ registry, routes: [], apiDocumentation: { path: '/api/docs', node: () => ({}) } });
    const response = await moved.fetch(new Request(`${ORIGIN}/nowhere`));
    expect(response.headers.get('link')).toBe(`<${ORIGIN}/api/docs>; rel="http://www.w3.org/ns/hydra/core#apiDocumentation"`);
  });
});

describe('request bodies that are not UTF-8', () => {
  // `{"…","name":"Thing \xff"}`: JSON once the bad byte is replaced by U+FFFD, so a lenient
  // decoder would hand the handler a name the client never sent.
  const bytes = (name: Uint8Array): Uint8Array<ArrayBuffer> => {
    const [before, after] = JSON.stringify({ ...thing('a'), name: '<name>' }).split('<name>') as [string, string];
    return new Uint8Array([...new TextEncoder().encode(before), ...name, ...new TextEncoder().encode(after)]);
  };
  const invalid: Array<[string, number[]]> = [
    ['a stray continuation byte', [0x80]],
    ['a byte that never occurs in UTF-8', [0xff]],
    ['a truncated sequence', [0xe2, 0x82]],
    ['an overlong encoding of "/"', [0xc0, 0xaf]],
    ['an encoded surrogate', [0xed, 0xa0, 0x80]],
  ];

  it.each(invalid)('answers 400 invalid_utf8 to %s, and the handler never runs', async (_name, bad) => {
    seen.body = 'untouched';
    const response = await put('/things/a', bytes(new Uint8Array(bad)), { 'content-type': 'application/ld+json' });
    const body = await expectProblem(response, 400, 'Bad Request');
    expect(body['detail']).toBe('The request body is not valid UTF-8.');
    expect(readProblem(body)?.violations).toEqual([{ code: 'invalid_utf8', path: '$', expected: 'UTF-8 text', found: 'a byte sequence that is not UTF-8' }]);
    expect(seen.body).toBe('untouched');
  });

  it('answers 400 invalid_utf8 on a route without an expected type too', async () => {
    seen.body = 'untouched';
    const response = await handler.fetch(
      new Request(`${ORIGIN}/things/a/notes`, { method: 'POST', body: bytes(new Uint8Array([0xff])), headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' } }),
    );
    const body = await expectProblem(response, 400, 'Bad Request');
    expect(readProblem(body)?.violations.map((violation) => violation.code)).toEqual(['invalid_utf8']);
    expect(seen.body).toBe('untouched');
  });

  it('still reads a multi-byte character split across chunks', async () => {
    const whole = bytes(new TextEncoder().encode('é€😀'));
    const split = whole.indexOf(0xf0) + 2;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(whole.slice(0, split));
        controller.enqueue(whole.slice(split));
        controller.close();
      },
    });
    const response = await handler.fetch(
      new Request(`${ORIGIN}/things/a`, {
        method: 'PUT',
        body: stream,
        duplex: 'half',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/ld+json' },
      } as RequestInit),
    );
    expect(response.status).toBe(200);
    expect((seen.body as Record<string, unknown>)['name']).toBe('é€😀');
  });
});

describe('methods the handler does not implement', () => {
  it.each(['PROPFIND', 'QUERY', 'PURGE', 'FOO'])('answers %s with 501 on any path, route or not', async (method) => {
    for (const path of ['/things/a', '/nowhere', '/contexts/Thing.jsonld', '/docs.jsonld']) {
      const response = await get(path, {}, method);
      const body = await expectProblem(response, 501, 'Not Implemented');
      expect(body['detail'], path).toBe(`${method} is not implemented by this server.`);
      expect(response.headers.get('link')).toBe(DOC_LINK);
    }
  });

  it('still answers a known method a resource does not take with 405 and Allow (OPTIONS included)', async () => {
    for (const method of ['PATCH', 'OPTIONS', 'POST']) {
      const response = await get('/things/a', {}, method);
      await expectProblem(response, 405, 'Method Not Allowed');
      expect(new Set(response.headers.get('allow')?.split(/,\s*/))).toEqual(new Set(['GET', 'HEAD', 'PUT', 'DELETE']));
    }
  });
});

describe('the error reporter', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('gets the error, the request and the matched route, once, while the client sees a bare 500', async () => {
    const calls: unknown[][] = [];
    const reporting = createHydraHandler({ registry, routes: routes as ServerRoute<unknown>[], onError: (...args) => calls.push(args) });
    const request = new Request(`${ORIGIN}/boom`);
    const response = await reporting.fetch(request);
    const text = await response.clone().text();
    await expectProblem(response, 500, 'Internal Server Error');
    expect(text).not.toContain('SELECT');
    expect(calls).toHaveLength(1);
    const [error, seenRequest, route] = calls[0] as [Error, Request, ServerRoute<unknown> | undefined];
    expect(error.message).toBe('SELECT secret FROM users');
    expect(seenRequest).toBe(request);
    expect(route?.template).toBe('/boom');
  });

  it('gets the route whose authentication failed, and no route for an error before one is matched', async () => {
    const calls: unknown[][] = [];
    const reporting = createHydraHandler({
      registry,
      routes: routes as ServerRoute<unknown>[],
      apiDocumentation: {
        node: () => {
          throw new Error('documentation unavailable');
        },
      },
      authenticate: () => {
        throw new Error('token store down');
      },
      onError: (...args) => calls.push(args),
    });
    await expectProblem(await reporting.fetch(new Request(`${ORIGIN}/private`)), 500, 'Internal Server Error');
    await expectProblem(await reporting.fetch(new Request(`${ORIGIN}/docs.jsonld`)), 500, 'Internal Server Error');
    expect(calls.map(([error, , route]) => [(error as Error).message, (route as ServerRoute<unknown> | undefined)?.template])).toEqual([
      ['token store down', '/private'],
      ['documentation unavailable', undefined],
    ]);
  });

  it('logs to stderr (console.error) by default, naming the method, path and route, and still answers a bare 500', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const quiet = createHydraHandler({ registry, routes: routes as ServerRoute<unknown>[] });
    const response = await quiet.fetch(new Request(`${ORIGIN}/boom?q=1`));
    const text = await response.clone().text();
    await expectProblem(response, 500, 'Internal Server Error');
    expect(text).not.toContain('SELECT');
    expect(logged).toHaveBeenCalledTimes(1);
    const [message, error] = logged.mock.calls[0] as [string, Error];
    expect(message).toBe('hydra handler: GET /boom (route /boom) failed:');
    expect(error.message).toBe('SELECT secret FROM users');
  });

  it('logs nothing for what a handler answers on purpose (HttpProblem, undefined)', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const quiet = createHydraHandler({ registry, routes: routes as ServerRoute<unknown>[] });
    expect((await quiet.fetch(new Request(`${ORIGIN}/conflict`))).status).toBe(409);
    expect((await quiet.fetch(new Request(`${ORIGIN}/things/missing`))).status).toBe(404);
    expect(logged).not.toHaveBeenCalled();
  });
});

describe('the API documentation Link', () => {
  const linkOf = async (h: (request: Request) => Promise<Response>, path: string): Promise<string | null> => (await h(new Request(`${ORIGIN}${path}`))).headers.get('link');

  it('is not sent by a handler without API documentation: it would point at a 404', async () => {
    const bare = createHydraHandler({ registry, routes: routes as ServerRoute<unknown>[], onError: () => undefined });
    for (const path of ['/things/a', '/nowhere', '/contexts/Thing.jsonld', '/conflict', '/boom', '/raw']) expect(await linkOf(bare.fetch, path), path).toBeNull();
    expect((await bare.fetch(new Request(`${ORIGIN}/docs.jsonld`))).status).toBe(404);
  });

  it('is sent by a handler with API documentation, and points at a document it serves', async () => {
    for (const path of ['/things/a', '/nowhere', '/contexts/Thing.jsonld', '/conflict']) expect(await linkOf(handler.fetch, path), path).toBe(DOC_LINK);
    expect((await get('/docs.jsonld')).status).toBe(200);
  });
});

describe('CORS', () => {
  const APP = 'https://app.example';
  const cached = { version: 1 };
  const cors = createHydraHandler<User>({
    registry,
    routes,
    apiDocumentation: { node: () => apiDocumentation(registry, { id: '/docs.jsonld' }) },
    authenticate: (request) => (request.headers.get('authorization') === `Bearer ${TOKEN}` ? { id: 'u1' } : undefined),
    cors: { origins: [APP], maxAge: 120 },
    responseCache: { version: () => cached.version, principal: (user) => user?.id ?? 'anonymous' },
    onError: (error) => errors.push(error),
  });
  const byPredicate = createHydraHandler<User>({ registry, routes, cors: { origins: (origin) => origin.endsWith('.example'), allowHeaders: ['X-Trace'] } });
  const call = (h: typeof cors, path: string, headers: Record<string, string>, method = 'GET') => h.fetch(new Request(`${ORIGIN}${path}`, { method, headers }));
  const preflightOf = (h: typeof cors, path: string, origin: string) =>
    call(h, path, { origin, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'authorization, content-type' }, 'OPTIONS');

  it('answers a preflight from an allowed origin with 204, the methods the resource takes, the fields a client sends and Max-Age', async () => {
    const response = await preflightOf(cors, '/things/a', APP);
    expect(response.status).toBe(204);
    expect(Object.fromEntries([...response.headers].filter(([name]) => name.startsWith('access-control-')))).toEqual({
      'access-control-allow-origin': APP,
      'access-control-allow-methods': 'GET, HEAD, PUT, DELETE',
      'access-control-allow-headers': 'Authorization, Content-Type, Accept, If-None-Match',
      'access-control-max-age': '120',
      'access-control-expose-headers': 'Link, ETag, Location',
    });
    expect(response.headers.get('vary')).toBe('Accept, Origin');
    // No token is asked of a preflight; contexts and the documentation take GET and HEAD.
    expect((await preflightOf(cors, '/private', APP)).status).toBe(204);
    expect((await preflightOf(cors, '/docs.jsonld', APP)).headers.get('access-control-allow-methods')).toBe('GET, HEAD');
    expect((await preflightOf(byPredicate, '/things/a', 'https://other.example')).headers.get('access-control-allow-headers')).toBe(
      'Authorization, Content-Type, Accept, If-None-Match, X-Trace',
    );
  });

  it('gives other origins, and requests without Origin, no CORS field: their OPTIONS is the usual 405', async () => {
    for (const response of [await preflightOf(cors, '/things/a', 'https://evil.test'), await call(cors, '/things/a', {}, 'OPTIONS')]) {
      expect(response.status).toBe(405);
      expect([...response.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
    }
    const plain = await call(cors, '/things/a', { origin: 'https://evil.test' });
    expect(plain.status).toBe(200);
    expect([...plain.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
    expect((await preflightOf(cors, '/nowhere', APP)).status).toBe(404);
    expect((await preflightOf(byPredicate, '/things/a', 'https://evil.test')).status).toBe(405);
  });

  it('echoes an allowed origin and exposes Link, ETag and Location on every answer: nodes, errors, contexts, route Responses and cached answers', async () => {
    const paths = ['/things/a', '/things/a', '/nowhere', '/private', '/contexts/Thing.jsonld', '/docs.jsonld', '/raw'];
    for (const path of paths) {
      const response = await call(cors, path, { origin: APP });
      expect(response.headers.get('access-control-allow-origin'), path).toBe(APP);
      expect(response.headers.get('access-control-expose-headers'), path).toBe('Link, ETag, Location');
    }
    // The kept answer is not kept with the origin it was first made for.
    const other = await call(cors, '/things/a', { origin: 'https://evil.test' });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    expect((await call(cors, '/things/a', {})).headers.get('vary')).toBe('Accept, Origin');
    const wire = (await cors.wire(new Request(`${ORIGIN}/things/a`, { headers: { origin: APP } }))) as WireAnswer;
    expect(wire.headers['access-control-allow-origin']).toBe(APP);
    expect(wire.headers['link']).toBe(DOC_LINK);
  });

  it('is off unless asked: same origin only, Vary as before', async () => {
    const response = await get('/things/a', { origin: 'https://app.example' });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('vary')).toBe('Accept');
    expect((await get('/things/a', { origin: 'https://app.example', 'access-control-request-method': 'GET' }, 'OPTIONS')).status).toBe(405);
  });
});
