/**
 * The hypermedia explorer on an API that is not TextUs: the API Platform 3.x and 4.x fixture APIs
 * on an ephemeral loopback port, the explorer's files served on the API's own origin (routed by
 * the browser, so the fixture needs no CORS). From the entrypoint it follows the books link,
 * lists the operations the API documentation gives the collection, fills in the form built from
 * the POST's `expects` class, sees the 422's violations next to their fields, then creates a book;
 * it pages the books forward and back, and draws them in the dark theme.
 * Each view leaves a screenshot in `test/artifacts/`.
 *
 * Without `/usr/bin/chromium` the file is skipped on a developer machine, never in CI.
 *
 * @module
 */
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExplorer } from '../docs/src/explorer-build.js';
import { STATIC_CSP } from '../docs/src/static-route.js';
import { startApiPlatform3, startApiPlatform4 } from './fixture-apis/api-platform.js';
import { PAGE_SIZE } from './fixture-apis/library.js';
import type { FixtureApi } from './fixture-apis/loopback.js';
import { browserSkipReason, launchBrowser, screenshot, watchErrors, type TestBrowser } from './helpers/browser.js';

const skipReason = browserSkipReason();
if (skipReason) console.warn(skipReason);

const TYPES: Readonly<Record<string, string>> = { html: 'text/html; charset=utf-8', js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8', svg: 'image/svg+xml' };

describe.skipIf(skipReason !== undefined)('the explorer on a non-TextUs Hydra API, in Chromium', () => {
  let site: string;
  let browser: TestBrowser;
  const pages: Page[] = [];

  beforeAll(async () => {
    site = await mkdtemp(join(tmpdir(), 'hyperld-explorer-'));
    const [, launched] = await Promise.all([buildExplorer(site), launchBrowser()]);
    browser = launched;
  }, 60_000);

  afterAll(async () => {
    for (const page of pages) await page.close().catch(() => undefined);
    await browser?.close();
    if (site) await rm(site, { recursive: true, force: true });
  });

  /** A page whose `/explorer/` on the API's origin is the built explorer, configured for that API. */
  const open = async (api: FixtureApi): Promise<{ page: Page; errors: string[] }> => {
    const page = await browser.context.newPage();
    pages.push(page);
    const errors = watchErrors(page);
    await page.route(`${api.url}/explorer/**`, async (route) => {
      const name = new URL(route.request().url()).pathname.replace(/^\/explorer\/?/, '') || 'index.html';
      if (name === 'config.json') {
        await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ token: '', entrypoint: api.entrypoint, iri: api.entrypoint, textus: false }) });
        return;
      }
      const body = await readFile(join(site, 'explorer', name)).catch(() => undefined);
      if (body === undefined) await route.fulfill({ status: 404, body: 'not found' });
      else await route.fulfill({ status: 200, headers: { 'content-type': TYPES[name.replace(/^.*\./, '')] ?? 'application/octet-stream', 'content-security-policy': STATIC_CSP }, body });
    });
    return { page, errors };
  };

  for (const [line, start] of [
    ['3.x', startApiPlatform3],
    ['4.x', startApiPlatform4],
  ] as const) {
    it(`API Platform ${line}: browses to the books, creates one through the form from expects, and shows the violations next to their fields`, async () => {
      const api = await start();
      try {
        const { page, errors } = await open(api);
        await page.goto(`${api.url}/explorer/`);
        await expect.poll(() => page.locator('#entrypoint').inputValue()).toBe(api.entrypoint);
        await page.locator('[data-testid="resource"]').waitFor();
        await screenshot(page, `explorer ${line} entrypoint`);

        const form = page.locator('[data-testid="resource"] > [data-testid="operations"] [data-operation][data-state="available"] form').filter({ has: page.locator('[data-field="title"]') }).first();
        await form.waitFor();
        expect(await form.locator('[data-field-row="title"] .required').count()).toBe(1);
        expect(await form.locator('[data-field="year"]').getAttribute('type')).toBe('number');
        await screenshot(page, `explorer ${line} entrypoint with its operations`);

        await form.locator('button[data-invoke]').click();
        const violations = form.locator('[data-violations="title"] li');
        await expect.poll(() => violations.count()).toBeGreaterThan(0);
        await screenshot(page, `explorer ${line} violations next to their fields`);

        const before = api.library.list().length;
        await form.locator('[data-field="title"]').fill('The Explorer');
        await form.locator('[data-field="author"]').fill(`${api.url}/authors/1`);
        await form.locator('[data-field="year"]').fill('2024');
        await form.locator('button[data-invoke]').click();
        await expect.poll(() => api.library.list().length).toBe(before + 1);
        await expect.poll(() => page.locator('[data-testid="resource"] [data-testid="properties"]').innerText()).toContain('The Explorer');
        await screenshot(page, `explorer ${line} created book`);

        await page.goto(`${api.url}/explorer/#${api.books}`);
        await page.locator('[data-testid="resource"] [data-testid="members"] > li').first().waitFor();
        await screenshot(page, `explorer ${line} books collection`);
        const first = (): Promise<string | null> => page.locator('[data-testid="resource"] [data-testid="members"] > li').first().getAttribute('data-member');
        const onFirstPage = await first();
        const next = page.locator('[data-testid="resource"] [data-testid="page-next"]');
        expect(api.library.list().length).toBeGreaterThan(PAGE_SIZE);
        await next.click();
        await expect.poll(first).not.toBe(onFirstPage);
        await screenshot(page, `explorer ${line} books second page`);
        await page.locator('[data-testid="resource"] [data-testid="page-previous"]').click();
        await expect.poll(first).toBe(onFirstPage);
        await page.emulateMedia({ colorScheme: 'dark' });
        await screenshot(page, `explorer ${line} books collection dark`);
        // The one 422 is the invalid POST the test made on purpose.
        expect(errors.filter((e) => !e.includes('422'))).toEqual([]);
      } finally {
        await api.close();
      }
    });
  }
});
