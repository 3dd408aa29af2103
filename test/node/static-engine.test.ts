import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Entry } from '../../src/data/entry.js';
import { FACET_NAMES, tokenize, type SearchParams } from '../../src/data/query.js';
import { compareEntries, computeFacets, matchesAll, parseSearchParams } from '../../src/data/evaluate.js';
import { SourceError } from '../../src/data/source.js';
import { StaticEngine } from '../../src/data/static/engine.js';
import { generateEntries } from '../../scripts/sample/generate.js';
import { makeEntry } from '../fixtures/entries.js';

function params(qs: string): SearchParams {
  const parsed = parseSearchParams(new URLSearchParams(qs));
  assert.ok(parsed.ok, qs);
  return parsed.params;
}

const ids = (entries: Entry[]) => entries.map((e) => e.id);

/** Plain containment over the same fields: the semantics, written the slow and obvious way. */
function textMatches(entry: Entry, q: string): boolean {
  const terms = tokenize(q);
  const words = tokenize(`${entry.title} ${entry.organization} ${entry.description}`).map((w) =>
    w
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .normalize('NFC'),
  );
  return terms.every((t, i) => (i === terms.length - 1 ? words.some((w) => w.startsWith(t)) : words.includes(t)));
}

describe('loading', () => {
  test('drops and counts invalid and duplicate entries, accepts { entries }', async () => {
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (m: string) => warnings.push(m);
    try {
      const engine = await StaticEngine.build({
        entries: [
          makeEntry('a'),
          { ...makeEntry('b'), website: 'javascript:alert(1)' },
          makeEntry('a'),
          { id: 'c' },
          makeEntry('d'),
        ],
      });
      assert.deepEqual(ids(engine.entries), ['a', 'd']);
      assert.equal(engine.dropped, 3);
      assert.equal(engine.search(params('')).dropped, 3);
      assert.equal(warnings.length, 1);
      assert.match(warnings[0], /website/);
      assert.match(warnings[0], /duplicate/);
    } finally {
      console.warn = warn;
    }
  });

  test('refuses a file that is neither an array nor { entries }', async () => {
    await assert.rejects(StaticEngine.build({ items: [] }), (e: SourceError) => e.code === 'invalid_response');
    await assert.rejects(StaticEngine.build(null), (e: SourceError) => e.code === 'invalid_response');
  });

  test('before indexing, searches without text work and text searches refuse', async () => {
    const engine = await StaticEngine.prepare([makeEntry('a'), makeEntry('b')]);
    assert.equal(engine.search(params('')).total, 2);
    assert.throws(() => engine.search(params('q=project')), SourceError);
    await engine.index();
    assert.equal(engine.search(params('q=project')).total, 2);
  });

  test('sliced building pauses and gives the same index', async () => {
    const data = generateEntries(300, 5);
    let pauses = 0;
    const sliced = await StaticEngine.build(data, { sliceMs: 0, pause: async () => void pauses++ });
    const plain = await StaticEngine.build(data);
    assert.ok(pauses > 100);
    for (const q of ['health', 'broadband rur', 'helth']) {
      assert.deepEqual(sliced.search(params(`q=${q}`)), plain.search(params(`q=${q}`)));
    }
  });
});

describe('filters, facets, sorts and paging over generated data', () => {
  let engine: StaticEngine;
  let data: Entry[];
  before(async () => {
    data = generateEntries(600, 11);
    engine = await StaticEngine.build(data);
  });

  const cases = [
    '',
    'sdg=3&sdg=4',
    'sdg=3,4&region=africa',
    'region=africa&region=europe&entityType=government',
    'actionLine=C7',
    'actionLine=C7.e-health&actionLine=C2',
    'country=INTL',
    'country=RW,KE&status=ongoing',
    'prize=any',
    'prize=winner&sdg=9',
    'yearFrom=2015&yearTo=2019',
    'yearFrom=2020&region=asia_pacific',
    'q=health',
    'q=health&region=africa&sdg=3',
    'q=digital skills',
    'q=tele&actionLine=C7',
    'q=broadband rural&status=completed,ongoing',
  ];

  for (const qs of cases) {
    test(`${qs || '(nothing)'}: total, items and facets agree with the reference`, () => {
      const p = params(`${qs}&facets=${FACET_NAMES.join(',')}&pageSize=100`);
      const textSet = data.filter((e) => textMatches(e, p.q));
      const expected = textSet.filter((e) => matchesAll(e, p));
      const r = engine.search(p);
      assert.equal(r.total, expected.length);
      assert.deepEqual(new Set(ids(r.items)), new Set(ids(expected).filter((id) => ids(r.items).includes(id))));
      assert.equal(r.items.length, Math.min(100, expected.length));
      assert.deepEqual(r.facets, computeFacets(textSet, p));
    });
  }

  test('values of one filter are ORed, groups are ANDed', () => {
    const a = engine.search(params('sdg=3')).total;
    const b = engine.search(params('sdg=4')).total;
    const both = data.filter((e) => e.sdgs.includes(3) && e.sdgs.includes(4)).length;
    assert.equal(engine.search(params('sdg=3,4')).total, a + b - both);
    const africa = engine.search(params('sdg=3,4&region=africa')).total;
    assert.equal(
      africa,
      data.filter((e) => (e.sdgs.includes(3) || e.sdgs.includes(4)) && e.regions.includes('africa')).length,
    );
  });

  test('facets are disjunctive: a group ignores its own filter only', () => {
    const r = engine.search(params('region=africa&sdg=3&facets=region,sdg,status'));
    const noSdg = engine.search(params('region=africa'));
    assert.equal(r.facets.region!.africa, r.total);
    assert.equal(r.facets.region!.europe, engine.search(params('region=europe&sdg=3')).total);
    assert.equal(r.facets.sdg!['4'], engine.search(params('region=africa&sdg=4')).total);
    assert.equal(r.facets.status!.ongoing, engine.search(params('region=africa&sdg=3&status=ongoing')).total);
    assert.ok(noSdg.total >= r.total);
  });

  test('paging walks the whole ordered list without gaps or repeats', () => {
    for (const sort of ['newest', 'oldest', 'title', 'relevance']) {
      const q = sort === 'relevance' ? 'q=health&' : '';
      const all = engine.search(params(`${q}sort=${sort}&pageSize=100`));
      const pages: string[] = [];
      for (let p = 1; p <= Math.ceil(Math.min(all.total, 100) / 7); p++) {
        const r = engine.search(params(`${q}sort=${sort}&pageSize=7&page=${p}`));
        assert.equal(r.total, all.total);
        assert.equal(r.page, p);
        assert.equal(r.pageSize, 7);
        pages.push(...ids(r.items));
      }
      assert.deepEqual(pages.slice(0, 100), ids(all.items).slice(0, pages.length), sort);
    }
    const past = engine.search(params('page=1000'));
    assert.deepEqual(past.items, []);
    assert.equal(past.total, data.length);
  });

  test('a small scoring budget changes ranking only, never the match set', async () => {
    const cheap = await StaticEngine.build(data, { scoreBudget: 50 });
    for (const q of ['co', 'di', 're', 'digital co', 'health pr', 'e-go']) {
      const p = params(`q=${encodeURIComponent(q)}&pageSize=100&facets=region,sdg`);
      const full = engine.search(p);
      const r = cheap.search(p);
      assert.equal(r.total, data.filter((e) => textMatches(e, q)).length, q);
      assert.equal(r.total, full.total, q);
      assert.deepEqual(r.facets, full.facets, q);
      const scores = r.items.map((e) => e.id);
      assert.equal(new Set(scores).size, scores.length);
    }
  });

  test('sorts follow compareEntries; relevance without text is newest', () => {
    for (const sort of ['newest', 'oldest', 'title'] as const) {
      const r = engine.search(params(`sort=${sort}&pageSize=100&region=africa`));
      const expected = data
        .filter((e) => e.regions.includes('africa'))
        .sort(compareEntries(sort))
        .slice(0, 100);
      assert.deepEqual(ids(r.items), ids(expected), sort);
    }
    assert.deepEqual(engine.search(params('sort=relevance')).items, engine.search(params('sort=newest')).items);
    assert.deepEqual(
      engine.search(params('q=the of and')).items,
      engine.search(params('')).items,
      'stop words only = no q',
    );
  });

  test('organization facet keeps the 100 largest', () => {
    const r = engine.search(params('facets=organization'));
    assert.ok(Object.keys(r.facets.organization!).length <= 100);
    assert.deepEqual(r.facets, computeFacets(data, params('facets=organization')));
  });

  test('invalid parameters are refused like the server does', () => {
    for (const bad of [
      { pageSize: 500 },
      { page: 0 },
      { yearFrom: 2020, yearTo: 2010 },
      { filters: { sdg: ['18'] } },
    ]) {
      assert.throws(
        () => engine.search({ ...params(''), ...bad } as SearchParams),
        (e: SourceError) => e.code === 'invalid_parameter' && e.message.length > 0,
      );
    }
  });

  test('query syntax is plain text', () => {
    for (const q of ['"health', 'health*', '-health', 'health OR water', 'NEAR(health water)', '(((', '\'";--']) {
      assert.doesNotThrow(() => engine.search(params(`q=${encodeURIComponent(q)}`)), q);
    }
  });
});

describe('text semantics', () => {
  const docs = [
    makeEntry('a1', { title: 'Fire safety alerts', startYear: 2010 }),
    makeEntry('a2', { title: 'Firefox for schools', startYear: 2024 }),
    makeEntry('a3', {
      title: 'National telehealth network',
      description: 'Rural clinics use telemedicine for health.',
      actionLines: ['C7.e-health'],
    }),
    makeEntry('a4', {
      title: 'Health records',
      organization: 'Ministry of Health',
      actionLines: ['C7', 'C7.e-health'],
      countries: [],
      regions: [],
    }),
    makeEntry('a5', {
      title: 'Wealth of data',
      description: "Open data portal in Côte d'Ivoire.",
      actionLines: ['C2'],
    }),
    makeEntry('a6', {
      title: 'Mobile money 2030',
      description: 'Fintech for markets.',
      actionLines: ['C7.e-business', 'C7.e-agriculture'],
    }),
    makeEntry('a0', { title: 'Clinic portal', description: 'Patients see their records online.' }),
  ];
  let engine: StaticEngine;
  before(async () => {
    engine = await StaticEngine.build(docs);
  });
  const search = (qs: string) => engine.search(params(qs));

  test('every term must match; the last one as a prefix, the others exactly', () => {
    assert.deepEqual(ids(search('q=fire').items), ['a1', 'a2']);
    assert.deepEqual(ids(search('q=fire safety').items), ['a1']);
    assert.equal(search('q=fir safety').total, 0, 'non-last terms are not prefixes');
    assert.deepEqual(ids(search('q=tele').items), ['a3']);
    assert.deepEqual(ids(search('q=health ministry').items), ['a4']);
  });

  test('an exact word ranks above a longer word it prefixes', () => {
    assert.deepEqual(ids(search('q=fire&sort=relevance').items), ['a1', 'a2']);
    assert.deepEqual(ids(search('q=fire&sort=newest').items), ['a2', 'a1']);
  });

  test('a title hit ranks above a description hit', () => {
    assert.deepEqual(ids(search('q=records').items), ['a4', 'a0']);
    assert.deepEqual(ids(search('q=records&sort=title').items), ['a0', 'a4']);
  });

  test('typos of 4+ letters are corrected and reported', () => {
    const r = search('q=e-helth telemedicne');
    assert.deepEqual(ids(r.items), ['a3']);
    assert.deepEqual(r.corrections, [
      { from: 'helth', to: 'health' },
      { from: 'telemedicne', to: 'telemedicine' },
    ]);
    assert.equal(search('q=health').corrections, undefined, 'no corrections key when none');
    assert.deepEqual(
      search('q=natoinal').corrections,
      [{ from: 'natoinal', to: 'national' }],
      'a transposition is one edit',
    );
  });

  test('the correction is the nearest word; other near words match too', () => {
    const r = search('q=helth');
    assert.deepEqual(r.corrections, [{ from: 'helth', to: 'health' }]);
    assert.deepEqual(new Set(ids(r.items)), new Set(['a3', 'a4']));
    const weal = search('q=wealt');
    assert.deepEqual(ids(weal.items), ['a5'], 'a known prefix is not a typo');
    assert.equal(weal.corrections, undefined);
  });

  test('short or numeric unknown words are never corrected', () => {
    assert.equal(search('q=fyre safety').total, 1, 'four letters: one edit allowed');
    assert.equal(search('q=fre safety').total, 0);
    assert.equal(search('q=fre safety').corrections, undefined);
    assert.equal(search('q=2031 mobile').total, 0);
    assert.deepEqual(ids(search('q=2030').items), ['a6']);
  });

  test('diacritics are folded like the server index', () => {
    assert.deepEqual(ids(search('q=cote').items), ['a5']);
    assert.deepEqual(ids(search('q=côte').items), ['a5']);
  });

  test('C7 roll-up in filters and facets; INTL for no country', () => {
    const r = search('actionLine=C7&facets=actionLine,country');
    assert.deepEqual(ids(r.items).sort(), ['a3', 'a4', 'a6']);
    assert.equal(r.facets.actionLine!.C7, 3);
    assert.equal(r.facets.actionLine!['C7.e-health'], 2);
    assert.equal(r.facets.actionLine!.C2, 1, 'disjunctive: other lines still counted');
    assert.equal(r.facets.country!.INTL, 1);
    assert.deepEqual(ids(search('country=INTL').items), ['a4']);
  });

  test('getEntry', () => {
    assert.equal(engine.getEntry('a3')?.title, 'National telehealth network');
    assert.equal(engine.getEntry('nope'), undefined);
  });
});
