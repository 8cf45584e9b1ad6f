/**
 * A structural diff of two JSON values that also sees key order, which is what a lossless round
 * trip promises: `hyperld roundtrip` reports every place where the re-encoded document is not the
 * one that came in.
 *
 * @module
 */

/**
 * How two values differ at one path: `missing` is in the first value only, `added` in the
 * second only.
 *
 * @example
 * ```ts
 * import type { DifferenceKind } from '@hyperld/cli';
 * const kind: DifferenceKind = 'key order differs';
 * ```
 */
export type DifferenceKind = 'key order differs' | 'value differs' | 'missing' | 'added';

/**
 * One difference between two JSON values.
 *
 * @example
 * ```ts
 * import type { Difference } from '@hyperld/cli';
 * const d: Difference = { path: '$.members[0].account', kind: 'missing' };
 * ```
 */
export interface Difference {
  /** The JSON path, such as `$.members[0]["@type"]`. */
  readonly path: string;
  /** What differs there. */
  readonly kind: DifferenceKind;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Appends a key to a JSON path, in the notation `@hyperld/core` uses in its violations.
 *
 * @param path - the path so far, starting with `$`.
 * @param key - an object key or an array index.
 * @returns the longer path.
 * @example
 * ```ts
 * import { childPath } from '@hyperld/cli';
 * childPath(childPath('$', 'members'), 0); // '$.members[0]'
 * childPath('$', '@type'); // '$["@type"]'
 * ```
 */
export function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return IDENTIFIER.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether the keys both objects share come in the same relative order. */
function sameOrder(a: readonly string[], b: readonly string[], bKeys: ReadonlySet<string>, aKeys: ReadonlySet<string>): boolean {
  const left = a.filter((k) => bKeys.has(k));
  const right = b.filter((k) => aKeys.has(k));
  return left.every((k, i) => k === right[i]);
}

/**
 * Lists every difference between two JSON values, in document order: keys of `expected` that
 * `actual` lacks (`missing`), keys only `actual` has (`added`), objects whose shared keys come in
 * another order (`key order differs`) and values of another kind or another value
 * (`value differs`). Two values have no difference exactly when their `JSON.stringify` texts
 * are equal. The walk uses its own stack, so deep documents cannot overflow the call stack.
 *
 * @param expected - the reference value (for a round trip, the parsed input).
 * @param actual - the value to compare with it (the re-encoded document).
 * @returns the differences; empty when the values are identical.
 * @example
 * ```ts
 * import { diffJson } from '@hyperld/cli';
 * diffJson({ a: 1, b: { c: 2 } }, { b: { c: 3 }, a: 1, d: null });
 * // [{ path: '$', kind: 'key order differs' }, { path: '$.b.c', kind: 'value differs' }, { path: '$.d', kind: 'added' }]
 * ```
 */
export function diffJson(expected: unknown, actual: unknown): Difference[] {
  const out: Difference[] = [];
  // A compare task, or a difference already found that waits for its turn in document order.
  type Task = { readonly path: string; readonly a: unknown; readonly b: unknown } | Difference;
  const stack: Task[] = [{ path: '$', a: expected, b: actual }];
  while (stack.length > 0) {
    const task = stack.pop() as Task;
    if ('kind' in task) {
      out.push(task);
      continue;
    }
    const { path, a, b } = task;
    const next: Task[] = [];
    if (Array.isArray(a) && Array.isArray(b)) {
      const length = Math.max(a.length, b.length);
      for (let i = 0; i < length; i++) {
        const p = childPath(path, i);
        if (i >= b.length) next.push({ path: p, kind: 'missing' });
        else if (i >= a.length) next.push({ path: p, kind: 'added' });
        else next.push({ path: p, a: a[i], b: b[i] });
      }
    } else if (isObject(a) && isObject(b)) {
      const aList = Object.keys(a);
      const bList = Object.keys(b);
      const aKeys = new Set(aList);
      const bKeys = new Set(bList);
      if (!sameOrder(aList, bList, bKeys, aKeys)) out.push({ path, kind: 'key order differs' });
      for (const key of aList) {
        const p = childPath(path, key);
        next.push(bKeys.has(key) ? { path: p, a: a[key], b: b[key] } : { path: p, kind: 'missing' });
      }
      for (const key of bList) if (!aKeys.has(key)) next.push({ path: childPath(path, key), kind: 'added' });
    } else if (a !== b) {
      // `===` agrees with JSON.stringify, which writes -0 as 0.
      out.push({ path, kind: 'value differs' });
    }
    // Reversed onto the stack so that children come out in document order.
    for (let i = next.length - 1; i >= 0; i--) stack.push(next[i] as Task);
  }
  return out;
}

/**
 * Formats a difference as one line: `$.a.b: value differs`.
 *
 * @param difference - the difference.
 * @returns one line of text.
 * @example
 * ```ts
 * import { formatDifference } from '@hyperld/cli';
 * formatDifference({ path: '$.members[0]', kind: 'missing' }); // '$.members[0]: missing'
 * ```
 */
export function formatDifference(difference: Difference): string {
  return `${difference.path}: ${difference.kind}`;
}
