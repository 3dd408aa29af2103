import type { Facets, FilterKey } from '../../data/query.js';
import { ENTITY_TYPES, PRIZE_STATUSES, REGIONS, SDGS, STATUSES } from '../../data/vocabulary.js';
import type { Lang } from '../../i18n/index.js';
import { valueLabel } from './labels.js';

/** The facets this element can show; action lines have their own element. */
export const LIST_FACETS = ['sdg', 'entityType', 'region', 'status', 'organization', 'country', 'prize'] as const;
export const FACET_FILTERS = [...LIST_FACETS, 'year'] as const;
export type ListFacet = (typeof LIST_FACETS)[number];
export type FacetFilterName = (typeof FACET_FILTERS)[number];

export const isFacetFilter = (name: string | undefined): name is FacetFilterName =>
  (FACET_FILTERS as readonly string[]).includes(name ?? '');

/** Open vocabularies come from the facet counts, so they are long and searchable. */
export const SEARCHABLE: ReadonlySet<ListFacet> = new Set(['organization', 'country']);

const CLOSED: Partial<Record<ListFacet, readonly string[]>> = {
  sdg: SDGS.map(String),
  entityType: ENTITY_TYPES,
  region: REGIONS,
  status: STATUSES,
  prize: PRIZE_STATUSES,
};

export interface FacetValue {
  value: string;
  label: string;
  /** Undefined where the source counts nothing (prizes). */
  count?: number;
}

/**
 * The values to list, in display order: a closed vocabulary in its own order, or an open
 * one by count. Chosen and fixed values are always included so they can be seen and unticked.
 */
export function facetValues(lang: Lang, facet: ListFacet, facets: Facets, extra: readonly string[]): FacetValue[] {
  const group = facet === 'prize' ? undefined : facets[facet as Exclude<ListFacet, 'prize'>];
  const closed = CLOSED[facet];
  const base = closed ?? Object.keys(group ?? {});
  const values = [...new Set([...base, ...extra])];
  const list = values.map((value) => ({
    value,
    label: valueLabel(lang, facet as FilterKey, value),
    // Only the organization group is capped (top 100), so only there does absence mean unknown.
    count:
      facet === 'prize' || !group
        ? undefined
        : Object.hasOwn(group, value)
          ? group[value]
          : closed || facet === 'country'
            ? 0
            : undefined,
  }));
  if (!closed) list.sort((a, b) => (b.count ?? -1) - (a.count ?? -1) || a.label.localeCompare(b.label, lang));
  return list;
}
