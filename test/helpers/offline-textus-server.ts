/**
 * The set-up the interop suites share: the reference server on an ephemeral loopback port, and
 * the global `fetch` replaced by an offline network that passes requests to that server and
 * serves the published contexts from the project's own copies, for the whole suite.
 *
 * @module
 */
import { afterAll, beforeAll } from 'vitest';
import { offlineNetwork, PUBLISHED_CONTEXTS, type OfflineNetwork } from './offline-network.js';
import { startMemoryServer, type TestServer } from './textus-server.js';

/** The suite's server and network, set once `beforeAll` has run. */
export interface OfflineTextusServer {
  readonly server: TestServer;
  readonly network: OfflineNetwork;
}

/**
 * Registers `beforeAll`/`afterAll` hooks that start the reference server and install the offline
 * network as the global `fetch` (libraries that take no fetch option, and JSON-LD parsers inside
 * the clients, call the global one), then restore both.
 *
 * @returns a handle whose `server` and `network` are readable from the first test on.
 */
export function useOfflineTextusServer(): OfflineTextusServer {
  let server: TestServer | undefined;
  let network: OfflineNetwork | undefined;
  let restore: (() => void) | undefined;
  beforeAll(async () => {
    server = await startMemoryServer();
    network = offlineNetwork({ allow: [server.url], documents: PUBLISHED_CONTEXTS });
    restore = network.install();
  });
  afterAll(async () => {
    restore?.();
    await server?.close();
  });
  const ready = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`useOfflineTextusServer: ${name} is read before beforeAll ran`);
    return value;
  };
  return {
    get server() {
      return ready(server, 'server');
    },
    get network() {
      return ready(network, 'network');
    },
  };
}
