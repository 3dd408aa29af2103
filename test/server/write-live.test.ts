/**
 * The read side keeps up with writes: search sees a save without a restart while searches run
 * in a loop and never sees a half-updated index; a read copy in another process follows too.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, newEntry, spawnReplica, startWriteServer, type Replica, type WriteServer } from './write-helpers.js';

let server: WriteServer;
before(async () => {
  server = await startWriteServer(1500);
});
after(() => server.close());

interface Search {
  total: number;
  items: { id: string; title: string; status: string }[];
  facets: { status?: Record<string, number> };
}

const search = async (base: string, query: string): Promise<Search> => {
  const res = await fetch(`${base}/api/v1/entries?${query}`);
  assert.equal(res.status, 200, query);
  return (await res.json()) as Search;
};

/** A response from one consistent index: the facet counts add up to the total, the page holds what it says. */
function assertConsistent(r: Search, pageSize: number) {
  const byStatus = Object.values(r.facets.status ?? {}).reduce((a, b) => a + b, 0);
  assert.equal(byStatus, r.total, 'status facet sums to total');
  assert.equal(r.items.length, Math.min(pageSize, r.total));
}

/** Polls until `found` holds; returns the milliseconds it took. */
async function until(found: () => Promise<boolean>, limitMs: number): Promise<number> {
  const started = performance.now();
  while (!(await found())) {
    if (performance.now() - started > limitMs) throw new Error(`not seen within ${limitMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return performance.now() - started;
}

const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.95) - 1];

describe('search follows writes', () => {
  test('while searches run in a loop, each save is found within 2 s and every answer is consistent', async () => {
    const admin = new Client(server.base, undefined, undefined, server.tokens.admin);
    let stop = false;
    let answers = 0;
    const failures: unknown[] = [];
    const loop = (async () => {
      while (!stop) {
        try {
          assertConsistent(await search(server.base, 'q=kestrel&facets=status&pageSize=5'), 5);
          assertConsistent(await search(server.base, 'facets=status&pageSize=3'), 3);
          answers += 2;
        } catch (err) {
          failures.push(err);
        }
      }
    })();
    const lags: number[] = [];
    let expected = (await search(server.base, 'q=kestrel&facets=status')).total;
    for (let i = 0; i < 20; i++) {
      const id = `kestrel-${i}`;
      const created = await admin.call('POST', '/entries', {
        body: newEntry(id, server.orgA, { title: `Kestrel survey ${i}`, status: i % 2 ? 'planned' : 'completed' }),
      });
      assert.equal(created.status, 201);
      expected++;
      lags.push(await until(async () => (await search(server.base, 'q=kestrel')).total === expected, 2000));
      if (i % 4 === 3) {
        // An archive leaves search just as fast.
        const archived = await admin.call('POST', `/entries/${id}/archive`);
        assert.equal(archived.status, 200);
        expected--;
        lags.push(await until(async () => (await search(server.base, 'q=kestrel')).total === expected, 2000));
      }
    }
    stop = true;
    await loop;
    assert.deepEqual(failures, []);
    assert.ok(answers > 20);
    console.log(
      `# save to searchable over ${lags.length} writes: p95 ${p95(lags).toFixed(0)} ms, max ${Math.max(...lags).toFixed(0)} ms; ${answers} searches in the loop`,
    );
  });

  test('the entry endpoint and its ETag follow an update', async () => {
    const admin = new Client(server.base, undefined, undefined, server.tokens.admin);
    const id = server.entryOf(server.orgB).id;
    const before = await fetch(`${server.base}/api/v1/entries/${id}`);
    const etag = before.headers.get('etag')!;
    const entry = (await before.json()) as Record<string, unknown>;
    delete entry.updated;
    const put = await admin.call('PUT', `/entries/${id}`, {
      body: { ...entry, title: 'Renamed osprey' },
      headers: { 'if-match': etag },
    });
    assert.equal(put.status, 200);
    await until(
      async () => (await fetch(`${server.base}/api/v1/entries/${id}`)).headers.get('etag') === put.headers.get('etag'),
      2000,
    );
    const cached = await fetch(`${server.base}/api/v1/entries/${id}`, { headers: { 'if-none-match': etag } });
    assert.equal(cached.status, 200, 'the old ETag no longer matches');
    assert.equal(((await cached.json()) as { title: string }).title, 'Renamed osprey');
    assert.equal((await search(server.base, 'q=osprey')).items[0]?.id, id);
  });
});

describe('a read copy in another process', () => {
  let replica: Replica;
  let replicaBase: string;
  before(async () => {
    replica = await spawnReplica(server.dbPath, 100);
    replicaBase = replica.base;
  });
  after(() => replica.stop());

  test('serves reads, refuses writes, and shows each save after a bounded lag', async () => {
    assert.equal((await fetch(`${replicaBase}/api/v1/health`)).status, 200);
    const write = await fetch(`${replicaBase}/api/v1/entries`, { method: 'POST' });
    assert.ok(write.status === 404 || write.status === 405, `a read copy takes no writes (${write.status})`);
    const admin = new Client(server.base, undefined, undefined, server.tokens.admin);
    const lags: number[] = [];
    for (let i = 0; i < 10; i++) {
      const saved = performance.now();
      const res = await admin.call('POST', '/entries', {
        body: newEntry(`heron-${i}`, server.orgA, { title: `Heron count ${i}` }),
      });
      assert.equal(res.status, 201);
      await until(async () => (await search(replicaBase, 'q=heron')).total === i + 1, 2000);
      lags.push(performance.now() - saved);
    }
    console.log(
      `# read copy lag over ${lags.length} writes: p95 ${p95(lags).toFixed(0)} ms, max ${Math.max(...lags).toFixed(0)} ms`,
    );
  });
});
