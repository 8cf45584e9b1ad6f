/**
 * The authorization matrix of the reference TextUs server, over HTTP on an ephemeral loopback
 * port: for every route of `textusRoutes` (and `PUT …/assign_contact`, which the server also
 * answers), every method it answers (HEAD with GET), and ids of resources in each of the demo
 * user's accounts:
 *
 * - a user of another account gets a 404 that cannot be told from a missing id's, and nothing
 *   changes in the database;
 * - no token, a wrong secret, an unknown user id or a malformed header get a 401 with
 *   `WWW-Authenticate: Bearer`, identical whether the resource exists or not, and nothing changes;
 * - the owner does get the resource (the matrix is not a server that answers 404 to everyone).
 *
 * Also: tokens are stored hashed only; the engine's `userByToken` compares equal-length digests
 * with `timingSafeEqual` whatever the token; error bodies (400 … 415 and a forced 500) carry no
 * stack trace and no SQL.
 *
 * All of it on both store engines (`describe.each` over `helpers/engines.ts`: SQLite, and
 * PostgreSQL where a throwaway cluster starts; otherwise one printed line says why it is skipped),
 * but the forced 500, which closes an SQLite database under the handler.
 *
 * @module
 */
import * as crypto from 'node:crypto';
import { textusRoutes } from '@hyperld/textus';
import {
  createTextusHandler,
  DEMO_TOKEN,
  DEMO_USER_ID,
  hashToken,
  OTHER_TOKEN,
  OTHER_USER_ID,
  SEED_ACCOUNT_ID,
  SEED_CONTACT_ID,
  SEED_CONVERSATION_ID,
  SEED_MESSAGE_ID,
  SEED_PHONE_ID,
  seedStore,
  startTextusServer,
  TextusStore,
} from '@hyperld/textus-server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { engineTargets, type EngineTarget } from './helpers/engines.js';
import { call, type CallResult } from './helpers/textus-server.js';

const { targets, stop } = await engineTargets('authorization');
afterAll(() => stop());

// Every call of timingSafeEqual made by the store is recorded (the real function still answers).
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) };
});

type Method = 'GET' | 'HEAD' | 'PUT' | 'DELETE' | 'POST';

/** A route the server answers, and one method it answers it with. */
interface Endpoint {
  readonly name: string;
  readonly method: Method;
  readonly template: string;
}

/**
 * The routes of one resource (one template variable, an id to own). The others name no id: the
 * entrypoint (public, the same for everyone) and the user's own accounts, checked apart below.
 */
const resourceRoutes = textusRoutes.filter((r) => /\{\w+\}/.test(r.template));
const ownRoutes = textusRoutes.filter((r) => !/\{\w+\}/.test(r.template));

/** Every (route, method) of one resource the server answers: the routes' own, HEAD beside each GET, and assign_contact. */
const endpoints: readonly Endpoint[] = [
  ...resourceRoutes.flatMap((r): Endpoint[] => {
    const own: Endpoint = { name: r.name, method: r.method, template: r.template };
    return r.method === 'GET' ? [own, { ...own, method: 'HEAD' }] : [own];
  }),
  { name: 'assignContact', method: 'PUT', template: '/conversations/{conversation}/assign_contact' },
];

/** The template variable of a route (each TextUs route has exactly one). */
function variableOf(template: string): string {
  const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
  if (names.length !== 1) throw new Error(`${template} has ${names.length} variables`);
  return names[0] as string;
}

const fill = (template: string, id: string): string => template.replace(/\{\w+\}/, encodeURIComponent(id));

let server: Awaited<ReturnType<typeof startTextusServer>>;
/** The engine the server runs on, and its database. */
let target: EngineTarget;
let database: string;
/** Ids of resources in the demo user's accounts (the seed account and another one), by variable. */
const demoIds: Record<string, string[]> = {};
/** Ids of the other user's own resources, by variable. */
const otherIds: Record<string, string> = {};

/** Every row of every table (each table's rows sorted), to compare before and after. */
async function snapshot(): Promise<string> {
  const out: [string, string[]][] = [];
  for (const name of await target.tables(database)) out.push([name, (await target.query(database, `SELECT * FROM "${name}"`)).map((row) => JSON.stringify(row)).sort()]);
  return JSON.stringify(out);
}

const one = async (sql: string, ...args: unknown[]): Promise<string> => {
  const row = (await target.query<{ id: string }>(database, sql, args))[0];
  if (!row) throw new Error(`no row for ${sql}`);
  return row.id;
};

const start = async (on: EngineTarget): Promise<void> => {
  target = on;
  database = await on.database();
  server = await startTextusServer({ ...(on.name === 'postgres' ? { databaseUrl: database } : { file: database }), port: 0, announce: false });
  const mine = `SELECT account_id FROM memberships WHERE user_id = '${DEMO_USER_ID}'`;
  const others = `SELECT b.user_id FROM memberships a JOIN memberships b ON a.account_id = b.account_id WHERE a.user_id = '${OTHER_USER_ID}'`;
  // Another account of the demo user's, and the other user's account (read from the memberships:
  // the server entry does not export their ids).
  const second = await one('SELECT account_id AS id FROM memberships WHERE user_id = ? AND account_id <> ? ORDER BY account_id LIMIT 1', DEMO_USER_ID, SEED_ACCOUNT_ID);
  const othersAccount = await one('SELECT account_id AS id FROM memberships WHERE user_id = ? ORDER BY account_id LIMIT 1', OTHER_USER_ID);
  const failedIn = (account: string): Promise<string> =>
    one(
      "SELECT m.id AS id FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE c.account_id = ? AND m.delivery_state IN ('failed', 'failed_transient') ORDER BY m.seq LIMIT 1",
      account,
    );
  demoIds['contact'] = [SEED_CONTACT_ID, await one('SELECT id FROM contacts WHERE account_id = ? ORDER BY id LIMIT 1', second)];
  demoIds['conversation'] = [SEED_CONVERSATION_ID, await one('SELECT id FROM conversations WHERE account_id = ? ORDER BY seq LIMIT 1', second)];
  // The seed message, and failed ones: a retry by their owner would change them.
  demoIds['message'] = [SEED_MESSAGE_ID, await failedIn(SEED_ACCOUNT_ID), await failedIn(second)];
  demoIds['account'] = [SEED_ACCOUNT_ID, second];
  demoIds['user'] = [DEMO_USER_ID, await one(`SELECT user_id AS id FROM memberships WHERE account_id IN (${mine}) AND user_id <> ? AND user_id NOT IN (${others}) ORDER BY id LIMIT 1`, DEMO_USER_ID)];
  // What contacts, conversations and users embed or link, each with a route of its own.
  const phoneIn = (account: string): Promise<string> =>
    one('SELECT p.id AS id FROM contact_phones p JOIN contacts c ON c.id = p.contact_id WHERE c.account_id = ? ORDER BY p.id LIMIT 1', account);
  const noteIn = (account: string): Promise<string> =>
    one('SELECT n.id AS id FROM contact_notes n JOIN contacts c ON c.id = n.contact_id WHERE c.account_id = ? ORDER BY n.seq LIMIT 1', account);
  const membershipIn = (user: string, account: string): Promise<string> => one('SELECT id FROM memberships WHERE user_id = ? AND account_id = ?', user, account);
  const assignmentIn = (account: string): Promise<string> =>
    one(
      "SELECT i.conversation_id || '.' || i.user_id AS id FROM user_infos i JOIN conversations c ON c.id = i.conversation_id WHERE c.account_id = ? AND i.assigned = 1 ORDER BY c.seq LIMIT 1",
      account,
    );
  demoIds['phone'] = [SEED_PHONE_ID, await phoneIn(second)];
  demoIds['note'] = [await noteIn(SEED_ACCOUNT_ID), await noteIn(second)];
  demoIds['membership'] = [await membershipIn(DEMO_USER_ID, SEED_ACCOUNT_ID), await membershipIn(DEMO_USER_ID, second)];
  demoIds['assignment'] = [`${SEED_CONVERSATION_ID}.${DEMO_USER_ID}`, await assignmentIn(second)];
  otherIds['phone'] = await phoneIn(othersAccount);
  otherIds['note'] = await noteIn(othersAccount);
  otherIds['membership'] = await membershipIn(OTHER_USER_ID, othersAccount);
  otherIds['assignment'] = await assignmentIn(othersAccount);
  otherIds['contact'] = await one('SELECT id FROM contacts WHERE account_id = ? ORDER BY id LIMIT 1', othersAccount);
  otherIds['conversation'] = await one('SELECT id FROM conversations WHERE account_id = ? ORDER BY seq LIMIT 1', othersAccount);
  otherIds['message'] = await failedIn(othersAccount);
  otherIds['account'] = othersAccount;
  otherIds['user'] = OTHER_USER_ID;
};



/** No stack frame, no SQL, no engine or file name in a body the client sees. */
const LEAK = /at \w+ \(|SELECT|INSERT|UPDATE |sqlite|postgres|node_modules|\.ts:\d+|TypeError|RangeError/i;

describe.each(targets)('on $name', (on) => {
  describe.skipIf(!on.available)('the server', () => {
    beforeAll(() => start(on));
    afterAll(() => server?.close());

    /** Makes a request with a raw `Authorization` header (or none). */
    const send = (method: Method, path: string, authorization: string | undefined): Promise<CallResult> =>
      call(server.url, method, path, authorization === undefined ? {} : { headers: { authorization } });

    /** What must be equal between two answers that may not reveal which resource exists. */
    function comparable(result: CallResult, path: string): unknown {
      const headers = [...result.headers].filter(([name]) => name !== 'date' && name !== 'content-length' && name !== 'keep-alive' && name !== 'connection');
      const json = { ...result.json };
      if (typeof json['detail'] === 'string') json['detail'] = json['detail'].split(path).join('<path>');
      return { status: result.status, headers, body: result.text === '' ? '' : json };
    }

    /** Every (endpoint, id) of the demo user's resources. */
    function demoTargets(): { endpoint: Endpoint; id: string; path: string; missing: string }[] {
      return endpoints.flatMap((endpoint) => {
        const variable = variableOf(endpoint.template);
        return (demoIds[variable] ?? []).map((id) => ({ endpoint, id, path: fill(endpoint.template, id), missing: fill(endpoint.template, `zz_missing_${variable}`) }));
      });
    }

    describe('the matrix covers every route', () => {
      it('has demo ids for every template variable and targets for every endpoint', () => {
        expect(endpoints.length).toBe(resourceRoutes.length + resourceRoutes.filter((r) => r.method === 'GET').length + 1);
        expect(ownRoutes.map((r) => r.name).sort()).toEqual(['accounts', 'entrypoint']);
        const targets = demoTargets();
        for (const endpoint of endpoints) expect(targets.some((t) => t.endpoint === endpoint), `${endpoint.method} ${endpoint.template}`).toBe(true);
      });
    });

    describe('a user of another account', () => {
      it('gets a 404 indistinguishable from a missing id on every route, method and id, and changes nothing', async () => {
        const before = await snapshot();
        let checked = 0;
        for (const { endpoint, path, missing } of demoTargets()) {
          const label = `${endpoint.method} ${path}`;
          const theirs = await send(endpoint.method, path, `Bearer ${OTHER_TOKEN}`);
          const absent = await send(endpoint.method, missing, `Bearer ${OTHER_TOKEN}`);
          const absentForOwner = await send(endpoint.method, missing, `Bearer ${DEMO_TOKEN}`);
          expect(theirs.status, label).toBe(404);
          expect(comparable(theirs, path), label).toEqual(comparable(absent, missing));
          expect(comparable(theirs, path), label).toEqual(comparable(absentForOwner, missing));
          if (endpoint.method !== 'HEAD') expect(theirs.json['@type'], label).toBe('hydra:Error');
          checked++;
        }
        expect(await snapshot()).toBe(before);
        expect(checked).toBeGreaterThanOrEqual(endpoints.length * 2);
      });

      it('does get its own resources (the 404s are about ownership)', async () => {
        for (const endpoint of endpoints.filter((e) => e.method === 'GET')) {
          const path = fill(endpoint.template, otherIds[variableOf(endpoint.template)] as string);
          expect((await send('GET', path, `Bearer ${OTHER_TOKEN}`)).status, path).toBe(200);
        }
      });
    });

    /** `Authorization` headers that authenticate nobody. */
    const WRONG_CREDENTIALS: readonly (readonly [string, string | undefined])[] = [
      ['no header', undefined],
      ['a wrong secret for the demo user', 'Bearer u_demo.wrong'],
      ['a wrong secret of the same length', `Bearer ${DEMO_TOKEN.slice(0, -1)}${DEMO_TOKEN.endsWith('x') ? 'y' : 'x'}`],
      ['the demo secret with the other user id', `Bearer ${OTHER_USER_ID}${DEMO_TOKEN.slice(DEMO_TOKEN.indexOf('.'))}`],
      ['an unknown user id', `Bearer u_nobody${DEMO_TOKEN.slice(DEMO_TOKEN.indexOf('.'))}`],
      ['the user id alone', `Bearer ${DEMO_USER_ID}`],
      ['the secret alone', `Bearer ${DEMO_TOKEN.slice(DEMO_TOKEN.indexOf('.'))}`],
      ['an empty secret', `Bearer ${DEMO_USER_ID}.`],
      ['the token hash instead of the token', `Bearer ${DEMO_USER_ID}.${hashToken(DEMO_TOKEN)}`],
      ['a 600-character token', `Bearer ${DEMO_USER_ID}.${'a'.repeat(600)}`],
      ['Basic credentials', `Basic ${Buffer.from(`${DEMO_USER_ID}:${DEMO_TOKEN}`).toString('base64')}`],
      ['the token without a scheme', DEMO_TOKEN],
      ['an empty bearer', 'Bearer '],
      ['two tokens', `Bearer ${DEMO_TOKEN} ${DEMO_TOKEN}`],
      ['a token with a NUL', `Bearer ${DEMO_TOKEN}\u0000`.replace('\u0000', '%00')],
      ['a non-ASCII token', `Bearer ${encodeURIComponent('u_demo.é')}`],
    ];

    describe('without valid credentials', () => {
      it('every route, method and id answers 401 with WWW-Authenticate: Bearer, the same whether the resource exists, and nothing changes', async () => {
        const before = await snapshot();
        let checked = 0;
        for (const { endpoint, path, missing } of demoTargets()) {
          let first: unknown;
          for (const [what, authorization] of WRONG_CREDENTIALS) {
            const label = `${endpoint.method} ${path} with ${what}`;
            const existing = await send(endpoint.method, path, authorization);
            const absent = await send(endpoint.method, missing, authorization);
            expect(existing.status, label).toBe(401);
            expect(existing.headers.get('www-authenticate'), label).toMatch(/^Bearer realm="textus"$/);
            expect(comparable(existing, path), label).toEqual(comparable(absent, missing));
            // Nothing in the answer says which credential was wrong.
            first ??= comparable(existing, path);
            expect(comparable(existing, path), label).toEqual(first);
            checked++;
          }
        }
        expect(await snapshot()).toBe(before);
        expect(checked).toBe(demoTargets().length * WRONG_CREDENTIALS.length);
      }, 120_000); // routes × ids × credentials × 2 requests: its work grows with every route
    });

    describe('the routes without an id', () => {
      it('answer the entrypoint to anyone, the same with or without credentials', async () => {
        const answers = await Promise.all([undefined, `Bearer ${DEMO_TOKEN}`, `Bearer ${OTHER_TOKEN}`, 'Bearer u_demo.wrong'].map((a) => send('GET', '/', a)));
        for (const answer of answers) {
          expect(answer.status).toBe(200);
          expect(answer.text).toBe(answers[0]?.text);
        }
      });

      it('list only the accounts of the user asking, and nothing without valid credentials', async () => {
        const ids = async (token: string) => ((await send('GET', '/accounts', `Bearer ${token}`)).json['members'] as { id: string }[]).map((m) => m.id);
        const memberOf = async (user: string) =>
          (await target.query<{ id: string }>(database, 'SELECT account_id AS id FROM memberships WHERE user_id = ? ORDER BY account_id', [user])).map((r) => `/accounts/${r.id}`);
        expect((await ids(DEMO_TOKEN)).sort()).toEqual(await memberOf(DEMO_USER_ID));
        expect((await ids(OTHER_TOKEN)).sort()).toEqual(await memberOf(OTHER_USER_ID));
        for (const [what, authorization] of WRONG_CREDENTIALS) {
          const answer = await send('GET', '/accounts', authorization);
          expect(answer.status, what).toBe(401);
          expect(answer.headers.get('www-authenticate'), what).toMatch(/^Bearer realm="textus"$/);
        }
      });
    });

    describe('the owner', () => {
      // Last: the owner's actions change data (the matrices above compare snapshots).
      it('gets 2xx on every route, method and id (the same requests that answered 404 and 401)', async () => {
        for (const { endpoint, path } of demoTargets()) {
          // The seed message was received, not failed: its retry is a 409 by design.
          const expected = endpoint.name === 'retryMessage' && path.includes(SEED_MESSAGE_ID) ? 409 : endpoint.name === 'retryMessage' ? 202 : 200;
          expect((await send(endpoint.method, path, `Bearer ${DEMO_TOKEN}`)).status, `${endpoint.method} ${path}`).toBe(expected);
        }
      });
    });

    describe('tokens at rest', () => {
      it('are stored as SHA-256 hashes only: no token or secret in any text column of any table', async () => {
        const secrets = [DEMO_TOKEN, OTHER_TOKEN, ...[DEMO_TOKEN, OTHER_TOKEN].map((t) => t.slice(t.indexOf('.') + 1))];
        let scanned = 0;
        const found: string[] = [];
        for (const name of await target.tables(database)) {
          for (const row of await target.query(database, `SELECT * FROM "${name}"`)) {
            for (const [column, value] of Object.entries(row)) {
              if (typeof value !== 'string') continue;
              scanned++;
              for (const secret of [...secrets, hashToken(DEMO_TOKEN)]) if (value.includes(secret)) found.push(`${name}.${column} holds ${secret}`);
            }
          }
        }
        // The scan does see what is there: the demo token's hash, in its one place.
        expect(found).toEqual([`users.token_hash holds ${hashToken(DEMO_TOKEN)}`]);
        expect(scanned).toBeGreaterThan(1000);
        const stored = await target.query(database, 'SELECT id, token_hash FROM users WHERE id IN (?, ?) ORDER BY id', [DEMO_USER_ID, OTHER_USER_ID]);
        expect(stored).toEqual([
          { id: DEMO_USER_ID, token_hash: hashToken(DEMO_TOKEN) },
          { id: OTHER_USER_ID, token_hash: hashToken(OTHER_TOKEN) },
        ]);
        expect(hashToken(DEMO_TOKEN)).toMatch(/^[0-9a-f]{64}$/);
      });
    });

    describe('the engine’s userByToken', () => {
      it('compares 32-byte digests with timingSafeEqual for a valid token, a wrong secret of any length and an unknown id, without throwing', async () => {
        const spy = vi.mocked(crypto.timingSafeEqual);
        const cases: readonly (readonly [string, string | undefined])[] = [
          [DEMO_TOKEN, DEMO_USER_ID],
          [OTHER_TOKEN, OTHER_USER_ID],
          [`${DEMO_TOKEN.slice(0, -1)}#`, undefined],
          [`${DEMO_USER_ID}.short`, undefined],
          [`${DEMO_USER_ID}.${'long'.repeat(100)}`, undefined],
          [`${DEMO_USER_ID}.`, undefined],
          [`u_nobody${DEMO_TOKEN.slice(DEMO_TOKEN.indexOf('.'))}`, undefined],
          [`${OTHER_USER_ID}${DEMO_TOKEN.slice(DEMO_TOKEN.indexOf('.'))}`, undefined],
          [`${DEMO_USER_ID}.é😀\u0000`, undefined],
        ];
        for (const [token, user] of cases) {
          spy.mockClear();
          const found = (await server.engine.userByToken(token))?.id;
          expect(found, token).toBe(user);
          expect(spy, token).toHaveBeenCalledTimes(1);
          const [a, b] = spy.mock.calls[0] as unknown as [Buffer, Buffer];
          expect([a.length, b.length], token).toEqual([32, 32]);
        }
      });

      it('refuses malformed tokens (no user id, too long) without throwing', async () => {
        for (const token of ['', '.', 'nodot', `.${DEMO_TOKEN}`, `${DEMO_TOKEN}${'x'.repeat(600)}`]) {
          expect(await server.engine.userByToken(token), token).toBeUndefined();
        }
      });
    });


    describe('error bodies', () => {
      it('carry no stack trace or SQL for 400, 401, 404, 405, 406, 409, 413 and 415', async () => {
        const auth = { token: DEMO_TOKEN };
        const conversation = `/conversations/${SEED_CONVERSATION_ID}`;
        const json = { 'content-type': 'application/ld+json' };
        const cases: readonly (readonly [number, () => Promise<CallResult>])[] = [
          [400, () => call(server.url, 'GET', `/contacts/${SEED_CONTACT_ID}/conversations?cursor=%27%3B%20DROP%20TABLE%20users`, auth)],
          [400, () => call(server.url, 'GET', `/contacts/${SEED_CONTACT_ID}/conversations?per_page=0`, auth)],
          [400, () => call(server.url, 'GET', '/conversations/%E0%A4%A', auth)],
          [400, () => call(server.url, 'PUT', `${conversation}/read`, { ...auth, headers: json, body: '{"@type": "Conversation", ' })],
          [400, () => call(server.url, 'PUT', `${conversation}/read`, { ...auth, headers: json, body: '{"@type": "Conversation", "id": 42}' })],
          [401, () => call(server.url, 'GET', conversation)],
          [404, () => call(server.url, 'GET', "/conversations/x' OR '1'='1", auth)],
          [404, () => call(server.url, 'GET', '/no/such/route', auth)],
          [405, () => call(server.url, 'DELETE', conversation, auth)],
          [406, () => call(server.url, 'GET', conversation, { ...auth, accept: 'text/html' })],
          [409, () => call(server.url, 'POST', `/messages/${SEED_MESSAGE_ID}/retry`, auth)],
          [413, () => call(server.url, 'PUT', `${conversation}/read`, { ...auth, headers: json, body: `{"x":"${'a'.repeat(70 * 1024)}"}` })],
          [415, () => call(server.url, 'PUT', `${conversation}/read`, { ...auth, headers: { 'content-type': 'text/plain' }, body: 'SELECT 1' })],
        ];
        // One at a time: a 413 closes its connection, which must not reset a request in flight.
        for (const [status, request] of cases) {
          const result = await request();
          expect(result.status, result.text).toBe(status);
          expect(result.json['@type']).toBe('hydra:Error');
          expect(result.text, `${status}`).not.toMatch(LEAK);
        }
      });

    });

  });
});

describe('error bodies', () => {
  it('carry no stack trace or SQL for a 500 (the database closed under a running handler), while onError gets the error', async () => {
    const store = TextusStore.open(':memory:');
    seedStore(store, { scale: 0.05 });
    const errors: unknown[] = [];
    const handler = createTextusHandler({ store, onError: (error) => errors.push(error) });
    const request = (path: string): Request =>
      new Request(new URL(path, 'http://127.0.0.1'), { headers: { accept: 'application/ld+json', authorization: `Bearer ${DEMO_TOKEN}` } });
    expect((await handler.fetch(request(`/conversations/${SEED_CONVERSATION_ID}`))).status).toBe(200);
    store.db.close();
    for (const path of [`/conversations/${SEED_CONVERSATION_ID}`, `/contacts/${SEED_CONTACT_ID}/conversations`, `/users/${DEMO_USER_ID}`]) {
      const response = await handler.fetch(request(path));
      const text = await response.text();
      expect(response.status, path).toBe(500);
      expect(JSON.parse(text)).toMatchObject({ '@type': 'hydra:Error', status: 500 });
      expect(text, path).not.toMatch(LEAK);
      expect(text).not.toContain('database');
    }
    expect(errors).toHaveLength(3);
    expect(String(errors[0])).toMatch(/database connection is not open/);
  });
});
