/**
 * Starts the reference TextUs server with the docs site beside the API: `/` is the site,
 * `/explorer/` the hypermedia explorer, and every API route answers as usual (API routes are
 * tried first; the site's files only answer paths the API does not have).
 *
 *   npx tsx --conditions=@hyperld/source scripts/serve-docs.ts [--build] [--no-typedoc] [--dir docs/site]
 *
 * `--build` builds the site first (with `docs/src/build.ts`, or only the explorer while that file
 * does not exist). The port, host and database come from `PORT` (default 8080) and `TEXTUS_DB`
 * (default `data/textus.db`), as for the plain server. Besides the server's own lines (base URL,
 * demo token, curl), it prints the URL of each part the site holds: home, library reference,
 * explorer. SIGINT or SIGTERM closes the server and the store, then exits 0.
 *
 * @module
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
// The repo root depends on no workspace package (scripts/ has no node_modules/@hyperld), so the
// server comes from its source, as the benchmarks take it; docs/src reaches the same module
// through docs/node_modules with the `@hyperld/source` condition.
import { startTextusServer } from '../packages/textus-server/src/index.js';
import { buildExplorer } from '../docs/src/explorer-build.js';
import { staticRoutes } from '../docs/src/static-route.js';

const repo = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const dirFlag = args.indexOf('--dir');
const siteDir = resolve(repo, (dirFlag >= 0 ? args[dirFlag + 1] : undefined) ?? 'docs/site');

if (args.includes('--build')) {
  const started = performance.now();
  const buildModule = join(repo, 'docs/src/build.ts');
  if (existsSync(buildModule)) {
    const { buildSite } = (await import('../docs/src/build.js' as string)) as { buildSite: (outDir: string, options: { typedoc: boolean }) => Promise<unknown> };
    await buildSite(siteDir, { typedoc: !args.includes('--no-typedoc') });
  } else {
    await buildExplorer(siteDir);
  }
  console.log(`Built ${siteDir} in ${Math.round(performance.now() - started)} ms`);
}
// The handlers are installed before the server starts: it announces "listening on" as soon as it
// listens, and a supervisor may signal at once (the default action would kill the process, and
// pnpm would then die by the signal too). Before the server is up there is nothing to close.
let server: Awaited<ReturnType<typeof startTextusServer>> | undefined;
let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  if (server === undefined) process.exit(0);
  server.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server = await startTextusServer({ extraRoutes: staticRoutes(siteDir, { mount: '/' }) });
// Only what the directory holds is announced: a site built --no-typedoc has no library reference,
// and `--build` without docs/src/build.ts writes the explorer alone.
const parts: ReadonlyArray<readonly [label: string, file: string, path: string]> = [
  ['Docs site:', 'index.html', '/'],
  ['Library reference:', 'api/index.html', '/api/'],
  ['Explorer:', 'explorer/index.html', '/explorer/'],
];
const present = parts.filter(([, file]) => existsSync(join(siteDir, ...file.split('/'))));
if (present.length === 0) console.warn(`warning: ${siteDir} has no site yet; run with --build to build it.`);
const width = Math.max(...present.map(([label]) => label.length));
for (const [label, , path] of present) console.log(`${label.padEnd(width)} ${server.url}${path}`);



