/**
 * Searches run once before the server listens, so that no visitor's search pays for work done
 * only the first time: compiling the search code, loading ICU's word-break dictionary (a first
 * Chinese query cost about 55 ms), the first vocabulary scan for a typo.
 */
import { FACET_NAMES, parseSearchParams } from '../src/data/query.js';
import type { SearchEngine } from './engine.js';

const FACETS = `facets=${FACET_NAMES.join(',')}`;
const SEARCHES = [
  `q=health+services&${FACETS}`,
  'q=digital+skills&region=africa&page=2',
  'q=helth+programe',
  'q=远程医疗服务',
  'q=الصحة+الرقمية',
  'q=ภาษาไทย',
  'q=data&sort=title&sdg=3&yearFrom=2010',
  FACETS,
].map((qs) => {
  const parsed = parseSearchParams(new URLSearchParams(qs));
  if (!parsed.ok) throw new Error(`warm-up search ${qs}: ${parsed.error.message}`);
  return parsed.params;
});

/** A few rounds: V8 compiles a function fully only after it has run a little. */
export function warmUp(engine: SearchEngine, rounds = 3): void {
  for (let i = 0; i < rounds; i++) for (const params of SEARCHES) engine.search(params);
}
