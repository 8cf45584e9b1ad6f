#!/usr/bin/env node
/**
 * The `hyperld` executable: {@link run} wired to the process's streams and file system. Runs
 * built (`node dist/bin.js`) or from source (`tsx --conditions=@hyperld/source src/bin.ts`).
 *
 * @module
 */
import { readFile, writeFile } from 'node:fs/promises';
import { run } from './index.js';

// A reader that stops early (`hyperld actions page.json | head`) is no error of ours.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}

// No top-level await: the binary is also built as CommonJS.
void run(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  // Bytes, not text: bytes that are not UTF-8 are an error (invalid_utf8), not U+FFFD.
  readFile: (path) => readFile(path),
  writeFile: (path, text) => writeFile(path, text),
}).then((code) => {
  process.exitCode = code;
});
