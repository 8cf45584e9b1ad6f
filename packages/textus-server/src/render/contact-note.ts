/**
 * Rendering a note about a contact, with its author embedded.
 *
 * @module
 */
import type { NodeOf } from '@hyperld/core';
import type { ContactNote } from '@hyperld/textus';
import type { NoteRow, UserRow } from '../store/rows.js';
import { contextUrl } from './format.js';
import { renderUser } from './user.js';

/**
 * Renders a note, its author embedded (its memberships as a link).
 *
 * @param n - the note row.
 * @param author - the row of the note's author.
 * @returns the node.
 * @example
 * ```ts
 * import { renderNote } from '@hyperld/textus-server';
 * const author = { id: 'u_demo', name: 'Demo User', first_name: 'Demo', last_name: 'User', email: 'demo@example.com' };
 * const note = renderNote(
 *   { id: 'PVIe1J', seq: 1, contact_id: 'DQeeO69', user_id: 'u_demo', content: 'Follow up after the holidays.', created_at: '2018-07-24T02:21:42.449Z', updated_at: '2018-07-24T02:21:42.449Z' },
 *   author,
 * );
 * note.id; // '/contact_notes/PVIe1J'
 * ```
 */
export function renderNote(n: NoteRow, author: UserRow): NodeOf<typeof ContactNote> {
  return {
    '@type': 'ContactNote',
    '@context': contextUrl('ContactNote'),
    id: `/contact_notes/${n.id}`,
    content: n.content,
    createdAt: n.created_at,
    updatedAt: n.updated_at,
    user: renderUser(author),
    contact: `/contacts/${n.contact_id}`,
  } as NodeOf<typeof ContactNote>;
}
