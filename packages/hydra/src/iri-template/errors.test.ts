import { HyperldError } from '@hyperld/core';
import { describe, expect, it, vi } from 'vitest';
import { IriTemplateError, isIriTemplateError } from './errors.js';

describe('isIriTemplateError', () => {
  it('recognises the error by the family brand, also from another copy of the package', () => {
    expect(isIriTemplateError(new IriTemplateError('missing_variable', 'x'))).toBe(true);
    const foreign = Object.defineProperty(Object.assign(new Error('x'), { name: 'IriTemplateError', code: 'invalid_template' }), Symbol.for('@hyperld/error'), {
      value: ['IriTemplateError', 'HyperldError'],
    });
    expect(isIriTemplateError(foreign)).toBe(true);
    expect(isIriTemplateError(new Error('x'))).toBe(false);
    expect(isIriTemplateError(Object.assign(new Error('x'), { name: 'IriTemplateError' }))).toBe(false);
    // The name and a code, without the brand, are no longer enough.
    expect(isIriTemplateError(Object.assign(new Error('x'), { name: 'IriTemplateError', code: 'invalid_template' }))).toBe(false);
    expect(isIriTemplateError(null)).toBe(false);
    expect(isIriTemplateError('IriTemplateError')).toBe(false);
  });

  it('is a HyperldError, recognised by IriTemplateError.is across a duplicate install', async () => {
    // Arrange: another copy of the module (and of core beneath it).
    vi.resetModules();
    const copy = await import('./errors.js');
    expect(copy.IriTemplateError).not.toBe(IriTemplateError);
    // Act
    const theirs = new copy.IriTemplateError('invalid_template', 'Unclosed expression.', { template: '{x', offset: 0 });
    const ours = new IriTemplateError('missing_variable', 'No value for q.', { variable: 'q' });
    // Assert
    expect(theirs).not.toBeInstanceOf(IriTemplateError);
    for (const error of [theirs, ours]) {
      expect(IriTemplateError.is(error)).toBe(true);
      expect(copy.IriTemplateError.is(error)).toBe(true);
      expect(HyperldError.is(error)).toBe(true);
      expect(error.name).toBe('IriTemplateError');
    }
    expect(ours).toBeInstanceOf(HyperldError);
    expect([theirs.code, theirs.template, theirs.offset]).toEqual(['invalid_template', '{x', 0]);
    expect(IriTemplateError.is(new HyperldError('invalid_definition', 'x'))).toBe(false);
  });
});
