/**
 * Rendering a contact's phones, one and all.
 *
 * @module
 */
import type { JsonObject, NodeOf } from '@hyperld/core';
import { COLLECTION_CONTEXT, type ContactPhone } from '@hyperld/textus';
import type { PhoneRow } from '../store/rows.js';
import { contextUrl, formatPhone } from './format.js';

/**
 * Renders a contact phone.
 *
 * @param p - the phone row.
 * @returns the node.
 * @example
 * ```ts
 * import { renderPhone } from '@hyperld/textus-server';
 * renderPhone({ id: 'mxvbRw', contact_id: 'DQeeO69', phone_number: '+13035551234', type: 'Mobile' }).formattedPhoneNumber; // '(303) 555-1234'
 * ```
 */
export function renderPhone(p: PhoneRow): NodeOf<typeof ContactPhone> {
  return {
    '@type': 'ContactPhone',
    id: `/contact_phones/${p.id}`,
    '@context': contextUrl('ContactPhone'),
    phoneNumber: p.phone_number,
    formattedPhoneNumber: formatPhone(p.phone_number),
    extension: null,
    type: p.type,
    deliverabilityStatus: 'unknown',
    contact: `/contacts/${p.contact_id}`,
  };
}

/**
 * Renders the phones of a contact (the seed's order of keys), embedded in the contact and at
 * their own URL alike: all of them, unpaged (a contact has a few).
 *
 * @param contactId - the contact's id.
 * @param phones - its phone rows.
 * @returns the collection.
 * @example
 * ```ts
 * import { renderPhones } from '@hyperld/textus-server';
 * renderPhones('DQeeO69', [{ id: 'mxvbRw', contact_id: 'DQeeO69', phone_number: '+13035551234', type: 'Mobile' }])['totalItems']; // 1
 * ```
 */
export function renderPhones(contactId: string, phones: readonly PhoneRow[]): JsonObject {
  return {
    id: `/contacts/${contactId}/phones`,
    '@type': 'hydra:Collection',
    '@context': COLLECTION_CONTEXT,
    totalItems: phones.length,
    members: phones.map(renderPhone) as unknown as JsonObject[],
  };
}
