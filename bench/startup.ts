/**
 * Start-up: navigation start → first result item painted, for a page that embeds the script and
 * `<wsis-stocktaking api>` against the reference server (20k entries, its own process).
 * Cold = a new browser context per run (empty HTTP cache); warm = the same context, reloaded.
 * Also the shared pieces of the browser sections: the server child and the pages.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../scripts/chromium.js';
import { buildApp, HASHED_FILE } from '../server/app.js';
import { database } from './api.js';
import { ms, ratio, spread, table, type Spread } from './table.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const HERE = fileURLToPath(import.meta.url);

/** Pages served at / beside /dist/ and /api/v1/. */
export function writePages(site: string): void {
  mkdirSync(site, { recursive: true });
  // The embed as the README gives it.
  writeFileSync(
    join(site, 'startup.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>startup</title>' +
      '<script src="/dist/wsis-stocktaking.js"></script></head>' +
      '<body><wsis-stocktaking api="/api/v1"></wsis-stocktaking></body></html>',
  );
  // Attributes from the query string, e.g. widget.html?src=/data-5000.json (the script is a file: the pages' policy
  // allows no inline script).
  writeFileSync(
    join(site, 'widget.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>widget</title>' +
      '<script src="/dist/wsis-stocktaking.js"></script></head><body><script src="/widget-page.js"></script></body></html>',
  );
  writeFileSync(
    join(site, 'widget-page.js'),
    "const el = document.createElement('wsis-stocktaking');\n" +
      'for (const [k, v] of new URLSearchParams(location.search)) el.setAttribute(k, v);\n' +
      'document.body.append(el);\n',
  );
}

export interface BenchServer {
  origin: string;
  close(): void;
}

/** The reference server in a child process, so its work does not share the bench's event loop. */
export async function startServer(
  dbPath: string,
  distDir: string,
  site: string,
  { pagefind }: { pagefind?: string } = {},
): Promise<BenchServer> {
  const command = [process.execPath, '--import', 'tsx', HERE, '--serve', dbPath, distDir, site];
  if (pagefind) command.push(pagefind);
  const child: ChildProcess = spawn(command[0], command.slice(1), {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  for await (const line of lines) {
    if (line.startsWith('LISTENING ')) {
      const origin = line.slice('LISTENING '.length);
      return { origin, close: () => void child.kill() };
    }
  }
  throw new Error('the bench server exited before listening');
}

/** `pagefind`: a site from bench/pagefind.ts, its index and UI served at /pagefind/ beside ours. */
async function serve(dbPath: string, distDir: string, site: string, pagefind?: string): Promise<void> {
  const app = buildApp({
    dbPath,
    staticRoots: [
      { prefix: '/dist/', root: distDir, immutable: HASHED_FILE },
      ...(pagefind ? [{ prefix: '/pagefind/', root: join(pagefind, 'pagefind') }] : []),
      { prefix: '/', root: site },
    ],
  });
  // Pagefind's index files are gzip already and it inflates them itself. The compress plugin labels such a
  // file "content-encoding: br" while passing its gzip bytes through, which the browser refuses; asked
  // for no encoding, it sends them as they are.
  app.addHook('onRequest', async (request) => {
    if (request.url.startsWith('/pagefind/')) delete request.headers['accept-encoding'];
  });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
  console.log(`LISTENING ${address}`);
}

/** Milliseconds from navigation start; phases of one page load. */
interface Load {
  /** The last script file loaded before the first search (the stub and its chunks), and how many there were. */
  scriptEnd: number;
  scripts: number;
  defined: number;
  shell: number;
  apiStart: number;
  apiEnd: number;
  event: number;
  /** The animation frame that first has a result item (its style, layout and paint follow). */
  rendered: number;
  painted: number;
  longest: number;
}

const DONE = 'wsis-startup-measured';

// Runs before any page script (plain JS: tsx would wrap named functions in a helper the page lacks).
const INIT = `(() => {
  const marks = { longest: 0 };
  window.__startup = marks;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) marks.longest = Math.max(marks.longest, e.duration);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  customElements.whenDefined('wsis-stocktaking').then(() => (marks.defined = performance.now()));
  // The widget's first frame with its search box: the shell is up, results not yet.
  const box = () =>
    document.querySelector('wsis-stocktaking')?.shadowRoot?.querySelector('wsis-search-box')?.shadowRoot?.querySelector('input');
  const poll = () => requestAnimationFrame(() => (box() ? (marks.shell = performance.now()) : poll()));
  poll();
  const item = () =>
    document.querySelector('wsis-stocktaking')?.shadowRoot?.querySelector('wsis-entry-list')
      ?.shadowRoot?.querySelector('li.entry');
  marks.done = new Promise((resolve) => {
    document.addEventListener('wsis-search', () => {
      if (marks.event) return;
      marks.event = performance.now();
      // Lit renders in a microtask after the event: the first frame with the item, once painted
      // (a task queued from requestAnimationFrame runs after that frame's paint).
      const frame = () =>
        requestAnimationFrame(() => {
          if (!item()) return frame();
          marks.rendered = performance.now();
          setTimeout(() => {
            marks.painted = performance.now();
            resolve();
            // The bench reads the marks only now: its own evaluation code must not run inside a measured load.
            console.debug('${DONE}');
          }, 0);
        });
      frame();
    });
  });
  marks.read = async () => {
    await marks.done;
    const resources = performance.getEntriesByType('resource');
    const api = resources.find((r) => r.name.includes('/api/v1/entries'));
    // The stub and every chunk it loads before the first search goes out.
    const scripts = resources.filter(
      (r) => r.name.includes('/dist/') && r.name.endsWith('.js') && (!api || r.startTime <= api.startTime),
    );
    return {
      scriptEnd: scripts.length ? Math.max(...scripts.map((r) => r.responseEnd)) : NaN,
      scripts: scripts.length,
      defined: marks.defined,
      shell: marks.shell,
      apiStart: api ? api.startTime : NaN,
      apiEnd: api ? api.responseEnd : NaN,
      event: marks.event,
      rendered: marks.rendered,
      painted: marks.painted,
      longest: marks.longest,
    };
  };
})();`;

/** Navigates (or reloads), waits for the first results to be painted, then reads the marks. */
async function measureLoad(page: Page, go: () => Promise<unknown>): Promise<Load> {
  const painted = page.waitForEvent('console', { predicate: (m) => m.text() === DONE, timeout: 60_000 });
  await go();
  await painted;
  return page.evaluate(() => (window as unknown as { __startup: { read(): Promise<Load> } }).__startup.read());
}

export interface StartupFigures {
  entries: number;
  cold: Spread;
  warm: Spread;
  /** Medians of each phase's end, ms from navigation start. */
  phases: Record<'cold' | 'warm', Record<Exclude<keyof Load, 'painted'>, number>>;
  /** Where the time goes: median ms of each step of one load (they add up to about the p50). */
  breakdown: Record<'cold' | 'warm', Record<Step, number>>;
}

const STEPS = {
  script: 'script (navigation → the stub and its first chunks loaded)',
  start: 'start (→ elements defined)',
  request: 'to the request (→ API sent)',
  api: 'API (sent → answered)',
  render: 'first render (answered → frame with a result)',
  paint: 'paint (→ that frame painted)',
} as const;
type Step = keyof typeof STEPS;

/** Each load's steps, as durations. */
export function steps(
  l: Pick<Load, 'scriptEnd' | 'defined' | 'apiStart' | 'apiEnd' | 'rendered' | 'painted'>,
): Record<Step, number> {
  return {
    script: l.scriptEnd,
    start: l.defined - l.scriptEnd,
    request: l.apiStart - l.defined,
    api: l.apiEnd - l.apiStart,
    render: l.rendered - l.apiEnd,
    paint: l.painted - l.rendered,
  };
}

export async function benchStartup({
  distDir,
  site,
  runs = 20,
  entries = 20000,
  browser: shared,
}: {
  distDir: string;
  site: string;
  /** Cold runs, and as many warm ones. */
  runs?: number;
  entries?: number;
  /** A running Chromium to use (each run has its own context); one is launched when absent. */
  browser?: Browser;
}): Promise<StartupFigures> {
  const server = await startServer(database(entries), distDir, site);
  const browser = shared ?? (await launchChromium());
  const url = `${server.origin}/startup.html`;
  try {
    const options = { viewport: { width: 1280, height: 900 } };
    const breakdownOf = (loads: Load[]) => {
      const each = loads.map(steps);
      return Object.fromEntries(
        (Object.keys(STEPS) as Step[]).map((k) => [k, spread(each.map((e) => e[k])).p50]),
      ) as Record<Step, number>;
    };
    const phasesOf = (loads: Load[]) => ({
      scriptEnd: spread(loads.map((l) => l.scriptEnd)).p50,
      defined: spread(loads.map((l) => l.defined)).p50,
      shell: spread(loads.map((l) => l.shell)).p50,
      apiStart: spread(loads.map((l) => l.apiStart)).p50,
      apiEnd: spread(loads.map((l) => l.apiEnd)).p50,
      event: spread(loads.map((l) => l.event)).p50,
      rendered: spread(loads.map((l) => l.rendered)).p50,
      scripts: spread(loads.map((l) => l.scripts)).p50,
      longest: spread(loads.map((l) => l.longest)).p50,
    });

    // One unmeasured load wakes the server's JIT and fills its response cache, as any earlier visitor would.
    {
      const context = await browser.newContext(options);
      await context.addInitScript({ content: INIT });
      const page = await context.newPage();
      await measureLoad(page, () => page.goto(url, { waitUntil: 'commit' }));
      await context.close();
    }

    const cold: Load[] = [];
    while (cold.length < runs) {
      const context = await browser.newContext(options);
      await context.addInitScript({ content: INIT });
      const page = await context.newPage();
      cold.push(await measureLoad(page, () => page.goto(url, { waitUntil: 'commit' })));
      await context.close();
    }

    const warm: Load[] = [];
    const context = await browser.newContext(options);
    await context.addInitScript({ content: INIT });
    const page = await context.newPage();
    await measureLoad(page, () => page.goto(url, { waitUntil: 'commit' }));
    while (warm.length < runs) {
      warm.push(await measureLoad(page, () => page.reload({ waitUntil: 'commit' })));
    }
    await context.close();

    return {
      entries,
      cold: spread(cold.map((l) => l.painted)),
      warm: spread(warm.map((l) => l.painted)),
      phases: { cold: phasesOf(cold), warm: phasesOf(warm) },
      breakdown: { cold: breakdownOf(cold), warm: breakdownOf(warm) },
    };
  } finally {
    if (!shared) await browser.close();
    server.close();
  }
}

export function formatStartup(f: StartupFigures): string[] {
  const row = (name: 'cold' | 'warm') => {
    const s = f[name];
    const p = f.phases[name];
    return [
      name === 'cold' ? 'cold (new context)' : 'warm (reload)',
      String(s.n),
      ms(s.p50),
      ms(s.p95),
      `${ms(s.min)}–${ms(s.max)}`,
      ms(p.scriptEnd),
      ms(p.defined),
      ms(p.shell),
      ms(p.apiStart),
      ms(p.apiEnd),
      ms(p.event),
      ms(p.longest),
    ];
  };
  return [
    ...table(
      [
        `first results painted, ${f.entries / 1000}k API`,
        'runs',
        'p50',
        'p95',
        'min–max',
        'script loaded',
        'elements defined',
        'search box shown',
        'API sent',
        'API answered',
        'results event',
        'longest task',
      ],
      [row('cold'), row('warm')],
    ),
    `  phase columns: median ms from navigation start; warm vs cold p50: ${ratio(f.warm.p50, f.cold.p50)}`,
    '  Where the time goes (median ms of each step per load):',
    ...table(
      ['step', 'cold', 'warm'],
      (Object.keys(STEPS) as Step[]).map((k) => [STEPS[k], ms(f.breakdown.cold[k]), ms(f.breakdown.warm[k])]),
    ).map((l) => '    ' + l),
    `  script files before the first search: ${f.phases.cold.scripts} (cold), ${f.phases.warm.scripts} (warm)`,
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1] && process.argv[2] === '--serve') {
  await serve(process.argv[3], process.argv[4], process.argv[5], process.argv[6]);
}
