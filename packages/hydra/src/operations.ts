/**
 * Every operation of a node, from all the places Hydra says one may be found, as one list: the
 * actions its type declares at compile time, the `supportedOperation`s of its classes and of the
 * `hydra:Link` properties those classes support (read from the API documentation), and the inline
 * `hydra:operation`s it carries. This is the union the Hydra CG recommends clients act on.
 *
 * @module
 */
import {
  HYDRA,
  STANDARD_PREFIXES,
  baseOf,
  createRegistry,
  idOf,
  metaOf,
  resolveIri,
  termsOfNode,
  type AnyKind,
  type AnyTypeDef,
  type ContextDocument,
  type ContextResolver,
  type ContextValue,
  type JsonObject,
  type Registry,
  type Terms,
} from '@hyperld/core';
import { actionsOf, listActions } from './actions.js';
import { propertyIri } from './api-documentation.js';
import type { ApiDocumentationModel, ClassModel, OperationModel } from './api-doc-reader.js';
import { HydraError } from './errors.js';
import { readHydra, type ReadHydraOptions } from './terms.js';
import { HYDRA_CONTEXT, HYDRA_CONTEXT_DOCUMENT } from './contexts/hydra-context.js';
import { HYDRA_ERROR_CONTEXT, HYDRA_ERROR_CONTEXT_DOCUMENT } from './contexts/hydra-error-context.js';
import { publishedHydraContext } from './contexts/published.js';

/**
 * The registry of a listing given an API documentation and no registry: no types, the published
 * Hydra contexts. Not `hydraRegistry`: no Hydra type declares an action, so its types would change
 * no listing, and a browser bundle that imports this module on first use would carry every one.
 */
let contextsOnly: Registry | undefined;
function hydraContextsOnly(): Registry {
  contextsOnly ??= createRegistry({ types: [], contexts: { [HYDRA_CONTEXT]: HYDRA_CONTEXT_DOCUMENT, [HYDRA_ERROR_CONTEXT]: HYDRA_ERROR_CONTEXT_DOCUMENT } });
  return contextsOnly;
}

/**
 * One operation of one node, wherever it was found, with its state.
 *
 * @example
 * ```ts
 * import type { DiscoveredOperation } from '@hyperld/hydra/discovery';
 * const create: DiscoveredOperation = { name: 'POST book', method: 'POST', target: 'https://api.example/books', href: '/books', expects: 'http://schema.org/Book', state: 'available', source: 'link', property: 'https://api.example/docs.jsonld#Entrypoint/book' };
 * ```
 */
export interface DiscoveredOperation {
  /** Its name, unique among the node's operations (see {@link listOperations} for the rule). */
  readonly name: string;
  /** The HTTP method, upper-cased. */
  readonly method: string;
  /** The absolute URL to send the request to, when the operation is available. */
  readonly target?: string;
  /** The target as the document wrote it, when the operation is available. */
  readonly href?: string;
  /** The class IRI of the request body (the type name as declared, when the registry does not know it). */
  readonly expects?: string;
  /** The class IRI of the answer (the type name as declared, when the registry does not know it). */
  readonly returns?: string;
  /**
   * `available`: it may be invoked now, at `target`; `unavailable`: its link is `null` (it exists,
   * not now); `not-offered`: the node leaves the link out.
   */
  readonly state: 'available' | 'unavailable' | 'not-offered';
  /**
   * `property`: an action the node's type declares (compile time, typed); `operation`: an inline
   * `hydra:operation`; `class`: a `supportedOperation` of the node's class in the API
   * documentation (it acts on the node itself); `link`: a `supportedOperation` of a `hydra:Link`
   * property of the node's class (it acts on the property's value).
   */
  readonly source: 'property' | 'operation' | 'class' | 'link';
  /** Its title, from the documentation or the inline operation. */
  readonly title?: string;
  /** What it does. */
  readonly description?: string;
  /** The property IRI whose value is the target, for sources `link` and `property`. */
  readonly property?: string;
}

/**
 * Options of {@link listOperations}.
 *
 * @example
 * ```ts
 * import type { ListOperationsOptions } from '@hyperld/hydra/discovery';
 * const options: ListOperationsOptions = { base: 'https://api.example/books/1' };
 * ```
 */
export interface ListOperationsOptions {
  /**
   * The registry that knows the node's type and contexts; defaults to the one that decoded it. It
   * gives the compile-time actions; without one (and without `apiDocumentation`) there is no
   * answer: `no_registry`.
   */
  readonly registry?: Registry;
  /** The base IRI to resolve targets against; defaults to the node's. */
  readonly base?: string;
  /** The API documentation whose classes give the run-time operations. */
  readonly apiDocumentation?: ApiDocumentationModel;
  /**
   * The context in force where the node is embedded (the enclosing document's `@context`), for a
   * node that carries none of its own: its `@type` and property keys are read through it.
   */
  readonly context?: ContextValue;
  /**
   * Resolves context URLs the registry does not hold (remote contexts fetched beforehand, under
   * the client's trust policy); the registry's and the published Hydra context come first.
   */
  readonly resolveContext?: ContextResolver;
}

/** How inline operations are read: by the spellings of Hydra's terms, as `listActions` reads them. */
const HYDRA_TERMS: ReadHydraOptions = { context: 'hydra' };
/** A title that is a name: a word a program or a command line can pass (`closeConversation`, `create-book`). */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/;

/**
 * Lists every operation of a node, as their union, deduplicated:
 * 1. `property`: the actions its type declares (compile time, typed), as `listActions` lists them;
 * 2. `class`: the `supportedOperation`s of its classes in the API documentation, on the node's own
 *    `@id` (or alias) resolved against the base (the base itself for a node without one). Its
 *    classes are its `@type`s (a string or an array) expanded through its context (its own, else
 *    `options.context`), else as full or compact IRIs, else by the registry's type names, else, as a
 *    last resort, the one documented class whose IRI ends in `#Type` or `/Type`;
 * 3. `link`: the `supportedOperation`s of the properties those classes support, on the node's value
 *    of the property (found under whatever key the node's context gives the property IRI, else its
 *    local name, its documented label or the IRI): a string or node id → available, `null` →
 *    `unavailable`, absent → `not-offered`;
 * 4. `operation`: the inline `hydra:operation`s, on their `target` (else the node).
 *
 * **Deduplication**: an operation whose method and target (or, without a target, method and
 * property IRI) an earlier one already has is left out, so the order above decides: compile-time
 * first (it is typed), then the class's, the links', and the inline ones.
 *
 * **Names**, unique per node: a compile-time action keeps its property key; any other takes the
 * first of these not already taken: its title when it is an identifier-like word
 * (`[A-Za-z_][A-Za-z0-9_-]*`, at most 64 characters), its `@id`'s local name (after the last `#`
 * or `/`) when that is one, `${METHOD} ${property local name}` for a link's operation or
 * `${METHOD} self` otherwise; when all are taken, the first followed by ` (2)`, ` (3)`, ….
 *
 * @param node - a node (decoded, or plain JSON).
 * @param options - registry, base, the API documentation, the enclosing context.
 * @returns the operations, in the order above.
 * @throws HydraError `no_registry` when neither a registry (given or recorded on the node) nor an API documentation is given.
 * @example
 * ```ts
 * import { listOperations, readApiDocumentation } from '@hyperld/hydra/discovery';
 * const apiDocumentation = readApiDocumentation(
 *   {
 *     '@context': 'http://www.w3.org/ns/hydra/context.jsonld',
 *     '@type': 'ApiDocumentation',
 *     supportedClass: [{ '@id': 'http://schema.org/Book', '@type': 'Class', supportedOperation: [{ '@type': 'Operation', title: 'replace', method: 'PUT' }] }],
 *   },
 *   { base: 'https://api.example/docs' },
 * );
 * const book = { '@id': '/books/1', '@type': 'http://schema.org/Book' };
 * listOperations(book, { base: 'https://api.example/books', apiDocumentation });
 * // [{ name: 'replace', method: 'PUT', target: 'https://api.example/books/1', href: '/books/1', state: 'available', source: 'class', title: 'replace' }]
 * ```
 */
export function listOperations(node: object, options: ListOperationsOptions = {}): DiscoveredOperation[] {
  const given = options.registry ?? metaOf(node)?.registry;
  if (given === undefined && options.apiDocumentation === undefined) {
    throw new HydraError(
      'no_registry',
      'The node carries no registry and no API documentation is given: pass { registry } or { apiDocumentation }, or read it through client.operations(node).',
    );
  }
  const registry = given ?? hydraContextsOnly();
  const base = options.base ?? baseOf(node);
  const record = node as Record<string, unknown>;
  const more = options.resolveContext;
  const resolve = flattening((url: string, at?: string) => registry.context(url, at) ?? publishedHydraContext(url, at) ?? more?.(url, at));
  const terms = termsOfNode(node, resolve, base) ?? (options.context !== undefined && options.context !== null ? termsOfNode({ '@context': options.context }, resolve, base) : undefined);
  const list = new OperationList();

  // 1. Compile-time actions.
  const def = registry.definitionOf(node, base === undefined ? {} : { base });
  const propertyOf = def !== undefined ? actionIrisOf(def) : undefined;
  // The targets resolved so far by href: a link the documentation describes is most often an
  // action's too, and resolving an IRI is the dearest step of the listing.
  const resolved = new Map<string, string>();
  const targetOf = (href: string): string => {
    let target = resolved.get(href);
    if (target === undefined) resolved.set(href, (target = resolveIri(href, base)));
    return target;
  };
  for (const action of listActions(node, { registry, ...(base !== undefined ? { base } : {}), ...(def !== undefined ? { def } : {}) })) {
    if (action.state === 'available') resolved.set(action.href, action.url);
    if (action.source !== 'property') continue;
    const property = propertyOf?.get(action.name);
    const expects = classIriOf(registry, action.expects);
    const returns = classIriOf(registry, action.returns);
    const operation: Record<string, unknown> = { name: action.name, method: action.method };
    if (action.state === 'available') {
      operation['target'] = action.url;
      operation['href'] = action.href;
    }
    if (expects !== undefined) operation['expects'] = expects;
    if (returns !== undefined) operation['returns'] = returns;
    operation['state'] = action.state;
    operation['source'] = 'property';
    if (property !== undefined) operation['property'] = property;
    list.add(operation as unknown as DiscoveredOperation & { name: string }, [action.name]);
  }

  // 2 and 3. The documentation's class and link operations.
  const doc = options.apiDocumentation;
  if (doc !== undefined) {
    const selfHref = idOf(node, { registry: { context: resolve } }) ?? aliasedId(record, terms) ?? '';
    const classes = classesOf(node, terms, registry, doc);
    for (const model of classes) {
      for (const operation of model.operations) {
        list.add(fromModel(operation, 'class', { href: selfHref, target: targetOf(selfHref), state: 'available' }), candidates(operation, 'self'));
      }
    }
    for (const model of classes) {
      for (const property of model.properties) {
        if (property.operations.length === 0) continue;
        const found = valueOf(record, property.iri, property.label, terms);
        const targets = linkTargets(found);
        const local = localName(property.iri) || property.label || 'link';
        for (const operation of property.operations) {
          for (const href of targets.hrefs) {
            list.add(fromModel(operation, 'link', { href, target: targetOf(href), state: 'available', property: property.iri }), candidates(operation, local));
          }
          if (targets.hrefs.length === 0) {
            list.add(fromModel(operation, 'link', { state: targets.state, property: property.iri }), candidates(operation, local));
          }
        }
      }
    }
  }

  // 4. Inline operations.
  const inline = readHydra(node, 'operation', HYDRA_TERMS);
  const selfForInline = typeof record['id'] === 'string' ? record['id'] : typeof record['@id'] === 'string' ? record['@id'] : '';
  for (const op of Array.isArray(inline) ? inline : inline !== undefined && inline !== null ? [inline] : []) {
    if (typeof op !== 'object' || op === null) continue;
    const method = readHydra(op, 'method', HYDRA_TERMS);
    if (typeof method !== 'string' || method.length === 0) continue;
    const title = text(readHydra(op, 'title', HYDRA_TERMS));
    const description = text(readHydra(op, 'description', HYDRA_TERMS));
    const target = readHydra(op, 'target', HYDRA_TERMS);
    const href = typeof target === 'string' ? target : selfForInline;
    const id = (op as Record<string, unknown>)['@id'];
    const expects = classIriOf(registry, text(readHydra(op, 'expects', HYDRA_TERMS)));
    const returns = classIriOf(registry, text(readHydra(op, 'returns', HYDRA_TERMS)));
    const model: OperationModel = {
      ...(typeof id === 'string' ? { id } : {}),
      types: [],
      method: method.toUpperCase(),
      ...(title !== undefined ? { title } : {}),
      possibleStatus: [],
    };
    list.add(
      {
        ...fromModel(model, 'operation', { href, target: resolveIri(href, base), state: 'available' }),
        ...(description !== undefined ? { description } : {}),
        ...(expects !== undefined ? { expects } : {}),
        ...(returns !== undefined ? { returns } : {}),
      },
      candidates(model, 'self'),
    );
  }
  return list.operations;
}

/** Each definition's action property IRIs by action name, found once (definitions are frozen). */
const actionIris = new WeakMap<AnyTypeDef, ReadonlyMap<string, string>>();

/** The property IRI of each action a definition declares, by the action's name. */
function actionIrisOf(def: AnyTypeDef): ReadonlyMap<string, string> {
  let iris = actionIris.get(def);
  if (iris === undefined) {
    const out = new Map<string, string>();
    for (const [name] of actionsOf(def)) out.set(name, propertyIri(def, name, def.properties[name] as AnyKind));
    actionIris.set(def, (iris = out));
  }
  return iris;
}

/** How deep context documents may name further context URLs (API Platform 4.x: its context document names the W3C one). */
const MAX_CONTEXT_NESTING = 4;

/**
 * A resolver whose documents each hold one context object: a document whose `@context` is an
 * array (of URLs and objects, as API Platform 4.x serves `[W3C Hydra context, { its terms }]`) is
 * merged in order, its URLs resolved in turn (at most {@link MAX_CONTEXT_NESTING} deep), because
 * reading terms (core's `termsOfNode`) takes one object per document.
 */
function flattening(resolve: (url: string, base?: string) => ContextDocument | undefined): (url: string, base?: string) => ContextDocument | undefined {
  const flat = new WeakMap<ContextDocument, ContextDocument>();
  const flatten = (doc: ContextDocument, base: string | undefined, depth: number): JsonObject => {
    const context = doc['@context'] as unknown;
    if (!Array.isArray(context)) return doc['@context'];
    const parts: JsonObject[] = [];
    for (const part of context) {
      if (typeof part === 'string' && depth < MAX_CONTEXT_NESTING) {
        const inner = resolve(part, base);
        if (inner !== undefined) parts.push(flatten(inner, base, depth + 1));
      } else if (typeof part === 'object' && part !== null && !Array.isArray(part)) parts.push(part as JsonObject);
    }
    return Object.assign({}, ...parts) as JsonObject;
  };
  return (url, base) => {
    const doc = resolve(url, base);
    if (doc === undefined || !Array.isArray(doc['@context'] as unknown)) return doc;
    let merged = flat.get(doc);
    if (merged === undefined) {
      merged = { '@context': flatten(doc, base, 0) };
      flat.set(doc, merged);
    }
    return merged;
  };
}

/** The operations found so far, their names and dedup keys. */
class OperationList {
  readonly operations: DiscoveredOperation[] = [];
  readonly #names = new Set<string>();
  /** The targets and the properties listed, by method (no key strings built per operation). */
  readonly #targets = new Map<string, Set<string>>();
  readonly #properties = new Map<string, Set<string>>();

  /**
   * Adds an operation unless one with the same method and target (or property) is listed; names
   * it with the first free candidate. The operation is fresh and its own `name` comes first (a
   * placeholder): it is named in place, not copied.
   */
  add(operation: Omit<DiscoveredOperation, 'name'> & { name: string }, names: readonly string[]): void {
    const { method, target, property } = operation;
    let targets = this.#targets.get(method);
    let properties = this.#properties.get(method);
    if ((target !== undefined && targets?.has(target)) || (property !== undefined && properties?.has(property))) return;
    if (target !== undefined) {
      if (targets === undefined) this.#targets.set(method, (targets = new Set()));
      targets.add(target);
    }
    if (property !== undefined) {
      if (properties === undefined) this.#properties.set(method, (properties = new Set()));
      properties.add(property);
    }
    let name: string | undefined;
    for (const candidate of names) {
      if (!this.#names.has(candidate)) {
        name = candidate;
        break;
      }
    }
    if (name === undefined) {
      const first = names[0] ?? operation.method;
      let n = 2;
      while (this.#names.has(`${first} (${n})`)) n++;
      name = `${first} (${n})`;
    }
    this.#names.add(name);
    operation.name = name;
    this.operations.push(operation);
  }
}

/** The name candidates of each documented operation by fallback, found once (a documentation model is not changed once read). */
const candidatesOf = new WeakMap<OperationModel, Map<string, readonly string[]>>();

/** The name candidates of a documented or inline operation, in the order of the rule. */
function candidates(operation: OperationModel, fallback: string): readonly string[] {
  let byFallback = candidatesOf.get(operation);
  if (byFallback === undefined) candidatesOf.set(operation, (byFallback = new Map()));
  let found = byFallback.get(fallback);
  if (found === undefined) byFallback.set(fallback, (found = candidatesAnew(operation, fallback)));
  return found;
}

function candidatesAnew(operation: OperationModel, fallback: string): string[] {
  const out: string[] = [];
  if (operation.title !== undefined && IDENTIFIER.test(operation.title)) out.push(operation.title);
  const local = operation.id !== undefined ? localName(operation.id) : '';
  if (IDENTIFIER.test(local)) out.push(local);
  out.push(`${operation.method} ${fallback}`);
  return out;
}

/** A documented operation as one of the node's, at a target (or with the state of its absence). */
function fromModel(
  operation: OperationModel,
  source: DiscoveredOperation['source'],
  at: { readonly href?: string; readonly target?: string; readonly state: DiscoveredOperation['state']; readonly property?: string },
): Omit<DiscoveredOperation, 'name'> & { name: string } {
  // Field by field, in the order of the type (the name is set when the operation is listed): it
  // runs for every documented operation of every node listed.
  const out: Record<string, unknown> = { name: '', method: operation.method };
  if (at.target !== undefined) out['target'] = at.target;
  if (at.href !== undefined) out['href'] = at.href;
  if (operation.expects !== undefined) out['expects'] = operation.expects;
  if (operation.returns !== undefined) out['returns'] = operation.returns;
  out['state'] = at.state;
  out['source'] = source;
  if (operation.title !== undefined) out['title'] = operation.title;
  if (operation.description !== undefined) out['description'] = operation.description;
  if (at.property !== undefined) out['property'] = at.property;
  return out as unknown as DiscoveredOperation & { name: string };
}

/** The targets a link property's value gives: strings and node ids (one operation each), else the state of its absence. */
function linkTargets(found: { readonly value: unknown } | undefined): { readonly hrefs: string[]; readonly state: 'unavailable' | 'not-offered' } {
  if (found === undefined) return { hrefs: [], state: 'not-offered' };
  if (found.value === null) return { hrefs: [], state: 'unavailable' };
  const values = Array.isArray(found.value) ? found.value : [found.value];
  const hrefs: string[] = [];
  for (const value of values) {
    if (typeof value === 'string') hrefs.push(value);
    else if (typeof value === 'object' && value !== null) {
      const id = idOf(value);
      if (id !== undefined) hrefs.push(id);
    }
  }
  return { hrefs, state: 'not-offered' };
}

/** A node's value of a property IRI: under the keys its terms give the IRI, else its local name, its documented label, its `hydra:` form or the IRI. */
function valueOf(record: Record<string, unknown>, iri: string, label: string | undefined, terms: Terms | undefined): { readonly value: unknown } | undefined {
  const keys = terms !== undefined ? [...terms.keysOf(iri)] : [localName(iri), ...(iri.startsWith(HYDRA) ? [`hydra:${iri.slice(HYDRA.length)}`] : []), iri];
  if (label !== undefined && terms === undefined) keys.splice(1, 0, label);
  for (const key of keys) if (key !== '' && Object.hasOwn(record, key)) return { value: record[key] };
  return undefined;
}

/** A node's id under an alias of `@id` its enclosing context gives (the node itself carries no context). */
function aliasedId(record: Record<string, unknown>, terms: Terms | undefined): string | undefined {
  for (const key of terms?.keysOf('@id') ?? []) if (typeof record[key] === 'string') return record[key] as string;
  return undefined;
}

/** The documented classes of a node: each `@type` as an IRI, in order, without repeats. */
function classesOf(node: object, terms: Terms | undefined, registry: Registry, doc: ApiDocumentationModel): ClassModel[] {
  const record = node as Record<string, unknown>;
  const keys = terms !== undefined ? terms.keysOf('@type') : ['@type'];
  const out: ClassModel[] = [];
  for (const key of keys) {
    const value = Object.hasOwn(record, key) ? record[key] : undefined;
    const types = Array.isArray(value) ? value : value !== undefined ? [value] : [];
    for (const type of types) {
      if (typeof type !== 'string' || type.length === 0) continue;
      const model = classOf(type, terms, registry, doc);
      if (model !== undefined && !out.includes(model)) out.push(model);
    }
  }
  return out;
}

/** The documented class a `@type` value names (see {@link listOperations} for the order tried). */
function classOf(type: string, terms: Terms | undefined, registry: Registry, doc: ApiDocumentationModel): ClassModel | undefined {
  const tried = [terms?.iriOf(type), compactOrAbsolute(type), registry.lookup(type)?.iri];
  for (const iri of tried) {
    const model = iri !== undefined ? doc.classes.get(iri) : undefined;
    if (model !== undefined) return model;
  }
  if (type.includes(':') || type.includes('/')) return undefined;
  let only: ClassModel | undefined;
  for (const [iri, model] of doc.classes) {
    if (!iri.endsWith(`#${type}`) && !iri.endsWith(`/${type}`)) continue;
    if (only !== undefined) return undefined;
    only = model;
  }
  return only;
}

/** A full IRI as it is, a compact one through the standard prefixes; a bare term is neither. */
function compactOrAbsolute(value: string): string | undefined {
  const colon = value.indexOf(':');
  if (colon <= 0) return undefined;
  const prefix = value.slice(0, colon);
  if (Object.hasOwn(STANDARD_PREFIXES, prefix)) return `${STANDARD_PREFIXES[prefix]}${value.slice(colon + 1)}`;
  return value;
}

/** A declared type name as its class IRI, when the registry knows it (or it is a full or compact IRI); else as written. */
function classIriOf(registry: Registry, type: string | undefined): string | undefined {
  if (type === undefined) return undefined;
  return registry.lookup(type)?.iri ?? (type.includes(':') ? (compactOrAbsolute(type) ?? type) : type);
}

/** The local name of an IRI: after its last `#` or `/`. */
function localName(iri: string): string {
  return iri.slice(Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/')) + 1);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
