/**
 * The CommonJS build's `./jsonld.ts` (`tsup.config.ts` swaps it in): the same module, with a
 * `require` that a `try` can surround in place of the top-level `await import()`.
 */
import type JsonLd from 'jsonld';
import { missingPeer } from './missing-peer.js';

function load(): typeof JsonLd {
  try {
    return require('jsonld') as typeof JsonLd;
  } catch (error) {
    throw missingPeer('jsonld', error);
  }
}

const jsonld = load();

export default jsonld;
