/** The fuzzy matcher: the only module that imports fuse.js, kept out of the main bundle. */
import Fuse from 'fuse.js';
import { normalize } from '../../data/text/normalize.js';
import type { MatcherFactory } from './matcher.js';

export const createMatcher: MatcherFactory = (docs) => {
  const fuse = new Fuse(docs, {
    keys: [
      { name: 'label', weight: 2 },
      { name: 'terms', weight: 1 },
    ],
    threshold: 0.35,
    ignoreLocation: true,
    // The search's normalizer on both sides: Arabic letter forms and article, accents, NFKC.
    getFn: (doc, path) => {
      const value = Fuse.config.getFn(doc, path);
      const fold = (v: unknown) => (typeof v === 'string' ? normalize(v) : v);
      return (Array.isArray(value) ? value.map(fold) : fold(value)) as string | string[];
    },
  });
  return (query, limit) => fuse.search(normalize(query), { limit }).map((r) => r.item);
};
