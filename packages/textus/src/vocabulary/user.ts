/**
 * `User`: a person, or an automated actor, who uses TextUs.
 *
 * @module
 */
import { t, type DefType } from '@hyperld/core';
import { Collection } from '@hyperld/hydra';
import { v } from './namespace.js';

const user = v.type('User', {
  description: 'A person, or an automated actor, who uses TextUs.',
  properties: {
    name: t.string().describe('The full name.'),
    firstName: t.string().nullable().optional().describe('The first name.'),
    lastName: t.string().nullable().optional().describe('The last name.'),
    email: t.string().optional().describe('The email address.'),
    avatar: t.string().nullable().optional().describe('The avatar URL, or null.'),
    automatedActor: t.boolean().optional().describe('Whether the user is a bot.'),
    hasPassword: t.boolean().optional().describe('Whether the user has set a password.'),
    discarded: t.boolean().optional().describe('Whether the user was removed.'),
    settings: t.json().optional().describe('Free-form settings, e.g. `{"customSettings": {}}`.'),
    memberships: t.union(t.link(), t.node(Collection)).optional().describe('The memberships: a link, or an embedded collection of Membership.'),
  },
});

/**
 * The type of {@link User}, by name: declarations that embed or extend it refer to
 * `UserDef` instead of spelling out its properties again.
 *
 * @example
 * ```ts
 * import type { NodeOf } from '@hyperld/core';
 * import type { UserDef } from '@hyperld/textus';
 * type UserNode = NodeOf<UserDef>; // the same as NodeOf<typeof User>
 * ```
 */
export interface UserDef extends DefType<typeof user> {}
/**
 * `User`: a person (or an automated actor) who sends messages.
 *
 * @example
 * ```ts
 * import { User } from '@hyperld/textus';
 * User.context; // '/contexts/User.jsonld'
 * ```
 */
export const User: UserDef = user;
