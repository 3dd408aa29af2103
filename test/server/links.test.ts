import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { startLinkSites, type LinkSites } from '../../scripts/link-sites.js';
import { FAILURES_BEFORE_BROKEN } from '../../server/links/classify.js';
import type { ProbeOptions } from '../../server/links/probe.js';
import { checkLinks, type CheckOptions } from '../../server/links/run.js';
import type { LinkRow } from '../../server/links/store.js';
import { tempDir } from './helpers.js';
import { closedPort, FAST, linkDatabase, storedLinks } from './link-helpers.js';

const dir = tempDir();
after(() => rmSync(dir, { recursive: true, force: true }));
let sites: LinkSites;
before(async () => (sites = await startLinkSites()));
after(() => sites.close());

const database = (websites: (string | undefined)[]) => linkDatabase(dir, websites);
const stored = storedLinks;

async function check(websites: string[], options: Partial<CheckOptions> = {}, probe: Partial<ProbeOptions> = {}) {
  const { dbPath } = database(websites);
  const summary = await checkLinks({ dbPath, probe: { ...FAST, ...probe }, ...options });
  return { dbPath, summary, rows: stored(dbPath) };
}

describe('link classification', () => {
  let rows: Map<string, LinkRow>;
  const u = (host: string, path: string) => sites.url(host, path);
  let refused = '';
  const W = {
    ok: () => u('ok.test', '/ok/home'),
    headRefused: () => u('head.test', '/head-refused/405'),
    moved: () => u('moved.test', `/redirect/301?to=${encodeURIComponent('/ok/new-home')}`),
    moved308: () => u('moved308.test', `/redirect/308?to=${encodeURIComponent(u('other.test', '/ok/x'))}`),
    chain: () => u('chain.test', '/chain/4'),
    temporary: () => u('temp.test', `/redirect/302?to=${encodeURIComponent('/ok/today')}`),
    permThenTemp: () =>
      u('mixed.test', `/redirect/301?to=${encodeURIComponent(`/redirect/302?to=${encodeURIComponent('/ok/b')}`)}`),
    notFound: () => u('nf.test', '/status/404'),
    gone: () => u('gone.test', '/status/410'),
    dns: () => u('no-such-site.invalid', '/ok'),
    refused: () => refused,
    serverError: () => u('err.test', '/status/503'),
    hang: () => u('hang.test', '/hang'),
    slow: () => u('slow.test', '/slow/8000'),
    slowButFine: () => u('slowish.test', '/slow/50'),
    loop: () => u('loop.test', '/loop/a'),
    tooMany: () => u('long.test', '/chain/14'),
    parkedPage: () => u('parked.test', '/parked'),
    rootRedirect: () => u('home.test', '/redirect/301?to=%2F'),
    parkingHost: () => u('sold.test', `/redirect/302?to=${encodeURIComponent(u('www.sedoparking.com', '/'))}`),
    huge: () => u('huge.test', '/huge'),
    forbidden: () => u('robots.test', '/status/403'),
  };

  before(async () => {
    refused = `http://127.0.0.1:${await closedPort()}/`;
    ({ rows } = await check(Object.values(W).map((f) => f())));
  });
  const row = (k: keyof typeof W) => {
    const r = rows.get(W[k]());
    assert.ok(r, `no result for ${k}`);
    return r;
  };

  test('a page that answers 200 is ok', () => {
    assert.equal(row('ok').status, 'ok');
    assert.equal(row('ok').code, 200);
    assert.equal(row('ok').finalUrl, W.ok());
    assert.equal(row('ok').failures, 0);
  });

  test('HEAD refused with 405: asked again with GET, ok', () => {
    assert.equal(row('headRefused').status, 'ok');
    const seen = sites.requests.filter((r) => r.host.startsWith('head.test')).map((r) => r.method);
    assert.deepEqual(seen, ['HEAD', 'GET']);
  });

  test('a permanent redirect proposes the new URL', () => {
    assert.equal(row('moved').status, 'redirected');
    assert.equal(row('moved').proposedUrl, u('moved.test', '/ok/new-home'));
    assert.equal(row('moved308').status, 'redirected');
    assert.equal(row('moved308').proposedUrl, u('other.test', '/ok/x'));
  });

  test('a chain of permanent redirects proposes its end', () => {
    assert.equal(row('chain').status, 'redirected');
    assert.equal(row('chain').finalUrl, u('chain.test', '/chain/0'));
    assert.equal(row('chain').proposedUrl, u('chain.test', '/chain/0'));
  });

  test('a temporary redirect to a working page is ok', () => {
    assert.equal(row('temporary').status, 'ok');
    assert.equal(row('temporary').finalUrl, u('temp.test', '/ok/today'));
    assert.equal(row('temporary').proposedUrl, null);
  });

  test('after a permanent then a temporary redirect, only the permanent target is proposed', () => {
    assert.equal(row('permThenTemp').status, 'redirected');
    assert.equal(row('permThenTemp').proposedUrl, u('mixed.test', `/redirect/302?to=${encodeURIComponent('/ok/b')}`));
    assert.equal(row('permThenTemp').finalUrl, u('mixed.test', '/ok/b'));
  });

  test('404 and 410 are broken at once', () => {
    for (const k of ['notFound', 'gone'] as const) {
      assert.equal(row(k).status, 'broken', k);
      assert.equal(row(k).failures, 1);
    }
    assert.equal(row('notFound').code, 404);
    assert.equal(row('gone').code, 410);
  });

  test('a name that does not resolve is broken (stub resolver, no real DNS)', () => {
    assert.equal(row('dns').status, 'broken');
    assert.match(row('dns').detail, /^dns: /);
    assert.equal(row('dns').code, null);
  });

  test('a refused connection is broken', () => {
    assert.equal(row('refused').status, 'broken');
    assert.match(row('refused').detail, /^refused: /);
  });

  test('5xx is temporarily failing', () => {
    assert.equal(row('serverError').status, 'failing');
    assert.equal(row('serverError').code, 503);
    assert.equal(row('serverError').failures, 1);
  });

  test('a server that never answers, and one slower than the timeout, are failing (timeout)', () => {
    for (const k of ['hang', 'slow'] as const) {
      assert.equal(row(k).status, 'failing', k);
      assert.match(row(k).detail, /^timeout: /, k);
    }
  });

  test('a slow server within the timeout is ok', () => {
    assert.equal(row('slowButFine').status, 'ok');
  });

  test('a redirect loop is detected and broken', () => {
    assert.equal(row('loop').status, 'broken');
    assert.match(row('loop').detail, /^loop: /);
    // a → b → a: two requests, then the loop is seen without asking again.
    assert.equal(sites.requests.filter((r) => r.host.startsWith('loop.test')).length, 2);
  });

  test('more redirects than the limit: broken, and the chain is not followed further', () => {
    assert.equal(row('tooMany').status, 'broken');
    assert.match(row('tooMany').detail, /^too-many-redirects: /);
    assert.equal(sites.requests.filter((r) => r.host.startsWith('long.test')).length, 11);
  });

  test('parked: a page with parking phrases, a deep link sent to the root, a redirect to a parking host', () => {
    assert.equal(row('parkedPage').status, 'parked');
    assert.equal(row('parkedPage').detail, 'parking page');
    assert.equal(row('rootRedirect').status, 'parked');
    assert.equal(row('rootRedirect').detail, 'deep link redirected to the site root');
    assert.equal(row('parkingHost').status, 'parked');
    assert.equal(row('parkingHost').detail, 'parking host');
  });

  test('a huge body is not read: the check ends and the server could send only a sliver of it', () => {
    assert.equal(row('huge').status, 'ok');
    assert.ok(sites.hugeBytesSent() < 64 * 1024 * 1024, `server wrote ${sites.hugeBytesSent()} bytes`);
  });

  test('403 (robots kept out) counts as a site that is there', () => {
    assert.equal(row('forbidden').status, 'ok');
    assert.equal(row('forbidden').code, 403);
  });

  test('every request names the project and a URL in its User-Agent', () => {
    assert.ok(sites.requests.length > 20);
    for (const r of sites.requests) assert.match(r.userAgent, /^WSIS-Stocktaking-link-checker\/[\d.]+ \(\+https:\/\//);
  });
});

describe('temporary failures', () => {
  test(`become broken after ${FAILURES_BEFORE_BROKEN} consecutive failed runs, and recover at once`, async () => {
    // HEAD and the GET after it fail in each run: 2 requests per run.
    const flaky = sites.url('flaky.test', `/flaky/a?fail=${2 * FAILURES_BEFORE_BROKEN}`);
    const { dbPath } = database([flaky]);
    const seen: [string, number][] = [];
    for (let run = 0; run <= FAILURES_BEFORE_BROKEN; run++) {
      await checkLinks({ dbPath, probe: FAST });
      const row = stored(dbPath).get(flaky)!;
      seen.push([row.status, row.failures]);
    }
    assert.deepEqual(seen, [
      ...Array.from({ length: FAILURES_BEFORE_BROKEN - 1 }, (_, i) => ['failing', i + 1]),
      ['broken', FAILURES_BEFORE_BROKEN],
      ['ok', 0],
    ]);
  });
});

describe('429 and Retry-After', () => {
  test('the host is left alone for the time asked, then the page is checked again', async () => {
    const busy = sites.url('busy.test', '/busy/k?after=1');
    const others = Array.from({ length: 4 }, (_, i) => sites.url('busy.test', `/ok/${i}`));
    const { rows } = await check([busy, ...others], {}, { responseTimeoutMs: 5000 });
    assert.equal(rows.get(busy)!.status, 'ok');
    const log = sites.requests.filter((r) => r.host.startsWith('busy.test'));
    const first = log.findIndex((r) => r.path.startsWith('/busy/'));
    const retry = log.findLastIndex((r) => r.path.startsWith('/busy/'));
    assert.ok(retry > first, 'asked again after the 429');
    // Nothing went to the host between the 429 and the time Retry-After named (1 s, with 50 ms of clock slack).
    const limit = log[first].at + 950;
    const during = log.filter((r) => r.at > log[first].at && r.at < limit);
    assert.deepEqual(during, []);
    assert.ok(log[retry].at >= limit);
    for (const o of others) assert.equal(rows.get(o)!.status, 'ok');
  });
});
