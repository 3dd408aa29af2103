/** What the fuzzy matcher's chunk and the search box share. Types only: no fuse.js here. */
import type { FilterKey } from '../../data/query.js';
import type { Lang } from '../../i18n/index.js';

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

/** The best `limit` fuzzy matches for `query`, best first; `add` adds documents in place. */
export type Matcher = ((query: string, limit: number) => Suggestion[]) & { add(docs: Suggestion[]): void };

/** The lazily loaded side of suggestions (fuzzy.ts): fuse.js and the documents it searches. */
export interface MatcherFactory {
  /** Builds a matcher over the given suggestions. */
  createMatcher(docs: Suggestion[]): Matcher;
  /** The vocabulary, and the countries and organizations seen so far, as suggestions in `lang`. */
  suggestionDocs(lang: Lang, countries: Iterable<string>, organizations: Iterable<string>): Suggestion[];
  /** Whether the typed text was only the way to find a filter suggestion, so choosing it replaces the text. */
  isJustTheTerm(text: string, suggestion: Suggestion): boolean;
}
