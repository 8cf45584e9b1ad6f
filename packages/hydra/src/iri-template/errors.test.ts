import { describe, expect, it } from 'vitest';
import { IriTemplateError, isIriTemplateError } from './errors.js';

describe('isIriTemplateError', () => {
  it('recognises the error by name, also from another copy of the package', () => {
    expect(isIriTemplateError(new IriTemplateError('missing_variable', 'x'))).toBe(true);
    const foreign = Object.assign(new Error('x'), { name: 'IriTemplateError', code: 'invalid_template' });
    expect(isIriTemplateError(foreign)).toBe(true);
    expect(isIriTemplateError(new Error('x'))).toBe(false);
    expect(isIriTemplateError(Object.assign(new Error('x'), { name: 'IriTemplateError' }))).toBe(false);
    expect(isIriTemplateError(null)).toBe(false);
    expect(isIriTemplateError('IriTemplateError')).toBe(false);
  });
});
