/**
 * The error of an error answer: status, the response, and the Hydra error / problem body when
 * there is one.
 *
 * @module
 */
import { HydraError } from '../errors.js';
import type { Problem, PropertyViolation } from '../problem.js';

/**
 * An error answer from the server: status, the response, and the Hydra error / problem body
 * when there is one, and the violations it lists in whichever shape its server writes them (API
 * Platform's `ConstraintViolationList`, a `hydra:Error`, `application/problem+json`, hyperld's
 * own). A `401` has code `unauthorized` and carries the `WWW-Authenticate` challenge.
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
   * The violations the body lists (`propertyPath`, `message`, `code`), in whichever shape its
   * server wrote them; empty when it lists none. (`problem.violations` keeps only hyperld's own
   * `{ path, code, expected, found }`.)
   */
  readonly violations: readonly PropertyViolation[];

  /**
   * @param response - the response.
   * @param problem - its parsed problem body.
   * @param url - the URL requested.
   * @param violations - the violations the body lists (`readViolations`); by default those of `problem`.
   */
  constructor(response: Response, problem: Problem | undefined, url: string, violations?: readonly PropertyViolation[]) {
    const status = response.status;
    const listed = violations ?? (problem?.violations ?? []).map((v) => ({ propertyPath: v.path, message: `expected ${v.expected}, found ${v.found}`, code: v.code }));
    super(status === 401 ? 'unauthorized' : 'http_error', messageOf(status, problem?.title ?? response.statusText, url, problem?.detail, listed), { url });
    this.status = status;
    this.response = response;
    this.problem = problem;
    this.challenge = response.headers.get('www-authenticate') ?? undefined;
    this.violations = listed;
  }
}

/** How many violations the message names before "and N more". */
const NAMED_VIOLATIONS = 3;

/**
 * The message: status, title, URL, the detail, and the first violations unless the detail
 * already says them (API Platform's `detail` is `path: message` for each violation, one per line).
 */
function messageOf(status: number, title: string, url: string, detail: string | undefined, violations: readonly PropertyViolation[]): string {
  let message = `${status} ${title} for ${url}${detail ? `: ${detail}` : ''}`;
  const named = violations.slice(0, NAMED_VIOLATIONS).map((v) => (v.propertyPath === '' ? v.message : `${v.propertyPath}: ${v.message}`));
  if (named.length > 0 && !named.every((text) => detail?.includes(text))) {
    const more = violations.length - named.length;
    message += ` (${named.join('; ')}${more > 0 ? `; and ${more} more` : ''})`;
  }
  return message;
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
