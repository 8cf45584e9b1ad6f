import { describe, expect, it } from 'vitest';
import { missingPeer } from './missing-peer.js';

const notFound = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('missingPeer', () => {
  it('names the package and the install command when the peer itself is missing, keeping the code and the cause', () => {
    // Arrange
    const esm = notFound('ERR_MODULE_NOT_FOUND', "Cannot find package 'fast-check' imported from /app/node_modules/@hyperld/core/dist/testing.js");
    // Act
    const error = missingPeer('fast-check', esm) as Error & { code?: string };
    // Assert
    expect(error.message).toMatchInlineSnapshot(`"@hyperld/core/testing needs the 'fast-check' package, an optional peer dependency of @hyperld/core: npm i -D fast-check"`);
    expect(error.code).toBe('ERR_MODULE_NOT_FOUND');
    expect(error.cause).toBe(esm);
  });

  it('leaves every other failure as it is: a missing dependency of the peer, or the peer throwing', () => {
    const inner = notFound('MODULE_NOT_FOUND', "Cannot find module 'rdf-canonize'\nRequire stack:\n- /app/node_modules/jsonld/lib/jsonld.js");
    const thrown = new TypeError("Cannot read properties of undefined (reading 'jsonld')");
    expect(missingPeer('jsonld', inner)).toBe(inner);
    expect(missingPeer('jsonld', thrown)).toBe(thrown);
    expect(missingPeer('jsonld', 'jsonld')).toBe('jsonld');
  });
});
