/**
 * Parity: the static engine and the reference server (in-process, same generated data)
 * must agree on totals, facet counts, ordered items and corrections.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { FACET_NAMES } from '../../src/data/query.js';
import { parseSearchParams } from '../../src/data/evaluate.js';
import { StaticEngine } from '../../src/data/static/engine.js';
import { buildApp } from '../../server/app.js';
import { writeDatabase } from '../../server/db.js';
import { generateEntries } from '../../scripts/sample/generate.js';
import { LINK_STATUSES } from '../../src/data/vocabulary.js';
import { openLinkStore, recordChecks, startRun } from '../../server/links/store.js';

const FACETS = `facets=${FACET_NAMES.join(',')}`;

/** Exact-term queries, prefixes and filter combinations. */
const CASES = [
  '',
  'q=health',
  'q=broadband',
  'q=digital skills',
  'q=health records',
  'q=tele',
  // Short prefixes, as the first keys of a word are typed.
  'q=t',
  'q=te',
  'q=tel',
  'q=he&region=africa',
  'q=digital h',
  'q=co&sort=title&pageSize=50',
  'q=cyber',
  'q=open data portal',
  'q=mobile money',
  'q=women',
  'q=the health of',
  'q=rural connectivity',
  'q=e-government services',
  'q=climate',
  'q=ministry',
  'q=cote',
  'q="health" OR water*',
  'sdg=3',
  'sdg=3,4,5',
  'sdg=3&region=africa',
  'region=africa&region=europe&entityType=government',
  'actionLine=C7',
  'actionLine=C7.e-health',
  'actionLine=C7&actionLine=C2',
  'country=INTL',
  'country=KE,RW,UG',
  'status=planned',
  'entityType=academia,civil_society&status=completed',
  'prize=any',
  'prize=winner,champion',
  'yearFrom=2015',
  'yearFrom=2010&yearTo=2014',
  'yearTo=2012&region=asia_pacific',
  'q=health&actionLine=C7&region=africa',
  'q=learning&sdg=4&yearFrom=2018',
  'q=broadband&country=INTL',
  'q=agri&prize=any',
  'q=data&status=ongoing&entityType=government',
  'q=network&sort=title',
  'q=health&sort=oldest&page=2&pageSize=7',
  'sort=title&page=3&pageSize=11',
  'q=water&facets=organization',
  'link=broken',
  'link=redirected,parked',
  'q=health&link=ok&sort=title',
  // The sample's entries in other languages (scripts/sample/multilingual.ts).
  'q=医疗',
  'q=物联网',
  'q=健康服务',
  'q=网',
  'q=农业&sort=newest',
  'q=صحة',
  'q=الأمن السيبراني',
  'q=والتعليم&sort=title',
  'q=телемедицина',
  'q=ОТДАЛЕННЫХ селах&sort=newest',
  'q=сёла',
  'q=disabilities',
  'q=policy&sort=newest',
];

/** Typos: corrections and the matched set should agree too. */
const TYPO_CASES = [
  'q=helth',
  'q=e-helth telemedicne',
  'q=cybersecurty',
  'q=broadbnad',
  'q=educaton&region=africa',
  'q=agricultre',
];

describe('static engine ⇔ reference server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wsis-parity-'));
  const data = generateEntries(1500, 2024);
  /** Link results for most websites: the server reads them from its links table, the static engine from the data. */
  const CHECKED = '2026-11-01T00:00:00.000Z';
  const checks = data.flatMap((e, i) => {
    if (!e.website || i % 7 === 0) return [];
    const status = LINK_STATUSES[i % LINK_STATUSES.length];
    const proposedUrl = status === 'redirected' ? `${e.website}/moved` : null;
    const verdict = { status, code: 200, finalUrl: e.website, proposedUrl, failures: 0, detail: '' };
    return [{ id: e.id, url: e.website, verdict, checked: CHECKED }];
  });
  const linked = data.map((e) => {
    const c = checks.find((x) => x.id === e.id);
    if (!c) return e;
    const finalUrl = c.verdict.proposedUrl ? { finalUrl: c.verdict.proposedUrl } : {};
    return { ...e, link: { status: c.verdict.status, checked: CHECKED, ...finalUrl } };
  });
  let app: FastifyInstance;
  let engine: StaticEngine;

  before(async () => {
    const dbPath = join(dir, 'parity.db');
    writeDatabase(data, dbPath);
    const db = openLinkStore(dbPath);
    recordChecks(db, startRun(db, new Date(CHECKED)), checks);
    db.close();
    app = buildApp({ dbPath });
    await app.ready();
    engine = await StaticEngine.build(linked);
  });

  after(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function both(qs: string) {
    const full = qs.includes('facets=') ? qs : `${qs}${qs ? '&' : ''}${FACETS}`;
    const res = await app.inject({ method: 'GET', url: `/api/v1/entries?${full}` });
    assert.equal(res.statusCode, 200, `${qs}: ${res.body}`);
    const parsed = parseSearchParams(new URLSearchParams(full));
    assert.ok(parsed.ok);
    const { dropped, ...local } = engine.search(parsed.params);
    assert.equal(dropped, 0);
    return { server: res.json(), local };
  }

  test(`${CASES.length} cases`, () => assert.ok(CASES.length >= 30));

  for (const qs of CASES) {
    test(`same answer: ${qs || '(no parameters)'}`, async () => {
      const { server, local } = await both(qs);
      assert.equal(local.total, server.total, 'total');
      assert.deepEqual(local.facets, server.facets, 'facets');
      assert.deepEqual(local.corrections ?? [], server.corrections ?? [], 'corrections');
      const relevance = qs.includes('q=') && !qs.includes('sort=');
      if (relevance) assert.deepEqual(new Set(local.items.map((e) => e.id)).size, server.items.length);
      else
        assert.deepEqual(
          local.items.map((e) => e.id),
          server.items.map((e: { id: string }) => e.id),
          'items',
        );
    });
  }

  for (const qs of TYPO_CASES) {
    test(`same corrections and matches: ${qs}`, async () => {
      const { server, local } = await both(`${qs}&sort=newest&pageSize=100`);
      assert.deepEqual(local.corrections, server.corrections, 'corrections');
      assert.equal(local.total, server.total, 'total');
      assert.deepEqual(
        local.items.map((e) => e.id),
        server.items.map((e: { id: string }) => e.id),
        'items',
      );
    });
  }

  test('items carry the same link', async () => {
    const { server, local } = await both('link=redirected,broken&sort=title&pageSize=50');
    assert.ok(server.items.length > 10);
    assert.deepEqual(
      local.items.map((e) => e.link),
      server.items.map((e: { link: unknown }) => e.link),
    );
  });

  test('both refuse the same bad parameters', async () => {
    for (const qs of [
      'pageSize=500',
      'sdg=18',
      'yearFrom=2020&yearTo=2010',
      'sort=random',
      'country=rwanda',
      'link=dead',
    ]) {
      const res = await app.inject({ method: 'GET', url: `/api/v1/entries?${qs}` });
      assert.equal(res.statusCode, 400, qs);
      assert.equal(parseSearchParams(new URLSearchParams(qs)).ok, false, qs);
    }
  });
});
