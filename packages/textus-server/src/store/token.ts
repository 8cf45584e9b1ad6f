/**
 * Bearer tokens at rest: only their SHA-256 digests are stored.
 *
 * @module
 */
import { createHash } from 'node:crypto';

/**
 * Hashes a bearer token for storage.
 *
 * @param token - the token.
 * @returns its SHA-256, hex.
 * @example
 * ```ts
 * import { hashToken } from '@hyperld/textus-server';
 * hashToken('secret').length; // 64
 * ```
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
