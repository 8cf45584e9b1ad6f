import { describe, expect, it } from 'vitest';
import { hydraRegistry } from '../vocabulary.js';
import { HYDRA_CONTEXT, HYDRA_CONTEXT_DOCUMENT } from './hydra-context.js';
import { HYDRA_ERROR_CONTEXT, HYDRA_ERROR_CONTEXT_DOCUMENT } from './hydra-error-context.js';
import { publishedHydraContext } from './published.js';

describe('publishedHydraContext', () => {
  it('finds the two published documents by URL, as written or relative to a base', () => {
    expect(publishedHydraContext(HYDRA_CONTEXT)).toBe(HYDRA_CONTEXT_DOCUMENT);
    expect(publishedHydraContext(HYDRA_ERROR_CONTEXT)).toBe(HYDRA_ERROR_CONTEXT_DOCUMENT);
    expect(publishedHydraContext('context.jsonld', 'http://www.w3.org/ns/hydra/core')).toBe(HYDRA_CONTEXT_DOCUMENT);
    expect(publishedHydraContext('/ns/hydra/error', 'http://www.w3.org/ns/hydra/core')).toBe(HYDRA_ERROR_CONTEXT_DOCUMENT);
  });

  it('answers nothing for other URLs, another scheme of Hydra\'s included', () => {
    expect(publishedHydraContext('/contexts/Error.jsonld', 'https://api.example/')).toBeUndefined();
    expect(publishedHydraContext('https://www.w3.org/ns/hydra/context.jsonld')).toBeUndefined();
    expect(publishedHydraContext('context.jsonld')).toBeUndefined();
  });

  it('answers as hydraRegistry does for every URL it holds, so readers need not load the Hydra types', () => {
    const urls = [...hydraRegistry.contexts.keys()];
    expect(urls.sort()).toEqual([HYDRA_CONTEXT, HYDRA_ERROR_CONTEXT].sort());
    for (const url of urls) expect(publishedHydraContext(url)).toBe(hydraRegistry.context(url));
  });
});
