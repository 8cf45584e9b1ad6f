/**
 * Reading answers within the client's limits: an answer to decode up to `maxSize`, an error
 * answer up to a small bound for its problem, each as a stream cancelled as soon as the text
 * passes the limit, and each within the call's deadline.
 *
 * @module
 */
import { DecodeError } from '@hyperld/core';
import { HydraError } from '../errors.js';
import { readProblem, readViolations, type Problem, type PropertyViolation } from '../problem.js';
import { stopped, type Budget } from './deadline.js';
import { HttpError } from './http-error.js';

/**
 * The most of an error body read for its Hydra error / problem (UTF-16 code units, or `maxSize`
 * when smaller). A problem is a few hundred characters; past this the body is not one worth
 * reading, and the status alone makes the {@link HttpError}.
 */
const ERROR_BODY_LIMIT = 64 * 1024;

/**
 * The key of a method a `Response` may carry to read its own body within a limit, as
 * {@link readBounded} does (the text, or `undefined` past the limit): how the Node transport
 * (`@hyperld/hydra/node`) gives its body without a WHATWG stream. `Symbol.for`, so that a copy of
 * the package loaded twice still sees it.
 *
 * @internal
 */
export const READ_TEXT_WITHIN: unique symbol = Symbol.for('@hyperld/hydra.readTextWithin') as never;

/** A `Response` that reads its own body within a limit. */
interface ReadsWithin {
  readonly [READ_TEXT_WITHIN]?: (limit: number) => Promise<string | undefined>;
}

/** The most bytes decoded at once, so that one huge chunk from `fetch` cannot overshoot the limit by much. */
const SLICE = 64 * 1024;

/**
 * Reads an answer to decode: longer than `maxSize` is `decode_failed` with `max_size`, as
 * `decode` itself says.
 *
 * @internal
 * @param response - the answer.
 * @param url - the URL it came from, for errors.
 * @param budget - the call's budget (its signal still governs the body).
 * @param maxSize - the most UTF-16 code units read.
 * @returns the text.
 * @throws HydraError `decode_failed` past `maxSize`, `network_error` or `aborted` when the read fails.
 * @example
 * ```ts
 * import { budgetOf } from './deadline.js';
 * import { readAnswer } from './read-answer.js';
 * await readAnswer(new Response('{}'), 'https://api.example/', budgetOf(5000, undefined), 1024); // '{}'
 * ```
 */
export async function readAnswer(response: Response, url: string, budget: Budget, maxSize: number): Promise<string> {
  const text = await readText(response, url, budget, maxSize);
  if (text !== undefined) return text;
  const error = new DecodeError([{ code: 'max_size', path: '$', expected: `at most ${maxSize} characters (maxSize)`, found: 'more (the rest was not read)' }]);
  throw new HydraError('decode_failed', `The answer of ${url} does not decode: ${error.message}`, { url, cause: error });
}

/**
 * Throws the {@link HttpError} of an error answer, with its problem when the body is a short one.
 *
 * @internal
 * @param response - the error answer.
 * @param url - the URL it came from.
 * @param budget - the call's budget.
 * @param maxSize - the client's `maxSize` (the error body is read up to the smaller of it and 64 Ki).
 * @returns never.
 * @example
 * ```ts
 * import { budgetOf } from './deadline.js';
 * import { failWith } from './read-answer.js';
 * await failWith(new Response('{"title":"Gone","status":410}', { status: 410 }), 'https://api.example/x', budgetOf(5000, undefined), 1024).catch((e) => e.problem?.title); // 'Gone'
 * ```
 */
export async function failWith(response: Response, url: string, budget: Budget, maxSize: number): Promise<never> {
  const text = await readText(response, url, budget, Math.min(maxSize, ERROR_BODY_LIMIT));
  let problem: Problem | undefined;
  let violations: PropertyViolation[] = [];
  try {
    const body: unknown = text ? JSON.parse(text) : undefined;
    problem = readProblem(body);
    violations = readViolations(body);
  } catch {
    problem = undefined;
  }
  throw new HttpError(response, problem, url, violations);
}

/**
 * Reads a body, at most `limit` UTF-16 code units of it (see {@link readBounded}). The call's
 * signal (user abort, deadline) still governs the body, so a read can fail after the headers
 * came: that is the same failure as one before them.
 *
 * @returns the text, or `undefined` when it is longer than `limit` (the rest is not read).
 */
async function readText(response: Response, url: string, budget: Budget, limit: number): Promise<string | undefined> {
  try {
    return await readBounded(response, limit);
  } catch (error) {
    const stop = stopped(budget, url);
    if (stop) throw stop;
    throw new HydraError('network_error', `Reading the answer of ${url} failed: ${error instanceof Error ? error.message : String(error)}`, { url, cause: error });
  }
}

/**
 * Whether the whole body is known to be within `limit` before it is read: an answer whose
 * `Content-Length` (the framing of the body, which HTTP enforces) is at most `limit` bytes and
 * which is not content-coded. A UTF-8 byte gives at most one UTF-16 code unit, so its text is
 * within `limit` too, and `Response.text()` (one decode, no stream reader) may read it. Only where
 * every header field is visible and the framing is HTTP's (`basic` answers of `fetch`; a `Response` made
 * by hand, `default`, may say any length, and a cross-origin answer in a
 * browser may hide `Content-Encoding`, and then `Content-Length` counts the compressed bytes).
 */
function framedWithin(response: Response, limit: number): boolean {
  if (response.type !== 'basic') return false;
  const headers = response.headers;
  const length = headers.get('content-length');
  if (length === null || !/^\d{1,15}$/.test(length) || Number(length) > limit) return false;
  const coding = headers.get('content-encoding');
  return coding === null || coding.trim().toLowerCase() === 'identity';
}

/**
 * Reads a body as text, holding at most `limit` UTF-16 code units (the unit `maxSize` counts,
 * so the bound is the one `decode` would apply to the whole text). Bytes are decoded as they
 * come, and the body is cancelled as soon as the text passes the limit: however much a server
 * sends, the client holds no more than the limit (and, once, the joined copy of a text within it).
 *
 * @returns the text (decoded as `Response.text()` does), or `undefined` when it passed the limit.
 */
async function readBounded(response: Response, limit: number): Promise<string | undefined> {
  const own = (response as ReadsWithin)[READ_TEXT_WITHIN];
  if (typeof own === 'function') return own.call(response, limit);
  if (framedWithin(response, limit)) return response.text();
  const body = response.body;
  if (body === null) return '';
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let length = 0;
  const add = (part: string): boolean => {
    length += part.length;
    if (length > limit) return false;
    if (part !== '') parts.push(part);
    return true;
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return add(decoder.decode()) ? parts.join('') : undefined;
      for (let offset = 0; offset < value.byteLength; offset += SLICE) {
        if (!add(decoder.decode(value.subarray(offset, offset + SLICE), { stream: true }))) {
          await reader.cancel().catch(() => undefined);
          return undefined;
        }
      }
    }
  } finally {
    reader.releaseLock();
  }
}
