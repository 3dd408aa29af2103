/**
 * The one tokenizer of every engine, before English singulars and word segmentation
 * (./tokenize.ts adds both for the engines; this part is small enough for the first script,
 * which counts and highlights words).
 *
 * - Words are runs of letters and digits of the normalized text (./normalize.ts).
 * - Chinese and Japanese runs have no spaces: they become overlapping character bigrams plus the
 *   run's last character (远程医疗 → 远程 程医 医疗 疗), as Lucene's CJK analyzer does. A word of
 *   any length inside a run is then found by its bigrams, whatever a segmenter would say, so the
 *   browser and Node agree although they ship different ICU data.
 * - Thai, Lao, Khmer and Myanmar runs, and a query's Chinese runs, are cut into words by a `Cut`
 *   (./segment.ts, with `Intl.Segmenter`).
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
/** The scripts written without spaces whose runs become bigrams, as a regular-expression class body. */
export const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\u30fc';
const BIGRAMMED = new RegExp(`[${CJK}]+`, 'gu');
const IS_BIGRAMMED = new RegExp(`^[${CJK}]`, 'u');
const ARABIC = /^\p{Script=Arabic}/u;
/** Lucene's Arabic light-stemmer prefixes: the article, alone or after و ب ك ف, and لل. */
const ARABIC_PREFIXES = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال'];
/** Text of plain ASCII only. */
export const ASCII = /^[\0-\x7f]*$/;

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

/** How runs of scripts written without spaces are cut into words. */
export interface Cut {
  /** The words of a run in a script written without spaces (Thai, Lao, Khmer, Myanmar); undefined for others. */
  segmented(part: string): string[] | undefined;
  /** A Chinese or Japanese run's words (a query's); absent: the run is one word. */
  run?(run: string): string[];
}

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
  // One letter of an alphabet says nothing ("e" of e-health).
  if (text.length < 2) return;
  sink(text);
}

function other(part: string, sink: Sink, cut?: Cut): void {
  for (const word of cut?.segmented(part) ?? [part]) spaced(word, sink);
}

/** The words of one run of letters (already normalized). */
function runWords(run: string, sink: Sink, cut?: Cut): void {
  if (ASCII.test(run)) return spaced(run, sink);
  let last = 0;
  for (const m of run.matchAll(BIGRAMMED)) {
    if (m.index > last) other(run.slice(last, m.index), sink, cut);
    for (const word of cut?.run ? cut.run(m[0]) : [m[0]]) sink(word, bigrams(word));
    last = m.index + m[0].length;
  }
  if (last < run.length) other(last ? run.slice(last) : run, sink, cut);
}

/** Calls `sink` with each word of a text, in order; without a `cut`, runs without spaces stay whole. */
export function scan(text: string, sink: Sink, cut?: Cut): void {
  for (const run of normalize(text).match(RUN) ?? []) runWords(run, sink, cut);
}

/** The words of a text, in order, uncut and with no singulars: enough to count words or highlight them. */
export function plainWords(text: string): Word[] {
  const out: Word[] = [];
  scan(text, (word, grams) => out.push({ text: word, terms: grams ?? [word], cjk: !!grams }));
  return out;
}

/** Whether a normalized term is Chinese or Japanese (a bigram or single character). */
export const isCjkTerm = (term: string): boolean => IS_BIGRAMMED.test(term);
