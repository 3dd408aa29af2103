import { expect, waitUntil } from '@open-wc/testing';
import { SearchStore } from '../../src/state/search-store.js';
import { UrlSync, decodeSnapshot, encodeSnapshot } from '../../src/state/url-sync.js';
import type { DataSource, SourceResponse } from '../../src/data/source.js';

const searches: string[] = [];
const source: DataSource = {
  async search(params): Promise<SourceResponse> {
    searches.push(`${params.q}|${JSON.stringify(params.filters)}|${params.page}`);
    return { total: 100, page: params.page, pageSize: params.pageSize, items: [], facets: {}, dropped: 0 };
  },
  getEntry: () => Promise.reject(new Error('unused')),
};

const start = `${location.pathname}?page=7&utm_source=x#top`;

describe('UrlSync', () => {
  let sync: UrlSync | undefined;
  beforeEach(() => history.replaceState(null, '', start));
  afterEach(() => {
    sync?.stop();
    history.replaceState(null, '', location.pathname);
  });

  it('keeps host parameters and the hash through searches', async () => {
    const store = new SearchStore(source, { debounceMs: 0 });
    sync = new UrlSync(store, 'st');
    expect(sync.start()).to.equal(false);
    store.submit('health');
    store.toggleFilter('actionLine', 'C7.e-health');
    store.setPage(2);
    const url = new URL(location.href);
    expect(url.searchParams.get('page')).to.equal('7');
    expect(url.searchParams.get('utm_source')).to.equal('x');
    expect(url.hash).to.equal('#top');
    expect(decodeSnapshot(url.searchParams.get('st')!).snapshot).to.deep.include({ query: 'health', page: 2 });
  });

  it('restores state on back and forward', async () => {
    const store = new SearchStore(source, { debounceMs: 0 });
    sync = new UrlSync(store, 'st');
    sync.start();
    store.submit('water');
    store.toggleFilter('sdg', '6');
    history.back();
    await waitUntil(() => !store.state.filters.sdg, 'back did not remove the filter');
    expect(store.state.query).to.equal('water');
    history.forward();
    await waitUntil(() => store.state.filters.sdg?.[0] === '6', 'forward did not restore the filter');
  });

  it('reproduces the view, with the entry open, from a shared link', async () => {
    const snapshot = {
      query: 'broadband',
      filters: { region: ['africa'] },
      sort: 'title' as const,
      page: 3,
      openEntryId: 'ws-000042',
    };
    history.replaceState(
      null,
      '',
      `${start.replace('#top', '')}&st=${encodeURIComponent(encodeSnapshot(snapshot))}#top`,
    );
    const store = new SearchStore(source, { debounceMs: 0 });
    sync = new UrlSync(store, 'st');
    expect(sync.start()).to.equal(true);
    expect(store.snapshot()).to.deep.equal({ ...snapshot, yearFrom: undefined, yearTo: undefined });
    expect(sync.shareUrl('ws-1')).to.contain('utm_source=x');
  });

  it('ignores a broken link parameter with a warning and keeps the page usable', async () => {
    history.replaceState(null, '', `${location.pathname}?st=${encodeURIComponent('pageSize=9999&actionLine=C99')}`);
    const warnings: unknown[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const store = new SearchStore(source, { debounceMs: 0 });
      sync = new UrlSync(store, 'st');
      sync.start();
      expect(store.state.filters).to.deep.equal({});
    } finally {
      console.warn = original;
    }
    expect(warnings).to.have.length(1);
  });

  it('never touches the URL without being started', async () => {
    const store = new SearchStore(source, { debounceMs: 0 });
    const before = location.href;
    store.submit('anything');
    store.toggleFilter('sdg', '1');
    expect(location.href).to.equal(before);
  });
});
