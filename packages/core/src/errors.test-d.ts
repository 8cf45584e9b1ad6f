/**
 * Type tests: the codes an error of the family takes, and what `is` narrows to.
 */
import { describe, expectTypeOf, it } from 'vitest';
import { DecodeError, HyperldError, type ErrorCode } from './index.js';

class StoreError extends HyperldError<'locked' | 'corrupt'> {
  static override readonly errorName: string = 'StoreError';
}

describe('the error family', () => {
  it("takes only codes of a class's own table", () => {
    expectTypeOf(new HyperldError('cycle', 'x').code).toEqualTypeOf<ErrorCode>();
    expectTypeOf(new StoreError('locked', 'x').code).toEqualTypeOf<'locked' | 'corrupt'>();
    // @ts-expect-error not a code of core's table
    new HyperldError('locked', 'x');
    // @ts-expect-error not a code of the store's table
    new StoreError('cycle', 'x');
  });

  it('narrows with is to the class it is asked of', () => {
    const caught: unknown = undefined;
    if (DecodeError.is(caught)) expectTypeOf(caught).toEqualTypeOf<DecodeError>();
    if (StoreError.is(caught)) expectTypeOf(caught.code).toEqualTypeOf<'locked' | 'corrupt'>();
    if (HyperldError.is(caught)) expectTypeOf(caught.code).toEqualTypeOf<string>();
  });
});
