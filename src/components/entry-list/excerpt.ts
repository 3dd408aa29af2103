import { tokenize, type Correction } from '../../data/query.js';

/**
 * Where the terms occur in text, as [start, end) ranges: marks.ts, loaded with the first query.
 * With `first`, it may stop after the first range.
 */
export type MarkFinder = (text: string, terms: readonly string[], first?: boolean) => [start: number, end: number][];

/** A run of text, marked when it matched the query. */
export interface TextPart {
  text: string;
  mark: boolean;
}

/** Terms to highlight: the query's words and the corrections the source applied to them. */
export function highlightTerms(query: string, corrections: readonly Correction[] = []): string[] {
  const terms = new Set(tokenize(query));
  for (const c of corrections) for (const word of tokenize(c.to)) terms.add(word);
  return [...terms];
}

/** Splits text into parts; a word is marked when `find` places a term there. Without `find`, nothing is marked. */
export function splitMarks(text: string, terms: readonly string[], find?: MarkFinder): TextPart[] {
  if (!terms.length || !find) return [{ text, mark: false }];
  const parts: TextPart[] = [];
  let last = 0;
  for (const [start, end] of find(text, terms)) {
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
export function excerptAround(
  text: string,
  terms: readonly string[],
  find?: MarkFinder,
  words = 40,
  maxChars = 320,
): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chunks = [...flat.matchAll(/\S+/g)];
  if (!chunks.length) return '';
  const hit = terms.length && find ? (find(flat, terms, true)[0]?.[0] ?? 0) : 0;
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
