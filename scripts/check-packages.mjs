// Checks the built packages as a consumer would get them (`pnpm build` first):
//   1. each built entry the `exports` map names loads, as ESM and as CJS;
//   2. the package as `pnpm pack` packs it (workspace protocols resolved, `.pnpmfile.cjs`
//      applied): README and LICENSE shipped, the registry metadata present (description,
//      keywords, homepage, bugs, repository with directory, engines.node), no export or bin
//      naming a file outside the tarball, no `@hyperld/source` condition, no `workspace:` range;
//   3. publint at suggestion level, on that tarball: any message fails;
//   4. attw (are the types wrong?) on that tarball, profile node16: node10 resolution is not
//      checked because subpath exports (`@hyperld/core/jsonld`) cannot resolve there without
//      `typesVersions`.
// scripts/check-packaging.mjs goes further: it installs the tarballs with npm and runs the READMEs.
//
//   node scripts/check-packages.mjs [package-dir …]     (default: every packages/*)
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { exportTargets, packedProblems, packWorkspace, readPackedManifest, root, run, SOURCE_CONDITION } from './pack.mjs';

const dirs =
  process.argv.length > 2
    ? process.argv.slice(2).map((d) => resolve(d))
    : readdirSync(join(root, 'packages'))
        .map((name) => join(root, 'packages', name))
        .filter((dir) => existsSync(join(dir, 'package.json')));

const indent = (text) => text.replace(/^/gm, '    ');
const problems = [];
const scratch = mkdtempSync(join(tmpdir(), 'hyperld-check-packages-'));

try {
  // One `pnpm pack` of the whole workspace: the tarballs that would be published.
  const packed = new Map(packWorkspace(scratch).map((p) => [p.name, p]));

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

    // 1: every built entry loads. A target that is missing is left to step 2, which names it.
    const require = createRequire(join(dir, 'package.json'));
    let loaded = 0;
    for (const { conditions, file } of exportTargets(pkg.exports)) {
      const full = join(dir, file);
      if (conditions.includes(SOURCE_CONDITION) || conditions.at(-1) !== 'default' || file.endsWith('.json') || !existsSync(full)) continue;
      try {
        if (conditions.includes('require')) require(full);
        else await import(pathToFileURL(full).href);
        loaded++;
      } catch (error) {
        fail(`${file} does not load (${conditions.join('.')})`, String(error?.stack ?? error));
      }
    }
    console.log(`  ok   ${loaded} built entry file(s) load`);

    // 2: the packed package.
    const tarball = packed.get(pkg.name);
    if (!tarball) {
      fail('pnpm pack made no tarball');
      continue;
    }
    const manifest = readPackedManifest(tarball.tarball);
    const found = packedProblems(manifest, tarball.files);
    if (found.length > 0) fail('packed package', found.join('\n'));
    else console.log(`  ok   packed: ${tarball.files.length} files, README, LICENSE, metadata, exports within the tarball`);

    // 3: publint, on the tarball (so it sees the packed package.json), every level.
    const { messages, pkg: linted } = await publint({ level: 'suggestion', pack: { tarball: new Uint8Array(readFileSync(tarball.tarball)).buffer } });
    if (messages.length > 0) fail('publint (suggestion level)', messages.map((m) => `${m.type}: ${formatMessage(m, linted, { color: false })}`).join('\n'));
    else console.log('  ok   publint (suggestion level)');

    // 4: attw, on the tarball.
    const types = run('attw', [tarball.tarball, '--profile', 'node16', '--format', 'table-flipped']);
    if (types.ok) console.log('  ok   attw (node16 profile)');
    else fail('attw (node16 profile)', types.output);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

console.log(problems.length === 0 ? '\ncheck:packages: all packages ok' : `\ncheck:packages: ${problems.length} problem(s)\n${problems.map((p) => `  - ${p}`).join('\n')}`);
process.exitCode = problems.length === 0 ? 0 : 1;
