/**
 * One HTTP/1.1 exchange on a raw socket, for requests `fetch` will not send as written: a Host
 * header of the test's choosing (or two), TRACE, CONNECT, bytes that are not UTF-8.
 *
 * @module
 */
import net from 'node:net';

/** An answer as it came off the socket. */
export interface RawAnswer {
  /** The status code. */
  readonly status: number;
  /** The header fields, names in lower case (the last of repeated ones). */
  readonly headers: ReadonlyMap<string, string>;
  /** The body as UTF-8 text (chunked transfer coding removed). */
  readonly body: string;
}

/**
 * Writes a request on a new connection to `base` and reads the answer to the end of the
 * connection (`Connection: close` is added to an HTTP/1.1 request line).
 *
 * @param base - the server's base URL, e.g. `http://127.0.0.1:41234`.
 * @param head - the request line and header fields, without the blank line after them.
 * @param body - the body, written as given.
 * @returns the status, header fields and body.
 * @example
 * ```ts
 * import { rawExchange } from './raw-http.js';
 * declare const base: string;
 * const { status } = await rawExchange(base, 'GET /contexts/Message.jsonld HTTP/1.1\r\nHost: a:99999');
 * ```
 */
export function rawExchange(base: string, head: string, body: Uint8Array = new Uint8Array()): Promise<RawAnswer> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname.replace(/^\[|\]$/g, ''));
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => socket.destroy(new Error(`no end of the answer to ${JSON.stringify(head)}`)), 5000);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.on('close', () => {
      clearTimeout(timer);
      const all = Buffer.concat(chunks);
      const end = all.indexOf('\r\n\r\n');
      if (end < 0) {
        reject(new Error(`no answer to ${JSON.stringify(head)}: ${JSON.stringify(all.toString('latin1'))}`));
        return;
      }
      const [statusLine = '', ...lines] = all.subarray(0, end).toString('latin1').split('\r\n');
      const headers = new Map<string, string>();
      for (const line of lines) {
        const colon = line.indexOf(':');
        headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
      }
      let rest = all.subarray(end + 4);
      if (headers.get('transfer-encoding') === 'chunked') {
        const parts: Buffer[] = [];
        for (let at = 0; ; ) {
          const lineEnd = rest.indexOf('\r\n', at);
          const size = Number.parseInt(rest.subarray(at, lineEnd).toString('latin1'), 16);
          if (!(size > 0)) break;
          parts.push(rest.subarray(lineEnd + 2, lineEnd + 2 + size));
          at = lineEnd + 2 + size + 2;
        }
        rest = Buffer.concat(parts);
      }
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: rest.toString('utf8') });
    });
    const close = / HTTP\/1\.1$/.test(head.split('\r\n')[0] ?? '') ? '\r\nConnection: close' : '';
    socket.write(`${head}${close}\r\n\r\n`);
    if (body.byteLength > 0) socket.write(body);
  });
}
