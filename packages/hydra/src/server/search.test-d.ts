import { describe, expectTypeOf, it } from 'vitest';
import { searchTemplate, type SearchValue, type SearchValues } from './search.js';

const search = searchTemplate({
  state: { property: 'https://e.x/v#currentState', values: ['open', 'closed'] },
  per_page: { property: 'http://www.w3.org/ns/hydra/core#limit', integer: { min: 1, max: 100 } },
  q: { property: 'https://schema.org/name' },
});

describe('searchTemplate', () => {
  it('types each parsed value by its declaration: an enumeration, a number, a string; all optional', () => {
    expectTypeOf(search.parse(new URL('https://e.x/'))).toEqualTypeOf<{ readonly state?: 'open' | 'closed'; readonly per_page?: number; readonly q?: string }>();
    expectTypeOf<SearchValue<{ property: string; values: readonly ['a'] }>>().toEqualTypeOf<'a'>();
    expectTypeOf<SearchValues<{ n: { property: string; integer: { min: 0; max: 1 } } }>>().toEqualTypeOf<{ readonly n?: number }>();
  });

  it('takes for query() only values of the declared types', () => {
    search.query({ state: 'open', per_page: 2 });
    // @ts-expect-error: not one of the state values
    search.query({ state: 'opened' });
    // @ts-expect-error: a page size is a number
    search.query({ per_page: '2' });
  });
});
