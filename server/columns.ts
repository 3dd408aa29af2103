/**
 * Compact in-memory columns of the filterable fields. Values come from the shared
 * `facetValues`/`matchesFilter`, so C7 roll-up and INTL follow the query model exactly.
 */
import type { Entry } from '../src/data/entry.js';
import { FACET_NAMES, facetValues, type FacetName } from '../src/data/query.js';
import { compareEntries, matchesFilter } from '../src/data/evaluate.js';
import { PRIZE_STATUSES } from '../src/data/vocabulary.js';
import { empty, set, type Bits } from './bitset.js';

/** One multi-valued column: entry i holds codes[offsets[i] .. offsets[i + 1]). */
export interface Column {
  labels: string[];
  codeOf: Map<string, number>;
  offsets: Uint32Array;
  codes: Uint32Array;
  /** Entries per code, for columns with a small vocabulary. */
  postings?: Bits[];
}

export type ColumnName = FacetName | 'prize' | 'link';

const PRIZE_VALUES = [...PRIZE_STATUSES, 'any'];
/** Beyond this many distinct values a column is scanned instead of indexed by value. */
export const MAX_POSTINGS = 1000;

export interface Columns {
  size: number;
  columns: Record<ColumnName, Column>;
  startYear: Int32Array;
  orders: Record<'newest' | 'oldest' | 'title', Int32Array>;
}

function column(entries: readonly Entry[], values: (e: Entry) => string[]): Column {
  const labels: string[] = [];
  const codeOf = new Map<string, number>();
  const offsets = new Uint32Array(entries.length + 1);
  const codes: number[] = [];
  entries.forEach((entry, i) => {
    for (const value of values(entry)) {
      let code = codeOf.get(value);
      if (code === undefined) {
        code = labels.push(value) - 1;
        codeOf.set(value, code);
      }
      codes.push(code);
    }
    offsets[i + 1] = codes.length;
  });
  const result: Column = { labels, codeOf, offsets, codes: Uint32Array.from(codes) };
  if (labels.length <= MAX_POSTINGS) {
    result.postings = labels.map(() => empty(entries.length));
    for (let i = 0; i < entries.length; i++) {
      for (let j = offsets[i]; j < offsets[i + 1]; j++) set(result.postings[result.codes[j]], i);
    }
  }
  return result;
}

function order(entries: readonly Entry[], sort: 'newest' | 'oldest' | 'title'): Int32Array {
  const cmp = compareEntries(sort);
  return Int32Array.from(entries.keys()).sort((a, b) => cmp(entries[a], entries[b]));
}

export const COLUMN_NAMES: readonly ColumnName[] = [...FACET_NAMES, 'prize', 'link'];

/** The values an entry has in a column; shared with the incremental update (server/incremental.ts). */
export function columnValues(entry: Entry, name: ColumnName): string[] {
  if (name === 'prize') return PRIZE_VALUES.filter((v) => matchesFilter(entry, 'prize', [v]));
  if (name === 'link') return entry.link ? [entry.link.status] : [];
  return facetValues(entry, name);
}

export function buildColumns(entries: readonly Entry[]): Columns {
  const columns = {} as Record<ColumnName, Column>;
  for (const name of COLUMN_NAMES) columns[name] = column(entries, (e) => columnValues(e, name));
  return {
    size: entries.length,
    columns,
    startYear: Int32Array.from(entries, (e) => e.startYear),
    orders: { newest: order(entries, 'newest'), oldest: order(entries, 'oldest'), title: order(entries, 'title') },
  };
}
