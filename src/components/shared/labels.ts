import type { FilterKey } from '../../data/query.js';
import { normalize } from '../../data/text/normalize.js';
import { INTERNATIONAL, isC7 } from '../../data/vocabulary.js';
import { enFilters } from '../../i18n/en-filters.js';
import { countryName, hasMessage, registerMessages, t, type Lang } from '../../i18n/index.js';

// The filter labels it looks up (`facet.link`, `link.broken`…) come with it, whoever imports it.
registerMessages('en', enFilters);

/** A translated message for a key built at run time, or the fallback when no such key exists. */
export function tryT(lang: Lang, key: string, fallback: string): string {
  return hasMessage(key) ? t(lang, key) : fallback;
}

/** The id shown before an action line name: `C7.e-health` shows as `C7`. */
export function shortActionLineId(id: string): string {
  return isC7(id) ? 'C7' : id;
}

/** A filter value as visitors read it, e.g. "SDG 3 · Good health and well-being" or "Rwanda". */
export function valueLabel(lang: Lang, key: FilterKey, value: string): string {
  switch (key) {
    case 'actionLine':
      return `${shortActionLineId(value)} · ${tryT(lang, `actionLine.${value}`, value)}`;
    case 'sdg':
      return `${t(lang, 'sdg.short', { n: Number(value) })} · ${tryT(lang, `sdg.${value}`, value)}`;
    case 'country':
      return value === INTERNATIONAL ? t(lang, 'entry.international') : countryName(lang, value);
    case 'prize':
      return value === 'any' ? t(lang, 'prize.any') : tryT(lang, `prize.${value}`, value);
    case 'organization':
      return value;
    default:
      return tryT(lang, `${key}.${value}`, value);
  }
}

/** The name of a filter group, e.g. "Region". */
export function groupLabel(lang: Lang, key: FilterKey | 'year'): string {
  return tryT(lang, `facet.${key}`, key);
}

/** The search's own normalizer (src/data/text/normalize.ts), for forgiving substring matches. */
export function fold(text: string): string {
  return normalize(text).trim();
}
