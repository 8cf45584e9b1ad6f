/**
 * `hydra:ApiDocumentation` as a `@hyperld/core` type. One module per Hydra type (see `../vocabulary.ts`), so
 * that a bundle carries only the types it decodes and those they embed.
 *
 * @module
 */
import { t, type DefType } from '@hyperld/core';
import { HydraClass } from './class.js';
import { hydra } from './hydra.js';

// Pure (an IIFE the bundler may drop): a bundle that decodes no node of this type carries none of it.
const apiDocumentation = /* @__PURE__ */ (() =>
  hydra.type('hydra:ApiDocumentation', {
    description: 'The documentation of an API: its entry point and the classes it uses.',
    properties: {
      title: t.string().optional().mapTo('hydra:title').describe('The API name.'),
      description: t.string().optional().mapTo('hydra:description').describe('What the API does.'),
      entrypoint: t.link().optional().mapTo('hydra:entrypoint').describe('Where a client starts.'),
      supportedClass: t.list(t.node(HydraClass)).mapTo('hydra:supportedClass').describe('The classes the API uses.'),
    },
  }))();

/**
 * The type of {@link ApiDocumentation}, by name: declarations that embed or extend it refer to
 * `ApiDocumentationDef` instead of spelling out its properties again.
 *
 * @example
 * ```ts
 * import type { NodeOf } from '@hyperld/core';
 * import type { ApiDocumentationDef } from '@hyperld/hydra';
 * type ApiDocumentationNode = NodeOf<ApiDocumentationDef>; // the same as NodeOf<typeof ApiDocumentation>
 * ```
 */
export interface ApiDocumentationDef extends DefType<typeof apiDocumentation> {}
/**
 * `hydra:ApiDocumentation`: what an API offers (its entry point and classes).
 *
 * @example
 * ```ts
 * import type { NodeOf } from '@hyperld/core';
 * import { ApiDocumentation } from '@hyperld/hydra';
 * const doc: NodeOf<typeof ApiDocumentation> = { '@type': 'hydra:ApiDocumentation', id: '/docs.jsonld', entrypoint: '/', supportedClass: [] };
 * ```
 */
export const ApiDocumentation: ApiDocumentationDef = apiDocumentation;
