/**
 * Serving a directory of static files (the docs site, the explorer) as routes of a Hydra
 * handler, so that one server answers both the API and its documentation. The routes are meant
 * as `extraRoutes`: the API's own routes are tried first, and only a path that no API route
 * answers reaches the files.
 *
 * Paths are resolved segment by segment from the raw request path: a segment that decodes to
 * `.`, `..`, a dotfile, or anything holding `/`, `\` or NUL is refused, and the file found must
 * still be inside the directory once symlinks are resolved. HTML (and SVG, which can carry
 * scripts) is sent with a Content-Security-Policy that forbids inline scripts and styles.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { RouteContext, ServerRoute } from '@hyperld/hydra/server';

/** The Content-Security-Policy sent with every HTML page (and SVG image). */
export const STATIC_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/** How deep below the mount point files are served (the routes are generated per depth). */
export const MAX_STATIC_DEPTH = 6;

const CONTENT_TYPES: ReadonlyMap<string, string> = new Map([
  ['.html', 'text/html; charset=utf-8'],
  ['.htm', 'text/html; charset=utf-8'],
  ['.css', 'text/css; charset=utf-8'],
  ['.js', 'text/javascript; charset=utf-8'],
  ['.mjs', 'text/javascript; charset=utf-8'],
  ['.map', 'application/json; charset=utf-8'],
  ['.json', 'application/json; charset=utf-8'],
  ['.jsonld', 'application/ld+json; charset=utf-8'],
  ['.txt', 'text/plain; charset=utf-8'],
  ['.md', 'text/markdown; charset=utf-8'],
  ['.xml', 'application/xml; charset=utf-8'],
  ['.svg', 'image/svg+xml'],
  ['.png', 'image/png'],
  ['.jpg', 'image/jpeg'],
  ['.jpeg', 'image/jpeg'],
  ['.gif', 'image/gif'],
  ['.webp', 'image/webp'],
  ['.ico', 'image/x-icon'],
  ['.woff', 'font/woff'],
  ['.woff2', 'font/woff2'],
  ['.wasm', 'application/wasm'],
]);

/**
 * The media type a file is served with, from its extension (`application/octet-stream` when
 * unknown, which `nosniff` keeps from being rendered as anything else).
 *
 * @param file - a file name or path.
 * @returns the `Content-Type` value.
 * @example
 * ```ts
 * import { contentTypeOf } from './static-route.js';
 * contentTypeOf('explorer/explorer.js'); // 'text/javascript; charset=utf-8'
 * ```
 */
export function contentTypeOf(file: string): string {
  return CONTENT_TYPES.get(extname(file).toLowerCase()) ?? 'application/octet-stream';
}

/**
 * Options of {@link staticRoutes}.
 *
 * @example
 * ```ts
 * import type { StaticRouteOptions } from './static-route.js';
 * const options: StaticRouteOptions = { mount: '/docs' };
 * ```
 */
export interface StaticRouteOptions {
  /** The path the directory is served under (default `/`). */
  readonly mount?: string;
  /** `Cache-Control` of the files (default `no-cache`: revalidate with the ETag each time). */
  readonly cacheControl?: string;
}

/**
 * The segments of a request path below a mount point, decoded and checked, or `undefined` when
 * the path is not one that may name a file: outside the mount, an empty segment (`//`), a
 * segment that is `.`, `..` or starts with `.`, or one that decodes to something holding `/`,
 * `\` or NUL (encoded slashes, `%2e%2e`, absolute paths), or malformed percent-encoding.
 *
 * @param pathname - the raw (still percent-encoded) request path.
 * @param mount - the mount point, e.g. `/` or `/docs`.
 * @returns the decoded segments (empty for the mount point itself) and whether the path ended
 * with `/`, or `undefined`.
 * @example
 * ```ts
 * import { safeSegments } from './static-route.js';
 * safeSegments('/explorer/', '/'); // { segments: ['explorer'], trailingSlash: true }
 * safeSegments('/a/%2e%2e/b', '/'); // undefined
 * ```
 */
export function safeSegments(pathname: string, mount: string): { readonly segments: readonly string[]; readonly trailingSlash: boolean } | undefined {
  const prefix = normalizeMount(mount);
  let rest: string;
  if (prefix === '') rest = pathname;
  else if (pathname === prefix) rest = '';
  else if (pathname.startsWith(`${prefix}/`)) rest = pathname.slice(prefix.length);
  else return undefined;
  if (rest === '' || rest === '/') return { segments: [], trailingSlash: rest === '/' };
  if (!rest.startsWith('/')) return undefined;
  const trailingSlash = rest.endsWith('/');
  const raw = rest.slice(1, trailingSlash ? -1 : undefined).split('/');
  if (raw.length > MAX_STATIC_DEPTH) return undefined;
  const segments: string[] = [];
  for (const part of raw) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(part);
    } catch {
      return undefined;
    }
    if (decoded === '' || decoded.startsWith('.') || /[/\\\0]/.test(decoded)) return undefined;
    segments.push(decoded);
  }
  return { segments, trailingSlash };
}

function normalizeMount(mount: string): string {
  const trimmed = mount.replace(/\/+$/, '');
  if (trimmed !== '' && !trimmed.startsWith('/')) throw new TypeError(`staticRoutes: the mount must start with "/", got ${JSON.stringify(mount)}`);
  if (/[{}]/.test(trimmed)) throw new TypeError(`staticRoutes: the mount cannot hold "{" or "}", got ${JSON.stringify(mount)}`);
  return trimmed;
}

function inside(root: string, file: string): boolean {
  return file === root || file.startsWith(root.endsWith(sep) ? root : root + sep);
}

const notModified = (header: string | null, etag: string): boolean =>
  header !== null && (header.trim() === '*' || header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag));

/**
 * Routes that serve the files of a directory: one `GET` route per depth below the mount point
 * (`/`, `/{a}`, `/{a}/`, `/{a}/{b}`, … down to {@link MAX_STATIC_DEPTH} segments), all public.
 * `/` and directories serve their `index.html`; a directory named without its trailing slash
 * is redirected to it, so that the page's relative URLs resolve inside it. Every answer carries
 * `X-Content-Type-Options: nosniff`, an ETag (answering `If-None-Match` with 304) and
 * `Cache-Control`; HTML and SVG carry {@link STATIC_CSP}. Anything that is not a file inside
 * the directory is left to the handler's 404.
 *
 * @param dir - the directory to serve (resolved against the working directory).
 * @param options - the mount point and caching.
 * @returns the routes, to pass as `extraRoutes` after the API's own.
 * @example
 * ```ts
 * import { startTextusServer } from '@hyperld/textus-server';
 * import { staticRoutes } from './static-route.js';
 * const server = await startTextusServer({ port: 0, extraRoutes: staticRoutes('docs/site', { mount: '/' }) });
 * ```
 */
export function staticRoutes<A = unknown>(dir: string, options: StaticRouteOptions = {}): ServerRoute<A>[] {
  const mount = normalizeMount(options.mount ?? '/');
  const cacheControl = options.cacheControl ?? 'no-cache';
  const root = resolve(dir);
  // The directory itself may be reached through a symlink (and may not exist yet: a site built
  // after the server starts); what matters is that files stay inside its real location.
  const rootReal = async (): Promise<string | undefined> => {
    try {
      const real = await realpath(root);
      return (await stat(real)).isDirectory() ? real : undefined;
    } catch {
      return undefined;
    }
  };

  const handle = async (ctx: RouteContext<A>): Promise<Response | undefined> => {
    const parsed = safeSegments(ctx.url.pathname, mount);
    if (!parsed) return undefined;
    const base = await rootReal();
    if (base === undefined) return undefined;
    let file = join(base, ...parsed.segments);
    let real: string;
    try {
      real = await realpath(file);
    } catch {
      return undefined;
    }
    if (!inside(base, real)) return undefined;
    let info = await stat(real);
    if (info.isDirectory()) {
      if (!parsed.trailingSlash) {
        const location = `${ctx.url.pathname}/${ctx.url.search}`;
        return new Response(null, { status: 301, headers: { location, 'x-content-type-options': 'nosniff' } });
      }
      file = join(real, 'index.html');
      try {
        real = await realpath(file);
      } catch {
        return undefined;
      }
      if (!inside(base, real)) return undefined;
      info = await stat(real);
    } else if (parsed.trailingSlash) {
      return undefined;
    }
    if (!info.isFile()) return undefined;
    const type = contentTypeOf(real);
    const etag = `"${createHash('sha256').update(`${real}\0${info.size}\0${info.mtimeMs}`).digest('hex').slice(0, 32)}"`;
    const headers: Record<string, string> = {
      'content-type': type,
      'x-content-type-options': 'nosniff',
      'cache-control': cacheControl,
      etag,
    };
    if (type.startsWith('text/html') || type.startsWith('image/svg+xml')) headers['content-security-policy'] = STATIC_CSP;
    if (notModified(ctx.request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers });
    const body = await readFile(real);
    headers['content-length'] = String(body.byteLength);
    return new Response(ctx.request.method === 'HEAD' ? null : body, { status: 200, headers });
  };

  const templates: string[] = [mount === '' ? '/' : mount];
  if (mount !== '') templates.push(`${mount}/`);
  let path = mount;
  for (let depth = 1; depth <= MAX_STATIC_DEPTH; depth++) {
    path += `/{s${depth}}`;
    templates.push(path, `${path}/`);
  }
  return templates.map((template) => ({ method: 'GET', template, public: true, handle }));
}
