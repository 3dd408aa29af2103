/**
 * Main-thread JS heap of the whole widget after many searches, API mode (20k server) and static
 * mode (5k file; the index lives in the worker, whose heap bench/search.ts reports). Heap is
 * JSHeapUsedSize from CDP Performance.getMetrics after HeapProfiler.collectGarbage.
 * No leak = heap after the long run ≤ LEAK_RATIO × heap after the short one.
 */
import type { Browser, CDPSession, Page } from 'playwright-core';
import { launchChromium } from '../scripts/chromium.js';
import { database } from './api.js';
import { startServer } from './startup.js';
import { ratio, table } from './table.js';
import { writeStaticData } from './typing.js';

export const LEAK_RATIO = 1.2;

export interface MemoryRow {
  mode: 'api' | 'static';
  entries: number;
  /** After load and the first results. */
  baseMb: number;
  short: number;
  shortMb: number;
  long: number;
  longMb: number;
  growth: number;
  noLeak: boolean;
  /** Mean wall time per search (answer + render; both modes share the CPU with each other and
   * whatever runs beside them), for context only. */
  msPerSearch: number;
}

// Page side, plain JS: searches as filter clicks, paging and Enter do, each awaited, cycling a varied list.
const INIT = `(() => {
  const words = ['health', 'broadband', 'digital skills', 'women', 'rural', 'school', 'climate', 'mobile money',
    'open data', 'cybersecurity', 'agriculture', 'telemedicine', 'e-government', 'youth', 'water', 'energy',
    'finance', 'trade', 'policy', 'access', 'helth', 'library', 'radio', 'identity', ''];
  const filters = [{}, { region: ['africa'] }, { sdg: ['4'] }, { actionLine: ['C7'] }, { status: ['ongoing'] },
    { entityType: ['government'], sdg: ['3'] }];
  const plan = (i) => ({
    query: words[i % words.length],
    filters: filters[Math.floor(i / words.length) % filters.length],
    page: 1 + (Math.floor(i / (words.length * filters.length)) % 2),
  });
  window.__memory = {
    async ready(timeoutMs) {
      const deadline = performance.now() + timeoutMs;
      for (;;) {
        const store = document.querySelector('wsis-stocktaking')?.store;
        const status = store && store.state.status;
        if (status && status !== 'idle' && status !== 'loading') return true;
        if (performance.now() > deadline) return false;
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    // Searches from..to-1, one after another, as fast as answers and renders come.
    async run(from, to) {
      const store = document.querySelector('wsis-stocktaking').store;
      const t0 = performance.now();
      let i = from;
      for (; i < to; i++) {
        await new Promise((resolve) => {
          let started = false;
          const off = store.subscribe((s) => {
            if (s.status === 'loading') started = true;
            else if (started && s.status !== 'stalled') { off(); resolve(); }
          });
          store.restore(plan(i));
        });
        // Lit renders in microtasks after the answer; this task runs once they are done.
        await new Promise((r) => setTimeout(r, 0));
      }
      return { done: i, ms: performance.now() - t0 };
    },
  };
})();`;

type PageApi = {
  __memory: {
    ready(t: number): Promise<boolean>;
    run(from: number, to: number): Promise<{ done: number; ms: number }>;
  };
};

async function heapMb(cdp: CDPSession): Promise<number> {
  // Twice: the first pass can leave garbage that only a second one frees.
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN) / 2 ** 20;
}

async function memoryRun(
  page: Page,
  cdp: CDPSession,
  mode: MemoryRow['mode'],
  entries: number,
  short: number,
  long: number,
): Promise<MemoryRow> {
  if (!(await page.evaluate((t) => (window as unknown as PageApi).__memory.ready(t), 60000))) {
    throw new Error(`memory ${mode} ${entries}: no results`);
  }
  const run = (from: number, to: number) =>
    page.evaluate(([a, b]) => (window as unknown as PageApi).__memory.run(a, b), [from, to] as const);
  const baseMb = await heapMb(cdp);
  const first = await run(0, short);
  const shortMb = await heapMb(cdp);
  const second = await run(short, long);
  if (second.done !== long) throw new Error(`memory ${mode}: ${second.done} of ${long} searches ran`);
  const longMb = await heapMb(cdp);
  const growth = longMb / shortMb;
  return {
    mode,
    entries,
    baseMb,
    short,
    shortMb,
    long,
    longMb,
    growth,
    noLeak: growth <= LEAK_RATIO,
    msPerSearch: (first.ms + second.ms) / long,
  };
}

export async function benchMemory({
  distDir,
  site,
  short = 100,
  long = 1000,
  staticEntries = 5000,
  apiEntries = 20000,
  browser: shared,
  log = console.error,
}: {
  distDir: string;
  site: string;
  short?: number;
  long?: number;
  staticEntries?: number;
  apiEntries?: number;
  /** A running Chromium to use (each mode has its own context); one is launched when absent. */
  browser?: Browser;
  log?: (line: string) => void;
}): Promise<MemoryRow[]> {
  writeStaticData(site, [staticEntries]);
  const server = await startServer(database(apiEntries, log), distDir, site);
  const browser = shared ?? (await launchChromium());
  let rows: MemoryRow[];
  try {
    // Both at once, in separate renderers: heap figures do not depend on CPU time, and it halves the wait.
    rows = await Promise.all(
      (
        [
          ['api', apiEntries, 'api=/api/v1'],
          ['static', staticEntries, `src=/data-${staticEntries}.json`],
        ] as const
      ).map(async ([mode, entries, query]) => {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        try {
          await context.addInitScript({ content: INIT });
          const page = await context.newPage();
          page.on('pageerror', (e) => log(`page error: ${e.message}`));
          const cdp = await context.newCDPSession(page);
          await cdp.send('Performance.enable');
          await page.goto(`${server.origin}/widget.html?${query}`);
          const row = await memoryRun(page, cdp, mode, entries, short, long);
          log(`  memory: ${mode} done, ${row.long} searches, ${row.msPerSearch.toFixed(0)} ms each`);
          return row;
        } finally {
          await context.close();
        }
      }),
    );
  } finally {
    if (!shared) await browser.close();
    server.close();
  }
  return rows;
}

export function formatMemory(rows: MemoryRow[]): string[] {
  const mb = (x: number) => x.toFixed(2);
  return [
    ...table(
      [
        'JS heap, main thread (MB after GC)',
        'after load',
        'after N',
        'after M',
        'M / N',
        `no leak (≤ ${LEAK_RATIO}×)`,
        'ms/search',
      ],
      rows.map((r) => [
        `${r.mode === 'api' ? 'API' : 'static'} ${r.entries / 1000}k (N=${r.short}, M=${r.long})`,
        mb(r.baseMb),
        mb(r.shortMb),
        mb(r.longMb),
        ratio(r.longMb, r.shortMb),
        r.noLeak ? 'yes' : 'NO',
        r.msPerSearch.toFixed(0),
      ]),
    ),
  ];
}
