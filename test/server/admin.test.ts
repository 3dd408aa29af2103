/** The admin command line, and demo sign-ins that only the generated sample database accepts. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { generateEntries } from '../../scripts/sample/generate.js';
import { buildApp } from '../../server/app.js';
import { runAdmin } from '../../server/admin.js';
import { openWritable, writeDatabase } from '../../server/db.js';
import { LiveIndex } from '../../server/live.js';
import { applyRevision } from '../../server/store/revisions.js';
import { DEMO_ADMIN, DEMO_EDITOR, demoBanner, largestOrganization, seedDemo } from '../../server/demo.js';
import { tempDir } from './helpers.js';
import { Client } from './write-helpers.js';

let dir: string;
before(() => {
  dir = tempDir();
});
after(() => rmSync(dir, { recursive: true, force: true }));

async function admin(dbPath: string, args: string[], stdin?: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runAdmin(['--db', dbPath, ...args], {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    stdin: () => stdin ?? '',
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function signIn(base: string, account: string, password: string) {
  return new Client(base).call('POST', '/session', { body: { account, password } });
}

describe('npm run admin', () => {
  test('first administrator, organizations, editors, tokens: issued, listed, revoked', async () => {
    const dbPath = join(dir, 'admin.db');
    const entries = generateEntries(200, 4);
    writeDatabase(entries, dbPath);
    const org = entries[0].organization;

    const created = await admin(dbPath, ['create-admin', 'root', '--password-stdin'], 'a long admin password\n');
    assert.equal(created.code, 0, created.err);
    assert.equal((await admin(dbPath, ['add-organization', org])).code, 0);
    const editor = await admin(dbPath, ['add-editor', 'ed', '--organization', org]);
    assert.equal(editor.code, 0, editor.err);
    const generated = /password for ed: (\S+)/.exec(editor.out)![1];
    const token = /: (wsis_\d+_\S+)/.exec((await admin(dbPath, ['issue-token', 'ed', '--label', 'sync'])).out)![1];
    assert.match(
      (await admin(dbPath, ['list-accounts'])).out,
      new RegExp(`ed\\teditor\\t${org.replace(/[()]/g, '.')}`),
    );
    assert.match((await admin(dbPath, ['list-organizations'])).out, /1 editor/);

    const app = buildApp({ dbPath });
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      assert.equal((await signIn(base, 'root', 'a long admin password')).status, 200);
      const session = await signIn(base, 'ed', generated);
      assert.deepEqual(session.body.account, { name: 'ed', role: 'editor', organizations: [org] });
      const script = new Client(base, undefined, undefined, token);
      assert.equal((await script.call('GET', '/session')).status, 200);

      const listed = (await admin(dbPath, ['list-credentials', 'ed'])).out;
      // The secret may itself hold "_" (base64url), so it is everything after "wsis_<id>_".
      const secret = token.split('_').slice(2).join('_');
      assert.ok(secret.length >= 32 && !listed.includes(secret), 'secrets are never listed');
      assert.ok(!listed.includes(generated), 'passwords are never listed');
      const tokenId = /^(\d+)\ted\ttoken\tsync/m.exec(listed)![1];
      assert.equal((await admin(dbPath, ['revoke', tokenId])).code, 0);
      assert.match((await admin(dbPath, ['list-credentials', 'ed'])).out, /token\tsync\tcreated \S+\trevoked/);
      assert.equal((await script.call('GET', '/session')).status, 401);

      assert.equal((await admin(dbPath, ['disable-account', 'ed'])).code, 0);
      assert.equal((await signIn(base, 'ed', generated)).status, 401);
    } finally {
      await app.close();
    }
  });

  test('mistakes are explained, with exit codes', async () => {
    const dbPath = join(dir, 'admin.db');
    assert.equal((await admin(dbPath, ['frobnicate'])).code, 2);
    assert.equal((await admin(dbPath, ['add-editor', 'x'])).code, 1);
    assert.match((await admin(dbPath, ['add-membership', 'nobody', 'X'])).err, /No account nobody/);
    assert.match((await admin(dbPath, ['create-admin', 'root'])).err, /exists/);
    assert.match((await admin(dbPath, ['set-password', 'root', '--password-stdin'], 'short')).err, /at least 10/);
    const demo = await admin(dbPath, ['set-password', 'root', '--password-stdin'], DEMO_ADMIN.password);
    assert.match(demo.err, /reserved for the demo/);
    assert.equal((await admin(join(dir, 'missing.db'), ['list-accounts'])).code, 1);
  });
});

describe('read copies on other hosts', () => {
  test('a snapshot renamed over the copy is picked up at the next poll', async () => {
    const source = join(dir, 'source.db');
    const copy = join(dir, 'copy.db');
    const entries = generateEntries(150, 6);
    writeDatabase(entries, source);
    assert.equal((await admin(source, ['snapshot', copy])).code, 0);
    const live = new LiveIndex(copy, { cacheBytes: 2 ** 20, pollMs: 0 });
    try {
      const before = live.current.version;
      const db = openWritable(source);
      applyRevision(db, 'root', entries[0].id, { action: 'archive' });
      db.close();
      assert.equal((await admin(source, ['snapshot', copy])).code, 0);
      live.poll();
      for (let n = 0; n < 100 && live.current.version === before; n++) await new Promise((r) => setTimeout(r, 20));
      assert.equal(live.current.version, before + 1);
      assert.equal(live.current.engine.entry(entries[0].id), undefined, 'archived on the copy too');
    } finally {
      live.close();
    }
  });
});

describe('demo sign-ins', () => {
  test('the sample database accepts them; any other database refuses them', async () => {
    const sample = join(dir, 'sample.db');
    writeDatabase(generateEntries(300, 1), sample);
    let db = openWritable(sample);
    const { organization } = await seedDemo(db);
    assert.equal(organization, largestOrganization(db));
    assert.match(demoBanner(db).join('\n'), new RegExp(`${DEMO_EDITOR.account} / ${DEMO_EDITOR.password}`));
    db.close();

    // Another database holding the same accounts and hashes, as a copy or a hand-made insert would.
    const other = join(dir, 'other.db');
    writeDatabase(generateEntries(300, 2), other);
    db = openWritable(other);
    db.exec(`ATTACH '${sample}' AS s`);
    for (const table of ['accounts', 'organizations', 'memberships', 'credentials'])
      db.exec(`INSERT INTO main.${table} SELECT * FROM s.${table}`);
    db.exec('DETACH s');
    assert.deepEqual(demoBanner(db), []);
    db.close();

    for (const [dbPath, expected] of [
      [sample, 200],
      [other, 401],
    ] as const) {
      const app = buildApp({ dbPath });
      const base = await app.listen({ port: 0, host: '127.0.0.1' });
      try {
        const editor = await signIn(base, DEMO_EDITOR.account, DEMO_EDITOR.password);
        assert.equal(editor.status, expected, dbPath);
        assert.equal((await signIn(base, DEMO_ADMIN.account, DEMO_ADMIN.password)).status, expected, dbPath);
        if (expected === 200) assert.deepEqual(editor.body.account.organizations, [organization]);
      } finally {
        await app.close();
      }
    }
  });
});
