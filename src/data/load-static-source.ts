/**
 * Unbundled use (npm package, dev, tests): the static source is an ordinary dynamic import,
 * which the consumer's bundler can split. The widget script's build swaps this module for
 * load-static-source-script.ts (see vite.config.ts): there it comes with the extras script.
 */
import type { StaticSource } from './static/static-source.js';

export const loadStaticSource = (): Promise<typeof StaticSource> =>
  import('./static/static-source.js').then((m) => m.StaticSource);
