/**
 * Issue 16, point 8: the command line on live APIs. `hyperld get`, `members` and `actions` (and
 * `validate`) take a URL, fetch it with the hypermedia client under `--header` and `--contexts`,
 * and read the fixture APIs of `test/fixture-apis/` (API Platform 3.x and 4.x, hydra-box /
 * kopflos shapes) with the Hydra vocabulary alone: every member across the pages as absolute
 * ids, the run-time operations of a resource, the decoded document exactly as it came.
 *
 * @module
 */
import { run, type CliIo } from '@hyperld/cli';
import { hydraRegistry } from '@hyperld/hydra';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiPlatform3, startApiPlatform4 } from './fixture-apis/api-platform.js';
import { startHydraBox } from './fixture-apis/hydra-box.js';
import type { FixtureApi } from './fixture-apis/loopback.js';

/** Runs the tool in-process with a fetch that records each request's URL and header fields. */
async function hyperld(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const sent: Array<{ readonly url: string; readonly headers: Headers }> = [];
  const io: CliIo = {
    stdin: (async function* () {})(),
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    readFile: async () => {
      throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    },
    fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      sent.push({ url: request.url, headers: request.headers });
      return fetch(request);
    },
  };
  const code = await run(argv, io, { registry: hydraRegistry });
  return { code, stdout, stderr, sent };
}

const FIXTURES: ReadonlyArray<readonly [string, () => Promise<FixtureApi>]> = [
  ['API Platform 3.x', startApiPlatform3],
  ['API Platform 4.x', startApiPlatform4],
  ['hydra-box / kopflos', startHydraBox],
];

for (const [name, start] of FIXTURES) {
  describe(`hyperld on the ${name} fixture API`, () => {
    let api: FixtureApi;
    beforeAll(async () => {
      api = await start();
    });
    afterAll(async () => {
      await api?.close();
    });

    it('members --json prints every member id across the pages, absolute, in order; --limit stops early', async () => {
      const all = await hyperld(['members', api.books, '--json']);
      expect(all.stderr).toBe('');
      expect(all.code).toBe(0);
      const expected = api.library.list().map((b) => api.bookIri(b.id));
      expect(expected).toHaveLength(23);
      expect(JSON.parse(all.stdout)).toEqual(expected);
      const some = await hyperld(['members', api.books, '--limit', '5']);
      expect(some.code).toBe(0);
      const lines = some.stdout.trimEnd().split('\n');
      expect(lines.map((line) => line.split(/\s+/)[0])).toEqual(expected.slice(0, 5));
    });

    it('get --json prints the answer as it came; get alone lists the node', async () => {
      const raw = (await (await fetch(api.books)).json()) as unknown;
      const json = await hyperld(['get', api.books, '--json']);
      expect(json.code).toBe(0);
      expect(JSON.parse(json.stdout)).toEqual(raw);
      const text = await hyperld(['get', api.books]);
      expect(text.code).toBe(0);
      expect(text.stdout.split('\n')[0]).toMatch(/Collection/);
      expect(text.stdout).toMatch(/member: 10 items/);
    });

    it("actions --json lists a book's run-time operations with absolute URLs, and the entrypoint's create", async () => {
      const book = api.bookIri(api.library.list()[0]?.id ?? 1);
      const result = await hyperld(['actions', book, '--json']);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const report = JSON.parse(result.stdout) as Array<{ id: string | null; type: string; actions: Array<{ name: string; state: string; method: string; url?: string }> }>;
      const entry = report.find((e) => e.id === book);
      expect(entry).toBeDefined();
      const methods = entry?.actions.filter((a) => a.state === 'available').map((a) => [a.method, a.url]);
      expect(methods).toEqual(expect.arrayContaining([['PUT', book], ['DELETE', book]]));
      const entrypoint = JSON.parse((await hyperld(['actions', api.entrypoint, '--json'])).stdout) as typeof report;
      const creates = entrypoint.flatMap((e) => e.actions).filter((a) => a.method === 'POST');
      expect(creates.map((a) => a.url)).toContain(api.books);
    });

    it('validate and roundtrip take a URL too', async () => {
      const result = await hyperld(['validate', api.books]);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^valid: /);
      const roundtrip = await hyperld(['roundtrip', `${api.books}?page=2`]);
      expect([roundtrip.code, roundtrip.stdout]).toEqual([0, 'identical\n']);
    });

    it("sends --header fields to the URL's origin only, and trusts no remote context with --contexts registered", async () => {
      const withHeader = await hyperld(['members', api.books, '--limit', '1', '--header', 'Authorization: Bearer s3cret', '--header', 'X-Trace: 1']);
      expect(withHeader.code).toBe(0);
      expect(withHeader.sent.length).toBeGreaterThan(0);
      for (const request of withHeader.sent) {
        expect(new URL(request.url).origin).toBe(api.url);
        expect(request.headers.get('authorization')).toBe('Bearer s3cret');
        expect(request.headers.get('x-trace')).toBe('1');
      }
      if (api.contexts.length === 0) return;
      // The API's own contexts are remote: under `registered` none is fetched, and the page does not decode.
      const refused = await hyperld(['get', api.books, '--contexts', 'registered']);
      expect(refused.code).toBe(1);
      expect(refused.stdout).toMatch(/unknown_context/);
      expect(refused.sent.map((r) => r.url)).toEqual([api.books]);
    });
  });
}

describe('hyperld on URLs: usage', () => {
  it('refuses what is not a URL where one is needed, and a malformed --header or --contexts, with exit 2', async () => {
    expect((await hyperld(['get', 'page.json'])).code).toBe(2);
    const header = await hyperld(['get', 'https://api.example.com/', '--header', 'no colon']);
    expect([header.code, header.stderr]).toEqual([2, expect.stringMatching(/--header "no colon" is not "Name: value"/)]);
    const contexts = await hyperld(['get', 'https://api.example.com/', '--contexts', 'ftp://x']);
    expect([contexts.code, contexts.stderr]).toEqual([2, expect.stringMatching(/--contexts "ftp:\/\/x"/)]);
    expect((await hyperld(['validate', 'page.json', '--header', 'A: b'])).code).toBe(2);
  });
});
