/** The operator's report: counts per class and per organization, and one CSV row per entry with a website. */
import type Database from 'better-sqlite3';
import { csvCell } from '../../src/data/export.js';
import { LINK_STATUSES, type LinkStatus } from './classify.js';

type Column = LinkStatus | 'unchecked';
const COLUMNS: Column[] = [...LINK_STATUSES, 'unchecked'];
/** Worst first, so an owner's broken links lead their rows in the CSV. */
const SEVERITY: Column[] = ['broken', 'parked', 'failing', 'redirected', 'unchecked', 'ok'];

export interface OrganizationCounts {
  organization: string;
  total: number;
  counts: Record<Column, number>;
}

export interface LinkReport {
  total: number;
  counts: Record<Column, number>;
  organizations: OrganizationCounts[];
  csv: string;
}

interface Row {
  id: string;
  title: string;
  organization: string;
  website: string;
  status: LinkStatus | null;
  code: number | null;
  finalUrl: string | null;
  proposedUrl: string | null;
  checked: string | null;
  failures: number | null;
  detail: string | null;
}

const CSV_COLUMNS = [
  'organization',
  'id',
  'title',
  'website',
  'status',
  'code',
  'finalUrl',
  'proposedUrl',
  'checked',
  'failures',
  'detail',
] as const;

const zero = () => Object.fromEntries(COLUMNS.map((c) => [c, 0])) as Record<Column, number>;

/** A result for an older website counts as unchecked: it says nothing about the current one. */
export function buildReport(db: Database.Database): LinkReport {
  const rows = db
    .prepare(
      `SELECT e.id, json_extract(e.meta, '$.title') AS title, json_extract(e.meta, '$.organization') AS organization,
         json_extract(e.meta, '$.website') AS website,
         l.status, l.code, l.final_url AS finalUrl, l.proposed_url AS proposedUrl, l.checked, l.failures, l.detail
       FROM entries e LEFT JOIN links l ON l.id = e.id AND l.url = json_extract(e.meta, '$.website')
       WHERE website IS NOT NULL`,
    )
    .all() as Row[];
  const counts = zero();
  const byOrg = new Map<string, OrganizationCounts>();
  for (const row of rows) {
    const column: Column = row.status ?? 'unchecked';
    counts[column]++;
    let org = byOrg.get(row.organization);
    if (!org) byOrg.set(row.organization, (org = { organization: row.organization, total: 0, counts: zero() }));
    org.total++;
    org.counts[column]++;
  }
  const problems = (o: OrganizationCounts) => o.total - o.counts.ok;
  const organizations = [...byOrg.values()].sort(
    (a, b) => problems(b) - problems(a) || a.organization.localeCompare(b.organization),
  );
  const rank = (r: Row) => SEVERITY.indexOf(r.status ?? 'unchecked');
  rows.sort((a, b) => a.organization.localeCompare(b.organization) || rank(a) - rank(b) || a.id.localeCompare(b.id));
  const lines = rows.map((r) =>
    CSV_COLUMNS.map((c) => csvCell(c === 'status' ? (r.status ?? 'unchecked') : r[c])).join(','),
  );
  // The BOM lets spreadsheet programs read UTF-8 organization names.
  const csv = '\ufeff' + [CSV_COLUMNS.join(','), ...lines].join('\r\n') + '\r\n';
  return { total: rows.length, counts, organizations, csv };
}

/** The printed part: totals per class, then the organizations with the most links needing work. */
export function formatReport(report: LinkReport, top: number): string {
  const pct = (n: number) => (report.total ? `${((100 * n) / report.total).toFixed(1)}%` : '-');
  const lines = [`Websites: ${report.total}`];
  for (const c of COLUMNS)
    lines.push(`  ${c.padEnd(11)} ${String(report.counts[c]).padStart(7)}  ${pct(report.counts[c])}`);
  const shown = report.organizations.slice(0, top);
  lines.push(
    '',
    `Per organization (most links needing work first; ${shown.length} of ${report.organizations.length}):`,
  );
  lines.push(`  ${'total'.padStart(6)} ${COLUMNS.map((c) => c.slice(0, 10).padStart(10)).join(' ')}  organization`);
  for (const o of shown) {
    lines.push(
      `  ${String(o.total).padStart(6)} ${COLUMNS.map((c) => String(o.counts[c]).padStart(10)).join(' ')}  ${o.organization}`,
    );
  }
  if (report.organizations.length > shown.length) {
    lines.push(`  … ${report.organizations.length - shown.length} more organizations in the CSV`);
  }
  return lines.join('\n');
}
