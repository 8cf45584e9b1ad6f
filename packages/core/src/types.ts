/**
 * Shared public types of `@hyperld/core`: JSON values, context values and the phantom link type.
 *
 * @module
 */

/**
 * A JSON primitive.
 *
 * @example
 * ```ts
 * import type { JsonPrimitive } from '@hyperld/core';
 * const values: JsonPrimitive[] = ['open', 42, true, null];
 * ```
 */
export type JsonPrimitive = string | number | boolean | null;

/**
 * Any JSON value, as `JSON.parse` returns it.
 *
 * @example
 * ```ts
 * import type { JsonValue } from '@hyperld/core';
 * const data: JsonValue = { customSettings: {} };
 * ```
 */
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };

/**
 * A JSON object.
 *
 * @example
 * ```ts
 * import type { JsonObject } from '@hyperld/core';
 * const empty: JsonObject = {};
 * ```
 */
export type JsonObject = { [key: string]: JsonValue };

/**
 * The value of a JSON-LD `@context`: a URL, an inline context object, or an array of them.
 *
 * @example
 * ```ts
 * import type { ContextValue } from '@hyperld/core';
 * const context: ContextValue = '/contexts/Account.jsonld';
 * ```
 */
export type ContextValue = string | JsonObject | null | ReadonlyArray<string | JsonObject | null>;

declare const linkTarget: unique symbol;

/**
 * An IRI string that links to a node of the type named `Target`. At run time it is a plain
 * string; the optional phantom property only lets `follow` know the type it will get back, so a
 * plain string is assignable to it.
 *
 * @example
 * ```ts
 * import type { Link } from '@hyperld/core';
 * const timeline: Link<'Timeline'> = '/conversations/Pvwqm5G/timeline';
 * ```
 */
export type Link<Target extends string = string> = string & { readonly [linkTarget]?: Target };

/**
 * Extracts the target type name of a {@link Link} type.
 *
 * @example
 * ```ts
 * import type { Link, LinkTarget } from '@hyperld/core';
 * type T = LinkTarget<Link<'Timeline'> | null>; // 'Timeline'
 * ```
 */
export type LinkTarget<L> = L extends { readonly [linkTarget]?: infer T } ? Exclude<T, undefined> : never;

/**
 * The properties a node may carry that its type does not declare: kept on decode, typed `unknown`.
 *
 * @example
 * ```ts
 * import type { UnknownProperties } from '@hyperld/core';
 * const extra: UnknownProperties = { engagementScore: 0.8 };
 * ```
 */
export type UnknownProperties = { readonly [key: string]: unknown };

/**
 * A node whose `@type` is not registered: decoded as it came, with every property `unknown`.
 *
 * @example
 * ```ts
 * import type { GenericNode } from '@hyperld/core';
 * const node: GenericNode = { '@type': 'Novelty', id: '/novelties/1' };
 * ```
 */
export interface GenericNode {
  /** The node's type term, or its types (JSON-LD's several types), as sent. */
  '@type': string | readonly string[];
  /** The node's context, as sent. */
  '@context'?: ContextValue;
  /** Any other property, as sent. */
  readonly [key: string]: unknown;
}

/** Makes an intersection readable in hovers. @internal */
export type Simplify<T> = { [K in keyof T]: T[K] } & {};
