/** Debian's Chromium through playwright-core, and a watcher for what a page must never do. */
import { existsSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CHROMIUM_PATH, launchChromium } from '../../../scripts/chromium.js';

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`e2e: no browser at ${CHROMIUM_PATH} (apt-get install -y chromium)`);
  return launchChromium();
}

/** Generous: the machine is shared, and a wait that is long enough never costs time when things work. */
export const TIMEOUT = 30_000;

export interface Violation {
  directive: string;
  blocked: string;
  sample: string;
  source: string;
  line: number;
}

export interface SearchDetail {
  query: string;
  filters: Record<string, string[]>;
  total: number;
}

export interface Watch {
  /** securitypolicyviolation events, CSP and Trusted Types alike. */
  violations: Violation[];
  /** Uncaught exceptions and unhandled rejections. */
  pageErrors: string[];
  consoleErrors: string[];
  consoleWarnings: string[];
  /** Every response status >= 400 and every failed request. */
  failedRequests: string[];
  /** Details of the widget's `wsis-search` events: one per completed search. */
  searches: SearchDetail[];
  /** One line per problem, for assertion messages. */
  report(): string;
}

const BINDING = '__wsisE2eViolation';
const SEARCH_BINDING = '__wsisE2eSearch';

/**
 * Starts listening before any page script runs: the init script is injected by the browser
 * itself, so the page's own CSP cannot block it.
 */
export async function watch(page: Page): Promise<Watch> {
  const w: Watch = {
    violations: [],
    pageErrors: [],
    consoleErrors: [],
    consoleWarnings: [],
    failedRequests: [],
    searches: [],
    report() {
      return [
        ...w.violations.map((v) => `CSP ${v.directive} blocked ${v.blocked} (${v.source}:${v.line}) ${v.sample}`),
        ...w.pageErrors.map((e) => `pageerror: ${e}`),
        ...w.consoleErrors.map((e) => `console.error: ${e}`),
      ].join('\n');
    },
  };
  await page.exposeBinding(BINDING, (_source, v: Violation) => void w.violations.push(v));
  await page.exposeBinding(SEARCH_BINDING, (_source, s: SearchDetail) => void w.searches.push(s));
  await page.addInitScript(
    ([name, searchName]) => {
      const report = (window as unknown as Record<string, (v: unknown) => void>)[name];
      const searched = (window as unknown as Record<string, (v: unknown) => void>)[searchName];
      // The widget's public event: the end of each search, with its total.
      document.addEventListener('wsis-search', (e) => searched((e as CustomEvent).detail), true);
      // Capture phase on document: the event is composed, so it arrives from shadow roots too.
      document.addEventListener(
        'securitypolicyviolation',
        (e) =>
          report({
            directive: e.effectiveDirective || e.violatedDirective,
            blocked: e.blockedURI,
            sample: e.sample,
            source: e.sourceFile,
            line: e.lineNumber,
          }),
        true,
      );
    },
    [BINDING, SEARCH_BINDING],
  );
  page.on('pageerror', (error) => w.pageErrors.push(`${error.name}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') w.consoleErrors.push(message.text());
    else if (message.type() === 'warning') w.consoleWarnings.push(message.text());
  });
  page.on('requestfailed', (request) => {
    // Aborts by the widget itself (a newer search replaced an older one) are normal.
    const reason = request.failure()?.errorText ?? '';
    if (!/ERR_ABORTED/.test(reason)) w.failedRequests.push(`${request.url()} ${reason}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) w.failedRequests.push(`${response.url()} HTTP ${response.status()}`);
  });
  return w;
}

export async function newPage(
  browser: Browser,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<{ context: BrowserContext; page: Page; watch: Watch }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  return { context, page, watch: await watch(page) };
}
