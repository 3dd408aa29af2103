import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateEntries } from '../../scripts/sample/generate.js';
import { keyLatencies, prefixes, QUERIES, QUICK_QUERIES, repeatedTexts, type KeyMark } from '../../bench/keys.js';
import { entryPage, escapeHtml } from '../../bench/pagefind.js';
import { steps } from '../../bench/startup.js';
import { percentile } from '../../bench/table.js';

test('the typing plan: at least 15 queries and 200 keys, and no typed text repeats another', () => {
  assert.ok(QUERIES.length >= 15);
  assert.ok(QUERIES.reduce((n, q) => n + [...q].length, 0) >= 200);
  assert.deepEqual(repeatedTexts(QUERIES), []);
  assert.deepEqual(repeatedTexts(QUICK_QUERIES), []);
  // A second query with an old first letter repeats that letter's text.
  assert.deepEqual(repeatedTexts(['open data', 'ocean']), ['o']);
});

test('prefixes: one text per character, whole characters outside the BMP too', () => {
  assert.deepEqual(prefixes('ab c'), ['a', 'ab', 'ab ', 'ab c']);
  assert.deepEqual(prefixes('𠀀x'), ['𠀀', '𠀀x']);
});

test('keyLatencies: each key waits for its own text or a later one of its query, never an earlier one', () => {
  const keys: KeyMark[] = [
    { query: 0, at: 0, text: 'o' },
    { query: 0, at: 110, text: 'op' },
    { query: 0, at: 220, text: 'op ' }, // adds only a space: not timed
    { query: 0, at: 330, text: 'op d' },
    { query: 1, at: 1000, text: 'x' },
  ];
  const paints = [
    { at: 50, text: 'o' },
    { at: 300, text: 'OP' }, // case does not matter
    { at: 500, text: 'op d' },
    { at: 400, text: 'o' }, // a late answer for an old text counts for nobody after it
  ];
  const r = keyLatencies(keys, paints);
  assert.equal(r.timed, 4);
  assert.equal(r.missing, 1); // 'x' was never shown
  assert.equal(r.exact, 3);
  // o: 50; op: 300 − 110 = 190; op d: 500 − 330 = 170.
  assert.deepEqual([r.toResults.min, r.toResults.p50, r.toResults.max], [50, 170, 190]);
  assert.deepEqual([r.lastKey.n, r.lastKey.p50], [1, 170]);
});

test('keyLatencies: a key overtaken by the next one is timed to the later text', () => {
  const r = keyLatencies(
    [
      { query: 0, at: 0, text: 'a' },
      { query: 0, at: 110, text: 'ab' },
    ],
    [{ at: 260, text: 'ab' }],
  );
  assert.deepEqual([r.toResults.min, r.toResults.max, r.exact, r.missing], [150, 260, 1, 0]);
});

test('percentile: nearest rank', () => {
  const sorted = Array.from({ length: 20 }, (_, i) => i + 1);
  assert.equal(percentile(sorted, 0.95), 19);
  assert.equal(percentile(sorted, 0.5), 10);
  assert.ok(Number.isNaN(percentile([], 0.5)));
});

test('entryPage: entry text is escaped, never markup', () => {
  assert.equal(escapeHtml(`<img src=x onerror="a">&'`), '&lt;img src=x onerror=&quot;a&quot;&gt;&amp;&#39;');
  const [entry] = generateEntries(1, 1);
  const page = entryPage({ ...entry, title: '<script>alert(1)</script>', description: 'one\n\ntwo & three' });
  assert.ok(!page.includes('<script>'));
  assert.match(page, /<h1>&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/h1>/);
  assert.match(page, /<p>one<\/p><p>two &amp; three<\/p>/);
  assert.match(page, /<main data-pagefind-body>/);
});

test('start-up steps add up to navigation → painted', () => {
  const load = { scriptEnd: 40, defined: 60, apiStart: 70, apiEnd: 120, rendered: 150, painted: 165 };
  const s = steps(load);
  assert.deepEqual(s, { script: 40, start: 20, request: 10, api: 50, render: 30, paint: 15 });
  assert.equal(
    Object.values(s).reduce((a, b) => a + b, 0),
    load.painted,
  );
});
