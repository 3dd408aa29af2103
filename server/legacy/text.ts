/**
 * Free-text matching over the FTS5 index, with the browser engine's semantics: the shared
 * tokenizer (src/data/text/) wrote the index terms, and reads the query into parts here.
 */
import type Database from 'better-sqlite3';
import type { Correction } from '../../src/data/query.js';
import { phraseSlots, queryParts, type QueryPart } from '../../src/data/text/query-parts.js';
import { Vocabulary, maxEdits } from '../../src/data/typo.js';
import { RANK } from '../db.js';
import { MAX_CORRECTED_TERMS } from '../limits.js';
import { Lru, stringBytes } from '../lru.js';

export interface TextPlan {
  /** FTS5 MATCH expression; every term is a quoted string, so visitor syntax is inert. */
  match: string;
  /** Ranking tiers (src/data/text/query-parts.ts), each a MATCH expression, best first. */
  tiers: { whole?: string; title: string; phrase?: string };
  corrections: Correction[];
}

interface Part {
  expr: string;
  /** The part by its exact terms only; undefined when it can match by a prefix alone. */
  whole?: string;
  correction?: Correction;
  /** The word is not indexed as written, so it cost (or would cost) a scan of the vocabulary. */
  scanned?: boolean;
}

const quote = (term: string): string => `"${term.replace(/"/g, '""')}"`;
const allOf = (exprs: readonly string[]): string => (exprs.length === 1 ? exprs[0] : `(${exprs.join(' AND ')})`);
const anyOf = (exprs: readonly string[]): string => (exprs.length === 1 ? exprs[0] : `(${exprs.join(' OR ')})`);

export class TextSearch {
  private readonly vocabulary: Vocabulary;
  private readonly probe: Database.Statement<[string], unknown>;
  private readonly ranked: Database.Statement<[string], number>;
  private readonly unranked: Database.Statement<[string], number>;
  /** Bounded by bytes: a short prefix can expand to a long list of completions. */
  private readonly parts = new Lru<string, Part>(
    4 * 2 ** 20,
    (part, key) => stringBytes(key) + stringBytes(part.expr) + stringBytes(part.whole ?? ''),
  );

  /**
   * With `reuse`, its vocabulary is kept instead of scanning the index again: words saved
   * since are still found (the index is probed live), only not yet offered as corrections.
   */
  constructor(db: Database.Database, reuse?: TextSearch) {
    if (reuse) this.vocabulary = reuse.vocabulary;
    else {
      const rows = db.prepare('SELECT term, doc FROM fts_vocab').all() as { term: string; doc: number }[];
      this.vocabulary = new Vocabulary(rows.map((r) => [r.term, r.doc]));
    }
    this.probe = db.prepare('SELECT 1 FROM fts WHERE fts MATCH ? LIMIT 1').pluck();
    this.ranked = db.prepare(`SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY ${RANK}, rowid`).pluck() as never;
    this.unranked = db.prepare('SELECT rowid FROM fts WHERE fts MATCH ?').pluck() as never;
  }

  /**
   * Every query word must match; the last one as a prefix too. A word of 4+ letters the index
   * does not know is replaced by its nearest indexed words, for at most MAX_CORRECTED_TERMS
   * words, since each such scan costs far more than a match. Null when q has no terms.
   */
  plan(q: string): TextPlan | null {
    const read = queryParts(q);
    if (!read.length) return null;
    let scans = 0;
    const parts = read.map((p) => {
      const part = this.part(p, scans < MAX_CORRECTED_TERMS);
      if (part.scanned) scans++;
      return part;
    });
    const corrections = parts.flatMap((p) => (p.correction ? [p.correction] : []));
    const match = parts.map((p) => p.expr).join(' AND ');
    const slots = corrections.length ? [] : phraseSlots(q);
    return {
      match,
      tiers: {
        whole: parts.every((p) => p.whole) ? parts.map((p) => p.whole).join(' AND ') : undefined,
        title: `{title} : (${match})`,
        phrase: slots.length
          ? quote(slots.map((s) => s.term).join(' ')) + (slots[slots.length - 1].prefix ? '*' : '')
          : undefined,
      },
      corrections,
    };
  }

  /** Matching rowids; best first when `ranked` (by tier, then bm25), else in index order. */
  rowids(plan: TextPlan, ranked: boolean): number[] {
    if (!ranked) return this.unranked.all(plan.match);
    const rowids = this.ranked.all(plan.match);
    const tier = new Map<number, number>();
    const { whole, title, phrase } = plan.tiers;
    for (const [expr, weight] of [
      [whole, 4],
      [title, 2],
      [phrase, 1],
    ] as const) {
      if (expr) for (const rowid of this.unranked.all(expr)) tier.set(rowid, (tier.get(rowid) ?? 0) + weight);
    }
    // Stable: bm25 order within a tier.
    return rowids
      .map((rowid, k) => ({ rowid, k, tier: tier.get(rowid) ?? 0 }))
      .sort((a, b) => b.tier - a.tier || a.k - b.k)
      .map((r) => r.rowid);
  }

  private part(part: QueryPart, correct: boolean): Part {
    const key = (correct ? '~' : '=') + JSON.stringify(part);
    let found = this.parts.get(key);
    if (!found) {
      found = this.expression(part, correct);
      this.parts.set(key, found);
    }
    return found;
  }

  private expression({ word, exact, prefix, cjk }: QueryPart, correct: boolean): Part {
    const whole = exact.length ? allOf(exact.map(quote)) : undefined;
    const expr = anyOf([...(whole ? [whole] : []), ...(prefix ? [quote(prefix) + '*'] : [])]);
    if (cjk || this.probe.get(expr) !== undefined) return { expr, whole };
    if (maxEdits(exact[0].length) === 0) return { expr, whole };
    const near = correct ? this.vocabulary.nearest(exact[0]) : [];
    if (!near.length) return { expr, whole, scanned: true };
    const corrected = anyOf(near.map((c) => quote(c.term)));
    return { expr: corrected, whole: corrected, correction: { from: word, to: near[0].term }, scanned: true };
  }
}
