/**
 * The TextUs vocabulary against the facts of `textus-vocabulary.md`: every type is registered,
 * every context URL TextUs uses has a generated context document with the right term
 * definitions, properties that are a link in one response and an embedded node in another decode
 * in both forms, and a hand-built example of every type decodes strictly and round-trips as text.
 *
 * @module
 */
import { extendsType, isDecodeError, type AnyTypeDef, type JsonObject } from '@hyperld/core';
import { describe, expect, it } from 'vitest';
import {
  Account,
  COLLECTION_CONTEXT,
  Contact,
  AccountCollection,
  ContactCollection,
  EntryPoint,
  ContactNote,
  ContactNoteCollection,
  ContactPhone,
  Conversation,
  ConversationAssignment,
  ConversationCollection,
  ConversationFilter,
  ConversationStats,
  ConversationUserInfo,
  ConversationWithAccount,
  Membership,
  Message,
  TEXTUS_VOCAB,
  textusRegistry,
  textusTypes,
  Timeline,
  User,
  VIEW_CONTEXT,
} from '../index.js';

const BASE = 'https://api.textus.com/contacts/DQeeO69/conversations';
type Json = Record<string, unknown>;

/** The code and path of the first violation decoding `doc` strictly as `def`, or `undefined` when it decodes. */
function firstViolation(def: AnyTypeDef, doc: unknown): string | undefined {
  try {
    textusRegistry.decodeAs(def, JSON.stringify(doc), { base: BASE, strict: true });
    return undefined;
  } catch (error) {
    if (!isDecodeError(error)) throw error;
    return `${error.code} ${error.path}`;
  }
}

// --- Example documents, one per type, in the shapes TextUs sends ------------------------------

const conversationIri = '/conversations/Pvwqm5G';

const attachments = () => ({ '@context': COLLECTION_CONTEXT, '@type': 'hydra:Collection', id: '/messages/06oyogE/attachments', members: [], totalItems: 0 });

const message = (over: Json = {}): Json => ({
  '@type': 'Message',
  id: '/messages/06oyogE',
  '@context': '/contexts/Message.jsonld',
  direction: 'out',
  body: 'See you at 3',
  formattedBody: '<div>See you at 3</div>',
  deliveryState: 'delivered',
  displayTimestamp: '2019-04-02T20:28:58Z',
  timelinePosition: '2019-04-02T20:28:58Z',
  conversation: conversationIri,
  sender: '/users/Ab12',
  attachments: attachments(),
  friendlyStateDescription: 'Outbound Message Delivered',
  retryAllowed: false,
  retry: null,
  latestEventAt: '2019-04-02T20:28:59.120Z',
  flags: [],
  source: 'textus',
  ...over,
});

const accountRef = () => ({ '@type': 'Account', '@context': '/contexts/Account.jsonld', id: '/accounts/my_account', name: 'Example Account' });

const account = (): Json => ({
  ...accountRef(),
  slug: 'my_account',
  type: 'standard',
  logo: null,
  phoneNumbers: ['+13035550100'],
  effectiveRole: 'admin',
  multiUser: true,
  messagingRestricted: false,
  settings: { timeZone: 'America/Denver' },
  featureFlags: {},
  contacts: '/accounts/my_account/contacts',
  conversations: '/accounts/my_account/conversations',
  conversationFilters: '/accounts/my_account/conversation_filters',
  contactFilters: '/accounts/my_account/contact_filters',
  users: '/accounts/my_account/users',
  sendMessages: '/accounts/my_account/messages',
  scheduleMessages: '/accounts/my_account/scheduled_messages',
});

const membership = (): Json => ({
  '@type': 'Membership',
  '@context': '/contexts/Membership.jsonld',
  id: '/memberships/m1',
  role: 'admin',
  user: '/users/Ab12',
  account: accountRef(),
});

const user = (memberships: unknown = '/users/Ab12/memberships'): Json => ({
  '@type': 'User',
  '@context': '/contexts/User.jsonld',
  id: '/users/Ab12',
  name: 'Ann Lee',
  firstName: 'Ann',
  lastName: 'Lee',
  email: 'ann@example.com',
  avatar: null,
  automatedActor: false,
  hasPassword: true,
  discarded: false,
  settings: { customSettings: {} },
  memberships,
});

const phone = (): Json => ({
  '@type': 'ContactPhone',
  id: '/contact_phones/mxvbRw',
  '@context': '/contexts/ContactPhone.jsonld',
  phoneNumber: '+13035551234',
  formattedPhoneNumber: '(303) 555-1234',
  extension: null,
  type: 'Mobile',
  deliverabilityStatus: 'unknown',
  contact: '/contacts/Vled2N',
});

const note = (): Json => ({
  '@type': 'ContactNote',
  '@context': '/contexts/ContactNote.jsonld',
  id: '/contact_notes/n1',
  content: 'Prefers texts after 5pm.',
  createdAt: '2020-01-06T21:49:58.312Z',
  updatedAt: '2020-01-07T08:00:00Z',
  user: user(),
  contact: '/contacts/Vled2N',
});

const noteCollection = (): Json => ({
  '@type': 'ContactNoteCollection',
  '@context': COLLECTION_CONTEXT,
  id: '/contacts/Vled2N/notes',
  members: [note()],
  totalItems: 1,
});

const phones = (): Json => ({ id: '/contacts/Vled2N/phones', '@type': 'hydra:Collection', '@context': COLLECTION_CONTEXT, totalItems: 1, members: [phone()] });

const contact = (over: Json = {}): Json => ({
  id: '/contacts/Vled2N',
  '@type': 'Contact',
  '@context': '/contexts/Contact.jsonld',
  name: 'Jamel Hirthe',
  firstName: 'Jamel',
  lastName: 'Hirthe',
  phones: phones(),
  notes: '/contacts/Vled2N/notes',
  conversations: '/contacts/Vled2N/conversations',
  data: {},
  createdAt: '2020-01-06T21:49:58.312Z',
  formattedData: {},
  ...over,
});

const contactCollection = (): Json => ({
  '@type': 'ContactCollection',
  '@context': COLLECTION_CONTEXT,
  id: `${conversationIri}/associated_contacts`,
  members: [contact()],
  totalItems: 1,
});

const userInfo = (): Json => ({
  '@type': 'ConversationUserInfo',
  '@context': '/contexts/ConversationUserInfo.jsonld',
  id: `${conversationIri}/user_info`,
  read: true,
  readToTimelinePosition: '2019-04-02T20:28:58Z',
  starred: true,
  assigned: false,
});

const actionLinks = (): Json => ({
  readConversation: `${conversationIri}/read`,
  unreadConversation: `${conversationIri}/read`,
  starConversation: `${conversationIri}/star`,
  unstarConversation: `${conversationIri}/star`,
  reopenConversation: `${conversationIri}/reopen`,
  closeConversation: null,
  blockConversation: `${conversationIri}/block`,
  unblockConversation: null,
  subscribeConversation: `${conversationIri}/subscribe`,
  unsubscribeConversation: null,
});

const conversation = (over: Json = {}): Json => ({
  '@type': 'Conversation',
  '@context': '/contexts/Conversation.jsonld',
  id: conversationIri,
  phoneNumber: '+13035555678',
  formattedPhoneNumber: '(303) 555-5678',
  accountPhoneNumber: '+13035550100',
  formattedAccountPhoneNumber: '(303) 555-0100',
  slug: 'Pvwqm5G',
  currentState: 'closed',
  unanswered: true,
  unsubscribed: true,
  blocked: false,
  account: '/accounts/my_account',
  latestPreviewableItem: message(),
  requestingUserInfo: `${conversationIri}/user_info`,
  participants: `${conversationIri}/participants`,
  assignedContact: null,
  associatedContacts: `${conversationIri}/associated_contacts`,
  ...actionLinks(),
  timeline: `${conversationIri}/timeline`,
  stats: `${conversationIri}/stats`,
  assignments: `${conversationIri}/assignments`,
  assignContact: `${conversationIri}/assign_contact`,
  ...over,
});

const conversationWithAccount = (): Json => ({
  ...conversation({ '@type': 'ConversationWithAccount', '@context': '/contexts/ConversationWithAccount.jsonld', account: accountRef() }),
  nextScheduledMessage: message({ id: '/messages/s1', deliveryState: 'scheduled', flags: ['scheduled'], sender: '/users/Ab12' }),
  requestingUserInfo: userInfo(),
  assignedContact: contact(),
  associatedContacts: contactCollection(),
});

const conversationCollection = (): Json => ({
  '@type': 'ConversationCollection',
  '@context': '/contexts/ConversationCollection.jsonld',
  id: '/contacts/DQeeO69/conversations?cursor=g2wAAAAB',
  members: [conversationWithAccount()],
  // Loose, as TextUs is: more claimed than sent.
  totalItems: 3,
  view: {
    '@type': 'hydra:PartialCollectionView',
    '@context': VIEW_CONTEXT,
    id: '/contacts/DQeeO69/conversations',
    first: '/contacts/DQeeO69/conversations',
    next: '/contacts/DQeeO69/conversations?cursor=g2wAAAAC',
    previous: null,
  },
});

const timeline = (): Json => ({
  '@type': 'Timeline',
  '@context': '/contexts/Timeline.jsonld',
  id: `${conversationIri}/timeline`,
  latestPosition: '2019-04-02T20:28:58Z',
  totalItems: 2,
  members: [message(), message({ id: '/messages/i1', direction: 'in', sender: null, deliveryState: 'received' })],
});

const stats = (): Json => ({
  '@type': 'ConversationStats',
  '@context': '/contexts/ConversationStats.jsonld',
  id: `${conversationIri}/stats`,
  conversationStartedAt: '2018-07-24T20:59:32.156Z',
  engagement: 'C',
  outboundDelivered: 12,
});

const assignment = (): Json => ({
  '@type': 'ConversationAssignment',
  '@context': '/contexts/ConversationAssignment.jsonld',
  id: `${conversationIri}/assignments/1`,
  assignee: user(),
  assigner: '/users/Cd34',
});

const filter = (): Json => {
  const batch = (verb: string) => `/conversation_filters/open/${verb}?modified_before=2020-01-06T21%3A49%3A58Z`;
  return {
    '@type': 'ConversationFilter',
    '@context': '/contexts/ConversationFilter.jsonld',
    id: '/conversation_filters/open',
    slug: 'open',
    title: 'Open',
    unreadCount: 2,
    totalCount: 5,
    conversations: '/conversation_filters/open/conversations',
    closeConversations: batch('close'),
    reopenConversations: null,
    readConversations: batch('read'),
    unreadConversations: batch('read'),
    starConversations: batch('star'),
    unstarConversations: batch('star'),
    assignConversations: batch('assign'),
    unassignConversations: null,
  };
};

const examples: ReadonlyArray<readonly [AnyTypeDef, () => Json]> = [
  [ConversationCollection, conversationCollection],
  [Conversation, () => conversation()],
  [ConversationWithAccount, conversationWithAccount],
  [ConversationUserInfo, userInfo],
  [Message, () => message()],
  [Account, account],
  [User, () => user({ '@type': 'hydra:Collection', '@context': COLLECTION_CONTEXT, id: '/users/Ab12/memberships', members: [membership()], totalItems: 1 })],
  [Membership, membership],
  [Contact, () => contact({ notes: noteCollection() })],
  [ContactCollection, contactCollection],
  [ContactPhone, phone],
  [ContactNote, note],
  [ContactNoteCollection, noteCollection],
  [Timeline, timeline],
  [ConversationStats, stats],
  [ConversationAssignment, assignment],
  [ConversationFilter, filter],
  [AccountCollection, () => ({ '@type': 'AccountCollection', '@context': COLLECTION_CONTEXT, id: '/accounts', members: [account()], totalItems: 1 })],
  [EntryPoint, () => ({ '@type': 'EntryPoint', '@context': '/contexts/EntryPoint.jsonld', id: '/', accounts: '/accounts' })],
];

// --- The tests ---------------------------------------------------------------------------------

const DOCUMENTED_TYPES = [
  'ConversationCollection',
  'Conversation',
  'ConversationWithAccount',
  'ConversationUserInfo',
  'Message',
  'Account',
  'User',
  'Membership',
  'Contact',
  'ContactCollection',
  'ContactPhone',
  'ContactNote',
  'Timeline',
  'ConversationStats',
  'ConversationAssignment',
  'ConversationFilter',
] as const;

describe('the types', () => {
  it.each(DOCUMENTED_TYPES)('registers %s, as one of textusTypes', (name) => {
    const def = textusRegistry.lookup(name);
    expect(def?.type).toBe(name);
    expect(textusTypes).toContain(def);
    expect(def?.vocab).toBe(TEXTUS_VOCAB);
  });

  it('makes ConversationWithAccount a Conversation that embeds its account', () => {
    expect(extendsType(ConversationWithAccount, Conversation)).toBe(true);
    expect(extendsType(Conversation, ConversationWithAccount)).toBe(false);
    expect(ConversationWithAccount.properties.account.spec.tag).toBe('node');
    expect(Conversation.properties.account.spec.tag).toBe('union');
  });

  it('makes the collections Hydra collections whose members are hydra:member', () => {
    for (const def of [ConversationCollection, ContactCollection, ContactNoteCollection, Timeline]) {
      expect(textusRegistry.context(def.context)?.['@context']['members']).toEqual({ '@id': 'hydra:member', '@container': '@set' });
      expect(Object.keys(def.properties)).not.toContain('member');
    }
  });
});

describe('the context documents', () => {
  const contextUrls = [
    // ContactCollection is sent with the plain collection context.
    ...DOCUMENTED_TYPES.filter((name) => name !== 'ContactCollection').map((name) => `/contexts/${name}.jsonld`),
    '/contexts/hydra:Collection.jsonld',
    '/contexts/hydra:PartialCollectionView.jsonld',
  ];
  const context = (url: string): JsonObject => {
    const doc = textusRegistry.context(url);
    if (!doc) throw new Error(`no context document at ${url}`);
    return doc['@context'];
  };

  it.each(contextUrls)('serves %s, relative or resolved against the API origin', (url) => {
    const doc = textusRegistry.context(url);
    expect(doc).toBeDefined();
    expect(textusRegistry.context(`https://api.textus.com${url}`, BASE)).toBe(doc);
    expect(context(url)['id']).toBe('@id');
  });

  it('serves nothing at a URL TextUs does not use', () => {
    expect(textusRegistry.context('/contexts/Nothing.jsonld')).toBeUndefined();
    expect(textusRegistry.context('https://elsewhere.example/contexts/Message.jsonld', BASE)).toBeUndefined();
  });

  it('gives ContactCollection the plain collection context', () => {
    expect(ContactCollection.context).toBe('/contexts/hydra:Collection.jsonld');
    expect(ContactNoteCollection.context).toBe('/contexts/hydra:Collection.jsonld');
  });

  it('uses the TextUs vocabulary, with the hydra and xsd prefixes', () => {
    for (const url of contextUrls.filter((u) => !u.includes('PartialCollectionView'))) {
      expect(context(url)).toMatchObject({ '@vocab': TEXTUS_VOCAB, hydra: 'http://www.w3.org/ns/hydra/core#', xsd: 'http://www.w3.org/2001/XMLSchema#' });
    }
  });

  it('coerces links to @id', () => {
    expect(context('/contexts/Message.jsonld')['conversation']).toEqual({ '@id': `${TEXTUS_VOCAB}conversation`, '@type': '@id' });
    expect(context('/contexts/Message.jsonld')['sender']).toEqual({ '@id': `${TEXTUS_VOCAB}sender`, '@type': '@id' });
    expect(context('/contexts/Message.jsonld')['retry']).toEqual({ '@id': `${TEXTUS_VOCAB}retry`, '@type': '@id' });
    expect(context('/contexts/Conversation.jsonld')['timeline']).toEqual({ '@id': `${TEXTUS_VOCAB}timeline`, '@type': '@id' });
    expect(context('/contexts/Conversation.jsonld')['closeConversation']).toEqual({ '@id': `${TEXTUS_VOCAB}closeConversation`, '@type': '@id' });
    expect(context('/contexts/ConversationWithAccount.jsonld')['assignContact']).toEqual({ '@id': `${TEXTUS_VOCAB}assignContact`, '@type': '@id' });
    expect(context('/contexts/Contact.jsonld')['conversations']).toEqual({ '@id': `${TEXTUS_VOCAB}conversations`, '@type': '@id' });
    expect(context('/contexts/ContactPhone.jsonld')['contact']).toEqual({ '@id': `${TEXTUS_VOCAB}contact`, '@type': '@id' });
    expect(context('/contexts/Membership.jsonld')['user']).toEqual({ '@id': `${TEXTUS_VOCAB}user`, '@type': '@id' });
    expect(context('/contexts/ConversationAssignment.jsonld')['assigner']).toEqual({ '@id': `${TEXTUS_VOCAB}assigner`, '@type': '@id' });
    expect(context('/contexts/hydra:PartialCollectionView.jsonld')['next']).toEqual({ '@id': 'hydra:next', '@type': '@id' });
  });

  it('coerces the properties that are a link or an embedded node to @id (a node ignores it)', () => {
    expect(context('/contexts/Conversation.jsonld')['requestingUserInfo']).toEqual({ '@id': `${TEXTUS_VOCAB}requestingUserInfo`, '@type': '@id' });
    expect(context('/contexts/Conversation.jsonld')['associatedContacts']).toEqual({ '@id': `${TEXTUS_VOCAB}associatedContacts`, '@type': '@id' });
    expect(context('/contexts/Contact.jsonld')['phones']).toEqual({ '@id': `${TEXTUS_VOCAB}phones`, '@type': '@id' });
    expect(context('/contexts/Contact.jsonld')['notes']).toEqual({ '@id': `${TEXTUS_VOCAB}notes`, '@type': '@id' });
    expect(context('/contexts/User.jsonld')['memberships']).toEqual({ '@id': `${TEXTUS_VOCAB}memberships`, '@type': '@id' });
  });

  it('types free-form JSON as @json', () => {
    expect(context('/contexts/Contact.jsonld')['data']).toEqual({ '@id': `${TEXTUS_VOCAB}data`, '@type': '@json' });
    expect(context('/contexts/Contact.jsonld')['formattedData']).toEqual({ '@id': `${TEXTUS_VOCAB}formattedData`, '@type': '@json' });
    expect(context('/contexts/User.jsonld')['settings']).toEqual({ '@id': `${TEXTUS_VOCAB}settings`, '@type': '@json' });
    expect(context('/contexts/Account.jsonld')['settings']).toEqual({ '@id': `${TEXTUS_VOCAB}settings`, '@type': '@json' });
    expect(context('/contexts/Account.jsonld')['featureFlags']).toEqual({ '@id': `${TEXTUS_VOCAB}featureFlags`, '@type': '@json' });
  });

  it('types date-times as xsd:dateTime', () => {
    for (const [url, key] of [
      ['/contexts/Message.jsonld', 'displayTimestamp'],
      ['/contexts/Message.jsonld', 'timelinePosition'],
      ['/contexts/Message.jsonld', 'latestEventAt'],
      ['/contexts/ConversationUserInfo.jsonld', 'readToTimelinePosition'],
      ['/contexts/Contact.jsonld', 'createdAt'],
      ['/contexts/ContactNote.jsonld', 'createdAt'],
      ['/contexts/ContactNote.jsonld', 'updatedAt'],
      ['/contexts/Timeline.jsonld', 'latestPosition'],
      ['/contexts/ConversationStats.jsonld', 'conversationStartedAt'],
    ] as const) {
      expect([url, key, context(url)[key]]).toEqual([url, key, { '@id': `${TEXTUS_VOCAB}${key}`, '@type': 'xsd:dateTime' }]);
    }
  });

  it('makes lists sets', () => {
    expect(context('/contexts/Message.jsonld')['flags']).toEqual({ '@id': `${TEXTUS_VOCAB}flags`, '@container': '@set' });
    expect(context('/contexts/Account.jsonld')['phoneNumbers']).toEqual({ '@id': `${TEXTUS_VOCAB}phoneNumbers`, '@container': '@set' });
  });

  it('maps members to hydra:member and the other collection terms to Hydra', () => {
    for (const url of ['/contexts/ConversationCollection.jsonld', '/contexts/hydra:Collection.jsonld', '/contexts/Timeline.jsonld']) {
      expect(context(url)).toMatchObject({
        members: { '@id': 'hydra:member', '@container': '@set' },
        totalItems: 'hydra:totalItems',
        view: 'hydra:view',
      });
    }
  });

  it('states the IRI of a plain property too, rather than leaving it to @vocab', () => {
    expect(context('/contexts/Message.jsonld')['body']).toBe(`${TEXTUS_VOCAB}body`);
    expect(context('/contexts/Conversation.jsonld')['slug']).toBe(`${TEXTUS_VOCAB}slug`);
    expect(context('/contexts/Account.jsonld')['name']).toBe(`${TEXTUS_VOCAB}name`);
    expect(context('/contexts/ConversationUserInfo.jsonld')['read']).toBe(`${TEXTUS_VOCAB}read`);
  });

  it('defines the terms the Hydra context also defines, so that they are not read as Hydra terms', () => {
    expect(context('/contexts/Account.jsonld')['type']).toBe(`${TEXTUS_VOCAB}type`);
    expect(context('/contexts/ContactPhone.jsonld')['type']).toBe(`${TEXTUS_VOCAB}type`);
    expect(context('/contexts/ConversationFilter.jsonld')['title']).toBe(`${TEXTUS_VOCAB}title`);
  });
});

describe('properties that are a link in one response and an embedded node in another', () => {
  const cases: ReadonlyArray<readonly [string, AnyTypeDef, (value: unknown) => Json, string, unknown]> = [
    ['requestingUserInfo', Conversation, (v) => conversation({ requestingUserInfo: v }), `${conversationIri}/user_info`, userInfo()],
    ['associatedContacts', Conversation, (v) => conversation({ associatedContacts: v }), `${conversationIri}/associated_contacts`, contactCollection()],
    ['phones', Contact, (v) => contact({ phones: v }), '/contacts/Vled2N/phones', phones()],
    ['notes', Contact, (v) => contact({ notes: v }), '/contacts/Vled2N/notes', noteCollection()],
    [
      'memberships',
      User,
      (v) => user(v),
      '/users/Ab12/memberships',
      { '@type': 'hydra:Collection', '@context': COLLECTION_CONTEXT, id: '/users/Ab12/memberships', members: [membership()], totalItems: 1 },
    ],
  ];

  it.each(cases)('decodes %s as a link and as an embedded node', (key, def, make, link, embedded) => {
    const asLink = textusRegistry.decodeAs(def, JSON.stringify(make(link)), { base: BASE, strict: true }) as Json;
    expect(asLink[key]).toBe(link);
    const asNode = textusRegistry.decodeAs(def, JSON.stringify(make(embedded)), { base: BASE, strict: true }) as Json;
    expect(asNode[key]).toEqual(embedded);
  });

  it.each(cases)('rejects %s as a number, or as an embedded node of a type it does not take', (key, def, make) => {
    expect(firstViolation(def, make(42))).toBe(`wrong_kind $.${key}`);
    expect(firstViolation(def, make(stats()))).toBe(`unexpected_type $.${key}["@type"]`);
  });

  it('validates what the embedded form holds', () => {
    const badNote = { ...note(), createdAt: 'yesterday' };
    expect(firstViolation(Contact, contact({ notes: { ...noteCollection(), members: [badNote] } }))).toBe('invalid_date_time $.notes.members[0].createdAt');
    expect(firstViolation(Conversation, conversation({ requestingUserInfo: { ...userInfo(), read: 'yes' } }))).toBe('wrong_kind $.requestingUserInfo.read');
    // A hydra:Collection under the plain collection context holds its members under `members`.
    const memberships = { '@type': 'hydra:Collection', '@context': COLLECTION_CONTEXT, id: '/users/Ab12/memberships', members: [{ ...membership(), role: 42 }] };
    expect(firstViolation(User, user(memberships))).toBe('wrong_kind $.memberships.members[0].role');
    expect(firstViolation(Contact, contact({ phones: { ...phones(), members: [{ ...phone(), contact: 'not a link' }] } }))).toBe('invalid_iri $.phones.members[0].contact');
  });
});

describe('an example of every type', () => {
  it('covers textusTypes', () => {
    expect(examples.map(([def]) => def.type).sort()).toEqual(textusTypes.map((def) => def.type).sort());
  });

  it.each(examples.map(([def, make]) => [def.type, def, make] as const))('%s decodes strictly and round-trips as text', (_name, def, make) => {
    const text = JSON.stringify(make());
    const node = textusRegistry.decodeAs(def, text, { base: BASE, strict: true });
    expect(node['@type']).toBe(def.type);
    expect(textusRegistry.encodeText(node)).toBe(text);
    expect(textusRegistry.encodeText(textusRegistry.decode(text, { base: BASE, strict: true }), { space: 2 })).toBe(JSON.stringify(JSON.parse(text), null, 2));
  });

  it.each(examples.map(([def, make]) => [def.type, def, make] as const))('%s without its id is a missing_property', (_name, def, make) => {
    const doc = make();
    delete doc['id'];
    expect(firstViolation(def, doc)).toBe('missing_property $.id');
  });

  it('reads a number written 1.0 as the number 1 (the text comes back as 1)', () => {
    const text = JSON.stringify(stats()).replace('"outboundDelivered":12', '"outboundDelivered":1.0');
    const node = textusRegistry.decodeAs(ConversationStats, text, { strict: true });
    expect(node.outboundDelivered).toBe(1);
    expect(textusRegistry.encodeText(node)).toBe(text.replace('1.0', '1'));
  });

  it('keeps date-times exactly as sent, with or without milliseconds', () => {
    const text = JSON.stringify(message({ displayTimestamp: '2019-04-02T20:28:58Z', latestEventAt: '2018-07-24T20:59:32.156Z' }));
    const node = textusRegistry.decodeAs(Message, text, { strict: true });
    expect([node.displayTimestamp, node.latestEventAt]).toEqual(['2019-04-02T20:28:58Z', '2018-07-24T20:59:32.156Z']);
  });
});
