/**
 * Performance: hyperld against the tools a user would pick instead. `pnpm bench:peers --svg
 * docs/guides/performance.svg --out docs/guides/performance.json` measures them in one process
 * on one loopback page (see `bench/peers.bench.ts`) and writes the chart and the table beside
 * this file; this program prints that table, so the page shows the latest committed run (the
 * docs build does not run the benchmark: it takes minutes, and its numbers depend on the machine).
 *
 * Run it with `npx tsx --conditions=@hyperld/source docs/guides/performance.ts` (from the
 * repository root).
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** One measured subject at one page size, as `bench:peers --out` writes it. */
export interface PeerRow {
  readonly n: number;
  readonly subject: string;
  readonly baseline: string;
  readonly group: 'client' | 'codec';
  /** Median time of one read of the page, in milliseconds. */
  readonly ms: number;
  /** `ms` over the baseline's `ms` at the same N. */
  readonly ratio: number;
  readonly samples: number;
}

/** A client's browser bundle, min+gzip. */
export interface PeerSize {
  readonly client: string;
  readonly gzipBytes: number | undefined;
  readonly note: string;
}

/** What `bench:peers --out` writes. */
export interface PeerReport {
  readonly machine: string;
  readonly node: string;
  readonly date: string;
  readonly rows: readonly PeerRow[];
  readonly sizes: readonly PeerSize[];
}

const here = (file: string): URL => new URL(file, import.meta.url);

/**
 * Reads the committed report.
 *
 * @returns the report of the last committed `bench:peers` run.
 * @throws Error when `performance.json` is missing or is not such a report.
 * @example
 * ```ts
 * import { readPeerReport } from './performance.js';
 * readPeerReport().rows.length > 0; // true
 * ```
 */
export function readPeerReport(): PeerReport {
  const report = JSON.parse(readFileSync(here('performance.json'), 'utf8')) as PeerReport;
  if (!Array.isArray(report.rows) || report.rows.length === 0 || typeof report.machine !== 'string') {
    throw new Error('docs/guides/performance.json is not a bench:peers report (run pnpm bench:peers --out docs/guides/performance.json)');
  }
  return report;
}

/**
 * The chart `bench:peers --svg` wrote, for the page to show inline.
 *
 * @returns the SVG document's text.
 * @example
 * ```ts
 * import { peerChart } from './performance.js';
 * peerChart().startsWith('<svg'); // true
 * ```
 */
export function peerChart(): string {
  return readFileSync(here('performance.svg'), 'utf8');
}

/**
 * Prints the table of the committed report: each subject's median and ratio at each page size,
 * then the bundle sizes.
 *
 * @param log - where the lines go.
 * @returns the report.
 * @example
 * ```ts
 * import { main } from './performance.js';
 * const report = await main(() => {});
 * ```
 */
export async function main(log: (line: string) => void = console.log): Promise<PeerReport> {
  const report = readPeerReport();
  const sizes = [...new Set(report.rows.map((r) => r.n))].sort((a, b) => a - b);
  const subjects = [...new Set(report.rows.map((r) => r.subject))];
  const cell = (subject: string, n: number): string => {
    const row = report.rows.find((r) => r.subject === subject && r.n === n);
    if (row === undefined) return '-';
    const ratio = row.ratio >= 10 ? `${row.ratio.toFixed(0)}x` : `${row.ratio.toFixed(2)}x`;
    return `${row.ms >= 100 ? row.ms.toFixed(0) : row.ms.toFixed(2)} ms  ${ratio}`;
  };
  const table = [['subject', ...sizes.map((n) => `N = ${n}`), 'ratio to'], ...subjects.map((s) => [s, ...sizes.map((n) => cell(s, n)), report.rows.find((r) => r.subject === s)?.baseline ?? ''])];
  const widths = (table[0] as string[]).map((_, col) => Math.max(...table.map((r) => (r[col] ?? '').length)));
  log(`${report.machine}, ${report.date}`);
  for (const row of table) log(row.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd());
  log('');
  log('browser bundle, min+gzip:');
  for (const s of report.sizes) log(`  ${s.client.padEnd(30)} ${s.gzipBytes === undefined ? 'n/a' : `${(s.gzipBytes / 1024).toFixed(1)} KB`}  ${s.note}`);
  return report;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
