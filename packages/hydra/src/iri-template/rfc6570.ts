/**
 * IRI templates: RFC 6570 URI Template expansion (levels 1–4, every operator, prefix and explode
 * modifiers, lists and associative arrays), compiled once and cached, and the expansion of Hydra
 * `IriTemplate` descriptions with their variable mappings and `BasicRepresentation` /
 * `ExplicitRepresentation` of values. No dependency beyond `@hyperld/core` constants.
 *
 * @module
 */
import { expandTerm, HYDRA, STANDARD_PREFIXES, XSD } from '@hyperld/core';

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

/**
 * Every error code raised for IRI templates, with what it means.
 *
 * @example
 * ```ts
 * import { IriTemplateErrorCodes } from '@hyperld/hydra';
 * console.log(IriTemplateErrorCodes.invalid_template); // 'The template does not follow the RFC 6570 grammar.'
 * ```
 */
export const IriTemplateErrorCodes = {
  invalid_template: 'The template does not follow the RFC 6570 grammar.',
  missing_variable: 'A mapping marked `required` has no value.',
  invalid_description: 'A Hydra IriTemplate description is malformed (no template, unknown variable representation, bad mapping).',
  invalid_value: 'A value given for a Hydra template variable is neither a literal, a value object nor a node reference.',
} as const;

/**
 * A code from {@link IriTemplateErrorCodes}.
 *
 * @example
 * ```ts
 * import { isIriTemplateError, parseIriTemplate, type IriTemplateErrorCode } from '@hyperld/hydra';
 * let code: IriTemplateErrorCode | undefined;
 * try { parseIriTemplate('/items{?q'); } catch (e) { if (isIriTemplateError(e)) code = e.code; } // 'invalid_template'
 * ```
 */
export type IriTemplateErrorCode = keyof typeof IriTemplateErrorCodes;

const ERROR_NAME = 'IriTemplateError';

/**
 * Thrown for a malformed template (with the offset of the offending character), a missing
 * required variable, or a malformed Hydra description or value.
 *
 * @example
 * ```ts
 * import { IriTemplateError } from '@hyperld/hydra';
 * const error = new IriTemplateError('invalid_template', 'Unclosed expression.', { template: '{x', offset: 0 });
 * console.log(error.code, error.offset); // 'invalid_template' 0
 * ```
 */
export class IriTemplateError extends Error {
  override name = ERROR_NAME;
  /** What went wrong, as a key of {@link IriTemplateErrorCodes}. */
  readonly code: IriTemplateErrorCode;
  /** The template concerned, when there is one. */
  readonly template: string | undefined;
  /** For `invalid_template`: the offset (UTF-16 code units) of the offending character in the template. */
  readonly offset: number | undefined;
  /** For `missing_variable` and `invalid_value`: the template variable concerned. */
  readonly variable: string | undefined;

  /**
   * @param code - what went wrong.
   * @param message - a sentence for people.
   * @param details - the template, offset and variable concerned, and the underlying cause.
   */
  constructor(
    code: IriTemplateErrorCode,
    message: string,
    details: { readonly template?: string; readonly offset?: number; readonly variable?: string; readonly cause?: unknown } = {},
  ) {
    super(message, 'cause' in details ? { cause: details.cause } : undefined);
    this.code = code;
    this.template = details.template;
    this.offset = details.offset;
    this.variable = details.variable;
  }
}

/**
 * Tells whether a value is an {@link IriTemplateError}; checks the name and code rather than
 * `instanceof`, so it also works across duplicate installs of the package.
 *
 * @param value - anything caught.
 * @returns whether it is an IRI template error.
 * @example
 * ```ts
 * import { isIriTemplateError, parseIriTemplate } from '@hyperld/hydra';
 * try { parseIriTemplate('/items{?q'); } catch (e) { console.log(isIriTemplateError(e)); } // true
 * ```
 */
export function isIriTemplateError(value: unknown): value is IriTemplateError {
  if (typeof value !== 'object' || value === null) return false;
  const { name, code } = value as { name?: unknown; code?: unknown };
  return name === ERROR_NAME && typeof code === 'string';
}

// ---------------------------------------------------------------------------------------------
// RFC 6570
// ---------------------------------------------------------------------------------------------

/**
 * A single value a template variable can take; numbers and booleans expand as `String(value)`.
 *
 * @example
 * ```ts
 * import { expandIriTemplate, type TemplateScalar } from '@hyperld/hydra';
 * const page: TemplateScalar = 2;
 * expandIriTemplate('/items{?page}', { page }); // '/items?page=2'
 * ```
 */
export type TemplateScalar = string | number | boolean;

/**
 * What a template variable can be given: a scalar, a list, or an associative array (a plain
 * object or a `Map`, expanded in insertion order). `null`, `undefined`, an empty list and an
 * object with no defined member are "undefined" in the RFC's sense: the variable is skipped.
 * Members that are themselves lists or objects are skipped too (RFC 6570 has one level only).
 *
 * @example
 * ```ts
 * import { expandIriTemplate, type TemplateValue } from '@hyperld/hydra';
 * const keys: TemplateValue = { page: 2, q: 'x y' };
 * expandIriTemplate('/items{?keys*}', { keys }); // '/items?page=2&q=x%20y'
 * ```
 */
export type TemplateValue =
  | TemplateScalar
  | null
  | undefined
  | readonly (TemplateScalar | null | undefined)[]
  | { readonly [key: string]: TemplateScalar | null | undefined }
  | ReadonlyMap<string, TemplateScalar | null | undefined>;

/**
 * The values to expand a template with, by variable name.
 *
 * @example
 * ```ts
 * import { expandIriTemplate, type TemplateValues } from '@hyperld/hydra';
 * const values: TemplateValues = { q: 'open', tags: ['a', 'b'] };
 * expandIriTemplate('/issues{?q,tags}', values); // '/issues?q=open&tags=a,b'
 * ```
 */
export type TemplateValues = { readonly [name: string]: TemplateValue } | ReadonlyMap<string, TemplateValue>;

/**
 * A parsed and compiled RFC 6570 template, made by {@link parseIriTemplate}.
 *
 * @example
 * ```ts
 * import { parseIriTemplate, type CompiledIriTemplate } from '@hyperld/hydra';
 * const search: CompiledIriTemplate = parseIriTemplate('/issues{?q,page}');
 * search.variables; // ['q', 'page']
 * search.expand({ q: 'open bugs' }); // '/issues?q=open%20bugs'
 * ```
 */
export interface CompiledIriTemplate {
  /** The template text as given. */
  readonly template: string;
  /** The variable names, each once, in order of first appearance. */
  readonly variables: readonly string[];
  /**
   * Expands the template; never throws.
   * @param values - the values by variable name; absent names are undefined.
   * @returns the expanded IRI reference.
   */
  expand(values: TemplateValues): string;
}

/** One operator's row of the RFC 6570 appendix A table. */
interface Operator {
  readonly first: string;
  readonly sep: string;
  readonly named: boolean;
  readonly ifemp: string;
  readonly reserved: boolean;
}

interface VarSpec {
  readonly name: string;
  /** Max length of the prefix modifier, 0 when absent. */
  readonly prefix: number;
  readonly explode: boolean;
}

interface Expression {
  readonly op: Operator;
  readonly vars: readonly VarSpec[];
}

const op = (first: string, sep: string, named: boolean, ifemp: string, reserved: boolean): Operator => ({ first, sep, named, ifemp, reserved });
const SIMPLE = op('', ',', false, '', false);
const OPERATORS: ReadonlyMap<string, Operator> = new Map([
  ['+', op('', ',', false, '', true)],
  ['#', op('#', ',', false, '', true)],
  ['.', op('.', '.', false, '', false)],
  ['/', op('/', '/', false, '', false)],
  [';', op(';', ';', true, '', false)],
  ['?', op('?', '&', true, '=', false)],
  ['&', op('&', '&', true, '=', false)],
]);
// RFC 6570 §2.2 keeps these for future extensions: a template using them is not valid today.
const RESERVED_OPERATORS = '=,!@|';

const HEX = '0123456789ABCDEF';
const isHexCode = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
const isHexAt = (s: string, i: number): boolean => i < s.length && isHexCode(s.charCodeAt(i));

// Per-ASCII-code tables: 1 where the character is copied as is.
const UNRESERVED = new Uint8Array(128);
const UNRESERVED_OR_RESERVED = new Uint8Array(128);
for (const ch of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~') {
  UNRESERVED[ch.charCodeAt(0)] = 1;
  UNRESERVED_OR_RESERVED[ch.charCodeAt(0)] = 1;
}
for (const ch of ":/?#[]@!$&'()*+,;=") UNRESERVED_OR_RESERVED[ch.charCodeAt(0)] = 1;
// The ASCII characters the `literals` production admits outside `pct-encoded`: all of them are
// unreserved or reserved, so they are copied unchanged.
const LITERAL_ASCII = new Uint8Array(128);
for (let c = 0x21; c < 0x7f; c++) LITERAL_ASCII[c] = '"\'%<>\\^`{|}'.includes(String.fromCharCode(c)) ? 0 : 1;

function pctByte(byte: number): string {
  return `%${HEX[byte >> 4]}${HEX[byte & 15]}`;
}

/** Percent-encodes the UTF-8 octets of one code point (a lone surrogate becomes U+FFFD, as TextEncoder does). */
function pctCodePoint(cp: number): string {
  if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
  if (cp < 0x80) return pctByte(cp);
  if (cp < 0x800) return pctByte(0xc0 | (cp >> 6)) + pctByte(0x80 | (cp & 63));
  if (cp < 0x10000) return pctByte(0xe0 | (cp >> 12)) + pctByte(0x80 | ((cp >> 6) & 63)) + pctByte(0x80 | (cp & 63));
  return pctByte(0xf0 | (cp >> 18)) + pctByte(0x80 | ((cp >> 12) & 63)) + pctByte(0x80 | ((cp >> 6) & 63)) + pctByte(0x80 | (cp & 63));
}

/**
 * Encodes a value for an expression: unreserved characters always pass, reserved characters and
 * well-formed pct-encoded triplets pass only for `+` and `#`, everything else is UTF-8 pct-encoded.
 */
function encodeValue(value: string, reserved: boolean): string {
  const allowed = reserved ? UNRESERVED_OR_RESERVED : UNRESERVED;
  let out = '';
  // Runs of characters that pass are copied with one slice; a value that needs no encoding (the
  // common case) is returned as is by the final slice.
  let run = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x80 && allowed[c] === 1) continue;
    if (reserved && c === 37 && isHexAt(value, i + 1) && isHexAt(value, i + 2)) {
      i += 2;
      continue;
    }
    out += value.slice(run, i);
    if (c < 0x80) out += pctByte(c);
    else {
      const cp = value.codePointAt(i) ?? c;
      if (cp > 0xffff) i++;
      out += pctCodePoint(cp);
    }
    run = i + 1;
  }
  return out + value.slice(run);
}

/**
 * The first `max` characters of a value, counted in code points so that no UTF-8 sequence is
 * split; for `+` and `#`, where triplets pass through, a pct-encoded triplet counts as one
 * character so that none is cut in the middle (RFC 6570 §2.4.1).
 */
function truncate(value: string, max: number, reserved: boolean): string {
  let i = 0;
  for (let n = 0; n < max && i < value.length; n++) {
    const c = value.charCodeAt(i);
    if (reserved && c === 37 && isHexAt(value, i + 1) && isHexAt(value, i + 2)) i += 3;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < value.length && (value.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i += 2;
    else i++;
  }
  return i >= value.length ? value : value.slice(0, i);
}

/** A list member or associative-array value as text, or undefined when it does not count. */
function scalarText(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(value);
    default:
      return undefined;
  }
}

function named(name: string, operator: Operator, encoded: string): string {
  return encoded === '' ? name + operator.ifemp : `${name}=${encoded}`;
}

// The expansion below is split per kind of value and uses no closures, so that V8 allocates
// nothing per call beyond the result strings.

function expandScalar(operator: Operator, spec: VarSpec, text: string): string {
  if (spec.prefix > 0) text = truncate(text, spec.prefix, operator.reserved);
  const encoded = encodeValue(text, operator.reserved);
  return operator.named ? named(spec.name, operator, encoded) : encoded;
}

function expandList(operator: Operator, spec: VarSpec, value: readonly unknown[]): string | undefined {
  let out = '';
  let count = 0;
  for (let i = 0; i < value.length; i++) {
    const text = scalarText(value[i]);
    if (text === undefined) continue;
    const encoded = encodeValue(text, operator.reserved);
    const item = spec.explode && operator.named ? named(spec.name, operator, encoded) : encoded;
    out += count === 0 ? item : (spec.explode ? operator.sep : ',') + item;
    count++;
  }
  if (count === 0) return undefined;
  return !spec.explode && operator.named ? named(spec.name, operator, out) : out;
}

function expandPair(operator: Operator, spec: VarSpec, key: string, text: string, out: string | undefined): string {
  const name = encodeValue(key, operator.reserved);
  const encoded = encodeValue(text, operator.reserved);
  if (!spec.explode) return `${out === undefined ? '' : `${out},`}${name},${encoded}`;
  const pair = operator.named ? named(name, operator, encoded) : `${name}=${encoded}`;
  return out === undefined ? pair : out + operator.sep + pair;
}

function expandPairs(operator: Operator, spec: VarSpec, value: object): string | undefined {
  let out: string | undefined;
  if (value instanceof Map) {
    for (const [key, member] of value as Map<unknown, unknown>) {
      const text = scalarText(member);
      if (typeof key === 'string' && text !== undefined) out = expandPair(operator, spec, key, text, out);
    }
  } else {
    const keys = Object.keys(value);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      const text = scalarText((value as Record<string, unknown>)[key]);
      if (text !== undefined) out = expandPair(operator, spec, key, text, out);
    }
  }
  if (out === undefined) return undefined;
  return !spec.explode && operator.named ? named(spec.name, operator, out) : out;
}

/** Expands one varspec (RFC 6570 appendix A); undefined when the variable is undefined. */
function expandVar(operator: Operator, spec: VarSpec, value: unknown): string | undefined {
  if (typeof value === 'string') return expandScalar(operator, spec, value);
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'object') {
    const text = scalarText(value);
    return text === undefined ? undefined : expandScalar(operator, spec, text);
  }
  // Composite values: the prefix modifier does not apply (RFC 6570 §2.4.1), so it is ignored.
  return Array.isArray(value) ? expandList(operator, spec, value) : expandPairs(operator, spec, value);
}

function expandExpression(expression: Expression, values: TemplateValues, isMap: boolean): string {
  let out = '';
  let first = true;
  const vars = expression.vars;
  for (let i = 0; i < vars.length; i++) {
    const spec = vars[i] as VarSpec;
    const value = isMap
      ? (values as ReadonlyMap<string, TemplateValue>).get(spec.name)
      : Object.hasOwn(values, spec.name)
        ? (values as Record<string, unknown>)[spec.name]
        : undefined;
    const piece = expandVar(expression.op, spec, value);
    if (piece === undefined) continue;
    out += (first ? expression.op.first : expression.op.sep) + piece;
    first = false;
  }
  return out;
}

/** Whether a non-ASCII code point is a `ucschar` or `iprivate` (RFC 6570 §2.1), allowed in literals. */
function isUcsOrPrivate(cp: number): boolean {
  if (cp < 0xa0 || (cp >= 0xd800 && cp <= 0xdfff)) return false;
  if (cp >= 0xfdd0 && cp <= 0xfdef) return false;
  if (cp >= 0xfff0 && cp <= 0xffff) return false;
  if ((cp & 0xfffe) === 0xfffe) return false;
  if (cp >= 0xe0000 && cp <= 0xe0fff) return false;
  return true;
}

function fail(template: string, offset: number, reason: string): never {
  const shown = template.length > 120 ? `${template.slice(0, 117)}...` : template;
  throw new IriTemplateError('invalid_template', `Invalid IRI template ${JSON.stringify(shown)} at offset ${offset}: ${reason}.`, {
    template,
    offset,
  });
}

const describeChar = (template: string, i: number): string =>
  i >= template.length ? 'the end of the template' : JSON.stringify(String.fromCodePoint(template.codePointAt(i) ?? 0));

/** Parses the expression whose `{` is at `open`; returns it and the offset after its `}`. */
function parseExpression(template: string, open: number): [Expression, number] {
  let i = open + 1;
  const opChar = template[i] ?? '';
  let operator = SIMPLE;
  const found = OPERATORS.get(opChar);
  if (found !== undefined) {
    operator = found;
    i++;
  } else if (opChar !== '' && RESERVED_OPERATORS.includes(opChar)) {
    fail(template, i, `operator ${JSON.stringify(opChar)} is reserved for future extensions`);
  }
  const vars: VarSpec[] = [];
  for (;;) {
    // varname = varchar *( ["."] varchar ), varchar = ALPHA / DIGIT / "_" / pct-encoded
    const start = i;
    let lastWasDot = true;
    for (;;) {
      const c = template.charCodeAt(i);
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95) {
        i++;
        lastWasDot = false;
      } else if (c === 37) {
        if (!isHexAt(template, i + 1) || !isHexAt(template, i + 2)) fail(template, i, 'a "%" in a variable name must start a pct-encoded triplet');
        i += 3;
        lastWasDot = false;
      } else if (c === 46) {
        if (lastWasDot) fail(template, i, 'a "." in a variable name must sit between two variable characters');
        i++;
        lastWasDot = true;
      } else break;
    }
    if (i === start) {
      if (i >= template.length) fail(template, open, 'the expression is not closed');
      fail(template, i, `expected a variable name, found ${describeChar(template, i)}`);
    }
    if (lastWasDot) fail(template, i - 1, 'a variable name cannot end with "."');
    const name = template.slice(start, i);
    let prefix = 0;
    let explode = false;
    if (template[i] === ':') {
      i++;
      const digits = i;
      while (i < template.length && i - digits < 5 && template.charCodeAt(i) >= 48 && template.charCodeAt(i) <= 57) i++;
      const length = template.slice(digits, i);
      if (length === '' || length.startsWith('0') || length.length > 4) {
        fail(template, digits, 'a prefix modifier is a length from 1 to 9999');
      }
      prefix = Number(length);
    } else if (template[i] === '*') {
      i++;
      explode = true;
    }
    vars.push({ name, prefix, explode });
    const next = template[i];
    if (next === ',') {
      i++;
      continue;
    }
    if (next === '}') return [{ op: operator, vars }, i + 1];
    if (next === undefined) fail(template, open, 'the expression is not closed');
    fail(template, i, `expected "," or "}", found ${describeChar(template, i)}`);
  }
}

function compile(template: string): CompiledIriTemplate {
  const parts: (string | Expression)[] = [];
  const variables: string[] = [];
  const seen = new Set<string>();
  let literal = '';
  let i = 0;
  while (i < template.length) {
    const c = template.charCodeAt(i);
    if (c === 123) {
      if (literal !== '') parts.push(literal);
      literal = '';
      const [expression, next] = parseExpression(template, i);
      parts.push(expression);
      for (const spec of expression.vars) {
        if (!seen.has(spec.name)) {
          seen.add(spec.name);
          variables.push(spec.name);
        }
      }
      i = next;
    } else if (c < 0x80) {
      if (c === 37) {
        if (!isHexAt(template, i + 1) || !isHexAt(template, i + 2)) fail(template, i, 'a "%" must start a pct-encoded triplet');
        literal += template.slice(i, i + 3);
        i += 3;
        continue;
      }
      if (LITERAL_ASCII[c] !== 1) {
        fail(template, i, c === 125 ? 'a "}" closes no expression' : `${describeChar(template, i)} is not allowed in a template`);
      }
      literal += template[i];
      i++;
    } else {
      const cp = template.codePointAt(i) ?? c;
      if (!isUcsOrPrivate(cp)) fail(template, i, `${describeChar(template, i)} is not allowed in a template`);
      // Literal characters outside the URI character set are copied pct-encoded (RFC 6570 §3.1).
      literal += pctCodePoint(cp);
      i += cp > 0xffff ? 2 : 1;
    }
  }
  if (literal !== '') parts.push(literal);

  const compiled: CompiledIriTemplate = {
    template,
    variables: Object.freeze(variables),
    expand(values: TemplateValues): string {
      const isMap = values instanceof Map;
      let out = '';
      for (let i = 0; i < parts.length; i++) {
        const part = parts[i] as string | Expression;
        out += typeof part === 'string' ? part : expandExpression(part, values, isMap);
      }
      return out;
    },
  };
  return Object.freeze(compiled);
}

// Templates come from documents, so the cache is bounded; the oldest entry goes first.
const CACHE_LIMIT = 512;
const cache = new Map<string, CompiledIriTemplate>();

/**
 * Parses an RFC 6570 URI Template (levels 1–4) once and returns its compiled form; the result is
 * cached by template text.
 *
 * @param template - the template, such as `http://api.example.com/issues{?q}`.
 * @returns the compiled template, with `expand(values)` and `variables`.
 * @throws {@link IriTemplateError} with code `invalid_template` and the `offset` of the offending
 * character when the template does not follow the RFC's grammar.
 * @example
 * ```ts
 * import { parseIriTemplate } from '@hyperld/hydra';
 * const t = parseIriTemplate('/contacts/{id}/conversations{?status*}');
 * t.variables; // ['id', 'status']
 * t.expand({ id: 'DQeeO69', status: ['open', 'snoozed'] });
 * // '/contacts/DQeeO69/conversations?status=open&status=snoozed'
 * ```
 */
export function parseIriTemplate(template: string): CompiledIriTemplate {
  const cached = cache.get(template);
  if (cached !== undefined) return cached;
  const compiled = compile(template);
  if (cache.size >= CACHE_LIMIT) {
    const oldest = cache.keys().next();
    if (oldest.done !== true) cache.delete(oldest.value);
  }
  cache.set(template, compiled);
  return compiled;
}

/**
 * Expands an RFC 6570 URI Template with values: parses it (cached) and expands it.
 *
 * @param template - the template text, or a template from {@link parseIriTemplate}.
 * @param values - the values by variable name.
 * @returns the expanded IRI reference.
 * @throws {@link IriTemplateError} with code `invalid_template` when the template is malformed.
 * @example
 * ```ts
 * import { expandIriTemplate } from '@hyperld/hydra';
 * expandIriTemplate('{/list*}{?keys*}', { list: ['a', 'b'], keys: { page: 2, q: 'x y' } });
 * // '/a/b?page=2&q=x%20y'
 * ```
 */
export function expandIriTemplate(template: string | CompiledIriTemplate, values: TemplateValues): string {
  return (typeof template === 'string' ? parseIriTemplate(template) : template).expand(values);
}

// ---------------------------------------------------------------------------------------------
// Hydra IriTemplate
// ---------------------------------------------------------------------------------------------

/**
 * A JSON-LD node reference: the value is an IRI.
 *
 * @example
 * ```ts
 * import { expandHydraTemplate, type JsonLdNodeReference } from '@hyperld/hydra';
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
 * import { expandHydraTemplate, type JsonLdValueObject } from '@hyperld/hydra';
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
 * import type { HydraTemplateScalar } from '@hyperld/hydra';
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
 * import { expandHydraTemplate, type HydraTemplateValue } from '@hyperld/hydra';
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
 * import { expandHydraTemplate, type HydraTemplateValues } from '@hyperld/hydra';
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
 * import type { IriOrReference } from '@hyperld/hydra';
 * const references: IriOrReference[] = ['hydra:freetextQuery', { '@id': 'http://www.w3.org/ns/hydra/core#freetextQuery' }];
 * ```
 */
export type IriOrReference = string | JsonLdNodeReference;

/**
 * A `hydra:IriTemplateMapping`, as compacted with the Hydra context.
 *
 * @example
 * ```ts
 * import type { IriTemplateMappingDescription } from '@hyperld/hydra';
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
}

/**
 * A `hydra:IriTemplate`, as compacted with the Hydra context.
 *
 * @example
 * ```ts
 * import type { IriTemplateDescription } from '@hyperld/hydra';
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
 * import type { HydraTemplateOptions } from '@hyperld/hydra';
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
  if (term === 'ExplicitRepresentation' || term === 'hydra:ExplicitRepresentation' || term === `${HYDRA}ExplicitRepresentation`) return true;
  if (term === 'BasicRepresentation' || term === 'hydra:BasicRepresentation' || term === `${HYDRA}BasicRepresentation`) return false;
  throw new IriTemplateError('invalid_description', `Unknown hydra:variableRepresentation ${JSON.stringify(representation)}.`, { template });
}

function lookupHydra(values: HydraTemplateValues, key: string): unknown {
  if (values instanceof Map) return (values as ReadonlyMap<string, HydraTemplateValue>).get(key);
  return Object.hasOwn(values, key) ? (values as Record<string, unknown>)[key] : undefined;
}

/**
 * Expands a Hydra `IriTemplate` description: looks each variable's value up by variable name,
 * then by the mapped property (as written, then expanded), represents it per the description's
 * `variableRepresentation`, and expands the RFC 6570 template with the results.
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
 * @throws {@link IriTemplateError} `missing_variable` for a required mapping without value,
 * `invalid_template`, `invalid_description` or `invalid_value` for malformed input.
 * @example
 * ```ts
 * import { expandHydraTemplate } from '@hyperld/hydra';
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
