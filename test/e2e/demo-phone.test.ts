/**
 * The default demo page on a phone, with the data `npm start` serves: its header leaves room for the
 * widget's first result on the first screen, as the README's 390 px screenshot shows.
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
  // The sample database of server/start.ts: the same first result as the demo.
  site = await startDemoSite({ entries: 20000 });
  ({ origin, browser } = site);
});

after(() => site?.close());

for (const [width, height] of [
  [390, 844],
  [1280, 800],
]) {
  test(`the demo page shows the first result whole on the first screen at ${width}×${height}`, async () => {
    const page = await browser.newPage({ viewport: { width, height } });
    try {
      await page.goto(`${origin}/index.html`);
      const entry = page.locator('wsis-entry-list [part~="entry"]').first();
      await entry.waitFor();
      const box = (await entry.boundingBox())!;
      const where = `the first result is at x ${box.x}–${box.x + box.width}, y ${box.y}–${box.y + box.height}`;
      assert.ok(box.y >= 0 && box.x >= 0, where);
      assert.ok(box.y + box.height <= height, `${where}, below the ${height} px screen`);
      assert.ok(box.x + box.width <= width, `${where}, beside the ${width} px screen`);
      const [scroll, client] = await page.evaluate(() => [
        document.documentElement.scrollWidth,
        document.documentElement.clientWidth,
      ]);
      assert.ok(scroll <= client, `the page scrolls sideways: ${scroll} px wide in ${client}`);
    } finally {
      await page.close();
    }
  });
}
