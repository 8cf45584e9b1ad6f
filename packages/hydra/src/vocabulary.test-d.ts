/**
 * Type tests: the Hydra definitions keep their precise node types through their named
 * interfaces, and the annotated registry has exactly the type `createRegistry` infers.
 *
 * @module
 */
import type { GenericNode, Link, NodeOf, RegisteredDefs, Registry } from '@hyperld/core';
import { describe, expectTypeOf, it } from 'vitest';
import { hydraRegistry, hydraTypes, type CollectionDef, type HydraTypes, type IriTemplateDef, type PartialCollectionViewDef } from './index.js';
import type { Collection, Operation, StatusDef } from './index.js';

describe('the Hydra definitions', () => {
  it('are their named interfaces', () => {
    expectTypeOf<typeof Collection>().toEqualTypeOf<CollectionDef>();
    expectTypeOf<HydraTypes>().toEqualTypeOf<(typeof hydraTypes)[number]>();
    expectTypeOf<HydraTypes['type']>().toEqualTypeOf<
      | 'hydra:Collection'
      | 'hydra:PartialCollectionView'
      | 'hydra:IriTemplate'
      | 'hydra:IriTemplateMapping'
      | 'hydra:Operation'
      | 'hydra:Status'
      | 'hydra:SupportedProperty'
      | 'hydra:Class'
      | 'hydra:Link'
      | 'hydra:ApiDocumentation'
      | 'hydra:Error'
    >();
  });

  it('type their nodes as precisely as before', () => {
    type C = NodeOf<typeof Collection>;
    expectTypeOf<C['@type']>().toEqualTypeOf<'hydra:Collection'>();
    expectTypeOf<C['member']>().toEqualTypeOf<GenericNode[] | undefined>();
    expectTypeOf<C['view']>().toEqualTypeOf<NodeOf<PartialCollectionViewDef> | undefined>();
    expectTypeOf<NonNullable<C['view']>['next']>().toEqualTypeOf<Link | null | undefined>();
    expectTypeOf<NonNullable<C['search']>>().toEqualTypeOf<NodeOf<IriTemplateDef>>();
    expectTypeOf<NonNullable<NodeOf<typeof Operation>['possibleStatus']>>().toEqualTypeOf<NodeOf<StatusDef>[]>();
  });
});

describe('hydraRegistry', () => {
  it('holds what createRegistry registers for hydraTypes, by name', () => {
    expectTypeOf<RegisteredDefs<(typeof hydraTypes)[number]>>().toEqualTypeOf<HydraTypes>();
    expectTypeOf(hydraRegistry).toEqualTypeOf<Registry<RegisteredDefs<(typeof hydraTypes)[number]>>>();
    expectTypeOf(hydraRegistry.get('hydra:Collection')).toEqualTypeOf<CollectionDef>();
  });
});
