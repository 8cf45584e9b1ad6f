/**
 * Routes: the methods a route may answer, what its handler receives, and route templates compiled
 * to the patterns a request path is matched against.
 *
 * @module
 */
import type { AnyTypeDef } from '@hyperld/core';
import type { HandlerResult } from './reply.js';

/**
 * An HTTP method a route may answer.
 *
 * @example
 * ```ts
 * import type { Method, ServerRoute } from '@hyperld/hydra/server';
 * const method: Method = 'PUT';
 * const close: ServerRoute<unknown> = { method, template: '/things/{thing}/close', handle: () => undefined };
 * ```
 */
export type Method = 'GET' | 'PUT' | 'DELETE' | 'POST' | 'PATCH';

/**
 * What a handler receives.
 *
 * @typeParam A - the principal `authenticate` finds (the user).
 * @example
 * ```ts
 * import type { RouteContext } from '@hyperld/hydra/server';
 * const read = (ctx: RouteContext<{ id: string }>) => ctx.params['conversation'];
 * ```
 */
export interface RouteContext<A> {
  /** The request. */
  readonly request: Request;
  /** The request URL, parsed. */
  readonly url: URL;
  /** The template variables matched in the path (percent-decoded). */
  readonly params: Readonly<Record<string, string>>;
  /** The authenticated principal (`undefined` on public routes). */
  readonly auth: A;
  /** The request body, decoded and validated against the route's `expects` type (or parsed JSON without one). */
  readonly body: unknown;
}

/**
 * A route: a method, an RFC 6570 path template with `{var}` segments, the body type it expects
 * and the handler.
 *
 * @example
 * ```ts
 * import type { ServerRoute } from '@hyperld/hydra/server';
 * const route: ServerRoute<unknown> = { method: 'GET', template: '/things/{thing}', handle: ({ params }) => ({ '@type': 'Thing', id: `/things/${params['thing']}` }) };
 * ```
 */
export interface ServerRoute<A> {
  /** The method. */
  readonly method: Method;
  /** The path template, e.g. `/contacts/{contact}/conversations` (a trailing `{?…}` is ignored for matching). */
  readonly template: string;
  /** The type the request body must decode to. */
  readonly expects?: AnyTypeDef;
  /** Whether the route is public (no authentication). Default `false` when `authenticate` is set. */
  readonly public?: boolean;
  /** Produces the answer. */
  handle(ctx: RouteContext<A>): HandlerResult | Promise<HandlerResult>;
}

/**
 * The methods a Hydra handler knows: those of {@link Method}, `HEAD` (answered from `GET`
 * routes) and `OPTIONS`, which gets the 405 whose `Allow` lists what the resource takes.
 *
 * @internal
 * @example
 * ```ts
 * import { IMPLEMENTED_METHODS } from './routes.js';
 * IMPLEMENTED_METHODS.has('PROPFIND'); // false: a 501 on every path
 * ```
 */
export const IMPLEMENTED_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']);

/**
 * What matching a request against the routes gives: the route with its template variables, or
 * why no route answers it.
 *
 * @internal
 * @example
 * ```ts
 * import type { RouteMatch } from './routes.js';
 * const refused: RouteMatch<unknown> = { kind: 'not-allowed', allow: 'GET, HEAD' }; // a 405
 * ```
 */
export type RouteMatch<A> =
  | { readonly kind: 'matched'; readonly route: ServerRoute<A>; readonly params: Readonly<Record<string, string>> }
  /** The path matches, but a variable is not valid percent-encoded UTF-8 (a 400). */
  | { readonly kind: 'bad-path' }
  /** Routes on the path take other methods, listed for `Allow` (a 405). */
  | { readonly kind: 'not-allowed'; readonly allow: string }
  /** No route on the path (a 404). */
  | { readonly kind: 'not-found' };

interface CompiledRoute<A> {
  readonly route: ServerRoute<A>;
  readonly pattern: RegExp;
  readonly names: readonly string[];
}

/**
 * The routes of a handler, their templates compiled once, matched in order.
 *
 * @internal
 * @example
 * ```ts
 * import { RouteTable } from './routes.js';
 * const table = new RouteTable([{ method: 'GET', template: '/things/{thing}{?q}', handle: () => undefined }]);
 * table.match('HEAD', '/things/a%20b'); // { kind: 'matched', route, params: { thing: 'a b' } }
 * table.match('PUT', '/things/a'); // { kind: 'not-allowed', allow: 'GET, HEAD' }
 * ```
 */
export class RouteTable<A> {
  private readonly routes: readonly CompiledRoute<A>[];

  /** @param routes - the routes, in the order they are tried. */
  constructor(routes: readonly ServerRoute<A>[]) {
    this.routes = routes.map((route) => ({ route, ...compileTemplate(route.template) }));
  }

  /**
   * The first route whose template matches the path and whose method is the request's (`HEAD`
   * takes `GET` routes), with its variables percent-decoded.
   *
   * @param method - the request method, upper-case.
   * @param path - the request path, as sent (percent-encoded).
   * @returns the match, or why there is none.
   */
  match(method: string, path: string): RouteMatch<A> {
    const allowed = new Set<string>();
    for (const r of this.routes) {
      const m = r.pattern.exec(path);
      if (!m) continue;
      const routeMethod = r.route.method;
      allowed.add(routeMethod);
      if (routeMethod === 'GET') allowed.add('HEAD');
      if (routeMethod === method || (method === 'HEAD' && routeMethod === 'GET')) {
        const params: Record<string, string> = Object.create(null) as Record<string, string>;
        for (const [i, name] of r.names.entries()) {
          const decoded = decodePathSegment(m[i + 1] as string);
          // Malformed percent-encoding (`%E0%A4%A`) is the client's mistake, not a server fault.
          if (decoded === undefined) return { kind: 'bad-path' };
          params[name] = decoded;
        }
        return { kind: 'matched', route: r.route, params };
      }
    }
    return allowed.size > 0 ? { kind: 'not-allowed', allow: [...allowed].join(', ') } : { kind: 'not-found' };
  }
}

/** A path template as a pattern: `{var}` matches one segment; a trailing `{?…}` or `{&…}` is left out. */
function compileTemplate(template: string): { pattern: RegExp; names: string[] } {
  const path = template.replace(/\{[?&][^}]*\}$/, '');
  const names: string[] = [];
  let source = '^';
  let last = 0;
  for (const m of path.matchAll(/\{([A-Za-z0-9_]+)\}/g)) {
    source += path.slice(last, m.index).replace(/[.*+?^$()|[\]\\]/g, '\\$&');
    source += '([^/]+)';
    names.push(m[1] as string);
    last = (m.index ?? 0) + m[0].length;
  }
  source += `${path.slice(last).replace(/[.*+?^$()|[\]\\]/g, '\\$&')}$`;
  return { pattern: new RegExp(source), names };
}

function decodePathSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
