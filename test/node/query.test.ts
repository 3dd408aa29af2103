import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Entry } from '../../src/data/entry.js';
import { effectiveSort, toQueryString, tokenize, type SearchParams } from '../../src/data/query.js';
import { computeFacets, matchesAll, parseSearchParams } from '../../src/data/evaluate.js';

function parse(qs: string): SearchParams {
  const result = parseSearchParams(new URLSearchParams(qs));
  assert.ok(result.ok, qs);
  return result.params;
}

function errorOf(qs: string) {
  const result = parseSearchParams(new URLSearchParams(qs));
  assert.ok(!result.ok, `expected ${qs} to be refused`);
  return result.error;
}

const entry = (id: string, patch: Partial<Entry>): Entry => ({
  id,
  title: id,
  description: '',
  organization: 'Org',
  entityType: 'government',
  countries: [],
  regions: [],
  actionLines: ['C1'],
  sdgs: [],
  status: 'ongoing',
  startYear: 2020,
  endYear: null,
  updated: '2024-01-01',
  ...patch,
});

test('defaults and comma lists', () => {
  const p = parse('sdg=3,4&sdg=4&country=rw&organization=A,%20B&facets=sdg,actionLine');
  assert.deepEqual(p.filters, { sdg: ['3', '4'], country: ['RW'], organization: ['A, B'] });
  assert.equal(p.page, 1);
  assert.equal(p.pageSize, 20);
  assert.deepEqual(p.facets, ['actionLine', 'sdg']);
  assert.equal(effectiveSort(p), 'newest');
  assert.equal(effectiveSort(parse('q=health')), 'relevance');
  assert.equal(effectiveSort(parse('q=the%20a')), 'newest', 'stop words only count as no q');
});

test('every bad parameter is refused with a message saying what is allowed', () => {
  const cases: [string, string, RegExp][] = [
    [`q=${'x'.repeat(201)}`, 'q', /at most 200/],
    ['pageSize=0', 'pageSize', /1 to 100/],
    ['pageSize=101', 'pageSize', /1 to 100/],
    ['pageSize=abc', 'pageSize', /whole number/],
    ['page=0', 'page', /1 to 10000/],
    ['sort=best', 'sort', /relevance, newest, oldest, title/],
    ['facets=colour', 'facets', /actionLine/],
    ['actionLine=C99', 'actionLine', /C7\.e-health/],
    ['country=XX', 'country', /ISO 3166-1/],
    ['yearFrom=2020&yearTo=2010', 'yearFrom', /greater than yearTo/],
    ['page=1&page=2', 'page', /only once/],
    ['prize=gold', 'prize', /any/],
  ];
  for (const [qs, parameter, message] of cases) {
    const error = errorOf(qs);
    assert.equal(error.parameter, parameter, qs);
    assert.equal(error.code, 'invalid_parameter');
    assert.match(error.message, message, qs);
  }
});

test('toQueryString is canonical and round-trips', () => {
  const a = parse('sdg=4&sdg=3&q=%20health%20&page=2&facets=sdg,region');
  const b = parse('facets=region,sdg&page=2&sdg=3,4&q=health');
  assert.equal(toQueryString(a), toQueryString(b));
  assert.deepEqual(parse(toQueryString(a)), a);
});

test('filters: OR within a group, AND across, C7 matches sub-lines, INTL matches no country', () => {
  const e1 = entry('e1', { actionLines: ['C7.e-health'], countries: ['RW'], sdgs: [3] });
  const e2 = entry('e2', { actionLines: ['C7'], countries: [], sdgs: [4] });
  const e3 = entry('e3', { actionLines: ['C2'], countries: ['KE'], sdgs: [3] });
  const pick = (qs: string) => [e1, e2, e3].filter((e) => matchesAll(e, parse(qs))).map((e) => e.id);
  assert.deepEqual(pick('actionLine=C7'), ['e1', 'e2']);
  assert.deepEqual(pick('actionLine=C7.e-health'), ['e1']);
  assert.deepEqual(pick('sdg=3&sdg=4'), ['e1', 'e2', 'e3']);
  assert.deepEqual(pick('sdg=3&country=KE'), ['e3']);
  assert.deepEqual(pick('country=INTL'), ['e2']);
  assert.deepEqual(pick('yearFrom=2021'), []);
});

test('facet counts are disjunctive, with the C7 roll-up', () => {
  const entries = [
    entry('a', { actionLines: ['C7.e-health', 'C7.e-learning'], sdgs: [3], startYear: 2010 }),
    entry('b', { actionLines: ['C7'], sdgs: [4], startYear: 2015 }),
    entry('c', { actionLines: ['C2'], sdgs: [3], startYear: 2020 }),
  ];
  const facets = computeFacets(entries, parse('sdg=3&facets=sdg,actionLine,year&yearFrom=2012'));
  // The sdg group ignores its own filter, so SDG 4 still shows what ticking it would add.
  assert.deepEqual(facets.sdg, { '3': 1, '4': 1 });
  // Other groups honour sdg=3 and the years.
  assert.deepEqual(facets.actionLine, { C2: 1 });
  // The year group ignores yearFrom/yearTo but honours sdg=3.
  assert.deepEqual(facets.year, { '2010': 1, '2020': 1 });
  const all = computeFacets(entries, parse('facets=actionLine'));
  assert.deepEqual(all.actionLine, { 'C7.e-health': 1, 'C7.e-learning': 1, C7: 2, C2: 1 });
});

test('tokenize drops stop words and one-letter tokens', () => {
  assert.deepEqual(tokenize('The e-Health of RWANDA, 2024!'), ['health', 'rwanda', '2024']);
  assert.deepEqual(tokenize('"NEAR(" OR * - AND'), ['near']);
});
