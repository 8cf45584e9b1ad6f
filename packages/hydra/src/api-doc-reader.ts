/**
 * The reader of Hydra API documentation: whatever JSON-LD spelling a server writes it in (API
 * Platform 3.x with `hydra:` prefixed keys and an inline context, API Platform 4.x unprefixed,
 * hydra-box and kopflos under the W3C Hydra context, hyperld's own `apiDocumentation`), the
 * document is expanded (core's fast expander, with the published Hydra context always at hand)
 * and read by IRIs alone, into one model of classes, their properties and operations.
 *
 * @module
 */
import { DEFAULT_LIMITS, HYDRA, STANDARD_PREFIXES, isHyperldError, resolveIri, type ContextResolver, type JsonObject } from '@hyperld/core';
import { expand } from '@hyperld/core/expand';
import { HYDRA_CONTEXT, HYDRA_CONTEXT_DOCUMENT } from './contexts/hydra-context.js';
import { HydraError } from './errors.js';

const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const RDFS = 'http://www.w3.org/2000/01/rdf-schema#';
const OWL = 'http://www.w3.org/2002/07/owl#';

/** Prefixes a literal (uncoerced) IRI value may use without its document defining them. */
const LITERAL_PREFIXES: Readonly<Record<string, string>> = { ...STANDARD_PREFIXES, rdf: RDF, rdfs: RDFS, owl: OWL, schema: 'http://schema.org/' };

/**
 * One operation of the documentation: on a class (it acts on the class's instances) or on a
 * `hydra:Link` property (it acts on the property's value).
 *
 * @example
 * ```ts
 * import type { OperationModel } from '@hyperld/hydra/discovery';
 * const replace: OperationModel = { types: ['http://www.w3.org/ns/hydra/core#Operation', 'http://schema.org/ReplaceAction'], method: 'PUT', expects: 'http://schema.org/Book', returns: 'http://schema.org/Book', possibleStatus: [200, 400] };
 * ```
 */
export interface OperationModel {
  /** The operation's IRI, when it has one (API Platform's operations are blank nodes). */
  readonly id?: string;
  /** Its `@type` IRIs: `hydra:Operation`, and often a schema.org action (`schema:CreateAction`). */
  readonly types: readonly string[];
  /** The HTTP method, upper-cased. */
  readonly method: string;
  /** `hydra:title`, else `rdfs:label`. */
  readonly title?: string;
  /** `hydra:description`, else `rdfs:comment`. */
  readonly description?: string;
  /** The class IRI of the body the request takes (`hydra:expects`). */
  readonly expects?: string;
  /** The class IRI of the answer's body (`hydra:returns`). */
  readonly returns?: string;
  /** The statuses the documentation says the operation answers with (`hydra:possibleStatus`), in its order. */
  readonly possibleStatus: readonly number[];
}

/**
 * One property a class supports (`hydra:supportedProperty`), with what the `hydra:property` node
 * says of it.
 *
 * @example
 * ```ts
 * import type { PropertyModel } from '@hyperld/hydra/discovery';
 * const isbn: PropertyModel = { iri: 'http://schema.org/isbn', title: 'isbn', range: 'http://www.w3.org/2001/XMLSchema#string', link: false, required: false, readable: true, writable: true, operations: [] };
 * ```
 */
export interface PropertyModel {
  /** The property's IRI (`hydra:property`). */
  readonly iri: string;
  /** `hydra:title` of the supported property (else of the property). */
  readonly title?: string;
  /** `hydra:description` of the supported property, else the property's `hydra:description` or `rdfs:comment`. */
  readonly description?: string;
  /** The property's `rdfs:label`: the key servers such as hyperld and API Platform give it in their contexts. */
  readonly label?: string;
  /** The first named `rdfs:range` of the property: the class of a link's target, or a datatype. */
  readonly range?: string;
  /**
   * The member class of the collection the property links to, when the range says it
   * (`owl:equivalentClass` restricting `hydra:member` with `owl:allValuesFrom`, as API Platform and
   * hyperld write it).
   */
  readonly memberClass?: string;
  /** Whether the property is a `hydra:Link`: its values are resources to dereference. */
  readonly link: boolean;
  /** `hydra:required` (default `false`). */
  readonly required: boolean;
  /** `hydra:readable` (default `true`). */
  readonly readable: boolean;
  /** `hydra:writable`, or the older `hydra:writeable` (default `true`). */
  readonly writable: boolean;
  /** The operations on the property's value (`hydra:supportedOperation` of the property). */
  readonly operations: readonly OperationModel[];
}

/**
 * One class of the documentation (`hydra:supportedClass`).
 *
 * @example
 * ```ts
 * import type { ClassModel } from '@hyperld/hydra/discovery';
 * const book: ClassModel = { iri: 'http://schema.org/Book', title: 'Book', operations: [], properties: [], subClassOf: [] };
 * ```
 */
export interface ClassModel {
  /** The class IRI. */
  readonly iri: string;
  /** `hydra:title`. */
  readonly title?: string;
  /** `hydra:description`, else `rdfs:comment`. */
  readonly description?: string;
  /** `rdfs:label`. */
  readonly label?: string;
  /** The operations on the class's instances (`hydra:supportedOperation` of the class), in document order. */
  readonly operations: readonly OperationModel[];
  /** The supported properties, in document order. */
  readonly properties: readonly PropertyModel[];
  /** The IRIs of the classes it is an `rdfs:subClassOf`. */
  readonly subClassOf: readonly string[];
  /**
   * For a collection class: the class of its members, from a `hydra:memberAssertion` (or the older
   * `hydra:manages`) whose property is `rdf:type`.
   */
  readonly memberClass?: string;
}

/**
 * A Hydra API documentation as {@link readApiDocumentation} reads it: every IRI absolute.
 *
 * @example
 * ```ts
 * import { readApiDocumentation, type ApiDocumentationModel } from '@hyperld/hydra/discovery';
 * const model: ApiDocumentationModel = readApiDocumentation(
 *   { '@context': 'http://www.w3.org/ns/hydra/context.jsonld', '@id': '/docs', '@type': 'ApiDocumentation', entrypoint: '/', supportedClass: [] },
 *   { base: 'https://api.example/docs' },
 * );
 * model.entrypoint; // 'https://api.example/'
 * ```
 */
export interface ApiDocumentationModel {
  /** The documentation's IRI (its `@id`, else the base it was read at). */
  readonly id: string;
  /** Where a client starts (`hydra:entrypoint`). */
  readonly entrypoint?: string;
  /** The API's name (`hydra:title`). */
  readonly title?: string;
  /** What the API does (`hydra:description`). */
  readonly description?: string;
  /** The supported classes by IRI, in document order. */
  readonly classes: ReadonlyMap<string, ClassModel>;
}

/**
 * Options of {@link readApiDocumentation}.
 *
 * @example
 * ```ts
 * import { hydraRegistry } from '@hyperld/hydra';
 * import type { ReadApiDocumentationOptions } from '@hyperld/hydra/discovery';
 * const options: ReadApiDocumentationOptions = { base: 'https://api.example/docs.jsonld', resolveContext: hydraRegistry.context };
 * ```
 */
export interface ReadApiDocumentationOptions {
  /** The IRI the documentation was fetched from: relative IRIs and context URLs resolve against it. */
  readonly base: string;
  /**
   * Resolves the context URLs the document names (the published Hydra context, at
   * `http://www.w3.org/ns/hydra/context.jsonld`, is always resolved, without it). Synchronous and
   * never the network: fetch remote contexts first.
   */
  readonly resolveContext?: ContextResolver;
  /** The deepest nesting accepted (default `DEFAULT_LIMITS.maxDepth`). */
  readonly maxDepth?: number;
}

const HYDRA_CONTEXT_HTTPS = HYDRA_CONTEXT.replace(/^http:/, 'https:');

/** Resolvers with the published Hydra context added, one per given resolver, so that the expander (cached per resolver) is shared. */
const withHydraByResolver = new WeakMap<ContextResolver, ContextResolver>();
const hydraOnly: ContextResolver = (url, base) => (isHydraContextUrl(url, base) ? HYDRA_CONTEXT_DOCUMENT : undefined);

function isHydraContextUrl(url: string, base: string | undefined): boolean {
  const absolute = resolveIri(url, base);
  return absolute === HYDRA_CONTEXT || absolute === HYDRA_CONTEXT_HTTPS;
}

function resolverOf(given: ContextResolver | undefined): ContextResolver {
  if (given === undefined) return hydraOnly;
  let resolver = withHydraByResolver.get(given);
  if (resolver === undefined) {
    resolver = (url, base) => (isHydraContextUrl(url, base) ? HYDRA_CONTEXT_DOCUMENT : given(url, base));
    withHydraByResolver.set(given, resolver);
  }
  return resolver;
}

/**
 * Reads a Hydra API documentation into its model: the documentation node (typed
 * `hydra:ApiDocumentation`, else the node holding `hydra:supportedClass`), its entry point, and
 * each supported class with its operations and supported properties, the operations of
 * `hydra:Link` properties included.
 *
 * The document is expanded first (core's fast `expand`), so every spelling means the same:
 * prefixed or unprefixed keys, inline contexts, the W3C Hydra context (built in, never fetched),
 * embedded nodes or a flat top-level `@graph` whose nodes refer to each other by `@id`. Literal
 * IRIs where a context gives no `@id` coercion (`"hydra:entrypoint": "/"`) are read as IRIs too,
 * resolved against the base (or expanded with the `hydra`, `rdf`, `rdfs`, `owl`, `xsd` and
 * `schema` prefixes). An operation without a method, and a class or property without an IRI, are
 * left out. The work is bounded: one pass over the expanded document to index its nodes, and each
 * node read once however often it is referred to; no recursion.
 *
 * @param doc - the parsed JSON-LD document.
 * @param options - its base IRI, a resolver of the context URLs it names, the depth limit.
 * @returns the model.
 * @throws HydraError `decode_failed` when the document does not expand (its `cause` says why:
 * `unknown_context`, `unsupported_context`, `max_depth`…) or holds no API documentation.
 * @example
 * ```ts
 * import { readApiDocumentation } from '@hyperld/hydra/discovery';
 * const model = readApiDocumentation(
 *   {
 *     '@context': { hydra: 'http://www.w3.org/ns/hydra/core#', returns: { '@id': 'hydra:returns', '@type': '@id' } },
 *     '@id': '/docs.jsonld',
 *     '@type': 'hydra:ApiDocumentation',
 *     'hydra:supportedClass': [
 *       { '@id': 'http://schema.org/Book', '@type': 'hydra:Class', 'hydra:supportedOperation': [{ '@type': 'hydra:Operation', 'hydra:method': 'GET', returns: 'http://schema.org/Book' }] },
 *     ],
 *   },
 *   { base: 'https://api.example/docs.jsonld' },
 * );
 * model.classes.get('http://schema.org/Book')?.operations[0]?.method; // 'GET'
 * ```
 */
export function readApiDocumentation(doc: unknown, options: ReadApiDocumentationOptions): ApiDocumentationModel {
  const { base } = options;
  let expanded: JsonObject[];
  try {
    expanded = expand(prepare(doc, base), {
      resolveContext: resolverOf(options.resolveContext),
      base,
      maxDepth: options.maxDepth ?? DEFAULT_LIMITS.maxDepth,
    });
  } catch (error) {
    if (isHyperldError(error)) {
      throw new HydraError('decode_failed', `The API documentation at ${base} does not expand: ${error.message}`, { url: base, cause: error });
    }
    throw error;
  }
  return new DocReader(expanded, base).read();
}

/**
 * What the fast expander is given: a top-level `@graph` (a flattened document) becomes the array
 * of its nodes under the same context, and a relative `@vocab` of the top-level context is resolved
 * against the base (JSON-LD 1.1 resolves it so; the expander compiles contexts without the base).
 */
function prepare(doc: unknown, base: string): unknown {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return doc;
  const record = doc as Record<string, unknown>;
  const context = Object.hasOwn(record, '@context') ? absoluteVocab(record['@context'], base) : undefined;
  const graph = record['@graph'];
  if (Array.isArray(graph) && Object.keys(record).every((key) => key === '@context' || key === '@graph' || key === '@id')) {
    if (context === undefined) return graph;
    return graph.map((node: unknown) => {
      if (typeof node !== 'object' || node === null || Array.isArray(node)) return node;
      const own = (node as Record<string, unknown>)['@context'];
      return { ...node, '@context': own === undefined ? context : [context, own].flat() };
    });
  }
  if (context === undefined || context === record['@context']) return doc;
  return { ...record, '@context': context };
}

/** The top-level context with a relative `@vocab` resolved: an object, or each object of an array (one level: a context array holds no arrays). */
function absoluteVocab(context: unknown, base: string): unknown {
  if (Array.isArray(context)) {
    let changed = false;
    const out = context.map((part: unknown) => {
      const next = Array.isArray(part) ? part : absoluteVocab(part, base);
      if (next !== part) changed = true;
      return next;
    });
    return changed ? out : context;
  }
  if (typeof context !== 'object' || context === null) return context;
  const vocab = (context as Record<string, unknown>)['@vocab'];
  if (typeof vocab !== 'string' || vocab === '' || /^[A-Za-z][A-Za-z0-9+.-]*:/.test(vocab)) return context;
  return { ...context, '@vocab': resolveIri(vocab, base) };
}

type Expanded = Readonly<Record<string, unknown>>;

/** One reading of an expanded document: the index of its nodes by `@id`, and the models read so far. */
class DocReader {
  readonly #roots: readonly Expanded[];
  readonly #base: string;
  /** Nodes with more than an `@id`, by `@id`: what a bare reference `{ "@id": … }` stands for. */
  readonly #byId = new Map<string, Expanded>();
  readonly #operations = new Map<Expanded, OperationModel | undefined>();
  readonly #properties = new Map<Expanded, PropertyModel | undefined>();

  constructor(roots: readonly JsonObject[], base: string) {
    this.#roots = roots as readonly Expanded[];
    this.#base = base;
    this.#index();
  }

  /** One iterative pass over the expanded tree (no recursion, whatever its depth). */
  #index(): void {
    const stack: unknown[] = [...this.#roots];
    while (stack.length > 0) {
      const value = stack.pop();
      if (Array.isArray(value)) {
        for (const item of value) stack.push(item);
        continue;
      }
      if (typeof value !== 'object' || value === null) continue;
      const node = value as Expanded;
      if (Object.hasOwn(node, '@value')) continue;
      const id = node['@id'];
      if (typeof id === 'string' && Object.keys(node).length > 1 && !this.#byId.has(id)) this.#byId.set(id, node);
      for (const key of Object.keys(node)) if (key !== '@id' && key !== '@type') stack.push(node[key]);
    }
  }

  read(): ApiDocumentationModel {
    const all = [...this.#roots, ...this.#byId.values()];
    const doc =
      all.find((node) => typesOf(node).includes(`${HYDRA}ApiDocumentation`)) ?? all.find((node) => Object.hasOwn(node, `${HYDRA}supportedClass`));
    if (doc === undefined) {
      throw new HydraError('decode_failed', `The document at ${this.#base} holds no hydra:ApiDocumentation (nor any hydra:supportedClass).`, { url: this.#base });
    }
    const classes = new Map<string, ClassModel>();
    for (const value of this.#values(doc, `${HYDRA}supportedClass`)) {
      const model = this.#class(value);
      if (model !== undefined && !classes.has(model.iri)) classes.set(model.iri, model);
    }
    const id = namedId(doc);
    const entrypoint = this.#iri(this.#values(doc, `${HYDRA}entrypoint`, false)[0]);
    const title = this.#text(doc, `${HYDRA}title`);
    const description = this.#text(doc, `${HYDRA}description`);
    return {
      id: id ?? this.#base,
      ...(entrypoint !== undefined ? { entrypoint } : {}),
      ...(title !== undefined ? { title } : {}),
      ...(description !== undefined ? { description } : {}),
      classes,
    };
  }

  #class(node: Expanded): ClassModel | undefined {
    const iri = namedId(node);
    if (iri === undefined) return undefined;
    const operations = this.#operationsOf(node);
    const properties: PropertyModel[] = [];
    for (const supported of this.#values(node, `${HYDRA}supportedProperty`)) {
      const property = this.#property(supported);
      if (property !== undefined) properties.push(property);
    }
    const subClassOf = this.#values(node, `${RDFS}subClassOf`, false)
      .map((value) => this.#iri(value))
      .filter((value): value is string => value !== undefined);
    const title = this.#text(node, `${HYDRA}title`);
    const description = this.#text(node, `${HYDRA}description`) ?? this.#text(node, `${RDFS}comment`);
    const label = this.#text(node, `${RDFS}label`);
    const memberClass = this.#memberClassOf(node);
    return {
      iri,
      ...(title !== undefined ? { title } : {}),
      ...(description !== undefined ? { description } : {}),
      ...(label !== undefined ? { label } : {}),
      operations,
      properties,
      subClassOf,
      ...(memberClass !== undefined ? { memberClass } : {}),
    };
  }

  /** A supported property, read once however many classes refer to it. */
  #property(supported: Expanded): PropertyModel | undefined {
    if (this.#properties.has(supported)) return this.#properties.get(supported);
    const reference = this.#values(supported, `${HYDRA}property`, false)[0];
    const iri = this.#iri(reference);
    let model: PropertyModel | undefined;
    if (iri !== undefined) {
      const property = reference !== undefined ? this.#node(reference) : undefined;
      const on = property ?? {};
      const title = this.#text(supported, `${HYDRA}title`) ?? this.#text(on, `${HYDRA}title`);
      const description = this.#text(supported, `${HYDRA}description`) ?? this.#text(on, `${HYDRA}description`) ?? this.#text(on, `${RDFS}comment`);
      const label = this.#text(on, `${RDFS}label`);
      const ranges = this.#values(on, `${RDFS}range`);
      const range = ranges.map((value) => namedId(value)).find((value) => value !== undefined) ?? this.#iri(this.#values(on, `${RDFS}range`, false)[0]);
      const memberClass = this.#memberClassOfRange(ranges);
      const writable = this.#boolean(supported, `${HYDRA}writable`) ?? this.#boolean(supported, `${HYDRA}writeable`);
      model = {
        iri,
        ...(title !== undefined ? { title } : {}),
        ...(description !== undefined ? { description } : {}),
        ...(label !== undefined ? { label } : {}),
        ...(range !== undefined ? { range } : {}),
        ...(memberClass !== undefined ? { memberClass } : {}),
        link: typesOf(on).includes(`${HYDRA}Link`),
        required: this.#boolean(supported, `${HYDRA}required`) ?? false,
        readable: this.#boolean(supported, `${HYDRA}readable`) ?? true,
        writable: writable ?? true,
        operations: this.#operationsOf(on),
      };
    }
    this.#properties.set(supported, model);
    return model;
  }

  #operationsOf(node: Expanded): OperationModel[] {
    const out: OperationModel[] = [];
    for (const value of this.#values(node, `${HYDRA}supportedOperation`)) {
      const operation = this.#operation(value);
      if (operation !== undefined) out.push(operation);
    }
    return out;
  }

  /** An operation, read once however many classes or properties share it. */
  #operation(node: Expanded): OperationModel | undefined {
    if (this.#operations.has(node)) return this.#operations.get(node);
    const method = this.#text(node, `${HYDRA}method`);
    let model: OperationModel | undefined;
    if (method !== undefined && method.length > 0) {
      const id = namedId(node);
      const title = this.#text(node, `${HYDRA}title`) ?? this.#text(node, `${RDFS}label`);
      const description = this.#text(node, `${HYDRA}description`) ?? this.#text(node, `${RDFS}comment`);
      const expects = this.#iri(this.#values(node, `${HYDRA}expects`, false)[0]);
      const returns = this.#iri(this.#values(node, `${HYDRA}returns`, false)[0]);
      const possibleStatus: number[] = [];
      for (const status of this.#values(node, `${HYDRA}possibleStatus`, false)) {
        const code = typeof status['@value'] === 'number' ? status['@value'] : this.#number(this.#node(status), `${HYDRA}statusCode`);
        if (code !== undefined && Number.isInteger(code) && !possibleStatus.includes(code)) possibleStatus.push(code);
      }
      model = {
        ...(id !== undefined ? { id } : {}),
        types: typesOf(node),
        method: method.toUpperCase(),
        ...(title !== undefined ? { title } : {}),
        ...(description !== undefined ? { description } : {}),
        ...(expects !== undefined ? { expects } : {}),
        ...(returns !== undefined ? { returns } : {}),
        possibleStatus,
      };
    }
    this.#operations.set(node, model);
    return model;
  }

  /** A collection class's member class: `memberAssertion` (or `manages`) `{ property: rdf:type, object: X }`. */
  #memberClassOf(node: Expanded): string | undefined {
    for (const term of ['memberAssertion', 'manages']) {
      for (const assertion of this.#values(node, `${HYDRA}${term}`)) {
        if (this.#iri(this.#values(assertion, `${HYDRA}property`, false)[0]) !== `${RDF}type`) continue;
        const object = this.#iri(this.#values(assertion, `${HYDRA}object`, false)[0]);
        if (object !== undefined) return object;
      }
    }
    return undefined;
  }

  /** A link's collection member class: a range `owl:equivalentClass` restricting `hydra:member` by `owl:allValuesFrom`, or a range class with a member assertion. */
  #memberClassOfRange(ranges: readonly Expanded[]): string | undefined {
    for (const range of ranges) {
      for (const restriction of this.#values(range, `${OWL}equivalentClass`)) {
        if (this.#iri(this.#values(restriction, `${OWL}onProperty`, false)[0]) !== `${HYDRA}member`) continue;
        const member = this.#iri(this.#values(restriction, `${OWL}allValuesFrom`, false)[0]);
        if (member !== undefined) return member;
      }
    }
    for (const range of ranges) {
      const member = this.#memberClassOf(range);
      if (member !== undefined) return member;
    }
    return undefined;
  }

  /**
   * The values of a property: node objects (a bare reference replaced by the node it names,
   * when the document holds it), or with `nodes: false` every value object as written.
   */
  #values(node: Expanded, iri: string, nodes = true): Expanded[] {
    const raw = node[iri];
    if (!Array.isArray(raw)) return [];
    const out: Expanded[] = [];
    for (const value of raw) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) continue;
      const item = value as Expanded;
      // `@list` values (an ordered list of classes or operations) count as their items.
      const items = Array.isArray(item['@list']) ? (item['@list'] as unknown[]) : [item];
      for (const entry of items) {
        if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) continue;
        const object = entry as Expanded;
        if (!nodes) out.push(object);
        else if (!Object.hasOwn(object, '@value')) out.push(this.#node(object));
      }
    }
    return out;
  }

  /** The node a bare reference names, when the document holds it; the value itself otherwise. */
  #node(value: Expanded): Expanded {
    const id = value['@id'];
    if (typeof id === 'string' && Object.keys(value).length === 1) return this.#byId.get(id) ?? value;
    return value;
  }

  /** An IRI value: a node's `@id` (not a blank node's), or a literal string read as an IRI. */
  #iri(value: Expanded | undefined): string | undefined {
    if (value === undefined) return undefined;
    const id = namedId(value);
    if (id !== undefined) return id;
    const literal = value['@value'];
    if (typeof literal !== 'string' || literal.length === 0) return undefined;
    const colon = literal.indexOf(':');
    if (colon > 0 && !literal.slice(colon + 1).startsWith('//')) {
      const prefix = literal.slice(0, colon);
      if (Object.hasOwn(LITERAL_PREFIXES, prefix)) return `${LITERAL_PREFIXES[prefix]}${literal.slice(colon + 1)}`;
    }
    return resolveIri(literal, this.#base);
  }

  /** The first string value of a property (a plain or language-tagged literal). */
  #text(node: Expanded, iri: string): string | undefined {
    for (const value of this.#values(node, iri, false)) if (typeof value['@value'] === 'string') return value['@value'];
    return undefined;
  }

  #number(node: Expanded, iri: string): number | undefined {
    for (const value of this.#values(node, iri, false)) {
      const literal = value['@value'];
      if (typeof literal === 'number') return literal;
      if (typeof literal === 'string' && /^\d{3}$/.test(literal)) return Number(literal);
    }
    return undefined;
  }

  #boolean(node: Expanded, iri: string): boolean | undefined {
    for (const value of this.#values(node, iri, false)) {
      const literal = value['@value'];
      if (typeof literal === 'boolean') return literal;
      if (literal === 'true' || literal === 'false') return literal === 'true';
    }
    return undefined;
  }
}

/** A node's `@id`, unless it is a blank node's. */
function namedId(node: Expanded): string | undefined {
  const id = node['@id'];
  return typeof id === 'string' && !id.startsWith('_:') ? id : undefined;
}

/** A node's `@type` IRIs (expanded: always an array). */
function typesOf(node: Expanded): string[] {
  const types = node['@type'];
  return Array.isArray(types) ? types.filter((type): type is string => typeof type === 'string') : [];
}
