import { test } from 'node:test';
import assert from 'node:assert/strict';
import { collectAll, csvCell, toCsv } from '../../src/data/export.js';
import type { Entry } from '../../src/data/entry.js';
import type { DataSource, SourceResponse } from '../../src/data/source.js';
import type { SearchParams } from '../../src/data/query.js';

const base: Entry = {
  id: 'a',
  title: 't',
  description: 'd',
  organization: 'o',
  entityType: 'government',
  countries: ['RW'],
  regions: ['africa'],
  actionLines: ['C1'],
  sdgs: [1],
  status: 'ongoing',
  startYear: 2020,
  endYear: null,
  updated: '2024-01-01',
};

test('cells that a spreadsheet would run as formulas become text', () => {
  for (const bad of ['=HYPERLINK("http://x")', '+1+2', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
    const cell = csvCell(bad);
    assert.ok(cell.startsWith('"\'') || cell.startsWith("'"), `${JSON.stringify(bad)} -> ${cell}`);
  }
  assert.equal(csvCell('plain'), 'plain');
  assert.equal(csvCell('a,"b"'), '"a,""b"""');
});

test('the CSV keeps every row and its titles as text', () => {
  const titles = ['=cmd|"/c calc"!A1', '+SUM(1)', '-1', '@x'];
  const csv = toCsv(titles.map((title, i) => ({ ...base, id: `e${i}`, title })));
  const lines = csv
    .replace(/^\ufeff/, '')
    .trim()
    .split('\r\n');
  assert.equal(lines.length, 5);
  for (const line of lines.slice(1)) {
    const title = line.split(',')[1];
    assert.match(title, /^"?'/, line);
  }
});

test('columns are in the order server/README.md documents, each cell under its header', () => {
  const entry: Entry = {
    ...base,
    countries: ['KE', 'UG'],
    sdgs: [3, 9],
    endYear: 2025,
    website: 'https://example.org/x',
    prize: { year: 2023, status: 'winner' },
  };
  const [header, row] = toCsv([entry])
    .replace(/^\ufeff/, '')
    .trim()
    .split('\r\n');
  assert.equal(
    header,
    'id,title,description,organization,entityType,countries,regions,actionLines,sdgs,status,startYear,endYear,website,updated,prizeYear,prizeStatus',
  );
  assert.deepEqual(Object.fromEntries(header.split(',').map((name, i) => [name, row.split(',')[i]])), {
    id: 'a',
    title: 't',
    description: 'd',
    organization: 'o',
    entityType: 'government',
    countries: 'KE;UG',
    regions: 'africa',
    actionLines: 'C1',
    sdgs: '3;9',
    status: 'ongoing',
    startYear: '2020',
    endYear: '2025',
    website: 'https://example.org/x',
    updated: '2024-01-01',
    prizeYear: '2023',
    prizeStatus: 'winner',
  });
});

function pagedSource(total: number, calls: number[]): DataSource {
  return {
    async search(params: SearchParams, signal: AbortSignal): Promise<SourceResponse> {
      signal.throwIfAborted();
      calls.push(params.page);
      const start = (params.page - 1) * params.pageSize;
      const items = Array.from({ length: Math.max(0, Math.min(params.pageSize, total - start)) }, (_, i) => ({
        ...base,
        id: `e${start + i}`,
      }));
      return { total, page: params.page, pageSize: params.pageSize, items, facets: {}, dropped: 0 };
    },
    getEntry: () => Promise.reject(new Error('unused')),
  };
}

const params: SearchParams = { q: '', filters: {}, page: 1, pageSize: 20, facets: ['sdg'] };

test('collects every page up to the cap, with progress', async () => {
  const calls: number[] = [];
  const progress: number[] = [];
  const result = await collectAll(pagedSource(250, calls), params, {
    signal: new AbortController().signal,
    onProgress: (p) => progress.push(p.done),
  });
  assert.equal(result.entries.length, 250);
  assert.deepEqual(calls, [1, 2, 3]);
  assert.deepEqual(progress, [100, 200, 250]);
  const capped = await collectAll(pagedSource(1000, []), params, { signal: new AbortController().signal, cap: 150 });
  assert.equal(capped.entries.length, 150);
  assert.ok(capped.capped);
});

test('a cancelled export stops its requests', async () => {
  const calls: number[] = [];
  const controller = new AbortController();
  const run = collectAll(pagedSource(1000, calls), params, {
    signal: controller.signal,
    onProgress: (p) => p.done >= 200 && controller.abort(),
  });
  await assert.rejects(run, { name: 'AbortError' });
  assert.deepEqual(calls, [1, 2]);
});
