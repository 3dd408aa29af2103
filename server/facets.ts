/**
 * Facet counts of one snapshot, written straight as the JSON text `JSON.stringify` would give
 * for the query model's facet objects (src/data/query.ts): the key orders are computed once per
 * snapshot, so a search only counts.
 */
import { FACET_NAMES, ORGANIZATION_FACET_LIMIT, type FacetName } from '../src/data/query.js';
import { count, countAnd, type Bits } from './bitset.js';
import type { Column, Columns } from './columns.js';

/** `localeCompare` without arguments compares with this collator. */
const collator = new Intl.Collator();

/** A key that a JavaScript object lists first, in numeric order (an array index: "3", "2015"). */
const isIndex = (key: string) => /^(0|[1-9]\d{0,9})$/.test(key) && Number(key) < 2 ** 32 - 1;

/** Object key order: array indexes first by value, then the other keys in the order given. */
function objectOrder(
  labels: readonly string[],
  codes: readonly number[] | Int32Array,
  index = (code: number) => isIndex(labels[code]),
): number[] {
  const all = Array.from(codes);
  const indexes = all.filter(index);
  if (!indexes.length) return all;
  indexes.sort((a, b) => Number(labels[a]) - Number(labels[b]));
  return [...indexes, ...all.filter((c) => !index(c))];
}

/** Codes in label order (string comparison), so key order depends on the data only, not on how the codes grew. */
const byLabel = (labels: readonly string[]) =>
  Int32Array.from(labels.keys()).sort((a, b) => (labels[a] < labels[b] ? -1 : labels[a] > labels[b] ? 1 : 0));

/**
 * Codes in `localeCompare` order, equal names by code: the order in which a stable sort of the
 * codes by name leaves them. New codes (labels only grow) go in after their equals.
 */
function collated(labels: readonly string[], previous?: Int32Array): Int32Array {
  // Many new names (an import): sorting all again is cheaper than inserting each.
  if (!previous || labels.length - previous.length > 256)
    return Int32Array.from(labels.keys()).sort((a, b) => collator.compare(labels[a], labels[b]) || a - b);
  const order = Array.from(previous);
  for (let code = previous.length; code < labels.length; code++) {
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (collator.compare(labels[order[mid]], labels[code]) <= 0) lo = mid + 1;
      else hi = mid;
    }
    order.splice(lo, 0, code);
  }
  return Int32Array.from(order);
}

export class FacetCounter {
  /** Per facet but organization: codes in the order their keys come out. */
  private readonly orders = new Map<FacetName, readonly number[]>();
  /** Each facet's labels as JSON strings, by code. */
  private readonly quoted = new Map<FacetName, string[]>();
  /** Organization codes in name order, each code's place in it, and which names are array indexes. */
  readonly organizations: Int32Array;
  private readonly rank: Int32Array;
  private readonly numeric: Uint8Array;

  constructor(
    private readonly columns: Columns['columns'],
    previous?: FacetCounter,
  ) {
    for (const name of FACET_NAMES) {
      const { labels } = columns[name];
      if (name !== 'organization') this.orders.set(name, objectOrder(labels, byLabel(labels)));
      // Labels only grow: the earlier snapshot's quoted ones are kept.
      const quoted = previous?.quoted.get(name)?.slice() ?? [];
      for (let code = quoted.length; code < labels.length; code++) quoted.push(JSON.stringify(labels[code]));
      this.quoted.set(name, quoted);
    }
    const { labels } = columns.organization;
    this.organizations = collated(labels, previous?.organizations);
    this.rank = new Int32Array(labels.length);
    this.organizations.forEach((code, i) => (this.rank[code] = i));
    this.numeric = Uint8Array.from(labels, (label) => (isIndex(label) ? 1 : 0));
  }

  /** The `facets` object as JSON text: each named facet counted over the entries `baseFor` gives it. */
  json(names: readonly FacetName[], baseFor: (name: FacetName) => Bits): string {
    const parts = names.map((name) => {
      const col = this.columns[name];
      const counts = tally(baseFor(name), col);
      const codes =
        name === 'organization'
          ? objectOrder(col.labels, this.mostCommon(counts, ORGANIZATION_FACET_LIMIT), (c) => this.numeric[c] === 1)
          : this.orders.get(name)!;
      const quoted = this.quoted.get(name)!;
      const pairs: string[] = [];
      for (const code of codes) if (counts[code]) pairs.push(`${quoted[code]}:${counts[code]}`);
      return `${JSON.stringify(name)}:{${pairs.join(',')}}`;
    });
    return `{${parts.join(',')}}`;
  }

  /**
   * Codes of the first `limit` organizations by count, ties by name (`localeCompare`), as the
   * query model orders them; only those that can make the cut are sorted.
   */
  private mostCommon(counts: Int32Array, limit: number): number[] {
    // The limit-th largest count, by counting the counts.
    let max = 0;
    for (let code = 0; code < counts.length; code++) if (counts[code] > max) max = counts[code];
    const histogram = new Int32Array(max + 1);
    for (let code = 0; code < counts.length; code++) histogram[counts[code]]++;
    let least = Math.max(1, max);
    for (let above = histogram[max]; least > 1 && above < limit;) above += histogram[--least];
    // Every count above the least one makes the cut; of those equal to it (often hundreds), the
    // first by name, found by walking the names in order rather than by sorting.
    const codes: number[] = [];
    for (let code = 0; code < counts.length; code++) if (counts[code] > least) codes.push(code);
    const { organizations } = this;
    for (let i = 0; i < organizations.length && codes.length < limit; i++)
      if (counts[organizations[i]] === least) codes.push(organizations[i]);
    const { rank } = this;
    return codes.sort((a, b) => counts[b] - counts[a] || rank[a] - rank[b]);
  }
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
