/**
 * What the Hydra types share: the vocabulary they are defined through, read and written under the
 * published Hydra contexts, and hyperld's IRI of the violations list in error bodies.
 *
 * @module
 */
import { HYDRA, t, vocabulary } from '@hyperld/core';
import { HYDRA_CONTEXT, HYDRA_CONTEXT_DOCUMENT } from '../contexts/hydra-context.js';
import { HYDRA_ERROR_CONTEXT, HYDRA_ERROR_CONTEXT_DOCUMENT } from '../contexts/hydra-error-context.js';

/**
 * The IRI of the list of violations hyperld adds to error bodies: a term of hyperld's own, not of
 * Hydra's namespace (which defines none), so that the body means only what its publishers say.
 *
 * @example
 * ```ts
 * import { VIOLATIONS_IRI } from '@hyperld/hydra';
 * VIOLATIONS_IRI; // 'https://github.com/hyperld/hyperld#violations'
 * ```
 */
export const VIOLATIONS_IRI = 'https://github.com/hyperld/hyperld#violations';

// The Hydra types are read and written under the published contexts (the project's copies), never
// under a generated one: hyperld does not own the W3C's URLs.
/** @internal */
export const hydra = /* @__PURE__ */ vocabulary({
  vocab: HYDRA,
  context: () => HYDRA_CONTEXT,
  contextDocuments: { [HYDRA_CONTEXT]: HYDRA_CONTEXT_DOCUMENT, [HYDRA_ERROR_CONTEXT]: HYDRA_ERROR_CONTEXT_DOCUMENT },
});
/** @internal */
export const optionalId = /* @__PURE__ */ t.id().optional();
