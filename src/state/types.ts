import type { Entry } from '../data/entry.js';
import type { Correction, Facets, Filters, Sort } from '../data/query.js';
import type { SourceErrorCode } from '../data/source.js';

export type SearchStatus = 'idle' | 'loading' | 'stalled' | 'ready' | 'empty' | 'error' | 'offline';

export interface SearchState {
  query: string;
  /** Filters the visitor chose. */
  filters: Filters;
  /** Fixed filters from the embedding page; a visitor can never clear them. */
  scope: Filters;
  yearFrom?: number;
  yearTo?: number;
  /** Undefined means the contract default. */
  sort?: Sort;
  page: number;
  pageSize: number;
  results: Entry[];
  total: number;
  facets: Facets;
  corrections: Correction[];
  status: SearchStatus;
  error?: { code: SourceErrorCode; message: string };
  /** Invalid items dropped from the last page. */
  dropped: number;
  /** The entry whose detail is open, if any. */
  openEntryId?: string;
}

export type Listener = (state: Readonly<SearchState>) => void;
