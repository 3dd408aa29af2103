import { expect } from '@open-wc/testing';
import { delay, http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { ApiSource, type ApiSourceOptions } from '../../src/data/api-source.js';
import { createSource } from '../../src/data/create-source.js';
import { DeferredSource } from '../../src/data/deferred-source.js';
import { MAX_UNANSWERED, SearchStore, type StoreOptions } from '../../src/state/search-store.js';
import type { SearchState } from '../../src/state/types.js';
import { makeEntry, responseBody } from '../fixtures/entries.js';
import { until } from './helpers/dom.js';

const BASE = `${location.origin}/fault-api/v1`;
const worker = setupWorker();

/** Every request the handlers saw, in order. */
let seen: Request[] = [];
const urls = () => seen.map((r) => new URL(r.url));

function answer(handler: (request: Request, n: number) => Response | Promise<Response>) {
  worker.use(
    http.get('*/fault-api/v1/entries', async ({ request }) => {
      seen.push(request.clone());
      return handler(request, seen.length);
    }),
  );
}

const ok = (ids: string[] = ['a', 'b']) => HttpResponse.json(responseBody(ids.map((id) => makeEntry(id))));
const failure = (status: number, code: string, message: string, headers: Record<string, string> = {}) =>
  HttpResponse.json({ error: { code, message } }, { status, headers });

function makeStore(source: ApiSourceOptions = {}, store: StoreOptions = {}) {
  return new SearchStore(new ApiSource(`${BASE}/`, { baseDelayMs: 5, ...source }), { debounceMs: 100, ...store });
}

const FINAL = ['ready', 'empty', 'error', 'offline'];

/** The next state that ends a search (the current one if already final). */
function settled(store: SearchStore): Promise<Readonly<SearchState>> {
  if (FINAL.includes(store.state.status)) return Promise.resolve(store.state);
  return new Promise((resolve) => {
    const off = store.subscribe((s) => {
      if (FINAL.includes(s.status)) {
        off();
        resolve(s);
      }
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs the mock API around the tests of the calling `describe`, with a fresh request log for each. */
function useMockApi(): void {
  before(async () => {
    await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
  });
  beforeEach(() => {
    seen = [];
  });
  afterEach(() => worker.resetHandlers());
  after(() => worker.stop());
}

describe('ApiSource against a faulty API', () => {
  useMockApi();

  it('500 three times: retries twice, then error with the server message', async () => {
    answer(() => failure(500, 'internal_error', 'Database is on fire'));
    const store = makeStore();
    store.submit('health');
    const s = await settled(store);
    expect(s.status).to.equal('error');
    expect(s.error).to.deep.equal({ code: 'server', message: 'Database is on fire' });
    expect(seen).to.have.length(3);
  });

  it('503, 503, then 200: ready after 3 requests', async () => {
    answer((_, n) => (n < 3 ? failure(503, 'unavailable', 'Busy') : ok()));
    const store = makeStore();
    store.submit('health');
    const s = await settled(store);
    expect(s.status).to.equal('ready');
    expect(s.results.map((e) => e.id)).to.deep.equal(['a', 'b']);
    expect(seen).to.have.length(3);
  });

  it('429 with Retry-After: 1 waits about a second, then succeeds', async () => {
    answer((_, n) => (n === 1 ? failure(429, 'rate_limited', 'Slow down', { 'Retry-After': '1' }) : ok()));
    const store = makeStore();
    const started = performance.now();
    store.submit('health');
    const s = await settled(store);
    const waited = performance.now() - started;
    expect(s.status).to.equal('ready');
    expect(seen).to.have.length(2);
    expect(waited).to.be.at.least(900);
  });

  it('400 is sent exactly once and shows the server message', async () => {
    answer(() => failure(400, 'invalid_parameter', 'pageSize must be an integer from 1 to 100'));
    const store = makeStore();
    store.submit('health');
    const s = await settled(store);
    expect(s.status).to.equal('error');
    expect(s.error).to.deep.equal({ code: 'invalid_parameter', message: 'pageSize must be an integer from 1 to 100' });
    await sleep(100);
    expect(seen).to.have.length(1);
  });

  it('a 4xx with a body outside the contract gets a plain message', async () => {
    answer(() => new HttpResponse('<h1>Forbidden</h1>', { status: 403, headers: { 'Content-Type': 'text/html' } }));
    const store = makeStore();
    store.submit('x');
    const s = await settled(store);
    expect(s.error?.code).to.equal('http');
    expect(s.error?.message).to.contain('403');
    expect(seen).to.have.length(1);
  });

  it('a server that never answers times out, without retrying', async () => {
    answer(async () => {
      await delay('infinite');
      return ok();
    });
    const store = makeStore({ timeoutMs: 300 });
    store.submit('health');
    const s = await settled(store);
    expect(s.status).to.equal('error');
    expect(s.error?.code).to.equal('timeout');
    expect(seen).to.have.length(1);
  });

  it('a network failure while online ends in an error after the retries, not offline', async () => {
    answer(() => HttpResponse.error());
    const store = makeStore();
    store.submit('health');
    const s = await settled(store);
    expect(s.status).to.equal('error');
    expect(s.error?.code).to.equal('network');
    expect(seen).to.have.length(3);
  });

  it('an HTML page with status 200 is an invalid response', async () => {
    answer(() => HttpResponse.html('<!doctype html><title>Login</title>'));
    const store = makeStore();
    store.submit('health');
    const s = await settled(store);
    expect(s.status).to.equal('error');
    expect(s.error?.code).to.equal('invalid_response');
    expect(s.error?.message).to.contain('text/html instead of JSON');
    expect(seen).to.have.length(1);
  });

  it('truncated JSON is an invalid response', async () => {
    answer(
      () =>
        new HttpResponse('{"total":2,"page":1,"pageSize":20,"items":[{"id":"a"', {
          headers: { 'Content-Type': 'application/json' },
        }),
    );
    const store = makeStore();
    store.submit('health');
    const s = await settled(store);
    expect(s.status).to.equal('error');
    expect(s.error?.code).to.equal('invalid_response');
    expect(seen).to.have.length(1);
  });

  it('unknown extra fields are accepted and left out', async () => {
    answer(() => HttpResponse.json({ ...responseBody([{ ...makeEntry('a'), rating: 5 }]), took: 3, _links: {} }));
    const store = makeStore();
    store.submit('health');
    const s = await settled(store);
    expect(s.status).to.equal('ready');
    expect(s.results[0].id).to.equal('a');
    expect(s.results[0]).not.to.have.property('rating');
  });

  it('a body without items is an invalid response', async () => {
    answer(() => HttpResponse.json({ total: 0, page: 1, pageSize: 20, facets: {} }));
    const store = makeStore();
    store.submit('health');
    const s = await settled(store);
    expect(s.status).to.equal('error');
    expect(s.error?.code).to.equal('invalid_response');
    expect(s.error?.message).to.contain('items');
  });

  it('3 invalid items among 20: 17 shown, 3 dropped, one warning', async () => {
    const items: unknown[] = Array.from({ length: 20 }, (_, i) => makeEntry(`e${i}`));
    items[2] = { ...makeEntry('bad-url'), website: 'javascript:alert(1)' };
    items[7] = { ...makeEntry('bad-sdg'), sdgs: [18] };
    items[11] = { id: 'no-fields' };
    answer(() => HttpResponse.json(responseBody(items, { total: 40 })));
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const store = makeStore();
      store.submit('health');
      const s = await settled(store);
      expect(s.status).to.equal('ready');
      expect(s.results).to.have.length(17);
      expect(s.dropped).to.equal(3);
      expect(s.total).to.equal(40);
      expect(s.results.map((e) => e.id)).not.to.include('bad-url');
    } finally {
      console.warn = warn;
    }
    expect(warnings).to.have.length(1);
    expect(String(warnings[0][0])).to.contain('website');
  });

  it('out-of-order answers: a slow "fire" never replaces a fast "firefox"', async () => {
    answer(async (request) => {
      const q = new URL(request.url).searchParams.get('q');
      if (q === 'fire') await delay(500);
      return ok([`${q}-1`]);
    });
    const store = makeStore();
    store.submit('fire');
    // Out of order only once "fire" is on its way: aborted before the mock saw it, it would prove nothing.
    await until(() => seen.length === 1, '"fire" never reached the API');
    store.submit('firefox');
    const s = await settled(store);
    expect(s.results.map((e) => e.id)).to.deep.equal(['firefox-1']);
    await sleep(600);
    expect(store.state.results.map((e) => e.id)).to.deep.equal(['firefox-1']);
    expect(store.state.status).to.equal('ready');
    expect(urls().map((u) => u.searchParams.get('q'))).to.deep.equal(['fire', 'firefox']);
  });

  it('typing 10 letters at 110 ms while each answer takes 1 s sends at most 3 requests', async () => {
    answer(async () => {
      await delay(1000);
      return ok();
    });
    const store = makeStore({}, { debounceMs: 250 });
    const word = 'telehealth';
    for (let i = 1; i <= word.length; i++) {
      store.setQuery(word.slice(0, i));
      await sleep(110);
    }
    const s = await settled(store);
    expect(s.status).to.equal('ready');
    expect(s.query).to.equal('telehealth');
    expect(seen.length).to.be.within(1, 1 + MAX_UNANSWERED);
    expect(urls().at(-1)!.searchParams.get('q')).to.equal('telehealth');
  });

  it('on a fast API each key searches for its own text, and the last answer is the one shown', async () => {
    answer(async (request) => {
      const q = new URL(request.url).searchParams.get('q');
      // The earlier, shorter texts answer later than the ones typed after them.
      await delay(q === 'tele' ? 300 : 5);
      return ok([`${q}-1`]);
    });
    const store = makeStore();
    for (const text of ['t', 'te', 'tel', 'tele', 'teleh']) {
      store.setQuery(text);
      await sleep(text === 'tele' ? 20 : 60);
    }
    const s = await settled(store);
    expect(urls().map((u) => u.searchParams.get('q'))).to.deep.equal(['t', 'te', 'tel', 'tele', 'teleh']);
    expect(s.results.map((e) => e.id)).to.deep.equal(['teleh-1']);
    await sleep(400);
    expect(store.state.results.map((e) => e.id)).to.deep.equal(['teleh-1']);
  });

  it('Enter sends at once', async () => {
    answer(() => ok());
    const store = makeStore({}, { debounceMs: 1000 });
    store.setQuery('health');
    store.submit();
    await settled(store);
    expect(seen).to.have.length(1);
    await sleep(50);
    expect(seen).to.have.length(1);
  });

  it('going back to a previous query costs no request', async () => {
    answer((request) => ok([`${new URL(request.url).searchParams.get('q')}-1`]));
    const store = makeStore();
    store.submit('solar');
    await settled(store);
    store.submit('wind');
    await settled(store);
    store.submit('solar');
    const s = await settled(store);
    expect(s.results.map((e) => e.id)).to.deep.equal(['solar-1']);
    expect(seen).to.have.length(2);
  });

  it('only CORS-simple GETs: no custom headers, no credentials, even if the page patches fetch later', async () => {
    answer(() => ok());
    const original = window.fetch;
    let patchedCalls = 0;
    window.fetch = (input, init) => {
      patchedCalls++;
      return original(input, { ...init, headers: { 'X-Tracking': '1' }, credentials: 'include' });
    };
    try {
      const store = makeStore();
      store.submit('health');
      await settled(store);
    } finally {
      window.fetch = original;
    }
    expect(patchedCalls).to.equal(0);
    const [request] = seen;
    expect(request.method).to.equal('GET');
    expect(request.credentials).to.equal('omit');
    const names = [...request.headers.keys()];
    expect(names.filter((n) => n.startsWith('x-'))).to.deep.equal([]);
    for (const banned of ['authorization', 'content-type', 'cookie']) expect(names).not.to.include(banned);
  });

  it('scope filters appear in every request URL', async () => {
    answer((_, n) => HttpResponse.json(responseBody([makeEntry(`p${n}`)], { total: 10 })));
    const store = makeStore({}, { scope: { region: ['africa'], actionLine: ['C7'] } });
    store.submit('health');
    await settled(store);
    store.setFilter('region', []);
    await settled(store);
    store.toggleFilter('region', 'europe');
    await settled(store);
    store.setFilter('actionLine', ['C7.e-health']);
    await settled(store);
    store.clearFilters();
    await settled(store);
    store.setSort('title');
    await settled(store);
    store.loadMore();
    await settled(store);
    expect(seen.length, 'repeated states come from the cache').to.be.at.least(4);
    for (const url of urls()) {
      expect(url.searchParams.getAll('region'), url.search).to.deep.equal(['africa']);
      expect(url.searchParams.getAll('actionLine'), url.search).to.satisfy(
        (v: string[]) => v.length === 1 && (v[0] === 'C7' || v[0] === 'C7.e-health'),
      );
    }
  });

  it('getEntry: 200 is validated and cached, 404 is not_found', async () => {
    let hits = 0;
    worker.use(
      http.get('*/fault-api/v1/entries/:id', ({ params }) => {
        hits++;
        return params.id === 'rw 1'
          ? HttpResponse.json({ ...makeEntry('rw-1'), extra: true })
          : failure(404, 'not_found', 'No such entry');
      }),
    );
    const source = new ApiSource(BASE, { baseDelayMs: 5 });
    const signal = new AbortController().signal;
    expect((await source.getEntry('rw 1', signal)).id).to.equal('rw-1');
    await source.getEntry('rw 1', signal);
    expect(hits).to.equal(1);
    const error = await source.getEntry('nope', signal).catch((e: unknown) => e);
    expect(error).to.have.property('code', 'not_found');
    expect(hits).to.equal(2);
  });

  it('aborting cancels a pending backoff wait', async () => {
    answer(() => failure(503, 'unavailable', 'Busy', { 'Retry-After': '5' }));
    const source = new ApiSource(BASE, { baseDelayMs: 5 });
    const controller = new AbortController();
    const started = performance.now();
    const pending = source
      .search({ q: 'x', filters: {}, page: 1, pageSize: 20, facets: [] }, controller.signal)
      .catch((e: unknown) => e);
    await sleep(100);
    controller.abort();
    const error = await pending;
    expect(error).to.have.property('code', 'aborted');
    expect(performance.now() - started).to.be.below(2000);
    expect(seen).to.have.length(1);
  });
});

describe('ApiSource cache freshness', () => {
  useMockApi();

  const params = (q: string) => ({ q, filters: {}, page: 1, pageSize: 20, facets: [] });
  const signal = new AbortController().signal;
  /** Answers `<q>-r<revision>` with the revision in the header the server sends. */
  const revised = (revisionFor: (request: Request) => number) =>
    answer((request) => {
      const revision = revisionFor(request);
      const q = new URL(request.url).searchParams.get('q');
      return HttpResponse.json(responseBody([makeEntry(`${q}-r${revision}`)]), {
        headers: { 'WSIS-Revision': String(revision) },
      });
    });
  const ids = (r: { items: { id: string }[] }) => r.items.map((e) => e.id);

  it('an answer naming a newer revision empties the cache: an earlier text is fetched again', async () => {
    let revision = 1;
    revised(() => revision);
    const source = new ApiSource(BASE, { baseDelayMs: 5 });
    expect(ids(await source.search(params('solar'), signal))).to.deep.equal(['solar-r1']);
    expect(ids(await source.search(params('solar'), signal))).to.deep.equal(['solar-r1']);
    expect(seen).to.have.length(1);
    revision = 2;
    expect(ids(await source.search(params('wind'), signal))).to.deep.equal(['wind-r2']);
    expect(ids(await source.search(params('solar'), signal))).to.deep.equal(['solar-r2']);
    expect(seen).to.have.length(3);
  });

  it('a cached answer older than its age is fetched again', async () => {
    revised(() => 1);
    let now = 1_000_000;
    const source = new ApiSource(BASE, { baseDelayMs: 5, maxAgeMs: 60_000, now: () => now });
    await source.search(params('solar'), signal);
    now += 59_000;
    await source.search(params('solar'), signal);
    expect(seen).to.have.length(1);
    now += 2_000;
    await source.search(params('solar'), signal);
    expect(seen).to.have.length(2);
    let hits = 0;
    worker.use(
      http.get('*/fault-api/v1/entries/:id', () => {
        hits++;
        return HttpResponse.json(makeEntry('rw-1'), { headers: { 'WSIS-Revision': '1' } });
      }),
    );
    await source.getEntry('rw-1', signal);
    now += 30_000;
    await source.getEntry('rw-1', signal);
    expect(hits).to.equal(1);
    now += 31_000;
    await source.getEntry('rw-1', signal);
    expect(hits).to.equal(2);
  });

  it('an answer naming an older revision than one seen is asked for again past the HTTP cache', async () => {
    // The first request for "solar" gets the browser's old copy; asked with no-cache, the server's.
    revised((request) =>
      request.cache === 'no-cache' || new URL(request.url).searchParams.get('q') === 'wind' ? 2 : 1,
    );
    const source = new ApiSource(BASE, { baseDelayMs: 5 });
    await source.search(params('wind'), signal);
    expect(ids(await source.search(params('solar'), signal))).to.deep.equal(['solar-r2']);
    expect(seen.map((r) => r.cache)).to.deep.equal(['default', 'default', 'no-cache']);
    // The current answer was kept; the stale one was not.
    await source.search(params('solar'), signal);
    expect(seen).to.have.length(3);
  });

  it('an answer still older after that is shown but not kept', async () => {
    revised((request) => (new URL(request.url).searchParams.get('q') === 'wind' ? 2 : 1));
    const source = new ApiSource(BASE, { baseDelayMs: 5 });
    await source.search(params('wind'), signal);
    expect(ids(await source.search(params('solar'), signal))).to.deep.equal(['solar-r1']);
    await source.search(params('solar'), signal);
    expect(seen).to.have.length(5);
  });
});

describe('createSource', () => {
  it('picks the client from api or src, and refuses both or neither', () => {
    expect(createSource({ api: BASE })).to.be.instanceOf(ApiSource);
    // Static mode's code loads on first use.
    expect(createSource({ src: '/data.json' })).to.be.instanceOf(DeferredSource);
    for (const bad of [{}, { api: ' ', src: '' }, { api: BASE, src: '/data.json' }]) {
      expect(() => createSource(bad))
        .to.throw()
        .with.property('code', 'invalid_parameter');
    }
  });
});
