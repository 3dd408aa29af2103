import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { webkitGtkLauncher } from './scripts/webkitgtk-launcher.mjs';

/** The Chromium flags the benches and the e2e suite use too (scripts/chromium.ts). */
const chromiumArgs = JSON.parse(readFileSync(new URL('./scripts/chromium-args.json', import.meta.url), 'utf8'));

const mswWorker = fileURLToPath(new URL('./node_modules/msw/lib/mockServiceWorker.js', import.meta.url));

/** msw's service worker must be served from the root; npm 11 skips msw's own install step. */
function serveMswWorker(context, next) {
  if (context.path === '/mockServiceWorker.js') {
    context.type = 'application/javascript';
    context.body = readFileSync(mswWorker, 'utf8');
    return undefined;
  }
  return next();
}

/**
 * pluralize (the search's English singulars) ships as UMD, which Vite converts for the build; the
 * test server hands it to the browser as a module with one default export.
 */
const umdAsModule = {
  name: 'umd-as-module',
  transform(context) {
    if (!context.path.endsWith('/pluralize/pluralize.js')) return undefined;
    return {
      body: `const module = { exports: {} }; const exports = module.exports; const require = () => {};\n${context.body}\nexport default module.exports;`,
    };
  },
};

/** Debian's browsers: Chromium through Playwright, Firefox ESR through WebDriver BiDi. WSIS_BROWSERS picks them (default chromium; npm test runs both). */
const launchers = {
  chromium: () =>
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: '/usr/bin/chromium', args: chromiumArgs },
    }),
  firefox: () =>
    puppeteerLauncher({
      launchOptions: { browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true },
    }),
  // Opt-in, not in npm test: two tests fail there (a 320 px viewport; Tab skips the wide filter column),
  // and whole-suite runs are not yet steady (a page start timeout, a timing test).
  webkit: () => webkitGtkLauncher(),
};
const wanted = (process.env.WSIS_BROWSERS ?? 'chromium').split(',').map((name) => name.trim());
const browsers = wanted.map((name) => {
  if (!launchers[name])
    throw new Error(`WSIS_BROWSERS: unknown browser "${name}"; use chromium, firefox and/or webkit`);
  return launchers[name]();
});

export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  middleware: [serveMswWorker],
  plugins: [
    umdAsModule,
    esbuildPlugin({ ts: true, target: 'es2021', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
  ],
  browsers,
  // Firefox gives background tabs no focus and slow timers, so its files run one at a time.
  concurrency: wanted.includes('firefox') ? 1 : 2,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 300000,
};
