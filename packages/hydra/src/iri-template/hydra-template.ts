/**
 * Hydra `IriTemplate` descriptions: variables looked up by name or by their mapped property,
 * values represented per `BasicRepresentation` / `ExplicitRepresentation`, and the RFC 6570
 * template expanded with them.
 *
 * @module
 */
import { expandTerm, STANDARD_PREFIXES, XSD } from '@hyperld/core';
import { isHydraTerm } from '../terms.js';
import { IriTemplateError } from './errors.js';
import { parseIriTemplate, type TemplateValue } from './rfc6570.js';

/**
 * A JSON-LD node reference: the value is an IRI.
 *
 * @example
 * ```ts
 * import { expandHydraTemplate, type JsonLdNodeReference } from '@hyperld/hydra/search';
 * const author: JsonLdNodeReference = { '@id': 'http://example.com/people/1' };
 * const books = { template: '/books{?author}', variableRepresentation: 'ExplicitRepresentation', mapping: [{ variable: 'author', property: 'http://schema.org/author' }] };
 * expandHydraTemplate(books, { author }); // '/books?author=http%3A%2F%2Fexample.com%2Fpeople%2F1'
 * ```
 */
export interface JsonLdNodeReference {
  /** The IRI (a compact IRI with a known prefix is expanded). */
  readonly '@id': string;
}

/**
 * A JSON-LD value object: a literal with an optional datatype or language.
 *
 * @example
 * ```ts
 * import { expandHydraTemplate, type JsonLdValueObject } from '@hyperld/hydra/search';
 * const size: JsonLdValueObject = { '@value': '5', '@type': 'xsd:integer' };
 * const items = { template: '/items{?size}', variableRepresentation: 'ExplicitRepresentation', mapping: [{ variable: 'size', property: 'hydra:limit' }] };
 * expandHydraTemplate(items, { size }); // '/items?size=%225%22%5E%5Ehttp%3A%2F%2Fwww.w3.org%2F2001%2FXMLSchema%23integer'
 * ```
 */
export interface JsonLdValueObject {
  /** The literal's value; numbers and booleans convert as JSON-LD's RDF conversion does. */
  readonly '@value': string | number | boolean;
  /** The datatype IRI or compact IRI (`xsd:integer`). */
  readonly '@type'?: string;
  /** The language tag (`en`). */
  readonly '@language'?: string;
}

/**
 * One value of a Hydra template variable: a JS literal, a value object or a node reference.
 *
 * @example
 * ```ts
 * import type { HydraTemplateScalar } from '@hyperld/hydra/search';
 * const values: HydraTemplateScalar[] = ['open bugs', 2, { '@value': 'Hallo', '@language': 'de' }, { '@id': 'http://example.com/people/1' }];
 * ```
 */
export type HydraTemplateScalar = string | number | boolean | JsonLdValueObject | JsonLdNodeReference;

/**
 * What a Hydra template variable can be given; a list expands as an RFC 6570 list (for `{?q*}`),
 * and `null`, `undefined` or an empty list count as missing.
 *
 * @example
 * ```ts
 * import { expandHydraTemplate, type HydraTemplateValue } from '@hyperld/hydra/search';
 * const tag: HydraTemplateValue = ['urgent', 'ui'];
 * expandHydraTemplate({ template: '/issues{?tag*}', mapping: [{ variable: 'tag', property: 'http://example.com/vocab#tag' }] }, { tag }); // '/issues?tag=urgent&tag=ui'
 * ```
 */
export type HydraTemplateValue = HydraTemplateScalar | null | undefined | readonly (HydraTemplateScalar | null | undefined)[];

/**
 * Values for a Hydra template, keyed by variable name, by property IRI or compact IRI as the mapping writes it.
 *
 * @example
 * ```ts
 * import { expandHydraTemplate, type HydraTemplateValues } from '@hyperld/hydra/search';
 * const search = { template: '/issues{?q,page}', mapping: [{ variable: 'q', property: 'hydra:freetextQuery' }, { variable: 'page', property: 'hydra:pageIndex' }] };
 * const values: HydraTemplateValues = { 'hydra:freetextQuery': 'open bugs', page: 2 };
 * expandHydraTemplate(search, values); // '/issues?q=open%20bugs&page=2'
 * ```
 */
export type HydraTemplateValues = { readonly [key: string]: HydraTemplateValue } | ReadonlyMap<string, HydraTemplateValue>;

/**
 * A reference to a term or IRI, as a string or as a node reference.
 *
 * @example
 * ```ts
 * import type { IriOrReference } from '@hyperld/hydra/search';
 * const references: IriOrReference[] = ['hydra:freetextQuery', { '@id': 'http://www.w3.org/ns/hydra/core#freetextQuery' }];
 * ```
 */
export type IriOrReference = string | JsonLdNodeReference;

/**
 * A `hydra:IriTemplateMapping`, as compacted with the Hydra context.
 *
 * @example
 * ```ts
 * import type { IriTemplateMappingDescription } from '@hyperld/hydra/search';
 * const m: IriTemplateMappingDescription = { variable: 'q', property: 'hydra:freetextQuery', required: true };
 * ```
 */
export interface IriTemplateMappingDescription {
  /** The node's type, normally `IriTemplateMapping`; not read. */
  readonly '@type'?: string | readonly string[];
  /** The template variable this mapping describes. */
  readonly variable: string;
  /** The property whose value the variable carries. */
  readonly property?: IriOrReference | null;
  /** Whether the variable must have a value. */
  readonly required?: boolean | null;
  /**
   * How this variable's value is written, overriding the template's (as the Hydra CG's newer
   * drafts allow on a mapping): `BasicRepresentation` or `ExplicitRepresentation`.
   */
  readonly variableRepresentation?: IriOrReference | null;
}

/**
 * A `hydra:IriTemplate`, as compacted with the Hydra context.
 *
 * @example
 * ```ts
 * import type { IriTemplateDescription } from '@hyperld/hydra/search';
 * const search: IriTemplateDescription = {
 *   template: 'http://api.example.com/issues{?q}',
 *   variableRepresentation: 'BasicRepresentation',
 *   mapping: [{ variable: 'q', property: 'hydra:freetextQuery', required: true }],
 * };
 * ```
 */
export interface IriTemplateDescription {
  /** The node's IRI, if any; not read. */
  readonly '@id'?: string;
  /** The node's type, normally `IriTemplate`; not read. */
  readonly '@type'?: string | readonly string[];
  /** The RFC 6570 template. */
  readonly template: string;
  /** `BasicRepresentation` (the default) or `ExplicitRepresentation`, bare, `hydra:`-prefixed or as full IRI. */
  readonly variableRepresentation?: IriOrReference | null;
  /** The variable mappings (a single mapping is accepted too, as JSON-LD allows). */
  readonly mapping?: readonly IriTemplateMappingDescription[] | IriTemplateMappingDescription | null;
}

/**
 * Options of {@link expandHydraTemplate}.
 *
 * @example
 * ```ts
 * import type { HydraTemplateOptions } from '@hyperld/hydra/search';
 * const options: HydraTemplateOptions = { prefixes: { schema: 'http://schema.org/' } };
 * ```
 */
export interface HydraTemplateOptions {
  /** Prefixes for compact IRIs in properties, `@type` and `@id`, on top of `hydra:` and `xsd:`. */
  readonly prefixes?: Readonly<Record<string, string>>;
}

const XSD_STRING = `${XSD}string`;
const XSD_INTEGER = `${XSD}integer`;
const XSD_DOUBLE = `${XSD}double`;
const XSD_BOOLEAN = `${XSD}boolean`;

/** The canonical xsd:double lexical form, as JSON-LD's RDF conversion writes it (`5.5` → `5.5E0`). */
function canonicalDouble(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? 'INF' : '-INF';
  return n.toExponential(15).replace(/(\d)0*e\+?/, '$1E');
}

/** Lexical form and datatype of a JS number, per JSON-LD 1.1 §8.6 (integral below 1e21 → xsd:integer). */
function numberLiteral(n: number, datatype: string | undefined): [string, string] {
  const integral = Number.isInteger(n) && Math.abs(n) < 1e21;
  if (!integral || datatype === XSD_DOUBLE) return [canonicalDouble(n), datatype ?? XSD_DOUBLE];
  return [String(n), datatype ?? XSD_INTEGER];
}

function literal(lexical: string, explicit: boolean, datatype: string, language?: string): string {
  if (!explicit) return lexical;
  // Per the Hydra spec, quotes inside the lexical form are not escaped.
  if (language !== undefined) return `"${lexical}"@${language}`;
  return datatype === XSD_STRING ? `"${lexical}"` : `"${lexical}"^^${datatype}`;
}

/** The representation of one value, or undefined when it is missing. */
function represent(
  value: unknown,
  explicit: boolean,
  prefixes: Readonly<Record<string, string>>,
  variable: string,
  template: string,
): string | undefined {
  switch (typeof value) {
    case 'undefined':
      return undefined;
    case 'string':
      return literal(value, explicit, XSD_STRING);
    case 'number': {
      const [lexical, datatype] = numberLiteral(value, undefined);
      return literal(lexical, explicit, datatype);
    }
    case 'boolean':
      return literal(String(value), explicit, XSD_BOOLEAN);
    case 'object': {
      if (value === null) return undefined;
      const node = value as Record<string, unknown>;
      if (Object.hasOwn(node, '@id') && typeof node['@id'] === 'string') return expandTerm(node['@id'], '', prefixes);
      if (Object.hasOwn(node, '@value')) {
        const raw = node['@value'];
        const type = typeof node['@type'] === 'string' ? expandTerm(node['@type'] as string, '', prefixes) : undefined;
        const language = typeof node['@language'] === 'string' ? (node['@language'] as string) : undefined;
        if (raw === null) return undefined;
        if (typeof raw === 'string') return literal(raw, explicit, type ?? XSD_STRING, language);
        if (typeof raw === 'boolean') return literal(String(raw), explicit, type ?? XSD_BOOLEAN);
        if (typeof raw === 'number') {
          const [lexical, datatype] = numberLiteral(raw, type);
          return literal(lexical, explicit, datatype);
        }
      }
      break;
    }
    default:
      break;
  }
  throw new IriTemplateError(
    'invalid_value',
    `The value of template variable "${variable}" is neither a string, number, boolean, JSON-LD value object nor node reference.`,
    { template, variable },
  );
}

function referenceText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && Object.hasOwn(value, '@id')) {
    const id = (value as Record<string, unknown>)['@id'];
    if (typeof id === 'string') return id;
  }
  return undefined;
}

function isExplicit(representation: unknown, template: string): boolean {
  if (representation === undefined || representation === null) return false;
  const term = referenceText(representation);
  if (isHydraTerm(term, 'ExplicitRepresentation')) return true;
  if (isHydraTerm(term, 'BasicRepresentation')) return false;
  throw new IriTemplateError('invalid_description', `Unknown hydra:variableRepresentation ${JSON.stringify(representation)}.`, { template });
}

function lookupHydra(values: HydraTemplateValues, key: string): unknown {
  if (values instanceof Map) return (values as ReadonlyMap<string, HydraTemplateValue>).get(key);
  return Object.hasOwn(values, key) ? (values as Record<string, unknown>)[key] : undefined;
}

/**
 * Expands a Hydra `IriTemplate` description: looks each variable's value up by variable name,
 * then by the mapped property (as written, then expanded), represents it per its mapping's
 * `variableRepresentation`, else the description's, and expands the RFC 6570 template with the
 * results.
 *
 * - `BasicRepresentation` (default): IRIs as is, literals by their lexical form only.
 * - `ExplicitRepresentation`: IRIs as is; literals in double quotes, followed by `@lang` for a
 *   language-tagged one or `^^datatype-IRI` for a typed one other than `xsd:string`.
 *
 * A plain JS string is an `xsd:string` literal (give IRIs as `{ '@id': iri }`); numbers and
 * booleans become literals as JSON-LD converts them to RDF (`5` → `"5"^^xsd:integer`,
 * `5.5` → `"5.5E0"^^xsd:double`).
 *
 * @param description - the `IriTemplate` (`template`, `variableRepresentation`, `mapping`).
 * @param values - the values, by variable name or by property IRI / compact IRI.
 * @param options - extra prefixes for compact IRIs.
 * @returns the expanded IRI reference.
 * @throws `IriTemplateError` (of `@hyperld/hydra`) `missing_variable` for a required mapping without value,
 * `invalid_template`, `invalid_description` or `invalid_value` for malformed input.
 * @example
 * ```ts
 * import { expandHydraTemplate } from '@hyperld/hydra/search';
 * const search = {
 *   template: 'http://api.example.com/issues{?q}',
 *   variableRepresentation: 'ExplicitRepresentation',
 *   mapping: [{ variable: 'q', property: 'hydra:freetextQuery', required: true }],
 * };
 * expandHydraTemplate(search, { 'hydra:freetextQuery': { '@value': 'Hello', '@language': 'en' } });
 * // 'http://api.example.com/issues?q=%22Hello%22%40en'
 * ```
 */
export function expandHydraTemplate(
  description: IriTemplateDescription,
  values: HydraTemplateValues,
  options: HydraTemplateOptions = {},
): string {
  const text: unknown = (description as { template?: unknown } | null)?.template;
  if (typeof text !== 'string') {
    throw new IriTemplateError('invalid_description', 'A hydra:IriTemplate needs a string `template`.');
  }
  const compiled = parseIriTemplate(text);
  const explicit = isExplicit(description.variableRepresentation, text);
  const prefixes = options.prefixes === undefined ? STANDARD_PREFIXES : { ...STANDARD_PREFIXES, ...options.prefixes };

  const mappings = new Map<string, IriTemplateMappingDescription>();
  const raw = description.mapping;
  const list: readonly unknown[] = raw === undefined || raw === null ? [] : Array.isArray(raw) ? raw : [raw];
  for (const mapping of list) {
    const variable = (mapping as { variable?: unknown } | null)?.variable;
    if (typeof variable !== 'string') {
      throw new IriTemplateError('invalid_description', 'A hydra:IriTemplateMapping needs a string `variable`.', { template: text });
    }
    mappings.set(variable, mapping as IriTemplateMappingDescription);
  }

  // A mapping may say how its own variable is written (the Hydra CG's newer drafts).
  const explicitOf = (variable: string): boolean => {
    const own = mappings.get(variable)?.variableRepresentation;
    return own === undefined || own === null ? explicit : isExplicit(own, text);
  };

  const valueOf = (variable: string): unknown => {
    const byName = lookupHydra(values, variable);
    if (byName !== undefined && byName !== null) return byName;
    const property = referenceText(mappings.get(variable)?.property);
    if (property === undefined) return byName;
    const byProperty = lookupHydra(values, property);
    if (byProperty !== undefined && byProperty !== null) return byProperty;
    return lookupHydra(values, expandTerm(property, '', prefixes));
  };

  const expansion = new Map<string, TemplateValue>();
  const names = new Set([...compiled.variables, ...mappings.keys()]);
  for (const variable of names) {
    const value = valueOf(variable);
    const explicit = explicitOf(variable);
    let represented: TemplateValue;
    if (Array.isArray(value)) {
      const items: string[] = [];
      for (const item of value as readonly unknown[]) {
        const one = represent(item, explicit, prefixes, variable, text);
        if (one !== undefined) items.push(one);
      }
      represented = items.length === 0 ? undefined : items;
    } else {
      represented = represent(value, explicit, prefixes, variable, text);
    }
    if (represented === undefined) {
      if (mappings.get(variable)?.required === true) {
        throw new IriTemplateError('missing_variable', `Template variable "${variable}" is required by ${JSON.stringify(text)} but has no value.`, {
          template: text,
          variable,
        });
      }
      continue;
    }
    expansion.set(variable, represented);
  }
  return compiled.expand(expansion);
}
