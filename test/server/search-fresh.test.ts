/**
 * No cache answers from before an update: once an edit is in the index, the very next search
 * (computed on the new snapshot) and the one after it (from the response cache) both show it,
 * and an edit back takes it out of both.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, editable, startWriteServer, type WriteServer } from './write-helpers.js';

let server: WriteServer;
before(async () => {
  server = await startWriteServer(800);
});
after(() => server.close());

interface Answer {
  total: number;
  items: { id: string; title: string }[];
}

const search = async (q: string): Promise<Answer> => {
  const res = await fetch(`${server.base}/api/v1/entries?q=${encodeURIComponent(q)}&facets=status`);
  assert.equal(res.status, 200);
  return (await res.json()) as Answer;
};

/** Saves `title` and waits until the search side's snapshot holds the revision. */
async function retitle(admin: Client, id: string, title: string): Promise<void> {
  const current = await admin.call('GET', `/entries/${id}`);
  const saved = await admin.call('PUT', `/entries/${id}`, {
    body: { ...editable(current.body), title },
    headers: { 'if-match': current.headers.get('etag')! },
  });
  assert.equal(saved.status, 200);
  const tag = saved.headers.get('etag');
  // GET /entries/{id} answers from the same snapshot as search.
  for (let tries = 0; (await fetch(`${server.base}/api/v1/entries/${id}`)).headers.get('etag') !== tag; tries++) {
    assert.ok(tries < 500, 'the edit reached the index');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

test('an edit shows in the very next search, computed and cached, and an edit back takes it out', async () => {
  const admin = new Client(server.base, undefined, undefined, server.tokens.admin);
  const { id, title } = server.entries[17];
  // A word no entry holds, far from every indexed word (no correction is offered).
  const word = 'xqzvyk';
  const first = title.split(' ')[0];
  // Both asked twice before the edit, so their answers sit in the response cache.
  for (let i = 0; i < 2; i++) assert.equal((await search(word)).total, 0);
  const before = await search(`${first} ${word}`);
  assert.equal((await search(`${first} ${word}`)).total, before.total);

  await retitle(admin, id, `${word} ${title}`);
  for (const round of ['computed', 'cached']) {
    const found = await search(word);
    assert.equal(found.total, 1, round);
    assert.equal(found.items[0].id, id, round);
    assert.equal(found.items[0].title, `${word} ${title}`, round);
    assert.equal((await search(`${first} ${word}`)).items[0]?.id, id, round);
  }

  await retitle(admin, id, title);
  for (const round of ['computed', 'cached']) {
    assert.equal((await search(word)).total, 0, round);
    assert.deepEqual(await search(`${first} ${word}`), before, round);
  }
});
