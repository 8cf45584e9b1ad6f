/**
 * `Contact`, a person the account messages, and `ContactCollection`.
 *
 * @module
 */
import { t, type DefType } from '@hyperld/core';
import { Collection } from '@hyperld/hydra';
import { membersOf, totalItems, view } from './collection.js';
import { COLLECTION_CONTEXT, v } from './namespace.js';

const contact = v.type('Contact', {
  description: 'A person the account messages.',
  properties: {
    name: t.string().nullable().describe('The full name.'),
    firstName: t.string().nullable().optional().describe('The first name.'),
    lastName: t.string().nullable().optional().describe('The last name.'),
    phones: t.union(t.link(), t.node(Collection)).optional().describe('The phones: an embedded collection of ContactPhone, or a link.'),
    notes: t.union(t.link('ContactNoteCollection'), t.node(Collection)).optional().describe('The notes: a link, or an embedded collection of ContactNote.'),
    conversations: t.link('ConversationCollection').optional().describe('The conversations with this contact.'),
    data: t.json().optional().describe('Free-form data, often `{}`.'),
    createdAt: t.dateTime().optional().describe('When the contact was created.'),
    formattedData: t.json().optional().describe('Free-form data formatted for people, often `{}`.'),
  },
});

/**
 * The type of {@link Contact}, by name: declarations that embed or extend it refer to
 * `ContactDef` instead of spelling out its properties again.
 *
 * @example
 * ```ts
 * import type { NodeOf } from '@hyperld/core';
 * import type { ContactDef } from '@hyperld/textus';
 * type ContactNode = NodeOf<ContactDef>; // the same as NodeOf<typeof Contact>
 * ```
 */
export interface ContactDef extends DefType<typeof contact> {}
/**
 * `Contact`: a person TextUs users message.
 *
 * @example
 * ```ts
 * import { Contact } from '@hyperld/textus';
 * Contact.properties.data.spec.tag; // 'json'
 * ```
 */
export const Contact: ContactDef = contact;

const contactCollection = v.type('ContactCollection', {
  extends: Collection,
  context: COLLECTION_CONTEXT,
  description: 'A collection of contacts.',
  properties: { members: membersOf(t.node(Contact)), totalItems, view },
});

/**
 * The type of {@link ContactCollection}, by name: declarations that embed or extend it refer to
 * `ContactCollectionDef` instead of spelling out its properties again.
 *
 * @example
 * ```ts
 * import type { NodeOf } from '@hyperld/core';
 * import type { ContactCollectionDef } from '@hyperld/textus';
 * type ContactCollectionNode = NodeOf<ContactCollectionDef>; // the same as NodeOf<typeof ContactCollection>
 * ```
 */
export interface ContactCollectionDef extends DefType<typeof contactCollection> {}
/**
 * `ContactCollection`: contacts, as embedded in a conversation (its context is the plain
 * `/contexts/hydra:Collection.jsonld`, not one of its own).
 *
 * @example
 * ```ts
 * import { ContactCollection } from '@hyperld/textus';
 * ContactCollection.context; // '/contexts/hydra:Collection.jsonld'
 * ```
 */
export const ContactCollection: ContactCollectionDef = contactCollection;
