import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.js';
import type { LinkStatus, Verdict } from '../../server/links/classify.js';
import { openLinkStore, recordChecks, startRun } from '../../server/links/store.js';
import { tempDir } from './helpers.js';
import { linkDatabase } from './link-helpers.js';

const dir = tempDir();
after(() => rmSync(dir, { recursive: true, force: true }));

const CHECKED = '2026-11-02T08:30:00.000Z';
const verdict = (status: LinkStatus, proposedUrl: string | null = null): Verdict => ({
  status,
  code: status === 'broken' ? 404 : 200,
  finalUrl: proposedUrl ?? 'https://x.example/',
  proposedUrl,
  failures: status === 'broken' ? 1 : 0,
  detail: '',
});

describe('entries carry their link check', () => {
  const websites = ['https://a.example/', 'https://b.example/', 'https://c.example/p', 'https://d.example/', undefined];
  let app: FastifyInstance;
  let ids: string[];

  before(async () => {
    const built = linkDatabase(dir, websites);
    ids = built.ids;
    const db = openLinkStore(built.dbPath);
    const run = startRun(db, new Date(CHECKED));
    recordChecks(db, run, [
      { id: ids[0], url: websites[0]!, verdict: verdict('ok'), checked: CHECKED },
      { id: ids[1], url: websites[1]!, verdict: verdict('broken'), checked: CHECKED },
      { id: ids[2], url: websites[2]!, verdict: verdict('redirected', 'https://c.example/new'), checked: CHECKED },
      // A result for a website the entry no longer has.
      { id: ids[3], url: 'https://old.example/', verdict: verdict('broken'), checked: CHECKED },
    ]);
    db.close();
    app = buildApp({ dbPath: built.dbPath });
  });
  after(() => app.close());

  const get = async (url: string) => {
    const res = await app.inject(`/api/v1${url}`);
    return { status: res.statusCode, body: res.json() };
  };

  test('items have link { status, checked, finalUrl? }, finalUrl only for a permanent redirect', async () => {
    const { body } = await get('/entries?pageSize=100');
    const byId = new Map(body.items.map((e: { id: string; link?: unknown }) => [e.id, e.link]));
    assert.deepEqual(byId.get(ids[0]), { status: 'ok', checked: CHECKED });
    assert.deepEqual(byId.get(ids[1]), { status: 'broken', checked: CHECKED });
    assert.deepEqual(byId.get(ids[2]), { status: 'redirected', checked: CHECKED, finalUrl: 'https://c.example/new' });
    assert.equal(byId.get(ids[3]), undefined, 'a result for an older website is not shown');
    assert.equal(byId.get(ids[4]), undefined);
  });

  test('GET /entries/{id} carries it too', async () => {
    const { body } = await get(`/entries/${ids[1]}`);
    assert.deepEqual(body.link, { status: 'broken', checked: CHECKED });
  });

  test('GET /entries?link=broken filters on it', async () => {
    const { status, body } = await get('/entries?link=broken');
    assert.equal(status, 200);
    assert.equal(body.total, 1);
    assert.equal(body.items[0].id, ids[1]);
    const two = await get('/entries?link=ok,redirected');
    assert.deepEqual(two.body.items.map((e: { id: string }) => e.id).sort(), [ids[0], ids[2]].sort());
  });

  test('an unknown link status is a 400 naming the parameter', async () => {
    const { status, body } = await get('/entries?link=dead');
    assert.equal(status, 400);
    assert.equal(body.error.parameter, 'link');
    assert.match(body.error.message, /link must be one of: ok, redirected, broken, failing, parked/);
  });
});

test('a database the checker never ran on is served without links', async () => {
  const { dbPath } = linkDatabase(dir, ['https://a.example/']);
  const app = buildApp({ dbPath });
  const res = await app.inject('/api/v1/entries?link=broken');
  assert.equal(res.statusCode, 200);
  assert.equal(res.json().total, 0);
  const all = await app.inject('/api/v1/entries');
  assert.equal(all.json().items[0].link, undefined);
  await app.close();
});
