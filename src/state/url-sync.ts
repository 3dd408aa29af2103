import { FILTER_KEYS, type Filters } from '../data/query.js';
import { parseSearchParams } from '../data/evaluate.js';
import type { SearchStore, StoreSnapshot } from './search-store.js';

/** The entry key inside the namespaced parameter; not a contract parameter. */
const ENTRY = 'entry';

export function encodeSnapshot(s: StoreSnapshot): string {
  const out = new URLSearchParams();
  if (s.query) out.set('q', s.query);
  for (const key of FILTER_KEYS) for (const v of s.filters[key] ?? []) out.append(key, v);
  if (s.yearFrom !== undefined) out.set('yearFrom', String(s.yearFrom));
  if (s.yearTo !== undefined) out.set('yearTo', String(s.yearTo));
  if (s.sort) out.set('sort', s.sort);
  if (s.page > 1) out.set('page', String(s.page));
  if (s.openEntryId) out.set(ENTRY, s.openEntryId);
  return out.toString();
}

/** Reads a snapshot back; a hand-edited or stale link is checked like any request and reported, not thrown. */
export function decodeSnapshot(value: string): { snapshot: StoreSnapshot; problem?: string } {
  const raw = new URLSearchParams(value);
  const entry = raw.get(ENTRY) ?? undefined;
  raw.delete(ENTRY);
  const parsed = parseSearchParams(raw);
  if (!parsed.ok) {
    return { snapshot: { query: '', filters: {}, page: 1 }, problem: parsed.error.message };
  }
  const p = parsed.params;
  const filters: Filters = p.filters;
  return {
    snapshot: {
      query: p.q,
      filters,
      yearFrom: p.yearFrom,
      yearTo: p.yearTo,
      sort: p.sort,
      page: p.page,
      openEntryId: entry && /^[A-Za-z0-9_-]{1,64}$/.test(entry) ? entry : undefined,
    },
  };
}

/**
 * Mirrors one store into ONE namespaced query parameter of the page URL, leaving every other
 * parameter and the hash alone. Typing replaces the history entry; other changes push one.
 */
export class UrlSync {
  #last = '';
  #unsubscribe?: () => void;
  readonly #onPop = () => this.#read();

  constructor(
    private readonly store: SearchStore,
    readonly param: string,
    private readonly win: Window = window,
  ) {}

  /** Restores from the URL (if the parameter is there) and starts mirroring. Returns true if it restored. */
  start(): boolean {
    const restored = this.#read();
    this.#unsubscribe = this.store.subscribe(() => this.#write());
    this.win.addEventListener('popstate', this.#onPop);
    return restored;
  }

  stop(): void {
    this.#unsubscribe?.();
    this.win.removeEventListener('popstate', this.#onPop);
  }

  /** A link to this page with the given entry open. */
  shareUrl(id: string): string {
    return this.#urlFor(encodeSnapshot({ ...this.store.snapshot(), openEntryId: id }));
  }

  #urlFor(value: string): string {
    const url = new URL(this.win.location.href);
    const params = new URLSearchParams(url.search);
    if (value) params.set(this.param, value);
    else params.delete(this.param);
    url.search = params.toString();
    return url.toString();
  }

  #read(): boolean {
    const value = new URLSearchParams(this.win.location.search).get(this.param);
    if (value === null) {
      if (this.#last) {
        this.#last = '';
        this.store.restore({});
      }
      return false;
    }
    const { snapshot, problem } = decodeSnapshot(value);
    if (problem) console.warn(`wsis-stocktaking: the "${this.param}" link parameter was ignored: ${problem}`);
    this.#last = encodeSnapshot(snapshot);
    this.store.restore(snapshot);
    return true;
  }

  #write(): void {
    const value = encodeSnapshot(this.store.snapshot());
    if (value === this.#last) return;
    const before = new URLSearchParams(this.#last);
    const after = new URLSearchParams(value);
    before.delete('q');
    after.delete('q');
    const typingOnly = before.toString() === after.toString();
    this.#last = value;
    const url = this.#urlFor(value);
    if (typingOnly) this.win.history.replaceState(this.win.history.state, '', url);
    else this.win.history.pushState(this.win.history.state, '', url);
  }
}
