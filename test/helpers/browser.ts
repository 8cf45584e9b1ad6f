/**
 * A real Chromium for end-to-end tests: Debian's `/usr/bin/chromium` driven by `playwright-core`
 * (which downloads no browser of its own), headless, on a fresh profile directory that is
 * removed afterwards; console errors and failed requests collected per page; screenshots
 * written to `test/artifacts/`.
 *
 * @module
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Where Debian (and `scripts/setup.sh --browser`) puts Chromium. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Where screenshots go (gitignored). */
export const ARTIFACTS_DIR = fileURLToPath(new URL('../artifacts/', import.meta.url));

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Why the browser tests cannot run here, or `undefined` when they must. Only a developer machine
 * without Chromium skips; in CI (`CI` set) the tests run and fail if Chromium is missing.
 *
 * @returns the reason to skip, or `undefined`.
 * @example
 * ```ts
 * import { browserSkipReason } from './browser.js';
 * const reason = browserSkipReason();
 * if (reason) console.warn(reason);
 * ```
 */
export function browserSkipReason(): string | undefined {
  if (existsSync(CHROMIUM_PATH)) return undefined;
  if (process.env['CI']) return undefined;
  return `browser tests skipped: ${CHROMIUM_PATH} is missing (install it with \`bash scripts/setup.sh --browser\` or \`apt-get install -y chromium\`); in CI they run and fail instead`;
}

/** A launched browser: one context on a fresh profile. */
export interface TestBrowser {
  /** The browser context (one profile). */
  readonly context: BrowserContext;
  /** Closes the browser and removes its profile directory. */
  close(): Promise<void>;
}

/**
 * Launches headless Chromium from {@link CHROMIUM_PATH} on a new temporary profile.
 *
 * @returns the browser context and `close()`.
 * @throws when Chromium is missing or does not start (with the path in the message).
 * @example
 * ```ts
 * import { launchBrowser } from './browser.js';
 * const browser = await launchBrowser();
 * const page = await browser.context.newPage();
 * await browser.close();
 * ```
 */
export async function launchBrowser(): Promise<TestBrowser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is missing at ${CHROMIUM_PATH}: run \`bash scripts/setup.sh --browser\` (or \`apt-get install -y chromium\`).`);
  }
  const profile = await mkdtemp(join(tmpdir(), 'hyperld-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 900 },
      timeout: 30_000,
    });
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
  context.setDefaultTimeout(10_000);
  return {
    context,
    close: async () => {
      await context.close().catch(() => undefined);
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Collects what a page reports as going wrong: console errors, uncaught exceptions, and
 * requests that failed or were answered with 4xx/5xx.
 *
 * @param page - the page to watch.
 * @returns the list, filled as the page runs.
 * @example
 * ```ts
 * import { watchErrors } from './browser.js';
 * import type { Page } from 'playwright-core';
 * declare const page: Page;
 * const errors = watchErrors(page);
 * // … use the page, then expect(errors).toEqual([])
 * ```
 */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('requestfailed', (request) => errors.push(`requestfailed: ${request.url()} ${request.failure()?.errorText ?? ''}`));
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`http ${response.status()}: ${response.url()}`);
  });
  return errors;
}

/**
 * Saves a full-page screenshot as `test/artifacts/<name>.png`, the name made file-safe.
 *
 * @param page - the page.
 * @param name - the test's name.
 * @returns the file written.
 * @example
 * ```ts
 * import { screenshot } from './browser.js';
 * import type { Page } from 'playwright-core';
 * declare const page: Page;
 * const file = await screenshot(page, 'explorer closes the seed conversation');
 * ```
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  const file = join(ARTIFACTS_DIR, `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 100)}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
