/** An engine updated from the rows changed since its snapshot answers exactly like one built from scratch. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { generateEntries } from '../../scripts/sample/generate.js';
import { Rng } from '../../scripts/sample/prng.js';
import type { SearchParams } from '../../src/data/query.js';
import { parseSearchParams } from '../../src/data/evaluate.js';
import { openReadOnly, openWritable, writeDatabase } from '../../server/db.js';
import { SearchEngine } from '../../server/engine.js';
import { applyRevision, dataVersion } from '../../server/store/revisions.js';
import { LINKS_SCHEMA } from '../../server/links/store.js';
import { tempDir } from './helpers.js';

const QUERIES = [
  'facets=actionLine,sdg,country,region,entityType,status,year,organization',
  'sort=title&pageSize=100&facets=status',
  'sort=oldest&pageSize=100',
  'sort=newest&page=2&pageSize=50',
  'q=health&facets=region,status',
  'q=digital&sort=title&pageSize=100',
  'status=planned&facets=sdg,year',
  'prize=any&facets=status',
  'actionLine=C7&yearFrom=2015&facets=actionLine',
  'link=broken&pageSize=100',
  'link=ok&sort=title&facets=status',
];

const params = (q: string): SearchParams => {
  const parsed = parseSearchParams(Object.fromEntries(new URLSearchParams(q)));
  assert.ok(parsed.ok, q);
  return parsed.params;
};

test('incremental engine = full rebuild, after rounds of creates, updates, archives and restores', () => {
  const dir = tempDir();
  const dbPath = join(dir, 'inc.db');
  const entries = generateEntries(600, 5);
  writeDatabase(entries, dbPath);
  const writer = openWritable(dbPath);
  writer.exec(LINKS_SCHEMA);
  // Link checks change outside the revision log; a snapshot must still pick them up.
  const check = writer.prepare(
    `INSERT OR REPLACE INTO links (id, url, status, final_url, checked, failures, detail, run)
     SELECT id, json_extract(meta, '$.website'), ?, '', '2026-12-01T00:00:00Z', 0, '', 1 FROM entries WHERE id = ? AND json_extract(meta, '$.website') IS NOT NULL`,
  );
  const rng = new Rng(99);
  const pool = entries.map((e) => e.id);
  const fresh = generateEntries(200, 77);
  let reader = openReadOnly(dbPath);
  reader.exec('BEGIN');
  let version = dataVersion(reader);
  let engine = new SearchEngine(reader);
  let checked = 0;
  for (let round = 0; round < 6; round++) {
    for (let i = 0; i < 25; i++) {
      const r = rng.next();
      const id = pool[Math.floor(rng.next() * pool.length)];
      if (r < 0.25) {
        const e = { ...fresh.pop()!, id: `fresh-${round}-${i}` };
        applyRevision(writer, 't', e.id, { action: 'create', entry: e });
        pool.push(e.id);
      } else if (r < 0.6) {
        const donor = fresh[Math.floor(rng.next() * fresh.length)];
        const current = JSON.parse(writer.prepare('SELECT json FROM entries WHERE id = ?').pluck().get(id) as string);
        const entry = { ...donor, id, title: rng.next() < 0.5 ? current.title : `Zeta ${round} ${i}` };
        applyRevision(writer, 't', id, { action: 'update', entry });
      } else if (r < 0.7) check.run(rng.next() < 0.5 ? 'broken' : 'ok', id);
      else if (r < 0.8) applyRevision(writer, 't', id, { action: 'archive' });
      else applyRevision(writer, 't', id, { action: 'restore' });
    }
    const next = openReadOnly(dbPath);
    next.exec('BEGIN');
    const nextVersion = dataVersion(next);
    const incremental = new SearchEngine(next, { previous: { engine, version, keepVocabulary: true } });
    const full = new SearchEngine(next);
    assert.equal(incremental.size, full.size);
    for (const q of QUERIES) {
      // Byte-equal, so every copy gives the same body and ETag however it was built.
      assert.ok(incremental.search(params(q)) === full.search(params(q)), `round ${round}: ${q}`);
      checked++;
    }
    reader.close();
    [reader, engine, version] = [next, incremental, nextVersion];
  }
  assert.equal(checked, QUERIES.length * 6);
  reader.close();
  writer.close();
  rmSync(dir, { recursive: true, force: true });
});
