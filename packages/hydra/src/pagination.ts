/**
 * Paging through a collection by following `view.next`: an async iterator over pages and one
 * over members across pages, with a fetch function given by the caller (this package does no I/O
 * of its own). One page is held at a time; a `next` that loops is an error, not an endless loop.
 *
 * @module
 */
import { baseOf, resolveIri } from '@hyperld/core';
import { membersOf, pageLinksOf } from './collection.js';
import type { ReadOptions } from './terms.js';
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
 * Options of {@link pages} and {@link members}.
 *
 * @example
 * ```ts
 * import type { PagingOptions } from '@hyperld/hydra';
 * const options: PagingOptions = { fetch: async () => ({}), limit: 100 };
 * ```
 */
export interface PagingOptions<P extends object = object> extends ReadOptions {
  /** Fetches and decodes a page. */
  readonly fetch: PageFetcher<P>;
  /** The most items to yield (pages for {@link pages}, members for {@link members}). */
  readonly limit?: number;
  /** Stops the iteration: the next step throws a `HydraError` with code `aborted`. */
  readonly signal?: AbortSignal;
}

function checkAborted(signal: AbortSignal | undefined, url: string | undefined): void {
  if (signal?.aborted) throw new HydraError('aborted', 'Paging was aborted.', { ...(url !== undefined ? { url } : {}), cause: signal.reason });
}

/**
 * Iterates over the pages of a collection, from a page node already in hand or from a URL,
 * following `view.next` until it is `null` or absent.
 *
 * @param start - the first page (a decoded node) or its absolute URL.
 * @param options - the fetch function, `limit` (pages), `signal`.
 * @returns an async iterator of page nodes.
 * @throws HydraError `page_loop` when `next` points to a page already visited; `page_failed`
 * (with `url`) when fetching a page fails, after the earlier pages were yielded; `aborted`.
 * @example
 * ```ts
 * import { pages, type PageFetcher } from '@hyperld/hydra';
 * declare const fetchPage: PageFetcher;
 * for await (const page of pages('https://api.example/contacts/1/conversations', { fetch: fetchPage })) {
 *   console.log(page);
 * }
 * ```
 */
export async function* pages<P extends object>(start: P | string, options: PagingOptions<P>): AsyncGenerator<P, void, undefined> {
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const visited = new Set<string>();
  let page: P | undefined;
  let url: string | undefined;
  // The base the current page's links resolve against: the start page's may be given in the
  // options, a fetched page's is the URL it came from (or the base its fetcher decoded it with),
  // never the start page's base carried over.
  let base: string | undefined;
  if (typeof start === 'string') url = start;
  else {
    page = start;
    base = options.base ?? baseOf(start);
    if (base !== undefined) visited.add(normalized(base));
    const self = (start as Record<string, unknown>)['id'];
    if (typeof self === 'string') visited.add(normalized(resolveIri(self, base)));
  }
  let count = 0;
  while (count < limit) {
    if (page === undefined) {
      if (url === undefined) return;
      checkAborted(options.signal, url);
      visited.add(normalized(url));
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
      page = fetched as P;
      const decodedBase = baseOf(page);
      if (decodedBase !== undefined) visited.add(normalized(decodedBase));
      base = decodedBase ?? url;
    }
    checkAborted(options.signal, url);
    const current: P = page;
    page = undefined;
    count++;
    yield current;
    const next = pageLinksOf(current, {
      ...(options.registry !== undefined ? { registry: options.registry } : {}),
      ...(base !== undefined ? { base } : {}),
    }).next;
    if (next === null || next === undefined) return;
    if (visited.has(normalized(next))) throw new HydraError('page_loop', `Page ${next} links back to a page already visited.`, { url: next });
    url = next;
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
 * @param options - the fetch function, `limit` (members), `signal`.
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
