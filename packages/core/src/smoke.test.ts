import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sampleRegistry } from './__fixtures__/sample-vocab.js';

const seed = readFileSync(new URL('../../../test/fixtures/000_bd34847030ad49a7.txt', import.meta.url), 'utf8');
const body = seed.slice(seed.indexOf('\n', seed.indexOf('Example Body')) + 1);

describe('seed', () => {
  it('decodes', () => {
    const node = sampleRegistry.decode(body, { base: 'https://api.example/contacts/DQeeO69/conversations', strict: true });
    expect(JSON.stringify(node)).toBe(JSON.stringify(JSON.parse(body)));
  });
});
