/**
 * The namespaces every generated context defines: Hydra's and XML Schema's, and the prefixes that
 * name them.
 *
 * @module
 */

/**
 * The Hydra core vocabulary IRI.
 *
 * @example
 * ```ts
 * import { HYDRA } from '@hyperld/core';
 * const member = `${HYDRA}member`; // 'http://www.w3.org/ns/hydra/core#member'
 * ```
 */
export const HYDRA = 'http://www.w3.org/ns/hydra/core#';
/**
 * The XML Schema datatypes IRI.
 *
 * @example
 * ```ts
 * import { XSD } from '@hyperld/core';
 * const dateTime = `${XSD}dateTime`; // 'http://www.w3.org/2001/XMLSchema#dateTime'
 * ```
 */
export const XSD = 'http://www.w3.org/2001/XMLSchema#';

/**
 * Prefixes every generated context defines.
 *
 * @example
 * ```ts
 * import { STANDARD_PREFIXES } from '@hyperld/core';
 * Object.keys(STANDARD_PREFIXES); // ['hydra', 'xsd']
 * ```
 */
export const STANDARD_PREFIXES: Readonly<Record<string, string>> = { hydra: HYDRA, xsd: XSD };
