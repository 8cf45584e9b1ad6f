/**
 * The acceptance test: the one full TextUs response we hold (GET /contacts/:contact/conversations,
 * `test/fixtures/000_bd34847030ad49a7.txt`) decodes strictly into typed nodes, encodes back to the
 * same text with the same key order, and offers exactly the actions its links say.
 *
 * @module
 */
import { isDecodeError, type DecodeError } from '@hyperld/core';
import { seedBodyText } from '@hyperld/fixtures';
import { isHydraError, listActions, membersOf, pageLinksOf } from '@hyperld/hydra';
import { describe, expect, it } from 'vitest';
import { ConversationCollection, textusReader, textusRegistry } from '../index.js';

const BASE = 'https://api.textus.com/contacts/DQeeO69/conversations';

const body = seedBodyText();

type Json = Record<string, unknown>;
const obj = (value: unknown): Json => value as Json;

/**
 * The first path at which two JSON values differ in key order (or in shape), or `undefined`
 * when every object has the same keys in the same order at every level.
 */
function keyOrderDifference(a: unknown, b: unknown, path = '$'): string | undefined {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return undefined;
  if (Array.isArray(a) !== Array.isArray(b)) return `${path}: array vs object`;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path}: ${a.length} items vs ${b.length}`;
    for (let i = 0; i < a.length; i++) {
      const d = keyOrderDifference(a[i], b[i], `${path}[${i}]`);
      if (d !== undefined) return d;
    }
    return undefined;
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.join('\u0000') !== kb.join('\u0000')) return `${path}: keys ${JSON.stringify(ka)} vs ${JSON.stringify(kb)}`;
  for (const k of ka) {
    const d = keyOrderDifference(obj(a)[k], obj(b)[k], `${path}.${k}`);
    if (d !== undefined) return d;
  }
  return undefined;
}

/** Decodes a variant of the seed made by editing its first conversation's latest message. */
function withMessage(edit: (message: Json) => void): string {
  const doc = JSON.parse(body) as Json;
  const members = doc['members'] as Json[];
  edit(obj(members[0]?.['latestPreviewableItem']));
  return JSON.stringify(doc);
}

describe('the seed (GET /contacts/DQeeO69/conversations)', () => {
  const decode = () => textusRegistry.decode(body, { base: BASE, strict: true });

  it('keeps its own check honest: a reordered copy is told apart', () => {
    const a = JSON.parse('{"x":{"a":1,"b":2}}') as unknown;
    const b = JSON.parse('{"x":{"b":2,"a":1}}') as unknown;
    expect(a).toEqual(b);
    expect(keyOrderDifference(a, b)).toBe('$.x: keys ["a","b"] vs ["b","a"]');
    expect(keyOrderDifference(JSON.parse(body), JSON.parse(body))).toBeUndefined();
  });

  it('decodes strictly into typed nodes, every one of the @type it says', () => {
    const page = decode();
    expect(page['@type']).toBe('ConversationCollection');
    if (page['@type'] !== 'ConversationCollection') return;
    expect(page.totalItems).toBe(1);
    expect(page.members).toHaveLength(1);

    const conversation = page.members[0];
    expect(conversation?.['@type']).toBe('ConversationWithAccount');
    if (!conversation) return;
    expect(conversation.id).toBe('/conversations/Pvwqm5G');
    expect(conversation.currentState).toBe('open');
    expect(conversation.unsubscribed).toBe(false);
    expect(conversation.nextScheduledMessage).toBeNull();
    expect(conversation.timeline).toBe('/conversations/Pvwqm5G/timeline');

    expect(conversation.account['@type']).toBe('Account');
    expect(conversation.account.name).toBe('Example Account');
    expect(Object.keys(conversation.account)).toEqual(['@type', '@context', 'id', 'name']);

    const message = conversation.latestPreviewableItem;
    expect(message?.['@type']).toBe('Message');
    expect(message?.direction).toBe('in');
    expect(message?.deliveryState).toBe('received');
    expect(message?.sender).toBeNull();
    expect(message?.displayTimestamp).toBe('2018-07-24T20:59:32.156Z');
    expect(message?.flags).toEqual([]);
    expect(message?.retry).toBeNull();
    const attachments = obj(message?.attachments);
    expect(attachments['@type']).toBe('hydra:Collection');
    expect(attachments['@context']).toBe('/contexts/hydra:Collection.jsonld');
    expect(membersOf(attachments, { registry: textusRegistry })).toEqual([]);

    const info = obj(conversation.requestingUserInfo);
    expect(info['@type']).toBe('ConversationUserInfo');
    expect(info['read']).toBe(false);
    expect(info['readToTimelinePosition']).toBeNull();
    expect(info['assigned']).toBe(true);

    const contact = conversation.assignedContact;
    expect(contact?.['@type']).toBe('Contact');
    expect(contact?.name).toBe('Jamel Hirthe');
    expect(contact?.data).toEqual({});
    expect(contact?.notes).toBe('/contacts/DQeeO69/notes');
    const phones = obj(contact?.phones);
    expect(phones['@type']).toBe('hydra:Collection');
    const [phone] = membersOf(phones, { registry: textusRegistry }).map(obj);
    expect(phone?.['@type']).toBe('ContactPhone');
    expect(phone?.['phoneNumber']).toBe('+13035551234');
    expect(phone?.['extension']).toBeNull();

    const view = obj(page.view);
    expect(view['@type']).toBe('hydra:PartialCollectionView');
    expect(view['@context']).toBe('/contexts/hydra:PartialCollectionView.jsonld');
    expect(pageLinksOf(page)).toEqual({ first: BASE, next: null, previous: null, last: undefined });
  });

  // The phones collection is a `hydra:Collection` whose members TextUs sends under `members` (its
  // context maps that to hydra:member); they must be validated all the same.
  it('validates the ContactPhone of a contact\'s hydra:Collection of phones', () => {
    const doc = JSON.parse(body) as Json;
    const contact = obj(obj((doc['members'] as Json[])[0])['assignedContact']);
    const phone = obj((obj(contact['phones'])['members'] as Json[])[0]);
    phone['extension'] = 42;
    expect(() => textusRegistry.decode(doc, { base: BASE, strict: true })).toThrow(/assignedContact\.phones\.members\[0\]\.extension/);
  });

  it('encodes back to the same text, with the same key order at every level', () => {
    const page = decode();
    const text = textusRegistry.encodeText(page);
    expect(text).toBe(JSON.stringify(JSON.parse(body)));
    const reparsed = JSON.parse(text) as unknown;
    expect(reparsed).toStrictEqual(JSON.parse(body));
    expect(keyOrderDifference(reparsed, JSON.parse(body))).toBeUndefined();
    expect(textusRegistry.encode(page)).toBe(page);
  });

  it('lists the conversation actions its links offer, with methods and resolved URLs', () => {
    const page = textusRegistry.decodeAs(ConversationCollection, body, { base: BASE, strict: true });
    const conversation = page.members[0];
    if (!conversation) throw new Error('no member');
    // Explicit registry and base: an embedded node need not carry what its root was decoded with.
    const actions = listActions(conversation, { registry: textusRegistry, base: BASE });
    const summary = Object.fromEntries(actions.map((a) => [a.name, a.state === 'available' ? `${a.method} ${a.url}` : a.state]));
    const c = 'https://api.textus.com/conversations/Pvwqm5G';
    expect(summary).toEqual({
      readConversation: `PUT ${c}/read`,
      unreadConversation: `DELETE ${c}/read`,
      starConversation: `PUT ${c}/star`,
      unstarConversation: `DELETE ${c}/star`,
      reopenConversation: 'unavailable',
      closeConversation: `PUT ${c}/close`,
      blockConversation: `PUT ${c}/block`,
      unblockConversation: 'unavailable',
      subscribeConversation: 'unavailable',
      unsubscribeConversation: `DELETE ${c}/subscribe`,
      assignContact: `PUT ${c}/assign_contact`,
    });
    // A page's members carry the registry and base they were decoded with, as the package example relies on.
    expect(listActions(conversation)).toEqual(actions);
    expect(actions.map((a) => a.name)).not.toContain('nextScheduledMessage');
    expect(actions.every((a) => a.source === 'property')).toBe(true);
  });

  it('offers retry on the latest message embedded in the first member: through the bound reader, never an empty list', () => {
    const page = textusRegistry.decodeAs(ConversationCollection, body, { base: BASE, strict: true });
    const message = page.members[0]?.latestPreviewableItem;
    if (!message) throw new Error('no latest message');
    const retry = [{ name: 'retry', method: 'POST', source: 'property', state: 'unavailable' }];
    // The embedded node carries no registry: asked without one, listActions says so.
    let caught: unknown;
    try {
      listActions(message);
    } catch (error) {
      caught = error;
    }
    expect(isHydraError(caught) && caught.code).toBe('no_registry');
    expect(listActions(message, { registry: textusRegistry })).toEqual(retry);
    expect(textusReader.actions(message)).toEqual(retry);
  });

  it('keeps the fields newer servers add to a message, through decode and encode', () => {
    const text = withMessage((m) => {
      m['channel'] = 'sms';
      m['whatsAppTemplate'] = null;
      m['engagementScore'] = 0.75;
      m['engagementTemperature'] = 'warm';
    });
    const page = textusRegistry.decodeAs(ConversationCollection, text, { base: BASE, strict: true });
    const message = obj(page.members[0]?.latestPreviewableItem);
    expect(message['channel']).toBe('sms');
    expect(message['whatsAppTemplate']).toBeNull();
    expect(message['engagementScore']).toBe(0.75);
    expect(message['engagementTemperature']).toBe('warm');
    expect(textusRegistry.encodeText(page)).toBe(text);
  });

  it('takes a delivery state it does not know yet (open enumeration)', () => {
    const text = withMessage((m) => {
      m['deliveryState'] = 'read_by_recipient';
    });
    const page = textusRegistry.decodeAs(ConversationCollection, text, { base: BASE, strict: true });
    expect(page.members[0]?.latestPreviewableItem?.deliveryState).toBe('read_by_recipient');
    expect(textusRegistry.encodeText(page)).toBe(text);
  });

  it('rejects a direction other than in or out (closed enumeration), naming the path', () => {
    const text = withMessage((m) => {
      m['direction'] = 'sideways';
    });
    let error: DecodeError | undefined;
    try {
      textusRegistry.decode(text, { base: BASE, strict: true });
    } catch (e) {
      if (isDecodeError(e)) error = e;
      else throw e;
    }
    expect(error?.code).toBe('invalid_enum');
    expect(error?.path).toBe('$.members[0].latestPreviewableItem.direction');
    expect(error?.violations).toHaveLength(1);
    expect(error?.message).toMatchInlineSnapshot(`"$.members[0].latestPreviewableItem.direction: expected one of "in", "out", found string "sideways" (invalid_enum)"`);
  });
});
