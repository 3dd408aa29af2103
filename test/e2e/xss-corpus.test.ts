/**
 * Hostile entries, imported by the real importer and served by the reference server, shown by
 * the built bundle on a page WITHOUT a CSP, so anything that became markup would also run.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { validateEntry, type Entry } from '../../src/data/entry.js';
import { makeEntry } from '../fixtures/entries.js';
import { auditDom, composedText, type Audit } from './helpers/audit.js';
import { launch, newPage, type Watch } from './helpers/browser.js';
import { closeEntry, DIALOG, waitForResults, waitForSearch } from './helpers/flow.js';
import { html, jsonFile, startStack, type Stack } from './helpers/stack.js';
import {
  BAD_WEBSITES,
  HOSTILE_HTTP_URLS,
  HUGE,
  HUGE_URL,
  LONG_DESCRIPTION,
  run,
  TEXT_PAYLOADS,
} from './helpers/xss-payloads.js';

/** Valid rows: each payload in title, organization and description, and inside an http(s) website. */
const textRows: Entry[] = TEXT_PAYLOADS.map(({ n, text }) =>
  makeEntry(`xss-${n}`, {
    title: `T${n} ${text}`,
    organization: `O${n} ${text}`,
    description: `D${n} ${text}\n\n${text}`,
    website: `https://x.example/t/${n}?${text}`,
    actionLines: ['C1', 'C7.e-health'],
  }),
);
const urlRows: Entry[] = HOSTILE_HTTP_URLS.map((website, i) =>
  makeEntry(`url-${i}`, { title: `URL ${i} ${website}`, website, organization: `URL org ${i}` }),
);
const longRow = makeEntry('long', { title: `Long ${'<b>x</b>'.repeat(36)}`, description: LONG_DESCRIPTION });
/** Rows the validator must reject. */
const badWebsiteRows = BAD_WEBSITES.map((website, i) => makeEntry(`badurl-${i}`, { title: `Bad URL ${i}`, website }));
const hugeRows = [
  makeEntry('huge-title', { title: HUGE }),
  makeEntry('huge-org', { organization: HUGE }),
  makeEntry('huge-description', { description: HUGE }),
];

const hugeUrlRow = makeEntry('huge-url', { title: 'Huge URL', website: HUGE_URL });

const records = [...textRows, ...urlRows, longRow, hugeUrlRow, ...badWebsiteRows, ...hugeRows];
/** The importer serves exactly what the validator accepts. */
const served = records.filter((r) => validateEntry(r).ok);
const servedIds = new Set(served.map((e) => e.id));

let stack: Stack;
let browser: Browser;

before(async () => {
  stack = await startStack({ records });
  stack.route('/host/xss.html', () =>
    html(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>XSS corpus</title>
<script src="/dist/wsis-stocktaking.js"></script></head>
<body><wsis-stocktaking api="/api/v1" page-size="20"></wsis-stocktaking></body></html>`),
  );
  // Static mode gets the raw file, rejected rows included: the browser must drop them itself.
  stack.route('/data/xss.json', () => jsonFile(records));
  stack.route('/host/xss-static.html', () =>
    html(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>XSS corpus, static</title>
<script src="/dist/wsis-stocktaking.js"></script></head>
<body><wsis-stocktaking src="/data/xss.json" page-size="100"></wsis-stocktaking></body></html>`),
  );
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await stack?.close();
});

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

async function pwned(page: Page): Promise<unknown> {
  return page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
}

/** The page is intact: nothing ran, no dialog, no navigation, and the tree is inert. */
async function assertInert(page: Page, w: Watch, dialogs: string[], where: string): Promise<Audit> {
  assert.equal(await pwned(page), undefined, `${where}: a payload ran (window.__pwned = payload number)`);
  assert.deepEqual(dialogs, [], `${where}: a payload opened a dialog`);
  assert.equal(w.pageErrors.length, 0, `${where}: uncaught errors:\n${w.report()}`);
  const audit = await auditDom(page);
  assert.ok(audit.elements > 50 && audit.shadowRoots >= 5, `${where}: audited too little (${JSON.stringify(audit)})`);
  assert.deepEqual(audit.problems, [], `${where}: data became markup`);
  return audit;
}

/** The open dialog's fields as text. */
async function detailFields(page: Page) {
  return page.evaluate((selector) => {
    const dialog = document
      .querySelector('wsis-stocktaking')!
      .shadowRoot!.querySelector('wsis-entry-list')!
      .shadowRoot!.querySelector('wsis-entry-detail')!
      .shadowRoot!.querySelector(selector.replace('wsis-entry-detail ', ''))!;
    const rows = Object.fromEntries(
      [...dialog.querySelectorAll('dl .row')].map((row) => [
        row.querySelector('dt')!.textContent!.trim(),
        row.querySelector('dd')!,
      ]),
    );
    const link = rows['Website']?.querySelector('a');
    return {
      heading: dialog.querySelector('h2')?.textContent ?? '',
      organization: rows['Organization']?.textContent ?? '',
      description: dialog.querySelector('.description')?.textContent ?? '',
      website: rows['Website']?.textContent ?? null,
      href: link?.getAttribute('href') ?? null,
      linkProtocol: link?.protocol ?? null,
    };
  }, `${DIALOG}[open]`);
}

/** Checks the list on the current page, then opens and checks every entry's detail. */
/** A page of the host, with every dialog (alert, confirm) a payload might open recorded and dismissed. */
async function openHost(path: string) {
  const session = await newPage(browser);
  const dialogs: string[] = [];
  session.page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  try {
    await session.page.goto(`${stack.origin}/host/${path}`);
  } catch (error) {
    await session.context.close();
    throw error;
  }
  return { ...session, dialogs };
}

async function checkPage(page: Page, w: Watch, dialogs: string[], label: string): Promise<number> {
  await assertInert(page, w, dialogs, label);
  const titles = await page.locator('wsis-entry-list button.open').allTextContents();
  assert.ok(titles.length > 0, `${label}: no entries listed`);
  const ids: string[] = [];
  for (let i = 0; i < titles.length; i++) {
    const button = page.locator(`wsis-entry-list button.open[data-index="${i}"]`);
    await button.click();
    await page.locator(`${DIALOG}[open] dl`).waitFor();
    const fields = await detailFields(page);
    const entry = served.find((e) => e.title === fields.heading);
    assert.ok(entry, `${label}: the dialog heading ${JSON.stringify(fields.heading.slice(0, 80))} is no served title`);
    ids.push(entry.id);
    // Shown as the very characters that were imported: escaped, not parsed.
    assert.equal(norm(titles[i]), norm(entry.title), `${entry.id}: list title`);
    assert.equal(fields.organization, entry.organization, `${entry.id}: organization`);
    assert.equal(fields.description, entry.description, `${entry.id}: description`);
    if (entry.website !== undefined) {
      assert.equal(fields.website, entry.website, `${entry.id}: website text`);
      assert.equal(fields.href, entry.website, `${entry.id}: website href`);
      assert.match(fields.linkProtocol ?? '', /^https?:$/, `${entry.id}: website link protocol`);
    }
    await assertInert(page, w, dialogs, `${label}, detail of ${entry.id}`);
    await closeEntry(page);
  }
  assert.equal(new Set(ids).size, ids.length, `${label}: an entry was listed twice`);
  return ids.length;
}

describe('XSS corpus through the importer, the reference server and the built bundle', () => {
  test('the importer keeps every hostile text and http(s) URL, and rejects every bad website and oversized field', (t) => {
    assert.ok(TEXT_PAYLOADS.length >= 50, `at least 50 text payloads, have ${TEXT_PAYLOADS.length}`);
    // Valid by construction: every text payload and every markup-carrying http(s) URL.
    for (const row of [...textRows, ...urlRows, longRow]) assert.ok(servedIds.has(row.id), `${row.id} should be valid`);
    // `entry` is the 1-based position in the imported array.
    const reasons = new Map(
      stack.imported.rejected.map((r) => [records[(r.entry ?? 0) - 1]?.id, r.reasons.join('; ')]),
    );
    for (const row of records)
      assert.equal(reasons.has(row.id), !servedIds.has(row.id), `${row.id}: imported iff valid`);
    assert.equal(stack.imported.imported, served.length);
    badWebsiteRows.forEach((row, i) =>
      assert.match(
        reasons.get(row.id) ?? '',
        /^website:/,
        `bad website ${JSON.stringify(BAD_WEBSITES[i].slice(0, 40))}`,
      ),
    );
    for (const row of hugeRows) assert.match(reasons.get(row.id) ?? '', /at most/, row.id);
    assert.match(
      reasons.get('huge-url') ?? '',
      /^website: must be at most 2048 characters/,
      'a 100,000-character website',
    );
    t.diagnostic(
      `payloads: ${TEXT_PAYLOADS.length} text, ${BAD_WEBSITES.length} bad websites, ` +
        `${HOSTILE_HTTP_URLS.length} hostile http(s) URLs, 3 oversized (100,000 chars); ` +
        `imported ${stack.imported.imported}, rejected ${stack.imported.rejected.length}; ` +
        `a ${HUGE_URL.length}-character website is rejected`,
    );
  });

  test('every results page and every entry detail shows the payloads as inert text', async (t) => {
    const { page, watch, context, dialogs } = await openHost('xss.html');
    try {
      const { total } = await waitForResults(page, watch);
      assert.equal(total, served.length);
      let seen = 0;
      for (let pageNo = 1; ; pageNo++) {
        seen += await checkPage(page, watch, dialogs, `page ${pageNo}`);
        const next = page.locator('wsis-entry-list nav.pager li:last-child button.page');
        if (!(await next.count()) || (await next.isDisabled())) break;
        const from = watch.searches.length;
        await next.click();
        await waitForSearch(page, watch, from);
      }
      assert.equal(seen, served.length, 'every served entry was opened');
      t.diagnostic(`opened ${seen} entry details across the results pages`);
    } finally {
      await context.close();
    }
  });

  test('a payload typed as the query is shown as text in the summary, suggestions and highlights', async () => {
    const { page, watch, context, dialogs } = await openHost('xss.html');
    try {
      await waitForResults(page, watch);
      for (const query of [`<img src=x onerror=${run(990)}>`, `"><svg onload=${run(991)}>`, 'onerror']) {
        const from = watch.searches.length;
        await page.locator('wsis-search-box input').fill(query);
        await waitForSearch(page, watch, from, (s) => s.query === query);
        const text = await composedText(page);
        assert.ok(text.includes(query), `the query ${JSON.stringify(query)} should be visible as text`);
        await assertInert(page, watch, dialogs, `query ${query}`);
      }
      // Suggestions list organization names, which carry payloads.
      await page.locator('wsis-search-box input').fill('O1');
      await page.locator('wsis-search-box [role="option"]').first().waitFor();
      await assertInert(page, watch, dialogs, 'suggestions');
      const options = await page.locator('wsis-search-box [role="option"]').allTextContents();
      assert.ok(
        options.some((o) => o.includes('<')),
        `suggestions should show markup as text: ${options}`,
      );
    } finally {
      await context.close();
    }
  });

  test('the XSS checks can fail: markup planted in a shadow root is caught', async () => {
    const { page, watch, context } = await newPage(browser);
    const dialogs: string[] = [];
    try {
      await page.goto(`${stack.origin}/host/xss.html`);
      await waitForResults(page, watch);
      await assertInert(page, watch, dialogs, 'before planting');
      // What an unsafeHTML of entry data would do, done by hand on the rendered list.
      await page.evaluate(
        `document.querySelector('wsis-stocktaking').shadowRoot.querySelector('wsis-entry-list').shadowRoot
          .querySelector('.entry').insertAdjacentHTML('beforeend', '<img src=x onerror="${run(999)}"><a href="javascript:void 0">x</a>')`,
      );
      await page.waitForFunction(() => (window as unknown as { __pwned?: unknown }).__pwned !== undefined);
      await assert.rejects(assertInert(page, watch, dialogs, 'planted'), /a payload ran/);
      const audit = await auditDom(page);
      assert.ok(
        audit.problems.some((p) => p.startsWith('element <img')),
        audit.problems.join('\n'),
      );
      assert.ok(
        audit.problems.some((p) => /onerror=/.test(p)),
        audit.problems.join('\n'),
      );
      assert.ok(
        audit.problems.some((p) => /links to javascript:/.test(p)),
        audit.problems.join('\n'),
      );
    } finally {
      await context.close();
    }
  });

  test('static mode drops the invalid rows itself and shows the rest as inert text', async () => {
    const { page, watch, context, dialogs } = await openHost('xss-static.html');
    try {
      const { total } = await waitForResults(page, watch);
      assert.equal(total, served.length, 'static mode should keep exactly the valid rows');
      const opened = await checkPage(page, watch, dialogs, 'static mode');
      assert.equal(opened, served.length);
    } finally {
      await context.close();
    }
  });
});
