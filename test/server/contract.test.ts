/** Answers at the edges of the contract: parser errors, methods, files, conditional requests, headers. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { startServer, tempDir, type Server } from './helpers.js';

let server: Server;
before(async () => {
  const statics = tempDir();
  mkdirSync(join(statics, 'dist', 'esm'), { recursive: true });
  mkdirSync(join(statics, 'demo'));
  writeFileSync(join(statics, 'dist', 'wsis-stocktaking.js'), 'export const x = 1;\n'.repeat(200));
  writeFileSync(join(statics, 'dist', '.secret'), 'secret');
  writeFileSync(join(statics, 'dist', 'wsis-stocktaking.js.map'), '{}');
  writeFileSync(join(statics, 'dist', 'esm', 'index.js'), 'export {};');
  writeFileSync(join(statics, 'demo', '.env'), 'SECRET=1');
  writeFileSync(join(statics, 'demo', 'index.html'), `<!doctype html><title>demo</title>${' '.repeat(2000)}\n`);
  server = await startServer(500, 7, {
    staticRoots: [
      { prefix: '/dist/', root: join(statics, 'dist'), hidden: /^\/esm\/|\.map$/ },
      { prefix: '/', root: join(statics, 'demo') },
    ],
  });
});
after(() => server.close());

/** Asserts the contract's error shape, with CORS and nosniff. */
async function expectError(res: Response, status: number, code: string) {
  assert.equal(res.status, status);
  assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
  assert.equal(res.headers.get('access-control-allow-origin'), '*');
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  const body = await res.json();
  assert.deepEqual(Object.keys(body), ['error']);
  assert.equal(body.error.code, code);
  assert.equal(typeof body.error.message, 'string');
}

/** Sends bytes fetch would refuse to send and parses the raw answer. */
function raw(request: string): Promise<{ status: number; headers: Map<string, string>; body: string }> {
  const { port } = new URL(server.base);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.end(Buffer.from(request, 'latin1')));
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString('utf8')));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head, body = ''] = text.split('\r\n\r\n');
      const [statusLine, ...lines] = head.split('\r\n');
      const headers = new Map(
        lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
      );
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body });
    });
  });
}

describe('dotfiles and private build files', () => {
  for (const path of [
    '/.env',
    '/%2eenv',
    '/%2Eenv',
    '/dist/.secret',
    '/dist/%2esecret',
    '/dist/esm/index.js',
    '/dist/wsis-stocktaking.js.map',
  ])
    test(`${path} is 404`, async () => expectError(await server.get(path), 404, 'not_found'));

  test('the public build is still served', async () => {
    assert.equal((await server.get('/dist/wsis-stocktaking.js')).status, 200);
  });
});

describe("Node's parser errors in the contract's shape, with CORS", () => {
  const cases: [string, string, number, string][] = [
    [
      'a URL over 16 kB',
      `GET /api/v1/entries?q=${'a'.repeat(20000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
      431,
      'request_header_fields_too_large',
    ],
    ['raw non-ASCII bytes', 'GET /api/v1/entries?q=\xff\xfe HTTP/1.1\r\nHost: x\r\n\r\n', 400, 'bad_request'],
    ['an unknown method', 'FOO /api/v1/entries HTTP/1.1\r\nHost: x\r\n\r\n', 501, 'not_implemented'],
  ];
  for (const [name, request, status, code] of cases) {
    test(name, async () => {
      const res = await raw(request);
      assert.equal(res.status, status);
      assert.equal(res.headers.get('access-control-allow-origin'), '*');
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
      const body = JSON.parse(res.body);
      assert.deepEqual(Object.keys(body), ['error']);
      assert.equal(body.error.code, code);
    });
  }
});

describe('statuses other than 400 keep their meaning', () => {
  test('a non-canonical static path is 403 forbidden', async () =>
    expectError(await server.get('/dist//wsis-stocktaking.js'), 403, 'forbidden'));

  test('an unsatisfiable Range is 416', async () =>
    expectError(
      await server.get('/dist/wsis-stocktaking.js', { headers: { range: 'bytes=99999-100000' } }),
      416,
      'range_not_satisfiable',
    ));

  for (const [method, body, type] of [
    ['PUT', '{}', 'application/json'],
    ['DELETE', '', undefined],
    ['PATCH', '{}', 'application/json'],
  ] as const) {
    test(`${method} /api/v1/entries${body ? ' with a body' : ''} is 405 with Allow`, async () => {
      const res = await server.get('/api/v1/entries', {
        method,
        body: body || undefined,
        headers: type ? { 'content-type': type } : {},
      });
      await expectError(res, 405, 'method_not_allowed');
      assert.equal(res.headers.get('allow'), 'GET, HEAD');
    });
  }
  // POST /entries creates an entry (docs/api.md, "Writing"): without an account it is refused.
  for (const [body, type] of [
    ['{"title":"x"}', 'application/json'],
    ['x=1', 'text/plain'],
    ['', undefined],
  ] as const) {
    test(`POST /api/v1/entries${body ? ` with a ${type} body` : ''} without an account is 401`, async () => {
      const res = await server.get('/api/v1/entries', {
        method: 'POST',
        body: body || undefined,
        headers: type ? { 'content-type': type } : {},
      });
      assert.equal(res.status, 401);
      assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'unauthorized');
    });
  }
});

describe('conditional requests', () => {
  for (const path of ['/api/v1/entries?q=health', '/api/v1/health', '/index.html', '/dist/wsis-stocktaking.js'])
    test(`If-None-Match: * is 304 for ${path}`, async () => {
      const res = await server.get(path, { headers: { 'if-none-match': '*', 'accept-encoding': 'gzip' } });
      assert.equal(res.status, 304);
      assert.equal(res.headers.get('content-encoding'), null);
    });

  test('If-None-Match: * on a missing entry is still 404', async () =>
    expectError(await server.get('/api/v1/entries/no-such', { headers: { 'if-none-match': '*' } }), 404, 'not_found'));

  test('a 304 names no Content-Encoding, whichever encoding the first answer had', async () => {
    const path = '/api/v1/entries?q=health&facets=sdg,country';
    const first = await server.get(path, { headers: { 'accept-encoding': 'br' } });
    assert.equal(first.headers.get('content-encoding'), 'br');
    for (const encoding of ['gzip', 'br', 'identity']) {
      const res = await server.get(path, {
        headers: { 'if-none-match': first.headers.get('etag')!, 'accept-encoding': encoding },
      });
      assert.equal(res.status, 304, encoding);
      assert.equal(res.headers.get('content-encoding'), null, encoding);
    }
  });
});

describe('query strings that are not UTF-8', () => {
  for (const qs of ['q=%ff%fe', 'q=%c0%ae', 'q=%', 'q=50%', 'organization=%e2%82', 'sort=%ff'])
    test(qs, async () => {
      await expectError(await server.get(`/api/v1/entries?${qs}`), 400, 'invalid_parameter');
    });

  test('the parameter is named', async () => {
    const res = await server.get('/api/v1/entries?q=%c0%ae');
    assert.equal((await res.json()).error.parameter, 'q');
  });

  test('unknown parameters are ignored, however they are spelled', async () => {
    assert.equal((await server.get('/api/v1/entries?%ff=1&utm=%c0%ae&=%')).status, 200);
  });

  test('well-formed encodings still decode (+ is a space)', async () => {
    const { body } = await server.json('/api/v1/entries?q=%C3%A9cole+rurale');
    assert.equal(typeof body.total, 'number');
  });
});

describe('country codes are case-insensitive, as docs/api.md says', () => {
  test('country=rw answers as country=RW', async () => {
    const lower = await server.json('/api/v1/entries?country=rw&facets=country');
    const upper = await server.json('/api/v1/entries?country=RW&facets=country');
    assert.equal(lower.status, 200);
    assert.deepEqual(lower.body, upper.body);
  });
});

describe('security headers', () => {
  test('nosniff on API answers, errors, files and pages', async () => {
    for (const path of [
      '/api/v1/entries?q=health',
      '/api/v1/health',
      '/api/v1/entries/nope',
      '/dist/wsis-stocktaking.js',
      '/',
      '/nope',
    ])
      assert.equal((await server.get(path)).headers.get('x-content-type-options'), 'nosniff', path);
  });

  test('the API may not be framed and loads nothing', async () => {
    const csp = (await server.get('/api/v1/health')).headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /frame-ancestors 'none'/);
  });

  test("demo pages carry the README's strict policy and may not be framed", async () => {
    const csp = (await server.get('/')).headers.get('content-security-policy') ?? '';
    for (const directive of [
      "script-src 'self'",
      "style-src 'self'",
      "connect-src 'self'",
      "worker-src 'self'",
      "img-src 'self'",
      "frame-ancestors 'none'",
      "require-trusted-types-for 'script'",
      'trusted-types lit-html wsis-stocktaking',
    ])
      assert.ok(csp.includes(directive), directive);
    assert.doesNotMatch(csp, /unsafe-(inline|eval)/);
  });

  test('widget scripts get no policy of their own (it would govern the static-mode worker)', async () => {
    assert.equal((await server.get('/dist/wsis-stocktaking.js')).headers.get('content-security-policy'), null);
  });
});
