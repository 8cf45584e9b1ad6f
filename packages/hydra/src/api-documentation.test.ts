import { HYDRA_CONTEXT_DOCUMENT } from './contexts/hydra-context.js';
import { HYDRA, XSD, type AnyKind, type AnyTypeDef } from '@hyperld/core';
import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { Conversation, CONVERSATION_ACTIONS, conversationRegistry, ConversationCollection, ConversationWithAccount, Message, VOCAB } from './__fixtures__/conversations.js';
import { actionSpecOf } from './actions.js';
import { apiDocumentation, propertyIri } from './api-documentation.js';
import { HYDRA_CONTEXT, hydraRegistry } from './vocabulary.js';

const BASE = 'https://api.textus.example/docs.jsonld';
const doc = apiDocumentation(conversationRegistry, {
  id: '/docs.jsonld',
  title: 'TextUs (test)',
  entrypoint: '/',
  possibleStatus: (op) => (op.method === 'GET' ? [401, 404] : op.action === 'closeConversation' ? [401, 404, 409] : [401, 404]),
});
const ownTypes = [...conversationRegistry.types.values()].filter((def) => !def.iri.startsWith(HYDRA));

type Node = Record<string, unknown>;
const classOf = (def: AnyTypeDef) => doc.supportedClass.find((c) => c['@id'] === def.iri) as Node | undefined;
const propertiesOf = (def: AnyTypeDef) => (classOf(def)?.['supportedProperty'] ?? []) as Node[];
const supported = (def: AnyTypeDef, title: string) => propertiesOf(def).find((p) => p['title'] === title);
const propertyNode = (def: AnyTypeDef, title: string) => supported(def, title)?.['property'] as Node | undefined;

// The published Hydra context (the project's copy): jsonld.js reads the documentation as every
// other processor does.
const PUBLISHED = HYDRA_CONTEXT_DOCUMENT as unknown as object;
const documentLoader = async (url: string) => {
  if (url === HYDRA_CONTEXT) return { contextUrl: undefined, documentUrl: url, document: PUBLISHED };
  throw new Error(`no remote document in this test: ${url}`);
};
type Quad = { subject: { termType: string; value: string }; predicate: { value: string }; object: { termType: string; value: string } };
const quads = async (): Promise<Quad[]> =>
  (await jsonld.toRDF(doc as unknown as jsonld.JsonLdDocument, { base: BASE, documentLoader } as unknown as jsonld.Options.ToRdf)) as unknown as Quad[];
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const RDFS = 'http://www.w3.org/2000/01/rdf-schema#';

describe('apiDocumentation', () => {
  it('is a hydra:ApiDocumentation in the published Hydra context, with @id and the options given', () => {
    expect(doc['@type']).toBe('ApiDocumentation');
    expect(doc['@context'][0]).toBe(HYDRA_CONTEXT);
    expect(doc).toMatchObject({ '@id': '/docs.jsonld', title: 'TextUs (test)', entrypoint: '/' });
    expect(JSON.stringify(doc)).not.toMatch(/"id":/);
  });

  it('has one class per registered type of the vocabulary, under its IRI (the Hydra types left out by default)', () => {
    expect(doc.supportedClass.map((c) => c['title']).sort()).toEqual(ownTypes.map((d) => d.type).sort());
    expect(doc.supportedClass.map((c) => c['@id']).sort()).toEqual(ownTypes.map((d) => d.iri).sort());
    const all = apiDocumentation(conversationRegistry, { id: '/docs.jsonld', include: () => true });
    expect(all.supportedClass).toHaveLength(conversationRegistry.types.size);
  });

  it('lists every property but id, required unless optional, under its IRI, with its range', () => {
    for (const def of ownTypes) {
      const entries = (Object.entries(def.properties) as [string, AnyKind][]).filter(([key]) => key !== 'id');
      expect(propertiesOf(def).map((p) => p['title']), def.type).toEqual(entries.map(([key]) => key));
      for (const [key, kind] of entries) {
        const p = supported(def, key);
        expect(p, `${def.type}.${key}`).toMatchObject({ '@type': 'SupportedProperty', required: !kind.isOptional, readable: true });
        const property = p?.['property'];
        expect(typeof property === 'string' ? property : (property as Node)['@id']).toBe(propertyIri(def, key, kind));
      }
    }
    expect(propertyNode(Conversation, 'slug')).toEqual({ '@id': `${VOCAB}slug`, '@type': 'rdf:Property', label: 'slug', range: `${XSD}string` });
    expect(propertyNode(Conversation, 'unanswered')).toMatchObject({ range: `${XSD}boolean` });
    // A link is a hydra:Link whose range is its target class, and carries no operation.
    expect(propertyNode(Message, 'conversation')).toEqual({ '@id': `${VOCAB}conversation`, '@type': 'Link', label: 'conversation', range: `${VOCAB}Conversation` });
    // A link or the node it names has one range.
    expect(propertyNode(ConversationWithAccount, 'account')).toMatchObject({ '@type': 'Link', range: `${VOCAB}Account` });
    // A redeclared key stands for the Hydra IRI, named rather than described; the inherited one it replaces is gone.
    expect(supported(ConversationCollection, 'members')).toMatchObject({ property: `${HYDRA}member`, required: true });
    expect(supported(ConversationCollection, 'member')).toBeUndefined();
    expect(supported(ConversationCollection, 'search')).toMatchObject({ property: `${HYDRA}search`, required: false });
  });

  it('is writable exactly for the properties of a type some action expects', () => {
    for (const def of ownTypes) {
      const expected = def.type === 'Contact';
      for (const p of propertiesOf(def)) expect(p['writable'], `${def.type}.${String(p['title'])}`).toBe(expected);
    }
    expect(JSON.stringify(doc)).not.toContain('writeable');
  });

  it('puts each action on its hydra:Link property, and only the GET on the class', () => {
    for (const def of ownTypes) {
      expect(classOf(def)?.['supportedOperation'], def.type).toEqual([
        expect.objectContaining({ '@id': `${def.iri}/get`, '@type': 'Operation', method: 'GET', returns: def.iri, title: `get ${def.type}` }),
      ]);
      for (const [key, kind] of Object.entries(def.properties) as [string, AnyKind][]) {
        const spec = actionSpecOf(kind);
        if (!spec) continue;
        const node = propertyNode(def, key);
        expect(node?.['@type'], `${def.type}.${key}`).toBe('Link');
        expect(node?.['supportedOperation'], `${def.type}.${key}`).toEqual([expect.objectContaining({ '@type': 'Operation', method: spec.method, title: key })]);
      }
    }
    const op = (def: AnyTypeDef, key: string) => (propertyNode(def, key)?.['supportedOperation'] as Node[] | undefined)?.[0];
    expect(CONVERSATION_ACTIONS.map((name) => op(Conversation, name)?.['title'])).toEqual([...CONVERSATION_ACTIONS]);
    expect(op(Conversation, 'readConversation')).toMatchObject({ method: 'PUT', returns: `${VOCAB}Conversation` });
    expect(op(Conversation, 'readConversation')).not.toHaveProperty('expects');
    expect(op(Conversation, 'unreadConversation')).toMatchObject({ method: 'DELETE', returns: `${VOCAB}Conversation` });
    expect(op(Conversation, 'assignContact')).toMatchObject({ method: 'PUT', expects: `${VOCAB}Contact`, description: 'Assigns a contact to the conversation.' });
    // The subtype shares the operation: same IRI, named after the class declaring the action.
    expect(op(ConversationWithAccount, 'closeConversation')).toEqual(op(Conversation, 'closeConversation'));
    expect(op(ConversationWithAccount, 'closeConversation')?.['@id']).toBe(`${VOCAB}Conversation/closeConversation`);
    expect(op(Message, 'retry')).toMatchObject({ method: 'POST', possibleStatus: [expect.objectContaining({ '@type': 'Status', statusCode: 202, title: 'Accepted' }), expect.anything(), expect.anything()] });
  });

  it('lists the statuses the server answers: success first, the body errors of an expecting operation, then the ones given', () => {
    const codes = (node: Node | undefined) => ((node?.['possibleStatus'] ?? []) as Node[]).map((s) => s['statusCode']);
    const op = (def: AnyTypeDef, key: string) => (propertyNode(def, key)?.['supportedOperation'] as Node[] | undefined)?.[0];
    expect(codes(op(Conversation, 'closeConversation'))).toEqual([200, 401, 404, 409]);
    expect(codes(op(Conversation, 'readConversation'))).toEqual([200, 401, 404]);
    expect(codes(op(Conversation, 'assignContact'))).toEqual([200, 400, 413, 415, 401, 404]);
    expect(codes((classOf(Conversation)?.['supportedOperation'] as Node[])[0])).toEqual([200, 401, 404]);
    expect(codes((apiDocumentation(conversationRegistry, { id: '/d' }).supportedClass[0]?.['supportedOperation'] as Node[])[0])).toEqual([200]);
  });

  it('declares collection types as hydra:Collection subclasses with a member assertion, and ranges links to them for API Platform', () => {
    expect(classOf(ConversationCollection)).toMatchObject({
      subClassOf: `${HYDRA}Collection`,
      memberAssertion: { property: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type', object: `${VOCAB}ConversationWithAccount` },
    });
    expect(classOf(Conversation)).not.toHaveProperty('subClassOf');
    const contactDef = conversationRegistry.lookup('Contact') as AnyTypeDef;
    expect(propertyNode(contactDef, 'conversations')?.['range']).toEqual([
      `${VOCAB}ConversationCollection`,
      { 'owl:equivalentClass': { 'owl:onProperty': { '@id': `${HYDRA}member` }, 'owl:allValuesFrom': { '@id': `${VOCAB}ConversationWithAccount` } } },
    ]);
  });

  it('means under the published Hydra context what it says: no class is a blank node, and the graph has the classes, links and operations', async () => {
    const graph = await quads();
    const classes = graph.filter((q) => q.predicate.value === RDF_TYPE && q.object.value === `${HYDRA}Class`).map((q) => q.subject);
    expect(classes.every((s) => s.termType === 'NamedNode')).toBe(true);
    expect(classes.map((s) => s.value).sort()).toEqual(ownTypes.map((d) => d.iri).sort());
    const docNode = graph.find((q) => q.predicate.value === RDF_TYPE && q.object.value === `${HYDRA}ApiDocumentation`)?.subject;
    expect(docNode).toEqual(expect.objectContaining({ termType: 'NamedNode', value: BASE }));
    const has = (s: string, p: string, o: string) => graph.some((q) => q.subject.value === s && q.predicate.value === p && q.object.value === o);
    expect(has(BASE, `${HYDRA}entrypoint`, 'https://api.textus.example/')).toBe(true);
    expect(has(BASE, `${HYDRA}supportedClass`, `${VOCAB}Conversation`)).toBe(true);
    expect(has(`${VOCAB}closeConversation`, RDF_TYPE, `${HYDRA}Link`)).toBe(true);
    expect(has(`${VOCAB}closeConversation`, `${HYDRA}supportedOperation`, `${VOCAB}Conversation/closeConversation`)).toBe(true);
    expect(has(`${VOCAB}Conversation/closeConversation`, `${HYDRA}method`, 'PUT')).toBe(true);
    // Written in Conversation and in ConversationWithAccount, the operation is one node with one status each.
    const statuses = graph.filter((q) => q.subject.value === `${VOCAB}Conversation/closeConversation` && q.predicate.value === `${HYDRA}possibleStatus`);
    expect(statuses.map((q) => q.object.value).sort()).toEqual(['200', '401', '404', '409'].map((code) => `${VOCAB}Conversation/closeConversation/${code}`));
    expect(has(`${VOCAB}Conversation/closeConversation`, `${HYDRA}returns`, `${VOCAB}Conversation`)).toBe(true);
    expect(has(`${VOCAB}conversation`, `${RDFS}range`, `${VOCAB}Conversation`)).toBe(true);
    expect(has(`${VOCAB}ConversationCollection`, `${RDFS}subClassOf`, `${HYDRA}Collection`)).toBe(true);
    expect(graph.some((q) => q.predicate.value === `${HYDRA}writable`)).toBe(true);
    expect(graph.some((q) => q.predicate.value === `${HYDRA}writeable`)).toBe(false);
  });

  it('documents the Hydra vocabulary itself when asked to', () => {
    const hydraDoc = apiDocumentation(hydraRegistry, { id: 'http://www.w3.org/ns/hydra/core', include: () => true });
    expect(hydraDoc.supportedClass).toHaveLength(hydraRegistry.types.size);
    expect(hydraDoc.supportedClass.map((c) => c['@id'])).toContain(`${HYDRA}Collection`);
  });
});
