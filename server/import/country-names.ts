/**
 * Country cells as ITU writes them: ISO alpha-2 or alpha-3 codes, names in the six UN languages
 * (from i18n-iso-countries), ITU's own forms with qualifiers ("Korea (Rep. of)"), "INTERNATIONAL",
 * and regions of the world ("Asia and Pacific").
 */
import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import { isCountryCode } from '../../src/data/countries.js';
import { editDistance } from '../../src/data/typo.js';
import type { Region } from '../../src/data/vocabulary.js';
import { nameKey } from './names.js';
import { regionFromName } from './region-names.js';

export type CountryMatch =
  | { kind: 'country'; code: string }
  | { kind: 'international' }
  | { kind: 'region'; region: Region }
  /** `ambiguous`: the name belongs to several countries (Congo), which are the suggestions. */
  | { kind: 'unknown'; suggestions: string[]; ambiguous?: boolean };

const LANGUAGES = ['en', 'fr', 'es', 'ru', 'ar', 'zh'] as const;

/** ITU's spellings that the library does not know, and names it leaves out. */
const ITU_NAMES: Readonly<Record<string, string>> = {
  'Viet Nam': 'VN',
  'Argentine Republic': 'AR',
  'Gabonese Republic': 'GA',
  'Togolese Republic': 'TG',
  'Kyrgyz Republic': 'KG',
  'Slovak Republic': 'SK',
  'Holy See': 'VA',
  'Vatican City State': 'VA',
  Vatican: 'VA',
  "Democratic People's Republic of Korea": 'KP',
  'Lao P.D.R.': 'LA',
  Laos: 'LA',
  'Cabo Verde': 'CV',
  Swaziland: 'SZ',
  'The former Yugoslav Republic of Macedonia': 'MK',
  Macedonia: 'MK',
  'Hong Kong, China': 'HK',
  'Macao, China': 'MO',
  'Taiwan, China': 'TW',
  'United Kingdom of Great Britain and Northern Ireland': 'GB',
  'Federated States of Micronesia': 'FM',
  'Republic of Moldova': 'MD',
  'Bolivarian Republic of Venezuela': 'VE',
  'Plurinational State of Bolivia': 'BO',
  'Corée (République de)': 'KR',
  'Corée (Rép. de)': 'KR',
  'Corea (República de)': 'KR',
  'Corea (Rep. de)': 'KR',
};

/** Cells that mean "no country": an international or global entry. */
const INTERNATIONAL = new Set(
  ['international', 'global', 'worldwide', 'world', 'intl', 'internacional', 'mondial', 'mundial']
    .concat(['международный', 'глобальный', 'دولي', 'عالمي', '国际', '全球'])
    .map(nameKey),
);

interface Index {
  /** Name key → codes; more than one when the name is ambiguous. */
  byName: Map<string, string[]>;
  shortName: (code: string) => string;
}

let index: Index | undefined;

function buildIndex(): Index {
  const require = createRequire(import.meta.url);
  for (const lang of LANGUAGES) countries.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));
  const byName = new Map<string, string[]>();
  const add = (name: string, code: string) => {
    const key = nameKey(name);
    if (!key || !isCountryCode(code)) return;
    const known = byName.get(key);
    if (!known) byName.set(key, [code]);
    else if (!known.includes(code)) known.push(code);
  };
  for (const lang of LANGUAGES) {
    for (const [code, names] of Object.entries(countries.getNames(lang, { select: 'all' }))) {
      for (const name of names) add(name, code);
    }
  }
  // ITU's forms win over the library's ambiguities.
  for (const [name, code] of Object.entries(ITU_NAMES)) byName.set(nameKey(name), [code]);
  return { byName, shortName: (code) => countries.getName(code, 'en') ?? code };
}

/** Resolves one country cell (a single value, not a `;` list). */
export function resolveCountry(text: string): CountryMatch {
  index ??= buildIndex();
  const value = text.trim();
  const key = nameKey(value);
  if (!key || INTERNATIONAL.has(key)) return { kind: 'international' };
  if (/^[A-Za-z]{2}$/.test(value) && isCountryCode(value.toUpperCase()))
    return { kind: 'country', code: value.toUpperCase() };
  if (/^[A-Za-z]{3}$/.test(value)) {
    const code = countries.alpha3ToAlpha2(value.toUpperCase());
    if (code && isCountryCode(code)) return { kind: 'country', code };
  }
  for (const candidate of candidates(value)) {
    const codes = index.byName.get(candidate);
    if (codes?.length === 1) return { kind: 'country', code: codes[0] };
    if (codes) return { kind: 'unknown', ambiguous: true, suggestions: codes.map((c) => display(c, index!)) };
  }
  const region = regionFromName(value);
  if (region) return { kind: 'region', region };
  return { kind: 'unknown', suggestions: nearest(key, index) };
}

/**
 * The keys to try, best first: the whole name, the qualifier moved in front
 * ("Iran (Islamic Republic of)" → "Islamic Republic of Iran"), then the name without its qualifier.
 */
function candidates(value: string): string[] {
  const keys = [nameKey(value)];
  const qualified = value.match(/^(.*?)\s*\(([^()]*)\)\s*$/) ?? value.match(/^(.*),([^,]*)$/);
  if (qualified) {
    const [, base, qualifier] = qualified;
    keys.push(nameKey(`${qualifier} ${base}`), nameKey(base));
  }
  return keys;
}

/** Up to three known countries whose names are nearest to `key`, as "Kenya (KE)". */
function nearest(key: string, index: Index): string[] {
  const { byName } = index;
  const max = Math.max(2, Math.ceil(key.length / 3));
  const best = new Map<string, number>();
  for (const [name, codes] of byName) {
    if (codes.length > 1) continue;
    const code = codes[0];
    const distance = editDistance(key, name, max);
    if (distance <= max && distance < (best.get(code) ?? Infinity)) best.set(code, distance);
  }
  const sorted = [...best].sort(([a, x], [b, y]) => x - y || (a < b ? -1 : 1));
  // Names one edit further than the nearest are noise ("Rwandda": Rwanda, not Canada).
  return sorted
    .filter(([, distance]) => distance <= sorted[0][1] + 1)
    .slice(0, 3)
    .map(([code]) => display(code, index));
}

const display = (code: string, { shortName }: Index) => `${shortName(code)} (${code})`;
