/**
 * The same suites on both store engines, SQLite and PostgreSQL (`describe.each` over
 * `helpers/engines.ts`; the PostgreSQL runs skip, with one printed line, where no cluster can be
 * started): the store (migrations, seed, keyset paging, token digests, the data version, all-or-
 * nothing writes), the server end to end (the same bytes as the SQLite reference server, the
 * authorization rule, actions and their refusals, the response cache), concurrent actions from
 * two server processes on one database, a write through one process seen through the other on the
 * very next request, and crash safety (kill -9 mid-stream: no acknowledged action lost).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { applyConversationAction, conversationRules } from '@hyperld/textus';
import {
  DEMO_TOKEN,
  DEMO_USER_ID,
  hashToken,
  OTHER_TOKEN,
  SEED_ACCOUNT_ID,
  SEED_CONTACT_ID,
  SEED_CONVERSATION_ID,
  SEED_MESSAGE_ID,
  seedEngine,
  startTextusServer,
  type PagePosition,
  type TextusEngine,
} from '@hyperld/textus-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, TABLES } from '../packages/textus-server/src/store/schema.js';
import { engineTargets } from './helpers/engines.js';
import { spawnServer, type ChildServer } from './helpers/textus-child.js';
import { call } from './helpers/textus-server.js';

const { targets, stop } = await engineTargets('engines');
afterAll(() => stop());

const CONVERSATION = `/conversations/${SEED_CONVERSATION_ID}`;

/** A row of the test's state log (and the columns of a conversation it copies). */
interface LoggedState {
  readonly version: number | string;
  readonly current_state: string;
  readonly blocked: number;
  readonly unsubscribed: number;
}

/** The state log of the seed conversation, by engine: a table and a trigger that fills it in the writing transaction. */
const STATE_LOG = {
  sqlite: [
    'CREATE TABLE state_log (version INTEGER PRIMARY KEY, current_state TEXT NOT NULL, blocked INTEGER NOT NULL, unsubscribed INTEGER NOT NULL)',
    `CREATE TRIGGER log_state AFTER UPDATE ON conversations WHEN new.id = '${SEED_CONVERSATION_ID}'
     BEGIN INSERT INTO state_log VALUES (new.version, new.current_state, new.blocked, new.unsubscribed); END`,
  ],
  postgres: [
    'CREATE TABLE state_log (version INTEGER PRIMARY KEY, current_state TEXT NOT NULL, blocked INTEGER NOT NULL, unsubscribed INTEGER NOT NULL)',
    `CREATE FUNCTION log_state() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN INSERT INTO state_log VALUES (NEW.version, NEW.current_state, NEW.blocked, NEW.unsubscribed); RETURN NEW; END $$`,
    `CREATE TRIGGER log_state AFTER UPDATE ON conversations FOR EACH ROW WHEN (NEW.id = '${SEED_CONVERSATION_ID}') EXECUTE FUNCTION log_state()`,
  ],
} as const;

describe.each(targets)('on $name', (target) => {
  describe.skipIf(!target.available)('the store', () => {
    let db: string;
    let engine: TextusEngine;
    beforeAll(async () => {
      db = await target.database();
      engine = await target.open(db);
      await seedEngine(engine, { scale: 0.2 });
    });
    afterAll(() => engine.close());

    it('applies every migration at start, once: reopening applies none and keeps the data', async () => {
      expect(await engine.schemaVersion()).toBe(MIGRATIONS.at(-1)?.version);
      const again = await target.open(db);
      try {
        expect(await again.schemaVersion()).toBe(MIGRATIONS.at(-1)?.version);
        expect(await again.isEmpty()).toBe(false);
      } finally {
        await again.close();
      }
    });

    it('holds the seed: every table filled, the seed facts in place', async () => {
      expect(await engine.nonEmptyTables()).toEqual([...TABLES]);
      expect((await engine.contact(SEED_CONTACT_ID))?.name).toBe('Jamel Hirthe');
      expect((await engine.conversation(SEED_CONVERSATION_ID))?.current_state).toBe('open');
      expect((await engine.message(SEED_MESSAGE_ID))?.direction).toBe('in');
      expect(await engine.isMember(DEMO_USER_ID, SEED_ACCOUNT_ID)).toBe(true);
    });

    it('keyset-pages forward and back: every row once, newest first, the same pages both ways', async () => {
      const [{ n }] = await target.query<{ n: number | string }>(db, 'SELECT COUNT(*) AS n FROM messages WHERE conversation_id = ?', [SEED_CONVERSATION_ID]) as [{ n: number | string }];
      const forward: string[][] = [];
      let position: PagePosition;
      let last: Awaited<ReturnType<TextusEngine['messagesOf']>> | undefined;
      for (;;) {
        last = await engine.messagesOf(SEED_CONVERSATION_ID, position, 2);
        expect(last.total).toBe(Number(n));
        forward.push(last.rows.map((r) => r.id));
        const seqs = last.rows.map((r) => r.seq);
        expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
        const end = last.rows.at(-1);
        if (!last.hasNext || end === undefined) break;
        position = { after: end.seq };
      }
      expect(forward.flat()).toHaveLength(Number(n));
      expect(new Set(forward.flat()).size).toBe(Number(n));
      // Back from the last page, by `before` the first row of each.
      const back: string[][] = [forward.at(-1) as string[]];
      let page = last;
      while (page.hasPrevious) {
        const first = page.rows[0];
        if (first === undefined) break;
        page = await engine.messagesOf(SEED_CONVERSATION_ID, { before: first.seq }, 2);
        back.unshift(page.rows.map((r) => r.id));
      }
      expect(back).toEqual(forward);
      const contacts = await engine.contactsOf(SEED_ACCOUNT_ID, undefined, 5);
      const next = await engine.contactsOf(SEED_ACCOUNT_ID, { after: contacts.rows.at(-1)?.seq ?? 0 }, 5);
      expect(next.rows.some((r) => contacts.rows.some((c) => c.id === r.id))).toBe(false);
    });

    it('reads the details of a page in one go exactly as one conversation at a time: latest and next scheduled messages, the user info', async () => {
      const ids = (await target.query<{ id: string }>(db, 'SELECT id FROM conversations ORDER BY seq DESC LIMIT 40')).map((r) => r.id);
      const scheduledIn = (await target.query<{ conversation_id: string }>(db, "SELECT DISTINCT conversation_id FROM messages WHERE delivery_state = 'scheduled'")).map((r) => r.conversation_id);
      // Some conversations with a scheduled message, one id that does not exist, one repeated.
      const asked = [...new Set([...ids, ...scheduledIn.slice(0, 5)]), 'no-such-conversation', ids[0] as string];
      for (const userId of [DEMO_USER_ID, 'no-such-user']) {
        const details = await engine.read((tx) => tx.conversationDetails(asked, userId));
        expect(details.size).toBe(new Set(asked).size);
        for (const id of asked) {
          expect(details.get(id)).toEqual({ latest: await engine.latestMessage(id), scheduled: await engine.nextScheduled(id), info: await engine.userInfo(id, userId) });
        }
        expect(details.get(SEED_CONVERSATION_ID)?.latest).toBeDefined();
      }
      expect([...(await engine.conversationDetails(scheduledIn.slice(0, 3), DEMO_USER_ID)).values()].every((d) => d.scheduled?.delivery_state === 'scheduled')).toBe(true);
      expect((await engine.conversationDetails([], DEMO_USER_ID)).size).toBe(0);
    });

    it('stores tokens as digests only and checks them: the right secret finds the user, any other none', async () => {
      expect((await engine.userByToken(DEMO_TOKEN))?.id).toBe(DEMO_USER_ID);
      expect(await engine.userByToken(`${DEMO_TOKEN}x`)).toBeUndefined();
      expect(await engine.userByToken(`${DEMO_USER_ID}.wrong`)).toBeUndefined();
      expect(await engine.userByToken('nobody.secret')).toBeUndefined();
      const rows = await target.query<{ token_hash: string }>(db, 'SELECT token_hash FROM users WHERE id = ?', [DEMO_USER_ID]);
      expect(rows[0]?.token_hash).toBe(hashToken(DEMO_TOKEN));
      expect(JSON.stringify(await target.query(db, 'SELECT * FROM users'))).not.toContain(DEMO_TOKEN);
    });

    it('changes the data version with every write, and not with reads', async () => {
      const before = await engine.dataVersion();
      await engine.read(async (tx) => tx.conversation(SEED_CONVERSATION_ID));
      expect(await engine.dataVersion()).toBe(before);
      await engine.applyAction(DEMO_USER_ID, SEED_CONVERSATION_ID, 'starConversation');
      const after = await engine.dataVersion();
      expect(after).not.toBe(before);
      expect((await engine.userInfo(SEED_CONVERSATION_ID, DEMO_USER_ID)).starred).toBe(1);
    });

    it('writes all or nothing: a batch breaking a constraint inserts none of its rows, a throwing transaction changes nothing', async () => {
      const account = { id: 'acme_all_or_nothing', name: 'Acme', type: 'standard', phone_number: '+13035550100' };
      await expect(engine.insertRows({ accounts: [account, { ...account }] })).rejects.toThrow();
      expect(await engine.account(account.id)).toBeUndefined();
      const state = (await engine.conversation(SEED_CONVERSATION_ID))?.current_state;
      await expect(
        engine.write(async (tx) => {
          await tx.applyAction(DEMO_USER_ID, SEED_CONVERSATION_ID, state === 'open' ? 'closeConversation' : 'reopenConversation');
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      expect((await engine.conversation(SEED_CONVERSATION_ID))?.current_state).toBe(state);
    });
  });

  describe.skipIf(!target.available)('the server', () => {
    let server: Awaited<ReturnType<typeof startTextusServer>>;
    let reference: Awaited<ReturnType<typeof startTextusServer>>;
    beforeAll(async () => {
      const db = await target.database();
      server = await startTextusServer({ ...(target.name === 'postgres' ? { databaseUrl: db } : { file: db }), port: 0, announce: false });
      reference = await startTextusServer({ file: ':memory:', port: 0, announce: false });
    });
    afterAll(async () => {
      await server.close();
      await reference.close();
    });

    it('runs on its engine', () => {
      expect(server.engine.kind).toBe(target.name);
    });

    it('answers the same bytes as the SQLite reference server, route by route', async () => {
      const paths = [
        `/contacts/${SEED_CONTACT_ID}/conversations`,
        `/contacts/${SEED_CONTACT_ID}/conversations?per_page=3`,
        CONVERSATION,
        `${CONVERSATION}/timeline?per_page=2`,
        `${CONVERSATION}/stats`,
        `${CONVERSATION}/participants`,
        `${CONVERSATION}/assignments`,
        `/contacts/${SEED_CONTACT_ID}`,
        `/contacts/${SEED_CONTACT_ID}/notes`,
        '/accounts',
        `/accounts/${SEED_ACCOUNT_ID}/contacts?per_page=5`,
        `/accounts/${SEED_ACCOUNT_ID}/conversations?state=open&per_page=5`,
        `/users/${DEMO_USER_ID}`,
        `/messages/${SEED_MESSAGE_ID}`,
      ];
      for (const path of paths) {
        const ours = await call(server.url, 'GET', path, { token: DEMO_TOKEN });
        const theirs = await call(reference.url, 'GET', path, { token: DEMO_TOKEN });
        expect(ours.status, path).toBe(200);
        expect(ours.text, path).toBe(theirs.text);
        // Follow the next page too: keyset cursors mean the same on both engines.
        const next = (ours.json['view'] as { next?: string } | undefined)?.next;
        if (next !== undefined) expect((await call(server.url, 'GET', next, { token: DEMO_TOKEN })).text, next).toBe((await call(reference.url, 'GET', next, { token: DEMO_TOKEN })).text);
      }
    });

    it('applies the authorization rule: another account’s resources are 404s, no token or a wrong one is a 401', async () => {
      for (const path of [CONVERSATION, `/contacts/${SEED_CONTACT_ID}`, `/accounts/${SEED_ACCOUNT_ID}`, `${CONVERSATION}/timeline`]) {
        expect((await call(server.url, 'GET', path, { token: OTHER_TOKEN })).status, path).toBe(404);
        expect((await call(server.url, 'PUT', `${CONVERSATION}/close`, { token: OTHER_TOKEN })).status).toBe(404);
        const anonymous = await call(server.url, 'GET', path);
        expect(anonymous.status, path).toBe(401);
        expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer/);
        expect((await call(server.url, 'GET', path, { token: `${DEMO_USER_ID}.wrong` })).status, path).toBe(401);
      }
      expect((await server.engine.conversation(SEED_CONVERSATION_ID))?.current_state).toBe('open');
    });

    it('performs actions and refuses the ones whose rule fails (409), and a cached GET shows the change at once', async () => {
      const first = await call(server.url, 'GET', CONVERSATION, { token: DEMO_TOKEN });
      const cached = await call(server.url, 'GET', CONVERSATION, { token: DEMO_TOKEN });
      expect(cached.headers.get('etag')).toBe(first.headers.get('etag'));
      expect((await call(server.url, 'PUT', `${CONVERSATION}/block`, { token: DEMO_TOKEN })).json['blocked']).toBe(true);
      expect((await call(server.url, 'GET', CONVERSATION, { token: DEMO_TOKEN })).json['blocked']).toBe(true);
      // Reopening is not offered while blocked: refused, and nothing changes.
      const version = (await server.engine.conversation(SEED_CONVERSATION_ID))?.version;
      const state = (await server.engine.conversation(SEED_CONVERSATION_ID))?.current_state;
      if (!conversationRules.closeConversation({ currentState: state ?? '', blocked: true, unsubscribed: false })) {
        expect((await call(server.url, 'PUT', `${CONVERSATION}/close`, { token: DEMO_TOKEN })).status).toBe(409);
        expect((await server.engine.conversation(SEED_CONVERSATION_ID))?.version).toBe(version);
      }
      expect((await call(server.url, 'DELETE', `${CONVERSATION}/block`, { token: DEMO_TOKEN })).json['blocked']).toBe(false);
    });
  });

  describe.skipIf(!target.available)('two server processes on one database', () => {
    const children: ChildServer[] = [];
    afterEach(async () => {
      for (const child of children.splice(0)) await child.stop();
    });
    const twoServers = async (): Promise<{ db: string; a: ChildServer; b: ChildServer }> => {
      const db = await target.database();
      const a = await spawnServer({ kind: 'textus', file: db });
      children.push(a);
      const b = await spawnServer({ kind: 'textus', file: db });
      children.push(b);
      return { db, a, b };
    };

    it('shows a write through one on the very next request through the other, its cached answer dropped', async () => {
      const { a, b } = await twoServers();
      const first = await call(a.url, 'GET', CONVERSATION, { token: DEMO_TOKEN });
      const again = await call(a.url, 'GET', CONVERSATION, { token: DEMO_TOKEN });
      expect(again.text).toBe(first.text);
      expect(first.json['currentState']).toBe('open');
      for (const [action, state] of [
        ['close', 'closed'],
        ['reopen', 'open'],
        ['close', 'closed'],
      ] as const) {
        expect((await call(b.url, 'PUT', `${CONVERSATION}/${action}`, { token: DEMO_TOKEN })).status).toBe(200);
        expect((await call(a.url, 'GET', CONVERSATION, { token: DEMO_TOKEN })).json['currentState'], `after ${action} through b`).toBe(state);
      }
      expect((await call(a.url, 'PUT', `${CONVERSATION}/reopen`, { token: DEMO_TOKEN })).status).toBe(200);
      expect((await call(b.url, 'GET', CONVERSATION, { token: DEMO_TOKEN })).json['currentState']).toBe('open');
    });

    it('serialises concurrent actions from both: versions once each, every change legal from the state before it', async () => {
      const { db, a, b } = await twoServers();
      // Every state written, by version, logged inside the writing transaction (whichever process writes).
      for (const sql of STATE_LOG[target.name]) await target.query(db, sql);
      const [initial] = await target.query<LoggedState>(db, 'SELECT version, current_state, blocked, unsubscribed FROM conversations WHERE id = ?', [SEED_CONVERSATION_ID]);
      const start = Number(initial?.version);
      const actions = ['closeConversation', 'reopenConversation', 'blockConversation', 'unblockConversation'] as const;
      const routes = {
        closeConversation: ['PUT', 'close'],
        reopenConversation: ['PUT', 'reopen'],
        blockConversation: ['PUT', 'block'],
        unblockConversation: ['DELETE', 'block'],
      } as const;
      let next = 0;
      const statuses: number[] = [];
      const worker = async (w: number): Promise<void> => {
        while (next < 160) {
          const i = next++;
          const action = actions[(i * 7 + w) % actions.length] as (typeof actions)[number];
          const [method, path] = routes[action];
          statuses.push((await call(w % 2 === 0 ? a.url : b.url, method, `${CONVERSATION}/${path}`, { token: DEMO_TOKEN })).status);
        }
      };
      await Promise.all(Array.from({ length: 16 }, (_, w) => worker(w)));
      expect(statuses.filter((s) => s !== 200 && s !== 409), 'statuses other than 200 and 409').toEqual([]);
      const log = await target.query<LoggedState>(db, 'SELECT version, current_state, blocked, unsubscribed FROM state_log ORDER BY version');
      const [final] = await target.query<LoggedState>(db, 'SELECT version, current_state, blocked, unsubscribed FROM conversations WHERE id = ?', [SEED_CONVERSATION_ID]);
      // No lost or phantom update: the versions written are start+1 … final, once each.
      expect(log.map((r) => Number(r.version))).toEqual(Array.from({ length: Number(final?.version) - start }, (_, i) => start + 1 + i));
      expect(log.length).toBeGreaterThan(10);
      // Every change is one of the actions, from the state before it, with its rule holding there.
      const facts = (r: LoggedState | undefined) => ({ currentState: String(r?.current_state), blocked: Number(r?.blocked) === 1, unsubscribed: Number(r?.unsubscribed) === 1 });
      let before = facts(initial);
      for (const row of log) {
        const after = facts(row);
        const legal = actions.some((name) => {
          if (!conversationRules[name](before)) return false;
          const result = applyConversationAction(name, before);
          return result.currentState === after.currentState && result.blocked === after.blocked && result.unsubscribed === after.unsubscribed;
        });
        expect(legal, `version ${row.version}: ${JSON.stringify(before)} → ${JSON.stringify(after)}`).toBe(true);
        before = after;
      }
      const shown = await call(a.url, 'GET', CONVERSATION, { token: DEMO_TOKEN });
      expect(shown.json['currentState']).toBe(final?.current_state);
      expect(shown.json['blocked']).toBe(Number(final?.blocked) === 1);
    });
  });

  describe.skipIf(!target.available)('crash safety', () => {
    it('loses no acknowledged action when a server process is killed (SIGKILL) mid-stream', { timeout: 240_000 }, async () => {
      const script = fileURLToPath(new URL('./robustness/crash-safety.ts', import.meta.url));
      const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--conditions=@hyperld/source', script, '--engine', target.name, '--kills', '2', '--seed', '7', '--json'], {
        maxBuffer: 16 * 1024 * 1024,
        timeout: 230_000,
      }).catch((error: { stdout?: string; stderr?: string }) => {
        throw new Error(`crash-safety failed:\n${error.stderr ?? ''}\n${error.stdout ?? ''}`);
      });
      const result = JSON.parse(stdout.trim().split('\n').at(-1) as string) as { pass: boolean; lost: number; acknowledged: number };
      expect(result.lost).toBe(0);
      expect(result.acknowledged).toBeGreaterThan(0);
      expect(result.pass).toBe(true);
    });
  });
});
