/**
 * The docs site and the hypermedia explorer in a real Chromium, served by the real reference
 * server (static files as `extraRoutes` behind the API) on an ephemeral loopback port: the site's
 * index, the API reference page of `GET /contacts/:contact/conversations` reached by clicking
 * (its curl request, its example body decoding with `textusRegistry`), and the explorer walking
 * to the seed's conversation and closing it, with a CSP on the page and no console error. Each
 * test leaves a screenshot in `test/artifacts/`.
 *
 * Without `/usr/bin/chromium` the file is skipped on a developer machine, never in CI.
 *
 * @module
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEXTUS_MEDIA_TYPE, textusRegistry } from '@hyperld/textus';
import { DEMO_TOKEN, DEMO_USER_ID, SEED_CONTACT_ID, SEED_CONVERSATION_ID, SEED_MESSAGE_ID, startTextusServer, type TextusStore } from '@hyperld/textus-server';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExplorer } from '../docs/src/explorer-build.js';
import { STATIC_CSP, staticRoutes } from '../docs/src/static-route.js';
import { browserSkipReason, launchBrowser, screenshot, watchErrors, type TestBrowser } from './helpers/browser.js';

const skipReason = browserSkipReason();
if (skipReason) console.warn(skipReason);

/** The site builder of the docs (its API reference pages are what the second test reads). */
const SITE_BUILDER = fileURLToPath(new URL('../docs/src/build.ts', import.meta.url));
const hasReference = existsSync(SITE_BUILDER);

type BuildSite = (outDir: string, options: { readonly typedoc: boolean }) => Promise<unknown>;

async function buildInto(dir: string): Promise<void> {
  if (hasReference) {
    const { buildSite } = (await import(/* @vite-ignore */ SITE_BUILDER)) as { buildSite: BuildSite };
    await buildSite(dir, { typedoc: false });
    return;
  }
  await buildExplorer(dir);
  await writeFile(join(dir, 'index.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>hyperld</title></head><body><h1>hyperld</h1><p><a href="explorer/index.html">Explorer</a></p></body></html>\n');
}

const CONVERSATIONS = `/contacts/${SEED_CONTACT_ID}/conversations`;
const CONVERSATION = `/conversations/${SEED_CONVERSATION_ID}`;

describe.skipIf(skipReason !== undefined)('the docs site and the explorer in Chromium', () => {
  let site: string;
  let server: { readonly url: string; readonly store: TextusStore; close(): Promise<void> };
  let browser: TestBrowser;
  const pages: Page[] = [];

  beforeAll(async () => {
    site = await mkdtemp(join(tmpdir(), 'hyperld-site-'));
    const [, started, launched] = await Promise.all([
      buildInto(site),
      startTextusServer({ file: ':memory:', port: 0, announce: false, extraRoutes: staticRoutes(site, { mount: '/' }) }),
      launchBrowser(),
    ]);
    server = started;
    browser = launched;
  }, 60_000);

  afterAll(async () => {
    for (const page of pages) await page.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
    if (site) await rm(site, { recursive: true, force: true });
  });

  const open = async (): Promise<{ page: Page; errors: string[] }> => {
    const page = await browser.context.newPage();
    pages.push(page);
    return { page, errors: watchErrors(page) };
  };

  it('serves the site index with its CSP, linking the explorer', async () => {
    const { page, errors } = await open();
    const response = await page.goto(`${server.url}/`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toBe(STATIC_CSP);
    expect(response?.headers()['x-content-type-options']).toBe('nosniff');
    await expect.poll(() => page.locator('a[href="explorer/index.html"]').count()).toBeGreaterThan(0);
    await screenshot(page, 'site index');
    expect(errors).toEqual([]);
  });

  it.skipIf(!hasReference)('leads by clicks from the index to GET /contacts/:contact/conversations, with a curl request and a body that decodes', async () => {
    const { page, errors } = await open();
    await page.goto(`${server.url}/`);
    await page.locator('a[href="textus/index.html"]').first().click();
    await page.waitForURL(/\/textus\/index\.html$/);
    await page.locator('a[href$="endpoints/contactConversations.html"]').first().click();
    await page.waitForURL(/\/textus\/endpoints\/contactConversations\.html$/);
    await expect.poll(() => page.locator('main').innerText()).toContain('/contacts/:contact/conversations');

    const blocks = await page.locator('pre').allInnerTexts();
    const curl = blocks.find((text) => /\bcurl\b/.test(text));
    expect(curl).toBeDefined();
    expect(curl).toContain(CONVERSATIONS);
    expect(curl).toContain(TEXTUS_MEDIA_TYPE);
    const bodies = blocks.filter((text) => text.trimStart().startsWith('{'));
    expect(bodies.length).toBeGreaterThan(0);
    const node = textusRegistry.decode(bodies[0] as string, { base: `${server.url}${CONVERSATIONS}` }) as Record<string, unknown>;
    expect(node['@type']).toBe('ConversationCollection');
    expect(node['id']).toBe(CONVERSATIONS);
    expect((node['members'] as Array<Record<string, unknown>>)[0]?.['id']).toBe(CONVERSATION);
    await screenshot(page, 'api reference get conversations');
    expect(errors).toEqual([]);
  });

  it('explores from the seed collection to its conversation and closes it: close and reopen swap', async () => {
    const { page, errors } = await open();
    const response = await page.goto(`${server.url}/explorer/`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toBe(STATIC_CSP);
    await expect.poll(() => page.locator('#token').inputValue()).toBe(DEMO_TOKEN);
    await expect.poll(() => page.locator('#iri').inputValue()).toBe(CONVERSATIONS);

    const resource = page.locator('[data-testid="resource"]');
    await page.locator(`[data-testid="resource"][data-node-id="${CONVERSATIONS}"]`).waitFor();
    expect(await resource.locator('[data-testid="properties"] tr[data-property="totalItems"] td').innerText()).toMatch(/^\d+$/);
    await page.locator(`[data-testid="members"] a[data-iri="${CONVERSATION}"]`).first().click();
    await page.locator(`[data-testid="resource"][data-node-id="${CONVERSATION}"]`).waitFor();
    expect(new URL(page.url()).hash).toBe(`#${CONVERSATION}`);

    const actions = page.locator('[data-testid="resource"] > [data-testid="actions"]');
    const close = actions.locator('button[data-action="closeConversation"]');
    const reopen = actions.locator('button[data-action="reopenConversation"]');
    expect(await close.isEnabled()).toBe(true);
    expect(await reopen.isDisabled()).toBe(true);
    expect(await actions.locator('[data-action-item="reopenConversation"]').innerText()).toContain('unavailable');
    expect(await resource.locator('[data-testid="properties"] tr[data-property="currentState"] td').innerText()).toBe('open');

    await close.click();
    await expect.poll(() => reopen.isEnabled()).toBe(true);
    expect(await close.isDisabled()).toBe(true);
    expect(await resource.locator('[data-testid="properties"] tr[data-property="currentState"] td').innerText()).toBe('closed');
    expect(server.store.conversation(SEED_CONVERSATION_ID)?.current_state).toBe('closed');
    await screenshot(page, 'explorer closes the seed conversation');
    expect(errors).toEqual([]);
  });

  it('closes and reopens the seed conversation through the forms of the operations discovered at run time', async () => {
    const { page, errors } = await open();
    await page.goto(`${server.url}/explorer/#${CONVERSATION}`);
    const operations = page.locator('[data-testid="resource"] > [data-testid="operations"]');
    await operations.locator('[data-operation="closeConversation"]').waitFor();
    const state = page.locator('[data-testid="resource"] [data-testid="properties"] tr[data-property="currentState"] td');
    const before = await state.innerText();
    const [first, second] = before === 'open' ? (['closeConversation', 'reopenConversation'] as const) : (['reopenConversation', 'closeConversation'] as const);
    expect(await operations.locator(`[data-operation="${first}"]`).getAttribute('data-state')).toBe('available');
    expect(await operations.locator(`[data-operation="${second}"]`).getAttribute('data-state')).toBe('unavailable');
    await screenshot(page, 'explorer operations discovered at run time');
    await operations.locator(`button[data-invoke="${first}"]`).click();
    await expect.poll(() => state.innerText()).not.toBe(before);
    await page.locator(`[data-testid="operations"] [data-operation="${second}"][data-state="available"]`).waitFor();
    await page.locator(`[data-testid="operations"] button[data-invoke="${second}"]`).click();
    await expect.poll(() => state.innerText()).toBe(before);
    expect(server.store.conversation(SEED_CONVERSATION_ID)?.current_state).toBe(before);
    expect(errors).toEqual([]);
  });

  it('pages through a collection with the view\'s next and previous, to the store\'s every row', async () => {
    const { page, errors } = await open();
    const rows = server.store.conversationsOfContact(DEMO_USER_ID, SEED_CONTACT_ID, undefined, 100);
    expect(rows.hasNext).toBe(false);
    const per = Math.ceil(rows.total / 3);
    await page.goto(`${server.url}/explorer/#${CONVERSATIONS}?per_page=${per}`);
    const items = page.locator('[data-testid="resource"] [data-testid="members"] > li');
    const onPage = (): Promise<string[]> => items.evaluateAll((elements) => elements.map((e) => e.getAttribute('data-member') ?? ''));
    const next = page.locator('[data-testid="resource"] [data-testid="page-next"]');
    const previous = page.locator('[data-testid="resource"] [data-testid="page-previous"]');
    await expect.poll(async () => (await onPage())[0]).toBe(CONVERSATION);
    expect(await previous.isDisabled()).toBe(true);

    const pagesSeen = [await onPage()];
    while (await next.isEnabled()) {
      const before = pagesSeen[pagesSeen.length - 1]?.[0];
      await next.click();
      await expect.poll(async () => (await onPage())[0]).not.toBe(before);
      pagesSeen.push(await onPage());
      expect(await previous.isEnabled()).toBe(true);
      expect(pagesSeen.length).toBeLessThanOrEqual(3);
    }
    expect(pagesSeen.flat()).toEqual(rows.rows.map((row) => `/conversations/${row.id}`));
    expect(await page.locator('#iri').inputValue()).toContain('cursor=');
    await screenshot(page, 'explorer pages through a collection');
    await previous.click();
    await expect.poll(async () => (await onPage())[0]).toBe(pagesSeen[pagesSeen.length - 2]?.[0]);
    expect(errors).toEqual([]);
  });

  it('shows javascript: and data: links as text, never as clickable hrefs', async () => {
    const { page, errors } = await open();
    const real = (await (await fetch(`${server.url}/messages/${SEED_MESSAGE_ID}`, { headers: { authorization: `Bearer ${DEMO_TOKEN}` } })).json()) as Record<string, unknown>;
    const hostile = { ...real, id: '/crafted/message', conversation: 'javascript:alert(document.domain)', sender: 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==' };
    await page.route('**/crafted/message', (route) => route.fulfill({ status: 200, contentType: TEXTUS_MEDIA_TYPE, body: JSON.stringify(hostile) }));
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });
    await page.goto(`${server.url}/explorer/#/crafted/message`);
    await page.locator('[data-testid="resource"][data-node-id="/crafted/message"]').waitFor();

    const unsafe = await page.locator('[data-testid="properties"] [data-unsafe-link]').allInnerTexts();
    expect(unsafe).toEqual(expect.arrayContaining([hostile.conversation, hostile.sender]));
    const hrefs = await page.locator('[href]').evaluateAll((elements) => elements.map((e) => e.getAttribute('href') ?? ''));
    expect(hrefs.filter((href) => /^\s*(javascript|data|vbscript):/i.test(href))).toEqual([]);
    const linkHrefs = await page.locator('a[data-iri]').evaluateAll((elements) => elements.map((e) => e.getAttribute('href') ?? ''));
    expect(linkHrefs.length).toBeGreaterThan(0);
    for (const href of linkHrefs) expect(href.startsWith('#')).toBe(true);
    await page.locator('[data-testid="properties"] [data-unsafe-link]').first().click();
    expect(dialogs).toBe(0);
    await screenshot(page, 'explorer shows unsafe links as text');
    expect(errors).toEqual([]);
  });
});
