/**
 * Static-mode search bench in Chromium: keystroke → results through the worker (p50/p95),
 * index readiness and worker heap at 1k/5k/20k generated entries, beside a linear
 * `includes` scan (floor) and fuse.js (1k). Run: `npm run bench:search [-- --sizes 1000,5000]`;
 * `runSearchBench()` feeds the combined bench (`npm run bench -- --only search`).
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import type { Browser, BrowserContext, CDPSession } from 'playwright-core';
import { launchChromium } from '../scripts/chromium.js';
import { generateEntries } from '../scripts/sample/generate.js';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const SEARCH_SIZES = [1000, 5000, 20000];
const BUDGET_MS = 50;

export interface Timing {
  p50: number;
  p95: number;
}

export interface SizeFigures {
  entries: number;
  /** Fetch + validate: first answer without text. */
  firstResultMs: number;
  /** Fetch + validate + index: first answer with text. */
  indexReadyMs: number;
  worker: Timing;
  workerHeapMb: number;
  floor: Timing;
  /** Main-thread fallback: longest task while loading and indexing (5k only). */
  fallbackLongestTaskMs?: number;
}

export interface SearchBenchFigures {
  queries: number;
  sizes: SizeFigures[];
  fuse1k: Timing & { indexMs: number };
  /** Largest size whose worker p95 is within the 50 ms budget. */
  largestWithinBudget: number | null;
}

/** What visitors type: every keystroke of some phrases, typos, and searches with filters. */
export function benchQueries(): string[] {
  const phrases = [
    'telemedicine',
    'digital health records',
    'rural broadband',
    'cybersecurity strategy',
    'open data portal',
    'e-government services',
    'mobile money',
    'women in ict',
    'school connectivity',
    'climate early warning',
    'agriculture market prices',
    'digital skills training',
    'community telecentre',
    'national backbone',
    'child online protection',
  ];
  const out: string[] = [];
  for (const phrase of phrases)
    for (let n = 2; n <= phrase.length; n++) out.push(`q=${encodeURIComponent(phrase.slice(0, n))}`);
  for (const typo of [
    'helth',
    'telemedicne',
    'cybersecurty',
    'broadbnad',
    'educaton',
    'agricultre',
    'goverment',
    'conectivity',
  ]) {
    out.push(`q=${typo}`);
  }
  const filters = [
    'region=africa',
    'sdg=3,4',
    'actionLine=C7',
    'country=INTL',
    'status=ongoing&entityType=government',
    'yearFrom=2015',
  ];
  phrases.slice(0, 5).forEach((phrase, i) => {
    for (const f of filters) out.push(`q=${encodeURIComponent(phrase.split(' ')[0])}&${f}`);
    out.push(filters[i]);
  });
  return out;
}

/** The page side: imported through esbuild, exposed as window.bench. */
const PAGE_SOURCE = `
import Fuse from 'fuse.js';
import { FACET_NAMES, matchesAll, parseSearchParams, tokenize } from './src/data/query.ts';
import { StaticSource } from './src/data/static/static-source.ts';

const params = (qs) => {
  const p = parseSearchParams(new URLSearchParams(qs + '&facets=' + FACET_NAMES.join(',')));
  if (!p.ok) throw new Error(p.error.message);
  return p.params;
};
const signal = () => new AbortController().signal;
const stats = (times) => {
  const s = [...times].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { p50: at(0.5), p95: at(0.95) };
};
let source;
let longest = 0;

window.bench = {
  async load(url, useWorker) {
    source?.dispose();
    const t0 = performance.now();
    longest = 0;
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longest = Math.max(longest, e.duration);
    });
    if (!useWorker) observer.observe({ type: 'longtask', buffered: false });
    source = new StaticSource(url, { workerUrl: '/wsis-static-index.js', useWorker });
    await source.search(params(''), signal());
    const firstResultMs = performance.now() - t0;
    await source.search(params('q=health'), signal());
    const indexReadyMs = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 50));
    observer.disconnect();
    return { firstResultMs, indexReadyMs, longestTaskMs: longest };
  },
  async run(queries) {
    const times = [];
    for (const qs of queries) {
      const t = performance.now();
      await source.search(params(qs), signal());
      times.push(performance.now() - t);
    }
    return stats(times);
  },
  dispose() {
    source?.dispose();
    source = undefined;
  },
  async floor(url, queries) {
    const entries = await (await fetch(url)).json();
    const hay = entries.map((e) => (e.title + ' ' + e.organization + ' ' + e.description).toLowerCase());
    const times = [];
    for (const qs of queries) {
      const t = performance.now();
      const p = params(qs);
      const terms = tokenize(p.q);
      let n = 0;
      for (let i = 0; i < entries.length; i++) {
        if (terms.every((w) => hay[i].includes(w)) && matchesAll(entries[i], p)) n++;
      }
      times.push(performance.now() - t + n * 0);
    }
    return stats(times);
  },
  async fuse(url, queries) {
    const entries = await (await fetch(url)).json();
    const t0 = performance.now();
    const fuse = new Fuse(entries, { keys: ['title', 'organization', 'description'], threshold: 0.3, ignoreLocation: true });
    const indexMs = performance.now() - t0;
    const times = [];
    for (const qs of queries) {
      const q = new URLSearchParams(qs).get('q') ?? '';
      const t = performance.now();
      fuse.search(q);
      times.push(performance.now() - t);
    }
    return { indexMs, ...stats(times) };
  },
};
`;

async function bundle(dir: string): Promise<void> {
  const common = { bundle: true, format: 'iife', target: 'es2021', minify: true, logLevel: 'warning' } as const;
  await build({
    ...common,
    entryPoints: [join(ROOT, 'src/data/static/worker.ts')],
    outfile: join(dir, 'wsis-static-index.js'),
  });
  await build({
    ...common,
    stdin: { contents: PAGE_SOURCE, resolveDir: ROOT, loader: 'ts' },
    outfile: join(dir, 'page.js'),
  });
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><meta charset="utf-8"><title>bench</title><script src="page.js"></script>',
  );
}

function serve(dir: string): Promise<{ server: Server; origin: string }> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json' };
  const server = createServer((req, res) => {
    const path = join(dir, new URL(req.url ?? '/', 'http://x').pathname);
    try {
      const body = readFileSync(path.endsWith('/') ? join(path, 'index.html') : path);
      res.writeHead(200, { 'Content-Type': types[extname(path) || '.html'] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      done({ server, origin: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` });
    }),
  );
}

/** The worker's used heap after a full GC, read over CDP (performance.memory is not in workers). */
async function workerHeapMb(browser: Browser, origin: string): Promise<number> {
  const cdp: CDPSession = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const target = targetInfos.find((t) => t.type === 'worker' && t.url === `${origin}/wsis-static-index.js`);
    if (!target) return NaN;
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
    let id = 0;
    const call = (method: string) =>
      new Promise<Record<string, number>>((done) => {
        const mine = ++id;
        const onMessage = (event: { sessionId?: string; message: string }) => {
          const message = JSON.parse(event.message) as { id?: number; result?: Record<string, number> };
          if (event.sessionId !== sessionId || message.id !== mine) return;
          cdp.off('Target.receivedMessageFromTarget', onMessage);
          done(message.result ?? {});
        };
        cdp.on('Target.receivedMessageFromTarget', onMessage);
        void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: mine, method }) });
      });
    await call('HeapProfiler.collectGarbage');
    return (await call('Runtime.getHeapUsage')).usedSize / 2 ** 20;
  } finally {
    await cdp.detach();
  }
}

export async function runSearchBench({
  sizes: wanted = SEARCH_SIZES,
  browser: shared,
  log = console.log,
}: {
  /** Entry counts to measure; fuse.js runs at the smallest. */
  sizes?: number[];
  /** A running Chromium to use (the bench has its own context); one is launched when absent. */
  browser?: Browser;
  log?: (line: string) => void;
} = {}): Promise<SearchBenchFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'wsis-bench-search-'));
  const SIZES = [...wanted].sort((a, b) => a - b);
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let server: Server | undefined;
  try {
    await bundle(dir);
    const all = generateEntries(Math.max(...SIZES, 1000), 20240601);
    // fuse.js always runs at 1k.
    for (const n of new Set([...SIZES, 1000]))
      writeFileSync(join(dir, `data-${n}.json`), JSON.stringify(all.slice(0, n)));
    const served = await serve(dir);
    server = served.server;
    browser = shared ?? (await launchChromium());
    context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${served.origin}/`);
    const queries = benchQueries();
    log(`${queries.length} queries per size`);

    const sizes: SizeFigures[] = [];
    for (const n of SIZES) {
      const url = `/data-${n}.json`;
      const ready = await page.evaluate(([u]) => window.bench.load(u, true), [url] as const);
      await page.evaluate(([q]) => window.bench.run(q.slice(0, 20)), [queries] as const);
      const worker = await page.evaluate(([q]) => window.bench.run(q), [queries] as const);
      const heap = await workerHeapMb(browser, served.origin);
      await page.evaluate(() => window.bench.dispose());
      const floor = await page.evaluate(([u, q]) => window.bench.floor(u, q), [url, queries] as const);
      const figures: SizeFigures = {
        entries: n,
        firstResultMs: ready.firstResultMs,
        indexReadyMs: ready.indexReadyMs,
        worker,
        workerHeapMb: heap,
        floor,
      };
      if (n === 5000) {
        const fallback = await page.evaluate(([u]) => window.bench.load(u, false), [url] as const);
        await page.evaluate(() => window.bench.dispose());
        figures.fallbackLongestTaskMs = fallback.longestTaskMs;
      }
      sizes.push(figures);
      log(`  ${n} entries done`);
    }
    const fuse1k = await page.evaluate(([q]) => window.bench.fuse('/data-1000.json', q), [queries] as const);
    const within = sizes.filter((s) => s.worker.p95 <= BUDGET_MS).map((s) => s.entries);
    return { queries: queries.length, sizes, fuse1k, largestWithinBudget: within.length ? Math.max(...within) : null };
  } finally {
    if (shared) await context?.close();
    else await browser?.close();
    server?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatSearchBench(f: SearchBenchFigures): string {
  const ms = (x: number | undefined) =>
    x === undefined || Number.isNaN(x) ? '–' : x < 10 ? x.toFixed(2) : x.toFixed(0);
  const rows = [
    [
      'entries',
      'first result ms',
      'index ready ms',
      'worker p50',
      'worker p95',
      'worker heap MB',
      'floor p50',
      'floor p95',
      'fallback longest task ms',
    ],
    ...f.sizes.map((s) => [
      String(s.entries),
      ms(s.firstResultMs),
      ms(s.indexReadyMs),
      ms(s.worker.p50),
      ms(s.worker.p95),
      s.workerHeapMb.toFixed(1),
      ms(s.floor.p50),
      ms(s.floor.p95),
      ms(s.fallbackLongestTaskMs),
    ]),
  ];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const table = rows.map((r) => r.map((cell, c) => cell.padStart(widths[c])).join('  ')).join('\n');
  return [
    `Static search, ${f.queries} queries (keystrokes, typos, filters; all facets), times in ms:`,
    table,
    `fuse.js 1k (title/organization/description, no filters or facets): index ${ms(f.fuse1k.indexMs)} ms, p50 ${ms(f.fuse1k.p50)}, p95 ${ms(f.fuse1k.p95)}`,
    `Largest size with worker p95 ≤ ${BUDGET_MS} ms: ${f.largestWithinBudget ?? 'none'}`,
  ].join('\n');
}

declare global {
  interface Window {
    bench: {
      load(
        url: string,
        useWorker: boolean,
      ): Promise<{ firstResultMs: number; indexReadyMs: number; longestTaskMs: number }>;
      run(queries: string[]): Promise<Timing>;
      dispose(): void;
      floor(url: string, queries: string[]): Promise<Timing>;
      fuse(url: string, queries: string[]): Promise<Timing & { indexMs: number }>;
    };
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const { values } = parseArgs({ options: { sizes: { type: 'string' } } });
  const figures = await runSearchBench({ sizes: values.sizes?.split(',').map(Number) });
  console.log(formatSearchBench(figures));
}
