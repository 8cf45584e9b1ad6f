/**
 * What to say when an optional peer dependency of `@hyperld/core` is not installed. The entries
 * that need one load it through `./jsonld.ts` or `./fast-check.ts` (and their CommonJS twins),
 * which turn Node's bare "cannot find" into an error that names the package to install.
 */

/** Each optional peer dependency: the entry that needs it, and how to install it. */
const PEERS = {
  jsonld: { entry: '@hyperld/core/jsonld', install: 'npm i jsonld' },
  'fast-check': { entry: '@hyperld/core/testing', install: 'npm i -D fast-check' },
} as const;

/** Node's codes for a package that cannot be found: ESM's `import`, then CommonJS's `require`. */
const NOT_FOUND = new Set(['ERR_MODULE_NOT_FOUND', 'MODULE_NOT_FOUND']);

/**
 * The error to throw when loading a peer dependency failed. When `error` says that the package
 * itself is missing, an `Error` that names it and the install command, keeping Node's `code`
 * (code that tests `MODULE_NOT_FOUND` still works) and the original as `cause`; any other failure
 * (the package is there but throws, or misses one of its own dependencies) is returned unchanged.
 *
 * @param name - the peer dependency that was loaded.
 * @param error - what `import()` or `require()` threw.
 * @returns the error to throw.
 * @example
 * ```ts
 * import { missingPeer } from './missing-peer.js';
 * try {
 *   require('jsonld');
 * } catch (error) {
 *   throw missingPeer('jsonld', error);
 * }
 * ```
 * @internal
 */
export function missingPeer(name: keyof typeof PEERS, error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  const message = (error as { message?: unknown } | null)?.message;
  // Node quotes the missing specifier ("Cannot find package 'jsonld' imported from …", "Cannot
  // find module 'jsonld'"); a dependency of the peer missing names that dependency instead.
  if (typeof code !== 'string' || !NOT_FOUND.has(code) || typeof message !== 'string' || !message.includes(`'${name}'`)) return error;
  const { entry, install } = PEERS[name];
  return Object.assign(new Error(`${entry} needs the '${name}' package, an optional peer dependency of @hyperld/core: ${install}`, { cause: error }), { code });
}
