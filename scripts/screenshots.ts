/**
 * Screenshots for docs/screenshots/, taken from the demo pages against the real server:
 * `npx tsx scripts/screenshots.ts` after `npm run build` (it starts what `npm start` does, on a spare port, under the
 * server's own Content-Security-Policy: the shots show what visitors see).
 * Words after it keep only the shots whose file names contain one of them (`… manage`).
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium.js';

/** A port nothing listens on now (`PORT` overrides). */
async function sparePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

const port = process.env.PORT ? Number(process.env.PORT) : await sparePort();
const base = `http://127.0.0.1:${port}`;
// Node itself, not npx: killing npx left the server it started running.
const server = spawn(
  process.execPath,
  ['--import', 'tsx', 'server/start.ts', '--port', String(port), '--log-level', 'warn'],
  { stdio: 'inherit' },
);

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${base}/api/v1/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the server did not start');
}

/**
 * Waits until the widget shows results and the map (if any) has drawn. Locators, not a predicate string: the
 * server's Content-Security-Policy has no 'unsafe-eval', so the page may not evaluate strings; Playwright's
 * locators see into open shadow roots and run nothing of ours in the page.
 */
async function settle(page: Page, map = false): Promise<void> {
  const entry = page.locator('[part~="entry"]');
  const problem = page.locator('wsis-entry-list [role="alert"]');
  await entry.or(problem).filter({ visible: true }).first().waitFor({ timeout: 30000 });
  if (!(await entry.first().isVisible())) throw new Error(`the widget shows "${await problem.first().innerText()}"`);
  if (map) await page.locator('wsis-country-map svg path').first().waitFor({ timeout: 30000 });
  await page.waitForTimeout(400);
}

const only = process.argv.slice(2);
const wanted = (file: string) => !only.length || only.some((word) => file.includes(word));

/** Shots that failed; the others are still taken, and the run ends with a non-zero code. */
const failed: string[] = [];

async function shoot(page: Page, url: string, file: string, setup?: (page: Page) => Promise<void>, map = false) {
  if (!wanted(file)) return;
  try {
    await page.goto(`${base}${url}`);
    await setup?.(page);
    await settle(page, map);
  } catch (error) {
    failed.push(`${file} (${url}): ${(error as Error).message.split('\n')[0]}`);
    return;
  }
  await page.screenshot({ path: `docs/screenshots/${file}` });
  console.log(`docs/screenshots/${file}`);
}

const setAttrs = (attrs: Record<string, string>) => async (page: Page) => {
  await page.evaluate((a) => {
    const el = document.querySelector('wsis-stocktaking')!;
    for (const [k, v] of Object.entries(a)) el.setAttribute(k, v);
  }, attrs);
};

/** Shows the map: on a narrow widget it is behind the "Map" toggle, which a visitor opens first. */
const showMap = async (page: Page) => {
  const map = page.locator('wsis-stocktaking wsis-country-map');
  const toggle = page.locator('wsis-stocktaking details.map > summary');
  // Either shows once the widget is in (it stays hidden while a new theme or language loads).
  await map.or(toggle).filter({ visible: true }).first().waitFor({ timeout: 30000 });
  if (!(await map.isVisible())) await toggle.click();
  await map.waitFor({ state: 'visible' });
  await map.evaluate((el) => el.scrollIntoView({ block: 'center' }));
};

/**
 * The manage page as the demo editor sees it after a save the server refused: the entry with the
 * message beside its title. Nothing is stored, so the sample database stays as it was.
 */
async function shootManage(browser: Browser, lang: string, file: string): Promise<void> {
  if (!wanted(file)) return;
  // A page of its own: no session cookie from an earlier shot.
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${base}/manage?lang=${lang}`);
  const demo = page.locator('wsis-manage .demo li').first();
  await demo.waitFor();
  const [name, password] = await demo.locator('code').allTextContents();
  await page.locator('wsis-manage #account').fill(name);
  await page.locator('wsis-manage #password').fill(password);
  await page.locator('wsis-manage #password').press('Enter');
  await page.locator('wsis-manage button.edit').first().click();
  await page.locator('wsis-entry-editor #field-title').fill('');
  await page.locator('wsis-entry-editor button.save').click();
  await page.locator('wsis-entry-editor #problem-title').waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `docs/screenshots/${file}` });
  console.log(`docs/screenshots/${file}`);
  await page.close();
}

try {
  await waitForServer();
  const browser = await launchChromium();
  const wide = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await shoot(wide, '/index.html', 'default-1280.png');
  const narrow = await browser.newPage({ viewport: { width: 320, height: 900 } });
  await shoot(narrow, '/index.html', 'default-320.png');
  // A phone: the first result whole on the first screen.
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await shoot(phone, '/index.html', 'default-390.png');
  // The map section, after the widget took these attributes.
  const mapWith = (attrs: Record<string, string>) => async (p: Page) => {
    await setAttrs(attrs)(p);
    await showMap(p);
  };
  await shoot(wide, '/index.html', 'map-default.png', mapWith({}), true);
  await shoot(wide, '/index.html', 'map-dark.png', mapWith({ theme: 'dark' }), true);
  await shoot(wide, '/index.html', 'map-arabic.png', mapWith({ lang: 'ar' }), true);
  await shoot(wide, '/index.html', 'arabic-1280.png', setAttrs({ lang: 'ar' }));
  await shoot(wide, '/configurator.html', 'configurator.png');
  await shoot(wide, '/ungis.html', 'ungis.png');
  await shoot(wide, '/partner.html', 'partner.png');
  await shootManage(browser, 'en', 'manage-en.png');
  await shootManage(browser, 'ar', 'manage-ar.png');
  await wide.emulateMedia({ forcedColors: 'active' });
  await shoot(wide, '/index.html', 'forced-colors.png');
  await browser.close();
  if (failed.length) {
    console.error(`Not taken, the file left as it was:\n  ${failed.join('\n  ')}`);
    process.exitCode = 1;
  }
} finally {
  server.kill('SIGTERM');
}
