import { describe, expect, it } from 'vitest';
import { COLLECTION_CONTEXT, conversationRegistry, SEED_BASE, seedText } from './__fixtures__/conversations.js';
import { listActions } from './actions.js';
import { membersOf, pageLinksOf, totalItemsOf, viewOf } from './collection.js';
import { hydraReader } from './reader.js';
import { readHydra } from './terms.js';

const reader = hydraReader(conversationRegistry);

/** The seed page, decoded, and an embedded collection of its first member with members of its own. */
function seed(): { page: object; embedded: Record<string, unknown> } {
  const json = JSON.parse(seedText()) as { members: Array<Record<string, unknown>> };
  const member = json.members[0] as Record<string, unknown>;
  const phone = { '@type': 'Phone', id: '/phones/1', number: '+15555550100' };
  member['associatedContacts'] = { '@context': COLLECTION_CONTEXT, '@type': 'hydra:Collection', id: '/c/1/contacts', members: [phone], totalItems: 1 };
  const page = conversationRegistry.decode(JSON.stringify(json), { base: SEED_BASE });
  const first = membersOf(page)[0] as Record<string, unknown>;
  return { page, embedded: first['associatedContacts'] as Record<string, unknown> };
}

describe('hydraReader', () => {
  it('reads a decoded page as the unbound readers do', () => {
    const { page } = seed();
    expect(reader.members(page)).toBe(membersOf(page));
    expect(reader.totalItems(page)).toBe(totalItemsOf(page));
    expect(reader.view(page)).toBe(viewOf(page));
    expect(reader.links(page)).toEqual(pageLinksOf(page));
    expect(reader.links(page).first).toMatch(/^https:\/\/api\.textus\.example\//);
    expect(reader.read(page, 'member')).toBe(membersOf(page));
    expect(reader.actions(membersOf(page)[0] as object)).toEqual(listActions(membersOf(page)[0] as object));
  });

  it('reads an embedded collection through its context, which only the registry knows', () => {
    const { embedded } = seed();
    // Read alone, the embedded node's context URL is unknown, and `members` is no spelling of
    // hydra:member: an empty list would be wrong, so there is no answer.
    expect(() => membersOf(embedded)).toThrow(expect.objectContaining({ name: 'HydraError', code: 'no_registry' }));
    expect(() => totalItemsOf(embedded)).toThrow(expect.objectContaining({ code: 'no_registry' }));
    expect(reader.members(embedded)).toEqual([expect.objectContaining({ id: '/phones/1' })]);
    expect(reader.members(embedded)).toEqual(membersOf(embedded, { registry: conversationRegistry }));
    expect(reader.totalItems(embedded)).toBe(1);
    expect(reader.read(embedded, 'member', { context: 'hydra' })).toBeUndefined();
    expect(readHydra(embedded, 'totalItems', { registry: conversationRegistry })).toBe(1);
  });

  it('resolves against the base given, else the node’s', () => {
    const node = { '@type': 'Thing', operation: [{ method: 'POST', target: 'archive' }] };
    expect(reader.actions(node, { base: 'https://api.example/things/1' })).toEqual([
      { name: 'POST https://api.example/things/archive', method: 'POST', source: 'operation', state: 'available', href: 'archive', url: 'https://api.example/things/archive' },
    ]);
    expect(reader.action(node, 'POST https://api.example/things/archive', { base: 'https://api.example/things/1' })?.state).toBe('available');
  });
});
