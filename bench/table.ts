/** Statistics and plain-text tables shared by the bench sections (bench/run.ts prints them). */

export interface Spread {
  n: number;
  p50: number;
  p95: number;
  min: number;
  max: number;
}

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted: readonly number[], q: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export function spread(samples: readonly number[]): Spread {
  const sorted = [...samples].filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    n: sorted.length,
    p50: round(percentile(sorted, 0.5)),
    p95: round(percentile(sorted, 0.95)),
    min: round(sorted[0] ?? NaN),
    max: round(sorted[sorted.length - 1] ?? NaN),
  };
}

export const median = (samples: readonly number[]) => spread(samples).p50;

/** Milliseconds: two decimals below 10, whole numbers above. */
export function ms(x: number | undefined): string {
  if (x === undefined || !Number.isFinite(x)) return '–';
  return Math.abs(x) < 10 ? x.toFixed(1) : x.toFixed(0);
}

export function kb(bytes: number | undefined): string {
  return bytes === undefined || !Number.isFinite(bytes) ? '–' : (bytes / 1000).toFixed(1);
}

/** `a / b` as "2.3×"; a dash when either is missing. */
export function ratio(a: number | undefined, b: number | undefined): string {
  if (a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b) || b === 0) return '–';
  const r = a / b;
  return `${r < 10 ? r.toFixed(2) : r.toFixed(0)}×`;
}

/** Columns padded to width; the first column left-aligned, the rest right-aligned. */
export function table(header: string[], rows: string[][]): string[] {
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((cell, c) => (c === 0 ? (cell ?? '').padEnd(widths[c]) : (cell ?? '').padStart(widths[c])))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}
