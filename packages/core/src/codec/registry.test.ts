/**
 * The registry: the definitions it collects (and refuses), its look-ups by term, class IRI and
 * context URL, the definition a node has, and the nodes of a document as the validator sees them.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { Account, ConversationCollection, Message, sampleRegistry, VOCAB } from '../__fixtures__/sample-vocab.js';
import { contextDocument, createRegistry, DecodeError, defineType, HYDRA, HyperldError, isRegistry, t } from '../index.js';
import { arbitraryDocument } from '../testing/index.js';

const seedFile = readFileSync(new URL('../../../../test/fixtures/000_bd34847030ad49a7.txt', import.meta.url), 'utf8');
/** The seed's JSON body: everything after the line `Example Body`. */
const body = seedFile.slice(seedFile.indexOf('\n', seedFile.indexOf('\nExample Body\n') + 1) + 1);

// Documents are mutated freely in tests, so they are `any` here.
type Doc = any;

/** A fresh parsed copy of the seed. */
const seed = (): Doc => JSON.parse(body);

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

describe('isRegistry', () => {
  it('recognises registries by their brand, not by their shape', () => {
    expect(isRegistry(sampleRegistry)).toBe(true);
    expect(isRegistry(sampleRegistry.with([Account]))).toBe(true);
    // Every member a registry has, but not made by createRegistry (a spread would copy an
    // enumerable brand, so this also shows the brand is not enumerable).
    expect(isRegistry({ ...sampleRegistry })).toBe(false);
    for (const value of [undefined, null, 'registry', [], {}]) expect(isRegistry(value)).toBe(false);
  });

  it('recognises a registry made by another copy of the module (a duplicate install)', async () => {
    vi.resetModules();
    const other = (await import('./registry.js')) as typeof import('./registry.js');
    expect(other.createRegistry).not.toBe(createRegistry);
    expect(isRegistry(other.createRegistry({ types: [Account] }))).toBe(true);
  });
});

describe('registry consistency', () => {
  it('rejects two different definitions with one @type name, listed or embedded', () => {
    const other = defineType({ type: 'Account', context: '/contexts/OtherAccount.jsonld', vocab: VOCAB, properties: {} });
    const error = thrown(() => createRegistry({ types: [Account, other] }));
    expect(error.code).toBe('invalid_definition');
    expect(error.message).toMatchInlineSnapshot(`"Two different definitions share the @type "Account"."`);
    const Holder = defineType({ type: 'Holder', context: '/contexts/Holder.jsonld', vocab: VOCAB, properties: { account: t.node(other) } });
    expect(thrown(() => createRegistry({ types: [ConversationCollection, Holder] })).code).toBe('invalid_definition');
    expect(thrown(() => sampleRegistry.with([other])).code).toBe('invalid_definition');
  });

  it('accepts the same definition reached twice', () => {
    const registry = createRegistry({ types: [Account, Account, ConversationCollection, Message] });
    expect(registry.lookup('Account')).toBe(Account);
    // Everything reachable through extends and t.node(…), but not what an any-node list may hold.
    expect(registry.types.size).toBe(9);
    expect(registry.lookup('ContactPhone')).toBeUndefined();
  });

  it('registers the types a type extends or embeds, and finds them by term', () => {
    expect(sampleRegistry.lookup('Message')).toBe(Message);
    expect(sampleRegistry.lookup('hydra:Collection')?.type).toBe('hydra:Collection');
    expect(sampleRegistry.lookup('Nope')).toBeUndefined();
    expect(thrown(() => sampleRegistry.get('Nope' as never)).code).toBe('unknown_type');
  });

  it('keeps extra context documents, a given one winning over generation on a URL types declare (issue 15)', () => {
    const extra = { '@context': { '@vocab': 'https://other.example/vocab#' } };
    const registry = createRegistry({
      types: [Account],
      contexts: { '/contexts/Other.jsonld': extra, '/contexts/Account.jsonld': extra },
    });
    expect(registry.context('/contexts/Other.jsonld')).toBe(extra);
    // The given document is registered as is: it defines none of Account's keys, so it passes the check.
    expect(registry.context('/contexts/Account.jsonld')).toBe(extra);
    expect(createRegistry({ types: [Account] }).context('/contexts/Account.jsonld')).toEqual(contextDocument([Account]));
    // A document using the extra context decodes without unknownContext: 'ignore'.
    expect(registry.decode({ '@type': 'Account', '@context': '/contexts/Other.jsonld', id: '/a', name: 'n' })).toBeDefined();
  });

  it('checks the definitions against a given document: a key it defines must mean the property IRI', () => {
    const published = { '@context': { dc: 'http://purl.org/dc/terms/', name: 'dc:title' } };
    let error: unknown;
    try {
      createRegistry({ types: [Account], contexts: { '/contexts/Account.jsonld': published } });
    } catch (caught) {
      error = caught;
    }
    expect(HyperldError.is(error) && error.code).toBe('invalid_definition');
    expect((error as Error).message).toMatchInlineSnapshot(
      `"Context /contexts/Account.jsonld: term "name" means <http://purl.org/dc/terms/title> there, but "Account" declares it as <https://sample.example/vocab#name>."`,
    );
    // An identifier's key that the document defines must alias @id.
    expect(() => createRegistry({ types: [Account], contexts: { '/contexts/Account.jsonld': { '@context': { id: 'dc:identifier' } } } })).toThrow(/term "id"/);
  });

  it("registers a type's published contextDocument, reading properties through its terms and @id", () => {
    const published = { '@context': { ex: VOCAB, label: 'ex:name' } };
    const Thing = defineType({ type: 'Thing', context: 'https://published.example/context', contextDocument: published, vocab: VOCAB, properties: { name: t.string() } });
    const registry = createRegistry({ types: [Thing] });
    expect(registry.context('https://published.example/context')).toBe(published);
    // `label` is the document's term for the property, `@id` the identifier (no alias here).
    const doc = { '@type': 'Thing', '@context': 'https://published.example/context', '@id': '/things/1', label: 'A' };
    expect(registry.decode(doc, { strict: true, unknownProperties: 'error' })).toBe(doc);
    expect(registry.encodeText(registry.decode(JSON.stringify(doc)))).toBe(JSON.stringify(doc));
    const missing = { '@type': 'Thing', '@context': 'https://published.example/context', '@id': '/things/1' };
    expect(registry.validate(missing).map((v) => `${v.code} ${v.path}`)).toEqual(['missing_property $.label']);
  });

  it('finds a context by a URL resolved against a base', () => {
    const doc = sampleRegistry.context('/contexts/Account.jsonld');
    expect(doc).toBeDefined();
    expect(sampleRegistry.context('https://api.example/contexts/Account.jsonld', 'https://api.example/accounts/1')).toBe(doc);
    expect(sampleRegistry.context('../contexts/Account.jsonld', 'https://api.example/accounts/1')).toBe(doc);
    expect(sampleRegistry.context('https://elsewhere.example/contexts/Account.jsonld', 'https://api.example/accounts/1')).toBeUndefined();
  });
});

describe('registry.nodes', () => {
  it('lists every node as the validator sees it, embedded collections read through their own context', () => {
    const found = sampleRegistry.nodes(body).map(({ path, node }) => `${path} ${String(node['@type'])}`);
    expect(found).toEqual([
      '$ ConversationCollection',
      '$.members[0] ConversationWithAccount',
      '$.members[0].account Account',
      '$.members[0].latestPreviewableItem Message',
      '$.members[0].latestPreviewableItem.attachments hydra:Collection',
      '$.members[0].requestingUserInfo ConversationUserInfo',
      '$.members[0].assignedContact Contact',
      '$.members[0].assignedContact.phones hydra:Collection',
      '$.members[0].assignedContact.phones.members[0] ContactPhone',
      '$.view hydra:PartialCollectionView',
    ]);
  });

  it('throws the decode error of an invalid document', () => {
    const bad = seed();
    bad.totalItems = 'x';
    expect(() => sampleRegistry.nodes(bad)).toThrow(DecodeError);
  });
});

describe('registry.definitionOf', () => {
  const VIEW_CONTEXT = '/contexts/hydra-terms.jsonld';
  // A context of the Hydra vocabulary's own terms, as Hydra's context names them.
  const registry = sampleRegistry.with([], { [VIEW_CONTEXT]: { '@context': { hydra: HYDRA, Collection: 'hydra:Collection', PartialView: { '@id': 'hydra:PartialCollectionView' } } } });

  it('finds a node by its @type term', () => {
    expect(registry.definitionOf({ '@type': 'Account', name: 'A' })).toBe(Account);
    expect(registry.definitionOf({ '@type': 'hydra:Collection' })?.type).toBe('hydra:Collection');
  });

  it('finds a node whose @type is a full IRI, by the class IRI', () => {
    expect(registry.definitionOf({ '@type': `${VOCAB}Account` })).toBe(Account);
    expect(registry.definitionOf({ '@type': `${HYDRA}Collection` })?.type).toBe('hydra:Collection');
  });

  it('finds a node whose @type is a compact IRI, through the standard prefixes', () => {
    expect(registry.definitionOf({ '@type': 'hydra:PartialCollectionView' })?.type).toBe('hydra:PartialCollectionView');
    const Thing = defineType({ type: 'Thing', iri: `${HYDRA}Thing`, context: '/contexts/Thing.jsonld', vocab: VOCAB, properties: {} });
    expect(createRegistry({ types: [Thing] }).definitionOf({ '@type': 'hydra:Thing' })).toBe(Thing);
  });

  it("finds a node whose @type is a term of its context, the context URL resolved against the base", () => {
    expect(registry.definitionOf({ '@type': 'Collection', '@context': VIEW_CONTEXT })?.type).toBe('hydra:Collection');
    expect(registry.definitionOf({ '@type': 'PartialView', '@context': VIEW_CONTEXT })?.type).toBe('hydra:PartialCollectionView');
    const relative = { '@type': 'Collection', '@context': '../contexts/hydra-terms.jsonld' };
    expect(registry.definitionOf(relative)).toBeUndefined();
    expect(registry.definitionOf(relative, { base: 'https://api.example/things/1' })?.type).toBe('hydra:Collection');
    // A decoded node carries its base: asked without one, the node's own is used.
    const decoded = registry.decode({ ...relative, id: '/c', members: [], totalItems: 0 }, { base: 'https://api.example/things/1' });
    expect(registry.definitionOf(decoded)?.type).toBe('hydra:Collection');
  });

  it('finds a node whose @type is a compact IRI with a prefix its inline context defines, alone or after a URL', () => {
    const [ns, local] = [VOCAB, 'Account'];
    expect(registry.definitionOf({ '@context': { v: ns }, '@type': `v:${local}` })).toBe(Account);
    expect(registry.definitionOf({ '@context': [VIEW_CONTEXT, { v: ns }], '@type': `v:${local}` })).toBe(Account);
    expect(registry.definitionOf({ '@context': [VIEW_CONTEXT, { v: ns }], '@type': 'PartialView' })?.type).toBe('hydra:PartialCollectionView');
    expect(registry.definitionOf({ '@context': { Konto: { '@id': `${VOCAB}Account` } }, '@type': 'Konto' })).toBe(Account);
    // A prefix no context defines stands for nothing.
    expect(registry.definitionOf({ '@context': { w: ns }, '@type': `v:${local}` })).toBeUndefined();
  });

  it('answers undefined for no @type, one that is not a non-empty string or array of them, and an unregistered one', () => {
    for (const type of [undefined, '', 42, [], ['Account', 42], ['Novel'], 'Novel', `${VOCAB}Novel`, 'unknown:Account']) {
      expect(registry.definitionOf(type === undefined ? {} : { '@type': type })).toBeUndefined();
    }
  });

  it('agrees with decoding: every node the validator sees has the definition whose type decoded it', () => {
    fc.assert(
      fc.property(arbitraryDocument(sampleRegistry, { maxDepth: 2 }), (doc) => {
        for (const { node } of sampleRegistry.nodes(doc)) {
          expect(sampleRegistry.definitionOf(node)).toBe(sampleRegistry.lookup(node['@type'] as string));
        }
      }),
      { numRuns: 100 },
    );
  });
});
