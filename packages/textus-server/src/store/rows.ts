/**
 * The store's rows, one interface per table (the columns as SQLite returns them: no booleans, JSON
 * as text), and the keyset pages they are read in.
 *
 * @module
 */

/**
 * A row of `accounts`.
 *
 * @example
 * ```ts
 * import { SEED_ACCOUNT_ID, seedStore, TextusStore, type AccountRow } from '@hyperld/textus-server';
 * const store = TextusStore.open(':memory:');
 * seedStore(store);
 * const account: AccountRow | undefined = store.account(SEED_ACCOUNT_ID);
 * // { id: 'my_account', name: 'Example Account', type: 'standard', phone_number: '+13035550000' }
 * ```
 */
export interface AccountRow {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly phone_number: string;
}
/**
 * A row of `users`.
 *
 * @example
 * ```ts
 * import { DEMO_USER_ID, seedStore, TextusStore, type UserRow } from '@hyperld/textus-server';
 * const store = TextusStore.open(':memory:');
 * seedStore(store);
 * const user: UserRow | undefined = store.user(DEMO_USER_ID);
 * user?.email; // 'demo@example.com'
 * ```
 */
export interface UserRow {
  readonly id: string;
  readonly name: string;
  readonly first_name: string | null;
  readonly last_name: string | null;
  readonly email: string;
}
/**
 * A row of `contacts`.
 *
 * @example
 * ```ts
 * import { SEED_CONTACT_ID, seedStore, TextusStore, type ContactRow } from '@hyperld/textus-server';
 * const store = TextusStore.open(':memory:');
 * seedStore(store);
 * const contact: ContactRow | undefined = store.contact(SEED_CONTACT_ID);
 * contact?.data; // '{}': the custom fields, as JSON text
 * ```
 */
export interface ContactRow {
  readonly id: string;
  readonly account_id: string;
  readonly name: string | null;
  readonly first_name: string | null;
  readonly last_name: string | null;
  readonly data: string;
  readonly created_at: string;
}
/**
 * A row of `contact_phones`.
 *
 * @example
 * ```ts
 * import { SEED_CONTACT_ID, seedStore, TextusStore, type PhoneRow } from '@hyperld/textus-server';
 * const store = TextusStore.open(':memory:');
 * seedStore(store);
 * const phones: PhoneRow[] = store.phonesOf(SEED_CONTACT_ID);
 * phones.map((p) => p.phone_number); // ['+13035551234', '+13035555678']
 * ```
 */
export interface PhoneRow {
  readonly id: string;
  readonly contact_id: string;
  readonly phone_number: string;
  readonly type: string;
}
/**
 * A row of `contact_notes`.
 *
 * @example
 * ```ts
 * import { SEED_CONTACT_ID, seedStore, TextusStore, type NoteRow } from '@hyperld/textus-server';
 * const store = TextusStore.open(':memory:');
 * seedStore(store);
 * const notes: NoteRow[] = store.notesOf(SEED_CONTACT_ID); // newest first
 * notes[0]?.content; // 'Follow up after the holidays.'
 * ```
 */
export interface NoteRow {
  readonly id: string;
  readonly seq: number;
  readonly contact_id: string;
  readonly user_id: string;
  readonly content: string;
  readonly created_at: string;
  readonly updated_at: string;
}
/**
 * A row of `conversations`.
 *
 * @example
 * ```ts
 * import { SEED_CONVERSATION_ID, seedStore, TextusStore, type ConversationRow } from '@hyperld/textus-server';
 * const store = TextusStore.open(':memory:');
 * seedStore(store);
 * const conversation: ConversationRow | undefined = store.conversation(SEED_CONVERSATION_ID);
 * conversation?.current_state; // 'open'
 * conversation?.blocked; // 0 (SQLite has no booleans)
 * ```
 */
export interface ConversationRow {
  readonly id: string;
  readonly seq: number;
  readonly account_id: string;
  readonly contact_id: string;
  readonly current_state: string;
  readonly unanswered: number;
  readonly unsubscribed: number;
  readonly blocked: number;
  readonly version: number;
}
/**
 * A row of `user_infos`.
 *
 * @example
 * ```ts
 * import { DEMO_USER_ID, SEED_CONVERSATION_ID, seedStore, TextusStore, type UserInfoRow } from '@hyperld/textus-server';
 * const store = TextusStore.open(':memory:');
 * seedStore(store);
 * const info: UserInfoRow = store.userInfo(SEED_CONVERSATION_ID, DEMO_USER_ID);
 * info.assigned; // 1
 * ```
 */
export interface UserInfoRow {
  readonly conversation_id: string;
  readonly user_id: string;
  readonly read: number;
  readonly read_to: string | null;
  readonly starred: number;
  readonly assigned: number;
}
/**
 * A row of `messages`.
 *
 * @example
 * ```ts
 * import { SEED_MESSAGE_ID, seedStore, TextusStore, type MessageRow } from '@hyperld/textus-server';
 * const store = TextusStore.open(':memory:');
 * seedStore(store);
 * const message: MessageRow | undefined = store.message(SEED_MESSAGE_ID);
 * message?.direction; // 'in'
 * ```
 */
export interface MessageRow {
  readonly id: string;
  readonly seq: number;
  readonly conversation_id: string;
  readonly direction: 'in' | 'out';
  readonly body: string;
  readonly delivery_state: string;
  readonly ts: string;
  readonly sender_id: string | null;
  readonly source: string;
  readonly flags: string;
}

/**
 * What a page renders of each conversation beyond its row, read for the whole page at once
 * ({@link StoreReads.conversationDetails}).
 *
 * @example
 * ```ts
 * import { DEMO_USER_ID, SEED_CONVERSATION_ID, seedEngine, SqliteEngine, type ConversationDetails } from '@hyperld/textus-server';
 * const store = SqliteEngine.open(':memory:');
 * await seedEngine(store);
 * const details: ConversationDetails | undefined = (await store.conversationDetails([SEED_CONVERSATION_ID], DEMO_USER_ID)).get(SEED_CONVERSATION_ID);
 * details?.info.assigned; // 1
 * ```
 */
export interface ConversationDetails {
  /** The newest message that is not scheduled. */
  readonly latest: MessageRow | undefined;
  /** The next scheduled message. */
  readonly scheduled: MessageRow | undefined;
  /** The requesting user's info (all zero when they have none). */
  readonly info: UserInfoRow;
}

/**
 * The {@link ConversationDetails} of each id, in the order asked, from the rows read for all of
 * them (each row names its conversation); an id without a user-info row gets an all-zero one.
 *
 * @param ids - the conversations.
 * @param userId - the requesting user.
 * @param latest - newest non-scheduled messages, at most one per conversation.
 * @param scheduled - next scheduled messages, at most one per conversation.
 * @param infos - the user's info rows.
 * @returns the details by conversation id.
 * @example
 * ```ts
 * import { detailsByConversation } from './rows.js';
 * detailsByConversation(['c1'], 'u1', [], [], []).get('c1')?.info.read; // 0
 * ```
 */
export function detailsByConversation(
  ids: readonly string[],
  userId: string,
  latest: readonly MessageRow[],
  scheduled: readonly MessageRow[],
  infos: readonly UserInfoRow[],
): Map<string, ConversationDetails> {
  const latestOf = new Map(latest.map((m) => [m.conversation_id, m]));
  const scheduledOf = new Map(scheduled.map((m) => [m.conversation_id, m]));
  const infoOf = new Map(infos.map((i) => [i.conversation_id, i]));
  const out = new Map<string, ConversationDetails>();
  for (const id of ids) {
    out.set(id, {
      latest: latestOf.get(id),
      scheduled: scheduledOf.get(id),
      info: infoOf.get(id) ?? { conversation_id: id, user_id: userId, read: 0, read_to: null, starred: 0, assigned: 0 },
    });
  }
  return out;
}

/**
 * A row of `memberships`: a user's role in an account.
 *
 * @example
 * ```ts
 * import { DEMO_USER_ID, seedStore, TextusStore, type MembershipRow } from '@hyperld/textus-server';
 * const store = TextusStore.open(':memory:');
 * seedStore(store);
 * const [first] = store.membershipsOf(DEMO_USER_ID);
 * const membership: MembershipRow | undefined = first && store.membership(first.id);
 * membership?.user_id; // 'u_demo'
 * ```
 */
export interface MembershipRow {
  readonly id: string;
  readonly user_id: string;
  readonly account_id: string;
  readonly role: string;
}

/**
 * A row of `users` as stored: a {@link UserRow} and the SHA-256 of the user's token (see
 * {@link hashToken}), which the store's reads never hand out.
 *
 * @example
 * ```ts
 * import { hashToken, type StoredUserRow } from '@hyperld/textus-server';
 * const user: StoredUserRow = { id: 'u_new', name: 'New User', first_name: 'New', last_name: 'User', email: 'new@example.com', token_hash: hashToken('u_new.secret') };
 * ```
 */
export interface StoredUserRow extends UserRow {
  readonly token_hash: string;
}

/**
 * Rows to write with {@link TextusStore.insertRows}, by table. Each list is written in its order:
 * a contact's place in its list is its `rowid`, the order `contactsOf` pages in.
 *
 * @example
 * ```ts
 * import type { TableRows } from '@hyperld/textus-server';
 * const rows: TableRows = { accounts: [{ id: 'acme', name: 'Acme', type: 'standard', phone_number: '+13035550100' }] };
 * ```
 */
export interface TableRows {
  /** Rows of `accounts`. */
  readonly accounts?: readonly AccountRow[];
  /** Rows of `users`, with their token digests. */
  readonly users?: readonly StoredUserRow[];
  /** Rows of `memberships`. */
  readonly memberships?: readonly MembershipRow[];
  /** Rows of `contacts`. */
  readonly contacts?: readonly ContactRow[];
  /** Rows of `contact_phones`. */
  readonly phones?: readonly PhoneRow[];
  /** Rows of `contact_notes`. */
  readonly notes?: readonly NoteRow[];
  /** Rows of `conversations`. */
  readonly conversations?: readonly ConversationRow[];
  /** Rows of `user_infos`. */
  readonly userInfos?: readonly UserInfoRow[];
  /** Rows of `messages`. */
  readonly messages?: readonly MessageRow[];
}

/**
 * A page of rows and whether more lie on either side.
 *
 * @example
 * ```ts
 * import { SEED_CONVERSATION_ID, seedStore, TextusStore, type MessageRow, type RowPage } from '@hyperld/textus-server';
 * const store = TextusStore.open(':memory:');
 * seedStore(store);
 * const page: RowPage<MessageRow> = store.messagesOf(SEED_CONVERSATION_ID, undefined, 2);
 * page.rows.map((m) => m.id); // ['06oyogE', 't08YTn0'], newest first
 * page.hasNext; // true
 * page.total; // 4
 * ```
 */
export interface RowPage<R> {
  readonly rows: readonly R[];
  readonly hasNext: boolean;
  readonly hasPrevious: boolean;
  readonly total: number;
}

/**
 * Where a page starts: after (older than) or before (newer than) a sequence number.
 *
 * @example
 * ```ts
 * import { SEED_CONVERSATION_ID, seedStore, TextusStore, type PagePosition } from '@hyperld/textus-server';
 * const store = TextusStore.open(':memory:');
 * seedStore(store);
 * const first = store.messagesOf(SEED_CONVERSATION_ID, undefined, 2);
 * const last = first.rows.at(-1);
 * const next: PagePosition = last && { after: last.seq };
 * store.messagesOf(SEED_CONVERSATION_ID, next, 2).rows.map((m) => m.id); // ['EUBjbb', 'I3zQif']
 * ```
 */
export type PagePosition = { readonly after: number } | { readonly before: number } | undefined;
