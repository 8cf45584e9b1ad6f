/**
 * Which remote contexts a client may fetch: none (`'registered'`, the default), those on the API's
 * own origin (`'same-origin'`), or those on a list of origins. The policy is checked before every
 * request for a context, redirects included, so an untrusted URL is never fetched.
 *
 * @module
 */
import { HydraError } from '../errors.js';

/**
 * The `contexts` option of `createClient`: which remote context documents the client fetches.
 * `'registered'` fetches none (only the registry's documents and the built-in Hydra contexts
 * serve); `'same-origin'` fetches context URLs on the origin of `baseUrl`; a list of origins
 * (`'https://api.example.com'`) fetches context URLs on those origins only.
 *
 * @example
 * ```ts
 * import type { ContextPolicy } from '@hyperld/hydra/client';
 * const policy: ContextPolicy = ['https://api.example.com', 'https://schemas.example.com'];
 * ```
 */
export type ContextPolicy = 'registered' | 'same-origin' | readonly string[];

/**
 * A policy checked once: the set of trusted origins, and how to name the policy in messages.
 *
 * @internal
 * @example
 * ```ts
 * import { Trust } from './context-policy.js';
 * const trust = new Trust('same-origin', 'https://api.example.com');
 * trust.allows(new URL('https://api.example.com/contexts/Book')); // true
 * ```
 */
export class Trust {
  /** The origins whose context URLs may be fetched (empty for `'registered'`). */
  readonly origins: ReadonlySet<string>;
  /** The policy as the option said it, for error messages. */
  readonly described: string;

  /**
   * @param policy - the `contexts` option (default `'registered'`).
   * @param apiOrigin - the origin of `baseUrl`.
   * @throws HydraError `invalid_option` for a policy that is none of the three forms, or an
   * origin that is not an http(s) origin (`https://host[:port]`, no path, query or credentials).
   */
  constructor(policy: ContextPolicy | undefined, apiOrigin: string) {
    if (policy === undefined || policy === 'registered') {
      this.origins = new Set();
      this.described = "contexts: 'registered' (no remote context is fetched)";
    } else if (policy === 'same-origin') {
      this.origins = new Set([apiOrigin]);
      this.described = `contexts: 'same-origin' (${apiOrigin})`;
    } else if (Array.isArray(policy)) {
      this.origins = new Set(policy.map(originOf));
      this.described = `contexts: [${[...this.origins].join(', ')}]`;
    } else {
      throw new HydraError('invalid_option', `contexts must be 'registered', 'same-origin' or a list of origins, not ${JSON.stringify(policy)}.`);
    }
  }

  /**
   * @param url - an absolute URL.
   * @returns whether the policy lets the client fetch it.
   */
  allows(url: URL): boolean {
    return this.origins.has(url.origin);
  }
}

/** An origin as the option writes it, checked and normalised (`HTTPS://API.example.com:443/` → `https://api.example.com`). */
function originOf(value: unknown): string {
  const refuse = (why: string): never => {
    throw new HydraError('invalid_option', `contexts: ${JSON.stringify(value)} is not an origin (${why}); write it as https://host or https://host:port.`);
  };
  if (typeof value !== 'string') return refuse('not a string');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return refuse('not an absolute URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return refuse(`${url.protocol} is not http or https`);
  if (url.username !== '' || url.password !== '') return refuse('it carries credentials');
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || /[?#]/.test(value)) return refuse('it has a path, query or fragment');
  return url.origin;
}
