/**
 * The Chromium that benches, screenshots and the e2e suite drive through playwright-core: Debian's build, and the
 * flags that keep it quiet (no sandbox in containers, no GPU, no background traffic to time against).
 */
import { readFileSync } from 'node:fs';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

/** `CHROMIUM` overrides the path. */
export const CHROMIUM_PATH = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** No sandbox in containers, no GPU, no background traffic; the browser tests use the same list. */
export const CHROMIUM_ARGS: readonly string[] = JSON.parse(
  readFileSync(new URL('./chromium-args.json', import.meta.url), 'utf8'),
) as string[];

/** Headless unless `options.headless` is false. */
export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({
    ...options,
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
  });
}
