/**
 * Rendering a user's memberships, one and all.
 *
 * @module
 */
import type { JsonObject } from '@hyperld/core';
import { COLLECTION_CONTEXT } from '@hyperld/textus';
import type { AccountRow } from '../store/rows.js';
import { renderAccountSummary } from './account.js';
import { contextUrl } from './format.js';

/**
 * A membership as {@link renderUser} and {@link renderMembership} take it: its id, the role and
 * the account's row.
 *
 * @example
 * ```ts
 * import type { MembershipOf } from '@hyperld/textus-server';
 * const m: MembershipOf = { id: '5Bh2nxK', role: 'admin', account: { id: 'my_account', name: 'Example Account', type: 'standard', phone_number: '+13035550000' } };
 * ```
 */
export interface MembershipOf {
  readonly id: string;
  readonly role: string;
  readonly account: AccountRow;
}

/**
 * Renders a membership, its account embedded as a summary.
 *
 * @param userId - the member's id.
 * @param m - the membership.
 * @returns the node.
 * @example
 * ```ts
 * import { renderMembership } from '@hyperld/textus-server';
 * const account = { id: 'my_account', name: 'Example Account', type: 'standard', phone_number: '+13035550000' };
 * renderMembership('u_demo', { id: '5Bh2nxK', role: 'admin', account })['id']; // '/memberships/5Bh2nxK'
 * ```
 */
export function renderMembership(userId: string, m: MembershipOf): JsonObject {
  return {
    '@type': 'Membership',
    '@context': contextUrl('Membership'),
    id: `/memberships/${m.id}`,
    role: m.role,
    user: `/users/${userId}`,
    account: renderAccountSummary(m.account) as unknown as JsonObject,
  };
}

/**
 * Renders the memberships of a user (those the requesting user may read), unpaged: as `GET
 * /users/:id` embeds them and as `GET /users/:id/memberships` answers them.
 *
 * @param userId - the member's id.
 * @param memberships - the memberships.
 * @returns the collection.
 * @example
 * ```ts
 * import { renderMemberships } from '@hyperld/textus-server';
 * renderMemberships('u_demo', [])['id']; // '/users/u_demo/memberships'
 * ```
 */
export function renderMemberships(userId: string, memberships: readonly MembershipOf[]): JsonObject {
  return {
    '@type': 'hydra:Collection',
    '@context': COLLECTION_CONTEXT,
    id: `/users/${userId}/memberships`,
    members: memberships.map((m) => renderMembership(userId, m)),
    totalItems: memberships.length,
  };
}
