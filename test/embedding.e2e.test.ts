/**
 * Nothing leaks by embedding, over HTTP on an ephemeral loopback port: one rule decides what a
 * user may see (they are a member of the account a node belongs to), and it holds wherever a node
 * appears. For every conversation a user can read, every node embedded in it, at its own URL and
 * as the collections of its contact list it, is readable at its own URL with the same content;
 * a node the user may not read is not embedded at all. Checked for the demo user (three accounts)
 * and the other user (one), whose readable conversations include some with a contact of an
 * account they are not a member of.
 *
 * @module
 */
import {
  DEMO_TOKEN,
  DEMO_USER_ID,
  OTHER_ACCOUNT_ID,
  OTHER_TOKEN,
  OTHER_USER_ID,
  SEED_ACCOUNT_ID,
  startTextusServer,
} from '@hyperld/textus-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyDifferences, embeddedNodes } from './helpers/nodes.js';
import { call, type CallResult } from './helpers/textus-server.js';

type Json = Record<string, unknown>;

let server: Awaited<ReturnType<typeof startTextusServer>>;

beforeAll(async () => {
  server = await startTextusServer({ file: ':memory:', port: 0, announce: false });
});

afterAll(async () => {
  await server.close();
});

const rows = <T>(sql: string, ...args: unknown[]): T[] => server.store.db.prepare(sql).all(...args) as T[];

/** GETs as one user, each URL once. */
function reader(token: string): (path: string) => Promise<CallResult> {
  const seen = new Map<string, Promise<CallResult>>();
  return (path) => {
    let result = seen.get(path);
    if (result === undefined) {
      result = call(server.url, 'GET', path, { token });
      seen.set(path, result);
    }
    return result;
  };
}

const USERS = [
  { who: 'the demo user', userId: DEMO_USER_ID, token: DEMO_TOKEN },
  { who: 'the other user', userId: OTHER_USER_ID, token: OTHER_TOKEN },
] as const;

describe('a node embedded in an answer', () => {
  for (const { who, userId, token } of USERS) {
    it(`is readable by ${who} at its own URL with the same content, for every conversation they can read and every page listing it`, async () => {
      const get = reader(token);
      const conversations = rows<{ id: string; contact_id: string; foreign: number }>(
        `SELECT c.id, c.contact_id, k.account_id NOT IN (SELECT account_id FROM memberships WHERE user_id = @user) AS "foreign"
           FROM conversations c JOIN contacts k ON k.id = c.contact_id
          WHERE c.account_id IN (SELECT account_id FROM memberships WHERE user_id = @user) ORDER BY c.seq`,
        { user: userId },
      );
      const contacts = rows<{ id: string }>('SELECT id FROM contacts WHERE account_id IN (SELECT account_id FROM memberships WHERE user_id = ?) ORDER BY id', userId);
      const answers: { path: string; body: Json }[] = [];
      for (const { id } of conversations) {
        const path = `/conversations/${id}`;
        const result = await get(path);
        expect(result.status, path).toBe(200);
        answers.push({ path, body: result.json });
      }
      // Collections list conversations too (ConversationWithAccount), with the same contact.
      for (const { id } of contacts) {
        let next: string | null = `/contacts/${id}/conversations?per_page=100`;
        while (next !== null) {
          const result = await get(next);
          expect(result.status, next).toBe(200);
          answers.push({ path: next, body: result.json });
          next = (result.json['view'] as Json | undefined)?.['next'] as string | null;
        }
      }

      let checked = 0;
      for (const { path, body } of answers) {
        for (const { path: at, node } of embeddedNodes(body)) {
          const id = node['id'] as string;
          const label = `${path} ${at} (${String(node['@type'])} ${id})`;
          const own = await get(id);
          expect(own.status, label).toBe(200);
          expect(copyDifferences(node, own.json), label).toEqual([]);
          checked++;
        }
      }

      // The check saw the case that leaked: conversations whose contact is of an account the user
      // is not a member of (about a tenth of the seed's), which embed no contact.
      const foreign = conversations.filter((c) => c.foreign === 1);
      expect(foreign.length).toBeGreaterThanOrEqual(userId === DEMO_USER_ID ? 12 : 9);
      for (const c of foreign) {
        expect((await get(`/conversations/${c.id}`)).json['assignedContact'], c.id).toBeNull();
        expect((await get(`/contacts/${c.contact_id}`)).status, c.contact_id).toBe(404);
      }
      expect(checked).toBeGreaterThan(conversations.length * 3);
    }, 120_000);
  }

  it('GET /conversations/Q3D3aBc (my_account) embeds no contact of boulder_staffing; a18UD6 stays a 404 at its own URL', async () => {
    const conversation = await call(server.url, 'GET', '/conversations/Q3D3aBc', { token: DEMO_TOKEN });
    expect(conversation.status).toBe(200);
    expect(conversation.json['account']).toBe(`/accounts/${SEED_ACCOUNT_ID}`);
    expect(rows<{ account_id: string }>("SELECT account_id FROM contacts WHERE id = 'a18UD6'")).toEqual([{ account_id: OTHER_ACCOUNT_ID }]);
    expect(conversation.json['assignedContact']).toBeNull();
    expect(conversation.text).not.toContain('a18UD6');
    expect((await call(server.url, 'GET', '/contacts/a18UD6', { token: DEMO_TOKEN })).status).toBe(404);
    // The conversation's own facts stay: the number it is held with.
    expect(conversation.json['phoneNumber']).toMatch(/^\+1303555\d{4}$/);
    // Its owner sees it.
    expect((await call(server.url, 'GET', '/contacts/a18UD6', { token: OTHER_TOKEN })).status).toBe(200);
  });
});
