/**
 * The layout of generated code as the project's formatter (Biome, 180 columns) lays it out, for
 * the shapes the generator writes: a line that fits stays whole; a method chain that does not is
 * broken before each call; a call whose one argument is an object literal breaks the object.
 *
 * @module
 */

/** The line width the project formats to. */
export const LINE_WIDTH = 180;

/**
 * The indexes of a character where it stands at the top level of an expression: outside
 * brackets and string literals.
 *
 * @param text - the expression.
 * @param at - the character looked for.
 * @returns its top-level indexes, in order.
 */
function topLevelIndexes(text: string, at: string): number[] {
  const out: number[] = [];
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quote !== undefined) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === at && depth === 0) out.push(i);
  }
  return out;
}

/**
 * Splits an expression at its top-level member dots (outside brackets and strings).
 *
 * @param expression - e.g. `t.string().optional()`.
 * @returns its segments, e.g. `['t', '.string()', '.optional()']`.
 */
export function chainSegments(expression: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const i of topLevelIndexes(expression, '.')) {
    if (i === start) continue;
    out.push(expression.slice(start, i));
    start = i;
  }
  out.push(expression.slice(start));
  return out;
}

/**
 * The top-level comma-separated parts of a list's inside (outside brackets and strings).
 *
 * @param inside - e.g. `method: 'PUT', returns: 'Book'`.
 * @returns its parts, trimmed.
 */
export function listParts(inside: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const i of topLevelIndexes(inside, ',')) {
    out.push(inside.slice(start, i).trim());
    start = i + 1;
  }
  const last = inside.slice(start).trim();
  if (last.length > 0) out.push(last);
  return out;
}

/**
 * An object literal `{ a, b }` laid out at an indent: on one line when `prefix` + it + `suffix`
 * fits, else one field a line.
 *
 * @param indent - the indent of the line.
 * @param prefix - what comes before the object on its line.
 * @param fields - the fields.
 * @param suffix - what follows the object (`,`, `),`).
 * @returns the lines.
 */
export function objectLines(indent: string, prefix: string, fields: readonly string[], suffix: string): string[] {
  const flat = `${indent}${prefix}{ ${fields.join(', ')} }${suffix}`;
  if (flat.length <= LINE_WIDTH) return [flat];
  return [`${indent}${prefix}{`, ...fields.map((f) => `${indent}  ${f},`), `${indent}}${suffix}`];
}

/**
 * An object property `key: expression,` laid out at an indent.
 *
 * @param indent - the property's indent.
 * @param key - the key as written.
 * @param expression - the value.
 * @returns the lines.
 */
export function propertyLines(indent: string, key: string, expression: string): string[] {
  const flat = `${indent}${key}: ${expression},`;
  const segments = chainSegments(expression);
  const calls = segments.filter((segment) => segment.endsWith(')'));
  // Biome breaks a chain of more than two calls when one of them takes a call of calls (not a simple argument), however short.
  const complex = calls.length > 2 && calls.some((call) => argumentsOf(call).some((arg) => /^[\w$.]+\(/.test(arg) && argumentsOf(arg).some((inner) => inner.includes('('))));
  if (flat.length <= LINE_WIDTH && !complex) return [flat];
  // Biome breaks a chain of three or more calls (or of a short head like `t`) before each call.
  if (segments.length >= 3 || (segments.length === 2 && (segments[0] as string).length <= 2)) {
    const [head, ...calls] = segments as [string, ...string[]];
    return [`${indent}${key}: ${head}`, ...calls.map((call, i) => `${indent}  ${call}${i === calls.length - 1 ? ',' : ''}`)];
  }
  const call = /^([A-Za-z_$][\w$]*)\(\{ (.*) \}\)(.*)$/.exec(expression);
  if (call !== null) return objectLines(indent, `${key}: ${call[1]}(`, listParts(call[2] as string), `)${call[3]},`);
  return [flat];
}

/** The arguments of a call written `callee(…)`, as written. */
function argumentsOf(call: string): string[] {
  const open = call.indexOf('(');
  return open < 0 || !call.endsWith(')') ? [] : listParts(call.slice(open + 1, -1));
}

/**
 * An array literal laid out at an indent: on one line when it fits, else one item a line.
 *
 * @param indent - the indent of the line.
 * @param prefix - what comes before the array.
 * @param items - the items as written.
 * @param suffix - what follows it.
 * @returns the lines.
 */
export function arrayLines(indent: string, prefix: string, items: readonly string[], suffix: string): string[] {
  const flat = `${indent}${prefix}[${items.join(', ')}]${suffix}`;
  if (flat.length <= LINE_WIDTH) return [flat];
  return [`${indent}${prefix}[`, ...items.map((item) => `${indent}  ${item},`), `${indent}]${suffix}`];
}
