/**
 * The CommonJS build's `./fast-check.ts` (`tsup.config.ts` swaps it in): the same module, with a
 * `require` that a `try` can surround in place of the top-level `await import()`.
 */
import type * as FastCheck from 'fast-check';
import { missingPeer } from './missing-peer.js';

function load(): typeof FastCheck {
  try {
    return require('fast-check') as typeof FastCheck;
  } catch (error) {
    throw missingPeer('fast-check', error);
  }
}

const fc = load();

export default fc;
