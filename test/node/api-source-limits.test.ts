import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiSource, DEFAULT_CACHE_BYTES } from '../../src/data/api-source.js';
import { MAX_API_BODY_BYTES } from '../../src/data/fetch-json.js';
import { Lru } from '../../src/data/lru.js';
import type { SearchParams } from '../../src/data/query.js';
import { SourceError } from '../../src/data/source.js';
import { makeEntry, responseBody } from '../fixtures/entries.js';

const params = (q: string, pageSize = 20): SearchParams => ({ q, filters: {}, page: 1, pageSize, facets: [] });
const signal = () => new AbortController().signal;

/** An API that answers every request with `body` (text as it is, anything else as JSON). */
function stubApi(body: unknown) {
  let calls = 0;
  const fetch = (async () => {
    calls++;
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    return new Response(text, { headers: { 'Content-Type': 'application/json' } });
  }) as typeof globalThis.fetch;
  return { source: new ApiSource('https://api.example/v1', { fetch, retries: 0 }), calls: () => calls };
}

test('items beyond the requested page size are dropped', async (t) => {
  const warn = t.mock.method(console, 'warn', () => {});
  const items = Array.from({ length: 5200 }, (_, i) => makeEntry(`e${i}`));
  const { source } = stubApi(responseBody(items, { total: 5200, pageSize: 5200 }));
  const response = await source.search(params('flood'), signal());
  assert.equal(response.items.length, 20);
  assert.deepEqual(
    response.items.map((e) => e.id),
    items.slice(0, 20).map((e) => e.id),
  );
  assert.equal(response.total, 5200);
  assert.match(String(warn.mock.calls[0]?.arguments[0]), /5200 items for a page of 20/);
});

test('a body over the size cap is refused with a clear error, whatever it claims', async () => {
  const padding = 'x'.repeat(MAX_API_BODY_BYTES);
  const { source } = stubApi(responseBody([makeEntry('a', { description: padding })]));
  await assert.rejects(source.search(params('big'), signal()), (error: unknown) => {
    assert.ok(error instanceof SourceError);
    assert.equal(error.code, 'invalid_response');
    assert.match(error.message, /larger than 4 MB/);
    return true;
  });
});

test('a body with a large declared Content-Length is refused before it is read', async () => {
  let pulled = 0;
  const fetch = (async () =>
    new Response(
      new ReadableStream({
        pull(controller) {
          pulled++;
          controller.enqueue(new TextEncoder().encode(' '.repeat(65536)));
        },
      }),
      { headers: { 'Content-Type': 'application/json', 'Content-Length': String(MAX_API_BODY_BYTES + 1) } },
    )) as typeof globalThis.fetch;
  const source = new ApiSource('https://api.example/v1', { fetch, retries: 0 });
  await assert.rejects(source.search(params('big'), signal()), /larger than 4 MB/);
  assert.ok(pulled <= 2, `read ${pulled} chunks`);
});

test('a stream that never ends is cut at the cap', { timeout: 5000 }, async () => {
  const fetch = (async () =>
    new Response(
      new ReadableStream({
        pull(controller) {
          controller.enqueue(new TextEncoder().encode(' '.repeat(65536)));
        },
      }),
      { headers: { 'Content-Type': 'application/json' } },
    )) as typeof globalThis.fetch;
  const source = new ApiSource('https://api.example/v1', { fetch, retries: 0 });
  await assert.rejects(source.search(params('endless'), signal()), /larger than 4 MB/);
});

test('non-finite or negative facet counts are refused', async () => {
  for (const count of ['1e999', '-1e999', '-3', '2.5']) {
    const body = JSON.stringify(responseBody([makeEntry('a')])).replace(
      '"facets":{}',
      `"facets":{"region":{"africa":${count}}}`,
    );
    const { source } = stubApi(body);
    await assert.rejects(source.search(params(`q${count}`), signal()), (error: unknown) => {
      assert.ok(error instanceof SourceError, String(error));
      assert.equal(error.code, 'invalid_response');
      assert.match(error.message, /facets\.region\.africa/);
      return true;
    });
  }
});

test('the cache is bounded by bytes as well as by count', async () => {
  // Full pages of the longest valid descriptions: about 1 MB an answer.
  const items = Array.from({ length: 100 }, (_, i) => makeEntry(`e${i}`, { description: 'y'.repeat(10_000 - i) }));
  const { source, calls } = stubApi(responseBody(items, { pageSize: 100 }));
  for (let i = 0; i < 10; i++) await source.search(params(`query ${i}`, 100), signal());
  assert.ok(source.cacheBytes <= DEFAULT_CACHE_BYTES, `cache holds ${source.cacheBytes} bytes`);
  assert.ok(source.cacheBytes > 0, 'the cache keeps what fits');
  // The newest answer is still cached, the oldest is not.
  await source.search(params('query 9', 100), signal());
  assert.equal(calls(), 10);
  await source.search(params('query 0', 100), signal());
  assert.equal(calls(), 11);
});

test('Lru evicts the oldest entries over its byte budget and never keeps one larger than it', () => {
  const lru = new Lru<string, string>(10, 10, (value) => value.length);
  lru.set('a', 'xxxx');
  lru.set('b', 'xxxx');
  assert.equal(lru.bytes, 8);
  lru.get('a');
  lru.set('c', 'xxxx');
  assert.equal(lru.get('b'), undefined);
  assert.equal(lru.get('a'), 'xxxx');
  assert.equal(lru.bytes, 8);
  lru.set('huge', 'x'.repeat(11));
  assert.equal(lru.get('huge'), undefined);
  assert.equal(lru.size, 2);
  lru.set('a', 'x');
  assert.equal(lru.bytes, 5);
  lru.clear();
  assert.equal(lru.bytes, 0);
});

test('an answer is handed over in a task after the one that read and checked it', async (t) => {
  const { source } = stubApi(responseBody([makeEntry('a'), makeEntry('b')]));
  // Set once every microtask queued while the body was parsed has run: that task is over.
  let readTaskOver = false;
  const parse = JSON.parse;
  t.mock.method(JSON, 'parse', (...args: Parameters<typeof JSON.parse>) => {
    void (async () => {
      for (let i = 0; i < 100; i++) await Promise.resolve();
      readTaskOver = true;
    })();
    return parse(...args);
  });
  const overWhenAnswered = await source.search(params('flood'), signal()).then(() => readTaskOver);
  assert.equal(overWhenAnswered, true);
});
