/**
 * The active context of decoding, as JSON-LD keeps it: the contexts in force at a node (its
 * enclosing nodes', then its own `@context` layered on them), with the terms they give together.
 * An embedded node with no `@context` reads its `@type` and its keys through the context of the
 * node that holds it; one with its own `@context` (a URL, an inline object, or an array of them)
 * adds it to that one, and `null` starts again from nothing.
 *
 * Active contexts are interned per registry by a stable key (the registered documents by their
 * index, inline objects by their JSON text), so that the compiled form of a type, and its
 * generated validator, are made once per context combination rather than once per document.
 *
 * @module
 * @internal
 */
import type { ContextDocument } from '../context/document.js';
import type { ContextMap } from '../context/lookup.js';
import { compileTerms, type Terms } from '../iri/terms.js';
import type { JsonObject } from '../types.js';

/** How many inline-context combinations a registry keeps: untrusted documents may send any number. */
const MAX_INTERNED = 512;
/** The longest inline context (as JSON text) whose combinations a registry keeps. */
const MAX_INLINE_KEY = 16_384;

/** The contexts in force at a node, with their combined terms. @internal */
export class ActiveContext {
  /** The layered contexts by the `@context` URL that added them, when found as written (so whatever the base). */
  readonly byUrl = new Map<string, ActiveContext>();
  /** Whether the registry keeps it (then compiled forms made for it are kept too). */
  interned = false;
  private compiled: Terms | undefined;

  /**
   * @param key - the stable key: `''` for no context, else the layers' keys joined.
   * @param parts - the context objects in force, earliest first.
   * @param documents - the registered documents among them.
   * @param termsOf - the compiled terms of a registered document (cached by the registry).
   */
  constructor(
    readonly key: string,
    readonly parts: readonly JsonObject[],
    readonly documents: readonly ContextDocument[],
    private readonly termsOf: (doc: ContextDocument) => Terms,
  ) {}

  /** The terms these contexts give together (later ones override earlier ones), or `undefined` for none. */
  get terms(): Terms | undefined {
    if (this.parts.length === 0) return undefined;
    if (this.compiled === undefined) {
      const only = this.documents.length === 1 && this.parts.length === 1 ? this.documents[0] : undefined;
      this.compiled = only !== undefined ? this.termsOf(only) : compileTerms(Object.assign({}, ...this.parts) as JsonObject);
    }
    return this.compiled;
  }

  /** Whether this is exactly one registered document (a type's own context, most often). */
  isOnly(doc: ContextDocument | undefined): boolean {
    return doc !== undefined && this.parts.length === 1 && this.documents.length === 1 && this.documents[0] === doc;
  }
}

/** Layers `@context` values on active contexts, interning the results, for one registry. @internal */
export class ContextLayers {
  /** No context at all: where a root without `@context` starts. */
  readonly empty: ActiveContext;
  private readonly interned = new Map<string, ActiveContext>();
  private readonly docKeys = new Map<ContextDocument, string>();
  /** Counts the contexts made without a key to keep them by, so that their keys are never shared. */
  private unkept = 0;

  /**
   * @param documents - the registry's context documents by URL.
   * @param termsOf - the compiled terms of a document.
   */
  constructor(
    private readonly documents: ContextMap,
    private readonly termsOf: (doc: ContextDocument) => Terms,
  ) {
    this.empty = new ActiveContext('', [], [], termsOf);
    this.empty.interned = true;
  }

  /**
   * The active context of a node whose `@context` is `value`, inside `parent`: `parent` itself
   * when the node has none (or names only unregistered URLs, which add nothing).
   *
   * @param parent - the enclosing node's active context.
   * @param value - the node's `@context` (any JSON value; invalid ones add nothing, the walker reports them).
   * @param base - the IRI relative context URLs resolve against.
   * @returns the node's active context.
   */
  layer(parent: ActiveContext, value: unknown, base: string | undefined): ActiveContext {
    if (value === undefined) return parent;
    if (typeof value === 'string') return this.url(parent, value, base);
    if (value === null) return this.empty;
    if (Array.isArray(value)) {
      let active = parent;
      for (let i = 0; i < value.length; i++) active = this.layer(active, value[i], base);
      return active;
    }
    if (typeof value !== 'object') return parent;
    let text: string | undefined;
    try {
      text = JSON.stringify(value);
    } catch {
      // A hand-built value with no JSON text (a bigint, a getter that throws): layered, never kept.
      text = undefined;
    }
    // Large inline contexts are layered but not kept: the registry keeps only small keys.
    if (text === undefined || text.length > MAX_INLINE_KEY) return new ActiveContext(`${parent.key}\n{#${++this.unkept}`, [...parent.parts, value as JsonObject], parent.documents, this.termsOf);
    return this.add(parent, `{${text}`, value as JsonObject, undefined);
  }

  /** Whether the active context a URL gives is the same whatever the base (it is registered as written). */
  isDirect(url: string): boolean {
    return this.documents.get(url) !== undefined;
  }

  private url(parent: ActiveContext, url: string, base: string | undefined): ActiveContext {
    const cached = parent.byUrl.get(url);
    if (cached !== undefined) return cached;
    const direct = this.documents.get(url);
    const doc = direct ?? this.documents.get(url, base);
    if (doc === undefined) return parent;
    const active = this.add(parent, this.docKey(doc), doc['@context'], doc);
    if (direct !== undefined) parent.byUrl.set(url, active);
    return active;
  }

  private docKey(doc: ContextDocument): string {
    let key = this.docKeys.get(doc);
    if (key === undefined) this.docKeys.set(doc, (key = `#${this.docKeys.size}`));
    return key;
  }

  private add(parent: ActiveContext, partKey: string, part: JsonObject, doc: ContextDocument | undefined): ActiveContext {
    const key = parent.key === '' ? partKey : `${parent.key}\n${partKey}`;
    const known = this.interned.get(key);
    if (known !== undefined) return known;
    const active = new ActiveContext(key, [...parent.parts, part], doc === undefined ? parent.documents : [...parent.documents, doc], this.termsOf);
    // Registered documents combine in few ways; inline objects in as many as documents send.
    if (this.interned.size < MAX_INTERNED || (!key.includes('\n{') && !key.startsWith('{'))) {
      this.interned.set(key, active);
      active.interned = true;
    }
    return active;
  }
}
