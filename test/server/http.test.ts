import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HASHED_FILE } from '../../server/app.js';
import { startServer, tempDir, type Server } from './helpers.js';

let server: Server;
let statics: string;
before(async () => {
  statics = tempDir();
  mkdirSync(join(statics, 'dist'));
  mkdirSync(join(statics, 'demo'));
  writeFileSync(join(statics, 'dist', 'wsis-stocktaking.js'), 'export const x = 1;\n');
  writeFileSync(join(statics, 'dist', 'wsis-shared-Dz7YG6-H.js'), 'export const y = 2;\n');
  writeFileSync(join(statics, 'demo', 'wsis-page-Dz7YG6-H.js'), 'export const z = 3;\n');
  writeFileSync(join(statics, 'demo', 'index.html'), '<!doctype html><title>demo</title>\n');
  server = await startServer(500, 7, {
    staticRoots: [
      { prefix: '/dist/', root: join(statics, 'dist'), immutable: HASHED_FILE },
      { prefix: '/', root: join(statics, 'demo') },
    ],
  });
});
after(() => server.close());

async function expectError(path: string, status: number, code: string, parameter?: string) {
  const res = await server.get(path);
  assert.equal(res.status, status, path);
  assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
  assert.equal(res.headers.get('access-control-allow-origin'), '*', path);
  const body = await res.json();
  assert.equal(body.error.code, code, path);
  assert.equal(typeof body.error.message, 'string');
  assert.equal(body.error.parameter, parameter, path);
  assert.deepEqual(Object.keys(body), ['error']);
}

describe('400 invalid_parameter', () => {
  const cases: [string, string][] = [
    [`q=${'a'.repeat(201)}`, 'q'],
    ['pageSize=0', 'pageSize'],
    ['pageSize=101', 'pageSize'],
    ['pageSize=abc', 'pageSize'],
    ['pageSize=500', 'pageSize'],
    ['page=0', 'page'],
    ['page=1.5', 'page'],
    ['sort=best', 'sort'],
    ['facets=sdg,colour', 'facets'],
    ['actionLine=C99', 'actionLine'],
    ['sdg=18', 'sdg'],
    ['region=mars', 'region'],
    ['prize=gold', 'prize'],
    ['entityType=alien', 'entityType'],
    ['status=done', 'status'],
    ['yearFrom=2020&yearTo=2010', 'yearFrom'],
    ['yearFrom=soon', 'yearFrom'],
    ['country=XX', 'country'],
    ['country=ZZZ', 'country'],
    ['q=a&q=b', 'q'],
  ];
  for (const [qs, parameter] of cases) {
    test(qs.slice(0, 40), () => expectError(`/api/v1/entries?${qs}`, 400, 'invalid_parameter', parameter));
  }

  test('limits are not truncated: q of exactly 200 characters is fine', async () => {
    assert.equal((await server.get(`/api/v1/entries?q=${'a'.repeat(200)}`)).status, 200);
    assert.equal((await server.get('/api/v1/entries?pageSize=100')).status, 200);
  });
});

describe('404 not_found', () => {
  test('unknown entry', () => expectError('/api/v1/entries/no-such-entry', 404, 'not_found'));
  test('overlong entry id', () => expectError(`/api/v1/entries/${'x'.repeat(300)}`, 404, 'not_found'));
  test('unknown API route', () => expectError('/api/v1/nothing', 404, 'not_found'));
  test('unknown file', () => expectError('/no/such/file.js', 404, 'not_found'));
  test('bad encoding in the path', () => expectError('/api/v1/entries/%E0%A4%A', 404, 'not_found'));
});

describe('HTTP behaviour', () => {
  test('API responses are cacheable, CORS-open, ETagged and answer 304', async () => {
    const path = '/api/v1/entries?q=health&facets=sdg';
    const res = await server.get(path, { headers: { origin: 'https://example.org' } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'public, max-age=60');
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.match(res.headers.get('access-control-expose-headers') ?? '', /Retry-After/i);
    assert.equal(res.headers.get('access-control-allow-credentials'), null);
    const tag = res.headers.get('etag');
    assert.ok(tag);
    await res.arrayBuffer();
    const again = await server.get(path, { headers: { 'if-none-match': tag } });
    assert.equal(again.status, 304);
    assert.equal(await again.text(), '');
    const other = await server.get(path, { headers: { 'if-none-match': 'W/"nope"' } });
    assert.equal(other.status, 200);
    assert.equal(other.headers.get('etag'), tag, 'same body, same tag');
  });

  test('responses are gzipped when asked', async () => {
    const res = await server.get('/api/v1/entries?pageSize=50', { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(res.headers.get('content-encoding'), 'gzip');
    assert.match(res.headers.get('vary') ?? '', /accept-encoding/i);
    assert.equal((await res.json()).items.length, 50);
  });

  test('errors carry CORS and no stack trace; thrown errors become internal_error', async () => {
    await expectError('/api/v1/entries?page=0', 400, 'invalid_parameter', 'page');
    const app = (await import('../../server/app.js')).buildApp({ dbPath: join(server.dir, 'test.db') });
    app.get('/api/v1/boom', () => {
      throw new Error('secret detail');
    });
    const res = await app.inject('/api/v1/boom');
    assert.equal(res.statusCode, 500);
    assert.deepEqual(res.json(), { error: { code: 'internal_error', message: 'Internal server error' } });
    assert.equal(res.headers['access-control-allow-origin'], '*');
    assert.equal(res.headers['cache-control'], 'no-store');
    await app.close();
  });

  test('CORS preflight is answered for GET', async () => {
    const res = await server.get('/api/v1/entries', {
      method: 'OPTIONS',
      headers: { origin: 'https://example.org', 'access-control-request-method': 'GET' },
    });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
  });

  test('serves the widget build and demo pages with types and ETags', async () => {
    const js = await server.get('/dist/wsis-stocktaking.js');
    assert.equal(js.status, 200);
    assert.match(js.headers.get('content-type') ?? '', /javascript/);
    assert.ok(js.headers.get('etag'));
    assert.equal(await js.text(), 'export const x = 1;\n');
    const page = await server.get('/');
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
    const again = await server.get('/', { headers: { 'if-none-match': page.headers.get('etag')! } });
    assert.equal(again.status, 304);
  });

  test('HEAD works like GET without a body', async () => {
    const res = await server.get('/api/v1/health', { method: 'HEAD' });
    assert.equal(res.status, 200);
    assert.equal(await res.text(), '');
  });
});

describe('caching of the widget files', () => {
  test('content-hashed chunks are kept for a year unasked; the stub and pages are asked about each time', async () => {
    const chunk = await server.get('/dist/wsis-shared-Dz7YG6-H.js');
    assert.equal(chunk.status, 200);
    assert.equal(chunk.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    for (const path of ['/dist/wsis-stocktaking.js', '/wsis-page-Dz7YG6-H.js', '/index.html']) {
      const res = await server.get(path);
      assert.equal(res.status, 200, path);
      assert.equal(res.headers.get('cache-control'), 'public, max-age=0', path);
    }
  });
});
