/**
 * No remote context, ever: a loopback server counts every request, and serves a context document
 * at any path a JSON-LD processor might fetch. Documents name contexts on that server (absolute,
 * relative to a base on it, protocol-relative, in arrays with registered ones, on embedded nodes,
 * through `@import` and property-scoped contexts, and with a `Link` header); `decode`, core's
 * fast `expand`, the `@hyperld/core/jsonld` conversions and the TextUs client over HTTP reject or
 * ignore them, and the server never sees a request for a context. The client's own GETs of the
 * documents are expected and counted apart.
 *
 * @module
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isDecodeError, isHyperldError, type HyperldError } from '@hyperld/core';
import { expand } from '@hyperld/core/expand';
import { expandWithFallback, toCanonicalNQuads, toExpanded, toNQuads } from '@hyperld/core/jsonld';
import { seedBodyText } from '@hyperld/fixtures';
import { isHydraError } from '@hyperld/hydra';
import { TEXTUS_MEDIA_TYPE, textusRegistry } from '@hyperld/textus';
import { textus } from '@hyperld/textus/client';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

type Json = Record<string, unknown>;

/** What the counting server serves at a path: a body and its headers. */
interface Served {
  readonly body: string;
  readonly headers: Record<string, string>;
}

let server: Server;
let origin = '';
/** Requests by path, query included. */
const hits = new Map<string, number>();
/** Documents by path; every other path answers a context document (what a fetcher would want). */
const documents = new Map<string, Served>();

const contextHits = (): number => [...hits].filter(([path]) => !path.startsWith('/doc/')).reduce((n, [, count]) => n + count, 0);

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = request.url ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const doc = documents.get(path);
    if (doc) {
      response.writeHead(200, doc.headers).end(doc.body);
      return;
    }
    response.writeHead(200, { 'content-type': 'application/ld+json' }).end(JSON.stringify({ '@context': { '@vocab': 'https://fetched.example/' } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
});

beforeEach(() => {
  hits.clear();
});

/** The seed page, parsed afresh. */
const seedPage = (): Json => JSON.parse(seedBodyText()) as Json;

/** One way of naming a context on the counting server. */
interface Variant {
  readonly name: string;
  /** The document (built once the server's origin is known). */
  readonly doc: () => Json;
  /** Whether the document names an unregistered context URL that every consumer must refuse. */
  readonly unregistered: boolean;
  /** The code the jsonld conversions reject it with, when not `unknown_context`. */
  readonly jsonldCode?: string;
}

const REMOTE = '/contexts/Remote.jsonld';
const base = (): string => `${origin}/doc/page`;

const variants: readonly Variant[] = [
  { name: 'an absolute URL on the server', unregistered: true, doc: () => ({ ...seedPage(), '@context': `${origin}${REMOTE}` }) },
  { name: 'a relative URL, resolved against a base on the server', unregistered: true, doc: () => ({ ...seedPage(), '@context': REMOTE }) },
  { name: 'a protocol-relative URL', unregistered: true, doc: () => ({ ...seedPage(), '@context': `//${new URL(origin).host}${REMOTE}` }) },
  {
    name: 'an array of a registered URL and an unregistered one',
    unregistered: true,
    doc: () => ({ ...seedPage(), '@context': ['/contexts/ConversationCollection.jsonld', `${origin}${REMOTE}`] }),
  },
  {
    name: 'an array of an unregistered relative URL and a registered one',
    unregistered: true,
    doc: () => ({ ...seedPage(), '@context': [REMOTE, '/contexts/ConversationCollection.jsonld'] }),
  },
  {
    name: "an embedded node's own context",
    unregistered: true,
    doc: () => {
      const page = seedPage();
      const member = (page['members'] as Json[])[0] as Json;
      (member['account'] as Json)['@context'] = `${origin}${REMOTE}`;
      return page;
    },
  },
  {
    name: 'a registered path on the server origin (served from the registry, not fetched)',
    unregistered: false,
    doc: () => ({ ...seedPage(), '@context': `${origin}/contexts/ConversationCollection.jsonld` }),
  },
  {
    name: '@import of a URL in a local context',
    unregistered: false,
    doc: () => ({ ...seedPage(), '@context': ['/contexts/ConversationCollection.jsonld', { '@version': 1.1, '@import': `${origin}/contexts/Imported.jsonld` }] }),
  },
  {
    name: 'a property-scoped context URL',
    unregistered: false,
    // jsonld validates a scoped context as it defines the term and rethrows the loader's refusal
    // as "invalid scoped context" without the refusal as its cause: the URL is still never fetched.
    jsonldCode: 'invalid_context',
    doc: () => ({
      ...seedPage(),
      '@context': ['/contexts/ConversationCollection.jsonld', { '@version': 1.1, members: { '@id': 'http://www.w3.org/ns/hydra/core#member', '@context': `${origin}/contexts/Scoped.jsonld` } }],
    }),
  },
];

const codeOf = (error: unknown): string | undefined => (isHyperldError(error) ? (error as HyperldError).code : undefined);

describe('the counting server', () => {
  it('counts a context request that does reach it', async () => {
    await fetch(`${origin}${REMOTE}`);
    expect(contextHits()).toBe(1);
  });
});

describe.each(variants)('a document whose @context is $name', (variant) => {
  it('textusRegistry.decode refuses or ignores it, in both modes, without a request', () => {
    for (const options of [{ base: base() }, { base: base(), strict: true }]) {
      let outcome: unknown;
      try {
        outcome = textusRegistry.decode(variant.doc(), options);
      } catch (error) {
        outcome = error;
      }
      if (variant.unregistered) {
        expect(isDecodeError(outcome)).toBe(true);
        if (isDecodeError(outcome)) expect(outcome.violations.map((v) => v.code)).toContain('unknown_context');
      } else {
        expect(isDecodeError(outcome), String(outcome)).toBe(false);
      }
    }
    expect(contextHits()).toBe(0);
  });

  it("core's fast expand refuses an unregistered URL with unknown_context, without a request", () => {
    let error: unknown;
    try {
      expand(variant.doc(), { registry: textusRegistry, base: base() });
    } catch (caught) {
      error = caught;
    }
    if (variant.unregistered) expect(codeOf(error)).toBe('unknown_context');
    else if (error !== undefined) expect(isHyperldError(error), String(error)).toBe(true);
    expect(contextHits()).toBe(0);
  });

  it('toExpanded, toNQuads, toCanonicalNQuads and expandWithFallback refuse it with unknown_context, without a request', async () => {
    const options = { registry: textusRegistry, base: base() };
    const outcomes = await Promise.allSettled([
      toExpanded(variant.doc(), options),
      toNQuads(variant.doc(), options),
      toCanonicalNQuads(variant.doc(), options),
      expandWithFallback(variant.doc(), options),
      expandWithFallback(JSON.stringify(variant.doc()), options),
    ]);
    for (const outcome of outcomes) {
      if (variant.name.startsWith('a registered path')) {
        expect(outcome.status, String(outcome.status === 'rejected' ? outcome.reason : '')).toBe('fulfilled');
      } else {
        // Every other variant names a URL that is not registered: jsonld asks the static loader
        // for it (an @import or a scoped context included) and the loader refuses.
        expect(outcome.status).toBe('rejected');
        if (outcome.status === 'rejected') expect(codeOf(outcome.reason), String(outcome.reason)).toBe(variant.jsonldCode ?? 'unknown_context');
      }
    }
    expect(contextHits()).toBe(0);
  });
});

describe('the TextUs client over HTTP', () => {
  beforeAll(() => {
    variants.forEach((variant, i) => {
      documents.set(`/doc/${i}`, { body: JSON.stringify(variant.doc()), headers: { 'content-type': TEXTUS_MEDIA_TYPE } });
    });
    // No @context in the body, but a JSON-LD context Link header (how plain JSON names one), and
    // the API documentation link a Hydra client might be tempted to load.
    const { '@context': _dropped, ...bare } = seedPage();
    documents.set('/doc/link', {
      body: JSON.stringify(bare),
      headers: {
        'content-type': 'application/json',
        link: `<${origin}${REMOTE}>; rel="http://www.w3.org/ns/json-ld#context"; type="application/ld+json", <${origin}/docs.jsonld>; rel="http://www.w3.org/ns/hydra/core#apiDocumentation"`,
      },
    });
  });

  it('gets each document once, refuses the unregistered contexts as decode_failed/unknown_context, and never asks for a context', async () => {
    const client = textus({ baseUrl: origin, token: 'u_demo.secret', retries: 0 });
    for (const [i, variant] of variants.entries()) {
      const outcome = await client.get(`/doc/${i}`).then(
        (node) => ({ node }),
        (error: unknown) => ({ error }),
      );
      if (variant.unregistered) {
        expect('error' in outcome, variant.name).toBe(true);
        if ('error' in outcome) {
          expect(isHydraError(outcome.error) && outcome.error.code).toBe('decode_failed');
          const cause = (outcome.error as Error).cause;
          expect(isDecodeError(cause) && cause.violations.map((v) => v.code)).toContain('unknown_context');
        }
      } else {
        expect('node' in outcome, variant.name).toBe(true);
      }
      expect(hits.get(`/doc/${i}`), variant.name).toBe(1);
    }
    expect(await client.get('/doc/link')).toMatchObject({ '@type': 'ConversationCollection' });
    expect(hits.get('/doc/link')).toBe(1);
    expect(contextHits()).toBe(0);
  });

  it("with unknownContext: 'ignore', decodes every document by @type alone, still without asking for a context", async () => {
    const client = textus({ baseUrl: origin, token: 'u_demo.secret', retries: 0, unknownContext: 'ignore' });
    for (const [i, variant] of variants.entries()) {
      expect(await client.get(`/doc/${i}`), variant.name).toMatchObject({ '@type': 'ConversationCollection' });
    }
    expect(hits.size).toBe(variants.length);
    expect(contextHits()).toBe(0);
  });
});
