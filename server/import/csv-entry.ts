/** A stocktaking CSV row as an entry candidate; names and regions are resolved later, like for JSON. */
import { CSV_COLUMNS } from '../../src/data/export.js';
import { FormatError } from './format-error.js';

const OPTIONAL: readonly string[] = ['regions', 'endYear', 'website', 'prizeYear', 'prizeStatus'];
const REQUIRED = CSV_COLUMNS.filter((c) => !OPTIONAL.includes(c));

/** Checks the header row and returns the column names as written (trimmed). */
export function csvHeader(cells: string[] | undefined): string[] {
  const header = cells?.map((h) => h.trim());
  const missing = REQUIRED.filter((c) => !header?.includes(c));
  if (!header || missing.length) {
    throw new FormatError(`not a stocktaking CSV: the header row lacks ${missing.join(', ')} (see server/README.md)`);
  }
  return header;
}

/**
 * The export puts a `'` before cells that start like a spreadsheet formula (= + - @ tab CR), and
 * one more before cells that already start with quotes and then such a character; one is taken
 * off here, so every text comes back as it was exported.
 */
export function unescapeCell(cell: string): string {
  return /^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

const list = (cell = ''): string[] =>
  cell
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
const number = (cell: string): unknown => (/^\s*-?\d+\s*$/.test(cell) ? Number(cell) : cell);

export function csvEntry(header: readonly string[], cells: readonly string[]): Record<string, unknown> {
  const row: Record<string, string> = Object.create(null);
  header.forEach((h, i) => (row[h] = unescapeCell(cells[i])));
  const entry: Record<string, unknown> = {
    id: row.id.trim(),
    title: row.title.trim(),
    description: row.description,
    organization: row.organization.trim(),
    entityType: row.entityType.trim(),
    // An empty cell is one value that means "international", like "INTERNATIONAL".
    countries: row.countries.trim() ? list(row.countries) : [],
    regions: list(row.regions),
    actionLines: list(row.actionLines),
    sdgs: list(row.sdgs).map(number),
    status: row.status.trim(),
    startYear: number(row.startYear),
    endYear: row.endYear?.trim() ? number(row.endYear) : null,
    updated: row.updated.trim(),
  };
  if (row.website?.trim()) entry.website = row.website.trim();
  if (row.prizeYear?.trim() || row.prizeStatus?.trim()) {
    entry.prize = { year: number(row.prizeYear ?? ''), status: (row.prizeStatus ?? '').trim() };
  }
  return entry;
}
