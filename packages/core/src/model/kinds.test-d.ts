/**
 * Type tests: the value type a kind carries, through its modifiers.
 */
import { describe, expectTypeOf, it } from 'vitest';
import { t, type GenericNode, type JsonValue, type Link, type ValueOf } from '../index.js';

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
