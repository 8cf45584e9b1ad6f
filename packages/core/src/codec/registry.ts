/**
 * The registry: the types and context documents of a vocabulary, their look-ups, and the codec
 * (`decode.ts`, `encode.ts`) that decodes documents into typed nodes and encodes them back,
 * losslessly.
 *
 * @module
 */
import { checkContextDocument, contextDocument, type ContextDocument } from '../context/document.js';
import { ContextMap } from '../context/lookup.js';
import { HyperldError, type Violation } from '../errors.js';
import { STANDARD_PREFIXES } from '../iri/namespaces.js';
import { compileTerms, expandTerm, type Terms } from '../iri/terms.js';
import type { AnyTypeDef, NodeOf, TypeDef } from '../model/define.js';
import { embeddedTargetsOf, type AnyKind, type EmbeddedDefsOf } from '../model/kinds.js';
import type { ContextValue, GenericNode, JsonValue } from '../types.js';
import { FastValidator, type setCodegen } from './codegen.js';
import { Decoder, type DecodeOptions } from './decode.js';
import { encode, encodeText, type EncodeOptions } from './encode.js';
import { baseOf } from './meta.js';
import { Compiler, dispatchType, isTypeValue, type TypeLookup } from './walker.js';
import { ContextLayers } from './active-context.js';

/**
 * A node of any of the definitions `D`: a union that narrows on `@type`.
 *
 * @example
 * ```ts
 * import { createRegistry, defineType, t, type AnyNodeOf } from '@hyperld/core';
 * const A = defineType({ type: 'A', context: '/a', vocab: 'https://example.com/vocab#', properties: { a: t.string() } });
 * const B = defineType({ type: 'B', context: '/b', vocab: 'https://example.com/vocab#', properties: { b: t.number() } });
 * declare const node: AnyNodeOf<typeof A | typeof B>;
 * if (node['@type'] === 'B') node.b; // number
 * ```
 */
export type AnyNodeOf<D> = D extends AnyTypeDef ? NodeOf<D> : never;

/**
 * The definition named `Name` among `D`.
 *
 * @example
 * ```ts
 * import { defineType, type DefNamed } from '@hyperld/core';
 * const A = defineType({ type: 'A', context: '/a', vocab: 'https://example.com/vocab#', properties: {} });
 * type Def = DefNamed<typeof A, 'A'>; // typeof A
 * ```
 */
export type DefNamed<D, Name> = D extends AnyTypeDef<infer N> ? (N extends Name ? D : never) : never;

type EmbeddedDefs<D> = D extends TypeDef<string, infer P> ? { [K in keyof P]-?: EmbeddedDefsOf<P[K]> }[keyof P] : never;
type BaseDef<D> = D extends { readonly __base?: infer B extends AnyTypeDef } ? B : never;
/** Keeps definitions whose term is a literal: an `AnyTypeDef` would swallow the union. */
type Named<D> = D extends AnyTypeDef<infer N> ? (string extends N ? never : D) : never;
type Reach<New, Seen, Depth extends readonly unknown[]> = [New] extends [never]
  ? Seen
  : Depth['length'] extends 12
    ? Seen | New
    : Reach<Exclude<Named<EmbeddedDefs<New> | BaseDef<New>>, Seen | New>, Seen | New, [...Depth, unknown]>;

/**
 * The definitions a registry of `D` holds: `D` and, as {@link createRegistry} registers them,
 * every definition they extend or embed through `t.node`, transitively.
 *
 * @example
 * ```ts
 * import { defineType, t, type RegisteredDefs } from '@hyperld/core';
 * const Account = defineType({ type: 'Account', context: '/contexts/Account.jsonld', vocab: 'https://example.com/vocab#', properties: {} });
 * const User = defineType({ type: 'User', context: '/contexts/User.jsonld', vocab: 'https://example.com/vocab#', properties: { account: t.node(Account) } });
 * type Defs = RegisteredDefs<typeof User>; // typeof User | typeof Account
 * ```
 */
// `Extract` changes no result, but it tells the checker at once that the result is a definition:
// without it, every `Registry<RegisteredDefs<T>>` in a declaration (`createRegistry`, `with`)
// had the constraint proven by unfolding `Reach`'s twelve levels for a generic `T`, which cost a
// consumer 150,000 type instantiations, and seconds, on every compile with `skipLibCheck: false`.
export type RegisteredDefs<D extends AnyTypeDef> = Extract<Reach<D, never, []>, AnyTypeDef>;

/**
 * What {@link createRegistry} takes.
 *
 * @example
 * ```ts
 * import type { RegistryOptions } from '@hyperld/core';
 * const options: RegistryOptions<never> = { types: [] };
 * ```
 */
export interface RegistryOptions<D extends AnyTypeDef> {
  /** The types; types they embed or extend are registered with them. */
  readonly types: readonly D[];
  /**
   * Context documents by URL: for URLs no type declares (e.g. for types defined elsewhere), and for
   * URLs types declare whose document is published rather than generated. A document given here,
   * or as a type's `contextDocument`, is registered as is (checked against the definitions) and
   * wins over generation; every other context URL types declare gets a generated document.
   */
  readonly contexts?: Readonly<Record<string, ContextDocument>>;
  /**
   * Whether to generate a validator per type with `new Function` for decoding JSON text: several
   * times faster on large pages. Default: as {@link setCodegen} says (on unless turned off).
   * Without it, or where a Content-Security-Policy forbids `eval` (detected once), every document
   * goes through the validating walker alone; results are the same. Turn it off on pages whose
   * CSP lacks `'unsafe-eval'`, to avoid even the one detection attempt, which browsers report as
   * a CSP violation.
   */
  readonly codegen?: boolean;
}

/**
 * A registry of types and their context documents, with the codec.
 *
 * @typeParam D - the registered definitions.
 * @example
 * ```ts
 * import { createRegistry, defineType, t } from '@hyperld/core';
 * const Account = defineType({ type: 'Account', context: '/contexts/Account.jsonld', vocab: 'https://example.com/vocab#', properties: { name: t.string() } });
 * const registry = createRegistry({ types: [Account] });
 * const account = registry.decodeAs(Account, '{"@type":"Account","@context":"/contexts/Account.jsonld","id":"/accounts/1","name":"Example"}');
 * account.name; // string
 * registry.encodeText(account); // the same text
 * ```
 */
export interface Registry<D extends AnyTypeDef = AnyTypeDef> {
  /** Every registered definition by `@type` term. */
  readonly types: ReadonlyMap<string, AnyTypeDef>;
  /** Every context document by the URL types declare. */
  readonly contexts: ReadonlyMap<string, ContextDocument>;
  /**
   * The definition registered for a `@type` term.
   * @param type - the term.
   * @throws HyperldError `unknown_type` when no type is registered under it.
   */
  get<N extends D['type']>(type: N): DefNamed<D, N>;
  /**
   * The definition registered for a `@type` term, or `undefined`.
   * @param type - any term.
   */
  lookup(type: string): AnyTypeDef | undefined;
  /**
   * The definition registered for a class IRI (a `@type` written as a full IRI, once expanded),
   * or `undefined`; the first registered wins when several share it.
   * @param iri - an absolute IRI.
   */
  lookupIri(iri: string): AnyTypeDef | undefined;
  /**
   * The definition a node has, found as decoding finds it: the first of its `@type`s (a string,
   * or an array of them) that is a registered term, or that stands for a registered class IRI —
   * through the contexts in force (the node's `@context`, registered URLs and inline objects,
   * alone or in an array, layered on `options.context`) or, written as a compact or full IRI,
   * through the standard prefixes — as registered by {@link Registry.lookupIri}. Readers (actions,
   * the client's `follow` and `invoke`) ask this rather than `lookup(node['@type'])`, which misses
   * a node whose `@type` is a full IRI, another context's term or an array.
   *
   * @param node - a node; its `@type` and `@context` are read.
   * @param options - `base`: the IRI a relative context URL resolves against (default: the base the
   * node was decoded with, see `baseOf`); `context`: the context in force around the node (for an
   * embedded node without its own `@context`: its root's `@context`, as JSON-LD reads it).
   * @returns the definition, or `undefined` when the node has no `@type`, one that is not a
   * non-empty string or array of them, or none that is registered.
   * @example
   * ```ts
   * import { createRegistry, t, vocabulary } from '@hyperld/core';
   * const v = vocabulary({ vocab: 'https://example.com/vocab#' });
   * const Book = v.type('Book', { properties: { title: t.string() } });
   * const registry = createRegistry({ types: [Book] });
   * registry.definitionOf({ '@type': 'Book', title: 'Dune' }); // Book
   * registry.definitionOf({ '@type': 'https://example.com/vocab#Book', title: 'Dune' }); // Book, by its class IRI
   * registry.definitionOf({ '@type': ['schema:Book', 'Book'] }); // Book, the first registered of its types
   * registry.definitionOf({ '@type': 'Novel' }); // undefined
   * ```
   */
  definitionOf(node: object, options?: { readonly base?: string; readonly context?: ContextValue }): D | undefined;
  /**
   * The context document served at a URL (relative or resolved against `base`), or `undefined`.
   * @param url - the context URL.
   * @param base - the base IRI the URL is relative to.
   */
  context(url: string, base?: string): ContextDocument | undefined;
  /**
   * Decodes a document (JSON text, or an already parsed value) into the typed node of the
   * `@type` it carries, validating it and every embedded node. The node is the parsed object
   * itself: key order, `null`s, `{}`, `[]` and unknown properties stay as they were.
   * @param input - JSON text, or a parsed JSON value.
   * @param options - base IRI, strictness and limits.
   * @throws DecodeError listing every violation with its JSON path.
   */
  decode(input: unknown, options: DecodeOptions & { readonly strict: true }): AnyNodeOf<D>;
  decode(input: unknown, options?: DecodeOptions): AnyNodeOf<D> | GenericNode;
  /**
   * Decodes a document that must be a node of `def` (or of a type extending it).
   * @param def - the expected definition.
   * @param input - JSON text, or a parsed JSON value.
   * @param options - base IRI, strictness and limits.
   * @throws DecodeError when the document is not such a node.
   */
  decodeAs<T extends AnyTypeDef>(def: T, input: unknown, options?: DecodeOptions): NodeOf<T>;
  /**
   * Validates a value without throwing.
   * @param value - a parsed JSON value.
   * @param options - strictness and limits.
   * @returns every violation, at most `maxViolations`; empty when valid.
   */
  validate(value: unknown, options?: DecodeOptions): Violation[];
  /**
   * Every node of a document as the validator sees it — the root, then each embedded node in
   * document order, found through the definitions and the nodes' contexts (free-form JSON and
   * undeclared properties hold data, not nodes) — with its JSON path.
   * @param input - JSON text, or a parsed JSON value.
   * @param options - base IRI, strictness and limits.
   * @throws DecodeError when the document does not decode.
   */
  nodes(input: unknown, options?: DecodeOptions): Array<{ readonly path: string; readonly node: Record<string, unknown> }>;
  /**
   * Encodes a node as a JSON value: the node itself (nothing is copied or reordered).
   * @param node - a node.
   * @param options - `validate: true` to validate first.
   */
  encode(node: object, options?: EncodeOptions): JsonValue;
  /**
   * Encodes a node as JSON text.
   * @param node - a node.
   * @param options - `validate: true` to validate first; `space` to indent.
   * @throws HyperldError `max_depth` (too deep to encode), `cycle` (the node contains itself) or
   * `wrong_kind` (a value with no JSON text, such as a `bigint`); DecodeError with `validate: true`.
   */
  encodeText(node: object, options?: EncodeOptions): string;
  /**
   * A new registry with more types.
   * @param types - the types to add.
   */
  with<T extends AnyTypeDef>(types: readonly T[], contexts?: Readonly<Record<string, ContextDocument>>): Registry<D | RegisteredDefs<T>>;
}

/**
 * The brand of every registry {@link createRegistry} makes: a registered symbol, so that
 * {@link isRegistry} recognises a registry made by another install of the package (a user's
 * module of definitions loaded by the `hyperld` tool, say), which `instanceof` could not.
 */
const REGISTRY_BRAND = Symbol.for('@hyperld/registry');

/**
 * Tells whether a value is a registry made by {@link createRegistry} (or `with`), also across
 * duplicate installs of the package: by a brand, not by its shape or `instanceof`.
 *
 * @param value - anything, e.g. the `registry` export of a module loaded at run time.
 * @returns whether it is a registry.
 * @example
 * ```ts
 * import { createRegistry, isRegistry } from '@hyperld/core';
 * isRegistry(createRegistry({ types: [] })); // true
 * isRegistry({ types: new Map(), decode: () => ({}) }); // false: the shape is not enough
 * ```
 */
export function isRegistry(value: unknown): value is Registry {
  return typeof value === 'object' && value !== null && (value as { [REGISTRY_BRAND]?: unknown })[REGISTRY_BRAND] === true;
}

/** Adds a definition and everything it extends or embeds. */
function collect(def: AnyTypeDef, into: Map<string, AnyTypeDef>): void {
  const existing = into.get(def.type);
  if (existing === def) return;
  if (existing !== undefined) {
    throw new HyperldError('invalid_definition', `Two different definitions share the @type "${def.type}".`);
  }
  into.set(def.type, def);
  if (def.base) collect(def.base, into);
  for (const kind of Object.values(def.properties) as AnyKind[]) for (const target of embeddedTargetsOf(kind)) collect(target, into);
}

/**
 * The document registered for a context URL types declare: the one given (the registry's
 * `contexts`, else the types' `contextDocument`), checked against them, or a generated one.
 */
function registeredDocument(url: string, defs: readonly AnyTypeDef[], given: Readonly<Record<string, ContextDocument>> | undefined): ContextDocument {
  let document = given !== undefined && Object.hasOwn(given, url) ? given[url] : undefined;
  if (document === undefined) {
    for (const def of defs) {
      const own = def.contextDocument;
      if (own === undefined) continue;
      if (document !== undefined && document !== own) {
        throw new HyperldError('invalid_definition', `Context ${url}: types give two different published documents for it (one is "${def.type}"'s).`);
      }
      document = own;
    }
  }
  if (document === undefined) return contextDocument(defs);
  checkContextDocument(url, document, defs);
  return document;
}

/**
 * Creates a registry of types, generating the context document of every context URL they use,
 * except where a document is given for it (`options.contexts`, or a type's `contextDocument`):
 * that one is registered as is, once checked against the definitions.
 * The types they extend or embed (`t.node`) are registered with them, in its type too
 * ({@link RegisteredDefs}): `get`, and `decode` in strict mode, know all of them.
 *
 * @param options - the types (and extra context documents).
 * @returns the registry.
 * @throws HyperldError `invalid_definition` when two definitions share a `@type`, give one
 * term two meanings in a shared context, or declare a key that a given context document defines
 * with another meaning.
 * @example
 * ```ts
 * import { createRegistry, defineType, t } from '@hyperld/core';
 * const Account = defineType({ type: 'Account', context: '/contexts/Account.jsonld', vocab: 'https://example.com/vocab#', properties: { name: t.string() } });
 * const registry = createRegistry({ types: [Account] });
 * registry.context('/contexts/Account.jsonld'); // { '@context': { '@vocab': …, id: '@id', … } }
 * ```
 */
export function createRegistry<D extends AnyTypeDef>(options: RegistryOptions<D>): Registry<RegisteredDefs<D>> {
  const types = new Map<string, AnyTypeDef>();
  for (const def of options.types) collect(def, types);

  const byContext = new Map<string, AnyTypeDef[]>();
  for (const def of types.values()) {
    const list = byContext.get(def.context);
    if (list) list.push(def);
    else byContext.set(def.context, [def]);
  }
  const contexts = new Map<string, ContextDocument>();
  for (const [url, doc] of Object.entries(options.contexts ?? {})) contexts.set(url, doc);
  for (const [url, defs] of byContext) {
    contexts.set(url, registeredDocument(url, defs, options.contexts));
  }
  const byIri = new Map<string, AnyTypeDef>();
  for (const def of types.values()) if (!byIri.has(def.iri)) byIri.set(def.iri, def);
  const compiledTerms = new WeakMap<ContextDocument, Terms>();
  const termsOf = (doc: ContextDocument): Terms => {
    let terms = compiledTerms.get(doc);
    if (!terms) compiledTerms.set(doc, (terms = compileTerms(doc['@context'])));
    return terms;
  };

  const byUrl = new ContextMap(contexts);
  const context = (url: string, base?: string): ContextDocument | undefined => byUrl.get(url, base);
  const terms = (url: string, base: string | undefined): Terms | undefined => {
    const doc = context(url, base);
    return doc ? termsOf(doc) : undefined;
  };
  /**
   * The one answer to "which definition does a node of this `@type` have?", given the terms of its
   * context (computed only when the `@type` is not a registered term).
   */
  const definitionIn = (type: string, contextTerms: () => Terms | undefined): AnyTypeDef | undefined => {
    const byTerm = types.get(type);
    if (byTerm !== undefined) return byTerm;
    // Another spelling of a registered class: a term of the node's context, or a compact or full IRI.
    let iri = contextTerms()?.iriOf(type);
    if (iri === undefined && type.includes(':')) iri = expandTerm(type, '', STANDARD_PREFIXES);
    return iri === undefined ? undefined : byIri.get(iri);
  };
  const layers = new ContextLayers(byUrl, termsOf);
  const lookup: TypeLookup = {
    lookup: (type) => types.get(type),
    // As decoding asks it: through the node's active context (its own `@context` on its enclosing nodes').
    definitionIn: (type, active) => definitionIn(type, () => active.terms),
    hasContext: (url, base) => byUrl.has(url, base),
    terms,
    context: (url) => byUrl.get(url),
    layers,
  };
  const compiler = new Compiler(lookup);
  const fast = options.codegen === false ? undefined : new FastValidator(compiler, lookup, options.codegen);
  const decoder = new Decoder(compiler, fast);

  // Typed loosely inside: RegisteredDefs of a generic D is only computed at call sites.
  const registry: Registry = {
    types,
    contexts,
    get: (type) => {
      const def = types.get(type);
      if (!def) throw new HyperldError('unknown_type', `No type "${type}" is registered.`);
      return def as never;
    },
    lookup: (type) => types.get(type),
    lookupIri: (iri) => byIri.get(iri),
    definitionOf: (node, options) => {
      const record = node as Record<string, unknown>;
      const type = record['@type'];
      if (!isTypeValue(type)) return undefined;
      // The node's `@context` (URLs, inline objects, arrays of them) layered on the context in
      // force around it, as decoding reads it.
      const base = options?.base ?? baseOf(node);
      const around = options?.context === undefined ? layers.empty : layers.layer(layers.empty, options.context, base);
      const active = layers.layer(around, record['@context'], base);
      const found = dispatchType(lookup, type, active, undefined);
      return found ?? undefined;
    },
    context,
    decode: ((input: unknown, options?: DecodeOptions) => decoder.decode(input, options, undefined, registry)) as Registry['decode'],
    decodeAs: (def, input, options) => decoder.decode(input, options, [def], registry),
    validate: (value, options) => decoder.validate(value, options),
    nodes: (input, options) => decoder.nodes(input, options),
    encode: (node, options) => encode(decoder, node, options),
    encodeText: (node, options) => encodeText(decoder, node, options),
    with: (more, extraContexts) =>
      createRegistry({ ...options, types: [...options.types, ...more], contexts: { ...options.contexts, ...extraContexts } }) as never,
  };
  // Not enumerable: nothing of the brand shows in keys or a spread.
  Object.defineProperty(registry, REGISTRY_BRAND, { value: true });
  return registry as never;
}
