/**
 * jsonld.js, the optional peer dependency of `@hyperld/core/jsonld`, loaded so that a missing
 * install is an error that says what to install. A static `import` cannot say it: an ES module's
 * imports are resolved before any of its code runs, so Node's bare `ERR_MODULE_NOT_FOUND` would
 * come first. The CommonJS build takes `./jsonld.cjs.ts` instead (see `tsup.config.ts`), because
 * a top-level `await` cannot be CommonJS.
 */
import type JsonLd from 'jsonld';
import { missingPeer } from './missing-peer.js';

const jsonld: typeof JsonLd = (
  await import('jsonld').catch((error: unknown) => {
    throw missingPeer('jsonld', error);
  })
).default;

export default jsonld;
