/**
 * Typo correction shared by the reference server and the static engine, so both suggest the same words:
 * restricted Damerau-Levenshtein, 1 edit for 4–5 letters, 2 from 6, up to 3 nearest indexed words.
 * Runs in the browser, the worker and Node: no imports.
 */

export interface Candidate {
  term: string;
  distance: number;
  docs: number;
}

/** Edits allowed for a word: 1 for 4–5 letters, 2 from 6; shorter words are never corrected. */
export function maxEdits(length: number): number {
  return length < 4 ? 0 : length < 6 ? 1 : 2;
}

/** Strips diacritics like the server's FTS5 tokenizer (remove_diacritics), so both index the same words. */
export function fold(term: string): string {
  return /[^ -~]/.test(term)
    ? term
        .normalize('NFD')
        .replace(/\p{M}+/gu, '')
        .normalize('NFC')
    : term;
}

const SCRIPTS = ['Latin', 'Cyrillic', 'Greek', 'Arabic', 'Hebrew', 'Han', 'Hiragana', 'Katakana', 'Hangul'].map(
  (name) => new RegExp(`^\\p{Script=${name}}`, 'u'),
);

/** The writing system of a word's first character (-1: another one), so a correction never changes it. */
export function scriptOf(word: string): number {
  return SCRIPTS.findIndex((re) => re.test(word));
}

// Reused rows: a lookup may compare thousands of words.
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/** Optimal string alignment distance, or `max + 1` as soon as it must exceed `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  if (rows[0].length <= n) rows = rows.map(() => new Int32Array(n + 1));
  let [prev2, prev, cur] = rows;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1);
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) d = Math.min(d, prev2[j - 2] + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n];
}

/** Indexed words bucketed by length, with how many documents hold each, so a lookup only scans plausible words. */
export class Vocabulary {
  readonly #buckets = new Map<number, { terms: string[]; docs: number[] }>();

  /** One `[term, documents]` pair per indexed word. */
  constructor(docFreq: Iterable<readonly [string, number]> = []) {
    for (const [term, docs] of docFreq) {
      // Numbers and one-letter tokens make poor corrections.
      if (term.length < 2 || /\d/.test(term)) continue;
      let bucket = this.#buckets.get(term.length);
      if (!bucket) this.#buckets.set(term.length, (bucket = { terms: [], docs: [] }));
      bucket.terms.push(term);
      bucket.docs.push(docs);
    }
  }

  /**
   * Up to `limit` nearest words to `word` once folded, in the same script (a Chinese or Arabic
   * word never becomes a Latin one): fewest edits, then most documents, then alphabetical.
   */
  nearest(word: string, limit = 3): Candidate[] {
    const target = fold(word);
    const max = maxEdits(target.length);
    if (!max || /\d/.test(target)) return [];
    const script = scriptOf(target);
    const found: Candidate[] = [];
    for (let len = target.length - max; len <= target.length + max; len++) {
      const bucket = this.#buckets.get(len);
      if (!bucket) continue;
      for (let k = 0; k < bucket.terms.length; k++) {
        const distance = editDistance(target, bucket.terms[k], max);
        if (distance <= max && distance > 0 && scriptOf(bucket.terms[k]) === script)
          found.push({ term: bucket.terms[k], distance, docs: bucket.docs[k] });
      }
    }
    found.sort((x, y) => x.distance - y.distance || y.docs - x.docs || (x.term < y.term ? -1 : 1));
    return found.slice(0, limit);
  }
}
