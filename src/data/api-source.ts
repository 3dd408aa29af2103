import * as v from 'valibot';
import { validateEntry, type Entry } from './entry.js';
import { abortedError, fetchJson, MAX_API_BODY_BYTES, nativeFetch, type FetchJsonOptions } from './fetch-json.js';
import { Lru } from './lru.js';
import { toQueryString, type SearchParams } from './query.js';
import { SourceError, type DataSource, type SourceResponse } from './source.js';

export interface ApiSourceOptions {
  timeoutMs?: number;
  retries?: number;
  cacheSize?: number;
  /** Budget of the answer cache, counted as JSON text length. */
  cacheBytes?: number;
  /** For tests; defaults to the fetch captured at load time. */
  fetch?: typeof fetch;
  baseDelayMs?: number;
  /** A cached answer older than this (ms) is fetched again: the data may have changed since. */
  maxAgeMs?: number;
  /** The clock, for tests. */
  now?: () => number;
}

/** The response header naming the data revision an answer was computed from (docs/api.md). */
export const REVISION_HEADER = 'WSIS-Revision';

/** The revision an answer names, if its server names one. */
function revisionOf(headers: Headers): number | undefined {
  const value = headers.get(REVISION_HEADER)?.trim();
  return value && /^\d{1,15}$/.test(value) ? Number(value) : undefined;
}

interface Cached {
  answer: SourceResponse | Entry;
  at: number;
}

/** Whole and not negative; `v.integer` also refuses the Infinity that `1e999` parses to. */
const count = v.pipe(v.number(), v.integer(), v.minValue(0));

export const DEFAULT_CACHE_BYTES = 8 * 1024 * 1024;

/** What a cached answer weighs, near enough: its JSON text length. */
const jsonLength = (value: Cached) => JSON.stringify(value.answer).length;

const EnvelopeSchema = v.object({
  total: count,
  page: v.pipe(count, v.minValue(1)),
  pageSize: v.pipe(count, v.minValue(1)),
  items: v.array(v.unknown()),
  facets: v.record(v.string(), v.record(v.string(), count)),
  corrections: v.optional(v.array(v.object({ from: v.string(), to: v.string() }))),
});

function invalid(message: string): SourceError {
  return new SourceError('invalid_response', `The API answered outside the contract: ${message}`);
}

/** Keeps the valid items; reports the rest once per response. */
function validItems(raw: unknown[], url: string): { items: Entry[]; dropped: number } {
  const items: Entry[] = [];
  const problems: string[] = [];
  raw.forEach((item, i) => {
    const result = validateEntry(item);
    if (result.ok) items.push(result.entry);
    else
      problems.push(
        `item ${i}${typeof (item as Entry)?.id === 'string' ? ` (${(item as Entry).id})` : ''}: ${result.problems.join('; ')}`,
      );
  });
  if (problems.length)
    console.warn(`[wsis-stocktaking] Dropped ${problems.length} invalid item(s) from ${url}:\n${problems.join('\n')}`);
  return { items, dropped: problems.length };
}

/**
 * The docs/api.md client: CORS-simple GETs with timeout, retries, an LRU cache and validation.
 *
 * The data can change while a page is open, so the cache never serves an answer from before a
 * change it knows of: an answer naming a newer revision empties it, an answer naming an older one
 * (a copy from the browser's HTTP cache) is fetched again past that cache, and an answer older
 * than `maxAgeMs` is fetched again.
 */
export class ApiSource implements DataSource {
  readonly #base: string;
  readonly #http: FetchJsonOptions;
  readonly #cache: Lru<string, Cached>;
  readonly #maxAgeMs: number;
  readonly #now: () => number;
  /** The newest revision any answer has named. */
  #revision = -1;

  constructor(baseUrl: string, options: ApiSourceOptions = {}) {
    this.#base = baseUrl.replace(/\/+$/, '');
    const fetchFn = options.fetch ?? nativeFetch;
    if (!fetchFn) throw new SourceError('network', 'This browser has no fetch()');
    this.#http = {
      fetch: fetchFn,
      timeoutMs: options.timeoutMs ?? 8000,
      retries: options.retries ?? 2,
      baseDelayMs: options.baseDelayMs ?? 300,
      maxBytes: MAX_API_BODY_BYTES,
    };
    this.#cache = new Lru<string, Cached>(
      options.cacheSize ?? 50,
      options.cacheBytes ?? DEFAULT_CACHE_BYTES,
      jsonLength,
    );
    this.#maxAgeMs = options.maxAgeMs ?? 60_000;
    this.#now = options.now ?? Date.now;
  }

  #cached(url: string): SourceResponse | Entry | undefined {
    const hit = this.#cache.get(url);
    return hit && this.#now() - hit.at < this.#maxAgeMs ? hit.answer : undefined;
  }

  /**
   * The body of a GET, and whether it may be cached: it names no revision older than one seen.
   * An older one is asked for once more past the HTTP cache; should it still be older (a lagging
   * copy of the data), it is shown but not kept.
   */
  async #get(url: string, signal: AbortSignal): Promise<{ body: unknown; current: boolean }> {
    let revision: number | undefined;
    const onHeaders = (headers: Headers) => void (revision = revisionOf(headers));
    let body = await fetchJson(url, signal, { ...this.#http, onHeaders });
    if (revision !== undefined && revision < this.#revision)
      body = await fetchJson(url, signal, { ...this.#http, onHeaders, cache: 'no-cache' });
    if (revision !== undefined && revision > this.#revision) {
      this.#cache.clear();
      this.#revision = revision;
    }
    return { body, current: revision === undefined || revision >= this.#revision };
  }

  /** How much the answer cache holds, as JSON text length. */
  get cacheBytes(): number {
    return this.#cache.bytes;
  }

  async search(params: SearchParams, signal: AbortSignal): Promise<SourceResponse> {
    const query = toQueryString(params);
    const url = `${this.#base}/entries${query ? `?${query}` : ''}`;
    const cached = this.#cached(url);
    if (cached) return cached as SourceResponse;
    const { body, current } = await this.#get(url, signal);
    const parsed = v.safeParse(EnvelopeSchema, body);
    if (!parsed.success) {
      const issue = parsed.issues[0];
      throw invalid(`${v.getDotPath(issue) ?? 'body'}: ${issue.message}`);
    }
    // A page never holds more than was asked for: extra items are not shown, validated or kept.
    const raw = parsed.output.items;
    if (raw.length > params.pageSize) {
      console.warn(
        `[wsis-stocktaking] ${url} answered ${raw.length} items for a page of ${params.pageSize}; the extra ones were left out.`,
      );
    }
    const { items, dropped } = validItems(raw.slice(0, params.pageSize), url);
    const response: SourceResponse = { ...parsed.output, items, dropped };
    if (!response.corrections) delete response.corrections;
    if (current) this.#cache.set(url, { answer: response, at: this.#now() });
    // Rendered in a task after the one that read and checked it: the two together could hold the page over 50 ms.
    await new Promise((resolve) => setTimeout(resolve));
    if (signal.aborted) throw abortedError();
    return response;
  }

  async getEntry(id: string, signal: AbortSignal): Promise<Entry> {
    const url = `${this.#base}/entries/${encodeURIComponent(id)}`;
    const cached = this.#cached(url);
    if (cached) return cached as Entry;
    let got: { body: unknown; current: boolean };
    try {
      got = await this.#get(url, signal);
    } catch (error) {
      if (error instanceof SourceError && error.code === 'not_found') {
        throw new SourceError('not_found', `No entry has the id "${id}"`, 404);
      }
      throw error;
    }
    const result = validateEntry(got.body);
    if (!result.ok) throw invalid(result.problems.join('; '));
    if (got.current) this.#cache.set(url, { answer: result.entry, at: this.#now() });
    return result.entry;
  }

  dispose(): void {
    this.#cache.clear();
  }
}
