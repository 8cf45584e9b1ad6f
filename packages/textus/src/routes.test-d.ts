/**
 * Type tests: the routes are declared by name, so each name, method, template and action is a
 * literal type, and a table over the names (as the reference server's handlers are) is checked
 * for completeness.
 *
 * @module
 */
import { describe, expectTypeOf, it } from 'vitest';
import { textusRoutes, type ConversationActionName, type Route, type TextusRoute, type TextusRouteName } from './index.js';

type RouteOf<K extends TextusRouteName> = Extract<TextusRoute, { readonly name: K }>;

describe('textusRoutes', () => {
  it('is a list of routes whose names are the route names', () => {
    expectTypeOf(textusRoutes).toMatchTypeOf<readonly Route[]>();
    expectTypeOf<(typeof textusRoutes)[number]['name']>().toEqualTypeOf<TextusRouteName>();
    expectTypeOf<'contactConversations' | 'conversation' | 'retryMessage' | 'membership'>().toMatchTypeOf<TextusRouteName>();
    // @ts-expect-error: no such route
    const missing: TextusRouteName = 'archiveConversation';
    void missing;
  });

  it('keeps each route’s method, template and action as literals', () => {
    expectTypeOf<RouteOf<'timeline'>['template']>().toEqualTypeOf<'/conversations/{conversation}/timeline'>();
    expectTypeOf<RouteOf<'timeline'>['method']>().toEqualTypeOf<'GET'>();
    expectTypeOf<RouteOf<'closeConversation'>['template']>().toEqualTypeOf<'/conversations/{conversation}/close'>();
    expectTypeOf<RouteOf<'closeConversation'>['action']>().toEqualTypeOf<'closeConversation'>();
    expectTypeOf<RouteOf<'unreadConversation'>['method']>().toEqualTypeOf<'DELETE'>();
    expectTypeOf<RouteOf<'retryMessage'>['action']>().toEqualTypeOf<'retry'>();
  });

  it('names a conversation action for each action route, and only those', () => {
    type ActionRoute = Extract<TextusRoute, { readonly action: ConversationActionName }>['name'];
    expectTypeOf<ActionRoute>().toEqualTypeOf<Exclude<ConversationActionName, 'assignContact'>>();
  });

  it('makes a table over the names incomplete without every name', () => {
    type Table = { readonly [K in TextusRouteName]: K };
    const { timeline: _, ...withoutTimeline } = {} as Table;
    // @ts-expect-error: `timeline` is missing
    const table: Table = withoutTimeline;
    void table;
  });
});
