import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandHydraTemplate } from '../iri-template/hydra-template.js';
import { HYDRA_CONTEXT } from '../vocabulary.js';
import { HttpProblem } from './reply.js';
import { searchTemplate } from './search.js';

const STATE = 'https://api.textus.example/vocab#currentState';
const LIMIT = 'http://www.w3.org/ns/hydra/core#limit';
const search = searchTemplate({
  state: { property: STATE, values: ['open', 'closed'] },
  per_page: { property: LIMIT, integer: { min: 1, max: 100 } },
} as const);
const at = (query: string) => new URL(`https://api.example/accounts/a/conversations${query}`);

function problemOf(query: string): HttpProblem {
  try {
    search.parse(at(query));
  } catch (error) {
    if (error instanceof HttpProblem) return error;
    throw error;
  }
  throw new Error(`${query} parsed`);
}

describe('searchTemplate', () => {
  it('parses the values a request gives, typed by the declaration', () => {
    const values = search.parse(at('?state=open&per_page=10&other=x'));
    expect(values).toEqual({ state: 'open', per_page: 10 });
    expect(search.parse(at(''))).toEqual({});
  });

  it('refuses bad values with a 400 naming each one', () => {
    const problem = problemOf('?state=opened&per_page=0');
    expect(problem.status).toBe(400);
    expect(problem.detail).toMatchInlineSnapshot(`"Invalid query parameters: state, per_page."`);
    expect(problem.options.violations).toEqual([
      { code: 'invalid_enum', path: '$query.state', expected: 'one of open, closed', found: '"opened"' },
      { code: 'invalid_integer', path: '$query.per_page', expected: 'an integer in [1, 100]', found: '"0"' },
    ]);
    for (const query of ['?per_page=101', '?per_page=1.5', '?per_page=-1', '?per_page=', '?per_page=1e2', '?state=open&state=closed']) {
      expect(problemOf(query).status, query).toBe(400);
    }
    const required = searchTemplate({ q: { property: 'https://schema.org/name', required: true } });
    expect(() => required.parse(at(''))).toThrow(HttpProblem);
  });

  it('accepts exactly the integers in its bounds', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), (n) => {
        const ok = n >= 1 && n <= 100;
        if (ok) expect(search.parse(at(`?per_page=${n}`)).per_page).toBe(n);
        else expect(problemOf(`?per_page=${n}`).status).toBe(400);
      }),
    );
  });

  it('publishes its hydra:search node, which expands (as Hydra does) to the query it parses', () => {
    const node = search.node('/accounts/a/conversations');
    expect(node).toEqual({
      '@context': HYDRA_CONTEXT,
      '@type': 'hydra:IriTemplate',
      template: '/accounts/a/conversations{?state,per_page}',
      variableRepresentation: 'hydra:BasicRepresentation',
      mapping: [
        { '@type': 'hydra:IriTemplateMapping', variable: 'state', property: STATE, required: false },
        { '@type': 'hydra:IriTemplateMapping', variable: 'per_page', property: LIMIT, required: false },
      ],
    });
    const expanded = expandHydraTemplate(node, { [STATE]: 'closed', [LIMIT]: 5 });
    expect(expanded).toBe('/accounts/a/conversations?state=closed&per_page=5');
    expect(search.parse(at(expanded.slice('/accounts/a/conversations'.length)))).toEqual({ state: 'closed', per_page: 5 });
  });

  it('writes the query of some values, in template order, for links that keep them', () => {
    expect(search.query({ per_page: 5, state: 'open' })).toBe('?state=open&per_page=5');
    expect(search.query({})).toBe('');
  });
});
