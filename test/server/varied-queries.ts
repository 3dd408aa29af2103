/**
 * Varied search queries drawn from the entries themselves: words, prefixes, phrases, typos, other
 * scripts and hostile syntax, with filters, paging and sorts. Seeded, so every run asks the same.
 */
import { Rng } from '../../scripts/sample/prng.js';
import type { Entry } from '../../src/data/entry.js';
import { FACET_NAMES } from '../../src/data/query.js';

const FILTERS = [
  'region=africa',
  'region=europe&region=asia_pacific',
  'sdg=3',
  'sdg=4,5',
  'actionLine=C7',
  'actionLine=C7.e-health',
  'actionLine=C2&actionLine=C3',
  'country=KE',
  'country=INTL',
  'status=ongoing',
  'entityType=government&status=completed',
  'yearFrom=2015',
  'yearFrom=2008&yearTo=2016',
  'prize=any',
  'link=broken,ok',
];
const SORTS = ['', '', '', '', 'sort=relevance', 'sort=newest', 'sort=oldest', 'sort=title'];
const PAGE_SIZES = [1, 5, 10, 20, 20, 20, 50, 100];
const HOSTILE = ['"health" OR water*', 'NEAR(health data)', 'health AND NOT data', '(digital', 'e-*', "'; DROP"];

export function variedQueries(entries: readonly Entry[], count: number, seed: number): string[] {
  const rng = new Rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rng.next() * list.length)];
  const wordsOf = (e: Entry) =>
    `${e.title} ${e.organization} ${e.description}`.split(/[\s,.;:()!?"«»،。，、]+/).filter((w) => w.length > 1);
  const other = entries.filter((e) => /[^\0-\u024f]/.test(e.title));
  const word = (from = pick(entries)) => pick(wordsOf(from));
  const typo = (w: string) => {
    const i = 1 + Math.floor(rng.next() * (w.length - 2));
    const r = rng.next();
    return r < 0.33
      ? w.slice(0, i) + w.slice(i + 1)
      : r < 0.66
        ? w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2)
        : w.slice(0, i) + 'x' + w.slice(i);
  };
  const texts: (() => string)[] = [
    () => word(),
    () => word().slice(0, 2 + Math.floor(rng.next() * 3)),
    () => {
      // Consecutive words: the phrase tier.
      const words = wordsOf(pick(entries));
      const at = Math.floor(rng.next() * (words.length - 2));
      return words.slice(at, at + 2 + Math.floor(rng.next() * 2)).join(' ');
    },
    () => {
      // Consecutive words, the last one cut: a phrase ending in a prefix.
      const words = wordsOf(pick(entries));
      const at = Math.floor(rng.next() * (words.length - 1));
      return `${words[at]} ${words[at + 1].slice(0, 3)}`;
    },
    () => `${word()} ${word()}`,
    () => `${word()} ${word()} ${word()}`,
    () => {
      const w = word();
      return w.length >= 5 ? typo(w) : w;
    },
    () => `${word()} ${typo(word().padEnd(6, 'e'))}`,
    () => word(pick(other)),
    () => {
      const w = word(pick(other));
      return Array.from(w)
        .slice(0, 1 + Math.floor(rng.next() * 3))
        .join('');
    },
    () => `${word(pick(other))} ${word(pick(other))}`,
    () => `the ${word()} of`,
    () => pick(HOSTILE),
  ];
  const facets = `facets=${FACET_NAMES.join(',')}`;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const parts = [`q=${encodeURIComponent(pick(texts)().slice(0, 100))}`];
    for (let f = Math.floor(rng.next() * 3) - 1; f > 0; f--) parts.push(pick(FILTERS));
    parts.push(pick(SORTS));
    const pageSize = pick(PAGE_SIZES);
    if (pageSize !== 20) parts.push(`pageSize=${pageSize}`);
    const r = rng.next();
    if (r < 0.25) parts.push(`page=${2 + Math.floor(rng.next() * 3)}`);
    else if (r < 0.3) parts.push(`page=${5 + Math.floor(rng.next() * 50)}`);
    if (rng.next() < 0.8) parts.push(facets);
    out.push(parts.filter(Boolean).join('&'));
  }
  return out;
}
