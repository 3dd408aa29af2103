/**
 * The configurator's embed code, pasted alone into a blank page of the same server, must show what
 * its preview shows, and its Subresource Integrity hash must be the built file's.
 * Run with `node --import tsx --test test/e2e/configurator.test.ts`; builds dist/ first if it is missing.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { startDemoSite, type DemoSite } from './helpers/demo-site.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dist = join(root, 'dist');
const ACCENT = '#7a1f5c';
const QUERY = 'health';

let site: DemoSite;
let origin: string;
let browser: Browser;
/** What GET /blank.html answers: the embed code and nothing else. */
let blankPage = '';

before(async () => {
  if (!existsSync(join(dist, 'integrity.json'))) {
    const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
    assert.equal(build.status, 0, 'npm run build failed');
  }
  site = await startDemoSite({
    entries: 3000,
    routes: (app) => {
      app.get('/blank.html', (_request, reply) => reply.type('text/html; charset=utf-8').send(blankPage));
      // The blank page is only the snippet, with no icon of its own: the browser asks for this one.
      app.get('/favicon.ico', (_request, reply) => reply.code(204).send());
    },
  });
  ({ origin, browser } = site);
});

after(() => site?.close());

/** What a visitor sees of the widget, read in the page. */
interface Summary {
  lang: string | null;
  dir: string | null;
  /** Every wsis-* element inside the widget, light DOM and shadow roots. */
  components: string[];
  count: string;
  titles: string[];
  /** From the custom colours. */
  accent: string;
  surface: string;
  /** From the theme preset: the custom colours leave these alone. */
  muted: string;
  border: string;
  /** After typing a query: the count, titles and whether the page URL carries it. */
  queried: { count: string; titles: string[]; inUrl: boolean };
}

/** Runs in the page. Waits for the widget's search to settle, then reads it. */
async function read(page: Page): Promise<Omit<Summary, 'queried'>> {
  await page.waitForFunction(() => {
    const el = document.querySelector('wsis-stocktaking') as
      (HTMLElement & { store?: { state: { status: string } } }) | null;
    const list = document.querySelector('wsis-entry-list') ?? el?.shadowRoot?.querySelector('wsis-entry-list');
    const base = el?.shadowRoot?.querySelector('.base');
    // Shown: the widget stays hidden until its language's texts and its colours are in.
    const shown = !!base && getComputedStyle(base).visibility === 'visible';
    return el?.store?.state.status === 'ready' && list?.shadowRoot?.querySelector('.entry .open') && shown;
  });
  // No named functions inside: tsx would wrap them in a helper that the page does not have.
  return page.evaluate(() => {
    const el = document.querySelector('wsis-stocktaking')!;
    const roots: (Element | ShadowRoot)[] = [el];
    for (let i = 0; i < roots.length; i++) {
      for (const child of roots[i].querySelectorAll('*')) if (child.shadowRoot) roots.push(child.shadowRoot);
    }
    const all = roots.flatMap((r) => [...r.querySelectorAll('*')]);
    const texts = all
      .filter((e) => e.matches('.summary, .entry .open'))
      .map((e) => [e.matches('.summary'), (e.textContent ?? '').replace(/\s+/g, ' ').trim()] as const);
    const base = el.shadowRoot!.querySelector('.base')!;
    return {
      lang: base.getAttribute('lang'),
      dir: base.getAttribute('dir'),
      components: [...new Set(all.map((e) => e.localName).filter((n) => n.startsWith('wsis-')))].sort(),
      count: texts.find(([summary]) => summary)?.[1] ?? '',
      titles: texts
        .filter(([summary]) => !summary)
        .map(([, text]) => text)
        .slice(0, 5),
      accent: getComputedStyle(all.find((e) => e.matches('.entry .open'))!).color,
      surface: getComputedStyle(el).backgroundColor,
      muted: getComputedStyle(all.find((e) => e.matches('.entry .countries'))!).color,
      border: getComputedStyle(all.find((e) => e.matches('select'))!).borderTopColor,
    };
  });
}

/** Reads the widget, types a query as a visitor would and reads it again. */
async function summarize(page: Page): Promise<Summary> {
  const first = await read(page);
  // The search is done when the widget says so; its count text changes earlier, with the query.
  // Wrapped in an object so that Playwright hands back the promise instead of awaiting it.
  const searched = await page.evaluateHandle(
    (query) => ({
      done: new Promise<void>((resolve) =>
        document.querySelector('wsis-stocktaking')!.addEventListener('wsis-search', (event) => {
          if ((event as CustomEvent<{ query: string }>).detail.query === query) resolve();
        }),
      ),
    }),
    QUERY,
  );
  await page.locator('wsis-stocktaking input[role="combobox"]').first().fill(QUERY);
  await searched.evaluate((handle) => handle.done);
  // One frame for the list to render the new results.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const second = await read(page);
  const inUrl = await page.evaluate(() => new URL(location.href).searchParams.get('st') !== null);
  return { ...first, queried: { count: second.count, titles: second.titles, inUrl } };
}

/** Loads `html` as the whole of a blank page of the same server, in a fresh context. */
async function blank(html: string): Promise<{ summary: Summary; errors: string[] }> {
  blankPage = `<!doctype html>\n${html}`;
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  try {
    await page.goto(`${origin}/blank.html`);
    return { summary: await summarize(page), errors };
  } finally {
    await context.close();
  }
}

/** The snippet with one attribute of <wsis-stocktaking>, or one child element, left out. */
function without(snippet: string, name: string): string {
  const out = name.startsWith('<')
    ? snippet.replace(new RegExp(`\\s*${name}[^>]*></${name.slice(1)}>`), '')
    : snippet.replace(/<wsis-stocktaking[^>]*>/, (tag) => tag.replace(new RegExp(`\\s+${name}=("[^"]*"|'[^']*')`), ''));
  assert.notEqual(out, snippet, `the snippet has no ${name}`);
  return out;
}

test('the configurator snippet alone reproduces its preview, and its SRI hash is the built file', async (t) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${origin}/configurator.html`);
  // The hash arrives with integrity.json, after the first snippet.
  await page.waitForFunction(() => document.getElementById('snippet')!.textContent!.includes('integrity='));

  await page.selectOption('#lang', 'ar');
  await page.selectOption('#theme', 'dark');
  await page.check('#custom-colours');
  await page.fill('#color-primary', ACCENT);
  // Offered by name, emitted as codes.
  await page.waitForSelector('#countries option[value="KE"]', { state: 'attached' });
  assert.equal(await page.textContent('#countries option[value="KE"]'), 'Kenya (KE)');
  await page.selectOption('#countries', ['KE', 'RW']);
  await page.selectOption('#action-lines', ['C3', 'C7.e-health', 'C4']);
  await page.check('input[name="layout"][value="composed"]');
  await page.uncheck('input[name="parts"][value="filters"]');
  await page.check('input[name="parts"][value="map"]');
  await page.check('input[name="parts"][value="export"]');
  await page.check('input[name="syncUrl"]');
  // Text fields update after a pause.
  await page.waitForFunction(() => document.getElementById('snippet')!.textContent!.includes('scope-country'));
  const snippet = (await page.textContent('#snippet'))!;
  const preview = await summarize(page);
  await context.close();

  for (const part of [
    'lang="ar"',
    'theme="dark"',
    'tokens=',
    'scope-country="KE,RW"',
    'scope-action-line=',
    'sync-url="st"',
  ]) {
    assert.ok(snippet.includes(part), `the snippet lacks ${part}:\n${snippet}`);
  }
  // The settings took effect in the preview, so matching it means something.
  assert.equal(preview.lang, 'ar');
  assert.equal(preview.dir, 'rtl');
  assert.equal(preview.accent, 'rgb(122, 31, 92)');
  // The entry detail is rendered once an entry is opened.
  assert.deepEqual(preview.components, ['wsis-country-map', 'wsis-entry-list', 'wsis-export', 'wsis-search-box']);
  assert.ok(preview.titles.length > 0);
  assert.notEqual(preview.queried.count, preview.count);
  assert.equal(preview.queried.inUrl, true);
  assert.deepEqual(pageErrors, []);

  await t.test('the blank page shows the same', async () => {
    const { summary, errors } = await blank(snippet);
    assert.deepEqual(errors, []);
    assert.deepEqual(summary, preview);
  });

  await t.test('the script it loads is the built file, with the hash of integrity.json', async () => {
    const script = /<script\s+src="([^"]+)"\s+integrity="([^"]+)"\s+crossorigin="anonymous"\s*><\/script>/.exec(
      snippet,
    );
    assert.ok(script, `no script with integrity in:\n${snippet}`);
    const [, src, integrity] = script;
    const url = new URL(src);
    assert.equal(url.origin, origin);
    const name = url.pathname.replace(/^\/dist\//, '');
    const manifest = JSON.parse(readFileSync(join(dist, 'integrity.json'), 'utf8')) as {
      version: string;
      files: Record<string, { integrity: string }>;
    };
    assert.equal(name, `wsis-stocktaking-${manifest.version}.js`);
    const sri = (bytes: Uint8Array) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
    assert.equal(integrity, sri(readFileSync(join(dist, name))));
    assert.equal(integrity, manifest.files[name].integrity);
    const served = await fetch(src);
    assert.equal(served.status, 200);
    assert.equal(integrity, sri(new Uint8Array(await served.arrayBuffer())));
  });

  await t.test('a snippet that lost any one setting would not match', async () => {
    // Each setting left out, and what the comparison must then see change.
    const shows: Record<string, keyof Summary> = {
      lang: 'lang',
      theme: 'muted',
      tokens: 'accent',
      'scope-country': 'count',
      'scope-action-line': 'count',
      'sync-url': 'queried',
      '<wsis-export': 'components',
    };
    for (const [missing, field] of Object.entries(shows)) {
      const { summary } = await blank(without(snippet, missing));
      assert.notDeepEqual(summary[field], preview[field], `without ${missing}, ${field} stayed the same`);
    }
  });
});

test('the configurator page is as tall as its content: the preview adds no blank scroll', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${origin}/configurator.html`);
  await page.waitForFunction(() => {
    const el = document.querySelector('wsis-stocktaking') as
      (HTMLElement & { store?: { state: { status: string } } }) | null;
    const list = el?.shadowRoot?.querySelector('wsis-entry-list');
    const base = el?.shadowRoot?.querySelector('.base');
    // Shown: the widget stays hidden until its language's texts and its colours are in.
    const shown = !!base && getComputedStyle(base).visibility === 'visible';
    return el?.store?.state.status === 'ready' && list?.shadowRoot?.querySelector('.entry .open') && shown;
  });
  const { scrollHeight, contentBottom } = await page.evaluate(() => ({
    scrollHeight: document.scrollingElement!.scrollHeight,
    // The in-flow content: the body's box plus its bottom margin.
    contentBottom: Math.max(900, Math.ceil(document.body.getBoundingClientRect().bottom + window.scrollY) + 16),
  }));
  await context.close();
  assert.ok(scrollHeight <= contentBottom, `page scrolls to ${scrollHeight} px, content ends at ${contentBottom} px`);
});
