/**
 * `ContactPhone`: a phone number of a contact.
 *
 * @module
 */
import { t, type DefType } from '@hyperld/core';
import { v } from './namespace.js';

const contactPhone = v.type('ContactPhone', {
  description: 'A phone number of a contact.',
  properties: {
    phoneNumber: t.string().describe('The number, E.164.'),
    formattedPhoneNumber: t.string().describe('The number, formatted for people.'),
    extension: t.string().nullable().describe('The extension, or null.'),
    type: t.string().describe('The kind of phone (e.g. `Mobile`).'),
    deliverabilityStatus: t.string().describe('Whether messages reach it (e.g. `unknown`).'),
    contact: t.link('Contact').describe('The contact.'),
  },
});

/**
 * The type of {@link ContactPhone}, by name: declarations that embed or extend it refer to
 * `ContactPhoneDef` instead of spelling out its properties again.
 *
 * @example
 * ```ts
 * import type { NodeOf } from '@hyperld/core';
 * import type { ContactPhoneDef } from '@hyperld/textus';
 * type ContactPhoneNode = NodeOf<ContactPhoneDef>; // the same as NodeOf<typeof ContactPhone>
 * ```
 */
export interface ContactPhoneDef extends DefType<typeof contactPhone> {}
/**
 * `ContactPhone`: a phone number of a contact.
 *
 * @example
 * ```ts
 * import { ContactPhone } from '@hyperld/textus';
 * ContactPhone.properties.extension.isNullable; // true
 * ```
 */
export const ContactPhone: ContactPhoneDef = contactPhone;
