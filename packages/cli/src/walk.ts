/**
 * The nodes of a decoded document: the root and every node embedded where its type's
 * definition says a node goes, as the validator counts them (free-form JSON and undeclared
 * properties hold data, not nodes).
 *
 * @module
 */
import type { AnyKind, Registry } from '@hyperld/core';
import { childPath as child } from './diff.js';

/**
 * One node of a document and where it sits.
 *
 * @example
 * ```ts
 * import type { FoundNode } from '@hyperld/cli';
 * const found: FoundNode = { path: '$.members[0]', node: { '@type': 'Conversation' } };
 * ```
 */
export interface FoundNode {
  /** The JSON path of the node, `$` for the document itself. */
  readonly path: string;
  /** The node. */
  readonly node: Record<string, unknown>;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Lists the nodes of a document in document order (a node before the nodes it embeds). Only
 * call it on a document the registry decoded without violations: the decoder has bounded its
 * depth, which bounds this walk's recursion.
 *
 * @param document - a decoded document.
 * @param registry - the registry that decoded it.
 * @returns the nodes with their JSON paths.
 * @example
 * ```ts
 * import { nodesOf } from '@hyperld/cli';
 * import { textusRegistry } from '@hyperld/textus';
 * const page = textusRegistry.decode('{"@type":"Account","id":"/accounts/1","name":"A"}');
 * nodesOf(page, textusRegistry).map((n) => n.path); // ['$']
 * ```
 */
export function nodesOf(document: unknown, registry: Pick<Registry, 'lookup'>): FoundNode[] {
  const out: FoundNode[] = [];
  const visitNode = (value: unknown, path: string): void => {
    if (!isObject(value)) return;
    out.push({ path, node: value });
    const type = value['@type'];
    const def = typeof type === 'string' ? registry.lookup(type) : undefined;
    // A node of an unregistered type is opaque data, as the validator treats it.
    if (def === undefined) return;
    const properties = def.properties as Readonly<Record<string, AnyKind>>;
    for (const key of Object.keys(value)) {
      if (key === '@type' || key === '@context' || !Object.hasOwn(properties, key)) continue;
      visitValue(properties[key] as AnyKind, value[key], child(path, key));
    }
  };
  const visitValue = (kind: AnyKind, value: unknown, path: string): void => {
    if (value === null || typeof value !== 'object') return;
    const spec = kind.spec;
    switch (spec.tag) {
      case 'node':
        visitNode(value, path);
        return;
      case 'list':
        if (Array.isArray(value)) value.forEach((item, i) => visitValue(spec.item, item, child(path, i)));
        return;
      case 'union': {
        // The option the validator accepted is the one whose shape fits: a node for an object,
        // a list for an array (links and scalars hold no nodes).
        const fits = spec.options.find((o) => (Array.isArray(value) ? o.spec.tag === 'list' : o.spec.tag === 'node' || o.spec.tag === 'union'));
        if (fits !== undefined) visitValue(fits, value, path);
        return;
      }
      default:
        return;
    }
  };
  visitNode(document, '$');
  return out;
}
