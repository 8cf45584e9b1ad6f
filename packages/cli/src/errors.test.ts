import { HyperldError } from '@hyperld/core';
import { describe, expect, it, vi } from 'vitest';
import { CliError, CliErrorCodes, type CliErrorCode } from './errors.js';

describe('CliError', () => {
  it('takes its exit status from its code: 2 for usage and input errors, 1 otherwise', () => {
    const status = (code: CliErrorCode): number => new CliError(code, 'x').exitCode;
    expect(Object.fromEntries((Object.keys(CliErrorCodes) as CliErrorCode[]).map((code) => [code, status(code)]))).toEqual({
      usage_error: 2,
      input_error: 2,
      expand_failed: 1,
      unknown_type: 1,
      types_error: 2,
      example_failed: 1,
    });
  });

  it('is a HyperldError, recognised by CliError.is across a duplicate install', async () => {
    // Arrange: another copy of the module (and of core beneath it).
    vi.resetModules();
    const copy = await import('./errors.js');
    expect(copy.CliError).not.toBe(CliError);
    // Act
    const theirs = new copy.CliError('usage_error', 'missing command');
    const ours = new CliError('input_error', 'page.json: no such file');
    // Assert
    expect(theirs).not.toBeInstanceOf(CliError);
    for (const error of [theirs, ours]) {
      expect(CliError.is(error)).toBe(true);
      expect(copy.CliError.is(error)).toBe(true);
      expect(HyperldError.is(error)).toBe(true);
      expect(error.name).toBe('CliError');
      expect(error.exitCode).toBe(2);
    }
    expect(ours).toBeInstanceOf(HyperldError);
    expect(CliError.is(new HyperldError('invalid_definition', 'x'))).toBe(false);
  });
});
