/**
 * The engines' tokenizer: the shared words (./words.ts), cut by `Intl.Segmenter` (./segment.ts),
 * with English plurals made singular (disabilities → disability). The reference server stores
 * `indexTerms` in FTS5, the static engine indexes them with MiniSearch, and both read queries
 * with `words(q, true)` (./query-parts.ts).
 */
import { INDEX_CUT, QUERY_CUT } from './segment.js';
import { singular } from './singular.js';
import { scan, type Word } from './words.js';

export { STOP_WORDS, isCjkTerm, type Word } from './words.js';

/** The words of a text, in order, each with its index terms; `query`: Chinese runs cut into words. */
export function words(text: string, query = false): Word[] {
  const out: Word[] = [];
  scan(
    text,
    (word, bigrams) => out.push({ text: word, terms: bigrams ?? [singular(word)], cjk: !!bigrams }),
    query ? QUERY_CUT : INDEX_CUT,
  );
  return out;
}

/** The index terms of a text, in order: what the server stores in FTS5 and the static engine indexes. */
export function indexTerms(text: string): string[] {
  const out: string[] = [];
  scan(text, (word, bigrams) => (bigrams ? out.push(...bigrams) : out.push(singular(word))), INDEX_CUT);
  return out;
}
