/**
 * Context documents by URL: the one answer to "which document does this context URL name?", for
 * the registry (decoding, `registry.context`) and the static loader of `@hyperld/core/jsonld`. A
 * URL is matched as written, or, against a base, as the URL it resolves to.
 *
 * @module
 * @internal
 */
import { resolveIri } from '../iri/reference.js';
import type { ContextDocument } from './document.js';

/** Context documents by the URL they are registered under, found as written or resolved against a base. @internal */
export class ContextMap {
  /** The registered URLs resolved against each base seen, a few bases at most (a client sees few). */
  private readonly resolved = new Map<string, Set<string>>();

  /** @param documents - the documents by the URL they are registered under (relative or absolute). */
  constructor(private readonly documents: ReadonlyMap<string, ContextDocument>) {}

  /**
   * The document a URL names: registered under it as written, or under a URL that resolves, against
   * `base`, to the same IRI.
   *
   * @param url - the URL as a document writes it.
   * @param base - the base IRI it is relative to.
   * @returns the document, or `undefined`.
   */
  get(url: string, base?: string): ContextDocument | undefined {
    const direct = this.documents.get(url);
    if (direct || base === undefined) return direct;
    const target = resolveIri(url, base);
    for (const [key, doc] of this.documents) if (resolveIri(key, base) === target) return doc;
    return undefined;
  }

  /**
   * Whether a URL names a registered document, as {@link ContextMap.get} finds them; cached per base,
   * since decoding asks for every node.
   *
   * @param url - the URL as a document writes it.
   * @param base - the base IRI it is relative to.
   * @returns whether it is registered.
   */
  has(url: string, base: string | undefined): boolean {
    return this.documents.has(url) || (base !== undefined && this.resolvedFor(base).has(resolveIri(url, base)));
  }

  private resolvedFor(base: string): Set<string> {
    let set = this.resolved.get(base);
    if (!set) {
      set = new Set([...this.documents.keys()].map((url) => resolveIri(url, base)));
      if (this.resolved.size > 64) this.resolved.clear();
      this.resolved.set(base, set);
    }
    return set;
  }
}
