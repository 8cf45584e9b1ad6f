import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conversationRegistry, SEED_BASE, seedText } from './__fixtures__/conversations.js';
import { HydraError, isHydraError } from './errors.js';
import { pageIndexOf } from './collection.js';
import { DEFAULT_MAX_PAGES, members, pages, type PageFetcher } from './pagination.js';
import { HYDRA_CONTEXT, hydraRegistry } from './vocabulary.js';

const ORIGIN = 'https://api.example';
const urlOf = (i: number): string => `${ORIGIN}/contacts/1/conversations?page=${i}`;

interface Member {
  readonly '@type': 'Item';
  readonly id: string;
}

/** How page i writes its link to page j: absolute, path-absolute or query-relative. */
type LinkForm = 'absolute' | 'path' | 'query';
const hrefOf = (j: number, form: LinkForm): string =>
  form === 'absolute' ? urlOf(j) : form === 'path' ? `/contacts/1/conversations?page=${j}` : `?page=${j}`;

interface Chain {
  readonly sizes: readonly number[];
  readonly totals: readonly (number | undefined)[];
  readonly forms: readonly LinkForm[];
  /** How the last page ends: `next: null`, no `next`, or no view at all. */
  readonly end: 'null' | 'absent' | 'no-view';
}

const chain: fc.Arbitrary<Chain> = fc.integer({ min: 1, max: 6 }).chain((n) =>
  fc.record({
    sizes: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: n, maxLength: n }),
    totals: fc.array(fc.option(fc.nat({ max: 40 }), { nil: undefined }), { minLength: n, maxLength: n }),
    forms: fc.array(fc.constantFrom<LinkForm>('absolute', 'path', 'query'), { minLength: n, maxLength: n }),
    end: fc.constantFrom<Chain['end']>('null', 'absent', 'no-view'),
  }),
);

function membersOfPage(sizes: readonly number[], i: number): Member[] {
  const before = sizes.slice(0, i).reduce((a, b) => a + b, 0);
  return Array.from({ length: sizes[i] ?? 0 }, (_, k) => ({ '@type': 'Item' as const, id: `/items/${before + k}` }));
}

/** The JSON text of page i; `next` is page `nextOf(i)`, or the end of the chain. */
function pageText(c: Chain, i: number, nextOf: (i: number) => number | undefined): string {
  const next = nextOf(i);
  const view: Record<string, unknown> = { '@type': 'hydra:PartialCollectionView', id: hrefOf(i, 'path'), first: hrefOf(0, 'path') };
  if (next !== undefined) view['next'] = hrefOf(next, c.forms[i] ?? 'absolute');
  else if (c.end === 'null') view['next'] = null;
  const total = c.totals[i];
  return JSON.stringify({
    '@type': 'hydra:Collection',
    '@context': HYDRA_CONTEXT,
    id: hrefOf(i, 'path'),
    member: membersOfPage(c.sizes, i),
    ...(total !== undefined ? { totalItems: total } : {}),
    ...(next !== undefined || c.end !== 'no-view' ? { view } : {}),
  });
}

/** A fake server: serves the chain's pages decoded with their URL as base, counting fetches. */
function server(c: Chain, options: { nextOf?: (i: number) => number | undefined; failAt?: number } = {}) {
  const n = c.sizes.length;
  const nextOf = options.nextOf ?? ((i: number) => (i + 1 < n ? i + 1 : undefined));
  const byUrl = new Map(c.sizes.map((_, i) => [urlOf(i), i]));
  const fetched: string[] = [];
  const fetch: PageFetcher = async (url) => {
    fetched.push(url);
    const i = byUrl.get(url);
    if (i === undefined) throw new Error(`404 ${url}`);
    if (i === options.failAt) throw new Error(`503 ${url}`);
    return hydraRegistry.decode(pageText(c, i, nextOf), { base: url });
  };
  const first = (): object => hydraRegistry.decode(pageText(c, 0, nextOf), { base: urlOf(0) });
  return { fetch, fetched, first };
}

const allMembers = (c: Chain, upTo = c.sizes.length): Member[] => c.sizes.slice(0, upTo).flatMap((_, i) => membersOfPage(c.sizes, i));

async function drain<T>(iterator: AsyncIterable<T>): Promise<{ items: T[]; error: unknown }> {
  const items: T[] = [];
  try {
    for await (const item of iterator) items.push(item);
  } catch (error) {
    return { items, error };
  }
  return { items, error: undefined };
}

const starts = ['url', 'node'] as const;

describe('members across pages', () => {
  it('yields exactly the concatenation of every page\'s members, whatever totalItems says', async () => {
    await fc.assert(
      fc.asyncProperty(chain, fc.constantFrom(...starts), async (c, start) => {
        const s = server(c);
        const { items, error } = await drain(members<object, Member>(start === 'url' ? urlOf(0) : s.first(), { fetch: s.fetch }));
        expect(error).toBeUndefined();
        expect(items).toEqual(allMembers(c));
        expect(s.fetched).toEqual(c.sizes.slice(start === 'url' ? 0 : 1).map((_, k) => urlOf(k + (start === 'url' ? 0 : 1))));
      }),
      { numRuns: 1000 },
    );
  });

  it('honours limit: min(limit, total) members, and stops fetching once it is reached', async () => {
    await fc.assert(
      fc.asyncProperty(chain, fc.nat({ max: 32 }), fc.constantFrom(...starts), async (c, limit, start) => {
        const s = server(c);
        const total = allMembers(c).length;
        const { items, error } = await drain(members<object, Member>(start === 'url' ? urlOf(0) : s.first(), { fetch: s.fetch, limit }));
        expect(error).toBeUndefined();
        expect(items).toEqual(allMembers(c).slice(0, Math.min(limit, total)));
        // The pages needed: up to the one holding the limit-th member (all of them when there are
        // fewer members than the limit: only then is an empty last page worth fetching).
        let needed = c.sizes.length;
        if (limit === 0) needed = 0;
        else if (limit <= total) {
          let sum = 0;
          needed = c.sizes.findIndex((size) => (sum += size) >= limit) + 1;
        }
        expect(s.fetched.length).toBe(start === 'url' ? needed : Math.max(0, needed - 1));
      }),
      { numRuns: 1000 },
    );
  });

  it('stops with HydraError aborted when the signal is aborted mid-way', async () => {
    const withMembers = chain.filter((c) => allMembers(c).length >= 2);
    await fc.assert(
      fc.asyncProperty(withMembers, fc.nat(), fc.constantFrom(...starts), async (c, seed, start) => {
        const s = server(c);
        const total = allMembers(c).length;
        const abortAfter = 1 + (seed % (total - 1)); // at least one member yielded, at least one left
        const controller = new AbortController();
        const items: Member[] = [];
        let caught: unknown;
        let fetchedAtAbort = -1;
        try {
          for await (const m of members<object, Member>(start === 'url' ? urlOf(0) : s.first(), { fetch: s.fetch, signal: controller.signal })) {
            items.push(m);
            if (items.length === abortAfter) {
              fetchedAtAbort = s.fetched.length;
              controller.abort(new Error('user left'));
            }
          }
        } catch (error) {
          caught = error;
        }
        expect(items).toEqual(allMembers(c).slice(0, abortAfter));
        expect(isHydraError(caught) && caught.code).toBe('aborted');
        expect((caught as HydraError).cause).toEqual(new Error('user left'));
        // Nothing is fetched after the abort.
        expect(s.fetched.length).toBe(fetchedAtAbort);
      }),
      { numRuns: 1000 },
    );
  });

  it('throws page_loop after yielding every member before the loop, when next links back to any earlier page', async () => {
    await fc.assert(
      fc.asyncProperty(chain, fc.nat(), fc.constantFrom(...starts), async (c, seed, start) => {
        const n = c.sizes.length;
        const target = seed % n; // the last page links back to page `target` (itself when n = 1)
        const s = server(c, { nextOf: (i) => (i + 1 < n ? i + 1 : target) });
        const { items, error } = await drain(members<object, Member>(start === 'url' ? urlOf(0) : s.first(), { fetch: s.fetch }));
        expect(items).toEqual(allMembers(c));
        expect(isHydraError(error) && error.code).toBe('page_loop');
        expect((error as HydraError).url).toBe(urlOf(target));
        // Each page was fetched once at most.
        expect(new Set(s.fetched).size).toBe(s.fetched.length);
      }),
      { numRuns: 1000 },
    );
  });

  it('throws page_failed naming page k after yielding exactly the members of pages 1..k-1', async () => {
    await fc.assert(
      fc.asyncProperty(chain, fc.nat(), fc.constantFrom(...starts), async (c, seed, start) => {
        const n = c.sizes.length;
        const first = start === 'url' ? 0 : 1; // a page in hand is never fetched
        fc.pre(n > first);
        const k = first + (seed % (n - first));
        const s = server(c, { failAt: k });
        const { items, error } = await drain(members<object, Member>(start === 'url' ? urlOf(0) : s.first(), { fetch: s.fetch }));
        expect(items).toEqual(allMembers(c, k));
        expect(isHydraError(error) && error.code).toBe('page_failed');
        expect((error as HydraError).url).toBe(urlOf(k));
        expect((error as HydraError).cause).toEqual(new Error(`503 ${urlOf(k)}`));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('pages', () => {
  it('yields each page once, honouring a page limit', async () => {
    const c: Chain = { sizes: [2, 0, 3], totals: [5, undefined, 1], forms: ['query', 'path', 'absolute'], end: 'null' };
    const s = server(c);
    const all = await drain(pages(urlOf(0), { fetch: s.fetch }));
    expect(all.items.map((p) => (p as { id: string }).id)).toEqual([0, 1, 2].map((i) => hrefOf(i, 'path')));
    const s2 = server(c);
    const two = await drain(pages(urlOf(0), { fetch: s2.fetch, limit: 2 }));
    expect(two.items).toHaveLength(2);
    expect(s2.fetched).toEqual([urlOf(0), urlOf(1)]);
  });

  it('fails before fetching when the signal is already aborted', async () => {
    const c: Chain = { sizes: [1], totals: [1], forms: ['absolute'], end: 'null' };
    const s = server(c);
    const controller = new AbortController();
    controller.abort();
    const { items, error } = await drain(pages(urlOf(0), { fetch: s.fetch, signal: controller.signal }));
    expect(items).toEqual([]);
    expect(isHydraError(error) && error.code).toBe('aborted');
    expect(s.fetched).toEqual([]);
  });

  it('reports a fetcher that resolves to no node as page_failed', async () => {
    const fetch = (async () => undefined) as unknown as PageFetcher;
    const { error } = await drain(pages(urlOf(0), { fetch }));
    expect(isHydraError(error) && error.code).toBe('page_failed');
    expect((error as HydraError).url).toBe(urlOf(0));
  });

  it('detects a loop back to a page in hand that has no base but an absolute id', async () => {
    const first = { '@type': 'hydra:Collection', id: urlOf(0), member: [], view: { '@type': 'hydra:PartialCollectionView', id: urlOf(0), next: urlOf(1) } };
    const second = { '@type': 'hydra:Collection', id: urlOf(1), member: [], view: { '@type': 'hydra:PartialCollectionView', id: urlOf(1), next: '/contacts/1/conversations?page=0' } };
    const fetched: string[] = [];
    const fetch: PageFetcher = async (url) => {
      fetched.push(url);
      return hydraRegistry.decode(JSON.stringify(second), { base: url });
    };
    const { items, error } = await drain(pages(first, { fetch }));
    expect(items).toHaveLength(2);
    expect(isHydraError(error) && error.code).toBe('page_loop');
    expect(fetched).toEqual([urlOf(1)]);
  });

  it('resolves each fetched page\'s links against its own URL, not the start page\'s base', async () => {
    // Page 0 is at /a/list; page 1 at /b/list links to `next?x` (relative to /b/).
    const p0 = { '@type': 'hydra:Collection', id: '/a/list', member: [], view: { '@type': 'hydra:PartialCollectionView', id: '/a/list', next: '/b/list' } };
    const p1 = { '@type': 'hydra:Collection', id: '/b/list', member: [], view: { '@type': 'hydra:PartialCollectionView', id: '/b/list', next: 'next?x' } };
    const p2 = { '@type': 'hydra:Collection', id: '/b/next', member: [], view: { '@type': 'hydra:PartialCollectionView', id: '/b/next', next: null } };
    const served = new Map<string, object>([
      [`${ORIGIN}/b/list`, p1],
      [`${ORIGIN}/b/next?x`, p2],
    ]);
    const fetched: string[] = [];
    const fetch: PageFetcher = async (url) => {
      fetched.push(url);
      const page = served.get(url);
      if (!page) throw new Error(`404 ${url}`);
      return hydraRegistry.decode(JSON.stringify(page), { base: url });
    };
    const { items, error } = await drain(pages(p0, { fetch, base: `${ORIGIN}/a/list` }));
    expect(error).toBeUndefined();
    expect(items).toHaveLength(3);
    expect(fetched).toEqual([`${ORIGIN}/b/list`, `${ORIGIN}/b/next?x`]);
  });

  it('pages the seed collection (one page, next null) without fetching', async () => {
    const page = conversationRegistry.decode(seedText(), { base: SEED_BASE });
    const fetch: PageFetcher = async () => {
      throw new Error('no fetch expected');
    };
    const { items, error } = await drain(members(page, { fetch }));
    expect(error).toBeUndefined();
    expect(items.map((m) => (m as { id: string }).id)).toEqual(['/conversations/Pvwqm5G']);
  });
});

/**
 * An API Platform-shaped chain of `n` pages: the collection's `@id` is the same on every page,
 * the view (with or without `@id`) names the page and links first, last, previous and next under
 * the spelling asked for.
 */
function linkedServer(n: number, spelling: 'term' | 'prefixed' | 'iri', viewId: boolean) {
  const key = (term: string): string => (spelling === 'term' ? term : spelling === 'prefixed' ? `hydra:${term}` : `http://www.w3.org/ns/hydra/core#${term}`);
  const href = (i: number): string => `/books?page=${i + 1}`;
  const doc = (i: number): Record<string, unknown> => {
    const view: Record<string, unknown> = { '@type': 'hydra:PartialCollectionView', [key('first')]: href(0), [key('last')]: href(n - 1) };
    if (viewId) view['@id'] = href(i);
    if (i > 0) view[key('previous')] = href(i - 1);
    if (i + 1 < n) view[key('next')] = href(i + 1);
    return { '@id': '/books', '@type': 'hydra:Collection', [key('member')]: [{ '@id': `/books/${i}` }], [key('view')]: view };
  };
  const fetched: string[] = [];
  const fetch: PageFetcher = async (url) => {
    fetched.push(url);
    const page = Number(new URL(url).searchParams.get('page') ?? '1') - 1;
    if (!(page >= 0 && page < n)) throw new Error(`404 ${url}`);
    // Plain JSON: paging reads links, it does not need a decoded page (the base is the URL).
    return JSON.parse(JSON.stringify(doc(page))) as object;
  };
  return { fetch, fetched, url: (i: number) => `${ORIGIN}${href(i)}` };
}

const idsOf = (items: readonly unknown[]): string[] => items.map((m) => (m as Record<string, string>)['@id'] ?? '');

describe('paging every way', () => {
  it('pages forward and backward, from the current, first or last page, under every spelling, on views with or without an id', async () => {
    for (const spelling of ['term', 'prefixed', 'iri'] as const) {
      for (const viewId of [true, false]) {
        const label = `${spelling}, view id ${viewId}`;
        const s = linkedServer(4, spelling, viewId);
        const forward = await drain(members(s.url(1), { fetch: s.fetch }));
        expect([idsOf(forward.items), forward.error], label).toEqual([['/books/1', '/books/2', '/books/3'], undefined]);
        const backward = await drain(members(s.url(2), { fetch: s.fetch, direction: 'backward' }));
        expect([idsOf(backward.items), backward.error], label).toEqual([['/books/2', '/books/1', '/books/0'], undefined]);
        const fromLast = await drain(members(s.url(1), { fetch: s.fetch, direction: 'backward', from: 'last' }));
        expect(idsOf(fromLast.items), label).toEqual(['/books/3', '/books/2', '/books/1', '/books/0']);
        s.fetched.length = 0;
        const fromFirst = await drain(members(s.url(2), { fetch: s.fetch, from: 'first' }));
        expect(idsOf(fromFirst.items), label).toEqual(['/books/0', '/books/1', '/books/2', '/books/3']);
        // The start page is fetched, then the first one: each page once.
        expect(s.fetched, label).toEqual([s.url(2), s.url(0), s.url(1), s.url(2), s.url(3)]);
      }
    }
  });

  it('does not fetch the first page again when it is the page in hand', async () => {
    const s = linkedServer(2, 'prefixed', true);
    const { items } = await drain(pages(s.url(0), { fetch: s.fetch, from: 'first' }));
    expect(items).toHaveLength(2);
    expect(s.fetched).toEqual([s.url(0), s.url(1)]);
  });

  it('treats a collection without a view as its only page, and a view that links no last page as no_page_link', async () => {
    const single = { '@type': 'hydra:Collection', member: [{ '@id': '/a' }] };
    const fetch: PageFetcher = async () => {
      throw new Error('no fetch expected');
    };
    expect(idsOf((await drain(members(single, { fetch, from: 'last' }))).items)).toEqual(['/a']);
    const partial = { ...single, view: { '@type': 'hydra:PartialCollectionView', next: '/b' } };
    const { error } = await drain(pages(partial, { fetch, from: 'last', base: `${ORIGIN}/c` }));
    expect(isHydraError(error) && [error.code, error.url]).toEqual(['no_page_link', `${ORIGIN}/c`]);
  });

  it('stops a server that keeps minting new next URLs at maxPages with too_many_pages', async () => {
    let minted = 0;
    const fetch: PageFetcher = async () => {
      minted++;
      return { '@type': 'hydra:Collection', member: [], view: { '@type': 'hydra:PartialCollectionView', next: `/c?token=${minted}` } };
    };
    const capped = await drain(pages(`${ORIGIN}/c`, { fetch, maxPages: 5 }));
    expect(capped.items).toHaveLength(5);
    expect(isHydraError(capped.error) && [capped.error.code, capped.error.url]).toEqual(['too_many_pages', `${ORIGIN}/c?token=5`]);
    expect(minted).toBe(5);
    // The default cap is DEFAULT_MAX_PAGES; a limit below the cap ends quietly.
    minted = 0;
    const byDefault = await drain(pages(`${ORIGIN}/c`, { fetch }));
    expect([byDefault.items.length, isHydraError(byDefault.error) && byDefault.error.code]).toEqual([DEFAULT_MAX_PAGES, 'too_many_pages']);
    const limited = await drain(pages(`${ORIGIN}/c`, { fetch, limit: 3, maxPages: 3 }));
    expect([limited.items.length, limited.error]).toEqual([3, undefined]);
  });

  it('detects a cycle backward as page_loop', async () => {
    const doc = (i: number) => ({ '@type': 'hydra:Collection', member: [], view: { '@id': `/c?p=${i}`, '@type': 'hydra:PartialCollectionView', previous: `/c?p=${(i + 2) % 3}` } });
    const fetch: PageFetcher = async (url) => doc(Number(new URL(url).searchParams.get('p')));
    const { items, error } = await drain(pages(`${ORIGIN}/c?p=0`, { fetch, direction: 'backward' }));
    expect(items).toHaveLength(3);
    expect(isHydraError(error) && [error.code, error.url]).toEqual(['page_loop', `${ORIGIN}/c?p=0`]);
  });
});

describe('pageIndexOf', () => {
  it('reads the view’s pageIndex under any spelling, and as a typed literal', () => {
    expect(pageIndexOf({ view: { pageIndex: 3 } })).toBe(3);
    expect(pageIndexOf({ '@context': HYDRA_CONTEXT, view: { pageIndex: 2 } })).toBe(2);
    expect(pageIndexOf({ 'hydra:view': { 'http://www.w3.org/ns/hydra/core#pageIndex': { '@value': '4', '@type': 'xsd:nonNegativeInteger' } } })).toBe(4);
    for (const c of [{}, { view: {} }, { view: { pageIndex: -1 } }, { view: { pageIndex: 'x' } }, { view: { pageIndex: 1.5 } }]) expect(pageIndexOf(c)).toBeUndefined();
  });
});
