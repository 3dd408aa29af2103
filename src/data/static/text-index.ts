/**
 * Free-text matching with the reference server's rules (src/data/text/query-parts.ts): every
 * query word must match, the last one also as a prefix; an unknown word of 4+ letters is replaced
 * by its nearest indexed words. Our own postings give the exact match set and the ranking tiers;
 * MiniSearch scores within a tier (BM25, field boosts).
 */
import MiniSearch from 'minisearch';
import type { Entry } from '../entry.js';
import type { Correction } from '../query.js';
import { phraseSlots, queryParts, type QueryPart } from '../text/query-parts.js';
import { indexTerms } from '../text/tokenize.js';
import { Vocabulary } from '../typo.js';

const FIELDS = ['title', 'organization', 'description'] as const;
const BOOST = { title: 3, organization: 2, description: 1 };
type Field = (typeof FIELDS)[number];
type Doc = { pos: number } & Pick<Entry, Field>;

/**
 * MiniSearch (pinned at 7.2.0) with the scores of its OR search computed over typed arrays:
 * its own index and statistics, its BM25+ formula and the same floating-point operations in
 * the same order, so the scores are bit for bit those of search(), without the objects it
 * allocates per hit (a short prefix scores thousands of postings on every key).
 */
class ScoredIndex extends MiniSearch<Doc> {
  /** Scratch: one word's score per document, summed field by field as termResults() does. */
  #term = new Float64Array(0);

  /** Each position's score (0: not scored) for the words, each with its weight. */
  scores(words: { term: string; weight: number }[], size: number): Float64Array {
    const total = new Float64Array(size);
    const quality = new Uint16Array(size);
    if (this.#term.length < size) this.#term = new Float64Array(size);
    const term = this.#term;
    const seen = new Set<string>();
    const { k, b, d } = { k: 1.2, b: 0.7, d: 0.5 };
    for (const { term: word, weight } of words) {
      const data = this._index.get(word);
      if (!data) continue;
      const distinct = !seen.has(word);
      seen.add(word);
      const touched: number[] = [];
      for (const field of FIELDS) {
        const fieldId = this._fieldIds[field];
        const freqs = data.get(fieldId);
        if (!freqs) continue;
        const matching = freqs.size;
        const avg = this._avgFieldLength[fieldId];
        const factor = weight * BOOST[field];
        const invDocFreq = Math.log(1 + (this._documentCount - matching + 0.5) / (matching + 0.5));
        for (const [id, tf] of freqs) {
          const length = this._fieldLength.get(id)![fieldId];
          const raw = invDocFreq * (d + (tf * (k + 1)) / (tf + k * (1 - b + (b * length) / avg)));
          const pos = this._documentIds.get(id) as number;
          if (term[pos] === 0) touched.push(pos);
          term[pos] += factor * raw;
        }
      }
      for (const pos of touched) {
        total[pos] += term[pos];
        if (distinct) quality[pos]++;
        term[pos] = 0;
      }
    }
    for (let pos = 0; pos < size; pos++) if (quality[pos] > 1) total[pos] *= quality[pos];
    return total;
  }
}

/** Corrected words count less than typed ones (MiniSearch's own fuzzy weight), so exact hits rank first. */
const FUZZY_WEIGHT = 0.45;
/** MiniSearch's prefix weighting: longer completions of the typed prefix count less. */
const prefixWeight = (term: string, typed: number) =>
  (0.375 * term.length) / (term.length + 0.3 * (term.length - typed));
/**
 * Scoring costs about a microsecond per posting, and a short prefix ("co") or a very common
 * word touches thousands. Words are scored rarest first until this many postings; the rest
 * (the commonest, whose BM25 weight is smallest anyway) still decide the match, unscored.
 */
export const SCORE_BUDGET = 8_000;

/** One query word: the indexed words that satisfy it, each with its weight. */
type Group = { term: string; weight: number }[];
/** A query word as postings: entries holding all `all` terms, or any `any` term. */
type Need = { all: string[]; any: string[] };

/** Entries whose phrase tier is checked, best first by the other tiers. */
export const PHRASE_CHECKS = 100;

export class TextIndex {
  constructor(readonly scoreBudget = SCORE_BUDGET) {}

  /** Entry positions holding each word, ascending (plain arrays while building). */
  #building = new Map<string, number[]>();
  #postings = new Map<string, Int32Array>();
  #titleBuilding = new Map<string, number[]>();
  #titlePostings = new Map<string, Int32Array>();
  #sorted: string[] = [];
  #vocab = new Vocabulary();
  #docTerms?: Set<string>;
  /** The entry being added: each field's index terms, in order. */
  #fieldTerms = new Map<Field, string[]>();
  /** Word numbers, while building. */
  #wordIds = new Map<string, number>();
  /** Each word number's rank in #sorted, where the words of a prefix are a range. */
  #rankOf = new Int32Array(0);
  /**
   * Every entry's fields as word numbers, in order, for the phrase tier without tokenizing
   * again: entry pos holds fields [fieldStarts[3 pos] .. fieldStarts[3 pos + 3]) of `fieldWords`.
   */
  #fieldWords: number[] = [];
  #fieldStarts: number[] = [];
  #size = 0;
  readonly #mini = new ScoredIndex({
    idField: 'pos',
    fields: [...FIELDS],
    storeFields: [],
    tokenize: (text, field) => {
      const terms = indexTerms(text);
      if (this.#docTerms) for (const t of terms) this.#docTerms.add(t);
      this.#fieldTerms.set(field as Field, terms);
      return terms;
    },
    processTerm: (term) => term,
    // Query terms arrive already tokenized and folded.
    searchOptions: { boost: BOOST, tokenize: (term) => [term] },
  });

  add(pos: number, { title, organization, description }: Entry): void {
    this.#docTerms = new Set();
    this.#fieldTerms.clear();
    this.#mini.add({ pos, title, organization, description });
    const words = this.#fieldWords;
    for (let p = this.#fieldStarts.length / 3; p < pos; p++)
      this.#fieldStarts.push(words.length, words.length, words.length);
    for (const field of FIELDS) {
      this.#fieldStarts.push(words.length);
      for (const term of this.#fieldTerms.get(field) ?? []) {
        let id = this.#wordIds.get(term);
        if (id === undefined) this.#wordIds.set(term, (id = this.#wordIds.size));
        words.push(id);
      }
    }
    for (const term of this.#docTerms) {
      const list = this.#building.get(term);
      if (list) list.push(pos);
      else this.#building.set(term, [pos]);
    }
    this.#docTerms = undefined;
    for (const term of new Set(indexTerms(title))) {
      const list = this.#titleBuilding.get(term);
      if (list) list.push(pos);
      else this.#titleBuilding.set(term, [pos]);
    }
    this.#size = Math.max(this.#size, pos + 1);
  }

  /** Call once after the last add(). */
  finish(): void {
    this.#postings = new Map([...this.#building].map(([term, list]) => [term, Int32Array.from(list)]));
    this.#building = new Map();
    this.#titlePostings = new Map([...this.#titleBuilding].map(([term, list]) => [term, Int32Array.from(list)]));
    this.#titleBuilding = new Map();
    this.#sorted = [...this.#postings.keys()].sort();
    this.#rankOf = new Int32Array(this.#wordIds.size);
    this.#sorted.forEach((term, r) => {
      const id = this.#wordIds.get(term);
      if (id !== undefined) this.#rankOf[id] = r;
    });
    this.#fieldStarts.push(this.#fieldWords.length);
    this.#wordIds = new Map();
    this.#vocab = new Vocabulary([...this.#postings].map(([term, list]) => [term, list.length]));
  }

  /** The two-letter prefixes that most words start with, the broadest a visitor can type. */
  broadPrefixes(count: number): string[] {
    const words = new Map<string, number>();
    for (const term of this.#sorted)
      if (term.length > 2) words.set(term.slice(0, 2), (words.get(term.slice(0, 2)) ?? 0) + 1);
    return [...words]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([prefix]) => prefix);
  }

  /** Indexed words starting with `prefix`, in order. */
  completions(prefix: string): string[] {
    const [from, to] = this.#range(prefix);
    return this.#sorted.slice(from, to);
  }

  /** The ranks in #sorted of the words starting with `prefix`: [from, to). */
  #range(prefix: string): [number, number] {
    const words = this.#sorted;
    let lo = 0;
    let hi = words.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (words[mid] < prefix) lo = mid + 1;
      else hi = mid;
    }
    let to = lo;
    while (to < words.length && words[to].startsWith(prefix)) to++;
    return [lo, to];
  }

  /** hasPhrase() over an entry's stored fields: each slot as a range of word ranks. */
  #hasPhrase(pos: number, slots: [number, number][]): boolean {
    const words = this.#fieldWords;
    const rankOf = this.#rankOf;
    for (let f = 3 * pos; f < 3 * pos + 3; f++) {
      const end = this.#fieldStarts[f + 1];
      outer: for (let i = this.#fieldStarts[f]; i + slots.length <= end; i++) {
        for (let k = 0; k < slots.length; k++) {
          const w = rankOf[words[i + k]];
          if (w < slots[k][0] || w >= slots[k][1]) continue outer;
        }
        return true;
      }
    }
    return false;
  }

  /**
   * Matching entry positions, best first: by tier, then score, then `idRank` ascending;
   * undefined when q has no terms.
   */
  match(q: string, idRank: ArrayLike<number>): { positions: number[]; corrections: Correction[] } | undefined {
    const parts = queryParts(q);
    if (!parts.length) return undefined;
    const corrections: Correction[] = [];
    const groups: Group[] = [];
    const needs: Need[] = [];
    const wholes: Need[] = [];
    for (const part of parts) {
      const need = this.#need(part);
      if (need.all.length || need.any.length) {
        needs.push(need);
        wholes.push({ all: part.exact, any: [] });
        groups.push([
          ...need.all.map((term) => ({ term, weight: 1 })),
          ...need.any.map((t) => ({ term: t, weight: prefixWeight(t, part.prefix!.length) })),
        ]);
        continue;
      }
      const near = part.cjk ? [] : this.#vocab.nearest(part.exact[0]);
      if (near.length) corrections.push({ from: part.word, to: near[0].term });
      const terms = near.map((c) => c.term);
      needs.push({ all: [], any: terms });
      wholes.push({ all: [], any: terms });
      groups.push(
        near.map((c) => ({ term: c.term, weight: (FUZZY_WEIGHT * c.term.length) / (c.term.length + c.distance) })),
      );
    }
    const members = this.#members(needs, this.#postings);
    if (!members.length) return { positions: [], corrections };
    const scores = this.#scores(groups);
    // Tiers: every word whole (not only a prefix), then every word in the title; the phrase below.
    const whole = wholes.every((w) => w.all.length || w.any.length) ? this.#memberSet(wholes, this.#postings) : null;
    const inTitle = this.#memberSet(needs, this.#titlePostings);
    const pairs = members.map((pos) => ({
      pos,
      tier: (whole?.has(pos) ? 4 : 0) + (inTitle.has(pos) ? 2 : 0),
      score: scores[pos],
    }));
    const order = (a: (typeof pairs)[number], b: (typeof pairs)[number]) =>
      b.tier - a.tier || b.score - a.score || idRank[a.pos] - idRank[b.pos];
    pairs.sort(order);
    const slots = corrections.length ? [] : phraseSlots(q);
    if (slots.length) {
      const ranges = slots.map((slot) => {
        if (slot.prefix) return this.#range(slot.term);
        const [from, to] = this.#range(slot.term);
        return from < to && this.#sorted[from] === slot.term ? ([from, from + 1] as [number, number]) : [0, 0];
      }) as [number, number][];
      for (const pair of pairs.slice(0, PHRASE_CHECKS)) if (this.#hasPhrase(pair.pos, ranges)) pair.tier += 1;
      pairs.sort(order);
    }
    return { positions: pairs.map((p) => p.pos), corrections };
  }

  /** The indexed terms a query word needs: all of its exact ones, or any completion of its prefix. */
  #need(part: QueryPart): Need {
    const all = part.exact.length && part.exact.every((t) => this.#postings.has(t)) ? part.exact : [];
    const any = part.prefix ? this.completions(part.prefix).filter((t) => !all.includes(t)) : [];
    return { all, any };
  }

  /** Positions meeting every need, ascending. */
  #members(needs: Need[], postings: Map<string, Int32Array>): number[] {
    // seen[pos] = how many needs, in order, pos has met so far.
    const seen = new Uint8Array(this.#size);
    needs.forEach(({ all, any }, round) => {
      const lists = all.map((t) => postings.get(t));
      if (lists.length && lists.every((l) => l)) {
        const hits = new Uint8Array(this.#size);
        for (const list of lists as Int32Array[]) for (const pos of list) hits[pos]++;
        for (const pos of lists[0]!) if (hits[pos] === lists.length && seen[pos] === round) seen[pos] = round + 1;
      }
      for (const term of any)
        for (const pos of postings.get(term) ?? []) if (seen[pos] === round) seen[pos] = round + 1;
    });
    const out: number[] = [];
    for (let pos = 0; pos < seen.length; pos++) if (seen[pos] === needs.length) out.push(pos);
    return out;
  }

  #memberSet(needs: Need[], postings: Map<string, Int32Array>): Set<number> {
    return new Set(this.#members(needs, postings));
  }

  /** MiniSearch scores for the rarest words that fit the budget. */
  #scores(groups: Group[]): Float64Array {
    const candidates = groups
      .flat()
      .sort((a, b) => this.#postings.get(a.term)!.length - this.#postings.get(b.term)!.length);
    const chosen: Group = [];
    let cost = 0;
    for (const c of candidates) {
      cost += this.#postings.get(c.term)!.length;
      if (chosen.length && cost > this.scoreBudget) break;
      chosen.push(c);
    }
    return this.#mini.scores(chosen, this.#size);
  }
}
