/**
 * The `hyperld` binary as built (ESM `dist/bin.js`, which `bin` names, and its CommonJS twin),
 * installed in a temporary project. The workspace packages it imports are linked in and run from
 * source (with tsx), so that no `pnpm build` of them is needed first.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPackage, PACKAGES } from './helpers/build-package.js';

const run = promisify(execFile);
const project = mkdtempSync(join(tmpdir(), 'hyperld-cli-'));
const cli = join(project, 'node_modules', '@hyperld', 'cli');
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const { version } = JSON.parse(readFileSync(new URL('cli/package.json', PACKAGES), 'utf8')) as { version: string };

/** Runs a built binary of the CLI with its arguments. */
async function hyperld(bin: string, args: string[]) {
  const env = { ...process.env };
  delete env['NODE_OPTIONS'];
  return run(process.execPath, ['--conditions=@hyperld/source', '--import', tsx, join(cli, 'dist', bin), ...args], { cwd: project, env });
}

beforeAll(async () => {
  mkdirSync(cli, { recursive: true });
  copyFileSync(new URL('cli/package.json', PACKAGES), join(cli, 'package.json'));
  for (const name of ['core', 'hydra', 'textus']) symlinkSync(fileURLToPath(new URL(name, PACKAGES)), join(project, 'node_modules', '@hyperld', name), 'dir');
  await buildPackage('cli', join(cli, 'dist'));
}, 120_000);

afterAll(() => rmSync(project, { recursive: true, force: true }));

describe('the built hyperld binary', () => {
  it.each(['bin.js', 'bin.cjs'])('prints the version of its package.json for --version (%s)', async (bin) => {
    expect(await hyperld(bin, ['--version'])).toEqual({ stdout: `${version}\n`, stderr: '' });
  });
});
