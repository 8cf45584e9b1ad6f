/**
 * Every TSDoc `@example` of the packages' sources compiles: each ```ts block is type-checked as a
 * module of its own, beside the file it documents (so its relative imports resolve as they read),
 * under the project's strict options, with the packages resolved to their sources.
 *
 * @module
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PACKAGES = join(ROOT, 'packages');

/** The package sources that document an API: not tests, not fixtures. */
function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'dist' && entry.name !== '__fixtures__') out.push(...sources(path));
    } else if (/\.ts$/.test(entry.name) && !/\.test(-d)?\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

interface Example {
  /** Where the example is: the source file and the line of its fence. */
  readonly where: string;
  /** The virtual file it is checked as. */
  readonly path: string;
  readonly text: string;
}

/** The ```ts blocks of a file's `@example` tags, unwrapped from their ` * ` comment prefixes. */
function examplesOf(file: string): Example[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const out: Example[] = [];
  let inExample = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (/^\s*\*\s*@example\b/.test(line)) inExample = true;
    else if (/^\s*\*\s*@\w/.test(line) || /\*\//.test(line)) inExample = false;
    if (!inExample || !/^\s*\*\s*```ts\s*$/.test(line)) continue;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !/^\s*\*\s*```\s*$/.test(lines[j] as string); j++) body.push((lines[j] as string).replace(/^\s*\* ?/, ''));
    out.push({ where: `${relative(ROOT, file)}:${i + 1}`, path: join(dirname(file), `__example_${out.length}_${i + 1}.ts`), text: `${body.join('\n')}\nexport {};\n` });
    i = j;
  }
  return out;
}

describe('TSDoc examples', () => {
  it('every @example of the packages compiles under the project options', () => {
    const examples = sources(PACKAGES).flatMap(examplesOf);
    expect(examples.length).toBeGreaterThan(200);
    const config = ts.getParsedCommandLineOfConfigFile(join(ROOT, 'tsconfig.base.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
    if (!config) throw new Error('tsconfig.base.json does not parse');
    // An example may declare what it shows and not use it.
    const options: ts.CompilerOptions = { ...config.options, noEmit: true, noUnusedLocals: false, noUnusedParameters: false, declaration: false, declarationMap: false, sourceMap: false };
    const virtual = new Map(examples.map((e) => [e.path, e]));
    const host = ts.createCompilerHost(options);
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (name, language, onError, create) => {
      const example = virtual.get(name);
      return example ? ts.createSourceFile(name, example.text, language) : getSourceFile(name, language, onError, create);
    };
    const fileExists = host.fileExists.bind(host);
    host.fileExists = (name) => virtual.has(name) || fileExists(name);
    const readFile = host.readFile.bind(host);
    host.readFile = (name) => virtual.get(name)?.text ?? readFile(name);
    const program = ts.createProgram([...virtual.keys()], options, host);
    const failures = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file !== undefined && virtual.has(d.file.fileName))
      .map((d) => {
        const example = virtual.get((d.file as ts.SourceFile).fileName) as Example;
        const { line } = (d.file as ts.SourceFile).getLineAndCharacterOfPosition(d.start ?? 0);
        return `${example.where} (+${line + 1}): ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
      });
    expect(failures).toEqual([]);
  });
});
