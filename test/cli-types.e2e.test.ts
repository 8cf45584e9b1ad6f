/**
 * `hyperld … --types api.ts` from the built binary (ESM `dist/bin.js` and its CommonJS twin),
 * installed in a temporary project as a user has it: the TypeScript module is loaded through tsx,
 * the optional peer dependency, found from the installed tool; without tsx installed, the tool
 * says which package to install. The workspace packages are linked in and run from source (with
 * tsx, as in cli-built.e2e), so no `pnpm build` of them is needed first.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtCli } from './helpers/built-cli.js';

const tool = builtCli('hyperld-cli-types-');
const { project } = tool;
const hyperld = tool.run;
/** The tsx package's folder, linked into the project as the user's install of the peer. */
const tsxPackage = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
const tsxLink = join(project, 'node_modules', 'tsx');

// The user's module, in the shape `hyperld generate` writes: definitions, registry, contexts, types.
const API_TS = `import { createRegistry, t, vocabulary, type Registry } from '@hyperld/core';
import { action, hydraTypes } from '@hyperld/hydra';

const api = vocabulary({ vocab: 'https://api.example.com/docs#' });

/** A book of the shelf. */
export const Book = api.type('Book', {
  properties: { title: t.string(), isbn: t.string().optional(), borrow: action({ method: 'POST', returns: 'Loan' }) },
});

export const types = [Book] as const;
export const registry: Registry = createRegistry({ types: [...types, ...hydraTypes] });
export const contexts: readonly string[] = ['/contexts/Book.jsonld'];
`;

beforeAll(async () => {
  await tool.install();
  symlinkSync(tsxPackage, tsxLink, 'dir');
  writeFileSync(join(project, 'package.json'), '{ "type": "module", "private": true }\n');
  writeFileSync(join(project, 'api.ts'), API_TS);
  writeFileSync(join(project, 'page.json'), '{"@context": "/contexts/Book.jsonld", "@type": "Book", "id": "/books/1", "title": "Dune", "borrow": null}');
  writeFileSync(join(project, 'bad.json'), '{"@context": "/contexts/Book.jsonld", "@type": "Book", "id": "/books/2", "title": ["Emma"]}');
}, 120_000);

afterAll(() => tool.remove());

describe('the built hyperld binary with --types api.ts', () => {
  it.each(['bin.js', 'bin.cjs'])('validates documents of the types of a TypeScript module through tsx (%s)', async (bin) => {
    expect(await hyperld(bin, ['validate', 'page.json', '--types', 'api.ts'])).toEqual({ code: 0, stdout: 'valid: Book (1 node)\n', stderr: '' });
    expect(await hyperld(bin, ['validate', 'bad.json', '--types', 'api.ts'])).toEqual({
      code: 1,
      stdout: '$.title: expected a string, found an array of 1 (wrong_kind)\n',
      stderr: '',
    });
    expect(await hyperld(bin, ['actions', 'page.json', '--types', 'api.ts'])).toEqual({ code: 0, stdout: '/books/1 (Book)\n  borrow  unavailable  POST\n', stderr: '' });
  });

  it('writes the reference of the module’s types with hyperld docs --types api.ts -o DIR', async () => {
    expect(await hyperld('bin.js', ['docs', '--types', 'api.ts', '-o', 'site'])).toEqual({ code: 0, stdout: expect.stringMatching(/^wrote \d+ pages into site \(\d+ classes, 0 endpoints\)\n$/), stderr: '' });
    const book = readFileSync(join(project, 'site', 'types', 'Book.html'), 'utf8');
    expect(book).toContain('<tr id="property-isbn"><td><code>isbn</code>');
    expect(book).toMatch(/<td><code>borrow<\/code><\/td><td><span class="method method-post">POST<\/span><\/td>/);
    expect(await hyperld('bin.js', ['docs', '--types', 'api.ts'])).toEqual({ code: 2, stdout: '', stderr: 'hyperld: docs: -o DIR is required: where to write the site (see hyperld docs --help)\n' });
  });

  it('says which package to install when tsx is not installed (and still loads a .js module)', async () => {
    writeFileSync(join(project, 'api.js'), "import { vocabulary, t } from '@hyperld/core';\nexport const types = [vocabulary({ vocab: 'https://api.example.com/docs#' }).type('Book', { properties: { title: t.string() } })];\n");
    rmSync(tsxLink);
    try {
      for (const bin of ['bin.js', 'bin.cjs']) {
        expect(await hyperld(bin, ['validate', 'page.json', '--types', 'api.ts'])).toEqual({
          code: 2,
          stdout: '',
          stderr: "hyperld: --types api.ts: a TypeScript module needs the 'tsx' package, an optional peer dependency of @hyperld/cli: npm i -D tsx (or give a .js module)\n",
        });
        expect(await hyperld(bin, ['validate', 'page.json', '--types', 'api.js'])).toEqual({ code: 0, stdout: 'valid: Book (1 node)\n', stderr: '' });
      }
    } finally {
      symlinkSync(tsxPackage, tsxLink, 'dir');
    }
  });
});
