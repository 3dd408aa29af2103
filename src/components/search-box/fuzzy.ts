/**
 * The lazily loaded side of the suggestions, loaded on the search box's first focus: fuse.js
 * (the only module that imports it) and the documents it searches.
 */
import Fuse from 'fuse.js';
import type { FilterKey } from '../../data/query.js';
import { ACTION_LINES, ENTITY_TYPES, INTERNATIONAL, REGIONS, SDGS } from '../../data/vocabulary.js';
import { countryName, type Lang } from '../../i18n/index.js';
import { fold, valueLabel } from '../shared/labels.js';
import type { Matcher, Suggestion, SuggestionKind } from './matcher.js';
import { normalize } from '../../data/text/normalize.js';

export function createMatcher(docs: Suggestion[]): Matcher {
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
  // Names seen later join the index one by one, instead of a rebuild over all of them.
  return Object.assign((query: string, limit: number) => fuse.search(normalize(query), { limit }).map((r) => r.item), {
    add: (more: Suggestion[]) => more.forEach((doc) => fuse.add(doc)),
  });
}

function item(lang: Lang, key: FilterKey, value: string, terms: string[]): Suggestion {
  return { kind: key as SuggestionKind, key, value, label: valueLabel(lang, key, value), terms };
}

export function suggestionDocs(lang: Lang, countries: Iterable<string>, organizations: Iterable<string>): Suggestion[] {
  return [
    ...ACTION_LINES.map((value) => item(lang, 'actionLine', value, [value, valueLabel('en', 'actionLine', value)])),
    ...SDGS.map(String).map((value) => item(lang, 'sdg', value, [valueLabel('en', 'sdg', value)])),
    ...REGIONS.map((value) => item(lang, 'region', value, [valueLabel('en', 'region', value)])),
    ...ENTITY_TYPES.map((value) => item(lang, 'entityType', value, [valueLabel('en', 'entityType', value)])),
    ...[...countries].map((code) =>
      item(
        lang,
        'country',
        code,
        code === INTERNATIONAL ? [valueLabel('en', 'country', code)] : [code, countryName('en', code)],
      ),
    ),
    ...[...organizations].map((name) => item(lang, 'organization', name, [])),
  ];
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
