/**
 * What a user may see: the reference server's one authorization rule, and the lookups that apply
 * it to each kind of row. The route handlers ask it whether a resource exists for the user (404
 * when not), and the renderers ask it whether a node may be embedded in an answer, so that a node
 * is shown to the same users whether it is embedded, linked or asked for at its own URL.
 *
 * The rule: **a user may read a node if and only if they are a member of the account it belongs
 * to.** Accounts belong to themselves; contacts and conversations to their account; a contact's
 * phones and notes to the contact's account; a conversation's messages, timeline, stats,
 * participants, assignments and the user's own info to the conversation's account; a message's
 * attachments to its conversation's account; a membership to its account. A user belongs to every
 * account they are a member of: another user is readable through any account both share (and
 * every user may read themself), and is shown with the memberships the reader may read only.
 *
 * @module
 */
import type { AccountRow, ContactRow, ConversationRow, MembershipRow, MessageRow, NoteRow, PhoneRow, UserRow } from './store/rows.js';
import type { TextusStore } from './store/textus-store.js';

/**
 * The requesting user, as the one authority on what they may see. Made once per request (it
 * reads the user's memberships once); every answer's lookups and embeddings go through it.
 *
 * @example
 * ```ts
 * import { DEMO_USER_ID, OTHER_ACCOUNT_ID, SEED_CONTACT_ID, seedStore, TextusStore, Viewer } from '@hyperld/textus-server';
 * const store = TextusStore.open(':memory:');
 * seedStore(store);
 * const viewer = new Viewer(store, DEMO_USER_ID);
 * viewer.contact(SEED_CONTACT_ID)?.name; // 'Jamel Hirthe'
 * viewer.mayRead(OTHER_ACCOUNT_ID); // false: anything of that account is a 404, and is never embedded
 * ```
 */
export class Viewer {
  /** The requesting user's id. */
  readonly userId: string;
  private readonly store: TextusStore;
  /** The user's role in each of their accounts. */
  private readonly roles: ReadonlyMap<string, string>;

  /**
   * @param store - the store (inside a {@link TextusStore.read} for a consistent answer).
   * @param userId - the requesting user.
   */
  constructor(store: TextusStore, userId: string) {
    this.store = store;
    this.userId = userId;
    this.roles = new Map(store.membershipsOf(userId).map((m) => [m.account_id, m.role]));
  }

  /**
   * The rule itself: whether the user may read what belongs to an account (they are a member).
   *
   * @param accountId - the account a node belongs to.
   * @returns whether the user may read it.
   */
  mayRead(accountId: string): boolean {
    return this.roles.has(accountId);
  }

  /**
   * The user's role in an account.
   *
   * @param accountId - the account.
   * @returns the role, or `undefined` when the user is not a member.
   */
  roleIn(accountId: string): string | undefined {
    return this.roles.get(accountId);
  }

  /** An account the user may read, or `undefined` (missing or not theirs). */
  account(id: string): AccountRow | undefined {
    return this.mayRead(id) ? this.store.account(id) : undefined;
  }

  /** A contact the user may read, or `undefined`. */
  contact(id: string): ContactRow | undefined {
    const row = this.store.contact(id);
    return row && this.mayRead(row.account_id) ? row : undefined;
  }

  /** A conversation the user may read, or `undefined`. */
  conversation(id: string): ConversationRow | undefined {
    const row = this.store.conversation(id);
    return row && this.mayRead(row.account_id) ? row : undefined;
  }

  /** A message the user may read (its conversation is readable), or `undefined`. */
  message(id: string): MessageRow | undefined {
    const row = this.store.message(id);
    return row && this.conversation(row.conversation_id) ? row : undefined;
  }

  /** A contact phone the user may read (its contact is readable), or `undefined`. */
  phone(id: string): PhoneRow | undefined {
    const row = this.store.phone(id);
    return row && this.contact(row.contact_id) ? row : undefined;
  }

  /** A note the user may read (its contact is readable), or `undefined`. */
  note(id: string): NoteRow | undefined {
    const row = this.store.note(id);
    return row && this.contact(row.contact_id) ? row : undefined;
  }

  /** A membership the user may read (of one of their accounts), or `undefined`. */
  membership(id: string): MembershipRow | undefined {
    const row = this.store.membership(id);
    return row && this.mayRead(row.account_id) ? row : undefined;
  }

  /**
   * An assignment the user may read: the conversation is readable and assigned to the assignee,
   * whom the user may read.
   *
   * @param conversationId - the conversation.
   * @param assigneeId - the assignee.
   * @returns the conversation and the assignee's row, or `undefined`.
   */
  assignment(conversationId: string, assigneeId: string): { readonly conversation: ConversationRow; readonly assignee: UserRow } | undefined {
    const conversation = this.conversation(conversationId);
    if (conversation === undefined || !this.store.assigneesOf(conversation.id).includes(assigneeId)) return undefined;
    const assignee = this.user(assigneeId);
    return assignee && { conversation, assignee };
  }

  /** A user the user may read (themself, or someone of an account they share), or `undefined`. */
  user(id: string): UserRow | undefined {
    const row = this.store.user(id);
    if (row === undefined) return undefined;
    return row.id === this.userId || this.membershipsOf(row.id).length > 0 ? row : undefined;
  }

  /**
   * Of the users with these ids, those the requesting user may read, in the same order.
   *
   * @param ids - user ids.
   * @returns the readable users' rows.
   */
  users(ids: readonly string[]): UserRow[] {
    return ids.flatMap((id) => this.user(id) ?? []);
  }

  /**
   * The memberships of a user that the requesting user may read, each with its account row.
   *
   * @param userId - the user whose memberships to list.
   * @returns the readable memberships, by id.
   */
  membershipsOf(userId: string): Array<{ readonly id: string; readonly role: string; readonly account: AccountRow }> {
    return this.store
      .membershipsOf(userId)
      .filter((m) => this.mayRead(m.account_id))
      .map((m) => ({ id: m.id, role: m.role, account: this.store.account(m.account_id) as AccountRow }));
  }
}
