/**
 * What example documents of an API show that its documentation does not: whether a property's
 * value is embedded or linked, which JSON key a property has, and which context URL nodes of a
 * class carry. Examples are read as plain JSON, never decoded: they are what the server sent.
 *
 * @module
 */
import { localName } from './names.js';

/** How a property's values were seen in the examples. */
export interface Seen {
  /** Some value (or list item) was an object: an embedded node. */
  node: boolean;
  /** Some value (or list item) was a string: a link. */
  link: boolean;
  /** Some value was an array. */
  list: boolean;
  /** Some value was neither an array nor `null`. */
  single: boolean;
  /** Some value was `null`. */
  null: boolean;
}

/** The local name of a `@type` value as written: after its last `#`, `/` or `:`. */
function typeName(type: string): string {
  const name = localName(type);
  const colon = name.lastIndexOf(':');
  return colon >= 0 ? name.slice(colon + 1) : name;
}

function typesOf(node: Readonly<Record<string, unknown>>): string[] {
  const type = node['@type'];
  if (typeof type === 'string') return [type];
  return Array.isArray(type) ? type.filter((t): t is string => typeof t === 'string') : [];
}

/**
 * The examples indexed once: per class (by the local name of its IRI, or its IRI), the keys its
 * nodes have, how each key's values were seen, and the context URLs its nodes carry.
 */
export class ExampleIndex {
  /** Seen values by class key, then JSON key. */
  readonly #values = new Map<string, Map<string, Seen>>();
  /** Context URLs by class key: carried by the node itself first, then inherited from the enclosing document. */
  readonly #contexts = new Map<string, { own: string[]; inherited: string[] }>();
  /** Every context URL the examples name, as written. */
  readonly contextUrls = new Set<string>();

  /** @param examples - documents as the server sent them (parsed JSON). */
  constructor(examples: readonly unknown[]) {
    // Iterative, so that a deep example cannot exhaust the stack.
    const stack: Array<{ value: unknown; context: string | undefined }> = examples.map((value) => ({ value, context: undefined }));
    while (stack.length > 0) {
      const { value, context } = stack.pop() as { value: unknown; context: string | undefined };
      if (Array.isArray(value)) {
        for (const item of value) stack.push({ value: item, context });
        continue;
      }
      if (typeof value !== 'object' || value === null) continue;
      const node = value as Readonly<Record<string, unknown>>;
      const own = node['@context'];
      for (const url of [own].flat()) if (typeof url === 'string') this.contextUrls.add(url);
      const ownUrl = typeof own === 'string' ? own : undefined;
      for (const type of typesOf(node)) this.#note(type, node, ownUrl, context);
      for (const [key, child] of Object.entries(node)) if (key !== '@context') stack.push({ value: child, context: ownUrl ?? context });
    }
  }

  #note(type: string, node: Readonly<Record<string, unknown>>, own: string | undefined, inherited: string | undefined): void {
    for (const name of new Set([type, typeName(type)])) {
      let byKey = this.#values.get(name);
      if (byKey === undefined) this.#values.set(name, (byKey = new Map()));
      for (const [key, value] of Object.entries(node)) {
        let seen = byKey.get(key);
        if (seen === undefined) byKey.set(key, (seen = { node: false, link: false, list: false, single: false, null: false }));
        if (Array.isArray(value)) seen.list = true;
        else if (value === null) seen.null = true;
        else seen.single = true;
        for (const item of [value].flat()) {
          if (typeof item === 'string') seen.link = true;
          else if (typeof item === 'object' && item !== null) seen.node = true;
        }
      }
      let contexts = this.#contexts.get(name);
      if (contexts === undefined) this.#contexts.set(name, (contexts = { own: [], inherited: [] }));
      if (own !== undefined && !contexts.own.includes(own)) contexts.own.push(own);
      else if (own === undefined && inherited !== undefined && !contexts.inherited.includes(inherited)) contexts.inherited.push(inherited);
    }
  }

  /** The entries of a class: under its IRI, else under its local name. */
  #of<T>(map: Map<string, T>, classIri: string): T | undefined {
    return map.get(classIri) ?? map.get(localName(classIri));
  }

  /**
   * Whether the class's nodes were seen at all in the examples.
   * @param classIri - the class.
   */
  has(classIri: string): boolean {
    return this.#of(this.#values, classIri) !== undefined;
  }

  /**
   * Whether nodes of the class were seen with this key.
   * @param classIri - the class.
   * @param key - the JSON key.
   */
  hasKey(classIri: string, key: string): boolean {
    return this.#of(this.#values, classIri)?.has(key) ?? false;
  }

  /**
   * How the class's nodes gave this key's values, or `undefined` when never seen.
   * @param classIri - the class.
   * @param key - the JSON key.
   */
  seen(classIri: string, key: string): Seen | undefined {
    const seen = this.#of(this.#values, classIri)?.get(key);
    return seen !== undefined && (seen.node || seen.link) ? seen : undefined;
  }

  /**
   * How the class's nodes gave this key's values, whatever they were (arrays, `null`), or
   * `undefined` when never seen.
   * @param classIri - the class.
   * @param key - the JSON key.
   */
  shape(classIri: string, key: string): Seen | undefined {
    return this.#of(this.#values, classIri)?.get(key);
  }

  /**
   * Every context URL nodes of the class carry themselves, sorted.
   * @param classIri - the class.
   */
  ownContextsOf(classIri: string): string[] {
    return [...(this.#of(this.#contexts, classIri)?.own ?? [])].sort();
  }

  /**
   * The context URL nodes of the class carry themselves (the first in sorted order).
   * @param classIri - the class.
   */
  ownContextOf(classIri: string): string | undefined {
    return [...(this.#of(this.#contexts, classIri)?.own ?? [])].sort()[0];
  }

  /**
   * The context URL of the documents nodes of the class came in without one of their own.
   * @param classIri - the class.
   */
  inheritedContextOf(classIri: string): string | undefined {
    return [...(this.#of(this.#contexts, classIri)?.inherited ?? [])].sort()[0];
  }
}
