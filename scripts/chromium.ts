/**
 * The Chromium that benches and screenshots drive through playwright-core: Debian's build, and the
 * flags that keep it quiet (no sandbox in containers, no GPU, no background traffic to time against).
 */
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

/** `CHROMIUM` overrides the path. */
export const CHROMIUM_PATH = process.env.CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Headless unless `options.headless` is false. */
export function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({
    ...options,
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
  });
}
