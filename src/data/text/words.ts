/**
 * The one tokenizer of every engine, before English singulars (./tokenize.ts adds them for the
 * engines; this part is small enough for the first script, which highlights and counts words).
 *
 * - Words are runs of letters and digits of the normalized text (./normalize.ts).
 * - Chinese and Japanese runs have no spaces: they become overlapping character bigrams plus the
 *   run's last character (远程医疗 → 远程 程医 医疗 疗), as Lucene's CJK analyzer does. A word of
 *   any length inside a run is then found by its bigrams, whatever a segmenter would say, so the
 *   browser and Node agree although they ship different ICU data.
 * - Thai, Lao, Khmer and Myanmar runs are cut into words by `Intl.Segmenter`. So is a query's
 *   Chinese run (`cut`): 远程医疗服务 is three words to find anywhere, not one string, and single
 *   characters in a row stay one word (物|联|网 → 物联网).
 * - Arabic drops the article and attached conjunction (الصحة, والصحة → صحه).
 * - Stop words and one-letter words are dropped, except Chinese and Japanese single characters.
 */
import { normalize } from './normalize.js';

/** Words too common to search on; shared so every engine drops the same ones. */
export const STOP_WORDS = new Set(
  'a an and are as at be by for from has have in into is it its of on or that the their this to was were with'.split(
    ' ',
  ),
);

const RUN = /[\p{L}\p{N}\p{M}]+/gu;
/** Scripts written without spaces whose runs become bigrams. */
/** The scripts written without spaces whose runs become bigrams, as a regular-expression class body. */
export const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\u30fc';
const BIGRAMMED = new RegExp(`[${CJK}]+`, 'gu');
const IS_BIGRAMMED = new RegExp(`^[${CJK}]`, 'u');
/** Scripts written without spaces that a word segmenter cuts. */
const SEGMENTED = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const ARABIC = /^\p{Script=Arabic}/u;
/** Lucene's Arabic light-stemmer prefixes: the article, alone or after و ب ك ف, and لل. */
const ARABIC_PREFIXES = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال'];

let segmenter: Intl.Segmenter | undefined;

/** One query or text word, split into the terms an index holds for it. */
export interface Word {
  /** The word normalized, with an Arabic article stripped, before singularization: what a prefix starts. */
  text: string;
  /** Index terms, in order: one, or the bigrams of a Chinese run. */
  terms: string[];
  /** A Chinese or Japanese run. */
  cjk: boolean;
}

/** Receives each word: its text, and a Chinese or Japanese run's bigrams. */
export type Sink = (text: string, bigrams?: string[]) => void;

/** Strips an Arabic article or conjunction when enough of the word remains. */
function stripArabic(word: string): string {
  for (const prefix of ARABIC_PREFIXES) {
    if (word.startsWith(prefix) && word.length - prefix.length >= 2) return word.slice(prefix.length);
  }
  return word.startsWith('و') && word.length > 3 ? word.slice(1) : word;
}

function bigrams(run: string): string[] {
  const chars = Array.from(run);
  if (chars.length === 1) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  out.push(chars[chars.length - 1]);
  return out;
}

function spaced(word: string, sink: Sink): void {
  if (STOP_WORDS.has(word)) return;
  const text = ARABIC.test(word) ? stripArabic(word) : word;
  // One letter of an alphabet says nothing ("e" of e-health); surrogate pairs count as one.
  if (text.length < 2 || (text.length === 2 && /[\ud800-\udbff]/.test(text))) return;
  sink(text);
}

function segments(part: string): string[] {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  return [...segmenter.segment(part)].filter((s) => s.isWordLike).map((s) => s.segment);
}

function other(part: string, sink: Sink): void {
  if (!SEGMENTED.test(part)) return spaced(part, sink);
  for (const word of segments(part)) spaced(word, sink);
}

/** A Chinese run's words, single characters in a row glued back together. */
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

const ASCII = /^[\0-\x7f]*$/;

/** The words of one run of letters (already normalized). */
function runWords(run: string, sink: Sink, cut: boolean): void {
  if (ASCII.test(run)) return spaced(run, sink);
  let last = 0;
  for (const m of run.matchAll(BIGRAMMED)) {
    if (m.index > last) other(run.slice(last, m.index), sink);
    for (const word of cut ? cutRun(m[0]) : [m[0]]) sink(word, bigrams(word));
    last = m.index + m[0].length;
  }
  if (last < run.length) other(last ? run.slice(last) : run, sink);
}

/**
 * Calls `sink` with each word of a text, in order. `cut`: a query's Chinese runs are cut into
 * words; an indexed text's are not, so the index never depends on where a segmenter cuts.
 */
export function scan(text: string, sink: Sink, cut = false): void {
  for (const run of normalize(text).match(RUN) ?? []) runWords(run, sink, cut);
}

/** The words of a text, in order, with no singulars: enough to count words or compare them. */
export function plainWords(text: string, cut = false): Word[] {
  const out: Word[] = [];
  scan(text, (word, bigrams) => out.push({ text: word, terms: bigrams ?? [word], cjk: !!bigrams }), cut);
  return out;
}

/** Whether a normalized term is Chinese or Japanese (a bigram or single character). */
export const isCjkTerm = (term: string): boolean => IS_BIGRAMMED.test(term);
