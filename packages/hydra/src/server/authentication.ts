/**
 * What `authenticate` may answer besides the principal alone: the principal with the data version
 * it was found at, for the response cache.
 *
 * @module
 */

declare const authenticatedBrand: unique symbol;

/**
 * A principal with the data version it was found at: what `authenticate` returns when finding the
 * principal already read the version, so that the response cache uses that version instead of
 * asking `responseCache.version` for it again.
 *
 * @typeParam A - the principal.
 * @example
 * ```ts
 * import { authenticated, type Authenticated } from '@hyperld/hydra/server';
 * const found: Authenticated<{ id: string }> = authenticated({ id: 'u1' }, { version: 42 });
 * ```
 */
export interface Authenticated<A> {
  /** @internal */
  readonly [authenticatedBrand]: true;
  /** The principal, as routes get it (`RouteContext.auth`). */
  readonly principal: A;
  /** The data version read while finding the principal (see `responseCache.version`). */
  readonly version: number | string;
}

const AUTHENTICATED = Symbol.for('@hyperld/hydra/authenticated');

/**
 * Makes an {@link Authenticated}: a principal and the data version read while finding it.
 *
 * @param principal - the principal.
 * @param options - the data version (a string or a finite number, as `responseCache.version` gives).
 * @returns what `authenticate` returns.
 * @example
 * ```ts
 * import { hydraRegistry } from '@hyperld/hydra';
 * import { authenticated, createHydraHandler } from '@hyperld/hydra/server';
 * let writes = 0; // bumped by every write of the application's data
 * const users = new Map([['secret', { id: 'u1' }]]);
 * const handler = createHydraHandler<{ id: string }>({
 *   registry: hydraRegistry,
 *   routes: [],
 *   authenticate: (request) => {
 *     const version = writes; // read once: it checks the token and keys the cache
 *     const user = users.get(request.headers.get('authorization')?.replace(/^Bearer /, '') ?? '');
 *     return user && authenticated(user, { version });
 *   },
 *   responseCache: { principal: (user) => user?.id },
 * });
 * ```
 */
export function authenticated<A>(principal: A, options: { readonly version: number | string }): Authenticated<A> {
  return { [AUTHENTICATED]: true, principal, version: options.version } as unknown as Authenticated<A>;
}

/**
 * Tells an {@link Authenticated} from a principal `authenticate` returned alone.
 *
 * @internal
 * @param value - what `authenticate` returned.
 * @returns whether it carries a version.
 * @example
 * ```ts
 * import { authenticated, isAuthenticated } from './authentication.js';
 * isAuthenticated(authenticated({ id: 'u1' }, { version: 1 })); // true
 * isAuthenticated({ id: 'u1' }); // false
 * ```
 */
export function isAuthenticated(value: unknown): value is Authenticated<unknown> {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[AUTHENTICATED] === true;
}
