/**
 * The guides are programs: these tests run them, so a guide that stops working (an API changed,
 * the seed moved) fails here instead of misleading a reader.
 *
 * @module
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main as clientMain } from '../guides/client.js';
import { main as performanceMain, peerChart } from '../guides/performance.js';
import { main as serverMain } from '../guides/server.js';
import { main as typedClientMain } from '../guides/typed-client.js';

const run = promisify(execFile);
const repo = fileURLToPath(new URL('../../', import.meta.url));
const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

describe('guides/server.ts', () => {
  it('serves the library, fetches /books once and reports each book with the actions it offers', async () => {
    const lines: string[] = [];
    const summary = await serverMain((line) => lines.push(line));
    expect(summary).toEqual({
      status: 200,
      contentType: expect.stringMatching(/^application\/ld\+json/),
      totalItems: 3,
      books: [
        { title: 'Dune', available: ['borrow'], unavailable: [] },
        { title: 'Solaris', available: [], unavailable: ['borrow'] },
        { title: 'Kindred', available: ['borrow'], unavailable: [] },
      ],
    });
    expect(lines[0]).toMatch(/^Library API listening on http:\/\/127\.0\.0\.1:\d+$/);
    expect(lines).toContain('  Solaris by Stanisław Lem: due back 2025-07-01T12:00:00.000Z');
  });
});

describe('guides/client.ts', () => {
  it('pages through DQeeO69’s conversations, follows a timeline and closes the conversation through its action', async () => {
    const summary = await clientMain(() => {});
    expect(summary.conversations).toBe(summary.totalItems);
    expect(summary.totalItems).toBeGreaterThan(25);
    expect(summary.pages).toBe(Math.ceil(summary.totalItems / 25));
    expect(Object.values(summary.byState).reduce((a, b) => a + b, 0)).toBe(summary.conversations);
    // The seed's conversation is the first, and open: it is the one followed and closed.
    expect(summary.timeline).toEqual({ conversation: 'Pvwqm5G', messages: 4, latest: 'He once made a weeping willow laugh' });
    expect(summary.closed).toEqual({ conversation: 'Pvwqm5G', before: 'open', after: 'closed', reopenOffered: true });
  });
});

describe('guides/typed-client.ts', () => {
  it('generates the API Platform 3.x fixture’s module, pages through its books typed by it and replaces one through the documented PUT', async () => {
    const lines: string[] = [];
    const summary = await typedClientMain((line) => lines.push(line));
    expect(summary.types).toEqual(expect.arrayContaining(['Book', 'Author']));
    expect(summary).toMatchObject({ books: 23, pages: 3, first: 'Dune', replaced: { id: '/books/1', before: 'Dune', after: 'Dune (revised)' } });
    expect(lines[0]).toMatch(/^Library API \(API Platform 3\.x shape\) on http:\/\/127\.0\.0\.1:\d+$/);
    // The copy the guide takes its types from is what the generator writes today (run vitest
    // with -u to write it again after a change of the generator).
    await expect(summary.module).toMatchFileSnapshot('../guides/library-api.ts');
  });
});

describe('the guides as programs', () => {
  it('runs itself when executed directly', async () => {
    const { stdout } = await run(tsx, ['--conditions=@hyperld/source', 'docs/guides/server.ts'], { cwd: repo, timeout: 60_000 });
    expect(stdout).toMatch(/^Library API listening on http:\/\/127\.0\.0\.1:\d+\nGET \/books → 200 application\/ld\+json.*, 3 books\n/);
    expect(stdout.trimEnd().split('\n')).toHaveLength(5);
  }, 60_000);
});

describe('guides/performance.ts', () => {
  it('prints the committed bench:peers table: every client subject at both page sizes, the baseline at 1x, and the bundle sizes', async () => {
    const lines: string[] = [];
    const report = await performanceMain((line) => lines.push(line));
    const baseline = report.rows.filter((r) => r.subject === 'fetch + JSON.parse');
    expect(baseline.map((r) => r.n).sort((a, b) => a - b)).toEqual([100, 1000]);
    for (const row of baseline) expect(row.ratio).toBe(1);
    for (const subject of ['Ketting 8', 'jsonld.expand', 'Alcaeus 3 loadResource']) expect(lines.some((l) => l.startsWith(subject))).toBe(true);
    expect(report.sizes.map((s) => s.client)).toEqual(expect.arrayContaining(['Ketting 8', 'jsonld 9', 'Alcaeus 3']));
    // The chart the page inlines is the one the same run drew.
    expect(peerChart()).toContain(report.date);
  });
});
