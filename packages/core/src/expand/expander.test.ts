/**
 * The fast expander against jsonld.js: each supported feature, each unsupported one (a typed
 * error naming it), random documents of the supported subset, the seed and generated documents
 * of the sample vocabulary.
 */
import { seedBodyText } from '@hyperld/fixtures';
import fc from 'fast-check';
import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { DOC_BASE, jsonLdDocument, resolveTestContext, URL_CONTEXTS } from '../__fixtures__/jsonld-docs.js';
import { sampleRegistry, VOCAB } from '../__fixtures__/sample-vocab.js';
import { prependBase } from '../iri/jsonld-resolution.js';
import { createExpander, expand } from './index.js';
import {
  DEFAULT_LIMITS,
  expandTerm,
  isHyperldError,
  type AnyKind,
  type ContextDocument,
  type ContextResolver,
  type JsonObject,
} from '../index.js';
import { arbitraryDocument } from '../testing/index.js';

/** The seed's JSON body: everything after the line `Example Body`. */
const body = seedBodyText();
const SEED_BASE = 'https://api.example/contacts/DQeeO69/conversations';
const BASE = 'https://api.example/base/doc';

// Documents are built freely in tests, so they are `any` here.
type Doc = any;

/** A jsonld document loader over a resolver, as the real one behaves (a fresh copy each time). */
function loaderOf(resolve: ContextResolver, base: string | undefined) {
  return async (url: string) => {
    const document = resolve(url, base);
    if (document === undefined) throw new Error(`no context ${url}`);
    return { documentUrl: url, document: structuredClone(document) };
  };
}

/** `jsonld.expand` of a fresh copy of the document. */
async function reference(doc: unknown, base: string | undefined = BASE, resolve: ContextResolver = resolveTestContext): Promise<unknown> {
  const options: Record<string, unknown> = { documentLoader: loaderOf(resolve, base) };
  if (base !== undefined) options['base'] = base;
  return jsonld.expand(JSON.parse(JSON.stringify(doc)), options as never);
}

const expander = createExpander({ resolveContext: resolveTestContext });

/** Expands with both and checks they agree; returns the fast result. */
async function agree(doc: unknown, base: string | undefined = BASE): Promise<JsonObject[]> {
  const fast = expander.expand(JSON.parse(JSON.stringify(doc)), base === undefined ? {} : { base });
  expect(fast).toEqual(await reference(doc, base));
  return fast;
}

function errorOf(run: () => unknown): { code: string; message: string; jsonldCode: string | undefined } {
  try {
    run();
  } catch (error) {
    if (isHyperldError(error)) return { code: error.code, message: error.message, jsonldCode: error.details?.jsonldCode };
    throw error;
  }
  throw new Error('expected an error');
}

const V = 'https://vocab.example/v#';

/** The JSON-LD error code `jsonld.expand` rejects a document with. */
async function jsonldCodeOf(doc: unknown): Promise<unknown> {
  const error: unknown = await reference(doc).then(
    () => undefined,
    (e: unknown) => e,
  );
  return (error as { details?: { code?: unknown } } | undefined)?.details?.code;
}

describe('supported features (output equals jsonld.expand)', () => {
  it('expands keys and @type against @vocab, and @id against the base', async () => {
    const out = await agree({ '@context': { '@vocab': V }, '@id': '/things/1', '@type': 'Thing', name: 'A' });
    expect(out).toEqual([{ '@id': 'https://api.example/things/1', '@type': [`${V}Thing`], [`${V}name`]: [{ '@value': 'A' }] }]);
  });

  it('expands prefixes and compact IRIs in keys, @type and @id values, and leaves absolute IRIs', async () => {
    const out = await agree({
      '@context': { ex: 'http://ex.example/ns#', sch: 'https://schema.example/' },
      '@id': 'ex:me',
      '@type': ['sch:Person', 'http://other.example/T'],
      'sch:name': 'A',
      'http://abs.example/p': 1,
      'unknown:thing': true,
    });
    expect(out[0]?.['@id']).toBe('http://ex.example/ns#me');
    expect(out[0]?.['@type']).toEqual(['https://schema.example/Person', 'http://other.example/T']);
    expect(out[0]).toHaveProperty(['unknown:thing']);
  });

  it('uses keyword aliases (id, type, value, language, list, set)', async () => {
    const context = { '@vocab': V, id: '@id', type: '@type', value: '@value', lang: '@language', list: '@list', set: '@set' };
    const out = await agree({
      '@context': context,
      id: 'a',
      type: 'T',
      p: { value: 'chat', lang: 'FR' },
      q: { list: [1, 2] },
      r: { set: ['x'] },
    });
    expect(out[0]?.[`${V}p`]).toEqual([{ '@value': 'chat', '@language': 'fr' }]);
    expect(out[0]?.[`${V}q`]).toEqual([{ '@list': [{ '@value': 1 }, { '@value': 2 }] }]);
  });

  it('judges colliding keyword aliases in sorted key order, as jsonld does (a null alias sorted first is skipped)', async () => {
    const context = [{ when: { '@id': '@language' }, b: '@language' }];
    // Found by the property test below: "b" sorts before "when", so its null is skipped and nothing collides.
    expect(await agree({ when: 'hello', b: null, '@context': context })).toEqual([]);
    // With a value, the two aliases collide: both expanders reject the document.
    const colliding = { when: 'hello', b: 'x', '@context': context };
    await expect(reference(colliding)).rejects.toThrow(/colliding keywords/);
    expect(() => expand(colliding, { resolveContext: resolveTestContext, base: BASE })).toThrow(/colliding keywords/);
  });

  it('coerces to @id, @vocab, @json, @none and datatypes', async () => {
    const out = await agree({
      '@context': {
        '@vocab': V,
        '@language': 'en',
        xsd: 'http://www.w3.org/2001/XMLSchema#',
        link: { '@type': '@id' },
        kind: { '@type': '@vocab' },
        data: { '@type': '@json' },
        nothing: { '@type': '@json' },
        plain: { '@type': '@none' },
        when: { '@type': 'xsd:dateTime' },
      },
      '@id': 'https://api.example/x',
      link: ['../other', 'ex:nope', 42],
      kind: 'Open',
      data: { nested: [1, { deep: null }] },
      nothing: null,
      plain: 'tagged',
      when: '2018-07-24T20:59:32.156Z',
    });
    expect(out[0]?.[`${V}link`]).toEqual([{ '@id': 'https://api.example/other' }, { '@id': 'ex:nope' }, { '@value': 42 }]);
    expect(out[0]?.[`${V}kind`]).toEqual([{ '@id': `${V}Open` }]);
    expect(out[0]?.[`${V}data`]).toEqual([{ '@type': '@json', '@value': { nested: [1, { deep: null }] } }]);
    expect(out[0]?.[`${V}nothing`]).toEqual([{ '@type': '@json', '@value': null }]);
    expect(out[0]?.[`${V}plain`]).toEqual([{ '@value': 'tagged', '@language': 'en' }]);
    expect(out[0]?.[`${V}when`]).toEqual([{ '@type': 'http://www.w3.org/2001/XMLSchema#dateTime', '@value': '2018-07-24T20:59:32.156Z' }]);
  });

  it('handles @set and @list containers, nested arrays in lists and empty arrays', async () => {
    const out = await agree({
      '@context': { '@vocab': V, tags: { '@container': '@set' }, items: { '@container': '@list' }, many: { '@container': ['@set'] } },
      '@id': 'a',
      tags: [],
      items: [1, [2, [3]], null, 'x'],
      one: ['single'],
      many: 'one',
    });
    expect(out[0]?.[`${V}tags`]).toEqual([]);
    expect(out[0]?.[`${V}items`]).toEqual([
      { '@list': [{ '@value': 1 }, { '@list': [{ '@value': 2 }, { '@list': [{ '@value': 3 }] }] }, { '@value': 'x' }] },
    ]);
  });

  it('applies the default language and per-term languages (null overrides)', async () => {
    await agree({
      '@context': { '@vocab': V, '@language': 'EN', fr: { '@language': 'fr' }, none: { '@language': null } },
      '@id': 'a',
      title: 'Hello',
      fr: 'Bonjour',
      none: 'plain',
      count: 3,
    });
  });

  it('resets the context with null and processes nested embedded contexts', async () => {
    await agree({
      '@context': { '@vocab': V, ex: 'http://ex.example/ns#' },
      '@id': 'outer',
      inner: {
        '@context': [null, { '@vocab': 'http://other.example/' }],
        '@id': 'inner',
        name: 'reset',
        deeper: { '@context': { name: 'ex:name' }, name: 'again', 'ex:kept': 1 },
      },
    });
  });

  it('keeps value objects from the input and drops nulls', async () => {
    await agree({
      '@context': { '@vocab': V, xsd: 'http://www.w3.org/2001/XMLSchema#' },
      '@id': 'a',
      typed: { '@value': '5', '@type': 'xsd:integer' },
      tagged: { '@value': 'Hi', '@language': 'EN-gb' },
      json: { '@value': { a: 1 }, '@type': '@json' },
      gone: null,
      nullValue: { '@value': null },
      list: [null, 'x', null],
      onlyLanguage: { '@language': 'en' },
    });
  });

  it('resolves relative IRIs as jsonld does (no URL normalisation)', async () => {
    for (const id of ['../up', './same', '?q=1', '#frag', '//host.example/p', '', 'a/../b/./c', '/abs/../x/.', 'HTTP://Example.COM/%7e', '/a b']) {
      await agree({ '@context': { '@vocab': V }, '@id': id, p: 1 });
    }
    for (const base of ['https://api.example', 'https://api.example:443/a/b?x#y', 'http://api.example:80/', 'urn:x:y', '']) {
      await agree({ '@context': { '@vocab': V }, '@id': 'rel/path', p: 1 }, base);
    }
    expect(prependBase('https://api.example', 'x')).toBe('https://api.example/x');
    expect(prependBase('https://api.example:443/a/b', '../c')).toBe('https://api.example/c');
  });

  it('honours @base in contexts (absolute, relative to the document base, and null)', async () => {
    await agree({ '@context': { '@vocab': V, '@base': 'https://other.example/dir/' }, '@id': 'x', p: 1 });
    await agree({ '@context': [{ '@vocab': V }, { '@base': 'sub/' }], '@id': 'x', link: { '@id': '../y' } });
    await agree({ '@context': { '@vocab': V, '@base': null }, '@id': 'x', p: 1, q: { '@id': 'y', r: 2 } });
    await agree({ '@context': { '@base': 'https://other.example/dir/', '@vocab': 'v#' }, '@id': 'x', p: 1 });
  });

  it('adds the values of keys that share an IRI in sorted key order, as jsonld does', async () => {
    const out = await agree({
      '@context': { '@vocab': V, sch: 'https://schema.example/', name: 'sch:name', type: '@type' },
      'sch:name': 'second',
      name: 'first',
      type: 'B',
      '@type': 'A',
      '@id': 'x',
    });
    expect(out[0]?.['https://schema.example/name']).toEqual([{ '@value': 'first' }, { '@value': 'second' }]);
    expect(out[0]?.['@type']).toEqual([`${V}A`, `${V}B`]);
  });

  it('drops keys that do not expand to absolute IRIs and free-floating values', async () => {
    await agree({ '@context': { ex: 'http://ex.example/' }, '@id': 'x', plain: 1, 'has space': 2, '@unknown': 3, 'ex:kept': 4 });
    await agree([{ '@id': 'only-id' }, {}, 'scalar', { '@value': 'top' }, { '@context': { '@vocab': V }, p: 1 }]);
    await agree({ '@context': { '@vocab': V }, '@set': [{ p: 1 }, 'x'] });
    expect(await agree(null)).toEqual([]);
    // jsonld.expand would fetch a string as a URL; the fast expander takes parsed JSON only.
    expect(expander.expand('https://nowhere.example/doc')).toEqual([]);
  });

  it('resolves context URLs (absolute, relative to the base, in arrays with inline contexts)', async () => {
    await agree({
      '@context': ['https://contexts.example/shared.jsonld', '/contexts/local.jsonld', { extra: 'ex:extra' }],
      id: '/things/1',
      type: 'Thing',
      link: '/things/2',
      when: '2020-01-01T00:00:00Z',
      tags: 'one',
      items: [1, 2],
      name: 'N',
      label: 'étiquette',
      data: { any: ['json'] },
      kind: 'sch:Kind',
      extra: true,
    });
  });

  it('resolves URLs nested in a context document against that document', async () => {
    const docs: Record<string, ContextDocument> = {
      'https://contexts.example/outer.jsonld': { '@context': ['inner.jsonld', { b: 'http://b.example/b' }] as never },
      'https://contexts.example/inner.jsonld': { '@context': { '@vocab': V, a: { '@type': '@id' } } },
    };
    const resolve: ContextResolver = (url, base) => docs[base === undefined ? url : prependBase(base, url)];
    const doc = { '@context': 'https://contexts.example/outer.jsonld', '@id': 'x', a: 'y', b: 1, c: 2 };
    expect(createExpander({ resolveContext: resolve }).expand(doc, { base: BASE })).toEqual(await reference(doc, BASE, resolve));
  });

  it('keeps awkward keys such as __proto__ and constructor as properties', () => {
    const doc = JSON.parse(`{"@context": {"@vocab": "${V}"}, "@id": "x", "__proto__": 1, "constructor": 2, "toString": 3}`);
    const [node] = expander.expand(doc, { base: BASE });
    expect(Object.keys(node ?? {}).sort()).toEqual(['@id', `${V}__proto__`, `${V}constructor`, `${V}toString`]);
    expect(Object.getPrototypeOf(node)).toBe(Object.prototype);
  });
});

describe('caching', () => {
  it('resolves each context URL once per base, however many nodes and calls name it', () => {
    const calls: string[] = [];
    const counting = createExpander({
      resolveContext: (url, base) => {
        calls.push(url);
        return resolveTestContext(url) ?? (base === undefined ? undefined : resolveTestContext(prependBase(base, url)));
      },
    });
    const node = (i: number) => ({ '@context': 'https://contexts.example/shared.jsonld', id: `/n/${i}`, link: `/n/${i + 1}` });
    const doc = { '@context': '/contexts/local.jsonld', name: 'page', 'sch:members': Array.from({ length: 50 }, (_, i) => node(i)) };
    const first = counting.expand(doc, { base: BASE });
    const second = counting.expand(JSON.parse(JSON.stringify(doc)), { base: BASE });
    expect(second).toEqual(first);
    expect(calls.sort()).toEqual(['/contexts/local.jsonld', 'https://contexts.example/shared.jsonld']);
  });

  it('compiles equal inline contexts once and gives equal results', async () => {
    const doc = { '@context': { '@vocab': V, link: { '@type': '@id' } }, '@id': 'a', link: 'b' };
    const a = await agree(doc);
    const b = expander.expand(JSON.parse(JSON.stringify(doc)), { base: 'https://elsewhere.example/' });
    expect(b[0]?.['@id']).toBe('https://elsewhere.example/a');
    expect(a[0]?.['@id']).toBe('https://api.example/base/a');
  });

  it('keeps giving right answers past its cache budget of compiled contexts', () => {
    const fresh = createExpander({ resolveContext: resolveTestContext });
    const wrong: number[] = [];
    for (let i = 0; i < 5000; i++) {
      const doc = { '@context': [{ '@vocab': `https://v${i % 4500}.example/` }, { link: { '@type': '@id' } }], '@id': 'x', p: i, link: 'y' };
      const [node] = fresh.expand(doc, { base: BASE });
      if ((node?.[`https://v${i % 4500}.example/p`] as Doc)?.[0]?.['@value'] !== i) wrong.push(i);
    }
    expect(wrong).toEqual([]);
  });

  it('offers a one-shot expand over a registry', () => {
    const doc = JSON.parse(body);
    expect(expand(doc, { registry: sampleRegistry, base: SEED_BASE })).toEqual(
      createExpander({ resolveContext: sampleRegistry.context }).expand(doc, { base: SEED_BASE }),
    );
  });
});

describe('errors', () => {
  it('rejects an unregistered context URL without fetching it', () => {
    const error = errorOf(() => expander.expand({ '@context': 'https://nowhere.example/ctx.jsonld', p: 1 }, { base: BASE }));
    expect(error.code).toBe('unknown_context');
    expect(error.message).toContain('https://nowhere.example/ctx.jsonld');
    expect(errorOf(() => expand({ '@context': '/ctx.jsonld' }, {})).code).toBe('unknown_context');
  });

  it('rejects documents nested deeper than maxDepth', () => {
    let deep: Doc = { p: 1 };
    for (let i = 0; i < 20; i++) deep = { q: [deep] };
    const shallow = createExpander({ resolveContext: resolveTestContext, maxDepth: 10 });
    expect(errorOf(() => shallow.expand({ '@context': { '@vocab': V }, ...deep })).code).toBe('max_depth');
    expect(() => expander.expand({ '@context': { '@vocab': V }, ...deep })).not.toThrow();
    let tooDeep: Doc = 1;
    for (let i = 0; i <= DEFAULT_LIMITS.maxDepth; i++) tooDeep = [tooDeep];
    expect(errorOf(() => expander.expand({ '@context': { '@vocab': V }, p: tooDeep })).code).toBe('max_depth');
  });

  it.each([
    ['a cyclic IRI mapping', { a: 'b:x', b: 'a:y' }],
    ['a redefined keyword', { '@id': 'http://x.example/' }],
    ['a term without @id and without @vocab', { p: { '@type': '@id' } }],
    ['an @id that is not an IRI', { p: 'relative' }],
    ['an invalid container', { '@vocab': V, p: { '@container': '@bag' } }],
    ['an alias of @context', { c: '@context' }],
  ])('rejects %s as invalid_context, as jsonld does, naming jsonld\'s error code', async (_, context) => {
    const doc = { '@context': context, '@id': 'x', p: 1, a: 1 };
    await expect(reference(doc)).rejects.toThrow();
    const error = errorOf(() => expander.expand(doc, { base: BASE }));
    expect(error.code).toBe('invalid_context');
    expect(error.jsonldCode).toBe(await jsonldCodeOf(doc));
  });

  it.each([
    ['a non-string @id', { '@id': 5 }],
    ['colliding keywords', { id: 'a', '@id': 'b' }],
    ['a value object with @type and @language', { p: { '@value': 'x', '@type': 'http://t.example/', '@language': 'en' } }],
    ['a value object with other members', { p: { '@value': 'x', q: 1 } }],
    ['an object as @value', { p: { '@value': { a: 1 } } }],
    ['a language-tagged number', { p: { '@value': 1, '@language': 'en' } }],
    ['a @list object with other members', { p: { '@list': [1], q: 2 } }],
    ['a non-string @type', { '@type': { a: 1 } }],
  ])('rejects %s as invalid_jsonld, as jsonld does, naming jsonld\'s error code', async (_, members) => {
    const doc = { '@context': { '@vocab': V, id: '@id' }, ...members };
    await expect(reference(doc)).rejects.toThrow();
    const error = errorOf(() => expander.expand(doc, { base: BASE }));
    expect(error.code).toBe('invalid_jsonld');
    expect(error.jsonldCode).toBe(await jsonldCodeOf(doc));
  });
});

describe('unsupported features are typed errors naming the feature', () => {
  it.each([
    ['scoped contexts', { p: { '@id': 'http://p.example/', '@context': { '@vocab': V } } }, '@context'],
    ['@protected on a context', { '@protected': true, '@vocab': V }, '@protected'],
    ['@protected on a term', { p: { '@id': 'http://p.example/', '@protected': true } }, '@protected'],
    ['@reverse terms', { p: { '@reverse': 'http://p.example/' } }, '@reverse'],
    ['@nest terms', { p: { '@id': 'http://p.example/', '@nest': '@nest' } }, '@nest'],
    ['@graph containers', { p: { '@id': 'http://p.example/', '@container': '@graph' } }, '@graph'],
    ['@index containers', { p: { '@id': 'http://p.example/', '@container': '@index' } }, '@index'],
    ['@id containers', { p: { '@id': 'http://p.example/', '@container': '@id' } }, '@id'],
    ['@type containers', { p: { '@id': 'http://p.example/', '@container': '@type' } }, '@type'],
    ['@language containers', { p: { '@id': 'http://p.example/', '@container': '@language' } }, '@language'],
    ['@index on a term', { p: { '@id': 'http://p.example/', '@index': 'x' } }, '@index'],
    ['@import', { '@import': 'https://contexts.example/shared.jsonld' }, '@import'],
    ['@propagate', { '@propagate': false }, '@propagate'],
    ['@prefix', { p: { '@id': 'http://p.example/', '@prefix': true } }, '@prefix'],
    ['@direction on a context', { '@direction': 'ltr' }, '@direction'],
    ['@direction on a term', { p: { '@id': 'http://p.example/', '@direction': 'rtl' } }, '@direction'],
    ['a @type term definition', { '@type': { '@container': '@set' } }, '@type'],
    ['a relative @vocab', { '@vocab': 'relative/' }, '@vocab'],
  ])('%s', (_, context, feature) => {
    const error = errorOf(() => expander.expand({ '@context': context, '@id': 'x', p: 1 }, { base: BASE }));
    expect(error.code).toBe('unsupported_context');
    expect(error.message).toContain(feature);
  });

  it.each([
    ['@graph', { '@graph': [{ '@id': 'a' }] }],
    ['@reverse', { '@reverse': { p: { '@id': 'b' } } }],
    ['@included', { '@included': [{ '@id': 'b' }] }],
    ['@nest', { '@nest': { p: 1 } }],
    ['@index', { '@index': 'i' }],
    ['@direction', { p: { '@value': 'x', '@direction': 'ltr' } }],
  ])('the %s keyword in a document', (feature, members) => {
    const error = errorOf(() => expander.expand({ '@context': { '@vocab': V }, '@id': 'x', ...members }, { base: BASE }));
    expect(error.code).toBe('unsupported_context');
    expect(error.message).toContain(feature);
  });

  it('is detected in a context reached by URL too', () => {
    const resolve: ContextResolver = (url) => (url === '/scoped.jsonld' ? { '@context': { p: { '@id': 'http://p.example/', '@context': {} } } } : undefined);
    const error = errorOf(() => createExpander({ resolveContext: resolve }).expand({ '@context': '/scoped.jsonld', p: 1 }));
    expect(error.code).toBe('unsupported_context');
  });
});

describe('random documents of the supported subset', () => {
  it('expand as jsonld.expand does (or both reject them)', async () => {
    // Arrange
    let compared = 0;
    let unsupported = 0;
    await fc.assert(
      fc.asyncProperty(jsonLdDocument, async (doc) => {
        const text = JSON.stringify(doc);
        // Act
        let expected: unknown;
        let referenceError: unknown;
        try {
          expected = await jsonld.expand(JSON.parse(text), { base: DOC_BASE, documentLoader: loaderOf(resolveTestContext, DOC_BASE) as never });
        } catch (error) {
          referenceError = error;
        }
        let actual: unknown;
        let fastError: unknown;
        try {
          actual = expander.expand(JSON.parse(text), { base: DOC_BASE });
        } catch (error) {
          fastError = error;
        }
        // Assert
        if (isHyperldError(fastError) && fastError.code === 'unsupported_context') {
          unsupported++;
          return;
        }
        if (referenceError !== undefined) {
          expect(isHyperldError(fastError), `jsonld rejected it (${String(referenceError)}) but the fast expander did not`).toBe(true);
          return;
        }
        if (fastError !== undefined) throw fastError;
        expect(actual).toEqual(expected);
        compared++;
      }),
      { numRuns: 1000 },
    );
    // Only relative vocabularies fall outside the subset, and most documents are valid.
    expect(unsupported).toBeLessThan(100);
    expect(compared).toBeGreaterThan(600);
  });

  it('the test contexts themselves are in the subset', async () => {
    for (const url of Object.keys(URL_CONTEXTS)) await agree({ '@context': url, '@id': 'x', p: 1 });
  });
});

describe('the sample vocabulary', () => {
  const registryExpander = createExpander({ resolveContext: sampleRegistry.context });

  it('expands the seed as jsonld.expand does with the registry loader', async () => {
    const fast = registryExpander.expand(JSON.parse(body), { base: SEED_BASE });
    expect(fast).toEqual(await reference(JSON.parse(body), SEED_BASE, sampleRegistry.context));
    expect(fast[0]?.['@id']).toBe(SEED_BASE);
  });

  it('loses no non-null property of the seed in jsonld safe mode', async () => {
    const compact = JSON.parse(body);
    const options = { base: SEED_BASE, safe: true, documentLoader: loaderOf(sampleRegistry.context, SEED_BASE) };
    const [expanded] = (await jsonld.expand(JSON.parse(body), options as unknown as jsonld.Options.Expand)) as Doc[];
    const missing: string[] = [];
    // Walks the compact node and its expansion side by side.
    const walk = (node: Doc, out: Doc, path: string): void => {
      const def = sampleRegistry.lookup(node['@type']);
      if (def === undefined) throw new Error(`${path}: no type ${node['@type']}`);
      for (const [key, value] of Object.entries(node)) {
        if (key.startsWith('@') || value === null) continue;
        if (key === 'id') {
          if (typeof out['@id'] !== 'string') missing.push(`${path}.id`);
          continue;
        }
        const kind = def.properties[key] as AnyKind | undefined;
        const iri = expandTerm(kind?.iri ?? key, def.vocab, def.prefixes);
        const values = out[iri];
        if (!Array.isArray(values)) {
          missing.push(`${path}.${key} (${iri})`);
          continue;
        }
        const items = Array.isArray(value) ? value : [value];
        items.forEach((item, i) => {
          if (item !== null && typeof item === 'object' && !Array.isArray(item) && '@type' in item) walk(item, values[i], `${path}.${key}[${i}]`);
        });
      }
    };
    walk(compact, expanded, '$');
    expect(missing).toEqual([]);
  });

  it('expands generated documents as jsonld.expand does', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryDocument(sampleRegistry, { keyOrder: 'shuffled' }), async (node) => {
        // jsonld.js clones its input with plain assignment, which turns a `__proto__` key into a
        // prototype and loses it; the fast expander keeps it, so it is renamed here.
        const text = JSON.stringify(node).replaceAll('"__proto__":', '"__proto":');
        const fast = registryExpander.expand(JSON.parse(text), { base: SEED_BASE });
        expect(fast).toEqual(await reference(JSON.parse(text), SEED_BASE, sampleRegistry.context));
      }),
      { numRuns: 200 },
    );
  });

  it('names the vocabulary the generated contexts use', () => {
    expect(registryExpander.expand(JSON.parse(body))[0]?.['@type']).toEqual([`${VOCAB}ConversationCollection`]);
  });
});
