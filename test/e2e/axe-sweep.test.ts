/**
 * axe-core over the whole widget (shadow roots included) in every state, preset, direction
 * and width. The page has no CSP: axe is injected as an inline script.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page, Route } from 'playwright-core';
import { generateEntries } from '../../scripts/sample/generate.js';
import { COUNTRY_REGION } from '../../src/data/countries.js';
import type { Entry } from '../../src/data/entry.js';
import { ar } from '../../src/i18n/ar.js';
import { en } from '../../src/i18n/en.js';
import { launch, newPage, type Watch } from './helpers/browser.js';
import { ROOT } from './helpers/dist.js';
import { closeEntry, DIALOG, showFilters, waitForResults, waitForSearch } from './helpers/flow.js';
import { html, startStack, type Handler, type Stack } from './helpers/stack.js';

const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
/** Pages swept at once; the machine has few cores and axe is CPU-bound. */
const POOL = Number(process.env.WSIS_E2E_AXE_POOL ?? 2);

const PRESETS = [
  { name: 'default', theme: undefined, scheme: 'light' },
  { name: 'ungis', theme: 'ungis', scheme: 'light' },
  { name: 'dark', theme: 'dark', scheme: 'light' },
  { name: 'high-contrast', theme: 'high-contrast', scheme: 'light' },
  { name: 'auto (light)', theme: 'auto', scheme: 'light' },
  { name: 'auto (dark)', theme: 'auto', scheme: 'dark' },
] as const;
const LANGS = [
  { lang: 'en', dir: 'ltr', messages: en },
  { lang: 'ar', dir: 'rtl', messages: ar },
] as const;
const WIDTHS = [1280, 320] as const;
const STATES = [
  'results',
  'c7-expanded',
  'detail-open',
  'map',
  'map-table',
  'empty',
  'loading',
  'stalled',
  'error',
  'offline',
] as const;
type State = (typeof STATES)[number];

type Preset = (typeof PRESETS)[number];

/** One page: a language (direction) at one width. */
interface PageConfig {
  lang: (typeof LANGS)[number];
  width: number;
}

interface Config extends PageConfig {
  preset: Preset;
}

interface AxeNode {
  target: unknown;
  failureSummary?: string;
  html: string;
}
interface AxeResult {
  id: string;
  impact: string | null;
  nodes: AxeNode[];
}

interface Checked {
  config: string;
  state: State;
  violations: AxeResult[];
  incomplete: string[];
}

/**
 * Sample entries moved onto 24 countries (4 per ITU region): the map table then has 24 rows,
 * not 190, which keeps axe's per-cell contrast checks affordable in 24 × 10 runs.
 */
const COUNTRIES = 'RW KE NG ZA BR MX CA CO EG JO SA TN IN JP ID FJ KZ UZ AM RU DE FR PL ES'.split(' ');
function sampleEntries(): Entry[] {
  return generateEntries(600, 5).map((e) => {
    const countries = [
      ...new Set(e.countries.map((c) => COUNTRIES[(c.charCodeAt(0) * 31 + c.charCodeAt(1)) % COUNTRIES.length])),
    ].sort();
    const regions = [...new Set(countries.map((c) => COUNTRY_REGION[c]))].sort();
    return { ...e, countries, regions };
  });
}

const label = (c: Config) => `${c.preset.name} / ${c.lang.lang} ${c.lang.dir} / ${c.width}px`;
const pageLabel = (c: PageConfig) => `${c.lang.lang} ${c.lang.dir} / ${c.width}px`;

/**
 * Two heading outlines, so entry titles must fit either: h1 then h2 before the widget (English
 * pages), and h1 alone (Arabic pages), where fixed h3 titles would skip a level.
 */
const a11yPage: Handler = (_nonce, url) => {
  const lang = url.searchParams.get('lang') ?? 'en';
  const theme = url.searchParams.get('theme');
  const intro = lang === 'ar' ? '<p class="intro">WSIS projects</p>' : '<h2 class="intro">WSIS projects</h2>';
  return html(`<!doctype html>
<html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Partner site</title><script src="/dist/wsis-stocktaking.js"></script></head>
<body>
<header><h1>Partner site</h1></header>
<main>${intro}
<wsis-stocktaking api="/api/v1" page-size="6"${theme ? ` theme="${theme}"` : ''}></wsis-stocktaking>
</main>
</body></html>`);
};

let stack: Stack;
let browser: Browser;

before(async () => {
  stack = await startStack({ records: sampleEntries() });
  stack.route('/host/a11y.html', a11yPage);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await stack?.close();
});

/**
 * Contrast of every map table cell: axe reports cells clipped by the scrolling box as undecided
 * ("bgOverlap"), so the box is scrolled through and each cell must be judged at some position.
 */
async function tableContrast(page: Page): Promise<{ violations: AxeResult[]; unjudged: string[] }> {
  const wrap = page.locator('wsis-country-map .table-wrap');
  const violations: AxeResult[] = [];
  const judged = new Set<string>();
  const undecided = new Set<string>();
  // The table's box inside the window, so no cell is cut off by the page's own scroll.
  await wrap.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  // A narrow box scrolls sideways too: every row is judged at both ends of its width.
  const ends = await wrap.evaluate((el) => {
    const max = el.scrollWidth - el.clientWidth;
    // Right to left, scrollLeft runs from 0 down to -max.
    return max > 0 ? [0, max, -max] : [0];
  });
  for (const left of ends) {
    await wrap.evaluate((el, x) => ((el.scrollTop = 0), (el.scrollLeft = x)), left);
    for (let step = 0; ; step++) {
      const r = await page.evaluate(async () => {
        type Node = { target: unknown; any: { data?: { messageKey?: string } }[] };
        type Rule = { id: string; impact: string | null; nodes: (Node & { failureSummary?: string; html: string })[] };
        const w = window as unknown as {
          axe: { run(c: unknown, o: unknown): Promise<{ violations: Rule[]; passes: Rule[]; incomplete: Rule[] }> };
        };
        const res = await w.axe.run(document, { runOnly: ['color-contrast'] });
        return {
          violations: res.violations.map((v) => ({
            id: v.id,
            impact: v.impact,
            nodes: v.nodes.map((n) => ({
              target: n.target,
              failureSummary: n.failureSummary,
              html: n.html.slice(0, 200),
            })),
          })),
          // No named helpers in page code: the TypeScript loader would wrap them in one the page lacks.
          judged: [...res.passes, ...res.violations].flatMap((v) => v.nodes.map((n) => JSON.stringify(n.target))),
          overlapped: res.incomplete.flatMap((v) =>
            v.nodes
              .filter((n) => n.any.some((a) => a.data?.messageKey === 'bgOverlap'))
              .map((n) => JSON.stringify(n.target)),
          ),
        };
      });
      violations.push(...r.violations);
      r.judged.forEach((k) => judged.add(k));
      r.overlapped.filter((k) => k.includes('wsis-country-map')).forEach((k) => undecided.add(k));
      assert.ok(step < 50, 'the map table never reached its end');
      const moved = await wrap.evaluate((el) => {
        const before = el.scrollTop;
        el.scrollTop += Math.max(1, el.clientHeight * 0.8);
        return el.scrollTop > before;
      });
      if (!moved) break;
    }
  }
  await wrap.evaluate((el) => ((el.scrollTop = 0), (el.scrollLeft = 0)));
  return { violations, unjudged: [...undecided].filter((k) => !judged.has(k)) };
}

async function axe(page: Page): Promise<{ violations: AxeResult[]; incomplete: string[] }> {
  // Only violations get full node details: much faster, and nothing else is asserted on.
  return page.evaluate(async () => {
    const w = window as unknown as {
      axe: { run(ctx: unknown, o: unknown): Promise<{ violations: AxeResult[]; incomplete: AxeResult[] }> };
    };
    const r = await w.axe.run(document, { resultTypes: ['violations'] });
    return {
      violations: r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary, html: n.html.slice(0, 200) })),
      })),
      incomplete: r.incomplete.map((v) => v.id),
    };
  });
}

const listRoot = `document.querySelector('wsis-stocktaking').shadowRoot.querySelector('wsis-entry-list').shadowRoot`;

/**
 * Waits for the stalled message. On a slow machine the held request may already have hit the
 * client's timeout (an error); retrying with requests still held brings the stalled state back.
 */
async function reachStalled(page: Page, stalled: string): Promise<void> {
  const summary = `(${listRoot}.querySelector('.summary')?.textContent ?? '').trim() === ${JSON.stringify(stalled)}`;
  for (let attempt = 0; ; attempt++) {
    await page.waitForFunction(`${summary} || !!${listRoot}.querySelector('.problem')`);
    if (await page.evaluate(summary)) return;
    assert.ok(attempt < 3, 'the stalled state never held long enough');
    await page.locator('main > .intro').click();
    await page.locator('wsis-entry-list .problem .retry').click();
  }
}

type Mode = 'pass' | 'hold' | 'fail' | 'offline';

// Retry-After: 0 lets the client's retries (docs/api.md policy) run without backoff.
const serverError = {
  status: 500,
  contentType: 'application/json',
  headers: { 'retry-after': '0' },
  body: JSON.stringify({ error: { code: 'internal_error', message: 'Internal server error' } }),
};

/** One route for the page's API searches; `set` switches how they are answered. */
async function network(page: Page) {
  let mode: Mode = 'pass';
  const held: Route[] = [];
  // A route the widget has since aborted may already be gone.
  const quietly = (p: Promise<void>) => void p.catch(() => {});
  await page.route(/\/api\/v1\/entries\?/, (route) => {
    if (mode === 'hold') held.push(route);
    else if (mode === 'fail') quietly(route.fulfill(serverError));
    else if (mode === 'offline') quietly(route.abort('internetdisconnected'));
    else quietly(route.continue());
  });
  return {
    set(next: Mode) {
      mode = next;
      if (next !== 'hold')
        for (const route of held.splice(0)) quietly(next === 'fail' ? route.fulfill(serverError) : route.continue());
    },
  };
}

/** Switches the live widget to a preset (and the page to its colour scheme), without a reload. */
async function applyPreset(page: Page, preset: Preset): Promise<void> {
  await page.emulateMedia({ colorScheme: preset.scheme });
  await page.evaluate(
    (theme) =>
      new Promise((done) => {
        const el = document.querySelector('wsis-stocktaking')!;
        if (theme) el.setAttribute('theme', theme);
        else el.removeAttribute('theme');
        requestAnimationFrame(() => requestAnimationFrame(done));
      }),
    preset.theme ?? null,
  );
}

/**
 * Puts the page into each state in turn and runs axe there once per preset: presets only swap
 * colours, so switching them on the live widget checks the same states as a page per preset.
 */
async function sweep(page: Page, w: Watch, c: PageConfig, out: Checked[], mapMissing: Set<string>): Promise<void> {
  const msg = c.lang.messages;
  const net = await network(page);
  const check = async (state: State, extra?: (record: Checked, config: Config) => Promise<void>) => {
    for (const preset of PRESETS) {
      await applyPreset(page, preset);
      const config = { ...c, preset };
      const record: Checked = { config: label(config), state, ...(await axe(page)) };
      await extra?.(record, config);
      out.push(record);
    }
    await applyPreset(page, PRESETS[0]);
  };
  await waitForResults(page, w);
  await check('results');

  await showFilters(page);
  const toggle = page.locator('wsis-action-line-filter button.toggle');
  await toggle.click();
  await page.locator('wsis-action-line-filter #c7-sublines:not([hidden])').waitFor();
  await check('c7-expanded');
  await toggle.click();
  if (c.width < 768) await page.locator('wsis-stocktaking details.filters > summary').click();

  await page.locator('wsis-entry-list button.open[data-index="0"]').click();
  await page.locator(`${DIALOG}[open] dl`).waitFor();
  await check('detail-open');
  await closeEntry(page);

  // On narrow pages the map is behind its "Map" toggle (the filters close again); its code loads once it is opened.
  if (c.width < 768) {
    await page.locator('wsis-stocktaking details.filters > summary').click();
    await page.locator('wsis-stocktaking details.map > summary').click();
  }
  await page.waitForFunction(() => !!customElements.get('wsis-country-map'), null, { timeout: 10_000 }).catch(() => {});
  if (await page.evaluate(() => !!customElements.get('wsis-country-map'))) {
    const map = page.locator('wsis-country-map');
    await map.scrollIntoViewIfNeeded();
    await page.locator('wsis-country-map .stage:not(.pending) svg').waitFor();
    await check('map');
    const view = page.locator('wsis-country-map button.toggle');
    await view.click();
    await page.locator('wsis-country-map table').waitFor();
    // axe cannot judge the contrast of rows scrolled out of the table's box: scroll through them.
    await check('map-table', async (record, config) => {
      const table = await tableContrast(page);
      record.violations.push(...table.violations);
      assert.deepEqual(table.unjudged, [], `${label(config)}: map table cells whose contrast was never checked`);
    });
    await view.click();
    await page.evaluate(() => window.scrollTo(0, 0));
  } else {
    mapMissing.add(pageLabel(c));
  }

  let from = w.searches.length;
  await page.locator('wsis-search-box input').fill('qxzqxzqxz');
  await waitForSearch(page, w, from, (s) => s.total === 0);
  await page.locator('wsis-entry-list .empty').waitFor();
  await check('empty');

  // Loading: requests are held; the stalled message follows after a short delay.
  net.set('hold');
  await page.locator('wsis-search-box input').fill('health');
  await page.waitForFunction(`!!${listRoot}.querySelector('[aria-busy="true"]')`);
  await check('loading');
  await reachStalled(page, msg['results.stalled']);
  await check('stalled');

  // Error: the held request and its retries get a 500 in the contract's shape.
  net.set('fail');
  await page.locator('wsis-entry-list .problem').waitFor();
  await check('error');

  net.set('offline');
  // "Offline" is said only when the browser knows it is; a dead API alone is an error.
  await page.context().setOffline(true);
  // Blurring the search box closes its suggestions, which may cover the list.
  await page.locator('main > .intro').click();
  await page.locator('wsis-entry-list .problem .retry').click();
  await page.locator('wsis-entry-list .problem').filter({ hasText: msg['results.offline'] }).waitFor();
  await check('offline');
  await page.context().setOffline(false);

  // Back to normal, so nothing is left pending when the page closes.
  net.set('pass');
  from = w.searches.length;
  await page.locator('wsis-entry-list .problem .retry').click();
  await waitForSearch(page, w, from);
  assert.deepEqual(w.pageErrors, [], `${pageLabel(c)}: uncaught errors`);
}

const pages: PageConfig[] = LANGS.flatMap((lang) => WIDTHS.map((width) => ({ lang, width })));

const checked: Checked[] = [];
const mapMissing = new Set<string>();

describe('accessibility sweep (axe-core)', () => {
  test('zero axe violations in every state × preset × direction × width', async (t) => {
    const started = Date.now();
    const queue = [...pages];
    const worker = async () => {
      for (let c = queue.shift(); c; c = queue.shift()) {
        const { context, page, watch } = await newPage(browser, { viewport: { width: c.width, height: 900 } });
        try {
          const url = new URL('/host/a11y.html', stack.origin);
          url.searchParams.set('lang', c.lang.lang);
          // Parsed while the page loads rather than at the first check.
          await page.addInitScript({ content: AXE });
          await page.goto(url.href);
          await sweep(page, watch, c, checked, mapMissing);
        } catch (error) {
          queue.length = 0; // the other pages stop after their current one
          throw new Error(`${pageLabel(c)}: ${(error as Error).message}`, { cause: error });
        } finally {
          await context.close();
        }
      }
    };
    await Promise.all(Array.from({ length: POOL }, worker));
    const failures = checked.filter((r) => r.violations.length);
    const incomplete = new Map<string, Set<State>>();
    for (const r of checked)
      for (const id of r.incomplete) incomplete.set(id, (incomplete.get(id) ?? new Set()).add(r.state));
    t.diagnostic(
      `${checked.length} combinations checked (${PRESETS.length} presets × ${STATES.length} states on ` +
        `${pages.length} direction × width pages${mapMissing.size ? `, map states missing on ${mapMissing.size}` : ''}) ` +
        `in ${Math.round((Date.now() - started) / 1000)} s`,
    );
    for (const [id, states] of incomplete) t.diagnostic(`axe could not decide ${id} in: ${[...states].join(', ')}`);
    const report = failures
      .map(
        (r) =>
          `${r.config} / ${r.state}:\n` +
          r.violations
            .map(
              (v) =>
                `  ${v.id} (${v.impact}): ` +
                v.nodes
                  .slice(0, 3)
                  .map((n) => `${JSON.stringify(n.target)} ${n.failureSummary?.replace(/\s+/g, ' ')}`)
                  .join(' | '),
            )
            .join('\n'),
      )
      .join('\n');
    assert.equal(failures.length, 0, `axe violations in ${failures.length} combinations:\n${report}`);
  });

  test('the map and its table view are part of the sweep', () => {
    assert.equal(
      mapMissing.size,
      0,
      `dist/wsis-stocktaking.js does not register <wsis-country-map>, so the map states could not be checked ` +
        `on ${mapMissing.size} pages (src/bundle.ts defines no wsis-country-map)`,
    );
  });

  test('forced colors: the default layout still shows its controls and results', async () => {
    const { context, page, watch } = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    try {
      await page.emulateMedia({ forcedColors: 'active' });
      await page.goto(`${stack.origin}/host/a11y.html?lang=en`);
      await waitForResults(page, watch);
      assert.equal(await page.evaluate(() => matchMedia('(forced-colors: active)').matches), true);
      for (const selector of [
        'wsis-search-box input',
        'wsis-entry-list button.open',
        'wsis-action-line-filter input',
      ]) {
        const box = await page.locator(selector).first().boundingBox();
        assert.ok(box && box.width > 0 && box.height > 0, `${selector} is not visible in forced colors`);
      }
      // Keyboard focus must stay visible when the page's colours are replaced.
      await page.locator('wsis-search-box input').focus();
      const outline = await page.evaluate(() => {
        let el: Element | null = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return el ? getComputedStyle(el).outlineStyle : 'none';
      });
      assert.notEqual(outline, 'none', 'no focus outline in forced colors');
      assert.deepEqual(watch.pageErrors, []);
    } finally {
      await context.close();
    }
  });
});
