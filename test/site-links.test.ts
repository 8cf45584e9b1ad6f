/**
 * The link check over the built docs site, `docs/site`: the directory the README's start command
 * builds and serves, with the library reference and the explorer. Building it (TypeDoc type-checks
 * every package) is `pnpm run docs`, which scripts/test.sh runs as its `docs` step before the
 * tests; this file only reads the result, and fails when the site is missing or lacks a section
 * rather than passing on no pages.
 *
 * @module
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkSiteLinks } from '../docs/src/link-check.js';

const SITE = fileURLToPath(new URL('../docs/site/', import.meta.url));

/** The front page of each section, from the site root. */
const SECTIONS = ['index.html', 'api/index.html', 'textus/index.html', 'guides/index.html', 'explorer/index.html'] as const;

/** Fails, saying how to build it, when docs/site lacks a section's front page. */
function requireSite(): void {
  const missing = SECTIONS.filter((file) => !existsSync(join(SITE, ...file.split('/'))));
  if (missing.length > 0) {
    throw new Error(`docs/site has no ${missing.join(', ')}: build the whole site first with \`pnpm run docs\` (scripts/test.sh does, before the tests; --no-typedoc leaves out api/)`);
  }
}

describe('the built docs site (docs/site)', () => {
  it('holds the home page, the library reference, the TextUs API reference, the guides and the explorer', () => {
    requireSite();
  });

  it('has no internal link (href or src) that names a missing file or anchor', async () => {
    requireSite();
    const report = await checkSiteLinks(SITE);
    // Hundreds of pages and tens of thousands of links: a count near zero would mean a broken read.
    expect(report.pages.length).toBeGreaterThan(100);
    expect(report.checked).toBeGreaterThan(report.pages.length);
    expect(report.broken.map(({ page, url, reason }) => `${page}: ${url} (${reason})`)).toEqual([]);
  });
});
