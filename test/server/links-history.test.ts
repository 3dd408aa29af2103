/**
 * On a database that accepts writes, a check that changes an entry's link status is a revision by the
 * checker (with its audit line), and a running server shows it without a restart. A re-check with the
 * same outcome writes no revision.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { rmSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.js';
import { openWritable } from '../../server/db.js';
import { issueToken } from '../../server/auth/credentials.js';
import { createAccount } from '../../server/store/accounts.js';
import { LINK_CHECKER_ACCOUNT } from '../../server/links/store.js';
import { checkLinks } from '../../server/links/run.js';
import { tempDir } from './helpers.js';
import { FAST, linkDatabase } from './link-helpers.js';

const dir = tempDir();
after(() => rmSync(dir, { recursive: true, force: true }));

/** Path → status code; changed between runs. `/moved` is a permanent redirect to `/new`. */
const answers = new Map<string, number>();
let site: Server;
let port: number;
before(async () => {
  site = createServer((req, res) => {
    if (req.url === '/moved') {
      res.writeHead(301, { location: `http://127.0.0.1:${port}/new` }).end();
      return;
    }
    res.writeHead(answers.get(req.url ?? '') ?? 200, { 'content-type': 'text/plain' }).end('a page of its own');
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  port = (site.address() as { port: number }).port;
});
after(() => new Promise((resolve) => site.close(resolve)));

interface Revision {
  action: string;
  account: string;
  entry: { link?: { status: string } };
}

describe('link checks on a writable database', () => {
  let app: FastifyInstance;
  let base: string;
  let token: string;
  let dbPath: string;
  let ids: string[];

  before(async () => {
    const paths = ['/stays-ok', '/gone', '/later-gone', '/moved'];
    ({ dbPath, ids } = linkDatabase(
      dir,
      paths.map((p) => `http://127.0.0.1:${port}${p}`),
    ));
    answers.set('/gone', 404);
    const db = openWritable(dbPath);
    createAccount(db, 'admin', 'admin');
    token = (await issueToken(db, 'admin', 'test script')).token;
    db.close();
    app = buildApp({ dbPath });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  after(() => app.close());

  const revisions = async (id: string): Promise<Revision[]> => {
    const res = await fetch(`${base}/api/v1/entries/${encodeURIComponent(id)}/revisions`, {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(res.status, 200);
    return ((await res.json()) as { revisions: Revision[] }).revisions;
  };
  const brokenIds = async () => {
    const res = await fetch(`${base}/api/v1/entries?link=broken&pageSize=50`);
    assert.equal(res.status, 200);
    return ((await res.json()) as { items: { id: string }[] }).items.map((e) => e.id).sort();
  };
  /** Polls the running server until it answers `expected`; fails after 5 s. */
  const untilBroken = async (expected: string[]) => {
    const limit = Date.now() + 5000;
    let seen = await brokenIds();
    while (JSON.stringify(seen) !== JSON.stringify([...expected].sort()) && Date.now() < limit) {
      await new Promise((r) => setTimeout(r, 50));
      seen = await brokenIds();
    }
    assert.deepEqual(seen, [...expected].sort());
  };
  const checkerRevisions = async (id: string) =>
    (await revisions(id)).filter((r) => r.account === LINK_CHECKER_ACCOUNT);

  test('a first run records the broken and the redirected website, not the working ones', async () => {
    assert.deepEqual(await brokenIds(), []);
    await checkLinks({ dbPath, probe: FAST, fresh: true });
    const [ok, gone, later, moved] = await Promise.all(ids.map(checkerRevisions));
    assert.equal(ok.length, 0, 'a first "ok" adds nothing to the history');
    assert.equal(later.length, 0);
    assert.equal(gone.length, 1);
    assert.equal(gone[0].action, 'update');
    assert.equal(gone[0].entry.link?.status, 'broken');
    assert.equal(moved.length, 1);
    assert.equal(moved[0].entry.link?.status, 'redirected');
    await untilBroken([ids[1]]);
  });

  test('a second run records only the website whose status changed, and the server shows it', async () => {
    answers.set('/later-gone', 410);
    await checkLinks({ dbPath, probe: FAST, fresh: true });
    const [ok, gone, later, moved] = await Promise.all(ids.map(checkerRevisions));
    assert.deepEqual(
      [ok.length, gone.length, later.length, moved.length],
      [0, 1, 1, 1],
      'same outcome again: no new revision',
    );
    assert.equal(later[0].entry.link?.status, 'broken');
    await untilBroken([ids[1], ids[2]]);
    // The audit line names the checker and the entry's values are otherwise untouched.
    const all = await revisions(ids[2]);
    assert.equal(all[0].account, LINK_CHECKER_ACCOUNT);
    const { link: _, ...before } = all[1].entry as Record<string, unknown>;
    const { link: __, ...after } = all[0].entry as Record<string, unknown>;
    assert.deepEqual(after, before);
  });

  test('the editing list puts broken websites first, then redirected ones, each with its link', async () => {
    const res = await fetch(`${base}/api/v1/manage/entries?pageSize=10`, {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(res.status, 200);
    const { items } = (await res.json()) as {
      items: { entry: { id: string; link?: { status: string; finalUrl?: string } } }[];
    };
    const firsts = items.slice(0, 3).map((i) => [i.entry.id, i.entry.link?.status]);
    assert.deepEqual(firsts, [...[ids[1], ids[2]].sort().map((id) => [id, 'broken']), [ids[3], 'redirected']]);
    assert.equal(items[2].entry.link?.finalUrl, `http://127.0.0.1:${port}/new`);
  });

  test('after the website changes, the stored result of the old one is not shown', async () => {
    const res = await fetch(`${base}/api/v1/manage/entries/${encodeURIComponent(ids[1])}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(res.status, 200);
    const { entry } = (await res.json()) as { entry: Record<string, unknown> };
    // Sent back as received, old link included, as a client that changes one field does.
    const { updated: _, ...values } = entry;
    const put = await fetch(`${base}/api/v1/entries/${encodeURIComponent(ids[1])}`, {
      method: 'PUT',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'if-match': res.headers.get('etag')!,
      },
      body: JSON.stringify({ ...values, website: `http://127.0.0.1:${port}/elsewhere` }),
    });
    assert.equal(put.status, 200, await put.clone().text());
    await untilBroken([ids[2]]);
    const shown = (await (await fetch(`${base}/api/v1/entries/${encodeURIComponent(ids[1])}`)).json()) as {
      link?: unknown;
    };
    assert.equal(shown.link, undefined);
  });
});

test('--as names an existing account, or the checker stops before any request', () => {
  const { dbPath } = linkDatabase(dir, ['http://127.0.0.1:9/never']);
  const cwd = fileURLToPath(new URL('../..', import.meta.url));
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'server/links/cli.ts', '--db', dbPath, '--as', 'nobody'],
    {
      cwd,
      encoding: 'utf8',
    },
  );
  assert.equal(run.status, 1);
  assert.match(run.stderr, /No account nobody/);
});
