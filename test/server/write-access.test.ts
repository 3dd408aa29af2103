/** Access control of the write API against a real listening server. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openWritable } from '../../server/db.js';
import { listCredentials, revokeCredential } from '../../server/store/accounts.js';
import { Client, PASSWORD, editable, newEntry, startWriteServer, type WriteServer } from './write-helpers.js';

let server: WriteServer;
before(async () => {
  server = await startWriteServer();
});
after(() => server.close());

const anonymous = () => new Client(server.base);

describe('no session or token: 401 on every write and private read', () => {
  const calls = (id: string): [string, string, unknown?][] => [
    ['POST', '/entries', newEntry('anon-1', 'x')],
    ['PUT', `/entries/${id}`, {}],
    ['POST', `/entries/${id}/archive`],
    ['POST', `/entries/${id}/restore`],
    ['GET', `/entries/${id}/revisions`],
    ['GET', '/manage/entries'],
    ['GET', `/manage/entries/${id}`],
    ['GET', '/session'],
    ['DELETE', '/session'],
  ];

  test('anonymous', async () => {
    const id = server.entryOf(server.orgA).id;
    for (const [method, path, body] of calls(id)) {
      const res = await anonymous().call(method, path, { body, headers: { 'if-match': '"1"' } });
      assert.equal(res.status, 401, `${method} ${path}`);
      assert.equal(res.body.error.code, 'unauthorized');
      assert.equal(res.headers.get('access-control-allow-origin'), null, `${method} ${path}`);
    }
  });

  test('a forged or unknown cookie and a malformed bearer token are no session', async () => {
    const id = server.entryOf(server.orgA).id;
    for (const client of [
      new Client(server.base, 'wsis_session=forged', 'x'),
      new Client(server.base, undefined, undefined, 'wsis_1_' + 'a'.repeat(43)),
      new Client(server.base, undefined, undefined, 'not-a-token'),
    ]) {
      const res = await client.call('POST', `/entries/${id}/archive`);
      assert.equal(res.status, 401);
    }
  });

  test('a token in the URL is ignored', async () => {
    const id = server.entryOf(server.orgA).id;
    for (const key of ['token', 'access_token', 'bearer']) {
      const res = await anonymous().call('POST', `/entries/${id}/archive?${key}=${server.tokens.admin}`);
      assert.equal(res.status, 401, key);
    }
    const state = await (await server.signIn('admin')).call('GET', `/manage/entries/${id}`);
    assert.equal(state.body.archived, false);
  });
});

describe('an editor of A cannot write B', () => {
  test('updating, archiving, restoring or reading the history of an entry of B: 403, nothing changes', async () => {
    const a = await server.signIn('editor-a');
    const entryB = server.entryOf(server.orgB);
    const current = await (await server.signIn('editor-b')).call('GET', `/manage/entries/${entryB.id}`);
    const etag = current.headers.get('etag')!;
    const attempts: [string, string, unknown?][] = [
      ['PUT', `/entries/${entryB.id}`, { ...editable(entryB), title: 'Taken over' }],
      ['PUT', `/entries/${entryB.id}`, { ...editable(entryB), organization: server.orgA }],
      ['POST', `/entries/${entryB.id}/archive`],
      ['POST', `/entries/${entryB.id}/restore`, { revision: current.body.revision }],
      ['GET', `/entries/${entryB.id}/revisions`],
      ['GET', `/manage/entries/${entryB.id}`],
    ];
    for (const [method, path, body] of attempts) {
      const res = await a.call(method, path, { body, headers: { 'if-match': etag } });
      assert.equal(res.status, 403, `${method} ${path}`);
      assert.equal(res.body.error.code, 'forbidden');
    }
    const after = await (await server.signIn('admin')).call('GET', `/manage/entries/${entryB.id}`);
    assert.deepEqual(after.body, current.body);
  });

  test('moving an own entry to B: 403, and the entry stays in A', async () => {
    const a = await server.signIn('editor-a');
    const entryA = server.entryOf(server.orgA, 1);
    const res = await a.call('GET', `/manage/entries/${entryA.id}`);
    const moved = await a.call('PUT', `/entries/${entryA.id}`, {
      body: { ...editable(res.body.entry), organization: server.orgB },
      headers: { 'if-match': res.headers.get('etag')! },
    });
    assert.equal(moved.status, 403);
    assert.equal((await a.call('GET', `/manage/entries/${entryA.id}`)).body.entry.organization, server.orgA);
  });

  test("creating an entry of B, or with B's id: 403; with an own existing id: 409", async () => {
    const a = await server.signIn('editor-a');
    const entryB = server.entryOf(server.orgB);
    const ofB = await a.call('POST', '/entries', { body: newEntry('new-of-b', server.orgB) });
    assert.equal(ofB.status, 403);
    const reuse = await a.call('POST', '/entries', { body: newEntry(entryB.id, server.orgA) });
    assert.equal(reuse.status, 403);
    assert.equal(reuse.body.error.code, 'forbidden');
    const own = await a.call('POST', '/entries', { body: newEntry(server.entryOf(server.orgA).id, server.orgA) });
    assert.equal(own.status, 409);
    assert.equal(own.body.error.code, 'conflict');
    const b = await server.signIn('editor-b');
    assert.equal((await b.call('GET', `/manage/entries/${entryB.id}`)).body.entry.title, entryB.title);
  });

  test('fields beyond the entry are refused, so no state can be assigned', async () => {
    const a = await server.signIn('editor-a');
    const res = await a.call('POST', '/entries', {
      body: { ...newEntry('mass-1', server.orgA), archived: true, revision: 1, account: 'admin' },
    });
    assert.equal(res.status, 400);
    assert.deepEqual(
      res.body.error.problems.map((p: { field: string }) => p.field),
      ['archived', 'revision', 'account'],
    );
  });

  test('the editor of A may write A; the admin may write B', async () => {
    const a = await server.signIn('editor-a');
    const created = await a.call('POST', '/entries', { body: newEntry('own-new-1', server.orgA) });
    assert.equal(created.status, 201);
    assert.equal(created.headers.get('location'), '/api/v1/entries/own-new-1');
    const admin = await server.signIn('admin');
    const entryB = server.entryOf(server.orgB, 2);
    const state = await admin.call('GET', `/manage/entries/${entryB.id}`);
    const put = await admin.call('PUT', `/entries/${entryB.id}`, {
      body: { ...editable(state.body.entry), title: 'Edited by the administrator' },
      headers: { 'if-match': state.headers.get('etag')! },
    });
    assert.equal(put.status, 200);
    assert.equal(put.body.entry.title, 'Edited by the administrator');
  });

  test('listing: own organizations only', async () => {
    const a = await server.signIn('editor-a');
    const mine = await a.call('GET', '/manage/entries?pageSize=100');
    assert.equal(mine.status, 200);
    assert.ok(mine.body.total > 0);
    assert.ok(mine.body.items.every((i: { entry: { organization: string } }) => i.entry.organization === server.orgA));
    const other = await a.call('GET', `/manage/entries?organization=${encodeURIComponent(server.orgB)}`);
    assert.equal(other.status, 403);
  });
});

describe('revoked credentials', () => {
  test('a session opened with a revoked password: 401; the token of that account still works', async () => {
    const b = await server.signIn('editor-b');
    const id = server.entryOf(server.orgB, 3).id;
    assert.equal((await b.call('GET', '/session')).status, 200);
    const db = openWritable(server.dbPath);
    const password = listCredentials(db, 'editor-b').find((c) => c.kind === 'password' && !c.revokedAt)!;
    revokeCredential(db, password.id);
    db.close();
    assert.equal((await b.call('GET', '/session')).status, 401);
    assert.equal((await b.call('POST', `/entries/${id}/archive`)).status, 401);
    const again = await new Client(server.base).call('POST', '/session', {
      body: { account: 'editor-b', password: PASSWORD },
    });
    assert.equal(again.status, 401);
  });

  test('a revoked token: 401', async () => {
    const client = new Client(server.base, undefined, undefined, server.tokens.editorA);
    assert.equal((await client.call('GET', '/session')).status, 200);
    const db = openWritable(server.dbPath);
    const token = listCredentials(db, 'editor-a').find((c) => c.kind === 'token')!;
    revokeCredential(db, token.id);
    db.close();
    assert.equal((await client.call('GET', '/session')).status, 401);
    const id = server.entryOf(server.orgA, 4).id;
    assert.equal((await client.call('POST', `/entries/${id}/archive`)).status, 401);
  });

  test('sign-out revokes the session', async () => {
    const a = await server.signIn('editor-a');
    assert.equal((await a.call('DELETE', '/session')).status, 204);
    assert.equal((await a.call('GET', '/session')).status, 401);
  });
});
