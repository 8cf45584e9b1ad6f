/**
 * The nodes of a decoded document: the root and every node embedded where its type's
 * definition says a node goes, as the validator counts them (free-form JSON and undeclared
 * properties hold data, not nodes).
 *
 * @module
 */
import type { Limits, Registry } from '@hyperld/core';

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

/**
 * Lists the nodes of a document in document order (a node before the nodes it embeds), as the
 * registry's validator finds them: through the definitions and each node's context.
 *
 * @param document - a decoded document.
 * @param registry - the registry that decoded it.
 * @param limits - the limits it was decoded with (default `DEFAULT_LIMITS`).
 * @returns the nodes with their JSON paths.
 * @example
 * ```ts
 * import { nodesOf } from '@hyperld/cli';
 * import { textusRegistry } from '@hyperld/textus';
 * const page = textusRegistry.decode('{"@type":"Account","id":"/accounts/1","name":"A"}');
 * nodesOf(page, textusRegistry).map((n) => n.path); // ['$']
 * ```
 */
export function nodesOf(document: unknown, registry: Pick<Registry, 'nodes'>, limits: Limits = {}): FoundNode[] {
  // The document already decoded (with whatever context policy the command chose, and these
  // limits: with the defaults, a document decoded under larger ones would not walk).
  return registry.nodes(document, { ...limits, unknownContext: 'ignore' });
}
