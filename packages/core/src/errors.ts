/**
 * Errors raised by `@hyperld/core`: one base class with a `code` drawn from a documented map,
 * and a decode error that lists every violation with its JSON path.
 *
 * @module
 */

/**
 * Every error code raised by `@hyperld/core`, with what it means.
 *
 * @example
 * ```ts
 * import { ErrorCodes } from '@hyperld/core';
 * console.log(ErrorCodes.invalid_json); // 'The text is not valid JSON.'
 * ```
 */
export const ErrorCodes = {
  invalid_json: 'The text is not valid JSON.',
  invalid_utf8: 'The bytes are not valid UTF-8; they are refused, never repaired with U+FFFD.',
  not_an_object: 'A node must be a JSON object.',
  missing_type: 'A node has no `@type`.',
  invalid_type: 'A node has a `@type` that is not a non-empty string.',
  unknown_type: 'A node has a `@type` that is not registered (strict mode).',
  unexpected_type: 'An embedded node has a `@type` that the property does not accept.',
  missing_property: 'A required property is absent.',
  wrong_kind: 'A value is not of the kind the property declares.',
  invalid_enum: 'A string is not one of the values of a closed enumeration.',
  invalid_date_time: 'A string is not an ISO 8601 date-time.',
  invalid_integer: 'A number is not an integer.',
  invalid_iri: 'A link is not a valid IRI reference.',
  unknown_context: 'A `@context` URL is not registered; it is never fetched.',
  invalid_context: 'A `@context` value is neither a URL, an object nor an array of them.',
  unsupported_context: 'A context uses a JSON-LD feature outside the supported subset.',
  max_depth: 'The document nests deeper than the `maxDepth` limit.',
  max_size: 'The document is longer than the `maxSize` limit.',
  max_list_length: 'A list has more items than the `maxListLength` limit.',
  invalid_definition: 'A type definition or registry is inconsistent.',
  too_many_violations: 'Validation stopped after `maxViolations` violations.',
  unknown_property: 'A property is not declared by the type (strict mode).',
} as const;

/**
 * A code from {@link ErrorCodes}.
 *
 * @example
 * ```ts
 * import { ErrorCodes, type ErrorCode } from '@hyperld/core';
 * const code: ErrorCode = 'unknown_type';
 * console.log(ErrorCodes[code]); // 'A node has a `@type` that is not registered (strict mode).'
 * ```
 */
export type ErrorCode = keyof typeof ErrorCodes;

const BRAND = Symbol.for('@hyperld/core/error');

/**
 * The base class of every error `@hyperld/core` throws.
 *
 * @example
 * ```ts
 * import { HyperldError } from '@hyperld/core';
 * const error = new HyperldError('invalid_definition', 'Two types share the name "Account".');
 * console.log(error.code); // 'invalid_definition'
 * ```
 */
export class HyperldError extends Error {
  override name = 'HyperldError';
  /** What went wrong, as a key of {@link ErrorCodes}. */
  readonly code: ErrorCode;
  /** @internal brand that survives duplicate installs, read by {@link isHyperldError}. */
  readonly [BRAND] = true;

  /**
   * @param code - what went wrong.
   * @param message - a sentence for people.
   * @param options - the underlying cause, when there is one.
   */
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/**
 * One thing wrong with a document: where, what was expected and what was found.
 *
 * @example
 * ```ts
 * import type { Violation } from '@hyperld/core';
 * const v: Violation = { code: 'wrong_kind', path: '$.members[3].account.name', expected: 'string', found: 'number 42' };
 * ```
 */
export interface Violation {
  /** What is wrong, as a key of {@link ErrorCodes}. */
  readonly code: ErrorCode;
  /** The JSON path of the offending value, such as `$.members[3].account.name`. */
  readonly path: string;
  /** What the definition expects there. */
  readonly expected: string;
  /** A short description of what the document holds there. */
  readonly found: string;
}

/**
 * Thrown when a document does not decode: carries every violation found (up to a limit).
 * `code` and `path` repeat those of the first violation.
 *
 * @example
 * ```ts
 * import { DecodeError, isDecodeError } from '@hyperld/core';
 * try {
 *   throw new DecodeError([{ code: 'missing_type', path: '$', expected: '"@type"', found: 'no "@type"' }]);
 * } catch (error) {
 *   if (isDecodeError(error)) console.log(error.path, error.violations.length); // '$' 1
 * }
 * ```
 */
export class DecodeError extends HyperldError {
  override name = 'DecodeError';
  /**
   * Every violation found, in document order, at most `maxViolations`. Within a node, a `@type`
   * problem comes first (nothing else can be checked without it) and missing properties last.
   */
  readonly violations: readonly Violation[];
  /** The path of the first violation. */
  readonly path: string;

  /**
   * @param violations - at least one violation.
   * @param options - the underlying cause, when there is one.
   */
  constructor(violations: readonly Violation[], options?: { cause?: unknown }) {
    const first = violations[0] ?? { code: 'wrong_kind', path: '$', expected: 'a valid document', found: 'an invalid one' };
    const more = violations.length > 1 ? ` (and ${violations.length - 1} more)` : '';
    super(first.code, `${formatViolation(first)}${more}`, options);
    this.violations = violations;
    this.path = first.path;
  }
}

/**
 * Formats a violation as one line: `$.path: expected X, found Y`.
 *
 * @param violation - the violation to format.
 * @returns one line of text.
 * @example
 * ```ts
 * import { formatViolation } from '@hyperld/core';
 * formatViolation({ code: 'wrong_kind', path: '$.name', expected: 'string', found: 'number 1' });
 * // '$.name: expected string, found number 1 (wrong_kind)'
 * ```
 */
export function formatViolation(violation: Violation): string {
  return `${violation.path}: expected ${violation.expected}, found ${violation.found} (${violation.code})`;
}

/**
 * Tells whether a value is a {@link HyperldError}, also across duplicate installs of the package.
 *
 * @param value - anything caught.
 * @returns whether it is a hyperld error.
 * @example
 * ```ts
 * import { isHyperldError } from '@hyperld/core';
 * try { JSON.parse('{'); } catch (e) { console.log(isHyperldError(e)); } // false
 * ```
 */
export function isHyperldError(value: unknown): value is HyperldError {
  return typeof value === 'object' && value !== null && (value as { [BRAND]?: unknown })[BRAND] === true;
}

/**
 * Tells whether a value is a {@link DecodeError}, also across duplicate installs of the package.
 *
 * @param value - anything caught.
 * @returns whether it is a decode error.
 * @example
 * ```ts
 * import { isDecodeError, createRegistry } from '@hyperld/core';
 * try { createRegistry({ types: [] }).decode('nope'); } catch (e) { console.log(isDecodeError(e)); } // true
 * ```
 */
export function isDecodeError(value: unknown): value is DecodeError {
  return isHyperldError(value) && (value as { name?: unknown }).name === 'DecodeError';
}

/** Describes a JSON value briefly for a violation's `found` field. @internal */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  switch (typeof value) {
    case 'string':
      return `string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
    case 'number':
      return `number ${value}`;
    case 'boolean':
      return `boolean ${value}`;
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}
