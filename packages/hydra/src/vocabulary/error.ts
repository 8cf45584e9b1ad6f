/**
 * `hydra:Error` as a `@hyperld/core` type. One module per Hydra type (see `../vocabulary.ts`), so
 * that a bundle carries only the types it decodes and those they embed.
 *
 * @module
 */
import { t, type DefType } from '@hyperld/core';
import { HYDRA_ERROR_CONTEXT } from '../contexts/hydra-error-context.js';
import { hydra, optionalId, VIOLATIONS_IRI } from './hydra.js';

const RDFS = 'http://www.w3.org/2000/01/rdf-schema#';
// Pure (an IIFE the bundler may drop): a bundle that decodes no node of this type carries none of it.
const hydraErrorType = /* @__PURE__ */ (() =>
  hydra.type('hydra:Error', {
    description: 'An error answer: a Hydra error that is also an RFC 7807 problem.',
    // The RFC 7807 members mean what Hydra's error context says (`title` is `rdfs:label` there);
    // error bodies add Hydra's `description` and `statusCode`, and hyperld's `violations`, inline.
    context: HYDRA_ERROR_CONTEXT,
    properties: {
      id: optionalId,
      title: t.string().optional().mapTo(`${RDFS}label`).describe('A short, human-readable summary of the problem type.'),
      description: t.string().optional().mapTo('hydra:description').describe('Hydra: what happened.'),
      statusCode: t.integer().optional().mapTo('hydra:statusCode').describe('Hydra: the HTTP status code.'),
      type: t.string().optional().mapTo('http://www.w3.org/1999/02/22-rdf-syntax-ns#type').describe('RFC 7807: a URI reference that identifies the problem type.'),
      status: t.integer().optional().mapTo('hydra:statusCode').describe('RFC 7807: the HTTP status code.'),
      detail: t.string().optional().mapTo(`${RDFS}comment`).describe('RFC 7807: what happened in this occurrence.'),
      instance: t.string().optional().mapTo(`${RDFS}seeAlso`).describe('RFC 7807: the URI of this occurrence.'),
      violations: t.list(t.json()).optional().mapTo(VIOLATIONS_IRI).describe('Each violation: `{ path, code, expected, found, message }`.'),
    },
  }))();

export interface HydraErrorTypeDef extends DefType<typeof hydraErrorType> {}
/**
 * `hydra:Error`, also readable as an RFC 7807 problem: status, title, detail and the list of
 * violations that made a request invalid.
 *
 * @example
 * ```ts
 * import type { NodeOf } from '@hyperld/core';
 * import { HydraErrorType } from '@hyperld/hydra';
 * const e: NodeOf<typeof HydraErrorType> = { '@type': 'hydra:Error', title: 'Not Found', status: 404, statusCode: 404, detail: 'No such conversation.' };
 * ```
 */
export const HydraErrorType: HydraErrorTypeDef = hydraErrorType;
