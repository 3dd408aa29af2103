/**
 * How a query matches, for every engine alike. Each query word is a part; an entry matches when
 * every part does. A part matches when the entry holds all its `exact` terms, or (when it has one)
 * a term starting with its `prefix`:
 * - a word: its singular form; the last word typed also as a prefix ("ai" finds "air");
 * - a Chinese run: all its bigrams (医疗 inside 远程医疗健康); a single character as a prefix.
 * Ranking tiers, best first: every part matched by its exact terms (a whole word beats a
 * prefix-only match), every part found in the title, the parts found as one phrase.
 */
import { words, type Word } from './tokenize.js';

export interface QueryPart {
  /** The word as normalized, for corrections. */
  word: string;
  /** Terms that must all occur; empty when only the prefix can match. */
  exact: string[];
  /** Any indexed term starting with it matches too. */
  prefix?: string;
  cjk: boolean;
}

/** One position of a phrase: the term, or (last position) any term starting with it. */
export interface PhraseSlot {
  term: string;
  prefix: boolean;
}

/** The query's parts, its Chinese runs cut into words. */
export function queryParts(q: string): QueryPart[] {
  return partsOf(words(q, true));
}

function partsOf(list: Word[]): QueryPart[] {
  return list.map((w, i): QueryPart => {
    if (w.cjk) {
      // A query's run needs only its bigrams; its last character is in the last one.
      return w.terms.length === 1
        ? { word: w.text, exact: [], prefix: w.terms[0], cjk: true }
        : { word: w.text, exact: w.terms.slice(0, -1), cjk: true };
    }
    return { word: w.text, exact: w.terms, ...(i === list.length - 1 ? { prefix: w.text } : {}), cjk: false };
  });
}

/**
 * The query as consecutive index positions, for the exact-phrase tier (Chinese runs whole, as
 * indexed); fewer than two is no phrase.
 */
export function phraseSlots(q: string): PhraseSlot[] {
  const parts = partsOf(words(q));
  const slots = parts.flatMap((p): PhraseSlot[] =>
    p.exact.length ? p.exact.map((term) => ({ term, prefix: false })) : [{ term: p.prefix!, prefix: true }],
  );
  const last = parts.at(-1);
  if (last?.prefix && slots.length) slots[slots.length - 1] = { term: slots[slots.length - 1].term, prefix: true };
  return slots.length > 1 ? slots : [];
}

/** Whether `terms` (a field's index terms, in order) hold the slots one after another. */
export function hasPhrase(terms: readonly string[], slots: readonly PhraseSlot[]): boolean {
  if (!slots.length) return false;
  outer: for (let i = 0; i + slots.length <= terms.length; i++) {
    for (let k = 0; k < slots.length; k++) {
      const t = terms[i + k];
      const s = slots[k];
      if (s.prefix ? !t.startsWith(s.term) : t !== s.term) continue outer;
    }
    return true;
  }
  return false;
}
