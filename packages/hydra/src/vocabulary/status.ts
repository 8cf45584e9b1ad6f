/**
 * `hydra:Status` as a `@hyperld/core` type. One module per Hydra type (see `../vocabulary.ts`), so
 * that a bundle carries only the types it decodes and those they embed.
 *
 * @module
 */
import { t, type DefType } from '@hyperld/core';
import { hydra, optionalId } from './hydra.js';

// Pure (an IIFE the bundler may drop): a bundle that decodes no node of this type carries none of it.
const status = /* @__PURE__ */ (() =>
  hydra.type('hydra:Status', {
    description: 'A status code an operation may answer with, and what it means.',
    properties: {
      id: optionalId,
      statusCode: t.integer().mapTo('hydra:statusCode').describe('The HTTP status code.'),
      title: t.string().optional().mapTo('hydra:title').describe('A short title.'),
      description: t.string().optional().mapTo('hydra:description').describe('What the status means here.'),
    },
  }))();

/**
 * The type of {@link Status}, by name: declarations that embed or extend it refer to
 * `StatusDef` instead of spelling out its properties again.
 *
 * @example
 * ```ts
 * import type { NodeOf } from '@hyperld/core';
 * import type { StatusDef } from '@hyperld/hydra';
 * type StatusNode = NodeOf<StatusDef>; // the same as NodeOf<typeof Status>
 * ```
 */
export interface StatusDef extends DefType<typeof status> {}
/**
 * `hydra:Status`: a status code an operation may answer with.
 *
 * @example
 * ```ts
 * import type { NodeOf } from '@hyperld/core';
 * import { Status } from '@hyperld/hydra';
 * const notFound: NodeOf<typeof Status> = { '@type': 'hydra:Status', statusCode: 404, title: 'Not Found' };
 * ```
 */
export const Status: StatusDef = status;
