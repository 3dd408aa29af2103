import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { generateEntries } from '../../scripts/sample/generate.js';
import type { Entry } from '../../src/data/entry.js';
import { ACTION_LINES } from '../../src/data/vocabulary.js';
import { buildApp } from '../../server/app.js';
import { importFile } from '../../server/import.js';
import { resolveActionLine } from '../../server/import/action-line-names.js';
import { resolveCountry } from '../../server/import/country-names.js';
import { tempDir } from './helpers.js';

const dir = tempDir();
after(() => rmSync(dir, { recursive: true, force: true }));

const FIXTURE = 'test/fixtures/itu-style.csv';
/** The fixture's deliberate problems: a city, a typo, an ambiguous name, and regions that disagree. */
const FIXTURE_REJECTS: [number, RegExp][] = [
  [46, /^countries: "Moscow" is not a known country$/],
  [47, /^countries: "Rwandda" is not a known country; nearest: Rwanda \(RW\)/],
  [
    48,
    /^countries: "Congo" is ambiguous; it could be Republic of the Congo \(CG\) or Democratic Republic of the Congo \(CD\)$/,
  ],
  [49, /^regions: europe do not agree with the countries \(UG → africa\)$/],
];

const code = (text: string) => {
  const match = resolveCountry(text);
  return match.kind === 'country' ? match.code : match.kind;
};

describe('country cells', () => {
  test('ISO alpha-2 and alpha-3 codes, in any case', () => {
    assert.deepEqual(['KE', 'ke', 'KEN', 'ken', 'PHL'].map(code), ['KE', 'KE', 'KE', 'KE', 'PH']);
  });

  test("ITU's names with qualifiers", () => {
    const cases: [string, string][] = [
      ['MONTENEGRO (REPUBLIC OF)', 'ME'],
      ['Korea (Rep. of)', 'KR'],
      ["Korea (Dem. People's Rep. of)", 'KP'],
      ['Iran (Islamic Republic of)', 'IR'],
      ['United States of America', 'US'],
      ['Viet Nam', 'VN'],
      ["Côte d'Ivoire", 'CI'],
      ['Congo (Republic of the)', 'CG'],
      ['Democratic Republic of the Congo', 'CD'],
      ['Argentine Republic', 'AR'],
      ['Hong Kong, China', 'HK'],
      ['St. Kitts and Nevis', 'KN'],
    ];
    for (const [text, expected] of cases) assert.equal(code(text), expected, text);
  });

  test('names in the six UN languages', () => {
    const cases: [string, string][] = [
      ['Kenya', 'KE'],
      ['Égypte', 'EG'],
      ['Marruecos', 'MA'],
      ['Российская Федерация', 'RU'],
      ['مصر', 'EG'],
      ['中国', 'CN'],
    ];
    for (const [text, expected] of cases) assert.equal(code(text), expected, text);
  });

  test('INTERNATIONAL, Global and an empty cell mean an international entry', () => {
    assert.deepEqual(['INTERNATIONAL', 'Global', '', '  '].map(code), Array(4).fill('international'));
  });

  test('regions of the world name a region, not a country', () => {
    assert.deepEqual(resolveCountry('Asia and Pacific'), { kind: 'region', region: 'asia_pacific' });
    assert.deepEqual(resolveCountry('Latin America and the Caribbean'), { kind: 'region', region: 'americas' });
  });

  test('an unknown name comes with the nearest known names', () => {
    assert.deepEqual(resolveCountry('Rwandda'), { kind: 'unknown', suggestions: ['Rwanda (RW)'] });
    assert.deepEqual(resolveCountry('Moscow'), { kind: 'unknown', suggestions: [] });
    assert.equal(code('__proto__'), 'unknown');
  });
});

describe('action-line cells', () => {
  const HEADINGS: [string, string][] = [
    ['C1. THE ROLE OF GOVERNMENTS AND ALL STAKEHOLDERS IN THE PROMOTION OF ICTS FOR DEVELOPMENT', 'C1'],
    ['C2. INFORMATION AND COMMUNICATION INFRASTRUCTURE', 'C2'],
    ['C3. ACCESS TO INFORMATION AND KNOWLEDGE', 'C3'],
    ['C4. CAPACITY BUILDING', 'C4'],
    ['C5. BUILDING CONFIDENCE AND SECURITY IN THE USE OF ICTS', 'C5'],
    ['C6. ENABLING ENVIRONMENT', 'C6'],
    ['C7. ICT APPLICATIONS: BENEFITS IN ALL ASPECTS OF LIFE', 'C7'],
    ['C7. ICT APPLICATIONS: E-GOVERNMENT', 'C7.e-government'],
    ['C7. ICT APPLICATIONS: E-BUSINESS', 'C7.e-business'],
    ['C7. ICT APPLICATIONS: E-LEARNING', 'C7.e-learning'],
    ['C7. ICT APPLICATIONS: E-HEALTH', 'C7.e-health'],
    ['C7. ICT APPLICATIONS: E-EMPLOYMENT', 'C7.e-employment'],
    ['C7. ICT APPLICATIONS: E-ENVIRONMENT', 'C7.e-environment'],
    ['C7. ICT APPLICATIONS: E-AGRICULTURE', 'C7.e-agriculture'],
    ['C7. ICT APPLICATIONS: E-SCIENCE', 'C7.e-science'],
    ['C8. CULTURAL DIVERSITY AND IDENTITY, LINGUISTIC DIVERSITY AND LOCAL CONTENT', 'C8'],
    ['C9. MEDIA', 'C9'],
    ['C10. ETHICAL DIMENSIONS OF THE INFORMATION SOCIETY', 'C10'],
    ['C11. INTERNATIONAL AND REGIONAL COOPERATION', 'C11'],
  ];

  test('ids, in any case', () => {
    for (const id of ACTION_LINES) {
      assert.equal(resolveActionLine(id), id);
      assert.equal(resolveActionLine(id.toUpperCase()), id);
    }
  });

  test("ITU's headings for every line and sub-line, in any case", () => {
    assert.deepEqual(HEADINGS.map(([, id]) => id).sort(), [...ACTION_LINES].sort());
    for (const [heading, id] of HEADINGS) {
      assert.equal(resolveActionLine(heading), id, heading);
      assert.equal(resolveActionLine(heading.toLowerCase()), id, heading.toLowerCase());
    }
  });

  test('prize categories, with or without "AL" and "ICT applications"', () => {
    const cases: [string, string][] = [
      ['Category 9 — AL C7. ICT applications: benefits in all aspects of life — E-learning', 'C7.e-learning'],
      ['AL C7. ICT applications: benefits in all aspects of life — E-learning', 'C7.e-learning'],
      ['C7 E-learning', 'C7.e-learning'],
      ['E-health', 'C7.e-health'],
      ['ICT applications: e-agriculture', 'C7.e-agriculture'],
      ['Category 4 — AL C4. Capacity building', 'C4'],
      ['AL C10', 'C10'],
      ['Capacity building', 'C4'],
    ];
    for (const [text, id] of cases) assert.equal(resolveActionLine(text), id, text);
  });

  test('anything else is not an action line', () => {
    for (const text of ['C12', 'C7.e-foo', 'health', 'Category 9', ''])
      assert.equal(resolveActionLine(text), undefined, text);
  });
});

describe('regions', () => {
  const [base] = generateEntries(1, 11);
  const entry = { ...base, countries: ['KE', 'FR'] };

  async function importJson(records: unknown[]) {
    const file = join(dir, `r${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(file, JSON.stringify(records));
    const dbPath = `${file}.db`;
    const result = await importFile(file, dbPath);
    if (!result.imported) return { result, stored: undefined };
    const app = buildApp({ dbPath });
    const stored = (await app.inject(`/api/v1/entries/${base.id}`)).json() as Entry;
    await app.close();
    return { result, stored };
  }

  test('JSON: absent or empty regions are derived from the countries', async () => {
    const { regions: _regions, ...without } = entry;
    for (const record of [{ ...entry, regions: [] }, without]) {
      const { stored } = await importJson([record]);
      assert.deepEqual(stored?.regions, ['africa', 'europe']);
    }
  });

  test('explicit regions must agree with the countries', async () => {
    const { result } = await importJson([{ ...entry, regions: ['africa'] }]);
    assert.equal(result.imported, 0);
    assert.deepEqual(result.rejected[0].reasons, [
      'regions: africa do not agree with the countries (KE → africa, FR → europe)',
    ]);
    const agreed = await importJson([{ ...entry, regions: ['Europe', 'Africa'] }]);
    assert.deepEqual(agreed.stored?.regions, ['africa', 'europe']);
  });
});

describe(`the ITU-style fixture (${FIXTURE})`, () => {
  test('every known country in it resolves', () => {
    const rows = parse(readFileSync(FIXTURE), { columns: true, bom: true }) as Record<string, string>[];
    assert.equal(rows.length, 300);
    const unknown = rows
      .flatMap((row) => row.countries.split(';'))
      .filter((text) => resolveCountry(text).kind === 'unknown');
    assert.deepEqual(unknown.sort(), ['Congo', 'Moscow', 'Rwandda']);
  });

  test('imports all but its four deliberate problems', async () => {
    const dbPath = join(dir, 'itu.db');
    const result = await importFile(FIXTURE, dbPath);
    assert.equal(result.read, 300);
    assert.equal(result.imported, 296);
    assert.deepEqual(
      result.rejected.map((r) => r.line),
      FIXTURE_REJECTS.map(([line]) => line),
    );
    result.rejected.forEach((r, i) => assert.match(r.reasons.join('; '), FIXTURE_REJECTS[i][1]));
    const app = buildApp({ dbPath });
    const korea = (await app.inject('/api/v1/entries?country=KR&pageSize=1')).json();
    const africa = (await app.inject('/api/v1/entries?region=africa&pageSize=1')).json();
    await app.close();
    // "Korea (Rep. of)" ×12, "Korea (Republic of)", "Corée (République de)", "Corea (República de)".
    assert.equal(korea.total, 15);
    assert.ok(africa.total > 0);
  });

  test('--dry-run prints the report and writes nothing', () => {
    const dbPath = join(dir, 'dry.db');
    const cli = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'server/import.ts', FIXTURE, '--db', dbPath, '--dry-run'],
      {
        encoding: 'utf8',
      },
    );
    assert.equal(cli.status, 0, cli.stderr);
    assert.equal(existsSync(dbPath), false);
    assert.match(cli.stdout, /^Read 300 records from /);
    assert.match(cli.stdout, /countries +"Korea \(Rep\. of\)" → KR ×12$/m);
    assert.match(cli.stdout, /actionLines +"C7\. ICT APPLICATIONS: E-HEALTH" → C7\.e-health ×\d+$/m);
    assert.match(cli.stdout, /regions +\(empty\) → derived from the countries ×\d+$/m);
    assert.match(cli.stdout, /Dry run: 296 entries would be imported, rejected 4 records .*was not written\.$/m);
    assert.match(
      cli.stderr,
      /^rejected line 47: countries: "Rwandda" is not a known country; nearest: Rwanda \(RW\)$/m,
    );
  });
});
