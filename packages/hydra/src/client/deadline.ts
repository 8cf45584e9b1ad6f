/**
 * One deadline per call: every attempt, redirect, wait before a retry and body read of a call
 * shares it, so that `timeout` bounds the call as a whole.
 *
 * @module
 */
import { HydraError } from '../errors.js';

/**
 * One call's time budget.
 *
 * @internal
 * @example
 * ```ts
 * import { budgetOf, type Budget } from './deadline.js';
 * const budget: Budget = budgetOf(30_000, undefined);
 * ```
 */
export interface Budget {
  /** Aborts when the caller's signal does or when the deadline passes; given to every fetch. */
  readonly signal: AbortSignal;
  /** The caller's own signal, to tell an abort from a timeout. */
  readonly user: AbortSignal | undefined;
  /** When the call must be over, on the `performance.now()` clock. */
  readonly deadline: number;
  /** The timeout it was made with, for messages. */
  readonly timeout: number;
}

/**
 * Starts a call's budget.
 *
 * @internal
 * @param timeout - the call's deadline, in milliseconds from now.
 * @param user - the caller's signal, if any.
 * @returns the budget.
 * @example
 * ```ts
 * import { budgetOf } from './deadline.js';
 * const budget = budgetOf(5000, AbortSignal.timeout(60_000));
 * budget.signal.aborted; // false, for 5 s at most
 * ```
 */
export function budgetOf(timeout: number, user: AbortSignal | undefined): Budget {
  const timer = AbortSignal.timeout(timeout);
  return { signal: user ? AbortSignal.any([user, timer]) : timer, user, deadline: performance.now() + timeout, timeout };
}

/**
 * The typed error for a call its budget stopped: `aborted` by the caller's signal, or a
 * `network_error` for the deadline.
 *
 * @internal
 * @param budget - the call's budget.
 * @param url - the URL the call was at.
 * @returns the error, or `undefined` when the budget did not stop the call.
 * @example
 * ```ts
 * import { budgetOf, stopped } from './deadline.js';
 * stopped(budgetOf(5000, undefined), 'https://api.example/'); // undefined: not stopped
 * ```
 */
export function stopped(budget: Budget, url: string): HydraError | undefined {
  if (budget.user?.aborted) return new HydraError('aborted', `Request to ${url} was aborted.`, { url, cause: budget.user.reason });
  if (budget.signal.aborted) return new HydraError('network_error', `Request to ${url} timed out after ${budget.timeout} ms.`, { url, cause: budget.signal.reason });
  return undefined;
}
