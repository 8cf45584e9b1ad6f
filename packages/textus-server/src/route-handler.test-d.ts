/**
 * Type tests: the reference server's handler table has one entry per route of `textusRoutes`, so
 * that a route without a handler (as a route added to `textusRoutes` would be) does not compile;
 * an action route is answered by its own action, and a handler sees its own template's variables.
 *
 * @module
 */
import type { TextusRouteName } from '@hyperld/textus';
import { describe, expectTypeOf, it } from 'vitest';
import { conversationAction, type RequestHandler, type RouteCtx, type RouteHandler, type TemplateVariables, type TextusHandlers } from './route-handler.js';

const all = {} as TextusHandlers;

describe('TextusHandlers', () => {
  it('has a key for every route name, and no other', () => {
    expectTypeOf<keyof TextusHandlers>().toEqualTypeOf<TextusRouteName>();
  });

  it('does not compile without a handler for each route', () => {
    const { messageAttachments: _, ...withoutOne } = all;
    // @ts-expect-error: no handler for `messageAttachments`
    const handlers: TextusHandlers = withoutOne;
    void handlers;
  });

  it('does not compile with a handler for a route that does not exist', () => {
    // @ts-expect-error: there is no route `archiveConversation`
    const handlers: TextusHandlers = { ...all, archiveConversation: conversationAction('closeConversation') };
    void handlers;
  });
});

describe('RouteHandler', () => {
  it('answers a conversation action’s route with that action only', () => {
    expectTypeOf(conversationAction('closeConversation')).toMatchTypeOf<RouteHandler<'closeConversation'>>();
    // @ts-expect-error: the route performs closeConversation
    const other: RouteHandler<'closeConversation'> = conversationAction('reopenConversation');
    // @ts-expect-error: an action's route is not answered by a function
    const fn: RouteHandler<'closeConversation'> = () => ({});
    void [other, fn];
  });

  it('answers any other route with a function of the request and the viewer', () => {
    expectTypeOf<RouteHandler<'retryMessage'>>().toEqualTypeOf<RequestHandler<'retryMessage'>>();
    expectTypeOf<RouteHandler<'timeline'>>().toEqualTypeOf<RequestHandler<'timeline'>>();
  });

  it('gives a handler exactly the variables of its route’s template', () => {
    expectTypeOf<TemplateVariables<'/conversations/{conversation}/timeline'>>().toEqualTypeOf<'conversation'>();
    expectTypeOf<TemplateVariables<'/a/{x}/b/{y}'>>().toEqualTypeOf<'x' | 'y'>();
    expectTypeOf<RouteCtx<'contactPhone'>['params']>().toEqualTypeOf<Readonly<Record<'phone', string>>>();
    const timeline: RouteHandler<'timeline'> = (ctx, viewer) => ({ id: ctx.params.conversation, reader: viewer.userId });
    // @ts-expect-error: the timeline's template has no {contact}
    const wrong: RouteHandler<'timeline'> = (ctx) => ({ id: ctx.params.contact });
    void [timeline, wrong];
  });
});
