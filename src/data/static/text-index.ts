/**
 * Free-text matching with the reference server's rules: every term must match (AND), the last
 * one as a prefix; an unknown word of 4+ letters is replaced by its nearest indexed words.
 * Our own postings give the exact match set; MiniSearch scores it (BM25, field boosts).
 */
import MiniSearch from 'minisearch';
import type { Entry } from '../entry.js';
import { tokenize, type Correction } from '../query.js';
import { Vocabulary, fold } from '../typo.js';

const FIELDS = ['title', 'organization', 'description'] as const;
type Doc = { pos: number } & Pick<Entry, (typeof FIELDS)[number]>;

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

/** The shared tokenizer, folded like the server's FTS5 index (remove_diacritics). */
const indexTerms = (text: string) => tokenize(text).map(fold);

export class TextIndex {
  constructor(readonly scoreBudget = SCORE_BUDGET) {}

  /** Entry positions holding each word, ascending (plain arrays while building). */
  #building = new Map<string, number[]>();
  #postings = new Map<string, Int32Array>();
  #sorted: string[] = [];
  #vocab = new Vocabulary();
  #docTerms?: Set<string>;
  #size = 0;
  readonly #mini = new MiniSearch<Doc>({
    idField: 'pos',
    fields: [...FIELDS],
    storeFields: [],
    tokenize: (text) => {
      const terms = indexTerms(text);
      if (this.#docTerms) for (const t of terms) this.#docTerms.add(t);
      return terms;
    },
    processTerm: (term) => term,
    // Query terms arrive already tokenized and folded.
    searchOptions: { boost: { title: 3, organization: 2, description: 1 }, tokenize: (term) => [term] },
  });

  add(pos: number, { title, organization, description }: Entry): void {
    this.#docTerms = new Set();
    this.#mini.add({ pos, title, organization, description });
    for (const term of this.#docTerms) {
      const list = this.#building.get(term);
      if (list) list.push(pos);
      else this.#building.set(term, [pos]);
    }
    this.#docTerms = undefined;
    this.#size = Math.max(this.#size, pos + 1);
  }

  /** Call once after the last add(). */
  finish(): void {
    this.#postings = new Map([...this.#building].map(([term, list]) => [term, Int32Array.from(list)]));
    this.#building = new Map();
    this.#sorted = [...this.#postings.keys()].sort();
    this.#vocab = new Vocabulary([...this.#postings].map(([term, list]) => [term, list.length]));
  }

  /** Indexed words starting with `prefix`, in order. */
  completions(prefix: string): string[] {
    const words = this.#sorted;
    let lo = 0;
    let hi = words.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (words[mid] < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    while (lo < words.length && words[lo].startsWith(prefix)) out.push(words[lo++]);
    return out;
  }

  /** Matching entry positions, best first, ties by `idRank` ascending; undefined when q has no terms. */
  match(q: string, idRank: ArrayLike<number>): { positions: number[]; corrections: Correction[] } | undefined {
    const words = tokenize(q);
    if (!words.length) return undefined;
    const corrections: Correction[] = [];
    const groups: Group[] = [];
    for (const [i, word] of words.entries()) {
      const term = fold(word);
      const completions = i === words.length - 1 ? this.completions(term) : this.#postings.has(term) ? [term] : [];
      if (completions.length) {
        groups.push(completions.map((t) => ({ term: t, weight: t === term ? 1 : prefixWeight(t, term.length) })));
        continue;
      }
      const near = this.#vocab.nearest(term);
      if (near.length) corrections.push({ from: word, to: near[0].term });
      groups.push(
        near.map((c) => ({ term: c.term, weight: (FUZZY_WEIGHT * c.term.length) / (c.term.length + c.distance) })),
      );
    }
    const members = this.#members(groups);
    const scores = this.#scores(groups);
    const pairs = members.map((pos) => ({ pos, score: scores.get(pos) ?? 0 }));
    pairs.sort((a, b) => b.score - a.score || idRank[a.pos] - idRank[b.pos]);
    return { positions: pairs.map((p) => p.pos), corrections };
  }

  /** Positions holding at least one word of every group. */
  #members(groups: Group[]): number[] {
    if (groups.some((g) => !g.length)) return [];
    // seen[pos] = how many groups, in order, pos has matched so far.
    const seen = new Uint8Array(this.#size);
    groups.forEach((group, g) => {
      for (const { term } of group) for (const pos of this.#postings.get(term)!) if (seen[pos] === g) seen[pos] = g + 1;
    });
    const out: number[] = [];
    for (let pos = 0; pos < seen.length; pos++) if (seen[pos] === groups.length) out.push(pos);
    return out;
  }

  /** MiniSearch scores for the rarest words that fit the budget. */
  #scores(groups: Group[]): Map<number, number> {
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
    const results = this.#mini.search({
      combineWith: 'OR',
      queries: chosen.map(({ term, weight }) => ({ queries: [term], boostTerm: () => weight })),
    });
    return new Map(results.map((r) => [r.id as number, r.score]));
  }
}
