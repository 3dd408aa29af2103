import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Entry } from '../../src/data/entry.js';
import { FACET_NAMES, type SearchParams, type SearchResponse } from '../../src/data/query.js';
import { compareEntries, computeFacets, matchesAll, parseSearchParams } from '../../src/data/evaluate.js';
import { isC7 } from '../../src/data/vocabulary.js';
import { matchesText, startServer, type Server } from './helpers.js';

let server: Server;
before(async () => {
  server = await startServer();
});
after(() => server.close());

const ALL_FACETS = `facets=${FACET_NAMES.join(',')}`;

function params(qs: string): SearchParams {
  const result = parseSearchParams(new URLSearchParams(qs));
  assert.ok(result.ok, qs);
  return result.params;
}

/** What the contract says the answer is, computed in JS over the same entries. */
function expected(qs: string) {
  const p = params(qs);
  const textHits = server.entries.filter((e) => matchesText(e, p.q));
  const hits = textHits.filter((e) => matchesAll(e, p));
  return { hits, facets: computeFacets(textHits, p) };
}

async function search(qs: string): Promise<SearchResponse> {
  const { status, body } = await server.json<SearchResponse>(`/api/v1/entries?${qs}`);
  assert.equal(status, 200, `${qs}: ${JSON.stringify(body)}`);
  return body;
}

async function allIds(qs: string): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const body = await search(`${qs}&pageSize=100&page=${page}`);
    ids.push(...body.items.map((e) => e.id));
    if (body.items.length < 100) return ids;
  }
}

const ids = (entries: Entry[]) => entries.map((e) => e.id);
const sample = (pick: (e: Entry) => string | undefined) => server.entries.map(pick).find((v) => v !== undefined)!;

describe('filters', () => {
  const cases = () => {
    const org =
      server.entries.find((e) => e.organization.includes(','))?.organization ?? server.entries[0].organization;
    return [
      'actionLine=C2',
      'actionLine=C7.e-health',
      'sdg=3',
      `country=${sample((e) => e.countries[0])}`,
      'country=INTL',
      'country=ke',
      'region=africa',
      'entityType=academia',
      'status=planned',
      `organization=${encodeURIComponent(org)}`,
      'prize=winner',
      'prize=any',
      'yearFrom=2015',
      'yearTo=2012',
      'yearFrom=2010&yearTo=2014',
    ];
  };

  test('each filter keeps exactly the matching entries', async () => {
    for (const qs of cases()) {
      const want = expected(qs).hits;
      assert.ok(want.length > 0, `${qs} should match something in the sample`);
      assert.deepEqual(new Set(await allIds(qs)), new Set(ids(want)), qs);
      assert.equal((await search(qs)).total, want.length, qs);
    }
  });

  test('values of one parameter are ORed, parameters are ANDed', async () => {
    const three = expected('sdg=3').hits.length;
    const four = expected('sdg=4').hits.length;
    const either = (await search('sdg=3&sdg=4')).total;
    assert.equal(either, expected('sdg=3&sdg=4').hits.length);
    assert.ok(either >= Math.max(three, four) && either <= three + four);
    assert.equal((await search('sdg=3,4')).total, either);
    const both = await search('sdg=3&sdg=4&region=africa&status=ongoing');
    assert.equal(both.total, expected('sdg=3&sdg=4&region=africa&status=ongoing').hits.length);
    assert.ok(both.total < either);
    for (const e of both.items) {
      assert.ok(e.sdgs.includes(3) || e.sdgs.includes(4));
      assert.ok(e.regions.includes('africa') && e.status === 'ongoing');
    }
  });

  test('actionLine=C7 also matches entries with only C7 sub-lines', async () => {
    const rolled = server.entries.filter((e) => e.actionLines.some(isC7));
    assert.ok(
      rolled.some((e) => !e.actionLines.includes('C7')),
      'sample has sub-line-only entries',
    );
    assert.equal((await search('actionLine=C7')).total, rolled.length);
    const { facets } = await search('facets=actionLine&pageSize=1');
    assert.equal(facets.actionLine?.C7, rolled.length);
  });

  test('unknown parameters are ignored', async () => {
    assert.equal((await search('utm_source=x&_=1717&region=europe')).total, expected('region=europe').hits.length);
  });
});

describe('facets', () => {
  const combos = [
    ALL_FACETS,
    `${ALL_FACETS}&region=africa`,
    `${ALL_FACETS}&sdg=3&sdg=4&region=africa`,
    `${ALL_FACETS}&actionLine=C7&country=INTL`,
    `${ALL_FACETS}&yearFrom=2012&yearTo=2018&status=ongoing`,
    `${ALL_FACETS}&entityType=government&entityType=academia&prize=any`,
    `${ALL_FACETS}&q=health`,
    `${ALL_FACETS}&q=mobile%20pay&region=asia_pacific`,
    `${ALL_FACETS}&q=women&sdg=5&yearFrom=2015`,
    `${ALL_FACETS}&q=th&organization=${encodeURIComponent('International Telecommunication Union (ITU)')}`,
    'facets=sdg,region&q=broadband&sdg=9',
  ];

  test('disjunctive counts equal computeFacets over the same entries', async () => {
    for (const qs of combos) {
      const want = expected(qs);
      const body = await search(qs);
      assert.equal(body.total, want.hits.length, `total for ${qs}`);
      assert.deepEqual(body.facets, want.facets, `facets for ${qs}`);
    }
  });

  test('a group is counted without its own filter', async () => {
    const body = await search('facets=region,sdg&region=africa&sdg=3&pageSize=1');
    assert.ok(Object.keys(body.facets.region!).length > 1, 'other regions stay visible');
    assert.equal(body.facets.region!.africa, body.total);
    assert.equal(body.facets.region!.europe, (await search('sdg=3&region=europe')).total);
    assert.equal(body.facets.sdg!['3'], body.total);
    assert.equal(body.facets.sdg!['4'], (await search('sdg=4&region=africa')).total);
  });

  test('INTL counts entries without countries; organization keeps the 100 largest', async () => {
    const { facets } = await search('facets=country,organization&pageSize=1');
    assert.equal(facets.country!.INTL, server.entries.filter((e) => !e.countries.length).length);
    assert.equal(Object.keys(facets.organization!).length, 100);
  });

  test('facets is {} when not asked for', async () => {
    assert.deepEqual((await search('q=health')).facets, {});
  });
});

describe('sorting and paging', () => {
  test('newest, oldest and title follow the contract order', async () => {
    for (const sort of ['newest', 'oldest', 'title'] as const) {
      const want = ids([...expected('region=americas').hits].sort(compareEntries(sort)));
      assert.deepEqual(await allIds(`region=americas&sort=${sort}`), want, sort);
    }
  });

  test('the default is newest without q and relevance with q', async () => {
    assert.deepEqual(
      await allIds('status=planned'),
      ids(expected('status=planned').hits.sort(compareEntries('newest'))),
    );
    assert.deepEqual(await allIds('q=telemedicine'), await allIds('q=telemedicine&sort=relevance'));
    assert.deepEqual(await allIds('sort=relevance&status=planned'), await allIds('status=planned'));
  });

  test('relevance puts title matches first and returns every match', async () => {
    const { items } = await search('q=telemedicine&sort=relevance&pageSize=5');
    assert.match(items[0].title.toLowerCase(), /telemedicine/);
    const all = await allIds('q=telemedicine');
    assert.deepEqual(new Set(all), new Set(ids(expected('q=telemedicine').hits)));
    assert.notDeepEqual(all, await allIds('q=telemedicine&sort=newest'));
  });

  test('pages cover the results once and end with an empty page', async () => {
    const total = expected('region=europe').hits.length;
    const pages: string[] = [];
    for (let page = 1; page <= Math.ceil(total / 7); page++) {
      const body = await search(`region=europe&pageSize=7&page=${page}`);
      assert.equal(body.page, page);
      assert.equal(body.pageSize, 7);
      assert.equal(body.total, total);
      pages.push(...body.items.map((e) => e.id));
    }
    assert.deepEqual(pages, await allIds('region=europe'));
    const past = await search(`region=europe&pageSize=7&page=${Math.ceil(total / 7) + 1}`);
    assert.deepEqual(past.items, []);
    assert.equal(past.total, total);
    assert.equal((await search('page=10000&pageSize=100')).items.length, 0);
    assert.equal((await search('pageSize=100')).items.length, 100);
    assert.equal((await search('')).items.length, 20);
  });
});

describe('entries', () => {
  test('GET /entries/{id} returns the entry', async () => {
    const entry = server.entries[17];
    const { status, body } = await server.json(`/api/v1/entries/${entry.id}`);
    assert.equal(status, 200);
    assert.deepEqual(body, entry);
  });

  test('health reports the entry count', async () => {
    const { status, body } = await server.json('/api/v1/health');
    assert.equal(status, 200);
    assert.deepEqual(body, { status: 'ok', entries: 3000 });
  });
});
