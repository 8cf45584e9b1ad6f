/**
 * The API reference generator on live APIs, through the command line (`hyperld docs URL -o DIR`):
 * the reference server (TextUs, with its bearer token) and the API Platform 3.x fixture and the
 * hydra-box fixture (APIs hyperld did not write). For each: every internal link of the site
 * resolves, every example body is the server's answer at the request's URL and decodes with the
 * generic client, and the pages hold the classes, properties and operations of the API
 * documentation. In Chromium, under the docs' strict CSP, the search box finds a property by name
 * and leads to its anchor; light and dark screenshots of each page kind go to `test/artifacts/`.
 * An API whose example does not decode fails the command, and nothing is written.
 *
 * Without `/usr/bin/chromium` the browser part is skipped on a developer machine, never in CI.
 *
 * @module
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hydraRegistry } from '@hyperld/hydra';
import { createClient } from '@hyperld/hydra/client';
import { run } from '@hyperld/cli';
import { DEMO_TOKEN } from '@hyperld/textus-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSiteLinks } from '../docs/src/link-check.js';
import { STATIC_CSP } from '../docs/src/static-route.js';
import { startApiPlatform3 } from './fixture-apis/api-platform.js';
import { startHydraBox } from './fixture-apis/hydra-box.js';
import type { FixtureApi } from './fixture-apis/loopback.js';
import { browserSkipReason, launchBrowser, screenshot, watchErrors, type TestBrowser } from './helpers/browser.js';
import { startMemoryServer, type TestServer } from './helpers/textus-server.js';

const skipReason = browserSkipReason();
if (skipReason) console.warn(skipReason);

/** Runs `hyperld` in process; returns the exit status and what it printed. */
async function hyperld(args: readonly string[], fetcher?: typeof fetch): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const status = await run(args, {
    stdin: (async function* () {})(),
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    readFile: (path) => readFile(path),
    ...(fetcher !== undefined ? { fetch: fetcher } : {}),
  });
  return { status, stdout, stderr };
}

const decodeEntities = (text: string): string => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

/** The example of an endpoint page: the request URL and the body shown. */
function exampleOf(html: string): { url: string; body: string } | undefined {
  const request = /<h4>Request<\/h4>\s*<p class="endpoint"><span[^>]*>GET<\/span>([^<]+)<\/p>/.exec(html);
  const body = /<pre class="body"><code>([\s\S]*?)<\/code><\/pre>/.exec(html);
  if (request?.[1] === undefined || body?.[1] === undefined) return undefined;
  return { url: decodeEntities(request[1]), body: decodeEntities(body[1]) };
}

interface Subject {
  readonly name: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  /** A class and one of its properties the site must document and the search must find. */
  readonly property: { readonly className: string; readonly name: string };
  /** A class page and an operation its "Links and actions" table must list. */
  readonly operation: { readonly classPage: string; readonly method: string };
  close(): Promise<void>;
}

const subjects: Array<{ readonly label: string; readonly start: () => Promise<Subject> }> = [
  {
    label: 'the reference server (TextUs)',
    start: async () => {
      const server: TestServer = await startMemoryServer();
      return {
        name: 'textus',
        url: `${server.url}/`,
        headers: { Authorization: `Bearer ${DEMO_TOKEN}` },
        property: { className: 'Conversation', name: 'currentState' },
        operation: { classPage: 'Conversation', method: 'PUT' },
        close: () => server.close(),
      };
    },
  },
  {
    label: 'the API Platform 3.x fixture',
    start: async () => {
      const api: FixtureApi = await startApiPlatform3();
      return {
        name: 'api-platform-3',
        url: api.entrypoint,
        headers: {},
        property: { className: 'Book', name: 'year' },
        operation: { classPage: 'Book', method: 'PUT' },
        close: () => api.close(),
      };
    },
  },
  {
    label: 'the hydra-box fixture',
    start: async () => {
      const api: FixtureApi = await startHydraBox();
      return {
        name: 'hydra-box',
        url: api.entrypoint,
        headers: {},
        property: { className: 'Book', name: 'year' },
        operation: { classPage: 'Book', method: 'DELETE' },
        close: () => api.close(),
      };
    },
  },
];

describe.each(subjects)('hyperld docs on $label', ({ start }) => {
  let subject: Subject;
  let dir: string;
  let written: { status: number; stdout: string; stderr: string };

  beforeAll(async () => {
    subject = await start();
    dir = await mkdtemp(join(tmpdir(), 'hyperld-apidocs-'));
    const headers = Object.entries(subject.headers).flatMap(([name, value]) => ['--header', `${name}: ${value}`]);
    written = await hyperld(['docs', subject.url, '-o', dir, ...headers]);
  }, 60_000);

  afterAll(async () => {
    await subject?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('writes the site, every internal link resolving', async () => {
    expect(written.stderr).toBe('');
    expect(written.status).toBe(0);
    expect(written.stdout).toMatch(/^wrote \d+ pages into .+ \(\d+ classes, \d+ endpoints\)\n$/);
    const report = await checkSiteLinks(dir);
    expect(report.broken).toEqual([]);
    expect(report.pages.length).toBeGreaterThan(4);
    expect(report.checked).toBeGreaterThan(report.pages.length * 3);
  });

  it('shows, on each endpoint page, the server’s real answer, which the generic client decodes', async () => {
    const endpoints = (await readdir(join(dir, 'endpoints'))).filter((f) => f.endsWith('.html'));
    expect(endpoints.length).toBeGreaterThan(1);
    const client = createClient({ baseUrl: new URL('/', subject.url).href, registry: hydraRegistry, contexts: 'same-origin', headers: () => ({ ...subject.headers }) });
    for (const file of endpoints) {
      const example = exampleOf(await readFile(join(dir, 'endpoints', file), 'utf8'));
      expect(example, file).toBeDefined();
      const { url, body } = example as { url: string; body: string };
      const answer = await fetch(url, { headers: { accept: 'application/ld+json', ...subject.headers } });
      expect(answer.status, file).toBe(200);
      expect(JSON.parse(body), file).toEqual(await answer.json());
      const decoded = (await client.get(url)) as Record<string, unknown>;
      expect(decoded['@type'] ?? decoded['type'], file).toBeDefined();
    }
  });

  it('documents the classes with their properties and operations, and never prints the credentials', async () => {
    const { className, name } = subject.property;
    const html = await readFile(join(dir, 'types', `${className}.html`), 'utf8');
    expect(html).toContain(`<h1>${className}</h1>`);
    expect(html).toContain(`<tr id="property-${name}"><td><code>${name}</code>`);
    const ops = await readFile(join(dir, 'types', `${subject.operation.classPage}.html`), 'utf8');
    expect(ops).toContain(`<span class="method method-${subject.operation.method.toLowerCase()}">${subject.operation.method}</span>`);
    for (const value of Object.values(subject.headers)) {
      for (const file of await readdir(join(dir, 'endpoints'))) expect(await readFile(join(dir, 'endpoints', file), 'utf8')).not.toContain(value.split(' ').at(-1));
    }
  });

  describe.skipIf(skipReason !== undefined)('in Chromium, under the strict CSP', () => {
    let browser: TestBrowser;
    beforeAll(async () => {
      browser = await launchBrowser();
    }, 60_000);
    afterAll(async () => {
      await browser?.close();
    });

    it('searches a property by name and lands on its anchor; screenshots of each page kind, light and dark', async () => {
      const page = await browser.context.newPage();
      const errors = watchErrors(page);
      const origin = 'http://apidocs.test';
      await page.route(`${origin}/**`, async (route) => {
        const path = new URL(route.request().url()).pathname.replace(/^\//, '') || 'index.html';
        const body = await readFile(join(dir, ...path.split('/'))).catch(() => undefined);
        const type = path.endsWith('.html') ? 'text/html; charset=utf-8' : path.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8';
        if (body === undefined) await route.fulfill({ status: 404, body: 'not found' });
        else await route.fulfill({ status: 200, headers: { 'content-type': type, 'content-security-policy': STATIC_CSP }, body });
      });
      try {
        await page.goto(`${origin}/index.html`);
        await expect.poll(() => page.locator('.ref-sidebar').isVisible()).toBe(true);
        await screenshot(page, `apidocs ${subject.name} index`);
        const { className, name } = subject.property;
        await page.locator('#ref-search').fill(name);
        const hit = page.locator('#ref-search-results li', { hasText: new RegExp(`property of ${className}$`) }).locator('a', { hasText: name }).first();
        await hit.waitFor();
        await screenshot(page, `apidocs ${subject.name} search results`);
        await hit.click();
        await expect.poll(() => new URL(page.url()).pathname).toBe(`/types/${className}.html`);
        expect(new URL(page.url()).hash).toBe(`#property-${name}`);
        await expect.poll(() => page.locator(`#property-${name}`).isVisible()).toBe(true);
        await screenshot(page, `apidocs ${subject.name} class page`);
        const endpoint = page.locator('.ref-sidebar a[href*="endpoints/"]').nth(1);
        await endpoint.click();
        await page.locator('pre.curl').waitFor();
        await screenshot(page, `apidocs ${subject.name} endpoint page`);
        await page.emulateMedia({ colorScheme: 'dark' });
        const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
        expect(background).toBe('rgb(20, 23, 27)');
        await screenshot(page, `apidocs ${subject.name} endpoint page dark`);
        expect(errors).toEqual([]);
      } finally {
        await page.close();
      }
    }, 60_000);
  });
});

describe('hyperld docs on an API whose example does not decode', () => {
  it('exits 1 naming the endpoint, and writes no page', async () => {
    const api = await startApiPlatform3();
    const dir = await mkdtemp(join(tmpdir(), 'hyperld-apidocs-bad-'));
    try {
      // The books collection answers a totalItems the Hydra types reject.
      const broken: typeof fetch = async (input, init) => {
        const answer = await fetch(input, init);
        const url = input instanceof Request ? input.url : String(input);
        if (new URL(url).pathname !== new URL(api.books).pathname) return answer;
        const body = (await answer.json()) as Record<string, unknown>;
        const key = Object.keys(body).find((k) => k.endsWith('totalItems')) as string;
        return new Response(JSON.stringify({ ...body, [key]: 'many' }), { status: 200, headers: answer.headers });
      };
      const result = await hyperld(['docs', api.entrypoint, '-o', dir], broken);
      expect(result.stderr).toMatch(/^hyperld: the example of book \(GET http:\/\/127\.0\.0\.1:\d+\/books\) does not decode: /);
      expect(result.status).toBe(1);
      expect(await readdir(dir)).toEqual([]);
    } finally {
      await api.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
