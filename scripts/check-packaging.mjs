// Installs the packages as a user gets them and runs their READMEs (after `pnpm build`):
//
//   1. packs every package with `pnpm pack` (as `pnpm publish` would);
//   2. a CLI user's project: `npm i` of the @hyperld/cli tarball (with the tarballs of the
//      workspace packages it depends on, which are not on the registry) into an empty folder
//      outside the repository. Fails if better-sqlite3 (or any native build) got in; runs the
//      `sh` blocks marked `<!-- packaging-test: run -->` (the CLI README's) there, verbatim;
//   3. a full project: `npm i` of all the tarballs with the optional peers (jsonld, fast-check)
//      and @types/node. Only this project installs @hyperld/textus-server, so better-sqlite3
//      compiles once (about a minute when no prebuilt binary can be downloaded). There:
//      - every export of every package loads, by its package specifier, with import and require;
//      - the reference server is started from the installed @hyperld/textus-server on a free
//        loopback port (TEXTUS_URL), for the client examples;
//      - every ```ts block of README.md and packages/*/README.md runs as ESM (.mjs) and as
//        CommonJS (.cjs: imports become requires and the rest runs in an async function), in a
//        folder holding page.json (the JSON of test/fixtures/000_bd34847030ad49a7.txt);
//      - the same blocks, with a consumer importing every entry (ESM and CJS), type-check under
//        `module: NodeNext` and under `moduleResolution: Bundler`, with skipLibCheck: false and
//        the strict flags of tsconfig.base.json; and the browser entries type-check under
//        Bundler with the DOM lib and no @types/node.
//
// npm takes third-party packages from the registry (its cache first: --prefer-offline).
//
//   node scripts/check-packaging.mjs [--keep]       (--keep leaves the temporary projects)
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { packedProblems, packWorkspace, readPackedManifest, root, run } from './pack.mjs';

const keep = process.argv.includes('--keep');
const started = Date.now();
const scratch = mkdtempSync(join(tmpdir(), 'hyperld-packaging-'));
const failures = [];
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const indent = (text) => text.trim().replace(/^/gm, '    ');

/** Runs one named check; a failure is recorded and reported, and the run goes on. */
async function check(name, body) {
  const since = Date.now();
  try {
    const note = await body();
    console.log(`  ok   ${name}${note ? `: ${note}` : ''} (${seconds(since)})`);
    return true;
  } catch (error) {
    failures.push(name);
    console.log(`  FAIL ${name} (${seconds(since)})\n${indent(error instanceof Error ? error.message : String(error))}`);
    return false;
  }
}

/** Runs a command and throws with its output when it fails. */
function must(command, args, options) {
  const result = run(command, args, options);
  if (!result.ok) throw new Error(`${command} ${args.join(' ')} exited ${result.status ?? 'on a signal/timeout'}\n${result.output}`);
  return result;
}

// JOBS: node-gyp compiles better-sqlite3 on every core rather than one.
const npmEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', npm_config_update_notifier: 'false', JOBS: 'max' };

/** An empty npm project outside the repository, with the given packages installed. */
function npmProject(name, specs) {
  const dir = join(scratch, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: `hyperld-packaging-${name}`, private: true, type: 'module' }, null, 2)}\n`);
  must('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', ...specs], { cwd: dir, env: npmEnv, timeout: 15 * 60_000 });
  return dir;
}

/** Packages and size of a project's node_modules, from its package-lock.json and the disk. */
function installed(dir) {
  const lock = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8'));
  const paths = Object.keys(lock.packages ?? {}).filter((p) => p !== '');
  let bytes = 0;
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) bytes += statSync(full).size;
    }
  };
  walk(join(dir, 'node_modules'));
  return { paths, count: paths.length, megabytes: (bytes / 1e6).toFixed(1) };
}

// --- README blocks --------------------------------------------------------------------------

const MARKER = '<!-- packaging-test: run -->';
const readmes = ['README.md', ...readdirSync(join(root, 'packages')).map((p) => join('packages', p, 'README.md'))].filter((p) => existsSync(join(root, p)));

/** The fenced blocks of a README: language, code, whether the marker comment precedes it. */
function blocksOf(readme) {
  const text = readFileSync(join(root, readme), 'utf8');
  const blocks = [];
  for (const match of text.matchAll(/^```([\w-]*)[^\n]*\n([\s\S]*?)^```[ \t]*$/gm)) {
    const before = text.slice(0, match.index).trimEnd();
    const line = text.slice(0, match.index).split('\n').length;
    blocks.push({ readme, line, lang: match[1], code: match[2], marked: before.endsWith(MARKER) });
  }
  return blocks;
}

const allBlocks = readmes.flatMap(blocksOf);
const tsBlocks = allBlocks.filter((b) => b.lang === 'ts' || b.lang === 'typescript');
const shBlocks = allBlocks.filter((b) => b.marked && (b.lang === 'sh' || b.lang === 'bash'));
const exampleName = (b) => `${b.readme.replace(/^packages\//, '').replace(/\/?README\.md$/, '') || 'root'}-L${b.line}`;

const compileOptions = (module) => ({ target: ts.ScriptTarget.ES2022, module, esModuleInterop: true, verbatimModuleSyntax: false, isolatedModules: true });

/** The example as an ES module. */
const toEsm = (code) => ts.transpileModule(code, { compilerOptions: compileOptions(ts.ModuleKind.ESNext) }).outputText;

/** The example as CommonJS: its imports become requires, the rest runs in an async function. */
function toCjs(code, fileName) {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const imports = [];
  const body = [];
  for (const statement of source.statements) (ts.isImportDeclaration(statement) || ts.isImportEqualsDeclaration(statement) ? imports : body).push(statement.getFullText(source));
  const wrapped = `${imports.join('')}\n(async () => {${body.join('')}\n})().catch((error) => {\n  console.error(error);\n  process.exitCode = 1;\n});\n`;
  return ts.transpileModule(wrapped, { compilerOptions: compileOptions(ts.ModuleKind.CommonJS) }).outputText;
}

/** Runs a file with node (or a shell script with bash) and resolves to its status and output. */
function runFile(command, args, { cwd, env, timeout = 60_000 }) {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeout);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolvePromise({ status, signal, output });
    });
  });
}

async function runExample(command, args, options) {
  const { status, signal, output } = await runFile(command, args, options);
  if (status !== 0) throw new Error(`exited ${status ?? signal}${signal === 'SIGKILL' ? ' (timed out)' : ''}\n${output}`);
  const lines = output.trim().split('\n');
  return lines.length > 0 && lines[0] !== '' ? `${lines.length} line(s), last: ${lines.at(-1).slice(0, 100)}` : 'no output';
}

/** Starts the installed reference server on a free loopback port; resolves once it listens. */
function startServer(cwd) {
  const code = "const { startTextusServer } = await import('@hyperld/textus-server'); await startTextusServer({ file: ':memory:', port: 0 });";
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolvePromise, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not announce its URL in 30 s\n${output}`));
    }, 30_000);
    const onData = (chunk) => {
      output += chunk;
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolvePromise({ url, child });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (status) => {
      clearTimeout(timer);
      reject(new Error(`the server exited ${status}\n${output}`));
    });
  });
}

// --- Type checks ----------------------------------------------------------------------------

/** The strictness of tsconfig.base.json, less what only serves this repository. */
function strictOptions() {
  const { config, error } = ts.readConfigFile(join(root, 'tsconfig.base.json'), ts.sys.readFile);
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  const options = { ...config.compilerOptions };
  for (const key of ['customConditions', 'declaration', 'declarationMap', 'sourceMap', 'skipLibCheck', 'types', 'lib', 'module', 'moduleResolution']) delete options[key];
  return options;
}

function typeCheck(dir, name, compilerOptions, files) {
  const file = `tsconfig.${name}.json`;
  writeFileSync(join(dir, file), `${JSON.stringify({ compilerOptions: { ...strictOptions(), ...compilerOptions, skipLibCheck: false, noEmit: true }, files }, null, 2)}\n`);
  must(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', file, '--pretty', 'false'], { cwd: dir, timeout: 10 * 60_000 });
  return `${files.length} files`;
}

// --- The run --------------------------------------------------------------------------------

let server;
try {
  console.log(`check:packaging in ${scratch}`);

  let tarballs = [];
  await check('pnpm pack', () => {
    tarballs = packWorkspace(join(scratch, 'tarballs'));
    for (const t of tarballs) {
      const problems = packedProblems(readPackedManifest(t.tarball), t.files);
      if (problems.length > 0) throw new Error(`${t.name}: ${problems.join('; ')}`);
    }
    return tarballs.map((t) => `${t.name.replace('@hyperld/', '')} ${(statSync(t.tarball).size / 1e3).toFixed(0)} kB`).join(', ');
  });
  const tarballOf = new Map(tarballs.map((t) => [t.name, t.tarball]));
  const fixture = readFileSync(join(root, 'test', 'fixtures', '000_bd34847030ad49a7.txt'), 'utf8');

  // 2: what a CLI user installs.
  let cliDir;
  await check('npm i @hyperld/cli (with core, hydra, textus, apidocs)', () => {
    const closure = ['@hyperld/cli', '@hyperld/core', '@hyperld/hydra', '@hyperld/textus', '@hyperld/apidocs'];
    cliDir = npmProject('cli', closure.map((n) => tarballOf.get(n)));
    const { paths, count, megabytes } = installed(cliDir);
    const native = paths.filter((p) => /(^|\/)node_modules\/(better-sqlite3|bindings|prebuild-install|node-gyp)$/.test(p));
    if (native.length > 0) throw new Error(`a CLI install must build nothing, but it has ${native.join(', ')}`);
    return `${count} packages, ${megabytes} MB, no better-sqlite3`;
  });
  let pageJson = '';
  if (cliDir) {
    await check('page.json from the fixture (installed parseDocument)', () => {
      const parsed = createRequire(join(cliDir, 'package.json'))('@hyperld/cli').parseDocument(fixture);
      if (!parsed.ok) throw new Error(parsed.reason ?? 'not a document');
      pageJson = `${parsed.text}\n`;
      writeFileSync(join(cliDir, 'page.json'), pageJson);
    });
    for (const block of shBlocks) {
      const file = join(cliDir, `${exampleName(block)}.sh`);
      writeFileSync(file, block.code);
      await check(`${block.readme}:${block.line} (sh, verbatim)`, () => runExample('bash', ['-euo', 'pipefail', file], { cwd: cliDir, env: npmEnv }));
    }
  }

  // 3: everything, with the optional peers and Node types.
  const rootPkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const thirdParty = ['jsonld', 'fast-check', '@types/node'].map((n) => `${n}@${rootPkg.devDependencies[n]}`);
  let fullDir;
  await check(`npm i of all ${tarballs.length} tarballs + ${thirdParty.join(' ')}`, () => {
    fullDir = npmProject('full', [...tarballs.map((t) => t.tarball), ...thirdParty]);
    const { count, megabytes } = installed(fullDir);
    return `${count} packages, ${megabytes} MB`;
  });
  if (!fullDir) throw new Error('no full project to go on with');
  writeFileSync(join(fullDir, 'page.json'), pageJson);

  const entries = [];
  for (const t of tarballs) {
    const manifest = JSON.parse(readFileSync(join(fullDir, 'node_modules', ...t.name.split('/'), 'package.json'), 'utf8'));
    for (const subpath of Object.keys(manifest.exports ?? {})) if (!subpath.endsWith('.json')) entries.push(subpath === '.' ? t.name : `${t.name}/${subpath.slice(2)}`);
  }
  await check(`every entry loads with import and require (${entries.length} entries)`, async () => {
    const probe = `for (const e of ${JSON.stringify(entries)}) { await import(e); require(e); }`;
    const esm = `import { createRequire } from 'node:module'; const require = createRequire(import.meta.url); ${probe}`;
    await runExample(process.execPath, ['--input-type=module', '-e', esm], { cwd: fullDir, env: process.env });
  });

  await check('the installed reference server starts on a free loopback port', async () => {
    server = await startServer(fullDir);
    return server.url;
  });

  const examplesDir = join(fullDir, 'examples');
  mkdirSync(examplesDir);
  const exampleEnv = { ...process.env, ...(server ? { TEXTUS_URL: server.url } : {}) };
  const tsFiles = [];
  for (const block of tsBlocks) {
    const name = exampleName(block);
    writeFileSync(join(examplesDir, `${name}.ts`), block.code);
    tsFiles.push(`examples/${name}.ts`);
    writeFileSync(join(examplesDir, `${name}.mjs`), toEsm(block.code));
    writeFileSync(join(examplesDir, `${name}.cjs`), toCjs(block.code, `${name}.ts`));
    await check(`${block.readme}:${block.line} (ESM)`, () => runExample(process.execPath, [`examples/${name}.mjs`], { cwd: fullDir, env: exampleEnv }));
    await check(`${block.readme}:${block.line} (CJS)`, () => runExample(process.execPath, [`examples/${name}.cjs`], { cwd: fullDir, env: exampleEnv }));
  }

  // Consumers that import every entry: ESM (.ts in a "type": "module" project) and CommonJS (.cts).
  const ident = (entry) => entry.replace(/^@hyperld\//, '').replace(/[^a-zA-Z0-9]+/g, '_');
  const browserEntries = entries.filter((e) => !/^@hyperld\/(cli|textus-server|apidocs)$|\/(server|node)$/.test(e));
  writeFileSync(join(fullDir, 'entries.ts'), entries.map((e) => `export * as ${ident(e)} from '${e}';\n`).join(''));
  writeFileSync(join(fullDir, 'entries.cts'), `${entries.map((e) => `import ${ident(e)} = require('${e}');\n`).join('')}export = { ${entries.map(ident).join(', ')} };\n`);
  writeFileSync(join(fullDir, 'browser.ts'), browserEntries.map((e) => `export * as ${ident(e)} from '${e}';\n`).join(''));
  await check('tsc: module NodeNext, strict, skipLibCheck false (README blocks, every entry as ESM and CJS)', () =>
    typeCheck(fullDir, 'nodenext', { module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2022'], types: ['node'] }, [...tsFiles, 'entries.ts', 'entries.cts']),
  );
  await check('tsc: moduleResolution Bundler, strict, skipLibCheck false (README blocks, every entry)', () =>
    typeCheck(fullDir, 'bundler', { module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2022', 'DOM', 'DOM.Iterable'], types: ['node'] }, [...tsFiles, 'entries.ts']),
  );
  await check(`tsc: moduleResolution Bundler, DOM lib, no @types/node (${browserEntries.length} browser entries)`, () =>
    typeCheck(fullDir, 'browser', { module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2022', 'DOM', 'DOM.Iterable'], types: [] }, ['browser.ts']),
  );
} catch (error) {
  failures.push('setup');
  console.log(`  FAIL ${error instanceof Error ? error.message : String(error)}`);
} finally {
  if (server) {
    server.child.kill('SIGINT');
    await new Promise((r) => (server.child.exitCode !== null ? r() : server.child.once('exit', r)));
  }
  if (keep) console.log(`kept ${scratch}`);
  else rmSync(scratch, { recursive: true, force: true });
}

console.log(failures.length === 0 ? `check:packaging: all ok (${seconds(started)})` : `check:packaging: ${failures.length} failed (${seconds(started)}): ${failures.join(', ')}`);
process.exitCode = failures.length === 0 ? 0 : 1;

