/**
 * The client's transport: which URLs it follows (http and https, no `user:password@`), which
 * requests get its credentials (those to the API's own origin), and redirects followed by hand so
 * that credentials never cross to another origin.
 *
 * @module
 */
import { HydraError } from '../errors.js';

/**
 * What the transport is made from: the parts of the client's options it reads.
 *
 * @internal
 * @example
 * ```ts
 * import type { TransportOptions } from './transport.js';
 * const options: TransportOptions = { baseUrl: 'https://api.example/', token: 'secret', crossOrigin: 'refuse' };
 * ```
 */
export interface TransportOptions {
  /** The API's base URL; only its origin receives credentials. */
  readonly baseUrl: string;
  /** A bearer token, or a function giving one per request. */
  readonly token?: string | (() => string | Promise<string>);
  /** Extra headers for requests to the API's origin. */
  readonly headers?: (url: URL) => Record<string, string> | Promise<Record<string, string>>;
  /** The fetch function (default: the global `fetch`). */
  readonly fetch?: typeof fetch;
  /** The media type in `Accept` and in the `Content-Type` of bodies (default `application/ld+json`). */
  readonly mediaType?: string;
  /** Links to another origin: `strip` (default) sends no credentials; `refuse` throws `unsafe_link`. */
  readonly crossOrigin?: 'strip' | 'refuse';
}

/**
 * One answer of an exchange, and the URL it came from (the last of its redirects).
 *
 * @internal
 * @example
 * ```ts
 * import type { Exchanged } from './transport.js';
 * const exchanged: Exchanged = { response: new Response('{}'), url: new URL('https://api.example/things') };
 * ```
 */
export interface Exchanged {
  /** The answer. */
  readonly response: Response;
  /** Where it came from. */
  readonly url: URL;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * Sends requests for a client: resolves and checks URLs, adds credentials for the API's origin
 * only, and follows redirects by hand.
 *
 * @internal
 * @example
 * ```ts
 * import { Transport } from './transport.js';
 * const transport = new Transport({ baseUrl: 'https://api.example/', token: 'secret' });
 * const url = transport.resolve('/things'); // https://api.example/things
 * const { response } = await transport.exchange('GET', url, undefined, {}, AbortSignal.timeout(5000));
 * ```
 */
export class Transport {
  /** The base URL, checked. */
  readonly base: URL;
  /** The origin that gets credentials. */
  readonly origin: string;
  /** The media type of bodies sent. */
  readonly mediaType: string;
  readonly #accept: string;
  /** Calls the fetch function as a plain function (a browser's `fetch` refuses another `this`). */
  readonly #send: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
  readonly #options: TransportOptions;

  /**
   * @param options - base URL, credentials, fetch and cross-origin policy.
   * @throws HydraError `credentials_in_url` when `baseUrl` carries `user:password@`.
   */
  constructor(options: TransportOptions) {
    this.#options = options;
    this.base = refuseCredentials(new URL(options.baseUrl));
    this.origin = this.base.origin;
    const fetchFn = options.fetch;
    this.#send = fetchFn ? (input, init) => fetchFn(input, init) : (input, init) => globalThis.fetch(input, init);
    this.mediaType = options.mediaType ?? 'application/ld+json';
    this.#accept = `${this.mediaType}, application/ld+json;q=0.9, application/json;q=0.8`;
  }

  /**
   * Resolves an IRI that the client is about to request: only http(s), never with credentials.
   *
   * @param iri - an IRI reference.
   * @param relativeTo - what it is relative to (default: the base URL).
   * @returns the absolute URL.
   * @throws HydraError `unsafe_link` for an invalid IRI or another scheme, `credentials_in_url` for `user:password@`.
   */
  resolve(iri: string, relativeTo?: string): URL {
    let url: URL;
    try {
      url = new URL(iri, relativeTo ?? this.base);
    } catch (error) {
      throw new HydraError('unsafe_link', `Not a valid IRI: ${iri}`, { url: iri, cause: error });
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new HydraError('unsafe_link', `Refusing a ${url.protocol} link: only http and https are followed.`, { url: iri });
    }
    return refuseCredentials(url);
  }

  /**
   * One exchange: credentials per origin, redirects followed by hand so credentials never cross.
   *
   * @param method - the method.
   * @param start - the URL.
   * @param body - the body text, if any (sent with the media type as `Content-Type`).
   * @param extra - extra header fields.
   * @param signal - aborts the exchange.
   * @param guard - when given, decides alone which URLs may be requested (it throws for one that
   * may not), checked before the first request and before each redirect is followed; `crossOrigin`
   * does not apply then, and credentials still go to the API's origin only. A redirect whose
   * target a browser hides (`opaqueredirect`) is not followed under a guard.
   * @returns the answer and where it came from.
   * @throws HydraError `unsafe_link` for a refused origin, `network_error` after 5 redirects.
   */
  async exchange(method: string, start: URL, body: string | undefined, extra: Record<string, string>, signal: AbortSignal, guard?: (url: URL) => void): Promise<Exchanged> {
    let url = start;
    let currentMethod = method;
    let currentBody = body;
    for (let hop = 0; hop <= 5; hop++) {
      guard?.(url);
      const headers = await this.#headersFor(url, currentBody !== undefined ? { ...extra, 'content-type': this.mediaType } : extra, signal, guard !== undefined);
      const init: RequestInit = { method: currentMethod, headers, signal, redirect: 'manual', ...(currentBody !== undefined ? { body: currentBody } : {}) };
      let response = await this.#send(url.href, init);
      if (response.type === 'opaqueredirect') {
        if (guard) throw new HydraError('unsafe_link', `Refusing a redirect from ${url.href} whose target is hidden: it cannot be checked.`, { url: url.href });
        // A browser hides redirect targets; it also drops Authorization on a cross-origin redirect itself.
        response = await this.#send(url.href, { ...init, redirect: 'follow' });
        const landed = new URL(response.url || url.href);
        if (landed.origin !== this.origin && this.#options.crossOrigin === 'refuse') {
          // The browser has already followed it (without credentials); what can still be refused is its answer.
          await response.body?.cancel().catch(() => undefined);
          throw new HydraError('unsafe_link', `Refusing to leave ${this.origin} for ${landed.origin}.`, { url: landed.href });
        }
        return { response, url: landed };
      }
      if (!REDIRECTS.has(response.status)) return { response, url };
      const location = response.headers.get('location');
      if (location === null) return { response, url };
      await response.body?.cancel().catch(() => undefined);
      url = this.resolve(location, url.href);
      if (response.status === 303 || ((response.status === 301 || response.status === 302) && currentMethod === 'POST')) {
        currentMethod = 'GET';
        currentBody = undefined;
      }
    }
    throw new HydraError('network_error', `Too many redirects from ${start.href}.`, { url: start.href });
  }

  /**
   * The header fields of a request to `url`: credentials and custom headers for the API's origin
   * only (another origin is refused under `crossOrigin: 'refuse'`, unless a guard decides). The
   * `token` and `headers` providers run under the call's signal: one that never settles does not
   * outlive the deadline.
   */
  async #headersFor(url: URL, extra: Record<string, string>, signal: AbortSignal, guarded: boolean): Promise<Record<string, string>> {
    const headers: Record<string, string> = { accept: this.#accept, ...extra };
    const options = this.#options;
    if (url.origin !== this.origin) {
      if (options.crossOrigin === 'refuse' && !guarded) throw new HydraError('unsafe_link', `Refusing to leave ${this.origin} for ${url.origin}.`, { url: url.href });
      return headers;
    }
    if (options.headers) Object.assign(headers, await underSignal(options.headers(url), signal));
    if (options.token !== undefined) {
      const token = typeof options.token === 'function' ? await underSignal(options.token(), signal) : options.token;
      headers['authorization'] = `Bearer ${token}`;
    }
    return headers;
  }
}

/**
 * A provider's answer, or the signal's reason as soon as it aborts (the provider itself cannot be
 * stopped; its late answer is dropped).
 */
function underSignal<T>(value: T | Promise<T>, signal: AbortSignal): Promise<T> {
  if (!(value instanceof Promise)) return Promise.resolve(value);
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', abort, { once: true });
    value.then(
      (v) => {
        signal.removeEventListener('abort', abort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', abort);
        reject(e as Error);
      },
    );
  });
}

/**
 * Refuses a URL with userinfo: fetch would throw a `TypeError` for it (once per retry), and a
 * password in a URL travels into logs and error messages. The error names the URL without it.
 */
function refuseCredentials(url: URL): URL {
  if (url.username === '' && url.password === '') return url;
  const shown = new URL(url.href);
  shown.username = '';
  shown.password = '';
  throw new HydraError('credentials_in_url', `Refusing ${shown.href}: it carries credentials (user:password@); give them as \`token\` or \`headers\`.`, { url: shown.href });
}
