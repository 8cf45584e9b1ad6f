/**
 * The error a template function throws, for tests that look at its code and details.
 *
 * @module
 */
import { isIriTemplateError, type IriTemplateError } from '../errors.js';

/** Runs `run` and returns the IriTemplateError it throws (any other throw, or none, fails). */
export function thrown(run: () => unknown): IriTemplateError {
  try {
    run();
  } catch (error) {
    if (isIriTemplateError(error)) return error;
    throw error;
  }
  throw new Error('expected an IriTemplateError, nothing was thrown');
}
