/**
 * Encoded answers as adapters write them: a `Response` whose body is the bytes, or the wire form
 * (status, header fields and bytes, without a `Response` in between).
 *
 * @module
 */
import type { Decided, Encoded } from './encode.js';

/** The bytes of the bodies of the responses this module made from bytes (see {@link responseBytes}). */
const bodyBytes = new WeakMap<Response, Uint8Array>();

/**
 * The body bytes of a response made by a Hydra handler, for adapters that can write them directly
 * instead of reading the response's stream (the `node:http` adapter does).
 *
 * @internal
 * @param response - a response.
 * @returns its body bytes (not to be modified), or `undefined` for a response the handler did not
 * make from bytes or whose body was already read.
 * @example
 * ```ts
 * import { responseBytes } from './handler.js';
 * declare const response: Response;
 * const bytes = responseBytes(response); // undefined: stream response.body instead
 * ```
 */
export function responseBytes(response: Response): Uint8Array | undefined {
  return response.bodyUsed ? undefined : bodyBytes.get(response);
}

/**
 * A response whose body is `bytes`. The stream copies them only when someone reads it: an
 * adapter that writes {@link responseBytes} copies nothing (`new Response(bytes)` copies the
 * bytes at once and costs several times more), and a reader never gets a cached buffer.
 */
export function bytesResponse(bytes: Uint8Array, status: number, headers: Readonly<Record<string, string>>): Response {
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
  const response = new Response(body, { status, headers });
  bodyBytes.set(response, bytes);
  return response;
}

export function toResponse({ encoded, status, body }: Decided): Response {
  return body === null ? new Response(null, { status, headers: encoded.headers }) : bytesResponse(body, status, encoded.headers);
}

/**
 * An answer as an adapter writes it, without a `Response` in between.
 *
 * @internal
 */
export interface WireAnswer {
  /** The status. */
  readonly status: number;
  /** The header fields as the answer's `Response` would list them (`Set-Cookie` as a list). */
  readonly headers: Readonly<Record<string, string | readonly string[]>>;
  /** The body (not to be modified), `null` for none. */
  readonly body: Uint8Array | null;
}

/** Header fields in wire form, once per encoded answer (a cached one is written many times). */
const wireHeadersOf = new WeakMap<Encoded, Readonly<Record<string, string | readonly string[]>>>();

export function toWire({ encoded, status, body }: Decided): WireAnswer {
  let headers = wireHeadersOf.get(encoded);
  if (headers === undefined) {
    // Through a Response's own Headers, so that names, values and their order are exactly what
    // an adapter reading a Response would write.
    const fields = new Response(null, { headers: encoded.headers }).headers;
    const out: Record<string, string | readonly string[]> = {};
    fields.forEach((value, key) => {
      out[key] = value;
    });
    const cookies = fields.getSetCookie();
    if (cookies.length > 0) out['set-cookie'] = cookies;
    headers = out;
    wireHeadersOf.set(encoded, headers);
  }
  return { status, headers, body };
}

export type WireHandler = (request: Request) => Promise<Response | WireAnswer>;

/** The wire form of each handler {@link createHydraHandler} made. */
export const wireHandlers = new WeakMap<(request: Request) => Promise<Response>, WireHandler>();

/**
 * The wire form of a Hydra handler: the same answers, but those the handler encodes itself come
 * as status, header fields and bytes instead of a `Response` (whose body stream costs more than
 * the rest of a cached answer). Others (errors, `Response`s of routes) stay `Response`s.
 *
 * @internal
 * @param handler - a handler.
 * @returns its wire form, or `undefined` when `handler` was not made by {@link createHydraHandler}
 * (a wrapper, say).
 * @example
 * ```ts
 * import { wireHandlerOf } from './handler.js';
 * declare const handler: (request: Request) => Promise<Response>;
 * const wire = wireHandlerOf(handler); // undefined: call handler itself
 * ```
 */
export function wireHandlerOf(handler: (request: Request) => Promise<Response>): WireHandler | undefined {
  return wireHandlers.get(handler);
}
