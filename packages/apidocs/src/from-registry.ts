/**
 * A reference from a registry, in process: one class per registered type, its properties read
 * from their kinds (what each holds, what it links to, whether it may be `null` or absent) and its
 * actions from their specs (method, what they expect and return). The endpoints, with their
 * examples, come from the caller, who knows the routes and can run the server.
 *
 * @module
 */
import type { AnyKind, AnyTypeDef, Registry } from '@hyperld/core';
import { actionSpecOf } from '@hyperld/hydra';
import type { ApiReference, ClassReference, EndpointReference, OperationReference, PropertyReference } from './model.js';

/**
 * Options of {@link referenceFromRegistry}.
 *
 * @example
 * ```ts
 * import type { RegistryReferenceOptions } from '@hyperld/apidocs';
 * const options: RegistryReferenceOptions = { title: 'TextUs API reference', headers: { Accept: 'application/vnd.textus+jsonld' }, endpoints: [] };
 * ```
 */
export interface RegistryReferenceOptions {
  /** The reference's title. */
  readonly title: string;
  /** What the API is. */
  readonly description?: string;
  /** The header fields of the `curl` examples. */
  readonly headers: Readonly<Record<string, string>>;
  /** The routes, with the examples the caller made by running them. */
  readonly endpoints: readonly EndpointReference[];
  /** Where an action of a type is sent (a path template) and the endpoint serving it, when known. */
  readonly actionTarget?: (def: AnyTypeDef, action: string) => { readonly target: string; readonly endpoint?: string } | undefined;
  /** A property's description when its kind has none (the `id` property's, say). */
  readonly describe?: (def: AnyTypeDef, key: string, kind: AnyKind) => string | undefined;
  /** Whether a client may send the property (default: every property but the node's `id`). */
  readonly writable?: (def: AnyTypeDef, key: string, kind: AnyKind) => boolean;
}

/**
 * A kind in words, and the terms of the types it links to or embeds (`any` when it names none).
 *
 * @param kind - a property's kind.
 * @returns its description, its target types' terms, and whether any type may be the target.
 * @example
 * ```ts
 * import { t } from '@hyperld/core';
 * import { describeKind } from '@hyperld/apidocs';
 * describeKind(t.link('Timeline')); // { kind: 'link', targets: ['Timeline'], anyTarget: false }
 * ```
 */
export function describeKind(kind: AnyKind): { readonly kind: string; readonly targets: readonly string[]; readonly anyTarget: boolean } {
  const spec = kind.spec;
  switch (spec.tag) {
    case 'id':
      return { kind: 'the node IRI', targets: [], anyTarget: false };
    case 'dateTime':
      return { kind: 'date-time (ISO 8601 text)', targets: [], anyTarget: false };
    case 'json':
      return { kind: 'free-form JSON', targets: [], anyTarget: false };
    case 'enum':
      return {
        kind: `enumeration (${spec.open ? 'open: other values may appear' : 'closed'}): ${spec.values.map((v) => `\`${v}\``).join(', ')}`,
        targets: [],
        anyTarget: false,
      };
    case 'link':
      return { kind: 'link', targets: spec.target !== undefined ? [spec.target] : [], anyTarget: spec.target === undefined };
    case 'node': {
      const targets = spec.targets ? spec.targets().map((d) => d.type) : [];
      return { kind: 'embedded node', targets, anyTarget: targets.length === 0 };
    }
    case 'list': {
      const item = describeKind(spec.item);
      return { kind: `list of ${item.kind}`, targets: item.targets, anyTarget: item.anyTarget };
    }
    case 'union': {
      const options = spec.options.map(describeKind);
      return {
        kind: `one of: ${options.map((o) => o.kind).join(' or ')}`,
        targets: [...new Set(options.flatMap((o) => o.targets))],
        anyTarget: options.some((o) => o.anyTarget),
      };
    }
    default:
      return { kind: spec.tag, targets: [], anyTarget: false };
  }
}

/** The definition a property comes from: the highest ancestor that declares the very same kind. */
function declaredIn(def: AnyTypeDef, key: string): AnyTypeDef {
  let origin = def;
  for (let base = def.base; base !== undefined; base = base.base) {
    if (Object.hasOwn(base.properties, key) && (base.properties as Record<string, AnyKind>)[key] === (def.properties as Record<string, AnyKind>)[key]) origin = base;
    else break;
  }
  return origin;
}

const XSD = 'http://www.w3.org/2001/XMLSchema#';
const DATATYPES: Readonly<Record<string, string>> = { string: `${XSD}string`, number: `${XSD}decimal`, integer: `${XSD}integer`, boolean: `${XSD}boolean`, dateTime: `${XSD}dateTime` };

/**
 * The reference of a registry's types, with the endpoints given.
 *
 * @param registry - the registry (its types, in registration order, are the classes).
 * @param options - the title, the `curl` headers, the endpoints, where actions go.
 * @returns the reference.
 * @example
 * ```ts
 * import { hydraRegistry } from '@hyperld/hydra';
 * import { referenceFromRegistry } from '@hyperld/apidocs';
 * const reference = referenceFromRegistry(hydraRegistry, { title: 'Hydra types', headers: {}, endpoints: [] });
 * reference.classes.some((c) => c.name === 'hydra:Collection'); // true
 * ```
 */
export function referenceFromRegistry(registry: Pick<Registry, 'types'>, options: RegistryReferenceOptions): ApiReference {
  const iriOf = (term: string): string => registry.types.get(term)?.iri ?? term;
  const classes: ClassReference[] = [];
  for (const def of registry.types.values()) {
    const properties: PropertyReference[] = [];
    const operations: OperationReference[] = [];
    for (const [key, kind] of Object.entries(def.properties as Record<string, AnyKind>)) {
      const spec = actionSpecOf(kind);
      if (spec !== undefined) {
        const where = options.actionTarget?.(def, key);
        operations.push({
          name: key,
          method: spec.method,
          ...(kind.description !== undefined ? { description: kind.description } : {}),
          target: where?.target ?? 'the action link’s value',
          ...(where?.endpoint !== undefined ? { endpoint: where.endpoint } : {}),
          ...(spec.expects !== undefined ? { expects: iriOf(spec.expects) } : {}),
          ...(spec.returns !== undefined ? { returns: iriOf(spec.returns) } : {}),
          statuses: [spec.status ?? 200],
        });
        continue;
      }
      const described = describeKind(kind);
      const datatype = DATATYPES[kind.spec.tag];
      const origin = declaredIn(def, key);
      const description = kind.description ?? options.describe?.(def, key, kind);
      properties.push({
        name: key,
        iri: (def.propertyIris as Record<string, string>)[key] ?? key,
        kind: described.kind,
        range: described.targets.length > 0 ? described.targets.map(iriOf) : datatype !== undefined ? [datatype] : [],
        required: !kind.isOptional,
        readable: true,
        writable: options.writable?.(def, key, kind) ?? kind.spec.tag !== 'id',
        nullable: kind.isNullable,
        ...(description !== undefined ? { description } : {}),
        ...(origin !== def ? { inheritedFrom: origin.iri } : {}),
      });
    }
    classes.push({
      iri: def.iri,
      name: def.type,
      ...(def.description !== undefined ? { description: def.description } : {}),
      subClassOf: def.base !== undefined ? [def.base.iri] : [],
      properties,
      operations,
      facts: [['Context', def.context]],
    });
  }
  return {
    title: options.title,
    ...(options.description !== undefined ? { description: options.description } : {}),
    headers: options.headers,
    classes,
    endpoints: options.endpoints,
  };
}
