/**
 * Searching a collection: its `hydra:search` `IriTemplate` read under any spelling into one
 * model (template, representation, mappings with absolute property IRIs), and expanded with
 * values keyed by variable name or by property IRI into the URL of the result, resolved against
 * the collection's IRI. The same reading finds a page-number template (a mapping whose property
 * is `hydra:pageIndex`). This module does no I/O: the client fetches what it builds.
 *
 * @module
 */
import { baseOf, expandTerm, HYDRA, metaOf, resolveIri, STANDARD_PREFIXES, type Registry, type Terms } from '@hyperld/core';
import { asSet, single, viewOf } from './collection.js';
import { HydraError } from './errors.js';
import { IriTemplateError, isIriTemplateError } from './iri-template/errors.js';
import { expandHydraTemplate, type HydraTemplateValue, type HydraTemplateValues } from './iri-template/hydra-template.js';
import { parseIriTemplate } from './iri-template/rfc6570.js';
import { inContextOf, isHydraTerm, readHydra, termsOf, type ReadOptions } from './terms.js';

/**
 * How a template's values are written: `BasicRepresentation` (lexical forms; the default) or
 * `ExplicitRepresentation` (quoted literals with their datatype or language).
 *
 * @example
 * ```ts
 * import type { VariableRepresentation } from '@hyperld/hydra/search';
 * const representation: VariableRepresentation = 'ExplicitRepresentation';
 * ```
 */
export type VariableRepresentation = 'BasicRepresentation' | 'ExplicitRepresentation';

/**
 * One `hydra:IriTemplateMapping`, as {@link searchOf} reads it.
 *
 * @example
 * ```ts
 * import type { SearchMapping } from '@hyperld/hydra/search';
 * const q: SearchMapping = { variable: 'q', property: 'http://www.w3.org/ns/hydra/core#freetextQuery', required: true };
 * ```
 */
export interface SearchMapping {
  /** The template variable. */
  readonly variable: string;
  /** The property whose value fills it: an absolute IRI where the context says (else as written). */
  readonly property?: string;
  /** Whether the variable must have a value. */
  readonly required: boolean;
  /** How this variable is written, when its mapping says (overriding the template's). */
  readonly variableRepresentation?: VariableRepresentation;
}

/**
 * A `hydra:IriTemplate` as {@link searchOf} reads it: what {@link searchUrl} expands.
 *
 * @example
 * ```ts
 * import type { SearchTemplateModel } from '@hyperld/hydra/search';
 * const model: SearchTemplateModel = {
 *   template: '/books{?title,page}',
 *   variableRepresentation: 'BasicRepresentation',
 *   mappings: [{ variable: 'title', property: 'https://schema.org/name', required: false }],
 * };
 * ```
 */
export interface SearchTemplateModel {
  /** The RFC 6570 template, as written (perhaps relative). */
  readonly template: string;
  /** How values are written, unless a mapping says otherwise. */
  readonly variableRepresentation: VariableRepresentation;
  /** The mappings, in document order. */
  readonly mappings: readonly SearchMapping[];
  /**
   * What a relative result resolves against, when the template says (`hydra:resolveRelativeTo`,
   * the Hydra CG's newer drafts): `LinkContext` (the default) is the node holding the template,
   * `Rfc3986` the document's base URL.
   */
  readonly resolveRelativeTo?: 'LinkContext' | 'Rfc3986';
}

/**
 * Options of {@link searchUrl} and {@link pageUrl}.
 *
 * @example
 * ```ts
 * import type { SearchUrlOptions } from '@hyperld/hydra/search';
 * const options: SearchUrlOptions = { base: 'https://api.example/books', prefixes: { schema: 'https://schema.org/' } };
 * ```
 */
export interface SearchUrlOptions extends ReadOptions {
  /** Prefixes for compact IRIs in the keys of the values (and in `@id`/`@type` of value objects), beyond the node's context and the standard ones. */
  readonly prefixes?: Readonly<Record<string, string>>;
}

/**
 * One variable of a search declared where the client can see it: the shape of the server's
 * `searchTemplate` variables (`@hyperld/hydra/server`), so that one declaration types both ends.
 *
 * @example
 * ```ts
 * import type { SearchVariableSpec } from '@hyperld/hydra/search';
 * const state: SearchVariableSpec = { property: 'https://api.textus.com/vocab#currentState', values: ['open', 'closed'] };
 * ```
 */
export interface SearchVariableSpec {
  /** The property IRI of the variable's mapping. */
  readonly property: string;
  /** The values accepted, when they are an enumeration. */
  readonly values?: readonly string[];
  /** An integer range, when the variable is a number. */
  readonly integer?: { readonly min: number; readonly max: number };
  /** Whether the variable is required. */
  readonly required?: boolean;
}

type SpecValue<V> = V extends { readonly values: readonly (infer E extends string)[] } ? E : V extends { readonly integer: object } ? number : string;
type VariablesOf<T> = T extends { readonly variables: infer D extends Readonly<Record<string, SearchVariableSpec>> } ? D : T;

/**
 * The values a declared search takes, typed by its variables: each keyed by its variable name
 * or by its property IRI, an enumeration's values, a number for an integer, else a string. `T` is
 * the server's `SearchTemplate` (from `searchTemplate(…)`) or its variables.
 *
 * @example
 * ```ts
 * import type { SearchInputOf } from '@hyperld/hydra/search';
 * type Q = SearchInputOf<{ state: { property: 'https://e.x/v#state'; values: readonly ['open', 'closed'] } }>;
 * const byName: Q = { state: 'open' };
 * const byIri: Q = { 'https://e.x/v#state': 'closed' };
 * ```
 */
export type SearchInputOf<T> = {
  readonly [K in keyof VariablesOf<T> & string]?: SpecValue<VariablesOf<T>[K]> | null;
} & {
  readonly [K in keyof VariablesOf<T> & string as VariablesOf<T>[K] extends { readonly property: infer P extends string } ? P : never]?: SpecValue<
    VariablesOf<T>[K]
  > | null;
};

/** The registry and base a node is read with, with the node's own as defaults. */
function readOptionsOf(node: object, options: ReadOptions): ReadOptions {
  const registry: Registry | undefined = options.registry ?? metaOf(node)?.registry;
  const base = options.base ?? baseOf(node);
  return { ...(registry !== undefined ? { registry } : {}), ...(base !== undefined ? { base } : {}) };
}

/**
 * A Hydra term of an embedded node: through the context it is in, then by the spellings alone
 * (API Platform writes a mapping's `variable`, `property` and `required` unprefixed under a
 * context whose `@vocab` is its own, where a JSON-LD processor would not read them as Hydra's).
 */
function readTerm(node: Record<string, unknown>, term: string, options: ReadOptions): unknown {
  const value = readHydra(node, term, options);
  return value !== undefined ? value : readHydra(node, term, { context: 'hydra' });
}

/** The text of a string or of a node reference `{ '@id' }`. */
function textOf(value: unknown): string | undefined {
  const one = single(value);
  if (typeof one === 'string') return one;
  if (typeof one === 'object' && one !== null && typeof (one as Record<string, unknown>)['@id'] === 'string') return (one as Record<string, string>)['@id'];
  return undefined;
}

/** A term, compact IRI or IRI as the IRI it stands for in a vocabulary position: through the context, else the standard prefixes. */
function expandVocab(text: string, terms: Terms | undefined, prefixes: Readonly<Record<string, string>> = STANDARD_PREFIXES): string {
  const viaContext = terms?.iriOf(text);
  if (viaContext !== undefined && viaContext !== text) return viaContext;
  return expandTerm(text, '', prefixes);
}

function representationOf(value: unknown, terms: Terms | undefined, template: string): VariableRepresentation | undefined {
  if (value === undefined || value === null) return undefined;
  const text = textOf(value);
  const iri = text === undefined ? undefined : expandVocab(text, terms);
  for (const name of ['BasicRepresentation', 'ExplicitRepresentation'] as const) {
    if (isHydraTerm(text, name) || iri === HYDRA + name) return name;
  }
  throw new IriTemplateError('invalid_description', `Unknown hydra:variableRepresentation ${JSON.stringify(value)}.`, { template });
}

/** Reads an `IriTemplate` node (in the context of `parent`) into the model, or `undefined` when it has no template. */
function modelOf(node: unknown, parent: object, options: ReadOptions): SearchTemplateModel | undefined {
  const one = single(node);
  if (typeof one !== 'object' || one === null || Array.isArray(one)) return undefined;
  const template = inContextOf(one as Record<string, unknown>, parent);
  const text = single(readTerm(template, 'template', options));
  if (typeof text !== 'string') return undefined;
  const terms = termsOf(template, options);
  const mappings: SearchMapping[] = [];
  for (const raw of asSet(readTerm(template, 'mapping', options))) {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) continue;
    const mapping = inContextOf(raw as Record<string, unknown>, template);
    const variable = single(readTerm(mapping, 'variable', options));
    if (typeof variable !== 'string') throw new IriTemplateError('invalid_description', 'A hydra:IriTemplateMapping needs a string `variable`.', { template: text });
    const mappingTerms = mapping === template ? terms : termsOf(mapping, options);
    const property = textOf(readTerm(mapping, 'property', options));
    const required = single(readTerm(mapping, 'required', options));
    const representation = representationOf(readTerm(mapping, 'variableRepresentation', options), mappingTerms, text);
    mappings.push({
      variable,
      ...(property !== undefined ? { property: expandVocab(property, mappingTerms) } : {}),
      required: required === true || required === 'true',
      ...(representation !== undefined ? { variableRepresentation: representation } : {}),
    });
  }
  const relativeTo = textOf(readTerm(template, 'resolveRelativeTo', options));
  const relativeIri = relativeTo === undefined ? undefined : expandVocab(relativeTo, terms);
  const resolveRelativeTo = isHydraTerm(relativeTo, 'Rfc3986') || relativeIri === `${HYDRA}Rfc3986` ? 'Rfc3986' : isHydraTerm(relativeTo, 'LinkContext') || relativeIri === `${HYDRA}LinkContext` ? 'LinkContext' : undefined;
  return {
    template: text,
    variableRepresentation: representationOf(readTerm(template, 'variableRepresentation', options), terms, text) ?? 'BasicRepresentation',
    mappings,
    ...(resolveRelativeTo !== undefined ? { resolveRelativeTo } : {}),
  };
}

/**
 * Reads a collection's `hydra:search` template, under any spelling: `search` / `hydra:search`,
 * `template`, `mapping`, `variable`, `property` (a compact IRI or a term of the node's context,
 * expanded), `required`, and `variableRepresentation` on the template and on each mapping.
 *
 * @param collection - a collection node.
 * @param options - registry and base.
 * @returns the template model, or `undefined` when the collection has no search template.
 * @throws IriTemplateError `invalid_description` for a mapping without a variable or an unknown representation.
 * @example
 * ```ts
 * import { searchOf } from '@hyperld/hydra/search';
 * const books = {
 *   '@context': { schema: 'https://schema.org/' },
 *   '@id': '/books',
 *   'hydra:search': {
 *     '@type': 'hydra:IriTemplate',
 *     'hydra:template': '/books{?title}',
 *     'hydra:variableRepresentation': 'BasicRepresentation',
 *     'hydra:mapping': [{ '@type': 'IriTemplateMapping', variable: 'title', property: 'schema:name', required: false }],
 *   },
 * };
 * searchOf(books)?.mappings[0]?.property; // 'https://schema.org/name'
 * ```
 */
export function searchOf(collection: object, options: ReadOptions = {}): SearchTemplateModel | undefined {
  const readOptions = readOptionsOf(collection, options);
  return modelOf(readTerm(collection as Record<string, unknown>, 'search', readOptions), collection, readOptions);
}

/** The IRI of a node: its `@id` (or an alias of it) resolved against the base, else the base. */
function iriOf(node: object, terms: Terms | undefined, base: string | undefined): string | undefined {
  const record = node as Record<string, unknown>;
  for (const key of terms?.keysOf('@id') ?? ['@id', 'id']) {
    const id = record[key];
    if (Object.hasOwn(record, key) && typeof id === 'string') return resolveIri(id, base);
  }
  return base;
}

/**
 * A variable name with `[` and `]` percent-encoded. API Platform names variables `order[title]`,
 * outside RFC 6570's varchar; written `order%5Btitle%5D` (a pct-encoded varname) the template
 * parses, and the query says `order%5Btitle%5D=asc`, which is how `order[title]=asc` is sent.
 */
function encodedName(name: string): string {
  return name.replaceAll('[', '%5B').replaceAll(']', '%5D');
}

/** The name a server wrote, from its {@link encodedName}. */
function decodedName(name: string): string {
  return name.replaceAll('%5B', '[').replaceAll('%5D', ']');
}

/** A template with `[` and `]` percent-encoded inside its expressions (see {@link encodedName}). */
function encodedTemplate(template: string): string {
  return template.replace(/\{[^}]*\}/g, encodedName);
}

/** Looks each given value's key up as a variable name, else as the property of a mapping (full, compact or a term of the context); keyed by the encoded name. */
function valuesByVariable(
  model: SearchTemplateModel,
  template: string,
  values: HydraTemplateValues,
  terms: Terms | undefined,
  prefixes: Readonly<Record<string, string>>,
): Map<string, HydraTemplateValue> {
  const variables = new Set([...parseIriTemplate(template).variables, ...model.mappings.map((m) => encodedName(m.variable))]);
  const entries: [string, HydraTemplateValue][] = values instanceof Map ? [...values] : Object.entries(values as Record<string, HydraTemplateValue>);
  const out = new Map<string, HydraTemplateValue>();
  for (const [key, value] of entries) {
    let variable: string | undefined = variables.has(encodedName(key)) ? encodedName(key) : undefined;
    if (variable === undefined) {
      const iris = new Set([key, expandVocab(key, terms, prefixes), expandTerm(key, '', prefixes)]);
      const mapping = model.mappings.find((m) => m.property !== undefined && iris.has(m.property));
      if (mapping !== undefined) variable = encodedName(mapping.variable);
    }
    if (variable === undefined) {
      const known = [...variables].map(decodedName).join(', ');
      throw new IriTemplateError('unknown_variable', `${JSON.stringify(key)} is neither a variable of ${JSON.stringify(model.template)} (${known}) nor the property of one of its mappings.`, {
        template: model.template,
        variable: key,
      });
    }
    if (out.has(variable)) {
      throw new IriTemplateError('invalid_value', `Template variable "${key}" is given twice (by its name and by its property).`, { template: model.template, variable: key });
    }
    out.set(variable, value);
  }
  return out;
}

/**
 * Expands a template model with values, resolved against the IRI of the node it came from.
 *
 * @internal
 * @param model - the template model.
 * @param node - the node that holds it (its `@id` or base resolves the result).
 * @param values - the values, keyed by variable name or property IRI.
 * @param options - registry, base, prefixes.
 * @returns the absolute URL (or a relative one when neither an id nor a base is known).
 * @example
 * ```ts
 * import { expandModel } from './search.js';
 * expandModel({ template: '{?q}', variableRepresentation: 'BasicRepresentation', mappings: [] }, { '@id': 'https://e.x/c' }, { q: 'a' }); // 'https://e.x/c?q=a'
 * ```
 */
export function expandModel(model: SearchTemplateModel, node: object, values: HydraTemplateValues, options: SearchUrlOptions = {}): string {
  const readOptions = readOptionsOf(node, options);
  const terms = termsOf(node, readOptions);
  const prefixes = options.prefixes === undefined ? STANDARD_PREFIXES : { ...STANDARD_PREFIXES, ...options.prefixes };
  const template = encodedTemplate(model.template);
  const byVariable = valuesByVariable(model, template, values, terms, prefixes);
  let expanded: string;
  try {
    expanded = expandHydraTemplate(
      {
        template,
        variableRepresentation: model.variableRepresentation,
        mapping: model.mappings.map((m) => ({
          variable: encodedName(m.variable),
          required: m.required,
          ...(m.property !== undefined ? { property: m.property } : {}),
          ...(m.variableRepresentation !== undefined ? { variableRepresentation: m.variableRepresentation } : {}),
        })),
      },
      byVariable,
      options.prefixes !== undefined ? { prefixes: options.prefixes } : {},
    );
  } catch (error) {
    // Name the variable as the server wrote it (`order[title]`), not as it was expanded.
    if (!isIriTemplateError(error) || error.variable === undefined || error.template !== template) throw error;
    const variable = decodedName(error.variable);
    const message = error.message.replaceAll(JSON.stringify(error.variable), JSON.stringify(variable)).replaceAll(JSON.stringify(template), JSON.stringify(model.template));
    throw new IriTemplateError(error.code, message, { template: model.template, variable, cause: error });
  }
  const self = model.resolveRelativeTo === 'Rfc3986' ? readOptions.base : iriOf(node, terms, readOptions.base);
  return self === undefined ? expanded : resolveIri(expanded, self);
}

/**
 * The URL of a search on a collection: its `hydra:search` template expanded with the values,
 * each keyed by its variable name or by its mapping's property (full IRI, compact IRI or a term
 * of the collection's context), and resolved against the collection's IRI (its `@id`, else the
 * base; the base when the template says `resolveRelativeTo: Rfc3986`). `V` types the values
 * where a declaration exists (`SearchInputOf<typeof template>`).
 *
 * @param collection - a collection node with a `hydra:search`.
 * @param values - the values; `null`/`undefined` count as absent.
 * @param options - registry, base, prefixes.
 * @returns the URL of the result.
 * @throws HydraError `no_template` when the collection has no search template; IriTemplateError
 * `missing_variable` for a required variable without value, `unknown_variable` for a key that is
 * neither a variable nor a mapped property, `invalid_value`, `invalid_description`.
 * @example
 * ```ts
 * import { searchUrl } from '@hyperld/hydra/search';
 * const books = {
 *   '@context': 'http://www.w3.org/ns/hydra/context.jsonld',
 *   '@id': 'https://api.example/books',
 *   search: { template: '/books{?q}', mapping: [{ variable: 'q', property: 'freetextQuery', required: true }] },
 * };
 * searchUrl(books, { 'hydra:freetextQuery': 'dune' }); // 'https://api.example/books?q=dune'
 * ```
 */
export function searchUrl<V extends HydraTemplateValues = HydraTemplateValues>(collection: object, values: NoInfer<V>, options: SearchUrlOptions = {}): string {
  const model = searchOf(collection, options);
  if (model === undefined) throw new HydraError('no_template', 'The collection has no hydra:search template to expand.');
  return expandModel(model, collection, values, options);
}

/**
 * Finds a page-number template of a collection: one with a mapping whose property is
 * `hydra:pageIndex`, in the collection's `hydra:search`, its view's `hydra:search`, or its view
 * when the view is itself a template.
 *
 * @param collection - a collection node.
 * @param options - registry and base.
 * @returns the template model, the node it is resolved against, and the page-index variable; or `undefined`.
 * @example
 * ```ts
 * import { pageTemplateOf } from '@hyperld/hydra/search';
 * const c = { '@id': '/c', search: { template: '/c{?page}', mapping: [{ variable: 'page', property: 'hydra:pageIndex' }] } };
 * pageTemplateOf(c)?.variable; // 'page'
 * ```
 */
export function pageTemplateOf(
  collection: object,
  options: ReadOptions = {},
): { readonly model: SearchTemplateModel; readonly node: object; readonly variable: string } | undefined {
  const readOptions = readOptionsOf(collection, options);
  const rawView = viewOf(collection, readOptions);
  const view = rawView === undefined ? undefined : inContextOf(rawView, collection);
  const candidates: [SearchTemplateModel | undefined, object][] = [[searchOf(collection, readOptions), collection]];
  if (view !== undefined) {
    candidates.push([modelOf(readTerm(view, 'search', readOptions), view, readOptions), view]);
    candidates.push([modelOf(view, collection, readOptions), view]);
  }
  for (const [model, node] of candidates) {
    const mapping = model?.mappings.find((m) => m.property === `${HYDRA}pageIndex`);
    // A view's template resolves against the collection when the view has no IRI of its own.
    if (model !== undefined && mapping !== undefined) return { model, node: node === view && !hasId(view, readOptions) ? collection : node, variable: mapping.variable };
  }
  return undefined;
}

function hasId(node: Record<string, unknown>, options: ReadOptions): boolean {
  const keys = termsOf(node, options)?.keysOf('@id') ?? ['@id', 'id'];
  return keys.some((key) => typeof node[key] === 'string');
}

/**
 * The URL of page `index` of a collection, from its page-number template (see
 * {@link pageTemplateOf}).
 *
 * @param collection - a collection node.
 * @param index - the page index, as the server counts (Hydra's `pageIndex`; often from 1).
 * @param options - other values the template needs, registry, base, prefixes.
 * @returns the page's URL.
 * @throws HydraError `no_template` when the collection has no page-number template; IriTemplateError as {@link searchUrl}.
 * @example
 * ```ts
 * import { pageUrl } from '@hyperld/hydra/search';
 * const c = { '@id': 'https://api.example/c', search: { template: '/c{?page}', mapping: [{ variable: 'page', property: 'hydra:pageIndex' }] } };
 * pageUrl(c, 3); // 'https://api.example/c?page=3'
 * ```
 */
export function pageUrl(collection: object, index: number, options: SearchUrlOptions & { readonly values?: HydraTemplateValues } = {}): string {
  const found = pageTemplateOf(collection, options);
  if (found === undefined) throw new HydraError('no_template', 'The collection has no page-number template (no hydra:pageIndex mapping in its search or its view).');
  const { values, ...rest } = options;
  const given = values instanceof Map ? Object.fromEntries(values) : { ...(values ?? {}) };
  return expandModel(found.model, found.node, { ...given, [found.variable]: index }, rest);
}
