/**
 * Actions discovered from links: a vocabulary declares an action as a property with a method;
 * a node offers it with a URL (available), withholds it with `null` (unavailable) or leaves it
 * out (not offered). Inline `hydra:operation`s are listed too.
 *
 * @module
 */
import {
  baseOf,
  metaOf,
  resolveIri,
  t,
  typesOf,
  type AnyKind,
  type AnyTypeDef,
  type Kind,
  type Link,
  type Registry,
} from '@hyperld/core';
import { HydraError } from './errors.js';
import { readHydra, type ReadHydraOptions } from './terms.js';

/**
 * The annotation key under which an action kind carries its {@link ActionSpec}.
 *
 * @example
 * ```ts
 * import { ACTION, action } from '@hyperld/hydra';
 * action({ method: 'PUT', returns: 'Conversation' }).annotations[ACTION]; // { method: 'PUT', returns: 'Conversation' }
 * ```
 */
export const ACTION = 'hydra:action';

/**
 * What a vocabulary declares about an action.
 *
 * @example
 * ```ts
 * import type { ActionSpec } from '@hyperld/hydra';
 * const close: ActionSpec = { method: 'PUT', returns: 'Conversation' };
 * ```
 */
export interface ActionSpec<M extends string = string, R extends string = string, E extends string | undefined = string | undefined> {
  /** The HTTP method to use. */
  readonly method: M;
  /** The `@type` of the answer's body, if it has one. */
  readonly returns?: R;
  /** The `@type` the request body must be, if it takes one. */
  readonly expects?: E;
  /** What the action does, for documentation. */
  readonly description?: string;
  /** The status the server answers with on success (200 unless said). */
  readonly status?: number;
}

declare const actionBrand: unique symbol;

/**
 * The value type of an action property: a link (string) that also remembers the action's spec
 * for typed `invoke`. A plain string is assignable to it.
 *
 * @example
 * ```ts
 * import type { ActionLink } from '@hyperld/hydra';
 * const close: ActionLink<{ method: 'PUT'; returns: 'Conversation' }> | null = '/conversations/1/close';
 * ```
 */
export type ActionLink<S extends ActionSpec> = Link<S['returns'] & string> & { readonly [actionBrand]?: S };

/**
 * The spec of an action property's value type, or `never` for a property that is no action.
 *
 * @example
 * ```ts
 * import type { ActionLink, ActionSpecOf } from '@hyperld/hydra';
 * type S = ActionSpecOf<ActionLink<{ method: 'PUT' }> | null>; // { method: 'PUT' }
 * ```
 */
export type ActionSpecOf<L> =
  NonNullable<L> extends { readonly [actionBrand]?: infer S } ? (Exclude<S, undefined> extends ActionSpec ? Exclude<S, undefined> : never) : never;

type Known<N> = { [K in keyof N as string extends K ? never : number extends K ? never : K]: N[K] };

/**
 * The names of the declared actions of a node type.
 *
 * @example
 * ```ts
 * import type { ActionLink, ActionName } from '@hyperld/hydra';
 * type N = { id: string; close?: ActionLink<{ method: 'PUT' }> | null };
 * type A = ActionName<N>; // 'close'
 * ```
 */
export type ActionName<N> = {
  [K in keyof Known<N>]-?: [ActionSpecOf<Known<N>[K]>] extends [never] ? never : K;
}[keyof Known<N>] &
  string;

/**
 * Declares an action property: a link that is a URL when the action is available and `null`
 * when it is not (and may be absent: not offered).
 *
 * @param spec - method, returned and expected types.
 * @returns the property kind.
 * @example
 * ```ts
 * import { action } from '@hyperld/hydra';
 * const properties = {
 *   readConversation: action({ method: 'PUT', returns: 'Conversation' }),
 *   unreadConversation: action({ method: 'DELETE', returns: 'Conversation' }),
 * };
 * ```
 */
export function action<const S extends ActionSpec>(spec: S): Kind<ActionLink<S> | null, true> {
  return t
    .link(spec.returns)
    .nullable()
    .optional()
    .annotate<ActionLink<S> | null>(ACTION, spec)
    .describe(spec.description ?? `${spec.method} this URL to ${spec.method === 'DELETE' ? 'undo' : 'perform'} the action.`);
}

/**
 * The action spec a property kind carries, if it declares an action.
 *
 * @param kind - a property kind.
 * @returns the spec, or `undefined`.
 * @example
 * ```ts
 * import { action, actionSpecOf } from '@hyperld/hydra';
 * actionSpecOf(action({ method: 'PUT' }))?.method; // 'PUT'
 * ```
 */
export function actionSpecOf(kind: AnyKind): ActionSpec | undefined {
  return kind.annotations[ACTION] as ActionSpec | undefined;
}

/**
 * Every action a definition declares (its own and inherited), in declaration order.
 *
 * @param def - the definition.
 * @returns pairs of property name and spec.
 * @example
 * ```ts
 * import { declaredActions } from '@hyperld/hydra';
 * import { defineType } from '@hyperld/core';
 * declaredActions(defineType({ type: 'X', context: '/x', vocab: 'https://e.x/v#', properties: {} })); // []
 * ```
 */
export function declaredActions(def: AnyTypeDef): Array<readonly [string, ActionSpec]> {
  return [...actionsOf(def)];
}

/** Each definition's actions, found once: definitions are frozen, so what they declare never changes. */
const declared = new WeakMap<AnyTypeDef, ReadonlyArray<readonly [string, ActionSpec]>>();

/**
 * {@link declaredActions}, without the copy: the list kept for the definition. Listing a node's
 * actions or operations runs for every node a client shows, and walking a definition's
 * properties each time cost more than the rest of the listing.
 *
 * @internal
 */
export function actionsOf(def: AnyTypeDef): ReadonlyArray<readonly [string, ActionSpec]> {
  let found = declared.get(def);
  if (found === undefined) {
    const out: Array<readonly [string, ActionSpec]> = [];
    for (const [name, kind] of Object.entries(def.properties) as [string, AnyKind][]) {
      const spec = actionSpecOf(kind);
      if (spec) out.push([name, spec]);
    }
    found = Object.freeze(out);
    declared.set(def, found);
  }
  return found;
}

/**
 * The state of one action on one node.
 *
 * @example
 * ```ts
 * import type { ActionState } from '@hyperld/hydra';
 * const close: ActionState = { name: 'closeConversation', state: 'available', method: 'PUT', url: 'https://api.example/conversations/1/close', href: '/conversations/1/close', source: 'property' };
 * ```
 */
export type ActionState = {
  /** The action's name: the property key, or an inline operation's title. */
  readonly name: string;
  /** The HTTP method. */
  readonly method: string;
  /** Where the action came from: a declared action property, or an inline `hydra:operation`. */
  readonly source: 'property' | 'operation';
  /** The `@type` the request body must be, if any. */
  readonly expects?: string;
  /** The `@type` of the answer, if any. */
  readonly returns?: string;
} & (
  | {
      /** The node offers the action: it may be invoked now. */
      readonly state: 'available';
      /** The URL resolved against the node's base. */
      readonly url: string;
      /** The URL as the document wrote it. */
      readonly href: string;
    }
  | {
      /** `unavailable`: the value is `null` (exists, not now); `not-offered`: the property is absent. */
      readonly state: 'unavailable' | 'not-offered';
    }
);

/**
 * Options of {@link listActions}.
 *
 * @example
 * ```ts
 * import type { ListActionsOptions } from '@hyperld/hydra';
 * const options: ListActionsOptions = { base: 'https://api.example/contacts/1/conversations' };
 * ```
 */
export interface ListActionsOptions {
  /** The base IRI to resolve URLs against; defaults to the base the node was decoded with. */
  readonly base?: string;
  /**
   * The registry that knows the node's type; defaults to the one that decoded it (recorded on the
   * document and its list members, not on other embedded nodes).
   */
  readonly registry?: Registry;
  /** The definition of the node, when it is not to be looked up by `@type`. */
  readonly def?: AnyTypeDef;
}

function specState(name: string, spec: ActionSpec, value: unknown, base: string | undefined, source: 'property' | 'operation'): ActionState {
  // Built field by field (the same fields, in the same order, as spreads would give): it runs
  // for every action of every node listed.
  const state: Record<string, unknown> = { name, method: spec.method, source };
  if (spec.expects !== undefined) state['expects'] = spec.expects;
  if (spec.returns !== undefined) state['returns'] = spec.returns;
  if (typeof value === 'string') {
    state['state'] = 'available';
    state['href'] = value;
    state['url'] = resolveIri(value, base);
  } else {
    state['state'] = value === null ? 'unavailable' : 'not-offered';
  }
  return state as unknown as ActionState;
}

/**
 * Lists every action a node's type declares with its state — available (URL resolved against
 * the base, method), unavailable (`null`) or not offered (absent) — followed by the inline
 * `operation`s the node carries (each available, on the node's own IRI unless it names a
 * `target`). Opposite actions on one URL (PUT and DELETE `/read`) are listed apart. The type is
 * found as decoding finds it: by its `@type` term, else by the class IRI that `@type` expands to
 * (a full IRI, or a compact IRI through the node's context or the standard prefixes); a type the
 * registry does not know declares nothing, and only the inline operations are listed.
 *
 * Decoding records its registry on the document and on the members of its lists, not on every
 * embedded node; for a node that carries none (`page.members[0].latestPreviewableItem`, or a node
 * that was not decoded) give the registry, or read through `hydraReader(registry)` or the
 * client's `actions(node)`: without one there is no answer, never an empty list.
 *
 * @param node - a decoded node.
 * @param options - base IRI, registry or definition when the node carries no registry.
 * @returns the actions, in declaration order.
 * @throws HydraError `no_registry` when neither `options` nor the node gives a registry (or a definition).
 * @example
 * ```ts
 * import { listActions } from '@hyperld/hydra';
 * declare const conversation: object;
 * for (const a of listActions(conversation)) {
 *   console.log(a.name, a.state, a.method, a.state === 'available' ? a.url : '');
 * }
 * ```
 */
export function listActions(node: object, options: ListActionsOptions = {}): ActionState[] {
  const record = node as Record<string, unknown>;
  const base = options.base ?? baseOf(node);
  const def = options.def ?? definitionOf(node, options.registry, base);
  const out: ActionState[] = [];
  if (def) {
    for (const [name, spec] of actionsOf(def)) {
      out.push(specState(name, spec, Object.hasOwn(record, name) ? record[name] : undefined, base, 'property'));
    }
  }
  // Inline operations are written in Hydra's terms, whatever context the node is in.
  const operations = readHydra(node, 'operation', HYDRA_TERMS);
  const list = Array.isArray(operations) ? operations : operations !== undefined && operations !== null ? [operations] : [];
  const self = typeof record['id'] === 'string' ? record['id'] : typeof record['@id'] === 'string' ? record['@id'] : undefined;
  for (const op of list) {
    if (typeof op !== 'object' || op === null) continue;
    const method = readHydra(op, 'method', HYDRA_TERMS);
    if (typeof method !== 'string') continue;
    const title = readHydra(op, 'title', HYDRA_TERMS);
    const target = readHydra(op, 'target', HYDRA_TERMS) ?? self;
    const expects = readHydra(op, 'expects', HYDRA_TERMS);
    const returns = readHydra(op, 'returns', HYDRA_TERMS);
    const spec: ActionSpec = {
      method: method.toUpperCase(),
      ...(typeof expects === 'string' ? { expects } : {}),
      ...(typeof returns === 'string' ? { returns } : {}),
    };
    // An operation with no target, on a node with no id, acts on the document itself: the empty
    // reference, which resolves to the base.
    const href = typeof target === 'string' ? target : '';
    const name = typeof title === 'string' ? title : `${spec.method} ${resolveIri(href, base)}`;
    out.push(specState(name, spec, href, base, 'operation'));
  }
  return out;
}

/**
 * The state of one declared action of a node.
 *
 * @param node - a decoded node.
 * @param name - the action's property name.
 * @param options - as for {@link listActions}.
 * @returns the action's state, or `undefined` when the type declares no such action.
 * @example
 * ```ts
 * import { actionState } from '@hyperld/hydra';
 * declare const conversation: object;
 * const close = actionState(conversation, 'closeConversation');
 * if (close?.state === 'available') console.log(close.method, close.url);
 * ```
 */
export function actionState(node: object, name: string, options: ListActionsOptions = {}): ActionState | undefined {
  return listActions(node, options).find((a) => a.name === name);
}

/**
 * The definition of a node, as the registry answers it (`Registry.definitionOf`: by `@type` term,
 * else by the class IRI it stands for), from the registry given or the one that decoded the node.
 * Without either there is no answer to give, and an empty list would say "declares nothing":
 * `no_registry` instead.
 */
function definitionOf(node: object, given: Registry | undefined, base: string | undefined): AnyTypeDef | undefined {
  const registry = given ?? metaOf(node)?.registry;
  if (registry === undefined) {
    throw new HydraError(
      'no_registry',
      `The ${describeNode(node)} carries no registry (it is embedded in a decoded document, or was not decoded): pass { registry }, or read it through hydraReader(registry) or client.actions(node).`,
    );
  }
  return registry.definitionOf(node, base === undefined ? {} : { base });
}

/** A node named for an error message: its `@type` and id, when it has them. */
function describeNode(node: object): string {
  const record = node as Record<string, unknown>;
  const types = typesOf(node);
  const type = types.length > 0 ? types.join(', ') : 'node';
  const id = typeof record['id'] === 'string' ? record['id'] : typeof record['@id'] === 'string' ? record['@id'] : undefined;
  return id === undefined ? `${type} node` : `${type} node ${id}`;
}

/** How inline operations are read: by the spellings of Hydra's terms (see {@link readHydra}). */
const HYDRA_TERMS: ReadHydraOptions = { context: 'hydra' };
