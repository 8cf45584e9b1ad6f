/**
 * `@hyperld/hydra/server`: building blocks for hypermedia servers on Web-standard `Request` →
 * `Response` handlers — routes on IRI templates, content negotiation, served contexts and API
 * documentation, keyset cursors and page views, ETags, Hydra error bodies — and a `node:http`
 * adapter. Mount the same handler in Hono (`app.all('*', (c) => handler.fetch(c.req.raw))`) or
 * Express (`app.use(toNodeListener(handler))`).
 *
 * @example
 * ```ts
 * import { hydraRegistry } from '@hyperld/hydra';
 * import { createHydraHandler, serveNode } from '@hyperld/hydra/server';
 * const handler = createHydraHandler({ registry: hydraRegistry, routes: [] });
 * const { url, close } = await serveNode(handler, { port: 8080 });
 * ```
 *
 * @module
 */

// Handler
export { createHydraHandler } from './handler.js';
export type { CorsOptions, HydraHandler, HydraHandlerOptions } from './handler.js';
export type { WireAnswer } from './wire.js';
export type { Method, RouteContext, ServerRoute } from './routes.js';
export { HttpProblem, reply } from './reply.js';
export type { HandlerResult, Reply } from './reply.js';
export { authenticated } from './authentication.js';
export type { Authenticated } from './authentication.js';

// Negotiation
export { isAcceptedContentType, JSON_LD, JSON_MEDIA_TYPE, negotiate } from './negotiation.js';

// Paging
export { decodeCursor, encodeCursor, MAX_CURSOR_LENGTH, pageSize, pageView } from './cursor.js';

// node:http
export { serveNode, toNodeListener } from './node-http.js';
export type { NodeAdapterOptions } from './node-http.js';
export { searchTemplate, SearchTemplate } from './search.js';
export type { SearchNode, SearchValue, SearchValues, SearchVariable } from './search.js';
