/**
 * The seed's facts: the ids, tokens and instants that the one full TextUs response we hold
 * (`test/fixtures/000_bd34847030ad49a7.txt`) and the tests rely on, and the fixed cast around them
 * (accounts with their members, staff users, where the seed contact's conversations live). Nothing
 * here is random, and nothing depends on the generator's seed.
 *
 * @module
 */
import type { PhoneRow } from '../store/rows.js';

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

// The facts below are the seed's own, not exported from the package: the cast of accounts and
// users, and the fixture's contact and conversation as rows. `generate.ts` builds around them.

/**
 * The seed contact's second phone: its id sorts after `mxvbRw`, so it is the contact's last phone,
 * the one its conversations are held with (see `conversationPhoneNumber`).
 *
 * @example
 * ```ts
 * import { SEED_CONVERSATION_PHONE_ID, SEED_PHONE_ID } from './facts.js';
 * SEED_PHONE_ID < SEED_CONVERSATION_PHONE_ID; // true
 * ```
 */
export const SEED_CONVERSATION_PHONE_ID = 'r4TzQp';
/**
 * The number of {@link SEED_CONVERSATION_PHONE_ID}, the `phoneNumber` of the seed contact's conversations.
 *
 * @example
 * ```ts
 * import { SEED_CONVERSATION_PHONE } from './facts.js';
 * SEED_CONVERSATION_PHONE; // '+13035555678'
 * ```
 */
export const SEED_CONVERSATION_PHONE = '+13035555678';

/**
 * An account of the seed, with its members and its share of the generated contacts.
 *
 * @example
 * ```ts
 * import type { AccountSeed } from './facts.js';
 * const account: AccountSeed = { id: 'acme', name: 'Acme', phone: '+13035550009', members: [['demo', 'admin']], weight: 0.1 };
 * ```
 */
export interface AccountSeed {
  /** The account's id. */
  readonly id: string;
  /** Its name. */
  readonly name: string;
  /** Its phone number, E.164. */
  readonly phone: string;
  /** Members: user key and role. */
  readonly members: readonly (readonly [string, 'admin' | 'member'])[];
  /** Share of the generated contacts that belong to this account. */
  readonly weight: number;
}

/**
 * A user of the seed, known by a key until generation gives it an id.
 *
 * @example
 * ```ts
 * import type { UserSeed } from './facts.js';
 * const user: UserSeed = { key: 'ada', first: 'Ada', last: 'Lovelace', email: 'ada@example.com' };
 * ```
 */
export interface UserSeed {
  /** What {@link AccountSeed.members} call the user. */
  readonly key: string;
  /** The first name. */
  readonly first: string;
  /** The last name. */
  readonly last: string;
  /** The email address. */
  readonly email: string;
}

/**
 * A user whose id and token are fixed, so that tests and the README can sign in as them.
 *
 * @example
 * ```ts
 * import type { KnownUserSeed } from './facts.js';
 * const user: KnownUserSeed = { key: 'demo', id: 'u_demo', token: 'u_demo.secret', first: 'Demo', last: 'User', email: 'demo@example.com' };
 * ```
 */
export interface KnownUserSeed extends UserSeed {
  /** The user's id. */
  readonly id: string;
  /** The bearer token (only its hash is stored). */
  readonly token: string;
}

/**
 * The demo user and the other user, in that order: the users with known tokens.
 *
 * @example
 * ```ts
 * import { KNOWN_USERS } from './facts.js';
 * KNOWN_USERS.map((u) => u.id); // ['u_demo', 'u_other']
 * ```
 */
export const KNOWN_USERS: readonly KnownUserSeed[] = [
  { key: 'demo', id: DEMO_USER_ID, token: DEMO_TOKEN, first: 'Demo', last: 'User', email: 'demo@example.com' },
  { key: 'other', id: OTHER_USER_ID, token: OTHER_TOKEN, first: 'Other', last: 'User', email: 'other@example.org' },
];

/**
 * The staff: users with generated ids and unguessable secrets, members of the accounts below.
 *
 * @example
 * ```ts
 * import { STAFF } from './facts.js';
 * STAFF.length; // 8
 * ```
 */
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

/**
 * The accounts, with their members. The demo user is in `my_account`, `front_range_clinic` and
 * `mile_high_sales`; the other user only in `boulder_staffing`; `pikes_peak_rentals` has neither,
 * so conversations there are nobody's of theirs.
 *
 * @example
 * ```ts
 * import { ACCOUNTS } from './facts.js';
 * ACCOUNTS.map((a) => a.id); // ['my_account', 'front_range_clinic', 'mile_high_sales', 'boulder_staffing', 'pikes_peak_rentals']
 * ```
 */
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

/**
 * The seed contact, "Jamel Hirthe" of `my_account`, as the fixture has it.
 *
 * @example
 * ```ts
 * import { SEED_CONTACT } from './facts.js';
 * SEED_CONTACT.createdAt; // '2020-01-06T21:49:58.312Z'
 * ```
 */
export const SEED_CONTACT = {
  id: SEED_CONTACT_ID,
  accountId: SEED_ACCOUNT_ID,
  first: 'Jamel',
  last: 'Hirthe',
  data: '{}',
  createdAt: '2020-01-06T21:49:58.312Z',
} as const;

/**
 * The seed contact's phones as rows, in `phonesOf` order: the fixture's Mobile first, then the one
 * its conversations are held with.
 *
 * @example
 * ```ts
 * import { SEED_PHONES } from './facts.js';
 * SEED_PHONES.map((p) => p.phone_number); // ['+13035551234', '+13035555678']
 * ```
 */
export const SEED_PHONES: readonly PhoneRow[] = [
  { id: SEED_PHONE_ID, contact_id: SEED_CONTACT_ID, phone_number: '+13035551234', type: 'Mobile' },
  { id: SEED_CONVERSATION_PHONE_ID, contact_id: SEED_CONTACT_ID, phone_number: SEED_CONVERSATION_PHONE, type: 'Mobile' },
];

/**
 * Where the seed contact's other conversations live, and how many: besides `Pvwqm5G` (in
 * `my_account`), two of the demo user's accounts and two that are not theirs.
 *
 * @example
 * ```ts
 * import { SEED_CONTACT_CONVERSATIONS } from './facts.js';
 * SEED_CONTACT_CONVERSATIONS[0]; // ['my_account', 59]
 * ```
 */
export const SEED_CONTACT_CONVERSATIONS: readonly (readonly [string, number])[] = [
  [SEED_ACCOUNT_ID, 59],
  [DEMO_SECOND_ACCOUNT_ID, 27],
  [OTHER_ACCOUNT_ID, 9],
  ['pikes_peak_rentals', 4],
];

/**
 * The fixture's conversation `Pvwqm5G`: open, answered, subscribed, assigned to the demo user and
 * unread by them, and its four messages, oldest first (the outbound ones sent by the demo user). Only the latest has an id the fixture
 * names; the others get generated ids. It starts after every other conversation, so it has the
 * highest `seq` of all.
 *
 * @example
 * ```ts
 * import { SEED_CONVERSATION } from './facts.js';
 * SEED_CONVERSATION.messages.at(-1)?.body; // 'He once made a weeping willow laugh'
 * ```
 */
export const SEED_CONVERSATION = {
  id: SEED_CONVERSATION_ID,
  accountId: SEED_ACCOUNT_ID,
  contactId: SEED_CONTACT_ID,
  state: 'open',
  unanswered: 0,
  unsubscribed: 0,
  assignee: DEMO_USER_ID,
  sender: DEMO_USER_ID,
  messages: [
    { direction: 'out', body: 'Hi Jamel, this is Demo from Example Account. Did you get a chance to meet the new gardener?', ts: '2018-07-24T20:41:07.482Z' },
    { direction: 'in', body: 'I did! Quiet guy, but the trees love him.', ts: '2018-07-24T20:47:55.019Z' },
    { direction: 'out', body: 'Ha, that is what everyone says. Anything else we should know?', ts: '2018-07-24T20:52:10.730Z' },
    { direction: 'in', body: 'He once made a weeping willow laugh', ts: SEED_NOW, id: SEED_MESSAGE_ID },
  ],
} as const;
