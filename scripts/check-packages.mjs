// Checks the built packages as a consumer would get them (`pnpm build` first):
//   1. each built entry the `exports` map names loads, as ESM and as CJS;
//   2. publint (packaging mistakes, such as an export pointing at a file the build did not make),
//      on the packed package;
//   3. attw (are the types wrong?), profile node16: node10 resolution is not checked because
//      subpath exports (`@hyperld/core/jsonld`) cannot resolve there without `typesVersions`.
//
//   node scripts/check-packages.mjs [package-dir …]     (default: every packages/*)
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', PATH: `${join(root, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}` };

const dirs =
  process.argv.length > 2
    ? process.argv.slice(2).map((d) => resolve(d))
    : readdirSync(join(root, 'packages'))
        .map((name) => join(root, 'packages', name))
        .filter((dir) => existsSync(join(dir, 'package.json')));

/** The file targets of an exports map under the standard conditions, with their condition path. */
function targets(exportsField) {
  const out = [];
  const walk = (value, path) => {
    if (typeof value === 'string') out.push({ path, file: value });
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        // The source condition serves this repo's tests; it is not part of the published package.
        if (key === '@hyperld/source') continue;
        walk(inner, [...path, key]);
      }
    }
  };
  walk(exportsField ?? {}, []);
  return out;
}

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8' });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
  return { ok: result.status === 0, output: result.error ? String(result.error) : output };
}

const indent = (text) => text.replace(/^/gm, '    ');
const problems = [];

for (const dir of dirs) {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  if (pkg.private) continue;
  console.log(`\n== ${pkg.name} (${dir.slice(root.length + 1)})`);
  const fail = (what, detail) => {
    problems.push(`${pkg.name}: ${what}`);
    console.log(`  FAIL ${what}${detail ? `\n${indent(detail)}` : ''}`);
  };
  if (!existsSync(join(dir, 'dist'))) {
    fail('no dist/ (run pnpm build first)');
    continue;
  }

  // 1: every built entry loads. A target that is missing is left to publint, which names it.
  const require = createRequire(join(dir, 'package.json'));
  let loaded = 0;
  for (const { path, file } of targets(pkg.exports)) {
    const full = join(dir, file);
    if (path.at(-1) !== 'default' || file.endsWith('.json') || !existsSync(full)) continue;
    try {
      if (path.includes('require')) require(full);
      else await import(pathToFileURL(full).href);
      loaded++;
    } catch (error) {
      fail(`${file} does not load (${path.join('.')})`, String(error?.stack ?? error));
    }
  }
  console.log(`  ok   ${loaded} built entry file(s) load`);

  // 2: publint.
  const lint = run('publint', ['run', dir, '--level', 'warning'], dir);
  const findings = lint.output.replace(/^(Running publint|Packing files|Linting).*\n?/gm, '').trim();
  if (!lint.ok || /^Errors:/m.test(findings)) fail('publint', findings);
  else console.log(`  ok   publint${findings ? `\n${indent(findings)}` : ''}`);

  // 3: attw.
  const types = run('attw', ['--pack', dir, '--profile', 'node16', '--format', 'table-flipped'], dir);
  if (types.ok) console.log('  ok   attw (node16 profile)');
  else fail('attw (node16 profile)', types.output);
}

console.log(problems.length === 0 ? '\ncheck:packages: all packages ok' : `\ncheck:packages: ${problems.length} problem(s)\n${problems.map((p) => `  - ${p}`).join('\n')}`);
process.exitCode = problems.length === 0 ? 0 : 1;
