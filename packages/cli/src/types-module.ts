/**
 * The user's own definitions (`--types <module>`): a TypeScript module loaded through tsx, the
 * TypeScript loader the project runs on, or a JavaScript one loaded with `import()`, exporting a
 * registry or the definitions to build one from — such as the module `hyperld generate` writes.
 *
 * tsx is an optional peer dependency: the published tool stays light (tsx brings esbuild and its
 * platform binary) and only a `.ts` module needs it, so it is loaded on first use, and its absence
 * is an error that names the package to install.
 *
 * @module
 */
import { stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRegistry, isHyperldError, isRegistry, type AnyTypeDef, type Registry } from '@hyperld/core';
import { hydraTypes } from '@hyperld/hydra';
import { CliError } from './errors.js';

/** The extensions a `--types` module may have: TypeScript (through tsx), then JavaScript. */
const TYPESCRIPT = new Set(['.ts', '.mts', '.cts']);
const JAVASCRIPT = new Set(['.js', '.mjs', '.cjs']);

/** Node's codes for a module that cannot be found: ESM's `import`, then CommonJS's `require`. */
const NOT_FOUND = new Set(['ERR_MODULE_NOT_FOUND', 'MODULE_NOT_FOUND']);

/**
 * Options of {@link loadTypesModule}.
 *
 * @example
 * ```ts
 * import type { LoadTypesOptions } from '@hyperld/cli';
 * const options: LoadTypesOptions = { cwd: '/home/me/project' };
 * ```
 */
export interface LoadTypesOptions {
  /** The directory a relative path resolves against (default: the process's current directory). */
  readonly cwd?: string;
}

/**
 * Loads a module of definitions and gives the registry to decode with: its `registry` export (a
 * registry of `@hyperld/core`, recognised by its brand, so one made by another install of the
 * package will do), or else a registry of its `types` export (an array of definitions) with
 * Hydra's types added, so that collections, views and operations decode.
 *
 * @param path - the module's path (`.ts`, `.mts`, `.cts` through tsx; `.js`, `.mjs`, `.cjs` with
 * `import()`), relative to `options.cwd`.
 * @param options - the directory to resolve against.
 * @returns the registry.
 * @throws CliError `types_error` (exit status 2) naming the path: no such file, another extension,
 * tsx not installed for a `.ts` module, a module that throws while it loads, or one exporting
 * neither a registry nor an array of definitions (or definitions that make no registry).
 * @example
 * ```ts
 * import { loadTypesModule } from '@hyperld/cli';
 * // api.ts, as `hyperld generate https://api.example.com/ -o api.ts` writes it
 * const registry = await loadTypesModule('api.ts');
 * registry.decode('{"@type": "Book", "title": "Dune"}');
 * ```
 */
export async function loadTypesModule(path: string, options: LoadTypesOptions = {}): Promise<Registry> {
  const fail = (message: string, cause?: unknown): CliError =>
    new CliError('types_error', `--types ${path}: ${message}`, cause === undefined ? undefined : { cause });
  const extension = extname(path).toLowerCase();
  const typescript = TYPESCRIPT.has(extension);
  if (!typescript && !JAVASCRIPT.has(extension)) {
    throw fail('expected a .ts, .mts, .cts, .js, .mjs or .cjs module');
  }
  const cwd = options.cwd ?? process.cwd();
  const file = resolve(cwd, path);
  try {
    if (!(await stat(file)).isFile()) throw fail('expected a module file, found a directory');
  } catch (error) {
    if (CliError.is(error)) throw error;
    const code = (error as { code?: unknown } | null)?.code;
    throw fail(code === 'ENOENT' || code === 'ENOTDIR' ? 'no such file' : oneLine(error), error);
  }
  const url = pathToFileURL(file).href;
  let namespace: unknown;
  try {
    namespace = typescript ? await importTypeScript(url, pathToFileURL(cwd + sep).href, fail) : await import(url);
  } catch (error) {
    if (CliError.is(error)) throw error;
    throw fail(`the module failed to load: ${oneLine(error)}`, error);
  }
  return registryOf(namespace, fail);
}

/** A TypeScript module, imported through tsx's API (loaded here, on first use). */
async function importTypeScript(url: string, parentURL: string, fail: (message: string, cause?: unknown) => CliError): Promise<unknown> {
  let api: typeof import('tsx/esm/api');
  try {
    api = await import('tsx/esm/api');
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    const message = error instanceof Error ? error.message : '';
    // Node quotes the missing specifier ('tsx', or 'tsx/esm/api' from CommonJS); anything else
    // (tsx is there but broken) is reported as it is.
    if (typeof code === 'string' && NOT_FOUND.has(code) && /'tsx(\/[^']*)?'/.test(message)) {
      throw fail("a TypeScript module needs the 'tsx' package, an optional peer dependency of @hyperld/cli: npm i -D tsx (or give a .js module)", error);
    }
    throw error;
  }
  return api.tsImport(url, { parentURL });
}

/** The registry a loaded module gives: its `registry`, else one of its `types`. */
function registryOf(namespace: unknown, fail: (message: string, cause?: unknown) => CliError): Registry {
  const exports = exportsOf(namespace);
  const { registry, types } = exports;
  if (registry !== undefined) {
    if (isRegistry(registry)) return registry;
    throw fail(`expected its registry export to be a registry made by createRegistry of @hyperld/core, found ${describe(registry)}`);
  }
  if (types === undefined) {
    const names = Object.keys(exports).filter((name) => name !== 'default');
    const found = names.length === 0 ? 'no exports' : `only ${names.slice(0, 8).join(', ')}${names.length > 8 ? ', …' : ''}`;
    throw fail(`expected the module to export registry (a registry of @hyperld/core) or types (an array of type definitions), found ${found}`);
  }
  if (!Array.isArray(types)) throw fail(`expected its types export to be an array of type definitions, found ${describe(types)}`);
  const bad = types.findIndex((def) => !isDefinition(def));
  if (bad >= 0) {
    throw fail(`expected its types export to be an array of type definitions (vocabulary().type(…) or defineType), found ${describe(types[bad])} at types[${bad}]`);
  }
  try {
    const own = createRegistry({ types: types as AnyTypeDef[] });
    // Hydra's types, but those the module registers already (its own copy of them, from
    // another install of @hyperld/hydra, say), which would otherwise be a second definition.
    return own.with(hydraTypes.filter((def) => own.lookup(def.type) === undefined));
  } catch (error) {
    if (!isHyperldError(error)) throw error;
    throw fail(`its types make no registry: ${error.message.replace(/\s+/g, ' ').trim()} (${error.code})`, error);
  }
}

/**
 * A module namespace's exports; a CommonJS module's `module.exports` object too, which `import()`
 * gives as `default` when Node cannot see its names.
 */
function exportsOf(namespace: unknown): Record<string, unknown> {
  const record = (typeof namespace === 'object' && namespace !== null ? namespace : {}) as Record<string, unknown>;
  if (record['registry'] !== undefined || record['types'] !== undefined) return record;
  const fallback = record['default'];
  if (typeof fallback === 'object' && fallback !== null) {
    const inner = fallback as Record<string, unknown>;
    if (inner['registry'] !== undefined || inner['types'] !== undefined) return inner;
  }
  return record;
}

/** Whether a value has the shape of a type definition (definitions carry no brand). */
function isDefinition(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const def = value as Record<string, unknown>;
  return typeof def['type'] === 'string' && typeof def['context'] === 'string' && typeof def['iri'] === 'string' && typeof def['properties'] === 'object' && def['properties'] !== null;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') return 'an object that is not one';
  if (typeof value === 'function') return 'a function';
  return typeof value === 'string' ? `a string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value)}` : `${typeof value} ${String(value)}`;
}

function oneLine(error: unknown): string {
  const text = error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error);
  return text.replace(/\s+/g, ' ').trim();
}
