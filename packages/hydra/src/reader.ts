/**
 * The readers of `@hyperld/hydra` bound to one registry: the normal way to read nodes that carry
 * no registry of their own, such as the nodes embedded in a decoded document (decoding records
 * its registry on the document and on the members of its lists only).
 *
 * @module
 */
import type { Registry } from '@hyperld/core';
import { actionState, listActions, type ActionState } from './actions.js';
import { membersOf, pageLinksOf, totalItemsOf, viewOf, type PageLinks } from './collection.js';
import { readHydra, type ReadHydraOptions } from './terms.js';

/**
 * Options of a {@link HydraReader}'s readers: the base to resolve against, when it is not the
 * node's own.
 *
 * @example
 * ```ts
 * import type { HydraReaderOptions } from '@hyperld/hydra';
 * const options: HydraReaderOptions = { base: 'https://api.example/contacts/1/conversations' };
 * ```
 */
export interface HydraReaderOptions {
  /** The base IRI to resolve URLs (and context URLs) against; defaults to the node's. */
  readonly base?: string;
}

/**
 * Hydra's readers with the registry given once: actions, page links, members, total, view and
 * any Hydra term, for any node of a document of that registry's vocabulary, embedded or not. Its
 * methods are bound, so they may be taken off it (`const { actions } = reader`).
 *
 * @example
 * ```ts
 * import type { Registry } from '@hyperld/core';
 * import { hydraReader, type HydraReader } from '@hyperld/hydra';
 * declare const registry: Registry;
 * declare const page: { members: Array<{ latestPreviewableItem: object }> };
 * const reader: HydraReader = hydraReader(registry);
 * // An embedded node carries no registry; the reader brings its own.
 * reader.actions(page.members[0]!.latestPreviewableItem); // [{ name: 'retry', state: 'unavailable', … }]
 * ```
 */
export interface HydraReader {
  /** The registry the readers find definitions and contexts in. */
  readonly registry: Registry;
  /**
   * Every action of a node, as `listActions` lists them.
   * @param node - a node of this registry's vocabulary.
   * @param options - the base, when not the node's.
   */
  actions(node: object, options?: HydraReaderOptions): ActionState[];
  /**
   * One declared action of a node, as `actionState` gives it.
   * @param node - a node of this registry's vocabulary.
   * @param name - the action's property name.
   * @param options - the base, when not the node's.
   */
  action(node: object, name: string, options?: HydraReaderOptions): ActionState | undefined;
  /**
   * The page links of a collection's view, as `pageLinksOf` reads them.
   * @param collection - a collection page node.
   * @param options - the base, when not the node's.
   */
  links(collection: object, options?: HydraReaderOptions): PageLinks;
  /**
   * The members of a collection page, as `membersOf` reads them.
   * @param collection - a collection node.
   * @param options - the base, when not the node's.
   */
  members(collection: object, options?: HydraReaderOptions): readonly unknown[];
  /**
   * The `totalItems` a collection claims, as `totalItemsOf` reads it.
   * @param collection - a collection node.
   * @param options - the base, when not the node's.
   */
  totalItems(collection: object, options?: HydraReaderOptions): number | undefined;
  /**
   * The view (page) node of a collection, as `viewOf` reads it.
   * @param collection - a collection node.
   * @param options - the base, when not the node's.
   */
  view(collection: object, options?: HydraReaderOptions): Record<string, unknown> | undefined;
  /**
   * A property of a node by its Hydra term, as `readHydra` reads it.
   * @param node - a node.
   * @param term - the Hydra term (`member`, `next`, `operation`, …).
   * @param options - the base, when not the node's, and the context to read in.
   */
  read(node: object, term: string, options?: HydraReaderOptions & Pick<ReadHydraOptions, 'context'>): unknown;
}

/**
 * Binds Hydra's readers to a registry: the normal path for reading the nodes of a decoded
 * document, the embedded ones included, which carry no registry of their own.
 *
 * @param registry - the registry of the documents' vocabulary.
 * @returns the bound readers.
 * @example
 * ```ts
 * import type { Registry } from '@hyperld/core';
 * import { hydraReader } from '@hyperld/hydra';
 * declare const registry: Registry;
 * declare const text: string;
 * const reader = hydraReader(registry);
 * const page = registry.decode(text, { base: 'https://api.example/contacts/1/conversations' });
 * for (const member of reader.members(page)) console.log(reader.actions(member as object).map((a) => a.name));
 * ```
 */
export function hydraReader(registry: Registry): HydraReader {
  return new BoundReader(registry);
}

/** The readers, each with the registry added to its options. */
class BoundReader implements HydraReader {
  constructor(readonly registry: Registry) {}

  readonly actions: HydraReader['actions'] = (node, options) => listActions(node, this.#with(options));

  readonly action: HydraReader['action'] = (node, name, options) => actionState(node, name, this.#with(options));

  readonly links: HydraReader['links'] = (collection, options) => pageLinksOf(collection, this.#with(options));

  readonly members: HydraReader['members'] = (collection, options) => membersOf(collection, this.#with(options));

  readonly totalItems: HydraReader['totalItems'] = (collection, options) => totalItemsOf(collection, this.#with(options));

  readonly view: HydraReader['view'] = (collection, options) => viewOf(collection, this.#with(options));

  readonly read: HydraReader['read'] = (node, term, options) =>
    readHydra(node, term, { ...this.#with(options), ...(options?.context !== undefined ? { context: options.context } : {}) });

  /** The options of a reader: the registry, and the base when one is given. */
  #with(options: HydraReaderOptions | undefined): { readonly registry: Registry; readonly base?: string } {
    return options?.base === undefined ? { registry: this.registry } : { registry: this.registry, base: options.base };
  }
}
