/**
 * A small seeded PRNG (mulberry32) for tests and benches, so that a run can be replayed.
 *
 * @example
 * ```ts
 * import { random } from './random.js';
 * const next = random(1);
 * next(); // a number in [0, 1)
 * ```
 *
 * @module
 */

/**
 * A deterministic generator of numbers in [0, 1).
 *
 * @param seed - the seed (its low 32 bits count).
 * @returns the generator.
 */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
