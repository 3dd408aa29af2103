/** Administrators manage organizations and editors over HTTP; nobody else can. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, editable, startWriteServer, type WriteServer } from './write-helpers.js';

let server: WriteServer;
before(async () => {
  server = await startWriteServer(400);
});
after(() => server.close());

const calls: [string, string, unknown?][] = [
  ['GET', '/admin/organizations'],
  ['POST', '/admin/organizations', { name: 'Anything' }],
  ['GET', '/admin/accounts'],
  ['POST', '/admin/accounts', { name: 'x1', role: 'admin', password: 'a long password' }],
  ['PUT', '/admin/accounts/editor-a/organizations', { organizations: ['Anything'] }],
  ['POST', '/admin/accounts/editor-b/disable'],
];

test('editors and anonymous callers may not manage accounts', async () => {
  const editor = await server.signIn('editor-a');
  for (const [method, path, body] of calls) {
    assert.equal((await editor.call(method, path, { body })).status, 403, `${method} ${path}`);
    assert.equal((await new Client(server.base).call(method, path, { body })).status, 401, `${method} ${path}`);
  }
  const admin = await server.signIn('admin');
  const accounts = await admin.call('GET', '/admin/accounts');
  assert.deepEqual(
    accounts.body.accounts.map((a: { name: string; disabled: boolean }) => [a.name, a.disabled]),
    [
      ['admin', false],
      ['editor-a', false],
      ['editor-b', false],
    ],
  );
  const forged = await admin.call('POST', '/admin/accounts/editor-b/disable', { noCsrf: true });
  assert.equal(forged.status, 403, 'CSRF applies');
});

test('an administrator adds an editor who can then write that organization only, and disables them', async () => {
  const admin = await server.signIn('admin');
  const created = await admin.call('POST', '/admin/accounts', {
    body: { name: 'new-editor', role: 'editor', organizations: [server.orgB], password: 'a long password' },
  });
  assert.equal(created.status, 201);
  assert.deepEqual(created.body, { name: 'new-editor', role: 'editor', disabled: false, organizations: [server.orgB] });
  assert.equal(
    (
      await admin.call('POST', '/admin/accounts', {
        body: { name: 'new-editor', role: 'editor', password: 'a long password' },
      })
    ).status,
    409,
  );
  assert.equal(
    (await admin.call('POST', '/admin/accounts', { body: { name: 'weak', role: 'editor', password: 'short' } })).status,
    400,
  );

  const editor = await server.signIn('new-editor', 'a long password');
  const entryB = server.entryOf(server.orgB);
  const current = await editor.call('GET', `/manage/entries/${entryB.id}`);
  assert.equal(current.status, 200);
  const entryA = server.entryOf(server.orgA);
  assert.equal((await editor.call('GET', `/manage/entries/${entryA.id}`)).status, 403);

  const moved = await admin.call('PUT', '/admin/accounts/new-editor/organizations', {
    body: { organizations: [server.orgA] },
  });
  assert.deepEqual(moved.body.organizations, [server.orgA]);
  const put = await editor.call('PUT', `/entries/${entryB.id}`, {
    body: { ...editable(current.body.entry), title: 'No longer mine' },
    headers: { 'if-match': current.headers.get('etag')! },
  });
  assert.equal(put.status, 403, 'memberships apply at once');

  const disabled = await admin.call('POST', '/admin/accounts/new-editor/disable');
  assert.equal(disabled.body.disabled, true);
  assert.equal((await editor.call('GET', '/session')).status, 401);
  const again = await new Client(server.base).call('POST', '/session', {
    body: { account: 'new-editor', password: 'a long password' },
  });
  assert.equal(again.status, 401);
  const orgs = await admin.call('GET', '/admin/organizations');
  assert.ok(orgs.body.organizations.some((o: { name: string }) => o.name === server.orgA));
});
