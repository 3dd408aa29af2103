/**
 * The default demo page on a phone, with the data `npm start` serves: its header leaves room for the
 * widget's first result on the first screen, as the README's 390 px screenshot shows.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../scripts/chromium.js';
import { generateEntries } from '../../scripts/sample/generate.js';
import { buildApp } from '../../server/app.js';
import { writeDatabase } from '../../server/db.js';
import { ROOT, requireBuild } from './helpers/dist.js';

let dir: string;
let app: FastifyInstance;
let origin: string;
let browser: Browser;

before(async () => {
  requireBuild('wsis-stocktaking.js');
  dir = mkdtempSync(join(tmpdir(), 'wsis-demo-phone-'));
  // The sample database of server/start.ts: the same first result as the demo.
  writeDatabase(generateEntries(20000, 1), join(dir, 'test.db'));
  app = buildApp({
    dbPath: join(dir, 'test.db'),
    staticRoots: [
      { prefix: '/dist/', root: join(ROOT, 'dist') },
      { prefix: '/', root: join(ROOT, 'demo') },
    ],
  });
  origin = (await app.listen({ port: 0, host: '127.0.0.1' })).replace('localhost', '127.0.0.1');
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await app?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

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
