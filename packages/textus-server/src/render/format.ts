/**
 * What the renderers share: context URLs, phone numbers for people, HTML-escaped text.
 *
 * The renderers (`render/*.ts`, one per TextUs type) turn store rows into TextUs nodes, with the
 * keys in the order TextUs sends them (the seed's order at every level).
 *
 * @module
 */

/**
 * The URL of the context document a type's nodes name in `@context` (the registry serves it).
 *
 * @param type - the type's name.
 * @returns e.g. `/contexts/Message.jsonld`.
 * @example
 * ```ts
 * import { contextUrl } from './format.js';
 * contextUrl('Message'); // '/contexts/Message.jsonld'
 * ```
 */
export const contextUrl = (type: string): string => `/contexts/${type}.jsonld`;

/**
 * Formats an E.164 North American number as `(303) 555-5678`.
 *
 * @param e164 - the number.
 * @returns the formatted number, or the input when it is not a +1 number.
 * @example
 * ```ts
 * import { formatPhone } from '@hyperld/textus-server';
 * formatPhone('+13035555678'); // '(303) 555-5678'
 * ```
 */
export function formatPhone(e164: string): string {
  const m = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  return m ? `(${m[1]}) ${m[2]}-${m[3]}` : e164;
}

/**
 * Escapes text for HTML, as `formattedBody` carries it.
 *
 * @param text - the text.
 * @returns the text with `&`, `<`, `>`, `"` and `'` as numeric character references.
 * @example
 * ```ts
 * import { escapeHtml } from './format.js';
 * escapeHtml('Hi & bye'); // 'Hi &#38; bye'
 * ```
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
