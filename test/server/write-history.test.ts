/** Nothing saved is lost: revisions, the append-only log, replay, hostile text, imports through the log. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openWritable } from '../../server/db.js';
import { importFile } from '../../server/import.js';
import { BAD_WEBSITES, HOSTILE_HTTP_URLS, LONG_DESCRIPTION, TEXT_PAYLOADS } from '../e2e/helpers/xss-payloads.js';
import { Rng } from '../../scripts/sample/prng.js';
import { Client, editable, newEntry, startWriteServer, type Reply, type WriteServer } from './write-helpers.js';

let server: WriteServer;
before(async () => {
  server = await startWriteServer(400);
});
after(() => server.close());

interface Logged {
  revision: number;
  action: string;
  archived: boolean;
  entry: Record<string, unknown>;
}

/** Folds the revision log, in order, into each entry's state. */
function replay(db: Database.Database): Map<string, { json: string; archived: number; revision: number }> {
  const state = new Map<string, { json: string; archived: number; revision: number }>();
  for (const r of db
    .prepare('SELECT revision, entry_id, archived, entry FROM revisions ORDER BY revision')
    .iterate() as Iterable<{ revision: number; entry_id: string; archived: number; entry: string }>)
    state.set(r.entry_id, { json: r.entry, archived: r.archived, revision: r.revision });
  return state;
}

describe('nothing lost', () => {
  test('after 1,000 random writes, archives and restores: every revision is retrievable and the log replays to the data', async () => {
    const rng = new Rng(17);
    const clients = {
      [server.orgA]: new Client(server.base, undefined, undefined, server.tokens.editorA),
      admin: new Client(server.base, undefined, undefined, server.tokens.admin),
    };
    const ids = server.entries.filter((e) => e.organization === server.orgA).map((e) => e.id);
    const adminIds = server.entries.slice(0, 30).map((e) => e.id);
    const saved: { id: string; revision: number; entry: unknown; archived: boolean }[] = [];
    const counts: Record<string, number> = {};
    let refused = 0;
    for (let i = 0; i < 1000; i++) {
      const admin = rng.next() < 0.5;
      const client = admin ? clients.admin : clients[server.orgA];
      const pool = admin ? adminIds : ids;
      const op = rng.next();
      let res: Reply;
      let kind: string;
      if (op < 0.15) {
        kind = 'create';
        const id = `rand-${i}`;
        res = await client.call('POST', '/entries', { body: newEntry(id, server.orgA, { title: `Random ${i}` }) });
        if (res.status === 201) pool.push(id);
      } else {
        const id = pool[Math.floor(rng.next() * pool.length)];
        const current = await client.call('GET', `/manage/entries/${id}`);
        assert.equal(current.status, 200, id);
        const etag = current.headers.get('etag')!;
        // A stale tag now and then: refused, never saved.
        const tag = rng.next() < 0.05 ? '"1"' : etag;
        if (op < 0.6) {
          kind = 'update';
          const entry = {
            ...editable(current.body.entry),
            title: `Title ${i} ${'é'.repeat(i % 3)}`,
            sdgs: [1 + (i % 17)],
          };
          res = await client.call('PUT', `/entries/${id}`, { body: entry, headers: { 'if-match': tag } });
        } else if (op < 0.8) {
          kind = 'archive';
          res = await client.call('POST', `/entries/${id}/archive`, { headers: { 'if-match': tag } });
        } else {
          kind = 'restore';
          const history = await client.call('GET', `/entries/${id}/revisions`);
          const pick = history.body.revisions[Math.floor(rng.next() * history.body.revisions.length)];
          res = await client.call('POST', `/entries/${id}/restore`, {
            body: rng.next() < 0.5 ? { revision: pick.revision } : {},
            headers: { 'if-match': tag },
          });
        }
      }
      if (res.status === 412) {
        refused++;
        continue;
      }
      assert.ok(res.status === 200 || res.status === 201, `${kind}: ${res.status} ${JSON.stringify(res.body)}`);
      counts[kind] = (counts[kind] ?? 0) + 1;
      saved.push({
        id: res.body.entry.id,
        revision: res.body.revision,
        entry: res.body.entry,
        archived: res.body.archived,
      });
    }
    assert.ok(refused > 0 && counts.create > 50 && counts.update > 200 && counts.archive > 100 && counts.restore > 100);

    // Every saved state is a revision the API gives back, with its full values.
    const byId = new Map<string, Logged[]>();
    for (const { id, revision, entry, archived } of saved) {
      let history = byId.get(id);
      if (!history)
        byId.set(id, (history = (await clients.admin.call('GET', `/entries/${id}/revisions`)).body.revisions));
      const found = history!.find((r) => r.revision === revision);
      assert.ok(found, `revision ${revision} of ${id}`);
      assert.deepEqual(found.entry, entry);
      assert.equal(found.archived, archived);
    }

    const db = new Database(server.dbPath, { readonly: true });
    const replayed = replay(db);
    const rows = db.prepare('SELECT id, json, archived, revision FROM entries').all() as {
      id: string;
      json: string;
      archived: number;
      revision: number;
    }[];
    assert.equal(replayed.size, rows.length);
    for (const row of rows)
      assert.deepEqual(
        replayed.get(row.id),
        { json: row.json, archived: row.archived, revision: row.revision },
        row.id,
      );
    // Each revision's "previous" is the one before it: chains are whole.
    const history = (await clients.admin.call('GET', `/entries/${ids[0]}/revisions`)).body.revisions as (Logged & {
      previous: unknown;
    })[];
    for (let k = 0; k < history.length - 1; k++) assert.deepEqual(history[k].previous, history[k + 1].entry);
    assert.equal(history.at(-1)!.previous, null);
    // The public side agrees: archived entries are hidden, the others served as stored.
    for (const row of rows.filter((r) => r.id.startsWith('rand-') || adminIds.includes(r.id))) {
      const res = await fetch(`${server.base}/api/v1/entries/${row.id}`);
      if (row.archived) assert.equal(res.status, 404, row.id);
      else {
        // The index may be a moment behind the last write; wait for its revision.
        let text = await res.text();
        for (let n = 0; JSON.parse(text).title !== JSON.parse(row.json).title && n < 40; n++) {
          await new Promise((r) => setTimeout(r, 50));
          text = await (await fetch(`${server.base}/api/v1/entries/${row.id}`)).text();
        }
        assert.equal(text, row.json, row.id);
      }
    }
    db.close();
    console.log(
      `# 1000 operations: ${JSON.stringify(counts)}, ${refused} stale If-Match refused, ${saved.length} revisions checked`,
    );
  });

  test('the log is append-only: SQLite refuses UPDATE and DELETE on it', () => {
    const db = openWritable(server.dbPath);
    assert.throws(() => db.prepare(`UPDATE revisions SET account = 'x' WHERE revision = 1`).run(), /append-only/);
    assert.throws(() => db.prepare('DELETE FROM revisions').run(), /append-only/);
    db.close();
  });
});

describe('hostile text', () => {
  test('every XSS payload in every text field is stored and served verbatim, as JSON text', async () => {
    const admin = new Client(server.base, undefined, undefined, server.tokens.admin);
    let n = 0;
    for (const { n: k, text } of TEXT_PAYLOADS) {
      for (const field of ['title', 'description', 'organization'] as const) {
        const id = `xss-${k}-${field}`;
        const body = newEntry(id, server.orgA, { [field]: text });
        const res = await admin.call('POST', '/entries', { body });
        assert.equal(res.status, 201, `${id}: ${JSON.stringify(res.body)}`);
        assert.equal(res.body.entry[field], text);
        const read = await fetch(`${server.base}/api/v1/entries/${id}`);
        if (read.status === 404) continue; // not yet in the index: checked through the history below
        assert.match(read.headers.get('content-type')!, /^application\/json/);
        assert.equal(((await read.json()) as Record<string, string>)[field], text);
        n++;
      }
    }
    for (const website of HOSTILE_HTTP_URLS) {
      const res = await admin.call('POST', '/entries', { body: newEntry(`url-${n++}`, server.orgA, { website }) });
      assert.equal(res.status, 201);
      assert.equal(res.body.entry.website, website);
    }
    const long = await admin.call('POST', '/entries', {
      body: newEntry('long-1', server.orgA, { description: LONG_DESCRIPTION }),
    });
    assert.equal(long.body.entry.description, LONG_DESCRIPTION);
    const history = await admin.call('GET', `/entries/xss-1-title/revisions`);
    assert.equal(history.body.revisions[0].entry.title, TEXT_PAYLOADS[0].text);
    assert.ok(n > TEXT_PAYLOADS.length, 'most payloads were read back through the public API');
  });

  test('bad websites are refused with their field, and nothing is stored', async () => {
    const admin = new Client(server.base, undefined, undefined, server.tokens.admin);
    for (const [i, website] of BAD_WEBSITES.entries()) {
      const res = await admin.call('POST', '/entries', { body: newEntry(`badurl-${i}`, server.orgA, { website }) });
      assert.equal(res.status, 400, website);
      assert.deepEqual(
        res.body.error.problems.map((p: { field: string }) => p.field),
        ['website'],
      );
      assert.equal((await admin.call('GET', `/manage/entries/badurl-${i}`)).status, 404);
    }
  });

  test('400 lists every problem with its field', async () => {
    const admin = new Client(server.base, undefined, undefined, server.tokens.admin);
    const res = await admin.call('POST', '/entries', {
      body: { ...newEntry('multi-1', server.orgA, { title: '', sdgs: [3, 18] as never, endYear: 2000 }), color: 'red' },
    });
    assert.equal(res.status, 400);
    assert.equal(res.body.error.code, 'invalid_entry');
    assert.deepEqual(res.body.error.problems, [
      { field: 'color', message: 'is not an entry field' },
      { field: 'title', message: 'must not be empty' },
      { field: 'sdgs.1', message: 'must be SDG numbers 1-17' },
    ]);
    const years = await admin.call('POST', '/entries', { body: newEntry('years-1', server.orgA, { endYear: 2000 }) });
    assert.deepEqual(years.body.error.problems, [{ field: 'endYear', message: 'must not be before startYear' }]);
    const notJson = await admin.call('POST', '/entries', { body: [1, 2] });
    assert.deepEqual(notJson.body.error.problems, [{ field: 'entry', message: 'must be a JSON object' }]);
  });
});

describe('imports go through the log', () => {
  test('an import into a live database is a revision by the account that ran it, seen by search', async () => {
    const entry = { ...server.entryOf(server.orgB, 1), title: 'Imported zebrafinch title' };
    const file = join(server.dir, 'update.json');
    writeFileSync(
      file,
      JSON.stringify([entry, newEntry('imported-new', server.orgB, { updated: '2026-01-02', regions: ['africa'] })]),
    );
    const result = await importFile(file, server.dbPath, { account: 'admin' });
    assert.equal(result.imported, 2);
    const admin = new Client(server.base, undefined, undefined, server.tokens.admin);
    const history = await admin.call('GET', `/entries/${entry.id}/revisions`);
    assert.deepEqual(
      history.body.revisions.map((r: Logged & { account: string }) => [r.action, r.account]),
      [
        ['import', 'admin'],
        ['import', 'system'],
      ],
    );
    assert.equal(history.body.revisions[0].previous.title, server.entryOf(server.orgB, 1).title);
    let total = 0;
    for (let n = 0; n < 40 && total === 0; n++) {
      await new Promise((r) => setTimeout(r, 50));
      total = ((await (await fetch(`${server.base}/api/v1/entries?q=zebrafinch`)).json()) as { total: number }).total;
    }
    assert.equal(total, 1);
    await assert.rejects(importFile(file, server.dbPath, { account: 'nobody' }), /No account nobody/);
  });
});
