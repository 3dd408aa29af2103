/**
 * Reads a query into a plan over the in-memory index (server/postings.ts), with the semantics
 * the FTS5 table always had: the shared tokenizer (src/data/text/) wrote the index terms and
 * reads the query into parts here. Every term is a plain string, so visitor syntax is inert.
 */
import type { Correction } from '../src/data/query.js';
import { phraseSlots, queryParts, type QueryPart } from '../src/data/text/query-parts.js';
import { Vocabulary, maxEdits } from '../src/data/typo.js';
import { MAX_CORRECTED_TERMS } from './limits.js';
import { Lru, stringBytes } from './lru.js';
import type { TermIndex } from './postings.js';

/** One phrase of FTS5's query language: a term, or with `prefix` every term starting with it. */
export interface Phrase {
  text: string;
  prefix: boolean;
  /** The indexed terms it covers (none when no entry holds it). */
  terms: number[];
}

/** A query word: it matches when every phrase of one of its groups does. */
export interface PlanPart {
  groups: Phrase[][];
  /** Its groups of exact terms only; absent when it can match by a prefix alone. */
  whole?: Phrase[][];
}

export interface TextPlan {
  /** Every part must match. */
  parts: PlanPart[];
  /** The phrase tier: these, one position after another; absent below two or with corrections. */
  slots?: Phrase[];
  corrections: Correction[];
}

interface Part extends PlanPart {
  correction?: Correction;
  /** The word is not indexed as written, so it cost (or would cost) a scan of the vocabulary. */
  scanned?: boolean;
}

const weigh = (part: Part, key: string) =>
  stringBytes(key) +
  part.groups.flat().reduce((n, p) => n + stringBytes(p.text) + 8 * p.terms.length, 0) +
  (part.correction ? stringBytes(part.correction.to) : 0);

export class TextSearch {
  private readonly vocabulary: Vocabulary;
  /** Bounded by bytes: a short prefix can expand to a long list of completions. */
  private readonly parts = new Lru<string, Part>(4 * 2 ** 20, weigh);

  /**
   * With `reuse`, its vocabulary is kept instead of gathered again: words saved since are still
   * found, only not yet offered as corrections.
   */
  constructor(
    readonly index: TermIndex,
    reuse?: TextSearch,
  ) {
    this.vocabulary = reuse ? reuse.vocabulary : new Vocabulary(index.vocabulary());
  }

  /**
   * Every query word must match; the last one as a prefix too. A word of 4+ letters the index
   * does not know is replaced by its nearest indexed words, for at most MAX_CORRECTED_TERMS
   * words, since each such scan costs far more than a match. Null when q has no terms.
   */
  plan(q: string): TextPlan | null {
    const read = queryParts(q);
    if (!read.length) return null;
    let scans = 0;
    const parts = read.map((p) => {
      const part = this.part(p, scans < MAX_CORRECTED_TERMS);
      if (part.scanned) scans++;
      return part;
    });
    const corrections = parts.flatMap((p) => (p.correction ? [p.correction] : []));
    const slots = corrections.length ? [] : phraseSlots(q);
    return {
      parts: parts.map(({ groups, whole }) => ({ groups, whole })),
      // FTS5's phrase syntax has a prefix only at its end: a Chinese character inside is a term.
      slots: slots.length ? slots.map((s, i) => this.phrase(s.term, s.prefix && i === slots.length - 1)) : undefined,
      corrections,
    };
  }

  private part(part: QueryPart, correct: boolean): Part {
    const key = (correct ? '~' : '=') + JSON.stringify(part);
    let found = this.parts.get(key);
    if (!found) {
      found = this.expression(part, correct);
      this.parts.set(key, found);
    }
    return found;
  }

  private phrase(text: string, prefix: boolean): Phrase {
    const id = prefix ? undefined : this.index.id(text);
    return { text, prefix, terms: prefix ? this.index.withPrefix(text) : id === undefined ? [] : [id] };
  }

  private expression({ word, exact, prefix, cjk }: QueryPart, correct: boolean): Part {
    const whole = exact.length ? [exact.map((term) => this.phrase(term, false))] : undefined;
    const groups = [...(whole ?? []), ...(prefix ? [[this.phrase(prefix, true)]] : [])];
    // A part outside Chinese has one exact term, so it matches something when one group's phrase does.
    if (cjk || groups.some((g) => g.every((p) => p.terms.length > 0))) return { groups, whole };
    if (maxEdits(exact[0].length) === 0) return { groups, whole };
    const near = correct ? this.vocabulary.nearest(exact[0]) : [];
    if (!near.length) return { groups, whole, scanned: true };
    const corrected = near.map((c) => [this.phrase(c.term, false)]);
    return { groups: corrected, whole: corrected, correction: { from: word, to: near[0].term }, scanned: true };
  }
}
