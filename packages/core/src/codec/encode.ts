/**
 * Encoding: a node is its own JSON value (nothing is copied or reordered); its text is
 * `JSON.stringify`'s, with the failures of a node that has no JSON text as typed errors.
 *
 * @module
 */
import { DecodeError, HyperldError } from '../errors.js';
import type { JsonValue } from '../types.js';
import type { DecodeOptions, Decoder } from './decode.js';

/**
 * Options of {@link Registry.encode} and {@link Registry.encodeText}.
 *
 * @example
 * ```ts
 * import type { EncodeOptions } from '@hyperld/core';
 * const options: EncodeOptions = { validate: true };
 * ```
 */
export interface EncodeOptions extends DecodeOptions {
  /** Validate the node before encoding it (default `false`: a decoded node is already valid). */
  readonly validate?: boolean;
  /** Indentation passed to `JSON.stringify` by `encodeText`. */
  readonly space?: number | string;
}

/**
 * Encodes a node as a JSON value: the node itself, validated first when asked.
 *
 * @param decoder - the registry's decoder, for `validate: true`.
 * @param node - a node.
 * @param options - `validate: true` to validate first.
 * @returns the node.
 * @internal
 */
export function encode(decoder: Decoder, node: object, options?: EncodeOptions): JsonValue {
  if (options?.validate) {
    const r = decoder.run(node, options, undefined, 'value');
    if (r.violations.length > 0) throw new DecodeError(r.violations);
  }
  return node as JsonValue;
}

/**
 * Encodes a node as JSON text.
 *
 * @param decoder - the registry's decoder, for `validate: true`.
 * @param node - a node.
 * @param options - `validate: true` to validate first; `space` to indent.
 * @returns the JSON text.
 * @internal
 */
export function encodeText(decoder: Decoder, node: object, options?: EncodeOptions): string {
  encode(decoder, node, options);
  try {
    return JSON.stringify(node, null, options?.space);
  } catch (error) {
    // JSON.stringify recurses natively: a deep hand-built node overflows the stack (RangeError)
    // and a cyclic one has no end (TypeError); neither may escape as a raw engine error.
    if (error instanceof RangeError) throw new HyperldError('max_depth', 'The node nests too deeply to encode.', { cause: error });
    if (error instanceof TypeError && /circular|cyclic/i.test(error.message)) {
      throw new HyperldError('cycle', 'The node contains a cycle, so it has no JSON text.', { cause: error });
    }
    throw new HyperldError('wrong_kind', 'The node holds a value that has no JSON text.', { cause: error });
  }
}
