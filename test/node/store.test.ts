import { afterEach, beforeEach, describe, mock, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Entry } from '../../src/data/entry.js';
import type { SearchParams } from '../../src/data/query.js';
import { SourceError, type DataSource, type SourceResponse } from '../../src/data/source.js';
import { MAX_UNANSWERED, SearchStore } from '../../src/state/search-store.js';
import type { SearchStatus } from '../../src/state/types.js';
import { makeEntry } from '../fixtures/entries.js';

interface Call {
  params: SearchParams;
  signal: AbortSignal;
  resolve(r: SourceResponse): void;
  reject(e: unknown): void;
}

/** A source whose answers the test hands out by hand. */
class FakeSource implements DataSource {
  calls: Call[] = [];
  entryCalls: string[] = [];
  disposed = false;
  search(params: SearchParams, signal: AbortSignal): Promise<SourceResponse> {
    return new Promise((resolve, reject) => this.calls.push({ params, signal, resolve, reject }));
  }
  async getEntry(id: string): Promise<Entry> {
    this.entryCalls.push(id);
    return makeEntry(id);
  }
  dispose() {
    this.disposed = true;
  }
  get last(): Call {
    return this.calls[this.calls.length - 1];
  }
}

const page = (ids: string[], total = ids.length, extra: Partial<SourceResponse> = {}): SourceResponse => ({
  total,
  page: 1,
  pageSize: 20,
  items: ids.map((id) => makeEntry(id)),
  facets: { region: { africa: total } },
  dropped: 0,
  ...extra,
});

/** Lets promise callbacks run; setImmediate is not mocked. */
const flush = () => new Promise((resolve) => setImmediate(resolve));
/** Runs the microtasks queued so far (a search queued by a key goes out there). */
const microtasks = () => Promise.resolve();

let source: FakeSource;
let store: SearchStore;
let statuses: SearchStatus[];

beforeEach(() => {
  mock.timers.enable({ apis: ['setTimeout', 'Date'] });
  source = new FakeSource();
  store = new SearchStore(source);
  statuses = [];
  store.subscribe((s) => {
    if (statuses[statuses.length - 1] !== s.status) statuses.push(s.status);
  });
});

afterEach(() => {
  store.dispose();
  mock.timers.reset();
});

describe('status transitions', () => {
  test('starts idle with empty results', () => {
    assert.equal(store.state.status, 'idle');
    assert.deepEqual(store.state.results, []);
    assert.equal(source.calls.length, 0);
  });

  test('loading → ready', async () => {
    store.search();
    assert.equal(store.state.status, 'loading');
    source.last.resolve(page(['a', 'b'], 2, { corrections: [{ from: 'helth', to: 'health' }], dropped: 1 }));
    await flush();
    assert.equal(store.state.status, 'ready');
    assert.deepEqual(
      store.state.results.map((e) => e.id),
      ['a', 'b'],
    );
    assert.equal(store.state.total, 2);
    assert.deepEqual(store.state.facets, { region: { africa: 2 } });
    assert.deepEqual(store.state.corrections, [{ from: 'helth', to: 'health' }]);
    assert.equal(store.state.dropped, 1);
    assert.deepEqual(statuses, ['loading', 'ready']);
  });

  test('loading → stalled after 400 ms → ready', async () => {
    store.search();
    mock.timers.tick(399);
    assert.equal(store.state.status, 'loading');
    mock.timers.tick(1);
    assert.equal(store.state.status, 'stalled');
    source.last.resolve(page(['a']));
    await flush();
    assert.deepEqual(statuses, ['loading', 'stalled', 'ready']);
  });

  test('no stall once answered', async () => {
    store.search();
    source.last.resolve(page(['a']));
    await flush();
    mock.timers.tick(1000);
    assert.equal(store.state.status, 'ready');
  });

  test('zero results → empty', async () => {
    store.search();
    source.last.resolve(page([], 0));
    await flush();
    assert.equal(store.state.status, 'empty');
  });

  test('a source error → error, with code and message', async () => {
    store.search();
    source.last.reject(new SourceError('server', 'Temporarily unavailable', 503));
    await flush();
    assert.equal(store.state.status, 'error');
    assert.deepEqual(store.state.error, { code: 'server', message: 'Temporarily unavailable' });
  });

  test('a network error while online → error (the service is unreachable), not offline', async () => {
    store.search();
    source.last.reject(new SourceError('network', 'Failed to fetch'));
    await flush();
    assert.equal(store.state.status, 'error');
    assert.equal(store.state.error?.code, 'network');
  });

  test('a network error while the browser is offline → offline', async () => {
    const before = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
    Object.defineProperty(globalThis, 'navigator', { configurable: true, value: { onLine: false } });
    try {
      store.search();
      source.last.reject(new SourceError('network', 'Failed to fetch'));
      await flush();
    } finally {
      if (before) Object.defineProperty(globalThis, 'navigator', before);
      else delete (globalThis as { navigator?: unknown }).navigator;
    }
    assert.equal(store.state.status, 'offline');
    assert.equal(store.state.error?.code, 'network');
  });

  test('a non-SourceError failure still ends in error', async () => {
    store.search();
    source.last.reject(new TypeError('boom'));
    await flush();
    assert.equal(store.state.status, 'error');
    assert.match(store.state.error!.message, /boom/);
  });

  test('retry after an error → ready, and clears the error', async () => {
    store.submit('health');
    source.last.reject(new SourceError('timeout', 'slow'));
    await flush();
    assert.equal(store.state.status, 'error');
    store.retry();
    assert.equal(source.calls.length, 2);
    assert.equal(source.last.params.q, 'health');
    assert.equal(store.state.error, undefined);
    source.last.resolve(page(['a']));
    await flush();
    assert.equal(store.state.status, 'ready');
    assert.deepEqual(statuses, ['idle', 'loading', 'error', 'loading', 'ready']);
  });
});

describe('typing and submitting', () => {
  test('on a fast source every key searches at once, for its own text', async () => {
    const text = 'telehealth';
    for (let i = 1; i <= text.length; i++) {
      store.setQuery(text.slice(0, i));
      await microtasks();
      assert.equal(source.calls.length, i, `key ${i} sends its search`);
      assert.equal(source.last.params.q, text.slice(0, i));
      mock.timers.tick(30);
      source.last.resolve(page([`r${i}`]));
      await flush();
      mock.timers.tick(80);
    }
    assert.deepEqual(
      store.state.results.map((e) => e.id),
      ['r10'],
    );
  });

  test('a key aborts the request for the text before it and says loading at once', async () => {
    store.submit('tele');
    source.last.resolve(page(['a'], 1));
    await flush();
    store.setQuery('teleh');
    await microtasks();
    const first = source.last;
    store.setQuery('telehe');
    assert.ok(first.signal.aborted, 'the request for the previous text is aborted at the key');
    assert.equal(store.state.status, 'loading', 'the shown results belong to the previous text');
  });

  test('on a slow network, 10 letters at 110 ms with 1 s answers send at most 3 requests', async () => {
    const text = 'telehealth';
    const answer = (call: Call) => setTimeout(() => call.resolve(page([call.params.q])), 1000);
    for (let i = 1; i <= text.length; i++) {
      store.setQuery(text.slice(0, i));
      await microtasks();
      if (source.calls.length && !source.last.signal.aborted) answer(source.last);
      mock.timers.tick(110);
    }
    mock.timers.tick(250);
    answer(source.last);
    mock.timers.tick(1000);
    await flush();
    assert.ok(source.calls.length <= 1 + MAX_UNANSWERED, `${source.calls.length} requests`);
    assert.equal(source.last.params.q, 'telehealth');
    assert.deepEqual(
      store.state.results.map((e) => e.id),
      ['telehealth'],
    );
  });

  test('on a slow source the request in flight stays, shows as progress, and the newest text goes out on its answer', async () => {
    const statuses: SearchStatus[] = [];
    store.subscribe((s) => statuses.push(s.status));
    const text = 'telehealth';
    for (let i = 1; i <= 4; i++) {
      store.setQuery(text.slice(0, i));
      await microtasks();
      mock.timers.tick(110);
    }
    // Keys 1 and 2 searched at once; from key 3 two requests were out unanswered: the source looks slow.
    assert.equal(source.calls.length, 2);
    const inFlight = source.last;
    assert.equal(inFlight.params.q, 'te');
    assert.equal(inFlight.signal.aborted, false, 'a key on a slow source does not abort the request in flight');
    inFlight.resolve(page(['te'], 40));
    await flush();
    assert.deepEqual(
      store.state.results.map((e) => e.id),
      ['te'],
      "the older text's answer shows while nothing newer has",
    );
    assert.equal(store.state.status, 'loading', 'its count is not paired with the newer text');
    assert.ok(!statuses.includes('ready'));
    assert.equal(source.calls.length, 3, 'the newest text went out on that answer, not after a pause');
    assert.equal(source.last.params.q, 'tele');
    source.last.resolve(page(['tele'], 7));
    await flush();
    assert.equal(store.state.status, 'ready');
    assert.equal(store.state.total, 7);
  });

  test('once an answer was slow, a word typed without pausing sends one request, after the pause', async () => {
    store.submit('a');
    mock.timers.tick(600);
    source.last.resolve(page(['a']));
    await flush();
    const before = source.calls.length;
    const text = 'telehealth';
    for (let i = 1; i <= text.length; i++) {
      store.setQuery(text.slice(0, i));
      mock.timers.tick(110);
    }
    assert.equal(source.calls.length, before);
    mock.timers.tick(140);
    assert.equal(source.calls.length, before + 1);
    assert.equal(source.last.params.q, 'telehealth');
  });

  test('the pause used on a slow source is configurable', async () => {
    store = new SearchStore(source, { debounceMs: 50, fastMs: 10 });
    store.submit('a');
    mock.timers.tick(20);
    source.last.resolve(page(['a']));
    await flush();
    store.setQuery('x');
    mock.timers.tick(49);
    assert.equal(source.calls.length, 1);
    mock.timers.tick(1);
    assert.equal(source.calls.length, 2);
  });

  test('setting the same text again does nothing', () => {
    store.setQuery('');
    mock.timers.tick(500);
    assert.equal(source.calls.length, 0);
  });

  test('submit searches at once and cancels the pending debounce', () => {
    store.setQuery('heal');
    store.submit('health');
    assert.equal(source.calls.length, 1);
    assert.equal(source.last.params.q, 'health');
    mock.timers.tick(500);
    assert.equal(source.calls.length, 1);
  });

  test('submit without text uses the current text', () => {
    store.setQuery('broadband');
    store.submit();
    assert.equal(source.last.params.q, 'broadband');
  });

  test('typing resets to page 1', async () => {
    store.setPage(3);
    assert.equal(source.last.params.page, 3);
    store.setQuery('x');
    await microtasks();
    assert.equal(source.last.params.page, 1);
  });

  test("a key's request leaves before the change reaches the page: subscribers re-render after it", async () => {
    const sentBeforeRender: number[] = [];
    // Lit elements re-render in a microtask after they hear of a change, as this subscriber does.
    store.subscribe(() => queueMicrotask(() => sentBeforeRender.push(source.calls.length)));
    store.setQuery('tele');
    await flush();
    assert.equal(source.calls.length, 1);
    assert.equal(sentBeforeRender[0], 1, 'the request was out when the first re-render ran');
  });

  test('a filter chosen in the same task as the text sends one request for both', async () => {
    store.setQuery('tele');
    store.setFilter('sdg', ['3']);
    await flush();
    assert.equal(source.calls.length, 1);
    assert.equal(source.last.params.q, 'tele');
    assert.deepEqual(source.last.params.filters.sdg, ['3']);
  });
});

describe('stale answers', () => {
  test('a slow older answer never replaces a newer one', async () => {
    store.submit('fire');
    const slow = source.last;
    store.submit('firefox');
    const fast = source.last;
    assert.ok(slow.signal.aborted, 'the older request is aborted');
    assert.ok(!fast.signal.aborted);
    fast.resolve(page(['firefox-1']));
    await flush();
    slow.resolve(page(['fire-1', 'fire-2']));
    await flush();
    assert.deepEqual(
      store.state.results.map((e) => e.id),
      ['firefox-1'],
    );
    assert.equal(store.state.status, 'ready');
  });

  test('an older failure after a newer success is ignored', async () => {
    store.submit('a');
    const old = source.last;
    store.submit('b');
    source.last.resolve(page(['b1']));
    await flush();
    old.reject(new SourceError('aborted', 'cancelled'));
    old.reject(new SourceError('network', 'gone'));
    await flush();
    assert.equal(store.state.status, 'ready');
  });

  test('an abort of the current call leaves the state alone', async () => {
    store.submit('a');
    source.last.reject(new SourceError('aborted', 'cancelled'));
    await flush();
    assert.equal(store.state.error, undefined);
  });
});

describe('paging', () => {
  test('loadMore appends the next page', async () => {
    store.search();
    source.last.resolve(page(['a', 'b'], 4));
    await flush();
    store.loadMore();
    assert.equal(source.last.params.page, 2);
    source.last.resolve(page(['c', 'd'], 4));
    await flush();
    assert.deepEqual(
      store.state.results.map((e) => e.id),
      ['a', 'b', 'c', 'd'],
    );
    assert.equal(store.state.page, 2);
    store.loadMore();
    assert.equal(source.calls.length, 2, 'nothing more to load');
  });

  test('loadMore does nothing while loading', () => {
    store.search();
    store.loadMore();
    assert.equal(source.calls.length, 1);
  });

  test('a failed loadMore keeps the results and the page', async () => {
    store.search();
    source.last.resolve(page(['a'], 3));
    await flush();
    store.loadMore();
    source.last.reject(new SourceError('server', 'down'));
    await flush();
    assert.equal(store.state.page, 1);
    assert.deepEqual(
      store.state.results.map((e) => e.id),
      ['a'],
    );
  });

  test('loadMore during the typing debounce runs the new search instead of appending', async () => {
    store.search();
    source.last.resolve(page(['a'], 3));
    await flush();
    store.setQuery('new');
    store.loadMore();
    assert.equal(source.last.params.q, 'new');
    assert.equal(source.last.params.page, 1);
    source.last.resolve(page(['n1'], 1));
    await flush();
    assert.deepEqual(
      store.state.results.map((e) => e.id),
      ['n1'],
    );
  });

  test('setPage, setPageSize, setSort, setYears', () => {
    store.setPage(2.7);
    assert.equal(source.last.params.page, 2);
    store.setPage(-1);
    assert.equal(source.last.params.page, 1);
    store.setPageSize(50);
    assert.equal(source.last.params.pageSize, 50);
    store.setSort('title');
    assert.equal(source.last.params.sort, 'title');
    store.setSort(undefined);
    assert.equal(source.last.params.sort, undefined);
    store.setYears(2020, 2010);
    assert.equal(source.last.params.yearFrom, 2010);
    assert.equal(source.last.params.yearTo, 2020);
    assert.equal(source.calls.length, 6);
  });
});

describe('filters', () => {
  test('setFilter, toggleFilter and clearFilters search at once', () => {
    store.setFilter('sdg', ['4', '3', '3']);
    assert.deepEqual(source.last.params.filters, { sdg: ['3', '4'] });
    store.toggleFilter('sdg', '3');
    assert.deepEqual(source.last.params.filters, { sdg: ['4'] });
    store.toggleFilter('region', 'africa', true);
    assert.deepEqual(source.last.params.filters, { sdg: ['4'], region: ['africa'] });
    const n = source.calls.length;
    store.toggleFilter('region', 'africa', true);
    assert.equal(source.calls.length, n, 'already on: no search');
    store.setYears(2015, 2020);
    store.clearFilters();
    assert.deepEqual(source.last.params.filters, {});
    assert.equal(source.last.params.yearFrom, undefined);
  });

  test('the requested facets are sent', () => {
    store = new SearchStore(source, { facets: ['sdg', 'region'] });
    store.search();
    assert.deepEqual(source.last.params.facets, ['sdg', 'region']);
  });
});

describe('scope', () => {
  beforeEach(() => {
    store = new SearchStore(source, { scope: { region: ['europe', 'africa'], actionLine: ['C7'] } });
  });

  test('scope is in every request', () => {
    store.search();
    assert.deepEqual(source.last.params.filters, { region: ['africa', 'europe'], actionLine: ['C7'] });
    store.setQuery('x');
    mock.timers.tick(200);
    assert.deepEqual(source.last.params.filters.region, ['africa', 'europe']);
  });

  test('setFilter, toggleFilter, clearFilters and restore never drop it', () => {
    store.setFilter('region', []);
    assert.deepEqual(source.last.params.filters.region, ['africa', 'europe']);
    store.toggleFilter('region', 'africa');
    store.toggleFilter('region', 'africa');
    assert.deepEqual(source.last.params.filters.region, ['africa', 'europe']);
    store.clearFilters();
    assert.deepEqual(source.last.params.filters, { region: ['africa', 'europe'], actionLine: ['C7'] });
    store.restore({ filters: { region: [] } });
    assert.deepEqual(source.last.params.filters, { region: ['africa', 'europe'], actionLine: ['C7'] });
    assert.deepEqual(store.state.scope, { region: ['africa', 'europe'], actionLine: ['C7'] });
  });

  test('a choice within scope narrows; outside scope it is ignored', () => {
    store.setFilter('region', ['africa']);
    assert.deepEqual(source.last.params.filters.region, ['africa']);
    store.setFilter('region', ['asia_pacific']);
    assert.deepEqual(source.last.params.filters.region, ['africa', 'europe']);
    store.setFilter('region', ['asia_pacific', 'europe']);
    assert.deepEqual(source.last.params.filters.region, ['europe']);
  });

  test('a C7 scope admits C7 sub-lines, and nothing else', () => {
    store.setFilter('actionLine', ['C7.e-health']);
    assert.deepEqual(source.last.params.filters.actionLine, ['C7.e-health']);
    store.setFilter('actionLine', ['C2']);
    assert.deepEqual(source.last.params.filters.actionLine, ['C7']);
  });

  test('unscoped groups stay free', () => {
    store.setFilter('sdg', ['3']);
    assert.deepEqual(source.last.params.filters.sdg, ['3']);
  });

  test('a value outside the scope is never kept: no filter to show as a chip, no request', () => {
    store.setScope({ country: ['PH'] });
    const calls = source.calls.length;
    store.toggleFilter('country', 'US');
    store.setFilter('country', ['INTL']);
    assert.deepEqual(store.state.filters, {});
    assert.equal(source.calls.length, calls);
    assert.equal(store.allows('country', 'US'), false);
    assert.equal(store.allows('country', 'PH'), true);
    assert.equal(store.allows('sdg', '3'), true);
    store.restore({ filters: { country: ['US', 'PH'], region: ['europe'] } });
    assert.deepEqual(store.state.filters, { country: ['PH'], region: ['europe'] });
  });

  test('a new scope drops chosen values outside it', () => {
    store.setFilter('country', ['US', 'PH']);
    store.setScope({ country: ['PH'] });
    assert.deepEqual(store.state.filters, { country: ['PH'] });
  });

  test('facet counts of scoped groups keep only values inside the scope', async () => {
    store.setScope({ country: ['PH'], region: ['arab_states'], actionLine: ['C7'] });
    source.last.resolve(
      page(['a'], 5, {
        facets: {
          country: { PH: 5, US: 2, INTL: 240 },
          region: { arab_states: 5, africa: 1754 },
          actionLine: { C7: 5, 'C7.e-health': 2, C2: 9 },
          sdg: { '3': 4, '9': 1 },
        },
      }),
    );
    await flush();
    assert.deepEqual(store.state.facets, {
      country: { PH: 5 },
      region: { arab_states: 5 },
      actionLine: { C7: 5, 'C7.e-health': 2 },
      sdg: { '3': 4, '9': 1 },
    });
  });

  test('setScope replaces the scope and searches', () => {
    store.setScope({ country: ['RW'] });
    assert.deepEqual(source.last.params.filters, { country: ['RW'] });
    assert.equal(source.last.params.page, 1);
  });
});

describe('entries, snapshots and lifecycle', () => {
  test('getEntry answers known results without the source', async () => {
    store.search();
    source.last.resolve(page(['a']));
    await flush();
    assert.equal((await store.getEntry('a')).id, 'a');
    assert.deepEqual(source.entryCalls, []);
    assert.equal((await store.getEntry('zz')).id, 'zz');
    assert.deepEqual(source.entryCalls, ['zz']);
  });

  test('openEntry, snapshot and restore', () => {
    store.openEntry('a');
    assert.equal(store.state.openEntryId, 'a');
    store.restore({
      query: 'solar',
      filters: { sdg: ['7'] },
      yearFrom: 2010,
      sort: 'oldest',
      page: 2,
      openEntryId: 'b',
    });
    assert.equal(source.calls.length, 1);
    assert.deepEqual(store.snapshot(), {
      query: 'solar',
      filters: { sdg: ['7'] },
      yearFrom: 2010,
      yearTo: undefined,
      sort: 'oldest',
      page: 2,
      openEntryId: 'b',
    });
    assert.equal(source.last.params.page, 2);
    store.restore({});
    assert.equal(store.state.query, '');
    assert.equal(store.state.page, 1);
  });

  test('unsubscribe stops notifications', () => {
    let n = 0;
    const off = store.subscribe(() => n++);
    store.openEntry('a');
    off();
    store.openEntry('b');
    assert.equal(n, 1);
  });

  test('dispose aborts, disposes the source and stops searching', () => {
    store.setQuery('x');
    store.submit();
    const call = source.last;
    store.dispose();
    assert.ok(call.signal.aborted);
    assert.ok(source.disposed);
    store.search();
    mock.timers.tick(1000);
    assert.equal(source.calls.length, 1);
  });
});
