import type { Entry } from '../../../src/data/entry.js';
import { effectiveSort, tokenize, type Correction, type SearchParams } from '../../../src/data/query.js';
import { compareEntries, computeFacets, matchesAll, parseSearchParams } from '../../../src/data/evaluate.js';

/** A tiny docs/api.md search over an array, for msw handlers: prefix terms, one-edit typo fixes. */

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const next = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = next;
    }
  }
  return row[b.length];
}

const textOf = (e: Entry) => tokenize(`${e.title} ${e.organization} ${e.description}`);

function correct(terms: string[], vocabulary: Set<string>): { terms: string[]; corrections: Correction[] } {
  const corrections: Correction[] = [];
  const fixed = terms.map((term) => {
    if (term.length < 4 || [...vocabulary].some((w) => w.startsWith(term))) return term;
    const best = [...vocabulary].find((w) => distance(term, w) <= (term.length < 6 ? 1 : 2));
    if (!best) return term;
    corrections.push({ from: term, to: best });
    return best;
  });
  return { terms: fixed, corrections };
}

export type SearchResult =
  | { status: 200; body: Record<string, unknown> }
  | { status: 400; body: { error: { code: string; message: string; parameter: string } } };

export function searchEntries(entries: readonly Entry[], query: URLSearchParams): SearchResult {
  const parsed = parseSearchParams(query);
  if (!parsed.ok) return { status: 400, body: { error: parsed.error } };
  const params: SearchParams = parsed.params;
  const words = new Map(entries.map((e) => [e, textOf(e)]));
  const vocabulary = new Set([...words.values()].flat());
  const { terms, corrections } = correct(tokenize(params.q), vocabulary);
  const score = (e: Entry) =>
    terms.reduce((sum, term) => sum + (tokenize(e.title).some((w) => w.startsWith(term)) ? 3 : 1), 0);
  const textMatches = entries.filter((e) => terms.every((term) => words.get(e)!.some((w) => w.startsWith(term))));
  const hits = textMatches.filter((e) => matchesAll(e, params));
  const sort = effectiveSort(params);
  hits.sort(sort === 'relevance' ? (a, b) => score(b) - score(a) || (a.id < b.id ? -1 : 1) : compareEntries(sort));
  const start = (params.page - 1) * params.pageSize;
  return {
    status: 200,
    body: {
      total: hits.length,
      page: params.page,
      pageSize: params.pageSize,
      items: hits.slice(start, start + params.pageSize),
      facets: computeFacets(textMatches, params),
      ...(corrections.length ? { corrections } : {}),
    },
  };
}
