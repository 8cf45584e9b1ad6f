/**
 * `@hyperld/cli`: the `hyperld` command-line tool — validate a document against a vocabulary
 * (TextUs by default), check its lossless round trip, list its actions, expand it to JSON-LD,
 * print a type's context; and generate a module of definitions from any Hydra API's documentation. {@link run} is the whole tool over injected streams, so it can be
 * called (and tested) without spawning a process.
 *
 * @example
 * ```ts
 * import { readFile } from 'node:fs/promises';
 * import { run } from '@hyperld/cli';
 * const io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, readFile: (path: string) => readFile(path) };
 * process.exitCode = await run(['actions', 'page.json', '--json'], io);
 * ```
 *
 * @module
 */

// The tool
export { describeActions, run } from './run.js';
export type { CliIo, NodeActions, RunOptions } from './run.js';
export { CliError, CliErrorCodes } from './errors.js';
export type { CliErrorCode } from './errors.js';

// The generator
export { generateModule } from './generate/module.js';
export type { GenerateModuleOptions } from './generate/module.js';
export { generateFromUrl } from './generate/from-url.js';
export type { GenerateFromUrlOptions } from './generate/from-url.js';

// Building blocks
export { childPath, diffJson, formatDifference } from './diff.js';
export type { Difference, DifferenceKind } from './diff.js';
export { decodeUtf8, parseDocument, readText } from './input.js';
export type { ParsedDocument } from './input.js';
export { isUrlArgument, parseContextsOption, parseHeaderOptions } from './remote.js';
export { nodesOf } from './walk.js';
export type { FoundNode } from './walk.js';
