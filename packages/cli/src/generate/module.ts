/**
 * The generator: a Hydra API documentation (as `readApiDocumentation` reads it) becomes the
 * TypeScript source of one module of hyperld definitions, written as the hand-written TextUs
 * vocabulary is (`vocabulary({ vocab }).type('Name', { properties })`), so that the registry,
 * codec, client and server use them unchanged.
 *
 * The mapping rules, in the order they apply to a supported property:
 * - a collection class's `hydra:member` is a list of its member class (from `hydra:memberAssertion`
 *   or the older `hydra:manages`); the other Hydra terms a collection documents are inherited
 *   from `Collection`;
 * - a `hydra:Link` property whose operations are all other than GET is an action
 *   (`action({ method, expects, returns })`, after its first such operation); with a GET it stays
 *   a link, and its other operations are listed in `operations`;
 * - a class range is a link, an embedded node, or a union of both: a `hydra:Link` is a link, any
 *   other property may be either (a union), unless the examples show one only;
 * - XSD (and schema.org) datatypes are kinds: string, integer (and its subtypes), number
 *   (decimal, double, float), boolean, date-time; dates, times, durations and `anyURI` are
 *   strings; `rdf:JSON` is JSON;
 * - an unknown or missing range is any JSON (`t.json()`), with a comment saying so;
 * - a property the examples always give as an array is a list of its range (Hydra has no
 *   cardinality);
 * - `hydra:required` is required; any other property is optional and may be `null`; a required
 *   one may be `null` where the examples show it so;
 * - the context URLs the examples' nodes of Hydra's own classes carry (a view under a URL of its
 *   own) are registered with the document of Hydra's definitions (the registry's `contexts`);
 * - `hydra:readable: false` and `hydra:writable: false` are kept as the annotations
 *   `hydra:readable` and `hydra:writable` of the kind (`Kind.annotate`), for the server side.
 *
 * @module
 */
import { HYDRA, XSD } from '@hyperld/core';
import { Collection, HYDRA_CONTEXT } from '@hyperld/hydra';
import type { ApiDocumentationModel, ClassModel, OperationModel, PropertyModel } from '@hyperld/hydra/discovery';
import { ExampleIndex, type Seen } from './examples.js';
import { arrayLines, LINE_WIDTH, objectLines, propertyLines } from './layout.js';
import { commentText, Identifiers, localName, namespaceOf, propertyKey, quote } from './names.js';

/**
 * Options of {@link generateModule}.
 *
 * @example
 * ```ts
 * import type { GenerateModuleOptions } from '@hyperld/cli';
 * const options: GenerateModuleOptions = { source: 'https://api.example.com/docs.jsonld', contexts: ['https://api.example.com/contexts/Book'] };
 * ```
 */
export interface GenerateModuleOptions {
  /** Where the documentation came from (a URL or a file), named in the module's header. */
  readonly source: string;
  /**
   * Documents the API answers (parsed JSON, as sent), which show what the documentation does
   * not: which properties the server embeds, the keys it writes, the context URLs of its nodes.
   */
  readonly examples?: readonly unknown[];
  /** The context URLs the API uses (absolute, or relative to the documentation), for `contexts`. */
  readonly contexts?: readonly string[];
  /**
   * The documents the API serves at (some of) those URLs, by absolute URL. A definition is not
   * given a context URL whose document layers other contexts (an array, as API Platform 4.x
   * serves `[W3C Hydra, own terms]`): its registry would stand in for that document with a
   * generated one of the definitions' terms alone, and Hydra's unprefixed terms (`member`) would be
   * lost; left to the client, the served document is fetched and read.
   */
  readonly contextDocuments?: Readonly<Record<string, unknown>>;
}

const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const RDFS = 'http://www.w3.org/2000/01/rdf-schema#';
const OWL = 'http://www.w3.org/2002/07/owl#';
const SCHEMA = ['http://schema.org/', 'https://schema.org/'];

/** The Hydra classes `@hyperld/hydra` defines: the name it exports each under, and its `@type` term. */
const HYDRA_CLASSES: Readonly<Record<string, { readonly name: string; readonly term: string }>> = {
  [`${HYDRA}Collection`]: { name: 'Collection', term: 'hydra:Collection' },
  [`${HYDRA}PartialCollectionView`]: { name: 'PartialCollectionView', term: 'hydra:PartialCollectionView' },
  [`${HYDRA}IriTemplate`]: { name: 'IriTemplate', term: 'hydra:IriTemplate' },
  [`${HYDRA}IriTemplateMapping`]: { name: 'IriTemplateMapping', term: 'hydra:IriTemplateMapping' },
  [`${HYDRA}Operation`]: { name: 'Operation', term: 'hydra:Operation' },
  [`${HYDRA}Status`]: { name: 'Status', term: 'hydra:Status' },
  [`${HYDRA}Error`]: { name: 'HydraErrorType', term: 'hydra:Error' },
  [`${HYDRA}ApiDocumentation`]: { name: 'ApiDocumentation', term: 'hydra:ApiDocumentation' },
  [`${HYDRA}Class`]: { name: 'HydraClass', term: 'hydra:Class' },
  [`${HYDRA}SupportedProperty`]: { name: 'SupportedProperty', term: 'hydra:SupportedProperty' },
  [`${HYDRA}Link`]: { name: 'HydraLink', term: 'hydra:Link' },
};

/** Datatypes by IRI: the kind builder, and a note when the kind is looser than the datatype. */
const DATATYPES: ReadonlyMap<string, { readonly kind: string; readonly note?: string }> = new Map([
  ...['string', 'normalizedString', 'token', 'language', 'Name', 'NCName', 'NMTOKEN'].map((n) => [`${XSD}${n}`, { kind: 't.string()' }] as const),
  ...['integer', 'int', 'long', 'short', 'byte', 'nonNegativeInteger', 'positiveInteger', 'negativeInteger', 'nonPositiveInteger', 'unsignedInt', 'unsignedLong', 'unsignedShort', 'unsignedByte'].map(
    (n) => [`${XSD}${n}`, { kind: 't.integer()' }] as const,
  ),
  ...['decimal', 'double', 'float'].map((n) => [`${XSD}${n}`, { kind: 't.number()' }] as const),
  [`${XSD}boolean`, { kind: 't.boolean()' }],
  [`${XSD}dateTime`, { kind: 't.dateTime()' }],
  [`${XSD}dateTimeStamp`, { kind: 't.dateTime()' }],
  ...['date', 'time', 'duration', 'gYear', 'gYearMonth', 'gMonthDay', 'gDay', 'gMonth', 'anyURI', 'base64Binary', 'hexBinary'].map(
    (n) => [`${XSD}${n}`, { kind: 't.string()', note: `xsd:${n}, kept as a string` }] as const,
  ),
  [`${RDF}langString`, { kind: 't.string()' }],
  [`${RDF}JSON`, { kind: 't.json()' }],
  [`${RDFS}Literal`, { kind: 't.json()', note: 'rdfs:Literal: any JSON value' }],
  ...SCHEMA.flatMap((s) => [
    [`${s}Text`, { kind: 't.string()' }] as const,
    [`${s}URL`, { kind: 't.string()', note: 'schema:URL, kept as a string' }] as const,
    [`${s}Integer`, { kind: 't.integer()' }] as const,
    [`${s}Number`, { kind: 't.number()' }] as const,
    [`${s}Float`, { kind: 't.number()' }] as const,
    [`${s}Boolean`, { kind: 't.boolean()' }] as const,
    [`${s}DateTime`, { kind: 't.dateTime()' }] as const,
    [`${s}Date`, { kind: 't.string()', note: 'schema:Date, kept as a string' }] as const,
    [`${s}Time`, { kind: 't.string()', note: 'schema:Time, kept as a string' }] as const,
  ]),
]);

/** Names every generated module declares or imports: no class may take them. */
const MODULE_NAMES = ['t', 'vocabulary', 'createRegistry', 'action', 'hydraTypes', 'v', 'registry', 'contexts', 'types', 'operations', ...Object.values(HYDRA_CLASSES).map((c) => c.name)];

/** A class the module defines. */
interface ClassPlan {
  readonly model: ClassModel;
  /** The `@type` term: the class's local name, or its IRI where two classes share one. */
  readonly term: string;
  /** The exported identifier. */
  readonly ident: string;
  /** For a collection: the member class IRI. */
  readonly member: string | undefined;
}

/** One property as written. */
interface PropertyCode {
  readonly key: string;
  readonly code: string;
  readonly comment: readonly string[];
  /** The identifiers of the definitions it embeds (declared before it, or the edge is cut). */
  readonly embeds: readonly string[];
}

/** An entry of the generated `operations`. */
interface OperationEntry {
  readonly property?: string;
  readonly operation: OperationModel;
}

/**
 * Writes the TypeScript module of an API documentation: one definition per supported class
 * (Hydra's own classes come from `@hyperld/hydra`), `types`, `registry`, `contexts` (the context
 * URLs the API uses) and `operations` (each class's operations), with the documentation's titles
 * and descriptions as TSDoc. The same documentation, examples and contexts give the same text:
 * classes, properties and URLs are sorted, and names that clash or are no identifiers are
 * renamed the same way each time (`Book_2`, `default_`).
 *
 * @param doc - the documentation, as `readApiDocumentation` reads it.
 * @param options - where it came from, example documents of the API, the context URLs it uses.
 * @returns the module's source text.
 * @example
 * ```ts
 * import { generateModule } from '@hyperld/cli';
 * import { readApiDocumentation } from '@hyperld/hydra/discovery';
 * const doc = readApiDocumentation(
 *   {
 *     '@context': 'http://www.w3.org/ns/hydra/context.jsonld',
 *     '@id': '/docs',
 *     '@type': 'ApiDocumentation',
 *     supportedClass: [{ '@id': 'https://api.example/vocab#Book', '@type': 'Class', title: 'Book', supportedProperty: [] }],
 *   },
 *   { base: 'https://api.example/docs' },
 * );
 * const source = generateModule(doc, { source: 'https://api.example/docs' });
 * source.includes("export const Book = v.type('Book', {"); // true
 * ```
 */
export function generateModule(doc: ApiDocumentationModel, options: GenerateModuleOptions): string {
  return new ModuleWriter(doc, options).write();
}

/** One generation: the plans of the classes, then the text. */
class ModuleWriter {
  readonly #doc: ApiDocumentationModel;
  readonly #options: GenerateModuleOptions;
  readonly #examples: ExampleIndex;
  readonly #plans: ClassPlan[];
  readonly #byIri = new Map<string, ClassPlan>();
  readonly #vocab: string;
  readonly #hydraImports = new Set<string>();
  #usesAction = false;

  constructor(doc: ApiDocumentationModel, options: GenerateModuleOptions) {
    this.#doc = doc;
    this.#options = options;
    this.#examples = new ExampleIndex(options.examples ?? []);
    const models = [...doc.classes.values()].filter((c) => !isBuiltIn(c.iri)).sort((a, b) => compare(a.iri, b.iri));
    this.#vocab = mostCommon(models.map((c) => namespaceOf(c.iri))) ?? `${doc.id.replace(/#.*$/, '')}#`;
    const terms = new Set<string>();
    const identifiers = new Identifiers(MODULE_NAMES);
    this.#plans = models.map((model) => {
      const name = localName(model.iri);
      const term = name.length > 0 && !terms.has(name) ? name : model.iri;
      terms.add(term);
      const plan: ClassPlan = { model, term, ident: identifiers.take(name.length > 0 ? name : 'Class'), member: memberOf(model) };
      this.#byIri.set(model.iri, plan);
      return plan;
    });
  }

  write(): string {
    const bodies = new Map<string, { plan: ClassPlan; properties: PropertyCode[]; base: string | undefined }>();
    const operations = new Map<string, OperationEntry[]>();
    for (const plan of this.#plans) {
      const entries: OperationEntry[] = plan.model.operations.map((operation) => ({ operation }));
      const properties = this.#properties(plan, entries);
      if (entries.length > 0) operations.set(plan.ident, entries);
      bodies.set(plan.ident, { plan, properties, base: this.#baseOf(plan) });
    }
    const order = declarationOrder(bodies);
    const definitions = order.map(({ plan, properties, base, cut }) => this.#definition(plan, properties, base, cut));
    const idents = this.#plans.map((p) => p.ident).sort(compare);
    const hydraContexts = this.#hydraContexts();
    const coreImports = [...(hydraContexts.length > 0 ? ['contextDocument'] : []), 'createRegistry', 't', 'vocabulary'];
    const hydraImports = [...(this.#usesAction ? ['action'] : []), ...this.#hydraImports, 'hydraTypes'].sort((a, b) => compare(a.toLowerCase(), b.toLowerCase()));
    const title = this.#doc.title ?? 'The API';
    const header = [
      '/**',
      ` * ${commentText(title)}: the hyperld definitions of its API documentation, generated by \`hyperld generate\`.`,
      ...(this.#doc.description !== undefined ? [' *', ` * ${commentText(this.#doc.description)}`] : []),
      ' *',
      ` * Source: ${commentText(this.#options.source)}. Regenerate it rather than edit it.`,
      ' *',
      ' * @module',
      ' */',
      `import { ${coreImports.join(', ')} } from '@hyperld/core';`,
      `import { ${hydraImports.join(', ')} } from '@hyperld/hydra';`,
      '',
      `/** The vocabulary of the API's classes: their IRIs and their terms' default namespace. */`,
      `const v = vocabulary({ vocab: ${quote(this.#vocab)} });`,
    ];
    const footer = [
      '/** Every definition of the API (Hydra\'s own come from `@hyperld/hydra`). */',
      ...arrayLines('', 'export const types = ', idents, ' as const;'),
      '',
      '/** The registry of the API: its definitions with Hydra\'s. */',
      ...(hydraContexts.length === 0
        ? ['export const registry = /* @__PURE__ */ createRegistry({ types: [...types, ...hydraTypes] });']
        : [
            'export const registry = /* @__PURE__ */ createRegistry({',
            '  types: [...types, ...hydraTypes],',
            "  // The context URLs the API serves Hydra's own types under; their terms are Hydra's.",
            '  contexts: {',
            ...hydraContexts.map(([url, idents]) => `    ${quote(url)}: contextDocument([${idents.join(', ')}]),`),
            '  },',
            '});',
          ]),
      '',
      '/** The context URLs the API uses. */',
      ...arrayLines('', 'export const contexts = ', this.#contexts().map(quote), ' as const;'),
      '',
      ...this.#operationsCode(operations),
    ];
    return `${[...header, '', ...definitions.flatMap((d) => [d, '']), ...footer].join('\n')}\n`;
  }

  /** The context URLs: those given and those the examples name, absolute (against the documentation), sorted. */
  #contexts(): string[] {
    const urls = new Set<string>();
    for (const url of [...(this.#options.contexts ?? []), ...this.#examples.contextUrls]) {
      urls.add(URL.canParse(url, this.#doc.id) ? new URL(url, this.#doc.id).href : url);
    }
    return [...urls].sort(compare);
  }

  /**
   * The context URLs the examples' nodes of Hydra's own classes (a view, a collection) carry, with
   * those classes: the registry gives each the document of Hydra's definitions. Not the W3C Hydra
   * context, nor a URL a definition of the module takes, nor one whose served document a generated
   * one cannot stand for.
   */
  #hydraContexts(): Array<readonly [string, string[]]> {
    const taken = new Set(this.#plans.map((plan) => this.#contextOf(plan)));
    const out = new Map<string, string[]>();
    for (const iri of Object.keys(HYDRA_CLASSES).sort(compare)) {
      const { name } = HYDRA_CLASSES[iri] as { name: string };
      for (const url of this.#examples.ownContextsOf(iri)) {
        const absolute = URL.canParse(url, this.#doc.id) ? new URL(url, this.#doc.id).href : url;
        const relative = this.#relative(url);
        if (absolute === HYDRA_CONTEXT || taken.has(relative) || !this.#claimable(url)) continue;
        const idents = out.get(relative) ?? [];
        if (!idents.includes(name)) idents.push(name);
        out.set(relative, idents);
        this.#hydraImports.add(name);
      }
    }
    return [...out].sort(([a], [b]) => compare(a, b));
  }

  /** The definition a class extends: a documented superclass, else `Collection` for a collection. */
  #baseOf(plan: ClassPlan): string | undefined {
    for (const iri of [...plan.model.subClassOf].sort(compare)) {
      const base = this.#byIri.get(iri);
      if (base !== undefined && base !== plan) return base.ident;
    }
    if (plan.member !== undefined || plan.model.subClassOf.includes(`${HYDRA}Collection`)) {
      this.#hydraImports.add('Collection');
      return 'Collection';
    }
    return undefined;
  }

  /**
   * The context URL of a class's nodes: their own in the examples, else one named after the term,
   * else the one they came in, else `/contexts/<term>.jsonld`; never one whose served document a
   * generated one cannot stand for (see {@link GenerateModuleOptions.contextDocuments}).
   */
  #contextOf(plan: ClassPlan): string {
    const named = this.#contexts().find((url) => {
      const path = URL.canParse(url) ? new URL(url).pathname : url;
      return path.replace(/\.jsonld$/, '').endsWith(`/${plan.term}`);
    });
    const candidates = [this.#examples.ownContextOf(plan.model.iri), named, this.#examples.inheritedContextOf(plan.model.iri)];
    const chosen = candidates.find((url) => url !== undefined && this.#claimable(url));
    return chosen === undefined ? `/contexts/${encodeURIComponent(plan.term)}.jsonld` : this.#relative(chosen);
  }

  /** Whether a registry may serve a generated document at this URL: the API serves none known there, or one plain context object. */
  #claimable(url: string): boolean {
    const documents = this.#options.contextDocuments;
    if (documents === undefined) return true;
    const absolute = URL.canParse(url, this.#doc.id) ? new URL(url, this.#doc.id).href : url;
    if (!Object.hasOwn(documents, absolute)) return true;
    const served = documents[absolute];
    const context = typeof served === 'object' && served !== null ? (served as Record<string, unknown>)['@context'] : undefined;
    return typeof context === 'object' && context !== null && !Array.isArray(context);
  }

  /** A URL as a definition names it: a path when it is on the documentation's origin. */
  #relative(url: string): string {
    if (!URL.canParse(url, this.#doc.id)) return url;
    const absolute = new URL(url, this.#doc.id);
    const origin = URL.canParse(this.#doc.id) ? new URL(this.#doc.id).origin : undefined;
    return absolute.origin === origin ? `${absolute.pathname}${absolute.search}` : absolute.href;
  }

  /**
   * The JSON key of a property: of its `rdfs:label`, its title (as is or with a lower-case first
   * letter) and its IRI's local name, the first the examples show on the class's nodes, else the
   * first that is term-like (no spaces), else the local name.
   */
  #keyOf(plan: ClassPlan, property: PropertyModel): string {
    const { label, title } = property;
    const name = localName(property.iri);
    const candidates = [label, title, title !== undefined ? title.charAt(0).toLowerCase() + title.slice(1) : undefined, name].filter(
      (c): c is string => c !== undefined && c.length > 0,
    );
    const shown = candidates.find((c) => this.#examples.hasKey(plan.model.iri, c));
    if (shown !== undefined) return shown;
    const termLike = [label, title, name].find((c): c is string => c !== undefined && /^[^\s]+$/.test(c));
    return termLike ?? (name.length > 0 ? name : property.iri);
  }

  #properties(plan: ClassPlan, operations: OperationEntry[]): PropertyCode[] {
    const out = new Map<string, PropertyCode>();
    const skipped: string[] = [];
    const inherited = plan.member !== undefined || plan.model.subClassOf.includes(`${HYDRA}Collection`) ? (Collection.propertyIris as Readonly<Record<string, string>>) : {};
    for (const property of plan.model.properties) {
      const key = this.#keyOf(plan, property);
      if (key === 'id' || key.startsWith('@')) {
        skipped.push(key);
        continue;
      }
      if (Object.hasOwn(inherited, key) && inherited[key] === property.iri && property.iri !== `${HYDRA}member`) continue;
      if (out.has(key)) continue;
      out.set(key, this.#property(plan, property, key, operations));
    }
    if (plan.member !== undefined && !plan.model.properties.some((p) => p.iri === `${HYDRA}member`)) {
      // Undocumented, yet what a collection is: its members, under Collection's key.
      const member: PropertyModel = { iri: `${HYDRA}member`, link: false, required: false, readable: true, writable: false, operations: [] };
      if (!out.has('member')) out.set('member', this.#property(plan, member, 'member', operations));
    }
    return [...out.values()].sort((a, b) => compare(a.key, b.key));
  }

  /** One property's kind, modifiers and comment. */
  #property(plan: ClassPlan, property: PropertyModel, key: string, operations: OperationEntry[]): PropertyCode {
    const comment: string[] = [];
    const embeds: string[] = [];
    if (property.title !== undefined && property.title !== key) comment.push(commentText(property.title));
    if (property.description !== undefined) comment.push(commentText(property.description));
    let code: string;
    let modifiers = 'value';
    const seen = this.#examples.seen(plan.model.iri, key);
    const shape = this.#examples.shape(plan.model.iri, key);
    if (property.iri === `${HYDRA}member` && plan.member !== undefined) {
      code = `t.list(${this.#classKind(plan.member, false, seen, embeds, comment)})`;
      modifiers = 'list';
    } else if (property.link && property.operations.length > 0 && property.operations.every((o) => o.method !== 'GET')) {
      const [first, ...others] = property.operations as [OperationModel, ...OperationModel[]];
      code = this.#action(first);
      modifiers = 'action';
      for (const operation of others) operations.push({ property: key, operation });
      if (others.length > 0) comment.push(`Its other operations are in \`operations.${plan.ident}\`.`);
    } else {
      for (const operation of property.operations) if (operation.method !== 'GET') operations.push({ property: key, operation });
      code = this.#rangeKind(property, seen, embeds, comment);
      // Hydra has no cardinality: where the examples give the value as an array (always), it is a list of the range.
      if (shape?.list === true && !shape.single && code !== 't.json()') code = `t.list(${code})`;
    }
    if (property.memberClass !== undefined) comment.push(`A collection of ${this.#nameOf(property.memberClass)}.`);
    let text = code;
    if (modifiers === 'value') {
      // Any JSON takes null already; a required value may be null where the examples show one.
      if (!code.startsWith('t.json()') && (!property.required || shape?.null === true)) text += '.nullable()';
      if (!property.required) text += '.optional()';
    }
    if (modifiers === 'list') text += property.required ? '' : '.optional()';
    if (property.iri !== `${this.#vocab}${key}`) text += `.mapTo(${quote(compactHydra(property.iri))})`;
    if (modifiers !== 'action' && property.description !== undefined) text += `.describe(${quote(commentText(property.description))})`;
    if (!property.readable) text += `.annotate('hydra:readable', false)`;
    if (!property.writable) text += `.annotate('hydra:writable', false)`;
    return { key, code: text, comment, embeds };
  }

  /** `action({ … })` of an operation. */
  #action(operation: OperationModel): string {
    this.#usesAction = true;
    const fields = [`method: ${quote(operation.method)}`];
    const expects = this.#termOf(operation.expects);
    const returns = this.#termOf(operation.returns);
    if (expects !== undefined) fields.push(`expects: ${quote(expects)}`);
    if (returns !== undefined) fields.push(`returns: ${quote(returns)}`);
    const success = operation.possibleStatus.find((s) => s >= 200 && s < 300);
    if (success !== undefined && success !== 200) fields.push(`status: ${success}`);
    const text = operation.description ?? operation.title;
    if (text !== undefined) fields.push(`description: ${quote(commentText(text))}`);
    return `action({ ${fields.join(', ')} })`;
  }

  /** The kind of a property's range (not a member list, not an action). */
  #rangeKind(property: PropertyModel, seen: Seen | undefined, embeds: string[], comment: string[]): string {
    const range = property.range;
    if (range === undefined) {
      if (property.link) return 't.link()';
      comment.push('The documentation gives no range: any JSON.');
      return 't.json()';
    }
    const datatype = DATATYPES.get(range);
    if (datatype !== undefined) {
      if (datatype.note !== undefined) comment.push(`Range ${datatype.note}.`);
      return datatype.kind;
    }
    if (this.#byIri.has(range) || Object.hasOwn(HYDRA_CLASSES, range)) return this.#classKind(range, property.link, seen, embeds, comment);
    if (property.link) {
      comment.push(`Its range ${commentText(range)} is not a class of the documentation: a link to anything.`);
      return 't.link()';
    }
    comment.push(`Its range ${commentText(range)} is not described by the documentation: any JSON.`);
    return 't.json()';
  }

  /** A value of a class: a link, an embedded node, or either; the examples decide where they show one only. */
  #classKind(iri: string, link: boolean, seen: Seen | undefined, embeds: string[], comment: string[]): string {
    const plan = this.#byIri.get(iri);
    const hydra = Object.hasOwn(HYDRA_CLASSES, iri) ? HYDRA_CLASSES[iri] : undefined;
    if (plan === undefined && hydra === undefined) {
      comment.push(`Of ${commentText(iri)}, which the documentation does not describe.`);
      return seen?.node === true && seen.link ? 't.union(t.link(), t.anyNode())' : seen?.node === true ? 't.anyNode()' : 't.link()';
    }
    const term = plan?.term ?? (hydra as { term: string }).term;
    const ident = plan?.ident ?? (hydra as { name: string }).name;
    const linkKind = `t.link(${quote(term)})`;
    const wantNode = seen !== undefined ? seen.node : !link;
    const wantLink = seen !== undefined ? seen.link : true;
    if (!wantNode) return linkKind;
    if (plan !== undefined) embeds.push(ident);
    else this.#hydraImports.add(ident);
    const nodeKind = `t.node(${ident})`;
    return wantLink ? `t.union(${linkKind}, ${nodeKind})` : nodeKind;
  }

  /** The `@type` term of a class IRI, for `expects` and `returns`; nothing for `owl:Nothing` or an unknown class. */
  #termOf(iri: string | undefined): string | undefined {
    if (iri === undefined || iri === `${OWL}Nothing`) return undefined;
    const plan = this.#byIri.get(iri);
    if (plan !== undefined) return plan.term;
    return Object.hasOwn(HYDRA_CLASSES, iri) ? HYDRA_CLASSES[iri]?.term : iri;
  }

  #nameOf(iri: string): string {
    return this.#byIri.get(iri)?.term ?? (Object.hasOwn(HYDRA_CLASSES, iri) ? (HYDRA_CLASSES[iri]?.term ?? iri) : iri);
  }

  #definition(plan: ClassPlan, properties: readonly PropertyCode[], base: string | undefined, cut: ReadonlySet<string>): string {
    const { model } = plan;
    const doc: string[] = [];
    doc.push(commentText(model.title ?? plan.term));
    if (model.description !== undefined) doc.push('', commentText(model.description));
    if (plan.member !== undefined) doc.push('', `A collection of ${this.#nameOf(plan.member)}.`);
    const lines = ['/**', ...doc.map((l) => (l === '' ? ' *' : ` * ${l}`)), ` * @see ${commentText(model.iri)}`, ' */'];
    lines.push(`export const ${plan.ident} = v.type(${quote(plan.term)}, {`);
    if (model.iri !== `${this.#vocab}${plan.term}`) lines.push(`  iri: ${quote(model.iri)},`);
    lines.push(`  context: ${quote(this.#contextOf(plan))},`);
    if (base !== undefined) lines.push(`  extends: ${base},`);
    if (model.description !== undefined) lines.push(`  description: ${quote(commentText(model.description))},`);
    if (properties.length === 0) {
      lines.push('  properties: {},');
    } else {
      lines.push('  properties: {');
      for (const property of properties) {
        const comment = [...property.comment];
        let code = property.code;
        for (const ident of property.embeds) {
          if (!cut.has(ident)) continue;
          // Definitions embedding each other in a cycle cannot both be typed from the other: the later one's edge embeds any node.
          code = code.replace(`t.node(${ident})`, 't.anyNode()');
          comment.push(`Embeds ${ident} (in a cycle of embedded definitions: typed as any node).`);
        }
        if (comment.length === 1) lines.push(`    /** ${comment[0]} */`);
        else if (comment.length > 1) lines.push('    /**', ...comment.map((c) => `     * ${c}`), '     */');
        lines.push(...propertyLines('    ', propertyKey(property.key), code));
      }
      lines.push('  },');
    }
    lines.push('});');
    return lines.join('\n');
  }

  #operationsCode(operations: ReadonlyMap<string, readonly OperationEntry[]>): string[] {
    const lines = [
      '/**',
      " * The operations of each class's instances, as the documentation lists them (method, the `@type`",
      " * terms of the body they take and return, the statuses they answer with); with `property`, an",
      " * operation on the target of that link which is not the link's action.",
      ' */',
    ];
    if (operations.size === 0) return [...lines, 'export const operations = {} as const;'];
    lines.push('export const operations = {');
    for (const ident of [...operations.keys()].sort(compare)) {
      const entries = (operations.get(ident) ?? []).map(({ property, operation }) => {
        const fields: string[] = [];
        if (property !== undefined) fields.push(`property: ${quote(property)}`);
        fields.push(`method: ${quote(operation.method)}`);
        const expects = this.#termOf(operation.expects);
        const returns = this.#termOf(operation.returns);
        if (expects !== undefined) fields.push(`expects: ${quote(expects)}`);
        if (returns !== undefined) fields.push(`returns: ${quote(returns)}`);
        if (operation.title !== undefined) fields.push(`title: ${quote(commentText(operation.title))}`);
        if (operation.possibleStatus.length > 0) fields.push(`possibleStatus: [${operation.possibleStatus.join(', ')}]`);
        return fields;
      });
      const flat = `  ${ident}: [${entries.map((f) => `{ ${f.join(', ')} }`).join(', ')}],`;
      if (flat.length <= LINE_WIDTH) lines.push(flat);
      else lines.push(`  ${ident}: [`, ...entries.flatMap((fields) => objectLines('    ', '', fields, ',')), '  ],');
    }
    lines.push('} as const;');
    return lines;
  }
}

/** A Hydra IRI as a compact IRI (`hydra:member`), as definitions write them; any other IRI as it is. */
function compactHydra(iri: string): string {
  return iri.startsWith(HYDRA) && /^[A-Za-z]+$/.test(iri.slice(HYDRA.length)) ? `hydra:${iri.slice(HYDRA.length)}` : iri;
}

/** Whether a class is one the module does not define: Hydra's own and RDF's, RDFS's, OWL's and XSD's. */
function isBuiltIn(iri: string): boolean {
  return [HYDRA, RDF, RDFS, OWL, XSD].some((ns) => iri.startsWith(ns));
}

/** A collection class's member class. */
function memberOf(model: ClassModel): string | undefined {
  return model.memberClass;
}

/** The most frequent string, the first in sorted order among equals. */
function mostCommon(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: string | undefined;
  for (const [value, count] of [...counts].sort(([a], [b]) => compare(a, b))) if (best === undefined || count > (counts.get(best) ?? 0)) best = value;
  return best;
}

/** Code-unit order: the same everywhere, whatever the locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The order definitions are declared in: a definition after the ones it extends and embeds
 * (`t.node(Book)` needs `Book` declared), otherwise by identifier. An embedding that closes a
 * cycle is cut (returned in `cut`, written as any node).
 */
function declarationOrder<T extends { readonly plan: ClassPlan; readonly properties: readonly PropertyCode[]; readonly base: string | undefined }>(
  bodies: ReadonlyMap<string, T>,
): Array<T & { readonly cut: ReadonlySet<string> }> {
  const out: Array<T & { readonly cut: ReadonlySet<string> }> = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (ident: string): void => {
    const body = bodies.get(ident);
    if (body === undefined || state.has(ident)) return;
    state.set(ident, 'visiting');
    const cut = new Set<string>();
    if (body.base !== undefined) visit(body.base);
    for (const dep of [...new Set(body.properties.flatMap((p) => p.embeds))].sort(compare)) {
      if (state.get(dep) === 'visiting') cut.add(dep);
      else visit(dep);
    }
    state.set(ident, 'done');
    out.push({ ...body, cut });
  };
  for (const ident of [...bodies.keys()].sort(compare)) visit(ident);
  return out;
}
