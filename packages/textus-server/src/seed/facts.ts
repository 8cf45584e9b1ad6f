/**
 * The seed's facts: the ids, tokens and instants that the one full TextUs response we hold
 * (`test/fixtures/000_bd34847030ad49a7.txt`) and the tests rely on, and the fixed cast around them
 * (accounts with their members, staff users, where the seed contact's conversations live). Nothing
 * here is random, and nothing depends on the generator's seed.
 *
 * @module
 */

/**
 * The demo user: a member of `my_account` and two more accounts.
 *
 * @example
 * ```ts
 * import { DEMO_USER_ID, SEED_ACCOUNT_ID, seedStore, TextusStore } from '@hyperld/textus-server';
 * const store = TextusStore.open(':memory:');
 * seedStore(store);
 * store.isMember(DEMO_USER_ID, SEED_ACCOUNT_ID); // true
 * store.accountIdsOf(DEMO_USER_ID).length; // 3
 * ```
 */
export const DEMO_USER_ID = 'u_demo';
/**
 * The demo user's bearer token (`<user id>.<secret>`); only its hash is stored.
 *
 * @example
 * ```ts
 * import { DEMO_TOKEN, seedStore, TextusStore } from '@hyperld/textus-server';
 * const store = TextusStore.open(':memory:');
 * seedStore(store);
 * store.userByToken(DEMO_TOKEN)?.id; // 'u_demo'
 * ```
 */
export const DEMO_TOKEN = 'u_demo.textus-demo-token-2f9a';
/**
 * A user who shares no account with the demo user, for cross-account 404 tests.
 *
 * @example
 * ```ts
 * import { DEMO_USER_ID, OTHER_USER_ID, seedStore, TextusStore } from '@hyperld/textus-server';
 * const store = TextusStore.open(':memory:');
 * seedStore(store);
 * store.sharesAccount(DEMO_USER_ID, OTHER_USER_ID); // false
 * ```
 */
export const OTHER_USER_ID = 'u_other';
/**
 * The other user's bearer token; only its hash is stored.
 *
 * @example
 * ```ts
 * import { OTHER_TOKEN, seedStore, TextusStore } from '@hyperld/textus-server';
 * const store = TextusStore.open(':memory:');
 * seedStore(store);
 * store.userByToken(OTHER_TOKEN)?.id; // 'u_other'
 * ```
 */
export const OTHER_TOKEN = 'u_other.textus-other-token-7c41';
/**
 * The seed's account ("Example Account").
 *
 * @example
 * ```ts
 * import { SEED_ACCOUNT_ID, seedStore, TextusStore } from '@hyperld/textus-server';
 * const store = TextusStore.open(':memory:');
 * seedStore(store);
 * store.account(SEED_ACCOUNT_ID)?.name; // 'Example Account'
 * ```
 */
export const SEED_ACCOUNT_ID = 'my_account';
/**
 * A second account of the demo user, holding some of `DQeeO69`'s conversations.
 *
 * @example
 * ```ts
 * import { DEMO_SECOND_ACCOUNT_ID, DEMO_USER_ID, seedStore, TextusStore } from '@hyperld/textus-server';
 * const store = TextusStore.open(':memory:');
 * seedStore(store);
 * store.isMember(DEMO_USER_ID, DEMO_SECOND_ACCOUNT_ID); // true
 * ```
 */
export const DEMO_SECOND_ACCOUNT_ID = 'front_range_clinic';
/**
 * The other user's only account; the demo user is not a member.
 *
 * @example
 * ```ts
 * import { DEMO_USER_ID, OTHER_ACCOUNT_ID, OTHER_USER_ID, seedStore, TextusStore } from '@hyperld/textus-server';
 * const store = TextusStore.open(':memory:');
 * seedStore(store);
 * store.isMember(OTHER_USER_ID, OTHER_ACCOUNT_ID); // true
 * store.isMember(DEMO_USER_ID, OTHER_ACCOUNT_ID); // false
 * ```
 */
export const OTHER_ACCOUNT_ID = 'boulder_staffing';
/**
 * The seed's contact, "Jamel Hirthe".
 *
 * @example
 * ```ts
 * import { SEED_CONTACT_ID, seedStore, TextusStore } from '@hyperld/textus-server';
 * const store = TextusStore.open(':memory:');
 * seedStore(store);
 * store.contact(SEED_CONTACT_ID)?.name; // 'Jamel Hirthe'
 * ```
 */
export const SEED_CONTACT_ID = 'DQeeO69';
/**
 * The seed contact's Mobile phone `+13035551234` (its first phone in `phonesOf` order).
 *
 * @example
 * ```ts
 * import { SEED_CONTACT_ID, SEED_PHONE_ID, seedStore, TextusStore } from '@hyperld/textus-server';
 * const store = TextusStore.open(':memory:');
 * seedStore(store);
 * store.phonesOf(SEED_CONTACT_ID)[0]?.id === SEED_PHONE_ID; // true
 * ```
 */
export const SEED_PHONE_ID = 'mxvbRw';
/**
 * The seed's conversation: the newest of `DQeeO69`'s conversations visible to the demo user.
 *
 * @example
 * ```ts
 * import { DEMO_USER_ID, SEED_CONTACT_ID, seedStore, TextusStore } from '@hyperld/textus-server';
 * const store = TextusStore.open(':memory:');
 * seedStore(store);
 * store.conversationsOfContact(DEMO_USER_ID, SEED_CONTACT_ID, undefined, 1).rows[0]?.id; // 'Pvwqm5G'
 * ```
 */
export const SEED_CONVERSATION_ID = 'Pvwqm5G';
/**
 * The latest (previewable) message of the seed's conversation.
 *
 * @example
 * ```ts
 * import { SEED_CONVERSATION_ID, seedStore, TextusStore } from '@hyperld/textus-server';
 * const store = TextusStore.open(':memory:');
 * seedStore(store);
 * store.latestMessage(SEED_CONVERSATION_ID)?.id; // '06oyogE'
 * ```
 */
export const SEED_MESSAGE_ID = '06oyogE';
/**
 * The seed's "now": the timestamp of {@link SEED_MESSAGE_ID}, the latest delivered or received
 * message of all. Only scheduled messages lie after it.
 *
 * @example
 * ```ts
 * import { SEED_MESSAGE_ID, SEED_NOW, seedStore, TextusStore } from '@hyperld/textus-server';
 * const store = TextusStore.open(':memory:');
 * seedStore(store);
 * store.message(SEED_MESSAGE_ID)?.ts === SEED_NOW; // true
 * ```
 */
export const SEED_NOW = '2018-07-24T20:59:32.156Z';

/** The seed contact's second phone: its id sorts after `mxvbRw`, so it is the contact's last phone. */
export const SEED_CONVERSATION_PHONE_ID = 'r4TzQp';
export const SEED_CONVERSATION_PHONE = '+13035555678';

export interface AccountSeed {
  readonly id: string;
  readonly name: string;
  readonly phone: string;
  /** Members: user key and role. */
  readonly members: readonly (readonly [string, 'admin' | 'member'])[];
  /** Share of the generated contacts that belong to this account. */
  readonly weight: number;
}

export interface UserSeed {
  readonly key: string;
  readonly first: string;
  readonly last: string;
  readonly email: string;
}

export const STAFF: readonly UserSeed[] = [
  { key: 'priya', first: 'Priya', last: 'Natarajan', email: 'priya.natarajan@example.com' },
  { key: 'marcus', first: 'Marcus', last: 'Bell', email: 'marcus.bell@example.com' },
  { key: 'sofia', first: 'Sofia', last: 'Alvarez', email: 'sofia.alvarez@example.com' },
  { key: 'owen', first: 'Owen', last: 'Fitzgerald', email: 'owen.fitzgerald@example.com' },
  { key: 'hana', first: 'Hana', last: 'Kobayashi', email: 'hana.kobayashi@example.com' },
  { key: 'dmitri', first: 'Dmitri', last: 'Volkov', email: 'dmitri.volkov@example.com' },
  { key: 'grace', first: 'Grace', last: 'Okafor', email: 'grace.okafor@example.org' },
  { key: 'luis', first: 'Luis', last: 'Mendoza', email: 'luis.mendoza@example.org' },
];

// The demo user is in my_account, front_range_clinic and mile_high_sales; the other user only in
// boulder_staffing; pikes_peak_rentals has neither, so conversations there are nobody's of theirs.
export const ACCOUNTS: readonly AccountSeed[] = [
  {
    id: SEED_ACCOUNT_ID,
    name: 'Example Account',
    phone: '+13035550000',
    members: [['demo', 'admin'], ['priya', 'admin'], ['marcus', 'member'], ['sofia', 'member']],
    weight: 0.35,
  },
  { id: DEMO_SECOND_ACCOUNT_ID, name: 'Front Range Clinic', phone: '+13035550001', members: [['sofia', 'admin'], ['demo', 'member'], ['owen', 'member']], weight: 0.2 },
  { id: 'mile_high_sales', name: 'Mile High Sales', phone: '+13035550002', members: [['demo', 'admin'], ['hana', 'member'], ['dmitri', 'member']], weight: 0.15 },
  { id: OTHER_ACCOUNT_ID, name: 'Boulder Staffing', phone: '+13035550003', members: [['other', 'admin'], ['grace', 'member'], ['luis', 'member']], weight: 0.15 },
  { id: 'pikes_peak_rentals', name: 'Pikes Peak Rentals', phone: '+13035550004', members: [['dmitri', 'admin'], ['luis', 'member']], weight: 0.15 },
];

/** Where `DQeeO69`'s conversations live, besides `Pvwqm5G` (in `my_account`). */
export const SEED_CONTACT_CONVERSATIONS: readonly (readonly [string, number])[] = [
  [SEED_ACCOUNT_ID, 59],
  [DEMO_SECOND_ACCOUNT_ID, 27],
  [OTHER_ACCOUNT_ID, 9],
  ['pikes_peak_rentals', 4],
];
