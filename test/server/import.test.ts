import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateEntries } from '../../scripts/sample/generate.js';
import type { Entry } from '../../src/data/entry.js';
import { CSV_COLUMNS, toCsv } from '../../src/data/export.js';
import { buildApp } from '../../server/app.js';
import { importFile } from '../../server/import.js';
import { tempDir } from './helpers.js';

const dir = tempDir();
after(() => rmSync(dir, { recursive: true, force: true }));

const entries = generateEntries(100, 7);
/** Positions (0-based) of the records that get broken, and how. */
const BROKEN: [number, (e: Record<string, unknown>) => void, RegExp][] = [
  [9, (e) => (e.title = ''), /^title: /],
  [50, (e) => (e.status = 'finished'), /^status: /],
  [99, (e) => (e.website = 'javascript:alert(1)'), /^website: /],
];

function withBadRecords(): Record<string, unknown>[] {
  const list = entries.map((e) => ({ ...e }) as Record<string, unknown>);
  for (const [i, breakIt] of BROKEN) breakIt(list[i]);
  return list;
}

async function served(dbPath: string): Promise<number> {
  const app = buildApp({ dbPath });
  const res = await app.inject('/api/v1/health');
  await app.close();
  return res.json().entries;
}

function assertRejected(rejected: { line: number; reasons: string[] }[], lines: number[]) {
  assert.deepEqual(
    rejected.map((r) => r.line),
    lines,
  );
  rejected.forEach((r, k) =>
    assert.ok(
      r.reasons.some((reason) => BROKEN[k][2].test(reason)),
      r.reasons.join('; '),
    ),
  );
}

const cell = (value: string): string => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

function csvRow(e: Entry | Record<string, unknown>): string {
  const x = e as Entry;
  const values: Record<(typeof CSV_COLUMNS)[number], string> = {
    id: x.id,
    title: x.title,
    description: x.description,
    organization: x.organization,
    entityType: x.entityType,
    countries: x.countries.join(';'),
    regions: '',
    actionLines: x.actionLines.join(';'),
    sdgs: x.sdgs.join(';'),
    status: x.status,
    startYear: String(x.startYear),
    endYear: x.endYear === null ? '' : String(x.endYear),
    website: x.website ?? '',
    updated: x.updated,
    prizeYear: x.prize ? String(x.prize.year) : '',
    prizeStatus: x.prize?.status ?? '',
  };
  return CSV_COLUMNS.map((c) => cell(values[c])).join(',');
}

describe('importFile', () => {
  test('JSON: loads the good records and reports the bad ones with entry and line', async () => {
    const file = join(dir, 'entries.json');
    const list = withBadRecords();
    writeFileSync(file, JSON.stringify(list, null, 2));
    const dbPath = join(dir, 'json.db');
    const { imported, rejected } = await importFile(file, dbPath);
    assert.equal(imported, 97);
    // Each pretty-printed element starts on the line after the previous one ends.
    const starts = [2];
    for (const e of list) starts.push(starts.at(-1)! + JSON.stringify(e, null, 2).split('\n').length);
    assertRejected(
      rejected,
      BROKEN.map(([i]) => starts[i]),
    );
    assert.deepEqual(
      rejected.map((r) => (r as { entry?: number }).entry),
      [10, 51, 100],
    );
    assert.equal(await served(dbPath), 97);
  });

  test('JSON object with an entries array', async () => {
    const file = join(dir, 'wrapped.json');
    writeFileSync(file, JSON.stringify({ version: 1, entries: withBadRecords() }));
    const { imported, rejected } = await importFile(file, join(dir, 'wrapped.db'));
    assert.equal(imported, 97);
    assertRejected(rejected, [1, 1, 1]);
  });

  test('NDJSON: reports line numbers, including lines that are not JSON', async () => {
    const file = join(dir, 'entries.ndjson');
    const lines = withBadRecords().map((e) => JSON.stringify(e));
    lines.splice(20, 0, '', '{"id": broken');
    writeFileSync(file, lines.join('\n') + '\n');
    const dbPath = join(dir, 'ndjson.db');
    const { imported, rejected } = await importFile(file, dbPath);
    assert.equal(imported, 97);
    assert.deepEqual(
      rejected.map((r) => r.line),
      [10, 22, 53, 102],
    );
    assert.match(rejected[1].reasons[0], /not valid JSON/);
    assert.equal(await served(dbPath), 97);
  });

  test('CSV: multi-line cells keep line numbers right; regions are derived', async () => {
    const file = join(dir, 'entries.csv');
    const rows = withBadRecords().map(csvRow);
    writeFileSync(file, [CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n');
    const starts = [2];
    for (const row of rows) starts.push(starts.at(-1)! + row.split('\n').length);
    const dbPath = join(dir, 'csv.db');
    const { imported, rejected } = await importFile(file, dbPath);
    assert.equal(imported, 97);
    assertRejected(
      rejected,
      BROKEN.map(([i]) => starts[i]),
    );
    const app = buildApp({ dbPath });
    const first = (await app.inject(`/api/v1/entries/${entries[0].id}`)).json();
    await app.close();
    assert.deepEqual(first, entries[0]);
  });

  test("CSV: the widget's export imports back unchanged", async () => {
    const file = join(dir, 'exported.csv');
    writeFileSync(file, toCsv(entries));
    const dbPath = join(dir, 'exported.db');
    const result = await importFile(file, dbPath);
    assert.deepEqual([result.imported, result.rejected], [entries.length, []]);
    const app = buildApp({ dbPath });
    for (const entry of entries) assert.deepEqual((await app.inject(`/api/v1/entries/${entry.id}`)).json(), entry);
    await app.close();
  });

  test('duplicate ids are rejected after the first', async () => {
    const file = join(dir, 'dupes.ndjson');
    writeFileSync(file, [entries[0], entries[1], entries[0]].map((e) => JSON.stringify(e)).join('\n'));
    const { imported, rejected } = await importFile(file, join(dir, 'dupes.db'));
    assert.equal(imported, 2);
    assert.deepEqual(rejected, [{ line: 3, reasons: ['id: duplicate of the record at line 1'] }]);
  });
});

describe('a failed import leaves the old database alone', () => {
  const dbPath = join(dir, 'keep.db');
  const good = join(dir, 'good.json');

  test('files that are not JSON or CSV', async () => {
    writeFileSync(good, JSON.stringify(entries));
    await importFile(good, dbPath);
    const before = readFileSync(dbPath);
    const garbage: [string, string | Buffer][] = [
      ['notes.json', 'This is not JSON at all.\n'],
      ['notes.csv', 'Dear colleagues,\nplease find the list attached.\n'],
      ['image.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x22, 0x2c])],
      ['notes.txt', 'just words\n'],
    ];
    for (const [name, content] of garbage) {
      writeFileSync(join(dir, name), content);
      await assert.rejects(
        importFile(join(dir, name), dbPath),
        /not valid JSON|not a stocktaking CSV|not valid CSV/,
        name,
      );
    }
    writeFileSync(join(dir, 'lines.ndjson'), 'hello\nworld\n');
    assert.deepEqual((await importFile(join(dir, 'lines.ndjson'), dbPath)).imported, 0);
    assert.deepEqual(readFileSync(dbPath), before);
    assert.equal(await served(dbPath), 100);
  });

  test('the CLI exits non-zero and says why', () => {
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'server/import.ts', ...args], { encoding: 'utf8' });
    const before = readFileSync(dbPath);
    const bad = run(join(dir, 'notes.json'), '--db', dbPath);
    assert.notEqual(bad.status, 0);
    assert.match(bad.stderr, /not valid JSON.*unchanged/s);
    assert.deepEqual(readFileSync(dbPath), before);
    const mixed = join(dir, 'mixed.ndjson');
    writeFileSync(
      mixed,
      withBadRecords()
        .map((e) => JSON.stringify(e))
        .join('\n'),
    );
    const ok = run(mixed, '--db', dbPath);
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stderr, /line 10: title: /);
    assert.match(ok.stdout, /Imported 97 entries/);
    assert.notEqual(run('missing.json', '--db', dbPath).status, 0);
  });
});
