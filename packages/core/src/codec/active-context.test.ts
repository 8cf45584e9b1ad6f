/**
 * The active context of decoding: an embedded node reads its `@type` and keys through its
 * enclosing node's context, its own `@context` (URL, inline object, array) layered on it, `null`
 * resetting it; the walker and the generated validators agree; layered contexts are kept by a
 * stable key, not per document.
 *
 * @module
 */
import { describe, expect, it } from 'vitest';
import { isDecodeError } from '../errors.js';
import { defineType } from '../model/define.js';
import { t } from '../model/kinds.js';
import { createRegistry } from './registry.js';
import type { Registry } from './registry.js';

const V = 'https://shop.example/vocab#';
const Page = defineType({ type: 'Page', context: '/contexts/Page', vocab: V, properties: { item: t.node(() => [Item]).optional() } });
const Item = defineType({ type: 'Item', context: '/contexts/Item', vocab: V, properties: { price: t.number() } });
// A context no type declares: other terms for the same classes and properties.
const foreign = { '@context': { v: V, Seite: 'v:Page', Ding: 'v:Item', ding: 'v:item', preis: 'v:price' } };
const registries = (codegen: boolean): Registry => createRegistry({ types: [Page, Item], contexts: { '/contexts/Foreign': foreign }, codegen });

/** The violations, as `code path`, that text decoding (generated validators) and value decoding (walker) agree on. */
function violations(doc: object): string[] {
  const run = (r: Registry, input: unknown): string[] => {
    try {
      r.decode(input);
      return [];
    } catch (error) {
      if (!isDecodeError(error)) throw error;
      return error.violations.map((v) => `${v.code} ${v.path}`);
    }
  };
  const text = JSON.stringify(doc);
  const fast = run(registries(true), text);
  expect(run(registries(false), JSON.parse(text) as unknown)).toEqual(fast);
  return fast;
}

describe('the active context', () => {
  it('is inherited by an embedded node without @context', () => {
    expect(violations({ '@context': '/contexts/Foreign', '@type': 'Seite', id: '/p', ding: { '@type': 'Ding', id: '/i', preis: 3 } })).toEqual([]);
    expect(violations({ '@context': '/contexts/Foreign', '@type': 'Seite', id: '/p', ding: { '@type': 'Ding', id: '/i', preis: 'x' } })).toEqual(['wrong_kind $.ding.preis']);
  });

  it('is layered with an embedded node own @context: inline objects and arrays', () => {
    const inline = { '@context': { cost: 'v:price' }, '@type': 'Ding', id: '/i', cost: 'x' };
    expect(violations({ '@context': '/contexts/Foreign', '@type': 'Seite', id: '/p', ding: inline })).toEqual(['wrong_kind $.ding.cost']);
    const array = { '@context': ['/contexts/Item', { cost: `${V}price` }], '@type': 'Item', id: '/i', cost: 'x' };
    expect(violations({ '@context': '/contexts/Page', '@type': 'Page', id: '/p', item: array })).toEqual(['wrong_kind $.item.cost']);
  });

  it('starts again from nothing at @context null: the terms of the enclosing context no longer apply', () => {
    // `Ding` means nothing there, so the property (which takes Items) does not accept it.
    expect(violations({ '@context': '/contexts/Foreign', '@type': 'Seite', id: '/p', ding: { '@context': null, '@type': 'Ding', id: '/i', price: 3 } })).toEqual([
      'unexpected_type $.ding["@type"]',
    ]);
  });

  it('keeps the compiled forms of a combination across documents (same answers on repeated decodes)', () => {
    const r = registries(true);
    const doc = (preis: unknown): string => JSON.stringify({ '@context': '/contexts/Foreign', '@type': 'Seite', id: '/p', ding: { '@context': { x: 'v:x' }, '@type': 'Ding', id: '/i', preis } });
    for (let i = 0; i < 3; i++) {
      expect(r.decode(doc(i))).toBeDefined();
      expect(() => r.decode(doc('no'))).toThrow(/preis/);
    }
  });
});
