/**
 * RFC 6570 URI Templates: expansion at levels 1–4 (every operator, prefix and explode modifiers,
 * lists and associative arrays), templates compiled once and cached. No dependency at all.
 *
 * @module
 */
import { IriTemplateError } from './errors.js';

/**
 * A single value a template variable can take; numbers and booleans expand as `String(value)`.
 *
 * @example
 * ```ts
 * import { expandIriTemplate, type TemplateScalar } from '@hyperld/hydra/search';
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
 * import { expandIriTemplate, type TemplateValue } from '@hyperld/hydra/search';
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
 * import { expandIriTemplate, type TemplateValues } from '@hyperld/hydra/search';
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
 * import { parseIriTemplate, type CompiledIriTemplate } from '@hyperld/hydra/search';
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
 * @throws `IriTemplateError` (of `@hyperld/hydra`) with code `invalid_template` and the `offset` of the offending
 * character when the template does not follow the RFC's grammar.
 * @example
 * ```ts
 * import { parseIriTemplate } from '@hyperld/hydra/search';
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
 * @throws `IriTemplateError` (of `@hyperld/hydra`) with code `invalid_template` when the template is malformed.
 * @example
 * ```ts
 * import { expandIriTemplate } from '@hyperld/hydra/search';
 * expandIriTemplate('{/list*}{?keys*}', { list: ['a', 'b'], keys: { page: 2, q: 'x y' } });
 * // '/a/b?page=2&q=x%20y'
 * ```
 */
export function expandIriTemplate(template: string | CompiledIriTemplate, values: TemplateValues): string {
  return (typeof template === 'string' ? parseIriTemplate(template) : template).expand(values);
}
