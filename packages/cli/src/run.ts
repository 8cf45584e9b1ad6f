/**
 * The `hyperld` commands as one function over injected streams, so that tests call it without
 * spawning a process and `bin.ts` only wires it to `process`.
 *
 * Exit status: 0 when the command succeeds, 1 when the document is invalid, does not round-trip,
 * does not expand or names an unknown type, 2 for usage errors and input that is unreadable,
 * over the size limit, not UTF-8 or not JSON (one line on stderr). Every command reads its input
 * the same way and applies the same limits.
 *
 * @module
 */
import { parseArgs } from 'node:util';
import { expand, formatViolation, isDecodeError, isHyperldError, type DecodeOptions, type Limits, type Registry } from '@hyperld/core';
import { listActions, type ActionState } from '@hyperld/hydra';
import { textusRegistry } from '@hyperld/textus';
// Bundled into the build (the built tool prints the version it was built as); read as it is
// from source.
import cliPackage from '../package.json' with { type: 'json' };
import { diffJson, formatDifference } from './diff.js';
import { CliError } from './errors.js';
import { parseDocument, readText } from './input.js';
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
  /** The vocabulary documents are decoded, expanded and described with (default: TextUs). */
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
  readonly options: Readonly<Record<string, { readonly type: 'string' | 'boolean' }>>;
  readonly execute: (positionals: readonly string[], values: Flags, context: Context) => Promise<number>;
}

interface Flags {
  readonly base?: string;
  readonly json?: boolean;
}

interface Context {
  readonly io: CliIo;
  readonly registry: Registry;
  readonly limits: Limits;
}

const FILE_NOTE = `<file> is a JSON document (UTF-8), or a saved documentation page whose JSON body follows a
line "Example Body" (as in test/fixtures/*.txt); - reads standard input.`;

const BASE_OPTION = { base: { type: 'string' } } as const;

const COMMANDS: Readonly<Record<string, Command>> = {
  validate: {
    usage: 'hyperld validate <file|-> [--base URL]',
    summary: 'decode a document and list every violation',
    details: `Decodes the document against the vocabulary (unknown @types are allowed, unknown context
URLs are not) and prints each violation as "path: expected X, found Y (code)".
Prints "valid: <@type> (<n> nodes)" and exits 0 when there is none, exits 1 otherwise.

  --base URL   the IRI the document came from (relative context URLs resolve against it)`,
    options: BASE_OPTION,
    execute: async ([file], { base }, context) => {
      const document = decodeOrReport((await readDocument(file as string, context)).text, base, context);
      if (document === undefined) return 1;
      const count = nodesOf(document, context.registry, context.limits).length;
      const type = (document as Record<string, unknown>)['@type'];
      context.io.stdout.write(`valid: ${String(type)} (${count} ${count === 1 ? 'node' : 'nodes'})\n`);
      return 0;
    },
  },
  roundtrip: {
    usage: 'hyperld roundtrip <file|-> [--base URL]',
    summary: 'check that encode(decode(doc)) re-emits the input exactly',
    details: `Decodes the document, encodes the node again and compares the result with the input: same
keys, same order, same values. Prints "identical" and exits 0, or prints each difference with
its JSON path ("$.a.b: key order differs", "value differs", "missing", "added") and exits 1.
A document that does not decode prints its violations and exits 1.

  --base URL   the IRI the document came from`,
    options: BASE_OPTION,
    execute: async ([file], { base }, context) => {
      const { io, registry } = context;
      const input = await readDocument(file as string, context);
      // Decoded from the text, not from the parsed value, so that the node is a value of its own.
      const node = decodeOrReport(input.text, base, context);
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
    usage: 'hyperld actions <file|-> [--base URL] [--json]',
    summary: "list every node's actions and their state",
    details: `For every node whose type declares actions (embedded nodes included), prints its id and,
for each action, its name, state (available, unavailable, not offered), method and URL.

  --base URL   resolve action URLs against this IRI (they are printed as written otherwise)
  --json       print [{ "id", "type", "actions": [{ "name", "state", "method", "url"? }] }]`,
    options: { ...BASE_OPTION, json: { type: 'boolean' } },
    execute: async ([file], { base, json }, context) => {
      const { io, registry } = context;
      const document = decodeOrReport((await readDocument(file as string, context)).text, base, context);
      if (document === undefined) return 1;
      const report = describeActions(document, registry, base, context.limits);
      if (json === true) {
        io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        return 0;
      }
      if (report.length === 0) io.stdout.write('no node of this document declares actions\n');
      for (const entry of report) io.stdout.write(formatActions(entry));
      return 0;
    },
  },
  expand: {
    usage: 'hyperld expand <file|-> --base URL',
    summary: 'expand a document to JSON-LD with the fast expander',
    details: `Prints the expanded JSON-LD of the document. Context URLs resolve to the vocabulary's
generated context documents (nothing is fetched); inline contexts are compiled on the fly.
A context outside the supported subset of JSON-LD 1.1 prints "code: message" and exits 1.

  --base URL   the IRI the document came from (required: relative @ids resolve against it)`,
    options: BASE_OPTION,
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
ConversationWithAccount), as pretty JSON. An unknown type lists the known ones and exits 1.`,
    options: {},
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
  validate: 'one <file> (or - for standard input)',
  roundtrip: 'one <file> (or - for standard input)',
  actions: 'one <file> (or - for standard input)',
  expand: 'one <file> (or - for standard input)',
  context: 'one <Type>',
};

function mainHelp(): string {
  const width = Math.max(...Object.values(COMMANDS).map((c) => c.usage.length - 'hyperld '.length));
  const lines = Object.values(COMMANDS).map((c) => `  ${c.usage.slice('hyperld '.length).padEnd(width)}  ${c.summary}`);
  return `Usage: hyperld <command> [options]

Checks JSON-LD documents against a hyperld vocabulary (TextUs).

Commands:
${lines.join('\n')}

${FILE_NOTE}
Run "hyperld <command> --help" for a command's options, "hyperld --version" for the version.

Exit status: 0 success; 1 invalid document, differences, expansion error or unknown type;
2 usage error, unreadable file, or input over the size limit (64 MiB), not UTF-8 or not JSON.
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
  if (parsed.positionals.length !== 1) {
    throw usageError(name, `expected ${POSITIONALS[name] ?? 'one argument'}, got ${parsed.positionals.length}`);
  }
  const base = parsed.values.base;
  if (base !== undefined && !URL.canParse(base)) throw usageError(name, `--base ${JSON.stringify(base)} is not an absolute URL`);
  return command.execute(parsed.positionals, parsed.values, context);
}

/**
 * Runs the `hyperld` tool on its arguments (without the `node` and script paths): `validate`,
 * `roundtrip`, `actions`, `expand`, `context`, `--help` for each, and `--version`. Results go
 * to `io.stdout`; usage errors and input errors (unreadable, over `maxSize`, not UTF-8, not JSON)
 * are one line on `io.stderr`.
 *
 * @param argv - the arguments, e.g. `['validate', 'page.json']`.
 * @param io - the streams and the file reader.
 * @param options - the vocabulary (default: TextUs) and the limits on input (default: `DEFAULT_LIMITS`).
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
