/** Answers searches from memory: a positional index for text, bit sets for filters, facets and sorting. */
import type Database from 'better-sqlite3';
import type { Entry } from '../src/data/entry.js';
import { FILTER_KEYS, effectiveSort, type FacetName, type FilterKey, type SearchParams } from '../src/data/query.js';
import { and, count, empty, has, orInto, set, type Bits } from './bitset.js';
import { buildColumns, type Column, type Columns } from './columns.js';
import { FacetCounter } from './facets.js';
import { applyChanges, changedRows, kept, type EngineData } from './incremental.js';
import { loadEntryLinks, withLink, type EntryLink } from './links/public.js';
import { TermIndex, docText, type DocText } from './postings.js';
import { Scratch, TextHit, type TextMatch } from './rank.js';
import { TextSearch, type TextPlan } from './text.js';

export interface EngineOptions {
  /**
   * The engine of an earlier state of the same database and its data version: only rows
   * changed since are loaded, and its typo vocabulary is kept (server/live.ts refreshes it).
   * Its connection must still be open: the text it indexed for a changed row is read there.
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
  /** Link check results, read with each snapshot: a new check shows at the next data change or restart. */
  private readonly links: Map<string, EntryLink>;
  private readonly ids: string[];
  private scratch?: Scratch;
  /** What a later engine builds on too. */
  readonly facets: FacetCounter;

  constructor(db: Database.Database, options: EngineOptions = {}) {
    const previous = options.previous;
    // Link results live in their own table; every snapshot reads them afresh.
    this.links = loadEntryLinks(db);
    this.loaded = previous
      ? applyChanges(previous.engine.loaded, changedRows(db, previous.version), this.links, (rowid) =>
          previous.engine.stored(rowid),
        )
      : load(db, this.links);
    const rowids = this.loaded.rowids;
    this.ids = this.loaded.entries.map((e) => e.id);
    this.size = rowids.length;
    this.rowidOf = rowids;
    this.positionOf = new Int32Array((rowids.at(-1) ?? 0) + 1).fill(-1);
    rowids.forEach((rowid, i) => (this.positionOf[rowid] = i));
    this.data = this.loaded.columns;
    this.facets = new FacetCounter(this.data.columns, previous?.engine.facets);
    this.text = new TextSearch(this.loaded.text, previous?.keepVocabulary ? previous.engine.text : undefined);
    this.jsonByRowid = db.prepare('SELECT json FROM entries WHERE rowid = ?').pluck() as never;
    this.byId = db.prepare('SELECT json, revision FROM entries WHERE id = ? AND archived = 0') as never;
  }

  /** The indexed text of a searchable entry as this snapshot holds it (the next snapshot drops it from the index). */
  private stored(rowid: number): DocText {
    return docText(rowid, JSON.parse(this.jsonByRowid.get(rowid)!) as Entry);
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
    const hit = plan ? this.match(plan) : undefined;

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

    const skip = (params.page - 1) * params.pageSize;
    const page =
      skip >= total
        ? []
        : sort === 'relevance'
          ? hit!.top(all, skip, params.pageSize)
          : inOrder(this.data.orders[sort], all, skip, params.pageSize);
    const items = page.map((i) => withLink(this.jsonByRowid.get(this.rowidOf[i])!, this.links.get(this.ids[i])));

    // Disjunctive counts: each group over the entries passing every other filter.
    const facets = this.facets.json(params.facets, (name) => (groups.has(name) ? and(base(name), this.size) : all));
    const corrections = plan?.corrections.length ? `,"corrections":${JSON.stringify(plan.corrections)}` : '';
    return `{"total":${total},"page":${params.page},"pageSize":${params.pageSize},"items":[${items.join(',')}],"facets":${facets}${corrections}}`;
  }

  /** The text query over this snapshot (tests compare it with SQLite's answer over the FTS5 table). */
  protected match(plan: TextPlan): TextMatch {
    this.scratch ??= new Scratch(this.size);
    return new TextHit(this.loaded.text, plan, this.positionOf, this.rowidOf, this.scratch);
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
}

/** Every searchable entry. Archived entries are kept in the table but never searched or served. */
function load(db: Database.Database, links: ReadonlyMap<string, EntryLink>): EngineData {
  const rows = db.prepare('SELECT rowid, json FROM entries WHERE archived = 0 ORDER BY rowid').raw();
  const entries: Entry[] = [];
  const rowids: number[] = [];
  const text = TermIndex.build(
    (function* () {
      for (const [rowid, json] of rows.iterate() as Iterable<[number, string]>) {
        const entry = JSON.parse(json) as Entry;
        yield docText(rowid, entry);
        rowids.push(rowid);
        entries.push(kept(entry, links.get(entry.id)));
      }
    })(),
  );
  return { entries, rowids: Int32Array.from(rowids), columns: buildColumns(entries), text };
}

/** Positions `skip` … `skip + take - 1` of `bits` in a precomputed order. */
function inOrder(order: Int32Array, bits: Bits, skip: number, take: number): number[] {
  const page: number[] = [];
  let seen = 0;
  for (let k = 0; k < order.length && page.length < take; k++)
    if (has(bits, order[k]) && seen++ >= skip) page.push(order[k]);
  return page;
}
