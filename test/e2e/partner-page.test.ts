/**
 * The partner demo page: a host site that themes the search box in its header, as a real one would.
 * It is what the README points partners to, so how it looks is tested like behaviour.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { requireBuild } from './helpers/dist.js';
import { startDemoSite, type DemoSite } from './helpers/demo-site.js';

let site: DemoSite;
let origin: string;
let browser: Browser;

before(async () => {
  requireBuild('wsis-stocktaking.js');
  site = await startDemoSite({ entries: 500 });
  ({ origin, browser } = site);
});

after(() => site?.close());

test('the header search box takes the header colours: no white block around the field', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    await page.goto(`${origin}/partner.html`);
    await page.locator('.header-search wsis-search-box input').waitFor();
    const colours = await page.evaluate(() => {
      const box = document.querySelector('.header-search wsis-search-box')!;
      // The host and every box between it and the field: none may paint a background of its own.
      const around: string[] = [getComputedStyle(box).backgroundColor];
      let node: Element | null = box.shadowRoot!.querySelector('input')!.parentElement;
      while (node) {
        around.push(getComputedStyle(node).backgroundColor);
        node = node.parentElement;
      }
      return {
        header: getComputedStyle(document.querySelector('.site-header')!).backgroundColor,
        around,
        field: getComputedStyle(box.shadowRoot!.querySelector('input')!).backgroundColor,
      };
    });
    assert.notEqual(colours.header, 'rgba(0, 0, 0, 0)', 'the header has a colour of its own');
    assert.deepEqual(
      colours.around.filter((c) => c !== 'rgba(0, 0, 0, 0)'),
      [],
      `the search box paints a block around its field: ${colours.around.join(', ')}`,
    );
    // The field itself stays light, readable on the dark header.
    assert.equal(colours.field, 'rgb(255, 255, 255)');
  } finally {
    await page.close();
  }
});
