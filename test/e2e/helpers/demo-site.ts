/**
 * The demo pages as `npm start` serves them: the real reference server over a generated sample
 * (seed 1, so the demo's own first results), `dist/` at /dist/, `demo/` at /, and a Chromium.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../../scripts/chromium.js';
import { generateEntries } from '../../../scripts/sample/generate.js';
import { buildApp } from '../../../server/app.js';
import { writeDatabase } from '../../../server/db.js';
import { ROOT } from './dist.js';

export interface DemoSite {
  app: FastifyInstance;
  /** http://127.0.0.1:PORT, no trailing slash. */
  origin: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function startDemoSite({
  entries,
  routes,
}: {
  /** How many sample entries the database holds. */
  entries: number;
  /** Adds a test's own routes before the server listens. */
  routes?: (app: FastifyInstance) => void;
}): Promise<DemoSite> {
  const dir = mkdtempSync(join(tmpdir(), 'wsis-demo-'));
  writeDatabase(generateEntries(entries, 1), join(dir, 'test.db'));
  const app = buildApp({
    dbPath: join(dir, 'test.db'),
    staticRoots: [
      { prefix: '/dist/', root: join(ROOT, 'dist') },
      { prefix: '/', root: join(ROOT, 'demo') },
    ],
  });
  routes?.(app);
  const origin = (await app.listen({ port: 0, host: '127.0.0.1' })).replace('localhost', '127.0.0.1');
  const browser = await launchChromium();
  return {
    app,
    origin,
    browser,
    async close() {
      await browser.close();
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
