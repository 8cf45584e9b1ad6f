/**
 * Collecting what the reference server answers: a deterministic, bounded breadth-first walk of
 * the GET links a user reaches from some roots (the idea of `links.e2e.test.ts`), each answer kept
 * with its URL and text, so that a test can put every kind of document the server sends through
 * something else (another registry, a mutation).
 *
 * @module
 */
import { textusRoutes } from '@hyperld/textus';
import { emittedIris } from './nodes.js';
import { call } from './textus-server.js';

/** One answer of the walk. */
export interface CrawledAnswer {
  /** The URL asked for, from the origin (`/conversations/Pvwqm5G`). */
  readonly url: string;
  /** The route of `textusRoutes` that answered it. */
  readonly route: string;
  /** The body as sent. */
  readonly text: string;
  /** The body, parsed. */
  readonly json: Record<string, unknown>;
}

/** An IRI without its fragment: what a GET of it asks for. */
const resource = (iri: string): string => iri.replace(/#.*$/, '');

const getRoutes = textusRoutes
  .filter((r) => r.method === 'GET')
  .map((r) => ({ name: r.name, pattern: new RegExp(`^${r.template.replace(/\{\w+\}/g, '[^/?#]+')}(?:\\?.*)?$`) }));

/**
 * The GET route of `textusRoutes` a URL names.
 *
 * @param url - a path and query from the origin.
 * @returns the route's name, or `(no route)`.
 * @example
 * ```ts
 * import { routeOf } from './crawl.js';
 * routeOf('/conversations/Pvwqm5G/timeline'); // 'timeline'
 * ```
 */
export const routeOf = (url: string): string => getRoutes.find((r) => r.pattern.test(url))?.name ?? '(no route)';

/**
 * Walks what a user reaches from `roots` by GET links, taking at each step the oldest pending URL
 * of the route walked least so far (every kind of answer early, the same on every run), and
 * keeps each answer that is a 200. Action links are not followed (they are not resources).
 *
 * @param base - the server's base URL.
 * @param options - the roots, the bearer token and how many answers to keep.
 * @returns the answers, in the order walked.
 * @example
 * ```ts
 * import { crawl } from './crawl.js';
 * declare const base: string;
 * const answers = await crawl(base, { roots: ['/'], token: 'u_demo.x', limit: 20 });
 * ```
 */
export async function crawl(base: string, options: { readonly roots: readonly string[]; readonly token: string; readonly limit: number }): Promise<CrawledAnswer[]> {
  const pending = new Map<string, string[]>();
  const walked = new Map<string, number>();
  const enqueued = new Set<string>();
  const add = (url: string): void => {
    if (enqueued.has(url)) return;
    enqueued.add(url);
    const route = routeOf(url);
    pending.set(route, [...(pending.get(route) ?? []), url]);
  };
  const take = (): { url: string; route: string } | undefined => {
    let best: [string, string[]] | undefined;
    for (const entry of pending) {
      if (entry[1].length === 0) continue;
      if (best === undefined || (walked.get(entry[0]) ?? 0) < (walked.get(best[0]) ?? 0)) best = entry;
    }
    if (best === undefined) return undefined;
    walked.set(best[0], (walked.get(best[0]) ?? 0) + 1);
    return { url: best[1].shift() as string, route: best[0] };
  };
  for (const root of options.roots) add(root);
  const out: CrawledAnswer[] = [];
  for (let next = take(); next !== undefined && out.length < options.limit; next = take()) {
    const answer = await call(base, 'GET', next.url, { token: options.token });
    if (answer.status !== 200) continue;
    out.push({ url: next.url, route: next.route, text: answer.text, json: answer.json });
    for (const { iri } of emittedIris(answer.json)) add(resource(iri));
  }
  return out;
}
