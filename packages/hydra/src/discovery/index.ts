/**
 * `@hyperld/hydra/discovery`: what an API offers, found at run time — its Hydra API documentation
 * read into one model whatever JSON-LD spelling the server writes (API Platform 3.x and 4.x,
 * hydra-box and kopflos, hyperld's own), and the operations of a node listed from it together with
 * the node's declared actions and inline `hydra:operation`s.
 *
 * `createClient` loads this entry by `await import()` the first time it is asked for operations,
 * so an application that never asks does not download it; it is an entry of its own (not
 * re-exported by `@hyperld/hydra`) so that every bundler can leave it out of the first chunk.
 *
 * @example
 * ```ts
 * import { listOperations, readApiDocumentation } from '@hyperld/hydra/discovery';
 * declare const documentation: unknown;
 * declare const node: object;
 * const model = readApiDocumentation(documentation, { base: 'https://api.example.com/docs.jsonld' });
 * for (const op of listOperations(node, { apiDocumentation: model })) console.log(op.method, op.target);
 * ```
 *
 * @module
 */
export { readApiDocumentation } from '../api-doc-reader.js';
export type { ApiDocumentationModel, ClassModel, OperationModel, PropertyModel, ReadApiDocumentationOptions } from '../api-doc-reader.js';
export { listOperations } from '../operations.js';
export type { DiscoveredOperation, ListOperationsOptions } from '../operations.js';
