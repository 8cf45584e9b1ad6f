/**
 * A soak of the reference server: many concurrent clients for a fixed time, each a small
 * hypermedia client doing a random mix of reads (collection pages followed through `next`,
 * conversations, timelines, conditional GETs) and actions (read/unread, star/unstar, and the state
 * actions its last answer offers — close only when `closeConversation` is a link, …).
 *
 * Every request is meant to be valid: each conversation is owned by at most one client, and only
 * its owner acts on it, so the state an action was chosen from is the state the server still has
 * (no 409 from a race with another client). Any answer outside 2xx/3xx, a request without an
 * answer, or an action answer whose state is not what the action should give, is counted.
 *
 * Used by `pnpm bench:server --soak`.
 *
 * @example
 * ```ts
 * import { runSoak } from './soak.js';
 * const result = await runSoak({ url: 'http://127.0.0.1:8080', token: 'u_demo.textus-demo-token-2f9a', contact: 'DQeeO69', clients: 64, seconds: 30 });
 * console.log(result.requestsPerSecond, result.invalid);
 * ```
 *
 * @module
 */
import { performance } from 'node:perf_hooks';
import { applyConversationAction, CONVERSATION_ACTIONS, type ConversationActionName } from '../packages/textus/src/actions.js';
import { TEXTUS_MEDIA_TYPE } from '../packages/textus/src/vocabulary/namespace.js';
import { random } from '../test/helpers/random.js';

/**
 * Settings of a soak.
 *
 * @example
 * ```ts
 * import type { SoakOptions } from './soak.js';
 * const quick: SoakOptions = { url: 'http://127.0.0.1:8080', token: 't', contact: 'DQeeO69', clients: 8, seconds: 5 };
 * ```
 */
export interface SoakOptions {
  /** The server's base URL (loopback). */
  readonly url: string;
  /** The bearer token. */
  readonly token: string;
  /** The contact whose conversations are walked and acted on. */
  readonly contact: string;
  /** Concurrent clients. */
  readonly clients: number;
  /** How long the soak lasts. */
  readonly seconds: number;
  /** Seed of the clients' choices (default 1): the same seed gives the same mix. */
  readonly seed?: number;
  /** A request without an answer after this long counts as failed (default 30 000 ms: slow is not lost). */
  readonly requestTimeoutMs?: number;
}

/**
 * What a soak measured.
 *
 * @example
 * ```ts
 * import type { SoakResult } from './soak.js';
 * const ok = (r: SoakResult): boolean => r.invalid === 0 && r.unexpected === 0;
 * ```
 */
export interface SoakResult {
  readonly clients: number;
  /** Measured wall time, in seconds. */
  readonly seconds: number;
  /** Conversations found by walking the contact's collection. */
  readonly conversations: number;
  /** Conversations owned by a client (acted on). */
  readonly owned: number;
  readonly requests: number;
  readonly requestsPerSecond: number;
  /** Latency percentiles over all requests, in milliseconds. */
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  /** Requests per kind (`page`, `conversation`, `timeline`, `conditional`, `userAction`, `stateAction`). */
  readonly byKind: Readonly<Record<string, number>>;
  /** Answers per status (`error` for a request without an answer). */
  readonly byStatus: Readonly<Record<string, number>>;
  /** Answers outside 2xx/3xx, plus requests without an answer; 409s included. */
  readonly invalid: number;
  /** 409 answers (a race on state; with owned conversations there should be none). */
  readonly conflicts: number;
  /** 2xx answers whose body was not what the request should give (wrong state after an action, empty page, …). */
  readonly unexpected: number;
}

/** The conversation fields the soak reads: its id, links and state. */
type ConversationDoc = Readonly<Record<string, unknown>> & { readonly id: string; readonly currentState: string; readonly blocked: boolean; readonly unsubscribed: boolean };

const USER_ACTIONS = ['readConversation', 'unreadConversation', 'starConversation', 'unstarConversation'] as const satisfies readonly ConversationActionName[];
/** The conversation actions that change its state (the others change the user's flags). */
export const STATE_ACTIONS = [
  'closeConversation',
  'reopenConversation',
  'blockConversation',
  'unblockConversation',
  'subscribeConversation',
  'unsubscribeConversation',
] as const satisfies readonly ConversationActionName[];

/** The mix: kind and weight. */
const MIX = [
  ['page', 25],
  ['conversation', 20],
  ['timeline', 10],
  ['conditional', 5],
  ['userAction', 20],
  ['stateAction', 20],
] as const;
const MIX_TOTAL = MIX.reduce((sum, [, w]) => sum + w, 0);


function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

function isConversation(value: unknown): value is ConversationDoc {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v['id'] === 'string' && typeof v['currentState'] === 'string' && typeof v['blocked'] === 'boolean' && typeof v['unsubscribed'] === 'boolean';
}

/**
 * Runs the soak and resolves when every client has stopped (at the deadline, each after its
 * current request, which is bounded by the request timeout).
 *
 * @param options - server, token, clients and duration.
 * @returns the counts and latencies.
 * @throws Error when the contact's collection cannot be walked before the soak starts.
 * @example
 * ```ts
 * import { runSoak } from './soak.js';
 * const r = await runSoak({ url: 'http://127.0.0.1:8080', token: 'u_demo.textus-demo-token-2f9a', contact: 'DQeeO69', clients: 4, seconds: 2 });
 * ```
 */
export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const timeoutMs = options.requestTimeoutMs ?? 30_000;
  const headers = { authorization: `Bearer ${options.token}`, accept: TEXTUS_MEDIA_TYPE };
  const first = `/contacts/${encodeURIComponent(options.contact)}/conversations`;

  const getJson = async (path: string): Promise<unknown> => {
    const response = await fetch(`${options.url}${path}`, { headers, signal: AbortSignal.timeout(timeoutMs) });
    const text = await response.text();
    if (response.status !== 200) throw new Error(`soak setup: GET ${path} answered ${response.status}: ${text.slice(0, 200)}`);
    return JSON.parse(text) as unknown;
  };

  // The conversations, found the way a client finds them: by following `next`.
  const conversations: ConversationDoc[] = [];
  let next: string | null = first;
  for (let pages = 0; next !== null && pages < 1000; pages++) {
    const page = (await getJson(next)) as { members?: unknown[]; view?: { next?: string | null } };
    for (const m of page.members ?? []) if (isConversation(m)) conversations.push(m);
    next = page.view?.next ?? null;
  }
  if (conversations.length === 0) throw new Error(`soak setup: ${first} has no conversations`);

  // Each conversation has at most one owner; an owner starts from the conversation as it is now.
  const owned: ConversationDoc[][] = Array.from({ length: options.clients }, () => []);
  for (const [i, c] of conversations.entries()) {
    const doc = await getJson(c.id);
    if (!isConversation(doc)) throw new Error(`soak setup: ${c.id} is not a conversation`);
    (owned[i % options.clients] as ConversationDoc[]).push(doc);
  }

  let latencies = new Float64Array(1 << 16);
  let count = 0;
  const byKind: Record<string, number> = {};
  const byStatus: Record<string, number> = {};
  let invalid = 0;
  let conflicts = 0;
  let unexpected = 0;

  /** Sends one request; records its latency, kind and status; returns the answer (or `undefined` without one). */
  const send = async (
    kind: string,
    method: string,
    path: string,
    extra: Readonly<Record<string, string>> = {},
  ): Promise<{ status: number; text: string; etag: string | null } | undefined> => {
    const start = performance.now();
    let status: number | 'error';
    let answer: { status: number; text: string; etag: string | null } | undefined;
    try {
      const response = await fetch(`${options.url}${path}`, { method, headers: { ...headers, ...extra }, signal: AbortSignal.timeout(timeoutMs) });
      answer = { status: response.status, text: await response.text(), etag: response.headers.get('etag') };
      status = response.status;
    } catch {
      status = 'error';
    }
    const ms = performance.now() - start;
    if (count === latencies.length) {
      const grown = new Float64Array(latencies.length * 2);
      grown.set(latencies);
      latencies = grown;
    }
    latencies[count++] = ms;
    byKind[kind] = (byKind[kind] ?? 0) + 1;
    byStatus[String(status)] = (byStatus[String(status)] ?? 0) + 1;
    if (status === 'error' || status < 200 || status >= 400) invalid++;
    if (status === 409) conflicts++;
    return answer;
  };

  const client = async (index: number, deadline: number): Promise<void> => {
    const rnd = random((options.seed ?? 1) * 1_000_003 + index);
    const mine = owned[index] as ConversationDoc[];
    const etags = new Map<string, string>();
    let page: string = first;
    const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;

    while (performance.now() < deadline) {
      let roll = rnd() * MIX_TOTAL;
      let kind: (typeof MIX)[number][0] = 'page';
      for (const [k, w] of MIX) {
        if (roll < w) {
          kind = k;
          break;
        }
        roll -= w;
      }
      // A client that owns no conversation only reads.
      if ((kind === 'userAction' || kind === 'stateAction') && mine.length === 0) kind = 'conversation';

      if (kind === 'page') {
        const answer = await send(kind, 'GET', page);
        if (answer?.status !== 200) continue;
        const doc = JSON.parse(answer.text) as { members?: unknown[]; view?: { next?: string | null } };
        if (!Array.isArray(doc.members) || doc.members.length === 0) unexpected++;
        page = doc.view?.next ?? first;
      } else if (kind === 'conversation' || kind === 'conditional') {
        // A conditional GET revalidates a conversation this client has seen (a 304 unless its owner acted on it since).
        const seen = kind === 'conditional' ? [...etags.keys()] : [];
        const id = seen.length > 0 ? pick(seen) : pick(conversations).id;
        const etag = etags.get(id);
        const answer = await send(kind, 'GET', id, kind === 'conditional' && etag !== undefined ? { 'if-none-match': etag } : {});
        if (answer?.status === 200) {
          if (answer.etag !== null) etags.set(id, answer.etag);
          const doc = JSON.parse(answer.text) as unknown;
          if (!isConversation(doc) || doc.id !== id) unexpected++;
        }
      } else if (kind === 'timeline') {
        const c = pick(conversations);
        const link = c['timeline'];
        if (typeof link !== 'string') {
          unexpected++;
          continue;
        }
        const answer = await send(kind, 'GET', link);
        if (answer?.status === 200 && !Array.isArray((JSON.parse(answer.text) as { members?: unknown }).members)) unexpected++;
      } else {
        const at = Math.floor(rnd() * mine.length);
        const c = mine[at] as ConversationDoc;
        const names: readonly ConversationActionName[] = kind === 'userAction' ? USER_ACTIONS : STATE_ACTIONS.filter((n) => typeof c[n] === 'string');
        if (names.length === 0) {
          unexpected++;
          continue;
        }
        const name = pick(names);
        const link = c[name];
        if (typeof link !== 'string') {
          unexpected++;
          continue;
        }
        const answer = await send(kind, CONVERSATION_ACTIONS[name].method, link);
        if (answer?.status !== 200) continue;
        const doc = JSON.parse(answer.text) as unknown;
        const expected = applyConversationAction(name, { currentState: c.currentState, blocked: c.blocked, unsubscribed: c.unsubscribed });
        if (
          !isConversation(doc) ||
          doc.id !== c.id ||
          doc.currentState !== expected.currentState ||
          doc.blocked !== expected.blocked ||
          doc.unsubscribed !== expected.unsubscribed
        ) {
          unexpected++;
          continue;
        }
        mine[at] = doc;
      }
    }
  };

  const start = performance.now();
  const deadline = start + options.seconds * 1000;
  await Promise.all(Array.from({ length: options.clients }, (_, i) => client(i, deadline)));
  const seconds = (performance.now() - start) / 1000;
  const sorted = latencies.slice(0, count).sort();
  return {
    clients: options.clients,
    seconds,
    conversations: conversations.length,
    owned: Math.min(conversations.length, owned.reduce((n, list) => n + list.length, 0)),
    requests: count,
    requestsPerSecond: count / seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.length > 0 ? (sorted[sorted.length - 1] as number) : 0,
    byKind,
    byStatus,
    invalid,
    conflicts,
    unexpected,
  };
}
