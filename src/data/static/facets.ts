/**
 * Disjunctive facet counts with the exact rules of computeFacets (query.ts), over values
 * coded once per entry, so a search over thousands of entries counts integers instead of
 * building strings and Maps. Tests check the two always agree.
 */
import type { Entry } from '../entry.js';
import {
  FACET_NAMES,
  ORGANIZATION_FACET_LIMIT,
  facetValues,
  type FacetName,
  type Facets,
  type SearchParams,
} from '../query.js';
import { matchesAll } from '../evaluate.js';

interface Column {
  labels: string[];
  codeOf: Map<string, number>;
  /** Entry i holds codes[offsets[i] .. offsets[i + 1]). */
  offsets: number[];
  codes: number[];
}

export class FacetCounter {
  readonly #columns = Object.fromEntries(
    FACET_NAMES.map((f) => [f, { labels: [], codeOf: new Map(), offsets: [0], codes: [] }]),
  ) as unknown as Record<FacetName, Column>;

  /** Entries must be added in position order. */
  add(entry: Entry): void {
    for (const facet of FACET_NAMES) {
      const col = this.#columns[facet];
      for (const value of facetValues(entry, facet)) {
        let code = col.codeOf.get(value);
        if (code === undefined) col.codeOf.set(value, (code = col.labels.push(value) - 1));
        col.codes.push(code);
      }
      col.offsets.push(col.codes.length);
    }
  }

  /** `positions` are indexes into `entries`, as added. */
  count(entries: readonly Entry[], positions: Iterable<number>, params: SearchParams): Facets {
    const facets: Facets = {};
    if (!params.facets.length) return facets;
    const groups = params.facets.map((facet) => {
      const col = this.#columns[facet];
      const own =
        facet === 'year'
          ? params.yearFrom !== undefined || params.yearTo !== undefined
          : !!(params.filters as Record<string, string[] | undefined>)[facet]?.length;
      return { facet, col, own, counts: new Int32Array(col.labels.length) };
    });
    for (const i of positions) {
      const entry = entries[i];
      const passesAll = matchesAll(entry, params);
      for (const g of groups) {
        if (!(g.own ? matchesAll(entry, params, g.facet) : passesAll)) continue;
        for (let j = g.col.offsets[i]; j < g.col.offsets[i + 1]; j++) g.counts[g.col.codes[j]]++;
      }
    }
    for (const { facet, col, counts } of groups) {
      let pairs: [string, number][] = [];
      counts.forEach((n, code) => n && pairs.push([col.labels[code], n]));
      if (facet === 'organization') {
        pairs = pairs.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, ORGANIZATION_FACET_LIMIT);
      }
      facets[facet] = Object.fromEntries(pairs);
    }
    return facets;
  }
}
