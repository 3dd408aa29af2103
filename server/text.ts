/** Free-text matching over the FTS5 index, with the browser engine's semantics. */
import type Database from 'better-sqlite3';
import { STOP_WORDS, tokenize, type Correction } from '../src/data/query.js';
import { Vocabulary, fold, maxEdits } from '../src/data/typo.js';
import { RANK } from './db.js';
import { MAX_CORRECTED_TERMS } from './limits.js';
import { Lru, stringBytes } from './lru.js';

export interface TextPlan {
  /** FTS5 MATCH expression; every term is a quoted string, so visitor syntax is inert. */
  match: string;
  corrections: Correction[];
}

interface Part {
  expr: string;
  correction?: Correction;
  /** The word is not indexed as written, so it cost (or would cost) a scan of the vocabulary. */
  scanned?: boolean;
}

const quote = (term: string): string => `"${term.replace(/"/g, '""')}"`;
const anyOf = (terms: readonly string[]): string =>
  terms.length === 1 ? quote(terms[0]) : `(${terms.map(quote).join(' OR ')})`;
/** Prefixes that would reach stop words, which the browser engine never indexes. */
const STOP_PREFIXES = new Set(
  [...STOP_WORDS].flatMap((w) => Array.from({ length: w.length - 1 }, (_, i) => w.slice(0, i + 2))),
);

export class TextSearch {
  private readonly vocabulary: Vocabulary;
  /** Every indexed term, sorted, for expanding prefixes by hand. */
  private readonly sorted: string[];
  private readonly probe: Database.Statement<[string], unknown>;
  private readonly ranked: Database.Statement<[string], number>;
  private readonly unranked: Database.Statement<[string], number>;
  /** Bounded by bytes: a short prefix can expand to a long list of completions. */
  private readonly parts = new Lru<string, Part>(4 * 2 ** 20, (part, key) => stringBytes(key) + stringBytes(part.expr));

  /**
   * With `reuse`, its vocabulary is kept instead of scanning the index again: words saved
   * since are still found (the index is probed live), only not yet offered as corrections.
   */
  constructor(db: Database.Database, reuse?: TextSearch) {
    if (reuse) {
      this.vocabulary = reuse.vocabulary;
      this.sorted = reuse.sorted;
    } else {
      const rows = db.prepare('SELECT term, doc FROM fts_vocab').all() as { term: string; doc: number }[];
      // FTS5 indexes stop words too; they make poor corrections.
      this.vocabulary = new Vocabulary(rows.filter((r) => !STOP_WORDS.has(r.term)).map((r) => [r.term, r.doc]));
      this.sorted = rows.map((r) => r.term).sort();
    }
    this.probe = db.prepare('SELECT 1 FROM fts WHERE fts MATCH ? LIMIT 1').pluck();
    this.ranked = db.prepare(`SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY ${RANK}, rowid`).pluck() as never;
    this.unranked = db.prepare('SELECT rowid FROM fts WHERE fts MATCH ?').pluck() as never;
  }

  /**
   * Every term must match; the last one as a prefix. A word of 4+ letters the index
   * does not know is replaced by its nearest indexed words, for at most MAX_CORRECTED_TERMS
   * words, since each such scan costs far more than a match. Null when q has no terms.
   */
  plan(q: string): TextPlan | null {
    const words = tokenize(q);
    if (!words.length) return null;
    const corrections: Correction[] = [];
    let scans = 0;
    const parts = words.map((word, i) => {
      const part = this.part(word, i === words.length - 1, scans < MAX_CORRECTED_TERMS);
      if (part.scanned) scans++;
      if (part.correction) corrections.push(part.correction);
      return part.expr;
    });
    return { match: parts.join(' AND '), corrections };
  }

  /** Matching rowids; best first when `ranked`, else in index order. */
  rowids(match: string, ranked: boolean): number[] {
    return (ranked ? this.ranked : this.unranked).all(match);
  }

  private part(word: string, prefix: boolean, correct: boolean): Part {
    const key = (prefix ? '*' : '=') + (correct ? '~' : '') + word;
    let part = this.parts.get(key);
    if (!part) {
      part = this.expression(word, prefix, correct);
      this.parts.set(key, part);
    }
    return part;
  }

  private expression(word: string, prefix: boolean, correct: boolean): Part {
    let expr = quote(word) + (prefix ? '*' : '');
    const folded = fold(word);
    if (prefix && STOP_PREFIXES.has(folded)) {
      // List the completions so "th" finds "through" but not "the".
      const completions = this.completions(folded).filter((t) => !STOP_WORDS.has(t));
      expr = completions.length ? anyOf(completions) : quote(word);
      if (completions.length) return { expr };
    }
    if (this.probe.get(expr) !== undefined) return { expr };
    if (maxEdits(folded.length) === 0) return { expr };
    const near = correct ? this.vocabulary.nearest(word) : [];
    return near.length
      ? { expr: anyOf(near.map((c) => c.term)), correction: { from: word, to: near[0].term }, scanned: true }
      : { expr, scanned: true };
  }

  private completions(start: string): string[] {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.sorted[mid] < start) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < this.sorted.length && this.sorted[i].startsWith(start); i++) out.push(this.sorted[i]);
    return out;
  }
}
