/**
 * `Membership`: a user's membership of an account, with a role.
 *
 * @module
 */
import { t, type DefType } from '@hyperld/core';
import { Account } from './account.js';
import { v } from './namespace.js';

const membership = v.type('Membership', {
  description: 'A user membership of an account, with a role.',
  properties: {
    role: t.string().describe('The role (e.g. `admin`, `member`).'),
    user: t.link('User').describe('The member.'),
    account: t.node(Account).describe('The account.'),
  },
});

/**
 * The type of {@link Membership}, by name: declarations that embed or extend it refer to
 * `MembershipDef` instead of spelling out its properties again.
 *
 * @example
 * ```ts
 * import type { NodeOf } from '@hyperld/core';
 * import type { MembershipDef } from '@hyperld/textus';
 * type MembershipNode = NodeOf<MembershipDef>; // the same as NodeOf<typeof Membership>
 * ```
 */
export interface MembershipDef extends DefType<typeof membership> {}
/**
 * `Membership`: a user role in an account.
 *
 * @example
 * ```ts
 * import { Membership } from '@hyperld/textus';
 * Membership.type; // 'Membership'
 * ```
 */
export const Membership: MembershipDef = membership;
