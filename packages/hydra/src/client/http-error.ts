/**
 * The error of an error answer: status, the response, and the Hydra error / problem body when
 * there is one.
 *
 * @module
 */
import { HydraError, type Problem } from '../errors.js';

/**
 * An error answer from the server: status, the response, and the Hydra error / problem body
 * when there is one. A `401` has code `unauthorized` and carries the `WWW-Authenticate` challenge.
 *
 * @example
 * ```ts
 * import { isHttpError } from '@hyperld/hydra/client';
 * declare const error: unknown;
 * if (isHttpError(error) && error.status === 404) console.log(error.problem?.detail);
 * ```
 */
export class HttpError extends HydraError {
  static override readonly errorName: string = 'HttpError';
  /** The HTTP status. */
  readonly status: number;
  /** The response (its body already read into `problem`). */
  readonly response: Response;
  /** The parsed Hydra error / RFC 7807 problem, when the body is one. */
  readonly problem: Problem | undefined;
  /** The `WWW-Authenticate` challenge of a 401. */
  readonly challenge: string | undefined;

  /**
   * @param response - the response.
   * @param problem - its parsed problem body.
   * @param url - the URL requested.
   */
  constructor(response: Response, problem: Problem | undefined, url: string) {
    const status = response.status;
    super(
      status === 401 ? 'unauthorized' : 'http_error',
      `${status} ${problem?.title ?? response.statusText} for ${url}${problem?.detail ? `: ${problem.detail}` : ''}`,
      { url },
    );
    this.status = status;
    this.response = response;
    this.problem = problem;
    this.challenge = response.headers.get('www-authenticate') ?? undefined;
  }
}

/**
 * Tells whether a value is an {@link HttpError}, also across duplicate installs; the same as
 * `HttpError.is(value)`.
 *
 * @param value - anything caught.
 * @returns whether it is an HTTP error.
 * @example
 * ```ts
 * import { isHttpError } from '@hyperld/hydra/client';
 * isHttpError(new Error('x')); // false
 * ```
 */
export function isHttpError(value: unknown): value is HttpError {
  return HttpError.is(value);
}
