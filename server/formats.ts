/** Reads import files (JSON, NDJSON, CSV) into raw records that remember where they came from. */
import { parse } from 'csv-parse/sync';
import { regionOf } from '../src/data/countries.js';
import { CSV_COLUMNS } from '../src/data/export.js';

export interface RawRecord {
  /** 1-based source line where the record starts (0 when unknown). */
  line: number;
  /** 1-based position in a JSON array. */
  entry?: number;
  value?: unknown;
  /** Set when the record could not even be read. */
  problem?: string;
}

export type Format = 'json' | 'ndjson' | 'csv';

/** Thrown when the file as a whole is unusable. */
export class FormatError extends Error {
  override name = 'FormatError';
}

const REQUIRED_CSV_COLUMNS = CSV_COLUMNS.filter(
  (c) => !['regions', 'endYear', 'website', 'prizeYear', 'prizeStatus'].includes(c),
);

export function detectFormat(path: string, text: string): Format {
  const ext = path.toLowerCase().match(/\.([a-z]+)$/)?.[1];
  if (ext === 'json') return 'json';
  if (ext === 'ndjson' || ext === 'jsonl') return 'ndjson';
  if (ext === 'csv') return 'csv';
  const start = text.trimStart();
  if (start.startsWith('[')) return 'json';
  if (start.startsWith('{')) {
    try {
      JSON.parse(text);
      return 'json';
    } catch {
      return 'ndjson';
    }
  }
  return 'csv';
}

export function readRecords(format: Format, text: string): RawRecord[] {
  text = text.replace(/^\uFEFF/, '');
  return format === 'json' ? readJson(text) : format === 'ndjson' ? readNdjson(text) : readCsv(text);
}

function readJson(text: string): RawRecord[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new FormatError(`not valid JSON: ${(err as Error).message}`);
  }
  const list = Array.isArray(data) ? data : (data as { entries?: unknown } | null)?.entries;
  if (!Array.isArray(list)) throw new FormatError('expected a JSON array of entries or an object { "entries": [...] }');
  const lines = elementLines(text);
  return list.map((value, i) => ({ line: lines.length === list.length ? lines[i] : 0, entry: i + 1, value }));
}

/**
 * Start lines of the elements of the top-level array (or of the top-level "entries" array).
 * The text is known to be valid JSON, so a flat scan is enough.
 */
function elementLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let target = -1;
  let pending = false;
  let lastString = '';
  let key = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') line++;
    if (ch === '\n' || ch === ' ' || ch === '\t' || ch === '\r') continue;
    if (pending && depth === target && ch !== ']') {
      lines.push(line);
      pending = false;
    }
    if (ch === '"') {
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (depth === 1) lastString = text.slice(i + 1, j);
      i = j;
    } else if (ch === ':' && depth === 1) {
      key = lastString;
    } else if (ch === '[' || ch === '{') {
      depth++;
      if (ch === '[' && target === -1 && (depth === 1 || (depth === 2 && key === 'entries'))) {
        target = depth;
        pending = true;
      }
    } else if (ch === ']' || ch === '}') {
      if (depth === target) target = -2;
      depth--;
    } else if (ch === ',' && depth === target) {
      pending = true;
    }
  }
  return lines;
}

function readNdjson(text: string): RawRecord[] {
  const records: RawRecord[] = [];
  text.split(/\r?\n/).forEach((source, i) => {
    if (!source.trim()) return;
    try {
      records.push({ line: i + 1, value: JSON.parse(source) });
    } catch (err) {
      records.push({ line: i + 1, problem: `not valid JSON: ${(err as Error).message}` });
    }
  });
  return records;
}

function readCsv(text: string): RawRecord[] {
  const records: RawRecord[] = [];
  let rows: { record: string[]; info: { lines: number }; raw: string }[];
  try {
    rows = parse(text.replace(/\r\n?/g, '\n'), {
      info: true,
      raw: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: (err) => {
        if (err)
          records.push({ line: (err as { lines?: number }).lines ?? 0, problem: `not valid CSV: ${err.message}` });
      },
    }) as unknown as typeof rows;
  } catch (err) {
    throw new FormatError(`not valid CSV: ${(err as Error).message}`);
  }
  const header = rows.shift()?.record.map((h) => h.trim());
  const missing = REQUIRED_CSV_COLUMNS.filter((c) => !header?.includes(c));
  if (!header || missing.length) {
    throw new FormatError(`not a stocktaking CSV: the header row lacks ${missing.join(', ')} (see server/README.md)`);
  }
  for (const { record, info, raw } of rows) {
    const line = info.lines - (raw.replace(/^\n+/, '').replace(/\n$/, '').match(/\n/g)?.length ?? 0);
    if (record.length !== header.length) {
      records.push({ line, problem: `expected ${header.length} columns, found ${record.length}` });
      continue;
    }
    const row = Object.fromEntries(header.map((h, i) => [h, record[i]]));
    records.push({ line, value: csvEntry(row) });
  }
  return records.sort((a, b) => a.line - b.line);
}

const list = (cell = ''): string[] =>
  cell
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
const number = (cell: string): unknown => (/^\s*-?\d+\s*$/.test(cell) ? Number(cell) : cell);

/** One CSV row as an entry candidate; validation happens later, like for JSON. */
function csvEntry(row: Record<string, string>): Record<string, unknown> {
  const countries = list(row.countries).map((c) => c.toUpperCase());
  const regions = list(row.regions);
  const entry: Record<string, unknown> = {
    id: row.id.trim(),
    title: row.title.trim(),
    description: row.description,
    organization: row.organization.trim(),
    entityType: row.entityType.trim(),
    countries,
    regions: regions.length ? regions : [...new Set(countries.map(regionOf).filter(Boolean))],
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
