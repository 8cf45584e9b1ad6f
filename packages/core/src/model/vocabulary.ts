/**
 * A vocabulary: defaults shared by the types of one API (vocabulary IRI, context URL pattern,
 * prefixes), so that each type states only what is its own.
 *
 * @module
 */
import type { ContextDocument } from '../context/document.js';
import { defineType, type AnyTypeDef, type DefinedType, type Properties } from './define.js';

/**
 * What {@link Vocabulary.type} takes: a type's options less what the vocabulary supplies.
 *
 * @example
 * ```ts
 * import { t, type VocabularyTypeOptions } from '@hyperld/core';
 * const options: VocabularyTypeOptions<{ name: ReturnType<typeof t.string> }, undefined> = { properties: { name: t.string() } };
 * ```
 */
export interface VocabularyTypeOptions<P extends Properties, B extends AnyTypeDef | undefined> {
  /** The properties this type declares. */
  readonly properties: P;
  /** The type this one extends. */
  readonly extends?: B;
  /** The context URL, when it is not the vocabulary's pattern applied to the term. */
  readonly context?: string;
  /** The class IRI, when it is not the term expanded against the vocabulary. */
  readonly iri?: string;
  /** A sentence for documentation. */
  readonly description?: string;
}

/**
 * A vocabulary made by {@link vocabulary}.
 *
 * @example
 * ```ts
 * import { vocabulary, t, type Vocabulary } from '@hyperld/core';
 * const v: Vocabulary = vocabulary({ vocab: 'https://example.com/vocab#' });
 * const Account = v.type('Account', { properties: { name: t.string() } });
 * ```
 */
export interface Vocabulary {
  /** The vocabulary IRI. */
  readonly vocab: string;
  /**
   * Defines a type of this vocabulary.
   * @param type - the `@type` term.
   * @param options - its properties, base type and overrides.
   */
  type<const Name extends string, const P extends Properties, B extends AnyTypeDef | undefined = undefined>(
    type: Name,
    options: VocabularyTypeOptions<P, B>,
  ): DefinedType<Name, P, B>;
}

/** The published document a vocabulary gives for a context URL, as type options. */
function contextDocumentOf(url: string, documents: Readonly<Record<string, ContextDocument>> | undefined): { contextDocument?: ContextDocument } {
  const document = documents !== undefined && Object.hasOwn(documents, url) ? documents[url] : undefined;
  return document === undefined ? {} : { contextDocument: document };
}

/**
 * Creates a vocabulary: types defined through it share its IRI, prefixes and context URL pattern.
 *
 * @param options - the vocabulary IRI, the context URL of a term (default `/contexts/<Type>.jsonld`),
 * prefixes, and the published documents of context URLs the API does not own.
 * @returns the vocabulary.
 * @example
 * ```ts
 * import { vocabulary, t } from '@hyperld/core';
 * const v = vocabulary({ vocab: 'https://example.com/vocab#' });
 * const Account = v.type('Account', { properties: { name: t.string() } });
 * Account.context; // '/contexts/Account.jsonld'
 * ```
 */
export function vocabulary(options: {
  readonly vocab: string;
  readonly context?: (type: string) => string;
  readonly prefixes?: Readonly<Record<string, string>>;
  /**
   * Published context documents by URL, for context URLs the API does not own: types whose context
   * is one of them use it as is ({@link TypeOptions.contextDocument}) instead of a generated one.
   */
  readonly contextDocuments?: Readonly<Record<string, ContextDocument>>;
}): Vocabulary {
  const contextOf = options.context ?? ((type: string) => `/contexts/${type}.jsonld`);
  return {
    vocab: options.vocab,
    type: (type, typeOptions) =>
      defineType({
        type,
        vocab: options.vocab,
        context: typeOptions.context ?? contextOf(type),
        ...contextDocumentOf(typeOptions.context ?? contextOf(type), options.contextDocuments),
        properties: typeOptions.properties,
        ...(typeOptions.extends !== undefined ? { extends: typeOptions.extends } : {}),
        ...(typeOptions.iri !== undefined ? { iri: typeOptions.iri } : {}),
        ...(typeOptions.description !== undefined ? { description: typeOptions.description } : {}),
        ...(options.prefixes !== undefined ? { prefixes: options.prefixes } : {}),
      }) as never,
  };
}
