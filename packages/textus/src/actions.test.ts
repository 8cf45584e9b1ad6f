/**
 * The conversation actions against the facts: which are offered in which state, the links they
 * give, how performing one changes the state, and (over random states and sequences of actions)
 * that the links stay consistent and opposite actions on one URL differ by method.
 *
 * @module
 */
import { declaredActions } from '@hyperld/hydra';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyConversationAction,
  CONVERSATION_ACTIONS,
  conversationActionLinks,
  conversationRules,
  Conversation,
  textusRoutes,
  type ConversationActionName,
  type ConversationStateFacts,
} from './index.js';

const RUNS = 1000;
const IRI = '/conversations/Pvwqm5G';
const NAMES = Object.keys(CONVERSATION_ACTIONS) as ConversationActionName[];

const open: ConversationStateFacts = { currentState: 'open', blocked: false, unsubscribed: false };
const closed: ConversationStateFacts = { currentState: 'closed', blocked: false, unsubscribed: false };
const blocked: ConversationStateFacts = { currentState: 'blocked', blocked: true, unsubscribed: false };

/** The actions offered (a URL, not null) in a state, sorted. */
const offered = (state: ConversationStateFacts): string[] =>
  Object.entries(conversationActionLinks(IRI, state))
    .filter(([, link]) => link !== null)
    .map(([name]) => name)
    .sort();

describe('the availability rules', () => {
  it('offers close and not reopen on an open conversation', () => {
    expect(conversationRules.closeConversation(open)).toBe(true);
    expect(conversationRules.reopenConversation(open)).toBe(false);
  });

  it('offers reopen and not close on a closed conversation', () => {
    expect(conversationRules.reopenConversation(closed)).toBe(true);
    expect(conversationRules.closeConversation(closed)).toBe(false);
  });

  it('offers unblock and reopen, and withdraws block and close, on a blocked conversation', () => {
    for (const state of [blocked, { ...open, blocked: true }, { ...closed, blocked: true }, { ...open, currentState: 'blocked' }]) {
      expect(conversationRules.unblockConversation(state)).toBe(true);
      expect(conversationRules.reopenConversation(state)).toBe(true);
      expect(conversationRules.blockConversation(state)).toBe(false);
      expect(conversationRules.closeConversation(state)).toBe(false);
    }
  });

  it('offers block and not unblock on a conversation that is not blocked', () => {
    for (const state of [open, closed]) {
      expect(conversationRules.blockConversation(state)).toBe(true);
      expect(conversationRules.unblockConversation(state)).toBe(false);
    }
  });

  it('offers unsubscribe, not subscribe, to a subscribed contact, and the reverse', () => {
    expect(conversationRules.unsubscribeConversation(open)).toBe(true);
    expect(conversationRules.subscribeConversation(open)).toBe(false);
    const unsubscribed = { ...open, unsubscribed: true };
    expect(conversationRules.subscribeConversation(unsubscribed)).toBe(true);
    expect(conversationRules.unsubscribeConversation(unsubscribed)).toBe(false);
  });

  it('always offers read and unread, star and unstar (and assignContact)', () => {
    fc.assert(
      fc.property(fc.string(), fc.boolean(), fc.boolean(), (currentState, isBlocked, unsubscribed) => {
        const state = { currentState, blocked: isBlocked, unsubscribed };
        for (const name of ['readConversation', 'unreadConversation', 'starConversation', 'unstarConversation', 'assignContact'] as const) {
          expect(conversationRules[name](state)).toBe(true);
        }
      }),
    );
  });

  it('gives the seed conversation (open, subscribed, not blocked) the links the seed has', () => {
    expect(conversationActionLinks(IRI, open)).toEqual({
      readConversation: `${IRI}/read`,
      unreadConversation: `${IRI}/read`,
      starConversation: `${IRI}/star`,
      unstarConversation: `${IRI}/star`,
      reopenConversation: null,
      closeConversation: `${IRI}/close`,
      blockConversation: `${IRI}/block`,
      unblockConversation: null,
      subscribeConversation: null,
      unsubscribeConversation: `${IRI}/subscribe`,
      assignContact: `${IRI}/assign_contact`,
    });
  });

  it('offers the actions of each state as links', () => {
    expect(offered(closed)).not.toContain('closeConversation');
    expect(offered(closed)).toContain('reopenConversation');
    expect(offered(blocked)).toEqual(
      ['assignContact', 'readConversation', 'reopenConversation', 'starConversation', 'unblockConversation', 'unreadConversation', 'unstarConversation', 'unsubscribeConversation'].sort(),
    );
  });
});

describe('the action table', () => {
  it('matches the methods and URLs of the facts', () => {
    const table = Object.fromEntries(NAMES.map((n) => [n, `${CONVERSATION_ACTIONS[n].method} ${CONVERSATION_ACTIONS[n].segment}`]));
    expect(table).toEqual({
      readConversation: 'PUT read',
      unreadConversation: 'DELETE read',
      blockConversation: 'PUT block',
      unblockConversation: 'DELETE block',
      closeConversation: 'PUT close',
      reopenConversation: 'PUT reopen',
      starConversation: 'PUT star',
      unstarConversation: 'DELETE star',
      subscribeConversation: 'PUT subscribe',
      unsubscribeConversation: 'DELETE subscribe',
      assignContact: 'PUT assign_contact',
    });
  });

  it('agrees with the actions the Conversation type declares', () => {
    const declared = Object.fromEntries(declaredActions(Conversation).map(([name, spec]) => [name, spec.method]));
    expect(declared).toEqual(Object.fromEntries(NAMES.map((n) => [n, CONVERSATION_ACTIONS[n].method])));
  });

  it('agrees with the routes', () => {
    for (const name of NAMES.filter((n) => n !== 'assignContact')) {
      const route = textusRoutes.find((r) => r.action === name);
      expect([name, route?.method, route?.template]).toEqual([name, CONVERSATION_ACTIONS[name].method, `/conversations/{conversation}/${CONVERSATION_ACTIONS[name].segment}`]);
    }
  });
});

describe('performing an action', () => {
  it('closes, reopens, blocks, unblocks, unsubscribes and resubscribes', () => {
    expect(applyConversationAction('closeConversation', open)).toEqual(closed);
    expect(applyConversationAction('reopenConversation', closed)).toEqual(open);
    expect(applyConversationAction('reopenConversation', blocked)).toEqual(open);
    expect(applyConversationAction('blockConversation', open)).toEqual(blocked);
    expect(applyConversationAction('unblockConversation', blocked)).toEqual(closed);
    expect(applyConversationAction('unsubscribeConversation', open)).toEqual({ ...open, unsubscribed: true });
    expect(applyConversationAction('subscribeConversation', { ...open, unsubscribed: true })).toEqual(open);
  });

  it('leaves the state alone for read, unread, star, unstar and assignContact', () => {
    for (const name of ['readConversation', 'unreadConversation', 'starConversation', 'unstarConversation', 'assignContact'] as const) {
      expect(applyConversationAction(name, closed)).toEqual(closed);
    }
  });

  it('does not change the state it is given', () => {
    const state = { ...open };
    applyConversationAction('closeConversation', state);
    expect(state).toEqual(open);
  });
});

// Random states: the documented ones, inconsistent ones (blocked flag vs currentState) and newer states.
const stateArb: fc.Arbitrary<ConversationStateFacts> = fc.record({
  currentState: fc.oneof(fc.constantFrom('open', 'closed', 'blocked'), fc.string()),
  blocked: fc.boolean(),
  unsubscribed: fc.boolean(),
});
const actionArb = fc.constantFrom(...NAMES);

/** What must hold of the links of any state. */
function assertConsistent(links: Record<ConversationActionName, string | null>): void {
  const on = (name: ConversationActionName): boolean => links[name] !== null;
  expect(on('closeConversation') && on('reopenConversation')).toBe(false);
  expect(on('subscribeConversation')).not.toBe(on('unsubscribeConversation'));
  expect(on('blockConversation')).not.toBe(on('unblockConversation'));
  expect(on('readConversation') && on('unreadConversation') && on('starConversation') && on('unstarConversation')).toBe(true);
  for (const name of NAMES) {
    if (links[name] !== null) expect(links[name]).toBe(`${IRI}/${CONVERSATION_ACTIONS[name].segment}`);
  }
}

describe('properties', () => {
  it('keeps the links consistent after any sequence of applied actions', () => {
    fc.assert(
      fc.property(stateArb, fc.array(actionArb, { maxLength: 8 }), (start, actions) => {
        let state = start;
        assertConsistent(conversationActionLinks(IRI, state));
        for (const name of actions) {
          state = applyConversationAction(name, state);
          assertConsistent(conversationActionLinks(IRI, state));
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('makes an available action take effect: its opposite becomes available, it does not stay so', () => {
    const opposites: ReadonlyArray<readonly [ConversationActionName, ConversationActionName]> = [
      ['closeConversation', 'reopenConversation'],
      ['reopenConversation', 'closeConversation'],
      ['blockConversation', 'unblockConversation'],
      ['unblockConversation', 'blockConversation'],
      ['subscribeConversation', 'unsubscribeConversation'],
      ['unsubscribeConversation', 'subscribeConversation'],
    ];
    fc.assert(
      fc.property(stateArb, fc.constantFrom(...opposites), (state, [name, opposite]) => {
        fc.pre(conversationRules[name](state));
        const after = applyConversationAction(name, state);
        expect(conversationRules[name](after)).toBe(false);
        expect(conversationRules[opposite](after)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('gives opposite actions that share a URL different methods', () => {
    fc.assert(
      fc.property(stateArb, fc.array(actionArb, { maxLength: 8 }), (start, actions) => {
        const state = actions.reduce((s, name) => applyConversationAction(name, s), start);
        const links = conversationActionLinks(IRI, state);
        const byUrl = new Map<string, string[]>();
        for (const name of NAMES) {
          const link = links[name];
          if (link === null) continue;
          byUrl.set(link, [...(byUrl.get(link) ?? []), CONVERSATION_ACTIONS[name].method]);
        }
        for (const methods of byUrl.values()) expect(new Set(methods).size).toBe(methods.length);
      }),
      { numRuns: RUNS },
    );
  });

  it('gives every pair of actions on one URL different methods, whatever the state', () => {
    for (const a of NAMES) {
      for (const b of NAMES) {
        if (a !== b && CONVERSATION_ACTIONS[a].segment === CONVERSATION_ACTIONS[b].segment) {
          expect(CONVERSATION_ACTIONS[a].method).not.toBe(CONVERSATION_ACTIONS[b].method);
        }
      }
    }
  });
});
