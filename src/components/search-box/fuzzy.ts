/** The fuzzy matcher: the only module that imports fuse.js, kept out of the main bundle. */
import Fuse from 'fuse.js';
import type { MatcherFactory } from './matcher.js';

export const createMatcher: MatcherFactory = (docs) => {
  const fuse = new Fuse(docs, {
    keys: [
      { name: 'label', weight: 2 },
      { name: 'terms', weight: 1 },
    ],
    threshold: 0.35,
    ignoreLocation: true,
    ignoreDiacritics: true,
  });
  return (query, limit) => fuse.search(query, { limit }).map((r) => r.item);
};
