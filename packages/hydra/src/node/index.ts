/**
 * `@hyperld/hydra/node`: a `fetch` for the client on Node, on undici's `request` (an optional
 * peer dependency: install `undici` to use it). It goes in the client's `fetch` option; the
 * client's credentials, redirect, deadline and size rules stay as they are. Browsers keep the
 * platform's `fetch`.
 *
 * @example
 * ```ts
 * import { createClient } from '@hyperld/hydra/client';
 * import { hydraRegistry } from '@hyperld/hydra';
 * import { nodeFetch } from '@hyperld/hydra/node';
 * const client = createClient({ baseUrl: 'https://api.example.com/', registry: hydraRegistry, fetch: nodeFetch() });
 * ```
 *
 * @module
 */
export { nodeFetch } from './node-fetch.js';
export type { NodeFetchOptions } from './node-fetch.js';
