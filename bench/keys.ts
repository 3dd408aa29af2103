/**
 * Pure pieces of the typing bench: what is typed, and how key and paint times become per-key latencies.
 * No browser here, so a node test can check them.
 */
import { spread, type Spread } from './table.js';

/** Milliseconds between keys, about a fluent typist's pace. */
export const KEY_INTERVAL_MS = 110;

/**
 * Real words from the sample data, mostly English, a few French, Spanish, Russian, Arabic and Chinese
 * ones (the hand-written entries). Each starts with a different character, so no text typed in a run
 * repeats another (every prefix is new): the server answers each one cold, and no cache of the
 * browser or the widget can serve it.
 */
export const QUERIES: readonly string[] = [
  'telemedicine',
  'broadband access',
  'agriculture',
  'cybersecurity',
  'digital skills',
  'education',
  'farmers market',
  'government services',
  'health information',
  'innovation',
  'library',
  'mobile money',
  'network',
  'open data',
  'rural connectivity',
  'schools',
  'women online',
  'youth',
  'écoles numériques',
  'pagos móviles',
  'цифровое',
  'الحكومة الإلكترونية',
  '网络安全',
];

/** Three queries: a smoke run, not for the goals. */
export const QUICK_QUERIES: readonly string[] = ['telemedicine', 'open data', 'écoles'];

/** The same text as a search engine sees it: case, surrounding and repeated spaces do not count. */
export const normalize = (text: string): string => text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

/** The text in the box after each key of `query`, typed one character at a time. */
export const prefixes = (query: string): string[] => [...query].map((_, i) => [...query].slice(0, i + 1).join(''));

/** Texts typed in the run that repeat an earlier one (after normalizing, so "open " repeats "open"). */
export function repeatedTexts(queries: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeats: string[] = [];
  for (const query of queries) {
    let previous = '';
    for (const text of prefixes(query).map(normalize)) {
      // A trailing space leaves the query as it was: that key searches nothing new.
      if (text !== previous && seen.has(text)) repeats.push(text);
      seen.add(text);
      previous = text;
    }
  }
  return repeats;
}

/** One key as the page saw it: when it happened (the key event's timestamp) and the text it left. */
export interface KeyMark {
  query: number;
  at: number;
  text: string;
}

/** A painted frame showing the results for `text`. */
export interface PaintMark {
  at: number;
  text: string;
}

export interface KeyLatencies {
  /** Keys that changed the searched text (a space after a word does not). */
  timed: number;
  /** Key → first frame showing results for its text or a later one of the same query. */
  toResults: Spread;
  /** The last key of each query → its results: what a visitor waits when they stop typing. */
  lastKey: Spread;
  /** Keys whose own text's results were painted (the rest were overtaken by a later key). */
  exact: number;
  /** Keys after which no results were painted at all. */
  missing: number;
}

/**
 * Per key: the time to the first painted frame showing results for the text it left, or for a later
 * text of the same query (a visitor who typed on sees newer results, which is as good). A key never
 * followed by any such frame is missing.
 */
export function keyLatencies(keys: readonly KeyMark[], paints: readonly PaintMark[]): KeyLatencies {
  const sortedPaints = [...paints].sort((a, b) => a.at - b.at).map((p) => ({ at: p.at, text: normalize(p.text) }));
  const all: number[] = [];
  const last: number[] = [];
  let timed = 0;
  let exact = 0;
  let missing = 0;
  keys.forEach((key, i) => {
    const text = normalize(key.text);
    const before = keys[i - 1];
    if (before && before.query === key.query && normalize(before.text) === text) return;
    timed++;
    const later = new Set<string>();
    for (let j = i; j < keys.length && keys[j].query === key.query; j++) later.add(normalize(keys[j].text));
    const isLast = keys[i + 1]?.query !== key.query;
    const shown = sortedPaints.find((p) => p.at >= key.at && later.has(p.text));
    if (!shown) {
      missing++;
      return;
    }
    all.push(shown.at - key.at);
    if (isLast) last.push(shown.at - key.at);
    if (sortedPaints.some((p) => p.at >= key.at && p.text === text)) exact++;
  });
  return { timed, toResults: spread(all), lastKey: spread(last), exact, missing };
}
