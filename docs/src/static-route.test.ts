import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { hydraRegistry } from '@hyperld/hydra';
import { createHydraHandler, serveNode, type HydraHandler, type ServerRoute } from '@hyperld/hydra/server';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentTypeOf, MAX_STATIC_DEPTH, safeSegments, STATIC_CSP, staticRoutes } from './static-route.js';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

let work: string;
let site: string;
let handler: HydraHandler;
let mounted: HydraHandler;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'hyperld-static-'));
  site = join(work, 'site');
  mkdirSync(join(site, 'explorer'), { recursive: true });
  mkdirSync(join(site, 'a', 'b', 'c', 'd', 'e'), { recursive: true });
  mkdirSync(join(site, 'empty'));
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>home</title>');
  writeFileSync(join(site, 'explorer', 'index.html'), '<!doctype html><title>explorer</title>');
  writeFileSync(join(site, 'explorer', 'explorer.js'), 'export {};');
  writeFileSync(join(site, 'explorer', 'explorer.css'), 'body{}');
  writeFileSync(join(site, 'explorer', 'config.json'), '{"token":"x"}');
  writeFileSync(join(site, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(site, 'blob.unknownext'), 'bytes');
  writeFileSync(join(site, 'a', 'b', 'c', 'd', 'e', 'deep.txt'), 'deep');
  writeFileSync(join(site, '.secret'), 'dotfile');
  writeFileSync(join(site, 'with space.txt'), 'spaced');
  writeFileSync(join(work, 'outside.txt'), 'OUTSIDE');
  mkdirSync(join(work, 'outside-dir'));
  writeFileSync(join(work, 'outside-dir', 'index.html'), 'OUTSIDE INDEX');
  symlinkSync(join(work, 'outside.txt'), join(site, 'leak.txt'));
  symlinkSync(join(work, 'outside-dir'), join(site, 'leakdir'));
  symlinkSync(join(site, 'index.html'), join(site, 'alias.html'));

  const api: ServerRoute<string> = { method: 'GET', template: '/contacts/{contact}/conversations', handle: () => ({ '@type': 'hydra:Collection', id: '/c', member: [], totalItems: 0 }) };
  const put: ServerRoute<string> = { method: 'PUT', template: '/explorer/{x}', handle: () => ({ '@type': 'hydra:Collection', id: '/p', member: [], totalItems: 0 }) };
  handler = createHydraHandler<string>({
    registry: hydraRegistry,
    routes: [api, put, ...staticRoutes<string>(site)],
    authenticate: (request) => (request.headers.get('authorization') === 'Bearer ok' ? 'user' : undefined),
  });
  mounted = createHydraHandler({ registry: hydraRegistry, routes: staticRoutes(site, { mount: '/docs/' }) });
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

const get = (path: string, init: RequestInit = {}, h = handler): Promise<Response> => h.fetch(new Request(`http://127.0.0.1${path}`, init));

describe('staticRoutes: what is served', () => {
  it('serves / and directories with a trailing slash as their index.html, with the CSP and nosniff', async () => {
    const home = await get('/', { headers: { accept: BROWSER_ACCEPT } });
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('home');
    expect(home.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(home.headers.get('content-security-policy')).toBe(STATIC_CSP);
    expect(home.headers.get('x-content-type-options')).toBe('nosniff');
    const explorer = await get('/explorer/', { headers: { accept: BROWSER_ACCEPT } });
    expect(explorer.status).toBe(200);
    expect(await explorer.text()).toContain('explorer');
  });

  it('redirects a directory named without its slash, keeping the query', async () => {
    const response = await get('/explorer?iri=x');
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/explorer/?iri=x');
  });

  it('answers without an Accept header (curl) and with a browser Accept header', async () => {
    for (const headers of [{}, { accept: BROWSER_ACCEPT }, { accept: '*/*' }, { accept: 'text/css,*/*;q=0.1' }]) {
      const response = await get('/explorer/explorer.css', { headers });
      expect(response.status).toBe(200);
      expect(await response.text()).toBe('body{}');
    }
  });

  it('names each file with its media type; only HTML and SVG get the CSP', async () => {
    const cases: Array<[string, string, boolean]> = [
      ['/explorer/explorer.js', 'text/javascript; charset=utf-8', false],
      ['/explorer/explorer.css', 'text/css; charset=utf-8', false],
      ['/explorer/config.json', 'application/json; charset=utf-8', false],
      ['/logo.svg', 'image/svg+xml', true],
      ['/blob.unknownext', 'application/octet-stream', false],
      ['/explorer/index.html', 'text/html; charset=utf-8', true],
    ];
    for (const [path, type, csp] of cases) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toBe(type);
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('content-security-policy') !== null, path).toBe(csp);
    }
    expect(contentTypeOf('X.HTML')).toBe('text/html; charset=utf-8');
  });

  it('serves files down to the deepest supported level and percent-encoded names', async () => {
    expect(await (await get('/a/b/c/d/e/deep.txt')).text()).toBe('deep');
    expect(await (await get('/with%20space.txt')).text()).toBe('spaced');
    expect((await get('/a/b/c/d/e/deep.txt/x')).status).toBe(404);
  });

  it('follows a symlink that stays inside the directory', async () => {
    expect(await (await get('/alias.html')).text()).toContain('home');
  });

  it('answers HEAD without a body and If-None-Match with 304', async () => {
    const first = await get('/explorer/explorer.js');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    const head = await get('/explorer/explorer.js', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const again = await get('/explorer/explorer.js', { headers: { 'if-none-match': etag as string } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('serves under a mount point and nothing outside it', async () => {
    expect(await (await get('/docs/', {}, mounted)).text()).toContain('home');
    expect((await get('/docs', {}, mounted)).status).toBe(301);
    expect(await (await get('/docs/explorer/config.json', {}, mounted)).text()).toBe('{"token":"x"}');
    expect((await get('/explorer/config.json', {}, mounted)).status).toBe(404);
    expect((await get('/docsexplorer/config.json', {}, mounted)).status).toBe(404);
    expect(() => staticRoutes(site, { mount: 'docs' })).toThrow(TypeError);
  });
});

describe('staticRoutes: the API comes first', () => {
  it('leaves API routes to the API (authentication included) and other methods to their routes', async () => {
    expect((await get('/contacts/x/conversations')).status).toBe(401);
    const ok = await get('/contacts/x/conversations', { headers: { authorization: 'Bearer ok' } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('application/ld+json');
    expect((await get('/explorer/explorer.js', { method: 'PUT', headers: { authorization: 'Bearer ok' } })).status).toBe(200);
    expect((await get('/explorer/explorer.js', { method: 'DELETE' })).status).toBe(405);
  });

  it('needs no token for the files', async () => {
    expect((await get('/explorer/config.json')).status).toBe(200);
  });
});

describe('staticRoutes: no way out of the directory', () => {
  const refused = [
    '/..%2foutside.txt',
    '/%2e%2e%2foutside.txt',
    '/explorer/%2e%2e%2f%2e%2e%2foutside.txt',
    '/explorer%2f..%2f..%2foutside.txt',
    '/%2fetc%2fpasswd',
    '/explorer/..%5c..%5coutside.txt',
    '/leak.txt',
    '/leakdir/',
    '/leakdir/index.html',
    '/.secret',
    '/%2esecret',
    '/explorer/index.html%00.txt',
    '/%E0%A4%A',
    '/a/b/c/d/e/f/g.txt',
    '/explorer//index.html',
    '/empty/',
    '/index.html/',
  ];
  it.each(refused)('refuses %s', async (path) => {
    const response = await get(path);
    expect(response.status).toBeGreaterThanOrEqual(400);
    const text = await response.text();
    expect(text).not.toContain('OUTSIDE');
    expect(text).not.toContain('dotfile');
  });

  it('refuses the same paths sent raw over HTTP, where no URL parser tidied them first', async () => {
    const served = await serveNode(handler, { port: 0 });
    try {
      const { request } = await import('node:http');
      const raw = (path: string): Promise<{ status: number; body: string }> =>
        new Promise((done, fail) => {
          const req = request(`${served.url}/`, { path, method: 'GET' }, (res) => {
            let body = '';
            res.setEncoding('utf8');
            res.on('data', (c: string) => (body += c));
            res.on('end', () => done({ status: res.statusCode ?? 0, body }));
          });
          req.on('error', fail);
          req.end();
        });
      for (const path of ['/../outside.txt', '/explorer/../../outside.txt', '/%2e%2e/outside.txt', '//etc/passwd', '/..%2f..%2f..%2fetc%2fpasswd', '/leak.txt']) {
        const { status, body } = await raw(path);
        expect(body, path).not.toContain('OUTSIDE');
        expect(body, path).not.toContain('root:');
        expect([200, 404, 400], path).toContain(status);
        if (status === 200) expect(body, path).toContain('home');
      }
      expect((await raw('/explorer/config.json')).body).toBe('{"token":"x"}');
    } finally {
      await served.close();
    }
  });

  it('only ever yields segments that stay inside the directory (property)', () => {
    const piece = fc.oneof(
      fc.constantFrom('..', '.', '%2e%2e', '%2E%2e', '%2f', '%2F', '%5c', '%00', '/', '\\', '', 'a', 'index.html', '%', '%zz', '.git'),
      fc.string({ maxLength: 6 }),
    );
    const root = resolve('/srv/site');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), fc.boolean(), (pieces, leadingSlash) => {
        const pathname = (leadingSlash ? '/' : '') + pieces.join('/');
        const parsed = safeSegments(pathname, '/');
        if (!parsed) return;
        expect(parsed.segments.length).toBeLessThanOrEqual(MAX_STATIC_DEPTH);
        const target = join(root, ...parsed.segments);
        const rel = relative(root, target);
        expect(rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep))).toBe(true);
        for (const s of parsed.segments) expect(s === '' || s === '.' || s === '..' || s.includes('/') || s.includes('\\') || s.includes('\0')).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('decodes the mount point itself and the segments below it', () => {
    expect(safeSegments('/', '/')).toEqual({ segments: [], trailingSlash: true });
    expect(safeSegments('/docs', '/docs')).toEqual({ segments: [], trailingSlash: false });
    expect(safeSegments('/docs/a%20b/c.html', '/docs')).toEqual({ segments: ['a b', 'c.html'], trailingSlash: false });
    expect(safeSegments('/docsx', '/docs')).toBeUndefined();
  });
});
