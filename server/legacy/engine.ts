/** Answers searches: FTS5 for text, in-memory bit sets for filters, facets and sorting. */
import type Database from 'better-sqlite3';
import type { Entry } from '../../src/data/entry.js';
import {
  FILTER_KEYS,
  ORGANIZATION_FACET_LIMIT,
  effectiveSort,
  type FacetName,
  type Facets,
  type FilterKey,
  type SearchParams,
} from '../../src/data/query.js';
import { and, count, countAnd, empty, has, orInto, set, type Bits } from '../bitset.js';
import { buildColumns, type Column, type Columns } from '../columns.js';
import { applyChanges, changedRows, type EngineData } from './incremental.js';
import { loadEntryLinks, setLink, withLink, type EntryLink } from '../links/public.js';
import { Lru, stringBytes } from '../lru.js';
import { TextSearch, type TextPlan } from './text.js';

interface TextHit {
  bits: Bits;
  /** Positions best first; only fetched when relevance is asked for. */
  ranked?: Int32Array;
}

export interface EngineOptions {
  /** Bytes for cached text matches (ranking a broad word costs far more than filtering). */
  cacheBytes?: number;
  /**
   * The engine of an earlier state of the same database and its data version: only rows
   * changed since are loaded, and its typo vocabulary is kept (server/live.ts refreshes it).
   */
  previous?: { engine: SearchEngine; version: number; keepVocabulary: boolean };
}

export class SearchEngine {
  readonly size: number;
  private readonly data: Columns;
  private readonly positionOf: Int32Array;
  private readonly rowidOf: Int32Array;
  readonly text: TextSearch;
  /** What a later engine builds on. */
  readonly loaded: EngineData;
  private readonly jsonByRowid: Database.Statement<[number], string>;
  private readonly byId: Database.Statement<[string], { json: string; revision: number }>;
  private readonly hits: Lru<string, TextHit>;
  /** Link check results, read with each snapshot: a new check shows at the next data change or restart. */
  private readonly links: Map<string, EntryLink>;
  private readonly ids: string[];

  constructor(db: Database.Database, options: EngineOptions = {}) {
    const previous = options.previous;
    // Link results live in their own table; every snapshot reads them afresh.
    this.links = loadEntryLinks(db);
    this.loaded = previous
      ? applyChanges(previous.engine.loaded, changedRows(db, previous.version), this.links)
      : load(db, this.links);
    const rowids = this.loaded.rowids;
    this.ids = this.loaded.entries.map((e) => e.id);
    this.size = rowids.length;
    this.rowidOf = rowids;
    this.positionOf = new Int32Array((rowids.at(-1) ?? 0) + 1).fill(-1);
    rowids.forEach((rowid, i) => (this.positionOf[rowid] = i));
    this.data = this.loaded.columns;
    this.text = new TextSearch(db, previous?.keepVocabulary ? previous.engine.text : undefined);
    this.jsonByRowid = db.prepare('SELECT json FROM entries WHERE rowid = ?').pluck() as never;
    this.byId = db.prepare('SELECT json, revision FROM entries WHERE id = ? AND archived = 0') as never;
    this.hits = new Lru(
      options.cacheBytes ?? 48 * 2 ** 20,
      (hit, match) => stringBytes(match) + hit.bits.byteLength + (hit.ranked?.byteLength ?? 0),
    );
  }

  /** The entry's JSON text (with its link check) and latest revision, or undefined (unknown or archived). */
  entry(id: string): { json: string; revision: number } | undefined {
    const found = this.byId.get(id);
    return found && { json: withLink(found.json, this.links.get(id)), revision: found.revision };
  }

  /** The response body of `GET /entries` as JSON text. */
  search(params: SearchParams): string {
    const plan = params.q ? this.text.plan(params.q) : null;
    let sort = effectiveSort(params);
    if (sort === 'relevance' && !plan) sort = 'newest';
    const hit = plan ? this.textHit(plan, sort === 'relevance') : undefined;

    const groups = new Map<FacetName | FilterKey, Bits>();
    for (const key of FILTER_KEYS) {
      const values = params.filters[key];
      if (values?.length) groups.set(key, this.filterBits(this.data.columns[key], values));
    }
    if (params.yearFrom !== undefined || params.yearTo !== undefined) groups.set('year', this.yearBits(params));
    const base = (except?: FacetName | FilterKey): Bits[] => {
      const sets = hit ? [hit.bits] : [];
      for (const [name, bits] of groups) if (name !== except) sets.push(bits);
      return sets;
    };
    const all = and(base(), this.size);
    const total = count(all);

    const order = sort === 'relevance' ? hit!.ranked! : this.data.orders[sort];
    const items: string[] = [];
    const skip = (params.page - 1) * params.pageSize;
    if (skip < total) {
      let seen = 0;
      for (let k = 0; k < order.length && items.length < params.pageSize; k++) {
        const i = order[k];
        if (has(all, i) && seen++ >= skip)
          items.push(withLink(this.jsonByRowid.get(this.rowidOf[i])!, this.links.get(this.ids[i])));
      }
    }

    const facets = this.facets(params.facets, (name) => (groups.has(name) ? and(base(name), this.size) : all));
    const corrections = plan?.corrections.length ? `,"corrections":${JSON.stringify(plan.corrections)}` : '';
    return `{"total":${total},"page":${params.page},"pageSize":${params.pageSize},"items":[${items.join(',')}],"facets":${JSON.stringify(facets)}${corrections}}`;
  }

  private textHit(plan: TextPlan, ranked: boolean): TextHit {
    // The phrase tier depends on word order, which the match does not.
    const key = `${plan.match}\u0000${plan.tiers.phrase ?? ''}`;
    let hit = this.hits.get(key);
    if (!hit || (ranked && !hit.ranked)) {
      const rowids = this.text.rowids(plan, ranked);
      const bits = empty(this.size);
      const positions = new Int32Array(rowids.length);
      rowids.forEach((rowid, k) => set(bits, (positions[k] = this.positionOf[rowid])));
      hit = { bits, ranked: ranked ? positions : undefined };
      this.hits.set(key, hit);
    }
    return hit;
  }

  /** OR within a group. Unknown values simply match nothing. */
  private filterBits(col: Column, values: readonly string[]): Bits {
    const out = empty(this.size);
    const codes = values.map((v) => col.codeOf.get(v)).filter((c): c is number => c !== undefined);
    if (col.postings) {
      for (const c of codes) orInto(out, col.postings[c]);
      return out;
    }
    const wanted = new Set(codes);
    for (let i = 0; i < this.size; i++) {
      for (let j = col.offsets[i]; j < col.offsets[i + 1]; j++) {
        if (wanted.has(col.codes[j])) {
          set(out, i);
          break;
        }
      }
    }
    return out;
  }

  private yearBits({ yearFrom = -Infinity, yearTo = Infinity }: SearchParams): Bits {
    const out = empty(this.size);
    const years = this.data.startYear;
    for (let i = 0; i < years.length; i++) if (years[i] >= yearFrom && years[i] <= yearTo) set(out, i);
    return out;
  }

  /** Disjunctive counts: each group over the entries passing every other filter. */
  private facets(names: readonly FacetName[], baseFor: (name: FacetName) => Bits): Facets {
    const facets: Facets = {};
    for (const name of names) {
      const col = this.data.columns[name];
      let pairs: [string, number][] = [];
      tally(baseFor(name), col).forEach((n, code) => n && pairs.push([col.labels[code], n]));
      if (name === 'organization') {
        pairs = pairs.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, ORGANIZATION_FACET_LIMIT);
      } else {
        // Code order depends on how the columns grew; key order must depend on the data only.
        pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      }
      facets[name] = Object.fromEntries(pairs);
    }
    return facets;
  }
}

/** Every searchable entry. Archived entries are kept in the table but never searched or served. */
function load(db: Database.Database, links: ReadonlyMap<string, EntryLink>): EngineData {
  const rows = db.prepare('SELECT rowid, meta FROM entries WHERE archived = 0 ORDER BY rowid').raw();
  const entries: Entry[] = [];
  const rowids: number[] = [];
  for (const [rowid, json] of rows.iterate() as Iterable<[number, string]>) {
    rowids.push(rowid);
    const entry = JSON.parse(json) as Entry;
    entries.push(setLink(entry, links.get(entry.id)));
  }
  return { entries, rowids: Int32Array.from(rowids), columns: buildColumns(entries) };
}

/** Value counts of one column over the entries in `bits`, by whichever way is cheaper. */
function tally(bits: Bits, col: Column): Int32Array {
  const counts = new Int32Array(col.labels.length);
  if (col.postings && col.labels.length * bits.length < count(bits) * 4) {
    col.postings.forEach((posting, code) => (counts[code] = countAnd(bits, posting)));
    return counts;
  }
  const { offsets, codes } = col;
  for (let w = 0; w < bits.length; w++) {
    let x = bits[w];
    while (x !== 0) {
      const low = x & -x;
      const i = (w << 5) + 31 - Math.clz32(low);
      x ^= low;
      for (let j = offsets[i], end = offsets[i + 1]; j < end; j++) counts[codes[j]]++;
    }
  }
  return counts;
}
