/**
 * The codec against bad and hostile input (every failure is a `DecodeError` naming the code and
 * JSON path) and against good input it must keep byte for byte.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { seedBodyText } from '@hyperld/fixtures';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  Account,
  Conversation,
  ConversationCollection,
  Message,
  sampleRegistry,
  VOCAB,
} from '../__fixtures__/sample-vocab.js';
import {
  baseOf,
  createRegistry,
  DecodeError,
  defineType,
  HyperldError,
  isDecodeError,
  isHyperldError,
  metaOf,
  t,
  type DecodeOptions,
  type Registry,
} from '../index.js';

/** The seed's JSON body: everything after the line `Example Body`. */
const body = seedBodyText();
const BASE = 'https://api.example/contacts/DQeeO69/conversations';

// Documents are mutated freely in tests, so they are `any` here.
type Doc = any;

/** A fresh parsed copy of the seed. */
const seed = (): Doc => JSON.parse(body);
/** A fresh, valid top-level Message document (the seed's latest previewable item). */
const message = (): Doc => seed().members[0].latestPreviewableItem;
/** A fresh, valid top-level Account document. */
const account = (): Doc => ({ '@type': 'Account', '@context': '/contexts/Account.jsonld', id: '/accounts/my_account', name: 'Example Account' });

/** Decodes, expecting a `DecodeError`, and returns it. */
function decodeError(input: unknown, options?: DecodeOptions, registry: Registry = sampleRegistry): DecodeError {
  try {
    registry.decode(input, options);
  } catch (error) {
    expect(error).toBeInstanceOf(DecodeError);
    expect(error).toBeInstanceOf(HyperldError);
    expect(isDecodeError(error)).toBe(true);
    expect(isHyperldError(error)).toBe(true);
    return error as DecodeError;
  }
  return expect.unreachable('the document decoded');
}

/** `code path` of every violation, for compact assertions. */
const summary = (error: DecodeError): string[] => error.violations.map((v) => `${v.code} ${v.path}`);

/** Builds `{"a":{"a":…}}` (or arrays) nested `depth` levels deep, without recursion. */
function nested(depth: number, kind: 'object' | 'array' = 'object'): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = kind === 'object' ? { a: value } : [value];
  return value;
}

/** The same, as text, without building the value. */
function nestedText(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** Asserts the same keys in the same order at every level. */
function expectSameKeyOrder(actual: unknown, expected: unknown, path = '$'): void {
  if (typeof expected !== 'object' || expected === null) return;
  expect(Object.keys(actual as object), path).toEqual(Object.keys(expected));
  for (const k of Object.keys(expected)) {
    expectSameKeyOrder((actual as Record<string, unknown>)[k], (expected as Record<string, unknown>)[k], `${path}.${k}`);
  }
}

describe('decode: text that is not a node', () => {
  it('rejects text that is not JSON with invalid_json at $, keeping the parser error as cause', () => {
    const error = decodeError('{"@type": "Account",');
    expect(error.code).toBe('invalid_json');
    expect(error.path).toBe('$');
    expect(error.violations).toHaveLength(1);
    expect(error.cause).toBeInstanceOf(SyntaxError);
    expect(decodeError('').code).toBe('invalid_json');
    expect(decodeError('not json').code).toBe('invalid_json');
  });

  it.each([
    ['42', 'number 42'],
    ['[]', 'an array of 0'],
    ['"x"', 'string "x"'],
    ['null', 'null'],
    ['true', 'boolean true'],
  ])('rejects the JSON document %s: not_an_object at $', (text, found) => {
    const error = decodeError(text);
    expect(error.code).toBe('not_an_object');
    expect(error.path).toBe('$');
    expect(error.violations[0]?.found).toBe(found);
    // A parsed value fails the same way as its text (a string input is always text).
    if (typeof JSON.parse(text) !== 'string') expect(summary(decodeError(JSON.parse(text)))).toEqual(summary(error));
  });

  it('names the first violation in the message', () => {
    expect(decodeError('[]').message).toMatchInlineSnapshot(`"$: expected a JSON object (a node), found an array of 0 (not_an_object)"`);
  });
});

describe('decode: @type', () => {
  it('rejects a node without @type', () => {
    const { ['@type']: _, ...noType } = account();
    const error = decodeError(noType);
    expect(error.code).toBe('missing_type');
    expect(error.path).toBe('$["@type"]');
    expect(error.message).toMatchInlineSnapshot(`"$["@type"]: expected a "@type", found no "@type" (missing_type)"`);
  });

  it.each([
    ['a number', 7, 'number 7'],
    // An array of types is JSON-LD's several types (decoded by the first registered one); an
    // empty one, or one holding anything but non-empty strings, is not a type.
    ['an empty array', [], 'an array of 0'],
    ['an array holding a number', ['Account', 7], 'an array of 2'],
    ['an empty string', '', 'string ""'],
    ['null', null, 'null'],
    ['an object', { id: 'Account' }, 'an object'],
  ])('rejects @type that is %s: invalid_type', (_, type, found) => {
    const error = decodeError({ ...account(), '@type': type });
    expect(error.code).toBe('invalid_type');
    expect(error.path).toBe('$["@type"]');
    expect(error.violations[0]?.found).toBe(found);
  });

  it('rejects an embedded node without @type at its path', () => {
    const doc = seed();
    delete doc.members[0].account['@type'];
    expect(summary(decodeError(doc))).toEqual(['missing_type $.members[0].account["@type"]']);
  });

  it('decodes a top-level node of an unregistered type as a generic node by default', () => {
    const novelty = { '@type': 'Novelty', id: '/novelties/1', nested: { deep: [1, { x: null }] } };
    const node = sampleRegistry.decode(novelty);
    expect(node).toBe(novelty);
    expect(node['@type']).toBe('Novelty');
  });

  it('rejects an unregistered type in strict mode: unknown_type', () => {
    const error = decodeError({ '@type': 'Novelty', id: '/novelties/1' }, { strict: true });
    expect(summary(error)).toEqual(['unknown_type $["@type"]']);
    expect(error.message).toMatchInlineSnapshot(`"$["@type"]: expected a registered type, found string "Novelty" (unknown_type)"`);
  });

  it('keeps an embedded node of an unregistered type under an any-node property unless strict', () => {
    const doc = seed();
    doc.members[0].assignedContact.phones.members.push({ '@type': 'FaxNumber', id: '/faxes/1', fax: '+1 303' });
    expect(sampleRegistry.decode(doc)).toBe(doc);
    expect(summary(decodeError(doc, { strict: true }))).toEqual([
      'unknown_type $.members[0].assignedContact.phones.members[1]["@type"]',
    ]);
  });
});

describe('decode: properties', () => {
  it('reports a value of the wrong kind at depth with its full path', () => {
    const doc = seed();
    doc.members[0].account.name = 42;
    const error = decodeError(doc);
    expect(error.code).toBe('wrong_kind');
    expect(error.path).toBe('$.members[0].account.name');
    expect(error.violations).toEqual([{ code: 'wrong_kind', path: '$.members[0].account.name', expected: 'a string', found: 'number 42' }]);
    expect(error.message).toMatchInlineSnapshot(`"$.members[0].account.name: expected a string, found number 42 (wrong_kind)"`);
  });

  it('lists every violation, in document order', () => {
    const doc = seed();
    const member = doc.members[0];
    member.slug = null; // not nullable
    member.account.name = 42; // `account` comes before `latestPreviewableItem` in the document, after it in the definition
    member.latestPreviewableItem.direction = 'sideways';
    member.latestPreviewableItem.body = 7;
    member.assignedContact.phones.members[0].contact = 'not a link';
    doc.totalItems = 'one';
    doc.view.next = 5;
    const error = decodeError(doc);
    expect(summary(error)).toEqual([
      'wrong_kind $.members[0].slug',
      'wrong_kind $.members[0].account.name',
      'invalid_enum $.members[0].latestPreviewableItem.direction',
      'wrong_kind $.members[0].latestPreviewableItem.body',
      'invalid_iri $.members[0].assignedContact.phones.members[0].contact',
      'wrong_kind $.totalItems',
      'wrong_kind $.view.next',
    ]);
    expect(error.code).toBe('wrong_kind');
    expect(error.path).toBe('$.members[0].slug');
    expect(error.message).toMatchInlineSnapshot(`"$.members[0].slug: expected a string, found null (wrong_kind) (and 6 more)"`);
    // validate() reports the same list without throwing.
    expect(sampleRegistry.validate(doc)).toEqual(error.violations);
  });

  it('stops at maxViolations, keeping the first ones in document order', () => {
    const doc = seed();
    for (const key of ['body', 'formattedBody', 'friendlyStateDescription', 'source']) doc.members[0].latestPreviewableItem[key] = 0;
    const error = decodeError(doc, { maxViolations: 2 });
    expect(summary(error)).toEqual(['wrong_kind $.members[0].latestPreviewableItem.body', 'wrong_kind $.members[0].latestPreviewableItem.formattedBody']);
    expect(decodeError(doc).violations).toHaveLength(4);
  });

  it('reports violations in the document order of the keys, not the definition order', () => {
    // Keys in the reverse of the definition's order.
    const reversed: Doc = Object.fromEntries(Object.entries(message()).reverse());
    reversed.direction = 'sideways';
    reversed.source = 1;
    expect(summary(decodeError(reversed))).toEqual(['wrong_kind $.source', 'invalid_enum $.direction']);
  });

  it('reports a missing required property, and every one missing', () => {
    const doc = message();
    delete doc.body;
    delete doc.retryAllowed;
    const error = decodeError(doc);
    expect(summary(error)).toEqual(['missing_property $.body', 'missing_property $.retryAllowed']);
    expect(error.violations[0]).toEqual({ code: 'missing_property', path: '$.body', expected: 'a string', found: 'nothing' });
    expect(error.message).toMatchInlineSnapshot(`"$.body: expected a string, found nothing (missing_property) (and 1 more)"`);
  });

  it('treats an own undefined in a hand-built node as absent', () => {
    expect(summary(decodeError({ ...account(), name: undefined }))).toEqual(['missing_property $.name']);
  });

  it('lets optional properties be absent and nullable ones be null, and nothing else', () => {
    const doc = seed();
    const member = doc.members[0];
    delete member.closeConversation; // optional
    member.reopenConversation = null; // nullable and optional
    member.latestPreviewableItem = null; // nullable
    delete doc.view; // optional
    expect(sampleRegistry.decode(doc)).toBe(doc);
    member.timeline = null;
    delete member.stats;
    expect(summary(decodeError(doc))).toEqual(['wrong_kind $.members[0].timeline', 'missing_property $.members[0].stats']);
  });

  it('rejects a value outside a closed enumeration: invalid_enum', () => {
    const doc = seed();
    doc.members[0].currentState = 'archived';
    const error = decodeError(doc);
    expect(summary(error)).toEqual(['invalid_enum $.members[0].currentState']);
    expect(error.message).toMatchInlineSnapshot(`"$.members[0].currentState: expected one of "open", "closed", "blocked", found string "archived" (invalid_enum)"`);
    doc.members[0].currentState = 3;
    expect(summary(decodeError(doc))).toEqual(['wrong_kind $.members[0].currentState']);
  });

  it('accepts a new value of an open enumeration (deliveryState), but only a string', () => {
    const doc = message();
    doc.deliveryState = 'carrier_filtered';
    expect(sampleRegistry.decodeAs(Message, doc).deliveryState).toBe('carrier_filtered');
    doc.deliveryState = 4;
    expect(summary(decodeError(doc))).toEqual(['wrong_kind $.deliveryState']);
  });

  it.each([
    ['yesterday'],
    ['2018-07-24'],
    ['2018-07-24 20:59:32Z'],
    ['2018-07-24T20:59:32.156'],
    ['24/07/2018T20:59Z'],
  ])('rejects the date-time %j: invalid_date_time', (value) => {
    const doc = message();
    doc.displayTimestamp = value;
    expect(summary(decodeError(doc))).toEqual(['invalid_date_time $.displayTimestamp']);
  });

  it.each([['2018-07-24T20:59:32.156Z'], ['2018-07-24T20:59Z'], ['2018-07-24T20:59:32+02:00'], ['2018-07-24T20:59:32.123456-0500']])(
    'accepts the date-time %j, kept as sent',
    (value) => {
      const doc = message();
      doc.displayTimestamp = value;
      expect(sampleRegistry.decodeAs(Message, doc).displayTimestamp).toBe(value);
    },
  );

  it('rejects a non-integer where an integer is declared: invalid_integer; a string is wrong_kind', () => {
    const doc = seed();
    doc.totalItems = 1.5;
    const error = decodeError(doc);
    expect(summary(error)).toEqual(['invalid_integer $.totalItems']);
    expect(error.message).toMatchInlineSnapshot(`"$.totalItems: expected an integer, found number 1.5 (invalid_integer)"`);
    doc.totalItems = '1';
    expect(summary(decodeError(doc))).toEqual(['wrong_kind $.totalItems']);
    doc.totalItems = 1e3;
    expect(sampleRegistry.decode(doc)).toBe(doc);
  });

  it('accepts any JSON value for @json data, null included', () => {
    for (const data of [null, 0, 'text', false, [], [null, { a: [1] }], { customSettings: {} }]) {
      const doc = seed();
      doc.members[0].assignedContact.data = data;
      expect(sampleRegistry.decode(doc)).toBe(doc);
    }
  });

  it('rejects a list that is not an array, and a null item in a list of non-null items', () => {
    const doc = message();
    doc.flags = 'urgent';
    expect(summary(decodeError(doc))).toEqual(['wrong_kind $.flags']);
    doc.flags = ['a', null, 3];
    expect(summary(decodeError(doc))).toEqual(['wrong_kind $.flags[1]', 'wrong_kind $.flags[2]']);
  });

  it('rejects a value that fits no branch of a union', () => {
    const doc = seed();
    doc.members[0].requestingUserInfo = 12;
    const error = decodeError(doc);
    expect(summary(error)).toEqual(['wrong_kind $.members[0].requestingUserInfo']);
    expect(error.violations[0]?.expected).toBe('a link (IRI) or a ConversationUserInfo node');
  });

  it('quotes keys that are not identifiers in paths', () => {
    const Odd = defineType({ type: 'Odd', context: '/contexts/Odd.jsonld', vocab: VOCAB, properties: { 'first-name': t.string(), 'a b': t.integer() } });
    const registry = createRegistry({ types: [Odd] });
    const error = decodeError({ '@type': 'Odd', id: '/odd', 'first-name': 1, 'a b': 0.5 }, undefined, registry);
    expect(summary(error)).toEqual(['wrong_kind $["first-name"]', 'invalid_integer $["a b"]']);
  });
});

describe('decode: links and embedded nodes', () => {
  it.each([
    ['a space', '/conversations/Pvwqm5G /close'],
    ['<', '/conversations/<script>'],
    ['a bad scheme', '1http://example.com/x'],
    ['a colon after a character no scheme may start with', '-a:b'],
    ['a quote', '/x"y'],
  ])('rejects a link with %s: invalid_iri', (_, link) => {
    const doc = seed();
    doc.members[0].timeline = link;
    const error = decodeError(doc);
    expect(summary(error)).toEqual(['invalid_iri $.members[0].timeline']);
  });

  it('rejects an invalid id the same way', () => {
    expect(summary(decodeError({ ...account(), id: 'has space' }))).toEqual(['invalid_iri $.id']);
  });

  it('accepts relative, absolute, fragment and query IRI references', () => {
    for (const link of ['/conversations/Pvwqm5G/timeline', 'https://api.example/x?y=1#z', '#frag', '?page=2', 'urn:uuid:1234', 'timeline']) {
      const doc = seed();
      doc.members[0].timeline = link;
      expect(sampleRegistry.decode(doc)).toBe(doc);
    }
  });

  it('rejects an embedded node of a type the property does not accept: unexpected_type', () => {
    const doc = message();
    doc.attachments = account();
    const error = decodeError(doc);
    expect(summary(error)).toEqual(['unexpected_type $.attachments["@type"]']);
    expect(error.message).toMatchInlineSnapshot(`"$.attachments["@type"]: expected "hydra:Collection", found string "Account" (unexpected_type)"`);
    // An unregistered type is not accepted there either, strict or not.
    doc.attachments = { '@type': 'Novelty', id: '/n' };
    expect(summary(decodeError(doc))).toEqual(['unexpected_type $.attachments["@type"]']);
  });

  it('rejects a string where an embedded node is required (no link branch)', () => {
    const doc = message();
    doc.attachments = '/messages/joZqVWd/attachments';
    expect(summary(decodeError(doc))).toEqual(['wrong_kind $.attachments']);
  });

  it('accepts an embedded node of a subtype of the declared type', () => {
    const Inbox = defineType({ type: 'Inbox', context: '/contexts/Inbox.jsonld', vocab: VOCAB, properties: { pinned: t.node(Conversation) } });
    const registry = sampleRegistry.with([Inbox]);
    const pinned = seed().members[0];
    expect(pinned['@type']).toBe('ConversationWithAccount');
    const inbox = { '@type': 'Inbox', '@context': '/contexts/Inbox.jsonld', id: '/inbox', pinned };
    expect(registry.decode(inbox)).toBe(inbox);
    // …and a ConversationCollection (which extends hydra:Collection) where hydra:Collection is expected.
    const doc = message();
    doc.attachments = { '@type': 'ConversationCollection', id: '/c', members: [], totalItems: 0 };
    expect(sampleRegistry.decode(doc)).toBe(doc);
    // The subtype is validated as itself: its own properties are required.
    delete pinned.account;
    expect(summary(decodeError(inbox, undefined, registry))).toEqual(['missing_property $.pinned.account']);
    // A supertype is not accepted where the subtype is declared.
    const page = seed();
    page.members[0]['@type'] = 'Conversation';
    expect(summary(decodeError(page))).toEqual(['unexpected_type $.members[0]["@type"]']);
  });

  it('decodeAs rejects a document of another type, and accepts a subtype', () => {
    const error = (() => {
      try {
        sampleRegistry.decodeAs(Account, message());
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(isDecodeError(error)).toBe(true);
    expect((error as DecodeError).code).toBe('unexpected_type');
    expect((error as DecodeError).path).toBe('$["@type"]');
    expect((error as DecodeError).message).toMatchInlineSnapshot(`"$["@type"]: expected "Account", found string "Message" (unexpected_type)"`);
    const member = seed().members[0];
    expect(sampleRegistry.decodeAs(Conversation, member)).toBe(member);
  });
});

describe('decode: unknown properties', () => {
  it('keeps properties the type does not declare (a newer server), unless unknownProperties is error', () => {
    const doc = seed();
    doc.members[0].engagementScore = 0.8;
    doc.members[0].account.tier = { name: 'gold', since: null };
    expect(sampleRegistry.decode(doc)).toBe(doc);
    expect(doc.members[0].engagementScore).toBe(0.8);
    const error = decodeError(doc, { unknownProperties: 'error' });
    // The seed itself carries undeclared action links (readConversation, …); they come in document order too.
    expect(summary(error)).toContain('unknown_property $.members[0].engagementScore');
    expect(summary(error)).toContain('unknown_property $.members[0].account.tier');
    expect(summary(error).indexOf('unknown_property $.members[0].account.tier')).toBeLessThan(
      summary(error).indexOf('unknown_property $.members[0].readConversation'),
    );
    expect(error.violations.find((v) => v.path === '$.members[0].engagementScore')?.found).toBe('number 0.8');
  });

  it('rejects only undeclared keys with unknownProperties: error (keywords other than @id are not properties)', () => {
    expect(sampleRegistry.decode(account(), { unknownProperties: 'error' })).toBeDefined();
    // `@id` is the identifier itself, whatever alias the context gives it (issue 15).
    const { id, ...rest } = account();
    expect(sampleRegistry.decode({ ...rest, '@id': id }, { unknownProperties: 'error' })).toBeDefined();
    expect(summary(decodeError({ ...account(), '@graph': [] }, { unknownProperties: 'error' }))).toEqual(['unknown_property $["@graph"]']);
  });
});

describe('decode: @context', () => {
  it('rejects a context URL that is not registered: unknown_context, and never fetches it', () => {
    const doc = { ...account(), '@context': 'https://evil.example/context.jsonld' };
    const error = decodeError(doc);
    expect(summary(error)).toEqual(['unknown_context $["@context"]']);
    expect(error.message).toMatchInlineSnapshot(`"$["@context"]: expected a registered context URL (contexts are never fetched), found string "https://evil.example/context.jsonld" (unknown_context)"`);
  });

  it('has no way to fetch: no network call in any core source, none made while decoding', () => {
    // Every source file of the package, in every folder of src/.
    const dir = new URL('..', import.meta.url);
    const sources = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.includes('.test'));
    expect(sources).toContain('codec/registry.ts');
    for (const file of sources) {
      const text = readFileSync(new URL(file, dir), 'utf8');
      expect(text, file).not.toMatch(/\bfetch\s*\(|XMLHttpRequest|from ['"]node:(http|https|net)['"]/);
    }
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    try {
      decodeError({ ...account(), '@context': 'https://evil.example/context.jsonld' });
      sampleRegistry.decode({ ...account(), '@context': 'https://evil.example/context.jsonld' }, { unknownContext: 'ignore' });
      expect(fetchSpy).not.toHaveBeenCalled();
    } finally {
      fetchSpy.mockRestore();
    }
  });

  it('accepts an unregistered context URL with unknownContext: ignore', () => {
    const doc = { ...account(), '@context': 'https://evil.example/context.jsonld' };
    expect(sampleRegistry.decode(doc, { unknownContext: 'ignore' })).toBe(doc);
    const list = { ...account(), '@context': ['/contexts/Account.jsonld', 'https://other.example/c.jsonld'] };
    expect(summary(decodeError(list))).toEqual(['unknown_context $["@context"][1]']);
    expect(sampleRegistry.decode(list, { unknownContext: 'ignore' })).toBe(list);
  });

  it('resolves relative and absolute context URLs against the base', () => {
    const absolute = { ...account(), '@context': 'https://api.example/contexts/Account.jsonld' };
    // Without a base, an absolute URL cannot be matched to the registered relative one.
    expect(summary(decodeError(absolute))).toEqual(['unknown_context $["@context"]']);
    expect(sampleRegistry.decode(absolute, { base: BASE })).toBe(absolute);
    // Another origin is another context.
    expect(summary(decodeError({ ...account(), '@context': 'https://other.example/contexts/Account.jsonld' }, { base: BASE }))).toEqual([
      'unknown_context $["@context"]',
    ]);
    // A path-relative URL resolves against the base's directory.
    const relative = { ...account(), '@context': '../contexts/Account.jsonld' };
    expect(sampleRegistry.decode(relative, { base: 'https://api.example/accounts/my_account' })).toBe(relative);
    expect(summary(decodeError(relative, { base: 'https://api.example/a/b/c' }))).toEqual(['unknown_context $["@context"]']);
    // The registry's own lookup resolves the same way.
    expect(sampleRegistry.context('https://api.example/contexts/Account.jsonld', BASE)).toBe(sampleRegistry.context('/contexts/Account.jsonld'));
    expect(sampleRegistry.context('https://api.example/contexts/Account.jsonld')).toBeUndefined();
  });

  it('accepts a context array and an inline context object, and rejects other values', () => {
    const list = { ...account(), '@context': ['/contexts/Account.jsonld', { extra: 'https://example.com/extra#' }, null] };
    expect(sampleRegistry.decode(list)).toBe(list);
    const inline = { ...account(), '@context': { '@vocab': VOCAB, id: '@id' } };
    expect(sampleRegistry.decode(inline)).toBe(inline);
    expect(sampleRegistry.decode({ ...account(), '@context': null })).toBeDefined();
    expect(summary(decodeError({ ...account(), '@context': 5 }))).toEqual(['invalid_context $["@context"]']);
    expect(summary(decodeError({ ...account(), '@context': ['/contexts/Account.jsonld', 5] }))).toEqual(['invalid_context $["@context"][1]']);
  });

  it('checks the context of an unknown type too', () => {
    expect(summary(decodeError({ '@type': 'Novelty', '@context': '/contexts/Novelty.jsonld' }))).toEqual(['unknown_context $["@context"]']);
    expect(sampleRegistry.decode({ '@type': 'Novelty', '@context': '/contexts/Novelty.jsonld' }, { unknownContext: 'ignore' })).toBeDefined();
  });
});

describe('decode: limits and hostile input', () => {
  const DEEP = 100_000;

  it('rejects a document nested 100,000 levels deep in an unknown property: max_depth, fast', () => {
    const doc = { ...account(), extra: nested(DEEP) };
    const started = performance.now();
    const error = decodeError(doc);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(error.code).toBe('max_depth');
    expect(error.path).toBe(`$.extra${'.a'.repeat(127)}`);
    expect(error.violations).toHaveLength(1);
    expect(summary(decodeError({ ...account(), extra: nested(DEEP, 'array') }))[0]).toMatch(/^max_depth \$\.extra(\[0\]){127}$/);
  });

  it('rejects @json data nested 100,000 levels deep: max_depth', () => {
    const doc = seed();
    doc.members[0].assignedContact.data = nested(DEEP);
    const error = decodeError(doc);
    expect(error.code).toBe('max_depth');
    expect(error.path.startsWith('$.members[0].assignedContact.data.a.a')).toBe(true);
  });

  it('rejects text nested 100,000 levels deep: max_depth, without a stack overflow', () => {
    const text = `{"@type":"Account","@context":"/contexts/Account.jsonld","id":"/a","name":"n","extra":${nestedText(DEEP)}}`;
    const started = performance.now();
    const error = decodeError(text);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(error.code).toBe('max_depth');
    // An array nested as deep is not a node at all.
    expect(decodeError(`${'['.repeat(DEEP)}${']'.repeat(DEEP)}`).code).toBe('not_an_object');
  });

  it('applies maxDepth exactly: nodes, lists and JSON all count', () => {
    // Account (1) → extra (2) → a (3) → a (4).
    const doc = { ...account(), extra: nested(3) };
    expect(sampleRegistry.decode(doc, { maxDepth: 4 })).toBe(doc);
    expect(summary(decodeError(doc, { maxDepth: 3 }))).toEqual(['max_depth $.extra.a.a']);
    // ConversationCollection (1) → members (2) → member (3) → account (4).
    expect(summary(decodeError(seed(), { maxDepth: 3 }))[0]).toBe('max_depth $.members[0].account');
  });

  it('rejects a text longer than maxSize: max_size, before parsing', () => {
    const error = decodeError(body, { maxSize: body.length - 1 });
    expect(error.code).toBe('max_size');
    expect(error.path).toBe('$');
    expect(sampleRegistry.decode(body, { maxSize: body.length })).toBeDefined();
    // A huge invalid text fails on size, not on syntax.
    expect(decodeError(`{${' '.repeat(1000)}`, { maxSize: 100 }).message).toMatchInlineSnapshot(`"$: expected at most 100 characters (maxSize), found 1001 characters (max_size)"`);
  });

  it('rejects a list longer than maxListLength: max_list_length', () => {
    const doc = message();
    doc.flags = ['a', 'b', 'c'];
    expect(sampleRegistry.decode(doc, { maxListLength: 3 })).toBe(doc);
    const error = decodeError(doc, { maxListLength: 2 });
    expect(summary(error)).toEqual(['max_list_length $.flags']);
    expect(error.message).toMatchInlineSnapshot(`"$.flags: expected at most 2 items (maxListLength), found an array of 3 (max_list_length)"`);
  });

  it('keeps __proto__, constructor and prototype as plain data, at the top level and nested', () => {
    const text =
      '{"@type":"Account","@context":"/contexts/Account.jsonld","id":"/a","name":"n",' +
      '"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"prototype":{"polluted":true},' +
      '"nested":{"__proto__":{"polluted":true},"constructor":"c","prototype":null}}';
    const node = sampleRegistry.decode(text) as Doc;
    expect(Object.getPrototypeOf(node)).toBe(Object.prototype);
    expect(Object.hasOwn(node, '__proto__')).toBe(true);
    expect(Object.hasOwn(node, 'constructor')).toBe(true);
    expect(Object.hasOwn(node.nested, '__proto__')).toBe(true);
    expect(node.nested.constructor).toBe('c');
    expect(sampleRegistry.encodeText(node)).toBe(text);
    expect(({} as Doc).polluted).toBeUndefined();
    expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
    // The same keys inside an embedded node of a declared type.
    const doc = seed();
    const raw = JSON.stringify(doc).replace('"name":"Example Account"', '"name":"Example Account","__proto__":{"polluted":1},"constructor":[]');
    const decoded = sampleRegistry.decode(raw) as Doc;
    expect(Object.hasOwn(decoded.members[0].account, '__proto__')).toBe(true);
    expect(sampleRegistry.encodeText(decoded)).toBe(raw);
    expect(({} as Doc).polluted).toBeUndefined();
    // And they are reported, not followed, when undeclared properties are errors.
    expect(summary(decodeError(text, { unknownProperties: 'error' }))).toEqual([
      'unknown_property $.__proto__',
      'unknown_property $.constructor',
      'unknown_property $.prototype',
      'unknown_property $.nested',
    ]);
  });

  it('never reads a declared property from the prototype (constructor, toString)', () => {
    const Odd = defineType({
      type: 'Odd',
      context: '/contexts/Odd.jsonld',
      vocab: VOCAB,
      properties: { constructor: t.string(), toString: t.string().optional(), valueOf: t.number().nullable() },
    });
    const registry = createRegistry({ types: [Odd] });
    const error = decodeError('{"@type":"Odd","id":"/odd"}', undefined, registry);
    expect(summary(error)).toEqual(['missing_property $.constructor', 'missing_property $.valueOf']);
    const ok = '{"@type":"Odd","id":"/odd","constructor":"c","valueOf":null}';
    expect(registry.encodeText(registry.decodeAs(Odd, ok))).toBe(ok);
    expect(summary(decodeError('{"@type":"Odd","id":"/odd","constructor":1,"toString":2,"valueOf":3}', undefined, registry))).toEqual([
      'wrong_kind $.constructor',
      'wrong_kind $.toString',
    ]);
  });

  it('never throws anything but a DecodeError, whatever JSON it is given', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        try {
          sampleRegistry.decode(value);
          sampleRegistry.decode(JSON.stringify(value), { strict: true });
        } catch (error) {
          expect(isDecodeError(error)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws anything but a DecodeError for the seed with one value replaced by any JSON', () => {
    // Every path to a value in the seed, so the replacement lands on typed properties of every kind.
    const paths: (string | number)[][] = [];
    const walk = (value: unknown, path: (string | number)[]): void => {
      paths.push(path);
      if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) walk(v, [...path, Array.isArray(value) ? Number(k) : k]);
    };
    walk(seed(), []);
    fc.assert(
      fc.property(fc.constantFrom(...paths.filter((p) => p.length > 0)), fc.jsonValue({ maxDepth: 3 }), (path, replacement) => {
        const doc = seed();
        let parent = doc;
        for (const k of path.slice(0, -1)) parent = parent[k];
        parent[path[path.length - 1] as string] = replacement;
        try {
          const node = sampleRegistry.decode(doc);
          expect(sampleRegistry.encodeText(node)).toBe(JSON.stringify(doc));
        } catch (error) {
          expect(isDecodeError(error)).toBe(true);
          for (const v of (error as DecodeError).violations) expect(v.path.startsWith('$')).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('lossless decode → encode', () => {
  it('keeps the seed body: same text, same value, same key order at every level', () => {
    const node = sampleRegistry.decode(body, { base: BASE, strict: true });
    const expected: unknown = JSON.parse(body);
    expect(sampleRegistry.encodeText(node)).toBe(JSON.stringify(expected));
    expect(node).toEqual(expected);
    expectSameKeyOrder(node, expected);
    expect(sampleRegistry.encode(node)).toBe(node);
  });

  it('keeps nulls, empty objects and empty lists as they are', () => {
    const doc = seed();
    const text = JSON.stringify(doc);
    const node = sampleRegistry.decode(text) as Doc;
    expect(node.members[0].nextScheduledMessage).toBeNull();
    expect(node.members[0].assignedContact.data).toEqual({});
    expect(node.members[0].latestPreviewableItem.flags).toEqual([]);
    expect(node.members[0].latestPreviewableItem.attachments.members).toEqual([]);
    expect(node.view.next).toBeNull();
    expect(sampleRegistry.encodeText(node)).toBe(text);
  });

  it('keeps unknown properties of a newer server, in place', () => {
    const text = JSON.stringify(seed()).replace('"blocked":false,', '"blocked":false,"engagementScore":0.75,"labels":[],"extra":{"a":null},');
    const node = sampleRegistry.decode(text) as Doc;
    expect(node.members[0].engagementScore).toBe(0.75);
    expect(Object.keys(node.members[0]).indexOf('engagementScore')).toBe(Object.keys(node.members[0]).indexOf('blocked') + 1);
    expect(sampleRegistry.encodeText(node)).toBe(text);
  });

  it.each([
    ['a URL', '/contexts/Account.jsonld'],
    ['an array', ['/contexts/Account.jsonld', { extra: 'https://example.com/extra#' }]],
    ['an inline object', { '@vocab': VOCAB, id: '@id', name: { '@id': 'https://schema.org/name' } }],
  ])('keeps @context as %s', (_, context) => {
    const text = JSON.stringify({ ...account(), '@context': context });
    expect(sampleRegistry.encodeText(sampleRegistry.decode(text))).toBe(text);
  });

  it('keeps 1.0 as the value 1 (JSON does not tell them apart)', () => {
    const text = JSON.stringify(seed()).replace('"totalItems":1', '"totalItems":1.0');
    expect(text).toContain('1.0');
    const node = sampleRegistry.decode(text) as Doc;
    expect(node.totalItems).toBe(1);
    expect(JSON.parse(sampleRegistry.encodeText(node))).toEqual(JSON.parse(text));
    expect(sampleRegistry.encodeText(node)).toBe(JSON.stringify(JSON.parse(text)));
  });

  it('keeps any JSON under an unknown property and in @json data, as text', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.jsonValue({ maxDepth: 8 }), (extra, data) => {
        const doc = seed();
        doc.members[0].extra = extra;
        doc.members[0].assignedContact.formattedData = data;
        const text = JSON.stringify(doc);
        expect(sampleRegistry.encodeText(sampleRegistry.decode(text))).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });

  it('returns the very object it was given (validated in place, never copied)', () => {
    const doc = seed();
    const node = sampleRegistry.decode(doc) as Doc;
    expect(node).toBe(doc);
    expect(node.members[0]).toBe(doc.members[0]);
    const m = message();
    expect(sampleRegistry.decodeAs(Message, m)).toBe(m);
  });

  it('records the base and registry for the root and for list items, not deeper nodes', () => {
    const node = sampleRegistry.decode(body, { base: BASE }) as Doc;
    for (const n of [node, node.members[0]]) expect(metaOf(n)).toEqual({ base: BASE, registry: sampleRegistry });
    // Other embedded nodes carry nothing: a WeakMap entry per node cost more than JSON.parse itself.
    for (const n of [node.members[0].account, node.members[0].latestPreviewableItem.attachments, node.view]) {
      expect(metaOf(n)).toBeUndefined();
    }
    // Without a base the registry is still known.
    const other = sampleRegistry.decode(body) as Doc;
    expect(baseOf(other)).toBeUndefined();
    expect(metaOf(other)?.registry).toBe(sampleRegistry);
    // A failed decode records nothing.
    const bad = seed();
    bad.totalItems = 'x';
    expect(() => sampleRegistry.decode(bad, { base: BASE })).toThrow(DecodeError);
    expect(metaOf(bad)).toBeUndefined();
  });

  it('decodes the seed as typed nodes', () => {
    const page = sampleRegistry.decodeAs(ConversationCollection, body);
    const first = page.members[0];
    expect(first?.['@type']).toBe('ConversationWithAccount');
    expect(first?.currentState).toBe('open');
    const accountNode = first?.account;
    expect(typeof accountNode === 'object' && accountNode.name).toBe('Example Account');
    expect(sampleRegistry.decodeAs(Account, account()).name).toBe('Example Account');
  });
});
