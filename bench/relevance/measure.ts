/**
 * Runs the judged relevance set against both engines (the static engine and the reference server's,
 * in process) over the sample data, and gives MRR and NDCG@10 per language. Takes a few seconds.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateEntries } from '../../scripts/sample/generate.js';
import { localTextIndex, type SampleLang } from '../../scripts/sample/multilingual.js';
import { parseSearchParams } from '../../src/data/evaluate.js';
import { StaticEngine } from '../../src/data/static/engine.js';
import { openReadOnly, writeDatabase } from '../../server/db.js';
import { SearchEngine } from '../../server/engine.js';
import { JUDGMENTS, type Judgment } from './judgments.js';

/** Enough entries to hold every local text, with thousands of English ones around them. */
export const RELEVANCE_ENTRIES = 3000;
const SEED = 1;
const K = 10;

export interface RelevanceRow {
  engine: 'static' | 'server';
  lang: SampleLang;
  queries: number;
  mrr: number;
  ndcg: number;
  /** Queries whose relevant entries are all missing from the first 10. */
  misses: string[];
}

const idOf = (key: string) => `ws-${String(localTextIndex(key) + 1).padStart(6, '0')}`;

/** Reciprocal rank of the first relevant id, and NDCG@10 with gains 2^grade − 1. */
export function score(ranked: readonly string[], judgment: Judgment): { rr: number; ndcg: number } {
  const grades = new Map(Object.entries(judgment.relevant).map(([key, g]) => [idOf(key), g]));
  const first = ranked.findIndex((id) => grades.has(id));
  const dcg = (gains: number[]) => gains.reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);
  const actual = dcg(ranked.slice(0, K).map((id) => grades.get(id) ?? 0));
  const ideal = dcg([...grades.values()].sort((a, b) => b - a).slice(0, K));
  return { rr: first < 0 || first >= K ? 0 : 1 / (first + 1), ndcg: ideal ? actual / ideal : 0 };
}

function rows(engine: RelevanceRow['engine'], search: (q: string) => string[]): RelevanceRow[] {
  const byLang = new Map<SampleLang, RelevanceRow>();
  for (const judgment of JUDGMENTS) {
    let row = byLang.get(judgment.lang);
    if (!row)
      byLang.set(judgment.lang, (row = { engine, lang: judgment.lang, queries: 0, mrr: 0, ndcg: 0, misses: [] }));
    const { rr, ndcg } = score(search(judgment.q), judgment);
    row.queries++;
    row.mrr += rr;
    row.ndcg += ndcg;
    if (!rr) row.misses.push(judgment.q);
  }
  return [...byLang.values()].map((r) => ({ ...r, mrr: r.mrr / r.queries, ndcg: r.ndcg / r.queries }));
}

const paramsFor = (q: string) => {
  const parsed = parseSearchParams(new URLSearchParams({ q, pageSize: String(K) }));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.params;
};

export async function benchRelevance(): Promise<RelevanceRow[]> {
  const entries = generateEntries(RELEVANCE_ENTRIES, SEED);
  const engine = await StaticEngine.build(entries);
  const out = rows('static', (q) => engine.search(paramsFor(q)).items.map((e) => e.id));
  const dir = mkdtempSync(join(tmpdir(), 'wsis-relevance-'));
  try {
    const dbPath = join(dir, 'relevance.db');
    writeDatabase(entries, dbPath);
    const db = openReadOnly(dbPath);
    try {
      const server = new SearchEngine(db);
      out.push(
        ...rows('server', (q) =>
          (JSON.parse(server.search(paramsFor(q))) as { items: { id: string }[] }).items.map((e) => e.id),
        ),
      );
    } finally {
      db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

export function formatRelevance(rows: readonly RelevanceRow[]): string[] {
  const f = (x: number) => x.toFixed(3);
  return [
    `  judged set: ${JUDGMENTS.length} queries over ${RELEVANCE_ENTRIES} sample entries (seed ${SEED}); MRR and NDCG@${K}`,
    '  engine  lang  queries  MRR    NDCG@10  missed (no relevant entry in the first 10)',
    ...rows.map(
      (r) =>
        `  ${r.engine.padEnd(7)} ${r.lang.padEnd(5)} ${String(r.queries).padStart(7)}  ${f(r.mrr)}  ${f(r.ndcg)}    ${r.misses.join(', ') || '–'}`,
    ),
  ];
}
