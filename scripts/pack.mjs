// Packs the workspace's packages as they would be published, and reads a packed package back.
// Shared by scripts/check-packages.mjs and scripts/check-packaging.mjs (imported, not run).
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';

/** The repository root. */
export const root = resolve(import.meta.dirname, '..');

/** The environment for tools run from the root: its node_modules/.bin first, no colours. */
export const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', PATH: `${join(root, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}` };

/** The export condition that points at `src/` for this repository's own tools (never published). */
export const SOURCE_CONDITION = '@hyperld/source';

/**
 * Runs a command to completion.
 *
 * @param {string} command
 * @param {readonly string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, input?: string, timeout?: number }} [options]
 * @returns {{ ok: boolean, status: number | null, stdout: string, stderr: string, output: string }}
 */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: options.cwd ?? root, env: options.env ?? env, encoding: 'utf8', input: options.input, timeout: options.timeout, maxBuffer: 64 * 1024 * 1024 });
  const stdout = result.stdout ?? '';
  const stderr = result.stderr ?? '';
  const output = result.error ? String(result.error) : `${stdout}${stderr}`.trim();
  return { ok: result.status === 0 && !result.error, status: result.status, stdout, stderr, output };
}

/**
 * Packs every package under packages/ with `pnpm pack` (workspace protocols resolved, the
 * `.pnpmfile.cjs` hooks applied), as `pnpm publish` would.
 *
 * @param {string} destination - the folder for the tarballs.
 * @returns {{ name: string, version: string, tarball: string, files: string[] }[]}
 */
export function packWorkspace(destination) {
  mkdirSync(destination, { recursive: true });
  const packed = run('pnpm', ['-r', '--filter', './packages/**', 'pack', '--pack-destination', destination, '--json']);
  if (!packed.ok) throw new Error(`pnpm pack failed:\n${packed.output}`);
  const parsed = JSON.parse(packed.stdout);
  return (Array.isArray(parsed) ? parsed : [parsed]).map((p) => ({
    name: p.name,
    version: p.version,
    tarball: resolve(destination, p.filename),
    files: p.files.map((f) => f.path),
  }));
}

/**
 * The package.json inside a tarball.
 *
 * @param {string} tarball
 * @returns {Record<string, any>}
 */
export function readPackedManifest(tarball) {
  const extracted = run('tar', ['-xOzf', tarball, 'package/package.json']);
  if (!extracted.ok) throw new Error(`cannot read package.json from ${tarball}:\n${extracted.output}`);
  return JSON.parse(extracted.stdout);
}

/**
 * The file targets of an exports map, with the conditions leading to each.
 *
 * @param {unknown} exportsField
 * @returns {{ subpath: string, conditions: string[], file: string }[]}
 */
export function exportTargets(exportsField) {
  const out = [];
  const walk = (value, subpath, conditions) => {
    if (typeof value === 'string') out.push({ subpath, conditions, file: value });
    else if (Array.isArray(value)) for (const inner of value) walk(inner, subpath, conditions);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (key.startsWith('.')) walk(inner, key, conditions);
        else walk(inner, subpath, [...conditions, key]);
      }
    }
  };
  if (typeof exportsField === 'string') out.push({ subpath: '.', conditions: [], file: exportsField });
  else walk(exportsField ?? {}, '.', []);
  return out;
}

/**
 * What is wrong with a packed package for publishing: metadata a registry page needs, files
 * that must ship, exports that name files outside the tarball, and workspace leftovers.
 *
 * @param {Record<string, any>} manifest - the packed package.json.
 * @param {readonly string[]} files - the tarball's files, relative to its `package/` folder.
 * @returns {string[]} one line per problem; empty when the package is ready.
 */
export function packedProblems(manifest, files) {
  const problems = [];
  const shipped = new Set(files);
  for (const file of ['README.md', 'LICENSE']) if (!shipped.has(file)) problems.push(`${file} is not in the tarball`);
  const required = {
    description: manifest.description,
    license: manifest.license,
    keywords: manifest.keywords?.length ? manifest.keywords : undefined,
    homepage: manifest.homepage,
    'bugs.url': manifest.bugs?.url,
    'repository.url': manifest.repository?.url,
    'repository.directory': manifest.repository?.directory,
    'engines.node': manifest.engines?.node,
  };
  for (const [field, value] of Object.entries(required)) if (value === undefined || value === '') problems.push(`no ${field} in package.json`);
  if (JSON.stringify(manifest).includes(`"${SOURCE_CONDITION}"`)) problems.push(`the packed package.json still names the ${SOURCE_CONDITION} condition (pnpm >= 10.28 applies .pnpmfile.cjs's beforePacking)`);
  for (const { subpath, conditions, file } of exportTargets(manifest.exports)) {
    if (!shipped.has(file.replace(/^\.\//, ''))) problems.push(`exports["${subpath}"]${conditions.map((c) => `.${c}`).join('')} = ${file} is not in the tarball`);
  }
  const entries = { main: manifest.main, module: manifest.module, types: manifest.types };
  if (typeof manifest.bin === 'string') entries.bin = manifest.bin;
  else for (const [name, file] of Object.entries(manifest.bin ?? {})) entries[`bin.${name}`] = file;
  for (const [field, file] of Object.entries(entries)) {
    if (typeof file === 'string' && !shipped.has(file.replace(/^\.\//, ''))) problems.push(`${field} = ${file} is not in the tarball`);
  }
  for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
    for (const [name, range] of Object.entries(manifest[field] ?? {})) {
      if (String(range).startsWith('workspace:')) problems.push(`${field}.${name} is still ${range}`);
    }
  }
  return problems;
}
