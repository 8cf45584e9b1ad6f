/**
 * The project's own copy of the context of Hydra error bodies, served at `http://www.w3.org/ns/hydra/error`, term for term: what every JSON-LD
 * processor makes of a document that names that URL as its `@context`.
 *
 * Provenance: the Hydra Core Vocabulary, by the Hydra W3C Community Group
 * (HydraCG/Specifications, `spec/latest/core/`, December 2022), licensed under Creative Commons
 * Attribution 4.0 (https://creativecommons.org/licenses/by/4.0/). Copied as published; hyperld
 * adds nothing here (its own additions live in contexts the API serves itself).
 *
 * @module
 */
import type { ContextDocument } from '@hyperld/core';

/**
 * The URL of the context Hydra error bodies use: RFC 7807 problem members read as RDF
 * (`title` → `rdfs:label`, `detail` → `rdfs:comment`, `status` → `hydra:statusCode`,
 * `type` → `rdf:type`, `instance` → `rdfs:seeAlso`).
 *
 * @example
 * ```ts
 * import { HYDRA_ERROR_CONTEXT } from '@hyperld/hydra';
 * const body = { "@context": HYDRA_ERROR_CONTEXT, "@type": "hydra:Error", title: "Not Found", status: 404 };
 * ```
 */
export const HYDRA_ERROR_CONTEXT = 'http://www.w3.org/ns/hydra/error';

/**
 * The Hydra error context document as published at {@link HYDRA_ERROR_CONTEXT}.
 *
 * @example
 * ```ts
 * import { HYDRA_ERROR_CONTEXT, HYDRA_ERROR_CONTEXT_DOCUMENT, hydraRegistry } from '@hyperld/hydra';
 * HYDRA_ERROR_CONTEXT_DOCUMENT['@context']['title']; // 'rdfs:label'
 * hydraRegistry.context(HYDRA_ERROR_CONTEXT) === HYDRA_ERROR_CONTEXT_DOCUMENT; // true
 * ```
 */
export const HYDRA_ERROR_CONTEXT_DOCUMENT: ContextDocument = {
  "@context": {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "hydra": "http://www.w3.org/ns/hydra/core#",
    "type": {
      "@id": "rdf:type",
      "@type": "@id"
    },
    "title": "rdfs:label",
    "detail": "rdfs:comment",
    "status": "hydra:statusCode",
    "instance": {
      "@id": "rdfs:seeAlso",
      "@type": "@id"
    }
  }
};
