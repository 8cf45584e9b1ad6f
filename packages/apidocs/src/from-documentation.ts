/**
 * A reference from a Hydra API documentation, as `@hyperld/hydra`'s `readApiDocumentation` reads
 * it (whatever server wrote it: API Platform 3.x or 4.x, hydra-box, kopflos, hyperld): one class
 * per supported class, its supported properties and operations, and those of its link properties.
 *
 * @module
 */
import type { ApiDocumentationModel, ClassModel, OperationModel, PropertyModel } from '@hyperld/hydra/discovery';
import type { ClassReference, OperationReference, PropertyReference } from './model.js';
import { localName } from './names.js';

const XSD = 'http://www.w3.org/2001/XMLSchema#';
const HYDRA = 'http://www.w3.org/ns/hydra/core#';

/**
 * The name a documentation gives a class or property: its `rdfs:label` (the term servers give it
 * in their contexts), else its title, else the IRI's local name.
 *
 * @param node - a class or property of the model.
 * @returns the name.
 * @example
 * ```ts
 * import { documentedName } from '@hyperld/apidocs';
 * documentedName({ iri: 'http://schema.org/Book' }); // 'Book'
 * ```
 */
export function documentedName(node: { readonly iri: string; readonly label?: string; readonly title?: string }): string {
  return node.label ?? node.title ?? localName(node.iri);
}

/** A property's kind in words, from what the documentation says of it. */
function kindOf(p: PropertyModel, classes: ReadonlyMap<string, ClassModel>): string {
  if (p.memberClass !== undefined) return 'link to a collection';
  if (p.link) return 'link';
  if (p.range === undefined) return 'value';
  if (p.range.startsWith(XSD)) return `value (${p.range.slice(XSD.length)})`;
  if (classes.has(p.range) || p.range.startsWith(HYDRA)) return 'embedded node or link';
  return 'value';
}

function operationOf(o: OperationModel, name: string | undefined, target: string | undefined): OperationReference {
  return {
    ...(name !== undefined ? { name } : {}),
    method: o.method,
    ...(o.title !== undefined ? { title: o.title } : {}),
    ...(o.description !== undefined ? { description: o.description } : {}),
    ...(target !== undefined ? { target } : {}),
    ...(o.expects !== undefined ? { expects: o.expects } : {}),
    ...(o.returns !== undefined ? { returns: o.returns } : {}),
    statuses: o.possibleStatus,
  };
}

function propertyOf(p: PropertyModel, classes: ReadonlyMap<string, ClassModel>): PropertyReference {
  const range = p.memberClass ?? p.range;
  return {
    name: documentedName(p),
    iri: p.iri,
    kind: kindOf(p, classes),
    range: range !== undefined ? [range] : [],
    required: p.required,
    readable: p.readable,
    writable: p.writable,
    ...(p.description !== undefined ? { description: p.description } : {}),
  };
}

/**
 * The classes of an API documentation, as a reference shows them: each class's properties (its
 * superclasses' ones included and marked), its own operations (target: the instance's IRI) and
 * the operations of its link properties (target: the link's value).
 *
 * @param doc - the documentation, read by `readApiDocumentation`.
 * @returns one class reference per supported class, in the documentation's order.
 * @example
 * ```ts
 * import { readApiDocumentation } from '@hyperld/hydra/discovery';
 * import { classesFromDocumentation } from '@hyperld/apidocs';
 * const doc = readApiDocumentation(
 *   { '@context': 'http://www.w3.org/ns/hydra/context.jsonld', '@id': '/docs', '@type': 'ApiDocumentation', supportedClass: [{ '@id': 'http://schema.org/Book', '@type': 'Class', title: 'Book' }] },
 *   { base: 'https://api.example/docs' },
 * );
 * classesFromDocumentation(doc)[0]?.name; // 'Book'
 * ```
 */
export function classesFromDocumentation(doc: ApiDocumentationModel): ClassReference[] {
  const out: ClassReference[] = [];
  for (const c of doc.classes.values()) {
    const own = c.properties.map((p) => propertyOf(p, doc.classes));
    const names = new Set(own.map((p) => p.name));
    const inherited: PropertyReference[] = [];
    // Superclasses' properties, nearest first, each class visited once (cycles are harmless).
    const seen = new Set<string>([c.iri]);
    const queue = [...c.subClassOf];
    while (queue.length > 0) {
      const iri = queue.shift() as string;
      if (seen.has(iri)) continue;
      seen.add(iri);
      const base = doc.classes.get(iri);
      if (base === undefined) continue;
      for (const p of base.properties) {
        const ref = propertyOf(p, doc.classes);
        if (names.has(ref.name)) continue;
        names.add(ref.name);
        inherited.push({ ...ref, inheritedFrom: iri });
      }
      queue.push(...base.subClassOf);
    }
    const operations: OperationReference[] = [
      ...c.operations.map((o) => operationOf(o, undefined, 'the instance’s IRI')),
      ...c.properties.flatMap((p) => p.operations.map((o) => operationOf(o, documentedName(p), `the ${documentedName(p)} link’s value`))),
    ];
    out.push({
      iri: c.iri,
      name: documentedName(c),
      ...(c.description !== undefined ? { description: c.description } : {}),
      subClassOf: c.subClassOf,
      properties: [...own, ...inherited],
      operations,
      facts: c.memberClass !== undefined ? [['Members', c.memberClass]] : [],
    });
  }
  return out;
}
