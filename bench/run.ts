/**
 * `npm run bench`: every bench in one run, printed as one table and written to bench/results.json.
 * Flags: --quick (fewer rounds and keys: a smoke run), --only sizes,memory,server,map,startup,typing,search,links,relevance,
 * --build (rebuild dist/ first).
 * Every count is run in full; there is no time budget. Sizes, the timed sections, then memory (heap, not
 * time) run one after another, never side by side. One Chromium serves every timed browser section.
 * A full run must end within 10 minutes on 2 cores: when it does not, the table says so and the exit code is 1.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { CHROMIUM_PATH, launchChromium } from '../scripts/chromium.js';
import { INITIAL_BUDGET_KB, type ViteManifest } from '../scripts/size.js';
import { benchApi, database, databaseInChild, type ApiBenchRow } from './api.js';
import { benchMap, type MapBenchResult } from './map.js';
import { formatMemory, benchMemory, type MemoryRow } from './memory.js';
import { formatLinksBench, runLinksBench, type LinksBenchFigures } from './links-sim.js';
import { benchRelevance, formatRelevance, type RelevanceRow } from './relevance/measure.js';
import { formatSearchBench, runSearchBench, type SearchBenchFigures } from './search.js';
import { benchSizes, formatSizes, type SizesResult } from './sizes.js';
import { benchStartup, formatStartup, writePages, type StartupFigures } from './startup.js';
import { kb, ms, ratio, table } from './table.js';
import {
  API_SIZES,
  benchTyping,
  formatTyping,
  preparePagefind,
  rowName,
  writeStaticData,
  type TypingRow,
} from './typing.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
/** Sections, one after another; memory runs last. */
const SECTIONS = ['sizes', 'memory', 'server', 'map', 'startup', 'typing', 'search', 'links', 'relevance'] as const;
type Section = (typeof SECTIONS)[number];
/**
 * Not in the default run: the static engine alone (with the `includes` floor and fuse.js), and the link
 * checker against simulated sites, on request.
 */
const OPT_IN: Section[] = ['search', 'links'];
/** What a full run may take on 2 cores. */
const LIMIT_MS = 600_000;

const log = (line: string) => process.stderr.write(line + '\n');

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    build: { type: 'boolean', default: false },
  },
});
const quick = values.quick!;
const only = values.only?.split(',').map((s) => s.trim()) as Section[] | undefined;
const unknown = only?.filter((s) => !SECTIONS.includes(s));
if (unknown?.length) {
  log(`unknown section(s): ${unknown.join(', ')}; choose from ${SECTIONS.join(', ')}`);
  process.exit(2);
}
const selected = SECTIONS.filter((s) => (only ? only.includes(s) : !OPT_IN.includes(s)));

const started = Date.now();
const loadStart = loadavg();

// Section code logs with console.log; stdout carries only the table.
const stdoutLog = console.log;
console.log = (...args: unknown[]) => console.error(...args);

/** The stub, the npm build, and every file of the script build (dist/.vite/manifest.json lists them). */
function missingIn(dir: string): string[] {
  if (!existsSync(join(dir, 'wsis-stocktaking.js'))) return ['wsis-stocktaking.js'];
  const manifest = join(dir, '.vite', 'manifest.json');
  if (!existsSync(manifest)) return ['.vite/manifest.json'];
  const chunks = Object.values(JSON.parse(readFileSync(manifest, 'utf8')) as ViteManifest);
  const files = new Set(chunks.flatMap((c) => [c.file, ...((c as { assets?: string[] }).assets ?? [])]));
  return ['esm/index.js', ...files].filter((f) => !existsSync(join(dir, f)));
}

function run(cmd: string, args: string[]): boolean {
  const result = spawnSync(cmd, args, { cwd: ROOT, stdio: ['ignore', 2, 2] });
  return result.status === 0;
}

/**
 * A private copy of dist/, so a rebuild elsewhere cannot change files mid-run. Runs `npm run build`
 * when files are missing, and once more if a concurrent clean took files away while copying.
 */
function prepareDist(): string {
  let copy = '';
  for (let attempt = 0; attempt < 2; attempt++) {
    if (attempt > 0 || values.build || missingIn(DIST).length) {
      log(
        values.build && !attempt
          ? 'building (--build) ...'
          : `dist/ lacks ${missingIn(DIST).join(', ')}: npm run build ...`,
      );
      if (!run('npm', ['run', 'build'])) log('npm run build failed');
    }
    if (copy) rmSync(copy, { recursive: true, force: true });
    copy = mkdtempSync(join(tmpdir(), 'wsis-bench-dist-'));
    try {
      if (existsSync(DIST)) cpSync(DIST, copy, { recursive: true, preserveTimestamps: true });
    } catch {
      // A file vanished while copying.
    }
    if (!missingIn(copy).length) return copy;
  }
  throw new Error(`dist/ still lacks ${missingIn(copy).join(', ')} after npm run build`);
}

interface Figures {
  sizes?: SizesResult;
  server?: ApiBenchRow[];
  map?: MapBenchResult;
  startup?: StartupFigures;
  typing?: TypingRow[];
  memory?: MemoryRow[];
  search?: SearchBenchFigures;
  links?: LinksBenchFigures;
  relevance?: RelevanceRow[];
}
/** Server CPU ms per query at p95, measured one query at a time with caches off (bench/api.ts). */
function cpuP95(row: ApiBenchRow): number | undefined {
  const p95 = row.cpuMsPerQuery?.p95;
  return typeof p95 === 'number' && Number.isFinite(p95) ? p95 : undefined;
}

const figures: Figures = {};
const problems: Partial<Record<Section, string>> = {};

// The relevance section runs the engines in process: alone, it needs no build.
const distDir = selected.some((s) => s !== 'relevance') ? prepareDist() : '';
const distBuilt = distDir ? statSync(join(distDir, 'wsis-stocktaking.js')).mtime : undefined;
const site = mkdtempSync(join(tmpdir(), 'wsis-bench-site-'));
mkdirSync(site, { recursive: true });
writePages(site);

// Shared inputs first, so no section pays for them inside its figures: the sample databases (cached
// under data/bench/) and the static data files. A missing 100k database is built in a child process
// while sizes and memory run, and waited for before the timed sections.
const pending: Promise<unknown>[] = [];
{
  const t0 = Date.now();
  const sizes = new Set<number>();
  if (selected.some((s) => s === 'memory' || s === 'startup' || s === 'typing')) sizes.add(20000);
  if (selected.includes('server')) for (const n of quick ? [20000] : [20000, 100000]) sizes.add(n);
  if (selected.includes('typing')) for (const n of API_SIZES) sizes.add(n);
  for (const n of [...sizes].sort((a, b) => a - b)) {
    if (n <= 20000) database(n, log);
    else {
      const built = databaseInChild(n);
      // Awaited (and thrown) before the timed sections; this only keeps an early failure from crashing the run.
      built.catch(() => undefined);
      pending.push(built);
    }
  }
  if (selected.includes('typing') || selected.includes('memory')) writeStaticData(site);
  if (selected.includes('typing')) preparePagefind(site, log);
  log(`[prepare] ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

/** One Chromium for the timed browser sections, launched again if it went away. */
let shared: Browser | undefined;
async function browser(): Promise<Browser> {
  if (!shared?.isConnected()) shared = await launchChromium();
  return shared;
}

async function runSection(section: Section): Promise<void> {
  const t0 = Date.now();
  log(`[${section}] ...`);
  try {
    switch (section) {
      case 'sizes':
        figures.sizes = await benchSizes({ distDir });
        break;
      case 'server':
        figures.server = await benchApi({
          duration: 2,
          rounds: quick ? 1 : 3,
          sizes: quick ? [20000] : [20000, 100000],
        });
        break;
      case 'map':
        figures.map = await benchMap({ entries: 20000, rounds: quick ? 5 : 15, distDir, browser: await browser() });
        break;
      case 'startup':
        figures.startup = await benchStartup({ distDir, site, runs: quick ? 5 : 20, browser: await browser() });
        break;
      case 'typing':
        figures.typing = await benchTyping({ distDir, site, quick, browser: await browser(), log });
        break;
      case 'memory':
        figures.memory = await benchMemory({
          distDir,
          site,
          short: quick ? 50 : 100,
          long: quick ? 150 : 1000,
          log,
        });
        break;
      case 'search':
        figures.search = await runSearchBench({ browser: await browser(), log });
        break;
      case 'links':
        figures.links = await runLinksBench({ entries: quick ? 2000 : 20000, log });
        break;
      case 'relevance':
        figures.relevance = await benchRelevance();
        break;
    }
  } catch (error) {
    problems[section] = `failed: ${(error as Error)?.stack ?? error}`;
    log(`[${section}] ${problems[section]}`);
  }
  seconds[section] = Math.round((Date.now() - t0) / 1000);
  log(`[${section}] ${seconds[section]} s`);
}

const seconds: Partial<Record<Section, number>> = {};
// Memory measures heap, not time, and runs last, alone: run beside the timed sections, even at low
// priority, its browser took their CPU on 2 cores (start-up p50 2.8× slower, the server at half its
// rate in the same run).
if (selected.includes('sizes')) await runSection('sizes');
{
  const t0 = Date.now();
  await Promise.all(pending);
  if (Date.now() - t0 > 1000) log(`[prepare] waited ${((Date.now() - t0) / 1000).toFixed(0)} s for the databases`);
}
const timed = selected.filter((s) => s !== 'memory' && s !== 'sizes');
for (const section of timed) await runSection(section);
await shared?.close();
if (selected.includes('memory')) await runSection('memory');

rmSync(site, { recursive: true, force: true });
if (distDir) rmSync(distDir, { recursive: true, force: true });

// ---- The table ----

const runtime = (Date.now() - started) / 1000;
const overLimit = !quick && !only && runtime * 1000 > LIMIT_MS;
const loadEnd = loadavg();
const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
const chromium = spawnSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8' }).stdout?.trim() ?? '?';
const lines: string[] = [
  `WSIS Stocktaking widget bench, ${new Date(started).toISOString()}, ${quick ? 'QUICK run (fewer rounds)' : 'full run'}${only ? `, only ${only.join(',')}` : ''}`,
  `machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), node ${process.version}, ${chromium}`,
  `loadavg 1/5/15 min: start ${load(loadStart)}, end ${load(loadEnd)}; runtime ${Math.floor(runtime / 60)} min ${Math.round(runtime % 60)} s` +
    (overLimit ? ` — OVER the ${LIMIT_MS / 60000} min limit` : ''),
  `section seconds: ${selected.map((s) => `${s} ${seconds[s] ?? '–'}`).join(', ')}; memory runs last, alone`,
  `measured build: ${distBuilt ? `dist/wsis-stocktaking.js of ${distBuilt.toISOString()}` : 'none (no section needs one)'}`,
];

function section(title: string, key: Section, body: () => string[]) {
  if (!selected.includes(key)) return;
  lines.push('', `== ${title} ==`);
  if (problems[key] && !figures[key]) lines.push(`  ${problems[key]!.split('\n')[0]}`);
  else lines.push(...body());
}

section('Bundle (gzip -9, brotli 11; peers from node_modules, same run)', 'sizes', () => formatSizes(figures.sizes!));

section('Server (bench/api.ts: autocannon, 10 connections, gzip, rounds of 2 s)', 'server', () => {
  const rows = figures.server!;
  const off = (r: ApiBenchRow) => rows.find((o) => o.entries === r.entries && o.caches === 'off');
  return table(
    [
      'entries',
      'caches',
      'req/s p50',
      'rounds min–max',
      'p50 ms',
      'p99 ms',
      'CPU ms/req',
      'CPU p95',
      'failures',
      'req/s vs caches off',
    ],
    rows.map((r) => [
      String(r.entries),
      r.caches,
      String(r.reqPerSec),
      `${r.rounds.min}–${r.rounds.max} (${r.rounds.n})`,
      ms(r.p50),
      ms(r.p99),
      r.cpuMsPerRequest.toFixed(2),
      cpuP95(r)?.toFixed(2) ?? '–',
      String(r.failures),
      r.caches === 'on' ? ratio(r.reqPerSec, off(r)?.reqPerSec) : '',
    ]),
  );
});

section('Map (bench/map.ts: <wsis-country-map>, real geometry, facets of 20k entries)', 'map', () => {
  const m = figures.map!;
  const row = (name: string, t: MapBenchResult['firstRender']) => [
    name,
    ms(t.work.median),
    ms(t.work.p95),
    ms(t.paint.median),
    ms(t.paint.p95),
  ];
  return [
    ...table(
      [`${m.rounds} rounds, ${m.countries} shapes`, 'work p50', 'p95', 'to paint p50', 'p95'],
      [
        row('first render (geometry cached)', m.firstRender),
        row('cold load (fetch + parse + render)', m.coldLoad),
        row('re-render after a filter change', m.rerender),
      ],
    ),
    `  work = the element's updates and the layout they force; to paint = wall time to the next painted frame. Geometry ${kb(m.assetGzipBytes)} kB gzip.`,
  ];
});

section('Start-up (navigation start → first result item painted; 20k API, reference server)', 'startup', () =>
  formatStartup(figures.startup!),
);

section(
  'Typing (real key events into the search box, one key every 110 ms; one local server for all three)',
  'typing',
  () => formatTyping(figures.typing!),
);

section('Memory (CDP JSHeapUsedSize after HeapProfiler.collectGarbage)', 'memory', () => formatMemory(figures.memory!));

section('Static search engine (bench/search.ts: worker vs includes floor, no UI)', 'search', () => {
  const f = figures.search!;
  return [
    ...formatSearchBench(f).split('\n'),
    `worker vs includes floor: ${f.sizes.map((s) => `${s.entries / 1000}k p50 ${ratio(s.worker.p50, s.floor.p50)}, p95 ${ratio(s.worker.p95, s.floor.p95)}`).join('; ')}`,
  ];
});

section('Link checker (bench/links-sim.ts: simulated sites on 127.0.0.1)', 'links', () =>
  formatLinksBench(figures.links!),
);
section('Relevance (bench/relevance/: judged queries per language, both engines)', 'relevance', () =>
  formatRelevance(figures.relevance!),
);

// ---- Goals ----

type Goal = [name: string, met: boolean | undefined, detail: string];
const goals: Goal[] = [];
{
  const s = figures.sizes;
  const pf = s?.pagefindComponent;
  goals.push([
    `JavaScript before the first interaction ≤ ${INITIAL_BUDGET_KB} kB gzip and smaller than Pagefind Component UI JS+CSS`,
    s ? s.initial.gzip <= INITIAL_BUDGET_KB * 1000 && (!pf || s.initial.gzip < pf.gzip) : undefined,
    s
      ? `${kb(s.initial.gzip)} kB gzip (${kb(s.initial.brotli)} kB brotli); Pagefind Component UI JS+CSS ${kb(pf?.gzip)} kB gzip (minified) → ours ${ratio(s.initial.gzip, pf?.gzip)} of it`
      : 'not measured',
  ]);
  const typing = figures.typing;
  const row = (setup: TypingRow['setup']) => typing?.find((r) => r.setup === setup);
  const pagefind = row('pagefind');
  for (const setup of ['api', 'static'] as const) {
    const r = row(setup);
    goals.push([
      `1/3. ${r ? rowName(r) : setup}: key → results painted p95 ≤ 100 ms`,
      r ? r.toResults.p95 <= 100 && !r.missing : undefined,
      r
        ? `p95 ${ms(r.toResults.p95)} ms (p50 ${ms(r.toResults.p50)}; last key p95 ${ms(r.lastKey.p95)}); ${r.timed} keys at 110 ms/key${r.missing ? `, ${r.missing} never shown` : ''}`
        : 'not measured',
    ]);
    goals.push([
      `2. ${r ? rowName(r) : setup}: p95 ≤ 0.3 × Pagefind Default UI's`,
      r && pagefind ? r.toResults.p95 <= 0.3 * pagefind.toResults.p95 : undefined,
      r && pagefind
        ? `${ratio(r.toResults.p95, pagefind.toResults.p95)} (${ms(r.toResults.p95)} vs ${ms(pagefind.toResults.p95)} ms; ${pagefind.label})`
        : 'not measured',
    ]);
    goals.push([
      `3. ${r ? rowName(r) : setup}: no main-thread task > 50 ms while typing; input delay p95 ≤ 16 ms`,
      r ? r.longTasks === 0 && r.inputDelay.p95 <= 16 : undefined,
      r
        ? `${r.longTasks} long tasks (longest ${ms(r.longestTaskMs)} ms); input delay p95 ${ms(r.inputDelay.p95)} ms, max ${ms(r.inputDelay.max)} ms`
        : 'not measured',
    ]);
  }
  const server = figures.server;
  const off = (entries: number) => server?.find((r) => r.entries === entries && r.caches === 'off');
  for (const [entries, limit] of [
    [20000, 5],
    [100000, 20],
  ] as const) {
    const r = off(entries);
    const p95 = r ? cpuP95(r) : undefined;
    goals.push([
      `4. server CPU per query p95 ≤ ${limit} ms at ${entries / 1000}k, caches off`,
      p95 === undefined ? undefined : p95 <= limit,
      r
        ? p95 === undefined
          ? `p95 not reported by bench/api.ts; mean ${r.cpuMsPerRequest.toFixed(2)} ms`
          : `p95 ${p95.toFixed(2)} ms (mean ${r.cpuMsPerRequest.toFixed(2)} ms)`
        : 'not measured',
    ]);
  }
  {
    const r = off(20000);
    goals.push([
      '4. server ≥ 500 req/s at 20k, caches off, the bench query mix',
      r ? r.reqPerSec >= 500 : undefined,
      r ? `${r.reqPerSec} req/s (rounds ${r.rounds.min}–${r.rounds.max}), ${r.failures} failures` : 'not measured',
    ]);
  }
  const st = figures.startup;
  goals.push([
    '5. first results painted after navigation: warm p50 ≤ 250 ms, cold p50 ≤ 500 ms (20k API)',
    st ? st.warm.p50 <= 250 && st.cold.p50 <= 500 : undefined,
    st
      ? `warm p50 ${ms(st.warm.p50)} ms, cold p50 ${ms(st.cold.p50)} ms (p95 ${ms(st.warm.p95)} / ${ms(st.cold.p95)})`
      : 'not measured',
  ]);
  const m = figures.map;
  goals.push([
    'map first render ≤ 100 ms (to paint, p50)',
    m ? m.firstRender.paint.median <= 100 : undefined,
    m
      ? `to paint p50 ${ms(m.firstRender.paint.median)} ms (p95 ${ms(m.firstRender.paint.p95)}), work p50 ${ms(m.firstRender.work.median)} ms`
      : 'not measured',
  ]);
  const mem = figures.memory;
  goals.push([
    'no leak (heap after M searches ≤ 1.2 × after N)',
    mem ? mem.every((r) => r.noLeak) : undefined,
    mem
      ? mem.map((r) => `${r.mode} ${ratio(r.longMb, r.shortMb)} (N=${r.short}, M=${r.long})`).join('; ')
      : 'not measured',
  ]);
}
lines.push(
  '',
  '== Goals ==',
  `  load average (1 min) at start ${loadStart[0].toFixed(2)}, at end ${loadEnd[0].toFixed(2)}, on ${cpus().length} cores; [ met ], [ NOT ] or [ - ] (not measured), the goal, then the figures`,
  ...goals.map(
    ([name, met, detail]) => `  [${met === undefined ? '  -  ' : met ? ' met ' : ' NOT '}] ${name}: ${detail}`,
  ),
);

console.log = stdoutLog;
console.log(lines.join('\n'));
writeFileSync(
  join(ROOT, 'bench', 'results.json'),
  JSON.stringify(
    {
      date: new Date(started).toISOString(),
      quick,
      sections: selected,
      runtimeSeconds: Math.round(runtime),
      overLimit,
      sectionSeconds: seconds,
      cores: cpus().length,
      loadavg: { start: loadStart, end: loadEnd },
      table: lines,
      figures,
      problems,
    },
    null,
    2,
  ) + '\n',
);
if (overLimit) log(`FAILED: the run took ${Math.round(runtime)} s, over the ${LIMIT_MS / 1000} s limit.`);
process.exit(overLimit || Object.keys(problems).some((k) => !figures[k as Section]) ? 1 : 0);
