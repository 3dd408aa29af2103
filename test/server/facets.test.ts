/**
 * Facet JSON written straight from counts (server/facets.ts) is byte for byte what building the
 * objects and `JSON.stringify` gave: keys that are array indexes ("3", "2015", an organization
 * called "1999") first in numeric order, the others sorted by name, organizations by count and
 * then `localeCompare`, also after the columns grew.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateEntries } from '../../scripts/sample/generate.js';
import type { Entry } from '../../src/data/entry.js';
import { FACET_NAMES, ORGANIZATION_FACET_LIMIT, facetValues, type FacetName } from '../../src/data/query.js';
import { full } from '../../server/bitset.js';
import { buildColumns } from '../../server/columns.js';
import { FacetCounter } from '../../server/facets.js';

/** How the facets were written before: objects from sorted pairs, then JSON.stringify. */
function objectsThenStringify(entries: readonly Entry[], names: readonly FacetName[]): string {
  const facets: Record<string, Record<string, number>> = {};
  for (const name of names) {
    const counts = new Map<string, number>();
    for (const e of entries) for (const v of facetValues(e, name)) counts.set(v, (counts.get(v) ?? 0) + 1);
    // Pairs in first-seen order, which is code order in the server's columns.
    let pairs = [...counts];
    pairs =
      name === 'organization'
        ? pairs.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, ORGANIZATION_FACET_LIMIT)
        : pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    facets[name] = Object.fromEntries(pairs);
  }
  return JSON.stringify(facets);
}

const ORGANIZATIONS = [
  '1999',
  '7',
  'Zeta',
  'alpha',
  'Álpha',
  'Ministry "Quoted"',
  '4294967295',
  '01',
  'ÉCOLE',
  'école',
];

function sample(count: number, seed: number): Entry[] {
  return generateEntries(count, seed).map((e, i) => (i % 3 ? e : { ...e, organization: ORGANIZATIONS[i % 10] }));
}

test('facet JSON equals objects built and stringified, before and after the columns grow', () => {
  const before = sample(1200, 4);
  const facets = new FacetCounter(buildColumns(before).columns);
  assert.equal(
    facets.json(FACET_NAMES, () => full(before.length)),
    objectsThenStringify(before, FACET_NAMES),
  );

  // A later snapshot: the same entries plus new ones with new organizations, years and countries.
  const after = [...before, ...sample(400, 9).map((e, i) => ({ ...e, id: `new-${i}`, organization: `${i % 40}` }))];
  const grown = new FacetCounter(buildColumns(after).columns, facets);
  assert.equal(
    grown.json(FACET_NAMES, () => full(after.length)),
    objectsThenStringify(after, FACET_NAMES),
  );
  assert.equal(
    grown.json(['sdg'], () => full(after.length)),
    objectsThenStringify(after, ['sdg']),
  );
});
