import type { Facets } from '../../data/query.js';
import type { Lang } from '../../i18n/index.js';
import { fold } from '../shared/labels.js';
import { isCjkTerm } from '../../data/text/words.js';
import { loadMatcherFactory } from './load-matcher.js';
import type { Matcher, MatcherFactory, Suggestion } from './matcher.js';

export type { Suggestion, SuggestionKind } from './matcher.js';

/** Supplies the fuzzy matcher, which is loaded on first use of a search box. */
export type MatcherLoader = () => Promise<MatcherFactory>;

let loader: MatcherLoader = loadMatcherFactory;
let loading: Promise<MatcherFactory> | undefined;

/** Replaces where the matcher comes from (undefined: the default); forgets a load in progress. */
export function setMatcherLoader(next?: MatcherLoader): void {
  loader = next ?? loadMatcherFactory;
  loading = undefined;
}

/** Starts the load once per page; a failure is kept, so a blocked script is not requested on every focus. */
export function loadMatcher(): Promise<MatcherFactory> {
  return (loading ??= new Promise<MatcherFactory>((resolve) => resolve(loader())));
}

export const MAX_SUGGESTIONS = 8;
const MAX_RECENT = 3;

/** Bounds the index however long the visit. */
const MAX_KNOWN = 1000;

/**
 * Fuzzy suggestions over short strings only. Organizations and countries are those seen in
 * the facets during this visit: typing narrows the results, and with them the facets, but a
 * name seen a moment ago should stay suggestible. The index is rebuilt only when the language
 * changes or new names appear, and reused for every keystroke in between. Until `factory` is
 * set (the matcher loads lazily) only recent searches are suggested.
 */
export class SuggestionIndex {
  factory?: MatcherFactory;
  #matcher?: Matcher;
  #lang?: Lang;
  /** How many of the countries and of the organizations below the matcher holds (both only grow). */
  #indexed = [0, 0];
  #seenFacets?: Facets;
  #organizations = new Set<string>();
  #countries = new Set<string>();

  search(text: string, lang: Lang, facets: Facets, recent: readonly string[]): Suggestion[] {
    const query = text.trim();
    const folded = fold(query);
    const fromRecent = recent
      .filter((r) => !folded || (fold(r).includes(folded) && fold(r) !== folded))
      .slice(0, MAX_RECENT)
      .map((r): Suggestion => ({ kind: 'recent', value: r, label: r, terms: [] }));
    // One letter matches nearly everything; wait for two. One Chinese character is a word.
    const matcher = folded.length < 2 && !isCjkTerm(folded) ? undefined : this.#index(lang, facets);
    if (!matcher) return fromRecent;
    return [...fromRecent, ...matcher(query, MAX_SUGGESTIONS)].slice(0, MAX_SUGGESTIONS);
  }

  /** Remembers the organizations and countries of a result set; whether any was new. */
  learn(facets: Facets): boolean {
    if (facets === this.#seenFacets) return false;
    this.#seenFacets = facets;
    const before = this.#organizations.size + this.#countries.size;
    for (const [keys, known] of [
      [Object.keys(facets.organization ?? {}), this.#organizations],
      [Object.keys(facets.country ?? {}), this.#countries],
    ] as const) {
      for (const key of keys) if (known.size < MAX_KNOWN) known.add(key);
    }
    return this.#organizations.size + this.#countries.size > before;
  }

  #index(lang: Lang, facets: Facets): Matcher | undefined {
    this.learn(facets);
    const factory = this.factory;
    if (!factory) return undefined;
    const same = !!this.#matcher && lang === this.#lang;
    const sizes = [this.#countries.size, this.#organizations.size];
    // Most keys bring no new name: the index stays as it is, with no copy of what it holds.
    if (same && sizes[0] === this.#indexed[0] && sizes[1] === this.#indexed[1]) return this.#matcher;
    const [countries, organizations] = [this.#countries, this.#organizations].map((known, i) =>
      [...known].slice(same ? this.#indexed[i] : 0),
    );
    const docs = factory.suggestionDocs(lang, countries, organizations);
    if (same) this.#matcher!.add(docs.filter((d) => d.key === 'country' || d.key === 'organization'));
    else this.#matcher = factory.createMatcher(docs);
    this.#lang = lang;
    this.#indexed = sizes;
    return this.#matcher;
  }
}
