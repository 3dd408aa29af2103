/**
 * The in-memory text core (server/postings.ts, server/rank.ts) answers exactly as SQLite's FTS5
 * table does (test/server/fts-oracle.ts): same totals, facets, corrections and items in the same
 * order, byte for byte, for hundreds of varied queries, before and after rounds of writes.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { generateEntries } from '../../scripts/sample/generate.js';
import { Rng } from '../../scripts/sample/prng.js';
import type { Entry } from '../../src/data/entry.js';
import type { SearchParams } from '../../src/data/query.js';
import { parseSearchParams } from '../../src/data/evaluate.js';
import { openReadOnly, openWritable, writeDatabase } from '../../server/db.js';
import { forEach } from '../../server/bitset.js';
import { SearchEngine } from '../../server/engine.js';
import type { TextHit } from '../../server/rank.js';
import { applyRevision, dataVersion } from '../../server/store/revisions.js';
import { FtsEngine, ftsQueries } from './fts-oracle.js';
import { tempDir } from './helpers.js';
import { variedQueries } from './varied-queries.js';

const params = (qs: string): SearchParams => {
  const parsed = parseSearchParams(new URLSearchParams(qs));
  assert.ok(parsed.ok, qs);
  return parsed.params;
};

/** Queries whose answers differ, with the first difference of each. */
function differences(a: SearchEngine, b: { search(p: SearchParams): string }, queries: readonly string[]): string[] {
  const out: string[] = [];
  for (const qs of queries) {
    const p = params(qs);
    const [x, y] = [a.search(p), b.search(p)];
    if (x === y) continue;
    const [jx, jy] = [JSON.parse(x), JSON.parse(y)];
    const what = ['total', 'corrections', 'facets', 'items'].find(
      (k) => JSON.stringify(jx[k]) !== JSON.stringify(jy[k]),
    );
    out.push(`${decodeURIComponent(qs)}: ${what}`);
  }
  return out;
}

/** Exposes the text core's BM25 scores. */
class ScoredEngine extends SearchEngine {
  /** Minus each match's score (FTS5's sign), by rowid. */
  bm25(q: string, rowids: readonly number[]): Map<number, number> {
    const hit = this.match(this.text.plan(q)!) as TextHit;
    const scores = hit.scores();
    const out = new Map<number, number>();
    forEach(hit.bits, (pos) => out.set(rowids[pos], -scores[pos]));
    return out;
  }
}

/** SQLite's own scores for the plan's match, by rowid; equal to the last bit. */
function assertSameScores(db: Database.Database, engine: ScoredEngine, queries: readonly string[]): void {
  const rowids = db.prepare('SELECT rowid FROM entries WHERE archived = 0 ORDER BY rowid').pluck().all() as number[];
  const bm25 = db.prepare('SELECT rowid, bm25(fts, 10.0, 3.0, 1.0) FROM fts WHERE fts MATCH ?').raw();
  for (const q of queries) {
    const plan = engine.text.plan(q)!;
    const ours = engine.bm25(q, rowids);
    const theirs = new Map(bm25.all(ftsQueries(plan).match) as [number, number][]);
    assert.ok(theirs.size > 0, q);
    assert.deepEqual(ours, theirs, q);
  }
}

const SCORED = [
  'health',
  'women',
  'open data',
  'data',
  'co',
  'digital skills',
  'e-learning platform',
  'helth',
  '医疗',
  'الصحة',
  'телемедицина',
  'the health of',
];

function snapshot(dbPath: string): Database.Database {
  const db = openReadOnly(dbPath);
  db.exec('BEGIN');
  dataVersion(db);
  return db;
}

describe('the in-memory text core answers as the FTS5 table does', () => {
  const dir = tempDir();
  const dbPath = join(dir, 'core.db');
  const entries = generateEntries(3000, 2024);
  const queries = variedQueries(entries, 400, 11);
  let writer: Database.Database;
  let reader: Database.Database;
  let engine: ScoredEngine;

  before(() => {
    writeDatabase(entries, dbPath);
    // The writer first: it turns on WAL, so readers pinned to a snapshot do not block it.
    writer = openWritable(dbPath);
    reader = snapshot(dbPath);
    engine = new ScoredEngine(reader);
  });
  after(() => {
    reader.close();
    writer.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test(`${queries.length} varied queries: words, prefixes, phrases, typos, other scripts, filters, pages, sorts`, () => {
    assert.deepEqual(differences(engine, new FtsEngine(reader), queries), []);
  });

  test("BM25 scores equal SQLite's to the last bit", () => assertSameScores(reader, engine, SCORED));

  test('long phrases: the longest Chinese run of the sample, twelve words of an English text', () => {
    const runs = entries.flatMap((e) => e.description.match(/\p{Script=Han}+/gu) ?? []);
    const chinese = runs.reduce((a, b) => (b.length > a.length ? b : a));
    const english = entries.find((e) => e.description.split(' ').length > 40)!;
    const long = [chinese, english.description.split(' ').slice(10, 22).join(' '), english.title];
    const queries = long.flatMap((q) => [
      `q=${encodeURIComponent(q)}`,
      `q=${encodeURIComponent(q.slice(0, -1))}&pageSize=5`,
    ]);
    assert.deepEqual(differences(engine, new FtsEngine(reader), queries), []);
    assert.ok(JSON.parse(engine.search(params(queries[0]))).total > 0);
  });

  test('after rounds of creates, updates, archives and restores, built incrementally', () => {
    const rng = new Rng(5);
    const pool = entries.map((e) => e.id);
    const donors = generateEntries(300, 99);
    const words = ['quokka', 'broadband', 'zebra crossing', 'telemedicine', 'health'];
    let db = reader;
    let version = dataVersion(db);
    let current: SearchEngine = engine;
    try {
      for (let round = 0; round < 4; round++) {
        for (let i = 0; i < 30; i++) {
          const r = rng.next();
          const id = pool[Math.floor(rng.next() * pool.length)];
          const donor = donors[Math.floor(rng.next() * donors.length)];
          const word = words[Math.floor(rng.next() * words.length)];
          if (i === 0) {
            // More words than the index's buffers start with: 1,500 in 9,000 characters.
            const old = JSON.parse(writer.prepare('SELECT json FROM entries WHERE id = ?').pluck().get(id) as string);
            const description = Array.from({ length: 1500 }, (_, k) => `${word[0]}${k % 100}`).join(' ');
            assert.ok(description.length <= 10000);
            applyRevision(writer, 't', id, { action: 'update', entry: { ...old, description } });
          } else if (r < 0.25) {
            const entry: Entry = { ...donor, id: `new-${round}-${i}`, title: `${word} ${donor.title}` };
            applyRevision(writer, 't', entry.id, { action: 'create', entry });
            pool.push(entry.id);
          } else if (r < 0.65) {
            const old = JSON.parse(writer.prepare('SELECT json FROM entries WHERE id = ?').pluck().get(id) as string);
            const entry = {
              ...old,
              description: `${donor.description} ${word}`,
              title: rng.next() < 0.5 ? old.title : word,
            };
            applyRevision(writer, 't', id, { action: 'update', entry });
          } else if (r < 0.85) applyRevision(writer, 't', id, { action: 'archive' });
          else applyRevision(writer, 't', id, { action: 'restore' });
        }
        const next = snapshot(dbPath);
        const incremental = new ScoredEngine(next, { previous: { engine: current, version, keepVocabulary: false } });
        assertSameScores(next, incremental, [...SCORED, ...words]);
        const sample = [
          ...variedQueries(entries, 60, round),
          ...words.map((w) => `q=${w}&sort=relevance&pageSize=100`),
        ];
        assert.deepEqual(differences(incremental, new FtsEngine(next), sample), [], `round ${round}`);
        if (db !== reader) db.close();
        [db, current, version] = [next, incremental, dataVersion(next)];
      }
    } finally {
      if (db !== reader) db.close();
    }
  });
});
