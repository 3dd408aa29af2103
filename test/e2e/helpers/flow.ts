/**
 * A visitor's search, driven through the real UI (Playwright's CSS pierces open shadow roots).
 * Steps wait for the widget's own `wsis-search` event, then for the list to show that total
 * (while a search loads the summary says so and shows no count).
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { TIMEOUT, type SearchDetail, type Watch } from './browser.js';

export const SUMMARY = 'wsis-entry-list .summary';
export const DIALOG = 'wsis-entry-detail dialog';

export const summaryText = async (page: Page) => ((await page.locator(SUMMARY).textContent()) ?? '').trim();

export async function until<T>(check: () => T | undefined | false, message: () => string, ms = TIMEOUT): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > end) assert.fail(message());
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits for a search completed after event number `from` that satisfies `match`, and for the list to show it. */
export async function waitForSearch(
  page: Page,
  w: Watch,
  from: number,
  match: (s: SearchDetail) => boolean = () => true,
): Promise<SearchDetail> {
  const done = await until(
    () => w.searches.slice(from).findLast(match),
    () => `no matching wsis-search event; saw ${JSON.stringify(w.searches.slice(from))}\n${w.report()}`,
  );
  await page.waitForFunction(
    (total) => {
      const list = document.querySelector('wsis-stocktaking')?.shadowRoot?.querySelector('wsis-entry-list');
      if (!list?.shadowRoot || list.shadowRoot.querySelector('[aria-busy="true"]')) return false;
      // Arabic-Indic digits count too.
      const text = (list.shadowRoot.querySelector('.summary')?.textContent ?? '')
        .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x660))
        .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x6f0));
      const shown = /\d[\d\s,.\u00a0\u202f\u066b\u066c]*/.exec(text)?.[0].replace(/\D/g, '');
      return shown === String(total) || (total === 0 && !!list.shadowRoot.querySelector('.empty'));
    },
    done.total,
    { polling: 100 },
  );
  return done;
}

/** The first completed search after the page loaded. */
/**
 * The first results, and every part the layout loads as soon as it is on the page (all but the map,
 * which loads near the viewport) is defined: the filters are chunks that may arrive after the list.
 */
export async function waitForResults(page: Page, w: Watch): Promise<SearchDetail> {
  const done = await waitForSearch(page, w, 0);
  await page.waitForFunction(
    () => {
      const roots: (Document | ShadowRoot)[] = [document];
      for (let i = 0; i < roots.length; i++) {
        for (const el of roots[i].querySelectorAll('*')) {
          if (!el.localName.startsWith('wsis-') || el.localName === 'wsis-country-map') continue;
          if (!customElements.get(el.localName)) return false;
          if (el.shadowRoot) roots.push(el.shadowRoot);
        }
      }
      return true;
    },
    undefined,
    { polling: 100 },
  );
  return done;
}

/** Opens the filter disclosure when the layout is narrow (closed `<details>`). */
export async function showFilters(page: Page): Promise<void> {
  const checkbox = page.locator('wsis-action-line-filter input[type="checkbox"]').first();
  if (await checkbox.isVisible()) return;
  await page.locator('wsis-stocktaking details.filters > summary').click();
  await checkbox.waitFor({ state: 'visible' });
}

/** Opens the "Map" toggle when the layout is narrow (the map is then behind it) and brings the map into view. */
export async function showMap(page: Page): Promise<void> {
  const map = page.locator('wsis-stocktaking wsis-country-map');
  if (!(await map.isVisible())) await page.locator('wsis-stocktaking details.map > summary').click();
  await map.waitFor({ state: 'visible' });
  await map.scrollIntoViewIfNeeded();
}

export async function search(page: Page, w: Watch, query: string): Promise<SearchDetail> {
  const from = w.searches.length;
  await page.locator('wsis-search-box input').fill(query);
  const done = await waitForSearch(page, w, from, (s) => s.query === query);
  const summary = await summaryText(page);
  assert.ok(summary.includes(query), `summary "${summary}" should name the query "${query}"`);
  return done;
}

export async function tickActionLine(page: Page, w: Watch, value: string): Promise<SearchDetail> {
  await showFilters(page);
  const from = w.searches.length;
  const box = page.locator(`wsis-action-line-filter input[type="checkbox"][value="${value}"]`);
  await box.check();
  assert.equal(await box.isChecked(), true);
  return waitForSearch(page, w, from, (s) => !!s.filters.actionLine?.includes(value));
}

/** Opens the entry at `index` of the list and returns the title its dialog shows. */
export async function openEntry(page: Page, index = 0): Promise<string> {
  const button = page.locator(`wsis-entry-list button.open[data-index="${index}"]`);
  const title = ((await button.textContent()) ?? '').trim();
  await button.click();
  await page.locator(`${DIALOG}[open] dl`).waitFor();
  const heading = ((await page.locator(`${DIALOG}[open] h2`).textContent()) ?? '').trim();
  assert.equal(heading.replace(/\s+/g, ' '), title.replace(/\s+/g, ' '), 'the dialog shows the entry that was opened');
  return heading;
}

export async function closeEntry(page: Page): Promise<void> {
  await page.locator(`${DIALOG}[open] button.close`).click();
  await page.locator(`${DIALOG}[open]`).waitFor({ state: 'detached' });
}
