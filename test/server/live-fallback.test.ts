/**
 * The live index's fallback: an incremental build that fails must not leave search behind the
 * data. The failure is reported and the snapshot is rebuilt from scratch, with the change in it.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { generateEntries } from '../../scripts/sample/generate.js';
import { openWritable, writeDatabase } from '../../server/db.js';
import { LiveIndex } from '../../server/live.js';
import { applyRevision } from '../../server/store/revisions.js';
import { tempDir } from './helpers.js';

const dir = tempDir();
after(() => rmSync(dir, { recursive: true, force: true }));

test('a failed incremental build is reported, and a full rebuild brings the change in', async () => {
  const path = join(dir, 'live.db');
  const entries = generateEntries(120, 3);
  writeDatabase(entries, path);
  // The writer's connection, as the server opens it (write-ahead log), before any reader.
  const db = openWritable(path);
  const errors: string[] = [];
  const builds: boolean[] = [];
  const live = new LiveIndex(path, { cacheBytes: 2 ** 20, pollMs: 0, onError: (e) => errors.push(e.message) });
  // The incremental path breaks; the full one still works.
  const internals = live as unknown as { build(incremental: boolean): unknown };
  const build = internals.build.bind(live);
  internals.build = (incremental: boolean) => {
    builds.push(incremental);
    if (incremental) throw new Error('incremental build failed');
    return build(false);
  };
  try {
    const before = live.current.version;
    applyRevision(db, 'root', entries[0].id, { action: 'archive' });
    live.changed();
    for (let n = 0; n < 100 && live.current.version === before; n++) await new Promise((r) => setTimeout(r, 20));
    assert.deepEqual(builds, [true, false]);
    assert.deepEqual(errors, ['incremental build failed']);
    assert.equal(live.current.version, before + 1);
    assert.equal(live.current.engine.entry(entries[0].id), undefined, 'the archived entry is gone from search');
  } finally {
    live.close();
    db.close();
  }
});
