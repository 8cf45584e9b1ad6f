/**
 * IRI references: validity and resolution against a base, without the network.
 *
 * @module
 */

// RFC 3987 excludes spaces, controls and these delimiters from IRI references; a colon in the
// first segment must end a scheme (a letter, then letters, digits, `+`, `-` or `.`). One regular
// expression, one pass: links are checked on every decode.
/** @internal The expression itself, for the generated validators to call without a wrapper. */
export const IRI_REFERENCE = /^(?:[A-Za-z][A-Za-z0-9+.-]*:|(?![^/?#]*:))[^\u0000-\u0020<>"{}|\\^`\u007f]*$/;
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/**
 * Tells whether a string is a valid IRI reference (absolute, like `https://x/y`, or relative,
 * like `/conversations/Pvwqm5G`).
 *
 * @param value - the string to test.
 * @returns whether it is an IRI reference.
 * @example
 * ```ts
 * import { isIriReference } from '@hyperld/core';
 * isIriReference('/conversations/Pvwqm5G'); // true
 * isIriReference('not a link'); // false
 * ```
 */
export function isIriReference(value: string): boolean {
  return IRI_REFERENCE.test(value);
}

/**
 * Resolves an IRI reference against a base IRI (RFC 3986), or returns it unchanged where there is
 * no base or it is already absolute.
 *
 * @param reference - the IRI reference.
 * @param base - the base IRI, if any.
 * @returns the resolved IRI.
 * @example
 * ```ts
 * import { resolveIri } from '@hyperld/core';
 * resolveIri('/conversations/Pvwqm5G/close', 'https://api.example.com/contacts/DQeeO69/conversations');
 * // 'https://api.example.com/conversations/Pvwqm5G/close'
 * ```
 */
export function resolveIri(reference: string, base: string | undefined): string {
  if (base === undefined || SCHEME.test(reference)) return reference;
  try {
    return new URL(reference, base).href;
  } catch {
    return reference;
  }
}
