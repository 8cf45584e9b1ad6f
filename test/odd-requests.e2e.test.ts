/**
 * The reference server over raw sockets, against requests a hostile or broken client sends: a
 * Host no URL can be built from, two Host fields, methods the server does not implement, and a
 * body that is not UTF-8. Each gets its 4xx/501 with a Hydra error body on every route, public
 * ones included, and none a 500 or a line in the error log.
 *
 * @module
 */
import { readProblem } from '@hyperld/hydra';
import { TEXTUS_MEDIA_TYPE } from '@hyperld/textus';
import { DEMO_TOKEN, SEED_CONTACT_ID, SEED_CONVERSATION_ID } from '@hyperld/textus-server';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { rawExchange, type RawAnswer } from './helpers/raw-http.js';
import { call, startMemoryServer, type TestServer } from './helpers/textus-server.js';

const SEED_CONVERSATION = `/conversations/${SEED_CONVERSATION_ID}`;
const AUTH = `Authorization: Bearer ${DEMO_TOKEN}`;

/** Public routes (a context document, the API documentation), an authenticated one and a missing one. */
const PATHS = ['/contexts/Message.jsonld', '/docs.jsonld', `/contacts/${SEED_CONTACT_ID}/conversations`, SEED_CONVERSATION, '/nowhere'];
const BAD_HOSTS = ['a:99999', '300.300.300.300', '[::1]:99999', '1.2.3.4.5', 'xn--a', ''];

let server: TestServer;
let logged: MockInstance<typeof console.error>;

beforeAll(async () => {
  server = await startMemoryServer();
});
afterAll(async () => server.close());

beforeEach(() => {
  // The reference server logs unexpected errors with console.error: none of these requests is one.
  logged = vi.spyOn(console, 'error');
});
afterEach(() => {
  const calls = logged.mock.calls.slice();
  logged.mockRestore();
  expect(calls, 'logged as server errors').toEqual([]);
});

/** Asserts a Hydra error with the status, and returns its detail. */
function expectProblem(answer: RawAnswer, status: number, what: string): string | undefined {
  expect(answer.status, what).toBe(status);
  const body = JSON.parse(answer.body) as Record<string, unknown>;
  expect(body['@type'], what).toBe('hydra:Error');
  expect(answer.body).not.toMatch(/\n\s+at /);
  return readProblem(body)?.detail;
}

describe('the reference server and an odd Host', () => {
  it.each(BAD_HOSTS)('answers Host: %j with 400 on every route, public or not', async (host) => {
    for (const path of PATHS) {
      const answer = await rawExchange(server.url, `GET ${path} HTTP/1.1\r\nHost: ${host}\r\n${AUTH}\r\nAccept: ${TEXTUS_MEDIA_TYPE}`);
      expect(expectProblem(answer, 400, path)).toBe('The Host header field is not a valid host and port.');
    }
  });

  it('answers two Host fields with 400 on every route', async () => {
    for (const path of PATHS) {
      const answer = await rawExchange(server.url, `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: evil.example\r\n${AUTH}`);
      expect(expectProblem(answer, 400, path)).toBe('A request carries one Host header field, not several.');
    }
  });

  it('still answers a good Host, and builds its links from it', async () => {
    const answer = await rawExchange(server.url, `GET /contexts/Message.jsonld HTTP/1.1\r\nHost: api.example:8443`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('link')).toBe('<http://api.example:8443/docs.jsonld>; rel="http://www.w3.org/ns/hydra/core#apiDocumentation"');
  });
});

describe('the reference server and methods it does not implement', () => {
  it.each(['TRACE', 'PROPFIND', 'QUERY'])('answers %s with 501 on every route', async (method) => {
    for (const path of PATHS) {
      const answer = await rawExchange(server.url, `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${AUTH}`);
      expect(expectProblem(answer, 501, path)).toBe(`${method} is not implemented by this server.`);
    }
  });

  it('answers CONNECT with 501 instead of dropping the connection', async () => {
    const answer = await rawExchange(server.url, 'CONNECT 127.0.0.1:443 HTTP/1.1\r\nHost: 127.0.0.1:443');
    expect(expectProblem(answer, 501, 'CONNECT')).toBe('CONNECT is not implemented by this server.');
  });

  it('still answers a known method a route does not take with 405 and Allow', async () => {
    const answer = await rawExchange(server.url, `DELETE ${SEED_CONVERSATION} HTTP/1.1\r\nHost: 127.0.0.1\r\n${AUTH}`);
    expectProblem(answer, 405, 'DELETE');
    expect(answer.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe('the reference server and a body that is not UTF-8', () => {
  it('answers 400 invalid_utf8 to an action whose body is JSON but for one byte, and leaves the conversation as it was', async () => {
    const before = await call(server.url, 'GET', SEED_CONVERSATION, { token: DEMO_TOKEN });
    expect(before.status).toBe(200);
    // The conversation as served, with one more (unknown, so kept) property holding the byte 0xFF:
    // valid JSON once that byte reads as U+FFFD.
    const text = before.text.replace(/\}\s*$/, ',"note":"@"}');
    const [head, tail] = text.split('"@"') as [string, string];
    const body = new Uint8Array([...Buffer.from(`${head}"`), 0xff, ...Buffer.from(`"${tail}`)]);
    const answer = await rawExchange(
      server.url,
      `PUT ${SEED_CONVERSATION}/read HTTP/1.1\r\nHost: 127.0.0.1\r\n${AUTH}\r\nContent-Type: ${TEXTUS_MEDIA_TYPE}\r\nContent-Length: ${body.byteLength}`,
      body,
    );
    expect(expectProblem(answer, 400, 'PUT read')).toBe('The request body is not valid UTF-8.');
    expect(readProblem(JSON.parse(answer.body))?.violations.map((violation) => violation.code)).toEqual(['invalid_utf8']);
    const after = await call(server.url, 'GET', SEED_CONVERSATION, { token: DEMO_TOKEN });
    expect(after.json).toEqual(before.json);
  });
});
