/**
 * The reference TextUs server, built only from the public API of core, hydra, hydra/server and
 * textus: the routes of `textusRoutes` on the SQLite store, bearer authentication, per-account
 * authorization (anything of another account is a 404, and is never embedded: see `Viewer`),
 * keyset-paged collections, and action links computed from state.
 *
 * @module
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { apiDocumentation, type DocumentedOperation } from '@hyperld/hydra';
import {
  authenticated,
  createHydraHandler,
  decodeCursor,
  encodeCursor,
  HttpProblem,
  pageSize,
  pageView,
  reply,
  searchTemplate,
  serveNode,
  type CorsOptions,
  type HydraHandler,
  type RouteContext,
  type ServerRoute,
} from '@hyperld/hydra/server';
import {
  applyConversationAction,
  conversationRules,
  TEXTUS_MEDIA_TYPE,
  TEXTUS_VOCAB,
  textusRegistry,
  textusRoutes,
  VIEW_CONTEXT,
  type ConversationActionName,
} from '@hyperld/textus';
import { renderAccount, renderAccounts } from './render/account.js';
import { renderContact, renderContacts } from './render/contact.js';
import { renderNote } from './render/contact-note.js';
import { renderPhone, renderPhones } from './render/contact-phone.js';
import { renderConversation, renderConversationWithAccount } from './render/conversation.js';
import { parseAssignmentId, renderAssignment, renderAssignments } from './render/conversation-assignment.js';
import { renderUserInfo } from './render/conversation-user-info.js';
import { renderMembership, renderMemberships } from './render/membership.js';
import { renderAttachments, renderMessage } from './render/message.js';
import { renderUser, renderUsers } from './render/user.js';
import { conversationAction, type Answer, type TextusHandlers, type WithParams } from './route-handler.js';
import { DEMO_TOKEN, SEED_CONTACT_ID } from './seed/facts.js';
import { seedEngine } from './seed/seed-store.js';
import type { AccountRow, ContactRow, ConversationRow, PagePosition, RowPage, UserRow } from './store/rows.js';
import type { StoreReads, StoreWrites, TextusEngine } from './store/engine.js';
import { isPostgresUrl, PostgresEngine } from './store/postgres-engine.js';
import { SqliteEngine } from './store/sqlite-engine.js';
import { TextusStore } from './store/textus-store.js';
import { Viewer } from './viewer.js';

/**
 * Options of {@link createTextusHandler}.
 *
 * @example
 * ```ts
 * import type { TextusHandlerOptions } from '@hyperld/textus-server';
 * const options: Partial<TextusHandlerOptions> = { defaultPageSize: 25, maxPageSize: 100 };
 * ```
 */
export interface TextusHandlerOptions {
  /** The store: an engine ({@link SqliteEngine}, {@link PostgresEngine}), or a {@link TextusStore} (run on a {@link SqliteEngine}). */
  readonly store: TextusEngine | TextusStore;
  /** Page size when the request does not say (default 25). */
  readonly defaultPageSize?: number;
  /** The largest page size served (default 100). */
  readonly maxPageSize?: number;
  /** The largest request body, in bytes (default 64 KiB). */
  readonly maxBodySize?: number;
  /** Extra routes (e.g. the docs site), tried after the API's. */
  readonly extraRoutes?: readonly ServerRoute<UserRow>[];
  /** Receives unexpected errors (the client only sees a bare 500). */
  readonly onError?: (error: unknown) => void;
  /**
   * Browser clients of other origins allowed to use the API (see `createHydraHandler`'s `cors`).
   * Default: none, same origin only (the docs site and its explorer are served from the API's own
   * origin, and need no CORS).
   */
  readonly cors?: CorsOptions;
  /**
   * Keep the encoded answers of `GET`s per user until the store's data changes (default `true`):
   * a repeated read is answered without SQL, rendering or hashing (see
   * {@link TextusStore.dataVersion}). Authentication still runs for every request.
   */
  readonly responseCache?: boolean;
}

type Ctx = RouteContext<UserRow>;

const notFound = (what: string): HttpProblem => new HttpProblem(404, 'Not Found', `No ${what}.`);

/** `row`, or the 404 that a missing row and a row the user may not read share. */
function found<R>(row: R | undefined, what: string): R {
  if (row === undefined) throw notFound(what);
  return row;
}

function position(url: URL): PagePosition {
  const raw = url.searchParams.get('cursor');
  if (raw === null) return undefined;
  const value = decodeCursor(raw);
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const after = value['after'];
    const before = value['before'];
    if (typeof after === 'number' && Number.isSafeInteger(after)) return { after };
    if (typeof before === 'number' && Number.isSafeInteger(before)) return { before };
  }
  throw new HttpProblem(400, 'Bad Request', 'The cursor is not valid.');
}

function pageUrl(path: string, cursor: PagePosition, size: number | undefined, filter: Readonly<Record<string, string>> = {}): string {
  const params = new URLSearchParams(filter);
  if (size !== undefined) params.set('per_page', String(size));
  if (cursor) params.set('cursor', encodeCursor(cursor));
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/** The classes answered by keyset-paged routes, whose `cursor` and `per_page` may be refused (400). */
const PAGED_CLASSES: ReadonlySet<string> = new Set(['ConversationCollection', 'ContactCollection', 'Timeline', 'AccountCollection']);

/**
 * Whether an `Accept` prefers HTML: it names `text/html` (with a weight above 0) and no JSON-LD
 * type (`application/ld+json`, the vendor type). `*\/*` alone, or no `Accept`, is a JSON-LD client.
 */
function prefersHtml(accept: string | null): boolean {
  if (accept === null) return false;
  let html = false;
  for (const part of accept.toLowerCase().split(',')) {
    const [type = '', ...params] = part.split(';').map((p) => p.trim());
    const q = params.find((p) => p.startsWith('q='));
    if (q !== undefined && Number(q.slice(2)) === 0) continue;
    if (type === 'application/ld+json' || type === TEXTUS_MEDIA_TYPE) return false;
    if (type === 'text/html' || type === 'application/xhtml+xml') html = true;
  }
  return html;
}
/** The entrypoint: the same for every user, so served without a token. */
const entrypointNode = () => ({ '@type': 'EntryPoint', '@context': '/contexts/EntryPoint.jsonld', id: '/', accounts: '/accounts' }) as const;

/**
 * The actions whose rule can refuse them (409), as `actOn` and the retry handler do: every
 * conversation action whose rule fails in some state (found by asking the rules, the one source
 * of truth, over every combination of the facts they read), and a message's `retry`.
 */
const REFUSABLE_ACTIONS: ReadonlySet<string> = new Set([
  ...(Object.keys(conversationRules) as ConversationActionName[]).filter((name) =>
    ['open', 'closed', 'blocked'].some((currentState) =>
      [false, true].some((blocked) => [false, true].some((unsubscribed) => !conversationRules[name]({ currentState, blocked, unsubscribed }))),
    ),
  ),
  'retry',
]);

/**
 * The statuses besides success that the handlers below answer an operation with: every route but
 * the entrypoint needs a token (401) and answers 404 for what the user may not see; paged collections refuse a
 * bad cursor or page size (400); a body sent with a PUT or POST is read, so may be refused (400,
 * 413, 415); an action whose rule does not hold is a 409.
 */
function possibleStatusOf(operation: DocumentedOperation): number[] {
  // The entrypoint is public and always there.
  if (operation.className === 'EntryPoint') return [];
  const out: number[] = [];
  if (operation.method === 'GET' && PAGED_CLASSES.has(operation.className)) out.push(400);
  if (operation.method === 'PUT' || operation.method === 'POST') out.push(400, 413, 415);
  out.push(401, 404);
  if (operation.action !== undefined && REFUSABLE_ACTIONS.has(operation.action)) out.push(409);
  return out;
}

/**
 * Creates the reference TextUs API as a Fetch-style handler.
 *
 * @param options - the store and paging limits.
 * @returns the handler: `fetch` is its `(request) => Promise<Response>` function; `serveNode` and
 * `toNodeListener` take it whole.
 * @example
 * ```ts
 * import { createTextusHandler, seedStore, TextusStore, DEMO_TOKEN } from '@hyperld/textus-server';
 * const store = TextusStore.open(':memory:');
 * seedStore(store);
 * const handler = createTextusHandler({ store });
 * const response = await handler.fetch(new Request('http://localhost/contacts/DQeeO69/conversations', { headers: { authorization: `Bearer ${DEMO_TOKEN}` } }));
 * ```
 */
export function createTextusHandler(options: TextusHandlerOptions): HydraHandler {
  const store: TextusEngine = options.store instanceof TextusStore ? new SqliteEngine(options.store) : options.store;
  const defaultSize = options.defaultPageSize ?? 25;
  const maxSize = options.maxPageSize ?? 100;

  const size = (url: URL): number => {
    const n = pageSize(url.searchParams.get('per_page'), { default: defaultSize, max: maxSize });
    if (n === undefined) throw new HttpProblem(400, 'Bad Request', '`per_page` must be a positive integer.');
    return n;
  };
  const explicitSize = (url: URL): number | undefined => (url.searchParams.has('per_page') ? size(url) : undefined);
  /**
   * The view of one keyset page of a collection at `path`: `first`, and `next`/`previous` from the
   * page's last/first row while there are more (the page size kept when the request named one).
   */
  const keysetView = (url: URL, path: string, page: RowPage<{ readonly seq: number }>, filter: Readonly<Record<string, string>> = {}): ReturnType<typeof pageView> => {
    const explicit = explicitSize(url);
    const firstRow = page.rows[0];
    const lastRow = page.rows[page.rows.length - 1];
    return pageView({
      id: `${url.pathname}${url.search}`,
      context: VIEW_CONTEXT,
      first: pageUrl(path, undefined, explicit, filter),
      next: page.hasNext && lastRow ? pageUrl(path, { after: lastRow.seq }, explicit, filter) : null,
      previous: page.hasPrevious && firstRow ? pageUrl(path, { before: firstRow.seq }, explicit, filter) : null,
    });
  };
  // The query variables of the account collections, declared once: parsed and validated from the
  // request (a 400 naming the bad ones), and published as the collection's `hydra:search`.
  const conversationSearch = searchTemplate({
    state: { property: `${TEXTUS_VOCAB}currentState`, values: ['open', 'closed', 'blocked'] },
    per_page: { property: 'http://www.w3.org/ns/hydra/core#limit', integer: { min: 1, max: maxSize } },
  } as const);
  const accountSearch = searchTemplate({ per_page: { property: 'http://www.w3.org/ns/hydra/core#limit', integer: { min: 1, max: maxSize } } } as const);

  // What the path names, as the requesting user may see it: the Viewer decides, for the route
  // checks here as for what the renderers embed.
  // A helper names the path variables it reads, and takes only the routes whose templates have them.
  const param = <P extends string>(ctx: WithParams<P>, name: NoInfer<P>): string => ctx.params[name] ?? '';
  const visibleConversation = async (ctx: WithParams<'conversation'>, viewer: Viewer) => found(await viewer.conversation(param(ctx, 'conversation')), 'such conversation');
  const visibleContact = async (ctx: WithParams<'contact'>, viewer: Viewer) => found(await viewer.contact(param(ctx, 'contact')), 'such contact');
  const visibleMessage = async (ctx: WithParams<'message'>, viewer: Viewer) => found(await viewer.message(param(ctx, 'message')), 'such message');
  const withPhones = async (tx: StoreReads, contact: ContactRow) => ({ contact, phones: await tx.phonesOf(contact.id) });
  /** `f` of each of `items` in turn (one transaction's connection runs one statement at a time). */
  const each = async <I, O>(items: readonly I[], f: (item: I) => Promise<O>): Promise<O[]> => {
    const out: O[] = [];
    for (const item of items) out.push(await f(item));
    return out;
  };
  // A page of conversations, as the seed route (a contact's) and an account's answer it; the
  // caller adds its view (and search), which come after these keys on the wire.
  const conversationPage = async (tx: StoreReads, path: string, page: RowPage<ConversationRow>, viewer: Viewer) => ({
    '@type': 'ConversationCollection' as const,
    '@context': '/contexts/ConversationCollection.jsonld' as const,
    id: path,
    members: await (async () => {
      // Three statements for the page's messages and infos, not three per member.
      const details = await tx.conversationDetails(
        page.rows.map((row) => row.id),
        viewer.userId,
      );
      return each(page.rows, (row) => renderConversationWithAccount(tx, row, viewer, details.get(row.id)));
    })(),
    totalItems: page.total,
  });

  // One entry per route of textusRoutes (TextusHandlers: a missing or extra one does not compile).
  const handlers: TextusHandlers = {
    contactConversations: async (ctx, viewer, tx) => {
      const contact = await visibleContact(ctx, viewer);
      const per = size(ctx.url);
      const page = await tx.conversationsOfContact(ctx.auth.id, contact.id, position(ctx.url), per);
      const path = `/contacts/${contact.id}/conversations`;
      return { ...(await conversationPage(tx, path, page, viewer)), view: keysetView(ctx.url, path, page) };
    },
    conversation: async (ctx, viewer, tx) => renderConversation(tx, await visibleConversation(ctx, viewer), viewer),
    readConversation: conversationAction('readConversation'),
    unreadConversation: conversationAction('unreadConversation'),
    starConversation: conversationAction('starConversation'),
    unstarConversation: conversationAction('unstarConversation'),
    subscribeConversation: conversationAction('subscribeConversation'),
    unsubscribeConversation: conversationAction('unsubscribeConversation'),
    blockConversation: conversationAction('blockConversation'),
    unblockConversation: conversationAction('unblockConversation'),
    closeConversation: conversationAction('closeConversation'),
    reopenConversation: conversationAction('reopenConversation'),
    timeline: async (ctx, viewer, tx) => {
      const c = await visibleConversation(ctx, viewer);
      const per = size(ctx.url);
      const page = await tx.messagesOf(c.id, position(ctx.url), per);
      const path = `/conversations/${c.id}/timeline`;
      return {
        '@type': 'Timeline',
        '@context': '/contexts/Timeline.jsonld',
        id: path,
        latestPosition: (await tx.latestMessage(c.id))?.ts ?? null,
        totalItems: page.total,
        members: page.rows.map(renderMessage),
        view: keysetView(ctx.url, path, page),
      };
    },
    stats: async (ctx, viewer, tx) => {
      const c = await visibleConversation(ctx, viewer);
      const s = await tx.messageStats(c.id);
      const ratio = s.outbound === 0 ? 0 : s.inbound / s.outbound;
      const engagement = ratio >= 1 ? 'A' : ratio >= 0.66 ? 'B' : ratio >= 0.33 ? 'C' : ratio > 0 ? 'D' : 'F';
      return {
        '@type': 'ConversationStats',
        '@context': '/contexts/ConversationStats.jsonld',
        id: `/conversations/${c.id}/stats`,
        conversationStartedAt: s.first ?? '1970-01-01T00:00:00.000Z',
        engagement,
        outboundDelivered: s.outboundDelivered ?? 0,
      };
    },
    conversationUserInfo: async (ctx, viewer, tx) => {
      const c = await visibleConversation(ctx, viewer);
      return renderUserInfo(c.id, await tx.userInfo(c.id, viewer.userId));
    },
    conversationParticipants: async (ctx, viewer, tx) => {
      const c = await visibleConversation(ctx, viewer);
      return renderUsers(`/conversations/${c.id}/participants`, await viewer.users((await tx.participantsOf(c.id)).map((u) => u.id)));
    },
    conversationAssociatedContacts: async (ctx, viewer, tx) => {
      const c = await visibleConversation(ctx, viewer);
      const contact = await viewer.contact(c.contact_id);
      return renderContacts(`/conversations/${c.id}/associated_contacts`, contact ? [await withPhones(tx, contact)] : []);
    },
    conversationAssignments: async (ctx, viewer, tx) => {
      const c = await visibleConversation(ctx, viewer);
      return renderAssignments(c.id, await viewer.users(await tx.assigneesOf(c.id)));
    },
    conversationAssignment: async (ctx, viewer) => {
      const pair = parseAssignmentId(param(ctx, 'assignment'));
      const { conversation, assignee } = found(pair && (await viewer.assignment(...pair)), 'such assignment');
      return renderAssignment(conversation.id, assignee);
    },
    message: async (ctx, viewer) => renderMessage(await visibleMessage(ctx, viewer)),
    messageAttachments: async (ctx, viewer) => renderAttachments((await visibleMessage(ctx, viewer)).id),
    retryMessage: async (ctx, viewer) => {
      const m = await visibleMessage(ctx, viewer);
      if (m.delivery_state !== 'failed' && m.delivery_state !== 'failed_transient') {
        throw new HttpProblem(409, 'Conflict', 'Only a failed message can be retried.');
      }
      await store.retryMessage(m.id);
      return reply(null, { status: 202 });
    },
    // Public and the same for everyone: the links a client starts from (each account links its own
    // conversations and contacts). `/` is also the docs site, for browsers (see `entrypointRoute`).
    entrypoint: () => entrypointNode(),
    accounts: async (ctx, viewer, tx) => {
      const { per_page: per = defaultSize } = accountSearch.parse(ctx.url);
      const page = await tx.accountsOf(ctx.auth.id, position(ctx.url), per);
      const path = '/accounts';
      return {
        ...renderAccounts(path, page.rows.map((a) => ({ account: a, role: viewer.roleIn(a.id) as string })), page.total),
        view: keysetView(ctx.url, path, page),
        search: accountSearch.node(path),
      };
    },
    account: async (ctx, viewer) => {
      const a = found(await viewer.account(param(ctx, 'account')), 'such account');
      return renderAccount(a, viewer.roleIn(a.id) as string);
    },
    accountConversations: async (ctx, viewer, tx) => {
      const a = found(await viewer.account(param(ctx, 'account')), 'such account');
      const { state, per_page: per = defaultSize } = conversationSearch.parse(ctx.url);
      const page = await tx.conversationsOfAccount(a.id, state !== undefined ? { state } : {}, position(ctx.url), per);
      const path = `/accounts/${a.id}/conversations`;
      return {
        ...(await conversationPage(tx, path, page, viewer)),
        view: keysetView(ctx.url, path, page, state !== undefined ? { state } : {}),
        search: conversationSearch.node(path),
      };
    },
    accountContacts: async (ctx, viewer, tx) => {
      const a = found(await viewer.account(param(ctx, 'account')), 'such account');
      const page = await tx.contactsOf(a.id, position(ctx.url), size(ctx.url));
      const path = `/accounts/${a.id}/contacts`;
      return { ...renderContacts(path, await each(page.rows, (row) => withPhones(tx, row)), page.total), view: keysetView(ctx.url, path, page) };
    },
    accountUsers: async (ctx, viewer, tx) => {
      const a = found(await viewer.account(param(ctx, 'account')), 'such account');
      return renderUsers(`/accounts/${a.id}/users`, await tx.usersOf(a.id));
    },
    contact: async (ctx, viewer, tx) => {
      const c = await visibleContact(ctx, viewer);
      return renderContact(c, await tx.phonesOf(c.id));
    },
    contactPhones: async (ctx, viewer, tx) => {
      const c = await visibleContact(ctx, viewer);
      return renderPhones(c.id, await tx.phonesOf(c.id));
    },
    contactPhone: async (ctx, viewer) => renderPhone(found(await viewer.phone(param(ctx, 'phone')), 'such phone')),
    contactNote: async (ctx, viewer, tx) => {
      const n = found(await viewer.note(param(ctx, 'note')), 'such note');
      return renderNote(n, (await tx.user(n.user_id)) as UserRow);
    },
    contactNotes: async (ctx, viewer, tx) => {
      const c = await visibleContact(ctx, viewer);
      const notes = await tx.notesOf(c.id);
      return {
        '@type': 'ContactNoteCollection',
        '@context': '/contexts/hydra:Collection.jsonld',
        id: `/contacts/${c.id}/notes`,
        members: await each(notes, async (n) => renderNote(n, (await tx.user(n.user_id)) as UserRow)),
        totalItems: notes.length,
      };
    },
    user: async (ctx, viewer) => {
      const u = found(await viewer.user(param(ctx, 'user')), 'such user');
      return renderUser(u, await viewer.membershipsOf(u.id));
    },
    userMemberships: async (ctx, viewer) => {
      const u = found(await viewer.user(param(ctx, 'user')), 'such user');
      return renderMemberships(u.id, await viewer.membershipsOf(u.id));
    },
    membership: async (ctx, viewer, tx) => {
      const m = found(await viewer.membership(param(ctx, 'membership')), 'such membership');
      return renderMembership(m.user_id, { id: m.id, role: m.role, account: (await tx.account(m.account_id)) as AccountRow });
    },
  };

  // Read, check and write in one write transaction (SQLite: IMMEDIATE, the database's write lock;
  // PostgreSQL: the conversation's row locked with SELECT … FOR UPDATE): with several processes on
  // one database, a rule checked on a read made outside the write transaction could let an action
  // through on a state another process has since changed (a close landing on a conversation just
  // blocked elsewhere, or a version bumped by a no-op).
  const actionHandler = (name: ConversationActionName) => (ctx: Ctx) => store.write((tx) => actOn(tx, name, ctx));
  const actOn = async (tx: StoreWrites, name: ConversationActionName, ctx: Ctx) => {
    const viewer = await Viewer.load(tx, ctx.auth.id);
    const id = param(ctx as WithParams<'conversation'>, 'conversation');
    // Visible first (a 404 for another account's conversation takes no lock), then locked and read again.
    await visibleConversation(ctx as WithParams<'conversation'>, viewer);
    const c = found(await tx.conversationForUpdate(id), 'such conversation');
    const state = { currentState: c.current_state, blocked: c.blocked === 1, unsubscribed: c.unsubscribed === 1 };
    const after = applyConversationAction(name, state);
    const unchanged = after.currentState === state.currentState && after.blocked === state.blocked && after.unsubscribed === state.unsubscribed;
    const stateAction = name !== 'readConversation' && name !== 'unreadConversation' && name !== 'starConversation' && name !== 'unstarConversation' && name !== 'assignContact';
    // Idempotent: repeating an action whose effect already holds answers the conversation as it is.
    // An action whose rule does not hold and that would change the state is refused, as its link said.
    if (stateAction && !unchanged && !conversationRules[name](state)) {
      throw new HttpProblem(409, 'Conflict', `${name} is not available while the conversation is ${state.currentState}.`);
    }
    const updated = stateAction && unchanged ? c : await tx.applyAction(ctx.auth.id, c.id, name);
    return renderConversation(tx, updated, viewer);
  };

  // `/` is both the entrypoint and, when the docs site is mounted, its home page: a browser (HTML
  // preferred) gets the site, a JSON-LD client the entrypoint.
  const site = options.extraRoutes?.find((r) => r.method === 'GET' && r.template === '/');
  const entrypointRoute = (route: (typeof textusRoutes)[number]): ServerRoute<UserRow> => ({
    method: route.method,
    template: route.template,
    public: true,
    handle: async (ctx: Ctx) => {
      if (site === undefined || !prefersHtml(ctx.request.headers.get('accept'))) return entrypointNode();
      const page = await site.handle(ctx);
      if (!(page instanceof Response)) return page;
      // The answer at / depends on Accept: say so, or a shared cache could give the page to a
      // JSON-LD client; and link the API documentation, as every API answer does.
      const headers = new Headers(page.headers);
      headers.set('vary', 'Accept');
      headers.set('link', `<${new URL('/docs.jsonld', ctx.url).href}>; rel="http://www.w3.org/ns/hydra/core#apiDocumentation"`);
      return new Response(page.body, { status: page.status, statusText: page.statusText, headers });
    },
  });

  const routes: ServerRoute<UserRow>[] = textusRoutes.map((route) => {
    if (route.name === 'entrypoint') return entrypointRoute(route);
    const handler = handlers[route.name];
    if (typeof handler !== 'function') return { method: route.method, template: route.template, handle: actionHandler(handler.action) };
    // The router matched the route's template, so `params` holds its variables, as RouteCtx says.
    const handle = handler as (ctx: Ctx, viewer: Viewer, tx: StoreReads) => Answer | Promise<Answer>;
    // A read sees one snapshot (SQLite: under one read lock, with each contact and account read
    // once; PostgreSQL: one REPEATABLE READ, READ ONLY transaction on one connection).
    if (route.method === 'GET') return { method: route.method, template: route.template, handle: (ctx: Ctx) => store.read(async (tx) => handle(ctx, await Viewer.load(tx, ctx.auth.id), tx)) };
    return { method: route.method, template: route.template, handle: async (ctx: Ctx) => handle(ctx, await Viewer.load(store, ctx.auth.id), store) };
  });
  routes.push({
    method: 'PUT',
    template: '/conversations/{conversation}/assign_contact',
    handle: actionHandler('assignContact'),
  });

  return createHydraHandler<UserRow>({
    registry: textusRegistry,
    routes: [...routes, ...(options.extraRoutes ?? [])],
    mediaTypes: [TEXTUS_MEDIA_TYPE],
    apiDocumentation: {
      path: '/docs.jsonld',
      node: () =>
        apiDocumentation(textusRegistry, {
          id: '/docs.jsonld',
          title: 'TextUs (reference server)',
          description: 'The TextUs conversation API, served by the hyperld reference server.',
          entrypoint: '/',
          possibleStatus: possibleStatusOf,
        }),
    },
    authenticate: async (request) => {
      const header = request.headers.get('authorization');
      const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
      if (!match) return undefined;
      // The data version is read once per request (SQLite: a statement under the WAL read lock;
      // PostgreSQL: the store_version row, one indexed read), here: the token check uses it, and
      // it goes with the user to the response cache. A write through any process bumps it.
      const version = await store.dataVersion();
      const user = await store.userByToken(match[1] as string, version);
      return user && authenticated(user, { version });
    },
    realm: 'textus',
    maxBodySize: options.maxBodySize ?? 64 * 1024,
    // Every answer of the API's routes is a function of the URL, the media type, the user and the
    // store's data; the docs site's routes answer Responses, which are never kept.
    ...((options.responseCache ?? true) ? { responseCache: { principal: (user: UserRow | undefined) => user?.id } } : {}),
    ...(options.onError ? { onError: options.onError } : {}),
    ...(options.cors ? { cors: options.cors } : {}),
  });
}

/**
 * Options of {@link startTextusServer}.
 *
 * @example
 * ```ts
 * import type { StartOptions } from '@hyperld/textus-server';
 * const options: StartOptions = { file: ':memory:', port: 0 };
 * ```
 */
export interface StartOptions {
  /** The database file (default `data/textus.db`, or `TEXTUS_DB`); `:memory:` for a throwaway store. */
  readonly file?: string;
  /**
   * A PostgreSQL database to run on instead of the SQLite file (default: `DATABASE_URL` when it
   * starts with `postgres://` or `postgresql://`; anything else there is ignored). Any number of
   * server processes may share it.
   */
  readonly databaseUrl?: string;
  /** The port (default `PORT` or 8080; 0 for an ephemeral one). */
  readonly port?: number;
  /** The host (default `127.0.0.1`). */
  readonly hostname?: string;
  /** Print the base URL, the demo token and a curl command (default `true`). */
  readonly announce?: boolean;
  /** Extra routes (e.g. the docs site). */
  readonly extraRoutes?: readonly ServerRoute<UserRow>[];
  /**
   * The origins whose browser clients may use the API (CORS), exactly as `Origin` sends them
   * (default: `TEXTUS_CORS_ORIGINS`, a comma-separated list, else none: same origin only).
   */
  readonly corsOrigins?: readonly string[];
  /**
   * Keep encoded `GET` answers until the data changes (default `true`; see
   * {@link TextusHandlerOptions.responseCache}). `false` renders every answer from the store, as
   * `pnpm bench:server --no-cache` measures.
   */
  readonly responseCache?: boolean;
}

/**
 * A started reference server ({@link startTextusServer}).
 *
 * @example
 * ```ts
 * import { startTextusServer, type TextusServer } from '@hyperld/textus-server';
 * const server: TextusServer = await startTextusServer({ file: ':memory:', port: 0, announce: false });
 * await server.close();
 * ```
 */
export interface TextusServer {
  /** The base URL. */
  readonly url: string;
  /** The engine it runs on. */
  readonly engine: TextusEngine;
  /** The SQLite store underneath (a `TypeError` on PostgreSQL, which has none: use `engine`). */
  readonly store: TextusStore;
  /** Stops listening and closes the store. */
  close(): Promise<void>;
}

/**
 * Starts the reference server: opens (creating and seeding on first run) the database, listens
 * on loopback, and prints the base URL, a demo token and a ready-to-paste `curl`.
 *
 * @param options - database file, port and host.
 * @returns the base URL, the store and `close()`.
 * @throws RangeError for a port outside [0, 65535], or the listen error (`EADDRINUSE`); the
 * database is closed again first.
 * @example
 * ```ts
 * import { startTextusServer } from '@hyperld/textus-server';
 * const server = await startTextusServer({ file: ':memory:', port: 0, announce: false });
 * await server.close();
 * ```
 */
export async function startTextusServer(options: StartOptions = {}): Promise<TextusServer> {
  const databaseUrl = options.databaseUrl ?? (isPostgresUrl(process.env['DATABASE_URL']) ? process.env['DATABASE_URL'] : undefined);
  const file = options.file ?? process.env['TEXTUS_DB'] ?? 'data/textus.db';
  let sqlite: TextusStore | undefined;
  let store: TextusEngine;
  if (databaseUrl !== undefined) {
    if (!isPostgresUrl(databaseUrl)) throw new TypeError('startTextusServer: databaseUrl must start with postgres:// or postgresql://');
    store = await PostgresEngine.open(databaseUrl);
  } else {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    sqlite = TextusStore.open(file);
    store = new SqliteEngine(sqlite);
  }
  if (await store.isEmpty()) {
    try {
      await seedEngine(store);
    } catch (error) {
      // Several processes started on one empty PostgreSQL database: one seeded it (all or nothing).
      if (await store.isEmpty()) {
        await store.close();
        throw error;
      }
    }
  }
  const corsOrigins = options.corsOrigins ?? (process.env['TEXTUS_CORS_ORIGINS'] ?? '').split(',').map((o) => o.trim()).filter((o) => o !== '');
  const handler = createTextusHandler({
    store,
    ...(options.extraRoutes ? { extraRoutes: options.extraRoutes } : {}),
    ...(corsOrigins.length > 0 ? { cors: { origins: corsOrigins } } : {}),
    ...(options.responseCache !== undefined ? { responseCache: options.responseCache } : {}),
    onError: (error) => console.error('textus server error:', error),
  });
  const port = options.port ?? (process.env['PORT'] !== undefined ? Number(process.env['PORT']) : 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    await store.close();
    throw new RangeError(`startTextusServer: the port must be an integer in [0, 65535], got ${String(port)}`);
  }
  let served: Awaited<ReturnType<typeof serveNode>>;
  try {
    served = await serveNode(handler, { port, hostname: options.hostname ?? '127.0.0.1' });
  } catch (error) {
    // A port already in use must not leave the database open (a second start would find it locked).
    await store.close();
    throw error;
  }
  if (options.announce ?? true) {
    console.log(`TextUs reference server listening on ${served.url}`);
    console.log(`Database: ${databaseUrl !== undefined ? 'PostgreSQL (DATABASE_URL)' : file}`);
    console.log(`Demo token: ${DEMO_TOKEN}`);
    console.log('Try:');
    console.log(
      `  curl -i -H 'Accept: ${TEXTUS_MEDIA_TYPE}' -H 'Authorization: Bearer ${DEMO_TOKEN}' ${served.url}/contacts/${SEED_CONTACT_ID}/conversations`,
    );
  }
  return {
    url: served.url,
    engine: store,
    get store(): TextusStore {
      if (sqlite === undefined) throw new TypeError('startTextusServer: this server runs on PostgreSQL, which has no TextusStore: use `engine`');
      return sqlite;
    },
    close: async () => {
      await served.close();
      await store.close();
    },
  };
}
