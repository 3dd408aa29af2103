import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startLinkSites, type LinkSites } from '../../scripts/link-sites.js';
import { checkLinks, type Progress } from '../../server/links/run.js';
import { openLinkStore } from '../../server/links/store.js';
import { tempDir } from './helpers.js';
import { FAST, linkDatabase, storedLinks } from './link-helpers.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dir = tempDir();
after(() => rmSync(dir, { recursive: true, force: true }));
let sites: LinkSites;
before(async () => (sites = await startLinkSites()));
after(() => sites.close());

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], onStart?: (child: ChildProcess) => void): Promise<Exit> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/links/cli.ts', ...args], { cwd: ROOT });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  onStart?.(child);
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
}

const until = async (condition: () => boolean) => {
  while (!condition()) await new Promise((r) => setTimeout(r, 10));
};

describe('per-host limit', () => {
  test('never more than 2 requests at a time to one host, redirect targets included', async () => {
    const websites = [
      ...Array.from({ length: 16 }, (_, i) => sites.url('a.test', `/slow/60?a=${i}`)),
      ...Array.from({ length: 16 }, (_, i) => sites.url('b.test', `/slow/60?b=${i}`)),
      // Each of these goes to its own host first, then all land on d.test.
      ...Array.from({ length: 12 }, (_, i) =>
        sites.url(`c${i}.test`, `/redirect/302?to=${encodeURIComponent(sites.url('d.test', `/slow/60?d=${i}`))}`),
      ),
    ];
    const { dbPath } = linkDatabase(dir, websites);
    await checkLinks({ dbPath, probe: { ...FAST, concurrency: 16 } });
    const peaks = Object.fromEntries(sites.peak);
    for (const [host, peak] of sites.peak) assert.ok(peak <= 2, `${host}: ${peak} at once`);
    // The limit was reached (so the test measures it), and other hosts ran beside it.
    for (const host of ['a.test', 'b.test', 'd.test']) assert.equal(peaks[`${host}:${sites.port}`], 2, host);
    assert.ok(sites.peakTotal() > 2, `total peak ${sites.peakTotal()}`);
    assert.equal(storedLinks(dbPath).size, websites.length);
  });
});

describe('resuming', () => {
  /** Entries on 127.0.0.1 (no name to resolve), each with its own path, answered slowly. */
  const websites = (tag: string, n: number) =>
    Array.from({ length: n }, (_, i) => `http://127.0.0.1:${sites.port}/slow/40?${tag}=${i}`);
  const seenPaths = (tag: string) => sites.requests.filter((r) => r.path.includes(`?${tag}=`)).map((r) => r.path);

  async function interrupted(tag: string, signal: NodeJS.Signals) {
    const list = websites(tag, 40);
    const { dbPath } = linkDatabase(dir, list);
    const first = await cli(['--db', dbPath], (child) => {
      void until(() => seenPaths(tag).length >= 10).then(() => child.kill(signal));
    });
    const afterFirst = new Set(
      [...storedLinks(dbPath).keys()].map((url) => new URL(url).pathname + new URL(url).search),
    );
    const requestedFirst = seenPaths(tag).length;
    const second = await cli(['--db', dbPath]);
    return { list, dbPath, first, second, afterFirst, requestedFirst };
  }

  test('SIGTERM mid-run stores the checks under way; the rerun checks the rest, none twice', async () => {
    const { list, dbPath, first, second, afterFirst, requestedFirst } = await interrupted('t', 'SIGTERM');
    assert.equal(first.code, 1, first.stderr);
    assert.match(first.stderr, /Interrupted: \d+ left; run the same command again to continue/);
    assert.ok(afterFirst.size >= 10 && afterFirst.size < 40, `${afterFirst.size} stored by the first run`);
    // Everything the first run asked about, it stored.
    assert.equal(afterFirst.size, requestedFirst);
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stderr, /Resumed run 1 /);
    const paths = seenPaths('t');
    assert.equal(paths.length, 40, 'each website asked once over both runs');
    assert.equal(new Set(paths).size, 40);
    const rows = storedLinks(dbPath);
    assert.deepEqual([...rows.keys()].sort(), [...list].sort());
    assert.ok([...rows.values()].every((r) => r.run === 1 && r.status === 'ok'));
    const db = openLinkStore(dbPath);
    const runs = db.prepare('SELECT id, finished FROM link_runs').all() as { id: number; finished: string | null }[];
    db.close();
    assert.equal(runs.length, 1);
    assert.ok(runs[0].finished);
  });

  test('SIGKILL mid-run: what was stored is not checked again, and the rerun finishes the rest', async () => {
    const { list, dbPath, first, second, afterFirst, requestedFirst } = await interrupted('k', 'SIGKILL');
    assert.equal(first.signal, 'SIGKILL');
    assert.ok(afterFirst.size < 40);
    assert.equal(second.code, 0, second.stderr);
    const secondRun = seenPaths('k').slice(requestedFirst);
    for (const p of secondRun) assert.ok(!afterFirst.has(p), `${p} was stored, then asked again`);
    // Only what the first run had not stored (at most one unwritten batch plus the requests under way).
    assert.equal(secondRun.length, 40 - afterFirst.size);
    assert.equal(storedLinks(dbPath).size, list.length);
  });
});

describe('runs', () => {
  test('progress is reported while a run goes on', async () => {
    const list = Array.from({ length: 24 }, (_, i) => sites.url(`p${i}.test`, '/slow/40'));
    const { dbPath } = linkDatabase(dir, list);
    const seen: Progress[] = [];
    await checkLinks({
      dbPath,
      probe: { ...FAST, concurrency: 2 },
      progressEveryMs: 50,
      onProgress: (p) => seen.push(p),
    });
    assert.ok(seen.length >= 3, `${seen.length} reports`);
    assert.ok(
      seen.some((p) => p.done > 0 && p.done < 24),
      'a report in the middle',
    );
    for (let i = 1; i < seen.length; i++) assert.ok(seen[i].done >= seen[i - 1].done);
    assert.deepEqual(
      { ...seen.at(-1)!, rate: 0, etaSeconds: 0 },
      {
        done: 24,
        total: 24,
        counts: { ok: 24, redirected: 0, broken: 0, failing: 0, parked: 0 },
        rate: 0,
        etaSeconds: 0,
      },
    );
  });

  test('--only-older-than: recent results are kept, old ones checked again', async () => {
    const list = [sites.url('o1.test', '/ok'), sites.url('o2.test', '/ok'), undefined];
    const { dbPath } = linkDatabase(dir, list);
    const day = 86_400_000;
    const t0 = Date.parse('2026-01-01T00:00:00Z');
    const run = (days: number) =>
      checkLinks({ dbPath, probe: FAST, olderThanMs: 30 * day, now: () => new Date(t0 + days * day) });
    assert.equal((await run(0)).checked, 2);
    assert.equal((await run(10)).checked, 0);
    const late = await run(31);
    assert.equal(late.checked, 2);
    assert.ok([...storedLinks(dbPath).values()].every((r) => r.checked === new Date(t0 + 31 * day).toISOString()));
  });

  test('a changed website is checked again and its old failures forgotten', async () => {
    const { dbPath } = linkDatabase(dir, [sites.url('x.test', '/status/503')]);
    await checkLinks({ dbPath, probe: FAST });
    const db = openLinkStore(dbPath);
    const newUrl = sites.url('y.test', '/status/503');
    db.prepare(`UPDATE entries SET meta = json_set(meta, '$.website', ?)`).run(newUrl);
    db.close();
    const summary = await checkLinks({ dbPath, probe: FAST, olderThanMs: 30 * 86_400_000 });
    assert.equal(summary.checked, 1);
    const rows = storedLinks(dbPath);
    assert.deepEqual([...rows.keys()], [newUrl]);
    assert.equal(rows.get(newUrl)!.failures, 1);
  });
});

describe('check-links command', () => {
  test('--report prints counts per class and per organization and writes a CSV', async () => {
    const list = [sites.url('r1.test', '/ok'), sites.url('r2.test', '/status/404'), sites.url('r3.test', '/parked')];
    const { dbPath, ids } = linkDatabase(dir, [...list, undefined]);
    await checkLinks({ dbPath, probe: FAST });
    const csvPath = join(dir, 'report.csv');
    const { code, stdout } = await cli(['--report', '--db', dbPath, '--csv', csvPath]);
    assert.equal(code, 0);
    assert.match(stdout, /^Websites: 3$/m);
    for (const [status, n] of [
      ['ok', 1],
      ['broken', 1],
      ['parked', 1],
      ['failing', 0],
      ['redirected', 0],
    ] as const) {
      assert.match(stdout, new RegExp(`^  ${status} +${n} `, 'm'));
    }
    assert.match(stdout, /Per organization/);
    const csv = readFileSync(csvPath, 'utf8')
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    assert.equal(csv[0], 'organization,id,title,website,status,code,finalUrl,proposedUrl,checked,failures,detail');
    assert.equal(csv.length, 4);
    const broken = csv.find((line) => line.includes(',broken,'))!;
    assert.ok(broken.includes(ids[1]) && broken.includes(',404,'));
  });

  test('bad options and a missing database get a clear message and no stack trace', async () => {
    for (const [args, message] of [
      [['--concurrency', '0'], /--concurrency must be a whole number from 1 to 1000/],
      [['--only-older-than', '30x'], /--only-older-than takes a number and a unit/],
      [['--db', join(dir, 'missing.db')], /check-links: unable to open database file|does not exist/],
    ] as const) {
      const { code, stderr } = await cli([...args]);
      assert.equal(code, 1, stderr);
      assert.match(stderr, message);
      assert.doesNotMatch(stderr, /\n\s+at /);
    }
  });
});
