/**
 * The query model shared by the API client, the static source and the reference server:
 * parameter parsing and normalization, facet definitions and the C7 roll-up rule.
 */
import type { Entry } from './entry.js';
import {
  ACTION_LINES,
  ENTITY_TYPES,
  FILTER_KEYS,
  INTERNATIONAL,
  PRIZE_STATUSES,
  REGIONS,
  SDGS,
  STATUSES,
  isC7,
} from './vocabulary.js';
import { isCountryCode } from './countries.js';

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

export interface ParamError {
  code: 'invalid_parameter';
  message: string;
  parameter: string;
}

const PRIZE_VALUES = [...PRIZE_STATUSES, 'any'] as const;
const SDG_VALUES = SDGS.map(String);

/** Allowed values for closed vocabularies; `undefined` means free text. */
const FILTER_VOCAB: Record<FilterKey, readonly string[] | undefined> = {
  actionLine: ACTION_LINES,
  sdg: SDG_VALUES,
  country: undefined,
  region: REGIONS,
  entityType: ENTITY_TYPES,
  status: STATUSES,
  organization: undefined,
  prize: PRIZE_VALUES,
};

/** A q with no searchable terms counts as no q. */
export function effectiveSort(params: Pick<SearchParams, 'q' | 'sort'>): Sort {
  const hasText = tokenize(params.q).length > 0;
  const sort = params.sort ?? (hasText ? 'relevance' : 'newest');
  return sort === 'relevance' && !hasText ? 'newest' : sort;
}

type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

function getAll(raw: RawParams, key: string): string[] {
  if (raw instanceof URLSearchParams) return raw.getAll(key);
  const value = raw[key];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function fail(parameter: string, message: string): { ok: false; error: ParamError } {
  return { ok: false, error: { code: 'invalid_parameter', parameter, message } };
}

function parseInteger(value: string, name: string, min: number, max: number): number | ParamError {
  if (!/^-?\d{1,6}$/.test(value.trim())) {
    return {
      code: 'invalid_parameter',
      parameter: name,
      message: `${name} must be a whole number from ${min} to ${max}`,
    };
  }
  const n = Number(value);
  if (n < min || n > max) {
    return {
      code: 'invalid_parameter',
      parameter: name,
      message: `${name} must be a whole number from ${min} to ${max}`,
    };
  }
  return n;
}

function single(raw: RawParams, key: string): string | undefined | ParamError {
  const all = getAll(raw, key);
  if (all.length > 1) return { code: 'invalid_parameter', parameter: key, message: `${key} may be given only once` };
  return all[0];
}

const isError = (x: unknown): x is ParamError =>
  typeof x === 'object' && x !== null && (x as ParamError).code === 'invalid_parameter';

/** Normalizes a country value: upper-case ISO code, or the international key. */
export function normalizeCountry(value: string): string {
  return value.trim().toUpperCase();
}

/** Parses query parameters per docs/api.md; the first problem found is reported. */
export function parseSearchParams(
  raw: RawParams,
): { ok: true; params: SearchParams } | { ok: false; error: ParamError } {
  const q = single(raw, 'q');
  if (isError(q)) return { ok: false, error: q };
  if (q !== undefined && q.length > MAX_QUERY_LENGTH) {
    return fail('q', `q must be at most ${MAX_QUERY_LENGTH} characters`);
  }
  const filters: Filters = {};
  for (const key of FILTER_KEYS) {
    let values = getAll(raw, key);
    // Organization names may hold commas, so only that filter is repeat-only.
    if (key !== 'organization') values = values.flatMap((v) => v.split(','));
    values = values.map((v) => v.trim()).filter((v) => v !== '');
    if (key === 'country') values = values.map(normalizeCountry);
    const vocab = FILTER_VOCAB[key];
    for (const value of values) {
      if (value.length > MAX_QUERY_LENGTH)
        return fail(key, `${key} values must be at most ${MAX_QUERY_LENGTH} characters`);
      if (vocab && !vocab.includes(value)) {
        return fail(key, `${key} must be one of: ${vocab.join(', ')}`);
      }
      if (key === 'country' && value !== INTERNATIONAL && !isCountryCode(value)) {
        return fail(key, `country must be an ISO 3166-1 alpha-2 code (e.g. RW) or ${INTERNATIONAL}`);
      }
    }
    if (values.length) filters[key] = [...new Set(values)].sort();
  }
  const params: SearchParams = { q: (q ?? '').trim(), filters, page: 1, pageSize: DEFAULT_PAGE_SIZE, facets: [] };
  for (const [name, min, max] of [
    ['yearFrom', 1900, 2200],
    ['yearTo', 1900, 2200],
    ['page', 1, MAX_PAGE],
    ['pageSize', 1, MAX_PAGE_SIZE],
  ] as const) {
    const value = single(raw, name);
    if (isError(value)) return { ok: false, error: value };
    if (value === undefined || value === '') continue;
    const n = parseInteger(value, name, min, max);
    if (isError(n)) return { ok: false, error: n };
    params[name] = n;
  }
  if (params.yearFrom !== undefined && params.yearTo !== undefined && params.yearFrom > params.yearTo) {
    return fail('yearFrom', 'yearFrom must not be greater than yearTo');
  }
  const sort = single(raw, 'sort');
  if (isError(sort)) return { ok: false, error: sort };
  if (sort !== undefined && sort !== '') {
    if (!(SORTS as readonly string[]).includes(sort)) return fail('sort', `sort must be one of: ${SORTS.join(', ')}`);
    params.sort = sort as Sort;
  }
  const facets = getAll(raw, 'facets')
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  for (const facet of facets) {
    if (!(FACET_NAMES as readonly string[]).includes(facet)) {
      return fail('facets', `facets must be a comma list of: ${FACET_NAMES.join(', ')}`);
    }
  }
  params.facets = [...new Set(facets as FacetName[])].sort();
  return { ok: true, params };
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

/** Does the entry pass one filter group? OR within the group. */
export function matchesFilter(entry: Entry, key: FilterKey, values: readonly string[]): boolean {
  if (!values.length) return true;
  switch (key) {
    case 'actionLine':
      return values.some((v) => (v === 'C7' ? entry.actionLines.some(isC7) : entry.actionLines.includes(v as never)));
    case 'prize':
      return !!entry.prize && values.some((v) => v === 'any' || v === entry.prize!.status);
    case 'country':
      return values.some((v) => (v === INTERNATIONAL ? entry.countries.length === 0 : entry.countries.includes(v)));
    default:
      return facetValues(entry, key).some((x) => values.includes(x));
  }
}

export function matchesYears(entry: Entry, params: Pick<SearchParams, 'yearFrom' | 'yearTo'>): boolean {
  return (
    (params.yearFrom === undefined || entry.startYear >= params.yearFrom) &&
    (params.yearTo === undefined || entry.startYear <= params.yearTo)
  );
}

/** AND across groups; `except` leaves one group out, for disjunctive facet counts. */
export function matchesAll(entry: Entry, params: SearchParams, except?: FacetName): boolean {
  for (const key of FILTER_KEYS) {
    if (key === except) continue;
    const values = params.filters[key];
    if (values && !matchesFilter(entry, key, values)) return false;
  }
  return except === 'year' || matchesYears(entry, params);
}

/**
 * Disjunctive facet counts over the entries that matched the text query:
 * each group is counted with every filter applied except its own.
 */
export function computeFacets(entries: Iterable<Entry>, params: SearchParams): Facets {
  const facets: Facets = {};
  if (!params.facets.length) return facets;
  const counts = new Map<FacetName, Map<string, number>>(params.facets.map((f) => [f, new Map()]));
  for (const entry of entries) {
    const passesAll = matchesAll(entry, params);
    for (const facet of params.facets) {
      const own = (params.filters as Record<string, string[] | undefined>)[facet];
      const ownActive = facet === 'year' ? params.yearFrom !== undefined || params.yearTo !== undefined : !!own?.length;
      if (!(ownActive ? matchesAll(entry, params, facet) : passesAll)) continue;
      const group = counts.get(facet)!;
      for (const value of facetValues(entry, facet)) group.set(value, (group.get(value) ?? 0) + 1);
    }
  }
  for (const [facet, group] of counts) {
    let pairs = [...group];
    if (facet === 'organization') {
      pairs = pairs.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, ORGANIZATION_FACET_LIMIT);
    }
    facets[facet] = Object.fromEntries(pairs);
  }
  return facets;
}

/** Comparator for the non-relevance sorts (relevance is the text engine's own order). */
export function compareEntries(sort: Exclude<Sort, 'relevance'>): (a: Entry, b: Entry) => number {
  const byId = (a: Entry, b: Entry) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  switch (sort) {
    case 'newest':
      return (a, b) =>
        b.startYear - a.startYear || (a.updated < b.updated ? 1 : a.updated > b.updated ? -1 : 0) || byId(a, b);
    case 'oldest':
      return (a, b) => a.startYear - b.startYear || byId(a, b);
    case 'title':
      return (a, b) => {
        const x = a.title.toLowerCase();
        const y = b.title.toLowerCase();
        return x < y ? -1 : x > y ? 1 : byId(a, b);
      };
  }
}

/** Words too common to search on; shared so every engine drops the same ones. */
export const STOP_WORDS = new Set(
  'a an and are as at be by for from has have in into is it its of on or that the their this to was were with'.split(
    ' ',
  ),
);

/** Splits free text into search terms: NFKC, then lower-case ("㎾" → "kw"), letter/digit runs, no stop words, no one-letter tokens. */
export function tokenize(text: string): string[] {
  const words =
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.filter((w) => w.length > 1 && !STOP_WORDS.has(w));
}
