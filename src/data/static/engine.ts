/**
 * Static mode's search engine: validates a data file, indexes it with MiniSearch and answers
 * docs/api.md searches with the server's rules. Pure (no DOM), so it runs in the worker,
 * on the main thread, in node tests and in the bench.
 */
import { validateEntry, type Entry } from '../entry.js';
import { FACET_NAMES, effectiveSort, toQueryString, tokenize, type SearchParams, type Sort } from '../query.js';
import { compareEntries, matchesAll, parseSearchParams } from '../evaluate.js';
import { SourceError, type SourceResponse } from '../source.js';
import { FacetCounter } from './facets.js';
import { TextIndex } from './text-index.js';

export interface BuildOptions {
  /** Work at most this long before calling `pause` (main thread: well under 50 ms). */
  sliceMs?: number;
  /** Lets other tasks run between slices. */
  pause?: () => Promise<void>;
  /** See SCORE_BUDGET. */
  scoreBudget?: number;
}

/** Runs `step` over 0..count-1, pausing whenever a time slice is used up. */
async function sliced(count: number, options: BuildOptions, step: (i: number) => void): Promise<void> {
  const { pause, sliceMs = 25 } = options;
  let deadline = performance.now() + sliceMs;
  for (let i = 0; i < count; i++) {
    if (pause && performance.now() > deadline) {
      await pause();
      deadline = performance.now() + sliceMs;
    }
    step(i);
  }
}

/** Whether any filter or year bound applies: without one, every text match is in the answer. */
const filtered = (params: SearchParams) =>
  params.yearFrom !== undefined || params.yearTo !== undefined || Object.values(params.filters).some((v) => v);

/** Accepts `[entry, ...]` or `{ entries: [...] }`, per docs/api.md static mode. */
export function entriesOf(data: unknown): unknown[] {
  if (Array.isArray(data)) return data;
  const entries = (data as { entries?: unknown } | null)?.entries;
  if (Array.isArray(entries)) return entries;
  throw new SourceError(
    'invalid_response',
    'The data file must be an array of entries or an object with an "entries" array',
  );
}

export class StaticEngine {
  readonly entries: Entry[] = [];
  dropped = 0;
  readonly #byId = new Map<string, Entry>();
  readonly #orders = new Map<Sort, Int32Array>();
  readonly #counter = new FacetCounter();
  #ranks?: Int32Array;
  readonly #text: TextIndex;
  #indexed = false;

  private constructor(options: BuildOptions) {
    this.#text = new TextIndex(options.scoreBudget);
  }

  /** Validates and indexes; invalid or duplicate entries are dropped and counted. */
  static async build(data: unknown, options: BuildOptions = {}): Promise<StaticEngine> {
    const engine = await StaticEngine.prepare(data, options);
    await engine.index(options);
    return engine;
  }

  /** Validation only: enough to answer searches without text while the index builds. */
  static async prepare(data: unknown, options: BuildOptions = {}): Promise<StaticEngine> {
    const engine = new StaticEngine(options);
    const raw = entriesOf(data);
    const problems: string[] = [];
    await sliced(raw.length, options, (i) => {
      const result = validateEntry(raw[i]);
      if (!result.ok) problems.push(`entry ${i}: ${result.problems.join('; ')}`);
      else if (engine.#byId.has(result.entry.id)) problems.push(`entry ${i}: id "${result.entry.id}" is a duplicate`);
      else {
        engine.#byId.set(result.entry.id, result.entry);
        engine.entries.push(result.entry);
        engine.#counter.add(result.entry);
      }
    });
    await options.pause?.();
    engine.#counter.finish();
    await options.pause?.();
    engine.dropped = problems.length;
    engine.#order('newest');
    if (problems.length) {
      const shown = problems.slice(0, 20).join('\n');
      console.warn(
        `[wsis-stocktaking] Dropped ${problems.length} invalid entr${problems.length === 1 ? 'y' : 'ies'} from the data file:\n${shown}`,
      );
    }
    return engine;
  }

  get indexed(): boolean {
    return this.#indexed;
  }

  /** Builds the text index; call once, after prepare(). */
  async index(options: BuildOptions = {}): Promise<void> {
    await sliced(this.entries.length, options, (i) => this.#text.add(i, this.entries[i]));
    await options.pause?.();
    this.#text.finish();
    await options.pause?.();
    this.#idRank();
    this.#indexed = true;
    // Broad prefixes through every step, so the first keys typed do not also pay for compiling
    // them: cold, a two-letter prefix costs several times its warm time.
    for (const q of this.#text.broadPrefixes(2)) {
      await options.pause?.();
      this.search({ q, filters: {}, page: 1, pageSize: 20, facets: [...FACET_NAMES] });
    }
  }

  getEntry(id: string): Entry | undefined {
    return this.#byId.get(id);
  }

  /** Answers like `GET /entries` would, including its parameter validation. */
  search(input: SearchParams): SourceResponse {
    const parsed = parseSearchParams(new URLSearchParams(toQueryString(input)));
    if (!parsed.ok) throw new SourceError('invalid_parameter', parsed.error.message, 400);
    const params = parsed.params;
    if (tokenize(params.q).length && !this.#indexed)
      throw new SourceError('invalid_response', 'The search index is still being built');
    const text = this.#text.match(params.q, this.#idRank());
    const facets = this.#counter.count(this.entries, text?.positions ?? this.#order('newest'), params);
    const sort = effectiveSort(params);
    let order: ArrayLike<number>;
    if (text && sort === 'relevance') order = text.positions;
    else if (text) {
      const hit = new Uint8Array(this.entries.length);
      for (const i of text.positions) hit[i] = 1;
      order = this.#order(sort as Exclude<Sort, 'relevance'>).filter((i) => hit[i]);
    } else order = this.#order(sort as Exclude<Sort, 'relevance'>);
    const start = (params.page - 1) * params.pageSize;
    const items: Entry[] = [];
    let total = 0;
    if (!filtered(params)) {
      total = order.length;
      for (let k = start; k < Math.min(total, start + params.pageSize); k++) items.push(this.entries[order[k]]);
    } else
      for (let k = 0; k < order.length; k++) {
        const entry = this.entries[order[k]];
        if (!matchesAll(entry, params)) continue;
        if (total >= start && items.length < params.pageSize) items.push(entry);
        total++;
      }
    const response: SourceResponse = {
      total,
      page: params.page,
      pageSize: params.pageSize,
      items,
      facets,
      dropped: this.dropped,
    };
    if (text?.corrections.length) response.corrections = text.corrections;
    return response;
  }

  /** Each position's rank in id order, for relevance ties. */
  #idRank(): Int32Array {
    if (!this.#ranks) {
      const byId = Int32Array.from(this.entries.keys()).sort((a, b) =>
        this.entries[a].id < this.entries[b].id ? -1 : 1,
      );
      this.#ranks = new Int32Array(byId.length);
      byId.forEach((pos, rank) => (this.#ranks![pos] = rank));
    }
    return this.#ranks;
  }

  /** Entry positions in a sort order, computed once per sort. */
  #order(sort: Exclude<Sort, 'relevance'>): Int32Array {
    let order = this.#orders.get(sort);
    if (!order) {
      const compare = compareEntries(sort);
      const positions = Int32Array.from(this.entries.keys());
      this.#orders.set(sort, (order = positions.sort((a, b) => compare(this.entries[a], this.entries[b]))));
    }
    return order;
  }
}
