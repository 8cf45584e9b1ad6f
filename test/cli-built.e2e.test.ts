/**
 * The `hyperld` binary as built (ESM `dist/bin.js`, which `bin` names, and its CommonJS twin),
 * installed in a temporary project. The workspace packages it imports are linked in and run from
 * source (with tsx), so that no `pnpm build` of them is needed first.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
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

/** Runs a built binary of the CLI with its arguments; resolves to its exit status and output. */
async function hyperld(bin: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env };
  delete env['NODE_OPTIONS'];
  try {
    const { stdout, stderr } = await run(process.execPath, ['--conditions=@hyperld/source', '--import', tsx, join(cli, 'dist', bin), ...args], { cwd: project, env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code?: unknown; stdout?: string; stderr?: string };
    if (typeof code !== 'number') throw error;
    return { code, stdout: stdout ?? '', stderr: stderr ?? '' };
  }
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
    expect(await hyperld(bin, ['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('reads files as bytes: bytes that are not UTF-8 are an input error naming the offset', async () => {
    // "café" in Latin-1: the é is the one byte 0xE9.
    writeFileSync(join(project, 'latin1.json'), Buffer.concat([Buffer.from('{"@type": "Account", "name": "caf'), Buffer.of(0xe9), Buffer.from('"}')]));
    expect(await hyperld('bin.js', ['validate', 'latin1.json'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'hyperld: latin1.json: expected UTF-8 text, found an invalid byte sequence at byte 33 (invalid_utf8)\n',
    });
  });
});
