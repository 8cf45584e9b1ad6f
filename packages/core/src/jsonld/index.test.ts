/**
 * `@hyperld/core/jsonld`: the static document loader (never the network, checked against a real
 * loopback server), the conversions and the fast expander's fallback.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { seedBodyText } from '@hyperld/fixtures';
import jsonld from 'jsonld';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleRegistry } from '../__fixtures__/sample-vocab.js';
import { createExpander } from '../expand/index.js';
import { createRegistry, defineType, isHyperldError, t, type ContextDocument, type HyperldErrorDetails } from '../index.js';
import { createDocumentLoader, expandWithFallback, toCanonicalNQuads, toExpanded, toNQuads } from './index.js';

/** The seed's JSON body: everything after the line `Example Body`. */
const body = seedBodyText();
const SEED_BASE = 'https://api.example/contacts/DQeeO69/conversations';
const V = 'https://example.com/vocab#';

const Account = defineType({ type: 'Account', context: '/contexts/Account.jsonld', vocab: V, properties: { name: t.string(), owner: t.link() } });
const registry = createRegistry({ types: [Account] });
const account = (id = '/accounts/1') => ({ '@context': '/contexts/Account.jsonld', '@type': 'Account', id, name: 'Example', owner: '/users/1' });

async function rejection(promise: Promise<unknown>): Promise<{ code: string; message: string; cause: unknown; details: HyperldErrorDetails | undefined }> {
  try {
    await promise;
  } catch (error) {
    if (isHyperldError(error)) return { code: error.code, message: error.message, cause: error.cause, details: error.details };
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('createDocumentLoader', () => {
  it('serves registered contexts by URL as written or resolved against the base', async () => {
    const load = createDocumentLoader({ registry, base: 'https://api.example.com/accounts' });
    const relative = await load('/contexts/Account.jsonld');
    const absolute = await load('https://api.example.com/contexts/Account.jsonld');
    expect(relative.document).toEqual(registry.context('/contexts/Account.jsonld'));
    expect(absolute).toEqual({ documentUrl: 'https://api.example.com/contexts/Account.jsonld', document: relative.document });
  });

  it('serves a static map of contexts, and fresh copies that callers may mutate', async () => {
    const contexts: Record<string, ContextDocument> = { 'https://contexts.example/a.jsonld': { '@context': { '@vocab': V } } };
    const load = createDocumentLoader({ contexts: new Map(Object.entries(contexts)) });
    const first = await load('https://contexts.example/a.jsonld');
    (first.document as { '@context': Record<string, unknown> })['@context']['@vocab'] = 'changed';
    expect((await load('https://contexts.example/a.jsonld')).document).toEqual(contexts['https://contexts.example/a.jsonld']);
  });

  it('looks each URL up once', async () => {
    let lookups = 0;
    const load = createDocumentLoader({ registry: { context: (url, base) => (lookups++, registry.context(url, base)) } });
    await load('/contexts/Account.jsonld');
    await load('/contexts/Account.jsonld');
    expect(lookups).toBe(1);
  });

  it('rejects an unregistered URL with unknown_context', async () => {
    const error = await rejection(createDocumentLoader({ registry })('https://elsewhere.example/ctx.jsonld'));
    expect(error.code).toBe('unknown_context');
    expect(error.message).toContain('https://elsewhere.example/ctx.jsonld');
  });
});

describe('never the network', () => {
  let server: Server;
  let origin = '';
  let hits = 0;

  beforeAll(async () => {
    server = createServer((_, response) => {
      hits++;
      response.writeHead(200, { 'content-type': 'application/ld+json' });
      response.end(JSON.stringify({ '@context': { '@vocab': 'https://served.example/' } }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  });

  it('serves registered contexts on the server origin from the registry and rejects the others', async () => {
    // Arrange: a document from the server whose contexts the server would happily serve.
    const base = `${origin}/accounts/1`;
    const known = account();
    const unknown = { ...account(), '@context': `${origin}/contexts/Unknown.jsonld` };
    const relativeUnknown = { ...account(), '@context': '/contexts/Unknown.jsonld' };
    // Act
    const expanded = await toExpanded(known, { registry, base });
    const errors = [
      await rejection(toExpanded(unknown, { registry, base })),
      await rejection(toExpanded(relativeUnknown, { registry, base })),
      await rejection(toNQuads(unknown, { registry, base })),
      await rejection(toCanonicalNQuads(relativeUnknown, { registry, base })),
      await rejection(expandWithFallback(unknown, { registry, base })),
      await rejection(createDocumentLoader({ registry, base })(`${origin}/contexts/Unknown.jsonld`)),
    ];
    // Assert
    expect(expanded[0]?.['@id']).toBe(`${origin}/accounts/1`);
    expect(errors.map((e) => e.code)).toEqual(Array(errors.length).fill('unknown_context'));
    expect(() => createExpander({ resolveContext: registry.context }).expand(unknown, { base })).toThrow(/not registered/);
    expect(hits).toBe(0);
  });

  it('counts a request the server does get (the counter works)', async () => {
    await fetch(`${origin}/contexts/Unknown.jsonld`);
    expect(hits).toBe(1);
    hits = 0;
  });
});

describe('conversions', () => {
  it('expands in safe mode, equal to the fast expander on the seed', async () => {
    const expanded = await toExpanded(body, { registry: sampleRegistry, base: SEED_BASE });
    expect(expanded).toEqual(createExpander({ resolveContext: sampleRegistry.context }).expand(JSON.parse(body), { base: SEED_BASE }));
  });

  it('fails in safe mode where jsonld would drop a key, and drops it otherwise', async () => {
    const doc = { '@context': { name: 'https://schema.example/name' }, '@id': 'https://api.example.com/a', name: 'A', stray: 1 };
    const error = await rejection(toExpanded(doc));
    expect(error.code).toBe('invalid_jsonld');
    expect(error.details?.jsonldCode).toBe('invalid property');
    expect(error.message).toContain('invalid property');
    expect(error.cause).toBeInstanceOf(Error);
    expect(await toExpanded(doc, { safe: false })).toEqual([{ '@id': 'https://api.example.com/a', 'https://schema.example/name': [{ '@value': 'A' }] }]);
  });

  it('rejects invalid contexts and JSON as typed errors', async () => {
    expect((await rejection(toExpanded({ '@context': { p: 'relative' }, p: 1 }))).code).toBe('invalid_context');
    expect((await rejection(toExpanded('{ not json'))).code).toBe('invalid_json');
  });

  it('converts to N-Quads', async () => {
    const nquads = await toNQuads(account(), { registry, base: 'https://api.example.com/' });
    expect(nquads.trim().split('\n').sort()).toEqual([
      `<https://api.example.com/accounts/1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <${V}Account> .`,
      `<https://api.example.com/accounts/1> <${V}name> "Example" .`,
      `<https://api.example.com/accounts/1> <${V}owner> <https://api.example.com/users/1> .`,
    ]);
  });

  it('converts to canonical N-Quads: equal graphs give equal text, whatever their shape', async () => {
    const base = 'https://api.example.com/';
    const shuffled = { owner: '/users/1', name: 'Example', id: '/accounts/1', '@type': 'Account', '@context': '/contexts/Account.jsonld' };
    const expanded = await toExpanded(account(), { registry, base });
    const blankA = { '@context': { '@vocab': V }, '@id': 'https://a.example/', knows: [{ name: 'x' }, { name: 'y' }] };
    const blankB = { '@context': { '@vocab': V }, knows: [{ '@id': '_:q', name: 'y' }, { name: 'x' }], '@id': 'https://a.example/' };
    const canonical = await toCanonicalNQuads(account(), { registry, base });
    expect(await toCanonicalNQuads(shuffled, { registry, base })).toBe(canonical);
    expect(await toCanonicalNQuads(expanded, { base })).toBe(canonical);
    expect(await toCanonicalNQuads(account('/accounts/2'), { registry, base })).not.toBe(canonical);
    expect(await toCanonicalNQuads(blankA)).toBe(await toCanonicalNQuads(blankB));
    expect(canonical.trim().split('\n')).toHaveLength(3);
  });

  it('canonicalizes the seed', async () => {
    const canonical = await toCanonicalNQuads(body, { registry: sampleRegistry, base: SEED_BASE });
    expect(canonical).toBe(await toCanonicalNQuads(JSON.parse(body), { registry: sampleRegistry, base: SEED_BASE }));
    expect(canonical).toContain(`<${SEED_BASE}> <http://www.w3.org/ns/hydra/core#totalItems> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .`);
  });
});

describe('expandWithFallback', () => {
  it('uses the fast expander for documents in its subset (no document loader involved)', async () => {
    const refuse = async (url: string): Promise<never> => {
      throw new Error(`the loader was asked for ${url}`);
    };
    const base = 'https://api.example.com/';
    const expanded = await expandWithFallback(account(), { registry, base, documentLoader: refuse });
    expect(expanded).toEqual(await toExpanded(account(), { registry, base }));
  });

  it('falls back to jsonld.expand for documents outside the subset', async () => {
    const doc = {
      '@context': [
        '/contexts/Account.jsonld',
        { knows: { '@id': `${V}knows`, '@container': '@index' }, items: { '@reverse': `${V}partOf` } },
      ],
      '@graph': [{ id: '/accounts/1', '@type': 'Account', knows: { a: { id: '/accounts/2' } } }, { id: '/lists/1', items: { id: '/x' } }],
    };
    const base = 'https://api.example.com/';
    const expanded = await expandWithFallback(doc, { registry, base });
    const options = { base, documentLoader: createDocumentLoader({ registry, base }) };
    expect(expanded).toEqual(await jsonld.expand(JSON.parse(JSON.stringify(doc)), options as unknown as jsonld.Options.Expand));
    expect(expanded).toHaveLength(2);
  });

  it('passes other errors through', async () => {
    expect((await rejection(expandWithFallback({ '@context': '/nowhere.jsonld' }, { registry }))).code).toBe('unknown_context');
    const invalid = await rejection(expandWithFallback({ '@context': { '@vocab': V }, '@id': 5 }));
    expect(invalid.code).toBe('invalid_jsonld');
    expect(invalid.details?.jsonldCode).toBe('invalid @id value');
  });
});
