import { generateEntries } from '../../../scripts/sample/generate.js';
import type { Entry } from '../../../src/data/entry.js';
import { tokenize, type Facets, type SearchParams } from '../../../src/data/query.js';
import { computeFacets, matchesAll } from '../../../src/data/evaluate.js';
import { SourceError, type DataSource, type SourceResponse } from '../../../src/data/source.js';

export interface FakeSource extends DataSource {
  calls: SearchParams[];
}

/** Every word must start a word of the title, organization or description. */
function matchesText(entry: Entry, q: string): boolean {
  const terms = tokenize(q);
  if (!terms.length) return true;
  const words = tokenize(`${entry.title} ${entry.organization} ${entry.description}`);
  return terms.every((term) => words.some((w) => w.startsWith(term)));
}

/** An in-memory source over sample entries, with the contract's disjunctive facets. */
export function fakeSource(entries: Entry[] = generateEntries(200, 11), facetsOverride?: Facets): FakeSource {
  const calls: SearchParams[] = [];
  return {
    calls,
    async search(params) {
      calls.push(params);
      const text = entries.filter((e) => matchesText(e, params.q));
      const hits = text.filter((e) => matchesAll(e, params));
      const start = (params.page - 1) * params.pageSize;
      const response: SourceResponse = {
        total: hits.length,
        page: params.page,
        pageSize: params.pageSize,
        items: hits.slice(start, start + params.pageSize),
        facets: facetsOverride ?? computeFacets(text, params),
        dropped: 0,
      };
      return response;
    },
    async getEntry(id) {
      const entry = entries.find((e) => e.id === id);
      if (!entry) throw new SourceError('not_found', `no entry ${id}`);
      return entry;
    },
  };
}
