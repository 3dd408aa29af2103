import type { Facets, FilterKey } from '../../data/query.js';
import { ACTION_LINES, ENTITY_TYPES, INTERNATIONAL, REGIONS, SDGS } from '../../data/vocabulary.js';
import { countryName, type Lang } from '../../i18n/index.js';
import { isCjkTerm } from '../../data/text/words.js';
import { fold, valueLabel } from '../facet-filter/labels.js';
import { loadMatcherFactory } from './load-matcher.js';
import type { Matcher, MatcherFactory, Suggestion, SuggestionKind } from './matcher.js';

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

const vocabulary = (lang: Lang): Suggestion[] => [
  ...ACTION_LINES.map((value) => item(lang, 'actionLine', value, [value, valueLabel('en', 'actionLine', value)])),
  ...SDGS.map(String).map((value) => item(lang, 'sdg', value, [valueLabel('en', 'sdg', value)])),
  ...REGIONS.map((value) => item(lang, 'region', value, [valueLabel('en', 'region', value)])),
  ...ENTITY_TYPES.map((value) => item(lang, 'entityType', value, [valueLabel('en', 'entityType', value)])),
];

function item(lang: Lang, key: FilterKey, value: string, terms: string[]): Suggestion {
  return { kind: key as SuggestionKind, key, value, label: valueLabel(lang, key, value), terms };
}

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
  #signature = '';
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

  /** Remembers the organizations and countries of a result set. */
  learn(facets: Facets): void {
    if (facets === this.#seenFacets) return;
    this.#seenFacets = facets;
    for (const [keys, known] of [
      [Object.keys(facets.organization ?? {}), this.#organizations],
      [Object.keys(facets.country ?? {}), this.#countries],
    ] as const) {
      for (const key of keys) if (known.size < MAX_KNOWN) known.add(key);
    }
  }

  #index(lang: Lang, facets: Facets): Matcher | undefined {
    this.learn(facets);
    if (!this.factory) return undefined;
    const signature = `${lang}|${this.#organizations.size}|${this.#countries.size}`;
    if (this.#matcher && signature === this.#signature) return this.#matcher;
    this.#signature = signature;
    const docs = [
      ...vocabulary(lang),
      ...[...this.#countries].map((code) =>
        item(
          lang,
          'country',
          code,
          code === INTERNATIONAL ? [valueLabel('en', 'country', code)] : [code, countryName('en', code)],
        ),
      ),
      ...[...this.#organizations].map((name) => item(lang, 'organization', name, [])),
    ];
    this.#matcher = this.factory(docs);
    return this.#matcher;
  }
}

/**
 * Whether the typed text was only the way to find a suggestion, so applying the filter
 * replaces it: every typed word occurs in the suggestion, allowing a typo in longer words.
 * Text that says more ("health kenya" → Kenya) stays as free text.
 */
export function isJustTheTerm(text: string, suggestion: Suggestion): boolean {
  const haystack = fold([suggestion.label, ...suggestion.terms].join(' '));
  const targets = haystack.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const words = fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  return (
    words.length > 0 && words.every((w) => haystack.includes(w) || (w.length >= 4 && targets.some((x) => near(w, x))))
  );
}

/** One edit away from the word or from a prefix of it (two edits for long words). */
function near(word: string, target: string): boolean {
  const allowed = word.length >= 8 ? 2 : 1;
  for (let n = word.length - 1; n <= Math.min(target.length, word.length + 1); n++) {
    if (distance(word, target.slice(0, n)) <= allowed) return true;
  }
  return false;
}

function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length];
}
