/**
 * Errors of `@hyperld/hydra`: one class of core's error family, a `code` from a documented map.
 * (The Hydra error / RFC 7807 problem bodies that servers send and clients read are `problem.ts`.)
 *
 * @module
 */
import { HyperldError } from '@hyperld/core';

/**
 * Every error code raised by `@hyperld/hydra`, with what it means.
 *
 * @example
 * ```ts
 * import { HydraErrorCodes } from '@hyperld/hydra';
 * console.log(HydraErrorCodes.page_loop);
 * ```
 */
export const HydraErrorCodes = {
  page_loop: 'A page links (as `next`) to a page already visited.',
  page_failed: 'Fetching or decoding a page failed; `url` names the page.',
  too_many_pages: 'Paging reached its cap (`maxPages`, default 1000) with a further page still linked: a server that keeps minting new `next` URLs is not paged forever.',
  no_page_link: 'Paging was asked to start from `first` or `last`, and the view does not link that page.',
  no_template:
    'The collection has no `hydra:search` IriTemplate to expand (for `page`: none with a `hydra:pageIndex` mapping, in the collection, its search or its view).',
  aborted: 'The operation was aborted through its AbortSignal.',
  action_unavailable: 'The action exists but is unavailable now (its link is null).',
  action_not_offered: 'The node does not offer the action (its property is absent).',
  unknown_action: 'The node type declares no such action.',
  no_registry:
    'A reader needs the registry of a node that carries none (a node embedded in a decoded document, or one not decoded): pass `{ registry }`, or read through `hydraReader(registry)` or `client.actions(node)`.',
  invalid_template: 'An IRI template is malformed.',
  missing_variable: 'A required IRI template variable has no value.',
  http_error: 'The server answered with an error status (an `HttpError`), or a handler answers with one (an `HttpProblem`).',
  unauthorized: 'The server answered 401: credentials are missing or wrong.',
  unsafe_link: 'A link or action URL uses a scheme other than http(s), or leaves the trusted origin when refused.',
  credentials_in_url: 'A base URL, link, redirect or action URL carries `user:password@` credentials; it is refused before any request (pass credentials with `token` or `headers`).',
  network_error: 'The request failed before an answer arrived (or timed out).',
  decode_failed: 'The answer is not a valid document of the expected type.',
  invalid_utf8: 'A request body is not valid UTF-8: the server answers 400 listing this code, rather than reading U+FFFD for the bad bytes.',
  unknown_context:
    'A context URL is neither built in, registered nor trusted by the client\'s `contexts` policy (the message names the URL and the policy); no request is made for it.',
  context_failed:
    'Loading a trusted remote context failed (an error status, the network, its size or time limit, or more documents at once than `contextLimits.maxDocuments`); `url` names the context.',
  invalid_context:
    'A trusted remote context is not a context document (a JSON object with an `@context` member of URLs, objects or null), includes itself, or nests deeper than `contextLimits.maxDepth`; `url` names it.',
  invalid_option: 'A client option is invalid, such as an origin of `contexts` that is not an http(s) origin.',
} as const;

/**
 * A code from {@link HydraErrorCodes}.
 *
 * @example
 * ```ts
 * import { HydraErrorCodes, type HydraErrorCode } from '@hyperld/hydra';
 * const code: HydraErrorCode = 'action_unavailable';
 * console.log(HydraErrorCodes[code]); // 'The action exists but is unavailable now (its link is null).'
 * ```
 */
export type HydraErrorCode = keyof typeof HydraErrorCodes;

/**
 * The error class of `@hyperld/hydra`: a {@link HyperldError} whose codes are
 * {@link HydraErrorCodes}, with the URL concerned. `HydraError.is` (and `HyperldError.is`)
 * recognise it, and its subclasses (`HttpError`, `HttpProblem`), across duplicate installs.
 *
 * @example
 * ```ts
 * import { HyperldError } from '@hyperld/core';
 * import { HydraError } from '@hyperld/hydra';
 * const error = new HydraError('page_loop', 'Page /c?cursor=2 was already visited.', { url: '/c?cursor=2' });
 * console.log(HydraError.is(error), HyperldError.is(error)); // true true
 * ```
 */
export class HydraError extends HyperldError<HydraErrorCode> {
  static override readonly errorName: string = 'HydraError';
  /** The URL concerned, when there is one (the failing page, the refused link). */
  readonly url: string | undefined;

  /**
   * @param code - what went wrong.
   * @param message - a sentence for people.
   * @param options - the URL concerned and the underlying cause.
   */
  constructor(code: HydraErrorCode, message: string, options?: { url?: string; cause?: unknown }) {
    super(code, message, options?.cause !== undefined ? { cause: options.cause } : undefined);
    this.url = options?.url;
  }
}

/**
 * Tells whether a value is a {@link HydraError} (or a subclass), also across duplicate installs;
 * the same as `HydraError.is(value)`.
 *
 * @param value - anything caught.
 * @returns whether it is a hydra error.
 * @example
 * ```ts
 * import { isHydraError } from '@hyperld/hydra';
 * isHydraError(new Error('x')); // false
 * ```
 */
export function isHydraError(value: unknown): value is HydraError {
  return HydraError.is(value);
}
