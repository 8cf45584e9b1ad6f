/**
 * `hydra:Operation` as a `@hyperld/core` type. One module per Hydra type (see `../vocabulary.ts`), so
 * that a bundle carries only the types it decodes and those they embed.
 *
 * @module
 */
import { t, type DefType } from '@hyperld/core';
import { Status } from './status.js';
import { hydra, optionalId } from './hydra.js';

// Pure (an IIFE the bundler may drop): a bundle that decodes no node of this type carries none of it.
const operation = /* @__PURE__ */ (() =>
  hydra.type('hydra:Operation', {
    description: 'A request a client may make on a resource.',
    properties: {
      id: optionalId,
      method: t.string().mapTo('hydra:method').describe('The HTTP method.'),
      title: t.string().optional().mapTo('hydra:title').describe('A short title, often the action name.'),
      description: t.string().optional().mapTo('hydra:description').describe('What the operation does.'),
      target: t.link().optional().mapTo('hydra:target').describe('The IRI the request goes to, when not the resource itself.'),
      expects: t.link().nullable().optional().mapTo('hydra:expects').describe('The class of the request body.'),
      returns: t.link().nullable().optional().mapTo('hydra:returns').describe('The class of the response body.'),
      possibleStatus: t.list(t.node(Status)).optional().mapTo('hydra:possibleStatus').describe('Statuses the operation may answer with.'),
    },
  }))();

/**
 * The type of {@link Operation}, by name: declarations that embed or extend it refer to
 * `OperationDef` instead of spelling out its properties again.
 *
 * @example
 * ```ts
 * import type { NodeOf } from '@hyperld/core';
 * import type { OperationDef } from '@hyperld/hydra';
 * type OperationNode = NodeOf<OperationDef>; // the same as NodeOf<typeof Operation>
 * ```
 */
export interface OperationDef extends DefType<typeof operation> {}
/**
 * `hydra:Operation`: a request a client may make (method, expected body, returned type).
 *
 * @example
 * ```ts
 * import type { NodeOf } from '@hyperld/core';
 * import { Operation } from '@hyperld/hydra';
 * const close: NodeOf<typeof Operation> = { '@type': 'hydra:Operation', method: 'PUT', title: 'closeConversation' };
 * ```
 */
export const Operation: OperationDef = operation;
