import { HYDRA, XSD, type AnyKind, type AnyTypeDef } from '@hyperld/core';
import { describe, expect, it } from 'vitest';
import { Conversation, CONVERSATION_ACTIONS, conversationRegistry, ConversationCollection, Message, VOCAB } from './__fixtures__/conversations.js';
import { actionSpecOf } from './actions.js';
import { apiDocumentation, propertyIri } from './api-documentation.js';
import { ApiDocumentation, HYDRA_CONTEXT, hydraRegistry } from './vocabulary.js';

const doc = apiDocumentation(conversationRegistry, { id: '/docs.jsonld', title: 'TextUs (test)', entrypoint: '/' });
const ownTypes = [...conversationRegistry.types.values()].filter((def) => !def.iri.startsWith(HYDRA));
const classOf = (def: AnyTypeDef) => doc.supportedClass.find((c) => c.id === def.iri);

describe('apiDocumentation', () => {
  it('is a hydra:ApiDocumentation in the Hydra context, with the options given', () => {
    expect(doc['@type']).toBe('hydra:ApiDocumentation');
    expect(doc['@context']).toBe(HYDRA_CONTEXT);
    expect(doc).toMatchObject({ id: '/docs.jsonld', title: 'TextUs (test)', entrypoint: '/' });
  });

  it('has one class per registered type of the vocabulary (the Hydra types left out by default)', () => {
    expect(doc.supportedClass.map((c) => c.title).sort()).toEqual(ownTypes.map((d) => d.type).sort());
    expect(doc.supportedClass.map((c) => c.id).sort()).toEqual(ownTypes.map((d) => d.iri).sort());
    expect(ownTypes.map((d) => d.type)).toContain('ConversationCollection');
    const all = apiDocumentation(conversationRegistry, { id: '/docs.jsonld', include: () => true });
    expect(all.supportedClass).toHaveLength(conversationRegistry.types.size);
  });

  it('lists every property but id, required unless optional, under its IRI', () => {
    for (const def of ownTypes) {
      const cls = classOf(def);
      const entries = (Object.entries(def.properties) as [string, AnyKind][]).filter(([key]) => key !== 'id');
      expect(cls?.supportedProperty.map((p) => p.title), def.type).toEqual(entries.map(([key]) => key));
      for (const [key, kind] of entries) {
        const p = cls?.supportedProperty.find((sp) => sp.title === key);
        expect(p, `${def.type}.${key}`).toMatchObject({ '@type': 'hydra:SupportedProperty', property: propertyIri(def, key, kind), required: !kind.isOptional, readable: true });
      }
    }
    const conversation = classOf(Conversation);
    const byTitle = (title: string) => conversation?.supportedProperty.find((p) => p.title === title);
    expect(byTitle('slug')).toMatchObject({ property: `${VOCAB}slug`, required: true, range: `${XSD}string` });
    expect(byTitle('closeConversation')).toMatchObject({ property: `${VOCAB}closeConversation`, required: false, range: `${VOCAB}Conversation` });
    expect(byTitle('unanswered')).toMatchObject({ range: `${XSD}boolean` });
    // A redeclared key stands for the Hydra IRI; the inherited one it replaces is gone.
    const collection = classOf(ConversationCollection);
    expect(collection?.supportedProperty.find((p) => p.title === 'members')).toMatchObject({ property: `${HYDRA}member`, required: true });
    expect(collection?.supportedProperty.find((p) => p.title === 'member')).toBeUndefined();
    expect(collection?.supportedProperty.find((p) => p.title === 'search')).toMatchObject({ property: `${HYDRA}search`, required: false });
  });

  it('has a GET operation per class and one operation per declared action, with its method', () => {
    for (const def of ownTypes) {
      const cls = classOf(def);
      const actions = (Object.entries(def.properties) as [string, AnyKind][]).filter(([, kind]) => actionSpecOf(kind) !== undefined);
      expect(cls?.supportedOperation.map((o) => [o.title, o.method]), def.type).toEqual([
        [`get ${def.type}`, 'GET'],
        ...actions.map(([key, kind]) => [key, actionSpecOf(kind)?.method]),
      ]);
    }
    const operations = classOf(Conversation)?.supportedOperation ?? [];
    expect(operations.slice(1).map((o) => o.title)).toEqual([...CONVERSATION_ACTIONS]);
    const op = (title: string) => operations.find((o) => o.title === title);
    expect(op('readConversation')).toMatchObject({ method: 'PUT', returns: `${VOCAB}Conversation`, expects: null });
    expect(op('unreadConversation')).toMatchObject({ method: 'DELETE', returns: `${VOCAB}Conversation` });
    expect(op('assignContact')).toMatchObject({ method: 'PUT', expects: `${VOCAB}Contact`, description: 'Assigns a contact to the conversation.' });
    expect(operations[0]).toMatchObject({ method: 'GET', returns: `${VOCAB}Conversation` });
    const retry = classOf(Message)?.supportedOperation.find((o) => o.title === 'retry');
    expect(retry).toMatchObject({ method: 'POST', possibleStatus: [{ '@type': 'hydra:Status', statusCode: 202 }] });
  });

  it('round-trips through the Hydra registry: decodes strictly and encodes to the same text', () => {
    const text = JSON.stringify(doc);
    const decoded = hydraRegistry.decodeAs(ApiDocumentation, text, { strict: true, unknownProperties: 'error' });
    expect(hydraRegistry.encodeText(decoded)).toBe(text);
    expect(hydraRegistry.decode(text)).toEqual(doc);
    expect(hydraRegistry.validate(doc, { strict: true })).toEqual([]);
  });

  it('documents the Hydra vocabulary itself when asked to, and that round-trips too', () => {
    const hydraDoc = apiDocumentation(hydraRegistry, { id: 'http://www.w3.org/ns/hydra/core', include: () => true });
    expect(hydraDoc.supportedClass).toHaveLength(hydraRegistry.types.size);
    const text = JSON.stringify(hydraDoc);
    expect(hydraRegistry.encodeText(hydraRegistry.decode(text, { strict: true }))).toBe(text);
  });
});
