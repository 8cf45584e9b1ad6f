import { describe, expectTypeOf, it } from 'vitest';
import type { SearchInputOf } from './search.js';
import { searchTemplate } from './server/search.js';

const conversations = searchTemplate({
  state: { property: 'https://e.x/v#currentState', values: ['open', 'closed'] },
  per_page: { property: 'http://www.w3.org/ns/hydra/core#limit', integer: { min: 1, max: 100 } },
  q: { property: 'https://schema.org/name' },
});

describe('SearchInputOf', () => {
  it('types the values of a server search template by variable name and by property IRI', () => {
    type Input = SearchInputOf<typeof conversations>;
    expectTypeOf<Input['state']>().toEqualTypeOf<'open' | 'closed' | null | undefined>();
    expectTypeOf<Input['per_page']>().toEqualTypeOf<number | null | undefined>();
    expectTypeOf<Input['https://schema.org/name']>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<Input['http://www.w3.org/ns/hydra/core#limit']>().toEqualTypeOf<number | null | undefined>();
    const ok: Input = { state: 'open', 'http://www.w3.org/ns/hydra/core#limit': 10 };
    // @ts-expect-error: not one of the state values
    const bad: Input = { state: 'opened' };
    // @ts-expect-error: a page size is a number
    const wrong: Input = { per_page: '10' };
    expectTypeOf(ok).not.toBeAny();
    expectTypeOf([bad, wrong]).not.toBeAny();
  });

  it('takes the variables record as well as the template', () => {
    expectTypeOf<SearchInputOf<typeof conversations.variables>>().toEqualTypeOf<SearchInputOf<typeof conversations>>();
  });
});
