/**
 * `--types <module>`: the user's own definitions, from a JavaScript module and from a TypeScript
 * one (through tsx), written to a temporary directory; and the errors for modules that cannot give
 * a registry.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isRegistry } from '@hyperld/core';
import { afterAll, describe, expect, it } from 'vitest';
import { loadTypesModule, run, type CliIo } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'hyperld-types-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The modules import the packages' sources by URL: the temporary directory has no node_modules.
// tsx loads the .ts module natively, beside the tests' own copy of core: its registry comes from
// another copy of @hyperld/core than the tool's, as from a duplicate install (the brand check).
const CORE = JSON.stringify(pathToFileURL(new URL('../../core/src/index.ts', import.meta.url).pathname).href);
const HYDRA = JSON.stringify(pathToFileURL(new URL('../../hydra/src/index.ts', import.meta.url).pathname).href);

/** A shelf vocabulary of the user's own: a Book with a title, a page count and a borrow action. */
const SHELF = `
const shelf = vocabulary({ vocab: 'https://shelf.example/vocab#' });
export const Book = shelf.type('Book', {
  properties: { title: t.string(), pages: t.integer().optional(), borrow: action({ method: 'POST', returns: 'Loan' }) },
});`;

/** Writes a file of the temporary directory; returns its path. */
function write(name: string, text: string): string {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return path;
}

write('package.json', '{ "type": "module" }');
const JS_MODULE = write('shelf.js', `import { t, vocabulary } from ${CORE};\nimport { action } from ${HYDRA};\n${SHELF}\nexport const types = [Book];\n`);
const TS_MODULE = write(
  'shelf.ts',
  `import { createRegistry, t, vocabulary, type Registry } from ${CORE};\nimport { action, hydraTypes } from ${HYDRA};\n${SHELF}\n` +
    'export const registry: Registry = createRegistry({ types: [Book, ...hydraTypes] });\nexport const contexts: readonly string[] = [Book.context];\n',
);

const BOOK = '{"@context": "/contexts/Book.jsonld", "@type": "Book", "id": "/books/1", "title": "Dune", "pages": 412, "borrow": "/books/1/loans"}';
const BAD_BOOK = '{"@context": "/contexts/Book.jsonld", "@type": "Book", "id": "/books/1", "title": 42, "borrow": null}';
const SHELF_PAGE = JSON.stringify({
  '@context': '/contexts/Book.jsonld',
  '@type': 'Book',
  id: '/books/2',
  title: 'Emma',
  borrow: null,
});

/** What the fake API answers, by path: a book, an invalid one, and a collection of books in Hydra's own context. */
const API: Readonly<Record<string, string>> = {
  '/books/1': BOOK,
  '/books/3': BAD_BOOK,
  '/books': JSON.stringify({
    '@context': 'http://www.w3.org/ns/hydra/context.jsonld',
    '@type': 'Collection',
    '@id': '/books',
    totalItems: 2,
    member: [JSON.parse(BOOK), JSON.parse(SHELF_PAGE)],
  }),
};

/** A fetch answering from {@link API} (404 otherwise). */
const apiFetch: typeof fetch = async (input) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  const body = url.origin === 'https://shelf.example' && Object.hasOwn(API, url.pathname) ? API[url.pathname] : undefined;
  return body === undefined ? new Response('', { status: 404 }) : new Response(body, { headers: { 'content-type': 'application/ld+json' } });
};

/** Runs the tool with its files on disk, as the binary does, and captures its output. */
async function hyperld(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdin: (async function* () {})(),
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    readFile: (path) => readFile(path),
    fetch: apiFetch,
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

const book = write('book.json', BOOK);
const badBook = write('bad-book.json', BAD_BOOK);
const emma = write('emma.json', SHELF_PAGE);

describe.each([
  ['a .js module exporting types', JS_MODULE],
  ['a .ts module exporting registry (through tsx)', TS_MODULE],
])('--types with %s', (_, module) => {
  it('validates a document of the user type, and lists a violation by its path', async () => {
    expect(await hyperld(['validate', book, '--types', module])).toEqual({ code: 0, stdout: 'valid: Book (1 node)\n', stderr: '' });
    const invalid = await hyperld(['validate', badBook, '--types', module]);
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toBe('$.title: expected a string, found number 42 (wrong_kind)\n');
  });

  it("round-trips a document of the user's type, which the default vocabulary does not know", async () => {
    expect(await hyperld(['roundtrip', book, '--types', module])).toEqual({ code: 0, stdout: 'identical\n', stderr: '' });
    // Without --types the context URL is unknown to TextUs: a violation, not a round trip.
    expect((await hyperld(['roundtrip', book])).code).toBe(1);
  });

  it("lists the actions of the user's type, available and unavailable", async () => {
    const available = await hyperld(['actions', book, '--json', '--base', 'https://shelf.example/books/1', '--types', module]);
    expect(available.code).toBe(0);
    expect(JSON.parse(available.stdout)).toEqual([
      { id: '/books/1', type: 'Book', actions: [{ name: 'borrow', state: 'available', method: 'POST', url: 'https://shelf.example/books/1/loans' }] },
    ]);
    const unavailable = await hyperld(['actions', emma, '--types', module]);
    expect(unavailable).toEqual({ code: 0, stdout: '/books/2 (Book)\n  borrow  unavailable  POST\n', stderr: '' });
  });

  it("decodes a URL's answer with the user's types through the client: get, validate, members", async () => {
    expect(await hyperld(['get', 'https://shelf.example/books/1', '--types', module])).toEqual({
      code: 0,
      stdout: 'Book https://shelf.example/books/1\n  title: "Dune"\n  pages: 412\n  borrow: "/books/1/loans"\n',
      stderr: '',
    });
    expect(await hyperld(['validate', 'https://shelf.example/books/3', '--types', module])).toEqual({
      code: 1,
      stdout: '$.title: expected a string, found number 42 (wrong_kind)\n',
      stderr: '',
    });
    // A Hydra collection of the user's books: Hydra's types are there to page it.
    expect(await hyperld(['members', 'https://shelf.example/books', '--types', module])).toEqual({
      code: 0,
      stdout: 'https://shelf.example/books/1  Book\nhttps://shelf.example/books/2  Book\n',
      stderr: '',
    });
  });

  it("prints the generated context of the user's type", async () => {
    const context = await hyperld(['context', 'Book', '--types', module]);
    expect(context.code).toBe(0);
    expect(JSON.parse(context.stdout)['@context']).toMatchObject({ '@vocab': 'https://shelf.example/vocab#' });
    expect((await hyperld(['context', 'Conversation', '--types', module])).code).toBe(1);
  });
});

describe('loadTypesModule', () => {
  it('gives a registry with Hydra types added to a module of types, and the module registry as it is', async () => {
    const fromTypes = await loadTypesModule(JS_MODULE);
    expect(isRegistry(fromTypes)).toBe(true);
    expect(fromTypes.lookup('Book')).toBeDefined();
    expect(fromTypes.lookup('hydra:Collection')).toBeDefined();
    expect(fromTypes.lookup('hydra:PartialCollectionView')).toBeDefined();
    const fromRegistry = await loadTypesModule(TS_MODULE);
    expect(fromRegistry.lookup('Book')?.iri).toBe('https://shelf.example/vocab#Book');
  });

  it('resolves a relative path against the directory given', async () => {
    expect((await loadTypesModule('shelf.js', { cwd: dir })).lookup('Book')).toBeDefined();
  });
});

describe('--types errors, one line naming the path, exit 2', () => {
  const error = async (module: string) => {
    const result = await hyperld(['validate', book, '--types', module]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toHaveLength(2);
    return result.stderr.replaceAll(dir, '<dir>');
  };

  it('for a missing file', async () => {
    expect(await error(join(dir, 'nope.ts'))).toMatchInlineSnapshot(`
      "hyperld: --types <dir>/nope.ts: no such file
      "
    `);
  });

  it('for a path that is no module', async () => {
    expect(await error(book)).toMatchInlineSnapshot(`
      "hyperld: --types <dir>/book.json: expected a .ts, .mts, .cts, .js, .mjs or .cjs module
      "
    `);
  });

  it('for a module exporting neither registry nor types', async () => {
    expect(await error(write('none.mjs', 'export const Book = 1;\nexport default {};\n'))).toMatchInlineSnapshot(`
      "hyperld: --types <dir>/none.mjs: expected the module to export registry (a registry of @hyperld/core) or types (an array of type definitions), found only Book
      "
    `);
    expect(await error(write('empty.ts', 'export {};\n'))).toMatch(/: expected the module to export registry .*, found no exports\n$/);
  });

  it('for a module throwing while it loads', async () => {
    expect(await error(write('throws.ts', "const why: string = 'no vocabulary here';\nthrow new Error(why);\n"))).toMatchInlineSnapshot(`
      "hyperld: --types <dir>/throws.ts: the module failed to load: no vocabulary here
      "
    `);
    expect(await error(write('syntax.js', 'export const = ;\n'))).toMatch(/^hyperld: --types <dir>\/syntax\.js: the module failed to load: .*Unexpected token/);
  });

  it('for exports that are no registry or no definitions', async () => {
    expect(await error(write('fake.mjs', 'export const registry = { types: new Map(), decode() {} };\n'))).toMatchInlineSnapshot(`
      "hyperld: --types <dir>/fake.mjs: expected its registry export to be a registry made by createRegistry of @hyperld/core, found an object that is not one
      "
    `);
    expect(await error(write('strings.cjs', "module.exports = { types: ['Book'] };\n"))).toMatchInlineSnapshot(`
      "hyperld: --types <dir>/strings.cjs: expected its types export to be an array of type definitions (vocabulary().type(…) or defineType), found a string "Book" at types[0]
      "
    `);
  });

  it('names --types in the help of the tool and of every command', async () => {
    expect((await hyperld(['--help'])).stdout).toContain('get, members, validate, roundtrip, actions, expand and context take --types MODULE: your own\ndefinitions');
    for (const command of ['validate', 'roundtrip', 'actions', 'get', 'members', 'expand', 'context']) {
      expect((await hyperld([command, '--help'])).stdout, command).toContain('\n  --types MODULE   your own definitions in place of the TextUs vocabulary');
    }
  });
});
