/** What the fuzzy matcher's chunk and the search box share. Types only: no fuse.js here. */
import type { FilterKey } from '../../data/query.js';

export type SuggestionKind = 'recent' | 'actionLine' | 'sdg' | 'region' | 'entityType' | 'country' | 'organization';

export interface Suggestion {
  kind: SuggestionKind;
  /** The filter it applies; recent searches have none. */
  key?: FilterKey;
  value: string;
  label: string;
  /** Other strings it matches: ids, English names, ISO codes. */
  terms: string[];
}

/** The best `limit` fuzzy matches for `query`, best first. */
export type Matcher = (query: string, limit: number) => Suggestion[];

/** Builds a matcher over the given suggestions; fuse.js lives behind it. */
export type MatcherFactory = (docs: Suggestion[]) => Matcher;
