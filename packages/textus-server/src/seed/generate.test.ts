/**
 * The seed's generation is pure: the same options give the same rows, whatever the clock says and
 * without `Math.random`, and the rows are exactly what `seedStore` writes (no row added, lost or
 * changed on the way into SQLite).
 *
 * @module
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TextusStore } from '../store/textus-store.js';
import { generateSeed, seedParameters, type SeedRows } from './generate.js';
import { seedStore } from './seed-store.js';

/** Each table's rows as the store holds them, in the order they were written. */
function dump(store: TextusStore): Record<keyof SeedRows, unknown[]> {
  const all = (table: string): unknown[] => store.db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all();
  return {
    accounts: all('accounts'),
    users: all('users'),
    memberships: all('memberships'),
    contacts: all('contacts'),
    phones: all('contact_phones'),
    notes: all('contact_notes'),
    conversations: all('conversations'),
    userInfos: all('user_infos'),
    messages: all('messages'),
  };
}

/** A digest of rows, so that a failure reports two short strings rather than thousands of rows. */
const digest = (rows: unknown): string => createHash('sha256').update(JSON.stringify(rows)).digest('hex');

const seeds = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
const scales = fc.constantFrom(0.02, 0.1, 0.3);

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('generateSeed', () => {
  it('gives the same rows for the same options, at any time and without Math.random', () => {
    // Each run generates twice; small scales keep a run to a few milliseconds.
    fc.assert(
      fc.property(seeds, scales, fc.date({ noInvalidDate: true }), (seed, scale, now) => {
        // Arrange
        const randomSpy = vi.spyOn(Math, 'random');
        // Act
        const first = generateSeed({ seed, scale });
        vi.useFakeTimers({ now });
        const second = generateSeed({ seed, scale });
        vi.useRealTimers();
        // Assert
        expect(second).toEqual(first);
        expect(digest(second)).toBe(digest(first));
        expect(randomSpy).not.toHaveBeenCalled();
        randomSpy.mockRestore();
      }),
      { numRuns: 50 },
    );
  });

  it('hands out fresh rows: changing what one call returned leaves the next call alone', () => {
    // Arrange
    const first = generateSeed({ scale: 0.02 }) as { -readonly [K in keyof SeedRows]: unknown[] };
    const before = digest(generateSeed({ scale: 0.02 }));
    // Act
    for (const table of Object.values(first)) for (const row of table) Object.assign(row as object, { id: 'changed' });
    first.phones.length = 0;
    // Assert
    expect(digest(generateSeed({ scale: 0.02 }))).toBe(before);
  });

  it('gives the rows that seedStore writes, each table in its order', () => {
    fc.assert(
      fc.property(seeds, scales, (seed, scale) => {
        // Arrange
        const store = TextusStore.open(':memory:');
        try {
          // Act
          seedStore(store, { seed, scale });
          // Assert
          expect(dump(store)).toEqual(generateSeed({ seed, scale }));
        } finally {
          store.close();
        }
      }),
      { numRuns: 20 },
    );
  });

  it('gives the default data set the rows and counts seedStore reports', () => {
    const store = TextusStore.open(':memory:');
    try {
      const summary = seedStore(store);
      const rows = generateSeed();
      expect(dump(store)).toEqual(rows);
      expect([summary.accounts, summary.users, summary.contacts, summary.conversations, summary.messages]).toEqual([
        rows.accounts.length,
        rows.users.length,
        rows.contacts.length,
        rows.conversations.length,
        rows.messages.length,
      ]);
    } finally {
      store.close();
    }
  });

  it('refuses a scale outside (0, 10] and a seed that is not an integer', () => {
    expect(seedParameters({})).toEqual({ scale: 1, seed: 1 });
    for (const options of [{ scale: 0 }, { scale: 10.5 }, { scale: Number.NaN }, { seed: 1.5 }, { seed: Number.MAX_SAFE_INTEGER + 1 }]) {
      expect(() => generateSeed(options), JSON.stringify(options)).toThrow(RangeError);
    }
  });
});
