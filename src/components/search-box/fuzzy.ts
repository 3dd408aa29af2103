/**
 * The lazily loaded side of the suggestions, loaded on the search box's first focus: fuse.js
 * (the only module that imports it) and the documents it searches.
 */
import Fuse from 'fuse.js';
import type { FilterKey } from '../../data/query.js';
import { ACTION_LINES, ENTITY_TYPES, INTERNATIONAL, REGIONS, SDGS } from '../../data/vocabulary.js';
import { countryName, type Lang } from '../../i18n/index.js';
import { valueLabel } from '../shared/labels.js';
import type { Matcher, Suggestion, SuggestionKind } from './matcher.js';

export function createMatcher(docs: Suggestion[]): Matcher {
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
