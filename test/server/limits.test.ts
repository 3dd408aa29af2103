/** What one request may cost: caps on values, terms, typo scans and query size, and a fair turn for /health. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { COUNTRY_CODES } from '../../src/data/countries.js';
import { tokenize } from '../../src/data/query.js';
import { MAX_CORRECTED_TERMS, MAX_FILTER_VALUES, MAX_QUERY_STRING, MAX_TERMS } from '../../server/limits.js';
import { ResponseCache } from '../../server/responses.js';
import { startServer, type Server } from './helpers.js';

let server: Server;
before(async () => (server = await startServer(3000, 11)));
after(() => server.close());

async function expectInvalid(query: string, parameter: string | undefined) {
  const res = await server.get(`/api/v1/entries?${query}`);
  assert.equal(res.status, 400);
  assert.equal(res.headers.get('access-control-allow-origin'), '*');
  const body = await res.json();
  assert.deepEqual(Object.keys(body), ['error']);
  assert.equal(body.error.parameter, parameter);
  return body.error;
}

/** A misspelling the typo scan corrects: the word with two inner letters swapped. */
const misspell = (word: string) => word[0] + word[2] + word[1] + word.slice(3);

describe('caps on parameters', () => {
  test(`at most ${MAX_FILTER_VALUES} values per filter, repeated or comma-separated`, async () => {
    const shortOrgs = (n: number) => Array.from({ length: n }, (_, i) => `organization=O${i}`).join('&');
    assert.equal((await server.get(`/api/v1/entries?${shortOrgs(MAX_FILTER_VALUES)}`)).status, 200);
    await expectInvalid(shortOrgs(MAX_FILTER_VALUES + 1), 'organization');
    // Every country a visitor can tick at once is accepted; one value more is refused.
    const countries = COUNTRY_CODES;
    assert.equal(countries.length, MAX_FILTER_VALUES);
    assert.equal((await server.get(`/api/v1/entries?country=${countries.join(',')}`)).status, 200);
    await expectInvalid(`country=${[...countries, 'RW'].join(',')}`, 'country');
  });

  test("the UNGIS demo page's scope (27 UN organizations) is accepted", async () => {
    const html = readFileSync(new URL('../../demo/ungis.html', import.meta.url), 'utf8');
    const attr = /scope-organization="([^"]*)"/.exec(html)![1];
    // One organization per line; "\," is a comma inside a name.
    const names = attr
      .split(/(?<!\\),/)
      .map((name) => name.replaceAll('\\,', ',').trim())
      .filter(Boolean);
    assert.equal(names.length, 27);
    const query = names.map((name) => `organization=${encodeURIComponent(name)}`).join('&');
    const response = await server.get(`/api/v1/entries?entityType=international_organization&${query}`);
    assert.equal(response.status, 200, await response.text());
  });

  test(`the query string is at most ${MAX_QUERY_STRING} bytes, in the contract's shape`, async () => {
    const long = `q=health&utm=${'x'.repeat(MAX_QUERY_STRING)}`;
    const error = await expectInvalid(long, undefined);
    assert.equal(error.code, 'bad_request');
    assert.equal((await server.get(`/api/v1/entries?q=health&utm=${'x'.repeat(MAX_QUERY_STRING - 30)}`)).status, 200);
  });

  test('q is measured after NFKC: 199 "㎑" expand to 597 characters', async () => {
    const q = '㎑'.repeat(199);
    assert.ok(q.length <= 200 && q.normalize('NFKC').length > 200);
    await expectInvalid(`q=${encodeURIComponent(q)}`, 'q');
    await expectInvalid(`q=${encodeURIComponent('㎑ '.repeat(67))}`, 'q');
  });

  test(`q holds at most ${MAX_TERMS} search words`, async () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}x`).join('+');
    assert.equal((await server.get(`/api/v1/entries?q=${words(MAX_TERMS)}`)).status, 200);
    await expectInvalid(`q=${words(MAX_TERMS + 1)}`, 'q');
    // Stop words and one-letter words are not search words.
    assert.equal((await server.get(`/api/v1/entries?q=${words(MAX_TERMS)}+the+of+a+b+c`)).status, 200);
    // A repeated word is one search word.
    assert.equal((await server.get(`/api/v1/entries?q=${words(MAX_TERMS)}+w0x+w1x`)).status, 200);
  });

  test(`at most ${MAX_CORRECTED_TERMS} words per query are typo-corrected`, async () => {
    const vocabulary = [...new Set(server.entries.flatMap((e) => tokenize(e.title)))].filter(
      (w) => w.length >= 7 && /^[a-z]+$/.test(w) && w[1] !== w[2],
    );
    const words = vocabulary.slice(0, MAX_CORRECTED_TERMS + 2);
    const { body: one } = await server.json(`/api/v1/entries?q=${misspell(words[0])}`);
    assert.equal(one.corrections?.length, 1, 'a single misspelling is corrected');
    const { status, body } = await server.json(`/api/v1/entries?q=${words.map(misspell).join('+')}`);
    assert.equal(status, 200);
    assert.equal(body.corrections?.length, MAX_CORRECTED_TERMS);
  });
});

test('tokenize normalizes (NFKC) before lower-casing', () => {
  assert.deepEqual(tokenize('㎾ Ⅻ ＡＢＣ'), ['kw', 'xii', 'abc']);
});

test('the response cache counts its keys: a 64 kB cache of long queries holds at most 64 kB / 256 answers', () => {
  const budget = 64 * 1024;
  const cache = new ResponseCache(budget);
  const queries = Array.from({ length: 1000 }, (_, i) => `organization=${i}${'%21'.repeat(1300)}`);
  for (const query of queries) cache.get(query, 'identity', () => '{"total":0}');
  const kept = queries.filter((q) => cache.has(q)).length;
  assert.ok(kept > 0);
  assert.ok(kept <= budget / 256, `${kept} answers kept`);
});
