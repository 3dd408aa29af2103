/**
 * Where query terms occur in text: the highlighting's matcher, a chunk of its own loaded with the first
 * query that has words (the first results of a page without a query need none of it).
 */
import { ASCII, CJK, isCjkTerm, plainWords, STOP_WORDS } from '../../data/text/words.js';
import { excerptAround, splitMarks } from './excerpt.js';

/** Runs of letters as the shared tokenizer reads them, cut where Chinese or Japanese starts or stops. */
const PIECE = new RegExp(`[${CJK}]+|(?:(?![${CJK}])[\\p{L}\\p{N}\\p{M}])+`, 'gu');

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

/** What one set of terms needs, kept while the terms stay the same (every result of one answer). */
interface Prepared {
  key: string;
  cjk: string[];
  spaced: string[];
  /** Whether a piece of text (a run of letters) matches: words recur across results, each is read once. */
  seen: Map<string, boolean>;
}
let prepared: Prepared | undefined;
const MAX_SEEN = 20_000;

function prepare(terms: readonly string[]): Prepared {
  const key = terms.join('\u0000');
  if (prepared?.key === key) return prepared;
  // A Chinese query matched by its bigrams wherever they are (远程医疗服务 in 远程医疗健康服务平台).
  const cjk = terms.filter(isCjkTerm).flatMap((t) => {
    const chars = Array.from(t);
    return chars.length < 2 ? [t] : chars.slice(1).map((c, i) => chars[i] + c);
  });
  const spaced = terms
    .filter((t) => !isCjkTerm(t))
    .flatMap((t) => plainWords(t))
    .map((w) => w.text);
  return (prepared = { key, cjk, spaced, seen: new Map() });
}

function matchesSpaced(piece: string, p: Prepared): boolean {
  let hit = p.seen.get(piece);
  if (hit === undefined) {
    // Plain ASCII, most text: the one word plainWords would give (spaced() in words.ts), without its general path.
    const word = ASCII.test(piece) ? piece.toLowerCase() : undefined;
    hit =
      word === undefined
        ? plainWords(piece).some((w) => p.spaced.some((t) => sameWord(w.text, t)))
        : word.length >= 2 && !STOP_WORDS.has(word) && p.spaced.some((t) => sameWord(word, t));
    if (p.seen.size >= MAX_SEEN) p.seen.clear();
    p.seen.set(piece, hit);
  }
  return hit;
}

/**
 * Where the terms occur: a word the same as a term (sameWord); a Chinese term wherever it is in a run.
 * With `first`, stops at the first run that has one (an excerpt needs only where to start).
 */
export function marks(text: string, terms: readonly string[], first = false): [start: number, end: number][] {
  const out: [number, number][] = [];
  const p = prepare(terms);
  const { cjk } = p;
  for (const m of text.matchAll(PIECE)) {
    if (first && out.length) break;
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
    } else if (matchesSpaced(m[0], p)) {
      out.push([m.index, m.index + m[0].length]);
    }
  }
  return out;
}

/** `text` split into marked and plain parts, with this matcher. */
export const highlight = (text: string, terms: readonly string[]) => splitMarks(text, terms, marks);

/** The excerpt of `text` around the first term, with this matcher (see excerptAround). */
export const excerpt = (text: string, terms: readonly string[], words?: number, maxChars?: number) =>
  excerptAround(text, terms, marks, words, maxChars);
