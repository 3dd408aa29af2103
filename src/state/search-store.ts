import type { Entry } from '../data/entry.js';
import type { ExportProgress } from '../data/export.js';
import {
  DEFAULT_PAGE_SIZE,
  FACET_NAMES,
  type FacetName,
  type Facets,
  type FilterKey,
  type Filters,
  type SearchParams,
  type Sort,
} from '../data/query.js';
import { SourceError, type DataSource } from '../data/source.js';
import { isC7 } from '../data/vocabulary.js';
import type { Listener, SearchState } from './types.js';

export interface StoreOptions {
  /**
   * Quiet time after typing before a search is sent, used only while the source is slow (see
   * `fastMs`); on a fast source every keystroke searches at once.
   */
  debounceMs?: number;
  /** Answers quicker than this count as fast: typing then searches on every key. */
  fastMs?: number;
  /** Loading longer than this becomes `stalled`. */
  stalledMs?: number;
  pageSize?: number;
  scope?: Filters;
  facets?: readonly FacetName[];
}

/** The part of the state a deep link or history entry restores. */
export type StoreSnapshot = Pick<
  SearchState,
  'query' | 'filters' | 'yearFrom' | 'yearTo' | 'sort' | 'page' | 'openEntryId'
>;

const clean = (filters: Filters): Filters =>
  Object.fromEntries(
    Object.entries(filters)
      .filter(([, values]) => values && values.length)
      .map(([key, values]) => [key, [...new Set(values)].sort()]),
  ) as Filters;

const sameValues = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((v) => b.includes(v));

function withinScope(key: FilterKey, value: string, scope: readonly string[]): boolean {
  return scope.includes(value) || (key === 'actionLine' && scope.includes('C7') && isC7(value));
}

/** Requests typing may send at once, without an answer in between, before it waits for a pause. */
export const MAX_UNANSWERED = 2;

/**
 * One search: query, filters, paging and the results, with no UI code.
 * It owns fetching: when to search while typing, aborting stale requests and the stalled timer.
 *
 * Typing searches on every key while the source answers fast, each key aborting the request
 * before it. Once the source looks slow (the last answer took `fastMs` or more, nothing has
 * answered for `fastMs` since a request went out, or `MAX_UNANSWERED` requests are out
 * unanswered), keys send nothing: the text goes out after a pause of `debounceMs`, or as soon as
 * the request still in flight answers, whichever comes first. So at most one request is in flight
 * while the source is slow, and a word typed without pausing sends at most MAX_UNANSWERED + 1 +
 * (answers that arrive while it is typed) requests; one once the source is known slow and idle.
 */
export class SearchStore {
  #state: SearchState;
  #listeners = new Set<Listener>();
  #source: DataSource;
  #options: Required<Omit<StoreOptions, 'scope'>>;
  #debounce?: ReturnType<typeof setTimeout>;
  /** Typed text not yet searched: the shown results belong to the previous text. */
  #typing = false;
  /** A search is queued for the end of this task. */
  #queued = false;
  #stalled?: ReturnType<typeof setTimeout>;
  #controller?: AbortController;
  #callId = 0;
  /** How long the last answer took, in ms. */
  #latency = 0;
  /** Requests sent since the last answer, and when the first of them went out. */
  #unanswered = 0;
  #waitingSince = 0;
  #disposed = false;

  /** Set by URL sync: a shareable link that opens the given entry. */
  shareUrl?: (id: string) => string;
  /** Set from `editor-url`: the manage page, which opens the entry given as `?entry=ID`. */
  editorUrl?: string;

  constructor(source: DataSource, options: StoreOptions = {}) {
    this.#source = source;
    this.#options = {
      debounceMs: options.debounceMs ?? 250,
      fastMs: options.fastMs ?? 150,
      stalledMs: options.stalledMs ?? 400,
      pageSize: options.pageSize ?? DEFAULT_PAGE_SIZE,
      facets: options.facets ?? FACET_NAMES,
    };
    this.#state = {
      query: '',
      filters: {},
      scope: clean(options.scope ?? {}),
      page: 1,
      pageSize: this.#options.pageSize,
      results: [],
      total: 0,
      facets: {},
      corrections: [],
      status: 'idle',
      dropped: 0,
    };
  }

  get state(): Readonly<SearchState> {
    return this.#state;
  }

  get source(): DataSource {
    return this.#source;
  }

  /**
   * Every entry of this search (scope and filters, no paging), up to the export cap, with the
   * parameters it ran with. The export code is a chunk of its own, loaded on first use.
   */
  async exportAll(options: { signal: AbortSignal; onProgress?: (progress: ExportProgress) => void }) {
    const { collectAll } = await import('../data/export.js');
    const params = this.params(1);
    return { ...(await collectAll(this.#source, params, options)), params };
  }

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** The request the current state stands for, scope merged in. */
  params(page = this.#state.page): SearchParams {
    const s = this.#state;
    const filters: Filters = { ...s.filters };
    for (const [key, scope] of Object.entries(s.scope) as [FilterKey, string[]][]) {
      // A visitor may narrow a scoped group but never widen or clear it.
      const chosen = (filters[key] ?? []).filter((v) => withinScope(key, v, scope));
      filters[key] = chosen.length ? chosen : scope;
    }
    return {
      q: s.query,
      filters,
      yearFrom: s.yearFrom,
      yearTo: s.yearTo,
      sort: s.sort,
      page,
      pageSize: s.pageSize,
      facets: [...this.#options.facets],
    };
  }

  /**
   * Typing: searches at once on a fast source, after a pause on a slow one. The results on show
   * belong to the previous text, so the state says loading from this key on, and the request for
   * that text, now useless, is aborted.
   */
  setQuery(query: string): void {
    if (query === this.#state.query) return;
    const slow = this.#slow();
    // On a slow source the request in flight stays: its answer shows, then the newest text is sent.
    if (!slow) this.#abort();
    this.#typing = true;
    clearTimeout(this.#debounce);
    if (slow) {
      this.#debounce = setTimeout(() => this.#typing && this.search(), this.#options.debounceMs);
    } else if (!this.#queued) {
      // Queued before the change is announced, so the request leaves ahead of the re-rendering it causes.
      // A later call in the same task (a filter chosen with the text) still sends one request for both.
      this.#queued = true;
      queueMicrotask(() => {
        this.#queued = false;
        if (this.#typing) this.search();
      });
    }
    this.#set({ query, page: 1, status: 'loading', error: undefined });
  }

  /** Whether typing should wait for a pause rather than search on every key. */
  #slow(): boolean {
    const { fastMs } = this.#options;
    if (this.#latency >= fastMs) return true;
    return this.#unanswered >= MAX_UNANSWERED || (this.#unanswered > 0 && Date.now() - this.#waitingSince >= fastMs);
  }

  /** Cancels the request in flight and its stalled timer. */
  #abort(): void {
    clearTimeout(this.#stalled);
    this.#controller?.abort();
    this.#controller = undefined;
  }

  /** An answer (or a failure other than an abort) came: the source is responsive again. */
  #answered(sentAt: number): void {
    this.#latency = Date.now() - sentAt;
    this.#unanswered = 0;
  }

  /** Enter: searches now, with the given text if any. */
  submit(query = this.#state.query): void {
    this.#set({ query, page: 1 });
    this.search();
  }

  /** Whether a value may be offered and chosen: its group is unscoped, or the value is inside the scope. */
  allows(key: FilterKey, value: string): boolean {
    const scope = this.#state.scope[key];
    return !scope?.length || withinScope(key, value, scope);
  }

  /** The filters without values outside the scope, which would change nothing. */
  #inScope(filters: Filters): Filters {
    return Object.fromEntries(
      Object.entries(filters).map(([key, values]) => [key, values?.filter((v) => this.allows(key as FilterKey, v))]),
    ) as Filters;
  }

  /** Facet counts of scoped groups keep only values inside the scope: nothing outside it is offered. */
  #scopedFacets(facets: Facets): Facets {
    const out: Facets = { ...facets };
    for (const key of Object.keys(this.#state.scope) as FilterKey[]) {
      const counts = out[key as FacetName];
      if (counts)
        out[key as FacetName] = Object.fromEntries(Object.entries(counts).filter(([v]) => this.allows(key, v)));
    }
    return out;
  }

  setFilter(key: FilterKey, values: readonly string[]): void {
    const allowed = values.filter((v) => this.allows(key, v));
    if (allowed.length < values.length && sameValues(allowed, this.#state.filters[key] ?? [])) return;
    this.#set({ filters: clean({ ...this.#state.filters, [key]: allowed }), page: 1 });
    this.search();
  }

  toggleFilter(key: FilterKey, value: string, on?: boolean): void {
    const current = this.#state.filters[key] ?? [];
    const has = current.includes(value);
    const want = on ?? !has;
    if (want === has) return;
    this.setFilter(key, want ? [...current, value] : current.filter((v) => v !== value));
  }

  /** Clears the visitor's filters; scope stays. */
  clearFilters(): void {
    this.#set({ filters: {}, yearFrom: undefined, yearTo: undefined, page: 1 });
    this.search();
  }

  setYears(yearFrom?: number, yearTo?: number): void {
    if (yearFrom !== undefined && yearTo !== undefined && yearFrom > yearTo) [yearFrom, yearTo] = [yearTo, yearFrom];
    this.#set({ yearFrom, yearTo, page: 1 });
    this.search();
  }

  setSort(sort: Sort | undefined): void {
    this.#set({ sort, page: 1 });
    this.search();
  }

  setPage(page: number): void {
    this.#set({ page: Math.max(1, Math.floor(page)) });
    this.search();
  }

  setPageSize(pageSize: number): void {
    this.#set({ pageSize, page: 1 });
    this.search();
  }

  /** Fixed filters from the embedding page. */
  setScope(scope: Filters): void {
    this.#set({ scope: clean(scope), page: 1 });
    this.#set({ filters: clean(this.#inScope(this.#state.filters)) });
    this.search();
  }

  /** Appends the next page to the results. */
  loadMore(): void {
    const s = this.#state;
    if (this.#typing) return void this.search();
    if (s.results.length >= s.total || s.status === 'loading' || s.status === 'stalled') return;
    this.search({ append: true });
  }

  retry(): void {
    this.search();
  }

  openEntry(id: string | undefined): void {
    this.#set({ openEntryId: id });
  }

  getEntry(id: string, signal = new AbortController().signal): Promise<Entry> {
    const known = this.#state.results.find((e) => e.id === id);
    return known ? Promise.resolve(known) : this.#source.getEntry(id, signal);
  }

  snapshot(): StoreSnapshot {
    const { query, filters, yearFrom, yearTo, sort, page, openEntryId } = this.#state;
    return { query, filters, yearFrom, yearTo, sort, page, openEntryId };
  }

  /** Restores a deep link or history entry, then searches once. */
  restore(snapshot: Partial<StoreSnapshot>): void {
    this.#set({
      query: snapshot.query ?? '',
      filters: clean(this.#inScope(snapshot.filters ?? {})),
      yearFrom: snapshot.yearFrom,
      yearTo: snapshot.yearTo,
      sort: snapshot.sort,
      page: snapshot.page ?? 1,
      openEntryId: snapshot.openEntryId,
    });
    this.search();
  }

  /** Runs the current search; a newer call aborts and outranks an older one. */
  search({ append = false } = {}): Promise<void> {
    if (this.#disposed) return Promise.resolve();
    clearTimeout(this.#debounce);
    this.#typing = false;
    this.#abort();
    const controller = (this.#controller = new AbortController());
    const callId = ++this.#callId;
    const page = append ? this.#state.page + 1 : this.#state.page;
    const sentAt = Date.now();
    if (!this.#unanswered++) this.#waitingSince = sentAt;
    this.#set({ status: 'loading', error: undefined });
    this.#stalled = setTimeout(() => {
      if (callId === this.#callId) this.#set({ status: 'stalled' });
    }, this.#options.stalledMs);
    return this.#source.search(this.params(page), controller.signal).then(
      (response) => {
        if (callId !== this.#callId) return;
        this.#answered(sentAt);
        clearTimeout(this.#stalled);
        // Typed on while it was out (a slow source): shown as progress, and the newest text goes out now.
        const outdated = this.#typing;
        this.#set({
          results: append ? [...this.#state.results, ...response.items] : response.items,
          total: response.total,
          page,
          facets: this.#scopedFacets(response.facets),
          corrections: response.corrections ?? [],
          dropped: response.dropped,
          status: outdated ? 'loading' : response.total === 0 ? 'empty' : 'ready',
        });
        if (outdated) this.search();
      },
      (error: unknown) => {
        if (callId !== this.#callId) return;
        clearTimeout(this.#stalled);
        const e =
          error instanceof SourceError ? error : new SourceError('http', String((error as Error)?.message ?? error));
        if (e.code === 'aborted') return;
        this.#answered(sentAt);
        this.#set({
          // A dead API is not the visitor's connection: say "offline" only when the browser says so.
          status: e.code === 'network' && globalThis.navigator?.onLine === false ? 'offline' : 'error',
          error: { code: e.code, message: e.message },
        });
      },
    );
  }

  dispose(): void {
    this.#disposed = true;
    clearTimeout(this.#debounce);
    this.#abort();
    this.#listeners.clear();
    this.#source.dispose?.();
  }

  #set(patch: Partial<SearchState>): void {
    this.#state = { ...this.#state, ...patch };
    for (const listener of this.#listeners) listener(this.#state);
  }
}
