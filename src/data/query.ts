/**
 * The query model shared by the API client, the static source and the reference server:
 * parameters and their normalization, facet definitions and the C7 roll-up rule. Parsing a
 * request and evaluating it against entries is in evaluate.ts.
 */
import type { Entry } from './entry.js';
import { FILTER_KEYS, INTERNATIONAL, isC7 } from './vocabulary.js';
import { plainWords } from './text/words.js';

export { STOP_WORDS } from './text/words.js';

export { FILTER_KEYS };
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Partial<Record<FilterKey, string[]>>;

export const FACET_NAMES = [
  'actionLine',
  'sdg',
  'country',
  'region',
  'entityType',
  'status',
  'year',
  'organization',
] as const;
export type FacetName = (typeof FACET_NAMES)[number];
export type Facets = Partial<Record<FacetName, Record<string, number>>>;

export const SORTS = ['relevance', 'newest', 'oldest', 'title'] as const;
export type Sort = (typeof SORTS)[number];

export const MAX_QUERY_LENGTH = 200;
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE = 10000;
/** The organization facet lists only the largest groups. */
export const ORGANIZATION_FACET_LIMIT = 100;

export interface SearchParams {
  q: string;
  filters: Filters;
  yearFrom?: number;
  yearTo?: number;
  /** Undefined means the contract's default (relevance with q, else newest). */
  sort?: Sort;
  page: number;
  pageSize: number;
  facets: FacetName[];
}

export interface Correction {
  from: string;
  to: string;
}

export interface SearchResponse {
  total: number;
  page: number;
  pageSize: number;
  items: Entry[];
  facets: Facets;
  corrections?: Correction[];
}

/** A q with no searchable terms counts as no q. */
export function effectiveSort(params: Pick<SearchParams, 'q' | 'sort'>): Sort {
  const hasText = tokenize(params.q).length > 0;
  const sort = params.sort ?? (hasText ? 'relevance' : 'newest');
  return sort === 'relevance' && !hasText ? 'newest' : sort;
}

/** Normalizes a country value: upper-case ISO code, or the international key. */
export function normalizeCountry(value: string): string {
  return value.trim().toUpperCase();
}

/** Serializes params canonically (sorted), so equal searches give equal URLs and cache keys. */
export function toQueryString(params: SearchParams): string {
  const out = new URLSearchParams();
  if (params.q.trim()) out.set('q', params.q.trim());
  for (const key of FILTER_KEYS) {
    for (const value of [...(params.filters[key] ?? [])].sort()) out.append(key, value);
  }
  if (params.yearFrom !== undefined) out.set('yearFrom', String(params.yearFrom));
  if (params.yearTo !== undefined) out.set('yearTo', String(params.yearTo));
  if (params.sort) out.set('sort', params.sort);
  if (params.page !== 1) out.set('page', String(params.page));
  if (params.pageSize !== DEFAULT_PAGE_SIZE) out.set('pageSize', String(params.pageSize));
  if (params.facets.length) out.set('facets', [...params.facets].sort().join(','));
  return out.toString();
}

/** The values an entry contributes to a facet group; C7 sub-lines roll up into C7. */
export function facetValues(entry: Entry, facet: FacetName): string[] {
  switch (facet) {
    case 'actionLine': {
      const lines = new Set<string>(entry.actionLines);
      if (entry.actionLines.some(isC7)) lines.add('C7');
      return [...lines];
    }
    case 'sdg':
      return [...new Set(entry.sdgs.map(String))];
    case 'country':
      return entry.countries.length ? [...new Set(entry.countries)] : [INTERNATIONAL];
    case 'region':
      return [...new Set(entry.regions)];
    case 'entityType':
      return [entry.entityType];
    case 'status':
      return [entry.status];
    case 'year':
      return [String(entry.startYear)];
    case 'organization':
      return [entry.organization];
  }
}

/** The searchable words of free text (src/data/text/words.ts): normalized, no stop words. */
export function tokenize(text: string): string[] {
  return plainWords(text).map((w) => w.text);
}
