/**
 * What the client's tests share: a fake `fetch` that records every request, JSON-LD answers,
 * a loopback server for what a fake cannot show, and the seed documents the fake API serves.
 *
 * @module
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { t, vocabulary } from '@hyperld/core';
import { conversationRegistry, SEED_BASE, seedText, VOCAB } from '../../__fixtures__/conversations.js';
import { createClient, type ClientOptions } from '../index.js';
import { Collection, PartialCollectionView } from '../../vocabulary.js';

export const ORIGIN = new URL(SEED_BASE).origin;
export const TOKEN = 'secret-token';
export const OTHER = 'https://elsewhere.example';

/** A request as the fake server saw it. */
export interface Call {
  readonly url: string;
  readonly method: string;
  /** Header names lower-cased. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | undefined;
  readonly signal: AbortSignal | undefined;
  readonly redirect: RequestRedirect | undefined;
}

type Answer = Response | Promise<Response>;

/** A fake `fetch` answering by a handler, recording each call. */
export function fakeFetch(handler: (call: Call, index: number) => Answer): { fetch: typeof fetch; calls: Call[] } {
  const calls: Call[] = [];
  const fetchFn = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, key) => {
      headers[key] = value;
    });
    const call: Call = {
      url: typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
      method: init?.method ?? 'GET',
      headers,
      body: typeof init?.body === 'string' ? init.body : undefined,
      signal: init?.signal ?? undefined,
      redirect: init?.redirect,
    };
    calls.push(call);
    return handler(call, calls.length - 1);
  };
  return { fetch: fetchFn as typeof fetch, calls };
}

/** A JSON-LD answer. */
export function json(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status: init.status ?? 200,
    headers: { 'content-type': 'application/ld+json', ...init.headers },
  });
}

/** A real HTTP server on an ephemeral loopback port, for what a fake `fetch` cannot show. */
export async function loopback(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

export function redirect(status: number, location: string): Response {
  return new Response(null, { status, headers: { location } });
}

export const notFound = (call: Call): Response =>
  json({ '@type': 'hydra:Error', title: 'Not Found', status: 404, detail: `No ${new URL(call.url).pathname}.` }, { status: 404 });

// A timeline and stats type the fixture's links point to, so that `follow` has targets to type by.
const v = vocabulary({ vocab: VOCAB });
export const Timeline = v.type('Timeline', {
  extends: Collection,
  properties: {
    members: t.list(t.anyNode()).mapTo('hydra:member'),
    totalItems: t.integer().mapTo('hydra:totalItems'),
    view: t.node(PartialCollectionView).optional().mapTo('hydra:view'),
  },
});
export const registry = conversationRegistry.with([Timeline]);

export const seedPage = (): Record<string, unknown> => JSON.parse(seedText()) as Record<string, unknown>;
/** The seed's conversation as its own document (what GET /conversations/Pvwqm5G would answer). */
export const seedConversation = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  ...((seedPage()['members'] as Record<string, unknown>[])[0] as Record<string, unknown>),
  ...overrides,
});
export const CONVERSATION = `${ORIGIN}/conversations/Pvwqm5G`;

export const timelineDoc = (id = '/conversations/Pvwqm5G/timeline'): Record<string, unknown> => ({
  '@type': 'Timeline',
  '@context': '/contexts/Timeline.jsonld',
  id,
  members: [],
  totalItems: 0,
});

export function client(fetchFn: typeof fetch, options: Partial<ClientOptions<never>> = {}) {
  return createClient({ baseUrl: `${ORIGIN}/`, registry, token: TOKEN, fetch: fetchFn, retryDelay: 1, ...options });
}

/** Awaits a rejection and returns the error. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

/** A page of a three-page collection of single conversations. */
export function pageDoc(n: number, total: number): Record<string, unknown> {
  const page = seedPage();
  const member = seedConversation({ id: `/conversations/c${n}`, slug: `c${n}` });
  const self = n === 1 ? '/contacts/DQeeO69/conversations' : `/contacts/DQeeO69/conversations?page=${n}`;
  return {
    ...page,
    members: [member, seedConversation({ id: `/conversations/c${n}b`, slug: `c${n}b` })],
    totalItems: total * 2,
    view: {
      '@type': 'hydra:PartialCollectionView',
      '@context': '/contexts/hydra:PartialCollectionView.jsonld',
      id: self,
      first: '/contacts/DQeeO69/conversations',
      next: n < total ? `/contacts/DQeeO69/conversations?page=${n + 1}` : null,
      previous: n > 1 ? (n === 2 ? '/contacts/DQeeO69/conversations' : `/contacts/DQeeO69/conversations?page=${n - 1}`) : null,
    },
  };
}

export function pagedServer(total: number) {
  return fakeFetch((call) => {
    const url = new URL(call.url);
    if (url.pathname !== '/contacts/DQeeO69/conversations') return notFound(call);
    return json(pageDoc(Number(url.searchParams.get('page') ?? '1'), total));
  });
}
