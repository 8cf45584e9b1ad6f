/**
 * The `hyperld` binary as built (ESM `dist/bin.js`, which `bin` names, and its CommonJS twin),
 * installed in a temporary project. The workspace packages it imports are linked in and run from
 * source (with tsx), so that no `pnpm build` of them is needed first.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGES } from './helpers/build-package.js';
import { builtCli } from './helpers/built-cli.js';

const tool = builtCli('hyperld-cli-');
const { project } = tool;
const hyperld = tool.run;
const { version } = JSON.parse(readFileSync(new URL('cli/package.json', PACKAGES), 'utf8')) as { version: string };

beforeAll(() => tool.install(), 120_000);

afterAll(() => tool.remove());

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
