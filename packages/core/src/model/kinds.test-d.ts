/**
 * Type tests: the value type a kind carries, through its modifiers.
 */
import { describe, expectTypeOf, it } from 'vitest';
import { t, vocabulary, type GenericNode, type JsonValue, type Link, type NodeOf, type ValueOf } from '../index.js';

describe('kind value types', () => {
  it('follow the modifiers', () => {
    const name = t.string().nullable().optional();
    expectTypeOf<ValueOf<typeof name>>().toEqualTypeOf<string | null>();
    expectTypeOf(t.list(t.link('Leaf'))).toExtend<{ readonly __value: Link<'Leaf'>[] }>();
    expectTypeOf<ValueOf<ReturnType<typeof t.json>>>().toEqualTypeOf<JsonValue>();
    expectTypeOf<ValueOf<ReturnType<typeof t.anyNode>>>().toEqualTypeOf<GenericNode>();
    const narrowed = t.json().annotate<{ customSettings: JsonValue }>('example:shape', true);
    expectTypeOf<ValueOf<typeof narrowed>>().toEqualTypeOf<{ customSettings: JsonValue }>();
  });
});

describe('an annotation without a type argument', () => {
  it('keeps the value type, inside a definition too', () => {
    const v = vocabulary({ vocab: 'https://example.com/vocab#' });
    const Book = v.type('Book', { properties: { isbn: t.string().annotate('hydra:writable', false), author: t.link('Author').optional().annotate('example:note', 1) } });
    expectTypeOf<NodeOf<typeof Book>['isbn']>().toEqualTypeOf<string>();
    expectTypeOf<NodeOf<typeof Book>['author']>().toEqualTypeOf<Link<'Author'> | undefined>();
  });
});
