/**
 * The published declarations stay small and quick to type-check. The declarations of core, hydra
 * and textus are emitted from their sources (as the build does, before bundling), and a consumer
 * that decodes a TextUs page and reads a member is type-checked against them with
 * `skipLibCheck: false`. An exported definition left to its inferred type spells out every
 * definition it embeds, and those they embed, wherever it is used: emitted so, TextUs's
 * vocabulary declarations were 1.9 MB and this consumer cost 336,000 type instantiations; with
 * each definition named through an interface (`DefType`), and `RegisteredDefs` no longer
 * unfolded to prove a constraint, they are 38 KB and 33,000.
 *
 * @module
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const PACKAGES = ['core', 'hydra', 'textus'] as const;

/** What the consumer does: the README's decode, and a member's action and embedded account. */
const CONSUMER = `import { ConversationCollection, textusRegistry } from '@hyperld/textus';
declare const body: string;
const page = textusRegistry.decodeAs(ConversationCollection, body, { base: 'https://api.textus.com/contacts/DQeeO69/conversations' });
const first = page.members[0];
if (first) {
  const close: string | null | undefined = first.closeConversation;
  const type: 'ConversationWithAccount' = first['@type'];
  console.log(close, type, first.account.name, page.totalItems, textusRegistry.types.size);
}
`;

let dir: string;
let emitted: string[];
let consumer: ts.Program;

/**
 * Emits the declarations of the packages' sources into `out`, as `<package>/src/*.d.ts`.
 * @returns the emitter's diagnostics, as text.
 */
function emitDeclarations(out: string): string[] {
  const base = ts.readConfigFile(join(root, 'tsconfig.base.json'), (path) => ts.sys.readFile(path));
  const parsed = ts.parseJsonConfigFileContent(base.config, ts.sys, root);
  const options: ts.CompilerOptions = {
    ...parsed.options,
    noEmit: false,
    declaration: true,
    emitDeclarationOnly: true,
    declarationMap: false,
    sourceMap: false,
    rootDir: join(root, 'packages'),
    outDir: out,
  };
  const program = ts.createProgram(PACKAGES.map((name) => join(root, 'packages', name, 'src', 'index.ts')), options);
  return program.emit(undefined, undefined, undefined, true).diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

/** The size of a package's vocabulary declarations: `vocabulary.d.ts`, or all of `vocabulary/` (one file per type). */
function vocabularySize(src: string): number {
  const file = join(src, 'vocabulary.d.ts');
  if (existsSync(file)) return statSync(file).size;
  const folder = join(src, 'vocabulary');
  return readdirSync(folder)
    .filter((name) => name.endsWith('.d.ts'))
    .reduce((sum, name) => sum + statSync(join(folder, name)).size, 0);
}

/** A consumer program that resolves `@hyperld/*` to the emitted declarations. */
function consumerProgram(out: string): ts.Program {
  const file = join(dir, 'consumer.ts');
  writeFileSync(file, CONSUMER);
  return ts.createProgram([file], {
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    paths: Object.fromEntries(PACKAGES.map((name) => [`@hyperld/${name}`, [join(out, name, 'src', 'index.d.ts')]])),
    strict: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    noEmit: true,
    types: [],
    // Our declarations are checked; TypeScript's own lib files (lib.dom) are not what is measured.
    skipLibCheck: false,
    skipDefaultLibCheck: true,
  });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hyperld-declarations-'));
  emitted = emitDeclarations(join(dir, 'out'));
  consumer = consumerProgram(join(dir, 'out'));
}, 180_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the published declarations', () => {
  it('are emitted without errors', () => {
    expect(emitted).toEqual([]);
  });

  it.each([['hydra'], ['textus']])('of the %s vocabulary stay small', (name) => {
    expect(vocabularySize(join(dir, 'out', name, 'src'))).toBeLessThan(64 * 1024);
  });

  it('type-check a consumer without errors and with few type instantiations', () => {
    const diagnostics = ts.getPreEmitDiagnostics(consumer).map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    expect(diagnostics).toEqual([]);
    expect(consumer.getInstantiationCount()).toBeLessThan(60_000);
  });
});
