/**
 * Issue 17, points 1 and 2 end to end: `generateFromUrl` and `hyperld generate` against the
 * three fixture APIs (API Platform 3.x and 4.x, hydra-box / kopflos) and the reference TextUs
 * server, started in-process. Each module is written to `test/.generated/` (git-ignored) and
 * type-checked under the project's strict flags, a client on its registry reads the API's books, and
 * the API Platform 3.x module is the one the guide "A typed client for an API you did not write"
 * shows, `docs/guides/library-api.ts` (which the type tests of `generate.test-d.ts` import too),
 * regenerated and compared here, from the books collection, as the guide's test does from the
 * entrypoint, so that it cannot go stale.
 *
 * @module
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { generateFromUrl, run, type CliIo } from '@hyperld/cli';
import type { Registry } from '@hyperld/core';
import { createClient } from '@hyperld/hydra/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiPlatform3, startApiPlatform4 } from './fixture-apis/api-platform.js';
import { startHydraBox } from './fixture-apis/hydra-box.js';
import type { FixtureApi } from './fixture-apis/loopback.js';
import { startMemoryServer } from './helpers/textus-server.js';

const here = dirname(fileURLToPath(import.meta.url));
const OUT = join(here, '.generated');
const SNAPSHOT = join(here, '..', 'docs', 'guides', 'library-api.ts');
/** The origin the snapshot is generated under (the guide's module is written with it), whatever port the fixture listens on. */
const ALIAS = 'https://localhost';

/**
 * A fetch that serves `alias` from the fixture's loopback origin, with the origin written as the
 * alias in bodies and `Link` headers: the generated module is the same text on every run.
 */
function aliased(api: FixtureApi, alias: string): typeof fetch {
  const origin = new URL(api.entrypoint).origin;
  return async (input, init) => {
    const request = new Request(input, init);
    const response = await fetch(request.url.replace(alias, origin), { method: request.method, headers: request.headers, redirect: 'manual' });
    const headers = new Headers(response.headers);
    headers.delete('content-length');
    const link = headers.get('link');
    if (link !== null) headers.set('link', link.replaceAll(origin, alias));
    return new Response((await response.text()).replaceAll(origin, alias), { status: response.status, statusText: response.statusText, headers });
  };
}

const FIXTURES: ReadonlyArray<readonly [string, string, () => Promise<FixtureApi>]> = [
  ['API Platform 3.x', 'api-platform-3', startApiPlatform3],
  ['API Platform 4.x', 'api-platform-4', startApiPlatform4],
  ['hydra-box / kopflos', 'hydra-box', startHydraBox],
];

const apis = new Map<string, FixtureApi>();
const modules = new Map<string, string>();

beforeAll(async () => {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  for (const [, file, start] of FIXTURES) apis.set(file, await start());
});

afterAll(async () => {
  for (const api of apis.values()) await api.close();
});

describe.each(FIXTURES)('generate from %s', (_name, file) => {
  it('follows the Link header from a collection to the API documentation, and writes the module', async () => {
    const api = apis.get(file) as FixtureApi;
    const source = await generateFromUrl(api.books);
    writeFileSync(join(OUT, `${file}.ts`), source);
    modules.set(file, source);
    expect(source).toContain(`Source: ${api.apiDocumentation}.`);
    expect(source).toMatch(/export const Book = v\.type\('Book', \{/);
    expect(source).toContain('export const registry = /* @__PURE__ */ createRegistry({ types: [...types, ...hydraTypes] });');
  });

  it("reads the API's books with a client on the generated registry: each book as the generated Book, every member across the pages", async () => {
    const api = apis.get(file) as FixtureApi;
    const { registry } = (await import(join(OUT, `${file}.ts`))) as { registry: Registry };
    const client = createClient({ baseUrl: api.entrypoint, registry: registry as Registry<never>, contexts: 'same-origin' });
    const book = (await client.get(api.bookIri(1))) as Record<string, unknown>;
    expect((client.registry as Registry).definitionOf(book, { base: api.bookIri(1) })?.type).toBe('Book');
    expect(book['title']).toBe(api.library.book(1)?.title);
    const members: unknown[] = [];
    for await (const member of client.members(api.books)) members.push(member);
    expect(members).toHaveLength(api.library.list().length);
  });
});

describe('the API Platform 3.x snapshot', () => {
  it('is what the generator writes today (regenerate docs/guides/library-api.ts with UPDATE_GENERATED=1 when it changes)', async () => {
    const api = apis.get('api-platform-3') as FixtureApi;
    const source = await generateFromUrl(`${ALIAS}/books`, { fetch: aliased(api, ALIAS) });
    if (process.env['UPDATE_GENERATED'] === '1') writeFileSync(SNAPSHOT, source);
    expect(source).toBe(readFileSync(SNAPSHOT, 'utf8'));
  });
});

describe('generate from the reference server', () => {
  it('writes a module of the TextUs classes, with their actions', async () => {
    const server = await startMemoryServer();
    try {
      const source = await generateFromUrl(server.url);
      writeFileSync(join(OUT, 'textus.ts'), source);
      modules.set('textus', source);
      expect(source).toContain("export const Conversation = v.type('Conversation', {");
      expect(source).toMatch(/closeConversation: action\(\{ method: 'PUT', returns: 'Conversation'/);
      expect(source).toMatch(/members: t\s*\.list\(t\.union\(t\.link\('ConversationWithAccount'\), t\.node\(ConversationWithAccount\)\)\)/);
    } finally {
      await server.close();
    }
  });
});

describe('hyperld generate', () => {
  it('prints the module, or writes it with -o', async () => {
    const api = apis.get('hydra-box') as FixtureApi;
    const written = new Map<string, string>();
    let stdout = '';
    const io: CliIo = {
      stdin: (async function* () {})(),
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: () => true },
      readFile: async () => '',
      writeFile: async (path, text) => {
        written.set(path, text);
      },
    };
    expect(await run(['generate', api.entrypoint], io)).toBe(0);
    expect(stdout).toBe(await generateFromUrl(api.entrypoint));
    stdout = '';
    expect(await run(['generate', api.entrypoint, '-o', 'api.ts'], io)).toBe(0);
    expect(stdout).toBe('wrote api.ts\n');
    expect(written.get('api.ts')).toBe(await generateFromUrl(api.entrypoint));
  });

  it.each(FIXTURES)("runs the user's scenario on %s: hyperld generate <URL> -o api.ts, then validate and actions with --types api.ts", async (_name, file) => {
    const api = apis.get(file) as FixtureApi;
    const written = new Map<string, string>();
    let stdout = '';
    let stderr = '';
    const io: CliIo = {
      stdin: (async function* () {})(),
      stdout: { write: (chunk: string) => (stdout += chunk) },
      stderr: { write: (chunk: string) => (stderr += chunk) },
      readFile: async (path) => written.get(path) ?? '',
      writeFile: async (path, text) => {
        written.set(path, text);
        writeFileSync(path, text);
      },
    };
    const module = join(OUT, `scenario-${file}.ts`);
    expect(await run(['generate', api.entrypoint, '-o', module], io)).toBe(0);
    expect(written.get(module)).toMatch(/export const Book = v\.type\('Book', \{/);
    stdout = '';
    expect([await run(['validate', api.books, '--types', module], io), stderr]).toEqual([0, '']);
    expect(stdout).toMatch(/^valid: /);
    stdout = '';
    expect(await run(['actions', api.bookIri(1), '--json', '--types', module], io)).toBe(0);
    const report = JSON.parse(stdout) as Array<{ id: string; actions: Array<{ method: string; state: string; url?: string }> }>;
    const book = report.find((entry) => entry.id === api.bookIri(1));
    expect(book?.actions.filter((a) => a.state === 'available').map((a) => a.method)).toEqual(expect.arrayContaining(['PUT', 'DELETE']));
  });

  it('reads a file as the API documentation itself', async () => {
    const api = apis.get('hydra-box') as FixtureApi;
    const text = await (await fetch(api.apiDocumentation)).text();
    let stdout = '';
    const io: CliIo = {
      stdin: (async function* () {})(),
      stdout: { write: (chunk: string) => (stdout += chunk) },
      stderr: { write: () => true },
      readFile: async () => text,
    };
    expect(await run(['generate', 'api.jsonld'], io)).toBe(0);
    expect(stdout).toContain("export const BookCollection = v.type('BookCollection', {");
    expect(stdout).toContain('Source: api.jsonld.');
  });

  it('refuses -o where no file can be written, and --header on a file', async () => {
    let stderr = '';
    const io: CliIo = { stdin: (async function* () {})(), stdout: { write: () => true }, stderr: { write: (t: string) => (stderr += t) }, readFile: async () => '{}' };
    expect(await run(['generate', 'https://api.example/', '-o', 'api.ts'], io)).toBe(2);
    expect(stderr).toBe('hyperld: generate: -o needs a file system to write to (see hyperld generate --help)\n');
    stderr = '';
    expect(await run(['generate', 'api.jsonld', '--header', 'A: b'], io)).toBe(2);
    expect(stderr).toBe('hyperld: generate: --header and --contexts are for URL arguments (see hyperld generate --help)\n');
  });
});

describe('the generated modules', () => {
  it('type-check under the strict flags of tsconfig.base.json', async () => {
    expect([...modules.keys()].sort()).toEqual(['api-platform-3', 'api-platform-4', 'hydra-box', 'textus']);
    writeFileSync(join(OUT, 'tsconfig.json'), JSON.stringify({ extends: '../../tsconfig.base.json', compilerOptions: { noEmit: true }, include: ['*.ts'] }, null, 2));
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const result = await promisify(execFile)(process.execPath, [tsc, '-p', join(OUT, 'tsconfig.json')], { cwd: here }).then(
      () => '',
      (error: { stdout?: string }) => error.stdout ?? String(error),
    );
    expect(result).toBe('');
  }, 120_000);
});
