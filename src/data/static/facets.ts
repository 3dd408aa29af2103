/**
 * Disjunctive facet counts with the exact rules of computeFacets (query.ts), over values
 * coded once per entry, so a search over thousands of entries counts integers instead of
 * building strings and Maps. Tests check the two always agree.
 */
import type { Entry } from '../entry.js';
import {
  FACET_NAMES,
  FILTER_KEYS,
  ORGANIZATION_FACET_LIMIT,
  facetValues,
  type FacetName,
  type FilterKey,
  type Facets,
  type SearchParams,
} from '../query.js';
import { matchesFilter, matchesYears } from '../evaluate.js';

interface Column {
  labels: string[];
  codeOf: Map<string, number>;
  /** Entry i holds codes[offsets[i] .. offsets[i + 1]). */
  offsets: number[];
  codes: number[];
  /** The same two lists as typed arrays, made on the first count. */
  packed?: { offsets: Int32Array; codes: Int32Array };
  collation?: Int32Array;
}

/** One active filter: a facet's own values, or the year range. */
interface Filter {
  key: FilterKey | 'year';
  passes(entry: Entry): boolean;
}

export class FacetCounter {
  readonly #columns = Object.fromEntries(
    FACET_NAMES.map((f) => [f, { labels: [], codeOf: new Map(), offsets: [0], codes: [] }]),
  ) as unknown as Record<FacetName, Column>;

  /** Entries must be added in position order. */
  add(entry: Entry): void {
    for (const facet of FACET_NAMES) {
      const col = this.#columns[facet];
      col.packed = undefined;
      for (const value of facetValues(entry, facet)) {
        let code = col.codeOf.get(value);
        if (code === undefined) col.codeOf.set(value, (code = col.labels.push(value) - 1));
        col.codes.push(code);
      }
      col.offsets.push(col.codes.length);
    }
  }

  /**
   * `positions` are indexes into `entries`, as added. Each group counts the entries passing
   * every filter but its own: an entry failing no filter counts in every group, one failing
   * exactly one filter counts only in that filter's group, others count nowhere.
   */
  count(entries: readonly Entry[], positions: ArrayLike<number>, params: SearchParams): Facets {
    const facets: Facets = {};
    if (!params.facets.length) return facets;
    const filters: Filter[] = FILTER_KEYS.flatMap((key) => {
      const values = params.filters[key];
      return values ? [{ key, passes: (e: Entry) => matchesFilter(e, key, values) }] : [];
    });
    if (params.yearFrom !== undefined || params.yearTo !== undefined)
      filters.push({ key: 'year', passes: (e) => matchesYears(e, params) });
    // Entries to count for every group, and for each filter those failing only it.
    let all: ArrayLike<number> = positions;
    const onlyFailing = new Map<string, number[]>(filters.map((f) => [f.key, []]));
    if (filters.length) {
      const passing: number[] = [];
      for (let k = 0; k < positions.length; k++) {
        const pos = positions[k];
        let failed: Filter | undefined;
        let failures = 0;
        for (const filter of filters) {
          if (filter.passes(entries[pos])) continue;
          failed = filter;
          if (++failures > 1) break;
        }
        if (!failures) passing.push(pos);
        else if (failures === 1) onlyFailing.get(failed!.key)!.push(pos);
      }
      all = passing;
    }
    for (const facet of params.facets) {
      const col = this.#columns[facet];
      const { offsets, codes } = this.#packed(col);
      const counts = new Int32Array(col.labels.length);
      for (const list of [all, onlyFailing.get(facet) ?? []])
        for (let k = 0; k < list.length; k++) {
          const pos = list[k];
          for (let j = offsets[pos]; j < offsets[pos + 1]; j++) counts[codes[j]]++;
        }
      let found: number[] = [];
      for (let code = 0; code < counts.length; code++) if (counts[code]) found.push(code);
      if (facet === 'organization') {
        const rank = this.#collation(col);
        found = found.sort((a, b) => counts[b] - counts[a] || rank[a] - rank[b]).slice(0, ORGANIZATION_FACET_LIMIT);
      }
      const group: Record<string, number> = {};
      for (const code of found) group[col.labels[code]] = counts[code];
      facets[facet] = group;
    }
    return facets;
  }

  /** Prepares what counting needs, so the first search does not pay for it. */
  finish(): void {
    for (const facet of FACET_NAMES) this.#packed(this.#columns[facet]);
    this.#collation(this.#columns.organization);
  }

  #packed(col: Column): { offsets: Int32Array; codes: Int32Array } {
    return (col.packed ??= { offsets: Int32Array.from(col.offsets), codes: Int32Array.from(col.codes) });
  }

  /**
   * Each label's place in `localeCompare` order (an `Intl.Collator` with the same defaults), labels that compare equal in code order: what
   * a stable sort by that comparator gives, computed once instead of on every count.
   */
  #collation(col: Column): Int32Array {
    if (col.collation?.length !== col.labels.length) {
      const { compare } = new Intl.Collator();
      const codes = Array.from(col.labels.keys()).sort((a, b) => compare(col.labels[a], col.labels[b]) || a - b);
      col.collation = new Int32Array(codes.length);
      codes.forEach((code, place) => (col.collation![code] = place));
    }
    return col.collation;
  }
}
