/**
 * The errors of IRI templates: one class of core's error family with a `code` from a documented
 * map, and a guard that works across duplicate installs.
 *
 * @module
 */
import { HyperldError } from '@hyperld/core';

/**
 * Every error code raised for IRI templates, with what it means.
 *
 * @example
 * ```ts
 * import { IriTemplateErrorCodes } from '@hyperld/hydra';
 * console.log(IriTemplateErrorCodes.invalid_template); // 'The template does not follow the RFC 6570 grammar.'
 * ```
 */
export const IriTemplateErrorCodes = {
  invalid_template: 'The template does not follow the RFC 6570 grammar.',
  missing_variable: 'A mapping marked `required` has no value.',
  invalid_description: 'A Hydra IriTemplate description is malformed (no template, unknown variable representation, bad mapping).',
  invalid_value: 'A value given for a Hydra template variable is neither a literal, a value object nor a node reference.',
  unknown_variable: 'A value is keyed by a name that is neither a variable of the template nor the property of one of its mappings.',
} as const;

/**
 * A code from {@link IriTemplateErrorCodes}.
 *
 * @example
 * ```ts
 * import { isIriTemplateError, type IriTemplateErrorCode } from '@hyperld/hydra';
 * import { parseIriTemplate } from '@hyperld/hydra/search';
 * let code: IriTemplateErrorCode | undefined;
 * try { parseIriTemplate('/items{?q'); } catch (e) { if (isIriTemplateError(e)) code = e.code; } // 'invalid_template'
 * ```
 */
export type IriTemplateErrorCode = keyof typeof IriTemplateErrorCodes;

/**
 * Thrown for a malformed template (with the offset of the offending character), a missing
 * required variable, or a malformed Hydra description or value.
 *
 * @example
 * ```ts
 * import { IriTemplateError } from '@hyperld/hydra';
 * const error = new IriTemplateError('invalid_template', 'Unclosed expression.', { template: '{x', offset: 0 });
 * console.log(error.code, error.offset); // 'invalid_template' 0
 * ```
 */
export class IriTemplateError extends HyperldError<IriTemplateErrorCode> {
  static override readonly errorName: string = 'IriTemplateError';
  /** The template concerned, when there is one. */
  readonly template: string | undefined;
  /** For `invalid_template`: the offset (UTF-16 code units) of the offending character in the template. */
  readonly offset: number | undefined;
  /** For `missing_variable` and `invalid_value`: the template variable concerned. */
  readonly variable: string | undefined;

  /**
   * @param code - what went wrong.
   * @param message - a sentence for people.
   * @param details - the template, offset and variable concerned, and the underlying cause.
   */
  constructor(
    code: IriTemplateErrorCode,
    message: string,
    details: { readonly template?: string; readonly offset?: number; readonly variable?: string; readonly cause?: unknown } = {},
  ) {
    super(code, message, 'cause' in details ? { cause: details.cause } : undefined);
    this.template = details.template;
    this.offset = details.offset;
    this.variable = details.variable;
  }
}

/**
 * Tells whether a value is an {@link IriTemplateError}, also across duplicate installs of the
 * package (by the family's brand, not `instanceof`); the same as `IriTemplateError.is(value)`.
 *
 * @param value - anything caught.
 * @returns whether it is an IRI template error.
 * @example
 * ```ts
 * import { isIriTemplateError } from '@hyperld/hydra';
 * import { parseIriTemplate } from '@hyperld/hydra/search';
 * try { parseIriTemplate('/items{?q'); } catch (e) { console.log(isIriTemplateError(e)); } // true
 * ```
 */
export function isIriTemplateError(value: unknown): value is IriTemplateError {
  return IriTemplateError.is(value);
}
