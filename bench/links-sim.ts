/**
 * The link checker against 20,000 simulated sites on this machine: `npm run bench:links` (or the `links`
 * section of `npm run bench -- --only links`). A child process builds the database and serves the sites
 * (scripts/link-sites.ts) with 20–300 ms of latency; this process runs the checker, so its peak RSS is the
 * checker's own. Prints progress, the operator report, the duration and the peak RSS.
 * Flags: --entries N (20000), --concurrency N (the checker's default), --json (figures only, on stdout).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createServer } from 'node:net';
import { generateEntries } from '../scripts/sample/generate.js';
import { startLinkSites, stubLookup } from '../scripts/link-sites.js';
import { writeDatabase } from '../server/db.js';
import type { LinkStatus } from '../server/links/classify.js';
import { DEFAULT_PROBE_OPTIONS } from '../server/links/probe.js';
import { buildReport, formatReport } from '../server/links/report.js';
import { checkLinks } from '../server/links/run.js';
import { openLinkStore } from '../server/links/store.js';

export interface LinksBenchFigures {
  entries: number;
  websites: number;
  concurrency: number;
  seconds: number;
  perSecond: number;
  peakRssMb: number;
  peakRequests: number;
  counts: Record<LinkStatus, number>;
  report: string;
}

/** What each share of the simulated sites does (fractions of the entries with a website). */
const MIX: [number, (i: number) => [host: string, path: string]][] = [
  [0.05, (i) => [`s${i}.sim.test`, '/status/404']],
  [0.01, (i) => [`s${i}.sim.test`, '/status/410']],
  [0.03, (i) => [`s${i}.sim.invalid`, '/']],
  [0.005, () => ['refused', '/']],
  [0.03, (i) => [`s${i}.sim.test`, '/status/503']],
  [0.0025, (i) => [`s${i}.sim.test`, '/hang']],
  [0.06, (i) => [`s${i}.sim.test`, `/redirect/301?to=${encodeURIComponent(`/ok/new/${i}`)}`]],
  [0.01, (i) => [`s${i}.sim.test`, '/chain/3']],
  [0.04, (i) => [`s${i}.sim.test`, `/redirect/302?to=${encodeURIComponent(`/ok/today/${i}`)}`]],
  [0.005, (i) => [`s${i}.sim.test`, '/loop/a']],
  [0.02, (i) => [`s${i}.sim.test`, '/head-refused/405']],
  [0.02, (i) => [`s${i}.sim.test`, '/parked']],
  [0.01, (i) => [`s${i}.sim.test`, '/redirect/301?to=%2F']],
  [0.005, (i) => [`s${i}.sim.test`, `/busy/${i}?after=1`]],
  // One in ten shares one of 20 big hosts (an agency's own site): the per-host limit at work.
  [0.1, (i) => [`org${i % 20}.sim.test`, `/ok/projects/${i}`]],
];

function siteFor(i: number, n: number): [string, string] {
  let edge = 0;
  const x = ((i * 7919) % n) / n; // spread each kind over the whole list
  for (const [share, make] of MIX) {
    edge += share;
    if (x < edge) return make(i);
  }
  return [`s${i}.sim.test`, `/ok/projects/${i}`];
}

/** Child: build the database, serve the sites, print {port, dbPath}; exits when stdin closes. */
async function serve(entries: number): Promise<void> {
  const sites = await startLinkSites({
    quiet: true,
    latency: (path) => 20 + ([...path].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7) % 281),
  });
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const refusedPort = (closed.address() as { port: number }).port;
  await new Promise((resolve) => closed.close(resolve));
  const dir = mkdtempSync(join(tmpdir(), 'wsis-links-bench-'));
  const dbPath = join(dir, 'links.db');
  // Every entry gets a website here, so N entries are N sites.
  const list = generateEntries(entries, 1).map((e, i) => {
    const [host, path] = siteFor(i, entries);
    return { ...e, website: host === 'refused' ? `http://127.0.0.1:${refusedPort}${path}` : sites.url(host, path) };
  });
  writeDatabase(list, dbPath);
  process.stdout.write(JSON.stringify({ port: sites.port, dbPath }) + '\n');
  process.stdin.resume();
  process.stdin.on('end', () => {
    void sites.close().then(() => {
      rmSync(dir, { recursive: true, force: true });
      process.exit(0);
    });
  });
}

const SELF = fileURLToPath(import.meta.url);

/** Runs the whole bench in a fresh process (so RSS is this run's) and returns its figures. */
export function runLinksBench(
  options: { entries?: number; log?: (line: string) => void } = {},
): Promise<LinksBenchFigures> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', SELF, '--json', '--entries', String(options.entries ?? 20000)],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d: Buffer) =>
    String(d)
      .trimEnd()
      .split('\n')
      .forEach((l) => options.log?.(`[links] ${l}`)),
  );
  return new Promise((resolve, reject) =>
    child.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`links bench exited ${code}`)),
    ),
  );
}

export function formatLinksBench(f: LinksBenchFigures): string[] {
  return [
    `  ${f.websites} websites (${f.entries} entries), concurrency ${f.concurrency}, 2 per host, 20–300 ms latency`,
    `  run: ${f.seconds.toFixed(1)} s (${f.perSecond.toFixed(0)} checks/s), peak RSS ${f.peakRssMb.toFixed(0)} MB, peak requests in flight ${f.peakRequests}`,
    ...f.report.split('\n').map((l) => `  ${l}`),
  ];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      entries: { type: 'string', default: '20000' },
      concurrency: { type: 'string' },
      json: { type: 'boolean', default: false },
      serve: { type: 'boolean', default: false },
    },
  });
  const entries = Number(values.entries);
  if (values.serve) return serve(entries);
  const log = (line: string) => process.stderr.write(line + '\n');
  const sim = spawn(process.execPath, ['--import', 'tsx', SELF, '--serve', '--entries', String(entries)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const { dbPath } = await new Promise<{ dbPath: string }>((resolve, reject) => {
    let buffer = '';
    sim.stdout!.on('data', (d) => {
      buffer += d;
      if (buffer.includes('\n')) resolve(JSON.parse(buffer));
    });
    sim.on('close', (code) => reject(new Error(`the simulated sites exited ${code}`)));
  });
  try {
    const concurrency = values.concurrency ? Number(values.concurrency) : DEFAULT_PROBE_OPTIONS.concurrency;
    log(`checking ${entries} entries' websites against the simulation (concurrency ${concurrency}) ...`);
    const summary = await checkLinks({
      dbPath,
      probe: { lookup: stubLookup, concurrency },
      progressEveryMs: 10_000,
      onProgress: (p) =>
        log(`checked ${p.done}/${p.total}, ${p.rate.toFixed(0)}/s, about ${Math.ceil(p.etaSeconds)} s left`),
    });
    const db = openLinkStore(dbPath);
    const report = formatReport(buildReport(db), 10);
    db.close();
    const figures: LinksBenchFigures = {
      entries,
      websites: summary.total,
      concurrency,
      seconds: summary.seconds,
      perSecond: summary.checked / summary.seconds,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      peakRequests: summary.peakRequests,
      counts: summary.counts,
      report,
    };
    if (values.json) process.stdout.write(JSON.stringify(figures) + '\n');
    else console.log(formatLinksBench(figures).join('\n'));
  } finally {
    sim.stdin!.end();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
