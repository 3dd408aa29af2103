/**
 * Every entry's search text as an in-memory positional index: for each term, the entries that
 * hold it (rowids ascending) and where (column and offset). It holds what the FTS5 table holds,
 * the shared tokenizer's terms of title, organization and description, so matches and BM25
 * scores computed from it are SQLite's own (server/rank.ts) without SQLite's cost of scoring
 * every match through its auxiliary-function API.
 *
 * A snapshot's index never changes: the next one (`next`) shares every term list that the
 * changed entries do not touch, and copies only the touched ones.
 */
import { indexTerms } from '../src/data/text/tokenize.js';

/** A position is `column << COLUMN_SHIFT | offset`; columns in FTS5 order: title, organization, description. */
export const COLUMN_SHIFT = 28;
export const TITLE = 0;

/** The indexed fields of one entry. */
export interface DocText {
  rowid: number;
  title: string;
  organization: string;
  description: string;
}

/** The fields of an entry the index holds. */
export const docText = (
  rowid: number,
  { title, organization, description }: Pick<DocText, 'title' | 'organization' | 'description'>,
): DocText => ({ rowid, title, organization, description });

/**
 * One term's postings k = from … to-1: `rowids[k]` ascending, and its positions
 * `positions[starts[k]] … positions[starts[k + 1] - 1]`, ascending.
 */
export interface TermList {
  rowids: Int32Array;
  starts: Uint32Array;
  positions: Int32Array;
  from: number;
  to: number;
}

const EMPTY: TermList = {
  rowids: new Int32Array(0),
  starts: new Uint32Array(1),
  positions: new Int32Array(0),
  from: 0,
  to: 0,
};

/** Term names by id, shared by the snapshots of one database: ids are only ever added. */
class Dictionary {
  readonly ids = new Map<string, number>();
  readonly names: string[] = [];

  id(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.names.push(term) - 1;
      this.ids.set(term, id);
    }
    return id;
  }
}

/** All term lists laid out one after another, by term id (ids below `terms`). */
interface Packed {
  terms: number;
  termStarts: Uint32Array;
  rowids: Int32Array;
  starts: Uint32Array;
  positions: Int32Array;
}

/** A growable list of 32-bit integers. */
class Ints {
  data: Int32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }

  push(x: number): void {
    if (this.length === this.data.length) this.grow(this.length + 1);
    this.data[this.length++] = x;
  }

  /** At least `size` long, zeros added. */
  ensure(size: number): void {
    if (size > this.data.length) this.grow(size);
    if (size > this.length) this.length = size;
  }

  private grow(size: number): void {
    const bigger = new Int32Array(Math.max(size, this.data.length * 2));
    bigger.set(this.data);
    this.data = bigger;
  }
}

const FIELDS = ['title', 'organization', 'description'] as const;

/** Appends the term id of each token of a document to `out`, field after field; returns each field's token count. */
function tokens(dict: Dictionary, doc: DocText, out: Ints): [number, number, number] {
  const counts: [number, number, number] = [0, 0, 0];
  for (let column = 0; column < FIELDS.length; column++) {
    const terms = indexTerms(doc[FIELDS[column]]);
    for (const term of terms) out.push(dict.id(term));
    counts[column] = terms.length;
  }
  return counts;
}

/** Calls `fn` with each token's term id and position, `terms` as `tokens` wrote them for one document. */
function eachToken(
  terms: Int32Array,
  from: number,
  counts: ArrayLike<number>,
  fn: (term: number, position: number) => void,
): void {
  let k = from;
  for (let column = 0; column < counts.length; column++)
    for (let offset = 0; offset < counts[column]; offset++) fn(terms[k++], (column << COLUMN_SHIFT) | offset);
}

/** Lays out `count(t)` postings per term, filled by `fill`, which calls `add` for each posting in term order. */
function pack(
  terms: number,
  postingCounts: ArrayLike<number>,
  instanceCounts: ArrayLike<number>,
): Packed & { postingAt: Uint32Array; instanceAt: Uint32Array } {
  const termStarts = new Uint32Array(terms + 1);
  const postingAt = new Uint32Array(terms);
  const instanceAt = new Uint32Array(terms);
  let postings = 0;
  let instances = 0;
  for (let t = 0; t < terms; t++) {
    termStarts[t] = postingAt[t] = postings;
    instanceAt[t] = instances;
    postings += postingCounts[t] ?? 0;
    instances += instanceCounts[t] ?? 0;
  }
  termStarts[terms] = postings;
  const starts = new Uint32Array(postings + 1);
  starts[postings] = instances;
  return {
    terms,
    termStarts,
    rowids: new Int32Array(postings),
    starts,
    positions: new Int32Array(instances),
    postingAt,
    instanceAt,
  };
}

export class TermIndex {
  /** Documents indexed (FTS5's row count). */
  readonly docs: number;
  /** Tokens in all of them (FTS5's total size). */
  readonly tokens: number;

  private constructor(
    private readonly dict: Dictionary,
    private readonly packed: Packed,
    /** Lists that changed since `packed` was laid out. */
    private readonly changed: ReadonlyMap<number, TermList>,
    /** Term ids by name; prefixes are runs of it. */
    private readonly sorted: Int32Array,
    /** Tokens per document, by rowid. */
    private readonly lengths: Int32Array,
    docs: number,
    tokens: number,
  ) {
    this.docs = docs;
    this.tokens = tokens;
  }

  /** The index of `docs`, which must come in ascending rowid order. */
  static build(docs: Iterable<DocText>): TermIndex {
    const dict = new Dictionary();
    // First pass: every token as its term id, each field's token count, and each term's list size.
    const all = new Ints(1 << 20);
    const rowids = new Ints();
    const fieldCounts = new Ints();
    const postingCounts = new Ints();
    const lastDoc = new Ints();
    const lengthByRowid = new Ints();
    let tokenTotal = 0;
    for (const doc of docs) {
      const d = rowids.length + 1; // lastDoc starts at 0
      const start = all.length;
      const counts = tokens(dict, doc, all);
      postingCounts.ensure(dict.names.length);
      lastDoc.ensure(dict.names.length);
      const [tokenTerms, last, postings] = [all.data, lastDoc.data, postingCounts.data];
      for (let k = start; k < all.length; k++) {
        const term = tokenTerms[k];
        if (last[term] !== d) {
          last[term] = d;
          postings[term]++;
        }
      }
      rowids.push(doc.rowid);
      for (const n of counts) fieldCounts.push(n);
      const length = all.length - start;
      lengthByRowid.ensure(doc.rowid + 1);
      lengthByRowid.data[doc.rowid] = length;
      tokenTotal += length;
    }
    const terms = dict.names.length;
    const instanceCounts = new Int32Array(terms);
    for (let k = 0; k < all.length; k++) instanceCounts[all.data[k]]++;
    // Second pass: each token to its term's list. Documents come in rowid order and tokens in
    // position order, so every list comes out sorted.
    const packed = pack(terms, postingCounts.data, instanceCounts);
    const seen = new Int32Array(terms).fill(-1);
    const { postingAt, instanceAt, rowids: postingRowids, starts, positions } = packed;
    const tokenTerms = all.data;
    const sizes = fieldCounts.data;
    let k = 0;
    for (let d = 0; d < rowids.length; d++) {
      const rowid = rowids.data[d];
      for (let column = 0; column < 3; column++) {
        for (let offset = 0, n = sizes[3 * d + column]; offset < n; offset++) {
          const term = tokenTerms[k++];
          if (seen[term] !== d) {
            seen[term] = d;
            const p = postingAt[term]++;
            postingRowids[p] = rowid;
            starts[p] = instanceAt[term];
          }
          positions[instanceAt[term]++] = (column << COLUMN_SHIFT) | offset;
        }
      }
    }
    return new TermIndex(
      dict,
      packed,
      new Map(),
      sortByName(dict.names, Int32Array.from(dict.names.keys())),
      lengthByRowid.data.slice(0, lengthByRowid.length),
      rowids.length,
      tokenTotal,
    );
  }

  /** The id of a term some document holds. */
  id(term: string): number | undefined {
    const id = this.dict.ids.get(term);
    return id !== undefined && this.count(id) > 0 ? id : undefined;
  }

  /** Ids of the terms some document holds that start with `prefix`, in name order. */
  withPrefix(prefix: string): number[] {
    const { sorted } = this;
    const names = this.dict.names;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (names[sorted[mid]] < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let i = lo; i < sorted.length && names[sorted[i]].startsWith(prefix); i++)
      if (this.count(sorted[i]) > 0) out.push(sorted[i]);
    return out;
  }

  /** Every term some document holds, with how many do (the typo vocabulary). */
  *vocabulary(): Generator<[string, number]> {
    for (const id of this.sorted) {
      const n = this.count(id);
      if (n > 0) yield [this.dict.names[id], n];
    }
  }

  list(id: number): TermList {
    const changed = this.changed.get(id);
    if (changed) return changed;
    const p = this.packed;
    if (id >= p.terms) return EMPTY;
    return {
      rowids: p.rowids,
      starts: p.starts,
      positions: p.positions,
      from: p.termStarts[id],
      to: p.termStarts[id + 1],
    };
  }

  /** Documents holding the term. */
  count(id: number): number {
    const list = this.list(id);
    return list.to - list.from;
  }

  /** Tokens of one document (FTS5's row size). */
  length(rowid: number): number {
    return this.lengths[rowid] ?? 0;
  }

  /**
   * The index after `removed` left it and `added` came in (an update is both, with the same rowid).
   * Only the lists of the terms they hold are rebuilt; past `repackAbove` copied lists, all are
   * laid out afresh.
   */
  next(
    removed: readonly DocText[],
    added: readonly DocText[],
    repackAbove = Math.max(16384, this.packed.terms >>> 2),
  ): TermIndex {
    const dict = this.dict;
    const dropped = new Map<number, Set<number>>();
    let tokenTotal = this.tokens;
    const scratch = new Ints();
    for (const doc of removed) {
      tokenTotal -= this.length(doc.rowid);
      scratch.length = 0;
      tokens(dict, doc, scratch);
      for (let k = 0; k < scratch.length; k++) {
        let rowids = dropped.get(scratch.data[k]);
        if (!rowids) dropped.set(scratch.data[k], (rowids = new Set()));
        rowids.add(doc.rowid);
      }
    }
    const lengths = new Int32Array(added.reduce((n, d) => Math.max(n, d.rowid + 1), this.lengths.length));
    lengths.set(this.lengths);
    for (const doc of removed) lengths[doc.rowid] = 0;
    /** Per term, the new postings in rowid order: rowid and positions. */
    const fresh = new Map<number, { rowid: number; positions: number[] }[]>();
    for (const doc of [...added].sort((a, b) => a.rowid - b.rowid)) {
      scratch.length = 0;
      // Tokens first: they may grow the buffer.
      const counts = tokens(dict, doc, scratch);
      eachToken(scratch.data, 0, counts, (term, position) => {
        let list = fresh.get(term);
        if (!list) fresh.set(term, (list = []));
        const last = list[list.length - 1];
        if (last?.rowid === doc.rowid) last.positions.push(position);
        else list.push({ rowid: doc.rowid, positions: [position] });
      });
      lengths[doc.rowid] = scratch.length;
      tokenTotal += scratch.length;
    }
    const changed = new Map(this.changed);
    for (const term of new Set([...dropped.keys(), ...fresh.keys()]))
      changed.set(term, merge(this.list(term), dropped.get(term), fresh.get(term) ?? []));
    // Ids beyond `sorted` are new (here or in a build that failed).
    const known = this.sorted.length;
    const sorted =
      dict.names.length > known
        ? mergeSorted(dict.names, this.sorted, sortByName(dict.names, range(known, dict.names.length)))
        : this.sorted;
    const docs = this.docs - removed.length + added.length;
    // The map of copied lists is copied at each update: once it is large, lay everything out afresh.
    const packed = changed.size > repackAbove ? this.repack(changed) : undefined;
    return new TermIndex(dict, packed ?? this.packed, packed ? new Map() : changed, sorted, lengths, docs, tokenTotal);
  }

  private repack(changed: ReadonlyMap<number, TermList>): Packed {
    const terms = this.dict.names.length;
    const listOf = (id: number) => changed.get(id) ?? this.list(id);
    const postingCounts = new Uint32Array(terms);
    const instanceCounts = new Uint32Array(terms);
    for (let t = 0; t < terms; t++) {
      const l = listOf(t);
      postingCounts[t] = l.to - l.from;
      instanceCounts[t] = l.starts[l.to] - l.starts[l.from];
    }
    const packed = pack(terms, postingCounts, instanceCounts);
    for (let t = 0; t < terms; t++) {
      const l = listOf(t);
      const at = packed.termStarts[t];
      const shift = packed.instanceAt[t] - l.starts[l.from];
      packed.rowids.set(l.rowids.subarray(l.from, l.to), at);
      for (let k = l.from; k < l.to; k++) packed.starts[at + k - l.from] = l.starts[k] + shift;
      packed.positions.set(l.positions.subarray(l.starts[l.from], l.starts[l.to]), packed.instanceAt[t]);
    }
    return packed;
  }
}

/** First index in `rowids[from … to)` whose rowid is at least `rowid`. */
export function lowerBound(rowids: Int32Array, from: number, to: number, rowid: number): number {
  while (from < to) {
    const mid = (from + to) >>> 1;
    if (rowids[mid] < rowid) from = mid + 1;
    else to = mid;
  }
  return from;
}

/**
 * `old` without the postings of `drop`, with `add` (ascending rowids) merged in. The untouched
 * runs between changed rowids are copied whole: a common term has thousands of postings.
 */
function merge(
  old: TermList,
  drop: ReadonlySet<number> | undefined,
  add: readonly { rowid: number; positions: number[] }[],
): TermList {
  const events = [...new Set([...(drop ?? []), ...add.map((a) => a.rowid)])].sort((a, b) => a - b);
  const adding = new Map(add.map((a) => [a.rowid, a.positions]));
  let postings = old.to - old.from + add.length;
  let instances = old.starts[old.to] - old.starts[old.from] + add.reduce((n, a) => n + a.positions.length, 0);
  for (const rowid of drop ?? []) {
    const k = lowerBound(old.rowids, old.from, old.to, rowid);
    if (k < old.to && old.rowids[k] === rowid) {
      postings--;
      instances -= old.starts[k + 1] - old.starts[k];
    }
  }
  const rowids = new Int32Array(postings);
  const starts = new Uint32Array(postings + 1);
  const positions = new Int32Array(instances);
  let n = 0;
  let i = 0;
  let k = old.from;
  const copyTo = (end: number) => {
    rowids.set(old.rowids.subarray(k, end), n);
    const shift = i - old.starts[k];
    for (let j = k; j < end; j++) starts[n++] = old.starts[j] + shift;
    positions.set(old.positions.subarray(old.starts[k], old.starts[end]), i);
    i += old.starts[end] - old.starts[k];
    k = end;
  };
  for (const rowid of events) {
    copyTo(lowerBound(old.rowids, k, old.to, rowid));
    if (k < old.to && old.rowids[k] === rowid) {
      // In the old list: dropped (an update drops and adds the same rowid).
      if (drop?.has(rowid)) k++;
      else copyTo(k + 1);
    }
    const fresh = adding.get(rowid);
    if (fresh) {
      rowids[n] = rowid;
      starts[n++] = i;
      positions.set(fresh, i);
      i += fresh.length;
    }
  }
  copyTo(old.to);
  starts[n] = i;
  return { rowids, starts, positions, from: 0, to: n };
}

const range = (from: number, to: number) => Int32Array.from({ length: to - from }, (_, i) => from + i);

const byName = (names: readonly string[]) => (a: number, b: number) =>
  names[a] < names[b] ? -1 : names[a] > names[b] ? 1 : 0;

function sortByName(names: readonly string[], ids: Int32Array): Int32Array {
  return ids.sort(byName(names));
}

function mergeSorted(names: readonly string[], a: Int32Array, b: Int32Array): Int32Array {
  const cmp = byName(names);
  const out = new Int32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length || j < b.length)
    out[n++] = j >= b.length || (i < a.length && cmp(a[i], b[j]) <= 0) ? a[i++] : b[j++];
  return out;
}
