/**
 * Search in the six UN languages (issue 16): the normalizer's rules, and every row of the issue's
 * table against both engines, the static engine and the reference server, over the same entries.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { highlightTerms } from '../../src/components/entry-list/excerpt.js';
import { excerpt, highlight } from '../../src/components/entry-list/marks.js';
import type { Entry } from '../../src/data/entry.js';
import type { SearchResponse } from '../../src/data/query.js';
import { parseSearchParams } from '../../src/data/evaluate.js';
import { StaticEngine } from '../../src/data/static/engine.js';
import { normalize } from '../../src/data/text/normalize.js';
import { indexTerms } from '../../src/data/text/tokenize.js';
import { Vocabulary } from '../../src/data/typo.js';
import { openReadOnly, writeDatabase } from '../../server/db.js';
import { SearchEngine } from '../../server/engine.js';
import { generateEntries } from '../../scripts/sample/generate.js';
import { localTextAt } from '../../scripts/sample/multilingual.js';
import { TOKENIZER_CASES } from '../fixtures/tokenizer-cases.js';

describe('normalizer', () => {
  test('NFKC comes before lower case (ℌ has no lower case of its own)', () => {
    assert.equal(normalize('ℌealth'), 'health');
    assert.equal(normalize('ＷＩＦＩ ﬁbre'), 'wifi fibre');
  });

  test('French, Spanish and Russian case and diacritics fold', () => {
    assert.equal(normalize('Télémédecine ÉCOLES données'), 'telemedecine ecoles donnees');
    assert.equal(normalize('NIÑAS Educación'), 'ninas educacion');
    assert.equal(normalize('ОТДАЛЁННЫХ сёлах Йошкар'), 'отдаленных селах иошкар');
  });

  test('Arabic alef forms become bare alef', () => {
    assert.equal(normalize('أطباء إدارة آمن'), 'اطباء اداره امن');
  });

  test('Arabic taa marbuta becomes haa, alef maqsura becomes yaa', () => {
    assert.equal(normalize('صحة'), 'صحه');
    assert.equal(normalize('مستشفى'), 'مستشفي');
  });

  test('Arabic tatweel and short vowels are removed', () => {
    assert.equal(normalize('صـــحة'), 'صحه');
    assert.equal(normalize('صِحَّةٌ'), 'صحه');
  });

  test('the Arabic article and attached conjunction are stripped', () => {
    assert.deepEqual(indexTerms('الصحة والصحة وصحة صحة'), ['صحه', 'صحه', 'صحه', 'صحه']);
    assert.deepEqual(indexTerms('للأمن'), ['امن']);
    // Too short to hold an article: kept.
    assert.deepEqual(indexTerms('الف'), ['الف']);
  });

  test('Chinese runs become bigrams plus the last character; single characters stay', () => {
    assert.deepEqual(indexTerms('物联网'), ['物联', '联网', '网']);
    assert.deepEqual(indexTerms('网'), ['网']);
    assert.deepEqual(indexTerms('e-health'), ['health'], 'a Latin one-letter word is dropped');
  });

  test('English plurals become singular', () => {
    assert.deepEqual(indexTerms('disabilities farmers policies'), ['disability', 'farmer', 'policy']);
  });
});

describe('tokenizer cases shared with the browser test', () => {
  for (const [text, terms] of TOKENIZER_CASES) test(text, () => assert.deepEqual(indexTerms(text), terms));
});

describe('typo correction keeps the script', () => {
  test('an Arabic or Chinese word is never corrected into a Latin one', () => {
    const vocabulary = new Vocabulary([
      ['health', 5],
      ['policy', 5],
    ]);
    assert.deepEqual(vocabulary.nearest('هealth'), []);
    assert.deepEqual(vocabulary.nearest('医ealth'), []);
    assert.equal(vocabulary.nearest('helth')[0]?.term, 'health');
  });
});

/** Entries whose text the cases below need; the rest of the sample around them. */
const TEXTS: [id: string, title: string, description: string][] = [
  ['t-telehealth', '远程医疗健康服务平台', '为偏远地区的居民提供在线问诊服务。'],
  ['t-iot', '智慧农业物联网项目', '项目在农田部署传感器。'],
  ['t-zh-phrase', '远程医疗服务中心', '中心为居民提供在线问诊。'],
  ['t-ar-health', 'منصة الصحة الرقمية', 'خدمات طبية للمرضى في القرى.'],
  ['t-ar-other', 'بوابة الحكومة', 'معاملات حكومية عبر الإنترنت.'],
  ['t-air', 'Indoor Air Quality Sensors', 'Sensors measure particles in classrooms and offices.'],
  ['t-ai-1', 'Tutoring Programme', 'An AI assistant answers questions from pupils.'],
  ['t-ai-2', 'Clinic Screening', 'Clinics use AI to read photographs.'],
  ['t-disabilities', 'Accessible Services', 'Websites audited for persons with disabilities.'],
  ['t-farmers', 'Market Prices by SMS', 'Farmers receive crop prices.'],
  ['t-policies', 'Open Data Toolkit', 'Municipalities draft open data policies.'],
  [
    't-title',
    'Zanzibar Seaweed Network',
    'A cooperative of growers on the islands shares prices, weather warnings and buyers by text message and radio.',
  ],
  ['t-description', 'Growers', 'Zanzibar seaweed: Zanzibar seaweed prices, Zanzibar seaweed buyers.'],
  [
    't-phrase',
    'Radio Stations',
    'The stations broadcast weekly quizzes for pupils, teachers and parents about coastal life, fishing seasons, storms and mangrove restoration in the villages along the shore.',
  ],
  [
    't-scattered',
    'School Radio',
    'Mangrove nursery: restoration of mangrove shores and restoration of the radio mast.',
  ],
  ['t-ru', 'Широкополосный доступ в отдалённых сёлах', 'Проект подключает сёла к интернету.'],
];

describe('search in six languages, both engines', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wsis-languages-'));
  const entries: Entry[] = [
    // The sample's own local texts would be found too.
    ...generateEntries(200, 5).filter((_, i) => !localTextAt(i)),
    ...TEXTS.map(([id, title, description], i) => ({ ...generateEntries(1, 100 + i)[0], id, title, description })),
  ];
  let server: SearchEngine;
  let engine: StaticEngine;
  let close = () => {};

  before(async () => {
    const dbPath = join(dir, 'languages.db');
    writeDatabase(entries, dbPath);
    const db = openReadOnly(dbPath);
    close = () => db.close();
    server = new SearchEngine(db);
    engine = await StaticEngine.build(entries);
  });

  after(() => {
    close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Ids found by each engine, best first. */
  function search(q: string): Record<'server' | 'static', string[]> {
    const parsed = parseSearchParams(new URLSearchParams({ q, pageSize: '100' }));
    assert.ok(parsed.ok);
    const fromServer = JSON.parse(server.search(parsed.params)) as SearchResponse;
    return {
      server: fromServer.items.map((e) => e.id),
      static: engine.search(parsed.params).items.map((e) => e.id),
    };
  }

  const finds = (q: string, id: string) => {
    for (const [name, ids] of Object.entries(search(q))) assert.ok(ids.includes(id), `${name}: ${q} finds ${id}`);
  };
  const ranksFirst = (q: string, ids: string[], below: string) => {
    for (const [name, found] of Object.entries(search(q))) {
      for (const id of ids) {
        assert.ok(found.includes(id), `${name}: ${q} finds ${id}`);
        assert.ok(
          !found.includes(below) || found.indexOf(id) < found.indexOf(below),
          `${name}: ${q} ranks ${id} above ${below}: ${found.join(' ')}`,
        );
      }
    }
  };

  test('Chinese: 医疗, 健康 and 物联网 inside a run are found', () => {
    finds('医疗', 't-telehealth');
    finds('健康', 't-telehealth');
    finds('物联网', 't-iot');
  });

  test('Chinese: a word that does not start a run is found, in title and description', () => {
    for (const q of ['服务平台', '农业', '联网', '平台', '偏远地区', '传感器']) {
      finds(
        q,
        q === '偏远地区' ? 't-telehealth' : q === '传感器' || q === '农业' || q === '联网' ? 't-iot' : 't-telehealth',
      );
    }
    // Only the entry that holds the whole word, not one holding its characters apart.
    assert.deepEqual(search('医疗健康'), { server: ['t-telehealth'], static: ['t-telehealth'] });
  });

  test('Chinese: a query of several words finds them apart, and the exact phrase first', () => {
    ranksFirst('远程医疗服务', ['t-zh-phrase', 't-telehealth'], 'none');
    ranksFirst('远程医疗服务', ['t-zh-phrase'], 't-telehealth');
  });

  test('Chinese: a single character is a prefix while typing', () => {
    finds('物', 't-iot');
    finds('网', 't-iot');
  });

  test('Arabic: صحة finds الصحة, and so do its other spellings', () => {
    for (const q of ['صحة', 'الصحة', 'والصحة', 'صحه', 'صِحَّة']) {
      const found = search(q);
      assert.deepEqual(found.server, ['t-ar-health'], q);
      assert.deepEqual(found.static, ['t-ar-health'], q);
    }
  });

  test('English: AI ranks entries about AI above "Indoor Air…" (whole word above prefix)', () => {
    ranksFirst('AI', ['t-ai-1', 't-ai-2'], 't-air');
    finds('ai', 't-air');
  });

  test('English: singular and plural find each other', () => {
    for (const [q, id] of [
      ['disability', 't-disabilities'],
      ['disabilities', 't-disabilities'],
      ['farmer prices', 't-farmers'],
      ['farmers', 't-farmers'],
      ['policy open', 't-policies'],
      ['policies', 't-policies'],
    ]) {
      finds(q, id);
    }
    finds('disab', 't-disabilities');
  });

  test('a title match ranks above a description match', () => {
    ranksFirst('zanzibar seaweed', ['t-title'], 't-description');
  });

  test('the exact phrase ranks above scattered words', () => {
    ranksFirst('mangrove restoration', ['t-phrase'], 't-scattered');
  });

  test('Russian: case and ё fold', () => {
    finds('ОТДАЛЕННЫХ СЕЛАХ', 't-ru');
    finds('сёла', 't-ru');
  });

  test('Chinese and Arabic queries get no Latin corrections', () => {
    for (const q of ['医疗健康服务平台远程', 'الصحة الرقمية', 'زززز']) {
      const parsed = parseSearchParams(new URLSearchParams({ q }));
      assert.ok(parsed.ok);
      const fromServer = JSON.parse(server.search(parsed.params)) as SearchResponse;
      for (const c of [...(fromServer.corrections ?? []), ...(engine.search(parsed.params).corrections ?? [])]) {
        assert.doesNotMatch(c.to, /[a-z]/, `${q} → ${c.to}`);
      }
    }
  });
});

describe('highlighting uses the same tokenizer', () => {
  const marked = (text: string, q: string) =>
    highlight(text, highlightTerms(q))
      .map((p) => (p.mark ? `[${p.text}]` : p.text))
      .join('');

  test('a Chinese word inside a run is marked', () => {
    assert.equal(marked('远程医疗健康服务平台', '健康'), '远程医疗[健康]服务平台');
    assert.equal(marked('远程医疗健康服务平台', '远程医疗服务'), '[远程医疗]健康[服务]平台');
    assert.equal(marked('项目在农田部署传感器。', '传感器'), '项目在农田部署[传感器]。');
  });

  test('an Arabic word is marked with its article and conjunction', () => {
    assert.equal(marked('منصة الصحة الرقمية والصحة', 'صحة'), 'منصة [الصحة] الرقمية [والصحة]');
  });

  test('an English plural is marked for its singular', () => {
    assert.equal(marked('Persons with Disabilities', 'disability'), 'Persons with [Disabilities]');
  });

  test('words read for one query are never reused for another, in any case or script', () => {
    const text = 'Health, HEALTHCARE and the health-care of Écoles; école connectée';
    assert.equal(marked(text, 'health'), '[Health], [HEALTHCARE] and the [health]-care of Écoles; école connectée');
    assert.equal(marked(text, 'care'), 'Health, HEALTHCARE and the health-[care] of Écoles; école connectée');
    assert.equal(marked(text, 'ecole'), 'Health, HEALTHCARE and the health-care of [Écoles]; [école] connectée');
    assert.equal(marked(text, 'the'), text);
    assert.equal(marked(text, 'health'), '[Health], [HEALTHCARE] and the [health]-care of Écoles; école connectée');
  });

  test('the excerpt starts near a Chinese match', () => {
    const text = `${'前言。'.repeat(200)}远程医疗健康服务平台`;
    assert.ok(excerpt(text, highlightTerms('健康'), 40, 80).includes('健康'));
  });
});
