/**
 * The widget on a page nobody on our side controls: strict CSP with Trusted Types, hostile
 * global CSS, a patched fetch, clashing globals, a frozen Array.prototype and a second copy.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { generateEntries } from '../../scripts/sample/generate.js';
import { launch, newPage, type Watch } from './helpers/browser.js';
import { DIST_DIR, editedBuild, MAIN, otherVersionBundle, VERSION, writeVariant } from './helpers/dist.js';
import { closeEntry, openEntry, search, showMap, tickActionLine, until, waitForResults } from './helpers/flow.js';
import { hostilePage, TRACE_HEADER } from './helpers/hostile.js';
import { jsonFile, startStack, type Stack } from './helpers/stack.js';

const OTHER_VERSION = '0.0.9';
const QUERY = 'telemedicine';
/**
 * Every entry carries markup, as data from an untrusted source may: an HTML sink for entry data
 * would turn it into an inline handler, which the CSP reports (and blocks).
 */
const entries = generateEntries(600, 11).map((e) => ({
  ...e,
  organization: `${e.organization} <img src=x onerror="window.__pwned=1">`,
  description: `${e.description} <svg onload="window.__pwned=2"></svg>`,
}));

let stack: Stack;
let browser: Browser;

before(async () => {
  stack = await startStack({ records: entries });
  writeVariant(stack.dist, 'other', MAIN, otherVersionBundle(stack.dist, OTHER_VERSION));
  for (const [name, edit] of Object.entries(BREAKS)) editedBuild(stack.dist, `broken-${name}`, edit);
  stack.route('/data/sample.json', () => jsonFile(entries.slice(0, 300)));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await stack?.close();
});

const HOST_CONTROL = '/api/v1/health?from=host';

/** Elements in the widget's shadow roots whose own text shows the hostile font (30px serif) or colour (red). */
const LEAKS = `(() => {
  const out = [];
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) walk(el.shadowRoot);
      if (![...el.childNodes].some((n) => n.nodeType === 3 && n.nodeValue.trim())) continue;
      const s = getComputedStyle(el);
      if (s.fontSize === '30px' || /^serif$/i.test(s.fontFamily) || s.color === 'rgb(255, 0, 0)') {
        out.push('<' + el.localName + ' class="' + (el.getAttribute('class') || '') + '"> ' + s.fontSize + ' ' + s.fontFamily + ' ' + s.color);
      }
    }
  };
  walk(document.querySelector('wsis-stocktaking').shadowRoot);
  return out;
})()`;

/** What the server saw since request number `from`, the host page's own control request left out. */
const widgetRequests = (from: number) => stack.requests.slice(from).filter((r) => r.url !== HOST_CONTROL);

/** type a query, tick an action line, open an entry, close it; each step must change what is shown. */
async function fullFlow(page: Page, w: Watch): Promise<void> {
  const first = (await waitForResults(page, w)).total;
  assert.ok(first > 0, 'the first page of results should show a count');
  const searched = (await search(page, w, QUERY)).total;
  assert.ok(searched > 0 && searched < first, `"${QUERY}" should narrow ${first} entries, got ${searched}`);
  const filtered = (await tickActionLine(page, w, 'C2')).total;
  assert.ok(filtered <= searched, `ticking C2 should not widen ${searched} entries, got ${filtered}`);
  assert.ok(filtered > 0, 'C2 should leave some telemedicine entries');
  const title = await openEntry(page, 0);
  assert.ok(title.length > 0);
  await closeEntry(page);
}

/** The parts loaded on demand, each used once: suggestions, the map with its geometry, export (all in the default layout). */
async function everyLazyPart(page: Page): Promise<void> {
  await page.locator('wsis-search-box input').fill('rwan');
  await page.locator('wsis-search-box [role="option"]').first().waitFor();
  await page.locator('wsis-search-box input').fill('');
  await showMap(page);
  await page.locator('wsis-country-map svg path').first().waitFor({ state: 'attached' });
  const download = page.waitForEvent('download');
  await page.locator('wsis-export button.start[data-format="csv"]').click();
  assert.match((await download).suggestedFilename(), /\.csv$/);
}

async function assertClean(page: Page, w: Watch, what: string): Promise<void> {
  assert.equal(
    await page.evaluate(() => (window as { __pwned?: unknown }).__pwned),
    undefined,
    `${what}: entry markup ran`,
  );
  assert.equal(w.violations.length, 0, `${what}: CSP/Trusted Types violations:\n${w.report()}`);
  assert.equal(w.pageErrors.length, 0, `${what}: uncaught errors:\n${w.report()}`);
  assert.equal(w.consoleErrors.length, 0, `${what}: console errors:\n${w.report()}`);
  assert.deepEqual(w.failedRequests, [], `${what}: failed requests`);
}

/** No request of the widget (API, data file, lazy assets) went through the host's patched fetch. */
function assertNoTrace(from: number, browserHeaders: Record<string, string>[], apiCalls = 3): void {
  const seen = widgetRequests(from);
  const api = seen.filter((r) => r.url.startsWith('/api/v1/entries'));
  assert.ok(api.length >= apiCalls, `expected at least ${apiCalls} API requests, saw ${api.length}`);
  const traced = seen.filter((r) => r.headers[TRACE_HEADER] !== undefined).map((r) => r.url);
  assert.deepEqual(traced, [], `requests made with the host's patched fetch`);
  assert.ok(
    browserHeaders.every((h) => !(TRACE_HEADER in h)),
    'the browser sent a widget request with the trace header',
  );
  // Positive control: the host's own fetch went through its patch, so the check can see it.
  const control = stack.requests.slice(from).find((r) => r.url === HOST_CONTROL);
  assert.equal(control?.headers[TRACE_HEADER], 'host-page', 'the host page patch did not run');
}

async function openHostile(options: Parameters<typeof hostilePage>[2], path: string) {
  const url = hostilePage(stack, path, options);
  const session = await newPage(browser);
  const headers: Record<string, string>[] = [];
  session.page.on('request', (r) => {
    if (!r.url().endsWith(HOST_CONTROL)) headers.push(r.headers());
  });
  const from = stack.requests.length;
  const response = await session.page.goto(url);
  assert.match(response?.headers()['content-security-policy'] ?? '', /require-trusted-types-for 'script'/);
  return { ...session, headers, from };
}

describe('hostile host page', () => {
  test('strict CSP, hostile CSS and globals, patched fetch, two versions: the full search works cleanly', async () => {
    const { page, watch, context, headers, from } = await openHostile(
      { widget: 'api="/api/v1"', secondCopy: `/dist/other/${MAIN}` },
      '/host/hostile.html',
    );
    try {
      await fullFlow(page, watch);
      assertNoTrace(from, headers);
      await assertClean(page, watch, 'hostile page');
      const versions = watch.consoleWarnings.filter((m) => m.includes('wsis-stocktaking') && m.includes('version'));
      assert.equal(versions.length, 1, `one warning about two versions, got:\n${watch.consoleWarnings.join('\n')}`);
      assert.ok(versions[0].includes(VERSION) && versions[0].includes(OTHER_VERSION), versions[0]);
    } finally {
      await context.close();
    }
  });

  test('one copy under the same page: the full search works cleanly and fetch is captured', async () => {
    const { page, watch, context, headers, from } = await openHostile({ widget: 'api="/api/v1"' }, '/host/single.html');
    try {
      await fullFlow(page, watch);
      assertNoTrace(from, headers);
      await assertClean(page, watch, 'hostile page, one copy');
    } finally {
      await context.close();
    }
  });

  test("under the strict policy the stub fetches the module entry's imports beside it, not after it", async () => {
    const { page, watch, context } = await openHostile({ widget: 'api="/api/v1"' }, '/host/single.html');
    try {
      await waitForResults(page, watch);
      const manifest = JSON.parse(readFileSync(join(DIST_DIR, '.vite', 'manifest.json'), 'utf8')) as Record<
        string,
        { file: string; isEntry?: boolean; imports?: string[] }
      >;
      const entry = Object.values(manifest).find((chunk) => chunk.isEntry)!;
      const imports = (entry.imports ?? []).map((key) => manifest[key].file);
      assert.ok(imports.length > 0, 'the module entry imports chunks');
      const timing = await page.evaluate(() =>
        Object.fromEntries(
          (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((r) => [
            r.name.split('/').pop(),
            [r.startTime, r.responseEnd],
          ]),
        ),
      );
      const [, entryEnd] = timing[entry.file];
      // Found only in the entry's code, a chunk would be requested after the entry had arrived.
      for (const file of imports)
        assert.ok(timing[file][0] < entryEnd, `${file} was requested after the entry arrived`);
      await assertClean(page, watch, 'preloading stub');
    } finally {
      await context.close();
    }
  });

  test("'strict-dynamic' with a nonce on the snippet only: the full search works cleanly", async () => {
    const { page, watch, context } = await openHostile(
      { widget: 'api="/api/v1"', strictDynamic: true },
      '/host/strict-dynamic.html',
    );
    try {
      await fullFlow(page, watch);
      await assertClean(page, watch, "'strict-dynamic' page");
    } finally {
      await context.close();
    }
  });

  test('`* { all: unset }` on every element, the widget host included: the full search still works', async () => {
    const { page, watch, context } = await openHostile({ widget: 'api="/api/v1"', allUnset: true }, '/host/unset.html');
    try {
      await fullFlow(page, watch);
      await assertClean(page, watch, 'all: unset');
    } finally {
      await context.close();
    }
  });

  test("the page's global CSS does not restyle any text the widget draws", async () => {
    for (const allUnset of [false, true]) {
      // With no data source the widget shows only its configuration error.
      for (const widget of ['api="/api/v1"', '']) {
        const what = `${allUnset ? 'all: unset' : 'hostile CSS'}, ${widget ? 'results' : 'config error'}`;
        const { page, watch, context } = await openHostile(
          { widget, allUnset },
          `/host/restyle-${allUnset}-${widget ? 'api' : 'none'}.html`,
        );
        try {
          if (widget) await waitForResults(page, watch);
          else await page.locator('wsis-stocktaking .config-error').waitFor();
          const leaks = (await page.evaluate(LEAKS)) as string[];
          assert.deepEqual(leaks, [], `${what}: text styled by the page`);
        } finally {
          await context.close();
        }
      }
    }
  });

  test('static mode with worker-src none: the index runs on the main thread, no worker is tried', async () => {
    const { page, watch, context, headers, from } = await openHostile(
      { widget: 'src="/data/sample.json"', workerSrc: `'none'` },
      '/host/static.html',
    );
    try {
      const first = (await waitForResults(page, watch)).total;
      assert.equal(first, 300);
      const searched = (await search(page, watch, QUERY)).total;
      assert.ok(searched > 0 && searched < first, `"${QUERY}" should narrow ${first}, got ${searched}`);
      await openEntry(page, 0);
      await closeEntry(page);
      // The engine is imported as a module: nothing is left for worker-src to block.
      await assertClean(page, watch, 'static mode, worker-src none');
      assert.ok(
        widgetRequests(from).some((r) => r.url === '/data/sample.json'),
        'the data file was fetched',
      );
      assertNoTrace(from, headers, 0);
    } finally {
      await context.close();
    }
  });

  for (const [name, widget] of [
    ['search, filters, suggestions, map, export and entry detail', 'api="/api/v1"'],
    ['static mode', 'src="/data/sample.json"'],
  ] as const) {
    test(`Trusted Types allowing only lit-html (${name}): all works, with zero violations`, async () => {
      const { page, watch, context } = await openHostile(
        { widget, policies: 'lit-html' },
        `/host/lit-only-${widget.includes('api=') ? 'api' : 'static'}.html`,
      );
      try {
        if (widget.includes('api=')) await fullFlow(page, watch);
        else {
          assert.equal((await waitForResults(page, watch)).total, 300);
          assert.ok((await search(page, watch, QUERY)).total > 0);
          await openEntry(page, 0);
          await closeEntry(page);
        }
        await everyLazyPart(page);
        assert.deepEqual(watch.violations, [], `CSP/Trusted Types violations:\n${watch.report()}`);
        assert.equal(watch.pageErrors.length, 0, watch.report());
        assert.deepEqual(watch.consoleErrors, [], 'console errors');
        assert.deepEqual(watch.failedRequests, []);
        // No policy but Lit's was ever asked for.
        assert.deepEqual(await page.evaluate(() => (window as { __policies?: string[] }).__policies), ['lit-html']);
      } finally {
        await context.close();
      }
    });
  }
});

const ANCHOR = 'class="summary"';
/** Breaks the entry list's summary template, which renders on every page, in whichever chunk holds it. */
const breaking = (insert: string) => (text: string) => {
  if (!text.includes(ANCHOR)) return text;
  assert.equal(text.split(ANCHOR).length, 2, `the chunk should contain ${ANCHOR} once`);
  return text.replace(ANCHOR, `${ANCHOR} ${insert}`);
};

/** Deliberately broken copies of the build: what a careless change to a template would ship. */
const BREAKS = {
  // A `style=${…}` attribute binding, as a quick colour fix would add.
  style: breaking(`style=\${'color: red'}`),
  // An HTML string sink, as unsafeHTML of entry data or a hand-written innerHTML would be.
  innerhtml: breaking(`.innerHTML=\${'<b>raw</b>'}`),
};

describe('the hostile page checks can fail', () => {
  for (const [name, directive] of [
    ['style', 'style-src-attr'],
    ['innerhtml', 'require-trusted-types-for'],
  ] as const) {
    test(`${name === 'style' ? 'a style= binding' : 'an innerHTML sink'} in a deliberately broken bundle is detected`, async () => {
      const { page, watch, context } = await openHostile(
        { widget: 'api="/api/v1"', script: `/dist/broken-${name}/${MAIN}` },
        `/host/broken-${name}.html`,
      );
      try {
        await page.locator('wsis-entry-list').waitFor({ state: 'attached' });
        await page.waitForFunction(() => document.readyState === 'complete');
        await until(
          () => watch.violations.length > 0,
          () => `no violation seen:\n${watch.report()}`,
        );
        // The same check the clean pages pass must reject this one.
        await assert.rejects(assertClean(page, watch, `broken-${name}`), /violations/);
        assert.ok(
          watch.violations.some((v) => v.directive === directive),
          `expected a ${directive} violation, got:\n${watch.report()}`,
        );
      } finally {
        await context.close();
      }
    });
  }
});
