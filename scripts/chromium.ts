/**
 * The Chromium that benches, screenshots and the e2e suite drive through playwright-core: Debian's build, and the
 * flags that keep it quiet (no sandbox in containers, no GPU, no background traffic to time against).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

/** `CHROMIUM` overrides the path. */
export const CHROMIUM_PATH = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** The browser process of a Chromium launched with `nice` (its wrapper records it). */
export const chromiumPids = new WeakMap<Browser, number>();

/** No sandbox in containers, no GPU, no background traffic; the browser tests use the same list. */
export const CHROMIUM_ARGS: readonly string[] = JSON.parse(
  readFileSync(new URL('./chromium-args.json', import.meta.url), 'utf8'),
) as string[];

/**
 * Headless unless `options.headless` is false. `nice` starts the browser and every process it forks at
 * that niceness (through a `nice -n` wrapper), so it only takes CPU time nothing else wants.
 */
export async function launchChromium({ nice, ...options }: LaunchOptions & { nice?: number } = {}): Promise<Browser> {
  let executablePath = CHROMIUM_PATH;
  let wrapper: string | undefined;
  if (nice) {
    wrapper = mkdtempSync(join(tmpdir(), 'wsis-chromium-'));
    executablePath = join(wrapper, 'chromium');
    // exec keeps the shell's process id: the pid file names the browser process.
    writeFileSync(
      executablePath,
      `#!/bin/sh\necho $$ > '${join(wrapper, 'pid')}'\nexec nice -n ${Math.round(nice)} '${CHROMIUM_PATH}' "$@"\n`,
      { mode: 0o755 },
    );
  }
  try {
    const browser = await chromium.launch({
      ...options,
      executablePath,
      args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
    });
    if (wrapper) {
      chromiumPids.set(browser, Number(readFileSync(join(wrapper, 'pid'), 'utf8')));
      browser.once('disconnected', () => rmSync(wrapper, { recursive: true, force: true }));
    }
    return browser;
  } catch (error) {
    if (wrapper) rmSync(wrapper, { recursive: true, force: true });
    throw error;
  }
}
