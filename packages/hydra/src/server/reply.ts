/**
 * What a route answers: a node, a {@link Reply} with a status and header fields, a `Response`, or
 * `undefined` (404); or it throws an {@link HttpProblem}.
 *
 * @module
 */
import type { Violation } from '@hyperld/core';
import { HydraError } from '../errors.js';

declare const replyBrand: unique symbol;

/**
 * A handler's answer with a status and headers other than `200` and the defaults.
 *
 * @example
 * ```ts
 * import { reply } from '@hyperld/hydra/server';
 * const accepted = reply(null, { status: 202 });
 * ```
 */
export interface Reply {
  /** @internal */
  readonly [replyBrand]: true;
  /** The node to encode, or `null` for no body. */
  readonly body: object | null;
  /** The status. */
  readonly status: number;
  /** Extra headers. */
  readonly headers: Readonly<Record<string, string>>;
}

const REPLY = Symbol.for('@hyperld/hydra/reply');

/**
 * Makes a {@link Reply}.
 *
 * @param body - the node to send, or `null`.
 * @param options - status and extra headers.
 * @returns the reply.
 * @example
 * ```ts
 * import { reply } from '@hyperld/hydra/server';
 * reply({ '@type': 'Thing', id: '/things/1' }, { status: 201, headers: { location: '/things/1' } });
 * ```
 */
export function reply(body: object | null, options: { readonly status?: number; readonly headers?: Readonly<Record<string, string>> } = {}): Reply {
  return { [REPLY]: true, body, status: options.status ?? 200, headers: options.headers ?? {} } as unknown as Reply;
}

/**
 * Tells a {@link Reply} from a node a handler returned.
 *
 * @internal
 * @param value - what a handler returned.
 * @returns whether it is a reply.
 * @example
 * ```ts
 * import { isReply, reply } from './reply.js';
 * isReply(reply(null, { status: 204 })); // true
 * isReply({ '@type': 'Thing' }); // false
 * ```
 */
export function isReply(value: unknown): value is Reply {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[REPLY] === true;
}

/**
 * An error a handler throws to answer with a status and a problem body: a {@link HydraError}
 * with the code `http_error`, so that `HttpProblem.is` (and `HydraError.is`, `HyperldError.is`)
 * recognise it across duplicate installs, where `instanceof` does not.
 *
 * @example
 * ```ts
 * import { HttpProblem } from '@hyperld/hydra/server';
 * const problem = new HttpProblem(404, 'Not Found', 'No conversation /conversations/x.');
 * console.log(HttpProblem.is(problem), problem.code, problem.status); // true 'http_error' 404
 * ```
 */
export class HttpProblem extends HydraError {
  static override readonly errorName: string = 'HttpProblem';
  /**
   * @param status - the HTTP status.
   * @param title - a short summary.
   * @param detail - what happened (never internal details).
   * @param options - violations and extra headers.
   */
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly options: { readonly violations?: readonly Violation[]; readonly headers?: Readonly<Record<string, string>> } = {},
  ) {
    super('http_error', detail ?? title);
  }
}

/**
 * What a handler may return: a node (200), a {@link Reply}, a `Response`, or `undefined` (404).
 *
 * @example
 * ```ts
 * import { reply, type HandlerResult } from '@hyperld/hydra/server';
 * const created = (id: string): HandlerResult => reply({ '@type': 'Thing', id }, { status: 201, headers: { location: id } });
 * const missing: HandlerResult = undefined; // answers 404
 * ```
 */
export type HandlerResult = object | Reply | Response | undefined;
