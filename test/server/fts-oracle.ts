/**
 * The reference for the server's text search: the same plan asked of SQLite's FTS5 table, which
 * every write keeps up to date. Matches come from `MATCH`, order from `bm25(fts, 10.0, 3.0, 1.0)`
 * and rowid, and the tiers from three more `MATCH` queries: how the server searched before it
 * kept its own index (server/postings.ts, server/rank.ts).
 */
import type Database from 'better-sqlite3';
import { empty, has, set, type Bits } from '../../server/bitset.js';
import { SearchEngine } from '../../server/engine.js';
import type { TextMatch } from '../../server/rank.js';
import type { Phrase, PlanPart, TextPlan } from '../../server/text.js';

const quote = (term: string): string => `"${term.replace(/"/g, '""')}"`;
const phrase = (p: Phrase) => quote(p.text) + (p.prefix ? '*' : '');
const allOf = (exprs: readonly string[]) => (exprs.length === 1 ? exprs[0] : `(${exprs.join(' AND ')})`);
const anyOf = (exprs: readonly string[]) => (exprs.length === 1 ? exprs[0] : `(${exprs.join(' OR ')})`);
const expression = (groups: Phrase[][]) => anyOf(groups.map((g) => allOf(g.map(phrase))));
const every = (parts: readonly PlanPart[], groupsOf: (p: PlanPart) => Phrase[][]) =>
  parts.map((p) => expression(groupsOf(p))).join(' AND ');

/** The plan as FTS5 queries: the match, and the tiers by weight. */
export function ftsQueries(plan: TextPlan): { match: string; tiers: [string | undefined, number][] } {
  const match = every(plan.parts, (p) => p.groups);
  const whole = plan.parts.every((p) => p.whole) ? every(plan.parts, (p) => p.whole!) : undefined;
  const slots = plan.slots;
  const phraseTier = slots && quote(slots.map((s) => s.text).join(' ')) + (slots.at(-1)!.prefix ? '*' : '');
  return {
    match,
    tiers: [
      [whole, 4],
      [`{title} : (${match})`, 2],
      [phraseTier, 1],
    ],
  };
}

/** A search engine whose text matches and order come from SQLite's FTS5 table. */
export class FtsEngine extends SearchEngine {
  private readonly ranked: Database.Statement<[string], number>;
  private readonly unranked: Database.Statement<[string], number>;
  private readonly positions = new Map<number, number>();

  constructor(db: Database.Database) {
    super(db);
    this.ranked = db
      .prepare('SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY bm25(fts, 10.0, 3.0, 1.0), rowid')
      .pluck() as never;
    this.unranked = db.prepare('SELECT rowid FROM fts WHERE fts MATCH ?').pluck() as never;
    const rowids = db.prepare('SELECT rowid FROM entries WHERE archived = 0 ORDER BY rowid').pluck().all();
    rowids.forEach((rowid, i) => this.positions.set(rowid as number, i));
  }

  protected override match(plan: TextPlan): TextMatch {
    const { match, tiers } = ftsQueries(plan);
    const tier = new Map<number, number>();
    for (const [expr, weight] of tiers)
      if (expr) for (const rowid of this.unranked.all(expr)) tier.set(rowid, (tier.get(rowid) ?? 0) + weight);
    const order = this.ranked
      .all(match)
      .map((rowid, k) => ({ pos: this.positions.get(rowid)!, k, tier: tier.get(rowid) ?? 0 }))
      .sort((a, b) => b.tier - a.tier || a.k - b.k)
      .map((r) => r.pos);
    const bits: Bits = empty(this.size);
    for (const pos of order) set(bits, pos);
    return {
      bits,
      top: (candidates, skip, take) => order.filter((pos) => has(candidates, pos)).slice(skip, skip + take),
    };
  }
}
