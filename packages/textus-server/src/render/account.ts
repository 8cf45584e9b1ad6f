/**
 * Rendering accounts: in full at their own URL, as a summary where they are embedded.
 *
 * @module
 */
import type { NodeOf } from '@hyperld/core';
import { COLLECTION_CONTEXT, type Account, type AccountCollection } from '@hyperld/textus';
import type { AccountRow } from '../store/rows.js';
import { contextUrl } from './format.js';

/**
 * Renders an account as embedded in a conversation (`id` and `name` only).
 *
 * @param a - the account row.
 * @returns the node.
 * @example
 * ```ts
 * import { renderAccountSummary } from '@hyperld/textus-server';
 * renderAccountSummary({ id: 'my_account', name: 'Example Account', type: 'standard', phone_number: '+13035550000' });
 * // { '@type': 'Account', '@context': '/contexts/Account.jsonld', id: '/accounts/my_account', name: 'Example Account' }
 * ```
 */
export function renderAccountSummary(a: AccountRow): NodeOf<typeof Account> {
  return { '@type': 'Account', '@context': contextUrl('Account'), id: `/accounts/${a.id}`, name: a.name };
}

/**
 * Renders an account in full. Of the links an account may carry it sends those the reference
 * server answers (`contacts`, `users`): it has no saved views (`conversationFilters`,
 * `contactFilters`) and sends no messages (`sendMessages`, `scheduleMessages`), and a link to a
 * resource that is not there would only lead a client to a 404.
 *
 * @param a - the account row.
 * @param role - the requesting user's role in it (`effectiveRole`).
 * @returns the node.
 * @example
 * ```ts
 * import { renderAccount } from '@hyperld/textus-server';
 * const account = renderAccount({ id: 'my_account', name: 'Example Account', type: 'standard', phone_number: '+13035550000' }, 'admin');
 * account.contacts; // '/accounts/my_account/contacts'
 * ```
 */
export function renderAccount(a: AccountRow, role: string): NodeOf<typeof Account> {
  return {
    '@type': 'Account',
    '@context': contextUrl('Account'),
    id: `/accounts/${a.id}`,
    name: a.name,
    slug: a.id,
    type: a.type,
    logo: null,
    phoneNumbers: [a.phone_number],
    effectiveRole: role,
    multiUser: true,
    messagingRestricted: false,
    settings: {},
    featureFlags: {},
    contacts: `/accounts/${a.id}/contacts`,
    conversations: `/accounts/${a.id}/conversations`,
    users: `/accounts/${a.id}/users`,
  };
}

/**
 * A page of accounts, each in full (with its role), as `GET /accounts` answers.
 *
 * @param id - the collection's IRI.
 * @param accounts - each account and the requesting user's role in it.
 * @param total - how many accounts the whole collection has.
 * @returns the collection node (without its view).
 * @example
 * ```ts
 * import { renderAccounts } from '@hyperld/textus-server';
 * const page = renderAccounts('/accounts', [{ account: { id: 'my_account', name: 'Example Account', type: 'standard', phone_number: '+13035550000' }, role: 'admin' }], 1);
 * ```
 */
export function renderAccounts(id: string, accounts: readonly { readonly account: AccountRow; readonly role: string }[], total: number): NodeOf<typeof AccountCollection> {
  return {
    '@type': 'AccountCollection',
    '@context': COLLECTION_CONTEXT,
    id,
    members: accounts.map(({ account, role }) => renderAccount(account, role)),
    totalItems: total,
  };
}
