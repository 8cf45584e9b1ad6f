/**
 * The offline network the interop tests give third-party clients: it answers the published
 * contexts from `@hyperld/hydra`'s copies, passes the allowed origin through, and refuses (and
 * logs) everything else, so "nothing reached the network" is an assertion that can fail.
 *
 * @module
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HYDRA_CONTEXT, HYDRA_CONTEXT_DOCUMENT, HYDRA_ERROR_CONTEXT } from '@hyperld/hydra';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offlineNetwork, PUBLISHED_CONTEXTS } from '../helpers/offline-network.js';

let base: string;
const server = createServer((req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end(`seen ${req.method} ${req.url}`));

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
});

describe('offlineNetwork', () => {
  it('answers the published contexts from the project’s copies, fragment or not', async () => {
    const network = offlineNetwork({ allow: [base], documents: PUBLISHED_CONTEXTS });
    const answer = await network.fetch(`${HYDRA_CONTEXT}#x`);
    expect(answer.headers.get('content-type')).toBe('application/ld+json');
    expect(await answer.json()).toEqual(HYDRA_CONTEXT_DOCUMENT);
    expect((await network.fetch(HYDRA_ERROR_CONTEXT)).status).toBe(200);
    expect(network.served).toEqual([HYDRA_CONTEXT, HYDRA_ERROR_CONTEXT]);
    expect(network.refused).toEqual([]);
  });

  it('passes the allowed origin through and refuses every other URL without sending it', async () => {
    const network = offlineNetwork({ allow: [base], documents: PUBLISHED_CONTEXTS });
    expect(await (await network.fetch(`${base}/a?b=1`, { method: 'put', body: 'x' })).text()).toBe('seen PUT /a?b=1');
    await expect(network.fetch('http://www.w3.org/ns/hydra/core')).rejects.toThrow(/offline/);
    await expect(network.fetch(new Request('https://example.org/x'))).rejects.toThrow(/offline/);
    // Another port of the same host is another origin.
    const other = new URL(base);
    other.port = String(Number(other.port) === 65535 ? 1 : Number(other.port) + 1);
    await expect(network.fetch(other.href)).rejects.toThrow(/offline/);
    expect(network.passed).toEqual([`PUT ${base}/a?b=1`]);
    expect(network.refused).toEqual(['http://www.w3.org/ns/hydra/core', 'https://example.org/x', other.href]);
  });

  it('installs itself as the global fetch and puts the real one back', async () => {
    const real = globalThis.fetch;
    const network = offlineNetwork({ allow: [base], documents: PUBLISHED_CONTEXTS });
    const restore = network.install();
    try {
      expect(globalThis.fetch).toBe(network.fetch);
      await expect(fetch('https://example.org/')).rejects.toThrow(/offline/);
      // Passing through uses the real fetch, not the installed wrapper (no loop).
      expect((await fetch(`${base}/b`)).status).toBe(200);
    } finally {
      restore();
    }
    expect(globalThis.fetch).toBe(real);
    expect(network.refused).toEqual(['https://example.org/']);
  });
});
