import { tokenize, type Correction } from '../../data/query.js';
import { CJK, isCjkTerm, plainWords } from '../../data/text/words.js';

/** A run of text, marked when it matched the query. */
export interface TextPart {
  text: string;
  mark: boolean;
}

/** Runs of letters as the shared tokenizer reads them, cut where Chinese or Japanese starts or stops. */
const PIECE = new RegExp(`[${CJK}]+|(?:(?![${CJK}])[\\p{L}\\p{N}\\p{M}])+`, 'gu');

/** Terms to highlight: the query's words and the corrections the source applied to them. */
export function highlightTerms(query: string, corrections: readonly Correction[] = []): string[] {
  const terms = new Set(tokenize(query));
  for (const c of corrections) for (const word of tokenize(c.to)) terms.add(word);
  return [...terms];
}

/**
 * The same word, or one starting with it, give or take an English plural ending (disability,
 * disabilities). The engines use pluralize; the first script, which highlights, is kept without it.
 */
function sameWord(word: string, term: string): boolean {
  if (word.startsWith(term)) return true;
  if (Math.min(word.length, term.length) < 4 || Math.abs(word.length - term.length) > 2) return false;
  let common = 0;
  while (word[common] === term[common]) common++;
  return common >= Math.min(word.length, term.length) - 1;
}

/** Where the terms occur: a word the same as a term (sameWord); a Chinese term wherever it is in a run. */
function marks(text: string, terms: readonly string[]): [start: number, end: number][] {
  const out: [number, number][] = [];
  // A Chinese query matched by its bigrams wherever they are (远程医疗服务 in 远程医疗健康服务平台).
  const cjk = terms.filter(isCjkTerm).flatMap((t) => {
    const chars = Array.from(t);
    return chars.length < 2 ? [t] : chars.slice(1).map((c, i) => chars[i] + c);
  });
  const spaced = terms.filter((t) => !isCjkTerm(t)).flatMap((t) => plainWords(t));
  for (const m of text.matchAll(PIECE)) {
    if (isCjkTerm(m[0])) {
      const run = m[0].normalize('NFKC');
      if (run.length !== m[0].length) continue;
      const hits: [number, number][] = [];
      for (const term of cjk) {
        for (let at = run.indexOf(term); at >= 0; at = run.indexOf(term, at + 1)) hits.push([at, at + term.length]);
      }
      // Overlapping hits merge into one mark.
      hits.sort((a, b) => a[0] - b[0]);
      for (const [s, e] of hits) {
        const prev = out.at(-1);
        if (prev && prev[1] >= m.index + s) prev[1] = Math.max(prev[1], m.index + e);
        else out.push([m.index + s, m.index + e]);
      }
    } else if (plainWords(m[0]).some((w) => spaced.some((t) => sameWord(w.text, t.text)))) {
      out.push([m.index, m.index + m[0].length]);
    }
  }
  return out;
}

/** Splits text into parts; a word is marked when it starts with a term (the last word may be a prefix). */
export function highlight(text: string, terms: readonly string[]): TextPart[] {
  if (!terms.length) return [{ text, mark: false }];
  const parts: TextPart[] = [];
  let last = 0;
  for (const [start, end] of marks(text, terms)) {
    if (start > last) parts.push({ text: text.slice(last, start), mark: false });
    parts.push({ text: text.slice(start, end), mark: true });
    last = end;
  }
  if (last < text.length) parts.push({ text: text.slice(last), mark: false });
  return parts;
}

const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(n, hi));
const isLowSurrogate = (text: string, i: number) => /[\uDC00-\uDFFF]/.test(text[i] ?? '');

/**
 * About `words` words of `text` around the first word that matches a term (the start when none does),
 * whitespace collapsed, with an ellipsis where it was cut. `maxChars` bounds scripts without spaces.
 */
export function excerpt(text: string, terms: readonly string[], words = 40, maxChars = 320): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chunks = [...flat.matchAll(/\S+/g)];
  if (!chunks.length) return '';
  const hit = terms.length ? (marks(flat, terms)[0]?.[0] ?? 0) : 0;
  const at = Math.max(
    0,
    chunks.findIndex((c) => c.index + c[0].length > hit),
  );
  const start = clamp(at - Math.floor(words / 4), 0, Math.max(0, chunks.length - words));
  const last = chunks[Math.min(chunks.length, start + words) - 1];
  let from = chunks[start].index;
  let to = last.index + last[0].length;
  if (to - from > maxChars) {
    from = clamp(hit - Math.floor(maxChars / 4), from, to - maxChars);
    to = from + maxChars;
    if (isLowSurrogate(flat, from)) from++;
    if (isLowSurrogate(flat, to)) to--;
  }
  return `${from > 0 ? '… ' : ''}${flat.slice(from, to).trim()}${to < flat.length ? ' …' : ''}`;
}
