/**
 * Search templates: a route declares its query variables once (`{?state,per_page}`, each mapped
 * to a property IRI, with the values it accepts) and gets both the parsed, validated values of a
 * request (a 400 with one violation per bad variable otherwise) and the `hydra:search`
 * `IriTemplate` node to put on the collection it answers.
 *
 * @module
 */
import type { Violation } from '@hyperld/core';
import { expandIriTemplate } from '../iri-template/rfc6570.js';
import { HYDRA_CONTEXT } from '../contexts/hydra-context.js';
import { HttpProblem } from './reply.js';

/**
 * One variable of a search template.
 *
 * @example
 * ```ts
 * import type { SearchVariable } from '@hyperld/hydra/server';
 * const state: SearchVariable = { property: 'https://api.textus.com/vocab#currentState', values: ['open', 'closed'] };
 * ```
 */
export interface SearchVariable {
  /** The IRI of the property whose value fills the variable (`hydra:property` of its mapping). */
  readonly property: string;
  /** The values accepted, when they are an enumeration. */
  readonly values?: readonly string[];
  /** An integer in `[min, max]`, when the variable is a number. */
  readonly integer?: { readonly min: number; readonly max: number };
  /** Whether a request must give it (default `false`). */
  readonly required?: boolean;
}

/**
 * The parsed value of a variable: one of its `values`, a number for an `integer`, else a string.
 *
 * @example
 * ```ts
 * import type { SearchValue } from '@hyperld/hydra/server';
 * type State = SearchValue<{ property: string; values: readonly ['open', 'closed'] }>; // 'open' | 'closed'
 * ```
 */
export type SearchValue<V extends SearchVariable> = V extends { readonly values: readonly (infer E extends string)[] }
  ? E
  : V extends { readonly integer: object }
    ? number
    : string;

/**
 * The parsed values of a request: each variable the request gave (absent ones are left out).
 *
 * @example
 * ```ts
 * import type { SearchValues } from '@hyperld/hydra/server';
 * type Q = SearchValues<{ per_page: { property: string; integer: { min: 1; max: 100 } } }>; // { per_page?: number }
 * ```
 */
export type SearchValues<D extends Readonly<Record<string, SearchVariable>>> = { readonly [K in keyof D]?: SearchValue<D[K]> };

/**
 * The `hydra:search` node of a collection, in the published Hydra context's terms.
 *
 * @example
 * ```ts
 * import type { SearchNode } from '@hyperld/hydra/server';
 * const node: SearchNode = { '@context': 'http://www.w3.org/ns/hydra/context.jsonld', '@type': 'hydra:IriTemplate', template: '/things{?q}', variableRepresentation: 'hydra:BasicRepresentation', mapping: [] };
 * ```
 */
export interface SearchNode {
  /** The Hydra context, whose terms the node is written in. */
  readonly '@context': typeof HYDRA_CONTEXT;
  /** `hydra:IriTemplate`. */
  readonly '@type': 'hydra:IriTemplate';
  /** The RFC 6570 template: the collection's path and the query expression. */
  readonly template: string;
  /** Values are written as they are (`hydra:BasicRepresentation`). */
  readonly variableRepresentation: 'hydra:BasicRepresentation';
  /** One mapping per variable. */
  readonly mapping: readonly { readonly '@type': 'hydra:IriTemplateMapping'; readonly variable: string; readonly property: string; readonly required: boolean }[];
}

/**
 * A declared search template: {@link searchTemplate} makes it.
 *
 * @example
 * ```ts
 * import { searchTemplate } from '@hyperld/hydra/server';
 * const search = searchTemplate({ q: { property: 'https://schema.org/name' } });
 * search.expression; // '{?q}'
 * ```
 */
export class SearchTemplate<D extends Readonly<Record<string, SearchVariable>>> {
  /** The RFC 6570 query expression, `{?a,b}`. */
  readonly expression: string;

  /** @param variables - the variables, in template order. */
  constructor(readonly variables: D) {
    this.expression = `{?${Object.keys(variables).join(',')}}`;
  }

  /**
   * The values a request URL gives, validated.
   *
   * @param url - the request URL.
   * @returns the values given.
   * @throws HttpProblem 400 naming each bad or missing variable (`invalid_enum`, `invalid_integer`, `missing_property`).
   */
  parse(url: URL): SearchValues<D> {
    const out: Record<string, string | number> = {};
    const violations: Violation[] = [];
    for (const [name, spec] of Object.entries(this.variables)) {
      const all = url.searchParams.getAll(name);
      const path = `$query.${name}`;
      if (all.length === 0) {
        if (spec.required) violations.push({ code: 'missing_property', path, expected: `a value for ${name}`, found: 'nothing' });
        continue;
      }
      if (all.length > 1) {
        violations.push({ code: 'wrong_kind', path, expected: 'one value', found: `${all.length} values` });
        continue;
      }
      const raw = all[0] as string;
      if (spec.values !== undefined) {
        if (spec.values.includes(raw)) out[name] = raw;
        else violations.push({ code: 'invalid_enum', path, expected: `one of ${spec.values.join(', ')}`, found: JSON.stringify(raw) });
      } else if (spec.integer !== undefined) {
        const { min, max } = spec.integer;
        const n = /^\d{1,15}$/.test(raw) ? Number(raw) : Number.NaN;
        if (Number.isSafeInteger(n) && n >= min && n <= max) out[name] = n;
        else violations.push({ code: 'invalid_integer', path, expected: `an integer in [${min}, ${max}]`, found: JSON.stringify(raw) });
      } else {
        out[name] = raw;
      }
    }
    if (violations.length > 0) {
      const names = violations.map((v) => v.path.slice('$query.'.length)).join(', ');
      throw new HttpProblem(400, 'Bad Request', `Invalid query parameter${violations.length > 1 ? 's' : ''}: ${names}.`, { violations });
    }
    return out as SearchValues<D>;
  }

  /**
   * The query string of some values, in template order (`?state=open&per_page=10`, or `''`).
   *
   * @param values - the values (absent ones are left out).
   * @returns the query, with its `?`, or the empty string.
   */
  query(values: SearchValues<D>): string {
    const given: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(values)) if (value !== undefined) given[name] = value as string | number;
    return expandIriTemplate(this.expression, given);
  }

  /**
   * The `hydra:search` node of the collection at `path`.
   *
   * @param path - the collection's path (or IRI).
   * @returns the `IriTemplate` node.
   */
  node(path: string): SearchNode {
    return {
      '@context': HYDRA_CONTEXT,
      '@type': 'hydra:IriTemplate',
      template: `${path}${this.expression}`,
      variableRepresentation: 'hydra:BasicRepresentation',
      mapping: Object.entries(this.variables).map(([variable, spec]) => ({
        '@type': 'hydra:IriTemplateMapping',
        variable,
        property: spec.property,
        required: spec.required ?? false,
      })),
    };
  }
}

/**
 * Declares a search template once: its variables, each with the property it stands for and the
 * values it accepts.
 *
 * @param variables - the variables, in template order.
 * @returns the template: `parse(url)` for the values, `node(path)` for `hydra:search`, `query(values)` for links that keep them.
 * @example
 * ```ts
 * import { searchTemplate } from '@hyperld/hydra/server';
 * const search = searchTemplate({
 *   state: { property: 'https://api.textus.com/vocab#currentState', values: ['open', 'closed'] },
 *   per_page: { property: 'http://www.w3.org/ns/hydra/core#limit', integer: { min: 1, max: 100 } },
 * } as const);
 * const values = search.parse(new URL('https://api.example/accounts/a/conversations?state=open'));
 * values.state; // 'open'
 * search.node('/accounts/a/conversations').template; // '/accounts/a/conversations{?state,per_page}'
 * ```
 */
export function searchTemplate<const D extends Readonly<Record<string, SearchVariable>>>(variables: D): SearchTemplate<D> {
  return new SearchTemplate(variables);
}
