/**
 * A `fetch` for the client on Node, on undici's `request`: the same function type as the
 * platform's `fetch`, so it goes in the client's `fetch` option and the client's transport stays
 * as it is (credentials to the API's origin only, redirects followed by hand, the call's deadline
 * and abort signal, `maxSize` while reading). What it saves is Node `fetch`'s WHATWG stream and
 * text decoding of the body: the client reads the answer straight from undici's Node stream.
 *
 * @module
 */
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { request, type Dispatcher } from 'undici';
import { READ_TEXT_WITHIN } from '../client/read-answer.js';

/**
 * Options of {@link nodeFetch}.
 *
 * @example
 * ```ts
 * import { Agent } from 'undici';
 * import type { NodeFetchOptions } from '@hyperld/hydra/node';
 * const options: NodeFetchOptions = { dispatcher: new Agent({ connections: 8 }) };
 * ```
 */
export interface NodeFetchOptions {
  /** The undici dispatcher requests go through (default: undici's global one, which keeps connections alive). */
  readonly dispatcher?: Dispatcher;
}

type Body = Dispatcher.ResponseData['body'];

/** A `Response` whose body is still undici's Node stream; the client reads it without a WHATWG stream. */
class NodeResponse extends Response {
  readonly #body: Body;
  readonly #url: string;
  #web: ReadableStream<Uint8Array<ArrayBuffer>> | undefined;
  #used = false;

  constructor(status: number, statusText: string, headers: Headers, body: Body, url: string) {
    super(null, { status, statusText, headers });
    this.#body = body;
    this.#url = url;
  }

  override get url(): string {
    return this.#url;
  }

  override get bodyUsed(): boolean {
    return this.#used;
  }

  /** The body as a WHATWG stream, made when first asked for (cancelling it destroys the Node stream). */
  override get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
    if (this.#web === undefined) {
      this.#used = true;
      this.#web = Readable.toWeb(this.#body) as unknown as ReadableStream<Uint8Array<ArrayBuffer>>;
    }
    return this.#web;
  }

  #take(): Body {
    if (this.#used) throw new TypeError('Body is unusable: it has already been read');
    this.#used = true;
    return this.#body;
  }

  override async text(): Promise<string> {
    return stripBom(await this.#take().text());
  }

  override async json(): Promise<unknown> {
    return JSON.parse(await this.text()) as unknown;
  }

  override async arrayBuffer(): Promise<ArrayBuffer> {
    return this.#take().arrayBuffer();
  }

  /**
   * The body as text (decoded as `Response.text()` decodes), or `undefined` as soon as it is
   * longer than `limit` UTF-16 code units, the rest not read. A UTF-8 byte gives at most one
   * code unit, so while the bytes are within the limit they are only kept; past it, they are
   * decoded as they come and counted exactly.
   */
  async [READ_TEXT_WITHIN](limit: number): Promise<string | undefined> {
    const body = this.#take();
    const parts: Buffer[] = [];
    let bytes = 0;
    let decoder: StringDecoder | undefined;
    let units = 0;
    const texts: string[] = [];
    const add = (text: string): void => {
      units += text.length;
      if (text !== '') texts.push(text);
    };
    for await (const chunk of body as AsyncIterable<Buffer>) {
      if (decoder === undefined) {
        bytes += chunk.length;
        parts.push(chunk);
        if (bytes <= limit) continue;
        decoder = new StringDecoder('utf8');
        for (const part of parts) add(decoder.write(part));
        parts.length = 0;
      } else {
        add(decoder.write(chunk));
      }
      if (units > limit + 1) {
        body.destroy();
        return undefined;
      }
    }
    if (decoder === undefined) return stripBom(Buffer.concat(parts, bytes).toString('utf8'));
    add(decoder.end());
    const text = stripBom(texts.join(''));
    return text.length > limit ? undefined : text;
  }
}

/** `Response.text()` drops a leading byte order mark; so does this. */
function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A request body as undici takes it: the client sends text; bytes are passed as they are. */
function bodyOf(body: RequestInit['body']): string | Uint8Array | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  throw new TypeError('nodeFetch sends string and Uint8Array bodies only');
}

/** Header fields from an init's `headers`, in any of the forms `fetch` takes. */
function headersOf(init: HeadersInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (init === undefined) return out;
  new Headers(init).forEach((value, name) => {
    out[name] = value;
  });
  return out;
}

/**
 * Builds a `fetch` on undici's `request` for the client's `fetch` option, on Node. Redirects are
 * not followed (the client follows them itself, so that credentials never cross origins), the
 * `signal` aborts the request and the reading of its body, and the client reads the body within
 * its `maxSize` without a WHATWG stream. Browsers keep the platform's `fetch`: this subpath
 * imports `undici` and `node:` modules, and is for Node only.
 *
 * @param options - the undici dispatcher, if not the global one.
 * @returns a function with `fetch`'s type (string or `URL` input, or a `Request` without a body).
 * @throws TypeError (from the returned function) for a body other than text or bytes, or a `Request` with a body.
 * @example
 * ```ts
 * import { hydraRegistry } from '@hyperld/hydra';
 * import { createClient } from '@hyperld/hydra/client';
 * import { nodeFetch } from '@hyperld/hydra/node';
 * const client = createClient({ baseUrl: 'https://api.example/', registry: hydraRegistry, token: 'secret', fetch: nodeFetch() });
 * ```
 */
export function nodeFetch(options: NodeFetchOptions = {}): typeof fetch {
  const send = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    let url: string;
    let method = init.method ?? 'GET';
    let headers = headersOf(init.headers);
    let signal = init.signal ?? undefined;
    if (input instanceof Request) {
      if (input.body !== null) throw new TypeError('nodeFetch does not send a Request with a body; give the body in init');
      url = input.url;
      method = init.method ?? input.method;
      headers = { ...headersOf(input.headers), ...headers };
      signal ??= input.signal;
    } else {
      url = typeof input === 'string' ? input : input.href;
    }
    const body = bodyOf(init.body);
    const answer = await request(url, {
      method: method.toUpperCase() as Dispatcher.HttpMethod,
      headers,
      ...(body !== undefined ? { body } : {}),
      ...(signal ? { signal } : {}),
      ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
    });
    const fields = new Headers();
    for (const [name, value] of Object.entries(answer.headers)) {
      if (value === undefined) continue;
      if (Array.isArray(value)) for (const v of value) fields.append(name, v);
      else fields.append(name, value);
    }
    return new NodeResponse(answer.statusCode, answer.statusText ?? '', fields, answer.body, url);
  };
  return send as typeof fetch;
}
