/**
 * A text plan (server/text.ts) evaluated over one snapshot's entries: the set it matches, and
 * any page of a subset in relevance order. The order is the one SQLite gave over the FTS5 table:
 * by tier (every part matched by whole terms 4, all of them in the title 2, the words as one
 * phrase 1; src/data/text/query-parts.ts), then `bm25(fts, 10.0, 3.0, 1.0)`, then rowid. BM25 is
 * computed here with FTS5's own formula and operation order (fts5_aux.c), so scores are equal to
 * the last bit, and only for the entries a page needs; the tiers are bit sets.
 */
import { and, andInto, andNot, count, empty, forEach, has, orInto, set, type Bits } from './bitset.js';
import { log } from './log.js';
import { COLUMN_SHIFT, TITLE, lowerBound, type TermIndex, type TermList } from './postings.js';
import type { Phrase, PlanPart, TextPlan } from './text.js';

// FTS5's BM25 parameters, and the column weights of the server's ranking: title, organization, description.
const K1 = 1.2;
const B = 0.75;
const WEIGHTS = [10, 3, 1];

/** Weighted frequency of posting k: FTS5 adds the column's weight for each instance. */
function frequency(list: TermList, k: number): number {
  let f = 0;
  for (let j = list.starts[k]; j < list.starts[k + 1]; j++) f += WEIGHTS[list.positions[j] >>> COLUMN_SHIFT];
  return f;
}

/** Ranks `from` … `to - 1` of `bits` by score (highest first), then position. */
function best(score: Float64Array, bits: Bits, from: number, to: number): number[] {
  const better = (a: number, b: number) => score[a] > score[b] || (score[a] === score[b] && a < b);
  // A heap of the best `to`, worst at the root; positions arrive in ascending order.
  const heap: number[] = [];
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < heap.length && better(heap[worst], heap[l])) worst = l;
      if (r < heap.length && better(heap[worst], heap[r])) worst = r;
      if (worst === i) return;
      [heap[i], heap[worst]] = [heap[worst], heap[i]];
      i = worst;
    }
  };
  forEach(bits, (pos) => {
    if (heap.length < to) {
      heap.push(pos);
      for (let i = heap.length - 1; i > 0;) {
        const parent = (i - 1) >>> 1;
        if (!better(heap[parent], heap[i])) break;
        [heap[i], heap[parent]] = [heap[parent], heap[i]];
        i = parent;
      }
    } else if (better(pos, heap[0])) {
      heap[0] = pos;
      down(0);
    }
  });
  return heap.sort((a, b) => (better(a, b) ? -1 : 1)).slice(from, to);
}

function union(sets: readonly Bits[], size: number): Bits {
  const out = empty(size);
  for (const bits of sets) orInto(out, bits);
  return out;
}

/** A range of one ordered group that a page takes. */
interface Slice {
  bits: Bits;
  from: number;
  to: number;
}

/**
 * Buffers of one engine, reused by its searches (they run one at a time), so a search allocates
 * little: at 100,000 entries each per-entry buffer is 400 or 800 kB. Between searches `score` and
 * `freq` are all 0 and `head` all -1.
 */
export class Scratch {
  readonly score: Float64Array;
  readonly freq: Float64Array;
  /** Per entry, the last of its positions in `at` (linked through `next`). */
  readonly head: Int32Array;
  at = new Int32Array(1024);
  next = new Int32Array(1024);

  constructor(size: number) {
    this.score = new Float64Array(size);
    this.freq = new Float64Array(size);
    this.head = new Int32Array(size).fill(-1);
  }

  /** `at` and `next` with room for at least `n`. */
  room(n: number): void {
    if (n <= this.at.length) return;
    const size = Math.max(n, 2 * this.at.length);
    const [at, next] = [new Int32Array(size), new Int32Array(size)];
    at.set(this.at);
    next.set(this.next);
    [this.at, this.next] = [at, next];
  }
}

/** What the engine needs of a text query: its matches, and a page of a subset of them in relevance order. */
export interface TextMatch {
  readonly bits: Bits;
  top(candidates: Bits, skip: number, take: number): number[];
}

export class TextHit implements TextMatch {
  /** Entries the plan matches. */
  readonly bits: Bits;
  private readonly size: number;
  private readonly phraseBits = new Map<Phrase, { all: Bits; title: Bits }>();

  constructor(
    private readonly index: TermIndex,
    private readonly plan: TextPlan,
    /** Entry position by rowid (-1: not searchable). */
    private readonly positionOf: Int32Array,
    /** Rowid by entry position. */
    private readonly rowidOf: Int32Array,
    private readonly scratch: Scratch,
  ) {
    this.size = rowidOf.length;
    this.bits = this.evaluate(
      plan.parts,
      (part) => part.groups,
      (p) => this.docs(p),
    );
  }

  top(candidates: Bits, skip: number, take: number): number[] {
    const end = skip + take;
    const { parts, slots } = this.plan;
    const whole = parts.every((p) => p.whole)
      ? this.evaluate(
          parts,
          (part) => part.whole!,
          (p) => this.docs(p),
        )
      : undefined;
    const title = this.evaluate(
      parts,
      (part) => part.groups,
      (p) => this.inTitle(p),
    );
    const levels = whole ? [and([candidates, whole], this.size), andNot(candidates, whole)] : [candidates];
    const classes = levels.flatMap((level) => [and([level, title], this.size), andNot(level, title)]);
    // The phrase tier splits each class in two; only the classes the page reaches need it.
    let groups = classes;
    if (slots) {
      const reached = this.window(classes, skip, end).map((s) => s.bits);
      if (reached.length) {
        const phrase = this.phrase(slots, union(reached, this.size));
        groups = classes.flatMap((c) => (reached.includes(c) ? [and([c, phrase], this.size), andNot(c, phrase)] : [c]));
      }
    }
    const slices = this.window(groups, skip, end);
    // Scores only for the groups the page takes from.
    const within = union(
      slices.map((s) => s.bits),
      this.size,
    );
    // The engine's buffers, all zeros between searches: at 100,000 entries each is 800 kB.
    const { score, freq } = this.scratch;
    try {
      this.score(score, freq, within);
      return slices.flatMap((s) => best(score, s.bits, s.from, s.to));
    } finally {
      forEach(within, (pos) => (score[pos] = freq[pos] = 0));
    }
  }

  /** Which ranks of which group the window `skip … end - 1` covers, groups taken one after another. */
  private window(groups: readonly Bits[], skip: number, end: number): Slice[] {
    const out: Slice[] = [];
    let seen = 0;
    for (const bits of groups) {
      if (seen >= end) break;
      const n = count(bits);
      if (seen + n > skip) out.push({ bits, from: Math.max(0, skip - seen), to: Math.min(n, end - seen) });
      seen += n;
    }
    return out;
  }

  /**
   * BM25 by position of the matches in `within` (the others stay 0), as FTS5 computes it
   * (`bm25()` returns minus this): for each phrase of the query in order, its IDF times the
   * saturated weighted frequency, summed in that order (a phrase absent from an entry adds
   * exactly 0).
   */
  scores(within: Bits = this.bits): Float64Array {
    const score = new Float64Array(this.size);
    this.score(score, new Float64Array(this.size), within);
    return score;
  }

  /** Adds the scores of the entries in `within` to `score`; `freq` is all zeros before and after. */
  private score(score: Float64Array, freq: Float64Array, within: Bits): void {
    const { index, positionOf, rowidOf } = this;
    const rows = index.docs;
    const avgdl = index.tokens / rows;
    const saturated = (f: number, rowid: number) =>
      (f * (K1 + 1.0)) / (f + K1 * (1 - B + (B * index.length(rowid)) / avgdl));
    for (const phrase of this.plan.parts.flatMap((p) => p.groups.flat())) {
      const hits = count(this.docs(phrase));
      let idf = log((rows - hits + 0.5) / (hits + 0.5));
      if (idf <= 0) idf = 1e-6;
      if (phrase.terms.length === 1) {
        const list = index.list(phrase.terms[0]);
        for (let k = list.from; k < list.to; k++) {
          const rowid = list.rowids[k];
          const pos = positionOf[rowid];
          if (has(within, pos)) score[pos] += idf * saturated(frequency(list, k), rowid);
        }
        continue;
      }
      // A prefix: the frequencies of all its terms add up first.
      for (const term of phrase.terms) {
        const list = index.list(term);
        for (let k = list.from; k < list.to; k++) {
          const pos = positionOf[list.rowids[k]];
          if (has(within, pos)) freq[pos] += frequency(list, k);
        }
      }
      forEach(and([this.docs(phrase), within], this.size), (pos) => {
        score[pos] += idf * saturated(freq[pos], rowidOf[pos]);
        freq[pos] = 0;
      });
    }
  }

  /** AND over the parts of OR over their groups of AND over the phrases. */
  private evaluate(
    parts: readonly PlanPart[],
    groupsOf: (part: PlanPart) => Phrase[][],
    phraseBits: (p: Phrase) => Bits,
  ): Bits {
    return and(
      parts.map((part) => {
        const out = empty(this.size);
        for (const group of groupsOf(part)) orInto(out, and(group.map(phraseBits), this.size));
        return out;
      }),
      this.size,
    );
  }

  /** Entries holding the phrase. */
  private docs(phrase: Phrase): Bits {
    return this.bitsOf(phrase).all;
  }

  /** Entries holding the phrase in their title. */
  private inTitle(phrase: Phrase): Bits {
    return this.bitsOf(phrase).title;
  }

  /** Both in one pass over the postings (a short prefix has hundreds of thousands). */
  private bitsOf(phrase: Phrase): { all: Bits; title: Bits } {
    let bits = this.phraseBits.get(phrase);
    if (!bits) {
      bits = { all: empty(this.size), title: empty(this.size) };
      for (const term of phrase.terms) {
        const list = this.index.list(term);
        for (let k = list.from; k < list.to; k++) {
          const pos = this.positionOf[list.rowids[k]];
          set(bits.all, pos);
          // Positions are column-major, so the first one tells.
          if (list.positions[list.starts[k]] >>> COLUMN_SHIFT === TITLE) set(bits.title, pos);
        }
      }
      this.phraseBits.set(phrase, bits);
    }
    return bits;
  }

  /** The entries of `within` that hold the slots at consecutive positions of one column. */
  private phrase(slots: readonly Phrase[], within: Bits): Bits {
    const candidates = within.slice();
    for (const slot of slots) andInto(candidates, this.docs(slot));
    // Every slot but the last is one term (FTS5 phrases end in their only prefix); each term's
    // list is walked once, in step with the candidates, which come in rowid order.
    const lists = slots.map((slot) => (slot.terms.length === 1 ? this.index.list(slot.terms[0]) : undefined));
    const last = slots.length - 1;
    try {
      const prefixAt = lists[last] ? undefined : this.positionsIn(slots[last], candidates);
      return this.consecutive(lists, candidates, prefixAt);
    } finally {
      if (!lists[last]) forEach(candidates, (pos) => (this.scratch.head[pos] = -1));
    }
  }

  /** The candidates where the slots' lists (or `prefixAt`, for the last) hold consecutive positions. */
  private consecutive(
    lists: readonly (TermList | undefined)[],
    candidates: Bits,
    prefixAt?: (pos: number, position: number) => boolean,
  ): Bits {
    const out = empty(this.size);
    const cursors = lists.map((list) => list?.from ?? 0);
    const last = lists.length - 1;
    /** Whether slot `i` is at `position` in the entry at `pos`. */
    const holds = (i: number, pos: number, position: number): boolean => {
      const list = lists[i];
      if (!list) return prefixAt!(pos, position);
      const k = cursors[i];
      for (let j = list.starts[k]; j < list.starts[k + 1]; j++) if (list.positions[j] === position) return true;
      return false;
    };
    forEach(candidates, (pos) => {
      const rowid = this.rowidOf[pos];
      for (const [i, list] of lists.entries())
        if (list) cursors[i] = lowerBound(list.rowids, cursors[i], list.to, rowid);
      const first = lists[0]!;
      const k = cursors[0];
      for (let j = first.starts[k]; j < first.starts[k + 1]; j++) {
        const start = first.positions[j];
        let i = 1;
        while (i <= last && holds(i, pos, start + i)) i++;
        if (i > last) {
          set(out, pos);
          return;
        }
      }
    });
    return out;
  }

  /** The positions of a many-term phrase in the entries of `within`, as linked lists per entry. */
  private positionsIn(phrase: Phrase, within: Bits): (pos: number, position: number) => boolean {
    const { scratch } = this;
    const { head } = scratch;
    let n = 0;
    for (const term of phrase.terms) {
      const list = this.index.list(term);
      for (let k = list.from; k < list.to; k++) {
        const pos = this.positionOf[list.rowids[k]];
        if (!has(within, pos)) continue;
        scratch.room(n + list.starts[k + 1] - list.starts[k]);
        for (let j = list.starts[k]; j < list.starts[k + 1]; j++) {
          scratch.at[n] = list.positions[j];
          scratch.next[n] = head[pos];
          head[pos] = n++;
        }
      }
    }
    const { at, next } = scratch;
    return (pos, position) => {
      for (let i = head[pos]; i >= 0; i = next[i]) if (at[i] === position) return true;
      return false;
    };
  }
}
