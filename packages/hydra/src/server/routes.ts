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
 * @typeParam A - what `authenticate` returns (the user).
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

export interface CompiledRoute<A> {
  readonly route: ServerRoute<A>;
  readonly pattern: RegExp;
  readonly names: readonly string[];
}

export function compileTemplate(template: string): { pattern: RegExp; names: string[] } {
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

/**
 * The methods a Hydra handler knows: those of {@link Method}, `HEAD` (answered from `GET`
 * routes) and `OPTIONS`, which gets the 405 whose `Allow` lists what the resource takes.
 */
export const IMPLEMENTED_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']);

export function decodePathSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
