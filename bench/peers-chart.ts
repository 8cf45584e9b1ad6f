/**
 * The `bench:peers` table as an SVG bar chart: one row per subject, a bar per page size, the
 * ratio to `fetch` + `JSON.parse` on a log scale (1x marked), and the machine, Node version and
 * date in the caption. Hand-written SVG: no chart library for a dozen bars.
 *
 * @example
 * ```ts
 * import { peersSvg } from './peers-chart.js';
 * const svg = peersSvg({ rows: [{ label: 'Ketting 8', n: 100, ratio: 0.9, ms: 4 }], sizes: [100], caption: 'Node v20' });
 * ```
 *
 * @module
 */

/** One bar: a subject's ratio at one page size. */
export interface ChartRow {
  readonly label: string;
  readonly n: number;
  readonly ratio: number;
  readonly ms: number;
}

/** What {@link peersSvg} draws. */
export interface ChartInput {
  readonly rows: readonly ChartRow[];
  /** The page sizes, one bar colour each, in this order. */
  readonly sizes: readonly number[];
  /** The machine, Node version and date. */
  readonly caption: string;
}

const COLOURS = ['#6aa9ff', '#1f5fbf', '#9bd17a', '#3f8f2f'];

const escape = (text: string): string => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/**
 * Draws the chart.
 *
 * @param input - the bars, the page sizes and the caption.
 * @returns the SVG document.
 * @example
 * ```ts
 * import { peersSvg } from './peers-chart.js';
 * peersSvg({ rows: [], sizes: [100, 1000], caption: 'x' }).startsWith('<svg'); // true
 * ```
 */
export function peersSvg(input: ChartInput): string {
  const labels = [...new Set(input.rows.map((r) => r.label))];
  const bar = 14;
  const gap = 10;
  const left = 300;
  const width = 900;
  const plot = width - left - 90;
  const top = 56;
  const group = input.sizes.length * bar + gap;
  const height = top + labels.length * group + 60;
  const ratios = input.rows.map((r) => r.ratio).filter((r) => r > 0);
  const lo = Math.min(0.5, ...ratios);
  const hi = Math.max(2, ...ratios);
  const minExp = Math.floor(Math.log10(lo));
  const maxExp = Math.ceil(Math.log10(hi));
  const x = (ratio: number): number => left + ((Math.log10(ratio) - minExp) / (maxExp - minExp)) * plot;
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="system-ui, sans-serif" font-size="12">`);
  parts.push(`<rect width="${width}" height="${height}" fill="#fff"/>`);
  parts.push(`<text x="20" y="20" font-size="15" font-weight="600">Reading one Hydra collection page: time relative to fetch + JSON.parse (log scale, lower is faster)</text>`);
  input.sizes.forEach((n, i) => {
    const lx = left + i * 150;
    parts.push(`<rect x="${lx}" y="32" width="12" height="12" fill="${COLOURS[i % COLOURS.length]}"/><text x="${lx + 16}" y="42">N = ${n} members</text>`);
  });
  for (let e = minExp; e <= maxExp; e++) {
    for (const m of [1, 2, 5]) {
      const value = m * 10 ** e;
      if (value < 10 ** minExp || value > 10 ** maxExp) continue;
      const gx = x(value).toFixed(1);
      parts.push(`<line x1="${gx}" x2="${gx}" y1="${top - 4}" y2="${height - 50}" stroke="${value === 1 ? '#c00' : '#ddd'}" stroke-width="${value === 1 ? 1.5 : 1}"/>`);
      // Every decade labelled, its 2 and 5 only while they have room.
      if (m === 1 || maxExp - minExp <= 3) {
        parts.push(`<text x="${gx}" y="${height - 36}" text-anchor="middle" fill="${value === 1 ? '#c00' : '#555'}">${value >= 1 ? value : value.toFixed(Math.max(0, -e))}x</text>`);
      }
    }
  }
  labels.forEach((label, li) => {
    const gy = top + li * group;
    parts.push(`<text x="${left - 8}" y="${gy + (input.sizes.length * bar) / 2 + 4}" text-anchor="end">${escape(label)}</text>`);
    input.sizes.forEach((n, i) => {
      const row = input.rows.find((r) => r.label === label && r.n === n);
      if (row === undefined) return;
      const y = gy + i * bar;
      const x0 = x(10 ** minExp);
      const x1 = x(row.ratio);
      parts.push(`<rect x="${x0.toFixed(1)}" y="${y}" width="${Math.max(1, x1 - x0).toFixed(1)}" height="${bar - 2}" fill="${COLOURS[i % COLOURS.length]}"><title>${escape(`${label}, N = ${n}: ${row.ms.toFixed(2)} ms, ${row.ratio.toFixed(2)}x`)}</title></rect>`);
      const shown = row.ratio >= 10 ? row.ratio.toFixed(0) : row.ratio.toFixed(2);
      parts.push(`<text x="${(x1 + 4).toFixed(1)}" y="${y + bar - 4}" font-size="11" fill="#333">${shown}x</text>`);
    });
  });
  parts.push(`<text x="20" y="${height - 12}" font-size="11" fill="#555">${escape(input.caption)} · pnpm bench:peers · medians, interleaved, forced GC · red: fetch + JSON.parse</text>`);
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
