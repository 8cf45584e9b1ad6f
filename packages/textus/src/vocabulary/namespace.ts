/**
 * The TextUs namespace: the media type, the vocabulary IRI, the context URLs TextUs uses beyond
 * the types' own, and the builder every definition of the vocabulary is made with.
 *
 * @module
 */
import { vocabulary } from '@hyperld/core';

/**
 * The media type TextUs speaks, in `Accept` and in the `Content-Type` of request bodies.
 *
 * @example
 * ```ts
 * import { TEXTUS_MEDIA_TYPE } from '@hyperld/textus';
 * declare const token: string;
 * await fetch('http://127.0.0.1:8080/conversations/Pvwqm5G/close', { method: 'PUT', headers: { accept: TEXTUS_MEDIA_TYPE, authorization: `Bearer ${token}` } });
 * ```
 */
export const TEXTUS_MEDIA_TYPE = 'application/vnd.textus+jsonld';

/**
 * The vocabulary IRI of the generated contexts. TextUs does not publish one; this IRI is ours and
 * only names the terms (nothing is fetched from it).
 *
 * @example
 * ```ts
 * import { Conversation, TEXTUS_VOCAB } from '@hyperld/textus';
 * Conversation.iri === `${TEXTUS_VOCAB}Conversation`; // true
 * ```
 */
export const TEXTUS_VOCAB = 'https://api.textus.com/vocab#';

/**
 * The context URL TextUs gives embedded plain collections (`@type` `hydra:Collection`, or e.g. `ContactCollection`).
 *
 * @example
 * ```ts
 * import { membersOf } from '@hyperld/hydra';
 * import { COLLECTION_CONTEXT, textusRegistry } from '@hyperld/textus';
 * const phones = textusRegistry.decode({ '@context': COLLECTION_CONTEXT, '@type': 'hydra:Collection', id: '/contacts/DQeeO69/phones', members: [], totalItems: 0 });
 * membersOf(phones); // []: under this context `members` is hydra:member
 * ```
 */
export const COLLECTION_CONTEXT = '/contexts/hydra:Collection.jsonld';

/**
 * The context URL TextUs gives a collection's `view`.
 *
 * @example
 * ```ts
 * import { textusRegistry, VIEW_CONTEXT } from '@hyperld/textus';
 * textusRegistry.context(VIEW_CONTEXT)?.['@context']; // the generated context of hydra:PartialCollectionView
 * ```
 */
export const VIEW_CONTEXT = '/contexts/hydra:PartialCollectionView.jsonld';

/**
 * The builder of the TextUs definitions: types under {@link TEXTUS_VOCAB}, each with its context at
 * `/contexts/<type>.jsonld`.
 *
 * @example
 * ```ts
 * import { v } from './namespace.js';
 * v.vocab; // 'https://api.textus.com/vocab#'
 * ```
 */
export const v = vocabulary({ vocab: TEXTUS_VOCAB });
