/** The fuzzy matcher (fuse.js) and its documents are a chunk of their own, loaded on the search box's first focus. */
import type { MatcherFactory } from './matcher.js';

export const loadMatcherFactory = (): Promise<MatcherFactory> => import('./fuzzy.js');
