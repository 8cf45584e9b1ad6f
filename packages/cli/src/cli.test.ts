import { readFile } from 'node:fs/promises';
import fc from 'fast-check';
import { arbitraryDocument } from '@hyperld/core/testing';
import { seedBodyText, seedFileText } from '@hyperld/fixtures';
import { declaredActions } from '@hyperld/hydra';
import { textusRegistry } from '@hyperld/textus';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, isHyperldError } from '@hyperld/core';
import { decodeUtf8, diffJson, formatDifference, nodesOf, parseDocument, run, type CliIo, type RunOptions } from './index.js';

const SEED_PATH = 'test/fixtures/000_bd34847030ad49a7.txt';
const BASE = 'https://api.textus.com/contacts/DQeeO69/conversations';

const seedText = seedFileText();
const seedBody = seedBodyText();

/** Runs the tool on in-memory files (the seed is at its repository path) and captures its output. */
async function hyperld(
  argv: string[],
  files: Record<string, string | Uint8Array> = {},
  stdin: string | Uint8Array | AsyncIterable<Uint8Array> = '',
  options: RunOptions = {},
) {
  let stdout = '';
  let stderr = '';
  const all = new Map<string, string | Uint8Array>([[SEED_PATH, seedText], ...Object.entries(files)]);
  const io: CliIo = {
    stdin:
      typeof stdin === 'string' || stdin instanceof Uint8Array
        ? (async function* () {
            yield typeof stdin === 'string' ? new TextEncoder().encode(stdin) : stdin;
          })()
        : stdin,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    readFile: async (path) => {
      const text = all.get(path);
      if (text === undefined) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
      return text;
    },
  };
  const code = await run(argv, io, options);
  return { code, stdout, stderr };
}

function withSeed(edit: (doc: Record<string, any>) => void): string {
  const doc = JSON.parse(seedBody) as Record<string, any>;
  edit(doc);
  return JSON.stringify(doc, null, 2);
}

describe('every command on generated TextUs documents', () => {
  it('validates and round-trips any valid document, and reports each declared action by its value', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryDocument(textusRegistry, { keyOrder: 'shuffled' }), async (doc) => {
        // Arrange
        const files = { 'doc.json': JSON.stringify(doc, null, 1) };
        // Act
        const validate = await hyperld(['validate', 'doc.json'], files);
        const roundtrip = await hyperld(['roundtrip', 'doc.json'], files);
        const actions = await hyperld(['actions', 'doc.json', '--json'], files);
        // Assert
        expect(validate.stdout).toBe(`valid: ${doc['@type']} (${nodesOf(doc, textusRegistry).length} node${nodesOf(doc, textusRegistry).length === 1 ? '' : 's'})\n`);
        expect(roundtrip).toEqual({ code: 0, stdout: 'identical\n', stderr: '' });
        const expected = nodesOf(doc, textusRegistry)
          .map(({ node }) => ({ node, declared: declaredActions(textusRegistry.lookup(String(node['@type'])) as never) }))
          .filter(({ declared }) => declared.length > 0)
          .map(({ node, declared }) =>
            declared.map(([name, spec]) => {
              const value = Object.hasOwn(node, name) ? node[name] : undefined;
              if (typeof value === 'string') return { name, state: 'available', method: spec.method, url: value };
              return { name, state: value === null ? 'unavailable' : 'not offered', method: spec.method };
            }),
          );
        expect((JSON.parse(actions.stdout) as Array<{ actions: unknown }>).map((entry) => entry.actions)).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('hyperld validate', () => {
  it('accepts the seed page and counts its nodes', async () => {
    const result = await hyperld(['validate', SEED_PATH]);
    expect(result).toEqual({ code: 0, stdout: 'valid: ConversationCollection (10 nodes)\n', stderr: '' });
  });

  it('reads standard input', async () => {
    const result = await hyperld(['validate', '-'], {}, seedBody);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('valid: ConversationCollection (10 nodes)\n');
  });

  it('prints every violation with its path and exits 1', async () => {
    const invalid = withSeed((doc) => {
      doc['members'][0]['unanswered'] = 'no';
      delete doc['members'][0]['account']['name'];
      doc['members'][0]['latestPreviewableItem']['direction'] = 'sideways';
    });
    const result = await hyperld(['validate', 'bad.json'], { 'bad.json': invalid });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatchInlineSnapshot(`
      "$.members[0].unanswered: expected a boolean, found string "no" (wrong_kind)
      $.members[0].account.name: expected a string, found nothing (missing_property)
      $.members[0].latestPreviewableItem.direction: expected one of "in", "out", found string "sideways" (invalid_enum)
      "
    `);
  });

  it('rejects a context URL that is not registered', async () => {
    const result = await hyperld(['validate', 'ctx.json'], { 'ctx.json': withSeed((doc) => (doc['@context'] = '/contexts/Nope.jsonld')) });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('$["@context"]: expected a registered context URL');
  });
});

describe('hyperld roundtrip', () => {
  it('re-emits the seed page identically', async () => {
    expect(await hyperld(['roundtrip', SEED_PATH])).toEqual({ code: 0, stdout: 'identical\n', stderr: '' });
  });

  it('re-emits unknown properties, nulls, {} and [] identically', async () => {
    const doc = withSeed((d) => {
      d['members'][0] = { zzUnknown: { nested: [1, { deep: null }] }, ...d['members'][0], extra: [] };
      d['members'][0]['assignedContact']['data'] = {};
      d['members'][0]['latestPreviewableItem']['flags'] = [];
      Object.defineProperty(d, '__proto__', { value: { sneaky: true }, enumerable: true, configurable: true, writable: true });
      d['emptyObject'] = {};
    });
    expect(doc).toContain('"__proto__": {');
    expect(await hyperld(['roundtrip', 'doc.json'], { 'doc.json': doc })).toEqual({ code: 0, stdout: 'identical\n', stderr: '' });
  });

  it('prints the violations of a document that does not decode', async () => {
    const result = await hyperld(['roundtrip', 'bad.json'], { 'bad.json': '{"@type": "ConversationCollection", "members": 3}' });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('$.members: expected');
  });
});

describe('diffJson', () => {
  it('names each difference with its path', () => {
    const input = { a: 1, b: { c: 2, d: [1, 2, 3] }, '@type': 'X', gone: null };
    const output = { b: { c: 3, d: [1, 2] }, a: 1, '@type': 'X', added: {} };
    expect(diffJson(input, output).map(formatDifference)).toEqual([
      '$: key order differs',
      '$.b.c: value differs',
      '$.b.d[2]: missing',
      '$.gone: missing',
      '$.added: added',
    ]);
  });

  it('tells an object from an array and null from an object', () => {
    expect(diffJson({ a: {}, b: null, c: [] }, { a: [], b: {}, c: [] })).toEqual([
      { path: '$.a', kind: 'value differs' },
      { path: '$.b', kind: 'value differs' },
    ]);
  });

  it('finds no difference exactly when the JSON texts are equal', () => {
    // Pairs that are often equal or close (the same value with keys reordered) as well as unrelated pairs.
    const reordered = fc.jsonValue().chain((v) => fc.tuple(fc.constant(v), fc.constant(JSON.parse(JSON.stringify(v), (_k, x: unknown) =>
      x !== null && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).reverse()) : x) as unknown)));
    fc.assert(
      fc.property(fc.oneof(fc.tuple(fc.jsonValue(), fc.jsonValue()), reordered, fc.jsonValue().map((v) => [v, v] as const)), ([a, b]) => {
        const differences = diffJson(a, b);
        expect(differences.length === 0).toBe(JSON.stringify(a) === JSON.stringify(b));
      }),
      { numRuns: 1000 },
    );
  });

  it('walks documents deeper than the call stack allows', () => {
    let a: unknown = 1;
    let b: unknown = 2;
    for (let i = 0; i < 100_000; i++) {
      a = [a];
      b = [b];
    }
    expect(diffJson(a, b)).toHaveLength(1);
  });
});

describe('hyperld actions', () => {
  it('lists the conversation and message actions of the seed page as JSON', async () => {
    const result = await hyperld(['actions', SEED_PATH, '--json', '--base', BASE]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as unknown;
    const at = (path: string) => `https://api.textus.com/conversations/Pvwqm5G/${path}`;
    expect(report).toEqual([
      {
        id: '/conversations/Pvwqm5G',
        type: 'ConversationWithAccount',
        actions: [
          { name: 'readConversation', state: 'available', method: 'PUT', url: at('read') },
          { name: 'unreadConversation', state: 'available', method: 'DELETE', url: at('read') },
          { name: 'starConversation', state: 'available', method: 'PUT', url: at('star') },
          { name: 'unstarConversation', state: 'available', method: 'DELETE', url: at('star') },
          { name: 'reopenConversation', state: 'unavailable', method: 'PUT' },
          { name: 'closeConversation', state: 'available', method: 'PUT', url: at('close') },
          { name: 'blockConversation', state: 'available', method: 'PUT', url: at('block') },
          { name: 'unblockConversation', state: 'unavailable', method: 'DELETE' },
          { name: 'subscribeConversation', state: 'unavailable', method: 'PUT' },
          { name: 'unsubscribeConversation', state: 'available', method: 'DELETE', url: at('subscribe') },
          { name: 'assignContact', state: 'available', method: 'PUT', url: at('assign_contact') },
        ],
      },
      { id: '/messages/06oyogE', type: 'Message', actions: [{ name: 'retry', state: 'unavailable', method: 'POST' }] },
    ]);
  });

  it('says "not offered" for an absent action and prints URLs as written without a base', async () => {
    const doc = withSeed((d) => delete d['members'][0]['assignContact']);
    const result = await hyperld(['actions', 'doc.json', '--json'], { 'doc.json': doc });
    const [conversation] = JSON.parse(result.stdout) as Array<{ actions: Array<{ name: string; state: string; url?: string }> }>;
    expect(conversation?.actions.find((a) => a.name === 'assignContact')).toEqual({ name: 'assignContact', state: 'not offered', method: 'PUT' });
    expect(conversation?.actions.find((a) => a.name === 'closeConversation')?.url).toBe('/conversations/Pvwqm5G/close');
  });

  it('prints a table by default', async () => {
    const result = await hyperld(['actions', SEED_PATH]);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').slice(0, 3)).toEqual([
      '/conversations/Pvwqm5G (ConversationWithAccount)',
      '  readConversation         available    PUT     /conversations/Pvwqm5G/read',
      '  unreadConversation       available    DELETE  /conversations/Pvwqm5G/read',
    ]);
    expect(result.stdout).toContain('  reopenConversation       unavailable  PUT\n');
    expect(result.stdout).toContain('/messages/06oyogE (Message)\n  retry  unavailable  POST\n');
  });
});

describe('hyperld expand', () => {
  it('expands the seed page through the registered contexts', async () => {
    const result = await hyperld(['expand', SEED_PATH, '--base', BASE]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const expanded = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
    expect(expanded[0]?.['@type']).toEqual(['https://api.textus.com/vocab#ConversationCollection']);
    expect(expanded[0]?.['@id']).toBe(BASE);
  });

  it('compiles an inline context on the fly', async () => {
    const doc = '{"@context": {"@vocab": "https://example.com/v#"}, "@id": "/x/1", "@type": "Thing", "name": "A"}';
    const result = await hyperld(['expand', 'doc.json', '--base', 'https://example.com/'], { 'doc.json': doc });
    expect(JSON.parse(result.stdout)).toEqual([
      { '@id': 'https://example.com/x/1', '@type': ['https://example.com/v#Thing'], 'https://example.com/v#name': [{ '@value': 'A' }] },
    ]);
  });

  it('exits 1 with the typed error for a context outside the supported subset', async () => {
    const doc = '{"@context": {"@vocab": "https://example.com/v#", "name": {"@id": "https://example.com/v#name", "@protected": true}}, "name": "A"}';
    const result = await hyperld(['expand', 'doc.json', '--base', 'https://example.com/'], { 'doc.json': doc });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^hyperld: unsupported_context: .*@protected.*\n$/);
  });

  it('requires --base', async () => {
    const result = await hyperld(['expand', SEED_PATH]);
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'hyperld: expand: --base URL is required (see hyperld expand --help)\n' });
  });
});

describe('hyperld context', () => {
  it("prints a type's context document", async () => {
    const result = await hyperld(['context', 'ConversationWithAccount']);
    expect(result.code).toBe(0);
    const document = JSON.parse(result.stdout) as { '@context': Record<string, unknown> };
    expect(document['@context']['@vocab']).toBe('https://api.textus.com/vocab#');
    expect(document['@context']['closeConversation']).toEqual({ '@id': 'https://api.textus.com/vocab#closeConversation', '@type': '@id' });
  });

  it('lists the known types for an unknown one', async () => {
    const result = await hyperld(['context', 'Conversations']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^hyperld: unknown type "Conversations"; known types: Account, .*ConversationWithAccount.*\n$/);
    expect(result.stderr.split('\n')).toHaveLength(2);
  });
});

describe('input errors and usage', () => {
  it('reports a missing file in one line and exits 2', async () => {
    expect(await hyperld(['validate', 'nope.json'])).toEqual({ code: 2, stdout: '', stderr: 'hyperld: nope.json: no such file\n' });
  });

  it('reports text that is not JSON in one line and exits 2', async () => {
    const result = await hyperld(['roundtrip', 'notes.txt'], { 'notes.txt': 'hello\nworld\n' });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^hyperld: notes\.txt: not JSON: .+\n$/);
    expect(result.stderr.split('\n')).toHaveLength(2);
  });

  it('reports a page whose "Example Body" is not JSON', async () => {
    const result = await hyperld(['validate', 'page.txt'], { 'page.txt': 'Response\nExample Body\n{"@type": \n' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^hyperld: page\.txt: not JSON: after "Example Body": .+\n$/);
  });

  it('rejects bad usage in one line with exit 2', async () => {
    for (const argv of [[], ['frobnicate'], ['validate'], ['validate', 'a', 'b'], ['validate', '--nope', 'a'], ['actions', SEED_PATH, '--base', 'not a url'], ['context']]) {
      const result = await hyperld(argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^hyperld: [^\n]+\n$/);
    }
  });

  it('prints the version of the CLI package for --version and -v', async () => {
    const { version } = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
    expect(await hyperld(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    expect(await hyperld(['-v'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('prints help for the tool and for each command', async () => {
    const main = await hyperld(['--help']);
    expect(main.code).toBe(0);
    for (const command of ['validate', 'roundtrip', 'actions', 'expand', 'context']) expect(main.stdout).toContain(`  ${command} `);
    for (const command of ['validate', 'roundtrip', 'actions', 'expand', 'context']) {
      const help = await hyperld([command, '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(new RegExp(`^Usage: hyperld ${command} `));
      expect(await hyperld(['help', command])).toEqual(help);
      expect((await hyperld([command, '-h'])).stdout).toBe(help.stdout);
    }
    expect((await hyperld(['actions', '--help'])).stdout).toContain('--json');
  });
});

describe('the same limits for every command', () => {
  const FILE_COMMANDS = ['validate', 'roundtrip', 'actions', 'expand'];

  it('reads a document of maxSize characters, and refuses a longer one alike in every command (exit 2)', async () => {
    // Arrange
    const limit = seedBody.length - 1;
    const files = { 'page.json': seedBody, 'page.bytes.json': new TextEncoder().encode(seedBody) };
    const refused = { code: 2, stdout: '', stderr: `hyperld: page.json: expected at most ${limit} characters (maxSize), found ${seedBody.length} characters (max_size)\n` };
    for (const command of FILE_COMMANDS) {
      // Act
      const text = await hyperld([command, 'page.json', '--base', BASE], files, '', { limits: { maxSize: limit } });
      const bytes = await hyperld([command, 'page.bytes.json', '--base', BASE], files, '', { limits: { maxSize: limit } });
      const atLimit = await hyperld([command, 'page.json', '--base', BASE], files, '', { limits: { maxSize: seedBody.length } });
      // Assert
      expect(text, command).toEqual(refused);
      expect(bytes, command).toEqual({ ...refused, stderr: refused.stderr.replace('page.json', 'page.bytes.json') });
      expect(atLimit.code, command).toBe(0);
    }
  });

  it('reads standard input no further than maxSize allows', async () => {
    // A stream of 10 MiB of spaces (finite, so that reading it all fails the test rather than hangs it).
    let chunks = 0;
    const long = (async function* () {
      for (; chunks < 10_240; chunks++) yield new Uint8Array(1024).fill(0x20);
    })();
    const result = await hyperld(['validate', '-'], {}, long, { limits: { maxSize: 1000 } });
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'hyperld: <stdin>: expected at most 1000 characters (maxSize), found more than 3000 bytes (max_size)\n' });
    expect(chunks).toBe(2); // the third chunk went past 3000 bytes, and the stream was left there
  });

  it('refuses a Message over the default 64 MiB under validate as under roundtrip, before parsing it', async () => {
    // Arrange: the seed's Message with a body of 64 MiB, as bytes (a file's content).
    const message = (JSON.parse(seedBody) as { members: Array<{ latestPreviewableItem: object }> }).members[0]?.latestPreviewableItem;
    const [head, tail] = JSON.stringify({ ...message, body: '<body>' }).split('<body>') as [string, string];
    const bytes = new Uint8Array(head.length + DEFAULT_LIMITS.maxSize + tail.length).fill(0x61); // 'a'
    bytes.set(new TextEncoder().encode(head), 0);
    bytes.set(new TextEncoder().encode(tail), bytes.length - tail.length);
    const files = { 'message.json': bytes };
    for (const command of ['validate', 'roundtrip', 'expand']) {
      // Act
      const result = await hyperld([command, 'message.json', '--base', BASE], files);
      // Assert
      expect(result, command).toEqual({
        code: 2,
        stdout: '',
        stderr: `hyperld: message.json: expected at most ${DEFAULT_LIMITS.maxSize} characters (maxSize), found ${bytes.length} characters (max_size)\n`,
      });
    }
    // The same Message with a short body is valid.
    expect((await hyperld(['validate', 'short.json'], { 'short.json': `${head}short${tail}` })).stdout).toBe('valid: Message (2 nodes)\n');
  });

  it('decodes and walks under the limits it is given, above the defaults as below them', async () => {
    // Arrange: free-form JSON nested 150 levels deep, beyond the default maxDepth of 128.
    const deep = withSeed((doc) => (doc['members'][0]['extra'] = JSON.parse(`${'['.repeat(150)}${']'.repeat(150)}`)));
    const files = { 'deep.json': deep };
    // Act
    const byDefault = await hyperld(['validate', 'deep.json'], files);
    const above = await hyperld(['validate', 'deep.json'], files, '', { limits: { maxDepth: 200 } });
    const actionsAbove = await hyperld(['actions', 'deep.json', '--json'], files, '', { limits: { maxDepth: 200 } });
    const expandBelow = await hyperld(['expand', SEED_PATH, '--base', BASE], {}, '', { limits: { maxDepth: 3 } });
    // Assert
    expect(byDefault.code).toBe(1);
    expect(byDefault.stdout).toContain('(max_depth)');
    expect(above).toEqual({ code: 0, stdout: 'valid: ConversationCollection (10 nodes)\n', stderr: '' });
    expect(actionsAbove.code).toBe(0);
    expect(expandBelow.code).toBe(1);
    expect(expandBelow.stderr).toMatch(/^hyperld: max_depth: /);
  });
});

describe('bytes that are not UTF-8', () => {
  const utf8 = (text: string) => new TextEncoder().encode(text);
  const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((part) => [...part]));
  // "café" in Latin-1: the é is the one byte 0xE9, at offset 54.
  const latin1 = concat(utf8('{"@type": "Account", "id": "/accounts/1", "name": "caf'), Uint8Array.of(0xe9), utf8('"}'));

  it('are an input error naming the file and the byte offset, for every command, never U+FFFD', async () => {
    for (const command of ['validate', 'roundtrip', 'actions', 'expand']) {
      // Act
      const result = await hyperld([command, 'latin1.json', '--base', BASE], { 'latin1.json': latin1 });
      // Assert
      expect(result, command).toEqual({
        code: 2,
        stdout: '',
        stderr: 'hyperld: latin1.json: expected UTF-8 text, found an invalid byte sequence at byte 54 (invalid_utf8)\n',
      });
    }
  });

  it('are an input error on standard input too', async () => {
    expect(await hyperld(['validate', '-'], {}, latin1)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'hyperld: <stdin>: expected UTF-8 text, found an invalid byte sequence at byte 54 (invalid_utf8)\n',
    });
  });

  it('leave UTF-8 alone: a byte order mark, multi-byte characters and a U+FFFD that the bytes spell', async () => {
    const doc = utf8('\uFEFF{"@type": "Account", "id": "/accounts/1", "name": "café 😀 \uFFFD"}');
    expect(await hyperld(['roundtrip', 'ok.json'], { 'ok.json': doc })).toEqual({ code: 0, stdout: 'identical\n', stderr: '' });
  });

  it('decodeUtf8 names the offset of the first bad byte, whatever valid text comes before', () => {
    const bad = fc.constantFrom(
      Uint8Array.of(0xff), // never a UTF-8 byte
      Uint8Array.of(0x80), // a continuation byte with no lead
      Uint8Array.of(0xc0, 0x80), // an overlong encoding of U+0000
      Uint8Array.of(0xed, 0xa0, 0x80), // the surrogate U+D800
      Uint8Array.of(0xe2, 0x82), // a three-byte sequence cut short (what follows is never a continuation byte)
      Uint8Array.of(0xf4, 0x90, 0x80, 0x80), // beyond U+10FFFF
    );
    const text = fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom('\uFEFF', '\uFFFD', 'é', '😀'));
    fc.assert(
      fc.property(fc.array(text), bad, fc.string({ unit: 'binary' }), (before, invalid, after) => {
        // Arrange
        const head = utf8(before.join(''));
        // Act
        let caught: unknown;
        try {
          decodeUtf8(concat(head, invalid, utf8(after)));
        } catch (error) {
          caught = error;
        }
        // Assert
        expect(isHyperldError(caught) && caught.code).toBe('invalid_utf8');
        expect((caught as Error).message).toBe(`expected UTF-8 text, found an invalid byte sequence at byte ${head.length}`);
      }),
      { numRuns: 500 },
    );
  });

  it('decodeUtf8 returns the text of any UTF-8 bytes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const bytes = utf8(text);
        expect(decodeUtf8(bytes)).toBe(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes));
      }),
    );
  });
});

describe('parseDocument', () => {
  it('takes the JSON that follows "Example Body" and ignores prose after it', () => {
    expect(parseDocument('Status\n200\nExample Body\n{"a": "}{"}\nMore prose { here\n')).toEqual({ ok: true, text: '{"a": "}{"}', value: { a: '}{' } });
  });

  it('prefers the whole text when it is JSON', () => {
    expect(parseDocument('\uFEFF["Example Body"]')).toEqual({ ok: true, text: '["Example Body"]', value: ['Example Body'] });
  });
});
