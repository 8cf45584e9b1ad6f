/**
 * The error of the `hyperld` tool: a member of core's error family whose code says what failed
 * and, through it, the exit status.
 *
 * @module
 */
import { HyperldError } from '@hyperld/core';

/**
 * Every error code of the `hyperld` tool, with what it means and its exit status.
 *
 * @example
 * ```ts
 * import { CliErrorCodes } from '@hyperld/cli';
 * console.log(CliErrorCodes.usage_error);
 * ```
 */
export const CliErrorCodes = {
  usage_error: 'The command line is wrong: a missing or unknown command, a bad option, the wrong number of arguments (exit status 2).',
  input_error: 'The input is unreadable, over the size limit, not UTF-8 or not JSON (exit status 2).',
  expand_failed: 'The document does not expand to JSON-LD (exit status 1).',
  unknown_type: 'The type named is not in the vocabulary (exit status 1).',
  types_error: 'The --types module cannot be loaded, or exports neither a registry nor an array of type definitions (exit status 2).',
  example_failed: 'An example answer of the API does not decode, so the reference is not written (exit status 1).',
} as const;

/**
 * A code from {@link CliErrorCodes}.
 *
 * @example
 * ```ts
 * import type { CliErrorCode } from '@hyperld/cli';
 * const code: CliErrorCode = 'input_error';
 * ```
 */
export type CliErrorCode = keyof typeof CliErrorCodes;

/** The exit status of each code: the input and the command line are the caller's to fix (2). */
const EXIT_CODES: Readonly<Record<CliErrorCode, 1 | 2>> = { usage_error: 2, input_error: 2, expand_failed: 1, unknown_type: 1, types_error: 2, example_failed: 1 };

/**
 * A failure of a `hyperld` command, reported as one line on stderr with its exit status.
 * `CliError.is` (and `HyperldError.is`) recognise it across duplicate installs.
 *
 * @example
 * ```ts
 * import { CliError } from '@hyperld/cli';
 * const error = new CliError('usage_error', 'missing command (see hyperld --help)');
 * console.log(CliError.is(error), error.exitCode); // true 2
 * ```
 */
export class CliError extends HyperldError<CliErrorCode> {
  static override readonly errorName: string = 'CliError';

  /** The exit status the tool ends with: 2 for usage and input errors, 1 otherwise. */
  get exitCode(): 1 | 2 {
    return EXIT_CODES[this.code];
  }
}
