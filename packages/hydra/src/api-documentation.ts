/**
 * The Hydra API documentation generated from type definitions and their declared actions: what
 * the server serves (linked from every response) and what the docs site renders.
 *
 * The document is plain JSON-LD under the published Hydra context
 * (`http://www.w3.org/ns/hydra/context.jsonld`, term for term) and the standard prefixes, with
 * `@id` and full IRIs, so that any JSON-LD processor (Alcaeus, API Platform's api-doc-parser,
 * jsonld.js) reads what hyperld means: every class under its own IRI, every link a `hydra:Link`
 * whose range is its target class, every action a `hydra:Link` carrying its operation.
 *
 * @module
 */
import { HYDRA, XSD, expandTerm, type AnyKind, type AnyTypeDef, type Registry } from '@hyperld/core';
import { actionSpecOf, type ActionSpec } from './actions.js';
import { HYDRA_CONTEXT } from './contexts/hydra-context.js';

const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const RDFS = 'http://www.w3.org/2000/01/rdf-schema#';
const OWL = 'http://www.w3.org/2002/07/owl#';
const COLLECTION = `${HYDRA}Collection`;

/**
 * One operation the documentation describes, as {@link ApiDocumentationOptions.possibleStatus}
 * is asked about it.
 *
 * @example
 * ```ts
 * import type { DocumentedOperation } from '@hyperld/hydra';
 * const close: DocumentedOperation = { className: 'Conversation', action: 'closeConversation', method: 'PUT', status: 200 };
 * ```
 */
export interface DocumentedOperation {
  /** The `@type` term of the class the operation belongs to (for an action: the class declaring it). */
  readonly className: string;
  /** The action's property name; absent for the class's own `GET`. */
  readonly action?: string;
  /** The HTTP method. */
  readonly method: string;
  /** The `@type` the request body must be, if any. */
  readonly expects?: string;
  /** The success status. */
  readonly status: number;
}

/**
 * Options of {@link apiDocumentation}.
 *
 * @example
 * ```ts
 * import type { ApiDocumentationOptions } from '@hyperld/hydra';
 * const options: ApiDocumentationOptions = { id: '/docs.jsonld', title: 'TextUs', entrypoint: '/' };
 * ```
 */
export interface ApiDocumentationOptions {
  /** The IRI the documentation is served at. */
  readonly id: string;
  /** The API's name. */
  readonly title?: string;
  /** What the API does. */
  readonly description?: string;
  /** Where a client starts (`hydra:entrypoint`). */
  readonly entrypoint?: string;
  /** Which registered types to document (default: all but the Hydra vocabulary's own). */
  readonly include?: (def: AnyTypeDef) => boolean;
  /**
   * The statuses other than success that the server answers an operation with (401 without a
   * token, 404, 409 for an action its state refuses…). The success status always comes first,
   * and an operation that expects a body also lists 400, 413 and 415 (the handler's answers to a
   * body it cannot take). Default: none.
   */
  readonly possibleStatus?: (operation: DocumentedOperation) => readonly number[];
}

/** A JSON-LD node of the documentation. */
type DocNode = { readonly [key: string]: DocValue };
type DocValue = string | number | boolean | DocNode | readonly DocValue[];

/**
 * The API documentation as {@link apiDocumentation} generates it: a JSON-LD document in the
 * published Hydra context.
 *
 * @example
 * ```ts
 * import { apiDocumentation, hydraRegistry, type ApiDocumentationDocument } from '@hyperld/hydra';
 * const doc: ApiDocumentationDocument = apiDocumentation(hydraRegistry, { id: '/docs.jsonld' });
 * doc['@type']; // 'ApiDocumentation'
 * ```
 */
export interface ApiDocumentationDocument {
  /** The published Hydra context and the prefixes the document uses. */
  readonly '@context': readonly [typeof HYDRA_CONTEXT, Readonly<Record<string, string>>];
  /** The documentation's IRI. */
  readonly '@id': string;
  /** `ApiDocumentation` (`hydra:ApiDocumentation`). */
  readonly '@type': 'ApiDocumentation';
  /** The API's name. */
  readonly title?: string;
  /** What the API does. */
  readonly description?: string;
  /** Where a client starts. */
  readonly entrypoint?: string;
  /** One `hydra:Class` per documented type, under the type's IRI. */
  readonly supportedClass: readonly DocNode[];
}

const STATUS_TITLES: Readonly<Record<number, string>> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No Content',
  304: 'Not Modified',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
};

/** The class IRI a type term or IRI names in the registry, if it knows it. */
function classIri(registry: Registry, type: string | undefined): string | undefined {
  if (type === undefined) return undefined;
  if (type.startsWith('hydra:')) return `${HYDRA}${type.slice('hydra:'.length)}`;
  return registry.lookup(type)?.iri ?? registry.lookupIri(type)?.iri;
}

/** The class IRIs a kind's values are instances of (a link's target, an embedded node's type), or the datatype. */
function rangesOf(kind: AnyKind, registry: Registry): string[] {
  const spec = kind.spec;
  switch (spec.tag) {
    case 'string':
      return [`${XSD}string`];
    case 'enum':
      return [`${XSD}string`];
    case 'number':
      return [`${XSD}decimal`];
    case 'integer':
      return [`${XSD}integer`];
    case 'boolean':
      return [`${XSD}boolean`];
    case 'dateTime':
      return [`${XSD}dateTime`];
    case 'json':
      return [`${RDF}JSON`];
    case 'link': {
      const iri = classIri(registry, spec.target);
      return iri === undefined ? [] : [iri];
    }
    case 'node': {
      const targets = spec.targets?.() ?? [];
      return targets.length === 1 && targets[0] ? [targets[0].iri] : [];
    }
    case 'list':
      return rangesOf(spec.item, registry);
    case 'union': {
      // A link or the node it names (`t.union(t.link('Account'), t.node(Account))`) has one range.
      const all = new Set(spec.options.flatMap((option) => rangesOf(option, registry)));
      return all.size === 1 ? [...all] : [];
    }
    default:
      return [];
  }
}

/** Whether a kind's values are IRIs of other resources (a link, or a link or the node it names). */
function isLink(kind: AnyKind): boolean {
  const spec = kind.spec;
  if (spec.tag === 'link') return true;
  if (spec.tag === 'union') return spec.options.some((option) => option.spec.tag === 'link');
  return false;
}

/**
 * The IRI a property of a definition stands for.
 *
 * @param def - the definition.
 * @param key - the property key.
 * @param kind - the property kind.
 * @returns the property IRI.
 * @example
 * ```ts
 * import { propertyIri } from '@hyperld/hydra';
 * import { defineType, t } from '@hyperld/core';
 * const A = defineType({ type: 'A', context: '/a', vocab: 'https://e.x/v#', properties: { name: t.string() } });
 * propertyIri(A, 'name', A.properties.name); // 'https://e.x/v#name'
 * ```
 */
export function propertyIri(def: AnyTypeDef, key: string, kind: AnyKind): string {
  return expandTerm(kind.iri ?? key, def.vocab, def.prefixes);
}

/** The definition that first declares a property (the highest ancestor holding the same kind), whose IRI names the property's operation. */
function declaringDef(def: AnyTypeDef, key: string, kind: AnyKind): AnyTypeDef {
  let declaring = def;
  for (let base = def.base; base !== undefined; base = base.base) {
    if ((base.properties as Record<string, AnyKind | undefined>)[key] === kind) declaring = base;
  }
  return declaring;
}

/** Whether a definition is a collection: it is, or extends, `hydra:Collection`. */
function isCollection(def: AnyTypeDef): boolean {
  for (let d: AnyTypeDef | undefined = def; d !== undefined; d = d.base) if (d.iri === COLLECTION) return true;
  return false;
}

/** The member class of a collection type: the range of its `hydra:member` property, when it names one. */
function memberClassOf(def: AnyTypeDef, registry: Registry): string | undefined {
  for (const [key, kind] of Object.entries(def.properties) as [string, AnyKind][]) {
    if (propertyIri(def, key, kind) === `${HYDRA}member`) return rangesOf(kind, registry)[0];
  }
  return undefined;
}

/**
 * Generates the Hydra API documentation of the registered types, as JSON-LD in the published
 * Hydra context:
 * - a `hydra:Class` per type, under the type's IRI, with a class-level `GET` (the only operation
 *   on the resource itself);
 * - a `hydra:SupportedProperty` per property (readable; required unless optional; writable
 *   exactly when the type is what some action `expects`), whose `property` node is a
 *   `hydra:Link` for links, with `rdfs:range` the target class;
 * - for an action, the `hydra:Link` carries the action's `hydra:Operation` (method, expects,
 *   returns, possible statuses) under an IRI of the class declaring it, so that a client finds the
 *   operation on the link's value, and a subtype sharing the property shares the operation;
 * - a collection type is `rdfs:subClassOf hydra:Collection` with a `hydra:memberAssertion`
 *   (members have `rdf:type` the member class); a link to it also gets the
 *   `owl:equivalentClass` range that API Platform's clients read.
 *
 * @param registry - the registry holding the types.
 * @param options - the documentation's IRI, title, entry point, which types to include and the statuses each operation answers.
 * @returns the `hydra:ApiDocumentation` document.
 * @example
 * ```ts
 * import { apiDocumentation, hydraRegistry } from '@hyperld/hydra';
 * const doc = apiDocumentation(hydraRegistry, { id: '/docs.jsonld', include: () => true });
 * doc.supportedClass.length; // one class per Hydra type
 * ```
 */
export function apiDocumentation(registry: Registry, options: ApiDocumentationOptions): ApiDocumentationDocument {
  const include = options.include ?? ((def: AnyTypeDef) => !def.iri.startsWith(HYDRA));
  const defs = [...registry.types.values()];
  // The types some action sends a body of: their properties are what a client may write.
  const expected = new Set<string>();
  for (const def of defs) {
    for (const kind of Object.values(def.properties) as AnyKind[]) {
      const iri = classIri(registry, actionSpecOf(kind)?.expects);
      if (iri !== undefined) expected.add(iri);
    }
  }
  const collections = new Map<string, string>();
  for (const def of defs) {
    const member = isCollection(def) ? memberClassOf(def, registry) : undefined;
    if (member !== undefined) collections.set(def.iri, member);
  }
  // Each status is named after its operation: an operation shared by a class and its subtype is
  // written twice, and blank statuses would be twice as many in the graph.
  const statuses = (id: string, operation: DocumentedOperation): DocNode[] => {
    const codes = [operation.status, ...(operation.expects !== undefined ? [400, 413, 415] : []), ...(options.possibleStatus?.(operation) ?? [])];
    return [...new Set(codes)].map((statusCode) => ({
      '@id': `${id}/${statusCode}`,
      '@type': 'Status',
      statusCode,
      ...(STATUS_TITLES[statusCode] !== undefined ? { title: STATUS_TITLES[statusCode] } : {}),
    }));
  };
  const operationNode = (id: string, title: string, operation: DocumentedOperation, spec: ActionSpec | undefined, returns: string | undefined): DocNode => {
    const expects = classIri(registry, operation.expects);
    return {
      '@id': id,
      '@type': 'Operation',
      title,
      ...(spec?.description !== undefined ? { description: spec.description } : {}),
      method: operation.method,
      ...(expects !== undefined ? { expects } : {}),
      ...(returns !== undefined ? { returns } : {}),
      possibleStatus: statuses(id, operation),
    };
  };

  const supportedClass: DocNode[] = [];
  for (const def of defs) {
    if (!include(def)) continue;
    const writable = expected.has(def.iri);
    const supportedProperty: DocNode[] = [];
    for (const [key, kind] of Object.entries(def.properties) as [string, AnyKind][]) {
      if (kind.spec.tag === 'id') continue;
      const iri = propertyIri(def, key, kind);
      const spec = actionSpecOf(kind);
      const link = spec !== undefined || isLink(kind);
      const ranges = spec !== undefined ? [classIri(registry, spec.returns)].filter((r) => r !== undefined) : rangesOf(kind, registry);
      // A Hydra property (member, view, totalItems…) is shared by every collection with another
      // range each: it is named, not described, or the graph would give it all of them at once.
      let property: DocValue;
      if (iri.startsWith(HYDRA)) {
        property = iri;
      } else {
        const range: DocValue[] = [...ranges];
        const member = ranges.length === 1 && link ? collections.get(ranges[0] as string) : undefined;
        if (member !== undefined) range.push({ 'owl:equivalentClass': { 'owl:onProperty': { '@id': `${HYDRA}member` }, 'owl:allValuesFrom': { '@id': member } } });
        let supportedOperation: DocNode[] | undefined;
        if (spec !== undefined) {
          const declaring = declaringDef(def, key, kind);
          const operation: DocumentedOperation = {
            className: declaring.type,
            action: key,
            method: spec.method,
            ...(spec.expects !== undefined ? { expects: spec.expects } : {}),
            status: spec.status ?? 200,
          };
          supportedOperation = [operationNode(`${declaring.iri}/${key}`, key, operation, spec, classIri(registry, spec.returns))];
        }
        property = {
          '@id': iri,
          '@type': link ? 'Link' : 'rdf:Property',
          label: key,
          ...(range.length === 1 ? { range: range[0] as DocValue } : range.length > 1 ? { range } : {}),
          ...(supportedOperation !== undefined ? { supportedOperation } : {}),
        };
      }
      supportedProperty.push({
        '@type': 'SupportedProperty',
        title: key,
        ...(kind.description !== undefined ? { description: kind.description } : {}),
        property,
        required: !kind.isOptional,
        readable: true,
        writable,
      });
    }
    const member = collections.get(def.iri);
    const get: DocumentedOperation = { className: def.type, method: 'GET', status: 200 };
    supportedClass.push({
      '@id': def.iri,
      '@type': 'Class',
      title: def.type,
      ...(def.description !== undefined ? { description: def.description } : {}),
      ...(def.iri !== COLLECTION && isCollection(def) ? { subClassOf: COLLECTION } : {}),
      ...(member !== undefined ? { memberAssertion: { property: `${RDF}type`, object: member } } : {}),
      supportedProperty,
      supportedOperation: [operationNode(`${def.iri}/get`, `get ${def.type}`, get, undefined, def.iri)],
    });
  }
  return {
    '@context': [HYDRA_CONTEXT, { rdf: RDF, rdfs: RDFS, owl: OWL, xsd: XSD }],
    '@id': options.id,
    '@type': 'ApiDocumentation',
    ...(options.title !== undefined ? { title: options.title } : {}),
    ...(options.description !== undefined ? { description: options.description } : {}),
    ...(options.entrypoint !== undefined ? { entrypoint: options.entrypoint } : {}),
    supportedClass,
  };
}
