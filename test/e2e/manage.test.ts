/**
 * The manage page against the real server, under the strict CSP it sends for pages: the demo editor signs in
 * with the credentials the page shows, edits and saves, the search finds the change, a field the
 * server rejects gets its message, two editors saving the same version meet a conflict, and the
 * search widget's "Update this entry" link opens the entry on the manage page.
 * Run with `node --import tsx --test test/e2e/manage.test.ts` after `npm run build`.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { generateEntries } from '../../scripts/sample/generate.js';
import { buildApp } from '../../server/app.js';
import { openWritable, writeDatabase } from '../../server/db.js';
import { DEMO_ADMIN, DEMO_EDITOR, seedDemo } from '../../server/demo.js';
import { launch, newPage, TIMEOUT, type Watch } from './helpers/browser.js';
import { requireBuild, ROOT, snapshotDist } from './helpers/dist.js';

let dir: string;
let dist: string;
let app: FastifyInstance;
let origin: string;
let browser: Browser;
let organization: string;

const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** axe-core over the whole page, shadow roots included: the ids and targets of its violations. */
async function axe(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const w = window as unknown as {
      axe: { run(c: unknown, o: unknown): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> };
    };
    const result = await w.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
}

before(async () => {
  requireBuild('wsis-stocktaking.js');
  dist = snapshotDist();
  dir = mkdtempSync(join(tmpdir(), 'wsis-manage-'));
  const dbPath = join(dir, 'sample.db');
  writeDatabase(generateEntries(2000, 1), dbPath);
  const db = openWritable(dbPath);
  ({ organization } = await seedDemo(db));
  db.close();
  app = buildApp({
    dbPath,
    pollMs: 50,
    staticRoots: [
      { prefix: '/dist/', root: dist },
      { prefix: '/', root: join(ROOT, 'demo') },
    ],
  });
  app.get('/favicon.ico', async (_request, reply) => reply.code(204).send());
  origin = (await app.listen({ port: 0, host: '127.0.0.1' })).replace(/\/$/, '');
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await app?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  if (dist) rmSync(dist, { recursive: true, force: true });
});

/** Signs in with the credentials the sign-in page shows for `role`, by keyboard. */
async function signIn(page: Page, role: 'Editor' | 'Administrator'): Promise<{ name: string; password: string }> {
  const item = page.locator('wsis-manage .demo li', { hasText: role });
  await item.waitFor();
  const [name, password] = await item.locator('code').allTextContents();
  await page.getByLabel('Account name').fill(name);
  await page.getByLabel('Password').fill(password);
  await page.getByLabel('Password').press('Enter');
  await page.getByRole('heading', { name: 'Entries you can edit' }).waitFor();
  return { name, password };
}

/** The editor's title field, once the entry has loaded. */
const titleField = (page: Page) => page.locator('wsis-entry-editor #field-title');

async function openFirstEntry(page: Page): Promise<string> {
  const edit = page.locator('wsis-manage button.edit').first();
  const id = (await edit.getAttribute('data-id'))!;
  await edit.click();
  await titleField(page).waitFor();
  return id;
}

function clean(watch: Watch): void {
  assert.deepEqual(watch.violations, [], watch.report());
  assert.deepEqual(watch.pageErrors, [], watch.report());
}

test('the sign-in page shows the demo credentials of server/demo.ts, and they sign in', async () => {
  const { context, page, watch } = await newPage(browser);
  try {
    const response = await page.goto(`${origin}/manage?lang=en`);
    assert.equal(response?.status(), 200);
    // The server's page policy: no inline script or style, Trusted Types for Lit only.
    const csp = response?.headers()['content-security-policy'] ?? '';
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.match(csp, /style-src 'self'(;|$)/);
    assert.match(csp, /require-trusted-types-for 'script'/);
    const shown = await signIn(page, 'Editor');
    assert.deepEqual(shown, { name: DEMO_EDITOR.account, password: DEMO_EDITOR.password });
    const admin = await page.locator('wsis-manage .account').textContent();
    assert.match(admin ?? '', /Signed in as demo-editor \(Editor\)/);
    // An editor sees only the entries of their organization.
    const organizations = await page.locator('wsis-manage tbody td:nth-child(2)').allTextContents();
    assert.ok(organizations.length > 0, 'the list is empty');
    assert.deepEqual([...new Set(organizations)], [organization]);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    // The session is gone on the server too.
    const session = await page.evaluate(async () => (await fetch('/api/v1/session')).status);
    assert.equal(session, 401);
    // The administrator's pair works too.
    const adminShown = await signIn(page, 'Administrator');
    assert.deepEqual(adminShown, { name: DEMO_ADMIN.account, password: DEMO_ADMIN.password });
    clean(watch);
  } finally {
    await context.close();
  }
});

test('an edit is saved with its ETag and search finds it; a rejected field gets its message', async () => {
  const { context, page, watch } = await newPage(browser);
  try {
    await page.goto(`${origin}/manage?lang=en`);
    await signIn(page, 'Editor');
    const id = await openFirstEntry(page);

    // Rejected by the server: the message sits beside the field, which gets focus.
    await titleField(page).fill('');
    await page.locator('wsis-entry-editor button.save').click();
    const message = page.locator('wsis-entry-editor #problem-title');
    await message.waitFor();
    assert.equal(await titleField(page).getAttribute('aria-invalid'), 'true');
    assert.match((await titleField(page).getAttribute('aria-describedby')) ?? '', /problem-title/);
    assert.equal(
      await titleField(page).evaluate(
        (el) => el.getRootNode() instanceof ShadowRoot && (el.getRootNode() as ShadowRoot).activeElement === el,
      ),
      true,
    );

    const word = `Zebrafinch${Date.now() % 100000}`;
    await titleField(page).fill(`Community radio ${word}`);
    await page.locator('wsis-entry-editor button.save').click();
    await page.locator('wsis-entry-editor .ok', { hasText: 'Saved' }).waitFor();
    assert.equal(await titleField(page).getAttribute('aria-invalid'), 'false');

    // The search widget finds the new title.
    await page.goto(`${origin}/index.html`);
    const box = page.getByRole('combobox', { name: 'Search projects' });
    await box.fill(word);
    await box.press('Enter');
    await page.locator('wsis-stocktaking [part~="entry"]', { hasText: word }).first().waitFor({ timeout: TIMEOUT });
    const found = await page.evaluate(async (q) => (await (await fetch(`/api/v1/entries?q=${q}`)).json()).items, word);
    assert.deepEqual(
      found.map((e: { id: string }) => e.id),
      [id],
    );
    clean(watch);
  } finally {
    await context.close();
  }
});

test("two editors save the same version: the second sees the conflict and loads the first one's save", async () => {
  const first = await newPage(browser);
  const second = await newPage(browser);
  try {
    for (const { page } of [first, second]) {
      await page.goto(`${origin}/manage?lang=en`);
      await signIn(page, 'Editor');
    }
    const id = await openFirstEntry(first.page);
    await second.page.locator(`wsis-manage button.edit[data-id="${id}"]`).click();
    await titleField(second.page).waitFor();

    await titleField(first.page).fill('Saved first');
    await first.page.locator('wsis-entry-editor button.save').click();
    await first.page.locator('wsis-entry-editor .ok', { hasText: 'Saved' }).waitFor();

    await titleField(second.page).fill('Saved second');
    await second.page.locator('wsis-entry-editor button.save').click();
    const conflict = second.page.locator('wsis-entry-editor [part="conflict"]');
    await conflict.waitFor();
    assert.match((await conflict.textContent()) ?? '', /Someone else saved this entry/);
    // Nothing of the second save reached the server.
    const stored = await second.page.evaluate(
      async (entryId) => (await (await fetch(`/api/v1/entries/${entryId}`)).json()).title,
      id,
    );
    assert.equal(stored, 'Saved first');

    await second.page.getByRole('button', { name: 'Load their version' }).click();
    await second.page.locator('wsis-entry-editor .ok', { hasText: 'Their version is loaded' }).waitFor();
    assert.equal(await titleField(second.page).inputValue(), 'Saved first');
    clean(first.watch);
    clean(second.watch);
  } finally {
    await first.context.close();
    await second.context.close();
  }
});

test('"Update this entry" in the search widget opens that entry on the manage page after sign-in', async () => {
  const { context, page, watch } = await newPage(browser);
  try {
    await page.goto(`${origin}/index.html`);
    await page.locator('wsis-stocktaking [part~="entry"] button, wsis-stocktaking [part~="entry"] a').first().click();
    const link = page.getByRole('link', { name: 'Update this entry' });
    await link.waitFor();
    const href = (await link.getAttribute('href'))!;
    const id = new URL(href).searchParams.get('entry')!;
    assert.equal(new URL(href).pathname, '/manage');
    assert.ok(id, href);
    await link.click();
    await page.waitForURL(/\/manage\?entry=/);
    // Signed in as the administrator, who may edit every entry.
    const item = page.locator('wsis-manage .demo li', { hasText: 'Administrator' });
    await item.waitFor();
    const [name, password] = await item.locator('code').allTextContents();
    await page.getByLabel('Account name').fill(name);
    await page.getByLabel('Password').fill(password);
    await page.getByLabel('Password').press('Enter');
    await titleField(page).waitFor();
    const shownId = await page.locator('wsis-entry-editor .meta span').textContent();
    assert.equal(shownId, id);
    clean(watch);
  } finally {
    await context.close();
  }
});

test('axe finds nothing on the manage page: sign-in, list and a refused save, in English and Arabic', async () => {
  // axe goes in as an inline script, which the page policy would block.
  const { context, page } = await newPage(browser, { bypassCSP: true });
  try {
    for (const lang of ['en', 'ar']) {
      await page.goto(`${origin}/manage?lang=${lang}`);
      await page.locator('wsis-manage .demo li').first().waitFor();
      assert.deepEqual(await axe(page), [], `${lang} sign-in`);
      const [name, password] = await page.locator('wsis-manage .demo li').first().locator('code').allTextContents();
      await page.locator('wsis-manage #account').fill(name);
      await page.locator('wsis-manage #password').fill(password);
      await page.locator('wsis-manage #password').press('Enter');
      await page.locator('wsis-manage button.edit').first().waitFor();
      assert.deepEqual(await axe(page), [], `${lang} list`);
      await openFirstEntry(page);
      await titleField(page).fill('');
      await page.locator('wsis-entry-editor button.save').click();
      await page.locator('wsis-entry-editor #problem-title').waitFor();
      assert.deepEqual(await axe(page), [], `${lang} editor with a refused field`);
      await page.locator('wsis-manage button.sign-out').click();
      await page.locator('wsis-manage #account').waitFor();
    }
  } finally {
    await context.close();
  }
});
