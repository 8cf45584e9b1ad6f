/**
 * What answers a route of `textusRoutes` in the reference server, as types: a table with one entry
 * per route name ({@link TextusHandlers}), so that a route without a handler, a handler without a
 * route and an action route answered by another action do not compile.
 *
 * A route's handler receives the request with the variables of the route's own template as
 * `params` (`timeline` gets `params.conversation`, and nothing else), and the requesting user's
 * {@link Viewer}. A conversation action's route is answered by {@link conversationAction}, which
 * names the action its route declares.
 *
 * @module
 */
import type { Reply, RouteContext } from '@hyperld/hydra/server';
import type { ConversationActionName, TextusRoute, TextusRouteName } from '@hyperld/textus';
import type { StoreReads } from './store/engine.js';
import type { UserRow } from './store/rows.js';
import type { Viewer } from './viewer.js';

/**
 * The variables of an RFC 6570 path template, as a union: `'/contacts/{contact}/phones'` has
 * `'contact'`.
 *
 * @example
 * ```ts
 * import type { TemplateVariables } from './route-handler.js';
 * const name: TemplateVariables<'/conversation_assignments/{assignment}'> = 'assignment';
 * ```
 */
export type TemplateVariables<T extends string> = T extends `${string}{${infer V}}${infer Rest}` ? V | TemplateVariables<Rest> : never;

/**
 * A request with the given path variables, as far as a helper needs to know
 * (`(ctx: WithParams<'conversation'>) => …` takes the context of any route with `{conversation}`).
 *
 * @example
 * ```ts
 * import type { WithParams } from './route-handler.js';
 * const slug = (ctx: WithParams<'conversation'>): string => ctx.params.conversation;
 * ```
 */
export interface WithParams<P extends string> {
  /** The path variables. */
  readonly params: Readonly<Record<P, string>>;
}

/**
 * The context a handler of route `K` receives: hydra's route context for the signed-in user,
 * with exactly the variables of `K`'s template as `params`.
 *
 * @example
 * ```ts
 * import type { RouteCtx } from './route-handler.js';
 * const contactOf = (ctx: RouteCtx<'contactPhones'>): string => ctx.params.contact;
 * ```
 */
export type RouteCtx<K extends TextusRouteName> = Omit<RouteContext<UserRow>, 'params'> & WithParams<TemplateVariables<Extract<TextusRoute, { readonly name: K }>['template']>>;

/**
 * What a handler answers: a node (encoded with the route's media type), or a `reply` with
 * another status or headers.
 *
 * @example
 * ```ts
 * import type { Answer } from './route-handler.js';
 * const answer: Answer = { '@type': 'hydra:Collection', members: [] };
 * ```
 */
export type Answer = object | Reply;

/**
 * The handler of a route that is not a conversation action: the request, the requesting user and
 * the reads of the request's transaction; it may answer a promise.
 *
 * @example
 * ```ts
 * import type { RequestHandler } from './route-handler.js';
 * const message: RequestHandler<'message'> = (ctx, viewer) => ({ id: `/messages/${ctx.params.message}`, reader: viewer.userId });
 * ```
 */
export type RequestHandler<K extends TextusRouteName> = (ctx: RouteCtx<K>, viewer: Viewer, store: StoreReads) => Answer | Promise<Answer>;

/**
 * The handler of a conversation action's route: the action, by name. The server performs it in
 * one transaction with the checks of its availability rule.
 *
 * @example
 * ```ts
 * import { conversationAction, type ConversationAction } from './route-handler.js';
 * const close: ConversationAction<'closeConversation'> = conversationAction('closeConversation');
 * ```
 */
export interface ConversationAction<N extends ConversationActionName> {
  /** The action performed. */
  readonly action: N;
}

/**
 * The handler of a conversation action's route.
 *
 * @param action - the action, as the route names it.
 * @returns the handler.
 * @example
 * ```ts
 * import { conversationAction } from './route-handler.js';
 * conversationAction('readConversation').action; // 'readConversation'
 * ```
 */
export function conversationAction<N extends ConversationActionName>(action: N): ConversationAction<N> {
  return { action };
}

/**
 * The handler of route `K`: {@link ConversationAction} of its action for a conversation action's
 * route, a {@link RequestHandler} for any other.
 *
 * @example
 * ```ts
 * import { conversationAction, type RouteHandler } from './route-handler.js';
 * const star: RouteHandler<'starConversation'> = conversationAction('starConversation');
 * ```
 */
export type RouteHandler<K extends TextusRouteName> =
  Extract<TextusRoute, { readonly name: K }> extends { readonly action: infer N extends ConversationActionName } ? ConversationAction<N> : RequestHandler<K>;

/**
 * One handler for every route of `textusRoutes`, by name: what the reference server serves. A
 * table without a route's name, or with a name that is no route's, is a type error.
 *
 * @example
 * ```ts
 * import type { TextusHandlers } from './route-handler.js';
 * declare const handlers: TextusHandlers;
 * handlers.closeConversation.action; // 'closeConversation'
 * ```
 */
export type TextusHandlers = { readonly [K in TextusRouteName]: RouteHandler<K> };
