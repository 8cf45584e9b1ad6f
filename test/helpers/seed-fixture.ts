/**
 * The one full TextUs response we hold: `test/fixtures/000_bd34847030ad49a7.txt`, whose JSON body
 * follows the line `Example Body`.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The fixture file. */
export const SEED_FIXTURE = fileURLToPath(new URL('../fixtures/000_bd34847030ad49a7.txt', import.meta.url));

/**
 * Reads the fixture's JSON body (everything after the `Example Body` line).
 *
 * @returns the body as text.
 * @example
 * ```ts
 * import { seedBodyText } from './seed-fixture.js';
 * JSON.parse(seedBodyText())['@type']; // 'ConversationCollection'
 * ```
 */
export function seedBodyText(): string {
  const lines = readFileSync(SEED_FIXTURE, 'utf8').split(/\r?\n/);
  const at = lines.findIndex((line) => line.trim() === 'Example Body');
  if (at < 0) throw new Error(`${SEED_FIXTURE} has no "Example Body" line`);
  return lines
    .slice(at + 1)
    .join('\n')
    .trim();
}
