/**
 * Encoded answers as they leave the handler: a `Response` whose body is the bytes (its `fetch`),
 * or the wire form, status, header fields and bytes without a `Response` in between (its `wire`,
 * which the `node:http` adapter writes straight to the socket).
 *
 * @module
 */
import type { Decided } from './encode.js';
import type { HydraHandler } from './handler.js';

/**
 * An answer in wire form: what an adapter writes, without a `Response` in between. The
 * `wire` of a {@link HydraHandler} gives its encoded answers so (a `Response`'s body stream costs
 * more than the rest of a cached answer).
 *
 * @example
 * ```ts
 * import type { WireAnswer } from '@hyperld/hydra/server';
 * const notModified: WireAnswer = { status: 304, headers: { etag: '"5d41402abc4b2a76b9719d911017c592"' }, body: null };
 * ```
 */
export interface WireAnswer {
  /** The status. */
  readonly status: number;
  /** The header fields as the answer's `Response` would list them (`Set-Cookie` as a list). */
  readonly headers: Readonly<Record<string, string | readonly string[]>>;
  /** The body (not to be modified), `null` for none. */
  readonly body: Uint8Array | null;
}

/**
 * A response whose body is `bytes`. The stream copies them only when someone reads it:
 * `new Response(bytes)` copies the bytes at once and costs several times more, and a reader
 * never gets a cached buffer.
 */
function bytesResponse(bytes: Uint8Array, status: number, headers: Readonly<Record<string, string>>): Response {
  // highWaterMark 0: a stream pulls once at construction otherwise, copying the bytes unread.
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        controller.enqueue(bytes.slice());
        controller.close();
      },
    },
    { highWaterMark: 0 },
  );
  return new Response(body, { status, headers });
}

/**
 * A decided answer as a `Response`.
 *
 * @internal
 * @param decided - the answer as the request gets it.
 * @returns the response.
 * @example
 * ```ts
 * import { decide, Encoded } from './encode.js';
 * import { toResponse } from './wire.js';
 * const response = toResponse(decide(new Request('http://localhost/'), new Encoded(204, {}, null))); // 204, no body
 * ```
 */
export function toResponse({ encoded, status, body }: Decided): Response {
  return body === null ? new Response(null, { status, headers: encoded.headers }) : bytesResponse(body, status, encoded.headers);
}

/**
 * A decided answer in wire form.
 *
 * @internal
 * @param decided - the answer as the request gets it.
 * @returns status, header fields (made once per encoded answer) and body.
 * @example
 * ```ts
 * import { decide, Encoded } from './encode.js';
 * import { toWire } from './wire.js';
 * toWire(decide(new Request('http://localhost/'), new Encoded(204, { vary: 'Accept' }, null))); // { status: 204, headers: { vary: 'Accept' }, body: null }
 * ```
 */
export function toWire({ encoded, status, body }: Decided): WireAnswer {
  return { status, headers: encoded.wireHeaders(), body };
}
