/**
 * `ContactNote`, a note a user wrote about a contact, and `ContactNoteCollection`, a contact's notes.
 *
 * @module
 */
import { t, type DefType } from '@hyperld/core';
import { Collection } from '@hyperld/hydra';
import { membersOf, totalItems, view } from './collection.js';
import { COLLECTION_CONTEXT, v } from './namespace.js';
import { User } from './user.js';

const contactNote = v.type('ContactNote', {
  description: 'A note a user wrote about a contact.',
  properties: {
    content: t.string().describe('The text.'),
    createdAt: t.dateTime().describe('When it was written.'),
    updatedAt: t.dateTime().describe('When it was last changed.'),
    user: t.node(User).describe('Who wrote it.'),
    contact: t.link('Contact').describe('The contact.'),
  },
});

/**
 * The type of {@link ContactNote}, by name: declarations that embed or extend it refer to
 * `ContactNoteDef` instead of spelling out its properties again.
 *
 * @example
 * ```ts
 * import type { NodeOf } from '@hyperld/core';
 * import type { ContactNoteDef } from '@hyperld/textus';
 * type ContactNoteNode = NodeOf<ContactNoteDef>; // the same as NodeOf<typeof ContactNote>
 * ```
 */
export interface ContactNoteDef extends DefType<typeof contactNote> {}
/**
 * `ContactNote`: a note a user wrote about a contact.
 *
 * @example
 * ```ts
 * import { ContactNote } from '@hyperld/textus';
 * ContactNote.type; // 'ContactNote'
 * ```
 */
export const ContactNote: ContactNoteDef = contactNote;

const contactNoteCollection = v.type('ContactNoteCollection', {
  extends: Collection,
  context: COLLECTION_CONTEXT,
  description: 'The notes of a contact.',
  properties: { members: membersOf(t.node(ContactNote)), totalItems, view },
});

/**
 * The type of {@link ContactNoteCollection}, by name: declarations that embed or extend it refer to
 * `ContactNoteCollectionDef` instead of spelling out its properties again.
 *
 * @example
 * ```ts
 * import type { NodeOf } from '@hyperld/core';
 * import type { ContactNoteCollectionDef } from '@hyperld/textus';
 * type ContactNoteCollectionNode = NodeOf<ContactNoteCollectionDef>; // the same as NodeOf<typeof ContactNoteCollection>
 * ```
 */
export interface ContactNoteCollectionDef extends DefType<typeof contactNoteCollection> {}
/**
 * `ContactNoteCollection`: the notes of a contact.
 *
 * @example
 * ```ts
 * import { ContactNoteCollection } from '@hyperld/textus';
 * ContactNoteCollection.context; // '/contexts/hydra:Collection.jsonld'
 * ```
 */
export const ContactNoteCollection: ContactNoteCollectionDef = contactNoteCollection;
