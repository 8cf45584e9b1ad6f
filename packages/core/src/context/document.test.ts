/**
 * Generated context documents: one per context URL, what each kind maps to, merging of types
 * that share a URL. The contexts are also run through the
 * `jsonld` library (with a loader that serves only them) to check that they mean what they say.
 */
import { seedBodyText } from '@hyperld/fixtures';
import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { Account, Conversation, ConversationCollection, Message, sampleRegistry, VOCAB } from '../__fixtures__/sample-vocab.js';
import { contextDocument, createRegistry, defineType, HYDRA, HyperldError, t, vocabulary, XSD, type AnyTypeDef } from '../index.js';

const STANDARD = { '@vocab': VOCAB, hydra: HYDRA, xsd: XSD, id: '@id' } as const;
/** The IRI `@vocab` gives `term`: every declared property now carries it explicitly. */
const V = (term: string): string => `${VOCAB}${term}`;
const link = (term: string) => ({ '@id': V(term), '@type': '@id' }) as const;
const dateTime = (term: string) => ({ '@id': V(term), '@type': 'xsd:dateTime' }) as const;
const json = (term: string) => ({ '@id': V(term), '@type': '@json' }) as const;
const set = (term: string) => ({ '@id': V(term), '@container': '@set' }) as const;
const conversationTerms = {
  phoneNumber: V('phoneNumber'),
  formattedPhoneNumber: V('formattedPhoneNumber'),
  slug: V('slug'),
  currentState: V('currentState'),
  unanswered: V('unanswered'),
  unsubscribed: V('unsubscribed'),
  blocked: V('blocked'),
  latestPreviewableItem: V('latestPreviewableItem'),
  requestingUserInfo: link('requestingUserInfo'),
  participants: link('participants'),
  assignedContact: V('assignedContact'),
  associatedContacts: link('associatedContacts'),
  closeConversation: link('closeConversation'),
  reopenConversation: link('reopenConversation'),
  timeline: link('timeline'),
  stats: link('stats'),
} as const;

/** The error `fn` throws. */
function thrown(fn: () => unknown): HyperldError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(HyperldError);
    return error as HyperldError;
  }
  return expect.unreachable('nothing was thrown');
}

describe('generated context of each sample type', () => {
  it.each<[string, Record<string, unknown>]>([
    ['/contexts/Account.jsonld', { name: V('name') }],
    [
      '/contexts/ContactPhone.jsonld',
      {
        phoneNumber: V('phoneNumber'),
        formattedPhoneNumber: V('formattedPhoneNumber'),
        extension: V('extension'),
        type: V('type'),
        deliverabilityStatus: V('deliverabilityStatus'),
        contact: link('contact'),
      },
    ],
    [
      '/contexts/ConversationUserInfo.jsonld',
      { read: V('read'), readToTimelinePosition: dateTime('readToTimelinePosition'), starred: V('starred'), assigned: V('assigned') },
    ],
    [
      '/contexts/Message.jsonld',
      {
        direction: V('direction'),
        body: V('body'),
        formattedBody: V('formattedBody'),
        deliveryState: V('deliveryState'),
        displayTimestamp: dateTime('displayTimestamp'),
        timelinePosition: dateTime('timelinePosition'),
        conversation: link('conversation'),
        sender: link('sender'),
        attachments: V('attachments'),
        friendlyStateDescription: V('friendlyStateDescription'),
        retryAllowed: V('retryAllowed'),
        retry: link('retry'),
        latestEventAt: dateTime('latestEventAt'),
        flags: set('flags'),
        source: V('source'),
      },
    ],
    [
      '/contexts/Contact.jsonld',
      {
        name: V('name'),
        firstName: V('firstName'),
        lastName: V('lastName'),
        phones: link('phones'),
        notes: link('notes'),
        conversations: link('conversations'),
        data: json('data'),
        createdAt: dateTime('createdAt'),
        formattedData: json('formattedData'),
      },
    ],
    ['/contexts/Conversation.jsonld', conversationTerms],
    [
      '/contexts/ConversationWithAccount.jsonld',
      { ...conversationTerms, account: link('account'), nextScheduledMessage: V('nextScheduledMessage') },
    ],
    [
      '/contexts/hydra:Collection.jsonld',
      { members: { '@id': 'hydra:member', '@container': '@set' }, totalItems: 'hydra:totalItems', view: 'hydra:view' },
    ],
    [
      '/contexts/ConversationCollection.jsonld',
      { members: { '@id': 'hydra:member', '@container': '@set' }, totalItems: 'hydra:totalItems', view: 'hydra:view' },
    ],
    [
      '/contexts/hydra:PartialCollectionView.jsonld',
      {
        first: { '@id': 'hydra:first', '@type': '@id' },
        next: { '@id': 'hydra:next', '@type': '@id' },
        previous: { '@id': 'hydra:previous', '@type': '@id' },
      },
    ],
  ])('%s', (url, terms) => {
    const doc = sampleRegistry.context(url);
    expect(doc).toEqual({ '@context': { ...STANDARD, ...terms } });
    // @vocab and the prefixes come first, then id, then the terms in declaration order.
    expect(Object.keys(doc?.['@context'] ?? {})).toEqual([...Object.keys(STANDARD), ...Object.keys(terms)]);
  });

  it('has one context document per context URL the registered types use, and no other', () => {
    expect([...sampleRegistry.contexts.keys()].sort()).toEqual([...sampleRegistry.types.values()].map((d) => d.context).sort());
    expect(sampleRegistry.contexts.size).toBe(10);
  });

  it('is what contextDocument makes from the definition', () => {
    for (const def of [Account, Message, Conversation, ConversationCollection] as AnyTypeDef[]) {
      expect(sampleRegistry.context(def.context)).toEqual(contextDocument([def]));
    }
  });

  it('gives each kind its coercion: lists of links, unions, ids, mapped IRIs, extra prefixes', () => {
    const v = vocabulary({ vocab: VOCAB, prefixes: { schema: 'https://schema.org/' } });
    const Kinds = v.type('Kinds', {
      properties: {
        plain: t.string().nullable().optional(),
        mapped: t.string().mapTo('schema:name'),
        absolute: t.number().mapTo('https://example.com/terms#n'),
        links: t.list(t.link('Kinds')),
        dates: t.list(t.dateTime()).mapTo('schema:dates'),
        blobs: t.list(t.json()),
        nodes: t.list(t.anyNode()),
        linkOrNode: t.union(t.link(), t.anyNode()),
        linksOrNode: t.union(t.list(t.link()), t.anyNode()),
        mappedLink: t.link().nullable().mapTo('schema:url'),
        alias: t.id().optional(),
        state: t.enumeration(['a', 'b'] as const),
      },
    });
    expect(contextDocument([Kinds])).toEqual({
      '@context': {
        ...STANDARD,
        schema: 'https://schema.org/',
        // A plain property is spelled out too, though @vocab would give it the same IRI.
        plain: V('plain'),
        mapped: 'schema:name',
        absolute: 'https://example.com/terms#n',
        links: { '@id': V('links'), '@type': '@id', '@container': '@set' },
        dates: { '@id': 'schema:dates', '@type': 'xsd:dateTime', '@container': '@set' },
        blobs: { '@id': V('blobs'), '@type': '@json', '@container': '@set' },
        nodes: set('nodes'),
        linkOrNode: link('linkOrNode'),
        linksOrNode: { '@id': V('linksOrNode'), '@type': '@id', '@container': '@set' },
        mappedLink: { '@id': 'schema:url', '@type': '@id' },
        alias: '@id',
        state: V('state'),
      },
    });
    expect(Kinds.iri).toBe(`${VOCAB}Kinds`);
  });
});

describe('shared context URLs', () => {
  const base = { context: '/contexts/shared.jsonld', vocab: VOCAB } as const;

  it('merges the terms of every type that shares a URL', () => {
    const A = defineType({ ...base, type: 'A', properties: { owner: t.link('B'), tags: t.list(t.string()) } });
    const B = defineType({ ...base, type: 'B', properties: { at: t.dateTime(), owner: t.link('B').nullable(), label: t.string() } });
    const registry = createRegistry({ types: [A, B] });
    expect(registry.contexts.size).toBe(1);
    expect(registry.context('/contexts/shared.jsonld')).toEqual({
      '@context': { ...STANDARD, owner: link('owner'), tags: set('tags'), at: dateTime('at'), label: V('label') },
    });
  });

  it('merges a term two types spell differently but give one IRI', () => {
    const A = defineType({ ...base, type: 'A', properties: { name: t.string(), title: t.string().mapTo('v:title') }, prefixes: { v: VOCAB } });
    const B = defineType({ ...base, type: 'B', properties: { name: t.string().mapTo('name'), title: t.string() } });
    const C = defineType({ ...base, type: 'C', properties: { name: t.string().mapTo(V('name')), title: t.string().mapTo(V('title')) } });
    // The later spelling is kept; all of them mean the IRI @vocab gives the key.
    expect(contextDocument([A, B, C])).toEqual({ '@context': { ...STANDARD, v: VOCAB, name: V('name'), title: V('title') } });
    expect(contextDocument([C, B])).toEqual({ '@context': { ...STANDARD, name: 'name', title: V('title') } });
    const D = defineType({ ...base, type: 'D', properties: { name: t.string().mapTo('hydra:title') } });
    expect(thrown(() => contextDocument([A, D])).code).toBe('invalid_definition');
  });

  it('rejects a property named like a prefix of the context: invalid_definition', () => {
    const A = defineType({ ...base, type: 'A', properties: { hydra: t.string() } });
    const error = thrown(() => contextDocument([A]));
    expect(error.code).toBe('invalid_definition');
    expect(error.message).toMatchInlineSnapshot(
      `"Context /contexts/shared.jsonld: term "hydra" means "https://sample.example/vocab#hydra" in "A" but the prefix "http://www.w3.org/ns/hydra/core#"."`,
    );
  });

  it('rejects two types that give one term different meanings: invalid_definition', () => {
    const A = defineType({ ...base, type: 'A', properties: { when: t.link() } });
    const B = defineType({ ...base, type: 'B', properties: { when: t.dateTime() } });
    const error = thrown(() => createRegistry({ types: [A, B] }));
    expect(error.code).toBe('invalid_definition');
    expect(error.message).toMatchInlineSnapshot(
      `"Context /contexts/shared.jsonld: term "when" means {"@id":"https://sample.example/vocab#when","@type":"xsd:dateTime"} in "B" but {"@id":"https://sample.example/vocab#when","@type":"@id"} in "A"."`,
    );
    const C = defineType({ ...base, type: 'C', properties: { when: t.link().mapTo('hydra:when') } });
    expect(thrown(() => contextDocument([A, C])).code).toBe('invalid_definition');
  });

  it('rejects types that share a URL but not a vocabulary', () => {
    const A = defineType({ ...base, type: 'A', properties: {} });
    const B = defineType({ ...base, vocab: 'https://other.example/vocab#', type: 'B', properties: {} });
    expect(thrown(() => createRegistry({ types: [A, B] })).code).toBe('invalid_definition');
  });

  it('needs at least one definition', () => {
    expect(thrown(() => contextDocument([])).code).toBe('invalid_definition');
  });
});

describe('the generated contexts, read by a JSON-LD processor', () => {
  const body = seedBodyText();
  const BASE = 'https://api.example/contacts/DQeeO69/conversations';

  // Serves only the registry's own contexts: nothing is fetched.
  const documentLoader = async (url: string) => {
    const document = sampleRegistry.context(url, BASE);
    if (!document) throw new Error(`no context at ${url}`);
    return { contextUrl: undefined, documentUrl: url, document };
  };

  it('expands the seed to the IRIs, types and values the definitions declare', async () => {
    const [page] = (await jsonld.expand(JSON.parse(body) as object, { base: BASE, documentLoader } as never)) as unknown as Record<string, unknown[]>[];
    const H = (term: string) => `${HYDRA}${term}`;
    const V = (term: string) => `${VOCAB}${term}`;
    expect(page?.['@id']).toBe(BASE);
    expect(page?.['@type']).toEqual([V('ConversationCollection')]);
    expect(page?.[H('totalItems')]).toEqual([{ '@value': 1 }]);
    const [member] = page?.[H('member')] as Record<string, unknown[]>[];
    expect(member?.['@type']).toEqual([V('ConversationWithAccount')]);
    expect(member?.[V('timeline')]).toEqual([{ '@id': 'https://api.example/conversations/Pvwqm5G/timeline' }]);
    expect(member?.[V('reopenConversation')]).toBeUndefined(); // null drops out
    expect(member?.[V('slug')]).toEqual([{ '@value': 'Pvwqm5G' }]);
    const [message] = member?.[V('latestPreviewableItem')] as Record<string, unknown[]>[];
    expect(message?.[V('displayTimestamp')]).toEqual([{ '@value': '2018-07-24T20:59:32.156Z', '@type': `${XSD}dateTime` }]);
    const [attachments] = message?.[V('attachments')] as Record<string, unknown[]>[];
    expect(attachments?.['@type']).toEqual([H('Collection')]);
    const [contact] = member?.[V('assignedContact')] as Record<string, unknown[]>[];
    expect(contact?.[V('data')]).toEqual([{ '@value': {}, '@type': '@json' }]);
    const [view] = page?.[H('view')] as Record<string, unknown[]>[];
    expect(view?.['@type']).toEqual([H('PartialCollectionView')]);
    expect(view?.[H('first')]).toEqual([{ '@id': BASE }]);
  });

  describe('a node of one vocabulary nested in a node whose context makes `title` a Hydra term', () => {
    const BOOKS = 'https://books.example/vocab#';
    const Book = defineType({ type: 'Book', context: '/contexts/Book.jsonld', vocab: BOOKS, properties: { title: t.string() } });
    const Shelf = defineType({
      type: 'Shelf',
      context: '/contexts/Shelf.jsonld',
      vocab: VOCAB,
      properties: { title: t.string().mapTo('hydra:title'), book: t.node(Book) },
    });
    const registry = createRegistry({ types: [Shelf] });
    const shelf = {
      '@context': '/contexts/Shelf.jsonld',
      '@type': 'Shelf',
      id: '/shelves/1',
      title: 'Science fiction',
      book: { '@context': '/contexts/Book.jsonld', '@type': 'Book', id: '/books/1', title: 'Dune' },
    };
    const loaderOf = (documents: ReadonlyMap<string, object>) => async (url: string) => {
      const document = documents.get(new URL(url).pathname);
      if (!document) throw new Error(`no context at ${url}`);
      return { contextUrl: undefined, documentUrl: url, document };
    };
    /** The book's expanded node, the contexts served from `documents`. */
    const expandedBook = async (documents: ReadonlyMap<string, object>) => {
      const options = { base: BASE, documentLoader: loaderOf(documents) } as never;
      const [expanded] = (await jsonld.expand(structuredClone(shelf), options)) as unknown as Record<string, unknown[]>[];
      expect(expanded?.[`${HYDRA}title`]).toEqual([{ '@value': 'Science fiction' }]);
      const [book] = expanded?.[`${VOCAB}book`] as Record<string, unknown[]>[];
      return book;
    };

    it('keeps its own `title` IRI, which its context now states', async () => {
      expect(registry.decode(shelf, { base: BASE, strict: true })).toBeDefined();
      expect(registry.context('/contexts/Book.jsonld')?.['@context']['title']).toBe(`${BOOKS}title`);
      const book = await expandedBook(new Map([...registry.contexts]));
      expect(book).toEqual({ '@id': 'https://api.example/books/1', '@type': [`${BOOKS}Book`], [`${BOOKS}title`]: [{ '@value': 'Dune' }] });
    });

    it('would read it as hydra:title if its context left `title` to @vocab (why every property gets a term)', async () => {
      const { title: _title, ...withoutTitle } = registry.context('/contexts/Book.jsonld')?.['@context'] ?? {};
      const documents = new Map<string, object>([...registry.contexts, ['/contexts/Book.jsonld', { '@context': withoutTitle }]]);
      const book = await expandedBook(documents);
      expect(book?.[`${HYDRA}title`]).toEqual([{ '@value': 'Dune' }]);
      expect(book?.[`${BOOKS}title`]).toBeUndefined();
    });
  });

  it('leaves a property whose key is empty to @vocab: JSON-LD has no empty term', async () => {
    const Odd = defineType({ type: 'Odd', context: '/contexts/Odd.jsonld', vocab: VOCAB, properties: { '': t.string() } });
    const document = contextDocument([Odd]);
    expect(document).toEqual({ '@context': STANDARD });
    const documentLoader = async (url: string) => ({ contextUrl: undefined, documentUrl: url, document });
    const input = { '@context': '/contexts/Odd.jsonld', '@type': 'Odd', '': 'x' };
    const [odd] = (await jsonld.expand(input, { base: BASE, documentLoader } as never)) as unknown as Record<string, unknown[]>[];
    expect(odd?.[VOCAB]).toEqual([{ '@value': 'x' }]);
  });
});
