/**
 * Reading a TextUs answer as a graph, for tests that follow what the server emits: the nodes
 * embedded in it, the links in it, and whether an embedded copy of a node says what the node says
 * at its own URL.
 *
 * @module
 */
import { listActions } from '@hyperld/hydra';
import { textusRegistry } from '@hyperld/textus';

type Json = Record<string, unknown>;

/**
 * Whether a JSON value is a node: an object with a `@type` (textus-vocabulary.md: "an object
 * with `@type` is an embedded node"). Free-form JSON (`data`, `settings`) has none.
 *
 * @param value - any JSON value.
 * @returns whether it is a node.
 * @example
 * ```ts
 * import { isNode } from './nodes.js';
 * isNode({ '@type': 'Message', id: '/messages/1' }); // true
 * isNode({ customerId: 'C-1' }); // false
 * ```
 */
export function isNode(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as Json)['@type'] === 'string';
}

/** A node found in an answer, and where. */
export interface Found {
  /** The JSON path of the node in the answer (`$.members[3].assignedContact`). */
  readonly path: string;
  /** The node. */
  readonly node: Json;
}

/**
 * Every node with an id below the root of an answer (the root excluded), depth first in key
 * order. Free-form JSON values are not entered.
 *
 * @param root - the answer's body.
 * @returns the embedded nodes with their paths.
 * @example
 * ```ts
 * import { embeddedNodes } from './nodes.js';
 * embeddedNodes({ '@type': 'A', id: '/a', b: { '@type': 'B', id: '/b' } }); // [{ path: '$.b', node: { '@type': 'B', id: '/b' } }]
 * ```
 */
export function embeddedNodes(root: Json): Found[] {
  const out: Found[] = [];
  const visit = (value: unknown, path: string): void => {
    if (Array.isArray(value)) value.forEach((item, i) => visit(item, `${path}[${i}]`));
    else if (isNode(value)) {
      // A node without an id (a collection's `search` template and its mappings) is no copy of a
      // resource: it is part of the node that holds it.
      if (path !== '$' && typeof value['id'] === 'string') out.push({ path, node: value });
      for (const [key, child] of Object.entries(value)) visit(child, `${path}.${key}`);
    }
  };
  visit(root, '$');
  return out;
}

/** An IRI an answer emits, and where. */
export interface Emitted {
  /** The JSON path of the value (`$.members[0].timeline`, `$.members[0].id`). */
  readonly path: string;
  /** The IRI, as written (relative to the API's origin). */
  readonly iri: string;
  /** `id` for a node's own id, `link` for a property whose value is an IRI. */
  readonly kind: 'id' | 'link';
}

/** A relative IRI the server writes: a path from the origin (`/conversations/Pvwqm5G`). */
const isPathIri = (value: unknown): value is string => typeof value === 'string' && value.startsWith('/') && !value.startsWith('//');

/**
 * Every IRI an answer emits for a client to follow with GET: the `id` of each node (the root's
 * included) and each property of a node whose value is an IRI (`timeline`, `view.next`,
 * `sender`). Action links (the properties the vocabulary declares as actions, `closeConversation`
 * or `retry`) are left out: they are URLs to PUT, DELETE or POST, not resources to GET. `@context`
 * values are left out too (context documents, not nodes). Free-form JSON is not entered.
 *
 * @param root - the answer's body.
 * @returns the emitted IRIs, in document order.
 * @example
 * ```ts
 * import { emittedIris } from './nodes.js';
 * emittedIris({ '@type': 'Message', '@context': '/contexts/Message.jsonld', id: '/messages/1', conversation: '/conversations/2', retry: null });
 * // [{ path: '$.id', iri: '/messages/1', kind: 'id' }, { path: '$.conversation', iri: '/conversations/2', kind: 'link' }]
 * ```
 */
export function emittedIris(root: Json): Emitted[] {
  const out: Emitted[] = [];
  const visit = (value: unknown, path: string): void => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, `${path}[${i}]`));
      return;
    }
    if (!isNode(value)) return;
    const actions = new Set(listActions(value, { registry: textusRegistry }).map((a) => a.name));
    for (const [key, child] of Object.entries(value)) {
      if (key === '@context' || key === '@type' || actions.has(key)) continue;
      // A search template is expanded, not dereferenced: links.e2e expands each one it meets.
      if (key === 'template' && value['@type'] === 'hydra:IriTemplate') continue;
      if (isPathIri(child)) out.push({ path: `${path}.${key}`, iri: child, kind: key === 'id' ? 'id' : 'link' });
      else visit(child, `${path}.${key}`);
    }
  };
  visit(root, '$');
  return out;
}

/** A node, a link to it or anything else, as compared: a node and a link stand for the IRI. */
function reference(value: unknown): unknown {
  if (isNode(value)) return { '@id': value['id'] };
  if (isPathIri(value)) return { '@id': value };
  return value;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  }
  return JSON.stringify(reference(a)) === JSON.stringify(reference(b));
}

/** The keys of an Account as a conversation or a membership embeds it (textus-vocabulary.md). */
const ACCOUNT_SUMMARY = ['@type', '@context', 'id', 'name'];

/**
 * Where an embedded copy of a node disagrees with the node at its own URL. The two must have the
 * same properties with the same values, where an embedded node and a link to it count as the same
 * value (compared by IRI: the nested node is checked at its own URL in turn), allowing only for
 * the light variants the vocabulary documents:
 *
 * - an `Account` embedded with only `id` and `name` (in a conversation, a membership): those must agree;
 * - a `ConversationWithAccount` (how collections list a conversation) against the `Conversation`
 *   at its URL: its own `@type`/`@context`, its `nextScheduledMessage`, and no
 *   `accountPhoneNumber`/`formattedAccountPhoneNumber`;
 * - a `hydra:PartialCollectionView`, whose `id` is the page's URL: compared with that page's `view`.
 *
 * @param copy - the node as embedded.
 * @param own - the body served at the node's `id`.
 * @returns one line per disagreement (empty when they agree).
 * @example
 * ```ts
 * import { copyDifferences } from './nodes.js';
 * copyDifferences({ '@type': 'User', id: '/users/u', memberships: '/users/u/memberships' },
 *   { '@type': 'User', id: '/users/u', memberships: { '@type': 'hydra:Collection', id: '/users/u/memberships' } }); // []
 * ```
 */
export function copyDifferences(copy: Json, own: Json): string[] {
  const target = copy['@type'] === 'hydra:PartialCollectionView' && isNode(own['view']) ? own['view'] : own;
  let keys = [...new Set([...Object.keys(copy), ...Object.keys(target)])];
  const copyKeys = Object.keys(copy);
  if (copy['@type'] === 'Account' && copyKeys.length === ACCOUNT_SUMMARY.length && ACCOUNT_SUMMARY.every((k) => copyKeys.includes(k))) {
    keys = ACCOUNT_SUMMARY;
  } else if (copy['@type'] === 'ConversationWithAccount' && target['@type'] === 'Conversation') {
    const variant = new Set(['@type', '@context', 'nextScheduledMessage', 'accountPhoneNumber', 'formattedAccountPhoneNumber']);
    keys = keys.filter((k) => !variant.has(k));
  }
  const out: string[] = [];
  for (const key of keys) {
    if (!Object.hasOwn(copy, key)) out.push(`${key}: only at its own URL`);
    else if (!Object.hasOwn(target, key)) out.push(`${key}: only in the embedded copy`);
    else if (!sameValue(copy[key], target[key])) out.push(`${key}: ${JSON.stringify(copy[key])} embedded, ${JSON.stringify(target[key])} at its own URL`);
  }
  return out;
}
