/**
 * Every read answer names the data revision it was computed from, so a client can tell an answer
 * from before an edit: an edit through the write API raises it, and an answer with the new
 * revision holds the edit.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, editable, startWriteServer, type WriteServer } from './write-helpers.js';

let server: WriteServer;
before(async () => {
  server = await startWriteServer(300);
});
after(() => server.close());

const revisionOf = (res: Response): number => {
  const header = res.headers.get('wsis-revision');
  assert.match(header ?? '', /^\d+$/, 'wsis-revision header');
  return Number(header);
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function read(path: string): Promise<{ revision: number; etag: string; body: any }> {
  const res = await fetch(`${server.base}/api/v1${path}`, { headers: { origin: 'https://partner.example' } });
  assert.equal(res.status, 200, path);
  assert.match(res.headers.get('access-control-expose-headers') ?? '', /wsis-revision/i);
  return { revision: revisionOf(res), etag: res.headers.get('etag') ?? '', body: await res.json() };
}

describe('data revision in read answers', () => {
  test('an edit through the write API raises the revision of the answers that show it', async () => {
    const entry = server.entryOf(server.orgA);
    const query = `/entries?q=${encodeURIComponent('zanzibarian')}`;
    const before = await read(query);
    assert.equal(before.body.total, 0);
    const entryBefore = await read(`/entries/${entry.id}`);
    assert.equal(entryBefore.revision, before.revision);

    const admin = new Client(server.base, undefined, undefined, server.tokens.admin);
    const put = await admin.call('PUT', `/entries/${entry.id}`, {
      body: { ...editable(entry), title: 'Zanzibarian fibre backbone' },
      headers: { 'if-match': entryBefore.etag },
    });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    const written = Number(/"(\d+)"/.exec(put.headers.get('etag') ?? '')?.[1]);
    assert.ok(written > before.revision, `write revision ${written} after ${before.revision}`);

    // Search follows writes within a moment; every answer in between still names the old revision.
    let after = await read(query);
    for (let i = 0; i < 200 && after.body.total === 0; i++) {
      assert.equal(after.revision, before.revision, 'an answer without the edit keeps the old revision');
      await new Promise((r) => setTimeout(r, 10));
      after = await read(query);
    }
    assert.equal(after.body.total, 1);
    assert.ok(after.revision >= written, `answer revision ${after.revision} ≥ ${written}`);
    const entryAfter = await read(`/entries/${entry.id}`);
    assert.equal(entryAfter.body.title, 'Zanzibarian fibre backbone');
    assert.equal(entryAfter.revision, after.revision);
  });
});
