/**
 * `EntryPoint`: where a client starts (`GET /`, the API documentation's `hydra:entrypoint`).
 *
 * @module
 */
import { t, type DefType } from '@hyperld/core';
import { v } from './namespace.js';

const entryPoint = v.type('EntryPoint', {
  description: 'Where a client starts: the top-level collections. Each account links its own conversations and contacts.',
  properties: {
    accounts: t.link('AccountCollection').describe('The accounts of the requesting user, paged.'),
  },
});

/**
 * The type of {@link EntryPoint}, by name.
 *
 * @example
 * ```ts
 * import type { NodeOf } from '@hyperld/core';
 * import type { EntryPointDef } from '@hyperld/textus';
 * type Start = NodeOf<EntryPointDef>; // the same as NodeOf<typeof EntryPoint>
 * ```
 */
export interface EntryPointDef extends DefType<typeof entryPoint> {}
/**
 * `EntryPoint`: the resource at `/` for JSON-LD clients, linking the user's accounts (each of
 * which links its conversations and contacts).
 *
 * @example
 * ```ts
 * import type { NodeOf } from '@hyperld/core';
 * import { EntryPoint } from '@hyperld/textus';
 * const start: NodeOf<typeof EntryPoint> = { '@type': 'EntryPoint', '@context': '/contexts/EntryPoint.jsonld', id: '/', accounts: '/accounts' };
 * ```
 */
export const EntryPoint: EntryPointDef = entryPoint;
