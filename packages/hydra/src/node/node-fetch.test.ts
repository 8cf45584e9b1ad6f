/**
 * The Node transport (`nodeFetch`, on undici's `request`) under the client, over loopback: it
 * reads what `fetch` reads, and the client's rules hold on it as on `fetch` — credentials to the
 * API's origin only (not across a redirect), `maxSize` while reading, the deadline, the caller's
 * abort signal, error answers with their problem.
 *
 * @module
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient, isHttpError } from '../client/index.js';
import { loopback, registry, rejection, seedConversation } from '../client/__fixtures__/fake-api.js';
import { isHydraError } from '../errors.js';
import { nodeFetch } from './index.js';

const TOKEN = 'node-token';
const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  const server = await loopback(handler);
  servers.push(server);
  return server.url;
}

const conversation = (base: string): Record<string, unknown> => ({ ...seedConversation(), '@context': `/contexts/ConversationWithAccount.jsonld`, id: `${base}/conversations/Pvwqm5G` });

function nodeClient(base: string, options: Partial<Parameters<typeof createClient>[0]> = {}) {
  return createClient({ baseUrl: `${base}/`, registry, token: TOKEN, fetch: nodeFetch(), retries: 0, cache: false, ...options });
}

describe('nodeFetch', () => {
  it('answers as fetch does: status, header fields, text, and the same text for a multi-byte body with a byte order mark', async () => {
    const text = '{"name":"Zoë 🚀"}';
    const url = await serve((_req, res) => {
      res.writeHead(201, { 'content-type': 'application/json', 'x-one': 'a' });
      res.end(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    });
    const [mine, theirs] = await Promise.all([nodeFetch()(`${url}/x`), fetch(`${url}/x`)]);
    expect(mine.status).toBe(theirs.status);
    expect(mine.ok).toBe(true);
    expect(mine.headers.get('x-one')).toBe('a');
    expect(mine.url).toBe(`${url}/x`);
    expect(await mine.text()).toBe(await theirs.text());
    expect(mine.bodyUsed).toBe(true);
  });

  it('sends the method, header fields and text body it is given, and does not follow redirects', async () => {
    const seen: { method?: string; auth?: string; body: string }[] = [];
    const url = await serve((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen.push({ method: req.method, auth: req.headers.authorization, body } as never);
        res.writeHead(302, { location: '/elsewhere' }).end();
      });
    });
    const response = await nodeFetch()(new URL(`${url}/x`), { method: 'post', headers: { authorization: 'Bearer t' }, body: '{"a":1}' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/elsewhere');
    expect(seen).toEqual([{ method: 'POST', auth: 'Bearer t', body: '{"a":1}' }]);
  });

  it('refuses a body it cannot send, with a TypeError', async () => {
    await expect(nodeFetch()('http://127.0.0.1:9/x', { method: 'POST', body: new URLSearchParams('a=1') })).rejects.toBeInstanceOf(TypeError);
  });
});

describe('the client on nodeFetch', () => {
  it('decodes what the API answers, with its credentials', async () => {
    const auth: (string | undefined)[] = [];
    const url = await serve((req, res) => {
      auth.push(req.headers.authorization);
      res.writeHead(200, { 'content-type': 'application/ld+json' }).end(JSON.stringify(conversation(`http://${req.headers.host}`)));
    });
    const node = (await nodeClient(url).get('/conversations/Pvwqm5G')) as Record<string, unknown>;
    expect(node['slug']).toBe('Pvwqm5G');
    expect(auth).toEqual([`Bearer ${TOKEN}`]);
  });

  it('sends no credentials across a redirect to another origin', async () => {
    const other: (string | undefined)[] = [];
    const elsewhere = await serve((req, res) => {
      other.push(req.headers.authorization);
      res.writeHead(200, { 'content-type': 'application/ld+json' }).end(JSON.stringify(conversation(`http://${req.headers.host}`)));
    });
    const url = await serve((_req, res) => res.writeHead(302, { location: `${elsewhere}/conversations/Pvwqm5G` }).end());
    await nodeClient(url).get('/conversations/Pvwqm5G');
    expect(other).toEqual([undefined]);
  });

  it('stops reading past maxSize (with and without a Content-Length), as decode_failed with max_size', async () => {
    const big = JSON.stringify({ ...seedConversation(), padding: 'x'.repeat(200_000) });
    for (const framed of [true, false]) {
      const url = await serve((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/ld+json', ...(framed ? { 'content-length': Buffer.byteLength(big) } : {}) });
        res.end(big);
      });
      const error = await rejection(nodeClient(url, { limits: { maxSize: 10_000 } }).get('/conversations/Pvwqm5G'));
      expect(isHydraError(error) && error.code).toBe('decode_failed');
      expect(String((error as Error).message)).toMatch(/max_size|maxSize/);
    }
  });

  it('counts UTF-16 code units, not bytes: a body of more bytes than maxSize but fewer code units is read', async () => {
    const doc = { ...conversation('http://x'), padding: 'é'.repeat(3000) };
    const url = await serve((req, res) => {
      res.writeHead(200, { 'content-type': 'application/ld+json' }).end(JSON.stringify({ ...doc, id: `http://${req.headers.host}/conversations/Pvwqm5G` }));
    });
    const text = JSON.stringify(doc);
    const maxSize = text.length + 100;
    expect(Buffer.byteLength(text)).toBeGreaterThan(maxSize);
    const node = (await nodeClient(url, { limits: { maxSize } }).get('/conversations/Pvwqm5G')) as Record<string, unknown>;
    expect(node['padding']).toBe(doc.padding);
  });

  it('gives up at the deadline on an answer that never ends, and aborts on the caller’s signal', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/ld+json' });
      res.write('{"a":"');
    });
    const timedOut = await rejection(nodeClient(url, { timeout: 200 }).get('/slow'));
    expect(isHydraError(timedOut) && timedOut.code).toBe('network_error');
    const controller = new AbortController();
    const pending = nodeClient(url).get('/slow', { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const aborted = await rejection(pending);
    expect(isHydraError(aborted) && aborted.code).toBe('aborted');
  });

  it('turns an error answer into an HttpError with its problem', async () => {
    const url = await serve((_req, res) => res.writeHead(404, { 'content-type': 'application/problem+json' }).end('{"title":"Gone away","status":404}'));
    const error = await rejection(nodeClient(url).get('/missing'));
    expect(isHttpError(error) && error.status).toBe(404);
    expect(isHttpError(error) && error.problem?.title).toBe('Gone away');
  });
});
