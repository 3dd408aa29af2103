import type { Entry } from './entry.js';
import type { SearchParams } from './query.js';
import type { DataSource } from './source.js';

/** Exports stop here; a full dump belongs to the API, not a browser download. */
export const EXPORT_CAP = 5000;
const PAGE = 100;

/**
 * The stocktaking CSV: the widget's export and the reference server's import (server/formats.ts), in the order
 * server/README.md documents, so an export can be imported as it is.
 */
export const CSV_COLUMNS = [
  'id',
  'title',
  'description',
  'organization',
  'entityType',
  'countries',
  'regions',
  'actionLines',
  'sdgs',
  'status',
  'startYear',
  'endYear',
  'website',
  'updated',
  'prizeYear',
  'prizeStatus',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Each column's cell; lists are `;`-separated, as the import reads them. */
const CSV_CELLS: Record<CsvColumn, (e: Entry) => unknown> = {
  id: (e) => e.id,
  title: (e) => e.title,
  description: (e) => e.description,
  organization: (e) => e.organization,
  entityType: (e) => e.entityType,
  countries: (e) => e.countries.join(';'),
  regions: (e) => e.regions.join(';'),
  actionLines: (e) => e.actionLines.join(';'),
  sdgs: (e) => e.sdgs.join(';'),
  status: (e) => e.status,
  startYear: (e) => e.startYear,
  endYear: (e) => e.endYear,
  website: (e) => e.website,
  updated: (e) => e.updated,
  prizeYear: (e) => e.prize?.year,
  prizeStatus: (e) => e.prize?.status,
};

/**
 * Spreadsheets run cells that start with = + - @ tab or CR as formulas; a leading quote makes them
 * text. Cells that already start with quotes before such a character get one more, so the import
 * (server/import/csv-entry.ts) can take exactly one off and every value comes back as it was.
 */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^'*[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n']/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(entries: readonly Entry[]): string {
  const rows = entries.map((e) => CSV_COLUMNS.map((c) => csvCell(CSV_CELLS[c](e))).join(','));
  // The BOM lets spreadsheet programs read UTF-8 (Arabic, Chinese, Russian names).
  return '\ufeff' + [CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}

export interface ExportProgress {
  done: number;
  total: number;
}

/** Fetches every page of a search, up to the cap; abort the signal to cancel. */
export async function collectAll(
  source: DataSource,
  params: SearchParams,
  {
    signal,
    onProgress,
    cap = EXPORT_CAP,
  }: { signal: AbortSignal; onProgress?: (p: ExportProgress) => void; cap?: number },
): Promise<{ entries: Entry[]; total: number; capped: boolean }> {
  const entries: Entry[] = [];
  let total = Infinity;
  for (let page = 1; entries.length < Math.min(total, cap); page++) {
    signal.throwIfAborted();
    const response = await source.search({ ...params, page, pageSize: PAGE, facets: [] }, signal);
    total = response.total;
    entries.push(...response.items);
    onProgress?.({ done: Math.min(entries.length, cap), total: Math.min(total, cap) });
    if (!response.items.length) break;
  }
  return { entries: entries.slice(0, cap), total, capped: total > cap };
}
