/**
 * The context store loads on first need: a client whose answers name only registered contexts
 * never imports it (so a browser bundle never fetches its chunk), and the first answer that names
 * a trusted remote context imports it once and decodes with it.
 *
 * @module
 */
import { t, vocabulary } from '@hyperld/core';
import { describe, expect, it, vi } from 'vitest';
import { HYDRA_CONTEXT } from '../contexts/hydra-context.js';
import { hydraRegistry } from '../vocabulary.js';
import { fakeFetch } from './__fixtures__/fake-api.js';
import { createClient } from './index.js';

/** How many times the store's module was imported (vitest runs the mock's factory on the first import only). */
const imports = vi.hoisted(() => ({ count: 0 }));
vi.mock('./context-store.js', async (original) => {
  imports.count++;
  return original();
});

const API = 'https://api.example.com';
const VOCAB = `${API}/vocab#`;
const v = vocabulary({ vocab: VOCAB });
const Book = v.type('Book', { properties: { title: t.string() } });
const registry = hydraRegistry.with([Book]);
/** What the registry resolves itself: the published Hydra context and an inline one. */
const known = [HYDRA_CONTEXT, { '@vocab': VOCAB, id: '@id' }];

const ld = (body: unknown, type = 'application/ld+json'): Response => new Response(JSON.stringify(body), { headers: { 'content-type': type } });

describe('the lazy context store', () => {
  it('is not imported while answers name only contexts the registry has, nor for a plain JSON answer without a Link header', async () => {
    const server = fakeFetch((call) => {
      if (call.url === `${API}/books/1`) return ld({ '@context': known, '@type': 'Book', id: '/books/1', title: 'Dune' });
      if (call.url === `${API}/books/1/status`) return ld({ '@type': 'Book', title: 'Dune' }, 'application/json');
      return ld({ title: 'Not Found' });
    });
    const client = createClient({ baseUrl: `${API}/`, registry, fetch: server.fetch, contexts: 'same-origin', retries: 0 });
    const book = await client.get('/books/1');
    expect(book).toMatchObject({ title: 'Dune' });
    expect(client.registry.definitionOf(book)).toBe(Book);
    // A plain JSON answer with no Link header names no context: decoded by `@type` under `ignore`.
    const plain = createClient({ baseUrl: `${API}/`, registry, fetch: server.fetch, contexts: 'same-origin', retries: 0, unknownContext: 'ignore' });
    await plain.get('/books/1/status').catch(() => undefined);
    expect(client.registry).toBe(registry);
    expect(imports.count).toBe(0);
  });

  it('is imported once by the first answer naming a trusted remote context, which then decodes with it', async () => {
    const server = fakeFetch((call) => {
      if (call.url === `${API}/books/1` || call.url === `${API}/books/2`) return ld({ '@context': '/contexts/Book', '@type': 'Livre', '@id': call.url, titre: 'Dune' });
      if (call.url === `${API}/contexts/Book`) return ld({ '@context': { '@vocab': VOCAB, Livre: `${VOCAB}Book`, titre: `${VOCAB}title` } });
      return ld({ title: 'Not Found' });
    });
    const client = createClient({ baseUrl: `${API}/`, registry, fetch: server.fetch, contexts: 'same-origin', retries: 0 });
    const [one, two] = await Promise.all([client.get('/books/1'), client.get('/books/2')]);
    expect(one).toMatchObject({ titre: 'Dune' });
    expect(two).toMatchObject({ titre: 'Dune' });
    expect(client.registry.definitionOf(one)).toBe(Book);
    expect(imports.count).toBe(1);
    expect(server.calls.filter((c) => c.url === `${API}/contexts/Book`)).toHaveLength(1);
  });
});
