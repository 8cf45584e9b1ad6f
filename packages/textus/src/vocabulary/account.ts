/**
 * `Account`, a messaging account, and `AccountCollection`.
 *
 * @module
 */
import { t, type DefType } from '@hyperld/core';
import { Collection } from '@hyperld/hydra';
import { membersOf, totalItems, view } from './collection.js';
import { COLLECTION_CONTEXT, v } from './namespace.js';

const account = v.type('Account', {
  description: 'A messaging account (a phone line shared by its users).',
  properties: {
    name: t.string().describe('The account name.'),
    slug: t.string().optional().describe('The account slug, used in its IRI.'),
    type: t.string().optional().describe('The kind of account (e.g. `standard`).'),
    logo: t.string().nullable().optional().describe('The logo URL, or null.'),
    phoneNumbers: t.list(t.string()).optional().describe('The account phone numbers, E.164.'),
    effectiveRole: t.string().optional().describe('The requesting user role in this account.'),
    multiUser: t.boolean().optional().describe('Whether several users share the account.'),
    messagingRestricted: t.boolean().optional().describe('Whether messaging is restricted.'),
    settings: t.json().optional().describe('Free-form settings.'),
    featureFlags: t.json().optional().describe('Free-form feature flags.'),
    contacts: t.link('ContactCollection').optional().describe('The account contacts.'),
    conversations: t.link('ConversationCollection').optional().describe('The account conversations, newest first, paged; filterable by state (see its `search`).'),
    conversationFilters: t.link().optional().describe('The saved inbox views.'),
    contactFilters: t.link().optional().describe('The saved contact views.'),
    users: t.link().optional().describe('The account users.'),
    sendMessages: t.link().optional().describe('Where to POST messages to send.'),
    scheduleMessages: t.link().optional().describe('Where to POST messages to schedule.'),
  },
});

/**
 * The type of {@link Account}, by name: declarations that embed or extend it refer to
 * `AccountDef` instead of spelling out its properties again.
 *
 * @example
 * ```ts
 * import type { NodeOf } from '@hyperld/core';
 * import type { AccountDef } from '@hyperld/textus';
 * type AccountNode = NodeOf<AccountDef>; // the same as NodeOf<typeof Account>
 * ```
 */
export interface AccountDef extends DefType<typeof account> {}
/**
 * `Account`: a messaging account. Embedded in a conversation it carries only `id` and `name`,
 * so everything else is optional.
 *
 * @example
 * ```ts
 * import type { NodeOf } from '@hyperld/core';
 * import { Account } from '@hyperld/textus';
 * const a: NodeOf<typeof Account> = { '@type': 'Account', '@context': '/contexts/Account.jsonld', id: '/accounts/my_account', name: 'Example Account' };
 * ```
 */
export const Account: AccountDef = account;

const accountCollection = v.type('AccountCollection', {
  extends: Collection,
  context: COLLECTION_CONTEXT,
  description: 'A page of the accounts the requesting user is a member of.',
  properties: { members: membersOf(t.node(Account)), totalItems, view },
});

/**
 * The type of {@link AccountCollection}, by name.
 *
 * @example
 * ```ts
 * import type { NodeOf } from '@hyperld/core';
 * import type { AccountCollectionDef } from '@hyperld/textus';
 * type Page = NodeOf<AccountCollectionDef>; // the same as NodeOf<typeof AccountCollection>
 * ```
 */
export interface AccountCollectionDef extends DefType<typeof accountCollection> {}
/**
 * `AccountCollection`: the accounts of the requesting user, newest first, paged (`GET /accounts`).
 *
 * @example
 * ```ts
 * import type { NodeOf } from '@hyperld/core';
 * import { AccountCollection } from '@hyperld/textus';
 * const none: NodeOf<typeof AccountCollection> = { '@type': 'AccountCollection', '@context': '/contexts/hydra:Collection.jsonld', id: '/accounts', members: [], totalItems: 0 };
 * ```
 */
export const AccountCollection: AccountCollectionDef = accountCollection;
