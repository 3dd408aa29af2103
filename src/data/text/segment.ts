/** Word segmentation with `Intl.Segmenter`, for the engines' tokenizer (./tokenize.ts). */
import type { Cut } from './words.js';

let segmenter: Intl.Segmenter | undefined;
/** Scripts written without spaces that a word segmenter cuts (Chinese and Japanese become bigrams). */
const SEGMENTED = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

function segments(part: string): string[] {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  return [...segmenter.segment(part)].filter((s) => s.isWordLike).map((s) => s.segment);
}

/**
 * A query's Chinese run as words to find anywhere (远程医疗服务 → 远程, 医疗, 服务), single
 * characters in a row glued back together (物|联|网 → 物联网), since a reader's word is often
 * not the dictionary's.
 */
function cutRun(run: string): string[] {
  const out: string[] = [];
  let single = '';
  for (const word of segments(run)) {
    if (Array.from(word).length === 1) single += word;
    else {
      if (single) out.push(single);
      single = '';
      out.push(word);
    }
  }
  if (single) out.push(single);
  return out;
}

/** Indexed text: Thai-like runs cut, Chinese runs whole (their bigrams do not depend on ICU). */
export const INDEX_CUT: Cut = { segmented: (part) => (SEGMENTED.test(part) ? segments(part) : undefined) };
/** Queries: Chinese runs cut into words too. */
export const QUERY_CUT: Cut = { ...INDEX_CUT, run: cutRun };
