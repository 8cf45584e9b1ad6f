/**
 * A small benchmark harness: times a subject against a baseline in one process (warm-up, then
 * alternating batches, the median of N samples) and prints a table of medians and ratios, or, with
 * `--json`, `[{ case, subject, baseline, ratio, subjectMs, baselineMs }]` on stdout.
 *
 * A ratio against a baseline run in the same process, interleaved with it, says more than an
 * absolute time on a shared 2-core machine: both sides see the same CPU, JIT and GC weather.
 *
 * @example
 * ```ts
 * import { runBench } from './harness.js';
 * await runBench([
 *   { name: 'parse', target: 2, subject: { name: 'mine', run: () => JSON.parse('[1]') }, baseline: { name: 'JSON.parse', run: () => JSON.parse('[1]') } },
 * ]);
 * ```
 *
 * @module
 */
import { performance } from 'node:perf_hooks';

/**
 * One side of a comparison.
 *
 * @example
 * ```ts
 * import type { Contender } from './harness.js';
 * const parse: Contender = { name: 'JSON.parse', run: () => JSON.parse('{}') };
 * ```
 */
export interface Contender {
  /** Shown in the table and the JSON. */
  readonly name: string;
  /** One operation; may return a promise, which is awaited. */
  readonly run: () => unknown;
}

/**
 * A subject timed against a baseline.
 *
 * @example
 * ```ts
 * import type { Case } from './harness.js';
 * const c: Case = { name: 'decode N=100', target: 2, subject: { name: 'a', run: () => 1 }, baseline: { name: 'b', run: () => 1 } };
 * ```
 */
export interface Case {
  /** What is measured, e.g. `decode N=1000`. */
  readonly name: string;
  readonly subject: Contender;
  readonly baseline: Contender;
  /** The largest acceptable ratio (subject / baseline); the table shows PASS or MISS against it. */
  readonly target?: number;
  /** Why the case cannot run now; it is listed as skipped instead of measured. */
  readonly skip?: string;
  /** Runs once before the warm-up (e.g. a check that the subject gets the whole answer). */
  readonly setup?: () => unknown;
}

/**
 * Settings of a run; each has a command-line flag.
 *
 * @example
 * ```ts
 * import type { BenchOptions } from './harness.js';
 * const quick: BenchOptions = { samples: 5, warmupMs: 100, minSampleMs: 5, budgetMs: 2000, gc: false, isolate: false, json: false, filter: undefined, only: undefined };
 * ```
 */
export interface BenchOptions {
  /** Samples per contender (`--samples N`, default 15); fewer when the budget is exceeded, never under 5. */
  readonly samples: number;
  /** Warm-up time per contender (`--warmup MS`, default 300). */
  readonly warmupMs: number;
  /** A sample runs the operation often enough to last this long (`--min-sample MS`, default 25), so that it includes its share of garbage collection. */
  readonly minSampleMs: number;
  /** Time allowed for one case's samples (`--budget MS`, default 15000). */
  readonly budgetMs: number;
  /**
   * Collect the heap before every sample (`--gc`; needs `node --expose-gc`), as `bench:peers`
   * does. With samples long enough to pay for their own garbage (`--min-sample 200`), no side then
   * pays for what the other left; without it, the side that allocates less pays for part of the
   * other's collections. Off by default: a sample of 25 ms does not pay for its own.
   */
  readonly gc: boolean;
  /**
   * Measure each case in a process of its own (`--isolate`, `--no-isolate`): this script run again with
   * `--case NAME --json`. Cases that drive the same code with different inputs (the client on
   * two transports) then do not share the JIT's type feedback, which no application that uses
   * one of them would see; in one process the first case's types make the second's calls slower.
   */
  readonly isolate: boolean;
  /** Print JSON instead of the table (`--json`). */
  readonly json: boolean;
  /** Only run cases whose name contains this text (`--filter TEXT`). */
  readonly filter: string | undefined;
  /** Only run the case of exactly this name (`--case NAME`; what `isolate` runs each child with). */
  readonly only: string | undefined;
}

/**
 * The measurement of one case (times are medians per operation, in milliseconds).
 *
 * @example
 * ```ts
 * import type { Result } from './harness.js';
 * const r: Result = { case: 'decode N=100', subject: 'registry.decode', baseline: 'JSON.parse', ratio: 1.5, subjectMs: 0.3, baselineMs: 0.2 };
 * ```
 */
export interface Result {
  readonly case: string;
  readonly subject: string;
  readonly baseline: string;
  /** `subjectMs / baselineMs`. */
  readonly ratio: number;
  readonly subjectMs: number;
  readonly baselineMs: number;
}

const MIN_SAMPLES = 5;

/** Keeps results reachable so that no engine can decide the work is unused. */
let sink: unknown;

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

/**
 * Times `iterations` operations of a contender, sync or async as the contender is. The heap is
 * collected before the batch only with {@link BenchOptions.gc}; otherwise alternating the sides
 * shares what one leaves to the other.
 */
async function timeBatch(contender: Contender, iterations: number, async: boolean): Promise<number> {
  const run = contender.run;
  const start = performance.now();
  if (async) {
    for (let i = 0; i < iterations; i++) sink = await run();
  } else {
    for (let i = 0; i < iterations; i++) sink = run();
  }
  return performance.now() - start;
}

/**
 * A full collection, outside any timing (`--gc`, and `bench:peers` before each sample).
 *
 * @param missing - the error's message when Node does not expose `gc` (`node --expose-gc`).
 * @throws Error when it does not.
 * @example
 * ```ts
 * import { collectGarbage } from './harness.js';
 * collectGarbage('run me with node --expose-gc');
 * ```
 */
export function collectGarbage(missing = '--gc needs node --expose-gc'): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error(missing);
  gc();
}

/**
 * The median of samples.
 *
 * @param values - at least one.
 * @returns the middle value, or the mean of the two middle ones.
 * @example
 * ```ts
 * import { median } from './harness.js';
 * median([3, 1, 2]); // 2
 * ```
 */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

interface Calibrated {
  readonly contender: Contender;
  readonly async: boolean;
  /** Mean time of one operation during warm-up. */
  readonly estimateMs: number;
}

/** Runs a contender for the warm-up time (at least twice), learning whether it is async. */
async function warmUp(contender: Contender, options: BenchOptions): Promise<Calibrated> {
  const first = contender.run();
  const async = isThenable(first);
  sink = async ? await first : first;
  let runs = 0;
  let elapsed = 0;
  while (runs < 2 || elapsed < options.warmupMs) {
    elapsed += await timeBatch(contender, 1, async);
    runs++;
  }
  return { contender, async, estimateMs: elapsed / runs };
}

/**
 * Measures one case: warm-up of both sides, then samples taken in alternating order (subject
 * first, then baseline first, …), each sample a batch long enough to time reliably.
 *
 * @param c - the case (not skipped).
 * @param options - samples, warm-up and budget.
 * @returns the medians and their ratio.
 * @example
 * ```ts
 * import { measure, DEFAULT_OPTIONS } from './harness.js';
 * const r = await measure({ name: 'x', subject: { name: 'a', run: () => 1 }, baseline: { name: 'b', run: () => 1 } }, DEFAULT_OPTIONS);
 * console.log(r.ratio);
 * ```
 */
export async function measure(c: Case, options: BenchOptions): Promise<Result> {
  const sides = [await warmUp(c.subject, options), await warmUp(c.baseline, options)] as const;
  const iterations = sides.map((s) => Math.max(1, Math.ceil(options.minSampleMs / Math.max(s.estimateMs, 1e-6))));
  const roundMs = sides.reduce((sum, s, i) => sum + s.estimateMs * (iterations[i] as number), 0);
  const samples = Math.max(MIN_SAMPLES, Math.min(options.samples, Math.floor(options.budgetMs / Math.max(roundMs, 1e-6))));
  const times: [number[], number[]] = [[], []];
  for (let round = 0; round < samples; round++) {
    const order = round % 2 === 0 ? [0, 1] : [1, 0];
    for (const i of order) {
      const side = sides[i as 0 | 1];
      const n = iterations[i] as number;
      if (options.gc) collectGarbage();
      times[i as 0 | 1].push((await timeBatch(side.contender, n, side.async)) / n);
    }
  }
  const subjectMs = median(times[0]);
  const baselineMs = median(times[1]);
  return { case: c.name, subject: c.subject.name, baseline: c.baseline.name, ratio: subjectMs / baselineMs, subjectMs, baselineMs };
}

/**
 * Default {@link BenchOptions}.
 *
 * @example
 * ```ts
 * import { DEFAULT_OPTIONS } from './harness.js';
 * console.log(DEFAULT_OPTIONS.samples); // 15
 * ```
 */
export const DEFAULT_OPTIONS: BenchOptions = Object.freeze({
  samples: 15,
  warmupMs: 300,
  minSampleMs: 25,
  budgetMs: 15_000,
  gc: false,
  isolate: false,
  json: false,
  filter: undefined,
  only: undefined,
});

/**
 * Reads {@link BenchOptions} from command-line arguments.
 *
 * @param argv - the arguments after the script name.
 * @param defaults - what a flag not given means (a bench may set its own, e.g. `gc`).
 * @returns the options.
 * @throws Error on an unknown flag or a flag without its value.
 * @example
 * ```ts
 * import { parseArgs } from './harness.js';
 * parseArgs(['--json', '--samples', '9']).samples; // 9
 * ```
 */
export function parseArgs(argv: readonly string[], defaults: Partial<BenchOptions> = {}): BenchOptions {
  const options = { ...DEFAULT_OPTIONS, ...defaults } as { -readonly [K in keyof BenchOptions]: BenchOptions[K] };
  const numbers = { '--samples': 'samples', '--warmup': 'warmupMs', '--min-sample': 'minSampleMs', '--budget': 'budgetMs' } as const;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') continue;
    if (arg === '--json') options.json = true;
    else if (arg === '--gc') options.gc = true;
    else if (arg === '--isolate') options.isolate = true;
    else if (arg === '--no-isolate') options.isolate = false;
    else if (arg === '--case') options.only = argv[++i];
    else if (arg === '--filter') options.filter = argv[++i];
    else if (Object.hasOwn(numbers, arg)) {
      const value = Number(argv[++i]);
      if (!Number.isFinite(value) || value <= 0) throw new Error(`${arg} needs a positive number`);
      options[numbers[arg as keyof typeof numbers]] = value;
    } else {
      throw new Error(`unknown option ${arg} (options: --json, --gc, --isolate, --no-isolate, --samples N, --warmup MS, --min-sample MS, --budget MS, --filter TEXT, --case NAME)`);
    }
  }
  return options;
}

/**
 * Runs this script again for one case (`--case NAME --json`, with the same Node flags and the
 * other arguments), and reads its result.
 */
async function measureInChild(c: Case, argv: readonly string[]): Promise<Result> {
  const { spawn } = await import('node:child_process');
  const script = process.argv[1];
  if (script === undefined) throw new Error('--isolate needs the script path in process.argv');
  // The child gets the caller's flags minus those that select cases or choose the output.
  const passed: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--isolate' || arg === '--no-isolate' || arg === '--json') continue;
    if (arg === '--filter' || arg === '--case') {
      i++;
      continue;
    }
    passed.push(arg);
  }
  const child = spawn(process.execPath, [...process.execArgv, script, ...passed, '--case', c.name, '--json'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
  });
  const code = await new Promise<number | null>((resolve, reject) => child.once('error', reject).once('close', resolve));
  const results = code === 0 ? (JSON.parse(out.trim().split('\n').pop() ?? '[]') as Result[]) : [];
  const result = results.find((r) => r.case === c.name);
  if (result === undefined) throw new Error(`bench: the child run of ${JSON.stringify(c.name)} exited with ${code} and no result`);
  return result;
}

function formatMs(ms: number): string {
  return ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms >= 1 ? ms.toFixed(2) : ms.toFixed(3);
}

function formatRatio(ratio: number): string {
  return ratio >= 10 ? `${ratio.toFixed(1)}x` : ratio >= 0.1 ? `${ratio.toFixed(2)}x` : `${ratio.toFixed(3)}x`;
}

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]?.map((_, col) => Math.max(...rows.map((r) => (r[col] ?? '').length))) ?? [];
  return rows.map((r) => r.map((cell, col) => cell.padEnd(widths[col] ?? 0)).join('  ').trimEnd()).join('\n');
}

/**
 * Runs cases and prints the table (or the JSON with `--json`). Progress and notes go to stderr,
 * so that `--json` output on stdout is exactly the array.
 *
 * @param cases - the cases, in order.
 * @param argv - command-line arguments (default: the process's).
 * @param defaults - the bench's own defaults for flags not given.
 * @returns the results of the measured cases.
 * @example
 * ```ts
 * import { runBench } from './harness.js';
 * await runBench([{ name: 'noop', subject: { name: 'a', run: () => 0 }, baseline: { name: 'b', run: () => 0 } }]);
 * ```
 */
export async function runBench(cases: readonly Case[], argv: readonly string[] = process.argv.slice(2), defaults: Partial<BenchOptions> = {}): Promise<Result[]> {
  const options = parseArgs(argv, defaults);
  if (options.gc) collectGarbage();
  const selected = cases.filter((c) => (options.filter === undefined || c.name.includes(options.filter)) && (options.only === undefined || c.name === options.only));
  // In a child run for one case (`--case`), there is nothing to isolate from.
  const isolate = options.isolate && options.only === undefined;
  const results: Result[] = [];
  const rows: string[][] = [['case', 'subject', 'baseline', 'subject ms', 'baseline ms', 'ratio', 'target']];
  for (const c of selected) {
    if (c.skip !== undefined) {
      process.stderr.write(`skip  ${c.name}: ${c.skip}\n`);
      rows.push([c.name, c.subject.name, c.baseline.name, '-', '-', '-', `skipped: ${c.skip}`]);
      continue;
    }
    process.stderr.write(`run   ${c.name}: ${c.subject.name} vs ${c.baseline.name}${isolate ? ' (in a process of its own)' : ''}\n`);
    const r = isolate ? await measureInChild(c, argv) : (await c.setup?.(), await measure(c, options));
    results.push(r);
    const verdict = c.target === undefined ? '' : `≤ ${c.target}x ${r.ratio <= c.target ? 'PASS' : 'MISS'}`;
    rows.push([r.case, r.subject, r.baseline, formatMs(r.subjectMs), formatMs(r.baselineMs), formatRatio(r.ratio), verdict]);
  }
  if (options.json) process.stdout.write(`${JSON.stringify(results)}\n`);
  else process.stdout.write(`\n${table(rows)}\n\nmedians of up to ${options.samples} samples per side${options.gc ? ', forced GC before each' : ''}${isolate ? ', each case in a process of its own' : ''}; ratio = subject / baseline\n`);
  void sink;
  return results;
}
