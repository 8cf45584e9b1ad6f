import { HyperldError } from '@hyperld/core';
import { describe, expect, it, vi } from 'vitest';
import { HydraError } from '../errors.js';
import { HttpProblem, isReply, reply } from './reply.js';

describe('HttpProblem', () => {
  it('carries its status, title, detail and options, with the code http_error', () => {
    const problem = new HttpProblem(409, 'Conflict', 'Already closed.', { headers: { 'retry-after': '5' } });
    expect([problem.status, problem.title, problem.detail, problem.options]).toEqual([409, 'Conflict', 'Already closed.', { headers: { 'retry-after': '5' } }]);
    expect([problem.name, problem.code, problem.message]).toEqual(['HttpProblem', 'http_error', 'Already closed.']);
    expect(new HttpProblem(404, 'Not Found').message).toBe('Not Found');
  });

  it('is a HydraError and a HyperldError, recognised by HttpProblem.is across a duplicate install', async () => {
    // Arrange: a problem thrown by a handler built with another copy of the module.
    vi.resetModules();
    const copy = await import('./reply.js');
    expect(copy.HttpProblem).not.toBe(HttpProblem);
    // Act
    const theirs = new copy.HttpProblem(404, 'Not Found', 'No conversation /conversations/x.');
    const ours = new HttpProblem(400, 'Bad Request');
    // Assert: instanceof misses the other copy's problem; the brand does not.
    expect(theirs).not.toBeInstanceOf(HttpProblem);
    for (const error of [theirs, ours]) {
      expect(HttpProblem.is(error)).toBe(true);
      expect(copy.HttpProblem.is(error)).toBe(true);
      expect(HydraError.is(error)).toBe(true);
      expect(HyperldError.is(error)).toBe(true);
    }
    expect(HttpProblem.is(new HydraError('http_error', '404'))).toBe(false);
    expect(HttpProblem.is(Object.assign(new Error('Not Found'), { name: 'HttpProblem', status: 404 }))).toBe(false);
  });
});

describe('reply', () => {
  it('is told apart from a node', () => {
    expect(isReply(reply(null, { status: 204 }))).toBe(true);
    expect(isReply({ '@type': 'Thing' })).toBe(false);
  });
});
