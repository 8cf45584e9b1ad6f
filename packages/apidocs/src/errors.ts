/**
 * The typed error of the reference generator.
 *
 * @module
 */

/**
 * Why a reference could not be built: `fetch_failed` (an answer was not a success, not JSON or
 * over the size limit), `example_failed` (an example did not decode: the page is not written
 * with an answer the client cannot read), `page_clash` (two pages would share a file).
 *
 * @example
 * ```ts
 * import { ApiDocsError } from '@hyperld/apidocs';
 * const error = new ApiDocsError('example_failed', 'the example of books does not decode', { endpoint: 'books' });
 * error.code; // 'example_failed'
 * ```
 */
export class ApiDocsError extends Error {
  override name = 'ApiDocsError';
  /** What went wrong, as a stable code. */
  readonly code: 'fetch_failed' | 'example_failed' | 'page_clash';
  /** The URL requested, when a request failed. */
  readonly url: string | undefined;
  /** The endpoint whose example failed. */
  readonly endpoint: string | undefined;

  /**
   * @param code - the stable code.
   * @param message - what went wrong, naming the URL or page.
   * @param details - the URL, the endpoint and the underlying error.
   */
  constructor(code: ApiDocsError['code'], message: string, details: { readonly url?: string; readonly endpoint?: string; readonly cause?: unknown } = {}) {
    super(message, details.cause !== undefined ? { cause: details.cause } : undefined);
    this.code = code;
    this.url = details.url;
    this.endpoint = details.endpoint;
  }
}
