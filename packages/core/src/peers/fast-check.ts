/**
 * fast-check, the optional peer dependency of `@hyperld/core/testing`, loaded so that a missing
 * install is an error that says what to install. A static `import` cannot say it: an ES module's
 * imports are resolved before any of its code runs, so Node's bare `ERR_MODULE_NOT_FOUND` would
 * come first. The CommonJS build takes `./fast-check.cjs.ts` instead (see `tsup.config.ts`),
 * because a top-level `await` cannot be CommonJS; each build thus gets the copy of fast-check
 * (ESM or CommonJS) that the tests importing it get.
 */
import type * as FastCheck from 'fast-check';
import { missingPeer } from './missing-peer.js';

const fc: typeof FastCheck = await import('fast-check').catch((error: unknown) => {
  throw missingPeer('fast-check', error);
});

export default fc;
