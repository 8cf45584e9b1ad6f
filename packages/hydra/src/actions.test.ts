import { t } from '@hyperld/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Conversation,
  CONVERSATION_ACTIONS,
  conversationRegistry,
  ConversationWithAccount,
  SEED_BASE,
  seedText,
  VOCAB,
} from './__fixtures__/conversations.js';
import { ACTION, action, actionSpecOf, actionState, declaredActions, listActions, type ActionState } from './actions.js';
import { membersOf } from './collection.js';
import { HydraError } from './errors.js';
import { hydraReader } from './reader.js';
import { hydraRegistry } from './vocabulary.js';

const API = 'https://api.textus.example';

function seedConversation(): Record<string, unknown> {
  const page = conversationRegistry.decode(seedText(), { base: SEED_BASE, strict: true });
  return membersOf(page)[0] as Record<string, unknown>;
}

const available = (name: string, method: string, path: string, extra: Partial<ActionState> = {}): ActionState => ({
  name,
  method,
  source: 'property',
  returns: 'Conversation',
  ...extra,
  state: 'available',
  href: path,
  url: API + path,
});
const unavailable = (name: string, method: string): ActionState => ({ name, method, source: 'property', returns: 'Conversation', state: 'unavailable' });

const SEED_ACTIONS: ActionState[] = [
  available('readConversation', 'PUT', '/conversations/Pvwqm5G/read'),
  available('unreadConversation', 'DELETE', '/conversations/Pvwqm5G/read'),
  available('starConversation', 'PUT', '/conversations/Pvwqm5G/star'),
  available('unstarConversation', 'DELETE', '/conversations/Pvwqm5G/star'),
  available('closeConversation', 'PUT', '/conversations/Pvwqm5G/close'),
  unavailable('reopenConversation', 'PUT'),
  available('blockConversation', 'PUT', '/conversations/Pvwqm5G/block'),
  unavailable('unblockConversation', 'DELETE'),
  unavailable('subscribeConversation', 'PUT'),
  available('unsubscribeConversation', 'DELETE', '/conversations/Pvwqm5G/subscribe'),
  available('assignContact', 'PUT', '/conversations/Pvwqm5G/assign_contact', { expects: 'Contact' }),
];

describe('action declarations', () => {
  it('carries the spec on the kind, as a nullable optional link', () => {
    const kind = action({ method: 'PUT', returns: 'Conversation' });
    expect(actionSpecOf(kind)).toEqual({ method: 'PUT', returns: 'Conversation' });
    expect(kind.annotations[ACTION]).toEqual({ method: 'PUT', returns: 'Conversation' });
    expect(kind.isNullable).toBe(true);
    expect(kind.isOptional).toBe(true);
    expect(kind.spec).toEqual({ tag: 'link', target: 'Conversation' });
    expect(actionSpecOf(t.link('Timeline'))).toBeUndefined();
  });

  it('lists the declared actions of a type and of the types extending it, in order', () => {
    expect(declaredActions(Conversation).map(([name]) => name)).toEqual([...CONVERSATION_ACTIONS]);
    expect(declaredActions(ConversationWithAccount).map(([name]) => name)).toEqual([...CONVERSATION_ACTIONS]);
    expect(Object.fromEntries(declaredActions(Conversation))['unreadConversation']).toEqual({ method: 'DELETE', returns: 'Conversation' });
  });
});

describe('listActions on the seed conversation', () => {
  it('gives each action its state, method and URL resolved against the base', () => {
    expect(listActions(seedConversation())).toEqual(SEED_ACTIONS);
  });

  it('gives the same list for a node not decoded by a registry, given its definition or registry', () => {
    const plain = JSON.parse(JSON.stringify(seedConversation())) as object;
    expect(listActions(plain, { def: ConversationWithAccount, base: SEED_BASE })).toEqual(SEED_ACTIONS);
    expect(listActions(plain, { registry: conversationRegistry, base: SEED_BASE })).toEqual(SEED_ACTIONS);
    // Without a definition or a registry there is no answer (an empty list would say "declares
    // nothing"); without a base the URL stays as written.
    expect(() => listActions(plain)).toThrow(expect.objectContaining({ name: 'HydraError', code: 'no_registry' }));
    expect(actionState(plain, 'closeConversation', { def: Conversation })).toMatchObject({ state: 'available', url: '/conversations/Pvwqm5G/close' });
  });

  it('answers for one action, and undefined for a name that is no action', () => {
    const conversation = seedConversation();
    expect(actionState(conversation, 'reopenConversation')).toEqual(unavailable('reopenConversation', 'PUT'));
    expect(actionState(conversation, 'timeline')).toBeUndefined();
    expect(actionState(conversation, 'constructor')).toBeUndefined();
  });

  it('lists inline operation and hydra:operation entries too, on the node itself unless they name a target', () => {
    const conversation = {
      ...seedConversation(),
      operation: [
        { '@type': 'hydra:Operation', method: 'post', title: 'sendMessage', target: '/conversations/Pvwqm5G/messages', expects: 'Message', returns: 'Message' },
        { '@type': 'hydra:Operation', method: 'DELETE', title: 'deleteConversation' },
        { '@type': 'hydra:Operation', title: 'no method' },
      ],
    };
    const list = listActions(conversation, { registry: conversationRegistry, base: SEED_BASE });
    expect(list.slice(0, SEED_ACTIONS.length)).toEqual(SEED_ACTIONS);
    expect(list.slice(SEED_ACTIONS.length)).toEqual([
      {
        name: 'sendMessage',
        method: 'POST',
        source: 'operation',
        expects: 'Message',
        returns: 'Message',
        state: 'available',
        href: '/conversations/Pvwqm5G/messages',
        url: `${API}/conversations/Pvwqm5G/messages`,
      },
      { name: 'deleteConversation', method: 'DELETE', source: 'operation', state: 'available', href: '/conversations/Pvwqm5G', url: `${API}/conversations/Pvwqm5G` },
    ]);

    const prefixed = { '@type': 'Thing', '@id': 'https://api.example/things/1', 'hydra:operation': { 'hydra:method': 'PATCH', 'hydra:title': 'rename' } };
    expect(listActions(prefixed, { registry: hydraRegistry })).toEqual([
      { name: 'rename', method: 'PATCH', source: 'operation', state: 'available', href: 'https://api.example/things/1', url: 'https://api.example/things/1' },
    ]);
  });

  it('lists the declared actions of a node whose @type is the full class IRI, decoded or given the registry', () => {
    const page = JSON.parse(seedText()) as { members: Array<Record<string, unknown>> };
    const member = page.members[0] as Record<string, unknown>;
    member['@type'] = `${VOCAB}ConversationWithAccount`;
    const decoded = conversationRegistry.decode(JSON.stringify(page), { base: SEED_BASE, strict: true });
    expect(listActions(membersOf(decoded)[0] as object)).toEqual(SEED_ACTIONS);

    const plain = { ...seedConversation(), '@type': `${VOCAB}Conversation` };
    expect(listActions(plain, { registry: conversationRegistry, base: SEED_BASE })).toEqual(SEED_ACTIONS);
  });

  it('lists the declared actions of a node whose @type is a compact IRI with a prefix its context defines', () => {
    const context = seedConversation()['@context'];
    const node = { ...seedConversation(), '@context': [context, { tx: VOCAB }], '@type': 'tx:ConversationWithAccount' };
    expect(listActions(node, { registry: conversationRegistry, base: SEED_BASE })).toEqual(SEED_ACTIONS);
    // A prefix no context defines (nor a standard one) expands to nothing the registry knows.
    const undefinedPrefix = { ...seedConversation(), '@type': 'tx:ConversationWithAccount' };
    expect(listActions(undefinedPrefix, { registry: conversationRegistry, base: SEED_BASE })).toEqual([]);
  });

  it('declares nothing for an unknown class IRI, but still lists the inline operations', () => {
    const operation = { method: 'POST', title: 'archive', target: '/conversations/Pvwqm5G/archive' };
    const node = { ...seedConversation(), '@type': `${VOCAB}Nope`, operation: [operation] };
    expect(listActions(node, { registry: conversationRegistry, base: SEED_BASE })).toEqual([
      { name: 'archive', method: 'POST', source: 'operation', state: 'available', href: operation.target, url: `${API}${operation.target}` },
    ]);
    expect(listActions({ ...node, '@type': 'https://other.example/vocab#Conversation', operation: [] }, { registry: conversationRegistry })).toEqual([]);
  });

  it('puts an inline operation of a node without an id on the document itself', () => {
    const node = { '@type': 'Thing', operation: [{ method: 'POST' }] };
    expect(listActions(node, { registry: hydraRegistry, base: 'https://api.example/things' })).toEqual([
      { name: 'POST https://api.example/things', method: 'POST', source: 'operation', state: 'available', href: '', url: 'https://api.example/things' },
    ]);
  });
});

describe('the actions of an embedded node, which carries no registry', () => {
  // Decoding records its registry on the page and its members, not on the nodes embedded in them.
  const message = (): object => {
    const page = conversationRegistry.decode(seedText(), { base: SEED_BASE, strict: true });
    return (membersOf(page)[0] as { latestPreviewableItem: object }).latestPreviewableItem;
  };
  const RETRY: ActionState[] = [{ name: 'retry', method: 'POST', source: 'property', returns: 'Message', state: 'unavailable' }];

  it('throws no_registry rather than answer an empty list', () => {
    let caught: unknown;
    try {
      listActions(message());
    } catch (error) {
      caught = error;
    }
    expect(HydraError.is(caught) && caught.code).toBe('no_registry');
    expect((caught as Error).message).toMatchInlineSnapshot(
      `"The Message node /messages/06oyogE carries no registry (it is embedded in a decoded document, or was not decoded): pass { registry }, or read it through hydraReader(registry) or client.actions(node)."`,
    );
    expect(() => actionState(message(), 'retry')).toThrow(expect.objectContaining({ code: 'no_registry' }));
  });

  it('lists retry given the registry, or through the reader bound to it', () => {
    expect(listActions(message(), { registry: conversationRegistry })).toEqual(RETRY);
    const reader = hydraReader(conversationRegistry);
    expect(reader.actions(message())).toEqual(RETRY);
    expect(reader.action(message(), 'retry')).toEqual(RETRY[0]);
    // Bound: a method taken off the reader still reads with its registry.
    const { actions } = reader;
    expect(actions(message())).toEqual(RETRY);
  });
});

/** A registered definition's class IRI split into a namespace and a local name, for a prefix to stand for. */
function splitIri(iri: string): readonly [string, string] {
  const cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/')) + 1;
  return [iri.slice(0, cut), iri.slice(cut)];
}

describe('finding the definition of a node by its @type', () => {
  it('declares the same actions whether @type is the term, the class IRI or a compact IRI', () => {
    const defs = [...conversationRegistry.types.values()];
    const spelling = fc.constantFrom('term', 'iri', 'compact' as const);
    const prefix = fc.constantFrom('tx', 'v', 'textus', 'ns1', 'hydra');
    fc.assert(
      fc.property(fc.constantFrom(...defs), spelling, prefix, (def, how, p) => {
        // Arrange: a node with no action properties, so every declared action is not offered.
        const [ns, local] = splitIri(def.iri);
        const node =
          how === 'term'
            ? { '@type': def.type }
            : how === 'iri'
              ? { '@type': def.iri }
              : { '@context': { [p]: ns }, '@type': `${p}:${local}` };
        // Act
        const list = listActions(node, { registry: conversationRegistry });
        // Assert
        expect(list.map((a) => a.name)).toEqual(declaredActions(def).map(([name]) => name));
        expect(list.every((a) => a.state === 'not-offered')).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

type Choice = { readonly kind: 'url'; readonly href: string } | { readonly kind: 'null' } | { readonly kind: 'absent' };

const href = fc.oneof(
  fc.constantFrom('read', 'star', 'close', 'block', 'subscribe', 'assign_contact').map((s) => `/conversations/Pvwqm5G/${s}`),
  fc.nat({ max: 99 }).map((n) => `../conversations/${n}/close`),
  fc.nat({ max: 99 }).map((n) => `?action=${n}`),
  fc.nat({ max: 99 }).map((n) => `https://other.example/actions/${n}`),
);
const choice: fc.Arbitrary<Choice> = fc.oneof(
  href.map((h) => ({ kind: 'url' as const, href: h })),
  fc.constant({ kind: 'null' as const }),
  fc.constant({ kind: 'absent' as const }),
);
const base = fc.constantFrom(SEED_BASE, 'https://api.example/v2/contacts/1/conversations?page=2', 'http://127.0.0.1:3000/c/');

describe('action states', () => {
  it('is available for a URL (resolved against the base), unavailable for null, not offered when absent', () => {
    const seed = seedConversation();
    const choices = fc.record(Object.fromEntries(CONVERSATION_ACTIONS.map((name) => [name, choice])) as Record<(typeof CONVERSATION_ACTIONS)[number], fc.Arbitrary<Choice>>);
    fc.assert(
      fc.property(choices, base, (chosen, documentBase) => {
        // Arrange: the seed conversation with each action property replaced.
        const node: Record<string, unknown> = JSON.parse(JSON.stringify(seed)) as Record<string, unknown>;
        for (const name of CONVERSATION_ACTIONS) {
          const c = chosen[name];
          if (c.kind === 'url') node[name] = c.href;
          else if (c.kind === 'null') node[name] = null;
          else delete node[name];
        }
        const decoded = conversationRegistry.decode(JSON.stringify(node), { base: documentBase, strict: true });
        // Act
        const list = listActions(decoded);
        // Assert
        expect(list.map((a) => a.name)).toEqual([...CONVERSATION_ACTIONS]);
        for (const a of list) {
          const c = chosen[a.name as (typeof CONVERSATION_ACTIONS)[number]];
          expect(a.source).toBe('property');
          if (c.kind === 'url') expect(a).toMatchObject({ state: 'available', href: c.href, url: new URL(c.href, documentBase).href });
          else expect(a).toEqual(expect.objectContaining({ state: c.kind === 'null' ? 'unavailable' : 'not-offered' }));
          if (a.state !== 'available') expect(a).not.toHaveProperty('url');
        }
      }),
      { numRuns: 1000 },
    );
  });
});
