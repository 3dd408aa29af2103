import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { generateEntries } from '../../scripts/sample/generate.js';
import { toCsv } from '../../src/data/export.js';
import { csvRows } from '../../server/import/csv.js';
import { jsonElements } from '../../server/import/json.js';
import { lines } from '../../server/import/lines.js';

// The file arrives in pieces cut anywhere; what is read must not depend on where.

async function* cut(text: string, at: number[]): AsyncGenerator<string> {
  let from = 0;
  for (const to of [...new Set(at)].sort((a, b) => a - b)) {
    yield text.slice(from, to);
    from = to;
  }
  yield text.slice(from);
}

const entries = generateEntries(12, 9).map((e, i) => ({
  ...e,
  description: i % 3 ? e.description : `${e.description}\n"quoted"\n`,
}));
const cuts = (text: string) => fc.array(fc.integer({ min: 0, max: text.length }), { maxLength: 12 });

test('JSON elements are the same wherever the text is cut', async () => {
  for (const text of [JSON.stringify(entries), JSON.stringify({ v: [1, { a: ']' }], entries }, null, 2)]) {
    await fc.assert(
      fc.asyncProperty(cuts(text), async (at) => {
        const read = [];
        for await (const element of jsonElements(cut(text, at))) read.push(element.value);
        assert.deepEqual(read, entries);
      }),
      { numRuns: 150, seed: 3 },
    );
  }
});

test('CSV rows are the same wherever the text is cut', async () => {
  const text = toCsv(entries).slice(1);
  const expected = parse(text) as string[][];
  await fc.assert(
    fc.asyncProperty(cuts(text), async (at) => {
      const read = [];
      for await (const row of csvRows(lines(cut(text, at)))) read.push(row.cells);
      assert.deepEqual(read, expected);
    }),
    { numRuns: 150, seed: 4 },
  );
});
