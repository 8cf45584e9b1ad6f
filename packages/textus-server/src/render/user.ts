/**
 * Rendering users, one (with or without their memberships embedded) and as a collection.
 *
 * @module
 */
import type { JsonObject, NodeOf } from '@hyperld/core';
import { COLLECTION_CONTEXT, type User } from '@hyperld/textus';
import type { UserRow } from '../store/rows.js';
import { contextUrl } from './format.js';
import { renderMemberships, type MembershipOf } from './membership.js';

/**
 * Renders a user. At its own URL a user embeds its memberships; embedded in another node (a
 * note's author, a participant, an assignee) it links to them instead, the other form the
 * vocabulary gives `memberships` (and a page of notes does not repeat every author's accounts).
 *
 * @param u - the user row.
 * @param memberships - the user's memberships (those the requesting user may read) to embed;
 * omitted, `memberships` is a link.
 * @returns the node.
 * @example
 * ```ts
 * import { renderUser } from '@hyperld/textus-server';
 * const account = { id: 'my_account', name: 'Example Account', type: 'standard', phone_number: '+13035550000' };
 * const row = { id: 'u_demo', name: 'Demo User', first_name: 'Demo', last_name: 'User', email: 'demo@example.com' };
 * renderUser(row, [{ id: '5Bh2nxK', role: 'admin', account }]).memberships; // an embedded collection of one Membership
 * renderUser(row).memberships; // '/users/u_demo/memberships'
 * ```
 */
export function renderUser(u: UserRow, memberships?: readonly MembershipOf[]): NodeOf<typeof User> {
  return {
    '@type': 'User',
    '@context': contextUrl('User'),
    id: `/users/${u.id}`,
    name: u.name,
    firstName: u.first_name,
    lastName: u.last_name,
    email: u.email,
    avatar: null,
    automatedActor: false,
    hasPassword: true,
    discarded: false,
    settings: { customSettings: {} },
    memberships: memberships === undefined ? `/users/${u.id}/memberships` : renderMemberships(u.id, memberships),
  } as NodeOf<typeof User>;
}

/**
 * Renders users as an unpaged `hydra:Collection` at `id` (an account's users, a conversation's
 * participants), each with its memberships as a link.
 *
 * @param id - the collection's IRI.
 * @param users - the user rows.
 * @returns the collection.
 * @example
 * ```ts
 * import { renderUsers } from '@hyperld/textus-server';
 * renderUsers('/accounts/my_account/users', [])['totalItems']; // 0
 * ```
 */
export function renderUsers(id: string, users: readonly UserRow[]): JsonObject {
  return { '@type': 'hydra:Collection', '@context': COLLECTION_CONTEXT, id, members: users.map((u) => renderUser(u) as unknown as JsonObject), totalItems: users.length };
}
