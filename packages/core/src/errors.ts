/**
 * The hyperld error family: one base class with one brand, a `code` drawn from a documented
 * table (core's, or a subclass's own), details and a cause; and the decode error that lists every
 * violation with its JSON path.
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
  unknown_type: 'A `@type` is not registered: a node\'s (strict mode), or the term asked of `Registry.get`.',
  unexpected_type: 'An embedded node has a `@type` that the property does not accept.',
  missing_property: 'A required property is absent.',
  wrong_kind: 'A value is not of the kind the property declares (or, encoding, has no JSON text).',
  invalid_enum: 'A string is not one of the values of a closed enumeration.',
  invalid_date_time: 'A string is not an ISO 8601 date-time.',
  invalid_integer: 'A number is not an integer.',
  invalid_iri: 'A link is not a valid IRI reference.',
  unknown_context: 'A `@context` URL is not registered; it is never fetched.',
  invalid_context:
    'A `@context` value is neither a URL, an object nor an array of them, or JSON-LD context processing rejects it (`details.jsonldCode` names the JSON-LD error, such as `invalid IRI mapping`).',
  unsupported_context: 'A context or document uses a JSON-LD feature outside the fast expander\'s subset.',
  invalid_jsonld:
    'A document is not valid JSON-LD: the expansion algorithm rejects it (`details.jsonldCode` names the JSON-LD error, such as `invalid @id value`).',
  max_depth: 'The document nests deeper than the `maxDepth` limit (or a hand-built node deeper than can be encoded).',
  max_size: 'The document is longer than the `maxSize` limit.',
  max_list_length: 'A list has more items than the `maxListLength` limit.',
  cycle: 'A hand-built node contains itself, so it has no JSON text.',
  invalid_definition: 'A type definition or registry is inconsistent.',
  unknown_property: 'A property is not declared by the type (strict mode).',
} as const;

/**
 * A code from {@link ErrorCodes}.
 *
 * @example
 * ```ts
 * import { ErrorCodes, type ErrorCode } from '@hyperld/core';
 * const code: ErrorCode = 'unknown_type';
 * console.log(ErrorCodes[code]);
 * ```
 */
export type ErrorCode = keyof typeof ErrorCodes;

/**
 * The one brand of every error of the hyperld family (core's, and the classes higher layers
 * derive from {@link HyperldError}): the names of an error's class and of the classes it extends,
 * which `is` reads. A registered symbol, so that it survives duplicate installs.
 */
const BRAND = Symbol.for('@hyperld/error');

/**
 * What an error says beyond its code and message, for programs.
 *
 * @example
 * ```ts
 * import type { HyperldErrorDetails } from '@hyperld/core';
 * const details: HyperldErrorDetails = { jsonldCode: 'invalid @id value' };
 * ```
 */
export interface HyperldErrorDetails {
  /** For `invalid_jsonld` and `invalid_context`: the JSON-LD error code (`invalid IRI mapping`, `colliding keywords`). */
  readonly jsonldCode?: string;
  /** Anything else a subclass records. */
  readonly [key: string]: unknown;
}

/**
 * What {@link HyperldError} takes besides its code and message.
 *
 * @example
 * ```ts
 * import type { HyperldErrorOptions } from '@hyperld/core';
 * const options: HyperldErrorOptions = { cause: new Error('underlying'), details: { jsonldCode: 'invalid @id value' } };
 * ```
 */
export interface HyperldErrorOptions {
  /** The underlying error, when there is one. */
  readonly cause?: unknown;
  /** Details for programs. */
  readonly details?: HyperldErrorDetails;
}

/** The names of a class and of the classes of the family it extends, its own first. */
function familyOf(target: abstract new (...args: never[]) => unknown): readonly string[] {
  const names: string[] = [];
  for (let c: unknown = target; typeof c === 'function' && c !== Error; c = Object.getPrototypeOf(c)) names.push(errorNameOf(c));
  return Object.freeze(names);
}

/** The name a class of the family declares (`static errorName`), or its function name if it forgot. */
function errorNameOf(constructor: object): string {
  return Object.hasOwn(constructor, 'errorName') ? String((constructor as { errorName?: unknown }).errorName) : String((constructor as { name?: unknown }).name);
}

/**
 * The base class of every error of hyperld: a `code` from a documented table, a message for
 * people, optional `details` for programs and a `cause`. Higher layers derive their errors from it
 * with their own code table (`class HydraError extends HyperldError<HydraErrorCode>`) and their
 * own `static errorName`; `HyperldError.is`, and the `is` of each subclass, recognise them across
 * duplicate installs of a package, where `instanceof` does not.
 *
 * @typeParam C - the codes of this class of errors; core's own are {@link ErrorCodes}.
 * @example
 * ```ts
 * import { HyperldError } from '@hyperld/core';
 * const error = new HyperldError('invalid_definition', 'Two types share the name "Account".');
 * console.log(error.code, HyperldError.is(error)); // 'invalid_definition' true
 *
 * // A family member with codes of its own:
 * class StoreError extends HyperldError<'locked' | 'corrupt'> {
 *   static override readonly errorName: string = 'StoreError';
 * }
 * const locked = new StoreError('locked', 'The store is locked.');
 * console.log(locked.name, StoreError.is(locked), HyperldError.is(locked)); // 'StoreError' true true
 * ```
 */
export class HyperldError<C extends string = ErrorCode> extends Error {
  /**
   * The `name` of this class's errors, and what `is` recognises them by. Each subclass declares
   * its own, typed `string` so that its own subclasses may too
   * (`static override readonly errorName: string = 'DecodeError'`).
   */
  static readonly errorName: string = 'HyperldError';

  /** What went wrong, as a key of this class's code table ({@link ErrorCodes} for core's). */
  readonly code: C;
  /** Details for programs (the JSON-LD error code of `invalid_jsonld`), when there are any. */
  readonly details: HyperldErrorDetails | undefined;
  /** @internal the brand: this error's class and the classes it extends, by name. */
  declare readonly [BRAND]: readonly string[];

  /**
   * @param code - what went wrong.
   * @param message - a sentence for people.
   * @param options - the underlying cause and details, when there are any.
   */
  constructor(code: NoInfer<C>, message: string, options?: HyperldErrorOptions) {
    super(message, options !== undefined && 'cause' in options ? { cause: options.cause } : undefined);
    const family = familyOf(new.target);
    this.name = family[0] ?? 'HyperldError';
    this.code = code;
    this.details = options?.details;
    Object.defineProperty(this, BRAND, { value: family });
  }

  /**
   * Tells whether a value is an error of this class (or of a class extending it), also across
   * duplicate installs of the package that defines it: by the brand, not `instanceof`.
   *
   * @param value - anything caught.
   * @returns whether it is such an error.
   * @example
   * ```ts
   * import { DecodeError, HyperldError, createRegistry } from '@hyperld/core';
   * try {
   *   createRegistry({ types: [] }).decode('nope');
   * } catch (error) {
   *   console.log(HyperldError.is(error), DecodeError.is(error)); // true true
   * }
   * ```
   */
  static is<T extends abstract new (...args: never[]) => HyperldError<string>>(this: T, value: unknown): value is InstanceType<T> {
    if (typeof value !== 'object' || value === null) return false;
    const family = (value as { [BRAND]?: unknown })[BRAND];
    // `this` is the class `is` was called on (`DecodeError.is`), which is the point of a static here.
    // biome-ignore lint/complexity/noThisInStatic: the class the call names, not HyperldError
    return Array.isArray(family) && family.includes(errorNameOf(this));
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
  static override readonly errorName: string = 'DecodeError';
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
 * Tells whether a value is a {@link HyperldError} (of core or of any class extending it), also
 * across duplicate installs; the same as `HyperldError.is(value)`.
 *
 * @param value - anything caught.
 * @returns whether it is a hyperld error.
 * @example
 * ```ts
 * import { isHyperldError } from '@hyperld/core';
 * try { JSON.parse('{'); } catch (e) { console.log(isHyperldError(e)); } // false
 * ```
 */
export function isHyperldError(value: unknown): value is HyperldError<string> {
  return HyperldError.is(value);
}

/**
 * Tells whether a value is a {@link DecodeError}, also across duplicate installs of the package;
 * the same as `DecodeError.is(value)`.
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
  return DecodeError.is(value);
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
