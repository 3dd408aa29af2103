/**
 * Keystroke → results painted, typed as a visitor types: real key events into the search box at
 * KEY_INTERVAL_MS per key, never waiting for results, over QUERIES (bench/keys.ts). Three setups in one
 * run, served by one local server: our widget in API mode against the reference server (20k entries,
 * a fresh process, every typed text new to it, so each answer is computed cold), our widget in static
 * mode (5k entries, `src=`, the engine on the main thread as by default), and Pagefind's Default UI
 * over the same 5k entries as one HTML page each (bench/pagefind.ts).
 * Per key: the time from the key event to the first painted frame showing results for its text (or a
 * later one of the same query), main-thread tasks over 50 ms, and input delay (key event → its first
 * handler).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { generateEntries } from '../scripts/sample/generate.js';
import { launchChromium } from '../scripts/chromium.js';
import { database } from './api.js';
import {
  KEY_INTERVAL_MS,
  keyLatencies,
  prefixes,
  QUERIES,
  QUICK_QUERIES,
  type KeyMark,
  type PaintMark,
} from './keys.js';
import { installedVersion, PAGEFIND_VERSION, pagefindSite, writeSearchPage } from './pagefind.js';
import { startServer } from './startup.js';
import { ms, ratio, spread, table, type Spread } from './table.js';

export const API_ENTRIES = 20000;
export const STATIC_ENTRIES = 5000;
/** Sizes of the API databases the typing section needs. */
export const API_SIZES = [API_ENTRIES];
export const STATIC_SIZES = [STATIC_ENTRIES];

type Setup = 'api' | 'static' | 'pagefind';

// Page side, plain JS (tsx would wrap named functions in a helper the page lacks). Runs before any page script.
const INIT = `(() => {
  const s = { keys: [], paints: [], delays: [], eventDelays: [], longTasks: [], frames: [], cost: {}, query: -1, keyAt: NaN, on: false, text: '' };
  window.__typing = s;
  const add = (name, ms) => { s.cost[name] = (s.cost[name] || 0) + ms; };
  // Where our main thread goes: each element's Lit update (render + commit) and the search box's input handler.
  const define = customElements.define.bind(customElements);
  customElements.define = (name, cls, options) => {
    const update = cls.prototype.update;
    if (name.startsWith('wsis-') && update) {
      cls.prototype.update = function (changed) {
        const t = performance.now();
        try { return update.call(this, changed); } finally { if (s.on) add(name, performance.now() - t); }
      };
    }
    return define(name, cls, options);
  };
  // First listener of all (capture on window, added before the page's scripts): its start is the handler start.
  addEventListener('keydown', (e) => {
    s.keyAt = e.timeStamp;
    if (s.on && e.key !== 'Control' && !e.ctrlKey) s.delays.push(performance.now() - e.timeStamp);
  }, true);
  let inputAt = 0;
  addEventListener('input', (e) => {
    inputAt = performance.now();
    const field = e.composedPath()[0];
    if (!s.on || !field || field.localName !== 'input') return;
    // Text inserted without a key event (an IME, a character the layout lacks) is timed from the input event.
    s.keys.push({ query: s.query, at: Number.isNaN(s.keyAt) ? e.timeStamp : s.keyAt, text: field.value });
    s.text = field.value;
    s.keyAt = NaN;
  }, true);
  addEventListener('input', () => { if (s.on) add('input handler', performance.now() - inputAt); });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) s.longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask' });
  } catch {}
  try {
    // What each long task was: the long animation frames that blocked, with their scripts and rendering.
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (!s.on || !(e.blockingDuration > 0)) continue;
        const scripts = e.scripts.map((x) => [x.invoker, (x.sourceURL || '').split('/').pop().replace(/-[\\w-]{8}\\.js$/, ''), x.duration]);
        const render = e.renderStart ? e.startTime + e.duration - e.renderStart : 0;
        s.frames.push({ at: e.startTime, duration: e.duration, blocking: e.blockingDuration, render, text: s.text, scripts });
      }
    }).observe({ type: 'long-animation-frame' });
  } catch {}
  try {
    // Event Timing: key events whose handling took 16 ms or more, with their own input delay.
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (s.on && (e.name === 'keydown' || e.name === 'keypress' || e.name === 'input')) s.eventDelays.push(e.processingStart - e.startTime);
      }
    }).observe({ type: 'event', durationThreshold: 16 });
  } catch {}
  // A task queued from the next animation frame runs once that frame is painted.
  const painted = (text) => requestAnimationFrame(() => setTimeout(() => s.paints.push({ at: performance.now(), text }), 0));
  // Ours: the widget reports each search's results; Lit renders them in the microtasks after the event.
  document.addEventListener('wsis-search', (e) => { if (s.on) painted(e.detail.query); });
  // Pagefind: its message names the text whose results are shown; they count once the first result has loaded.
  const message = /^(?:[\\d,.\\s]+ results? for |No results for )([\\s\\S]*)$/;
  let shown = null;
  const look = () => {
    const root = document.querySelector('#search');
    if (!root || !s.on) return;
    const text = root.querySelector('.pagefind-ui__message')?.textContent.trim() ?? '';
    const m = message.exec(text);
    if (!m) return;
    const zero = text.startsWith('No results');
    const first = root.querySelector('.pagefind-ui__result');
    if (!zero && !(first && first.querySelector('.pagefind-ui__result-link'))) return;
    const key = m[1] + (zero ? '' : ' ' + first.querySelector('.pagefind-ui__result-link').href);
    if (key === shown) return;
    shown = key;
    painted(m[1]);
  };
  new MutationObserver(look).observe(document, { subtree: true, childList: true, characterData: true });
})();`;

interface PageState {
  keys: KeyMark[];
  paints: PaintMark[];
  delays: number[];
  eventDelays: number[];
  longTasks: [number, number][];
  frames: LongFrame[];
  cost: Record<string, number>;
  query: number;
  on: boolean;
}
type PageApi = { __typing: PageState };

/** A long animation frame that blocked input (Chromium's Long Animation Frames API). */
interface LongFrame {
  at: number;
  duration: number;
  blocking: number;
  /** Style, layout and paint at its end. */
  render: number;
  /** The text in the box when it ran. */
  text: string;
  /** Invoker, file (hash dropped) and ms of each script that ran in it. */
  scripts: [string, string, number][];
}

export interface TypingRow {
  setup: Setup;
  entries: number;
  /** What was typed into: "ours" or the peer and its version. */
  label: string;
  /** Keys typed (every one in the plan). */
  keys: number;
  /** Keys that changed the searched text, timed. */
  timed: number;
  /** Key → first frame with results for its text or a later one. */
  toResults: Spread;
  /** Last key of each query → its results. */
  lastKey: Spread;
  /** Keys whose own text's results were painted. */
  exact: number;
  /** Keys never followed by results. */
  missing: number;
  longTasks: number;
  longestTaskMs: number;
  /** Key event → its first handler, per key. */
  inputDelay: Spread;
  /** Key events the Event Timing API reported (handled in ≥ 16 ms), and their largest input delay. */
  slowEvents: number;
  slowEventMaxDelay: number;
  /** Load to the first search answered. */
  readyMs: number;
  /** Mean main-thread ms per key: each element's Lit updates and the input handler (ours only). */
  costPerKey: Record<string, number>;
  /** The frames that blocked input the longest, described. */
  blockingFrames: string[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls the page until `test` holds on its state, or the timeout passes. */
async function until(page: Page, test: string, timeoutMs: number): Promise<boolean> {
  return page
    .waitForFunction(test, undefined, { timeout: timeoutMs, polling: 50 })
    .then(() => true)
    .catch(() => false);
}

function describeFrame(f: LongFrame): string {
  const scripts = f.scripts
    .filter(([, , d]) => d >= 1)
    .sort((a, b) => b[2] - a[2])
    .map(([invoker, file, d]) => `${invoker}${file ? ` (${file})` : ''} ${ms(d)}`);
  return `${ms(f.duration)} frame at "${f.text}": ${[...scripts, `rendering ${ms(f.render)}`].join(', ')}`;
}

/** Each query typed at KEY_INTERVAL_MS per key (the first key replaces the old text), then its results awaited. */
async function typeAll(page: Page, input: string, queries: readonly string[]): Promise<void> {
  const box = page.locator(input);
  await box.focus();
  for (const [q, query] of queries.entries()) {
    await page.evaluate((n) => ((window as unknown as PageApi).__typing.query = n), q);
    await page.keyboard.press('Control+A');
    const t0 = Date.now();
    for (const [i, char] of [...query].entries()) {
      const wait = t0 + i * KEY_INTERVAL_MS - Date.now();
      if (wait > 0) await sleep(wait);
      await page.keyboard.type(char);
    }
    // The last text's results, then a pause as between two searches.
    const last = prefixes(query).at(-1)!.trim().toLowerCase();
    await until(
      page,
      `window.__typing.paints.some((p) => p.text.trim().toLowerCase() === ${JSON.stringify(last)})`,
      10000,
    );
    await sleep(300);
  }
}

async function typingRun(
  browser: Browser,
  origin: string,
  setup: Setup,
  queries: readonly string[],
  log: (line: string) => void,
): Promise<TypingRow> {
  // A new context per run: empty HTTP cache, fresh page. The reference server's page policy is left out for
  // all three (Pagefind needs WebAssembly, which it forbids; the bench's polling evaluates strings).
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  try {
    await context.addInitScript({ content: INIT });
    const page = await context.newPage();
    page.on('pageerror', (e) => log(`page error (${setup}): ${e.message}`));
    const url =
      setup === 'pagefind'
        ? `${origin}/pagefind.html`
        : `${origin}/widget.html?${setup === 'api' ? 'api=/api/v1' : `src=/data-${STATIC_ENTRIES}.json`}`;
    const input =
      setup === 'pagefind' ? '#search input.pagefind-ui__search-input' : 'wsis-stocktaking wsis-search-box input';
    const t0 = Date.now();
    await page.goto(url);
    await page.locator(input).waitFor({ timeout: 60000 });
    // Warm-up, unmeasured: one word searched (static: waits for the index; Pagefind: loads its WASM and
    // index chunks for it), then the box emptied. Its letters are not typed later.
    await page.locator(input).focus();
    await page.evaluate(() => ((window as unknown as PageApi).__typing.on = true));
    await page.keyboard.type('kiosk');
    if (!(await until(page, `window.__typing.paints.some((p) => p.text.trim() === 'kiosk')`, 120000))) {
      throw new Error(`typing ${setup}: no results for the warm-up word`);
    }
    const readyMs = Date.now() - t0;
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await sleep(1000);
    const start = await page.evaluate(() => {
      const s = (window as unknown as PageApi).__typing;
      Object.assign(s, { keys: [], paints: [], delays: [], eventDelays: [], longTasks: [], frames: [], cost: {} });
      return performance.now();
    });
    await typeAll(page, input, queries);
    const state = await page.evaluate(() => {
      const s = (window as unknown as PageApi).__typing;
      s.on = false;
      return JSON.parse(JSON.stringify(s)) as PageState;
    });
    const keys = state.keys.length;
    const latency = keyLatencies(state.keys, state.paints);
    const tasks = state.longTasks.filter(([at]) => at >= start);
    return {
      setup,
      entries: setup === 'api' ? API_ENTRIES : STATIC_ENTRIES,
      label: setup === 'pagefind' ? `Pagefind Default UI ${PAGEFIND_VERSION}` : 'ours',
      keys,
      ...latency,
      longTasks: tasks.length,
      longestTaskMs: Math.max(0, ...tasks.map(([, d]) => d)),
      inputDelay: spread(state.delays),
      slowEvents: state.eventDelays.length,
      slowEventMaxDelay: Math.max(0, ...state.eventDelays),
      readyMs,
      costPerKey: Object.fromEntries(Object.entries(state.cost).map(([k, v]) => [k, v / Math.max(1, keys)])),
      blockingFrames: state.frames
        .filter((f) => f.at >= start)
        .sort((a, b) => b.blocking - a.blocking)
        .slice(0, 3)
        .map(describeFrame),
    };
  } finally {
    await context.close();
  }
}

/** Static data files in the site directory: nested slices of one generated set, written once per site. */
export function writeStaticData(site: string, sizes = STATIC_SIZES): void {
  const missing = sizes.filter((n) => !existsSync(join(site, `data-${n}.json`)));
  if (!missing.length) return;
  const all = generateEntries(Math.max(...missing), 1);
  for (const n of missing) writeFileSync(join(site, `data-${n}.json`), JSON.stringify(all.slice(0, n)));
}

/** The Pagefind site (built once, cached under data/bench/) and its search page in `site`. */
export function preparePagefind(site: string, log: (line: string) => void = console.error): string {
  writeSearchPage(site);
  return pagefindSite(STATIC_ENTRIES, log);
}

export async function benchTyping({
  distDir,
  site,
  quick = false,
  browser: shared,
  log = console.error,
}: {
  distDir: string;
  site: string;
  /** Three queries: a smoke run, not for the goals. */
  quick?: boolean;
  /** A running Chromium to use (each run has its own context); one is launched when absent. */
  browser?: Browser;
  log?: (line: string) => void;
}): Promise<TypingRow[]> {
  const queries = quick ? QUICK_QUERIES : QUERIES;
  writeStaticData(site);
  const pagefind = preparePagefind(site, log);
  const rows: TypingRow[] = [];
  const browser = shared ?? (await launchChromium());
  // A fresh server: its caches start empty, and the API run goes first, so every text reaches it new.
  const server = await startServer(database(API_ENTRIES, log), distDir, site, { pagefind });
  try {
    for (const setup of ['api', 'static', 'pagefind'] as const) {
      const row = await typingRun(browser, server.origin, setup, queries, log);
      rows.push(row);
      log(
        `  typing: ${row.label} ${setup} ${row.entries}: ${row.timed} keys timed, p50 ${ms(row.toResults.p50)} p95 ${ms(row.toResults.p95)} ms`,
      );
    }
  } finally {
    server.close();
    if (!shared) await browser.close();
  }
  return rows;
}

const SHORT: Record<string, string> = {
  'wsis-entry-list': 'entry-list',
  'wsis-facet-filter': 'facet-filters',
  'wsis-action-line-filter': 'action-line',
  'wsis-search-box': 'search-box',
  'input handler': 'input handler',
};

export const rowName = (r: TypingRow): string =>
  r.setup === 'pagefind'
    ? `${r.label}, ${r.entries / 1000}k pages`
    : `ours, ${r.setup === 'api' ? 'API' : 'static'} ${r.entries / 1000}k`;

export function formatTyping(rows: TypingRow[]): string[] {
  const pagefind = rows.find((r) => r.setup === 'pagefind');
  const lines = table(
    [
      `key → results painted (${KEY_INTERVAL_MS} ms/key)`,
      'keys',
      'p50',
      'p95',
      'p95 vs Pagefind',
      'last key p50',
      'p95',
      'own text shown',
      'long tasks',
      'longest',
      'input delay p95',
      'max',
    ],
    rows.map((r) => [
      rowName(r),
      String(r.timed) + (r.missing ? ` (${r.missing} never)` : ''),
      ms(r.toResults.p50),
      ms(r.toResults.p95),
      ratio(r.toResults.p95, pagefind?.toResults.p95),
      ms(r.lastKey.p50),
      ms(r.lastKey.p95),
      `${r.exact}/${r.timed}`,
      String(r.longTasks),
      ms(r.longestTaskMs),
      ms(r.inputDelay.p95),
      ms(r.inputDelay.max),
    ]),
  );
  const defaults = installedVersion('@pagefind/default-ui');
  lines.push(
    `  Per key: key event → first painted frame with results for its text or a later one of the same query; keys that`,
    `  only add a space are not timed. "last key" = the last key of each query → its results (what a visitor waits once`,
    `  they stop). "own text shown" = keys whose own text's results were painted at all. Long tasks: main thread, > 50 ms,`,
    `  while typing. Input delay: key event timestamp → its first handler.`,
    `  Pagefind: the Default UI with its defaults (300 ms debounce) that \`pagefind --site\` ${PAGEFIND_VERSION} writes beside`,
    `  its index; the npm @pagefind/default-ui is ${defaults ?? 'not installed'}${defaults && defaults !== PAGEFIND_VERSION ? ` (the registry has no ${PAGEFIND_VERSION})` : ''}.`,
    '  Main-thread script per key (mean ms; ours):',
  );
  for (const r of rows.filter((x) => x.setup !== 'pagefind')) {
    const parts = Object.entries(r.costPerKey)
      .sort((a, b) => b[1] - a[1])
      .filter(([, v]) => v >= 0.05)
      .map(([k, v]) => `${SHORT[k] ?? k.replace(/^wsis-/, '')} ${ms(v)}`);
    lines.push(`    ${rowName(r)}: ${parts.join(', ')}; slow key events (Event Timing ≥ 16 ms) ${r.slowEvents}`);
  }
  const blocked = rows.filter((r) => r.setup !== 'pagefind' && r.blockingFrames.length);
  if (blocked.length)
    lines.push('  Frames that blocked input longest (Long Animation Frames: scripts, then style/layout/paint):');
  for (const r of blocked) for (const f of r.blockingFrames) lines.push(`    ${rowName(r)}: ${f}`);
  if (pagefind) lines.push(`    Pagefind: slow key events (Event Timing ≥ 16 ms) ${pagefind.slowEvents}`);
  return lines;
}
