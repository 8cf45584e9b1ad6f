/**
 * The limits applied to untrusted input, and their defaults.
 *
 * @module
 */

/**
 * Limits applied to untrusted input. Each exceeded limit is a {@link DecodeError} whose code
 * names it (`max_size`, `max_depth`, `max_list_length`).
 *
 * @example
 * ```ts
 * import type { Limits } from '@hyperld/core';
 * const tight: Limits = { maxSize: 1 << 20, maxDepth: 32, maxListLength: 1000 };
 * ```
 */
export interface Limits {
  /** The longest text accepted, in UTF-16 code units. Default 64 MiB. */
  readonly maxSize?: number;
  /** The deepest nesting of objects and arrays accepted. Default 128; at most {@link MAX_DEPTH_CAP}. */
  readonly maxDepth?: number;
  /** The most items accepted in one list (e.g. members of one page). Default 100,000. */
  readonly maxListLength?: number;
  /** The most violations collected before validation stops. Default 100. */
  readonly maxViolations?: number;
}

/**
 * The deepest nesting any option may ask for: the walks recurse once per level, and a few
 * thousand levels would exhaust the stack, so a larger (or non-numeric) `maxDepth` is capped here.
 *
 * @example
 * ```ts
 * import { MAX_DEPTH_CAP } from '@hyperld/core';
 * console.log(MAX_DEPTH_CAP); // 2048
 * ```
 */
export const MAX_DEPTH_CAP = 2048;

/** A requested `maxDepth` as the walks apply it: the default, floored, capped. @internal */
export function depthLimit(requested: number | undefined): number {
  if (requested === undefined || Number.isNaN(requested)) return DEFAULT_LIMITS.maxDepth;
  return Math.max(0, Math.min(Math.floor(requested), MAX_DEPTH_CAP));
}

/**
 * Default {@link Limits}.
 *
 * @example
 * ```ts
 * import { DEFAULT_LIMITS, type DecodeOptions } from '@hyperld/core';
 * console.log(DEFAULT_LIMITS.maxDepth); // 128
 * const small: DecodeOptions = { maxSize: DEFAULT_LIMITS.maxSize / 64 }; // 1 MiB
 * ```
 */
export const DEFAULT_LIMITS: Required<Limits> = Object.freeze({
  maxSize: 64 * 1024 * 1024,
  maxDepth: 128,
  maxListLength: 100_000,
  maxViolations: 100,
});
