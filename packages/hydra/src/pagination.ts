/**
 * Paging through a collection by following `view.next` (or `previous`, from the page in hand or
 * the `first` or `last`): an async iterator over pages and one over members across pages, with a
 * fetch function given by the caller (this package does no I/O of its own). One page is held at a
 * time; a link that loops is an error, and so is a chain longer than `maxPages`, not an endless loop.
 *
 * @module
 */
import { baseOf, metaOf, resolveIri } from '@hyperld/core';
import { membersOf, pageLinksOf, viewOf } from './collection.js';
import { inContextOf, termsOf, type ReadOptions } from './terms.js';
import { HydraError, isHydraError } from './errors.js';

/**
 * Fetches and decodes one page. It receives the absolute URL and the signal; it returns the
 * decoded page node (whose base is best recorded by decoding it with `base: url`).
 *
 * @example
 * ```ts
 * import type { PageFetcher } from '@hyperld/hydra';
 * import { hydraRegistry } from '@hyperld/hydra';
 * const fetchPage: PageFetcher = async (url, init) =>
 *   hydraRegistry.decode(await (await fetch(url, init.signal ? { signal: init.signal } : {})).text(), { base: url });
 * ```
 */
export type PageFetcher<P extends object = object> = (url: string, init: { readonly signal?: AbortSignal }) => Promise<P>;

/**
 * The most pages {@link pages} and {@link members} yield unless told otherwise: past it, a
 * further page is `too_many_pages` rather than paging forever through a server that keeps minting
 * new `next` URLs.
 *
 * @example
 * ```ts
 * import { DEFAULT_MAX_PAGES } from '@hyperld/hydra';
 * DEFAULT_MAX_PAGES; // 1000
 * ```
 */
export const DEFAULT_MAX_PAGES = 1000;

/**
 * Which way to page and where to start: forward (`next`, the default) or backward (`previous`),
 * from the page given (`current`, the default) or from the `first` or `last` page its view links.
 * Paging backward yields the pages in reverse; each page's members stay in the page's order.
 *
 * @example
 * ```ts
 * import type { PagingDirection } from '@hyperld/hydra';
 * const newestFirst: PagingDirection = { direction: 'backward', from: 'last' };
 * ```
 */
export interface PagingDirection {
  /** `forward` follows `next` (default); `backward` follows `previous`. */
  readonly direction?: 'forward' | 'backward';
  /** `current` starts at the page given (default); `first` and `last` jump to the page the view links. */
  readonly from?: 'current' | 'first' | 'last';
}

/**
 * Options of {@link pages} and {@link members}.
 *
 * @example
 * ```ts
 * import type { PagingOptions } from '@hyperld/hydra';
 * const options: PagingOptions = { fetch: async () => ({}), limit: 100, direction: 'backward', from: 'last', maxPages: 50 };
 * ```
 */
export interface PagingOptions<P extends object = object> extends ReadOptions, PagingDirection {
  /** Fetches and decodes a page. */
  readonly fetch: PageFetcher<P>;
  /** The most items to yield (pages for {@link pages}, members for {@link members}); reaching it ends the iteration quietly. */
  readonly limit?: number;
  /**
   * The most pages to go through (default {@link DEFAULT_MAX_PAGES}): a further page linked after
   * that many is the error `too_many_pages`, not the end.
   */
  readonly maxPages?: number;
  /** Stops the iteration: the next step throws a `HydraError` with code `aborted`. */
  readonly signal?: AbortSignal;
}

function checkAborted(signal: AbortSignal | undefined, url: string | undefined): void {
  if (signal?.aborted) throw new HydraError('aborted', 'Paging was aborted.', { ...(url !== undefined ? { url } : {}), cause: signal.reason });
}

/** Fetches one page as paging does: a failure is `page_failed` naming it (an abort stays `aborted`), and so is an answer that is no node. */
async function fetchPage<P extends object>(url: string, options: PagingOptions<P>): Promise<P> {
  checkAborted(options.signal, url);
  let fetched: unknown;
  try {
    fetched = await options.fetch(url, options.signal ? { signal: options.signal } : {});
  } catch (error) {
    if (isHydraError(error) && error.code === 'aborted') throw error;
    checkAborted(options.signal, url);
    throw new HydraError('page_failed', `Fetching page ${url} failed: ${error instanceof Error ? error.message : String(error)}`, { url, cause: error });
  }
  // A fetcher that resolves to no node is a failed page too, not a TypeError further on.
  if (typeof fetched !== 'object' || fetched === null) throw new HydraError('page_failed', `Fetching page ${url} gave no node.`, { url });
  return fetched as P;
}

/** The IRIs a page answers to: the URL it came from, its base, its own `@id` (or alias) and its view's, resolved, in WHATWG form. */
function identitiesOf(page: object, url: string | undefined, base: string | undefined, options: ReadOptions, self: boolean): string[] {
  const out: string[] = [];
  if (url !== undefined) out.push(normalized(url));
  if (base !== undefined) out.push(normalized(base));
  // An embedded view carries no registry of its own: it is read with its page's.
  const registry = options.registry ?? metaOf(page)?.registry;
  const readOptions: ReadOptions = { ...(registry !== undefined ? { registry } : {}), ...(base !== undefined ? { base } : {}) };
  const idOf = (node: Record<string, unknown>): string | undefined => {
    for (const key of termsOf(node, readOptions)?.keysOf('@id') ?? ['@id', 'id']) {
      const id = node[key];
      if (Object.hasOwn(node, key) && typeof id === 'string') return normalized(resolveIri(id, base));
    }
    return undefined;
  };
  // The collection's own IRI names a page only for the page in hand (as it always has): a fetched
  // page of API Platform's says `@id: /books` on every page, and its view names the page.
  if (self) {
    const id = idOf(page as Record<string, unknown>);
    if (id !== undefined) out.push(id);
  }
  const view = viewOf(page, readOptions);
  if (view !== undefined) {
    const id = idOf(inContextOf(view, page));
    if (id !== undefined) out.push(id);
  }
  return out;
}

/**
 * Iterates over the pages of a collection, from a page node already in hand or from a URL,
 * following `next` (or `previous`, backward) until it is `null` or absent; `from: 'first'` or
 * `'last'` jumps to that page of the view first (a collection without a view is its only page).
 * Links are read through the page's context under any spelling (`next`, `hydra:next`, the IRI),
 * on views with or without an `@id`.
 *
 * @param start - the first page (a decoded node) or its absolute URL.
 * @param options - the fetch function, `direction`, `from`, `limit` (pages), `maxPages`, `signal`.
 * @returns an async iterator of page nodes.
 * @throws HydraError `page_loop` when a link points to a page already visited; `too_many_pages`
 * when `maxPages` pages were yielded and another is linked; `no_page_link` when the view does not
 * link the `first`/`last` page asked for; `page_failed` (with `url`) when fetching a page fails,
 * after the earlier pages were yielded; `aborted`.
 * @example
 * ```ts
 * import { pages, type PageFetcher } from '@hyperld/hydra';
 * declare const fetchPage: PageFetcher;
 * for await (const page of pages('https://api.example/contacts/1/conversations', { fetch: fetchPage, direction: 'backward', from: 'last' })) {
 *   console.log(page);
 * }
 * ```
 */
export async function* pages<P extends object>(start: P | string, options: PagingOptions<P>): AsyncGenerator<P, void, undefined> {
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  const step = options.direction === 'backward' ? 'previous' : 'next';
  const visited = new Set<string>();
  const linksOf = (page: P, base: string | undefined) =>
    pageLinksOf(page, { ...(options.registry !== undefined ? { registry: options.registry } : {}), ...(base !== undefined ? { base } : {}) });
  if (limit <= 0) return;
  // The page to yield next, and the base its links resolve against: the start page's may be given
  // in the options, a fetched page's is the URL it came from (or the base its fetcher decoded it
  // with), never the start page's base carried over.
  let page: P;
  let base: string | undefined;
  let identities: string[];
  if (typeof start === 'string') {
    page = await fetchPage(start, options);
    base = baseOf(page) ?? start;
    identities = identitiesOf(page, start, base, options, false);
  } else {
    page = start;
    base = options.base ?? baseOf(start);
    identities = identitiesOf(page, undefined, base, options, true);
  }
  const from = options.from ?? 'current';
  if (from !== 'current' && viewOf(page, options.registry !== undefined ? { registry: options.registry } : {}) !== undefined) {
    const link = linksOf(page, base)[from];
    if (link === null || link === undefined) throw new HydraError('no_page_link', `The collection's view links no ${from} page to start from.`, base !== undefined ? { url: base } : {});
    if (!identities.includes(normalized(link))) {
      page = await fetchPage(link, options);
      base = baseOf(page) ?? link;
      identities = identitiesOf(page, link, base, options, false);
    }
  }
  let count = 0;
  for (;;) {
    for (const identity of identities) visited.add(identity);
    checkAborted(options.signal, base);
    count++;
    yield page;
    const link = linksOf(page, base)[step];
    if (link === null || link === undefined || count >= limit) return;
    if (visited.has(normalized(link))) throw new HydraError('page_loop', `Page ${link} links back to a page already visited.`, { url: link });
    if (count >= maxPages) {
      throw new HydraError('too_many_pages', `Paged through ${count} pages (maxPages) and page ${link} is still linked: raise maxPages, or set a limit.`, { url: link });
    }
    page = await fetchPage(link, options);
    base = baseOf(page) ?? link;
    identities = identitiesOf(page, link, base, options, false);
  }
}

/** An absolute URL in WHATWG form (so `HTTPS://Api.example/c` and `https://api.example/c` meet); other strings as they are. */
function normalized(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}

/**
 * Iterates over the members of a collection across its pages, one page in memory at a time.
 *
 * @param start - the first page (a decoded node) or its absolute URL.
 * @param options - the fetch function, `direction`, `from`, `limit` (members), `maxPages`, `signal`.
 * @returns an async iterator of members.
 * @throws HydraError as {@link pages} does: members of pages before a failing one are yielded first.
 * @example
 * ```ts
 * import { members, type PageFetcher } from '@hyperld/hydra';
 * declare const fetchPage: PageFetcher;
 * for await (const conversation of members('https://api.example/contacts/1/conversations', { fetch: fetchPage, limit: 50 })) {
 *   console.log(conversation);
 * }
 * ```
 */
export async function* members<P extends object, M = ReturnType<typeof membersOf<P>>[number]>(
  start: P | string,
  options: PagingOptions<P>,
): AsyncGenerator<M, void, undefined> {
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  if (limit <= 0) return;
  let count = 0;
  const { limit: _pagesUnlimited, ...pageOptions } = options;
  for await (const page of pages(start, pageOptions)) {
    for (const member of membersOf(page, options)) {
      checkAborted(options.signal, undefined);
      yield member as M;
      if (++count >= limit) return;
    }
  }
}
