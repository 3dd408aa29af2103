/**
 * Main-thread JS heap of the whole widget after many searches, API mode (20k server) and static
 * mode (5k file; the index lives in the worker, whose heap bench/search.ts reports). Heap is
 * JSHeapUsedSize from CDP Performance.getMetrics after HeapProfiler.collectGarbage.
 * No leak = heap after the long run ≤ LEAK_RATIO × heap after the short one.
 */
import type { CDPSession, Page } from 'playwright-core';
import { ensureDatabase, launchChromium, startServer } from './startup.js';
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
  /** Searches asked for; `long` is fewer when the time budget ran out. */
  longTarget: number;
  longMb: number;
  growth: number;
  noLeak: boolean;
  /** Mean wall time per search (answer + render; both modes share the CPU), for context. */
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
    // Searches from..to-1, stopping early at deadline (performance.now() time).
    async run(from, to, deadline) {
      const store = document.querySelector('wsis-stocktaking').store;
      const t0 = performance.now();
      let i = from;
      for (; i < to && performance.now() < deadline; i++) {
        await new Promise((resolve) => {
          let started = false;
          const off = store.subscribe((s) => {
            if (s.status === 'loading') started = true;
            else if (started && s.status !== 'stalled') { off(); resolve(); }
          });
          store.restore(plan(i));
        });
        // Lets the elements render the answer before the next search.
        await new Promise((r) => setTimeout(r, 0));
      }
      return { done: i, ms: performance.now() - t0 };
    },
    now: () => performance.now(),
  };
})();`;

type PageApi = {
  __memory: {
    ready(t: number): Promise<boolean>;
    run(from: number, to: number, deadline: number): Promise<{ done: number; ms: number }>;
    now(): number;
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
  budgetMs: number,
): Promise<MemoryRow> {
  if (!(await page.evaluate((t) => (window as unknown as PageApi).__memory.ready(t), 60000))) {
    throw new Error(`memory ${mode} ${entries}: no results`);
  }
  const deadline = (await page.evaluate(() => (window as unknown as PageApi).__memory.now())) + budgetMs;
  const run = (from: number, to: number, until: number) =>
    page.evaluate(([a, b, c]) => (window as unknown as PageApi).__memory.run(a, b, c), [from, to, until] as const);
  const baseMb = await heapMb(cdp);
  // The short run always completes: it is the baseline.
  const first = await run(0, short, Infinity);
  const shortMb = await heapMb(cdp);
  const second = await run(short, long, deadline);
  const longMb = await heapMb(cdp);
  const growth = longMb / shortMb;
  return {
    mode,
    entries,
    baseMb,
    short,
    shortMb,
    long: second.done,
    longTarget: long,
    longMb,
    growth,
    noLeak: growth <= LEAK_RATIO,
    msPerSearch: (first.ms + second.ms) / second.done,
  };
}

export async function benchMemory({
  distDir,
  site,
  short = 100,
  long = 1000,
  staticEntries = 5000,
  apiEntries = 20000,
  budgetMs = Infinity,
  log = console.error,
}: {
  distDir: string;
  site: string;
  short?: number;
  long?: number;
  staticEntries?: number;
  apiEntries?: number;
  /** For both runs (they run side by side); the long runs stop early when it is spent. */
  budgetMs?: number;
  log?: (line: string) => void;
}): Promise<MemoryRow[]> {
  writeStaticData(site, [staticEntries]);
  const server = await startServer(ensureDatabase(apiEntries, log), distDir, site);
  const browser = await launchChromium();
  const end = Date.now() + budgetMs;
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
          const row = await memoryRun(page, cdp, mode, entries, short, long, end - Date.now());
          log(`  memory: ${mode} done`);
          return row;
        } finally {
          await context.close();
        }
      }),
    );
  } finally {
    await browser.close();
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
        `${r.mode === 'api' ? 'API' : 'static'} ${r.entries / 1000}k (N=${r.short}, M=${r.long}` +
          (r.long < r.longTarget ? ` of ${r.longTarget}, time budget)` : ')'),
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
