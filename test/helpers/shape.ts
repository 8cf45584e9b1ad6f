/**
 * A structural comparison of JSON documents: the same keys in the same order at every level,
 * ignoring the values themselves. Used to hold the reference server to the seed response's shape.
 *
 * @module
 */

const kindOf = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/**
 * Lists where two JSON values differ in shape: objects must have the same key sequence (and are
 * compared value by value), arrays are compared through their first elements when both have one,
 * and scalars must be of the same JSON kind. `null` matches anything, because a nullable property
 * (`nextScheduledMessage`) is `null` in one response and a node in another.
 *
 * @param actual - the document under test.
 * @param expected - the reference document.
 * @param path - the JSON path of the two values (for messages).
 * @returns one line per difference (empty when the shapes match).
 * @example
 * ```ts
 * import { shapeDifferences } from './shape.js';
 * shapeDifferences({ a: 1, b: [{ c: true }] }, { a: 2, b: [] }); // []
 * shapeDifferences({ b: 1, a: 1 }, { a: 1, b: 1 }); // ['$: keys ["b","a"], expected ["a","b"]']
 * ```
 */
export function shapeDifferences(actual: unknown, expected: unknown, path = '$'): string[] {
  const actualKind = kindOf(actual);
  const expectedKind = kindOf(expected);
  if (actualKind === 'null' || expectedKind === 'null') return [];
  if (actualKind !== expectedKind) return [`${path}: ${actualKind}, expected ${expectedKind}`];
  if (Array.isArray(actual) && Array.isArray(expected)) {
    return actual.length > 0 && expected.length > 0 ? shapeDifferences(actual[0], expected[0], `${path}[0]`) : [];
  }
  if (actualKind !== 'object') return [];
  const a = actual as Record<string, unknown>;
  const e = expected as Record<string, unknown>;
  const actualKeys = Object.keys(a);
  const expectedKeys = Object.keys(e);
  if (actualKeys.join('\u0000') !== expectedKeys.join('\u0000')) {
    return [`${path}: keys ${JSON.stringify(actualKeys)}, expected ${JSON.stringify(expectedKeys)}`];
  }
  return actualKeys.flatMap((key) => shapeDifferences(a[key], e[key], `${path}.${key}`));
}
