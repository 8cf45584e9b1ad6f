/**
 * The `node:http` adapter against requests a `Request` cannot be built from, written byte for
 * byte on raw sockets (so that the Host header and the method are exactly what a hostile client
 * sends): a bad or duplicated Host is a 400, a method Fetch cannot carry (TRACE, CONNECT) a 501,
 * and none of them a 500 or a call of the handler; and the direct path for a Hydra handler's own
 * answers, which writes what its `wire` gives, the bytes and header fields its `Response` would carry.
 *
 * @module
 */
import { createServer, type Server } from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { createRegistry, t, vocabulary } from '@hyperld/core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { apiDocumentation } from '../api-documentation.js';
import { readProblem } from '../problem.js';
import { app, ORIGIN, snapshot } from './__fixtures__/cached-app.js';
import { serveNode, toNodeListener } from './node-http.js';
import { createHydraHandler, type ServerRoute } from './index.js';
import { HydraErrorType, hydraRegistry, hydraTypes } from '../vocabulary.js';

const v = vocabulary({ vocab: 'https://example.com/vocab#' });
const Thing = v.type('Thing', { properties: { name: t.string() } });
const registry = createRegistry({ types: [Thing, ...hydraTypes] });

/** How many times a route ran, and what the adapter and the handler reported. */
const ran = { count: 0 };
const reported: unknown[] = [];

const routes: ServerRoute<unknown>[] = [
  {
    method: 'GET',
    template: '/things/{thing}',
    public: true,
    handle: ({ params }) => {
      ran.count++;
      return { '@type': 'Thing', '@context': '/contexts/Thing.jsonld', id: `/things/${params['thing']}`, name: 'A' };
    },
  },
];
const handler = createHydraHandler({
  registry,
  routes,
  apiDocumentation: { node: () => apiDocumentation(registry, { id: '/docs.jsonld', title: 'Things' }) },
  onError: (error) => reported.push(error),
});

/** One answer as it came off the socket. */
interface RawAnswer {
  readonly status: number;
  readonly headers: ReadonlyMap<string, string>;
  readonly body: string;
}

/**
 * Writes `head` (the request line and header fields, without the blank line) on a new connection
 * and reads the answer to its end: the server closes after it (`Connection: close` is added for
 * HTTP/1.1), or the timeout gives up.
 */
function exchange(port: number, head: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => socket.destroy(new Error(`no end of answer to ${JSON.stringify(head)}`)), 5000);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.on('close', () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('latin1');
      const end = text.indexOf('\r\n\r\n');
      if (end < 0) {
        reject(new Error(`no answer to ${JSON.stringify(head)}: ${JSON.stringify(text)}`));
        return;
      }
      const [statusLine = '', ...lines] = text.slice(0, end).split('\r\n');
      const headers = new Map<string, string>();
      for (const line of lines) {
        const colon = line.indexOf(':');
        headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
      }
      let body = text.slice(end + 4);
      if (headers.get('transfer-encoding') === 'chunked') {
        let out = '';
        for (let at = 0; ; ) {
          const lineEnd = body.indexOf('\r\n', at);
          const size = Number.parseInt(body.slice(at, lineEnd), 16);
          if (!(size > 0)) break;
          out += body.slice(lineEnd + 2, lineEnd + 2 + size);
          at = lineEnd + 2 + size + 2;
        }
        body = out;
      }
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: Buffer.from(body, 'latin1').toString('utf8') });
    });
    const close = / HTTP\/1\.1$/.test(head.split('\r\n')[0] ?? '') ? '\r\nConnection: close' : '';
    socket.write(`${head}${close}\r\n\r\n`);
  });
}

/** Asserts a Hydra error body with the status and title; returns the problem's detail. */
function expectProblem(answer: RawAnswer, status: number, title: string): string | undefined {
  expect(answer.status).toBe(status);
  const body = JSON.parse(answer.body) as Record<string, unknown>;
  expect(body['@type']).toBe('hydra:Error');
  expect(() => hydraRegistry.decodeAs(HydraErrorType, body)).not.toThrow();
  const problem = readProblem(body);
  expect(problem).toMatchObject({ status, title });
  expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
  return problem?.detail;
}

/** Host header values no `Request` can be built from, or that are not a host and port at all. */
const BAD_HOSTS = ['a:99999', '300.300.300.300', '[::1]:99999', '1.2.3.4.5', 'xn--a', 'a:65536', '', 'a b', 'user@a', 'a/b', '[::1', 'a:1:2'];
const PATHS = ['/things/a', '/contexts/Thing.jsonld', '/docs.jsonld', '/nowhere'];

let hydra: Awaited<ReturnType<typeof serveNode>>;
let hydraPort: number;
/** A server of a plain Fetch handler (not made by createHydraHandler), mounted with toNodeListener. */
let plain: Server;
let plainPort: number;
const plainCalls: Request[] = [];

beforeAll(async () => {
  hydra = await serveNode(handler, { port: 0, onError: (error) => reported.push(error) });
  hydraPort = Number(new URL(hydra.url).port);
  plain = createServer(
    toNodeListener(
      async (request) => {
        plainCalls.push(request);
        return new Response(request.url);
      },
      { onError: (error) => reported.push(error) },
    ),
  );
  await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
  plainPort = (plain.address() as AddressInfo).port;
});

afterAll(async () => {
  await hydra.close();
  plain.closeAllConnections();
  await new Promise<void>((resolve) => plain.close(() => resolve()));
});

afterEach(() => {
  const unexpected = reported.splice(0);
  ran.count = 0;
  plainCalls.length = 0;
  vi.restoreAllMocks();
  expect(unexpected, 'nothing is an unexpected error').toEqual([]);
});

describe('a Host header no URL can be built from', () => {
  it.each(BAD_HOSTS)('Host: %j is a 400 on every path of a Hydra handler, which never runs', async (host) => {
    for (const path of PATHS) {
      const answer = await exchange(hydraPort, `GET ${path} HTTP/1.1\r\nHost: ${host}`);
      expect(expectProblem(answer, 400, 'Bad Request'), path).toBe('The Host header field is not a valid host and port.');
      expect(answer.headers.get('content-type')).toBe('application/ld+json');
    }
    expect(ran.count).toBe(0);
  });

  it.each(BAD_HOSTS)('Host: %j is a 400 for any handler mounted with toNodeListener, which is not called', async (host) => {
    expectProblem(await exchange(plainPort, `GET /x HTTP/1.1\r\nHost: ${host}`), 400, 'Bad Request');
    expectProblem(await exchange(plainPort, `PUT /x HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}`), 400, 'Bad Request');
    expect(plainCalls).toEqual([]);
  });

  it('is answered as application/problem+json to a client that asks for JSON, and without a body to HEAD', async () => {
    const answer = await exchange(hydraPort, 'GET /things/a HTTP/1.1\r\nHost: a:99999\r\nAccept: application/json');
    expectProblem(answer, 400, 'Bad Request');
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
    const head = await exchange(hydraPort, 'HEAD /things/a HTTP/1.1\r\nHost: a:99999');
    expect(head.status).toBe(400);
    expect(head.body).toBe('');
  });
});

describe('two Host header fields (RFC 9112 3.2: 400)', () => {
  it.each([
    ['the same twice', 'Host: a\r\nHost: a'],
    ['two hosts', 'Host: a\r\nhost: b'],
    ['a good one and a bad one', 'Host: a\r\nHOST: a:99999'],
  ])('%s is a 400, for a Hydra handler and any other', async (_name, fields) => {
    for (const path of PATHS) {
      expect(expectProblem(await exchange(hydraPort, `GET ${path} HTTP/1.1\r\n${fields}`), 400, 'Bad Request'), path).toBe(
        'A request carries one Host header field, not several.',
      );
    }
    expectProblem(await exchange(plainPort, `GET /x HTTP/1.1\r\n${fields}`), 400, 'Bad Request');
    expect(ran.count).toBe(0);
    expect(plainCalls).toEqual([]);
  });
});

describe('a good Host', () => {
  it.each([
    ['a:8080', 'http://a:8080'],
    ['Example.COM', 'http://example.com'],
    ['[::1]:8080', 'http://[::1]:8080'],
    ['127.0.0.1:1', 'http://127.0.0.1:1'],
    ['my_host', 'http://my_host'],
    ['xn--mnchen-3ya.de', 'http://xn--mnchen-3ya.de'],
    ['a:80', 'http://a'],
  ])('Host: %s is the origin the handler sees (%s)', async (host, origin) => {
    const answer = await exchange(hydraPort, `GET /things/a HTTP/1.1\r\nHost: ${host}`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('link')).toBe(`<${origin}/docs.jsonld>; rel="http://www.w3.org/ns/hydra/core#apiDocumentation"`);
    const plainAnswer = await exchange(plainPort, `GET /x?y HTTP/1.1\r\nHost: ${host}`);
    expect(plainAnswer.body).toBe(`${origin}/x?y`);
  });

  it('is localhost for an HTTP/1.0 request without one, as before', async () => {
    const answer = await exchange(plainPort, 'GET /x HTTP/1.0');
    expect(answer.status).toBe(200);
    expect(answer.body).toBe('http://localhost/x');
  });
});

describe('methods', () => {
  it.each(['TRACE'])('%s, which a Request cannot carry, is a 501 on every path, and no handler runs', async (method) => {
    for (const path of PATHS) {
      const answer = await exchange(hydraPort, `${method} ${path} HTTP/1.1\r\nHost: a`);
      expect(expectProblem(answer, 501, 'Not Implemented'), path).toBe(`${method} is not implemented by this server.`);
    }
    expectProblem(await exchange(plainPort, `${method} /x HTTP/1.1\r\nHost: a`), 501, 'Not Implemented');
    expect(ran.count).toBe(0);
    expect(plainCalls).toEqual([]);
  });

  it('CONNECT gets a 501 from serveNode (node:http emits it apart from requests, and would drop the connection)', async () => {
    const answer = await exchange(hydraPort, 'CONNECT a:443 HTTP/1.1\r\nHost: a:443');
    expect(expectProblem(answer, 501, 'Not Implemented')).toBe('CONNECT is not implemented by this server.');
    expect(answer.headers.get('content-length')).toBe(String(Buffer.byteLength(answer.body)));
  });

  it.each(['PROPFIND', 'QUERY', 'PURGE', 'MKCOL'])('%s (parsed by node:http, implemented by no route) is a 501 from the Hydra handler', async (method) => {
    for (const path of PATHS) expectProblem(await exchange(hydraPort, `${method} ${path} HTTP/1.1\r\nHost: a`), 501, 'Not Implemented');
    expect(ran.count).toBe(0);
  });

  it('a method node:http does not parse at all (FOO) is its own 400, not a 500', async () => {
    const answer = await exchange(hydraPort, 'FOO /things/a HTTP/1.1\r\nHost: a');
    expect(answer.status).toBe(400);
    expect(ran.count).toBe(0);
  });

  it('OPTIONS, known, is still the 405 whose Allow lists what the resource takes', async () => {
    const answer = await exchange(hydraPort, 'OPTIONS /things/a HTTP/1.1\r\nHost: a');
    expectProblem(answer, 405, 'Method Not Allowed');
    expect(answer.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe('failures of the adapter itself', () => {
  it('are logged to stderr by default (console.error), and answered with a bare 500', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const failing = await serveNode(async () => {
      throw new Error('SELECT secret FROM users');
    });
    try {
      const answer = await exchange(Number(new URL(failing.url).port), 'GET /x?token=t HTTP/1.1\r\nHost: a');
      expect(answer.status).toBe(500);
      expect(answer.body).not.toContain('SELECT');
      expect(logged).toHaveBeenCalledTimes(1);
      const [message, error] = logged.mock.calls[0] as [string, Error];
      expect(message).toBe('hydra node:http adapter: GET /x failed:');
      expect(error.message).toBe('SELECT secret FROM users');
    } finally {
      await failing.close();
    }
  });

  it('go to onError instead when one is given', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const seen: unknown[] = [];
    const failing = await serveNode(
      async () => {
        throw new Error('boom');
      },
      { onError: (error) => seen.push(error) },
    );
    try {
      expect((await exchange(Number(new URL(failing.url).port), 'GET /x HTTP/1.1\r\nHost: a')).status).toBe(500);
      expect(seen).toHaveLength(1);
      expect(logged).not.toHaveBeenCalled();
    } finally {
      await failing.close();
    }
  });
});

describe('node:http and the handler’s own answers', () => {
  it('writes the status, header fields and bytes the Response would carry, for the handler and for a wrapper of it', async () => {
    const { handler, get } = app();
    const wrapped = (request: Request): Promise<Response> => handler.fetch(request);
    for (const served of [await serveNode(handler), await serveNode(wrapped)]) {
      try {
        for (const [path, headers, method] of [
          ['/things/a', {}, 'GET'],
          ['/things/a', {}, 'GET'],
          ['/things/a', {}, 'HEAD'],
          ['/things/b', { accept: 'application/json' }, 'GET'],
          ['/things/missing', {}, 'GET'],
          ['/raw', {}, 'GET'],
          ['/contexts/Thing.jsonld', {}, 'GET'],
        ] as const) {
          const expected = await snapshot(await get(path, 't1', headers, method));
          const response = await fetch(`${served.url}${path}`, { method, headers: { authorization: 'Bearer t1', ...headers } });
          const actual = await snapshot(response);
          const hop = new Set(['connection', 'keep-alive', 'transfer-encoding', 'date', 'content-length']);
          expect({ ...actual, headers: actual.headers.filter(([k]) => !hop.has(k)) }, `${method} ${path}`).toEqual({
            ...expected,
            headers: expected.headers.map(([k, value]) => [k, k === 'link' ? value.replace(ORIGIN, served.url) : value]),
          });
          const etag = response.headers.get('etag');
          if (etag !== null) {
            const again = await fetch(`${served.url}${path}`, { method, headers: { authorization: 'Bearer t1', 'if-none-match': etag, ...headers } });
            expect(again.status).toBe(304);
            expect(await again.text()).toBe('');
          }
        }
      } finally {
        await served.close();
      }
    }
  });
});
