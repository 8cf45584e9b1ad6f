/**
 * Concurrent conversation actions over real HTTP: hundreds of close/reopen (and block/unblock)
 * requests on one conversation, 16 in flight, against the reference handler in one server
 * process, and in two server processes sharing one database file (SQLite in WAL mode, as a
 * deployment with several workers would run it).
 *
 * How the check is made exact rather than "the last answer to arrive wins": the store's
 * `conversations.version` is bumped by every state change inside its transaction. Each server
 * process wraps its store so that each request (told apart with `AsyncLocalStorage`) records the
 * conversation rows the handler read or wrote, and the answer carries the version of the last one
 * as a test-only header; a trigger in the (temporary) database logs the state of every version as
 * it is written. Then every answer can be placed exactly: its body must show the logged state of
 * its version, the changing answers must hold versions 1…N once each (no lost or phantom update),
 * each change must be a legal transition from the version before (its rule held on the state it
 * changed), each idempotent or refused (409) answer must have changed nothing and be right about
 * the state it saw, and the final state (a GET afterwards, and the database) must be that of the
 * highest version.
 *
 * @module
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { applyConversationAction, Conversation, conversationActionLinks, conversationRules, textusRegistry, TEXTUS_MEDIA_TYPE, type ConversationActionName } from '@hyperld/textus';
import { DEMO_TOKEN, SEED_CONVERSATION_ID, seedStore, TextusStore, type ConversationRow } from '@hyperld/textus-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { temporaryDatabase } from './helpers/textus-server.js';
import { random } from './helpers/random.js';

/** One answer, as the client received it. */
interface Answer {
  readonly index: number;
  readonly action: ConversationActionName;
  readonly status: number;
  /** The version of the last conversation row the request read or wrote. */
  readonly version: number;
  readonly applied: number;
  readonly body: Record<string, unknown> | undefined;
}

interface Facts {
  readonly currentState: string;
  readonly blocked: boolean;
  readonly unsubscribed: boolean;
}

const CONVERSATION = `/conversations/${SEED_CONVERSATION_ID}`;

/**
 * A server process (JavaScript run with tsx, so the TypeScript sources load without a build): the
 * reference handler on the database file, its store wrapped to record per request the rows of the
 * conversation it read or wrote. It prints its URL and stops when its stdin closes, so that it
 * never outlives the test.
 */
const SERVER_PROCESS = `
import { AsyncLocalStorage } from 'node:async_hooks';
import { serveNode } from '@hyperld/hydra/server';
import { createTextusHandler, TextusStore } from '@hyperld/textus-server';
const id = process.env.CONVERSATION_ID;
const store = TextusStore.open(process.env.DB_FILE);
const requests = new AsyncLocalStorage();
const read = store.conversation.bind(store);
const apply = store.applyAction.bind(store);
store.conversation = (cid) => {
  const row = read(cid);
  if (row?.id === id) requests.getStore()?.rows.push(row);
  return row;
};
store.applyAction = (userId, cid, action) => {
  const row = apply(userId, cid, action);
  const log = requests.getStore();
  if (log && cid === id) { log.rows.push(row); log.applied++; }
  return row;
};
const handler = createTextusHandler({ store });
const served = await serveNode((request) => requests.run({ rows: [], applied: 0 }, async () => {
  const response = await handler.fetch(request);
  const log = requests.getStore();
  const headers = new Headers(response.headers);
  headers.set('x-test-version', String(log.rows.at(-1)?.version ?? -1));
  headers.set('x-test-applied', String(log.applied));
  return new Response(response.body, { status: response.status, headers });
}), { port: 0 });
process.stdout.write(served.url + '\\n');
process.stdin.resume();
process.stdin.on('end', async () => { await served.close(); store.close(); process.exit(0); });
`;

/** Starts a server process on `file`; resolves with its URL. */
async function startServerProcess(file: string): Promise<{ readonly url: string; readonly child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=@hyperld/source', '--input-type=module', '-e', SERVER_PROCESS], {
    cwd: fileURLToPath(new URL('.', import.meta.url)),
    env: { ...process.env, DB_FILE: file, CONVERSATION_ID: SEED_CONVERSATION_ID },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  children.push(child);
  let out = '';
  for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
    out += chunk.toString();
    if (out.includes('\n')) break;
  }
  const url = out.trim();
  if (!url.startsWith('http://127.0.0.1:')) throw new Error(`the server process printed ${JSON.stringify(out)}`);
  return { url, child };
}

let db: ReturnType<typeof temporaryDatabase>;
/** The test's own connection to the database file (to read the log and the final row). */
let store: TextusStore;
/** Server processes started by the current test. */
const children: ChildProcess[] = [];

beforeEach(() => {
  db = temporaryDatabase();
  store = TextusStore.open(db.file);
  seedStore(store, { scale: 0.1 });
  // Every state written, by version, logged inside the writing transaction (whichever process writes).
  store.db.exec(`
    CREATE TABLE state_log (version INTEGER PRIMARY KEY, current_state TEXT NOT NULL, blocked INTEGER NOT NULL, unsubscribed INTEGER NOT NULL);
    CREATE TRIGGER log_state AFTER UPDATE ON conversations WHEN new.id = '${SEED_CONVERSATION_ID}'
    BEGIN INSERT INTO state_log VALUES (new.version, new.current_state, new.blocked, new.unsubscribed); END;
  `);
  const initial = store.conversation(SEED_CONVERSATION_ID) as ConversationRow;
  store.db.prepare('INSERT INTO state_log VALUES (?, ?, ?, ?)').run(initial.version, initial.current_state, initial.blocked, initial.unsubscribed);
});

afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode !== null) continue;
    const exited = once(child, 'exit');
    child.stdin?.end();
    const timer = setTimeout(() => child.kill(), 10_000);
    await exited;
    clearTimeout(timer);
  }
  store.close();
  db.remove();
});


const METHODS: Record<string, string> = {
  closeConversation: 'PUT /close',
  reopenConversation: 'PUT /reopen',
  blockConversation: 'PUT /block',
  unblockConversation: 'DELETE /block',
};

/** Sends `actions` on the conversation, `inFlight` at a time, spread over `urls`; answers in order of completion. */
async function fire(urls: readonly string[], actions: readonly ConversationActionName[], inFlight: number): Promise<Answer[]> {
  const answers: Answer[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < actions.length) {
      const index = next++;
      const action = actions[index] as ConversationActionName;
      const [method, segment] = (METHODS[action] as string).split(' ') as [string, string];
      const url = urls[index % urls.length] as string;
      const response = await fetch(`${url}${CONVERSATION}${segment}`, {
        method,
        headers: { accept: TEXTUS_MEDIA_TYPE, authorization: `Bearer ${DEMO_TOKEN}` },
      });
      const text = await response.text();
      answers.push({
        index,
        action,
        status: response.status,
        version: Number(response.headers.get('x-test-version')),
        applied: Number(response.headers.get('x-test-applied')),
        body: response.status === 200 ? (textusRegistry.decodeAs(Conversation, text, { strict: true, base: `${url}${CONVERSATION}` }) as unknown as Record<string, unknown>) : undefined,
      });
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return answers;
}

/** The logged state of every version. */
function stateLog(): Map<number, Facts> {
  const rows = store.db.prepare('SELECT * FROM state_log ORDER BY version').all() as { version: number; current_state: string; blocked: number; unsubscribed: number }[];
  return new Map(rows.map((r) => [r.version, { currentState: r.current_state, blocked: r.blocked === 1, unsubscribed: r.unsubscribed === 1 }]));
}

const factsOf = (body: Record<string, unknown>): Facts => ({
  currentState: body['currentState'] as string,
  blocked: body['blocked'] as boolean,
  unsubscribed: body['unsubscribed'] as boolean,
});

/** The action links a conversation in `facts` must carry. */
const linksOf = (body: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.keys(conversationActionLinks(CONVERSATION, factsOf(body))).map((name) => [name, body[name]]));

/** Every check described in the module comment; returns the answers by version for reporting. */
async function checkExactly(url: string, actions: readonly ConversationActionName[], answers: readonly Answer[]): Promise<{ changes: number; refused: number; idempotent: number }> {
  const log = stateLog();
  expect(answers).toHaveLength(actions.length);
  expect(new Set(answers.map((a) => a.index)).size).toBe(actions.length);
  let refused = 0;
  let idempotent = 0;
  for (const a of answers) {
    const label = `#${a.index} ${a.action} (v${a.version}, status ${a.status})`;
    expect([200, 409], label).toContain(a.status);
    expect(log.has(a.version), label).toBe(true);
    const seen = log.get(a.version) as Facts;
    if (a.status === 409) {
      // Refused: nothing written, and refused rightly for the state it saw.
      refused++;
      expect(a.applied, label).toBe(0);
      expect(conversationRules[a.action](seen), label).toBe(false);
      continue;
    }
    const body = a.body as Record<string, unknown>;
    // The answer shows exactly the state of its version, with the links that state offers.
    expect(factsOf(body), label).toEqual(seen);
    expect(linksOf(body), label).toEqual(conversationActionLinks(CONVERSATION, seen));
    if (seen.currentState === 'closed' && !seen.blocked) expect([body['closeConversation'], body['reopenConversation']], label).toEqual([null, `${CONVERSATION}/reopen`]);
    if (seen.currentState === 'open') expect([body['closeConversation'], body['reopenConversation']], label).toEqual([`${CONVERSATION}/close`, null]);
    if (a.applied === 0) {
      // Idempotent: the action's effect already held.
      idempotent++;
      expect(applyConversationAction(a.action, seen), label).toEqual(seen);
    } else {
      // A change: one legal transition from the version before.
      expect(a.applied, label).toBe(1);
      const before = log.get(a.version - 1) as Facts;
      expect(before, label).toBeDefined();
      expect(conversationRules[a.action](before), label).toBe(true);
      expect(applyConversationAction(a.action, before), label).toEqual(seen);
    }
  }
  // Versions 1…N were each written by exactly one acknowledged change: no lost or phantom update.
  const changed = answers.filter((a) => a.applied > 0).map((a) => a.version);
  const initial = Math.min(...log.keys());
  const final = Math.max(...log.keys());
  expect([...changed].sort((x, y) => x - y)).toEqual(Array.from({ length: final - initial }, (_, i) => initial + 1 + i));
  // The final state is the state of the highest version any answer holds.
  const highest = Math.max(...answers.map((a) => a.version));
  expect(highest).toBe(final);
  const row = store.conversation(SEED_CONVERSATION_ID) as ConversationRow;
  expect(row.version).toBe(final);
  const response = await fetch(`${url}${CONVERSATION}`, { headers: { accept: TEXTUS_MEDIA_TYPE, authorization: `Bearer ${DEMO_TOKEN}` } });
  const now = factsOf(textusRegistry.decodeAs(Conversation, await response.text(), { strict: true }) as unknown as Record<string, unknown>);
  expect(now).toEqual(log.get(final));
  const lastAnswer = answers.find((a) => a.version === highest && a.status === 200);
  if (lastAnswer?.body) expect(factsOf(lastAnswer.body)).toEqual(now);
  return { changes: changed.length, refused, idempotent };
}

describe.each([
  { processes: 1, what: 'one server process' },
  { processes: 2, what: 'two server processes on one database file' },
])('concurrent actions on one conversation over HTTP, $what', ({ processes }) => {
  it('200 close/reopen requests, 16 in flight: every answer shows its own version exactly, the final state is the highest version', async () => {
    const urls = (await Promise.all(Array.from({ length: processes }, () => startServerProcess(db.file)))).map((s) => s.url);
    const next = random(20240611);
    const actions = Array.from({ length: 200 }, (): ConversationActionName => (next() < 0.5 ? 'closeConversation' : 'reopenConversation'));
    const answers = await fire(urls, actions, 16);
    const counts = await checkExactly(urls[0] as string, actions, answers);
    expect(counts.changes + counts.idempotent + counts.refused).toBe(200);
    // Both kinds happen: the sequence is not trivially all-idempotent or all-changing.
    expect(counts.changes).toBeGreaterThan(20);
    expect(counts.idempotent).toBeGreaterThan(20);
    expect(counts.refused).toBe(0);
  });

  it('400 close/reopen/block/unblock requests, 16 in flight: refused transitions (409) change nothing, and no change skips its rule', async () => {
    const urls = (await Promise.all(Array.from({ length: processes }, () => startServerProcess(db.file)))).map((s) => s.url);
    const next = random(7);
    const pool: ConversationActionName[] = ['closeConversation', 'reopenConversation', 'blockConversation', 'unblockConversation'];
    const actions = Array.from({ length: 400 }, () => pool[Math.floor(next() * pool.length)] as ConversationActionName);
    const answers = await fire(urls, actions, 16);
    const counts = await checkExactly(urls[0] as string, actions, answers);
    expect(counts.refused).toBeGreaterThan(0);
    expect(counts.changes).toBeGreaterThan(20);
  });
});
