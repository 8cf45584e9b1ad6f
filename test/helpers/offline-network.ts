/**
 * The network the interop tests give third-party Hydra clients (Alcaeus, api-doc-parser): a
 * `fetch` that answers the W3C's context URLs from the project's own copies, passes requests to
 * the local reference server through, and refuses every other URL without sending it. It keeps
 * a log of each kind, so a test can assert that nothing reached the network.
 *
 * Some clients take a `fetch` option (Alcaeus); others, and the JSON-LD parsers inside them, call
 * the global `fetch` (api-doc-parser's `fetchJsonLd`, jsonld-streaming-parser's document loader),
 * so a test installs this one as the global too ({@link OfflineNetwork.install}).
 *
 * @module
 */
import { HYDRA_CONTEXT, HYDRA_CONTEXT_DOCUMENT, HYDRA_ERROR_CONTEXT, HYDRA_ERROR_CONTEXT_DOCUMENT } from '@hyperld/hydra';

/**
 * The documents the W3C publishes for Hydra, by URL, as `@hyperld/hydra` keeps them: what the
 * offline network answers for those URLs.
 *
 * @example
 * ```ts
 * import { offlineNetwork, PUBLISHED_CONTEXTS } from './offline-network.js';
 * const network = offlineNetwork({ allow: ['http://127.0.0.1:8080'], documents: PUBLISHED_CONTEXTS });
 * ```
 */
export const PUBLISHED_CONTEXTS: Readonly<Record<string, unknown>> = {
  [HYDRA_CONTEXT]: HYDRA_CONTEXT_DOCUMENT,
  [HYDRA_ERROR_CONTEXT]: HYDRA_ERROR_CONTEXT_DOCUMENT,
};

/** What {@link offlineNetwork} builds. */
export interface OfflineNetwork {
  /** The wrapper: hand it to a client, or {@link OfflineNetwork.install | install} it globally. */
  readonly fetch: typeof fetch;
  /** Each context URL answered from the project's copies, in order. */
  readonly served: string[];
  /** Each request passed through to an allowed origin, as `METHOD URL`, in order. */
  readonly passed: string[];
  /** Each URL refused (never sent): a client that tried the network. */
  readonly refused: string[];
  /** Makes the wrapper the global `fetch`; returns the function that puts the real one back. */
  install(): () => void;
}

/** Options of {@link offlineNetwork}. */
export interface OfflineNetworkOptions {
  /** The origins (e.g. the reference server's `http://127.0.0.1:41234`) requests may go to. */
  readonly allow: readonly string[];
  /** Documents by URL (the W3C's context URLs), answered as `application/ld+json`. */
  readonly documents: Readonly<Record<string, unknown>>;
}

/** The URL a `fetch` call asks for, whatever form its first argument has. */
function urlOf(input: string | URL | Request): URL {
  if (input instanceof Request) return new URL(input.url);
  return new URL(input);
}

/** The method a `fetch` call uses. */
function methodOf(input: string | URL | Request, init: RequestInit | undefined): string {
  return (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
}

/**
 * Builds the offline network.
 *
 * @param options - the allowed origins and the documents served by URL.
 * @returns the wrapper and its logs.
 * @example
 * ```ts
 * import { offlineNetwork, PUBLISHED_CONTEXTS } from './offline-network.js';
 * declare const base: string;
 * const network = offlineNetwork({ allow: [base], documents: PUBLISHED_CONTEXTS });
 * const restore = network.install();
 * // … the clients run …
 * restore();
 * console.log(network.refused); // []
 * ```
 */
export function offlineNetwork(options: OfflineNetworkOptions): OfflineNetwork {
  // The real fetch, taken before any install, so that passing through never loops.
  const realFetch = globalThis.fetch;
  const allowed = new Set(options.allow.map((origin) => new URL(origin).origin));
  const served: string[] = [];
  const passed: string[] = [];
  const refused: string[] = [];
  const wrapper = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = urlOf(input);
    // A context is named without its fragment; the document is the same for any.
    const key = `${url.origin}${url.pathname}${url.search}`;
    if (Object.hasOwn(options.documents, key)) {
      served.push(key);
      return new Response(JSON.stringify(options.documents[key]), { status: 200, headers: { 'content-type': 'application/ld+json' } });
    }
    if (allowed.has(url.origin)) {
      passed.push(`${methodOf(input, init)} ${url.href}`);
      return realFetch(input, init);
    }
    refused.push(url.href);
    throw new TypeError(`offline: ${url.href} is neither the reference server nor a context the project ships`);
  };
  const fetchWrapper = wrapper as typeof fetch;
  return {
    fetch: fetchWrapper,
    served,
    passed,
    refused,
    install() {
      const previous = globalThis.fetch;
      globalThis.fetch = fetchWrapper;
      return () => {
        globalThis.fetch = previous;
      };
    },
  };
}
