import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateEntries } from '../../scripts/sample/generate.js';
import type { Entry } from '../../src/data/entry.js';
import { CSV_COLUMNS, toCsv } from '../../src/data/export.js';
import { buildApp } from '../../server/app.js';
import { importFile } from '../../server/import.js';
import { tempDir } from './helpers.js';

const dir = tempDir();
after(() => rmSync(dir, { recursive: true, force: true }));

const runCli = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'server/import.ts', ...args], { encoding: 'utf8' });

async function storedIds(dbPath: string): Promise<string[]> {
  const app = buildApp({ dbPath });
  const res = await app.inject('/api/v1/entries?pageSize=100&sort=title');
  await app.close();
  return res.json().items.map((e: Entry) => e.id);
}

const HEADER = CSV_COLUMNS.join(',');
const row = (id: string, title = 'T') => `${id},${title},Text,Org,government,KE,,C2,3,ongoing,2019,,,2024-05-02,,`;

test('a row with a stray quote is rejected once, and every good row after it is imported', async () => {
  const file = join(dir, 'stray.csv');
  const lines = [HEADER, row('g1'), row('q1', '"a ""b"" c" d'), ...[2, 3, 4, 5, 6, 7].map((n) => row(`g${n}`))];
  writeFileSync(file, lines.join('\n') + '\n');
  const dbPath = join(dir, 'stray.db');
  const result = await importFile(file, dbPath);
  assert.equal(result.imported, 7);
  assert.deepEqual(
    result.rejected.map((r) => r.line),
    [3],
  );
  assert.match(result.rejected[0].reasons.join(), /not valid CSV: a quoted cell has text after its closing quote/);
  assert.deepEqual(await storedIds(dbPath), ['g1', 'g2', 'g3', 'g4', 'g5', 'g6', 'g7']);

  const cli = runCli(file, '--db', join(dir, 'stray-cli.db'));
  assert.equal(cli.status, 0, cli.stderr);
  assert.equal(cli.stderr.match(/rejected line 3\b/g)?.length, 1, cli.stderr);
  assert.doesNotMatch(cli.stderr, /rejected line (?!3\b)/);
  assert.match(cli.stdout, /Imported 7 entries .*rejected 1 record/);
});

test('an unclosed quote costs only its own line', async () => {
  const file = join(dir, 'unclosed.csv');
  const lines = [HEADER, row('g1'), row('u1', '"never closed'), row('g2'), row('g3', '"two\nlines"'), row('g4')];
  writeFileSync(file, lines.join('\r\n') + '\r\n');
  const result = await importFile(file, join(dir, 'unclosed.db'));
  assert.deepEqual(
    result.rejected.map((r) => [r.line, r.reasons.join()]),
    [[3, 'not valid CSV: the quotes of this row do not pair up (a " inside a cell must be doubled: "")']],
  );
  assert.equal(result.imported, 4);
});

test('invalid UTF-8 is kept as U+FFFD and its line is reported', async () => {
  const file = join(dir, 'bytes.csv');
  const text = [HEADER, row('b1'), row('b2', 'M\u0000dicas'), row('b3')].join('\n') + '\n';
  writeFileSync(file, Buffer.from(text.replace('\u0000', '\u00ff'), 'latin1'));
  const dbPath = join(dir, 'bytes.db');
  const result = await importFile(file, dbPath);
  assert.equal(result.imported, 3);
  assert.deepEqual(result.warnings, [{ line: 3, message: 'invalid UTF-8 bytes, kept as U+FFFD' }]);
  const app = buildApp({ dbPath });
  assert.equal((await app.inject('/api/v1/entries/b2')).json().title, 'M\ufffddicas');
  await app.close();
  assert.match(runCli(file, '--dry-run').stderr, /warning line 3: invalid UTF-8/);
});

test('a duplicated "entries" key fails the file, citing both lines', async () => {
  const file = join(dir, 'twice.json');
  const [a, b] = generateEntries(2, 3);
  writeFileSync(file, `{\n  "entries": [\n    ${JSON.stringify(a)}\n  ],\n  "entries": [${JSON.stringify(b)}]\n}\n`);
  const dbPath = join(dir, 'twice.db');
  await assert.rejects(importFile(file, dbPath), /the key "entries" appears twice \(lines 2 and 5\)/);
  assert.equal(existsSync(dbPath), false);
});

test('JSON syntax errors give their line and leave the database alone', async () => {
  const good = join(dir, 'good.json');
  const dbPath = join(dir, 'keep.db');
  writeFileSync(good, JSON.stringify(generateEntries(5, 1)));
  await importFile(good, dbPath);
  const before = readFileSync(dbPath);
  const file = join(dir, 'broken.json');
  const list = generateEntries(3, 2).map((e) => JSON.stringify(e));
  writeFileSync(file, `[\n${list[0]},\n${list[1]},\n{"id": oops}\n]`);
  await assert.rejects(importFile(file, dbPath), /not valid JSON at line 4/);
  assert.deepEqual(readFileSync(dbPath), before);
});

test('"Imported 1 entry", in the singular', () => {
  const file = join(dir, 'one.csv');
  writeFileSync(file, [HEADER, row('only')].join('\n'));
  const cli = runCli(file, '--db', join(dir, 'one.db'));
  assert.equal(cli.status, 0, cli.stderr);
  assert.match(cli.stdout, /Imported 1 entry into/);
});

test('export then import gives back every value, formula-like text included', async () => {
  const texts = ['-Minus Org', '=SUM(A1)', '+1 plan', '@handle', "'=already quoted", "''-two quotes", "'plain", "It's"];
  const entries = generateEntries(texts.length, 4).map((e, i) => ({
    ...e,
    title: texts[i],
    organization: texts[(i + 1) % texts.length],
    description: texts[(i + 2) % texts.length],
  }));
  const file = join(dir, 'roundtrip.csv');
  writeFileSync(file, toCsv(entries));
  const dbPath = join(dir, 'roundtrip.db');
  const result = await importFile(file, dbPath);
  assert.deepEqual(result.rejected, []);
  const app = buildApp({ dbPath });
  for (const entry of entries) assert.deepEqual((await app.inject(`/api/v1/entries/${entry.id}`)).json(), entry);
  await app.close();
});
