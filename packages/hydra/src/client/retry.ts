/**
 * Retries: idempotent requests are sent again after a network error, a 429 or a 503, with
 * exponential backoff (or the server's `Retry-After`), all within the call's deadline.
 *
 * @module
 */
import { HydraError } from '../errors.js';
import { stopped, type Budget } from './deadline.js';
import type { Exchanged, Transport } from './transport.js';

/**
 * How a client retries.
 *
 * @internal
 * @example
 * ```ts
 * import type { RetryPolicy } from './retry.js';
 * const policy: RetryPolicy = { retries: 2, delay: 200 };
 * ```
 */
export interface RetryPolicy {
  /** Retries of idempotent requests (0 disables). */
  readonly retries: number;
  /** The first backoff delay in milliseconds (doubled each time, with jitter, at most 10 s). */
  readonly delay: number;
}

const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/**
 * Sends with retries of idempotent methods, all within the call's budget. A wait (Retry-After
 * or backoff) that would end past the deadline is not begun: the call ends at once with what
 * the last attempt gave, the 429/503 answer (so an `HttpError`) or the `network_error`.
 *
 * @internal
 * @param transport - sends each attempt.
 * @param policy - retries and backoff.
 * @param method - the method (only idempotent ones are retried).
 * @param url - the URL.
 * @param body - the body text, if any.
 * @param extra - extra header fields.
 * @param budget - the call's budget.
 * @param guard - decides which URLs each attempt may request, redirects included (see `Transport.exchange`).
 * @returns the last answer.
 * @throws HydraError `network_error` when the last attempt got no answer, `aborted` or the
 * timeout's `network_error` when the budget stopped the call, or the transport's own errors.
 * @example
 * ```ts
 * import { budgetOf } from './deadline.js';
 * import { sendWithRetries } from './retry.js';
 * import { Transport } from './transport.js';
 * const transport = new Transport({ baseUrl: 'https://api.example/' });
 * const { response } = await sendWithRetries(transport, { retries: 2, delay: 200 }, 'GET', transport.resolve('/things'), undefined, {}, budgetOf(30_000, undefined));
 * ```
 */
export async function sendWithRetries(
  transport: Transport,
  policy: RetryPolicy,
  method: string,
  url: URL,
  body: string | undefined,
  extra: Record<string, string>,
  budget: Budget,
  guard?: (url: URL) => void,
): Promise<Exchanged> {
  const retries = IDEMPOTENT.has(method) ? policy.retries : 0;
  for (let attempt = 0; ; attempt++) {
    let result: Exchanged | undefined;
    let failure: unknown;
    try {
      result = await transport.exchange(method, url, body, extra, budget.signal, guard);
    } catch (error) {
      if (HydraError.is(error)) throw error;
      const stop = stopped(budget, url.href);
      if (stop) throw stop;
      failure = error;
    }
    const status = result?.response.status;
    const retryable = failure !== undefined || status === 429 || status === 503;
    const hinted = result ? retryAfter(result.response) : undefined;
    const backoff = Math.min(10_000, policy.delay * 2 ** attempt) * (0.5 + Math.random() / 2);
    const wait = Math.min(hinted ?? backoff, 60_000);
    if (!retryable || attempt >= retries || performance.now() + wait >= budget.deadline) {
      if (failure !== undefined) {
        throw new HydraError('network_error', `Request to ${url.href} failed: ${failure instanceof Error ? failure.message : String(failure)}`, { url: url.href, cause: failure });
      }
      return result as Exchanged;
    }
    await result?.response.body?.cancel().catch(() => undefined);
    try {
      await sleep(wait, budget.signal);
    } catch (error) {
      // Stopped while waiting to retry: the same error as a stop in flight, not the raw reason.
      throw stopped(budget, url.href) ?? error;
    }
  }
}

/** The wait a `Retry-After` asks for, in milliseconds (seconds or an HTTP date), if any. */
function retryAfter(response: Response): number | undefined {
  const header = response.headers.get('retry-after');
  if (header === null) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}
