/**
 * Unbundled use (npm package, dev, tests): the matcher is an ordinary dynamic import, which
 * the consumer's bundler can split. The widget script's build swaps this module for
 * load-matcher-script.ts (see vite.config.ts), since an IIFE would inline the import.
 */
import type { MatcherFactory } from './matcher.js';

export const loadMatcherFactory = (): Promise<MatcherFactory> => import('./fuzzy.js').then((m) => m.createMatcher);
