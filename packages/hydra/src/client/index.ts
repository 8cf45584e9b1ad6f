/**
 * `@hyperld/hydra/client`: navigate a hypermedia API by its links alone — typed `get`, typed
 * `follow`, `members` across pages, `invoke` of available actions — with credentials kept to the
 * API's origin, remote contexts only as the `contexts` policy trusts them, conditional GETs and
 * retries.
 *
 * @example
 * ```ts
 * import { createClient } from '@hyperld/hydra/client';
 * import { hydraRegistry } from '@hyperld/hydra';
 * const client = createClient({ baseUrl: 'https://api.example.com/', registry: hydraRegistry, token: 'secret' });
 * const page = await client.get('/things');
 * ```
 *
 * @module
 */
export { createClient } from './client.js';
export type { Client, ClientOptions, FollowableKey, Followed, Operation, PageRequestOptions, RequestOptions, SearchRequestOptions } from './client.js';
export type { EtagCacheLimits } from './etag-cache.js';
export type { ContextPolicy } from './context-policy.js';
export type { ContextDocumentLoader, ContextLimits } from './context-store.js';
export { HttpError, isHttpError } from './http-error.js';
export { hasRel, parseLinkHeader } from './link-header.js';
export type { HeaderLink } from './link-header.js';
