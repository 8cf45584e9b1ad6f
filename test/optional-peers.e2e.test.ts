/**
 * `@hyperld/core/jsonld` and `@hyperld/core/testing` as a user installs them: built (ESM and
 * CommonJS) into a temporary project. Without their optional peer dependency (`jsonld`,
 * `fast-check`), importing either fails with an error that names the package to install; with it,
 * both builds load and work.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPackage, PACKAGES } from './helpers/build-package.js';

const run = promisify(execFile);
const project = mkdtempSync(join(tmpdir(), 'hyperld-peers-'));
const core = join(project, 'node_modules', '@hyperld', 'core');

/** Runs a script in the temporary project with plain Node (no loader, no extra module path). */
async function node(format: 'esm' | 'cjs', script: string): Promise<string> {
  const env = { ...process.env };
  delete env['NODE_OPTIONS'];
  delete env['NODE_PATH'];
  const args = format === 'esm' ? ['--input-type=module', '-e', script] : ['-e', script];
  const { stdout } = await run(process.execPath, args, { cwd: project, env });
  return stdout;
}

/** Loads `specifier` in the given format and prints what the failure says, or `loaded`. */
const tryLoad = (format: 'esm' | 'cjs', specifier: string) => {
  const report = `(e) => console.log(JSON.stringify({ message: e.message, code: e.code, cause: e.cause?.code }))`;
  return format === 'esm'
    ? node('esm', `import(${JSON.stringify(specifier)}).then(() => console.log('"loaded"'), ${report});`)
    : node('cjs', `try { require(${JSON.stringify(specifier)}); console.log('"loaded"'); } catch (e) { (${report})(e); }`);
};

/** Links a package of the workspace's own install into the temporary project. */
function install(name: string): void {
  const from = realpathSync(dirname(createRequire(import.meta.url).resolve(`${name}/package.json`)));
  symlinkSync(from, join(project, 'node_modules', name), 'dir');
}

beforeAll(async () => {
  mkdirSync(core, { recursive: true });
  copyFileSync(new URL('core/package.json', PACKAGES), join(core, 'package.json'));
  await buildPackage('core', join(core, 'dist'));
}, 120_000);

afterAll(() => rmSync(project, { recursive: true, force: true }));

describe('@hyperld/core built, without its optional peer dependencies', () => {
  it('cannot reach jsonld or fast-check from the temporary project', () => {
    const require = createRequire(join(project, 'index.js'));
    expect(() => require.resolve('jsonld')).toThrow();
    expect(() => require.resolve('fast-check')).toThrow();
  });

  it.each(['esm', 'cjs'] as const)('names the package to install when @hyperld/core/jsonld is imported (%s)', async (format) => {
    const code = format === 'esm' ? 'ERR_MODULE_NOT_FOUND' : 'MODULE_NOT_FOUND';
    expect(JSON.parse(await tryLoad(format, '@hyperld/core/jsonld'))).toEqual({
      message: "@hyperld/core/jsonld needs the 'jsonld' package, an optional peer dependency of @hyperld/core: npm i jsonld",
      code,
      cause: code,
    });
  });

  it.each(['esm', 'cjs'] as const)('names the package to install when @hyperld/core/testing is imported (%s)', async (format) => {
    const code = format === 'esm' ? 'ERR_MODULE_NOT_FOUND' : 'MODULE_NOT_FOUND';
    expect(JSON.parse(await tryLoad(format, '@hyperld/core/testing'))).toEqual({
      message: "@hyperld/core/testing needs the 'fast-check' package, an optional peer dependency of @hyperld/core: npm i -D fast-check",
      code,
      cause: code,
    });
  });

  it.each(['esm', 'cjs'] as const)('still loads the root entry, which needs neither (%s)', async (format) => {
    expect(JSON.parse(await tryLoad(format, '@hyperld/core'))).toBe('loaded');
  });
});

describe('@hyperld/core built, with its optional peer dependencies', () => {
  beforeAll(() => {
    install('jsonld');
    install('fast-check');
  });

  it('loads and runs both entries as ESM, with the fast-check the test itself imports', async () => {
    const script = `
      import fc from 'fast-check';
      import { t } from '@hyperld/core';
      import { toNQuads } from '@hyperld/core/jsonld';
      import { arbitraryValue } from '@hyperld/core/testing';
      console.log(await toNQuads({ '@context': { '@vocab': 'https://example.com/v#' }, '@id': 'https://example.com/a', name: 'A' }));
      fc.assert(fc.property(arbitraryValue(t.string()), (s) => typeof s === 'string'), { numRuns: 10 });
      console.log('ok');`;
    expect(await node('esm', script)).toBe('<https://example.com/a> <https://example.com/v#name> "A" .\n\nok\n');
  });

  it('loads and runs both entries as CommonJS, with the fast-check the test itself requires', async () => {
    const script = `
      const fc = require('fast-check');
      const { t } = require('@hyperld/core');
      const { toNQuads } = require('@hyperld/core/jsonld');
      const { arbitraryValue } = require('@hyperld/core/testing');
      fc.assert(fc.property(arbitraryValue(t.string()), (s) => typeof s === 'string'), { numRuns: 10 });
      toNQuads({ '@context': { '@vocab': 'https://example.com/v#' }, '@id': 'https://example.com/a', name: 'A' }).then((n) => console.log(n + 'ok'));`;
    expect(await node('cjs', script)).toBe('<https://example.com/a> <https://example.com/v#name> "A" .\nok\n');
  });
});
