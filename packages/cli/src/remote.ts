/**
 * The command line on live APIs: a URL argument is fetched with the hypermedia client, under the
 * options every command shares on URLs (`--header` for credentials, `--contexts` for which remote
 * contexts to trust), so that a URL is read as a client of the API reads it.
 *
 * @module
 */
import { isHyperldError, type Limits, type Registry } from '@hyperld/core';
import { createClient, type Client, type ClientOptions } from '@hyperld/hydra/client';
import { CliError } from './errors.js';

/**
 * Whether a command's argument names a resource to fetch (an `http:` or `https:` URL) rather than
 * a file.
 *
 * @param argument - the argument as given.
 * @returns whether it is an http(s) URL.
 * @example
 * ```ts
 * import { isUrlArgument } from '@hyperld/cli';
 * isUrlArgument('https://api.example.com/books'); // true
 * isUrlArgument('page.json'); // false
 * ```
 */
export function isUrlArgument(argument: string): boolean {
  return /^https?:\/\//i.test(argument) && URL.canParse(argument);
}

/** A header field name: an RFC 9110 token. */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Parses `--header 'Name: value'` options into header fields.
 *
 * @param headers - each option's value.
 * @param command - the command, for messages.
 * @returns the fields by lower-case name (a repeated name keeps the last value).
 * @throws CliError `usage_error` for a value that is not `Name: value`.
 * @example
 * ```ts
 * import { parseHeaderOptions } from '@hyperld/cli';
 * parseHeaderOptions(['Authorization: Bearer secret'], 'get'); // { authorization: 'Bearer secret' }
 * ```
 */
export function parseHeaderOptions(headers: readonly string[], command: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const header of headers) {
    const colon = header.indexOf(':');
    const name = colon < 0 ? '' : header.slice(0, colon).trim();
    const value = colon < 0 ? '' : header.slice(colon + 1).trim();
    if (!TOKEN.test(name) || /[\r\n\0]/.test(value)) {
      throw new CliError('usage_error', `${command}: --header ${JSON.stringify(header)} is not "Name: value" (see hyperld ${command} --help)`);
    }
    out[name.toLowerCase()] = value;
  }
  return out;
}

/**
 * Parses `--contexts` options: `registered`, `same-origin`, or origins (each option one, or
 * several separated by commas).
 *
 * @param values - each option's value; none gives `same-origin`.
 * @param command - the command, for messages.
 * @returns the client's `contexts` policy.
 * @throws CliError `usage_error` for a value that is none of those.
 * @example
 * ```ts
 * import { parseContextsOption } from '@hyperld/cli';
 * parseContextsOption([], 'get'); // 'same-origin'
 * parseContextsOption(['https://a.example,https://b.example'], 'get'); // ['https://a.example', 'https://b.example']
 * ```
 */
export function parseContextsOption(values: readonly string[], command: string): NonNullable<ClientOptions<never>['contexts']> {
  const parts = values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v.length > 0);
  if (parts.length === 0) return 'same-origin';
  if (parts.length === 1 && (parts[0] === 'registered' || parts[0] === 'same-origin')) return parts[0];
  const origins: string[] = [];
  for (const part of parts) {
    const url = URL.canParse(part) ? new URL(part) : undefined;
    if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== part.replace(/\/$/, '')) {
      throw new CliError('usage_error', `${command}: --contexts ${JSON.stringify(part)} is not registered, same-origin or an origin such as https://api.example.com (see hyperld ${command} --help)`);
    }
    origins.push(url.origin);
  }
  return origins;
}

/** What a command on a URL needs to make its client. @internal */
export interface RemoteOptions {
  readonly registry: Registry;
  readonly limits: Limits;
  readonly headers: Readonly<Record<string, string>>;
  readonly contexts: NonNullable<ClientOptions<never>['contexts']>;
  readonly fetch: typeof fetch | undefined;
}

/**
 * A client for the API a URL belongs to: its origin receives the `--header` fields (and no other
 * origin does), and remote contexts are trusted as `--contexts` says.
 *
 * @internal
 * @param url - the URL the command was given.
 * @param options - the registry, limits, headers, context policy and fetch.
 * @returns the client.
 */
export function clientFor(url: string, options: RemoteOptions): Client<never> {
  const headers = options.headers;
  return createClient({
    baseUrl: new URL('/', url).href,
    registry: options.registry as Registry<never>,
    limits: options.limits,
    contexts: options.contexts,
    ...(Object.keys(headers).length > 0 ? { headers: () => ({ ...headers }) } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}

/**
 * A client's failure as the tool's error: an HTTP error answer, a network failure or a refused
 * link is an input error (exit 2) naming the URL.
 *
 * @internal
 * @param error - what the client threw.
 * @param url - the URL the command was given.
 * @returns the error to throw.
 */
export function remoteError(error: unknown, url: string): unknown {
  if (CliError.is(error) || !isHyperldError(error)) return error;
  return new CliError('input_error', `${url}: ${error.message.replace(/\s+/g, ' ').trim()} (${error.code})`, { cause: error });
}
