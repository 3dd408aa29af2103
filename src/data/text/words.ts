/**
 * The one tokenizer of every engine, before English singulars (./tokenize.ts adds them for the
 * engines; this part is small enough for the first script, which highlights and counts words).
 *
 * - Words are runs of letters and digits of the normalized text (./normalize.ts).
 * - Chinese and Japanese runs have no spaces: they become overlapping character bigrams plus the
 *   run's last character (远程医疗 → 远程 程医 医疗 疗), as Lucene's CJK analyzer does. A word of
 *   any length inside a run is then found by its bigrams, whatever a segmenter would say, so the
 *   browser and Node agree although they ship different ICU data.
 * - Thai, Lao, Khmer and Myanmar runs are cut into words by `Intl.Segmenter`.
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

function other(part: string, sink: Sink): void {
  if (!SEGMENTED.test(part)) return spaced(part, sink);
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  for (const s of segmenter.segment(part)) if (s.isWordLike) spaced(s.segment, sink);
}

const ASCII = /^[\0-\x7f]*$/;

/** The words of one run of letters (already normalized). */
function runWords(run: string, sink: Sink): void {
  if (ASCII.test(run)) return spaced(run, sink);
  let last = 0;
  for (const m of run.matchAll(BIGRAMMED)) {
    if (m.index > last) other(run.slice(last, m.index), sink);
    sink(m[0], bigrams(m[0]));
    last = m.index + m[0].length;
  }
  if (last < run.length) other(last ? run.slice(last) : run, sink);
}

/** Calls `sink` with each word of a text, in order. */
export function scan(text: string, sink: Sink): void {
  for (const run of normalize(text).match(RUN) ?? []) runWords(run, sink);
}

/** The words of a text, in order, with no singulars: enough to count words or compare them. */
export function plainWords(text: string): Word[] {
  const out: Word[] = [];
  scan(text, (word, bigrams) => out.push({ text: word, terms: bigrams ?? [word], cjk: !!bigrams }));
  return out;
}

/** Whether a normalized term is Chinese or Japanese (a bigram or single character). */
export const isCjkTerm = (term: string): boolean => IS_BIGRAMMED.test(term);
