import { tokenize, type Correction } from '../../data/query.js';

/** A run of text, marked when it matched the query. */
export interface TextPart {
  text: string;
  mark: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Terms to highlight: the query's words and the corrections the source applied to them. */
export function highlightTerms(query: string, corrections: readonly Correction[] = []): string[] {
  const terms = new Set(tokenize(query));
  for (const c of corrections) for (const word of tokenize(c.to)) terms.add(word);
  return [...terms];
}

const matches = (word: string, terms: readonly string[]) => {
  const w = word.toLowerCase().normalize('NFKC');
  return terms.some((term) => w.startsWith(term));
};

/** Splits text into parts; a word is marked when it starts with a term (the last word may be a prefix). */
export function highlight(text: string, terms: readonly string[]): TextPart[] {
  if (!terms.length) return [{ text, mark: false }];
  const parts: TextPart[] = [];
  let last = 0;
  for (const m of text.matchAll(WORD)) {
    if (!matches(m[0], terms)) continue;
    if (m.index > last) parts.push({ text: text.slice(last, m.index), mark: false });
    parts.push({ text: m[0], mark: true });
    last = m.index + m[0].length;
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
  const hit = terms.length ? ([...flat.matchAll(WORD)].find((m) => matches(m[0], terms))?.index ?? 0) : 0;
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
