/**
 * Rendering contacts, with their phones embedded, one and as a collection.
 *
 * @module
 */
import type { JsonObject, NodeOf } from '@hyperld/core';
import { COLLECTION_CONTEXT, type Contact } from '@hyperld/textus';
import type { ContactRow, PhoneRow } from '../store/rows.js';
import { renderPhones } from './contact-phone.js';
import { contextUrl } from './format.js';

/**
 * Renders a contact with its phones embedded and its notes as a link (the seed's order).
 *
 * @param c - the contact row.
 * @param phones - the contact's phone rows.
 * @returns the node.
 * @example
 * ```ts
 * import { renderContact } from '@hyperld/textus-server';
 * const contact = renderContact(
 *   { id: 'DQeeO69', account_id: 'my_account', name: 'Jamel Hirthe', first_name: 'Jamel', last_name: 'Hirthe', data: '{}', created_at: '2020-01-06T21:49:58.312Z' },
 *   [{ id: 'mxvbRw', contact_id: 'DQeeO69', phone_number: '+13035551234', type: 'Mobile' }],
 * );
 * contact.notes; // '/contacts/DQeeO69/notes'
 * ```
 */
export function renderContact(c: ContactRow, phones: readonly PhoneRow[]): NodeOf<typeof Contact> {
  const data = JSON.parse(c.data) as JsonObject;
  return {
    id: `/contacts/${c.id}`,
    '@type': 'Contact',
    '@context': contextUrl('Contact'),
    name: c.name,
    firstName: c.first_name,
    lastName: c.last_name,
    phones: renderPhones(c.id, phones),
    notes: `/contacts/${c.id}/notes`,
    conversations: `/contacts/${c.id}/conversations`,
    data,
    createdAt: c.created_at,
    formattedData: data,
  } as NodeOf<typeof Contact>;
}

/**
 * Renders contacts as a `ContactCollection` at `id` (whose context is the plain collection's, as
 * TextUs sends it), each with its phones.
 *
 * @param id - the collection's IRI.
 * @param contacts - each contact's row and phone rows.
 * @param totalItems - how many members the whole collection has (default: these).
 * @returns the collection, without a view.
 * @example
 * ```ts
 * import { renderContacts } from '@hyperld/textus-server';
 * renderContacts('/conversations/Pvwqm5G/associated_contacts', [])['@type']; // 'ContactCollection'
 * ```
 */
export function renderContacts(id: string, contacts: ReadonlyArray<{ readonly contact: ContactRow; readonly phones: readonly PhoneRow[] }>, totalItems = contacts.length): JsonObject {
  return {
    '@type': 'ContactCollection',
    '@context': COLLECTION_CONTEXT,
    id,
    members: contacts.map(({ contact, phones }) => renderContact(contact, phones) as unknown as JsonObject),
    totalItems,
  };
}
