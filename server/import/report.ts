/** The import report as people read it: rejections on stderr, counts and mappings on stdout. */
import type { ImportResult, Rejection } from '../import.js';

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
export const entries = (n: number) => plural(n, 'entry', 'entries');
const records = (n: number) => plural(n, 'record', 'records');

function where(r: { line: number; entry?: number }): string {
  return [r.line ? `line ${r.line}` : '', r.entry ? `entry ${r.entry}` : ''].filter(Boolean).join(', ');
}

export function describeRejection(r: Rejection): string {
  return `${where(r)}: ${r.reasons.join('; ')}`;
}

export function formatReport(
  result: ImportResult,
  { file, dbPath, dryRun }: { file: string; dbPath: string; dryRun: boolean },
): { out: string; err: string } {
  const err = [
    ...result.warnings.map((w) => `warning ${where(w)}: ${w.message}`),
    ...result.rejected.map((r) => `rejected ${describeRejection(r)}`),
  ].join('\n');
  const out = [`Read ${records(result.read)} from ${file} (${result.format}).`];
  if (result.mappings.length) {
    out.push('Mappings applied:');
    const sorted = [...result.mappings].sort((a, b) => a.field.localeCompare(b.field) || b.count - a.count);
    for (const m of sorted)
      out.push(`  ${m.field.padEnd(11)} ${m.from ? JSON.stringify(m.from) : '(empty)'} → ${m.to} ×${m.count}`);
  }
  if (result.warnings.length) out.push(`Warnings: ${result.warnings.length} (see above).`);
  const rejected = result.rejected.length ? `, rejected ${records(result.rejected.length)} (see above)` : '';
  if (dryRun) {
    out.push(`Dry run: ${entries(result.imported)} would be imported${rejected}; ${dbPath} was not written.`);
  } else if (result.imported) {
    out.push(`Imported ${entries(result.imported)} into ${dbPath}${rejected}.`);
  } else {
    out.push(`Nothing to import${rejected}; ${dbPath} is unchanged.`);
  }
  return { out: out.join('\n'), err };
}
