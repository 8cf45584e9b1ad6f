/**
 * The error family: one base class, one brand, a static `is` per class that works across
 * duplicate installs, subclasses with code tables of their own, and core's code table.
 */
import { describe, expect, it } from 'vitest';
import { DecodeError, ErrorCodes, HyperldError, isDecodeError, isHyperldError, type Violation } from './index.js';

const violation: Violation = { code: 'missing_type', path: '$', expected: 'a "@type"', found: 'no "@type"' };

/** A class of another layer, with codes of its own (as hydra's errors are). */
class StoreError extends HyperldError<'locked' | 'corrupt'> {
  static override readonly errorName: string = 'StoreError';
}

/** A subclass of it. */
class LockError extends StoreError {
  static override readonly errorName: string = 'LockError';
}

describe('HyperldError', () => {
  it('carries a code, a message, details, a cause and its class name', () => {
    // Arrange
    const cause = new Error('underlying');
    // Act
    const error = new HyperldError('invalid_jsonld', 'Invalid JSON-LD: @id value must be a string.', { cause, details: { jsonldCode: 'invalid @id value' } });
    // Assert
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('HyperldError');
    expect(error.code).toBe('invalid_jsonld');
    expect(error.details?.jsonldCode).toBe('invalid @id value');
    expect(error.cause).toBe(cause);
    expect('cause' in new HyperldError('cycle', 'no cause')).toBe(false);
    // The brand is not a key: nothing of it shows in keys, JSON or a spread.
    expect(Object.keys(error)).not.toContain(expect.stringContaining('brand'));
    expect(Object.getOwnPropertySymbols(error).every((s) => !Object.getOwnPropertyDescriptor(error, s)?.enumerable)).toBe(true);
  });

  it('is recognised by the is of its class and of every class it extends, and by nothing else', () => {
    const decode = new DecodeError([violation]);
    const store = new StoreError('locked', 'The store is locked.');
    const lock = new LockError('locked', 'Locked by another process.');
    expect([HyperldError.is(decode), DecodeError.is(decode), StoreError.is(decode)]).toEqual([true, true, false]);
    expect([HyperldError.is(store), DecodeError.is(store), StoreError.is(store), LockError.is(store)]).toEqual([true, false, true, false]);
    expect([HyperldError.is(lock), StoreError.is(lock), LockError.is(lock)]).toEqual([true, true, true]);
    expect([store.name, lock.name, decode.name]).toEqual(['StoreError', 'LockError', 'DecodeError']);
    for (const other of [new Error('x'), { name: 'DecodeError', code: 'missing_type' }, null, undefined, 'DecodeError', 42]) {
      expect(HyperldError.is(other)).toBe(false);
      expect(DecodeError.is(other)).toBe(false);
    }
  });

  it('is recognised across duplicate installs (another copy of the module), where instanceof fails', async () => {
    // Arrange: a second instance of this very module, as a second install would load.
    const copy = (await import(/* @vite-ignore */ `./errors.js?duplicate=${Date.now()}`)) as typeof import('./errors.js');
    expect(copy.HyperldError).not.toBe(HyperldError);
    // Act
    const theirs = new copy.DecodeError([violation]);
    const theirBase = new copy.HyperldError('cycle', 'A cycle.');
    // Assert
    expect(theirs).not.toBeInstanceOf(DecodeError);
    expect([HyperldError.is(theirs), DecodeError.is(theirs), isHyperldError(theirs), isDecodeError(theirs)]).toEqual([true, true, true, true]);
    expect([HyperldError.is(theirBase), DecodeError.is(theirBase)]).toEqual([true, false]);
    expect(copy.DecodeError.is(new DecodeError([violation]))).toBe(true);
  });

  it('keeps isHyperldError and isDecodeError as the same questions', () => {
    const decode = new DecodeError([violation]);
    expect([isHyperldError(decode), isDecodeError(decode)]).toEqual([true, true]);
    expect([isHyperldError(new StoreError('corrupt', 'x')), isDecodeError(new StoreError('corrupt', 'x'))]).toEqual([true, false]);
  });
});

describe('ErrorCodes', () => {
  it('documents every code in a sentence, with no code left that nothing raises', () => {
    for (const [code, text] of Object.entries(ErrorCodes)) expect(text.length, code).toBeGreaterThan(20);
    expect(Object.keys(ErrorCodes)).not.toContain('too_many_violations');
    expect(Object.keys(ErrorCodes)).toEqual(expect.arrayContaining(['invalid_jsonld', 'cycle', 'unknown_type']));
  });
});
