/**
 * The neutral model of an API reference: what the site shows, whichever source it was read from
 * (a live Hydra API documentation, or a registry with its routes). Every cross-reference is by
 * class IRI, so a renderer can link a range to its class page when the reference documents it.
 *
 * @module
 */

/**
 * One operation: a class's (it acts on an instance) or a link property's (it acts on the link's
 * target), or an action of a registry type.
 *
 * @example
 * ```ts
 * import type { OperationReference } from '@hyperld/apidocs';
 * const create: OperationReference = { method: 'POST', target: '/books', expects: 'http://schema.org/Book', returns: 'http://schema.org/Book', statuses: [201, 422] };
 * ```
 */
export interface OperationReference {
  /** The property the operation hangs on (a link or action name), when it is not the class's own. */
  readonly name?: string;
  /** The HTTP method, upper-cased. */
  readonly method: string;
  /** Its title, when the source gives one. */
  readonly title?: string;
  /** What it does. */
  readonly description?: string;
  /** Where the request goes: a path template, or words (`the instance’s IRI`) when the source gives none. */
  readonly target?: string;
  /** The name of the endpoint of the reference that serves it, when there is one. */
  readonly endpoint?: string;
  /** The class IRI of the request body. */
  readonly expects?: string;
  /** The class IRI of the answer's body. */
  readonly returns?: string;
  /** The statuses it answers with, in the source's order. */
  readonly statuses: readonly number[];
}

/**
 * One property of a class.
 *
 * @example
 * ```ts
 * import type { PropertyReference } from '@hyperld/apidocs';
 * const title: PropertyReference = { name: 'title', kind: 'value', range: ['http://www.w3.org/2001/XMLSchema#string'], required: true, readable: true, writable: true };
 * ```
 */
export interface PropertyReference {
  /** The key it has in documents (its term). */
  readonly name: string;
  /** The property's IRI, when known. */
  readonly iri?: string;
  /** Its kind in words: `value`, `link`, `embedded node`, `list of link`… */
  readonly kind: string;
  /** The IRIs of the classes or datatypes its values have (empty: any). */
  readonly range: readonly string[];
  /** Whether a document must carry it. */
  readonly required: boolean;
  /** Whether the server sends it. */
  readonly readable: boolean;
  /** Whether a client may send it. */
  readonly writable: boolean;
  /** Whether `null` is a value of it (`undefined`: the source does not say). */
  readonly nullable?: boolean;
  /** What it means. */
  readonly description?: string;
  /** The IRI of the class it is declared on, when it is inherited. */
  readonly inheritedFrom?: string;
}

/**
 * One class of the API.
 *
 * @example
 * ```ts
 * import type { ClassReference } from '@hyperld/apidocs';
 * const book: ClassReference = { iri: 'http://schema.org/Book', name: 'Book', subClassOf: [], properties: [], operations: [], facts: [] };
 * ```
 */
export interface ClassReference {
  /** The class IRI: the reference's key for it. */
  readonly iri: string;
  /** Its short name (its `@type` term, title or label); the page is named after it. */
  readonly name: string;
  /** What it is. */
  readonly description?: string;
  /** The IRIs of the classes it extends. */
  readonly subClassOf: readonly string[];
  /** Its properties, the inherited ones included (each says where it comes from). */
  readonly properties: readonly PropertyReference[];
  /** Its operations and those of its link properties. */
  readonly operations: readonly OperationReference[];
  /** More facts for the page's header, as label and plain text (`Context`, `/contexts/Message.jsonld`). */
  readonly facts: readonly (readonly [label: string, text: string])[];
}

/**
 * One variable of a search template.
 *
 * @example
 * ```ts
 * import type { TemplateVariableReference } from '@hyperld/apidocs';
 * const title: TemplateVariableReference = { name: 'title', property: 'http://schema.org/name', required: false };
 * ```
 */
export interface TemplateVariableReference {
  /** The variable's name in the template. */
  readonly name: string;
  /** The IRI of the property it filters on, when the mapping names one. */
  readonly property?: string;
  /** Whether it must be given. */
  readonly required: boolean;
}

/**
 * A search template (`hydra:search`) found on an endpoint's answer.
 *
 * @example
 * ```ts
 * import type { SearchTemplateReference } from '@hyperld/apidocs';
 * const search: SearchTemplateReference = { template: '/books{?title,page}', representation: 'BasicRepresentation', variables: [{ name: 'title', required: false }] };
 * ```
 */
export interface SearchTemplateReference {
  /** The RFC 6570 template. */
  readonly template: string;
  /** How values are written in it (`BasicRepresentation`, `ExplicitRepresentation`), when said. */
  readonly representation?: string;
  /** Its variables, in the mapping's order. */
  readonly variables: readonly TemplateVariableReference[];
}

/**
 * A real exchange shown on an endpoint's page. Sources produce it from an answer they fetched
 * and decoded, never by hand.
 *
 * @example
 * ```ts
 * import type { ExampleReference } from '@hyperld/apidocs';
 * const example: ExampleReference = { request: { method: 'GET', url: '/books' }, status: 200, contentType: 'application/ld+json', body: '{}' };
 * ```
 */
export interface ExampleReference {
  /** The request that was sent. */
  readonly request: { readonly method: string; readonly url: string };
  /** Why this resource was picked, when it matters. */
  readonly note?: string;
  /** The answer's status. */
  readonly status: number;
  /** The answer's `Content-Type`, or `null` without a body. */
  readonly contentType: string | null;
  /** The body as the page shows it (indented), or `undefined` without one. */
  readonly body?: string;
  /** The IRI of the body's class, when the reference documents it or the body names it. */
  readonly type?: string;
}

/**
 * One route or entry-point collection.
 *
 * @example
 * ```ts
 * import type { EndpointReference } from '@hyperld/apidocs';
 * const books: EndpointReference = { name: 'books', title: 'Books', method: 'GET', template: '/books', operations: [], searches: [] };
 * ```
 */
export interface EndpointReference {
  /** A stable name; the page is named after it. */
  readonly name: string;
  /** Its title. */
  readonly title: string;
  /** The HTTP method of its main request. */
  readonly method: string;
  /** Its path (or path template). */
  readonly template: string;
  /** What it does. */
  readonly description?: string;
  /** The class IRI of its answer. */
  readonly returns?: string;
  /** Its success status. */
  readonly status?: number;
  /** Other operations offered on it (a collection's `POST`). */
  readonly operations: readonly OperationReference[];
  /** The search templates its answer carries. */
  readonly searches: readonly SearchTemplateReference[];
  /** A real exchange, when the source made one. */
  readonly example?: ExampleReference;
}

/**
 * A whole API reference.
 *
 * @example
 * ```ts
 * import type { ApiReference } from '@hyperld/apidocs';
 * const empty: ApiReference = { title: 'Library API', classes: [], endpoints: [], headers: { Accept: 'application/ld+json' } };
 * ```
 */
export interface ApiReference {
  /** The API's title. */
  readonly title: string;
  /** What the API is, for the front page. */
  readonly description?: string;
  /** The entry point's URL, when the API has one. */
  readonly entrypoint?: string;
  /** The header fields each `curl` example carries (`Accept`, `Authorization: Bearer {token}`). */
  readonly headers: Readonly<Record<string, string>>;
  /** The classes, in the order of the sidebar. */
  readonly classes: readonly ClassReference[];
  /** The endpoints, in the order of the front page. */
  readonly endpoints: readonly EndpointReference[];
}
