import { HYDRA } from '@hyperld/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conversationRegistry, SEED_BASE, seedText, VIEW_CONTEXT } from './__fixtures__/conversations.js';
import { membersOf, pageLinksOf, totalItemsOf, viewOf } from './collection.js';
import { HYDRA_CONTEXT, hydraRegistry } from './vocabulary.js';

const CONVERSATIONS_CONTEXT = '/contexts/ConversationCollection.jsonld';

type LinkValue = string | null | undefined;
interface Shape {
  readonly base: string;
  readonly members: { '@type': string; id: string }[];
  readonly totalItems: number | undefined;
  readonly view: { readonly id: string; readonly first: LinkValue; readonly next: LinkValue; readonly previous: LinkValue; readonly last: LinkValue } | undefined;
}

/** A relative or absolute link, in a form that `new URL(link, base)` resolves. */
const link = fc.oneof(
  fc.nat({ max: 50 }).map((n) => `/c?cursor=${n}`),
  fc.nat({ max: 50 }).map((n) => `?page=${n}`),
  fc.nat({ max: 50 }).map((n) => `../pages/${n}`),
  fc.nat({ max: 50 }).map((n) => `https://other.example/c/${n}`),
);
const linkValue: fc.Arbitrary<LinkValue> = fc.oneof(link, fc.constant(null), fc.constant(undefined));

const shape: fc.Arbitrary<Shape> = fc.record({
  base: fc.constantFrom('https://api.example/contacts/1/conversations', 'https://api.example/a/b/list?page=3', 'http://localhost:8080/c/'),
  members: fc.array(fc.nat({ max: 1000 }).map((n) => ({ '@type': 'Item', id: `/items/${n}` })), { maxLength: 4 }),
  totalItems: fc.option(fc.nat({ max: 100 }), { nil: undefined }),
  view: fc.option(fc.record({ id: link, first: linkValue, next: linkValue, previous: linkValue, last: linkValue }), { nil: undefined }),
});

/** Copies the defined entries of an object under renamed keys. */
function spell(entries: Record<string, unknown>, rename: (key: string) => string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entries)) if (value !== undefined) out[rename(key)] = value;
  return out;
}

function viewNode(s: Shape, rename: (key: string) => string, extra: Record<string, unknown> = {}): Record<string, unknown> | undefined {
  if (!s.view) return undefined;
  const { id, ...links } = s.view;
  return { '@type': 'hydra:PartialCollectionView', ...extra, id, ...spell(links, rename) };
}

/** The same collection page in every spelling the readers must understand, with the options to read it. */
function spellings(s: Shape): Array<{ readonly name: string; readonly node: object; readonly options: { base?: string; registry?: typeof conversationRegistry } }> {
  const plain = (key: string): string => key;
  const prefixed = (key: string): string => `hydra:${key}`;
  const expanded = (key: string): string => HYDRA + key;
  // TextUs: `members`, mapped to hydra:member by the collection's own generated context; the view
  // carries TextUs's view context.
  const textus = {
    '@type': 'ConversationCollection',
    '@context': CONVERSATIONS_CONTEXT,
    id: '/contacts/1/conversations',
    members: s.members,
    ...spell({ totalItems: s.totalItems, view: viewNode(s, plain, { '@context': VIEW_CONTEXT }) }, plain),
  };
  // Hydra's own context: `member`, decoded by the Hydra registry (which records the base).
  const hydraText = JSON.stringify({
    '@type': 'hydra:Collection',
    '@context': HYDRA_CONTEXT,
    id: '/contacts/1/conversations',
    ...spell({ member: s.members, totalItems: s.totalItems, view: viewNode(s, plain) }, plain),
  });
  const hydra = hydraRegistry.decode(hydraText, { base: s.base });
  const compact = { '@type': 'hydra:Collection', ...spell({ member: s.members, totalItems: s.totalItems, view: viewNode(s, prefixed) }, prefixed) };
  const inline = { '@context': { hydra: HYDRA }, ...compact };
  const iris = { '@type': `${HYDRA}Collection`, ...spell({ member: s.members, totalItems: s.totalItems, view: viewNode(s, expanded) }, expanded) };
  return [
    { name: 'members (ConversationCollection context)', node: textus, options: { base: s.base, registry: conversationRegistry } },
    { name: 'member (Hydra context, decoded)', node: hydra, options: {} },
    { name: 'hydra:member (no context)', node: compact, options: { base: s.base } },
    { name: 'hydra:member (inline context)', node: inline, options: { base: s.base } },
    { name: 'expanded IRIs', node: iris, options: { base: s.base } },
  ];
}

const resolved = (value: LinkValue, base: string): LinkValue => (typeof value === 'string' ? new URL(value, base).href : value);

describe('prefix-agnostic collection reading', () => {
  it('reads members, totalItems, view and page links alike in every spelling', () => {
    fc.assert(
      fc.property(shape, (s) => {
        // Arrange
        const expectedLinks = s.view
          ? { first: resolved(s.view.first, s.base), next: resolved(s.view.next, s.base), previous: resolved(s.view.previous, s.base), last: resolved(s.view.last, s.base) }
          : { first: undefined, next: undefined, previous: undefined, last: undefined };
        for (const { name, node, options } of spellings(s)) {
          // Act
          const members = membersOf(node, options);
          const total = totalItemsOf(node, options);
          const view = viewOf(node, options);
          const links = pageLinksOf(node, options);
          // Assert
          expect(members, name).toEqual(s.members);
          expect(total, name).toBe(s.totalItems);
          expect(view === undefined, name).toBe(s.view === undefined);
          if (view) expect(view['id'], name).toBe(s.view?.id);
          expect(links, name).toEqual(expectedLinks);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('reads the seed page decoded by the test registry, links resolved against its base', () => {
    const page = conversationRegistry.decode(seedText(), { base: SEED_BASE, strict: true });
    expect(membersOf(page).map((m) => (m as { id: string }).id)).toEqual(['/conversations/Pvwqm5G']);
    expect(totalItemsOf(page)).toBe(1);
    expect(viewOf(page)?.['@type']).toBe('hydra:PartialCollectionView');
    expect(pageLinksOf(page)).toEqual({ first: SEED_BASE, next: null, previous: null, last: undefined });
  });

  it('reads embedded collections through their own context (members under /contexts/hydra:Collection.jsonld)', () => {
    const page = conversationRegistry.decode(seedText(), { base: SEED_BASE });
    const conversation = membersOf(page)[0] as Record<string, unknown>;
    const contact = conversation['assignedContact'] as Record<string, unknown>;
    // Nodes below the members carry no metadata (decode records it for the root and list items
    // only), so their readers are given the registry.
    const options = { registry: conversationRegistry };
    const phones = membersOf(contact['phones'] as object, options);
    expect(phones.map((p) => (p as { id: string }).id)).toEqual(['/contact_phones/mxvbRw']);
    expect(totalItemsOf(contact['phones'] as object, options)).toBe(1);
    const attachments = (conversation['latestPreviewableItem'] as Record<string, unknown>)['attachments'] as object;
    expect(membersOf(attachments, options)).toEqual([]);
    expect(totalItemsOf(attachments, options)).toBe(0);
    expect(viewOf(attachments, options)).toBeUndefined();
  });

  it('reads a view without a context of its own through its collection\'s context', () => {
    const page = { '@context': { h: HYDRA }, 'h:member': [], 'h:view': { 'h:next': '/c?page=2', 'h:previous': null } };
    expect(pageLinksOf(page, { base: 'https://api.example/c?page=1' })).toEqual({
      first: undefined,
      next: 'https://api.example/c?page=2',
      previous: null,
      last: undefined,
    });
  });

  it('does not read a key that the context maps elsewhere, nor inherited Object properties', () => {
    const node = { '@context': { '@vocab': 'https://other.example/vocab#' }, member: [{ '@type': 'X', id: '/x' }], constructor: 3 };
    expect(membersOf(node)).toEqual([]);
    expect(totalItemsOf({ totalItems: '3' })).toBeUndefined();
  });
});

/** A member: an embedded node or a link to one. */
const member = fc.oneof(
  fc.nat({ max: 1000 }).map((n) => ({ '@type': 'Item', id: `/items/${n}` })),
  fc.nat({ max: 1000 }).map((n) => `/items/${n}`),
);
const memberKey = fc.constantFrom('member', 'hydra:member', `${HYDRA}member`);

describe('single values where JSON-LD allows them', () => {
  it('reads a single member written without an array as a one-member list, whatever the key', () => {
    fc.assert(
      fc.property(member, memberKey, (m, key) => {
        const single = membersOf({ [key]: m });
        expect(single).toEqual([m]);
        expect(single[0]).toBe(m);
        expect(membersOf({ [key]: [m] })).toEqual(single);
        expect(membersOf({ [key]: { '@set': m } })).toEqual(single);
      }),
      { numRuns: 1000 },
    );
  });

  it('reads a single member under the collection\'s own context, and none when absent or null', () => {
    const only = { '@type': 'Item', id: '/items/1' };
    const textus = { '@type': 'ConversationCollection', '@context': CONVERSATIONS_CONTEXT, members: only };
    expect(membersOf(textus, { registry: conversationRegistry })).toEqual([only]);
    // Not decoded: core's codec takes a list property to be an array (it rejects the single value).
    const hydra = { '@type': 'hydra:Collection', '@context': HYDRA_CONTEXT, member: only };
    expect(membersOf(hydra, { registry: hydraRegistry })).toEqual([only]);
    expect(membersOf({ member: null })).toEqual([]);
    expect(membersOf({ member: undefined })).toEqual([]);
    expect(membersOf({})).toEqual([]);
    expect(membersOf({ member: [] })).toEqual([]);
  });

  it('gives links as they were written, alone or in an array, and unwraps set and list objects', () => {
    expect(membersOf({ member: '/conversations/1' })).toEqual(['/conversations/1']);
    expect(membersOf({ member: ['/conversations/1', '/conversations/2'] })).toEqual(['/conversations/1', '/conversations/2']);
    const list = [{ '@type': 'Item', id: '/items/1' }, '/items/2'];
    expect(membersOf({ 'hydra:member': { '@set': list } })).toEqual(list);
    expect(membersOf({ 'hydra:member': { '@list': list } })).toEqual(list);
    expect(membersOf({ 'hydra:member': { '@set': null } })).toEqual([]);
    // The array in the node is handed back, not a copy.
    const members = [{ '@type': 'Item', id: '/items/1' }];
    expect(membersOf({ member: members })).toBe(members);
  });

  it('reads totalItems, view and page links written as a one-item array as the item, and several as none', () => {
    const view = { '@type': 'hydra:PartialCollectionView', 'hydra:next': ['/c?page=2'], 'hydra:previous': [null], 'hydra:first': ['/c', '/c?page=1'] };
    const page = { 'hydra:member': [], 'hydra:totalItems': [3], 'hydra:view': [view] };
    expect(totalItemsOf(page)).toBe(3);
    expect(totalItemsOf({ 'hydra:totalItems': [3, 4] })).toBeUndefined();
    expect(viewOf(page)).toBe(view);
    expect(viewOf({ 'hydra:view': [view, view] })).toBeUndefined();
    expect(pageLinksOf(page, { base: 'https://api.example/c?page=1' })).toEqual({
      first: undefined,
      next: 'https://api.example/c?page=2',
      previous: null,
      last: undefined,
    });
  });
});
