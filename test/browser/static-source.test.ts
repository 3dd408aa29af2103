import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { validateEntry, type Entry } from '../../src/data/entry.js';
import { FACET_NAMES, type SearchParams } from '../../src/data/query.js';
import { parseSearchParams } from '../../src/data/evaluate.js';
import { SourceError, type SourceResponse } from '../../src/data/source.js';
import { StaticSource, type StaticSourceOptions } from '../../src/data/static/static-source.js';
import { SearchStore } from '../../src/state/search-store.js';
import { generateEntries } from '../../scripts/sample/generate.js';
import { makeEntry } from '../fixtures/entries.js';

const entries: Entry[] = [
  ...generateEntries(400, 3),
  makeEntry('fire-1', { title: 'Fire alerts by text message', startYear: 2010 }),
  makeEntry('fire-2', { title: 'Firefox in rural schools', startYear: 2025 }),
];
const file = { entries: [...entries, { id: 'broken' }, { ...makeEntry('bad-link'), website: 'javascript:alert(1)' }] };

const DATA_URL = '/static-data/entries.json';
const loadHost = () => import('../../src/data/static/host.js').then((m) => m.createHost);
const signal = () => new AbortController().signal;

function params(qs: string): SearchParams {
  const parsed = parseSearchParams(new URLSearchParams(qs));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.params;
}

/** The body GET /entries would give: exactly these keys, valid items. */
function expectApiShape(r: SourceResponse) {
  const keys = Object.keys(r).sort();
  expect(keys).to.deep.equal(
    ['dropped', 'facets', 'items', 'page', 'pageSize', 'total', ...(r.corrections ? ['corrections'] : [])].sort(),
  );
  expect(Number.isInteger(r.total)).to.equal(true);
  for (const item of r.items) expect(validateEntry(item).ok).to.equal(true);
  for (const group of Object.values(r.facets)) for (const n of Object.values(group!)) expect(n).to.be.a('number');
}

const msw = setupWorker(
  http.get('*/static-data/entries.json', () => HttpResponse.json(file)),
  http.get('*/static-data/page.html', () => HttpResponse.html('<!doctype html><p>Not here</p>')),
);

describe('StaticSource', () => {
  const sources: StaticSource[] = [];
  const make = (url: string, options: StaticSourceOptions) => {
    const source = new StaticSource(url, options);
    sources.push(source);
    return source;
  };

  before(() => msw.start({ quiet: true, onUnhandledRequest: 'bypass' }));
  after(() => msw.stop());
  afterEach(() => {
    for (const s of sources.splice(0)) s.dispose();
  });

  describe('on the main thread', () => {
    it('answers like the API, counting dropped entries', async () => {
      const source = make(DATA_URL, { useWorker: false, loadHost });
      const r = await source.search(params(`q=health&facets=${FACET_NAMES.join(',')}`), signal());
      expectApiShape(r);
      expect(r.total).to.be.greaterThan(0);
      expect(r.dropped).to.equal(2);
      expect(Object.keys(r.facets).sort()).to.deep.equal([...FACET_NAMES].sort());
      const none = await source.search(params(''), signal());
      expect(none.total).to.equal(entries.length);
    });

    it('"e-helth telemedicne" finds e-health entries and reports corrections', async () => {
      const source = make(DATA_URL, { useWorker: false, loadHost });
      const r = await source.search(params('q=e-helth telemedicne&pageSize=50'), signal());
      expect(r.corrections).to.deep.equal([
        { from: 'helth', to: 'health' },
        { from: 'telemedicne', to: 'telemedicine' },
      ]);
      expect(r.items.length).to.be.greaterThan(0);
      const eHealth = r.items.filter((e) => e.actionLines.includes('C7.e-health'));
      expect(eHealth.length / r.items.length).to.be.greaterThan(0.5);
    });

    it('an exact word ranks above a longer word it starts', async () => {
      const source = make(DATA_URL, { useWorker: false, loadHost });
      const r = await source.search(params('q=fire'), signal());
      expect(r.items.map((e) => e.id)).to.deep.equal(['fire-1', 'fire-2']);
    });

    it('refuses parameters the API would refuse', async () => {
      const source = make(DATA_URL, { useWorker: false, loadHost });
      const error = await source.search({ ...params(''), pageSize: 500 }, signal()).catch((e: unknown) => e);
      expect(error).to.be.instanceOf(SourceError);
      expect(error).to.have.property('code', 'invalid_parameter');
    });

    it('getEntry, and not_found for unknown ids', async () => {
      const source = make(DATA_URL, { useWorker: false, loadHost });
      expect((await source.getEntry('fire-2', signal())).title).to.equal('Firefox in rural schools');
      const error = await source.getEntry('nope', signal()).catch((e: unknown) => e);
      expect(error).to.have.property('code', 'not_found');
    });

    it('an aborted call rejects as aborted', async () => {
      const source = make(DATA_URL, { useWorker: false, loadHost });
      const controller = new AbortController();
      const pending = source.search(params('q=health'), controller.signal).catch((e: unknown) => e);
      controller.abort();
      expect(await pending).to.have.property('code', 'aborted');
    });

    it('a data file that is not JSON is an invalid response; a retry tries again', async () => {
      const source = make('/static-data/page.html', { useWorker: false, loadHost });
      const error = await source.search(params(''), signal()).catch((e: unknown) => e);
      expect(error).to.have.property('code', 'invalid_response');
      expect((error as Error).message).to.contain('text/html');
      const again = await source.search(params(''), signal()).catch((e: unknown) => e);
      expect(again).to.have.property('code', 'invalid_response');
    });

    it('imports the engine as a module by default: no worker, no script element, no page global', async () => {
      const globals = Object.getOwnPropertyNames(globalThis).length + Object.getOwnPropertySymbols(globalThis).length;
      const scripts = document.scripts.length;
      const started: unknown[] = [];
      const NativeWorker = window.Worker;
      window.Worker = class extends NativeWorker {
        constructor(...args: ConstructorParameters<typeof Worker>) {
          super(...args);
          started.push(args[0]);
        }
      };
      try {
        const source = make(DATA_URL, {});
        expect((await source.search(params('q=fire'), signal())).total).to.equal(2);
      } finally {
        window.Worker = NativeWorker;
      }
      expect(started).to.deep.equal([]);
      expect(document.scripts.length).to.equal(scripts);
      expect(Object.getOwnPropertyNames(globalThis).length + Object.getOwnPropertySymbols(globalThis).length).to.equal(
        globals,
      );
    });

    it('drives a SearchStore to ready', async () => {
      const store = new SearchStore(make(DATA_URL, { useWorker: false, loadHost }), { facets: ['region'] });
      store.submit('broadband');
      await new Promise<void>((resolve) => store.subscribe((s) => s.status === 'ready' && resolve()));
      expect(store.state.results.length).to.be.greaterThan(0);
      expect(store.state.dropped).to.equal(2);
      expect(store.state.facets.region).to.be.an('object');
    });
  });

  describe('in a worker', () => {
    // The data is a blob: URL here: msw cannot tell which page a worker's request belongs to.
    let blobUrl: string;
    before(function () {
      // These run the unbuilt TypeScript as a module worker, which the test server only serves to Chromium;
      // worker mode is covered in Chromium here and with the built classic worker end to end.
      if (/Firefox\//.test(navigator.userAgent)) this.skip();
      blobUrl = URL.createObjectURL(new Blob([JSON.stringify(file)], { type: 'application/json' }));
    });
    after(() => URL.revokeObjectURL(blobUrl));
    const inWorker = { useWorker: true, workerUrl: '/src/data/static/worker.ts' } as const;

    it('answers like the API without loading the engine on the page', async () => {
      const source = make(blobUrl, inWorker);
      const r = await source.search(params(`q=e-helth telemedicne&facets=actionLine,region`), signal());
      expectApiShape(r);
      expect(r.corrections?.map((c) => c.to)).to.deep.equal(['health', 'telemedicine']);
      expect(r.items.length).to.be.greaterThan(0);
      expect(r.dropped).to.equal(2);
      const fire = await source.search(params('q=fire'), signal());
      expect(fire.items.map((e) => e.id)).to.deep.equal(['fire-1', 'fire-2']);
    });

    it('gives the same answers as the main thread', async () => {
      const worker = make(blobUrl, inWorker);
      const main = make(blobUrl, { useWorker: false, loadHost });
      for (const qs of ['q=health&region=africa&facets=sdg,region', 'sdg=4&sort=title&page=2', 'q=cybersecurty']) {
        expect(await worker.search(params(qs), signal())).to.deep.equal(await main.search(params(qs), signal()));
      }
    });

    it('ignores answers nobody waits for any more', async () => {
      const source = make(blobUrl, inWorker);
      await source.search(params(''), signal());
      const controller = new AbortController();
      const stale = source.search(params('q=health'), controller.signal).catch((e: unknown) => e);
      controller.abort();
      const fresh = await source.search(params('q=broadband'), signal());
      expect(await stale).to.have.property('code', 'aborted');
      expect(fresh.total).to.be.greaterThan(0);
    });

    it('falls back to the main thread when the worker cannot start', async () => {
      const source = make(DATA_URL, { useWorker: true, workerUrl: '/no-such-worker.js', loadHost });
      const r = await source.search(params('q=fire'), signal());
      expect(r.total).to.equal(2);
    });
  });
});
