/** The fuzzy matcher (fuse.js) is its own chunk, loaded on the search box's first focus. */
import type { MatcherFactory } from './matcher.js';

export const loadMatcherFactory = (): Promise<MatcherFactory> => import('./fuzzy.js').then((m) => m.createMatcher);
