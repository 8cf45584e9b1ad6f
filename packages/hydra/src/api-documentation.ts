/**
 * The Hydra API documentation generated from type definitions and their declared actions: what
 * the server serves (linked from every response) and what the docs site renders.
 *
 * @module
 */
import { expandTerm, XSD, type AnyKind, type AnyTypeDef, type NodeOf, type Registry } from '@hyperld/core';
import { actionSpecOf } from './actions.js';
import type { ApiDocumentation, HydraClass, Operation, SupportedProperty } from './vocabulary.js';

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
  /** Where a client starts. */
  readonly entrypoint?: string;
  /** Which registered types to document (default: all but the Hydra vocabulary's own). */
  readonly include?: (def: AnyTypeDef) => boolean;
}

function rangeOf(kind: AnyKind, def: AnyTypeDef, registry: Registry): string | undefined {
  const spec = kind.spec;
  switch (spec.tag) {
    case 'string':
    case 'enum':
      return `${XSD}string`;
    case 'number':
      return `${XSD}decimal`;
    case 'integer':
      return `${XSD}integer`;
    case 'boolean':
      return `${XSD}boolean`;
    case 'dateTime':
      return `${XSD}dateTime`;
    case 'json':
      return 'http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON';
    case 'link': {
      const target = spec.target !== undefined ? registry.lookup(spec.target) : undefined;
      return target?.iri;
    }
    case 'node': {
      const targets = spec.targets?.();
      return targets?.length === 1 ? targets[0]?.iri : undefined;
    }
    case 'list':
      return rangeOf(spec.item, def, registry);
    default:
      return undefined;
  }
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

/**
 * Generates the Hydra API documentation of the registered types: a `hydra:Class` per type with
 * its supported properties (readable, writable, required) and a `hydra:Operation` per declared
 * action (method, expects, returns). The result is a typed node that encodes to JSON-LD and
 * decodes back losslessly with the Hydra registry.
 *
 * @param registry - the registry holding the types.
 * @param options - the documentation's IRI, title, entry point and which types to include.
 * @returns the `hydra:ApiDocumentation` node.
 * @example
 * ```ts
 * import { apiDocumentation, hydraRegistry } from '@hyperld/hydra';
 * const doc = apiDocumentation(hydraRegistry, { id: '/docs.jsonld', include: () => true });
 * doc.supportedClass.length; // one class per Hydra type
 * ```
 */
export function apiDocumentation(registry: Registry, options: ApiDocumentationOptions): NodeOf<typeof ApiDocumentation> {
  const include = options.include ?? ((def: AnyTypeDef) => !def.iri.startsWith('http://www.w3.org/ns/hydra/core#'));
  const classes: NodeOf<typeof HydraClass>[] = [];
  for (const def of registry.types.values()) {
    if (!include(def)) continue;
    const supportedProperty: NodeOf<typeof SupportedProperty>[] = [];
    const supportedOperation: NodeOf<typeof Operation>[] = [
      {
        '@type': 'hydra:Operation',
        title: `get ${def.type}`,
        method: 'GET',
        returns: def.iri,
        possibleStatus: [{ '@type': 'hydra:Status', statusCode: 200, title: 'OK' }],
      },
    ];
    for (const [key, kind] of Object.entries(def.properties) as [string, AnyKind][]) {
      if (kind.spec.tag === 'id') continue;
      const action = actionSpecOf(kind);
      const range = rangeOf(kind, def, registry);
      supportedProperty.push({
        '@type': 'hydra:SupportedProperty',
        property: propertyIri(def, key, kind),
        title: key,
        ...(kind.description !== undefined ? { description: kind.description } : {}),
        required: !kind.isOptional,
        readable: true,
        writable: false,
        ...(range !== undefined ? { range } : {}),
      });
      if (action) {
        const returns = action.returns !== undefined ? registry.lookup(action.returns)?.iri : undefined;
        const expects = action.expects !== undefined ? registry.lookup(action.expects)?.iri : undefined;
        supportedOperation.push({
          '@type': 'hydra:Operation',
          title: key,
          method: action.method,
          ...(action.description !== undefined ? { description: action.description } : {}),
          expects: expects ?? null,
          returns: returns ?? null,
          possibleStatus: [{ '@type': 'hydra:Status', statusCode: action.status ?? 200 }],
        });
      }
    }
    classes.push({
      '@type': 'hydra:Class',
      id: def.iri,
      title: def.type,
      ...(def.description !== undefined ? { description: def.description } : {}),
      supportedProperty,
      supportedOperation,
    });
  }
  return {
    '@type': 'hydra:ApiDocumentation',
    '@context': 'http://www.w3.org/ns/hydra/context.jsonld',
    id: options.id,
    ...(options.title !== undefined ? { title: options.title } : {}),
    ...(options.description !== undefined ? { description: options.description } : {}),
    ...(options.entrypoint !== undefined ? { entrypoint: options.entrypoint } : {}),
    supportedClass: classes,
  };
}
