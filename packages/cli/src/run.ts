/**
 * The `hyperld` commands as one function over injected streams, so that tests call it without
 * spawning a process and `bin.ts` only wires it to `process`.
 *
 * Exit status: 0 when the command succeeds, 1 when the document is invalid, does not round-trip,
 * does not expand or names an unknown type, 2 for usage errors and input that is unreadable,
 * over the size limit, not UTF-8 or not JSON, and for a `--types` module that gives no registry
 * (one line on stderr). Every command reads its input the same way and applies the same limits.
 *
 * @module
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { formatViolation, idOf, isDecodeError, isHyperldError, metaOf, resolveIri, type DecodeOptions, type Limits, type Registry } from '@hyperld/core';
import { expand } from '@hyperld/core/expand';
import { ApiDocsError, loadApiReference, referenceFromRegistry, writeApiSite } from '@hyperld/apidocs';
import { HydraError, listActions, type ActionState } from '@hyperld/hydra';
import { readApiDocumentation } from '@hyperld/hydra/discovery';
import type { Client } from '@hyperld/hydra/client';
import { textusRegistry } from '@hyperld/textus';
// Bundled into the build (the built tool prints the version it was built as); read as it is
// from source.
import cliPackage from '../package.json' with { type: 'json' };
import { diffJson, formatDifference } from './diff.js';
import { CliError } from './errors.js';
import { parseDocument, readText } from './input.js';
import { generateFromUrl } from './generate/from-url.js';
import { generateModule } from './generate/module.js';
import { clientFor, isUrlArgument, parseContextsOption, parseHeaderOptions, remoteError } from './remote.js';
import { loadTypesModule } from './types-module.js';
import { nodesOf } from './walk.js';

/**
 * Where the tool reads and writes: `process.stdin`, `process.stdout`, `process.stderr` and
 * `fs.readFile` in the binary, strings in tests.
 *
 * @example
 * ```ts
 * import { readFile } from 'node:fs/promises';
 * import type { CliIo } from '@hyperld/cli';
 * const io: CliIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, readFile: (path) => readFile(path) };
 * ```
 */
export interface CliIo {
  /** Standard input, read when the file argument is `-`. */
  readonly stdin: AsyncIterable<string | Uint8Array>;
  /** Where results go. */
  readonly stdout: { write(text: string): unknown };
  /** Where errors go, one line each. */
  readonly stderr: { write(text: string): unknown };
  /**
   * Reads a file's bytes (`fs.readFile` without an encoding), which must be UTF-8; a string is
   * taken as text already decoded. Rejects with a Node.js system error (`code` `ENOENT`, …).
   */
  readonly readFile: (path: string) => Promise<Uint8Array | string>;
  /** What URL arguments are fetched with (default: the global `fetch`). */
  readonly fetch?: typeof fetch;
  /**
   * Writes a file's text (`fs.writeFile` in the binary), for `generate -o`; without it, `-o` is
   * a usage error. Rejects with a Node.js system error (`code` `ENOENT`, …).
   */
  readonly writeFile?: (path: string, text: string) => Promise<void>;
}

/**
 * Options of {@link run}.
 *
 * @example
 * ```ts
 * import type { RunOptions } from '@hyperld/cli';
 * import { textusRegistry } from '@hyperld/textus';
 * const options: RunOptions = { registry: textusRegistry, limits: { maxSize: 1 << 20 } };
 * ```
 */
export interface RunOptions {
  /**
   * The vocabulary documents are decoded, expanded and described with (default: TextUs); a
   * command's `--types MODULE` replaces it for that run.
   */
  readonly registry?: Registry;
  /**
   * The limits every command applies to its input (default `DEFAULT_LIMITS`): `maxSize` while
   * reading it, the others while decoding it (`maxDepth` while expanding it too).
   */
  readonly limits?: Limits;
}

const usageError = (command: string, message: string): CliError =>
  new CliError('usage_error', `${command}: ${message} (see hyperld ${command} --help)`);

interface Command {
  readonly usage: string;
  readonly summary: string;
  readonly details: string;
  readonly options: Readonly<Record<string, { readonly type: 'string' | 'boolean'; readonly multiple?: boolean; readonly short?: string }>>;
  /** Whether the argument may be a URL (`also`), must be one (`only`), or is a file (absent). */
  readonly url?: 'also' | 'only';
  /** Whether `--types MODULE` may stand in for the argument (`hyperld docs --types api.ts`). */
  readonly typesInsteadOfArgument?: boolean;
  readonly execute: (positionals: readonly string[], values: Flags, context: Context) => Promise<number>;
}

interface Flags {
  readonly base?: string;
  readonly json?: boolean;
  readonly header?: readonly string[];
  readonly contexts?: readonly string[];
  readonly limit?: string;
  readonly types?: string;
  readonly output?: string;
  readonly title?: string;
}

interface Context {
  readonly io: CliIo;
  readonly registry: Registry;
  readonly limits: Limits;
}

const FILE_NOTE = `<file> is a JSON document (UTF-8), or a saved documentation page whose JSON body follows a
line "Example Body" (as in test/fixtures/*.txt); - reads standard input.`;

const BASE_OPTION = { base: { type: 'string' } } as const;

/** `--types`, which every command takes. */
const TYPES_OPTION = { types: { type: 'string' } } as const;

const TYPES_NOTE = `  --types MODULE   your own definitions in place of the TextUs vocabulary: a .ts module (needs
                   the tsx package installed) or a .js, .mjs or .cjs one, relative to the current
                   directory, exporting registry (createRegistry of @hyperld/core) or types (an
                   array of definitions; Hydra's types are added), as hyperld generate writes it`;

/** The options of every command that takes a URL. */
const URL_OPTIONS = { header: { type: 'string', multiple: true }, contexts: { type: 'string', multiple: true } } as const;

const URL_NOTE = `<URL> (http or https) is fetched with the hypermedia client, which follows redirects and
trusts remote contexts as --contexts says:

  --header 'Name: value'   a header field for requests to the URL's origin (and no other), e.g.
                           credentials; repeatable
  --contexts POLICY        which remote contexts are fetched: same-origin (default: the URL's own
                           origin), registered (none: only the vocabulary's), or origins
                           (https://a.example, repeatable or comma-separated)`;

/** The client a command on a URL uses, from its flags. */
function remoteClient(url: string, flags: Flags, command: string, { io, registry, limits }: Context): Client<never> {
  return clientFor(url, {
    registry,
    limits,
    headers: parseHeaderOptions(flags.header ?? [], command),
    contexts: parseContextsOption(flags.contexts ?? [], command),
    fetch: io.fetch,
  });
}

/**
 * Fetches and decodes a URL; a document that does not decode prints its violations and gives
 * `undefined`, any other failure is an input error naming the URL.
 */
async function fetchOrReport(client: Client<never>, url: string, { io }: Context): Promise<object | undefined> {
  try {
    return await client.get(url);
  } catch (error) {
    const cause = HydraError.is(error) && error.code === 'decode_failed' ? error.cause : undefined;
    if (isDecodeError(cause)) {
      for (const v of cause.violations) io.stdout.write(`${formatViolation(v)}\n`);
      return undefined;
    }
    throw remoteError(error, url);
  }
}

/** A URL's answer as text and JSON, read as files are (limits, strict UTF-8); an error answer is an input error. */
async function fetchText(client: Client<never>, url: string, context: Context): Promise<{ text: string; value: unknown }> {
  let text: string;
  try {
    const response = await client.request('GET', url);
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw new CliError('input_error', `${url}: ${response.status} ${response.statusText}`);
    }
    // Node.js' web streams are async iterable (the DOM typings do not say so).
    text = await readText(response.body === null ? new Uint8Array() : (response.body as unknown as AsyncIterable<Uint8Array>), context.limits);
  } catch (error) {
    throw remoteError(error, url);
  }
  const parsed = parseDocument(text);
  if (!parsed.ok) throw new CliError('input_error', `${url}: not JSON: ${parsed.reason}`);
  return { text: parsed.text, value: parsed.value };
}

/** A node's identifier resolved against the base it was decoded with, `null` when it has none. */
function absoluteId(node: object, base: string | undefined): string | null {
  const id = idOf(node);
  if (typeof id !== 'string') return null;
  const against = metaOf(node)?.base ?? base;
  return against === undefined ? id : resolveIri(id, against);
}

const COMMANDS: Readonly<Record<string, Command>> = {
  get: {
    usage: 'hyperld get <URL> [--json] [--header H]… [--contexts POLICY]',
    summary: 'fetch a resource, decode it and print it',
    details: `Fetches <URL>, decodes the answer against the vocabulary (unknown @types are allowed) and
prints its @type and id, then each property: its value when it is a scalar or a link, the
number of items of a list, the @type of an embedded node. A document that does not decode
prints its violations and exits 1.

  --json           print the decoded document as JSON, exactly as it came (keys, order, nulls)
${TYPES_NOTE}

${URL_NOTE}`,
    options: { json: { type: 'boolean' }, ...TYPES_OPTION, ...URL_OPTIONS },
    url: 'only',
    execute: async ([url], flags, context) => {
      const target = url as string;
      const client = remoteClient(target, flags, 'get', context);
      const node = await fetchOrReport(client, target, context);
      if (node === undefined) return 1;
      const registry = metaOf(node)?.registry ?? context.registry;
      if (flags.json === true) {
        context.io.stdout.write(`${registry.encodeText(node, { space: 2 })}\n`);
        return 0;
      }
      context.io.stdout.write(describeNode(node, target));
      return 0;
    },
  },
  members: {
    usage: 'hyperld members <collection URL> [--limit N] [--json] [--header H]… [--contexts POLICY]',
    summary: "list a collection's members across its pages",
    details: `Fetches the collection at <URL> and follows its pages (next) to the end, printing one line per
member: its id, resolved against the page it came in, and its @type.

  --limit N        stop after N members
  --json           print one JSON array of the members' ids (absolute IRIs; null for a member
                   with none), in order
${TYPES_NOTE}

${URL_NOTE}`,
    options: { json: { type: 'boolean' }, limit: { type: 'string' }, ...TYPES_OPTION, ...URL_OPTIONS },
    url: 'only',
    execute: async ([url], flags, context) => {
      const target = url as string;
      const limit = flags.limit === undefined ? undefined : Number(flags.limit);
      if (limit !== undefined && (!Number.isSafeInteger(limit) || limit < 0)) {
        throw usageError('members', `--limit ${JSON.stringify(flags.limit)} is not a whole number`);
      }
      const client = remoteClient(target, flags, 'members', context);
      const ids: Array<string | null> = [];
      try {
        for await (const member of client.members(target, limit === undefined ? {} : { limit })) {
          const id = absoluteId(member as object, target);
          if (flags.json === true) ids.push(id);
          else context.io.stdout.write(`${id ?? '(no id)'}  ${typeLabel(member as object)}\n`);
        }
      } catch (error) {
        throw remoteError(error, target);
      }
      if (flags.json === true) context.io.stdout.write(`${JSON.stringify(ids, null, 2)}\n`);
      return 0;
    },
  },
  validate: {
    usage: 'hyperld validate <file|-|URL> [--base URL]',
    summary: 'decode a document and list every violation',
    details: `Decodes the document against the vocabulary (unknown @types are allowed, unknown context
URLs are not) and prints each violation as "path: expected X, found Y (code)".
Prints "valid: <@type> (<n> nodes)" and exits 0 when there is none, exits 1 otherwise.

  --base URL       the IRI the document came from (relative context URLs resolve against it)
${TYPES_NOTE}

${URL_NOTE}`,
    options: { ...BASE_OPTION, ...TYPES_OPTION, ...URL_OPTIONS },
    url: 'also',
    execute: async ([file], flags, context) => {
      const source = file as string;
      const document = isUrlArgument(source)
        ? await fetchOrReport(remoteClient(source, flags, 'validate', context), source, context)
        : decodeOrReport((await readDocument(source, context)).text, flags.base, context);
      if (document === undefined) return 1;
      const count = nodesOf(document, metaOf(document)?.registry ?? context.registry, context.limits).length;
      const type = (document as Record<string, unknown>)['@type'];
      context.io.stdout.write(`valid: ${String(type)} (${count} ${count === 1 ? 'node' : 'nodes'})\n`);
      return 0;
    },
  },
  roundtrip: {
    usage: 'hyperld roundtrip <file|-|URL> [--base URL]',
    summary: 'check that encode(decode(doc)) re-emits the input exactly',
    details: `Decodes the document, encodes the node again and compares the result with the input: same
keys, same order, same values. Prints "identical" and exits 0, or prints each difference with
its JSON path ("$.a.b: key order differs", "value differs", "missing", "added") and exits 1.
A document that does not decode prints its violations and exits 1.

  --base URL       the IRI the document came from
${TYPES_NOTE}

${URL_NOTE}`,
    options: { ...BASE_OPTION, ...TYPES_OPTION, ...URL_OPTIONS },
    url: 'also',
    execute: async ([file], flags, context) => {
      const { io } = context;
      const source = file as string;
      let input: { text: string; value: unknown };
      let registry = context.registry;
      let base = flags.base;
      if (isUrlArgument(source)) {
        // The answer's own text, then the client's decoding of the resource (which loads the
        // contexts it trusts); the text is decoded with the registry that knows them.
        const client = remoteClient(source, flags, 'roundtrip', context);
        input = await fetchText(client, source, context);
        const fetched = await fetchOrReport(client, source, context);
        if (fetched === undefined) return 1;
        registry = metaOf(fetched)?.registry ?? registry;
        base = source;
      } else {
        input = await readDocument(source, context);
      }
      // Decoded from the text, not from the parsed value, so that the node is a value of its own.
      const node = decodeOrReport(input.text, base, { ...context, registry });
      if (node === undefined) return 1;
      const encoded = registry.encodeText(node);
      if (encoded === JSON.stringify(input.value)) {
        io.stdout.write('identical\n');
        return 0;
      }
      const differences = diffJson(input.value, JSON.parse(encoded) as unknown);
      if (differences.length === 0) differences.push({ path: '$', kind: 'value differs' });
      for (const d of differences) io.stdout.write(`${formatDifference(d)}\n`);
      return 1;
    },
  },
  actions: {
    usage: 'hyperld actions <file|-|URL> [--base URL] [--json]',
    summary: "list every node's actions and their state",
    details: `For every node whose type declares actions (embedded nodes included), prints its id and,
for each action, its name, state (available, unavailable, not offered), method and URL.

  --base URL       resolve action URLs against this IRI (they are printed as written otherwise)
  --json           print [{ "id", "type", "actions": [{ "name", "state", "method", "url"? }] }]
${TYPES_NOTE}

On a URL, the operations are those discovered at run time, as the client lists them: the
declared actions, the operations the API documentation (found through the answer's Link
header) gives the node's classes and their link properties, and inline operations; ids and
URLs are absolute.

${URL_NOTE}`,
    options: { ...BASE_OPTION, json: { type: 'boolean' }, ...TYPES_OPTION, ...URL_OPTIONS },
    url: 'also',
    execute: async ([file], flags, context) => {
      const { io, registry } = context;
      const source = file as string;
      const { json } = flags;
      let report: NodeActions[];
      if (isUrlArgument(source)) {
        const client = remoteClient(source, flags, 'actions', context);
        const document = await fetchOrReport(client, source, context);
        if (document === undefined) return 1;
        try {
          report = await describeOperations(document, client, source, context.limits);
        } catch (error) {
          throw remoteError(error, source);
        }
      } else {
        const document = decodeOrReport((await readDocument(source, context)).text, flags.base, context);
        if (document === undefined) return 1;
        report = describeActions(document, registry, flags.base, context.limits);
      }
      if (json === true) {
        io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        return 0;
      }
      if (report.length === 0) io.stdout.write('no node of this document declares actions\n');
      for (const entry of report) io.stdout.write(formatActions(entry));
      return 0;
    },
  },
  generate: {
    usage: 'hyperld generate <URL|file> [-o file.ts] [--base URL] [--header H]… [--contexts POLICY]',
    summary: 'write a TypeScript module of definitions from an API documentation',
    details: `Reads a Hydra API documentation and prints one TypeScript module: a hyperld definition per
supported class (vocabulary().type(...)), types, registry, contexts (the context URLs the API
uses) and operations, with the documentation's titles and descriptions as comments.

A <URL> may be the documentation or any resource of the API: its answer's Link header
(rel="http://www.w3.org/ns/hydra/core#apiDocumentation") is followed, and the entry point and its
collections' first pages are fetched as examples (they show which properties are embedded).
A <file> is the documentation itself.

  -o, --output FILE   write the module to FILE instead of standard output
  --base URL          for a file: the IRI the documentation came from (default: the file's URL)

${URL_NOTE}`,
    options: { output: { type: 'string', short: 'o' }, ...BASE_OPTION, ...URL_OPTIONS },
    url: 'also',
    execute: async ([source], flags, context) => {
      const { io } = context;
      const target = source as string;
      if (flags.output !== undefined && io.writeFile === undefined) throw usageError('generate', '-o needs a file system to write to');
      let text: string;
      if (isUrlArgument(target)) {
        try {
          text = await generateFromUrl(target, {
            headers: parseHeaderOptions(flags.header ?? [], 'generate'),
            contexts: parseContextsOption(flags.contexts ?? [], 'generate'),
            ...(io.fetch !== undefined ? { fetch: io.fetch } : {}),
          });
        } catch (error) {
          throw remoteError(error, target);
        }
      } else {
        const { value } = await readDocument(target, context);
        const base = flags.base ?? (target === '-' ? 'file:///stdin' : pathToFileURL(resolve(target)).href);
        let doc: ReturnType<typeof readApiDocumentation>;
        try {
          doc = readApiDocumentation(value, { base, ...(context.limits.maxDepth !== undefined ? { maxDepth: context.limits.maxDepth } : {}) });
        } catch (error) {
          if (isHyperldError(error)) throw new CliError('input_error', `${target === '-' ? '<stdin>' : target}: ${oneLine(error.message)} (${error.code})`, { cause: error });
          throw error;
        }
        text = generateModule(doc, { source: target === '-' ? '<stdin>' : target });
      }
      if (flags.output === undefined) {
        io.stdout.write(text);
        return 0;
      }
      try {
        await (io.writeFile as NonNullable<CliIo['writeFile']>)(flags.output, text);
      } catch (error) {
        throw new CliError('input_error', `${flags.output}: ${oneLine(error instanceof Error ? error.message : String(error))}`, { cause: error });
      }
      io.stdout.write(`wrote ${flags.output}\n`);
      return 0;
    },
  },
  docs: {
    usage: 'hyperld docs <URL | --types MODULE> -o DIR [--title T] [--header H]… [--contexts POLICY]',
    summary: 'write an API reference site (classes, endpoints, examples, search)',
    details: `Writes a static API reference into DIR: a front page, one page per class (its properties
with kind, range, required, readable, writable; its links and actions with method, target,
expects, returns and statuses), one page per endpoint with a curl request, its search templates
and a real example answer, a sidebar and a search box (client-side; no inline script or style).

A <URL> may be the API documentation or any resource of the API: its Link header leads to the
documentation; the entry point and each collection it links to become endpoints, each
requested once, and an example the client cannot decode fails the command (exit 1). Header
values (credentials) never reach the pages: the curl examples show {token} in their place.
With --types MODULE (and no URL) the reference is of the module's definitions, without endpoints.

  -o, --output DIR   where to write the site (created when missing)
  --title T          the reference's title (default: the documentation's title)
${TYPES_NOTE}

${URL_NOTE}`,
    options: { output: { type: 'string', short: 'o' }, title: { type: 'string' }, ...TYPES_OPTION, ...URL_OPTIONS },
    url: 'only',
    typesInsteadOfArgument: true,
    execute: async ([source], flags, context) => {
      const { io } = context;
      if (flags.output === undefined) throw usageError('docs', '-o DIR is required: where to write the site');
      let reference: Awaited<ReturnType<typeof loadApiReference>>;
      if (source !== undefined) {
        try {
          reference = await loadApiReference(source, {
            headers: parseHeaderOptions(flags.header ?? [], 'docs'),
            contexts: parseContextsOption(flags.contexts ?? [], 'docs'),
            ...(flags.title !== undefined ? { title: flags.title } : {}),
            ...(io.fetch !== undefined ? { fetch: io.fetch } : {}),
          });
        } catch (error) {
          if (error instanceof ApiDocsError && error.code === 'example_failed') throw new CliError('example_failed', oneLine(error.message), { cause: error });
          throw remoteError(error, source);
        }
      } else {
        reference = referenceFromRegistry(context.registry, { title: flags.title ?? `${flags.types ?? 'API'} reference`, headers: { Accept: 'application/ld+json' }, endpoints: [] });
      }
      let files: string[];
      try {
        files = await writeApiSite(reference, flags.output);
      } catch (error) {
        throw new CliError('input_error', `${flags.output}: ${oneLine(error instanceof Error ? error.message : String(error))}`, { cause: error });
      }
      const pages = files.filter((f) => f.endsWith('.html')).length;
      io.stdout.write(`wrote ${pages} pages into ${flags.output} (${reference.classes.length} classes, ${reference.endpoints.length} endpoints)\n`);
      return 0;
    },
  },
  expand: {
    usage: 'hyperld expand <file|-> --base URL',
    summary: 'expand a document to JSON-LD with the fast expander',
    details: `Prints the expanded JSON-LD of the document. Context URLs resolve to the vocabulary's
generated context documents (nothing is fetched); inline contexts are compiled on the fly.
A context outside the supported subset of JSON-LD 1.1 prints "code: message" and exits 1.

  --base URL       the IRI the document came from (required: relative @ids resolve against it)
${TYPES_NOTE}`,
    options: { ...BASE_OPTION, ...TYPES_OPTION },
    execute: async ([file], { base }, context) => {
      const { io, registry, limits } = context;
      if (base === undefined) throw usageError('expand', '--base URL is required');
      const { value } = await readDocument(file as string, context);
      let expanded: unknown;
      try {
        expanded = expand(value, limits.maxDepth === undefined ? { registry, base } : { registry, base, maxDepth: limits.maxDepth });
      } catch (error) {
        if (isHyperldError(error)) throw new CliError('expand_failed', `${error.code}: ${oneLine(error.message)}`, { cause: error });
        throw error;
      }
      io.stdout.write(`${JSON.stringify(expanded, null, 2)}\n`);
      return 0;
    },
  },
  context: {
    usage: 'hyperld context <Type>',
    summary: "print a type's generated context document",
    details: `Prints the context document served at the context URL of <Type> (for example
ConversationWithAccount), as pretty JSON. An unknown type lists the known ones and exits 1.

${TYPES_NOTE}`,
    options: TYPES_OPTION,
    execute: async ([type], _flags, { io, registry }) => {
      const def = registry.lookup(type as string);
      const document = def === undefined ? undefined : registry.context(def.context);
      if (document === undefined) {
        const known = [...registry.types.keys()].sort().join(', ');
        throw new CliError('unknown_type', `unknown type ${JSON.stringify(type)}; known types: ${known}`);
      }
      io.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
      return 0;
    },
  },
};

const POSITIONALS: Readonly<Record<string, string>> = {
  get: 'one <URL>',
  members: 'one <collection URL>',
  validate: 'one <file> (or - for standard input)',
  roundtrip: 'one <file> (or - for standard input)',
  actions: 'one <file> (or - for standard input)',
  expand: 'one <file> (or - for standard input)',
  generate: 'one <URL> or <file> (or - for standard input)',
  docs: 'one <URL>, or --types MODULE',
  context: 'one <Type>',
};

function mainHelp(): string {
  const width = Math.max(...Object.values(COMMANDS).map((c) => c.usage.length - 'hyperld '.length));
  const lines = Object.values(COMMANDS).map((c) => `  ${c.usage.slice('hyperld '.length).padEnd(width)}  ${c.summary}`);
  return `Usage: hyperld <command> [options]

Checks JSON-LD documents against a hyperld vocabulary: TextUs, or your own with --types MODULE;
generates one from an API documentation (hyperld generate).

Commands:
${lines.join('\n')}

${FILE_NOTE}
get, members, validate, roundtrip, actions, expand and context take --types MODULE: your own
definitions (a .ts or .js module exporting registry or types, as hyperld generate writes it) in
place of the TextUs vocabulary.
Run "hyperld <command> --help" for a command's options, "hyperld --version" for the version.

Exit status: 0 success; 1 invalid document, differences, expansion error or unknown type;
2 usage error, unreadable file, input over the size limit (64 MiB), not UTF-8 or not JSON, or
a --types module that does not load or exports neither registry nor types.
`;
}

function commandHelp(command: Command): string {
  return `Usage: ${command.usage}\n\n${command.details}\n${command.usage.includes('<file') ? `\n${FILE_NOTE}\n` : ''}`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function decodeOptions(base: string | undefined, limits: Limits): DecodeOptions {
  const options: DecodeOptions = { ...limits, strict: false, unknownContext: 'error' };
  return base === undefined ? options : { ...options, base };
}

/**
 * Decodes a document's text (as {@link readDocument} gave it) with the run's limits, printing the
 * violations (and returning `undefined`) when the document is invalid.
 */
function decodeOrReport(text: string, base: string | undefined, { io, registry, limits }: Context): object | undefined {
  try {
    return registry.decode(text, decodeOptions(base, limits));
  } catch (error) {
    if (!isDecodeError(error)) throw error;
    for (const v of error.violations) io.stdout.write(`${formatViolation(v)}\n`);
    return undefined;
  }
}

const FILE_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'no such file',
};

/**
 * The one way every command reads its input (a file, or `-` for standard input): bytes, strict
 * UTF-8 and the size limit ({@link readText}), then JSON ({@link parseDocument}). Whatever fails
 * is an input error (exit 2) naming the file.
 */
async function readDocument(file: string, { io, limits }: Context): Promise<{ text: string; value: unknown }> {
  const name = file === '-' ? '<stdin>' : file;
  let text: string;
  try {
    text = await readText(file === '-' ? io.stdin : await io.readFile(file), limits);
  } catch (error) {
    if (isHyperldError(error)) throw new CliError('input_error', `${name}: ${error.message} (${error.code})`, { cause: error });
    const code = (error as { code?: unknown } | null)?.code;
    const known = typeof code === 'string' && Object.hasOwn(FILE_ERRORS, code) ? FILE_ERRORS[code] : undefined;
    throw new CliError('input_error', `${name}: ${known ?? oneLine(error instanceof Error ? error.message : String(error))}`, { cause: error });
  }
  const parsed = parseDocument(text);
  if (!parsed.ok) throw new CliError('input_error', `${name}: not JSON: ${parsed.reason}`);
  return { text: parsed.text, value: parsed.value };
}

/**
 * One node's actions, as `hyperld actions --json` prints them.
 *
 * @example
 * ```ts
 * import type { NodeActions } from '@hyperld/cli';
 * const entry: NodeActions = { id: '/conversations/1', type: 'Conversation', actions: [{ name: 'reopenConversation', state: 'unavailable', method: 'PUT' }] };
 * ```
 */
export interface NodeActions {
  /** The node's `id` (or `@id`) as written, `null` when it has none. */
  readonly id: string | null;
  /** The node's `@type`. */
  readonly type: string;
  /** Its actions, in the order its type declares them. */
  readonly actions: ReadonlyArray<{
    /** The action's name. */
    readonly name: string;
    /** Whether it may be invoked now. */
    readonly state: 'available' | 'unavailable' | 'not offered';
    /** The HTTP method. */
    readonly method: string;
    /** The URL, resolved against the base when there is one; only for available actions. */
    readonly url?: string;
  }>;
}

/**
 * The actions of every node of a decoded document (embedded nodes included) whose type declares
 * actions or which carries inline operations, in document order.
 *
 * @param document - a document decoded by `registry`.
 * @param registry - the registry that knows the types.
 * @param base - the IRI to resolve URLs against (default: the base the document was decoded with).
 * @param limits - the limits the document was decoded with (default `DEFAULT_LIMITS`).
 * @returns one entry per node that has actions.
 * @example
 * ```ts
 * import { describeActions } from '@hyperld/cli';
 * import { textusRegistry } from '@hyperld/textus';
 * declare const text: string;
 * const page = textusRegistry.decode(text);
 * for (const { id, actions } of describeActions(page, textusRegistry)) console.log(id, actions.length);
 * ```
 */
export function describeActions(document: unknown, registry: Registry, base?: string, limits?: Limits): NodeActions[] {
  const out: NodeActions[] = [];
  for (const { node } of nodesOf(document, registry, limits)) {
    const actions = listActions(node, base === undefined ? { registry } : { registry, base });
    if (actions.length === 0) continue;
    const id = typeof node['id'] === 'string' ? node['id'] : typeof node['@id'] === 'string' ? node['@id'] : null;
    out.push({ id, type: String(node['@type']), actions: actions.map(actionEntry) });
  }
  return out;
}

/**
 * The run-time operations of every node of a fetched document (embedded nodes included) that has
 * any, in document order, with absolute ids and URLs.
 */
async function describeOperations(document: object, client: Client<never>, url: string, limits: Limits): Promise<NodeActions[]> {
  const registry = metaOf(document)?.registry ?? client.registry;
  const out: NodeActions[] = [];
  for (const { node } of nodesOf(document, registry, limits)) {
    const operations = await client.operations(node);
    if (operations.length === 0) continue;
    out.push({
      id: absoluteId(node, metaOf(document)?.base ?? url),
      type: typeLabel(node),
      actions: operations.map((o) =>
        o.state === 'available' && o.target !== undefined
          ? { name: o.name, state: 'available', method: o.method, url: o.target }
          : { name: o.name, state: o.state === 'unavailable' ? 'unavailable' : 'not offered', method: o.method },
      ),
    });
  }
  return out;
}

/** A node's `@type` for a listing: a string as it is, several joined with commas. */
function typeLabel(node: object): string {
  const type = (node as Record<string, unknown>)['@type'];
  return Array.isArray(type) ? type.map(String).join(', ') : type === undefined ? '(no @type)' : String(type);
}

/** `hyperld get`'s listing of a node: its type and id, then a line per property. */
function describeNode(node: object, url: string): string {
  const record = node as Record<string, unknown>;
  const lines = [`${typeLabel(node)} ${absoluteId(node, url) ?? '(no id)'}`];
  for (const [key, value] of Object.entries(record)) {
    if (key === '@type' || key === '@context' || value === idOf(node)) continue;
    lines.push(`  ${key}: ${summary(value)}`);
  }
  return `${lines.join('\n')}\n`;
}

function summary(value: unknown): string {
  if (Array.isArray(value)) return `${value.length} ${value.length === 1 ? 'item' : 'items'}`;
  if (typeof value === 'object' && value !== null) return `(${typeLabel(value)})`;
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 100 ? `${text.slice(0, 97)}...` : text;
}

function actionEntry(action: ActionState): NodeActions['actions'][number] {
  if (action.state === 'available') return { name: action.name, state: 'available', method: action.method, url: action.url };
  return { name: action.name, state: action.state === 'unavailable' ? 'unavailable' : 'not offered', method: action.method };
}

function formatActions(entry: NodeActions): string {
  const nameWidth = Math.max(...entry.actions.map((a) => a.name.length));
  const methodWidth = Math.max(...entry.actions.map((a) => a.method.length));
  const lines = entry.actions.map((a) =>
    `  ${a.name.padEnd(nameWidth)}  ${a.state.padEnd('not offered'.length)}  ${a.method.padEnd(methodWidth)}  ${a.url ?? ''}`.trimEnd(),
  );
  return `${entry.id ?? '(no id)'} (${entry.type})\n${lines.join('\n')}\n`;
}

function wantsHelp(args: readonly string[]): boolean {
  for (const arg of args) {
    if (arg === '--') return false;
    if (arg === '--help' || arg === '-h') return true;
  }
  return false;
}

async function dispatch(argv: readonly string[], context: Context): Promise<number> {
  const { io } = context;
  const [name, ...rest] = argv;
  if (name === undefined) throw new CliError('usage_error', 'missing command (see hyperld --help)');
  if (name === '--help' || name === '-h' || (name === 'help' && rest.length === 0)) {
    io.stdout.write(mainHelp());
    return 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${cliPackage.version}\n`);
    return 0;
  }
  if (name === 'help') return dispatch([rest[0] as string, '--help'], context);
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (command === undefined) {
    throw new CliError('usage_error', `unknown command ${JSON.stringify(name)}; commands: ${Object.keys(COMMANDS).join(', ')} (see hyperld --help)`);
  }
  if (wantsHelp(rest)) {
    io.stdout.write(commandHelp(command));
    return 0;
  }
  let parsed: { values: Flags; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...rest], options: command.options, allowPositionals: true, strict: true }) as { values: Flags; positionals: string[] };
  } catch (error) {
    throw usageError(name, oneLine(error instanceof Error ? error.message : String(error)));
  }
  const typesOnly = command.typesInsteadOfArgument === true && parsed.values.types !== undefined && parsed.positionals.length === 0;
  if (parsed.positionals.length !== 1 && !typesOnly) {
    throw usageError(name, `expected ${POSITIONALS[name] ?? 'one argument'}, got ${parsed.positionals.length}`);
  }
  if (typesOnly && (parsed.values.header !== undefined || parsed.values.contexts !== undefined)) {
    throw usageError(name, '--header and --contexts are for URL arguments');
  }
  const base = parsed.values.base;
  if (base !== undefined && !URL.canParse(base)) throw usageError(name, `--base ${JSON.stringify(base)} is not an absolute URL`);
  const isUrl = !typesOnly && isUrlArgument(parsed.positionals[0] as string);
  if (command.url === 'only' && !isUrl && !typesOnly) throw usageError(name, `expected an http(s) URL, got ${JSON.stringify(parsed.positionals[0])}`);
  if (isUrl && base !== undefined) throw usageError(name, '--base is for files: a URL is its own base');
  if (!isUrl && !typesOnly && (parsed.values.header !== undefined || parsed.values.contexts !== undefined)) {
    throw usageError(name, '--header and --contexts are for URL arguments');
  }
  // Loaded once per run, and only once the command line is known to be right.
  const types = parsed.values.types;
  const registry = types === undefined ? context.registry : await loadTypesModule(types);
  return command.execute(parsed.positionals, parsed.values, { ...context, registry });
}

/**
 * Runs the `hyperld` tool on its arguments (without the `node` and script paths): `validate`,
 * `roundtrip`, `actions`, `expand`, `context`, `get`, `members`, `generate`, `docs`, `--help` for each, and `--version`. Results go
 * to `io.stdout`; usage errors and input errors (unreadable, over `maxSize`, not UTF-8, not JSON)
 * are one line on `io.stderr`.
 *
 * @param argv - the arguments, e.g. `['validate', 'page.json']`.
 * @param io - the streams and the file reader.
 * @param options - the vocabulary (default: TextUs; `--types` replaces it) and the limits on
 * input (default: `DEFAULT_LIMITS`).
 * @returns the exit status: 0 success, 1 invalid document, differences, expansion error or
 * unknown type, 2 usage or input error.
 * @example
 * ```ts
 * import { readFile } from 'node:fs/promises';
 * import { run } from '@hyperld/cli';
 * const io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, readFile: (path: string) => readFile(path) };
 * process.exitCode = await run(['validate', 'test/fixtures/000_bd34847030ad49a7.txt'], io);
 * // valid: ConversationCollection (10 nodes)
 * ```
 */
export async function run(argv: readonly string[], io: CliIo, options: RunOptions = {}): Promise<number> {
  try {
    return await dispatch(argv, { io, registry: options.registry ?? textusRegistry, limits: options.limits ?? {} });
  } catch (error) {
    if (CliError.is(error)) {
      io.stderr.write(`hyperld: ${error.message}\n`);
      return error.exitCode;
    }
    // A bug or an exhausted resource: still one line, with what the runtime said.
    io.stderr.write(`hyperld: unexpected error: ${oneLine(error instanceof Error ? `${error.name}: ${error.message}` : String(error))}\n`);
    return 2;
  }
}
