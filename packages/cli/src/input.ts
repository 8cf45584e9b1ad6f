/**
 * Reading a document: bytes that must be UTF-8, within the size limit, holding JSON text or a
 * saved API documentation page whose JSON follows a line `Example Body` (the shape of the seed
 * files in `test/fixtures/`), so such a page can be checked without cutting the body out by hand.
 *
 * @module
 */
import { DEFAULT_LIMITS, HyperldError, type Limits } from '@hyperld/core';

/**
 * The most UTF-8 bytes per UTF-16 code unit (U+0800 to U+FFFF take three bytes and one unit), so
 * more than `3 × maxSize` bytes always decode to more than `maxSize` characters.
 */
const MAX_BYTES_PER_UNIT = 3;

/**
 * Reads a document's text: its bytes, strictly decoded as UTF-8 ({@link decodeUtf8}), at most
 * `maxSize` characters (UTF-16 code units, as `Limits.maxSize` counts them when decoding). A
 * stream is read no further than the limit allows, and bytes that cannot fit are never decoded.
 *
 * @param input - the bytes (of a file), a stream of chunks (standard input: string chunks count
 * as their UTF-8), or text already decoded.
 * @param limits - `maxSize` (default `DEFAULT_LIMITS.maxSize`, 64 MiB).
 * @returns the text.
 * @throws HyperldError `max_size` over the limit, `invalid_utf8` for bytes that are not UTF-8.
 * @example
 * ```ts
 * import { readText } from '@hyperld/cli';
 * await readText(new TextEncoder().encode('{"@type": "Account"}')); // '{"@type": "Account"}'
 * await readText(process.stdin, { maxSize: 1 << 20 }); // rejects (max_size) past 1 MiB
 * ```
 */
export async function readText(input: Uint8Array | string | AsyncIterable<string | Uint8Array>, limits: Pick<Limits, 'maxSize'> = {}): Promise<string> {
  const maxSize = limits.maxSize ?? DEFAULT_LIMITS.maxSize;
  const tooLong = (found: string) => new HyperldError('max_size', `expected at most ${maxSize} characters (maxSize), found ${found}`);
  const maxBytes = MAX_BYTES_PER_UNIT * maxSize;
  let text: string;
  if (typeof input === 'string') {
    text = input;
  } else if (input instanceof Uint8Array) {
    if (input.length > maxBytes) throw tooLong(`${input.length} bytes`);
    text = decodeUtf8(input);
  } else {
    const bytes = await readBytes(input, maxBytes);
    if (bytes === undefined) throw tooLong(`more than ${maxBytes} bytes`);
    text = decodeUtf8(bytes);
  }
  if (text.length > maxSize) throw tooLong(`${text.length} characters`);
  return text;
}

/** A stream's bytes, or `undefined` (the stream left unread) as soon as there are more than `maxBytes`. */
async function readBytes(chunks: AsyncIterable<string | Uint8Array>, maxBytes: number): Promise<Uint8Array | undefined> {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of chunks) {
    const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
    length += bytes.length;
    // Leaving the loop ends the iteration: Node.js destroys a readable stream read this way.
    if (length > maxBytes) return undefined;
    parts.push(bytes);
  }
  const all = new Uint8Array(length);
  let at = 0;
  for (const bytes of parts) {
    all.set(bytes, at);
    at += bytes.length;
  }
  return all;
}

/** Refuses what is not UTF-8; keeps a byte order mark as U+FEFF, so offsets count every byte. */
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decodes UTF-8 bytes strictly: bytes that are not UTF-8 are an error that names the offset of
 * the first bad one, never text with U+FFFD in their place (which would then validate, and
 * round-trip, as if the document held it). A byte order mark is kept (as U+FEFF).
 *
 * @param bytes - the bytes of a file or of standard input.
 * @returns the text.
 * @throws HyperldError `invalid_utf8`, whose message names the byte offset.
 * @example
 * ```ts
 * import { isHyperldError } from '@hyperld/core';
 * import { decodeUtf8 } from '@hyperld/cli';
 * decodeUtf8(new TextEncoder().encode('{"name": "café"}')); // '{"name": "café"}'
 * try {
 *   decodeUtf8(Uint8Array.of(0x22, 0x63, 0x61, 0x66, 0xe9, 0x22)); // "caf\xe9", Latin-1
 * } catch (error) {
 *   if (isHyperldError(error)) console.log(error.code, error.message); // invalid_utf8 expected UTF-8 text, found an invalid byte sequence at byte 4
 * }
 * ```
 */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch (error) {
    const message = `expected UTF-8 text, found an invalid byte sequence at byte ${invalidOffset(bytes)}`;
    throw new HyperldError('invalid_utf8', message, { cause: error });
  }
}

/**
 * The offset of the first byte that is not UTF-8. The lenient decoder puts U+FFFD in place of
 * each bad sequence, and every code point before the first one came from well-formed UTF-8, so
 * the offset is the sum of their UTF-8 lengths; a U+FFFD that the bytes really spell (EF BF BD)
 * is skipped.
 */
function invalidOffset(bytes: Uint8Array): number {
  let offset = 0;
  for (const char of new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)) {
    const code = char.codePointAt(0) as number;
    if (code === 0xfffd && !(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd)) return offset;
    offset += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return offset;
}

/** The line after which a documentation page holds its example JSON body. */
const EXAMPLE_BODY = /^[ \t]*Example Body[ \t]*\r?$/m;

/**
 * The outcome of {@link parseDocument}: the JSON text that was used and its value, or why the
 * text is not JSON.
 *
 * @example
 * ```ts
 * import type { ParsedDocument } from '@hyperld/cli';
 * const parsed: ParsedDocument = { ok: true, text: '{}', value: {} };
 * ```
 */
export type ParsedDocument =
  | {
      /** The text held a JSON value. */
      readonly ok: true;
      /** The JSON text itself (the body, when it came from a documentation page). */
      readonly text: string;
      /** The parsed value. */
      readonly value: unknown;
    }
  | {
      /** The text held no JSON value. */
      readonly ok: false;
      /** `JSON.parse`'s reason, on one line. */
      readonly reason: string;
    };

function tryParse(text: string): { readonly value: unknown } | { readonly reason: string } {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    return { reason: (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim() };
  }
}

/**
 * The first JSON object or array of a text, cut at its closing bracket (strings are skipped over,
 * so brackets inside them do not count), or `undefined` when it does not close.
 */
function leadingValue(text: string): string | undefined {
  const start = text.search(/[{[]/);
  if (start < 0) return undefined;
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) {
      inString = true;
    } else if (c === 123 || c === 91) {
      depth++;
    } else if (c === 125 || c === 93) {
      depth--;
      if (depth === 0) return text.slice(start, i + 1);
    }
  }
  return undefined;
}

/**
 * Parses a document: the whole text as JSON or, when it is not JSON but has a line
 * `Example Body`, the JSON value that follows that line (prose after the value is ignored).
 * A leading byte order mark is dropped.
 *
 * @param text - the file's text.
 * @returns the JSON text and value, or the reason it is not JSON.
 * @example
 * ```ts
 * import { parseDocument } from '@hyperld/cli';
 * parseDocument('Response\nExample Body\n{"@type": "Account"}\n'); // { ok: true, text: '{"@type": "Account"}', value: { '@type': 'Account' } }
 * parseDocument('nope').ok; // false
 * ```
 */
export function parseDocument(text: string): ParsedDocument {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const whole = tryParse(source);
  if ('value' in whole) return { ok: true, text: source, value: whole.value };
  const marker = EXAMPLE_BODY.exec(source);
  if (marker === null) return { ok: false, reason: whole.reason };
  const body = source.slice(marker.index + marker[0].length).replace(/^\n/, '');
  const direct = tryParse(body);
  if ('value' in direct) return { ok: true, text: body, value: direct.value };
  const cut = leadingValue(body);
  const parsed = cut === undefined ? undefined : tryParse(cut);
  if (cut !== undefined && parsed !== undefined && 'value' in parsed) return { ok: true, text: cut, value: parsed.value };
  return { ok: false, reason: `after "Example Body": ${direct.reason}` };
}
