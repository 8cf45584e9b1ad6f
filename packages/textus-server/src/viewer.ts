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
import type { StoreReads } from './store/engine.js';

/**
 * The requesting user, as the one authority on what they may see. Made once per request (it
 * reads the user's memberships once); every answer's lookups and embeddings go through it.
 *
 * @example
 * ```ts
 * import { DEMO_USER_ID, OTHER_ACCOUNT_ID, SEED_CONTACT_ID, seedEngine, SqliteEngine, Viewer } from '@hyperld/textus-server';
 * const engine = SqliteEngine.open(':memory:');
 * await seedEngine(engine);
 * const viewer = await Viewer.load(engine, DEMO_USER_ID);
 * (await viewer.contact(SEED_CONTACT_ID))?.name; // 'Jamel Hirthe'
 * viewer.mayRead(OTHER_ACCOUNT_ID); // false: anything of that account is a 404, and is never embedded
 * ```
 */
export class Viewer {
  /** The requesting user's id. */
  readonly userId: string;
  private readonly store: StoreReads;
  /** The user's role in each of their accounts. */
  private readonly roles: ReadonlyMap<string, string>;

  private constructor(store: StoreReads, userId: string, roles: ReadonlyMap<string, string>) {
    this.store = store;
    this.userId = userId;
    this.roles = roles;
  }

  /**
   * Makes the viewer of a user: reads their memberships once.
   *
   * @param store - the reads (a transaction's, `engine.read`, for a consistent answer).
   * @param userId - the requesting user.
   * @returns the viewer.
   */
  static async load(store: StoreReads, userId: string): Promise<Viewer> {
    return new Viewer(store, userId, new Map((await store.membershipsOf(userId)).map((m) => [m.account_id, m.role])));
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
  async account(id: string): Promise<AccountRow | undefined> {
    return this.mayRead(id) ? await this.store.account(id) : undefined;
  }

  /** A contact the user may read, or `undefined`. */
  async contact(id: string): Promise<ContactRow | undefined> {
    const row = await this.store.contact(id);
    return row && this.mayRead(row.account_id) ? row : undefined;
  }

  /** A conversation the user may read, or `undefined`. */
  async conversation(id: string): Promise<ConversationRow | undefined> {
    const row = await this.store.conversation(id);
    return row && this.mayRead(row.account_id) ? row : undefined;
  }

  /** A message the user may read (its conversation is readable), or `undefined`. */
  async message(id: string): Promise<MessageRow | undefined> {
    const row = await this.store.message(id);
    return row && (await this.conversation(row.conversation_id)) ? row : undefined;
  }

  /** A contact phone the user may read (its contact is readable), or `undefined`. */
  async phone(id: string): Promise<PhoneRow | undefined> {
    const row = await this.store.phone(id);
    return row && (await this.contact(row.contact_id)) ? row : undefined;
  }

  /** A note the user may read (its contact is readable), or `undefined`. */
  async note(id: string): Promise<NoteRow | undefined> {
    const row = await this.store.note(id);
    return row && (await this.contact(row.contact_id)) ? row : undefined;
  }

  /** A membership the user may read (of one of their accounts), or `undefined`. */
  async membership(id: string): Promise<MembershipRow | undefined> {
    const row = await this.store.membership(id);
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
  async assignment(conversationId: string, assigneeId: string): Promise<{ readonly conversation: ConversationRow; readonly assignee: UserRow } | undefined> {
    const conversation = await this.conversation(conversationId);
    if (conversation === undefined || !(await this.store.assigneesOf(conversation.id)).includes(assigneeId)) return undefined;
    const assignee = await this.user(assigneeId);
    return assignee && { conversation, assignee };
  }

  /** A user the user may read (themself, or someone of an account they share), or `undefined`. */
  async user(id: string): Promise<UserRow | undefined> {
    const row = await this.store.user(id);
    if (row === undefined) return undefined;
    return row.id === this.userId || (await this.membershipsOf(row.id)).length > 0 ? row : undefined;
  }

  /**
   * Of the users with these ids, those the requesting user may read, in the same order.
   *
   * @param ids - user ids.
   * @returns the readable users' rows.
   */
  async users(ids: readonly string[]): Promise<UserRow[]> {
    const rows: UserRow[] = [];
    for (const id of ids) {
      const row = await this.user(id);
      if (row !== undefined) rows.push(row);
    }
    return rows;
  }

  /**
   * The memberships of a user that the requesting user may read, each with its account row.
   *
   * @param userId - the user whose memberships to list.
   * @returns the readable memberships, by id.
   */
  async membershipsOf(userId: string): Promise<Array<{ readonly id: string; readonly role: string; readonly account: AccountRow }>> {
    const readable = (await this.store.membershipsOf(userId)).filter((m) => this.mayRead(m.account_id));
    const out: Array<{ readonly id: string; readonly role: string; readonly account: AccountRow }> = [];
    for (const m of readable) out.push({ id: m.id, role: m.role, account: (await this.store.account(m.account_id)) as AccountRow });
    return out;
  }
}
